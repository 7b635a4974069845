"""Reading sessions with their sets: the hot path of every interaction (a month on the
calendar, a session in the editor, the planner's weeks), so it is plain SQL read through the
sqlite3 cursor. peewee building the SQL of each query and an object per row cost ten times
the query itself.

The column lists come from the models, so a column added to a model is read here too."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from ..domain import Lap, RunType, Session, SessionKind, SetEntry, Status
from .convert import (
    KINDS,
    LAP_COLUMNS,
    RUN_TYPES,
    SESSION_COLUMNS,
    SESSION_TUPLE,
    SET_COLUMNS,
    SET_TYPES,
    SIDES,
    STATUSES,
    as_day,
    lap_from_tuple,
    session_from_row,
    set_from_tuple,
)

_SESSION_SELECT = "SELECT {} FROM session WHERE ".format(
    ", ".join(f'session."{f.column_name}"' for f in SESSION_COLUMNS)
)
_SET_SELECT = "SELECT {} FROM strength_set WHERE ".format(
    ", ".join(f'strength_set."{f.column_name}"' for f in SET_COLUMNS)
)
_LAP_SELECT = (
    "SELECT {} FROM run_lap WHERE session_id IN ({{}}) ORDER BY session_id, position".format(
        ", ".join(f'run_lap."{f.column_name}"' for f in LAP_COLUMNS)
    )
)
_CHUNK = 500  # ids per IN (...): well under SQLite's limit of bound parameters
_SET_ORDER = " ORDER BY strength_set.session_id, strength_set.position"

BETWEEN = "session.date BETWEEN ? AND ?"
BY_ID = "session.id = ?"
EVERY = "1"

# Runs a query on the logbook: sqlite3's execute, or the database's execute_sql.
Execute = Callable[[str, tuple[Any, ...]], Iterable[Any]]


def day_param(day: dt.date) -> str:
    return day.isoformat()  # how DateField stores a day


def read_sessions(
    execute: Execute,
    names: dict[int, str],
    where: str,
    params: tuple[Any, ...] = (),
    set_where: str = "",
    set_params: tuple[Any, ...] = (),
) -> list[Session]:
    """Sessions matching the SQL condition `where` (over the session table), each with its sets
    (only those matching `set_where`, over strength_set, when given), in calendar order.
    `execute(sql, params)` runs a query on the logbook; `names` maps exercise ids to names.

    The sessions are found first and their sets then read by session id, so the cost is that
    of what is returned, whatever index the condition would have led SQLite to."""
    rows = [SESSION_TUPLE._make(row) for row in execute(_SESSION_SELECT + where, params)]
    if not rows:
        return []
    extra = f" AND ({set_where})" if set_where else ""
    sets_by_session: dict[int, list[SetEntry]] = defaultdict(list)
    chunks: list[tuple[str, tuple[Any, ...]]]
    if where == EVERY:  # the whole logbook: one pass over the sets
        chunks = [("1", ())]
    else:
        ids = [row.id for row in rows]
        chunks = [
            (f"strength_set.session_id IN ({', '.join('?' * len(part))})", tuple(part))
            for part in (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK))
        ]
    for condition, chunk_params in chunks:
        sql = _SET_SELECT + condition + extra + _SET_ORDER
        for row in execute(sql, chunk_params + set_params):
            sets_by_session[row[1]].append(set_from_tuple(row, names[row[2]]))
    laps = _laps(execute, [row.id for row in rows if row.kind == "run"])
    sessions = [
        session_from_row(row, sets_by_session.get(row.id, []), laps.get(row.id)) for row in rows
    ]
    return sorted(sessions, key=Session.sort_key)


def _laps(execute: Execute, run_ids: list[int]) -> dict[int, list[Lap]]:
    """The laps of these runs (recorded by a watch), by run id: only runs are looked up."""
    laps: dict[int, list[Lap]] = defaultdict(list)
    for start in range(0, len(run_ids), _CHUNK):
        part = run_ids[start : start + _CHUNK]
        for row in execute(_LAP_SELECT.format(", ".join("?" * len(part))), tuple(part)):
            laps[row[0]].append(lap_from_tuple(row))
    return laps


def exercise_history_where(
    exercise_id: int, before: dt.date | None, limit: int | None
) -> tuple[str, tuple[Any, ...]]:
    """The done sessions with sets of one exercise (before a day; the latest `limit`).

    The latest few are found by walking back through the sessions by date and looking into
    each one's sets (by session: the `+` keeps SQLite off the exercise index, which would
    scan every set of the exercise ever logged for each session): the cost stays that of the
    few sessions walked, however long the history."""
    has_it = (
        "EXISTS (SELECT 1 FROM strength_set AS own WHERE own.session_id = session.id "
        "AND +own.exercise_id = ?)"
    )
    where = f"session.status = 'done' AND {has_it}"
    params: tuple[Any, ...] = (exercise_id,)

    if before is not None:
        where = f"session.date < ? AND {where}"
        params = (day_param(before), *params)
    if limit is not None:
        where = (
            f"session.id IN (SELECT session.id FROM session WHERE {where} "
            "ORDER BY session.date DESC LIMIT ?)"
        )
        params += (int(limit),)
    return where, params


# What the planner judges of a session and of a set (planning reads nothing else): a whole
# logbook's check reads every set, so it is read through the cursor as tuples, in the order
# the calendar shows them, without the notes, origins, laps and set ids nobody there reads.
_PLANNER_SESSIONS = (
    "SELECT id, date, kind, status, start, position, title, run_type, distance_km, "
    "duration_min, source FROM session"
)
_PLANNER_SETS = (
    "SELECT session_id, exercise_id, set_type, reps, weight_kg, seconds, distance_km, side, "
    "target_reps FROM strength_set ORDER BY session_id, position"
)


def read_for_planner(execute: Execute, names: dict[int, str]) -> list[Session]:
    """Every session with what the planner judges of it and of its sets (see above), in
    calendar order: for judging, not for saving (a saved copy would lose what was left out)."""
    set_types, sides = SET_TYPES, SIDES
    sets_by_session: dict[int, list[SetEntry]] = defaultdict(list)
    for session_id, exercise, kind, reps, weight, seconds, km, side, target in execute(
        _PLANNER_SETS, ()
    ):
        sets_by_session[session_id].append(
            SetEntry(
                names[exercise],
                set_types[kind],
                reps,
                weight,
                seconds,
                km,
                sides[side],
                None,
                target,
            )
        )
    kinds, statuses, run_types = KINDS, STATUSES, RUN_TYPES
    days: dict[str, dt.date] = {}
    sessions = []
    for row in execute(_PLANNER_SESSIONS, ()):
        session_id, day, kind, status, start, order, title, run_type, km, minutes, source = row
        date = days.get(day)
        if date is None:
            date = days[day] = as_day(day)
        sessions.append(
            Session(
                date,
                kinds.get(kind) or SessionKind(kind),  # Enum(...) names a bad value
                statuses.get(status) or Status(status),
                dt.time.fromisoformat(start) if start else None,
                order,
                title,
                (run_types.get(run_type) or RunType(run_type)) if run_type else None,
                km,
                minutes,
                sets=sets_by_session.get(session_id) or [],
                source=source,
                id=session_id,
            )
        )
    return sorted(sessions, key=Session.sort_key)
