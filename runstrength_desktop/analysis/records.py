"""Personal records of one exercise: the heaviest load lifted for at least 1, 3, 5, 8 and 10
reps in one working set, and the best estimated one-rep max, each with the day it was first
reached. A set of 6 reps counts for 5: whoever lifted a load six times could lift it five.

Also the records a session being logged would set, for the editor: the same table, worked
out from the history before its day, compared with its sets. Both count a set's load by one
rule, lifted_set: bodyweight work lifts its share of the body weight of its day plus the load
added (domain/body_load.py), so a pull-up of +10 kg at 80 kg is a record of 90 kg in the
table and in the editor's mark alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..domain.body_load import moved_kg
from ..domain.metrics import e1rm
from .strength import REP_COUNTS, ExerciseProgress, LiftedSet


@dataclass(frozen=True)
class Record:
    label: str  # "1 rep", "5 reps", "e1RM"
    reps: int | None  # the rep count it is for; None for the e1RM
    kg: float
    day: dt.date
    best_set: LiftedSet | None  # the set behind an e1RM record


def lifted_set(
    reps: int | None,
    weight_kg: float | None,
    seconds: float | None,
    share: float = 0.0,
    body_kg: float | None = None,
) -> LiftedSet:
    """A working set as the records count it: a set of reps of bodyweight work (`share` of
    the body weight a rep moves, domain.body_load.body_share) lifts that share of `body_kg`,
    the body weight of its day, plus the load added; any other set, and one before the first
    body weight logged (`body_kg` None), its logged load."""
    if share and reps and body_kg is not None:
        weight_kg = moved_kg(weight_kg, share, body_kg)
    return LiftedSet(reps, weight_kg, seconds)


def _first_best(values: np.ndarray) -> int | None:
    """The index of the first occurrence of the largest finite value, or None."""
    if not np.isfinite(values).any():
        return None
    return int(np.nanargmax(values))  # nanargmax returns the first of equal maxima


def exercise_records(progress: ExerciseProgress) -> list[Record]:
    """The records table, best load per rep count first, then the e1RM; a rep count
    nobody has lifted a load for is left out."""
    records = []
    for column, reps in enumerate(REP_COUNTS):
        index = _first_best(progress.rep_loads_kg[:, column]) if len(progress) else None
        if index is not None:
            label = "1 rep" if reps == 1 else f"{reps} reps"
            kg = float(progress.rep_loads_kg[index, column])
            records.append(Record(label, reps, kg, progress.days[index], None))
    index = _first_best(progress.e1rm_kg) if len(progress) else None
    if index is not None:
        records.append(
            Record(
                "e1RM",
                None,
                float(progress.e1rm_kg[index]),
                progress.days[index],
                progress.best_set(index),
            )
        )
    return records


def new_records(before: Iterable[LiftedSet], today: Iterable[LiftedSet]) -> list[Record]:
    """The records today's working sets beat (best load for at least 1, 3, 5, 8, 10 reps,
    and the e1RM), against the sets before today, for the editor to mark a record as it is
    logged. Nothing before means nothing to beat: a first session sets the bar, as on the
    chart. The records' day is left as date.min: they are not saved yet."""
    before, today = list(before), list(today)
    if not before:
        return []
    beaten = []
    for reps in REP_COUNTS:
        old = max((s.weight_kg or 0.0 for s in before if _counts(s, reps)), default=None)
        new = max((s.weight_kg or 0.0 for s in today if _counts(s, reps)), default=None)
        if new is not None and (old is None or new > old):
            label = "1 rep" if reps == 1 else f"{reps} reps"
            beaten.append(Record(label, reps, new, dt.date.min, None))
    rated_before = [v for s in before if (v := e1rm(s.weight_kg, s.reps))]
    rated_today = [(v, s) for s in today if (v := e1rm(s.weight_kg, s.reps))]
    if rated_today and rated_before:
        value, best = max(rated_today, key=lambda pair: pair[0])
        if value > max(rated_before):
            beaten.append(Record("e1RM", None, value, dt.date.min, best))
    return beaten


def _counts(entry: LiftedSet, reps: int) -> bool:
    return bool(entry.weight_kg and entry.weight_kg > 0 and (entry.reps or 0) >= reps)
