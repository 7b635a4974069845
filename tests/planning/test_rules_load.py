"""too_light, missed_reps and too_much_volume on both sides of their thresholds."""

from __future__ import annotations

import pytest

from runstrength_desktop.domain.enums import Phase, SetType, Status, WeightUnit
from runstrength_desktop.domain.session import SetEntry
from runstrength_desktop.planning import PlanSettings, RunnerProfile, Severity
from tests.planning.plan_builders import day, flags, lift, phases, race, run, sets, upper, weekly

# ---- too_light --------------------------------------------------------------------------


def test_12_reps_is_too_light_and_11_is_not():
    eleven = lift(day(0), sets("Goblet squat", 3, 11, 12.0))
    twelve = lift(day(2), sets("Goblet squat", 3, 12, 12.0))
    found = flags([eleven, twelve], "too_light")
    assert [(f.date, f.session_ids, f.severity) for f in found] == [
        (day(2), (twelve.id,), Severity.WARNING)
    ]


def test_message_names_the_sets_and_says_the_numbers():
    found = flags([lift(day(0), sets("Goblet squat", 3, 15, 12.0))], "too_light")
    assert len(found) == 1
    assert found[0].message == (
        "Light sets on Mon 2026-03-02 (Strength session): Goblet squat 3 x 15 @ 12 kg (12+ reps)."
    )
    assert found[0].source.startswith(
        "The Complete Guide To Weightlifting for Runners, mistake 1: lifting too light"
    )
    assert found[0].week == "2026-W10"


def test_in_pounds_the_message_shows_pounds():
    found = flags(
        [lift(day(0), sets("Goblet squat", 3, 15, 13.6077711))],
        "too_light",
        settings=PlanSettings(unit=WeightUnit.LB),
    )
    assert "Goblet squat 3 x 15 @ 30 lb" in found[0].message


@pytest.mark.parametrize("kg, fires", [(64.5, True), (65.0, False)])
def test_load_under_65_percent_of_the_current_e1rm(kg, fires):
    # 75 kg x 10 is an e1RM of exactly 100 kg (Epley).
    heavy = lift(day(0), sets("Back squat", 1, 10, 75.0))
    light = lift(day(3), sets("Back squat", 3, 8, kg))
    found = flags([heavy, light], "too_light")
    assert bool(found) is fires
    if fires:
        assert "Back squat 3 x 8 @ 64.5 kg (64 % of its e1RM of 100 kg, under 65 %)" in (
            found[0].message
        )
        assert "For 8-10 reps: Back squat 75 kg." in found[0].advice


def test_e1rm_comes_from_the_last_8_weeks_only():
    heavy = lift(day(0), sets("Back squat", 1, 10, 75.0))
    inside = lift(day(55), sets("Back squat", 3, 8, 60.0))  # 8 weeks less a day later
    outside = lift(day(57), sets("Back squat", 3, 8, 50.0))  # e1RM now its own 63 kg
    found = flags([heavy, inside, outside], "too_light")
    assert [f.session_ids for f in found] == [(inside.id,)]


def test_one_flag_per_session_naming_its_exercises_and_sets():
    session = lift(day(0), sets("Goblet squat", 2, 15, 12.0) + sets("Leg press", 3, 20, 40.0))
    found = flags([session], "too_light")
    assert [f.message.split(": ", 1)[1] for f in found] == [
        "Goblet squat 2 x 15 @ 12 kg (12+ reps); Leg press 3 x 20 @ 40 kg (12+ reps)."
    ]


def test_the_issues_example_upper_body_sets_light_by_load_or_reps():
    """One flag naming each exercise and its sets: 2 x 10, 3 x 12 and 3 x 8."""
    heavy = lift(
        day(0),
        sets("Lat pulldown", 1, 8, 60.0)
        + sets("Face pull", 1, 8, 20.0)
        + sets("Triceps pushdown", 1, 8, 30.0),
    )
    light = lift(
        day(3),
        sets("Lat pulldown", 2, 10, 35.0)
        + sets("Face pull", 3, 12, 12.5)
        + sets("Triceps pushdown", 3, 8, 15.0)
        + sets("Dumbbell row", 3, 8, 20.0),
    )
    [found] = flags([heavy, light], "too_light")
    assert found.session_ids == (light.id,)
    assert found.message == (
        "Light sets on Thu 2026-03-05 (Strength session): "
        "Lat pulldown 2 x 10 @ 35 kg (46 % of its e1RM of 76 kg, under 65 %); "
        "Face pull 3 x 12 @ 12.5 kg (12+ reps, 49 % of its e1RM of 25.3 kg, under 65 %); "
        "Triceps pushdown 3 x 8 @ 15 kg (39 % of its e1RM of 38 kg, under 65 %)."
    )


