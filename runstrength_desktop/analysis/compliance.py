"""Plan against done per ISO week, as arrays for the Progress chart: planned and done running
distance, planned and done strength sessions, planned sessions skipped, from the first week
with a plan to the last (domain/compliance.py matches a day's done sessions to its plan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..domain.compliance import DayTally, WeekCompliance, fold_weeks
from ..domain.session import monday_of
from .timeline import week_centres, week_count


class RecentCompliance(NamedTuple):
    weeks: int  # weeks of the plan that have begun, up to the number asked
    due: int  # planned sessions whose day has come
    done: int  # of them, done
    planned_km: float
    done_km: float

    @property
    def share(self) -> float | None:
        return self.done / self.due if self.due else None


@dataclass(frozen=True)
class WeeklyCompliance:
    first_monday: dt.date
    planned_km: np.ndarray
    done_km: np.ndarray
    planned_strength: np.ndarray
    done_strength: np.ndarray
    skipped: np.ndarray  # planned runs and lifts not done
    due: np.ndarray  # planned sessions whose day has come
    done: np.ndarray  # of them, done

    @property
    def weeks(self) -> int:
        return len(self.planned_km)

    @property
    def x(self) -> np.ndarray:
        return week_centres(self.first_monday, self.weeks)

    @property
    def mondays(self) -> list[dt.date]:
        return [self.first_monday + dt.timedelta(weeks=i) for i in range(self.weeks)]

    def recent(self, today: dt.date, weeks: int = 4) -> RecentCompliance:
        """The last `weeks` weeks of the plan up to today's week, at a glance."""
        end = min(self.weeks, (monday_of(today) - self.first_monday).days // 7 + 1)
        if end <= 0:
            return RecentCompliance(0, 0, 0, 0.0, 0.0)
        part = slice(max(0, end - weeks), end)
        return RecentCompliance(
            end - part.start,
            int(self.due[part].sum()),
            int(self.done[part].sum()),
            float(self.planned_km[part].sum()),
            float(self.done_km[part].sum()),
        )


def weekly_compliance(tallies: Iterable[DayTally]) -> WeeklyCompliance | None:
    """Every week from the first with a plan to the last (weeks between without one are
    there, empty); None when nothing was ever planned."""
    weeks: dict[dt.date, WeekCompliance] = fold_weeks(tallies)
    planned = [monday for monday, week in weeks.items() if week.has_plan]
    if not planned:
        return None
    first, last = min(planned), max(planned)
    count = week_count(first, last)
    arrays = {
        name: np.zeros(count, dtype=np.float64)
        for name in (
            "planned_km",
            "done_km",
            "planned_strength",
            "done_strength",
            "skipped",
            "due",
            "done",
        )
    }
    for monday, week in weeks.items():
        if not first <= monday <= last:
            continue
        i = (monday - first).days // 7
        arrays["planned_km"][i] = week.planned_km
        arrays["done_km"][i] = week.done_km
        arrays["planned_strength"][i] = week.planned_strength
        arrays["done_strength"][i] = week.done_strength
        arrays["skipped"][i] = week.skipped
        arrays["due"][i] = week.due
        arrays["done"][i] = week.done_runs + week.done_strength
    return WeeklyCompliance(first, **arrays)
