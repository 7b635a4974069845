"""Strength volume (load x reps of working sets) per ISO week: in total, by body region, or of
one exercise; and the planner's spike limit, the ratio (1.5 by default) times the mean of
the 4 weeks before, leaving recovery and taper weeks out of that mean as the planner does
(planning/calendar.py, Calendar.baseline_volume; rule too_much_volume)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from ..domain import Catalogue, Phase, monday_of, week_monday
from .balance import REGIONS, WeekWork, set_region
from .timeline import week_centres, week_count

WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class WeeklyVolume:
    first_monday: dt.date
    by_region: dict[str, np.ndarray]  # region -> kg per week (all regions when no exercise)
    exercise: str | None  # one exercise's volume (in by_region["all"]) or everything

    @property
    def total(self) -> np.ndarray:
        total: np.ndarray = np.sum(list(self.by_region.values()), axis=0)
        return total

    @property
    def weeks(self) -> int:
        return len(self.total)

    @property
    def x(self) -> np.ndarray:
        return week_centres(self.first_monday, self.weeks)

    @property
    def mondays(self) -> list[dt.date]:
        return [self.first_monday + i * WEEK for i in range(self.weeks)]

    def stacked(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """region -> (bottom, height) of its bars, stacked in the order of by_region."""
        bottom = np.zeros(self.weeks)
        result = {}
        for region, height in self.by_region.items():
            result[region] = (bottom.copy(), height)
            bottom = bottom + height
        return result


def weekly_volume(
    weeks: Mapping[dt.date, WeekWork], catalogue: Catalogue, exercise: str | None = None
) -> WeeklyVolume | None:
    """From the first week with volume (of `exercise`, when given) to the last; None when
    nothing was lifted with a load. Without an exercise, the weeks' volume by region (lower
    body, calves, upper body, core; the region of exercises that are not resistance work
    is left out, as on the Balance chart)."""
    lifted = [
        monday
        for monday, work in weeks.items()
        if any(volume > 0 for name, (_sets, volume) in work.items() if exercise in (None, name))
    ]
    if not lifted:
        return None
    first = min(lifted)
    count = week_count(first, max(lifted))
    keys = ("all",) if exercise else REGIONS
    by_region = {key: np.zeros(count) for key in keys}
    regions: dict[str, str | None] = {}
    for monday in lifted:
        week = (monday - first).days // 7
        for name, (_sets, volume) in weeks[monday].items():
            if exercise is not None:
                if name == exercise:
                    by_region["all"][week] += volume
                continue
            if name not in regions:
                regions[name] = set_region(catalogue.resolve(name))
            if (region := regions[name]) is not None:
                by_region[region][week] += volume
    return WeeklyVolume(first, by_region, exercise)


def easy_mondays(
    phases: Mapping[str, Phase], race_days: Iterable[dt.date], race_window_days: int
) -> set[dt.date]:
    """The Mondays of recovery and taper weeks: a phase set to one of them, or a week that
    starts within `race_window_days` before a race (planning-rules.md, Words)."""
    easy = set()
    for week, phase in phases.items():
        if phase in (Phase.RECOVERY, Phase.TAPER):
            try:
                easy.add(week_monday(week))
            except ValueError:
                continue
    for day in race_days:
        monday = monday_of(day)
        while (day - monday).days < race_window_days:
            easy.add(monday)
            monday -= WEEK
    return easy


def spike_limits(
    volume: WeeklyVolume, easy: set[dt.date], ratio: float, baseline_weeks: int
) -> np.ndarray:
    """For each week, `ratio` x the mean volume of the `baseline_weeks` weeks before that are
    not recovery or taper weeks (a week off counts as 0); NaN where the weeks run out
    before the first week of volume or they lifted nothing, as the planner says nothing
    there."""
    total, mondays = volume.total, volume.mondays
    limits = np.full(volume.weeks, np.nan)
    for index in range(volume.weeks):
        found: list[float] = []
        week = index - 1
        while len(found) < baseline_weeks and week >= 0:
            if mondays[week] not in easy:
                found.append(total[week])
            week -= 1
        if len(found) == baseline_weeks and sum(found) > 0:
            limits[index] = ratio * sum(found) / baseline_weeks
    return limits
