"""A fix to apply: each flag with one obvious fix gets an edit of the plan, with a preview,
that removes the flag and brings up no new error or warning; done sessions are never
changed."""

from __future__ import annotations

import datetime as dt

from runstrength_desktop.domain.enums import Phase, RunType, Status
from runstrength_desktop.domain.session import iso_week
from runstrength_desktop.planning import PlanSettings, Severity, apply_fix, check, fix_for
from tests.planning.plan_builders import MONDAY, day, legs, lift, plan_input, race, run, sets, upper

P = Status.PLANNED
WEEK = dt.timedelta(days=7)


def flag_of(plan, rule, today):
    [found] = [f for f in check(plan, PlanSettings(), today) if f.rule == rule]
    return found


def problems(plan, today, first, last):
    return [
        (f.rule, f.week)
        for f in check(plan, PlanSettings(), today, first, last)
        if f.severity is not Severity.INFO
    ]


def test_legs_the_day_before_intervals_move_to_after_the_intervals():
    legs_day = lift(day(0), legs(), status=P)
    intervals = run(day(1), RunType.INTERVALS, order=0, status=P)
    plan = plan_input([legs_day, intervals, lift(day(3), upper(), status=P)])
    flag = flag_of(plan, "lift_before_hard_run", day(0))
    fix = fix_for(plan, flag, today=day(0))
    assert fix.text == (
        "Move Strength session from Mon 02 Mar to Tue 03 Mar, after Intervals run: legs on "
        "the hard day, after the run (003)."
    )
    [moved] = fix.saved
    assert (moved.id, moved.date, moved.order) == (legs_day.id, day(1), 1)
    assert "lift_before_hard_run" not in {f.rule for f in check(apply_fix(plan, fix), today=day(0))}


def test_or_at_least_two_days_before_when_the_hard_day_is_taken():
    legs_day = lift(day(2), legs(), status=P)
    intervals = run(day(3), RunType.INTERVALS, status=P)
    other = lift(day(3), upper(), status=P)
    plan = plan_input([legs_day, intervals, other])
    fix = fix_for(plan, flag_of(plan, "lift_before_hard_run", day(0)), today=day(0))
    [moved] = fix.saved
    assert moved.date == day(1) and "2 days before Intervals run" in fix.text
    assert problems(apply_fix(plan, fix), day(0), day(0), day(13)) == []


def test_run_first_on_the_day():
    morning = lift(day(2), upper(), start="07:00", order=0, status=P)
    tempo = run(day(2), RunType.TEMPO, start="12:00", order=1, minutes=50, status=P)
    plan = plan_input([morning, tempo])
    fix = fix_for(plan, flag_of(plan, "run_after_lift", day(0)), today=day(0))
    assert fix.text.startswith("Do Strength session after Tempo run on Wed 04 Mar at 12:50")
    assert "run_after_lift" not in {f.rule for f in check(apply_fix(plan, fix), today=day(0))}


def test_calf_raises_with_a_target_from_history_go_to_the_lower_body_session():
    done = [
        lift(day(-7 + d), sets("Back squat", 3, 8, 60.0) + sets("Standing calf raise", 3, 10, 40.0))
        for d in (0, 3)
    ]
    no_calves = sets("Back squat", 3, 8, 60.0) + sets("Plank", 2, None, seconds=45)
    week = [lift(day(1), no_calves, status=P), lift(day(4), upper(), status=P)]
    plan = plan_input(done + week)
    fix = fix_for(plan, flag_of(plan, "no_calf_work", day(0)), today=day(0))
    [edited] = fix.saved
    assert edited.id == week[0].id
    assert fix.text == (
        "Add Standing calf raise 3 x 8 @ 42.5 kg to Strength session on Tue 03 Mar (every set "
        "reached 10 reps: about 5 % more load)."
    )
    calves = [e for e in edited.sets if e.exercise == "Standing calf raise"]
    assert len(calves) == 3 and calves[0].target_reps
    assert "no_calf_work" not in {f.rule for f in check(apply_fix(plan, fix), today=day(0))}


def test_a_first_timer_gets_single_leg_heel_raises():
    plan = plan_input([lift(day(1), sets("Back squat", 3, 8, 60.0) + upper(), status=P)])
    fix = fix_for(plan, flag_of(plan, "no_calf_work", day(0)), today=day(0))
    assert fix.text.startswith("Add Single-leg heel raise 3 x 10 to")


