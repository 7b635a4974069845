"""injury_prevention (info): over a few weeks, single-leg work (000: single-leg deadlifts and
pistols; squats and single-leg hops reduce injuries), plyometrics (001: jump squats and
one-legged hops) and the hip abductors and adductors (002: ignoring them leads to imbalances
and injury).

Judged per calendar month, once it is over (or planned to its end): a month with lifting in
at least `injury_prevention_weeks` weeks and none of one of these. The flag sits on the
month's last strength session. What counts as single-leg, plyometric or hip work is in
exercises.py."""

from __future__ import annotations

import calendar as months
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from ..domain.session import Session, monday_of
from .calendar import Calendar
from .flags import Flag, Severity, make_flag
from .text import list_text

# What is missing, its phrase and examples, and the source that asks for it.
KINDS = (
    ("single_leg", "single-leg work", "lunges, step-ups, single-leg deadlifts", "single_leg"),
    ("plyometric", "plyometrics", "jump squats, single-leg hops, box jumps", "plyometric"),
    ("hip", "hip abductor or adductor work", "lateral lunges, clam shells, Copenhagen planks", ""),
)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=months.monthrange(day.year, day.month)[1])


def injury_prevention(cal: Calendar) -> Iterator[Flag]:
    st = cal.settings
    by_month: dict[tuple[int, int], list[Session]] = defaultdict(list)
    for session in cal.strength:
        by_month[(session.date.year, session.date.month)].append(session)
    for sessions in by_month.values():
        last = sessions[-1]
        end = month_end(last.date)
        if not (end < cal.today or end <= cal.planned_until) or not cal.in_window(last.date):
            continue
        weeks = {monday_of(s.date) for s in sessions}
        if len(weeks) < st.injury_prevention_weeks:
            continue
        done = [cal.summary(s) for s in sessions]
        missing = [kind for kind in KINDS if not any(getattr(w, kind[0]) for w in done)]
        if not missing:
            continue
        source = "injury_prevention" + (f".{missing[0][3]}" if missing[0][3] else "")
        yield make_flag(
            "injury_prevention",
            Severity.INFO,
            last.date,
            f"{last.date:%B %Y}: {len(weeks)} weeks of lifting without "
            f"{list_text([m[1] for m in missing], 'or')}.",
            "Over a few weeks, include "
            + list_text([f"{m[1]} ({m[2]})" for m in missing])
            + ": they balance the muscles running overuses and prevent injuries.",
            [cal.key(last)],
            source=source,
        )
