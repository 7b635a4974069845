"""Body weight over time: the logged weights, their 28-day trailing mean (a day's weight
swings by a kilogram or two with water and food; the mean shows the trend), and strength
relative to body weight (e1RM divided by the weight of the day, the latest logged on or
before it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from .records import lifted_set
from .strength import CURRENT_E1RM_DAYS, ExerciseProgress, rolling_best
from .timeline import day_seconds

MEAN_DAYS = 28


@dataclass(frozen=True)
class BodyWeights:
    days: tuple[dt.date, ...]
    kg: np.ndarray
    mean_kg: np.ndarray  # mean of the weights logged in the 28 days up to each one

    @property
    def x(self) -> np.ndarray:
        return day_seconds(self.days)

    def __len__(self) -> int:
        return len(self.days)

    def on(self, days: tuple[dt.date, ...]) -> np.ndarray:
        """The weight of each day: the latest logged on or before it, NaN before the first."""
        if not len(self):
            return np.full(len(days), np.nan)
        logged = np.array([d.toordinal() for d in self.days])
        wanted = np.array([d.toordinal() for d in days], dtype=np.int64)
        index = np.searchsorted(logged, wanted, side="right") - 1
        return np.where(index >= 0, self.kg[np.maximum(index, 0)], np.nan)


def body_weights(entries: list[tuple[dt.date, float]]) -> BodyWeights:
    """From (day, kg) entries, one a day at most, in any order."""
    entries = sorted(entries)
    days = tuple(day for day, _ in entries)
    kg = np.array([weight for _, weight in entries], dtype=np.float64)
    ordinals = np.array([d.toordinal() for d in days], dtype=np.int64)
    total = np.concatenate(([0.0], np.cumsum(kg)))
    start = np.searchsorted(ordinals, ordinals - (MEAN_DAYS - 1), side="left")
    end = np.arange(1, len(kg) + 1)
    mean = (total[end] - total[start]) / np.maximum(end - start, 1) if len(kg) else kg
    return BodyWeights(days, kg, mean)


def with_body_load(
    rows: list[tuple[Any, ...]], share: float, weights: BodyWeights
) -> list[tuple[Any, ...]]:
    """An exercise's set rows (store.progress_queries.exercise_sets) with the load each set
    moves: `share` of the body weight of its day plus the load added (domain/body_load.py),
    so a push-up or a weighted pull-up has an e1RM and a volume. Sets before the first body
    weight logged, and holds, keep their logged load (records.lifted_set, the records' rule)."""
    body = weights.on(tuple(row[1] for row in rows))
    out = []
    for row, kg in zip(rows, body.tolist()):
        if kg == kg:  # a body weight known (not NaN)
            row = (*row[:4], *lifted_set(row[4], row[5], row[6], share, kg), *row[7:])
        out.append(row)
    return out


def relative(values_kg: np.ndarray, days: tuple[dt.date, ...], weights: BodyWeights) -> np.ndarray:
    """values / body weight of each day (NaN where no weight was logged yet)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        relative: np.ndarray = values_kg / weights.on(days)
    return relative


def relative_progress(progress: ExerciseProgress, weights: BodyWeights) -> ExerciseProgress:
    """The exercise's e1RM, best load and current e1RM as multiples of the body weight of
    each session's day (NaN before the first weight logged); volume stays in kilograms."""
    body = weights.on(progress.days)
    with np.errstate(invalid="ignore", divide="ignore"):
        e1rm_ratio = progress.e1rm_kg / body
        return replace(
            progress,
            e1rm_kg=e1rm_ratio,
            best_load_kg=progress.best_load_kg / body,
            current_e1rm_kg=rolling_best(progress.days, e1rm_ratio, CURRENT_E1RM_DAYS),
        )
