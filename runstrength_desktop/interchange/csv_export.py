"""The logbook as CSV for a spreadsheet: one row per set, in the user's unit.

Columns, in this order (the two unit columns are named after the unit):

| column | meaning |
| --- | --- |
| date | the session's day, YYYY-MM-DD |
| start | its start, HH:MM, blank when not set |
| kind | run or strength |
| status | planned, done or skipped |
| title | the session's title |
| run_type | easy, long, tempo, ... (runs only) |
| session_duration_min | the session's length in minutes |
| session_rpe | the session's effort, 1-10 |
| exercise | the set's exercise (blank on a run's row) |
| set | the set's number within the session, from 1 |
| set_type | warmup, working, drop or failure |
| side | both, each (the set done on each side, one row), left or right |
| reps | repetitions |
| weight_kg / weight_lb | load |
| distance_km / distance_mi | a set's distance, or a run's distance |
| seconds | a timed set's length |
| rpe | the set's effort, 1-10 |
| target_reps | the planned repetitions |
| target_weight_kg / target_weight_lb | the planned load |
| notes | the session's notes |

A run, and a strength session without sets, is one row with the set columns blank. Text
cells that start with =, +, -, @, a tab or a carriage return, or with a look-alike of one
(full-width ＝ ＋ － ＠, the small forms, the minus sign −, which spreadsheets also take as
formula starts), get a leading apostrophe so a spreadsheet shows them instead of running
them as formulas. The file is UTF-8 with a
byte-order mark, which Excel needs to show accents, and CRLF line ends (RFC 4180)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata

from ..domain import Session, SetEntry, WeightUnit
from ..domain.units import distance_unit_for, format_number, kg_to, km_to

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Compatibility forms fold onto the ASCII ones (NFKC: ＝ and ﹦ are =); the minus sign and
# the other dashes a spreadsheet reads as minus do not fold, so they are named.
MINUS_LIKE = ("\u2212", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\ufe58")


def header(unit: WeightUnit) -> list[str]:
    distance = distance_unit_for(unit).value
    return [
        "date",
        "start",
        "kind",
        "status",
        "title",
        "run_type",
        "session_duration_min",
        "session_rpe",
        "exercise",
        "set",
        "set_type",
        "side",
        "reps",
        f"weight_{unit.value}",
        f"distance_{distance}",
        "seconds",
        "rpe",
        "target_reps",
        f"target_weight_{unit.value}",
        "notes",
    ]


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert."""
    if not text:
        return text
    first = unicodedata.normalize("NFKC", text[0])
    if first.startswith(FORMULA_STARTS) or text[0] in MINUS_LIKE:
        return "'" + text
    return text


def _number(value: float | None, decimals: int = 2) -> str:
    return "" if value is None else format_number(value, decimals)


def session_rows(session: Session, unit: WeightUnit) -> list[list[str]]:
    distance_unit = distance_unit_for(unit)
    common = [
        session.date.isoformat(),
        session.start.strftime("%H:%M") if session.start else "",
        session.kind.value,
        session.status.value,
        neutralise(session.title),
        session.run_type.value if session.run_type else "",
        _number(session.duration_min),
        _number(session.rpe),
    ]
    notes = neutralise(session.notes)

    def weight(value: float | None) -> str:
        return "" if value is None else _number(kg_to(value, unit))

    if not session.sets:
        distance = (
            ""
            if session.distance_km is None
            else _number(km_to(session.distance_km, distance_unit), 3)
        )
        return [common + ["", "", "", "", "", "", distance, "", "", "", "", notes]]

    def row(number: int, entry: SetEntry) -> list[str]:
        distance = (
            "" if entry.distance_km is None else _number(km_to(entry.distance_km, distance_unit), 3)
        )
        return common + [
            neutralise(entry.exercise),
            str(number),
            entry.set_type.value,
            entry.side.value,
            _number(entry.reps, 0),
            weight(entry.weight_kg),
            distance,
            _number(entry.seconds, 1),
            _number(entry.rpe, 1),
            _number(entry.target_reps, 0),
            weight(entry.target_weight_kg),
            notes,
        ]

    return [row(number, entry) for number, entry in enumerate(session.sets, 1)]


def sessions_csv(sessions: list[Session], unit: WeightUnit) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header(unit))
    for session in sessions:
        writer.writerows(session_rows(session, unit))
    return "\ufeff" + out.getvalue()


def export_csv(
    repo, unit: WeightUnit, first: dt.date | None = None, last: dt.date | None = None
) -> str:
    """The logbook's sessions from first to last (both included; all when not given)."""
    if first is None and last is None:
        sessions = repo.all_sessions()
    else:
        span = repo.date_range()
        if span is None:
            sessions = []
        else:
            sessions = repo.sessions_between(first or span[0], last or span[1])
    return sessions_csv(sessions, unit)
