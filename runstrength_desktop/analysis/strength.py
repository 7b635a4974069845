"""Per-exercise strength series: estimated one-rep max (Epley), best-set load and volume per
done session, which sessions set a personal record, and the current e1RM (the best of the
last 8 weeks, as the planner reads it) as a trend through light days.

Computed from the rows the store returns for one exercise (store.progress_queries
.exercise_sets): (session id, day, start, position in the day, reps, weight kg, seconds,
sets), alike sets of a session in one row."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

import numpy as np

from ..domain import Catalogue, Category
from ..domain.metrics import e1rm
from .timeline import DAY_S, epoch_days

T = TypeVar("T")

CURRENT_E1RM_DAYS = 56  # "the exercise's current e1RM is the best set e1RM in the last 8 weeks"


class LiftedSet(NamedTuple):
    reps: int | None
    weight_kg: float | None
    seconds: float | None


REP_COUNTS = (1, 3, 5, 8, 10)


def _floats(values: Iterable[float | None]) -> np.ndarray:
    return np.array(values, dtype=np.float64)  # None becomes NaN


def _e1rm_factors(reps: np.ndarray) -> np.ndarray:
    """e1RM per kilogram lifted for each set's reps (NaN where a set has none), from
    domain.metrics.e1rm, which stays the one formula: it is proportional to the load."""
    factors = np.full(len(reps), np.nan)
    # A set, not np.unique: its first call imports numpy.ma, 60 ms of the tab's first render.
    for count in set(reps[np.isfinite(reps)].tolist()):
        if (factor := e1rm(1.0, int(count))) is not None and count == int(count):
            factors[reps == count] = factor
    return factors


def personal_records(values: np.ndarray) -> np.ndarray:
    """True where a value beats every earlier one. The first value sets the bar rather than
    beating it, and NaN never counts."""
    finite = np.where(np.isfinite(values), values, -np.inf)
    earlier_best = np.maximum.accumulate(np.concatenate(([-np.inf], finite[:-1])))
    records: np.ndarray = np.isfinite(values) & (finite > earlier_best) & np.isfinite(earlier_best)
    return records


def rolling_best(days: tuple[dt.date, ...], values: np.ndarray, window_days: int) -> np.ndarray:
    """For each entry, the best value of the entries in the `window_days` days up to and
    including its day, itself and those before it (NaN when none has a value); `days` run
    oldest first. Each window is two lookups in a table of the best of the 1, 2, 4, ...
    entries up to each one, NumPy throughout (a Python loop over the sessions took 0.37 ms
    for thirty years of squats, this 0.11 ms)."""
    count = len(values)
    if count == 0 or window_days <= 0:
        return np.full(count, np.nan)
    ordinals = np.fromiter((d.toordinal() for d in days), dtype=np.int64, count=count)
    at = np.arange(count)
    starts = np.searchsorted(ordinals, ordinals - window_days, side="right")
    lengths = at - starts + 1  # at least 1: an entry is in its own window
    levels = [np.asarray(values, dtype=np.float64)]  # level k: best of 2**k up to each
    while (1 << len(levels)) <= lengths.max():
        step, below = 1 << (len(levels) - 1), levels[-1]
        levels.append(np.concatenate((below[:step], np.fmax(below[step:], below[:-step]))))
    table = np.stack(levels)
    level = np.frexp(lengths)[1] - 1  # the largest k with 2**k <= length
    best: np.ndarray = np.fmax(table[level, at], table[level, starts + (1 << level) - 1])
    return best


@dataclass(frozen=True)
class ExerciseProgress:
    """One entry per done session with working sets of the exercise, oldest first. Values
    are kilograms; NaN where a session has nothing to say (no load, or no set of 1-10 reps
    for an e1RM)."""

    exercise: str
    days: tuple[dt.date, ...]
    session_ids: tuple[int, ...]
    best_reps: np.ndarray  # the set behind each session's best e1RM (else its heaviest)
    best_weight_kg: np.ndarray
    best_seconds: np.ndarray
    e1rm_kg: np.ndarray
    best_load_kg: np.ndarray
    volume_kg: np.ndarray
    is_pr: np.ndarray
    current_e1rm_kg: np.ndarray  # best e1RM of the 8 weeks up to each session
    rep_loads_kg: np.ndarray  # (sessions, REP_COUNTS): heaviest load for at least n reps
    # (sessions, 5): what orders them (domain.Session.sort_key), for patching in place: the
    # day's ordinal, 1 when untimed, the start in minutes, the place in the day, the id
    sort_keys: np.ndarray

    @cached_property
    def epoch_days(self) -> np.ndarray:
        """Each session's day as days from 1970-01-01."""
        return epoch_days(self.days)

    @cached_property
    def x(self) -> np.ndarray:
        return self.epoch_days * DAY_S

    @cached_property
    def has_load(self) -> bool:
        return bool(np.isfinite(self.best_load_kg).any())

    def best_set(self, index: int) -> LiftedSet:
        def value(array: np.ndarray, kind: Callable[[float], T]) -> T | None:
            v = array[index]
            return None if not np.isfinite(v) else kind(v)

        return LiftedSet(
            value(self.best_reps, int),
            value(self.best_weight_kg, float),
            value(self.best_seconds, float),
        )

    @property
    def best_sets(self) -> tuple[LiftedSet, ...]:
        return tuple(self.best_set(i) for i in range(len(self)))

    def __len__(self) -> int:
        return len(self.days)


