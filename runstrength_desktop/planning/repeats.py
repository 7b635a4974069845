"""Saying once what repeats, never hiding what matters.

- A session rule that fires on several sessions of a week says it once for the week, naming
  each session's exercises and sets (`week_sessions`: the sessions judged, by week).
- A warning or info of a week rule that merely continues the week before's finding (same
  rule, same reason: four sessions a week again, no core work again) is one flag for the run
  of weeks (`runs`): on the run's latest week, saying since when (`Flag.since`) and naming
  all its sessions. A new problem still shows in its own week, and so does a finding whose
  reason is None: errors, and what is news each time (a volume spike).

A run stays within the weeks that start in one calendar month, so a week's flag depends only
on the weeks of its month before it and on the week after it, which a check of a few weeks
reads (engine.reach: half a year before, two weeks after), and a check of one week agrees
with the whole logbook's. A habit that lasts for months is said once a month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import NamedTuple

from ..domain.session import Session, monday_of
from .calendar import Calendar
from .flags import Flag
from .plan_input import DAY, WEEK
from .text import day_text, list_text


class Finding(NamedTuple):
    """What a rule found in one week: its own flag; the reason that, found again the next
    week, continues the run (None: the flag is said on its own); and what the run's flag
    says the weeks had: `about` and the list of everything the weeks' `says` named
    (default: the reason)."""

    reason: str | None
    flag: Flag
    says: tuple[str, ...] = ()
    about: str = ""


def week_sessions(cal: Calendar) -> Iterator[list[Session]]:
    """The strength sessions of each week that the window touches, in order: a session rule
    said once a week judges the whole week, so a check of part of it agrees with the whole."""
    for monday in cal.window_mondays():
        week = cal.strength_week(monday)
        if week:
            yield week


def same_month(monday: dt.date, other: dt.date) -> bool:
    """Both weeks start in the same calendar month: a run of weeks stays within one."""
    return (monday.year, monday.month) == (other.year, other.month)


def run_reach(day: dt.date) -> dt.date:
    """The last day a flag whose run spans `day` may be dated: the Sunday of the last week
    that starts in the month `day`'s week starts in."""
    monday = monday_of(day)
    while same_month(monday + WEEK, monday):
        monday += WEEK
    return monday + 6 * DAY


def runs(cal: Calendar, finding: Callable[[dt.date], Finding | None]) -> Iterator[Flag]:
    """The flags of the window's weeks, a run of weeks with the same reason as one flag on
    its latest week. `finding(monday)` is the rule's verdict on one week."""
    found: dict[dt.date, Finding | None] = {}

    def of(monday: dt.date) -> Finding | None:
        if monday not in found:
            found[monday] = finding(monday)
        return found[monday]

    for monday in cal.window_mondays():
        this = of(monday)
        if this is None:
            continue
        reason, flag = this.reason, this.flag
        if reason is None:
            yield flag
            continue
        after = monday + WEEK
        if same_month(after, monday) and _continues(of(after), reason):
            continue  # said on a later week of the run
        weeks = [this]
        before = monday - WEEK
        while same_month(before, monday) and (earlier := of(before)) and earlier.reason == reason:
            weeks.insert(0, earlier)
            before -= WEEK
        yield flag if len(weeks) == 1 else _joined(cal, weeks)


def _continues(finding: Finding | None, reason: str) -> bool:
    return finding is not None and finding.reason == reason


def _joined(cal: Calendar, found: list[Finding]) -> Flag:
    """One flag for a run of weeks: the latest week's, saying since when the reason holds
    and what the weeks had, with every week's sessions."""
    weeks = [f.flag for f in found]
    says = list(dict.fromkeys(said for f in found for said in (f.says or (f.reason or "",))))
    latest = weeks[-1]
    what = found[-1].about + list_text(says)
    first = set(weeks[0].session_ids)
    named = [s.date for s in cal.strength_week(monday_of(weeks[0].date)) if cal.key(s) in first]
    since = min(named, default=monday_of(weeks[0].date))
    ids = [key for flag in weeks for key in flag.session_ids]
    unique = list(dict.fromkeys(ids))
    message = (
        f"Every week since {day_text(since)} ({len(weeks)} weeks, {weeks[0].week} to "
        f"{latest.week}, {len(unique)} sessions): {what}. {latest.message}"
    )
    worst = min((flag.severity for flag in weeks), key=lambda s: s.rank)
    return replace(latest, severity=worst, message=message, session_ids=tuple(unique), since=since)
