"""What repeats is said once (planning/repeats.py): a session rule once a week, naming each
session; the same finding in weeks in a row once for the run, on its latest week, saying
since when; a new problem after a run, an error and a calf warning still in their own week;
and a check of any week agrees with the whole logbook's."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.domain.session import iso_week, monday_of
from runstrength_desktop.planning import PlanSettings, Severity, check, check_spanning
from runstrength_desktop.planning.repeats import run_reach
from tests.planning.plan_builders import MONDAY, day, flags, legs, lift, plan_input, sets, upper

WEEK = dt.timedelta(days=7)


def no_core() -> list:
    """Legs with calves and an upper-body exercise, but no core exercise."""
    return (
        sets("Back squat", 3, 8, 60.0)
        + sets("Standing calf raise", 3, 10, 40.0)
        + sets("Dumbbell row", 3, 8, 20.0)
    )


def whole() -> list:
    """Legs, calves, upper body and core."""
    return legs() + upper()


def weeks_of(*kinds, days=(0, 3)) -> list:
    """Two sessions a week (Mon, Thu) from MONDAY, week n made of kinds[n]()."""
    return [
        lift(MONDAY + n * WEEK + dt.timedelta(days=d), kind())
        for n, kind in enumerate(kinds)
        for d in days
    ]


# ---- a session rule once a week ---------------------------------------------------------


def test_light_sets_in_three_sessions_of_a_week_are_one_flag_naming_each():
    week = [
        lift(day(0), sets("Goblet squat", 3, 15, 12.0) + upper(), title="Legs"),
        lift(day(2), upper(), title="Upper"),  # nothing light: not named
        lift(day(4), sets("Lat pulldown", 2, 12, 30.0) + sets("Face pull", 3, 12, 10.0)),
        lift(day(6), sets("Leg press", 3, 20, 40.0), title="Legs again"),
    ]
    [found] = flags(week, "too_light")
    assert found.session_ids == (week[0].id, week[2].id, week[3].id)
    assert found.date == day(6) and found.since is None
    assert found.message == (
        "Light sets in 2026-W10 (11 sets): "
        "Mon 2026-03-02 (Legs): Goblet squat 3 x 15 @ 12 kg (12+ reps). "
        "Fri 2026-03-06 (Strength session): Lat pulldown 2 x 12 @ 30 kg (12+ reps); "
        "Face pull 3 x 12 @ 10 kg (12+ reps). "
        "Sun 2026-03-08 (Legs again): Leg press 3 x 20 @ 40 kg (12+ reps)."
    )


def test_stalls_in_two_sessions_of_a_week_are_one_flag_naming_the_lifts():
    squats = [lift(day(7 * w), sets("Back squat", 3, 8, 60.0)) for w in range(4)]
    rows = [lift(day(7 * w + 2), sets("Dumbbell row", 3, 8, 20.0)) for w in range(4)]
    [found] = flags(squats + rows, "no_progression")
    assert found.session_ids == (squats[-1].id, rows[-1].id) and found.date == day(23)
    assert found.message.startswith(
        "No better best set in 2026-W13: Mon 2026-03-23: Back squat (best 60 kg x 8 reps, "
    )
    assert "Wed 2026-03-25: Dumbbell row (best 20 kg x 8 reps, 4 sessions" in found.message


def test_short_sessions_and_missed_reps_are_said_once_a_week():
    short = sets("Back squat", 3, 8, 60.0, target=12) + sets("Push-up", 3, 10)
    week = [lift(day(d), short) for d in (0, 3)]
    for rule in ("short_session", "missed_reps"):
        [found] = flags(week, rule)
        assert found.session_ids == (week[0].id, week[1].id), rule
        assert "in 2026-W10: Mon 2026-03-02 (Strength session): " in found.message, rule
        assert "Thu 2026-03-05 (Strength session): " in found.message, rule


def test_a_check_of_part_of_a_week_judges_the_whole_week():
    week = [lift(day(d), sets("Goblet squat", 3, 15, 12.0)) for d in (0, 4)]
    whole_week = flags(week, "too_light")
    assert flags(week, "too_light", first=day(4), last=day(4)) == whole_week
    assert flags(week, "too_light", first=day(0), last=day(3)) == []  # dated on Friday


# ---- the same finding in weeks in a row: once for the run -------------------------------


def test_weeks_in_a_row_without_core_are_one_flag_on_the_latest_saying_since_when():
    sessions = weeks_of(no_core, no_core, no_core)
    [found] = flags(sessions, "no_upper_or_core")
    assert found.week == "2026-W12" and found.date == day(17)
    assert found.since == day(0) and found.severity is Severity.WARNING
    assert found.session_ids == tuple(s.id for s in sessions)  # every week's sessions
    assert found.message == (
        "Every week since Mon 2026-03-02 (3 weeks, 2026-W10 to 2026-W12, 6 sessions): "
        "no core exercise. 2026-W12 has 2 strength sessions but no core exercise."
    )
    assert found.to_dict()["since"] == "2026-03-02"


def test_a_new_problem_after_a_run_still_shows_in_its_own_week():
    def nothing_but_legs():
        return sets("Back squat", 3, 8, 60.0) + sets("Standing calf raise", 3, 10, 40.0)

    found = flags(weeks_of(no_core, no_core, nothing_but_legs), "no_upper_or_core")
    assert [(f.week, f.since) for f in found] == [("2026-W11", day(0)), ("2026-W12", None)]
    assert (
        found[1].message == "2026-W12 has 2 strength sessions but no upper-body or core exercise."
    )
    # A clean week ends the run: the same finding after it is a run of its own.
    found = flags(weeks_of(no_core, no_core, whole, no_core), "no_upper_or_core")
    assert [(f.week, f.since) for f in found] == [("2026-W11", day(0)), ("2026-W13", None)]


def test_four_sessions_a_week_are_one_flag_but_a_spike_shows_on_its_own():
    four = [
        lift(MONDAY + w * WEEK + dt.timedelta(days=d), whole())
        for w in range(3)
        for d in (0, 2, 4, 6)
    ]
    [found] = flags(four, "too_much_volume")
    assert found.since == day(0) and len(found.session_ids) == 12
    assert (
        "(3 weeks, 2026-W10 to 2026-W12, 12 sessions): more than 3 strength sessions a week"
        in found.message
    )
    assert "Too much in 2026-W12: the week has 4 strength sessions (at most 3)" in found.message
    # After four normal weeks, a week of four heavy sessions is a spike: said in its week.
    normal = [
        lift(MONDAY + w * WEEK + dt.timedelta(days=d), whole()) for w in range(4) for d in (0, 3)
    ]
    heavy = [
        lift(MONDAY + 4 * WEEK + dt.timedelta(days=d), legs(90.0) + upper()) for d in (0, 2, 4, 6)
    ]
    after = [
        lift(MONDAY + 5 * WEEK + dt.timedelta(days=d), legs(90.0) + upper()) for d in (0, 2, 4, 6)
    ]
    found = flags(normal + heavy + after, "too_much_volume")
    assert [(f.week, f.since is None) for f in found] == [("2026-W14", True), ("2026-W15", True)]
    assert "x the mean of the 4 lifting weeks before" in found[0].message


def test_errors_and_calf_warnings_keep_their_own_weeks():
    no_calves = lambda: sets("Back squat", 3, 8, 60.0) + upper()  # noqa: E731
    found = flags(weeks_of(no_calves, no_calves, no_calves), "no_calf_work")
    assert [(f.week, f.severity, f.since) for f in found] == [
        ("2026-W10", Severity.WARNING, None),
        ("2026-W11", Severity.ERROR, None),
        ("2026-W12", Severity.ERROR, None),
    ]
    # Weeks without lifting are errors, each in its own week; weeks of one session are a
    # warning that continues.
    sessions = [lift(day(0), whole()), lift(day(3), whole())]
    sessions += [lift(day(7 * w), whole()) for w in (2, 3, 4)]  # one a week after one off
    found = flags(sessions, "inconsistent", today=day(35))
    assert [(f.week, f.severity, f.since) for f in found] == [
        ("2026-W11", Severity.ERROR, None),
        ("2026-W12", Severity.WARNING, None),  # with the gap: another finding
        ("2026-W14", Severity.WARNING, day(21)),  # one session, twice: one flag
        ("2026-W15", Severity.ERROR, None),
    ]


def test_a_run_stays_within_the_weeks_that_start_in_one_month():
    """A habit of six weeks from 2 March: March's five weeks (to Monday 30 March) are one
    flag, April's first week starts a run of its own."""
    sessions = weeks_of(*[no_core] * 6)
    found = flags(sessions, "no_upper_or_core")
    assert [(f.week, f.since) for f in found] == [("2026-W14", day(0)), ("2026-W15", None)]
    assert run_reach(day(9)) == day(34) and run_reach(day(35)) == dt.date(2026, 5, 3)


