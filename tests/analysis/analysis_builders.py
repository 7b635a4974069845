"""Small builders for the analysis tests: runs and strength sessions with ids, and the
expected x value of a day computed without the code under test."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

from runstrength_desktop.domain import (
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Status,
)

MONDAY = dt.date(2025, 1, 6)  # a Monday, 2025-W02
_ids = itertools.count(1)


def day(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def epoch(day_: dt.date) -> float:
    """Unix seconds of the day's midnight UTC, from the standard library."""
    return float(calendar.timegm(day_.timetuple()))


def lift(
    when: dt.date, *sets: SetEntry, status: Status = Status.DONE, minutes=None, rpe=None
) -> Session:
    return Session(
        when,
        SessionKind.STRENGTH,
        status,
        sets=list(sets),
        duration_min=minutes,
        rpe=rpe,
        id=next(_ids),
    )


def run(
    when: dt.date, km: float = 8.0, status: Status = Status.DONE, minutes=None, rpe=None
) -> Session:
    return Session(
        when,
        SessionKind.RUN,
        status,
        run_type=RunType.EASY,
        distance_km=km,
        duration_min=minutes,
        rpe=rpe,
        id=next(_ids),
    )


def work(
    name: str,
    reps: int | None = 5,
    kg: float | None = None,
    count: int = 1,
    seconds: float | None = None,
) -> list[SetEntry]:
    return [SetEntry(name, reps=reps, weight_kg=kg, seconds=seconds) for _ in range(count)]


def warmup(name: str, reps: int = 5, kg: float | None = None) -> SetEntry:
    return SetEntry(name, SetType.WARMUP, reps=reps, weight_kg=kg)
