"""Running the rules: the whole logbook (the CLI's `check`), a range of days (the plan
panel's week), or one session as the user edits it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from ..domain.session import Session, iso_week, monday_of
from .calendar import Calendar
from .flags import Flag, sort_flags
from .plan_input import WEEK, PlanInput, required_today
from .repeats import run_reach
from .rules_balance import injury_prevention, month_end
from .rules_consistency import inconsistent, no_calf_work, no_upper_or_core
from .rules_load import missed_reps, short_session, too_light, too_much_volume
from .rules_progress import no_deload, no_progression
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

# In the order of planning-rules.md.
RULES = {
    "too_light": too_light,
    "inconsistent": inconsistent,
    "no_calf_work": no_calf_work,
    "no_upper_or_core": no_upper_or_core,
    "lift_before_hard_run": lift_before_hard_run,
    "run_after_lift": run_after_lift,
    "lift_too_soon_after_hard_run": lift_too_soon_after_hard_run,
    "hard_days_apart": hard_days_apart,
    "legs_before_long_run": legs_before_long_run,
    "short_recovery": short_recovery,
    "too_much_volume": too_much_volume,
    "no_progression": no_progression,
    "no_deload": no_deload,
    "taper": taper,
    "missed_reps": missed_reps,
    "short_session": short_session,
    "injury_prevention": injury_prevention,
}
# The rules that need the runs: with none logged near a week they have nothing to judge.
RUN_RULES = (
    "lift_before_hard_run",
    "run_after_lift",
    "lift_too_soon_after_hard_run",
    "hard_days_apart",
    "legs_before_long_run",
)

# A range check reads this much before its first day (e1RM: 8 weeks; the lifting weeks
# before a week of 5 in a row: 13 weeks; a stalled lift: months) and after its last (the run
# the day after; the next session's gap; the rest of the month, for injury_prevention).
LOOKBACK = 26 * WEEK
LOOKAHEAD = 2 * WEEK


def reach(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The days a check dated `first`..`last` reads (the GUI reads just these)."""
    return monday_of(first) - LOOKBACK, max(last + LOOKAHEAD, month_end(last))


def check(
    plan: PlanInput,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
    rules: Collection[str] | None = None,
) -> list[Flag]:
    """Flags dated `first` to `last` (default: the whole logbook, plans included), sorted by
    date, then severity. A range reads only a slice of the logbook around it, so the plan
    panel can ask for one week at a time; its flags are those the whole check dates in it.
    `rules`: the rule ids to run (default: all)."""
    cal = _calendar(plan, settings, required_today(today), first, last)
    return [] if cal is None else _run(cal, rules)


def check_with_notes(
    plan: PlanInput,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> tuple[list[Flag], list[str]]:
    """check() and notes() of the same days from one view of the logbook (the command line
    prints both, for years at a time: the view of them is worked out once). A check's view
    reaches further around the days than notes reads, so it says the same."""
    cal = _calendar(plan, settings, required_today(today), first, last)
    return ([], []) if cal is None else (_run(cal, None), _notes(cal))


def _calendar(
    plan: PlanInput,
    settings: PlanSettings,
    today: dt.date,
    first: dt.date | None,
    last: dt.date | None,
) -> Calendar | None:
    """The view a check of `first`..`last` judges (None for an empty logbook)."""
    span = plan.span()
    if span is None:
        return None
    whole = first is None and last is None
    first = first or span[0]
    last = last or max(span[1], today)
    if not whole:
        plan = plan.slice(*reach(first, last), today)
    return Calendar(plan, settings, today, first, last)


def check_spanning(
    plan: PlanInput,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> list[Flag]:
    """The flags about `first` to `last`: those dated in them, and those dated later that
    say a run of weeks reaching back into them (`Flag.since`), which the plan panel shows
    in every week of the run. A run stays within the weeks that start in one month, so this
    checks at most to the end of the month of `last`'s week (repeats.run_reach)."""
    today = required_today(today)
    span = plan.span()
    if span is None:
        return []
    first = first or span[0]
    last = last or max(span[1], today)
    found = check(plan, settings, today, first, max(last, run_reach(last)))
    return [f for f in found if f.spans(first, last)]


def check_session(
    plan: PlanInput,
    session: Session,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
) -> list[Flag]:
    """The flags that involve `session` while it is being edited: `plan` with `session` in
    place of its stored version (or added, when new), judged over its week and the weeks
    next to it. The session counts even when it is planned for a past day (it is the one the
    user is looking at); a skipped session is never judged. Fast enough to run on every
    keystroke: it reads a 26-week slice, not the whole logbook."""
    today = required_today(today)
    monday = monday_of(session.date)
    first, last = monday - WEEK, monday + 2 * WEEK - dt.timedelta(days=1)
    window = plan.slice(*reach(first, last), today).with_session(session)
    key = window.key_of(session)
    flags = _run(Calendar(window, settings, today, first, last, always_counts=session), None)
    return [f for f in flags if key in f.session_ids]


def session_key(plan: PlanInput, session: Session) -> int:
    """The id flags use for `session` (its database id, or a negative stand-in)."""
    return plan.key_of(session)


def notes(
    plan: PlanInput,
    settings: PlanSettings = DEFAULT_SETTINGS,
    today: dt.date | None = None,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> list[str]:
    """What the check could not judge, said once (the plan panel and `check` show it): the
    weeks of lifting from `first` to `last` with no run logged near them, for which the rules
    about when to lift around the runs are quiet."""
    today = required_today(today)
    span = plan.span()
    if span is None:
        return []
    first, last = first or span[0], last or max(span[1], today)
    # Only the weeks looked at and the weeks next to them are read (not a check's reach).
    near = plan.slice(monday_of(first) - WEEK, monday_of(last) + 2 * WEEK - dt.timedelta(1), today)
    return _notes(Calendar(near, settings, today, first, last))


def _notes(cal: Calendar) -> list[str]:
    """What notes() says of the weeks of `cal`'s window (it reads them and the weeks next to
    them)."""
    lifting = [m for m in cal.window_mondays() if cal.strength_week(m)]
    blind = [m for m in lifting if not cal.runs_near(m)]
    if not blind:
        return []
    weeks = (
        f"{iso_week(blind[0])}"
        if len(blind) == 1
        else f"{len(blind)} of its {len(lifting)} weeks of lifting"
    )
    return [
        f"No runs are logged near {weeks}: the rules about when to lift around the runs "
        "(legs before a hard run, the run first, rest after a hard run, leg days before long "
        "runs) need them. Add your runs on the calendar (R), or import them with File > "
        "Import… or the import command."
    ]


def _run(cal: Calendar, rules: Collection[str] | None) -> list[Flag]:
    flags: list[Flag] = []
    for rule_id, rule in RULES.items():
        if rules is None or rule_id in rules:
            flags.extend(f for f in rule(cal) if cal.first <= f.date <= cal.last)
    return sort_flags(flags)