# ---- a week's check agrees with the whole logbook's -------------------------------------


@pytest.mark.parametrize("offset", range(0, 42, 3))
def test_any_stretch_of_days_agrees_with_the_whole_check(offset):
    kinds = [no_core, no_core, whole, no_core, no_core, no_core]
    sessions = weeks_of(*kinds) + [
        lift(day(7 * w + 5), sets("Goblet squat", 3, 15, 12.0)) for w in range(6)
    ]
    plan = plan_input(sessions)
    today = day(45)
    everything = check(plan, PlanSettings(), today)
    assert any(f.since for f in everything)
    first, last = day(offset), day(offset + 8)
    assert check(plan, PlanSettings(), today, first, last) == [
        f for f in everything if first <= f.date <= last
    ]


def test_every_week_of_a_run_has_the_runs_flag_when_asked_for_what_spans_it():
    sessions = weeks_of(no_core, no_core, no_core)
    plan = plan_input(sessions)
    [run] = [f for f in check(plan, PlanSettings(), day(20)) if f.rule == "no_upper_or_core"]
    for week in range(3):
        monday = MONDAY + week * WEEK
        spanning = check_spanning(
            plan, PlanSettings(), day(20), monday, monday + 6 * dt.timedelta(1)
        )
        assert run in spanning, week
        assert iso_week(monday) == run.week or run not in check(
            plan, PlanSettings(), day(20), monday, monday + 6 * dt.timedelta(1)
        )
    after = MONDAY + 3 * WEEK
    assert run not in check_spanning(
        plan, PlanSettings(), day(20), after, after + 6 * dt.timedelta(1)
    )
    assert monday_of(run.since) == MONDAY
