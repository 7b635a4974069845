"""Rows to domain objects and back. Kept apart from the repository's queries so both stay short."""

from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple
from collections.abc import Callable
from typing import Any

from ..domain import (
    BodyWeight,
    Category,
    Exercise,
    Lap,
    Measure,
    Muscle,
    Race,
    Region,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Side,
    Status,
)
from .models import BodyWeightRow, ExerciseRow, LapRow, RaceRow, SessionRow, SetRow

# Members by value, for the catalogue's rows: calling an Enum costs more than the rest.
_REGIONS = {r.value: r for r in Region}
_CATEGORIES = {c.value: c for c in Category}
_MUSCLES = {m.value: m for m in Muscle}
_MEASURES = {m.value: m for m in Measure}


def _spellings(text: str) -> tuple[str, ...]:
    return () if text == "[]" else tuple(json.loads(text))  # most exercises have none


def exercise_from_row(row: Any) -> Exercise:
    """The Exercise of an ExerciseRow, or of an EXERCISE_TUPLE (the catalogue's read)."""
    return Exercise(
        name=row.name,
        region=_REGIONS.get(row.region) or Region(row.region),  # Enum(...) names a bad value
        category=_CATEGORIES.get(row.category) or Category(row.category),
        muscles=tuple(_MUSCLES.get(m) or Muscle(m) for m in row.muscles.split(",") if m),
        equipment=row.equipment,
        measure=_MEASURES.get(row.measure) or Measure(row.measure),
        per_side=bool(row.per_side),
        aliases=_spellings(row.aliases),
        custom=bool(row.custom),
        needs_review=bool(row.needs_review),
        family=row.family,
        variant=row.variant,
        hidden=bool(row.hidden),
        user_aliases=_spellings(row.user_aliases),
        id=row.id,
    )


def exercise_fields(exercise: Exercise) -> dict[str, Any]:
    return dict(
        name=exercise.name,
        region=exercise.region.value,
        category=exercise.category.value,
        muscles=",".join(m.value for m in exercise.muscles),
        equipment=exercise.equipment,
        measure=exercise.measure.value,
        per_side=exercise.per_side,
        aliases=json.dumps(list(exercise.aliases), ensure_ascii=False),
        custom=exercise.custom,
        needs_review=exercise.needs_review,
        family=exercise.family,
        variant=exercise.variant,
        hidden=exercise.hidden,
        user_aliases=json.dumps(list(exercise.user_aliases), ensure_ascii=False),
    )


