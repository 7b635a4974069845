"""The week plan generator: what it puts in a week and where, and a property test: whenever
this test's own search finds a placement with no error and no warning, the generator's plan
has none either."""

from __future__ import annotations

import dataclasses
import datetime as dt
from itertools import permutations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from runstrength_desktop.domain.enums import Phase, RunType, Status
from runstrength_desktop.domain.session import iso_week
from runstrength_desktop.planning import (
    PlanInput,
    PlanSettings,
    RunnerProfile,
    Severity,
    check,
    plan_week,
    week_plan,
)
from tests.planning.plan_builders import MONDAY, day, legs, lift, plan_input, race, run, sets, upper

WEEK = dt.timedelta(days=7)
PLAN_MONDAY = MONDAY + 4 * WEEK  # the week being planned; up to 4 weeks of history before


def lower_sets(w: int):
    return (
        sets("Back squat", 3, 8 + w % 3, 60.0 + 2.5 * (w // 3))
        + sets("Romanian deadlift", 3, 8, 50.0 + 2.5 * w)
        + sets("Standing calf raise", 3, 10, 40.0 + 2.5 * w)
        + sets("Plank", 2, None, seconds=40 + 5 * w)
    )


def upper_sets(w: int):
    return (
        sets("Dumbbell bench press", 3, 8, 20.0 + 2 * w)
        + sets("Dumbbell row", 3, 8, 20.0 + 2 * w)
        + sets("Dead bug", 2, 10 + w)
    )


def history(weeks: int) -> list:
    """Done lower-body (Tuesday) and upper-body (Friday) sessions that progress a little,
    in the `weeks` weeks before the planned one."""
    return [
        lift(MONDAY + w * WEEK + dt.timedelta(days=offset), make(w))
        for w in range(4 - weeks, 4)
        for offset, make in ((1, lower_sets), (4, upper_sets))
    ]


def week_runs(types) -> list:
    return [
        run(PLAN_MONDAY + dt.timedelta(days=i), t, order=0, status=Status.PLANNED)
        for i, t in enumerate(types)
        if t is not None
    ]


def bad_flags(sessions, races=(), phases=None, monday=PLAN_MONDAY, settings=None):
    """Errors and warnings dated in the planned week, judged as of its Monday."""
    plan = plan_input(sessions, races, phases or {})
    found = check(plan, settings or PlanSettings(), monday, monday, monday + dt.timedelta(days=6))
    return [f for f in found if f.severity is not Severity.INFO]


def compliant_placement_exists(base, races, phases, weeks) -> bool:
    """The test's own search: a lower-body and an upper-body session on two days (or, in a
    taper, one full-body or one upper-body session), each after the day's runs. With history
    the sessions repeat the last week's, else they are bodyweight work."""
    plan = plan_input(base, races, phases)
    taper = (
        any(0 <= (r.date - PLAN_MONDAY).days < 14 for r in races)
        or phases.get(iso_week(PLAN_MONDAY)) is Phase.TAPER
    )
    days = [PLAN_MONDAY + dt.timedelta(days=i) for i in range(7)]
    lower, upper_body = (
        (lower_sets(3), upper_sets(3))
        if weeks
        else (
            sets("Air squat", 2, 10) + sets("Single-leg heel raise", 2, 10) + sets("Plank", 2, 10),
            sets("Push-up", 2, 10) + sets("Inverted row", 2, 8) + sets("Dead bug", 2, 10),
        )
    )
    options = [[lower + upper_body], [upper_body]] if taper else [[lower, upper_body]]
    for contents in options:
        for chosen in permutations(days, len(contents)):
            trial = [
                lift(d, entries, order=5, status=Status.PLANNED, minutes=40)
                for d, entries in zip(chosen, contents)
            ]
            if not bad_flags(plan.sessions + trial, races, phases):
                return True
    return False


RUN_TYPES = st.sampled_from(
    [
        None,
        None,
        None,
        RunType.EASY,
        RunType.RECOVERY,
        RunType.LONG,
        RunType.TEMPO,
        RunType.INTERVALS,
        RunType.HILLS,
    ]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    types=st.lists(RUN_TYPES, min_size=7, max_size=7),
    next_monday=st.sampled_from([None, RunType.EASY, RunType.INTERVALS]),
    weeks=st.sampled_from([0, 2, 4]),
    phase=st.sampled_from([None, Phase.BASE, Phase.BUILD, Phase.PEAK, Phase.RECOVERY]),
    race_day=st.one_of(st.none(), st.integers(0, 20)),
)
def test_the_plan_is_clean_whenever_a_clean_placement_exists(
    types, next_monday, weeks, phase, race_day
):
    base = history(weeks) + week_runs(types)
    if next_monday is not None:
        base.append(run(PLAN_MONDAY + WEEK, next_monday, status=Status.PLANNED))
    races = [race(PLAN_MONDAY + dt.timedelta(days=race_day))] if race_day is not None else []
    phases = {iso_week(PLAN_MONDAY): phase} if phase else {}
    planned = plan_week(plan_input(base, races, phases), PLAN_MONDAY, today=PLAN_MONDAY)
    assert planned and all(s.status is Status.PLANNED and s.is_strength for s in planned)
    exists = compliant_placement_exists(base, races, phases, weeks)
    event(f"a compliant placement exists: {exists}")  # --hypothesis-show-statistics
    if exists:
        assert bad_flags(base + planned, races, phases) == []


# ---- what goes in and where ---------------------------------------------------------------


def test_seed_004_runs_get_legs_on_a_tempo_day_and_upper_body_away_from_hard_days():
    runs = week_runs(
        [None, RunType.TEMPO, RunType.EASY, None, RunType.TEMPO, RunType.EASY, RunType.LONG]
    )
    base = history(3) + runs
    plan = week_plan(plan_input(base), PLAN_MONDAY, today=PLAN_MONDAY)
    lower, upper_body = plan.sessions
    assert lower.date.weekday() in (1, 4) and lower.title.startswith("Lower body")
    assert upper_body.date.weekday() not in (0, 3)  # never the day before a tempo
    # After the day's run, and clean: no error, no warning, and one info only: the test's
    # history had no hip work this month, and the plan adds plyometrics first (they take
    # turns).
    assert lower.order > 0
    week = check(
        plan_input(base + plan.sessions),
        PlanSettings(),
        PLAN_MONDAY,
        PLAN_MONDAY,
        PLAN_MONDAY + dt.timedelta(days=6),
    )
    assert [(f.rule, f.message) for f in week] == [
        (
            "injury_prevention",
            "March 2026: 4 weeks of lifting without hip abductor or adductor work.",
        )
    ]
    # Each placement says why it is on its day.
    assert plan.placements[0].reason.startswith(
        f"Legs, calves and core on {lower.date:%a} {lower.date}, after Tempo run: legs on a "
        "hard day after the run"
    )
    assert "not the day before a hard run" in plan.placements[1].reason


def test_loads_come_from_history_and_targets():
    planned = plan_week(plan_input(history(3)), PLAN_MONDAY, today=PLAN_MONDAY)
    squats = [e for s in planned for e in s.sets if e.exercise == "Back squat"]
    # History ends at 62.5 kg x 8 (week 3: 8 + 3 % 3 reps): one more rep at the same load.
    assert {(e.reps, e.weight_kg, e.target_reps) for e in squats} == {(9, 62.5, 9)}
    names = {e.exercise for s in planned for e in s.sets}
    assert {"Standing calf raise", "Dumbbell bench press", "Dumbbell row"} <= names


def test_a_first_timer_gets_bodyweight_work_covering_everything():
    planned = plan_week(plan_input([]), PLAN_MONDAY, today=PLAN_MONDAY)
    entries = [e for s in planned for e in s.sets]
    assert len(planned) == 2 and all(e.weight_kg is None for e in entries)
    assert {e.exercise for e in entries} >= {
        "Air squat",
        "Single-leg heel raise",
        "Push-up",
        "Inverted row",
        "Plank",
    }
    assert bad_flags(planned) == []


def test_a_taper_week_gets_one_session_and_no_legs_near_the_race():
    base = history(4) + week_runs([None, RunType.TEMPO, None, RunType.EASY, None, None, None])
    races = [race(PLAN_MONDAY + dt.timedelta(days=6))]
    planned = plan_week(plan_input(base, races), PLAN_MONDAY, today=PLAN_MONDAY)
    assert len(planned) == 1
    assert (races[0].date - planned[0].date).days > 4 or "Upper" in planned[0].title
    assert bad_flags(base + planned, races) == []


def test_a_recovery_week_gets_deload_loads():
    phases = {iso_week(PLAN_MONDAY): Phase.RECOVERY}
    planned = plan_week(plan_input(history(4), phases=phases), PLAN_MONDAY, today=PLAN_MONDAY)
    squats = [e for s in planned for e in s.sets if e.exercise == "Back squat"]
    # e1RM 60 x (1 + 10/30) = 80 kg (week 2's 10 reps); 60 % is 48 -> 47.5 kg, half of 10.
    assert {(e.reps, e.weight_kg) for e in squats} == {(5, 47.5)}
    assert "deload" in planned[0].title


def test_defect_the_fifth_hard_week_becomes_a_deload_not_the_sixth():
    sessions = [
        s
        for w in range(4)
        for s in (
            lift(MONDAY + w * WEEK + dt.timedelta(days=1), legs(60 + 2.5 * w)),
            lift(MONDAY + w * WEEK + dt.timedelta(days=4), upper()),
        )
    ]
    fifth = MONDAY + 4 * WEEK
    plan = week_plan(plan_input(sessions), fifth, today=fifth)
    assert plan.sessions and all("deload" in s.title for s in plan.sessions)
    assert "the 5th hard week in a row" in plan.summary
    assert bad_flags(sessions + plan.sessions, monday=fifth) == []
    # Not marked as recovery, so not under 65 % of the e1RM (67.5 x 1.27 = 85.5 kg): 57.5 kg,
    # half the reps, half the sets.
    squats = [e for s in plan.sessions for e in s.sets if e.exercise == "Back squat"]
    assert {(e.reps, e.weight_kg) for e in squats} == {(5, 57.5)} and len(squats) == 2


def test_defect_a_bodyweight_deload_week_really_is_lighter():
    """The '(deload)' weeks of bodyweight work were the same as the weeks before."""
    bodyweight = sets("Air squat", 3, 12) + sets("Single-leg heel raise", 2, 12)
    bodyweight += sets("Push-up", 2, 12) + sets("Plank", 2, None, seconds=40)
    sessions = [
        lift(MONDAY + w * WEEK + dt.timedelta(days=d), bodyweight) for w in range(4) for d in (1, 4)
    ]
    fifth = MONDAY + 4 * WEEK
    planned = plan_week(plan_input(sessions), fifth, today=fifth)
    week_sets = sum(len(s.working_sets()) for s in planned)
    assert all("deload" in s.title for s in planned)
    assert week_sets <= 0.6 * 2 * len(bodyweight)
    assert bad_flags(sessions + planned, monday=fifth) == []


def test_defect_the_leg_day_has_single_leg_plyometric_and_hip_work_in_turns():
    """The leg day had only squats, hinges and calves."""
    history_sessions, facts = [], plan_input().facts
    for w in range(2):
        monday = MONDAY + w * WEEK
        planned = plan_week(plan_input(history_sessions), monday, today=monday)
        lower = next(s for s in planned if s.title.startswith("Lower"))
        kinds = {
            k
            for e in lower.sets
            for k in ("single_leg", "plyometric", "hip")
            if getattr(facts(e.exercise), k)
        }
        assert "single_leg" in kinds and len(kinds & {"plyometric", "hip"}) == 1
        history_sessions += [dataclasses.replace(s, status=Status.DONE) for s in planned]
    names = {e.exercise for s in history_sessions for e in s.sets}
    assert any(facts(n).plyometric for n in names) and any(facts(n).hip for n in names)


def test_defect_taper_sessions_keep_the_load_and_drop_the_volume():
    """Taper sessions used to progress (2 x 10 at 77 % of the e1RM)."""
    base = history(3)
    races = [race(PLAN_MONDAY + dt.timedelta(days=13))]
    [taper] = plan_week(plan_input(base, races), PLAN_MONDAY, today=PLAN_MONDAY)
    assert "taper" in taper.title
    kept = 0
    for name in taper.exercise_names():
        before = [e for e in base[-2].sets + base[-1].sets if e.exercise == name]
        if before:
            now = [e for e in taper.sets if e.exercise == name]
            assert {(e.reps, e.seconds, e.weight_kg) for e in now} == {
                (before[0].reps, before[0].seconds, before[0].weight_kg)
            }, name
            assert len(now) < len(before), name
            kept += 1
    assert kept >= 3  # calves, the push and the pull at least


@pytest.mark.parametrize(
    "wanted, titles",
    [
        (1, ["Full body"]),
        (3, ["Full body", "Lower body + calves + core", "Upper body + core"]),
    ],
)
def test_the_sessions_a_week_the_runner_wants(wanted, titles):
    settings = PlanSettings.for_profile(RunnerProfile(sessions_per_week=wanted))
    base = week_runs(
        [None, RunType.TEMPO, RunType.EASY, None, RunType.TEMPO, RunType.EASY, RunType.LONG]
    )
    planned = week_plan(plan_input(base), PLAN_MONDAY, settings, PLAN_MONDAY).sessions
    assert sorted(s.title for s in planned) == titles
    assert bad_flags(base + planned, settings=settings) == []


def test_nothing_when_the_week_has_what_it_needs_and_never_in_the_past():
    done = [lift(day(0), legs()), lift(day(3), upper())]
    assert plan_week(plan_input(done), MONDAY, today=MONDAY) == []
    one = plan_week(plan_input(done[:1]), MONDAY, today=day(2))
    assert len(one) == 1 and one[0].date >= day(2) and "Upper" in one[0].title
    assert plan_week(plan_input([]), MONDAY, today=day(7)) == []


def test_the_plan_saves_into_the_logbook_and_checks_clean(repo):
    monday = PLAN_MONDAY
    for offset, run_type in ((1, RunType.INTERVALS), (3, RunType.TEMPO), (6, RunType.LONG)):
        saved = run(monday + dt.timedelta(days=offset), run_type, status=Status.PLANNED)
        saved.id = None
        repo.save_session(saved)
    planned = plan_week(PlanInput.from_repository(repo), monday, today=monday)
    for session in planned:
        repo.save_session(session)
    stored = [
        s for s in repo.sessions_between(monday, monday + dt.timedelta(days=6)) if s.is_strength
    ]
    assert [(s.date, s.title, len(s.sets)) for s in stored] == [
        (s.date, s.title, len(s.sets)) for s in planned
    ]
    assert all(s.status is Status.PLANNED and s.id for s in stored)
    week = check(
        PlanInput.from_repository(repo),
        PlanSettings(),
        monday,
        monday,
        monday + dt.timedelta(days=6),
    )
    assert [f for f in week if f.severity is not Severity.INFO] == []
