"""The planner on real lifting histories (../shared/data/imports/), imported as a new user
would: at most one flag of a rule per session, week rules once a week, a few flags a week,
and every error and every missing-calves warning the rules page asks for still there.

The files are other people's public exports; the test skips when the folder is absent."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter

import pytest

from runstrength_desktop.domain import WeightUnit, monday_of
from runstrength_desktop.interchange.importer import import_file
from runstrength_desktop.planning import PlanInput, PlanSettings, Severity, check
from runstrength_desktop.planning.calendar import Calendar
from runstrength_desktop.store import Repository
from tests.helpers import shared_path

IMPORTS = shared_path("data", "imports")
FILES = sorted(p.name for p in IMPORTS.glob("*.csv")) if IMPORTS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"{IMPORTS} is not here")
WEEK_RULES = {"inconsistent", "no_calf_work", "no_upper_or_core", "too_much_volume", "no_deload"}


@pytest.fixture(scope="module", params=FILES or ["absent"])
def history(request, tmp_path_factory):
    """(plan input, the flags of a check the day after the last session, that day)."""
    repo = Repository.open(tmp_path_factory.mktemp("real") / "logbook.sqlite")
    try:
        # The unit-less Strong files come from kilogram users (German notes, kg plates).
        import_file(repo, IMPORTS / request.param, unit=WeightUnit.KG)
        plan = PlanInput.from_repository(repo)
    finally:
        repo.close()
    today = plan.span()[1] + dt.timedelta(days=1)
    return plan, check(plan, PlanSettings(), today), today


def lifting_weeks(plan: PlanInput) -> set[str]:
    return {s.week for s in plan.sessions if s.is_strength and s.working_sets()}


def test_at_most_one_flag_of_a_rule_per_session_and_week_rules_once_a_week(history):
    _plan, flags, _ = history
    per_session = Counter((f.rule, i) for f in flags for i in f.session_ids)
    assert max(per_session.values()) == 1
    per_week = Counter((f.rule, f.week) for f in flags if f.rule in WEEK_RULES)
    assert max(per_week.values()) == 1


def test_a_median_lifting_week_has_at_most_3_flags(history):
    """The flags of a median lifting week: 8 to 29 at first (a flag per exercise, warm-ups
    as work, timers left running as hours of lifting), 5 to 8 with a flag per rule per
    session, 2 to 3 now that what repeats is said once (a session rule once a week; the
    same finding in weeks in a row once for the run, on its latest week). These are
    lifters' programs, not runners' (12-rep sets in nearly every session, 70-90 minute
    sessions, 4 a week, no calves, no core), and the rules page says so in most weeks."""
    plan, flags, _ = history
    per_week = Counter(f.week for f in flags)
    assert statistics.median(per_week[w] for w in lifting_weeks(plan)) <= 3


def test_no_lifting_week_has_more_than_8_flags(history):
    """At most 6 to 8 in the busiest week (a month's last, where its runs of weeks and its
    injury-prevention note are said), 5 to 6 in nine weeks of ten."""
    plan, flags, _ = history
    per_week = Counter(f.week for f in flags)
    assert max(per_week[w] for w in lifting_weeks(plan)) <= 8


def test_a_run_of_weeks_is_said_on_its_latest_week_naming_all_its_sessions(history):
    """A flag for a run of weeks (since a day of an earlier week) names a session of each of
    its weeks, none outside them, and stays within the weeks that start in one month; no
    error and no calf warning is one."""
    plan, flags, _ = history
    week_of = {plan.key_of(s): s.date for s in plan.sessions}
    runs = [f for f in flags if f.since is not None]
    assert runs
    for flag in runs:
        days = [week_of[key] for key in flag.session_ids]
        assert flag.since == min(days) and max(days) <= flag.date
        first, last = monday_of(flag.since), monday_of(flag.date)
        assert first.month == last.month
        weeks = {first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)}
        assert {monday_of(d) for d in days} == weeks
        assert flag.message.startswith(f"Every week since {flag.since:%a %Y-%m-%d} (")
        assert flag.severity is not Severity.ERROR and flag.rule != "no_calf_work"


def test_every_error_and_every_calf_warning_is_still_there(history):
    """Judged here from the sessions themselves, as the rules page words them."""
    plan, flags, today = history
    span = plan.span()
    cal = Calendar(plan, PlanSettings(), today, span[0], max(span[1], today))
    by_rule_week = {(f.rule, f.week): f for f in flags}
    for monday, sessions in cal.by_week.items():
        week = sessions[0].week
        if not any(cal.facts(e.exercise).calf for s in sessions for e in cal.work(s)):
            assert ("no_calf_work", week) in by_rule_week, week
        twice = ("no_calf_work", (monday - dt.timedelta(days=7)).strftime("%G-W%V"))
        if ("no_calf_work", week) in by_rule_week and twice in by_rule_week:
            assert by_rule_week[("no_calf_work", week)].severity is Severity.ERROR, week
    for monday in cal.judged_mondays():
        if not cal.strength_week(monday) and not cal.is_recovery(monday):
            found = by_rule_week.get(("inconsistent", monday.strftime("%G-W%V")))
            assert found is not None and found.severity is Severity.ERROR, monday
    errors = {(f.rule, i) for f in flags if f.severity is Severity.ERROR for i in f.session_ids}
    for lift in cal.strength:
        if not cal.is_lower_body(lift):
            continue
        for run in cal.runs_on(lift.date + dt.timedelta(days=1)):
            if run.is_hard_run and (run.start is None or lift.start is None):
                assert ("lift_before_hard_run", cal.key(lift)) in errors, lift.date
