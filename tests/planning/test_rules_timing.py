"""The rules about when lifting happens around the runs, on both sides of each threshold."""

from __future__ import annotations

import pytest

from runstrength_desktop.domain.enums import Phase, RunType, Status
from runstrength_desktop.planning import PlanSettings, RunnerProfile, Severity
from tests.planning.plan_builders import day, flags, legs, lift, phases, race, run, sets, upper

TEMPO, INTERVALS, EASY, LONG = RunType.TEMPO, RunType.INTERVALS, RunType.EASY, RunType.LONG


# ---- lift_before_hard_run ---------------------------------------------------------------


@pytest.mark.parametrize("lift_start, fires", [("07:01", True), ("07:00", False)])
def test_23_h_59_before_a_hard_run_is_too_close_24_h_is_not(lift_start, fires):
    legs_day = lift(day(0), legs(), start=lift_start)
    intervals = run(day(1), INTERVALS, start="07:00")
    found = flags([legs_day, intervals], "lift_before_hard_run")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.ERROR and found[0].date == day(0)
        assert found[0].session_ids == (legs_day.id, intervals.id)
        assert "23 h 59 before" in found[0].message


@pytest.mark.parametrize("run_day, fires", [(1, True), (2, False)])
def test_with_dates_only_the_day_before_is_too_close(run_day, fires):
    found = flags([lift(day(0), legs()), run(day(run_day), RunType.HILLS)], "lift_before_hard_run")
    assert bool(found) is fires


@pytest.mark.parametrize("lift_order, run_order, fires", [(0, 1, True), (1, 0, False)])
def test_same_day_before_the_hard_run_by_order(lift_order, run_order, fires):
    sessions = [lift(day(0), legs(), order=lift_order), run(day(0), TEMPO, order=run_order)]
    assert bool(flags(sessions, "lift_before_hard_run")) is fires


@pytest.mark.parametrize(
    "entries, fires",
    [
        (upper(), False),  # no lower-body work
        (sets("Clam shell", 2, 20) + sets("Side shuffle", 2, 20), False),  # mobility only
        (sets("Cycling", 1, None) + upper(), False),  # a cardio warm-up is no leg day
        (sets("Box jump", 3, 5), True),  # plyometric legs
        (sets("Kettlebell swing", 3, 10, 16.0), True),  # region full counts as lower body
    ],
)
def test_what_counts_as_a_lower_body_session(entries, fires):
    found = flags([lift(day(0), entries), run(day(1), INTERVALS)], "lift_before_hard_run")
    assert bool(found) is fires


def test_an_easy_or_long_run_the_next_day_is_fine():
    sessions = [lift(day(0), legs()), run(day(1), EASY), lift(day(5), legs()), run(day(6), LONG)]
    assert flags(sessions, "lift_before_hard_run") == []


def test_seed_003_intervals_monday_squats_tuesday():
    """003's comments: intervals Monday, squats Tuesday, a tempo in a day or two."""
    intervals = run(day(0), INTERVALS, start="07:00")
    squats = lift(day(1), sets("Back squat", 3, 5, 80.0), start="18:00")
    tempo = run(day(2), TEMPO, start="07:00")
    all_flags = flags([intervals, squats, tempo])
    assert ("lift_before_hard_run", Severity.ERROR, day(1)) in [
        (f.rule, f.severity, f.date) for f in all_flags
    ]
    apart = [f for f in all_flags if f.rule == "hard_days_apart"]
    assert [(f.date, f.severity) for f in apart] == [(day(1), Severity.INFO)]
    assert "the day after" in apart[0].message
    # Keeping the stressors on one day (003): squats after Monday's intervals.
    squats_monday = lift(day(0), sets("Back squat", 3, 5, 80.0), start="18:00")
    tempo_thursday = run(day(3), TEMPO, start="07:00")
    clean = [
        f
        for f in flags([intervals, squats_monday, tempo_thursday])
        if f.rule in ("lift_before_hard_run", "hard_days_apart")
    ]
    assert clean == []


