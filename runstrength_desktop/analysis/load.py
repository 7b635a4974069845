"""Training load from session RPE x minutes (Foster's session load), or the domain's estimate
without an RPE or believable minutes (domain.metrics.load_from), for runs and lifts:
daily load, acute (7-day) against chronic (28-day) load and their ratio, and fitness and
fatigue as exponentially weighted averages the way GoldenCheetah's Performance Management
Chart computes them."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..domain import RunType, SessionKind
from ..domain.metrics import LoadInputs, load_from
from .timeline import day_seconds

FITNESS_DAYS = 42  # chronic training load ("fitness") time constant
FATIGUE_DAYS = 7  # acute training load ("fatigue") time constant
ACUTE_DAYS = 7
CHRONIC_DAYS = 28
RATIO_BAND = (0.8, 1.3)  # the acute:chronic range usually read as "building safely"


# Per day: (run load, lift load, the part of each that is estimated), of done sessions.
DayLoads = tuple[float, float, float, float]


def day_loads(rows: list[tuple[Any, ...]]) -> dict[dt.date, DayLoads]:
    """Day -> its loads, from the rows of store.progress_queries.load_rows, each session's
    load worked out by domain.metrics.load_from (its RPE x minutes, or an estimate, which is
    kept apart so the chart can draw it as such)."""
    days: dict[dt.date, list[float]] = {}
    for day, kind, run_type, minutes, rpe, avg_hr, max_hr, km, work, set_rpe in rows:
        is_run = kind == SessionKind.RUN.value
        inputs = LoadInputs(
            is_run,
            RunType(run_type) if run_type else None,
            minutes,
            rpe,
            avg_hr,
            max_hr,
            km,
            work or 0,
            set_rpe,
        )
        if (load := load_from(inputs)) is None:
            continue
        totals = days.setdefault(day, [0.0, 0.0, 0.0, 0.0])
        column = 0 if is_run else 1
        totals[column] += load.value
        if load.estimated:
            totals[column + 2] += load.value
    return {day: (v[0], v[1], v[2], v[3]) for day, v in days.items()}


@dataclass(frozen=True)
class DailyLoad:
    """Load per calendar day from `first`, every day present (rest days are 0)."""

    first: dt.date
    run: np.ndarray
    lift: np.ndarray
    run_estimated: np.ndarray  # the part of `run` that was estimated (no RPE given)
    lift_estimated: np.ndarray

    @property
    def total(self) -> np.ndarray:
        total: np.ndarray = self.run + self.lift
        return total

    @property
    def days(self) -> int:
        return len(self.run)

    @property
    def x(self) -> np.ndarray:
        """Each day's midnight: bars are centred half a day later."""
        return day_seconds([self.first]) + np.arange(self.days, dtype=np.float64) * 86400.0


def daily_load(
    loads: Mapping[dt.date, DayLoads], through: dt.date | None = None
) -> DailyLoad | None:
    """Every day from the first day with a load up to the last one (or `through`, if later:
    rest after the last session still lowers fitness). None when no session has a load."""
    if not loads:
        return None
    first = min(loads)
    last = max(*loads, through or first)
    days = (last - first).days + 1
    columns = np.zeros((4, days))
    for day, values in loads.items():
        columns[:, (day - first).days] = values
    return DailyLoad(first, *columns)


def ewma(values: np.ndarray, time_constant: float) -> np.ndarray:
    """today = yesterday * e^(-1/T) + load * (1 - e^(-1/T)), from 0 before the first day
    (GoldenCheetah's PMC: T = 42 for fitness, 7 for fatigue)."""
    decay = math.exp(-1.0 / time_constant)
    out = np.empty(len(values), dtype=np.float64)
    level = 0.0
    for i, value in enumerate(values.tolist()):  # a plain loop: 3,650 days take ~1 ms
        level = level * decay + value * (1.0 - decay)
        out[i] = level
    return out


def trailing_sum(values: np.ndarray, days: int) -> np.ndarray:
    """The sum of each day and the days - 1 before it (fewer at the start)."""
    total = np.cumsum(values, dtype=np.float64)
    total[days:] = total[days:] - total[:-days]
    return total


@dataclass(frozen=True)
class TrainingLoad:
    daily: DailyLoad
    acute: np.ndarray  # load of the last 7 days
    chronic: np.ndarray  # average weekly load of the last 28 days (a 28-day sum / 4)
    ratio: np.ndarray  # acute / chronic; NaN before 28 days of history or without load
    fitness: np.ndarray  # EWMA of daily load, 42 days
    fatigue: np.ndarray  # EWMA of daily load, 7 days

    @property
    def form(self) -> np.ndarray:
        """Fitness minus fatigue (GoldenCheetah's training stress balance): below zero
        while training hard, rising above it when rested."""
        form: np.ndarray = self.fitness - self.fatigue
        return form


def acute_chronic_ratio(acute: np.ndarray, chronic: np.ndarray) -> np.ndarray:
    ratio = np.full(len(acute), np.nan)
    # Before 28 days of history the chronic load is underestimated and the ratio inflated.
    known = (np.arange(len(acute)) >= CHRONIC_DAYS - 1) & (chronic > 0)
    ratio[known] = acute[known] / chronic[known]
    return ratio


def training_load(
    loads: Mapping[dt.date, DayLoads], through: dt.date | None = None
) -> TrainingLoad | None:
    daily = daily_load(loads, through)
    if daily is None:
        return None
    total = daily.total
    acute = trailing_sum(total, ACUTE_DAYS)
    chronic = trailing_sum(total, CHRONIC_DAYS) / (CHRONIC_DAYS / ACUTE_DAYS)
    return TrainingLoad(
        daily,
        acute,
        chronic,
        acute_chronic_ratio(acute, chronic),
        fitness=ewma(total, FITNESS_DAYS),
        fatigue=ewma(total, FATIGUE_DAYS),
    )