def test_warm_up_ramps_and_drop_sets_are_not_judged():
    """Unmarked ramp sets (under 65 % of the session's top set, before it) are warm-ups;
    a drop set after a heavy set is lighter on purpose (000)."""
    ramp = [
        SetEntry("Back squat", reps=10, weight_kg=20.0),
        SetEntry("Back squat", reps=5, weight_kg=40.0),
        *sets("Back squat", 3, 5, 80.0),
        SetEntry("Back squat", SetType.DROP, reps=12, weight_kg=50.0),
    ]
    assert flags([lift(day(0), ramp)], "too_light") == []
    # The same light sets after the top sets are back-off work, and still not too light
    # while the top set is heavy; 12 reps at the top are.
    high_reps = [*ramp[:2], *sets("Back squat", 3, 12, 50.0)]
    [found] = flags([lift(day(0), high_reps)], "too_light")
    assert "Back squat 3 x 12 @ 50 kg (12+ reps)" in found.message


def test_advice_speaks_to_the_runner_without_runs():
    light = [lift(day(0), sets("Goblet squat", 3, 15, 12.0))]
    [alone] = flags(light, "too_light")
    assert "running" not in alone.advice
    [with_runs] = flags(light + [run(day(1))], "too_light")
    assert "running already builds endurance" in with_runs.advice


@pytest.mark.parametrize(
    "entries",
    [
        sets("Push-up", 3, 20),  # bodyweight
        sets("Russian twist", 3, 20, 5.0),  # core-hold with a ball
        sets("Kettlebell swing", 3, 15, 16.0),  # plyometric
        sets("Back squat", 1, 15, 40.0, kind=SetType.WARMUP),  # a warm-up set
    ],
)
def test_only_loaded_working_sets_of_strength_exercises(entries):
    assert flags([lift(day(0), entries)], "too_light") == []


def test_not_in_recovery_or_taper_weeks():
    light = sets("Goblet squat", 3, 15, 12.0)
    recovery = lift(day(0), light)
    assert flags([recovery], "too_light", week_phases=phases(w0=Phase.RECOVERY)) == []
    before_race = lift(day(0), light)
    assert flags([before_race], "too_light", races=[race(day(13))]) == []
    assert len(flags([before_race], "too_light", races=[race(day(14))])) == 1


def test_plans_count_from_today_and_history_only_when_done():
    light = sets("Goblet squat", 3, 15, 12.0)
    past_plan = lift(day(0), light, status=Status.PLANNED)
    skipped = lift(day(1), light, status=Status.SKIPPED)
    future_plan = lift(day(9), light, status=Status.PLANNED)
    found = flags([past_plan, skipped, future_plan], "too_light", today=day(5))
    assert [f.session_ids for f in found] == [(future_plan.id,)]


# ---- missed_reps ------------------------------------------------------------------------


@pytest.mark.parametrize("reps, fires", [(8, False), (7, True)])
def test_missed_reps_three_short_of_the_target(reps, fires):
    session = lift(
        day(0),
        sets("Back squat", 2, 10, 80.0, target=10) + sets("Back squat", 1, reps, 80.0, target=10),
    )
    found = flags([session], "missed_reps")
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.INFO
        assert "Back squat 1 x 7 @ 80 kg (target 10)" in found[0].message
        assert "Back squat 72.5 kg" in found[0].advice


def test_missed_reps_needs_a_target():
    assert flags([lift(day(0), sets("Back squat", 3, 4, 80.0))], "missed_reps") == []


# ---- too_much_volume ----------------------------------------------------------------------

EXERCISES = [
    "Back squat",
    "Romanian deadlift",
    "Standing calf raise",
    "Push-up",
    "Dumbbell row",
    "Plank",
    "Dead bug",
]


@pytest.mark.parametrize("count, fires", [(6, False), (7, True)])
def test_more_than_6_exercises(count, fires):
    entries = [e for name in EXERCISES[:count] for e in sets(name, 2, 8, 20.0)]
    found = flags([lift(day(0), entries, minutes=50)], "too_much_volume")
    assert bool(found) is fires
    if fires:
        assert "has 7 exercises (at most 6)" in found[0].message