# ---- run_after_lift ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "lift_start, run_start, fires",
    [("06:30", "18:00", True), ("18:00", "07:00", False), (None, None, False)],
)
def test_run_first_when_both_happen_on_one_day(lift_start, run_start, fires):
    sessions = [
        run(day(2), TEMPO, start=run_start, order=0),
        lift(day(2), upper(), start=lift_start, order=1),
    ]
    found = flags(sessions, "run_after_lift")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.WARNING
        assert "at 06:30 comes before Tempo run at 18:00" in found[0].message
        assert found[0].source.startswith(
            "Running Tips – Strength Training to be a Better Runner, on a day with both, run first"
        )


@pytest.mark.parametrize(
    "run_type, fires", [(LONG, True), (EASY, False), (RunType.RECOVERY, False), (None, False)]
)
def test_by_order_in_the_day_and_an_easy_run_after_a_lift_is_fine(run_type, fires):
    """Version 2, 003's comments: an easy recovery run in the evening after a session is
    fine (so is a 10-minute treadmill jog after chest day, logged without a type)."""
    sessions = [lift(day(2), upper(), order=0), run(day(2), run_type, order=1)]
    assert len(flags(sessions, "run_after_lift")) == (1 if fires else 0)


# ---- lift_too_soon_after_hard_run -----------------------------------------------------------


@pytest.mark.parametrize("lift_start, fires", [("09:59", True), ("10:00", False)])
def test_wait_3_h_after_a_hard_run_ends(lift_start, fires):
    tempo = run(day(1), TEMPO, start="06:00", minutes=60)
    found = flags([tempo, lift(day(1), legs(), start=lift_start)], "lift_too_soon_after_hard_run")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.INFO and "2 h 59 after" in found[0].message


def test_only_when_both_times_are_known_and_the_run_is_hard():
    assert (
        flags(
            [run(day(1), TEMPO, start="06:00"), lift(day(1), legs())],
            "lift_too_soon_after_hard_run",
        )
        == []
    )
    assert (
        flags(
            [run(day(1), EASY, start="06:00"), lift(day(1), legs(), start="07:00")],
            "lift_too_soon_after_hard_run",
        )
        == []
    )


# ---- hard_days_apart --------------------------------------------------------------------


def test_legs_the_day_after_a_hard_run_or_on_an_easy_day():
    sessions = [
        run(day(1), TEMPO, order=0),
        lift(day(2), legs()),
        run(day(3), EASY, order=0),
        lift(day(3), upper()),
        run(day(4), EASY, order=0),
        lift(day(4), legs()),
    ]
    found = flags(sessions, "hard_days_apart")
    assert [(f.date, f.severity) for f in found] == [
        (day(2), Severity.INFO),
        (day(4), Severity.INFO),
    ]
    assert "the day after Tempo run" in found[0].message
    assert "an easy-run day" in found[1].message


def test_legs_on_the_hard_day_after_the_run_are_right():
    assert (
        flags(
            [run(day(1), TEMPO, order=0), lift(day(1), legs(), order=1), run(day(2), EASY)],
            "hard_days_apart",
        )
        == []
    )


def test_quiet_for_a_runner_not_training_for_a_race():
    """003: when only running easy, in a base or maintenance phase, timing matters less."""
    hard_week = [run(day(1), TEMPO), lift(day(2), legs())]
    maintenance = PlanSettings.for_profile(RunnerProfile(race=False))
    assert flags(hard_week, "hard_days_apart", settings=maintenance) == []
    assert "are not judged" in flags(hard_week, "hard_days_apart")[0].advice


def test_no_matter_in_a_base_phase_or_a_week_without_hard_runs():
    easy_week = [run(day(1), EASY, order=0), lift(day(1), legs())]
    assert flags(easy_week, "hard_days_apart") == []
    hard_week = [run(day(1), TEMPO), lift(day(2), legs())]
    assert flags(hard_week, "hard_days_apart", week_phases=phases(w0=Phase.BASE)) == []
    assert len(flags(hard_week, "hard_days_apart", week_phases=phases(w0=Phase.BUILD))) == 1


