"""Working sets per week by body region, so a week without calf work stands out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from ..domain import Catalogue, Category, Exercise, Region, Session, Status, monday_of
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
    return exercise.region.value


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
        return sum(self.sets[r][-weeks:] for r in REGIONS) > 0

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


def weekly_balance(sessions: list[Session], catalogue: Catalogue) -> WeeklyBalance | None:
    """From the week of the first done strength session with working sets to the week of the
    last; None without any."""
    regions: dict[str, str | None] = {}
    lifting = [
        s for s in sessions if s.status is Status.DONE and s.is_strength and s.working_sets()
    ]
    if not lifting:
        return None
    first = monday_of(min(s.date for s in lifting))
    weeks = week_count(first, max(s.date for s in lifting))
    sets = {region: np.zeros(weeks, dtype=np.int64) for region in REGIONS}
    for session in lifting:
        week = (session.date - first).days // 7
        for entry in session.working_sets():
            if entry.exercise not in regions:
                regions[entry.exercise] = set_region(catalogue.resolve(entry.exercise))
            region = regions[entry.exercise]
            if region is not None:
                sets[region][week] += 1
    return WeeklyBalance(first, sets)
