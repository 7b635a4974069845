"""What the Strong, Hevy and FitNotes parsers hand to the mapping: workouts made of rows already
in store units (kg, km, seconds), the rows they skipped with line and reason, and the
exceptions every importer raises. Plain Python: no Qt, no peewee."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..domain import SetType
from ..domain.units import KG_PER_LB, KM_PER_MI
from ..domain.validation import MAX_DURATION_MIN, rpe_problem
from .unit_guess import UnitGuess

# progress(done, total): the parsers call it every PROGRESS_EVERY rows; it may raise
# ImportCancelled to stop an import before anything is written.
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500


class ImportProblem(ValueError):
    """A file that cannot be imported at all. Nothing was written."""


class UnitNeeded(ImportProblem):
    """The file does not say whether its weights are kilograms or pounds, and the loads do
    not say it for sure either (or nobody asked them: `guess` is what they say)."""

    def __init__(self, message: str, guess=None) -> None:
        super().__init__(message)
        self.guess = guess


class ImportCancelled(Exception):
    """The user stopped the import before it wrote anything."""


class RowError(ValueError):
    """One row that cannot be read: it is skipped, and the reason names the column."""


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str


@dataclass(slots=True)
class RowRecord:
    """One set (or one cardio entry) of an export, in kg, km and seconds."""

    line: int
    exercise: str
    set_type: SetType = SetType.WORKING
    reps: int | None = None
    weight_kg: float | None = None
    seconds: float | None = None
    distance_km: float | None = None
    rpe: float | None = None
    note: str = ""
    category: str = ""  # FitNotes' own category ("Legs", "Cardio"): a hint for guessing
    distance_unit_missing: bool = False  # distance_km holds the number as written

    @property
    def is_empty(self) -> bool:
        return (
            self.reps is None
            and self.weight_kg is None
            and self.seconds is None
            and self.distance_km is None
        )


@dataclass
class WorkoutRecord:
    key: str  # the workout's identity in its source: its exact start, or its day
    date: dt.date
    start: dt.time | None
    title: str = ""
    duration_min: float | None = None
    notes: str = ""
    rows: list[RowRecord] = field(default_factory=list)
    exercise_notes: dict[str, list[str]] = field(default_factory=dict)

    def add_exercise_note(self, exercise: str, note: str) -> None:
        note = note.strip()
        if note and note not in (kept := self.exercise_notes.setdefault(exercise, [])):
            kept.append(note)


@dataclass
class ParsedExport:
    format: str  # "strong", "hevy", "fitnotes"
    dialect: str  # a short id of the header form, e.g. "comma", "strong6", "kg-km"
    description: str  # the same for people: "Strong, semicolon, 14 columns"
    unit: str | None  # the file's weight unit ("kg", "lb"), None when it has no weights
    workouts: list[WorkoutRecord]
    skipped: list[Skipped]
    data_rows: int  # records after the header
    pseudo_rows: int  # rest timers and notes: rows that are not sets
    unit_guess: UnitGuess | None = None  # for a file without units
    unit_source: str = ""  # "file", "option" (--unit, the preview) or "guess"
    notes: list[str] = field(default_factory=list)  # how values without a unit were read


# ------------------------------------------------------------------------------- cell readers

_DECIMAL_COMMA = re.compile(r"-?[0-9]+,[0-9]+")


def number(text: str, column: str) -> float | None:
    """A cell as a float; blank is None. Semicolon exports from some locales write '62,5'."""
    text = text.strip()
    if not text:
        return None
    if _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise RowError(f"{column}: not a number: {text[:40]!r}") from None
    if not math.isfinite(value):
        raise RowError(f"{column}: not a number: {text[:40]!r}")
    return value


def positive(
    text: str, column: str, problem: Callable[[object], str | None], scale: float = 1.0
) -> float | None:
    """A measured amount: blank or zero means 'not recorded' (Strong writes 0 in unused
    columns); otherwise it is scaled to store units and checked by the domain's own rule."""
    value = number(text, column)
    if value is None or value == 0:
        return None
    value *= scale
    if message := problem(value):
        raise RowError(f"{column}: {message}")
    return value


def whole(text: str, column: str, problem: Callable[[object], str | None]) -> int | None:
    """A count such as reps: Strong sometimes writes '8.0'; '8.5' is refused."""
    value = number(text, column)
    if value is None or value == 0:
        return None
    if value != int(value):
        raise RowError(f"{column}: must be a whole number, not {text.strip()[:40]!r}")
    if message := problem(int(value)):
        raise RowError(f"{column}: {message}")
    return int(value)


def rpe_cell(text: str, column: str) -> float | None:
    """A set's RPE, 1 to 10 in half steps; blank or 0 (Strong's 'none') is None."""
    value = number(text, column)
    if value is None or value == 0:
        return None
    if message := rpe_problem(value, half_steps=True):
        raise RowError(f"{column}: {message}")
    return value


WEIGHT_UNITS = {"kg": 1.0, "kgs": 1.0, "lb": KG_PER_LB, "lbs": KG_PER_LB}
DISTANCE_UNITS = {
    "km": 1.0,
    "kms": 1.0,
    "m": 0.001,
    "mi": KM_PER_MI,
    "mi.": KM_PER_MI,
    "mile": KM_PER_MI,
    "miles": KM_PER_MI,
    "ft": 0.0003048,
    "yd": 0.0009144,
}


def weight_scale(unit_text: str, column: str) -> float:
    scale = WEIGHT_UNITS.get(unit_text.strip().lower())
    if scale is None:
        raise RowError(f"{column}: unknown weight unit {unit_text.strip()[:20]!r}")
    return scale


def distance_scale(unit_text: str, column: str) -> float:
    scale = DISTANCE_UNITS.get(unit_text.strip().lower())
    if scale is None:
        raise RowError(f"{column}: unknown distance unit {unit_text.strip()[:20]!r}")
    return scale


_DURATION = re.compile(r"(?:([0-9]+)\s*h)?\s*(?:([0-9]+)\s*m(?:in)?)?\s*(?:([0-9]+)\s*s)?")


def workout_minutes(minutes: float | None) -> float | None:
    """A workout's length as recorded, or None when it is missing or beyond what a logbook
    keeps (a week). A length that is recorded but implausible ('24h 1m', a timer left
    running) is kept for the record: the planner and the load chart judge it by its sets
    (domain/durations.py)."""
    if minutes is None or not 0 < minutes <= MAX_DURATION_MIN:
        return None
    return round(minutes, 2)


def duration_text_minutes(text: str) -> float | None:
    """Strong's '2h 18m', '31m', '1h', '55s' as minutes; None when blank or unreadable."""
    text = text.strip()
    match = _DURATION.fullmatch(text) if text else None
    if match is None or not any(match.groups()):
        return None
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return workout_minutes(hours * 60 + minutes + seconds / 60)


def join_notes(workout: WorkoutRecord, limit: int, leave_out=frozenset()) -> str:
    """The workout's own notes, then each exercise's notes as 'Exercise: note' (except those
    of `leave_out`, whose notes went to their runs)."""
    parts = [workout.notes.strip()] if workout.notes.strip() else []
    for exercise, notes in workout.exercise_notes.items():
        if exercise not in leave_out:
            parts.extend(f"{exercise}: {note}" for note in notes)
    return "\n".join(parts)[:limit]
