"""Strong's CSV exports, in all four known header forms (see detect.py).

A workout is identified by its exact start (`Date`, local time), grouped by `Workout #` where
the file has it. `Set Order` is a number (a working set), W / WARM_UP (warm-up), D (drop set),
F / FAILURE (failure), or `Rest Timer` / `Note`, which are not sets: a note's text goes to the
session notes. Strong 6 stores kilograms, so a pounds user's 143.7 lb arrives as 65.181223569:
such values are snapped back onto the pound grid they came from."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..domain import DistanceUnit, SetType, WeightUnit
from ..domain.units import KG_PER_LB, KM_PER_MI, distance_unit_for
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
    positive,
    rpe_cell,
    weight_scale,
    whole,
    workout_minutes,
)
from .unit_guess import Sample, guess_unit

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
_DISTANCE_UNIT = {1.0: DistanceUnit.KM, KM_PER_MI: DistanceUnit.MI}


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


AUTO = "auto"  # unit: take the loads' word for it when they are sure


def parse_strong(
    text: str,
    detected: Detected,
    unit: WeightUnit | str | None = None,
    progress: Progress | None = None,
) -> ParsedExport:
    """`unit` is the unit of a file that does not say it: a WeightUnit, AUTO (the loads'
    sure guess), or None (UnitNeeded, with the guess). Files that say their unit ignore it,
    except for a distance without a unit."""
    explicit = unit if isinstance(unit, WeightUnit) else None
    if detected.dialect != "comma":
        parsed = _parse(text, detected, explicit, progress)
        parsed.unit_source = "file"
        return parsed
    parsed = _parse(text, detected, explicit or WeightUnit.KG, progress)
    scale = KG_PER_LB if explicit is WeightUnit.LB else 1.0
    guess = guess_unit(
        [
            Sample(row.exercise, row.reps, round(row.weight_kg / scale, 6))
            for workout in parsed.workouts
            for row in workout.rows
            if row.weight_kg
        ]
    )
    if explicit is None:
        verdict = f"its loads look like {guess.unit.value}: {guess.reason}"
        if unit != AUTO:
            raise UnitNeeded(
                "this Strong export does not say whether its weights are kg or lb (Strong "
                f"writes them in the unit the app was set to); {verdict}. Pass --unit kg, "
                "--unit lb, or --unit auto to take the guess",
                guess,
            )
        if not guess.sure:
            raise UnitNeeded(
                "this Strong export does not say whether its weights are kg or lb, and its "
                f"loads do not tell for sure ({guess.reason}): pass --unit kg or --unit lb",
                guess,
            )
        if guess.unit is WeightUnit.LB:  # read again: limits and rounding work in pounds
            parsed = _parse(text, detected, WeightUnit.LB, None)
    parsed.unit_guess = guess
    parsed.unit_source = "option" if explicit else "guess"
    return parsed


def _parse(
    text: str, detected: Detected, unit: WeightUnit | None, progress: Progress | None
) -> ParsedExport:
    dialect = detected.dialect
    collector = Collector(detected, detected.table(text), progress)
    reader = _RowReader(detected, unit)
    unitless: list[tuple[WorkoutRecord, RowRecord]] = []
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
        if record.distance_unit_missing:
            unitless.append((workout, record))
        if record.weight_kg is not None:
            collector.units[reader.last_unit] += 1
    _unique_keys(collector)
    # Only the unit-less dialect takes the user's word for the unit; the others say it.
    parsed = collector.result(unit.value if unit and dialect == "comma" else None)
    if unitless:
        _read_unitless_distances(parsed, collector, unitless, unit, reader)
    return parsed


def _read_unitless_distances(parsed, collector, unitless, unit, reader) -> None:
    """A distance whose row has no unit takes the file's unit system: the unit asked for,
    else that of the file's weights (pounds: miles), else that of its other distances."""
    if unit is not None:
        distance, why = distance_unit_for(unit), f"--unit {unit.value}"
    elif collector.units:
        weights = WeightUnit(collector.units.most_common(1)[0][0])
        distance, why = distance_unit_for(weights), f"the file's weights are in {weights.value}"
    elif reader.distance_units:
        distance = reader.distance_units.most_common(1)[0][0]
        why = f"the file's other distances are in {distance.value}"
    else:
        distance, why = DistanceUnit.KM, "the file says no unit anywhere"
    scale = DISTANCE_UNITS[distance.value]
    read = 0
    for workout, record in unitless:
        record.distance_unit_missing = False
        value = record.distance_km * scale
        if problem := distance_problem(value):
            workout.rows.remove(record)
            collector.skip(record.line, f"Distance: {problem}")
            continue
        record.distance_km = value
        read += 1
    parsed.skipped = collector.skipped
    if read:
        noun = "distance" if read == 1 else "distances"
        parsed.notes.append(f"{read} {noun} without a unit read as {distance.value} ({why})")


def _workout(cells: _Cells, key: str, day: dt.date, clock: dt.time) -> WorkoutRecord:
    if cells.columns.get("duration (sec)") is not None:
        try:
            seconds = number(cells["duration (sec)"], "Duration (sec)")
        except RowError:
            seconds = None
        minutes = workout_minutes(seconds / 60 if seconds else None)
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
        self.unit_missing = False
        self.distance_units: Counter[str] = Counter()
        self.weight: float | None
        self.distance: float | None
        columns = detected.columns
        if self.dialect == "comma":
            self.weight_column, self.weight = "weight", 1.0 if unit is WeightUnit.KG else KG_PER_LB
            self.distance_column = "distance"
            self.distance = DISTANCE_UNITS[distance_unit_for(unit or WeightUnit.KG).value]

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
        elif (found := SET_TYPES.get(order.lower())) is None:
            raise RowError(f"Set Order: unknown set order {order[:20]!r}")
        else:
            set_type = found
        self.unit_missing = False
        record = RowRecord(
            line=line,
            exercise=exercise,
            set_type=set_type,
            reps=whole(cells["reps"], "Reps", reps_problem),
            weight_kg=self._weight(cells),
            seconds=positive(cells["seconds"], "Seconds", seconds_problem),
            distance_km=self._distance(cells),
            rpe=rpe_cell(cells["rpe"], "RPE"),
        )
        record.distance_unit_missing = self.unit_missing
        return record

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
                value = number(cells[column], "Distance")
                if not value:
                    return None
                if value < 0:
                    raise RowError(f"Distance: {distance_problem(value)}")
                self.unit_missing = True  # read once the file's unit system is known
                return value
            scale = distance_scale(unit_text, "Distance Unit")
            if scale in _DISTANCE_UNIT:
                self.distance_units[_DISTANCE_UNIT[scale]] += 1
        return positive(cells[column], column.capitalize(), distance_problem, scale)