# ---- legs_before_long_run ---------------------------------------------------------------


@pytest.mark.parametrize(
    "lift_day, entries, fires", [(5, legs(), True), (4, legs(), False), (5, upper(), False)]
)
def test_no_leg_day_right_before_the_long_run(lift_day, entries, fires):
    found = flags([lift(day(lift_day), entries), run(day(6), LONG)], "legs_before_long_run")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.INFO
        assert found[0].source.startswith(
            "Should I Strength Train if I Want To Improve My Running?, avoid leg days"
        )


# ---- short_recovery ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "second_day, second_start, fires", [(1, "20:00", True), (2, "17:30", False)]
)
def test_48_h_between_sessions_on_the_same_leg_muscles_counted_in_days(
    second_day, second_start, fires
):
    """A defect: 47.5 h between Monday's and Wednesday's leg sessions was a warning. Rest is
    counted in days, as a runner plans them: two days apart is 48 h."""
    first = lift(day(0), legs(), start="18:00")
    second = lift(day(second_day), legs(), start=second_start)
    found = flags([first, second], "short_recovery")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.WARNING and found[0].date == day(1)
        assert "1 day apart" in found[0].message and "quads" in found[0].message


def test_leg_days_in_a_row_are_one_flag():
    sessions = [lift(day(d), legs()) for d in (0, 1, 2)]
    [found] = flags(sessions, "short_recovery")
    assert found.session_ids == tuple(s.id for s in sessions)


@pytest.mark.parametrize("gap, fires", [(1, True), (2, False)])
def test_with_dates_only_the_next_day_is_too_soon(gap, fires):
    assert bool(flags([lift(day(0), legs()), lift(day(gap), legs())], "short_recovery")) is fires


def test_other_muscles_and_holds_do_not_count():
    assert flags([lift(day(0), legs()), lift(day(1), upper())], "short_recovery") == []
    holds = sets("Side plank", 2, None, seconds=30) + sets("Bird dog", 2, 10)  # abductors, glutes
    assert flags([lift(day(0), legs()), lift(day(1), holds)], "short_recovery") == []


# ---- taper ------------------------------------------------------------------------------


@pytest.mark.parametrize("count, fires", [(1, False), (2, True)])
def test_one_session_a_week_in_the_two_weeks_before_a_race(count, fires):
    sunday_race = race(day(13))
    sessions = [lift(day(7 + d), upper()) for d in (0, 2)[:count]]
    found = flags(sessions, "taper", races=[sunday_race])
    assert bool(found) is fires
    if fires:
        assert "2 strength sessions in the taper before Spring 10K" in found[0].message


def test_the_taper_is_two_weeks_long():
    sunday_race = race(day(20))
    two_before = [lift(day(0), upper()), lift(day(2), upper())]  # 20 days out
    one_before = [lift(day(7), upper()), lift(day(9), upper())]  # 13 days out
    found = flags(two_before + one_before, "taper", races=[sunday_race])
    assert [f.week for f in found] == ["2026-W11"]


@pytest.mark.parametrize(
    "days_before, entries, fires",
    [(4, legs(), True), (5, legs(), False), (2, upper(), False), (0, legs(), True)],
)
def test_no_legs_in_the_last_4_days(days_before, entries, fires):
    found = flags([lift(day(13 - days_before), entries)], "taper", races=[race(day(13))])
    assert bool(found) is fires
    if fires and days_before:
        assert "4 days before Spring 10K" in found[0].message


def test_planned_taper_sessions_count_from_today():
    sessions = [
        lift(day(7), upper(), status=Status.PLANNED),
        lift(day(9), upper(), status=Status.PLANNED),
    ]
    assert len(flags(sessions, "taper", races=[race(day(13))], today=day(6))) == 1
    assert flags(sessions, "taper", races=[race(day(13))], today=day(8)) == []
