"""Strong's CSV exports, in all four known header forms (see detect.py).

A workout is identified by its exact start (`Date`, local time), grouped by `Workout #` where
the file has it. `Set Order` is a number (a working set), W / WARM_UP (warm-up), D (drop set),
F / FAILURE (failure), or `Rest Timer` / `Note`, which are not sets: a note's text goes to the
session notes. Strong 6 stores kilograms, so a pounds user's 143.7 lb arrives as 65.181223569:
such values are snapped back onto the pound grid they came from."""

from __future__ import annotations

import datetime as dt
import re

from ..domain import SetType, WeightUnit
from ..domain.units import KG_PER_LB, distance_unit_for
from ..domain.validation import distance_problem, reps_problem, seconds_problem, weight_problem
from .collect import Collector
from .detect import Detected
from .records import (
    DISTANCE_UNITS,
    ParsedExport,
    Progress,
    RowError,
    RowRecord,
    UnitNeeded,
    WorkoutRecord,
    distance_scale,
    duration_text_minutes,
    number,
    plausible_minutes,
    positive,
    rpe_cell,
    weight_scale,
    whole,
)

SET_TYPES = {
    "w": SetType.WARMUP,
    "warm_up": SetType.WARMUP,
    "warmup": SetType.WARMUP,
    "d": SetType.DROP,
    "drop": SetType.DROP,
    "drop_set": SetType.DROP,
    "dropset": SetType.DROP,
    "f": SetType.FAILURE,
    "failure": SetType.FAILURE,
}
PSEUDO_ROWS = {"rest timer", "rest_timer", "note"}
_START = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?")
POUND_GRID = 0.1  # Strong keeps pounds to one decimal


def parse_start(text: str, column: str = "Date") -> tuple[str, dt.date, dt.time]:
    """'2021-02-10 16:46:13' -> (its normalised text, day, time); RowError if it is no real
    moment."""
    text = text.strip()
    match = _START.fullmatch(text)
    try:
        if match is None:
            raise ValueError
        day = dt.date.fromisoformat(match.group(1))
        clock = dt.time(int(match.group(2)), int(match.group(3)), int(match.group(4) or 0))
    except ValueError:
        raise RowError(
            f"{column}: not a real date and time written YYYY-MM-DD HH:MM:SS: {text[:40]!r}"
        ) from None
    return f"{day.isoformat()} {clock.isoformat()}", day, clock


def snap_pounds(kg: float) -> tuple[float, bool]:
    """A Strong 6 kilogram value, and whether it was a converted pound value: one that is not
    on a 0.01 kg grid but lands within a millionth of a pound on Strong's pound grid."""
    if abs(kg * 100 - round(kg * 100)) < 1e-6:
        return kg, False
    pounds = kg / KG_PER_LB
    on_grid = round(pounds / POUND_GRID) * POUND_GRID
    if abs(pounds - on_grid) < 1e-6:
        return round(on_grid, 1) * KG_PER_LB, True
    return kg, False


class _Cells:
    """A row's cells by column name (lower case); absent columns read as blank."""

    __slots__ = ("columns", "fields")

    def __init__(self, fields: list[str], columns: dict[str, int]) -> None:
        self.fields, self.columns = fields, columns

    def __getitem__(self, name: str) -> str:
        position = self.columns.get(name)
        return "" if position is None else self.fields[position]


def parse_strong(
    text: str, detected: Detected, unit: WeightUnit | None = None, progress: Progress | None = None
) -> ParsedExport:
    dialect = detected.dialect
    if dialect == "comma" and unit is None:
        raise UnitNeeded(
            "this Strong export does not say whether its weights are kg or lb "
            "(Strong writes them in the unit the app was set to): pass --unit kg "
            "or --unit lb"
        )
    collector = Collector(detected, detected.table(text), progress)
    reader = _RowReader(detected, unit)
    for line, fields in collector.records():
        if problem := collector.width_problem(line, fields):
            collector.skip(line, problem)
            continue
        cells = _Cells(fields, detected.columns)
        order = cells["set order"].strip()
        try:
            key, day, clock = parse_start(cells["date"])
            number_text = cells["workout #"].strip()
            group = f"#{number_text}" if number_text else key
            workout = collector.workout(group, lambda: _workout(cells, key, day, clock))  # noqa: B023 (called at once)
            exercise = cells["exercise name"].strip()
            if order.lower() in PSEUDO_ROWS:
                collector.pseudo_rows += 1
                if order.lower() == "note":
                    workout.add_exercise_note(exercise, cells["notes"])
                continue
            record = reader.row(line, exercise, order, cells)
        except RowError as exc:
            collector.skip(line, str(exc))
            continue
        workout.rows.append(record)
        workout.add_exercise_note(exercise, cells["notes"])
        if record.weight_kg is not None:
            collector.units[reader.last_unit] += 1
    _unique_keys(collector)
    # Only the unit-less dialect takes the user's word for the unit; the others say it.
    return collector.result(unit.value if dialect == "comma" else None)


