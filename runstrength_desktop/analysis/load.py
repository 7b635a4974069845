"""Training load from session RPE x minutes (Foster's session load), for runs and lifts (a
session without an RPE or believable minutes gets an estimate, domain.metrics, and the
estimated part is kept apart so the chart can say so):
daily load, acute (7-day) against chronic (28-day) load and their ratio, and fitness and
fatigue as exponentially weighted averages the way GoldenCheetah's Performance Management
Chart computes them."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from ..domain import Session, Status
from ..domain.metrics import load_of
from .timeline import day_seconds

FITNESS_DAYS = 42  # chronic training load ("fitness") time constant
FATIGUE_DAYS = 7  # acute training load ("fatigue") time constant
ACUTE_DAYS = 7
CHRONIC_DAYS = 28
RATIO_BAND = (0.8, 1.3)  # the acute:chronic range usually read as "building safely"


@dataclass(frozen=True)
class DailyLoad:
    """Load per calendar day from `first`, every day present (rest days are 0)."""

    first: dt.date
    run: np.ndarray
    lift: np.ndarray
    run_estimated: np.ndarray | None = None  # the estimated part of each day's load
    lift_estimated: np.ndarray | None = None
    estimated_sessions: int = 0

    @property
    def total(self) -> np.ndarray:
        return self.run + self.lift

    @property
    def days(self) -> int:
        return len(self.run)

    @property
    def x(self) -> np.ndarray:
        """Each day's midnight: bars are centred half a day later."""
        return day_seconds([self.first]) + np.arange(self.days, dtype=np.float64) * 86400.0


def daily_load(sessions: list[Session], through: dt.date | None = None) -> DailyLoad | None:
    """Done sessions' load, summed per day, from the first such day up to the last one (or
    `through`, if later: rest after the last session still lowers fitness). None when no
    session has a load."""
    loads = [
        (s.date, s.is_run, load)
        for s in sessions
        if s.status is Status.DONE and (load := load_of(s)) is not None
    ]
    if not loads:
        return None
    first = min(day for day, _, _ in loads)
    last = max(*(day for day, _, _ in loads), through or first)
    days = (last - first).days + 1
    run, lift = np.zeros(days), np.zeros(days)
    run_estimated, lift_estimated = np.zeros(days), np.zeros(days)
    for day, is_run, load in loads:
        index = (day - first).days
        (run if is_run else lift)[index] += load.value
        if load.estimated:
            (run_estimated if is_run else lift_estimated)[index] += load.value
    estimated = sum(1 for _, _, load in loads if load.estimated)
    return DailyLoad(first, run, lift, run_estimated, lift_estimated, estimated)


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


def acute_chronic_ratio(acute: np.ndarray, chronic: np.ndarray) -> np.ndarray:
    ratio = np.full(len(acute), np.nan)
    # Before 28 days of history the chronic load is underestimated and the ratio inflated.
    known = (np.arange(len(acute)) >= CHRONIC_DAYS - 1) & (chronic > 0)
    ratio[known] = acute[known] / chronic[known]
    return ratio


def training_load(sessions: list[Session], through: dt.date | None = None) -> TrainingLoad | None:
    daily = daily_load(sessions, through)
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
