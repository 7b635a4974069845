"""A plan of runs from elsewhere: an iCalendar file (a coach's plan, another app's) read into
planned runs. Each event is a planned run on its day (at its time, when it has one), its
type from the title by the same words the runs import reads (interchange/activities/
classify.py), its distance and duration from the title or the description where they are
given (else the event's own length for a timed event). Events that are no runs (a rest day,
a swim, a gym session, this app's own strength sessions) are left out, and say why.

Importing the file again updates instead of adding: a run keeps its event's UID (Session.
plan_uid, kept by the store through edits and completion), so a moved or changed event moves
or changes its planned run, while a run already done or skipped stays as it is. A recurring
event becomes one run per occurrence in the year from today, each with its own identity.
The icalendar package reads the file (folding, escaping, time zones)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import clock
from ..domain import RunType, Session, SessionKind, Status
from ..domain.units import KM_PER_MI
from ..domain.validation import MAX_NAME_LENGTH, MAX_NOTES_LENGTH, ValidationError
from ..store import StoreError
from .activities.classify import by_name
from .ical import UID_DOMAIN
from .records import ImportProblem

SOURCE = "ical"
ICAL_FILTER = "Calendar files (*.ics *.ical *.ifb)"
RECURRING_DAYS = 366  # occurrences of a recurring event read from today on
MAX_OCCURRENCES = 400
MAX_EVENT_MINUTES = 6 * 60  # a longer event is a day blocked, not a run's length

# Words that say an event is not a run (checked after the run-type words, which win: "easy
# run after the gym" is a run).
NOT_A_RUN = re.compile(
    r"(?<![a-z])(rest|off|day off|ruhetag|swim|swimming|schwimmen|bike|ride|cycling|"
    r"radfahren|velo|yoga|pilates|gym|strength|weights?|lifting|kraft|krafttraining|"
    r"massage|physio|stretching|mobility|cross ?training|xt)(?![a-z])",
    re.IGNORECASE,
)
RUN_WORDS = re.compile(r"(?<![a-z])(run|running|jog|lauf|laufen|course|carrera|corsa)", re.I)
_NUMBER = r"(\d+(?:[.,]\d+)?)"
DISTANCE = re.compile(
    rf"(?<![\dx×.,]){_NUMBER}\s*(km|k|kilometres?|kilometers?|mi|miles?)(?![a-z])",
    re.IGNORECASE,
)
NAMED_DISTANCES = (
    (re.compile(r"half[- ]?marathon|halbmarathon|semi[- ]?marat", re.I), 21.0975),
    (re.compile(r"(?<![a-z])marathon|marat[oó]n|maratona", re.I), 42.195),
)
HOURS_MINUTES = re.compile(
    r"(?<![\d:])(\d{1,2})\s*(?:h|:)\s*(\d{2})(?:\s*(?:min|h))?(?![\d:])", re.I
)
HOURS = re.compile(rf"(?<![\d.,]){_NUMBER}\s*(?:h|hrs?|hours?|std)(?![a-z])", re.IGNORECASE)
MINUTES = re.compile(rf"(?<![\d.,x×]){_NUMBER}\s*(?:min|mins|minutes?|minuten|')(?![a-z])", re.I)


def looks_like_ical(data: bytes) -> bool:
    """An iCalendar file starts with BEGIN:VCALENDAR (after a BOM or blank lines)."""
    head = data[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:15].upper() == b"BEGIN:VCALENDAR"


@dataclass
class CalendarPlan:
    """What importing the file would do."""

    new: list[Session] = field(default_factory=list)
    updated: list[tuple[Session, Session]] = field(default_factory=list)  # (before, after)
    unchanged: int = 0
    kept_done: int = 0  # events whose run is already done or skipped
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (event, why)
    events: int = 0
    dry_run: bool = False

    def as_json(self) -> dict:
        return {
            "format": "ical",
            "events": self.events,
            "runs": len(self.new),
            "updated": len(self.updated),
            "unchanged": self.unchanged,
            "already_done": self.kept_done,
            "skipped": [{"event": e, "reason": r} for e, r in self.skipped],
            "dry_run": self.dry_run,
        }

    def lines(self) -> list[str]:
        verb = ("would add", "would update") if self.dry_run else ("added", "updated")
        out = [
            f"calendar: {self.events} events; {verb[0]} {len(self.new)} planned runs, "
            f"{verb[1]} {len(self.updated)}, {self.unchanged} unchanged"
        ]
        kinds: dict[str, int] = {}
        for session in self.new:
            kinds[str(session.run_type)] = kinds.get(str(session.run_type), 0) + 1
        if kinds:
            out.append("  types: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
        if self.kept_done:
            out.append(f"{self.kept_done} runs were already done or skipped and were kept")
        if self.skipped:
            out.append(f"{len(self.skipped)} events are not planned runs and were left out:")
            out.extend(f"  {e}: {r}" for e, r in self.skipped[:20])
            if len(self.skipped) > 20:
                out.append(f"  … and {len(self.skipped) - 20} more (--json lists them all)")
        if self.dry_run:
            out.append("dry run: nothing was written")
        return out


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    description: str
    day: dt.date
    start: dt.time | None
    minutes: float | None  # the event's own length, for a timed event
    cancelled: bool = False


def uid_key(uid: str) -> str:
    """A UID short enough for the logbook's keys (120 characters): long ones by their hash."""
    if len(uid) <= MAX_NAME_LENGTH:
        return uid
    return "sha1:" + hashlib.sha1(uid.encode("utf-8")).hexdigest()


