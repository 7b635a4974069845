"""Sessions (runs and strength sessions), their sets, races, week phases and body weight.

Weights are kilograms and distances kilometres everywhere below this line; pounds and
miles exist only at the edges (display, import, export)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .enums import Phase, RunType, SessionKind, SetType, Side, Status

if TYPE_CHECKING:
    from .exercise import Exercise


@dataclass
class SetEntry:
    exercise: str
    set_type: SetType = SetType.WORKING
    reps: int | None = None
    weight_kg: float | None = None
    seconds: float | None = None
    distance_km: float | None = None
    side: Side = Side.BOTH
    rpe: float | None = None
    target_reps: int | None = None
    target_weight_kg: float | None = None
    id: int | None = field(default=None, compare=False)

    @property
    def is_working(self) -> bool:
        return self.set_type is not SetType.WARMUP


@dataclass
class Lap:
    """One lap of a run recorded by a watch (read-only: it is what the file says)."""

    distance_km: float | None = None
    seconds: float | None = None  # timer time of the lap
    avg_hr: float | None = None
    max_hr: float | None = None
    intensity: str = ""  # the file's own word: active, rest, warmup, cooldown, ...
    trigger: str = ""  # what ended the lap: manual, distance, time, ...
    ascent_m: float | None = None

    @property
    def pace_s_per_km(self) -> float | None:
        if not self.seconds or not self.distance_km or self.distance_km <= 0:
            return None
        return self.seconds / self.distance_km


@dataclass
class Session:
    date: dt.date
    kind: SessionKind
    status: Status = Status.PLANNED
    start: dt.time | None = None
    order: int = 0  # position within the day when there is no start time
    title: str = ""
    run_type: RunType | None = None
    distance_km: float | None = None
    duration_min: float | None = None
    rpe: float | None = None  # session RPE, 1-10
    notes: str = ""
    sets: list[SetEntry] = field(default_factory=list)
    source: str = ""  # where an import came from ("strong", "hevy", ...)
    source_key: str = ""  # the workout's identity in that source (its start)
    # What a run recorded by a watch brings (interchange/activities): the logbook's
    # duration_min is its moving (timer) time; these are read-only numbers from the file.
    elapsed_min: float | None = None  # start to end, pauses included
    avg_hr: float | None = None
    max_hr: float | None = None
    elevation_gain_m: float | None = None
    run_type_reason: str = ""  # why the run has its type (shown; the runner may change it)
    source_file: str = ""  # the file (or export row) it came from
    start_utc: dt.datetime | None = None  # its exact start, when the file knows the zone
    laps: list[Lap] = field(default_factory=list)
    # The plan a done session fulfilled, kept by the store when a planned (or skipped)
    # session is saved as done: it was planned, and at this distance (plan against done).
    from_plan: bool = False
    planned_km: float | None = None
    # A planned run's event in the calendar it was imported from (its iCalendar UID), kept
    # by the store through edits and completion, so importing that calendar again updates it.
    plan_uid: str = ""
    id: int | None = field(default=None, compare=False)

    @property
    def is_run(self) -> bool:
        return self.kind is SessionKind.RUN

    @property
    def is_strength(self) -> bool:
        return self.kind is SessionKind.STRENGTH

    @property
    def is_hard_run(self) -> bool:
        return self.is_run and self.run_type is not None and self.run_type.is_hard

    @property
    def week(self) -> str:
        return iso_week(self.date)

    def working_sets(self) -> list[SetEntry]:
        return [s for s in self.sets if s.is_working]

    def exercise_names(self) -> list[str]:
        """Exercises in the order they first appear."""
        return list(dict.fromkeys(s.exercise for s in self.sets))

    def starts_at(self) -> dt.datetime | None:
        return dt.datetime.combine(self.date, self.start) if self.start else None

    def sort_key(self) -> tuple[dt.date, bool, dt.time, int]:
        # Sessions with a start time sort by it; the others keep their order in the day.
        return (self.date, self.start is None, self.start or dt.time(), self.order)

    @property
    def is_recorded(self) -> bool:
        """A run read from a watch's file or export (it has an origin to match again)."""
        return bool(self.source_file or self.start_utc)

    def copy(self, **changes: Any) -> Session:
        """A deep copy without ids (a duplicate to save as a new session)."""
        changes.setdefault("sets", [replace(s, id=None) for s in self.sets])
        changes.setdefault("laps", [replace(lap) for lap in self.laps])
        changes.setdefault("from_plan", False)
        changes.setdefault("planned_km", None)
        changes.setdefault("plan_uid", "")
        return replace(
            self, id=None, source="", source_key="", source_file="", start_utc=None, **changes
        )

    def take_identity(self, other: Session) -> Session:
        """This session saved in the place of `other`: its id and where it came from (the
        editor saves a copy of what it loaded; the import's origin must survive the save)."""
        self.id, self.source, self.source_key = other.id, other.source, other.source_key
        self.source_file, self.start_utc = other.source_file, other.start_utc
        if other.run_type_reason and self.run_type is not other.run_type:
            self.run_type_reason = (
                f"set by the runner (was {other.run_type}: {other.run_type_reason})"
            )[:2000]
        return self


@dataclass
class Race:
    date: dt.date
    name: str
    distance_km: float | None = None
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class WeekPhase:
    week: str  # ISO week, "2026-W48"
    phase: Phase
    source: str = ""  # who set it: "" the runner, "season" a season plan (domain/season.py)


@dataclass
class BodyWeight:
    date: dt.date
    weight_kg: float
    id: int | None = field(default=None, compare=False)


@dataclass
class Logbook:
    """Everything one logbook holds, as plain objects: what a backup carries."""

    exercises: list[Exercise] = field(default_factory=list)  # custom exercises only
    sessions: list[Session] = field(default_factory=list)
    races: list[Race] = field(default_factory=list)
    weeks: list[WeekPhase] = field(default_factory=list)
    body_weights: list[BodyWeight] = field(default_factory=list)


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(week: str) -> dt.date:
    """The Monday of an ISO week written '2026-W48'; ValueError if there is no such week."""
    try:
        year_text, week_text = week.split("-W")
        return dt.date.fromisocalendar(int(year_text), int(week_text), 1)
    except (ValueError, AttributeError) as exc:
        raise ValueError(f"not an ISO week like 2026-W48: {week!r}") from exc


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())