def _workout(cells: _Cells, key: str, day: dt.date, clock: dt.time) -> WorkoutRecord:
    if cells.columns.get("duration (sec)") is not None:
        try:
            seconds = number(cells["duration (sec)"], "Duration (sec)")
        except RowError:
            seconds = None
        minutes = plausible_minutes(seconds / 60 if seconds else None)
    else:
        minutes = duration_text_minutes(cells["duration"] or cells["workout duration"])
    return WorkoutRecord(
        key=key,
        date=day,
        start=clock,
        title=cells["workout name"].strip(),
        duration_min=minutes,
        notes=cells["workout notes"].strip(),
    )


def _unique_keys(collector: Collector) -> None:
    """Two Strong 6 workouts with the same start keep apart by their Workout #."""
    seen: set[str] = set()
    for group, workout in collector.workouts.items():
        if workout.key in seen:
            workout.key = f"{workout.key} {group}"
        seen.add(workout.key)


class _RowReader:
    """Reads the measured cells of one set in the dialect's units."""

    def __init__(self, detected: Detected, unit: WeightUnit | None) -> None:
        self.dialect = detected.dialect
        self.unit = unit
        self.last_unit = unit.value if unit else "kg"
        columns = detected.columns
        if self.dialect == "comma":
            self.weight_column, self.weight = "weight", 1.0 if unit is WeightUnit.KG else KG_PER_LB
            self.distance_column = "distance"
            self.distance = DISTANCE_UNITS[distance_unit_for(unit).value]
        elif self.dialect == "quoted-2018":
            self.weight_column = next(c for c in ("lbs", "kgs", "kg") if c in columns)
            self.weight = 1.0 if self.weight_column.startswith("kg") else KG_PER_LB
            self.last_unit = "kg" if self.weight == 1.0 else "lb"
            self.distance_column = next(c for c in ("mi.", "mi", "km") if c in columns)
            self.distance = DISTANCE_UNITS[self.distance_column]
        elif self.dialect == "strong6":
            self.weight_column, self.weight = "weight (kg)", 1.0
            self.distance_column, self.distance = "distance (meters)", 0.001
        else:  # semicolon: a unit per row
            self.weight_column, self.weight = "weight", None
            self.distance_column, self.distance = "distance", None

    def row(self, line: int, exercise: str, order: str, cells: _Cells) -> RowRecord:
        if order.isdigit():
            set_type = SetType.WORKING
        elif (set_type := SET_TYPES.get(order.lower())) is None:
            raise RowError(f"Set Order: unknown set order {order[:20]!r}")
        return RowRecord(
            line=line,
            exercise=exercise,
            set_type=set_type,
            reps=whole(cells["reps"], "Reps", reps_problem),
            weight_kg=self._weight(cells),
            seconds=positive(cells["seconds"], "Seconds", seconds_problem),
            distance_km=self._distance(cells),
            rpe=rpe_cell(cells["rpe"], "RPE"),
        )

    def _weight(self, cells: _Cells) -> float | None:
        column = self.weight_column
        scale = self.weight
        if scale is None:  # semicolon: blank on bodyweight rows
            unit_text = cells["weight unit"]
            if not unit_text.strip():
                if number(cells[column], "Weight"):
                    raise RowError("Weight Unit: missing for a weight")
                return None
            scale = weight_scale(unit_text, "Weight Unit")
            self.last_unit = "kg" if scale == 1.0 else "lb"
        value = positive(cells[column], column.capitalize(), weight_problem, scale)
        if value is not None and self.dialect == "strong6":
            value, was_pounds = snap_pounds(value)
            self.last_unit = "lb" if was_pounds else "kg"
        return value

    def _distance(self, cells: _Cells) -> float | None:
        column = self.distance_column
        scale = self.distance
        if scale is None:
            unit_text = cells["distance unit"]
            if not unit_text.strip():
                if number(cells[column], "Distance"):
                    raise RowError("Distance Unit: missing for a distance")
                return None
            scale = distance_scale(unit_text, "Distance Unit")
        return positive(cells[column], column.capitalize(), distance_problem, scale)
