"""Plan against done: how much of each week's plan was done (kilometres, strength sessions,
sessions skipped), for the calendar's week column and the Progress tab.

A done session is matched to the planned one on its day, a run to a run and a lift to a lift:
either it is the planned session itself, saved as done (the store keeps that it was planned,
and at what distance: Session.from_plan, planned_km), or it was logged beside it (an import,
a new entry), and then it fulfils a planned session of its kind left on that day. A planned
session before today that nothing fulfilled was skipped, as was one marked skipped. Done
kilometres are all the kilometres run, planned or not.

The store counts each day in SQL (Repository.day_tallies); `tally_sessions` counts the same
from sessions in hand (the calendar has the weeks it shows); both fold the same way here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .enums import SessionKind, Status
from .session import Session, monday_of


@dataclass(frozen=True)
class DayTally:
    """One kind of session on one day, counted as the store counts it."""

    day: dt.date
    kind: str  # "run" or "strength"
    due: int = 0  # planned before today, not done
    ahead: int = 0  # planned for today or later
    skipped: int = 0  # marked skipped
    kept: int = 0  # done, and planned before it was done
    extra: int = 0  # done, logged beside the plan (or without one)
    planned_km: float = 0.0  # of the planned, skipped and done-as-planned runs
    done_km: float = 0.0  # of every done run


@dataclass
class WeekCompliance:
    monday: dt.date
    planned_km: float = 0.0
    done_km: float = 0.0
    planned_runs: int = 0
    done_runs: int = 0  # of the planned runs
    planned_strength: int = 0
    done_strength: int = 0  # of the planned strength sessions
    skipped: int = 0  # planned sessions (runs and lifts) not done
    ahead: int = 0  # planned sessions still to come
    extra: int = 0  # done sessions that no plan asked for

    @property
    def planned(self) -> int:
        return self.planned_runs + self.planned_strength

    @property
    def due(self) -> int:
        """Planned sessions whose day has come (done or not)."""
        return self.planned - self.ahead

    @property
    def share_done(self) -> float | None:
        """Of the planned sessions whose day has come, the share done (None: none yet)."""
        return (self.done_runs + self.done_strength) / self.due if self.due else None

    @property
    def has_plan(self) -> bool:
        return self.planned > 0


def tally_sessions(sessions: Iterable[Session], today: dt.date) -> list[DayTally]:
    """The day tallies of sessions in hand, as Repository.day_tallies counts them."""
    found: dict[tuple[dt.date, str], dict[str, Any]] = {}
    for s in sessions:
        if s.is_strength and not s.working_sets():
            continue
        counts = found.setdefault(
            (s.date, s.kind.value),
            dict(due=0, ahead=0, skipped=0, kept=0, extra=0, planned_km=0.0, done_km=0.0),
        )
        km = s.distance_km or 0.0
        if s.status is Status.PLANNED:
            counts["due" if s.date < today else "ahead"] += 1
            counts["planned_km"] += km
        elif s.status is Status.SKIPPED:
            counts["skipped"] += 1
            counts["planned_km"] += km
        else:
            counts["kept" if s.from_plan else "extra"] += 1
            counts["done_km"] += km
            if s.from_plan:
                counts["planned_km"] += s.planned_km or 0.0
    return [DayTally(day, kind, **counts) for (day, kind), counts in sorted(found.items())]


def fold_weeks(tallies: Iterable[DayTally]) -> dict[dt.date, WeekCompliance]:
    """The tallies by ISO week (keyed by Monday), each day's done sessions matched first to
    its planned ones of the same kind."""
    weeks: dict[dt.date, WeekCompliance] = {}
    for t in tallies:
        monday = monday_of(t.day)
        week = weeks.get(monday)
        if week is None:
            week = weeks[monday] = WeekCompliance(monday)
        matched = min(t.due, t.extra)
        planned = t.due + t.ahead + t.skipped + t.kept
        done = t.kept + matched
        if t.kind == SessionKind.RUN.value:
            week.planned_runs += planned
            week.done_runs += done
            week.planned_km += t.planned_km
            week.done_km += t.done_km
        else:
            week.planned_strength += planned
            week.done_strength += done
        week.skipped += t.skipped + t.due - matched
        week.ahead += t.ahead
        week.extra += t.extra - matched
    return weeks


def weeks_between(
    tallies: Iterable[DayTally], first: dt.date, last: dt.date
) -> list[WeekCompliance]:
    """Every week from `first`'s to `last`'s, empty ones included, oldest first."""
    found = fold_weeks(tallies)
    weeks, monday = [], monday_of(first)
    while monday <= last:
        weeks.append(found.get(monday) or WeekCompliance(monday))
        monday += dt.timedelta(days=7)
    return weeks
