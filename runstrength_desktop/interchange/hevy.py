"""Hevy's CSV export: one row per set, newest workout first, times like '8 Apr 2026, 16:50'.

Weights are `weight_kg` or `weight_lbs`, distances `distance_km` or `distance_miles` (each as
the user set it, independently). A workout is identified by its start; its length is end minus
start. `set_type` normal / warmup / dropset / failure become working / warm-up / drop /
failure sets."""

from __future__ import annotations

import datetime as dt
import re

from ..domain import SetType
from ..domain.units import KG_PER_LB, KM_PER_MI
from ..domain.validation import distance_problem, reps_problem, seconds_problem, weight_problem
from .collect import Collector
from .detect import Detected
from .records import (
    ParsedExport,
    Progress,
    RowError,
    RowRecord,
    WorkoutRecord,
    positive,
    rpe_cell,
    whole,
    workout_minutes,
)
from .strong import parse_start

SET_TYPES = {
    "normal": SetType.WORKING,
    "warmup": SetType.WARMUP,
    "warm_up": SetType.WARMUP,
    "dropset": SetType.DROP,
    "drop_set": SetType.DROP,
    "failure": SetType.FAILURE,
}
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# Month names are English whatever the phone's language (Hevy writes them so).
_HEVY_TIME = re.compile(
    r"([0-9]{1,2}) ([A-Za-z]{3})[A-Za-z]*\.? ([0-9]{4}),? ([0-9]{1,2}):([0-9]{2})"
)


def parse_hevy_time(text: str, column: str) -> dt.datetime:
    text = text.strip()
    match = _HEVY_TIME.fullmatch(text)
    if match is None:
        try:  # an ISO time, as other tools that write Hevy's header do
            _key, day, clock = parse_start(text, column)
        except RowError:
            raise RowError(
                f"{column}: not a date and time like '8 Apr 2026, 16:50': {text[:40]!r}"
            ) from None
        return dt.datetime.combine(day, clock)
    day_text, month, year, hour, minute = match.groups()
    try:
        return dt.datetime(int(year), MONTHS[month.lower()], int(day_text), int(hour), int(minute))
    except (KeyError, ValueError):
        raise RowError(f"{column}: not a real date and time: {text[:40]!r}") from None


def parse_hevy(text: str, detected: Detected, progress: Progress | None = None) -> ParsedExport:
    columns = detected.columns
    weight_column = "weight_kg" if "weight_kg" in columns else "weight_lbs"
    weight_scale = 1.0 if weight_column == "weight_kg" else KG_PER_LB
    distance_column = "distance_km" if "distance_km" in columns else "distance_miles"
    distance_scale = 1.0 if distance_column == "distance_km" else KM_PER_MI
    unit = "kg" if weight_scale == 1.0 else "lb"

    def cell(fields: list[str], name: str) -> str:
        position = columns.get(name)
        return "" if position is None else fields[position]

    collector = Collector(detected, detected.table(text), progress)
    for line, fields in collector.records():
        if problem := collector.width_problem(line, fields):
            collector.skip(line, problem)
            continue
        try:
            start = parse_hevy_time(cell(fields, "start_time"), "start_time")
            key = start.strftime("%Y-%m-%d %H:%M")
            workout = collector.workout(key, lambda: _workout(fields, cell, key, start))  # noqa: B023 (called at once)
            exercise = cell(fields, "exercise_title").strip()
            set_type_text = cell(fields, "set_type").strip().lower()
            set_type = SET_TYPES.get(set_type_text or "normal")
            if set_type is None:
                raise RowError(f"set_type: unknown set type {set_type_text[:20]!r}")
            record = RowRecord(
                line=line,
                exercise=exercise,
                set_type=set_type,
                reps=whole(cell(fields, "reps"), "reps", reps_problem),
                weight_kg=positive(
                    cell(fields, weight_column), weight_column, weight_problem, weight_scale
                ),
                seconds=positive(
                    cell(fields, "duration_seconds"), "duration_seconds", seconds_problem
                ),
                distance_km=positive(
                    cell(fields, distance_column), distance_column, distance_problem, distance_scale
                ),
                rpe=rpe_cell(cell(fields, "rpe"), "rpe"),
            )
        except RowError as exc:
            collector.skip(line, str(exc))
            continue
        workout.rows.append(record)
        workout.add_exercise_note(exercise, cell(fields, "exercise_notes"))
        if record.weight_kg is not None:
            collector.units[unit] += 1
    return collector.result(unit)


def _workout(fields, cell, key: str, start: dt.datetime) -> WorkoutRecord:
    minutes = None
    try:
        end = parse_hevy_time(cell(fields, "end_time"), "end_time")
        minutes = workout_minutes((end - start).total_seconds() / 60)
    except RowError:
        pass  # a missing end costs the duration, not the workout
    return WorkoutRecord(
        key=key,
        date=start.date(),
        start=start.time(),
        title=cell(fields, "title").strip(),
        duration_min=minutes,
        notes=cell(fields, "description").strip(),
    )