def read_events(data: bytes, today: dt.date) -> list[Event]:
    """The file's events, recurring ones as their occurrences; ImportProblem when the file
    is no iCalendar file."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise ImportProblem(f"not an iCalendar file ({exc})") from None
    events = []
    for component in calendar.walk("VEVENT"):
        events.extend(_occurrences(component, today))
    return events


def _local(value) -> tuple[dt.date, dt.time | None]:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(clock.zone()).replace(tzinfo=None)
        return value.date(), value.time().replace(second=0, microsecond=0)
    return value, None


def _occurrences(component, today: dt.date) -> list[Event]:
    uid = str(component.get("UID", "")).strip()
    start = component.get("DTSTART")
    if start is None:
        return []
    begin = start.dt
    end = component.get("DTEND")
    length = None
    if isinstance(begin, dt.datetime):
        if end is not None and isinstance(end.dt, dt.datetime):
            length = (end.dt - begin).total_seconds() / 60
        elif component.get("DURATION") is not None:
            length = component.decoded("DURATION").total_seconds() / 60
    minutes = length if length and 0 < length <= MAX_EVENT_MINUTES else None
    summary = str(component.get("SUMMARY", "")).strip()
    description = str(component.get("DESCRIPTION", "")).strip()
    cancelled = str(component.get("STATUS", "")).upper() == "CANCELLED"
    if not uid:  # no identity: made from what the event says, so a second import finds it
        digest = hashlib.sha1(f"{begin}|{summary}".encode()).hexdigest()[:16]
        uid = f"no-uid-{digest}"
    moments = [begin]
    if component.get("RRULE") is not None:
        moments = _expand(component, begin, today)
    found = []
    recurring = component.get("RRULE") is not None
    recurrence = component.get("RECURRENCE-ID")
    for moment in moments:
        day, time = _local(moment)
        identity = uid
        if recurring or recurrence is not None:
            which = recurrence.dt if recurrence is not None else moment
            identity = f"{uid}/{_local(which)[0].isoformat()}"
        found.append(Event(identity, summary, description, day, time, minutes, cancelled))
    return found


def _expand(component, begin, today: dt.date) -> list:
    from dateutil.rrule import rrulestr

    rule = component.get("RRULE").to_ical().decode()
    naive = begin if isinstance(begin, dt.datetime) else dt.datetime.combine(begin, dt.time())
    try:
        occurrences = rrulestr(rule, dtstart=naive)
    except (ValueError, TypeError):
        return [begin]
    excluded = set()
    for exdate in _as_list(component.get("EXDATE")):
        for value in exdate.dts:
            excluded.add(_local(value.dt)[0])
    window_end = dt.datetime.combine(today + dt.timedelta(days=RECURRING_DAYS), dt.time.max)
    moments: list[dt.date] = []  # datetimes, or days for an all-day event
    for moment in occurrences:
        if moment.replace(tzinfo=None) > window_end.replace(tzinfo=None) or len(moments) >= (
            MAX_OCCURRENCES
        ):
            break
        if _local(moment)[0] in excluded:
            continue
        moments.append(moment if isinstance(begin, dt.datetime) else moment.date())
    return moments


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _number(text: str) -> float:
    return float(text.replace(",", "."))


REPEATS = re.compile(r"\d+\s*[x×]\s*$", re.IGNORECASE)


def _first(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match that is not the length of a repeat ('6 x 800 m', '5 x 3 min')."""
    return next((m for m in pattern.finditer(text) if not REPEATS.search(text[: m.start()])), None)


def distance_km(text: str) -> float | None:
    """The first distance written in `text` ("10 km", "8k", "6 mi"), or a named one (half
    marathon, marathon); None when it says none. '6x800 m' is intervals, not a distance."""
    if found := _first(DISTANCE, text):
        value = _number(found.group(1))
        unit = found.group(2).lower()
        return round(value * KM_PER_MI, 3) if unit.startswith("mi") else value
    for pattern, km in NAMED_DISTANCES:
        if pattern.search(text):
            return km
    return None


LABELLED = re.compile(r"(distance|total|gesamt|distancia|totale?)\s*:?\s*$", re.IGNORECASE)


