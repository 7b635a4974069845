"""Next targets (000's progressive overload with the plate step), deload targets, the taper,
and the settings object."""

from __future__ import annotations

import pytest

from runstrength_desktop.domain.enums import Phase, SetType, Side, WeightUnit
from runstrength_desktop.domain.session import SetEntry
from runstrength_desktop.domain.units import kg_to, to_kg
from runstrength_desktop.planning import (
    PlanSettings,
    RunnerProfile,
    Target,
    deload_target,
    next_target,
    taper_guide,
    targets_for_session,
)
from runstrength_desktop.planning.loads import round_load
from tests.planning.plan_builders import day, lift, phases, plan_input, race, sets

LB = WeightUnit.LB
KG = WeightUnit.KG


def pounds(value_kg: float) -> float:
    return round(kg_to(value_kg, LB), 6)


def history_of(name: str, reps: list[int], kg: float):
    return [lift(day(0), [SetEntry(name, reps=r, weight_kg=kg) for r in reps])]


def test_seed_000_100_lb_for_10_becomes_105_lb():
    """000: 100 lb x 10 -> 105 lb; 003's range 8-10 puts the heavier load at 8 reps."""
    target = next_target(history_of("Back squat", [10, 10, 10], to_kg(100, LB)), LB)
    assert (target.sets, target.reps, pounds(target.weight_kg)) == (3, 8, 105.0)
    assert target.describe(LB) == "3 x 8 @ 105 lb"
    assert "5 % more load" in target.reason


def test_seed_000_short_of_the_top_one_more_rep_at_the_same_load():
    target = next_target(history_of("Back squat", [9, 9, 9], to_kg(100, LB)), LB)
    assert (target.reps, pounds(target.weight_kg)) == (10, 100.0)
    mixed = next_target(history_of("Back squat", [10, 10, 8], to_kg(100, LB)), LB)
    assert mixed.reps == 9 and "one more rep" in mixed.reason


@pytest.mark.parametrize("kg, expected", [(60.0, 62.5), (20.0, 22.5), (100.0, 105.0), (47.5, 50.0)])
def test_about_5_percent_more_rounded_to_the_plate_step_at_least_one_step(kg, expected):
    target = next_target(history_of("Back squat", [10, 10], kg), KG)
    assert target.weight_kg == pytest.approx(expected)


def test_twelve_or_more_reps_move_to_a_heavier_load():
    target = next_target(history_of("Goblet squat", [15, 15, 15], 12.0), KG)
    # Epley: 12 kg x 15 is an e1RM of 18 kg; 75 % of it is 13.5, to the plate step 12.5.
    assert (target.reps, target.weight_kg) == (8, 12.5)
    heavier = next_target(history_of("Leg press", [20, 20], 40.0), KG)
    assert (heavier.reps, heavier.weight_kg) == (8, 50.0)  # 40 x 1.67 x 0.75 = 50


def test_a_load_under_65_percent_of_the_current_e1rm_moves_up():
    target = next_target(history_of("Back squat", [8, 8], 50.0), KG, current_e1rm=100.0)
    assert (target.reps, target.weight_kg) == (8, 75.0)


def test_bodyweight_and_timed_work():
    push_ups = next_target(history_of("Push-up", [12, 11], 0.0), KG)
    assert (push_ups.reps, push_ups.weight_kg) == (12, None)
    assert next_target(history_of("Push-up", [15, 15], 0.0), KG).reason.startswith(
        "every set reached 15"
    )
    plank = next_target([lift(day(0), sets("Plank", 2, None, seconds=45))], KG)
    assert (plank.reps, plank.seconds, plank.describe(KG)) == (None, 50.0, "2 x 50 s")


def test_per_side_sets_count_once_and_warm_ups_are_ignored():
    entries = [
        SetEntry("Bulgarian split squat", reps=10, weight_kg=12.0, side=side)
        for side in (Side.LEFT, Side.RIGHT) * 2
    ]
    entries.insert(0, SetEntry("Bulgarian split squat", SetType.WARMUP, reps=5, weight_kg=6.0))
    target = next_target([lift(day(0), entries)], KG)
    assert (target.sets, target.reps, target.weight_kg) == (2, 8, 12.5)


def test_no_history_no_target():
    assert next_target([], KG) is None


def test_round_load_steps():
    assert round_load(63.0, KG) == 62.5
    assert round_load(63.0, KG, up=True) == 65.0
    assert round_load(60.0, KG, above=60.0) == 62.5
    assert round_load(60.0, KG, below=60.0) == 57.5
    assert pounds(round_load(to_kg(102, LB), LB)) == 100.0
    assert round_load(0.3, KG) == 2.5  # never less than one step


def test_deload_is_60_percent_of_e1rm_with_half_the_reps():
    target = deload_target("Back squat", 100.0, 8, 3)
    assert (target.sets, target.reps, target.weight_kg) == (3, 4, 60.0)


