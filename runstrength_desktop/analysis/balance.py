"""Working sets per week by body region, so a week without calf work stands out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..domain import Catalogue, Category, Exercise, Region
from .timeline import week_centres, week_count

# Stacked bottom to top in this order. Calves come straight after the rest of the lower body
# because runners skip them most and the chart is there to show it.
REGIONS = ("lower", "calves", "upper", "core")
# Mobility drills and cardio machines are not resistance work: they do not count as sets.
COUNTED = (Category.STRENGTH, Category.PLYOMETRIC, Category.CORE_HOLD)


def set_region(exercise: Exercise | None) -> str | None:
    """calves when the exercise works the calves, else lower (lower or full body), upper or
    core; None for an unknown exercise or one that is not resistance work."""
    if exercise is None or exercise.category not in COUNTED:
        return None
    if exercise.is_calf:
        return "calves"
    if exercise.region in (Region.LOWER, Region.FULL):
        return "lower"
    return str(exercise.region.value)


@dataclass(frozen=True)
class WeeklyBalance:
    first_monday: dt.date
    sets: dict[str, np.ndarray]  # region -> working sets per week

    @property
    def weeks(self) -> int:
        return len(self.sets[REGIONS[0]])

    @property
    def x(self) -> np.ndarray:
        return week_centres(self.first_monday, self.weeks)

    def recent(self, weeks: int = 12) -> dict[str, int]:
        """Working sets per region over the last `weeks` weeks."""
        return {region: int(self.sets[region][-weeks:].sum()) for region in REGIONS}

    def _lifted(self, weeks: int) -> np.ndarray:
        lifted: np.ndarray = np.sum([self.sets[r][-weeks:] for r in REGIONS], axis=0) > 0
        return lifted

    def weeks_with_work(self, weeks: int = 12) -> int:
        """Of the last `weeks` weeks, how many had any working set."""
        return int(self._lifted(weeks).sum())

    def weeks_without(self, region: str, weeks: int = 12) -> int:
        """Of the last `weeks` weeks with any strength work, how many had none for region."""
        return int((self._lifted(weeks) & (self.sets[region][-weeks:] == 0)).sum())

    def stacked(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """region -> (bottom, height) of its bars, stacked in REGIONS order."""
        bottom = np.zeros(self.weeks, dtype=np.float64)
        result = {}
        for region in REGIONS:
            height = self.sets[region].astype(np.float64)
            result[region] = (bottom.copy(), height)
            bottom += height
        return result


# Per ISO week (its Monday) and exercise: working sets and volume kg of done strength
# sessions (the rows of store.progress_queries.week_exercise_work).
WeekWork = Mapping[str, tuple[int, float]]


def weekly_balance(weeks: Mapping[dt.date, WeekWork], catalogue: Catalogue) -> WeeklyBalance | None:
    """From the first week with working sets to the last; None without any."""
    lifted = [monday for monday, work in weeks.items() if work]
    if not lifted:
        return None
    first = min(lifted)
    count = week_count(first, max(lifted))
    sets = {region: np.zeros(count, dtype=np.int64) for region in REGIONS}
    regions: dict[str, str | None] = {}
    for monday in lifted:
        week = (monday - first).days // 7
        for name, (n, _volume) in weeks[monday].items():
            if name not in regions:
                regions[name] = set_region(catalogue.resolve(name))
            if (region := regions[name]) is not None:
                sets[region][week] += n
    return WeeklyBalance(first, sets)
