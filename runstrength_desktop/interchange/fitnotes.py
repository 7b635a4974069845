"""FitNotes' CSV export: days only (no time, no workout name, no set order, no RPE), so a
workout is a day, titled by the categories it trained.

Weights come with a `Weight Unit` column (kgs / lbs) or with the unit in the header
(`Weight (kgs)`); `Time` is H:MM:SS. Without a Comment column FitNotes quotes nothing, so an
exercise name with a comma in it splits into two fields: such a row is put back together by
reading the fixed columns from the right."""

from __future__ import annotations

import re

from ..domain.validation import (
    distance_problem,
    parse_day,
    reps_problem,
    seconds_problem,
    weight_problem,
)
from .collect import Collector
from .detect import Detected
from .records import (
    ParsedExport,
    Progress,
    RowError,
    RowRecord,
    WorkoutRecord,
    distance_scale,
    number,
    positive,
    weight_scale,
    whole,
)

DEFAULT_TITLE = "FitNotes workout"
_CLOCK = re.compile(r"(?:([0-9]+):)?([0-9]{1,2}):([0-9]{2})")


def clock_seconds(text: str) -> float | None:
    """'1:02:03' or '02:03' as seconds; blank is None."""
    text = text.strip()
    if not text:
        return None
    match = _CLOCK.fullmatch(text)
    if match is None:
        raise RowError(f"Time: not a time written H:MM:SS: {text[:40]!r}")
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total and (message := seconds_problem(float(total))):
        raise RowError(f"Time: {message}")
    return float(total) or None


def parse_fitnotes(text: str, detected: Detected, progress: Progress | None = None) -> ParsedExport:
    columns = detected.columns
    exercise_at = columns["exercise"]
    header_unit = next((c for c in ("weight (kgs)", "weight (lbs)") if c in columns), None)
    weight_column = header_unit or "weight"
    fixed_unit = None if header_unit is None else ("kg" if "kgs" in header_unit else "lb")
    rejoin = "comment" not in columns
    categories: dict[str, list[str]] = {}

    collector = Collector(detected, detected.table(text), progress)

    def cell(fields: list[str], name: str) -> str:
        position = columns.get(name)
        return "" if position is None else fields[position]

    for line, fields in collector.records():
        extra = len(fields) - collector.width
        if rejoin and extra > 0:
            name = ",".join(fields[exercise_at : exercise_at + extra + 1])
            fields = fields[:exercise_at] + [name] + fields[exercise_at + extra + 1 :]
        if problem := collector.width_problem(line, fields):
            collector.skip(line, problem)
            continue
        try:
            try:
                day = parse_day(cell(fields, "date").strip())
            except ValueError as exc:
                raise RowError(f"Date: {exc}") from None
            unit = fixed_unit or cell(fields, "weight unit")
            weight_text = cell(fields, weight_column)
            scale = weight_scale(unit, "Weight Unit") if number(weight_text, "Weight") else 1.0
            distance_text = cell(fields, "distance")
            distance = (
                distance_scale(cell(fields, "distance unit"), "Distance Unit")
                if number(distance_text, "Distance")
                else 1.0
            )
            category = cell(fields, "category").strip()
            record = RowRecord(
                line=line,
                exercise=cell(fields, "exercise").strip(),
                reps=whole(cell(fields, "reps"), "Reps", reps_problem),
                weight_kg=positive(weight_text, "Weight", weight_problem, scale),
                seconds=clock_seconds(cell(fields, "time")),
                distance_km=positive(distance_text, "Distance", distance_problem, distance),
                category=category,
            )
        except RowError as exc:
            collector.skip(line, str(exc))
            continue
        key = day.isoformat()
        workout = collector.workout(key, lambda: WorkoutRecord(key=key, date=day, start=None))  # noqa: B023 (called at once)
        workout.rows.append(record)
        workout.add_exercise_note(record.exercise, cell(fields, "comment"))
        if category and category not in (seen := categories.setdefault(key, [])):
            seen.append(category)
        if record.weight_kg is not None:
            collector.units["kg" if scale == 1.0 else "lb"] += 1
    for key, workout in collector.workouts.items():
        workout.title = ", ".join(categories.get(key, ())) or DEFAULT_TITLE
    return collector.result(fixed_unit)
