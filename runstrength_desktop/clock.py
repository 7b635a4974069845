"""The one clock: what day and time it is, for the window, the command line and the planner's
callers. Nothing else reads the system clock, so a test (or a demo) can pin the date and see
exactly what a runner would see on that day.

RUNSTRENGTH_TODAY=YYYY-MM-DD pins the date for a whole process (the tests' subprocesses and
screenshots use it); pin() does so inside one."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

ENV_TODAY = "RUNSTRENGTH_TODAY"
ENV_ZONE = "RUNSTRENGTH_TZ"  # a zone name (Europe/Berlin) for times a file gives only in UTC


class Clock:
    """The system clock, or a pinned day (the time of day then still runs)."""

    def __init__(self, pinned: dt.date | None = None) -> None:
        self.pinned = pinned

    def now(self) -> dt.datetime:
        real = dt.datetime.now()
        if self.pinned is None:
            return real
        return dt.datetime.combine(self.pinned, real.time())

    def today(self) -> dt.date:
        return self.pinned if self.pinned is not None else dt.date.today()


def _from_environment() -> Clock:
    text = os.environ.get(ENV_TODAY, "").strip()
    if not text:
        return Clock()
    try:
        return Clock(dt.date.fromisoformat(text))
    except ValueError:
        raise SystemExit(f"{ENV_TODAY}={text!r} is not a day like 2026-12-01") from None


_clock = _from_environment()


def today() -> dt.date:
    return _clock.today()


def now() -> dt.datetime:
    return _clock.now()


def set_today(day: dt.date | None) -> None:
    """Pin the date (None: follow the system clock again)."""
    _clock.pinned = day


@contextmanager
def pinned(day: dt.date) -> Iterator[None]:
    before = _clock.pinned
    _clock.pinned = day
    try:
        yield
    finally:
        _clock.pinned = before


def zone() -> dt.tzinfo | None:
    """The time zone for a run a file dates only in UTC: RUNSTRENGTH_TZ when set, else None
    (the machine's own zone, with its summer time)."""
    name = os.environ.get(ENV_ZONE, "").strip()
    if not name:
        return None
    if name.upper() == "UTC":
        return dt.UTC
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SystemExit(f"{ENV_ZONE}={name!r} is not a time zone like Europe/Berlin") from None