def described(read, text: str) -> float | None:
    """What a description says with `read` (distance_km or duration_min): the value after
    a label ("Distance: 10 km", "total 55 min"), else the one value it gives; several
    without a label (a warm-up, the work, a cool-down) say no total."""
    values = []
    for line in re.split(r"[\n,;.](?!\d)", text):
        value = read(line)
        if value is None:
            continue
        label_end = re.search(r"\d", line)
        if label_end and LABELLED.search(line[: label_end.start()]):
            return value
        values.append(value)
    return values[0] if len(values) == 1 else None


def duration_min(text: str) -> float | None:
    """The first duration written in `text` ("45 min", "1h30", "1:15 h", "2 h", "50'")."""
    if found := _first(HOURS_MINUTES, text):
        return int(found.group(1)) * 60 + int(found.group(2))
    if found := _first(MINUTES, text):
        return _number(found.group(1))
    if found := _first(HOURS, text):
        return _number(found.group(1)) * 60
    return None


def to_run(event: Event) -> tuple[Session | None, str]:
    """The planned run an event is, or None and why it is none."""
    text = f"{event.summary}\n{event.description}"
    if f"@{UID_DOMAIN}" in event.uid:
        return None, "this app's own session (already in a logbook)"
    named = by_name(event.summary) or by_name(event.description)
    if named is None:
        if not_a_run := NOT_A_RUN.search(event.summary):
            return None, f"the title says '{not_a_run.group(0)}'"
        if not RUN_WORDS.search(text) and distance_km(text) is None:
            return None, "nothing says it is a run (no run word, type or distance)"
    run_type = named[0] if named else RunType.EASY
    reason = (
        f"the calendar's event says '{named[1]}'"
        if named
        else "the calendar's event names no type: easy"
    )
    km = distance_km(event.summary) or described(distance_km, event.description)
    minutes = (
        duration_min(event.summary) or described(duration_min, event.description) or event.minutes
    )
    if minutes is not None and not 0 < minutes <= 24 * 60:
        minutes = None
    if km is not None and not 0 < km <= 1000:
        km = None
    key = uid_key(event.uid)
    return (
        Session(
            event.day,
            SessionKind.RUN,
            Status.PLANNED,
            start=event.start,
            title=(event.summary or "Run")[:MAX_NAME_LENGTH],
            run_type=run_type,
            distance_km=km,
            duration_min=minutes,
            notes=event.description[:MAX_NOTES_LENGTH],
            run_type_reason=reason,
            source=SOURCE,
            source_key=key,
            plan_uid=key,
        ),
        "",
    )


def plan_calendar(repo, data: bytes, today: dt.date | None = None) -> CalendarPlan:
    """What importing the calendar would add and update in this logbook."""
    today = today or clock.today()
    plan = CalendarPlan()
    events = read_events(data, today)
    plan.events = len(events)
    existing = repo.runs_by_plan_uid()
    seen: set[str] = set()
    for event in events:
        name = f"{event.day} {event.summary or '(no title)'}"[:80]
        if event.cancelled:
            plan.skipped.append((name, "cancelled"))
            continue
        session, why = to_run(event)
        if session is None:
            plan.skipped.append((name, why))
            continue
        if session.plan_uid in seen:
            plan.skipped.append((name, "the same event twice in the file"))
            continue
        seen.add(session.plan_uid)
        old = existing.get(session.plan_uid)
        if old is None:
            plan.new.append(session)
        elif old.status is not Status.PLANNED:
            plan.kept_done += 1
        else:
            updated = _updated(old, session)
            if updated == old:
                plan.unchanged += 1
            else:
                plan.updated.append((old, updated))
    return plan


def _updated(old: Session, new: Session) -> Session:
    """The planned run `old` with what the event now says (its sets, order and any runner's
    notes on other things stay)."""
    return replace(
        old,
        date=new.date,
        start=new.start,
        order=old.order if old.date == new.date else 0,
        title=new.title,
        run_type=new.run_type,
        run_type_reason=new.run_type_reason,
        distance_km=new.distance_km,
        duration_min=new.duration_min,
        notes=new.notes,
    )


def import_calendar(
    repo, path: Path, dry_run: bool = False, today: dt.date | None = None
) -> CalendarPlan:
    """Import an iCalendar file of planned runs in one transaction (a dry run writes
    nothing). ImportProblem names the file and means nothing was written."""
    from .importer import read_file

    try:
        plan = plan_calendar(repo, read_file(path), today)
        if not plan.new and not plan.updated and not plan.unchanged and not plan.kept_done:
            if not plan.events:
                raise ImportProblem("the calendar has no events")
            raise ImportProblem(
                f"none of its {plan.events} events is a planned run ("
                + "; ".join(f"{e}: {r}" for e, r in plan.skipped[:3])
                + ")"
            )
        if dry_run:
            plan.dry_run = True
            return plan
        try:
            repo.import_runs(plan.new, [after for _before, after in plan.updated])
        except ValidationError as exc:
            raise ImportProblem(f"a run could not be saved ({exc})") from None
        except StoreError as exc:
            raise ImportProblem(f"the logbook refused the write ({exc})") from None
        return plan
    except ImportProblem as exc:
        raise type(exc)(f"{path}: {exc}; nothing was imported") from None
