"""Days and weeks as chart x values.

A day is drawn at Unix seconds of its midnight UTC, and the GUI's date axis shows them with a
zero UTC offset, so a session logged on a day sits on that day whatever the computer's time
zone. Weekly series use the Monday of each ISO week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np

from ..domain import monday_of

DAY_S = 86400.0
WEEK_S = 7 * DAY_S
_EPOCH = dt.date(1970, 1, 1)


def epoch_days(days: Iterable[dt.date]) -> np.ndarray:
    """Days from 1970-01-01 to each day, as int64."""
    return np.fromiter((d.toordinal() for d in days), dtype=np.int64) - _EPOCH.toordinal()


def day_seconds(days: Iterable[dt.date]) -> np.ndarray:
    """Unix seconds at midnight UTC of each day, as float64 (what pyqtgraph draws)."""
    return epoch_days(days).astype(np.float64) * DAY_S


def seconds_day(x: float) -> dt.date:
    """The day an x value falls on (the inverse of day_seconds)."""
    return _EPOCH + dt.timedelta(days=int(np.floor(x / DAY_S)))


def week_count(first_monday: dt.date, last_day: dt.date) -> int:
    """How many weeks from first_monday up to and including the week of last_day."""
    return (monday_of(last_day) - first_monday).days // 7 + 1


def week_centres(first_monday: dt.date, weeks: int) -> np.ndarray:
    """x of the middle of each week (Thursday noon), where a week's bar is centred."""
    start = day_seconds([first_monday])[0]
    centres: np.ndarray = start + np.arange(weeks, dtype=np.float64) * WEEK_S + 3.5 * DAY_S
    return centres
