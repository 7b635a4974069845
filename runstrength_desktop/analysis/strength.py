"""Per-exercise strength series: estimated one-rep max (Epley), best-set load and volume per
done session, and which sessions set a personal record."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from ..domain import Catalogue, Category, Session, SetEntry, Status
from ..domain.metrics import set_e1rm, set_volume
from .timeline import day_seconds

# What the progress tab needs of a logbook's lifting: for each exercise, the done strength
# sessions that have working sets of it, oldest first, with those working sets.
ExerciseIndex = dict[str, list[tuple[Session, list[SetEntry]]]]


def exercise_index(sessions: list[Session]) -> ExerciseIndex:
    """Working sets of done strength sessions grouped by exercise, in session order."""
    index: ExerciseIndex = defaultdict(list)
    for session in sessions:
        if session.status is not Status.DONE or not session.is_strength:
            continue
        grouped: dict[str, list[SetEntry]] = {}
        for entry in session.sets:
            if entry.is_working:
                grouped.setdefault(entry.exercise, []).append(entry)
        for name, sets in grouped.items():
            index[name].append((session, sets))
    return dict(index)


def is_loaded(entry: SetEntry) -> bool:
    return bool(entry.weight_kg and entry.weight_kg > 0)


def default_exercise(index: ExerciseIndex, catalogue: Catalogue) -> str | None:
    """The lift a runner most wants to follow: the most-logged loaded lower-body strength
    exercise (squat, deadlift, ...); bodyweight-only work has no load to chart. Falls back to
    the most-logged exercise with any load, then to None."""

    def sessions_with_load(name: str) -> int:
        return sum(1 for _session, sets in index[name] if any(is_loaded(s) for s in sets))

    counts = Counter({name: sessions_with_load(name) for name in index})
    counts = Counter({name: n for name, n in counts.items() if n})
    if not counts:
        return None

    def lower_body_lift(name: str) -> bool:
        exercise = catalogue.get(name)
        return (
            exercise is not None
            and exercise.category is Category.STRENGTH
            and exercise.is_lower_body
            and exercise.equipment != "bodyweight"
        )

    preferred = [name for name in counts if lower_body_lift(name)] or list(counts)
    # Most sessions first; the name breaks ties so the choice never depends on dict order.
    return min(preferred, key=lambda name: (-counts[name], name.lower()))


@dataclass(frozen=True)
class ExerciseProgress:
    """One entry per done session with working sets of the exercise, oldest first. Values
    are kilograms; NaN where a session has nothing to say (no load, or no set of 1-10 reps
    for an e1RM)."""

    exercise: str
    days: tuple[dt.date, ...]
    session_ids: tuple[int | None, ...]
    best_sets: tuple[SetEntry, ...]
    e1rm_kg: np.ndarray
    best_load_kg: np.ndarray
    volume_kg: np.ndarray
    is_pr: np.ndarray

    @property
    def x(self) -> np.ndarray:
        return day_seconds(self.days)

    @property
    def has_load(self) -> bool:
        return bool(np.isfinite(self.best_load_kg).any())

    def __len__(self) -> int:
        return len(self.days)


def _best_set(sets: list[SetEntry]) -> SetEntry:
    """The set behind the session's best e1RM; without one, the heaviest (then the most
    reps, then the longest hold)."""
    rated = [(value, s) for s in sets if (value := set_e1rm(s)) is not None]
    if rated:
        return max(rated, key=lambda pair: pair[0])[1]
    return max(sets, key=lambda s: (s.weight_kg or 0, s.reps or 0, s.seconds or 0))


def personal_records(values: np.ndarray) -> np.ndarray:
    """True where a value beats every earlier one. The first value sets the bar rather than
    beating it, and NaN never counts."""
    finite = np.where(np.isfinite(values), values, -np.inf)
    earlier_best = np.maximum.accumulate(np.concatenate(([-np.inf], finite[:-1])))
    return np.isfinite(values) & (finite > earlier_best) & np.isfinite(earlier_best)


def exercise_progress(name: str, entries: list[tuple[Session, list[SetEntry]]]) -> ExerciseProgress:
    e1rms, loads, volumes, best = [], [], [], []
    for _session, sets in entries:
        values = [v for v in (set_e1rm(s) for s in sets) if v is not None]
        e1rms.append(max(values) if values else np.nan)
        weights = [s.weight_kg for s in sets if is_loaded(s)]
        loads.append(max(weights) if weights else np.nan)
        volumes.append(sum(set_volume(s) for s in sets))
        best.append(_best_set(sets))
    e1rm = np.array(e1rms, dtype=np.float64)
    return ExerciseProgress(
        exercise=name,
        days=tuple(session.date for session, _ in entries),
        session_ids=tuple(session.id for session, _ in entries),
        best_sets=tuple(best),
        e1rm_kg=e1rm,
        best_load_kg=np.array(loads, dtype=np.float64),
        volume_kg=np.array(volumes, dtype=np.float64),
        is_pr=personal_records(e1rm),
    )


def finite_points(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) pairs with a real y: a curve skips sessions with nothing to show."""
    keep = np.isfinite(y)
    return x[keep], y[keep]