def exercise_progress(name: str, rows: list[tuple[Any, ...]]) -> ExerciseProgress:
    """An exercise's series from its set rows (store.progress_queries.exercise_sets: each
    session's rows together, alike sets in one row with their number), worked out with
    NumPy over all the rows at once: thirty years of squats are a few thousand sets, and
    this runs each time an exercise is picked.

    A session's e1RM is its best set's estimate (domain.metrics.e1rm: a load and 1-10 reps);
    its best set is the one behind that e1RM, or without one the heaviest set (then the
    most reps, then the longest hold); its volume is load x reps of its loaded sets."""
    if not rows:
        return _ordered(name, (), np.zeros((0, 5), dtype=np.int64), *_NO_SESSIONS)
    ids, days, starts, positions, rep_column, weight_column, second_column, counts = zip(*rows)
    reps, weights, seconds = _floats(rep_column), _floats(weight_column), _floats(second_column)
    sets = np.array(counts, dtype=np.float64)
    set_ids = np.array(ids, dtype=np.int64)
    first = np.flatnonzero(np.concatenate(([True], set_ids[1:] != set_ids[:-1])))
    segment = np.repeat(np.arange(len(first)), np.diff(np.append(first, len(rows))))
    with np.errstate(invalid="ignore"):
        loaded = weights > 0
        e1rms = weights * _e1rm_factors(reps)
        rated = loaded & np.isfinite(e1rms)
        e1rms = np.where(rated, e1rms, np.nan)
        volume = np.add.reduceat(np.where(loaded & (reps > 0), weights * reps * sets, 0.0), first)
        rep_loads = np.stack(
            [
                np.fmax.reduceat(np.where(loaded & (reps >= n), weights, np.nan), first)
                for n in REP_COUNTS
            ],
            axis=1,
        )
    best_e1rm = np.fmax.reduceat(e1rms, first)
    best_load = np.fmax.reduceat(np.where(loaded, weights, np.nan), first)
    # The best set: sorted within each session by e1RM, load, reps, hold, and the earlier
    # row on a tie (alike sets, then); the last of each session's run wins.
    by_set = np.lexsort(
        (
            -np.arange(len(rows)),
            np.nan_to_num(seconds),
            np.nan_to_num(reps),
            np.nan_to_num(weights),
            np.where(rated, e1rms, -np.inf),
            segment,
        )
    )
    best_rows = by_set[np.append(first[1:], len(rows)) - 1]
    at = first.tolist()
    minutes = {start: _minutes(start) for start in set(starts)}  # a few starts, many sessions
    keys = np.array(
        [(days[i].toordinal(), starts[i] is None, minutes[starts[i]], positions[i]) for i in at],
        dtype=np.int64,
    ).reshape(len(at), 4)
    return _ordered(
        name,
        tuple(days[i] for i in at),
        np.column_stack((keys, set_ids[first])),
        reps[best_rows],
        weights[best_rows],
        seconds[best_rows],
        best_e1rm,
        best_load,
        volume,
        rep_loads,
    )


def _minutes(start: str | None) -> int:
    """A start "HH:MM" in minutes after midnight (0 without one: untimed sorts apart)."""
    if not start:
        return 0
    hours, _, minutes = start.partition(":")
    return int(hours) * 60 + int(minutes[:2] or 0)


_PER_SESSION = (
    "best_reps",
    "best_weight_kg",
    "best_seconds",
    "e1rm_kg",
    "best_load_kg",
    "volume_kg",
    "rep_loads_kg",
)
_NO_SESSIONS = (*(np.zeros(0) for _ in _PER_SESSION[:-1]), np.zeros((0, len(REP_COUNTS))))


def _ordered(
    name: str, days: tuple[dt.date, ...], keys: np.ndarray, *values: np.ndarray
) -> ExerciseProgress:
    """The series of sessions given in any order, put in the logbook's order (day, timed ones
    first by their start, then their place in the day), with the records and the current
    e1RM that follow from that order. `values` are the _PER_SESSION arrays."""
    order = np.lexsort(keys.T[::-1])
    ordered_days = tuple(days[i] for i in order.tolist())
    per_session = dict(zip(_PER_SESSION, (value[order] for value in values), strict=True))
    e1rm_kg = per_session["e1rm_kg"]
    return ExerciseProgress(
        exercise=name,
        days=ordered_days,
        session_ids=tuple(keys[order, 4].tolist()),
        is_pr=personal_records(e1rm_kg),
        current_e1rm_kg=rolling_best(ordered_days, e1rm_kg, CURRENT_E1RM_DAYS),
        sort_keys=keys[order],
        **per_session,
    )


