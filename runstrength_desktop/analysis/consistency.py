"""Strength sessions and running distance per ISO week, including the empty weeks (a gap is
what the chart is there to show), and their rolling 4-week mean for views over years."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .timeline import week_centres, week_count

TARGET_SESSIONS = (2, 3)  # strength sessions a week that suit a runner (planning-rules.md)


class RecentWeeks(NamedTuple):
    weeks: int  # how many weeks (fewer than asked in a young logbook)
    sessions_per_week: float
    weeks_on_target: int
    run_km: float


@dataclass(frozen=True)
class WeeklyConsistency:
    first_monday: dt.date
    strength_sessions: np.ndarray  # done strength sessions with working sets, per week
    run_km: np.ndarray  # distance of done runs, per week

    @property
    def weeks(self) -> int:
        return len(self.strength_sessions)

    @property
    def x(self) -> np.ndarray:
        return week_centres(self.first_monday, self.weeks)

    @property
    def mondays(self) -> list[dt.date]:
        return [self.first_monday + dt.timedelta(weeks=i) for i in range(self.weeks)]

    def recent(self, weeks: int = 52) -> RecentWeeks:
        """The last `weeks` weeks of the logbook at a glance."""
        strength = self.strength_sessions[-weeks:]
        low, high = TARGET_SESSIONS
        on_target = int(((strength >= low) & (strength <= high)).sum())
        return RecentWeeks(
            len(strength), float(strength.mean()), on_target, float(self.run_km[-weeks:].sum())
        )


# Per ISO week (its Monday): done strength sessions with a working set, done runs, run km
# (the rows of store.progress_queries.week_totals).
WeekTotals = tuple[int, int, float]


def weekly_consistency(weeks: Mapping[dt.date, WeekTotals]) -> WeeklyConsistency | None:
    """From the first week with a done session to the last; None without any."""
    done = [monday for monday, (strength, runs, _km) in weeks.items() if strength or runs]
    if not done:
        return None
    first = min(done)
    count = week_count(first, max(done))
    strength = np.zeros(count, dtype=np.int64)
    km = np.zeros(count, dtype=np.float64)
    for monday in done:
        week = (monday - first).days // 7
        lifts, _runs, distance = weeks[monday]
        strength[week] = lifts
        km[week] = distance
    return WeeklyConsistency(first, strength, km)


def rolling_mean(values: np.ndarray, weeks: int) -> np.ndarray:
    """The mean of each week and the weeks - 1 before it (fewer at the start)."""
    total = np.cumsum(values, dtype=np.float64)
    total[weeks:] = total[weeks:] - total[:-weeks]
    return total / np.minimum(np.arange(1, len(values) + 1), weeks)
