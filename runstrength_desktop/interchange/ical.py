"""Planned sessions as an iCalendar file (RFC 5545) for the calendar on a runner's phone.

Each session is one VEVENT whose UID is made from the session's id, so exporting again after
moving or changing a session updates the event in a calendar app instead of adding a second
one. Times are floating local times (the logbook has no time zone); a session without a start
time is an all-day event. The icalendar package writes the file: folding, escaping and line
ends are its business."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from icalendar import Calendar, Event

from .. import APP_NAME, __version__, clock
from ..domain import Session, SetEntry, Status, WeightUnit
from ..domain.units import distance_unit_for, format_distance, format_number, format_weight

UID_DOMAIN = "runstrength-desktop"
DEFAULT_MINUTES = {"run": 45.0, "strength": 45.0}
DEFAULT_DAYS = 365


# C0 controls (but tab and line feed, which iCalendar text may hold), DEL and C1 controls.
_CONTROLS = {c: 0x2400 + c for c in range(32) if c not in (9, 10)} | {0x7F: 0x2421}
_CONTROLS |= dict.fromkeys(range(128, 160), 65533)


def clean_text(text: str) -> str:
    """Text an iCalendar reader takes: CRLF and CR become line breaks, other control
    characters their pictures."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)


def event_uid(session: Session) -> str:
    return f"session-{session.id}@{UID_DOMAIN}"


def summary(session: Session, unit: WeightUnit) -> str:
    if session.title:
        return session.title
    if session.is_run:
        kind = f"{session.run_type.value.capitalize()} run" if session.run_type else "Run"
        distance = format_distance(session.distance_km, distance_unit_for(unit))
        return f"{kind} {distance}".strip()
    return "Strength: " + ", ".join(session.exercise_names()[:3]) if session.sets else "Strength"


def _set_text(entry: SetEntry, unit: WeightUnit) -> str:
    reps = entry.reps if entry.reps is not None else entry.target_reps
    weight = entry.weight_kg if entry.weight_kg is not None else entry.target_weight_kg
    parts = []
    if reps is not None:
        parts.append(f"{reps}")
    if weight:
        parts.append(f"{format_weight(weight, unit)}")
    if entry.seconds:
        parts.append(f"{format_number(entry.seconds)} s")
    if entry.distance_km:
        parts.append(format_distance(entry.distance_km, distance_unit_for(unit)))
    text = " × ".join(parts) or "1 set"
    return f"{text} ({entry.set_type.value})" if entry.set_type.value != "working" else text


def description(session: Session, unit: WeightUnit) -> str:
    """The plan in words: 'Back squat: 8 × 60 kg, 8 × 60 kg' per line, then the notes."""
    by_exercise: dict[str, list[str]] = defaultdict(list)
    for entry in session.sets:
        by_exercise[entry.exercise].append(_set_text(entry, unit))
    lines = [f"{name}: {', '.join(sets)}" for name, sets in by_exercise.items()]
    if session.is_run and session.distance_km:
        lines.append(format_distance(session.distance_km, distance_unit_for(unit)))
    if session.notes:
        lines.append(session.notes)
    return "\n".join(lines)


def session_event(session: Session, unit: WeightUnit, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(session))
    event.add("dtstamp", stamp)
    event.add("summary", clean_text(summary(session, unit)))
    if session.start is not None:
        begin = dt.datetime.combine(session.date, session.start)
        minutes = session.duration_min or DEFAULT_MINUTES[session.kind.value]
        event.add("dtstart", begin)
        event.add("dtend", begin + dt.timedelta(minutes=minutes))
    else:
        event.add("dtstart", session.date)
        event.add("dtend", session.date + dt.timedelta(days=1))
    if text := description(session, unit):
        event.add("description", clean_text(text))
    event.add("categories", ["Run" if session.is_run else "Strength"])
    return event


def sessions_ics(sessions: list[Session], unit: WeightUnit, now: dt.datetime | None = None) -> str:
    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{APP_NAME} {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{APP_NAME} plan")
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    for session in sessions:
        calendar.add_component(session_event(session, unit, stamp))
    return calendar.to_ical().decode("utf-8")


def export_ics(
    repo,
    unit: WeightUnit,
    first: dt.date | None = None,
    last: dt.date | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Planned sessions from first (default today) to last (default a year later)."""
    first = first or clock.today()
    last = last or first + dt.timedelta(days=DEFAULT_DAYS)
    planned = [s for s in repo.sessions_between(first, last) if s.status is Status.PLANNED]
    return sessions_ics(planned, unit, now)
