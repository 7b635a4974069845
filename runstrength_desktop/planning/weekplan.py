"""The week plan generator: given a week's runs, races and phase, propose strength sessions
placed so that the rules raise no error and no warning where that is possible.

How: decide what the week needs (two sessions, a lower-body one with calves and core and an
upper-body one with core; one full-body or upper-body session in a taper; deload loads in a
recovery week or when this would be the sixth hard week in a row), dose them from history
(workouts.py), then try every placement on the free days and keep the one the rules like
best: fewest errors, then warnings, then infos; then no upper-body session on the day before
a hard run, then sessions spread over the week. A lift goes after the day's runs."""

from __future__ import annotations

import datetime as dt
from itertools import permutations

from ..domain.session import Session, monday_of
from .calendar import DAY, WEEK, Calendar, PlanInput, required_today
from .flags import Flag, Severity
from .rules_consistency import inconsistent, no_calf_work, no_upper_or_core
from .rules_progress import hard_weeks_before
from .rules_timing import (
    hard_days_apart,
    legs_before_long_run,
    lift_before_hard_run,
    lift_too_soon_after_hard_run,
    run_after_lift,
    short_recovery,
    taper,
)
from .settings import DEFAULT_SETTINGS, PlanSettings
from .workouts import DELOAD, FULL, LOWER, NORMAL, TAPER, UPPER, build_session, trim

# The rules whose verdict changes with where (or, in a taper, which) sessions go; the others
# judge the sessions' content, which is the same for every placement.
PLACEMENT_RULES = (
    inconsistent,
    no_calf_work,
    no_upper_or_core,
    lift_before_hard_run,
    run_after_lift,
    lift_too_soon_after_hard_run,
    hard_days_apart,
    legs_before_long_run,
    short_recovery,
    taper,
)
HISTORY = 26 * WEEK


def plan_week(
    plan: PlanInput,
    monday: dt.date,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
) -> list[Session]:
    """New planned strength sessions for the week of `monday` (any day of it will do), on
    days from `today` on that have no strength session yet. Empty when the week already has
    what it needs. The sessions have no ids: the caller saves them."""
    today = required_today(today)
    monday = monday_of(monday)
    sunday = monday + 6 * DAY
    context = plan.slice(monday - HISTORY, sunday + 2 * WEEK, today)
    cal = Calendar(context, settings, today, monday, sunday)
    existing = cal.strength_week(monday)
    days = [
        monday + i * DAY
        for i in range(7)
        if monday + i * DAY >= today and not any(s.date == monday + i * DAY for s in existing)
    ]
    taper_week = cal.is_taper(monday)
    needed = (settings.taper_max_sessions if taper_week else settings.min_sessions) - len(existing)
    if needed <= 0 or not days:
        return []
    mode = (
        TAPER
        if taper_week
        else DELOAD
        if cal.is_recovery(monday) or _sixth_hard_week(cal, monday)
        else NORMAL
    )
    nearby = context.slice(monday - 3 * WEEK, sunday + 2 * WEEK, today)
    best: tuple | None = None
    for kinds in _choices(cal, existing, min(needed, len(days)), taper_week):
        templates = [build_session(cal, kind, days[0], mode) for kind in kinds]
        _fit_volume(cal, monday, existing, templates)
        placed = {
            (i, day): _placed(context, template, day)
            for i, template in enumerate(templates)
            for day in days
        }
        for chosen in permutations(days, len(templates)):
            sessions = [placed[i, day] for i, day in enumerate(chosen)]
            score = _score(nearby, settings, today, monday, sessions)
            if best is None or score < best[0]:
                best = (score, sessions)
    return best[1] if best else []


def _sixth_hard_week(cal: Calendar, monday: dt.date) -> bool:
    """Would two normal sessions make this week the sixth hard one in a row (no_deload)?"""
    return hard_weeks_before(cal, monday) >= cal.settings.deload_after_weeks - 1


def _choices(cal: Calendar, existing: list[Session], needed: int, taper_week: bool):
    """The kinds of session the week could get, as alternatives for the search."""
    if taper_week:
        # 003: one session; full body when the legs may still work, else upper body.
        return [(FULL,), (UPPER,)]
    has_lower = any(cal.is_lower_body(s) for s in existing)
    has_upper = any(cal.facts(e.exercise).upper for s in existing for e in s.working_sets())
    kinds = ([] if has_lower else [LOWER]) + ([] if has_upper else [UPPER])
    if needed < len(kinds):
        return [(FULL,), tuple(kinds[:needed])]
    while len(kinds) < needed:
        kinds.append(UPPER)
    return [tuple(kinds)]


def _fit_volume(
    cal: Calendar, monday: dt.date, existing: list[Session], templates: list[Session]
) -> None:
    st = cal.settings
    baseline = cal.baseline_volume(monday)
    allowed = None
    if baseline:
        allowed = st.volume_spike_ratio * baseline - cal.volume.get(monday, 0.0)
    minutes = st.max_week_minutes - sum(s.duration_min or 0 for s in existing)
    trim(templates, allowed, minutes, st.max_working_sets)


def _placed(context: PlanInput, template: Session, day: dt.date) -> Session:
    """The template on `day`, ordered after everything already on that day."""
    orders = [s.order for s in context.sessions if s.date == day]
    return template.copy(date=day, order=max(orders, default=-1) + 1)


def _score(
    nearby: PlanInput,
    settings: PlanSettings,
    today: dt.date,
    monday: dt.date,
    sessions: list[Session],
) -> tuple:
    """How good a placement is, smaller is better: flags by severity on the week or on the
    new sessions, upper-body sessions the day before a hard run, then spacing."""
    sunday = monday + 6 * DAY
    trial = nearby
    for session in sessions:
        trial = trial.with_session(session)
    keys = {trial.key_of(s) for s in sessions}
    cal = Calendar(trial, settings, today, monday - WEEK, sunday + WEEK)
    flags: list[Flag] = [
        f
        for rule in PLACEMENT_RULES
        for f in rule(cal)
        if monday <= f.date <= sunday or keys.intersection(f.session_ids)
    ]
    counts = [sum(1 for f in flags if f.severity is severity) for severity in Severity]
    # Spread the sessions: each new one as far as possible from the nearest other strength
    # session, this week's or a neighbouring week's.
    around = [s for s in cal.strength if monday - WEEK <= s.date <= sunday + WEEK]
    nearest = [
        min((abs((o.date - s.date).days) for o in around if o is not s), default=7)
        for s in sessions
    ]
    upper_before_hard = sum(
        1
        for s in sessions
        if not cal.is_lower_body(s) and any(r.is_hard_run for r in cal.runs_on(s.date + DAY))
    )
    return (*counts, upper_before_hard, -min(nearest), -sum(nearest), [s.date for s in sessions])