def test_taper_guide():
    races = [race(day(13))]
    assert taper_guide(races, day(0)) is not None and taper_guide(races, day(-1)) is None
    guide = taper_guide(races, day(8))
    assert (guide.first_monday, guide.max_sessions, guide.no_legs_from) == (day(0), 1, day(9))
    assert "no leg work from Wed 2026-03-11" in guide.text()


def test_targets_for_a_session_in_the_editor():
    history = [
        lift(day(0), sets("Back squat", 3, 10, 60.0) + sets("Plank", 2, None, seconds=40)),
        lift(day(3), sets("Back squat", 3, 9, 60.0)),
    ]
    editing = lift(
        day(7),
        sets("Back squat", 3, 8, 60.0)
        + sets("Plank", 2, None, seconds=40)
        + sets("Push-up", 3, 10),
    )
    plan = plan_input(history + [editing])
    targets = targets_for_session(plan, editing, today=day(7))
    assert targets["Back squat"] == Target(
        "Back squat", 3, 10, 60.0, reason="one more rep per set at 60 kg"
    )
    assert targets["Plank"].seconds == 45.0
    assert "Push-up" not in targets  # never done before: no target
    deload = targets_for_session(
        plan_input(history + [editing], phases=phases(w1=Phase.RECOVERY)), editing, today=day(7)
    )
    # e1RM 60 x (1 + 10/30) = 80 kg; 60 % of it is 48 -> 47.5 kg, half of 9 reps.
    assert (deload["Back squat"].weight_kg, deload["Back squat"].reps) == (47.5, 4)


# ---- settings ---------------------------------------------------------------------------


def test_the_runner_profile_changes_defaults_and_round_trips():
    assert PlanSettings().profile == RunnerProfile(
        race=True, new_to_lifting=False, sessions_per_week=2
    )
    one = PlanSettings.for_profile(RunnerProfile(sessions_per_week=1))
    assert (one.min_sessions, one.max_week_sessions) == (1, 3)  # 003: one is better than none
    four = PlanSettings.for_profile(RunnerProfile(sessions_per_week=4, new_to_lifting=True))
    assert (four.min_sessions, four.max_week_sessions, four.beginner_weeks) == (2, 4, 4)
    changed = PlanSettings.for_profile(RunnerProfile(race=False), max_gap_days=12)
    data = changed.to_dict()
    assert data["profile"] == {"race": False, "new_to_lifting": False, "sessions_per_week": 2}
    assert PlanSettings.from_dict(data) == changed
    # Only the changes stored: the profile's defaults apply under them.
    assert PlanSettings.from_dict({"profile": {"sessions_per_week": 1}}).min_sessions == 1
    for bad, field in [
        ({"profile": {"race": "yes"}}, "profile.race"),
        ({"profile": {"sessions_per_week": 7}}, "profile.sessions_per_week"),
        ({"profile": {"colour": 1}}, "profile.colour"),
        ({"profile": 3}, "profile"),
    ]:
        with pytest.raises(ValueError, match=f"^{field}:"):
            PlanSettings.from_dict(bad)


def test_settings_round_trip_and_name_the_bad_field():
    changed = PlanSettings(unit=LB, too_light_reps=15, volume_spike_ratio=1.3)
    assert PlanSettings.from_dict(changed.to_dict()) == changed
    assert PlanSettings.from_dict({}) == PlanSettings()
    for bad, field in [
        ({"too_light_reps": 12.5}, "too_light_reps"),
        ({"max_gap_days": "nine"}, "max_gap_days"),
        ({"unit": "stone"}, "unit"),
        ({"colour": 1}, "colour"),
        ({"min_sessions": -1}, "min_sessions"),
    ]:
        with pytest.raises(ValueError, match=f"^{field}:"):
            PlanSettings.from_dict(bad)


def test_defaults_are_those_of_the_rules_page():
    s = PlanSettings()
    assert (s.too_light_reps, s.too_light_fraction, s.e1rm_weeks) == (12, 0.65, 8)
    assert (s.min_sessions, s.min_sessions_taper, s.min_sessions_recovery, s.max_gap_days) == (
        2,
        1,
        0,
        9,
    )
    assert (s.lift_before_hard_run_hours, s.wait_after_hard_run_hours, s.muscle_rest_hours) == (
        24,
        3,
        48,
    )
    assert (
        s.max_exercises,
        s.max_working_sets,
        s.max_session_minutes,
        s.max_week_sessions,
        s.max_week_minutes,
        s.volume_spike_ratio,
    ) == (6, 18, 60, 3, 120, 1.5)
    assert (
        s.progression_sessions,
        s.progression_weeks,
        s.deload_after_weeks,
        s.light_week_fraction,
    ) == (4, 3, 5, 0.6)
    assert (s.taper_max_sessions, s.taper_no_lower_days, s.race_window_days, s.missed_reps) == (
        1,
        4,
        14,
        3,
    )
    assert (s.rep_range_low, s.rep_range_high, s.overload_fraction) == (8, 10, 0.05)