def test_the_fifth_hard_week_becomes_a_recovery_week_with_deload_sets():
    done = [
        lift(MONDAY + w * WEEK + dt.timedelta(days=d), legs(60 + 2.5 * w))
        for w in range(4)
        for d in (1, 4)
    ]
    fifth = MONDAY + 4 * WEEK
    planned = [lift(fifth + dt.timedelta(days=d), legs(70.0), status=P) for d in (1, 4)]
    plan = plan_input(done + planned)
    flag = flag_of(plan, "no_deload", fifth)
    fix = fix_for(plan, flag, today=fifth)
    assert fix.phases == {iso_week(fifth): Phase.RECOVERY}
    assert fix.text.startswith(f"Make {iso_week(fifth)} a recovery week with deload sets: ")
    squats = [e for s in fix.saved for e in s.sets if e.exercise == "Back squat"]
    # e1RM 67.5 x (1 + 8/30) = 85.5 kg: 60 % is 51.3, to the plate 52.5 kg; half of 8 reps.
    assert {(e.reps, e.weight_kg) for e in squats} == {(4, 52.5)}
    assert all("(deload)" in s.title for s in fix.saved)
    before = problems(plan, fifth, fifth - WEEK, fifth + 2 * WEEK)
    after = problems(apply_fix(plan, fix), fifth, fifth - WEEK, fifth + 2 * WEEK)
    assert ("no_deload", iso_week(fifth)) in before and set(after) < set(before)


def test_a_run_of_hard_weeks_gets_its_first_planned_week_as_the_deload():
    """The 5th and 6th hard weeks planned: one flag for both, on the 6th; the fix makes the
    5th the deload (000), which leaves neither flagged."""
    start = MONDAY - WEEK
    done = [
        lift(start + w * WEEK + dt.timedelta(days=d), legs(60 + 2.5 * w))
        for w in range(4)
        for d in (1, 4)
    ]
    fifth, sixth = start + 4 * WEEK, start + 5 * WEEK
    planned = [
        lift(monday + dt.timedelta(days=d), legs(70.0), status=P)
        for monday in (fifth, sixth)
        for d in (1, 4)
    ]
    plan = plan_input(done + planned)
    flag = flag_of(plan, "no_deload", fifth)
    assert flag.week == iso_week(sixth) and flag.since == fifth + dt.timedelta(days=1)
    fix = fix_for(plan, flag, today=fifth)
    assert fix.phases == {iso_week(fifth): Phase.RECOVERY}
    fixed = check(apply_fix(plan, fix), PlanSettings(), fifth)
    assert [f for f in fixed if f.rule == "no_deload"] == []


def test_a_taper_week_drops_to_one_session():
    sunday_race = race(day(13))
    legs_early = lift(day(8), legs() + upper(), status=P)  # 5 days out: legs still allowed
    upper_late = lift(day(10), upper(), status=P)
    plan = plan_input([legs_early, upper_late], [sunday_race])
    fix = fix_for(plan, flag_of(plan, "taper", day(7)), today=day(7))
    # The full-body session stays: it has the week's calves, an upper-body one alone not.
    assert fix.deleted == [upper_late.id] and fix.saved == []
    assert fix.text.startswith("Drop Strength session on Thu 12 Mar: one session in the taper")
    assert problems(apply_fix(plan, fix), day(7), day(7), day(13)) == []
    # Legs 3 days before the race and an upper-body session: no drop leaves the week clean
    # (the one left has no calves, or is legs too close to the race): no fix is offered.
    late = plan_input(
        [lift(day(8), upper(), status=P), lift(day(10), legs(), status=P)], [sunday_race]
    )
    assert fix_for(late, flag_of(late, "taper", day(7)), today=day(7)) is None


def test_done_sessions_are_never_changed_and_some_flags_have_no_fix():
    done = [lift(day(0), legs()), run(day(1), RunType.INTERVALS)]
    plan = plan_input(done)
    assert fix_for(plan, flag_of(plan, "lift_before_hard_run", day(2)), today=day(2)) is None
    light = plan_input([lift(day(3), sets("Goblet squat", 3, 15, 12.0), status=P)])
    assert fix_for(light, flag_of(light, "too_light", day(0)), today=day(0)) is None
