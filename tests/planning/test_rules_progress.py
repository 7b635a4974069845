"""no_progression and no_deload on both sides of their thresholds."""

from __future__ import annotations

import pytest

from runstrength_desktop.domain.enums import Phase
from runstrength_desktop.planning import Severity
from tests.planning.plan_builders import day, flags, legs, lift, phases, sets, weekly


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
            "No better best set on Mon 2026-03-23: Back squat (best 60 kg x 8 reps, "
            "4 sessions over 4 weeks since Mon 2026-03-02)."
        )
        assert found[0].session_ids == (found[0].session_ids[-1],)  # the session it shows in
        assert found[0].source.startswith(
            "Weight Training For Runners – Top 7 Exercises (2023 Update), progressive overload"
        )
        assert "one more rep per set at 60 kg until every set reaches 10" in found[0].advice


def test_defect_advice_for_a_stall_past_the_rep_range_is_a_heavier_load():
    """3 x 12 at 20 kg used to be told "one more rep per set ... until every set reaches 10"."""
    found = flags(squats(*[(20.0, 12)] * 4), "no_progression")
    assert len(found) == 1
    assert "until every set reaches" not in found[0].advice
    assert "12 reps at 20 kg is past the 8-10 range, so take a heavier load" in found[0].advice
    at_top = flags(squats(*[(60.0, 10)] * 4), "no_progression")
    assert "about 5 % heavier, 62.5 kg for 8 reps" in at_top[0].advice


def test_stalls_that_show_in_one_session_are_one_flag():
    sessions = [
        lift(day(7 * w), sets("Back squat", 3, 8, 60.0) + sets("Dumbbell row", 3, 8, 20.0))
        for w in range(4)
    ]
    [found] = flags(sessions, "no_progression")
    assert "Back squat (best 60 kg x 8 reps" in found.message
    assert "Dumbbell row (best 20 kg x 8 reps" in found.message


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


@pytest.mark.parametrize("weeks, fires", [(4, False), (5, True)])
def test_the_fifth_hard_week_in_a_row_should_have_been_a_deload(weeks, fires):
    """Version 2: 000's "every 4th or 5th week", so the 5th hard week is flagged."""
    found = flags(progressing(weeks), "no_deload")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.WARNING and found[0].week == "2026-W14"
        assert "5 hard weeks in a row, 2026-W10 to 2026-W14" in found[0].message
        assert len(found[0].session_ids) == 2  # the week's own sessions


def test_a_recovery_week_breaks_the_run():
    sessions = progressing(6)
    assert [f.week for f in flags(sessions, "no_deload")] == ["2026-W14", "2026-W15"]
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


def test_defect_a_bodyweight_deload_week_counts_by_its_sets():
    """Bodyweight work has no volume, so no week of it was ever light: no_deload could never
    be met. A week with at most 60 % of the working sets of the weeks before is light."""

    def week(w: int, count: int):
        entries = sets("Air squat", count, 12) + sets("Single-leg heel raise", count, 12)
        entries += sets("Push-up", count, 10) + sets("Plank", count, None, seconds=40)
        return [lift(day(7 * w + d), entries) for d in (0, 3)]

    hard = [s for w in range(4) for s in week(w, 3)]
    deload = week(4, 1)  # a third of the sets
    after = [s for w in range(5, 8) for s in week(w, 3)]
    assert flags(hard + deload + after, "no_deload") == []
    same = week(4, 3)
    assert [f.week for f in flags(hard + same + after, "no_deload")][:1] == ["2026-W14"]