def patched_progress(
    progress: ExerciseProgress, session_ids: set[int], rows: list[tuple[Any, ...]]
) -> ExerciseProgress:
    """`progress` with the sessions of `session_ids` worked out again from `rows`, their
    rows now (none for a session that no longer has a working set of the exercise): after a
    save, the saved session's rows, not every set of the exercise's history. Equal to
    exercise_progress of all the rows; the records and the current e1RM, which depend on
    the sessions before, are worked out again over the series (NumPy, a few microseconds)."""
    fresh = exercise_progress(progress.exercise, rows)
    kept = np.flatnonzero(~np.isin(progress.sort_keys[:, 4], list(session_ids)))
    return _ordered(
        progress.exercise,
        tuple(progress.days[i] for i in kept.tolist()) + fresh.days,
        np.concatenate((progress.sort_keys[kept], fresh.sort_keys)),
        *(
            np.concatenate((getattr(progress, field)[kept], getattr(fresh, field)))
            for field in _PER_SESSION
        ),
    )


# -- views over years -----------------------------------------------------------------------

# How finely the chart draws a span: each session up to a year and a quarter, then the best of
# each week, month or quarter, so that the points drawn stay a few hundred at most and a light
# technique day does not pull the line down.
LEVELS = ("session", "week", "month", "quarter")
LEVEL_SPANS = ((460, "session"), (3 * 366, "week"), (15 * 366, "month"))


def level_for_span(days: float) -> str:
    """The level the chart draws a view `days` wide at."""
    return next((level for most, level in LEVEL_SPANS if days <= most), "quarter")


def _period_bounds(epoch_days: np.ndarray, level: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For days counted from 1970-01-01: a number per day, the same for the days of one
    week, month or quarter; and each day's period's first day and the first day after it
    (as days from 1970). NumPy's calendar months, not a Python loop over the sessions."""
    if level == "week":  # 1970-01-01 was a Thursday: shift so weeks start on Monday
        keys = (epoch_days + 3) // 7
        starts = keys * 7 - 3
        return keys, starts, starts + 7
    months = epoch_days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    span = 1 if level == "month" else 3
    keys = months // span

    def first_day(month: np.ndarray) -> np.ndarray:
        return month.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)

    return keys, first_day(keys * span), first_day(keys * span + span)


@dataclass(frozen=True)
class PeriodSeries:
    """An exercise's progress at one level: per session, or the best of each period (its
    e1RM, load and volume) with the current e1RM at the period's last session. `sessions`
    indexes ExerciseProgress: the session behind each point (its best e1RM, else its best
    load), which the hover describes."""

    level: str
    starts: tuple[dt.date, ...]  # each point's day (session) or first day (period)
    x: np.ndarray  # the middle of the period (a session's day)
    e1rm_kg: np.ndarray
    best_load_kg: np.ndarray
    volume_kg: np.ndarray
    current_e1rm_kg: np.ndarray
    sessions: np.ndarray

    def __len__(self) -> int:
        return len(self.x)


def period_series(progress: ExerciseProgress, level: str) -> PeriodSeries:
    if level == "session" or not len(progress):
        return PeriodSeries(
            level,
            progress.days,
            progress.x,
            progress.e1rm_kg,
            progress.best_load_kg,
            progress.volume_kg,
            progress.current_e1rm_kg,
            np.arange(len(progress)),
        )
    keys, start_days, end_days = _period_bounds(progress.epoch_days, level)
    first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    last = np.append(first[1:], len(keys)) - 1
    starts = tuple(start_days[first].astype("datetime64[D]").tolist())
    x = (start_days[first] + end_days[first]) * (DAY_S / 2)
    e1rm_kg = np.fmax.reduceat(progress.e1rm_kg, first)
    # The session behind each period's point: its best e1RM, or its heaviest set; the
    # earlier on a tie (sorted by period, then rank, then latest first: the last wins).
    rank = np.where(
        np.isfinite(progress.e1rm_kg),
        progress.e1rm_kg,
        np.nan_to_num(progress.best_load_kg, nan=-1.0) - 1e9,
    )
    period = np.repeat(np.arange(len(first)), np.diff(np.append(first, len(keys))))
    by_rank = np.lexsort((-np.arange(len(keys)), rank, period))
    best = by_rank[last]
    return PeriodSeries(
        level,
        starts,
        x,
        e1rm_kg,
        np.fmax.reduceat(progress.best_load_kg, first),
        np.fmax.reduceat(progress.volume_kg, first),
        progress.current_e1rm_kg[last],
        best.astype(np.int64),
    )


def default_exercise(counts: dict[str, int], catalogue: Catalogue) -> str | None:
    """The lift a runner most wants to follow: of `counts` (sessions with a loaded working
    set, per exercise), the most-logged loaded lower-body strength exercise (squat,
    deadlift, ...); bodyweight-only work has no load to chart. Falls back to the most-logged
    exercise with any load, then to None."""
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


def finite_points(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) pairs with a real y: a curve skips sessions with nothing to show."""
    keep = np.isfinite(y)
    return x[keep], y[keep]
