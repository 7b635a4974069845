"""Strength sessions and running distance per ISO week, including the empty weeks (a gap is
what the chart is there to show)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..domain import Session, Status, monday_of
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


def _counts(session: Session) -> bool:
    return session.status is Status.DONE and (session.is_run or bool(session.working_sets()))


def weekly_consistency(sessions: list[Session]) -> WeeklyConsistency | None:
    """From the week of the first done session to the week of the last; None without any."""
    done = [s for s in sessions if _counts(s)]
    if not done:
        return None
    first = monday_of(min(s.date for s in done))
    weeks = week_count(first, max(s.date for s in done))
    strength = np.zeros(weeks, dtype=np.int64)
    km = np.zeros(weeks, dtype=np.float64)
    for session in done:
        week = (session.date - first).days // 7
        if session.is_run:
            km[week] += session.distance_km or 0.0
        else:
            strength[week] += 1
    return WeeklyConsistency(first, strength, km)
