"""no_progression and no_deload on both sides of their thresholds."""

from __future__ import annotations

import pytest
from plan_builders import day, flags, legs, lift, phases, sets, weekly

from runstrength_desktop.domain.enums import Phase
from runstrength_desktop.planning import Severity


def squats(*plan):
    """One session a week (Mondays) of 3 sets of squats: plan is (kg, reps) per week."""
    return [
        lift(day(7 * week), sets("Back squat", 3, reps, kg)) for week, (kg, reps) in enumerate(plan)
    ]


# ---- no_progression ---------------------------------------------------------------------


@pytest.mark.parametrize("weeks, fires", [(3, False), (4, True)])
def test_four_sessions_without_a_better_best_set(weeks, fires):
    found = flags(squats(*[(60.0, 8)] * weeks), "no_progression")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.INFO and found[0].date == day(21)
        assert found[0].message == (
            "Back squat: no better best set in 4 sessions over 4 weeks, "
            "from Mon 2026-03-02 to Mon 2026-03-23 (best 60 kg x 8 reps)."
        )
        assert found[0].source == "000_96e5a7711157e530.txt"


@pytest.mark.parametrize("days, fires", [((0, 3, 7, 10), False), ((0, 3, 7, 14), True)])
def test_they_must_span_three_weeks(days, fires):
    sessions = [lift(day(d), sets("Back squat", 3, 8, 60.0)) for d in days]
    assert bool(flags(sessions, "no_progression")) is fires


def test_double_progression_is_progress():
    # 000: 100 x 10 -> 100 x 12 or 105 x 10; the rep range 8-10 and the next plate (003).
    plan = [(60.0, 8), (60.0, 9), (60.0, 10), (62.5, 8), (62.5, 9), (62.5, 10), (65.0, 8)]
    assert flags(squats(*plan), "no_progression") == []


def test_going_round_in_circles_is_no_progress():
    plan = [(60.0, 10), (60.0, 9), (60.0, 10), (60.0, 9)]
    assert len(flags(squats(*plan), "no_progression")) == 1


def test_a_rise_starts_the_count_again():
    plan = [(60.0, 8)] * 3 + [(60.0, 9)] + [(60.0, 9)] * 2
    assert flags(squats(*plan), "no_progression") == []


def test_recovery_weeks_are_left_out():
    plan = [(60.0, 8), (60.0, 8), (36.0, 4), (60.0, 8), (62.5, 8)]
    marked = phases(w2=Phase.RECOVERY)
    assert flags(squats(*plan), "no_progression", week_phases=marked) == []
    stalled = [(60.0, 8), (60.0, 8), (36.0, 4), (60.0, 8), (60.0, 8)]
    found = flags(squats(*stalled), "no_progression", week_phases=marked)
    assert "4 sessions over 4 weeks" in found[0].message


def test_timed_holds_progress_in_seconds():
    holds = [
        lift(day(7 * w), sets("Plank", 2, None, seconds=s)) for w, s in enumerate((40, 40, 40, 40))
    ]
    found = flags(holds, "no_progression")
    assert "best 40 s" in found[0].message and "s longer" in found[0].advice
    longer = [
        lift(day(7 * w), sets("Plank", 2, None, seconds=s)) for w, s in enumerate((40, 45, 50, 55))
    ]
    assert flags(longer, "no_progression") == []


# ---- no_deload --------------------------------------------------------------------------


def progressing(weeks: int, start_week: int = 0):
    """Two sessions a week whose squats go up a little every week."""
    return [
        s
        for w in range(start_week, start_week + weeks)
        for s in weekly(1, start=day(7 * w), entries=lambda w=w: legs(60.0 + 2.5 * w))
    ]


@pytest.mark.parametrize("weeks, fires", [(5, False), (6, True)])
def test_six_hard_weeks_in_a_row_need_a_deload(weeks, fires):
    found = flags(progressing(weeks), "no_deload")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.WARNING and found[0].week == "2026-W15"
        assert "6 hard weeks in a row, 2026-W10 to 2026-W15" in found[0].message
        assert len(found[0].session_ids) == 12


def test_a_recovery_week_breaks_the_run():
    sessions = progressing(7)
    assert [f.week for f in flags(sessions, "no_deload")] == ["2026-W15", "2026-W16"]
    assert flags(sessions, "no_deload", week_phases=phases(w3=Phase.RECOVERY)) == []
    # A week off breaks it too (inconsistent flags that week instead).
    assert flags(progressing(3) + progressing(4, start_week=4), "no_deload") == []


@pytest.mark.parametrize("kg, light", [(30.0, True), (40.0, False)])
def test_a_light_week_breaks_the_run(kg, light):
    # Weeks 0-3 at 60-67.5 kg squats; week 4 at `kg` for 4 reps (60 % of the volume of the 4
    # weeks before is the limit); then two more normal weeks.
    before = progressing(4)
    deload = weekly(
        1,
        start=day(28),
        entries=lambda: (
            sets("Back squat", 3, 4, kg)
            + sets("Standing calf raise", 3, 10, 40.0)
            + sets("Plank", 2, None, seconds=45)
        ),
    )
    after = progressing(2, start_week=5)
    found = flags(before + deload + after, "no_deload")
    assert bool(found) is not light
