"""Validation whose every message names the field it is about.

The same checks serve the session editor (a field is a column), the JSON backup (a field is a
JSON path such as sessions[12].sets[3].reps) and the importers (a field is a CSV column)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, TypeGuard, cast

from .enums import Muscle
from .exercise import Exercise
from .exercise_names import is_calf_name
from .session import BodyWeight, Lap, Race, Session, SetEntry

MAX_REPS = 1000
MAX_WEIGHT_KG = 1000.0
MAX_SECONDS = 86400.0
MAX_DISTANCE_KM = 1000.0
# A recorded duration is kept as written up to a week (a timer left running for days); the
# planner and the load chart judge one over 4 h by an estimate (domain/durations.py).
MAX_DURATION_MIN = 7 * 24 * 60.0
MAX_NAME_LENGTH = 120
MAX_NOTES_LENGTH = 20000
MAX_HEART_RATE = 260.0
MAX_ELEVATION_M = 20000.0
MAX_LAPS = 2000
# The days a logbook holds. Nobody trained in year 1 or plans for 9999, and dates that far
# out overflow the date arithmetic of the planner, the calendar and the iCalendar export.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DAYS = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\n[0-9]{4}-[0-9]{2}-[0-9]{2})*")
_CLOCK = re.compile(r"[0-9]{2}:[0-9]{2}")
_CONTROL = re.compile(r"[\x00-\x1f]")


def _is_number(value: object) -> TypeGuard[float]:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too big for a float (10**400) is no weight or rep count
        return False


def _out_of_range(value: object, high: float, message: str, whole: bool = False) -> str | None:
    """None when value is absent or a finite number from 0 to high; else the message."""
    if value is None:
        return None
    kind = type(value)
    if kind is float or kind is int:  # the common case, without the calls: a backup has
        # hundreds of thousands of numbers (NaN and infinity fail the comparisons)
        number = cast(float, value)  # an int or a float, as type() just said
        if 0 <= number <= high and (not whole or kind is int or number == int(number)):
            return None
        return message
    if not _is_number(value) or not 0 <= value <= high or (whole and value != int(value)):
        return message
    return None


# The messages, built once: the checks run for every number of every set of a backup.
_REPS = f"must be a whole number from 0 to {MAX_REPS}"
_WEIGHT = f"must be a number from 0 to {MAX_WEIGHT_KG:g} kg"
_SECONDS = f"must be a number of seconds from 0 to {MAX_SECONDS:g}"
_DISTANCE = f"must be a number of kilometres from 0 to {MAX_DISTANCE_KM:g}"
_DURATION = f"must be a number of minutes from 0 to {MAX_DURATION_MIN:g}"
_HEART_RATE = f"must be a heart rate from 0 to {MAX_HEART_RATE:g} beats a minute"
_ELEVATION = f"must be a number of metres from 0 to {MAX_ELEVATION_M:g}"


def reps_problem(value: object) -> str | None:
    return _out_of_range(value, MAX_REPS, _REPS, whole=True)


def weight_problem(value: object) -> str | None:
    return _out_of_range(value, MAX_WEIGHT_KG, _WEIGHT)


def seconds_problem(value: object) -> str | None:
    return _out_of_range(value, MAX_SECONDS, _SECONDS)


def distance_problem(value: object) -> str | None:
    return _out_of_range(value, MAX_DISTANCE_KM, _DISTANCE)


def duration_problem(value: object) -> str | None:
    return _out_of_range(value, MAX_DURATION_MIN, _DURATION)


def heart_rate_problem(value: object) -> str | None:
    return _out_of_range(value, MAX_HEART_RATE, _HEART_RATE)


def elevation_problem(value: object) -> str | None:
    return _out_of_range(value, MAX_ELEVATION_M, _ELEVATION)


def rpe_problem(value: object, half_steps: bool = False) -> str | None:
    if value is None:
        return None
    if not _is_number(value) or not 1 <= value <= 10:
        return "must be a number from 1 to 10" + (" in half steps" if half_steps else "")
    if half_steps and value * 2 != int(value * 2):
        return "must be a number from 1 to 10 in half steps"
    return None


# The ranges of the checks above, for all_pass: (lowest, highest, whole numbers only).
_RANGES = {
    reps_problem: (0, MAX_REPS, True),
    weight_problem: (0, MAX_WEIGHT_KG, False),
    seconds_problem: (0, MAX_SECONDS, False),
    distance_problem: (0, MAX_DISTANCE_KM, False),
    duration_problem: (0, MAX_DURATION_MIN, False),
    heart_rate_problem: (0, MAX_HEART_RATE, False),
    elevation_problem: (0, MAX_ELEVATION_M, False),
    rpe_problem: (1, 10, False),
}
_NONE = type(None)


def all_pass(check: Callable[..., str | None], values: list[Any], half_steps: bool = False) -> bool:
    """True when check(value) passes every value of a column (a backup's every reps): a few
    passes over the column in C instead of a call a value. False only says that some value
    needs a look (or is of a type this does not take, such as a whole-number float): the
    caller then checks the values one by one with `check`, which names the problem."""
    return passing_types(check, values, half_steps) is not None


def passing_types(
    check: Callable[..., str | None], values: list[Any], half_steps: bool = False
) -> set[type] | None:
    """all_pass, saying which types the column holds when it passes (None when not): a
    reader that turns ints into floats need not look at every value again."""
    low, high, whole = _RANGES[check]
    types = set(map(type, values))
    present = [v for v in values if v is not None] if _NONE in types else values
    if not present:
        return types
    if not types - {_NONE} <= ({int} if whole else {int, float}):
        return None
    if not (low <= min(present) and max(present) <= high):  # ints: beyond floats' reach too
        return None
    if float in types and not all(map(math.isfinite, present)):  # NaN slips past min / max
        return None
    if half_steps and not all(map(float.is_integer, [2.0 * v for v in present])):
        return None
    return types


def name_problem(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must not be empty"
    if len(value) > MAX_NAME_LENGTH:
        return f"must be at most {MAX_NAME_LENGTH} characters"
    if _CONTROL.search(value):
        return "must not contain control characters"
    return None


def day_problem(value: object) -> str | None:
    """None for a day the logbook can hold; else what is wrong with it."""
    if not isinstance(value, dt.date):
        return "must be a real date"
    if not FIRST_DAY <= value <= LAST_DAY:
        return f"must be a day from {FIRST_DAY} to {LAST_DAY}, not {value.isoformat()}"
    return None


def parse_day(text: object) -> dt.date:
    """An ISO day ('2026-11-24') from 1900 to 2100; ValueError naming what is wrong
    otherwise."""
    if not isinstance(text, str):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        # fromisoformat also takes '20261124' and '2026-W48-1', which a user never means.
        if not _DAY.fullmatch(text):
            raise ValueError
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"must be a real date written YYYY-MM-DD, not {text[:40]!r}") from None
    if problem := day_problem(day):
        raise ValueError(problem)
    return day


def all_days(values: list[Any]) -> list[dt.date] | None:
    """parse_day of each value of a column (a backup's every session day), when every one
    plainly passes: one match of the distinct values joined, fromisoformat over them in C,
    and the range by the lowest and highest, instead of a call a value. None says that some
    value needs a look: the caller then reads them one by one with parse_day."""
    if set(map(type, values)) - {str}:
        return None
    distinct = list(set(values))
    if distinct and not _DAYS.fullmatch("\n".join(distinct)):
        return None
    try:  # a value holding a newline matched two days above: fromisoformat refuses it
        days = list(map(dt.date.fromisoformat, distinct))
    except ValueError:
        return None
    if days and not (min(days) >= FIRST_DAY and max(days) <= LAST_DAY):
        return None
    found = dict(zip(distinct, days))
    return list(map(found.__getitem__, values))


def parse_clock(text: object) -> dt.time:
    if not isinstance(text, str) or not _CLOCK.fullmatch(text):
        raise ValueError("must be a time written HH:MM")
    try:
        return dt.time(int(text[:2]), int(text[3:]))
    except ValueError:
        raise ValueError(f"must be a real time written HH:MM, not {text!r}") from None


_SET_FIELDS = (
    "exercise",
    "reps",
    "weight_kg",
    "seconds",
    "distance_km",
    "rpe",
    "target_reps",
    "target_weight_kg",
)


def set_errors(entry: SetEntry, prefix: str = "") -> list[FieldError]:
    problems = (
        name_problem(entry.exercise),
        reps_problem(entry.reps),
        weight_problem(entry.weight_kg),
        seconds_problem(entry.seconds),
        distance_problem(entry.distance_km),
        rpe_problem(entry.rpe, half_steps=True),
        reps_problem(entry.target_reps),
        weight_problem(entry.target_weight_kg),
    )
    if not any(problems):  # the common case: a logbook's every set passes through here
        return []
    return [FieldError(prefix + name, p) for name, p in zip(_SET_FIELDS, problems) if p]


def lap_errors(lap: Lap, prefix: str = "") -> list[FieldError]:
    checks = [
        ("distance_km", distance_problem(lap.distance_km)),
        ("seconds", seconds_problem(lap.seconds)),
        ("avg_hr", heart_rate_problem(lap.avg_hr)),
        ("max_hr", heart_rate_problem(lap.max_hr)),
        ("ascent_m", elevation_problem(lap.ascent_m)),
    ]
    errors = [FieldError(prefix + name, problem) for name, problem in checks if problem]
    for name in ("intensity", "trigger"):
        if len(getattr(lap, name)) > MAX_NAME_LENGTH:
            errors.append(
                FieldError(prefix + name, f"must be at most {MAX_NAME_LENGTH} characters")
            )
    return errors


def session_errors(session: Session, check_sets: bool = True) -> list[FieldError]:
    checks = [
        ("distance_km", distance_problem(session.distance_km)),
        ("duration_min", duration_problem(session.duration_min)),
        ("rpe", rpe_problem(session.rpe)),
        ("elapsed_min", duration_problem(session.elapsed_min)),
        ("avg_hr", heart_rate_problem(session.avg_hr)),
        ("max_hr", heart_rate_problem(session.max_hr)),
        ("elevation_gain_m", elevation_problem(session.elevation_gain_m)),
    ]
    errors = [FieldError(name, problem) for name, problem in checks if problem]
    if problem := day_problem(session.date):
        errors.append(FieldError("date", problem))
    if len(session.notes) > MAX_NOTES_LENGTH:
        errors.append(FieldError("notes", f"must be at most {MAX_NOTES_LENGTH} characters"))
    if len(session.title) > MAX_NAME_LENGTH:
        errors.append(FieldError("title", f"must be at most {MAX_NAME_LENGTH} characters"))
    errors.extend(session_rule_errors(session))
    for name in ("run_type_reason", "source_file"):
        if len(getattr(session, name)) > MAX_NOTES_LENGTH // 10:
            errors.append(FieldError(name, f"must be at most {MAX_NOTES_LENGTH // 10} characters"))
    if session.start_utc is not None and session.start_utc.utcoffset() is None:
        errors.append(FieldError("start_utc", "must say its time zone (UTC)"))
    for index, lap in enumerate(session.laps):
        errors.extend(lap_errors(lap, f"laps[{index}]."))
    for index, entry in enumerate(session.sets if check_sets else ()):
        errors.extend(set_errors(entry, f"sets[{index}]."))
    return errors


def first_session_errors(sessions: list[Session]) -> tuple[int, list[FieldError]] | None:
    """The index and errors of the first of `sessions` that session_errors refuses, or None.
    For a whole logbook: every set's values are checked a column at a time first, and only
    when one needs a look are the sets checked one by one."""
    entries = [entry for session in sessions for entry in session.sets]
    names = [entry.exercise for entry in entries]
    sets_pass = not set(map(type, names)) - {str} and not any(map(name_problem, set(names)))
    for field, check in (
        ("reps", reps_problem),
        ("weight_kg", weight_problem),
        ("seconds", seconds_problem),
        ("distance_km", distance_problem),
        ("rpe", rpe_problem),
        ("target_reps", reps_problem),
        ("target_weight_kg", weight_problem),
    ):
        if not sets_pass:
            break
        values = list(map(attrgetter(field), entries))
        sets_pass = all_pass(check, values, half_steps=field == "rpe")
    for index, session in enumerate(sessions):
        if errors := session_errors(session, check_sets=not sets_pass):
            return index, errors
    return None


def session_rule_errors(session: Session) -> list[FieldError]:
    """The rules between a session's fields (a run has no sets, ...) and on its laps' count:
    what is left to check once each field is known to be valid (the backup reader checks
    each value as it reads it, with the checks above)."""
    errors = []
    if session.is_run and session.sets:
        errors.append(FieldError("sets", "a run has no sets"))
    if session.is_strength and session.run_type is not None:
        errors.append(FieldError("run_type", "only runs have a run type"))
    if session.is_strength and session.laps:
        errors.append(FieldError("laps", "only runs have laps"))
    if len(session.laps) > MAX_LAPS:
        errors.append(FieldError("laps", f"must be at most {MAX_LAPS:,} laps"))
    return errors


def race_errors(race: Race) -> list[FieldError]:
    errors = []
    if problem := day_problem(race.date):
        errors.append(FieldError("date", problem))
    if problem := name_problem(race.name):
        errors.append(FieldError("name", problem))
    if problem := distance_problem(race.distance_km):
        errors.append(FieldError("distance_km", problem))
    return errors


BODY_WEIGHT_KG = (20.0, 400.0)  # a person, in kilograms


def body_weight_errors(entry: BodyWeight) -> list[FieldError]:
    low, high = BODY_WEIGHT_KG
    value = entry.weight_kg
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        return [FieldError("weight_kg", f"must be a body weight from {low:g} to {high:g} kg")]
    return []


def exercise_errors(exercise: Exercise) -> list[FieldError]:
    """A custom exercise as the user or an import wrote it."""
    errors = []
    if problem := name_problem(exercise.name):
        errors.append(FieldError("name", problem))
    if problem := name_problem(exercise.equipment or "none"):
        errors.append(FieldError("equipment", problem))
    if is_calf_name(exercise.name) and Muscle.CALVES not in exercise.muscles:
        # The calf rule counts calf exercises by their muscles: a name that says calf must.
        errors.append(FieldError("muscles", f"{exercise.name!r} must work the calves"))
    if exercise.family == exercise.name:
        errors.append(FieldError("family", "an exercise is not a variant of itself"))
    return errors


def validate_session(session: Session) -> None:
    if errors := session_errors(session):
        raise ValidationError(errors)