@pytest.mark.parametrize("count, fires", [(18, False), (19, True)])
def test_more_than_18_working_sets(count, fires):
    entries = (
        sets("Back squat", 2, 5, 40.0, kind=SetType.WARMUP)
        + sets("Back squat", 9, 8, 60)
        + sets("Push-up", count - 9, 10)
    )
    found = flags([lift(day(0), entries, minutes=55)], "too_much_volume")
    assert bool(found) is fires
    if fires:
        assert "19 working sets (at most 18)" in found[0].message


@pytest.mark.parametrize("minutes, fires", [(60.0, False), (60.5, True)])
def test_over_60_minutes(minutes, fires):
    found = flags([lift(day(0), minutes=minutes)], "too_much_volume")
    assert bool(found) is fires


@pytest.mark.parametrize("count, fires", [(3, False), (4, True)])
def test_more_than_3_sessions_a_week(count, fires):
    sessions = [lift(day(d), upper(), minutes=25) for d in range(0, 2 * count, 2)]
    found = flags(sessions, "too_much_volume")
    assert bool(found) is fires
    if fires:
        assert found[0].date == day(6) and "4 strength sessions (at most 3)" in found[0].message
        assert found[0].session_ids == tuple(s.id for s in sessions)


def test_too_much_volume_is_one_flag_a_week_naming_its_long_sessions():
    sessions = [
        lift(day(0), upper(), minutes=70),
        lift(day(2), upper(), minutes=45),
        lift(day(4), upper(), minutes=75),
    ]
    [found] = flags(sessions, "too_much_volume")
    assert found.message == (
        "Too much in 2026-W10: Mon 2026-03-02 (Strength session) has 70 min (at most 60); "
        "Fri 2026-03-06 (Strength session) has 75 min (at most 60); the week has 190 min of "
        "strength work (at most 120)."
    )
    assert found.session_ids == tuple(s.id for s in sessions)
    # A timer left running is no duration the rules judge.
    assert flags([lift(day(0), upper(), minutes=822)], "too_much_volume") == []


@pytest.mark.parametrize("last, fires", [(40.0, False), (41.0, True)])
def test_over_120_minutes_a_week(last, fires):
    sessions = [
        lift(day(0), upper(), minutes=40),
        lift(day(2), upper(), minutes=40),
        lift(day(4), upper(), minutes=last),
    ]
    found = flags(sessions, "too_much_volume")
    assert bool(found) is fires
    if fires:
        assert "121 min of strength work (at most 120)" in found[0].message


@pytest.mark.parametrize("kg, fires", [(90.0, False), (90.5, True)])
def test_volume_spike_over_1_5_times_the_4_weeks_before(kg, fires):
    # Four weeks of 2 x (3 x 8 x 60 kg squats) plus the same accessories, then a week whose
    # squats are heavier: 1.5 x happens at 90 kg when the accessories are left out.
    history = weekly(4, entries=lambda: sets("Back squat", 3, 8, 60.0))
    spike = [lift(day(d), sets("Back squat", 3, 8, kg)) for d in (28, 31)]
    found = flags(history + spike, "too_much_volume")
    assert bool(found) is fires
    if fires:
        assert "1.51 x the mean of the 4 lifting weeks before" in found[0].message


def test_no_spike_for_a_beginner_or_after_a_recovery_week():
    beginner = weekly(2, entries=lambda: sets("Back squat", 3, 8, 40.0)) + weekly(
        1, start=day(14), entries=lambda: sets("Back squat", 3, 8, 100.0)
    )
    assert flags(beginner, "too_much_volume") == []
    # Four normal weeks, two deload weeks at a fifth of the volume, then normal again.
    history = weekly(4, entries=lambda: sets("Back squat", 3, 8, 60.0))
    deload = weekly(2, start=day(28), entries=lambda: sets("Back squat", 2, 4, 40.0))
    back = weekly(1, start=day(42), entries=lambda: sets("Back squat", 3, 8, 62.5))
    sessions = history + deload + back
    marked = phases(w4=Phase.RECOVERY, w5=Phase.RECOVERY)
    assert flags(sessions, "too_much_volume", week_phases=marked) == []
    # Unmarked, the light weeks are weeks like any other and the return is a spike (1.7 x).
    assert [f.date for f in flags(sessions, "too_much_volume")] == [day(45)]


