"""The week plan generator: given a week's runs, races and phase, propose strength sessions
placed so that the rules raise no error and no warning where that is possible, each with the
reason for its day.

How: decide what the week needs (the sessions the runner wants: a lower-body one with calves
and core and an upper-body one with core, a full-body one for a third or a single session;
one full-body or upper-body session in a taper; deload work in a recovery week or when this
would be the fifth hard week in a row; power in a build week and endurance in a peak week,
002's season), dose them from history (workouts.py), then try every
placement on the free days and keep the one the rules like best: fewest errors, then
warnings, then infos; then no upper-body session on the day before a hard run, then
sessions spread over the week. A lift goes after the day's runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from itertools import permutations

from ..domain.enums import RunType
from ..domain.session import Session, monday_of
from .calendar import Calendar
from .flags import Flag, Severity
from .plan_input import DAY, WEEK, PlanInput, required_today
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
from .season import Emphasis, emphasis
from .settings import DEFAULT_SETTINGS, PlanSettings
from .text import day_text, session_name
from .workouts import (
    DELOAD,
    ENDURANCE,
    FULL,
    LOWER,
    NORMAL,
    POWER,
    TAPER,
    UPPER,
    build_session,
    trim,
)

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
# _score's ranking: flags by severity, upper-body sessions before a hard run, spacing, the days.
_Score = tuple[int | list[dt.date], ...]
# 002's season: what a normal week of each phase is for (workouts.py).
MODES = {Emphasis.STRENGTH: NORMAL, Emphasis.POWER: POWER, Emphasis.ENDURANCE: ENDURANCE}


@dataclass(frozen=True)
class Placement:
    session: Session  # planned, without an id: the caller saves it
    reason: str  # why it goes on its day, and what it holds


@dataclass(frozen=True)
class WeekPlan:
    placements: list[Placement]
    summary: str  # what kind of week it is ("", "a deload week: ...", "the taper ...")

    @property
    def sessions(self) -> list[Session]:
        return [p.session for p in self.placements]


def plan_week(
    plan: PlanInput,
    monday: dt.date,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
) -> list[Session]:
    """New planned strength sessions for the week of `monday` (any day of it will do), on
    days from `today` on that have no strength session yet. Empty when the week already has
    what it needs. The sessions have no ids: the caller saves them."""
    return week_plan(plan, monday, settings, today).sessions


def week_plan(
    plan: PlanInput,
    monday: dt.date,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
    *,
    days_off: Collection[dt.date] = (),
) -> WeekPlan:
    """plan_week's sessions, each with the reason for its day (what "Plan this week" shows
    before it writes). No session goes on `days_off` (a season keeps the last days before
    its race free of strength work)."""
    today = required_today(today)
    monday = monday_of(monday)
    sunday = monday + 6 * DAY
    context = plan.slice(monday - HISTORY, sunday + 2 * WEEK, today)
    cal = Calendar(context, settings, today, monday, sunday)
    existing = cal.strength_week(monday)
    days = [
        monday + i * DAY
        for i in range(7)
        if monday + i * DAY >= today
        and monday + i * DAY not in days_off
        and not any(s.date == monday + i * DAY for s in existing)
    ]
    taper_week = cal.is_taper(monday)
    wanted = min(settings.profile.sessions_per_week, settings.max_week_sessions)
    needed = (settings.taper_max_sessions if taper_week else wanted) - len(existing)
    if needed <= 0 or not days:
        return WeekPlan([], "")
    mode = (
        TAPER
        if taper_week
        else DELOAD
        if cal.is_recovery(monday) or _deload_due(cal, monday)
        else MODES[emphasis(cal.phase(monday))]
    )
    nearby = context.slice(monday - 3 * WEEK, sunday + 2 * WEEK, today)
    best: tuple[_Score, list[Session], tuple[str, ...]] | None = None
    for kinds in _choices(cal, existing, min(needed, len(days)), taper_week):
        templates = [build_session(cal, kind, days[0], mode) for kind in kinds]
        _fit_volume(cal, monday, existing, templates, mode)
        placed = {
            (i, day): _placed(context, template, day)
            for i, template in enumerate(templates)
            for day in days
        }
        tried: set[frozenset[tuple[str, dt.date]]] = set()
        for chosen in permutations(days, len(templates)):
            assignment = frozenset(zip(kinds, chosen))
            if assignment in tried:
                continue  # the same kinds on the same days in another order
            tried.add(assignment)
            sessions = [placed[i, day] for i, day in enumerate(chosen)]
            score = _score(nearby, settings, today, monday, sessions)
            if best is None or score < best[0]:
                best = (score, sessions, kinds)
    if best is None:
        return WeekPlan([], "")
    _score_value, sessions, kinds = best
    check_cal = Calendar(nearby, settings, today, monday, sunday)
    placements = [
        Placement(session, _reason(check_cal, session, kind, mode))
        for session, kind in zip(sessions, kinds)
    ]
    placements.sort(key=lambda p: p.session.date)
    return WeekPlan(placements, _summary(cal, monday, mode))


def _deload_due(cal: Calendar, monday: dt.date) -> bool:
    """Would normal sessions make this week the fifth hard week in a row (no_deload)?"""
    return hard_weeks_before(cal, monday) >= cal.settings.deload_after_weeks - 1


def _summary(cal: Calendar, monday: dt.date, mode: str) -> str:
    st = cal.settings
    if mode == TAPER:
        race = cal.race_ahead(monday)
        before = f" before {race.name} on {day_text(race.date)}" if race else ""
        return (
            f"A taper week{before}: {st.taper_max_sessions} session, the same loads with "
            f"fewer sets, no leg work in the last {st.taper_no_lower_days} days (003)."
        )
    if mode == POWER:
        return (
            "A build week, for power (002): the loads keep rising, and the leg day has jumps "
            "and hip work."
        )
    if mode == ENDURANCE:
        return (
            f"A peak week, for endurance (002): the loaded lifts in sets of "
            f"{st.endurance_reps} at about {st.endurance_load_fraction * 100:.0f} % of your max."
        )
    if mode == DELOAD:
        why = (
            "the week is set to recovery"
            if cal.is_recovery(monday)
            else f"it would be the {st.deload_after_weeks}th hard week in a row"
        )
        return (
            f"A deload week, as {why}: about 60 % of your max with half the reps, and half the "
            "sets of bodyweight work (000: every 4th or 5th week)."
        )
    return ""


def _reason(cal: Calendar, session: Session, kind: str, mode: str) -> str:
    """Why the session goes on its day, from the runs around it."""
    day = session.date
    runs = cal.runs_on(day)
    hard = [r for r in runs if r.is_hard_run]
    tomorrow = cal.runs_on(day + DAY)
    hard_tomorrow = [r for r in tomorrow if r.is_hard_run]
    long_tomorrow = [r for r in tomorrow if r.run_type is RunType.LONG]
    after = f", after {session_name(runs[-1])}" if runs else ""
    what = {
        LOWER: "Legs, calves and core",
        UPPER: "Upper body and core",
        FULL: "Full body",
    }[kind]
    if kind == UPPER:
        why = (
            "no leg work, so the legs stay fresh for the next hard run"
            if hard_tomorrow
            else "away from the leg day, not the day before a hard run"
        )
    elif hard:
        why = (
            "legs on a hard day after the run, with time to recover before the next hard run (003)"
        )
    else:
        why = "no hard run the next day (003: never legs within 24 h before one)"
        if long_tomorrow:
            why += ", though the long run follows (004: keep it light)"
        else:
            why += " and 48 h from other leg work"
    text = f"{what} on {day_text(day)}{after}: {why}."
    if mode == TAPER:
        text += " Taper: the last loads, fewer sets."
    elif mode == DELOAD:
        text += " Deload: lighter, half the work."
    elif mode == POWER and kind != UPPER:
        text += " Power: jumps for the legs (002)."
    elif mode == ENDURANCE:
        text += " Endurance: more reps at a lighter load (002)."
    return text


def _choices(
    cal: Calendar, existing: list[Session], needed: int, taper_week: bool
) -> list[tuple[str, ...]]:
    """The kinds of session the week could get, as alternatives for the search."""
    if taper_week:
        # 003: one session; full body when the legs may still work, else upper body.
        return [(FULL,), (UPPER,)]
    has_lower = any(cal.is_lower_body(s) for s in existing)
    has_upper = any(cal.facts(e.exercise).upper for s in existing for e in cal.work(s))
    kinds = ([] if has_lower else [LOWER]) + ([] if has_upper else [UPPER])
    if needed < len(kinds):
        return [(FULL,), tuple(kinds[:needed])]
    while len(kinds) < needed:  # a third session is full body, a fourth upper body
        kinds.append(FULL if len(kinds) >= 2 and FULL not in kinds else UPPER)
    return [tuple(kinds)]


def _fit_volume(
    cal: Calendar, monday: dt.date, existing: list[Session], templates: list[Session], mode: str
) -> None:
    """No spike over the weeks before (too_much_volume); a deload at most 60 % of their
    volume or sets (no_deload's light week), whatever the week already holds."""
    st = cal.settings
    baseline = cal.baseline_volume(monday)
    allowed = None
    if baseline:
        ratio = st.light_week_fraction if mode == DELOAD else st.volume_spike_ratio
        allowed = ratio * baseline - cal.volume.get(monday, 0.0)
    week_sets = None
    baseline_sets = cal.baseline_sets(monday)
    if mode == DELOAD and baseline_sets and not baseline:
        week_sets = st.light_week_fraction * baseline_sets - cal.week_sets.get(monday, 0)
    minutes = st.max_week_minutes - sum(cal.minutes(s) or 0 for s in existing)
    trim(
        templates,
        allowed,
        minutes,
        st.max_working_sets,
        week_sets,
        lambda entry, session: cal.plan.set_volume(entry, session.date),
        fewest_bodyweight_reps=st.bodyweight_reps_low,
    )


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
) -> _Score:
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