def _clock(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def as_day(value: dt.date | str) -> dt.date:
    # peewee hands back a date for rows it wrote, a string for rows raw SQL wrote.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


# Members by value: calling the Enum cost more than the rest of a session's row.
KINDS = {k.value: k for k in SessionKind}
STATUSES = {s.value: s for s in Status}
RUN_TYPES = {t.value: t for t in RunType}


def _utc(seconds: int | None) -> dt.datetime | None:
    return None if seconds is None else dt.datetime.fromtimestamp(seconds, dt.UTC)


def session_from_row(
    row: SessionRow, sets: list[SetEntry], laps: list[Lap] | None = None
) -> Session:
    return Session(
        date=as_day(row.date),
        kind=KINDS.get(row.kind) or SessionKind(row.kind),  # Enum(...) names a bad value
        status=STATUSES.get(row.status) or Status(row.status),
        start=_clock(row.start),
        order=row.position,
        title=row.title,
        run_type=RunType(row.run_type) if row.run_type else None,
        distance_km=row.distance_km,
        duration_min=row.duration_min,
        rpe=row.rpe,
        notes=row.notes,
        sets=sets,
        source=row.source,
        source_key=row.source_key,
        elapsed_min=row.elapsed_min,
        avg_hr=row.avg_hr,
        max_hr=row.max_hr,
        elevation_gain_m=row.elevation_gain_m,
        run_type_reason=row.run_type_reason,
        source_file=row.source_file,
        start_utc=_utc(row.start_utc),
        laps=laps or [],
        from_plan=bool(row.from_plan),
        planned_km=row.planned_km,
        plan_uid=row.plan_uid,
        id=row.id,
    )


def session_fields(session: Session) -> dict[str, Any]:
    return dict(
        date=session.date,
        start=session.start.strftime("%H:%M") if session.start else None,
        kind=session.kind.value,
        status=session.status.value,
        position=session.order,
        title=session.title,
        run_type=session.run_type.value if session.run_type else None,
        distance_km=session.distance_km,
        duration_min=session.duration_min,
        rpe=session.rpe,
        notes=session.notes,
        source=session.source,
        source_key=session.source_key,
        elapsed_min=session.elapsed_min,
        avg_hr=session.avg_hr,
        max_hr=session.max_hr,
        elevation_gain_m=session.elevation_gain_m,
        run_type_reason=session.run_type_reason,
        source_file=session.source_file,
        start_utc=None if session.start_utc is None else int(session.start_utc.timestamp()),
        from_plan=session.from_plan,
        planned_km=session.planned_km,
        plan_uid=session.plan_uid,
    )


def kept_plan(stored: tuple[Any, ...], session: Session) -> dict[str, Any]:
    """The plan columns of a session saved over `stored` (day, status, distance, from_plan,
    planned_km, plan_uid), which the store keeps whatever the caller's copy says: a planned
    or skipped session saved as done fulfilled its plan, at the distance it was planned at;
    a done one keeps what it had; a plan is its own plan. The calendar event it came from
    stays its own."""
    _day, status, distance, from_plan, planned_km, plan_uid = stored
    uid = session.plan_uid or plan_uid
    if session.status is Status.DONE:
        if status in (Status.PLANNED.value, Status.SKIPPED.value):
            return {"from_plan": True, "planned_km": distance, "plan_uid": uid}
        return {"from_plan": bool(from_plan), "planned_km": planned_km, "plan_uid": uid}
    return {"from_plan": False, "planned_km": None, "plan_uid": uid}


# Sessions are read as plain tuples of every column (whatever the model holds), given the
# model's field names so session_from_row reads them as it reads a model object.
SESSION_COLUMNS = tuple(SessionRow._meta.sorted_fields)
# Typed loosely: its fields are the model's, known when the module loads.
# Typed loosely (through Any): its fields are the model's, known when the module loads.
_row_type: Callable[..., Any] = namedtuple
SESSION_TUPLE = _row_type("SessionTuple", [f.name for f in SESSION_COLUMNS])

# The catalogue is read as plain tuples of every column too, named as the model names them:
# a peewee object per exercise cost most of an import's fixed time (a new logbook's 250).
EXERCISE_COLUMNS = tuple(ExerciseRow._meta.sorted_fields)
EXERCISE_TUPLE = _row_type("ExerciseTuple", [f.name for f in EXERCISE_COLUMNS])
EXERCISE_SELECT = "SELECT {} FROM exercise".format(
    ", ".join(f'"{f.column_name}"' for f in EXERCISE_COLUMNS)
)

# Sets are read as plain tuples in this column order: building a peewee model object per row
# made a 10-year logbook's first load several times slower.
SET_COLUMNS = (
    SetRow.id,
    SetRow.session,
    SetRow.exercise,
    SetRow.set_type,
    SetRow.reps,
    SetRow.weight_kg,
    SetRow.seconds,
    SetRow.distance_km,
    SetRow.side,
    SetRow.rpe,
    SetRow.target_reps,
    SetRow.target_weight_kg,
)
SET_TYPES = {t.value: t for t in SetType}
SIDES = {s.value: s for s in Side}


def set_from_tuple(row: tuple[Any, ...], exercise_name: str) -> SetEntry:
    # Positional, in SetEntry's field order: a whole logbook's sets pass through here.
    set_id, _session, _exercise, set_type, reps, weight, seconds, km, side, rpe, t_reps, t_kg = row
    return SetEntry(
        exercise_name,
        SET_TYPES[set_type],
        reps,
        weight,
        seconds,
        km,
        SIDES[side],
        rpe,
        t_reps,
        t_kg,
        set_id,
    )


def set_fields(entry: SetEntry, session_id: int, position: int, exercise_id: int) -> dict[str, Any]:
    return dict(
        session=session_id,
        position=position,
        exercise=exercise_id,
        set_type=entry.set_type.value,
        reps=entry.reps,
        weight_kg=entry.weight_kg,
        seconds=entry.seconds,
        distance_km=entry.distance_km,
        side=entry.side.value,
        rpe=entry.rpe,
        target_reps=entry.target_reps,
        target_weight_kg=entry.target_weight_kg,
    )


LAP_COLUMNS = (
    LapRow.session,
    LapRow.distance_km,
    LapRow.seconds,
    LapRow.avg_hr,
    LapRow.max_hr,
    LapRow.intensity,
    LapRow.trigger,
    LapRow.ascent_m,
)


def lap_from_tuple(row: tuple[Any, ...]) -> Lap:
    _session, distance_km, seconds, avg_hr, max_hr, intensity, trigger, ascent_m = row
    return Lap(distance_km, seconds, avg_hr, max_hr, intensity, trigger, ascent_m)


def lap_fields(lap: Lap, session_id: int, position: int) -> dict[str, Any]:
    return dict(
        session=session_id,
        position=position,
        distance_km=lap.distance_km,
        seconds=lap.seconds,
        avg_hr=lap.avg_hr,
        max_hr=lap.max_hr,
        intensity=lap.intensity,
        trigger=lap.trigger,
        ascent_m=lap.ascent_m,
    )


def lap_rows(session: Session, session_id: int) -> list[dict[str, Any]]:
    """The lap rows of a run, in the order the watch recorded them."""
    return [lap_fields(lap, session_id, i) for i, lap in enumerate(session.laps)]


def race_from_row(row: RaceRow) -> Race:
    return Race(date=as_day(row.date), name=row.name, distance_km=row.distance_km, id=row.id)


def body_weight_from_row(row: BodyWeightRow) -> BodyWeight:
    return BodyWeight(date=as_day(row.date), weight_kg=row.weight_kg, id=row.id)