def test_defect_a_one_session_taper_week_lighter_than_the_week_before_is_no_spike():
    """Blank weeks counted as zero in the 4-week mean made a light taper week a 'spike'."""
    normal = [lift(day(d), sets("Back squat", 3, 8, 60.0)) for d in (0, 3)]
    back = [lift(day(28 + d), sets("Back squat", 3, 8, 60.0)) for d in (0, 3)]
    taper = [lift(day(35), sets("Back squat", 3, 8, 60.0))]  # 1 session, half the week before
    # Weeks 1-3 are blank; the race is on the Sunday of the week after the taper week.
    found = flags(normal + back + taper, "too_much_volume", races=[race(day(48))])
    assert found == []


# ---- short_session ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entries, minutes, problem",
    [
        (
            sets("Back squat", 3, 8, 60.0)
            + sets("Push-up", 3, 10)
            + sets("Plank", 2, None, seconds=40),
            40,
            "3 exercises (about 6)",
        ),
        (
            [e for n in EXERCISES[:4] for e in sets(n, 1, 8, 20.0)],
            35,
            "4 working sets for 4 exercises (2-3 each)",
        ),
        ([e for n in EXERCISES[:4] for e in sets(n, 2, 8, 20.0)], 25, "25 min (at least 30)"),
        ([e for n in EXERCISES[:4] for e in sets(n, 2, 8, 20.0)], 30, None),
    ],
)
def test_a_whole_session_has_about_6_exercises_of_2_3_sets_and_30_minutes(
    entries, minutes, problem
):
    found = flags([lift(day(0), entries, minutes=minutes)], "short_session")
    assert [f.message.split("(Strength session): ")[1] for f in found] == (
        [problem + "."] if problem else []
    )
    assert all(f.severity is Severity.INFO for f in found)


def test_mini_sessions_taper_and_deload_weeks_are_not_short():
    short = sets("Standing calf raise", 3, 10, 40.0) + sets("Plank", 2, None, seconds=40)
    four = [lift(day(d), short, minutes=20) for d in (0, 2, 4, 6)]  # 002's mini sessions
    assert flags(four, "short_session") == []
    assert flags([lift(day(0), short)], "short_session", races=[race(day(6))]) == []
    assert (
        flags([lift(day(0), short)], "short_session", week_phases=phases(w0=Phase.RECOVERY)) == []
    )


# ---- the runner profile -----------------------------------------------------------------


def test_new_to_lifting_the_first_four_weeks_build_up_instead_of_being_too_light():
    """003 and 004: start with bodyweight and low weights and build up."""
    light = [lift(day(7 * w), sets("Goblet squat", 3, 15, 8.0 + 2 * w)) for w in range(6)]
    beginner = PlanSettings.for_profile(RunnerProfile(new_to_lifting=True))
    assert [(f.week, f.since) for f in flags(light, "too_light", settings=beginner)] == [
        ("2026-W14", None),
        ("2026-W15", None),
    ]
    # Judged as anyone: light every week, said once for March's weeks and once for April's.
    assert [(f.week, f.since) for f in flags(light, "too_light")] == [
        ("2026-W14", day(0)),
        ("2026-W15", None),
    ]


# ---- 002's season ---------------------------------------------------------------------------


def test_too_light_follows_a_build_or_peak_phase():
    """002: strength, then power, then endurance as the target nears."""
    heavy = lift(day(0), sets("Back squat", 3, 5, 100.0))
    fast = lift(day(3), sets("Back squat", 3, 5, 50.0))  # light and few: power work
    endurance = lift(day(10), sets("Goblet squat", 3, 15, 16.0))
    [both] = flags([heavy, fast, endurance], "too_light")  # two weeks in a row: one flag
    assert both.session_ids == (fast.id, endurance.id) and both.since == fast.date
    build, peak = phases(w0=Phase.BUILD), phases(w0=Phase.BUILD, w1=Phase.PEAK)
    assert [
        f.session_ids for f in flags([heavy, fast, endurance], "too_light", week_phases=build)
    ] == [(endurance.id,)]
    assert flags([heavy, fast, endurance], "too_light", week_phases=peak) == []
    # 12+ reps in a build week are still too light, whatever the phase asks.
    many = lift(day(3), sets("Back squat", 3, 12, 50.0))
    assert len(flags([heavy, many], "too_light", week_phases=build)) == 1
