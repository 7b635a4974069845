"""Body weight in the planner: a bodyweight exercise lifts its share of the body weight of
the day (the latest logged on or before it) plus the load added, in the week's volume and
in the e1RM too_light judges a weighted pull-up by; without a body weight logged nothing
changes (domain/body_load.py, planning/calendar.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from runstrength_desktop.domain import BodyWeight, Logbook, SetEntry, Side
from runstrength_desktop.domain.body_load import BODY_SHARES, BodyWeightLog, body_share, moved_kg
from runstrength_desktop.planning import PlanInput, PlanSettings, check
from runstrength_desktop.planning.calendar import Calendar
from tests.planning.plan_builders import CATALOGUE, day, lift, sets

SETTINGS = PlanSettings()


def plan(sessions, weights=()) -> PlanInput:
    return PlanInput(sessions, catalogue=CATALOGUE, body_weights=weights)


def week_volume(plan_input: PlanInput, monday: dt.date) -> float:
    cal = Calendar(plan_input, SETTINGS, day(60), monday, monday + dt.timedelta(days=6))
    return cal.volume[monday]


def test_the_shares_of_the_catalogue_exercises_whose_load_is_the_body():
    share = {name: body_share(CATALOGUE.get(name)) for name in CATALOGUE.names()}
    assert share["Push-up"] == share["Push-up (close grip)"] == 0.64
    assert share["Pull-up"] == share["Pull-up (wide grip)"] == share["Chin-up"] == 1.0
    assert share["Dip"] == 1.0 and share["Air squat"] == pytest.approx(0.878)
    assert share["Walking lunge (bodyweight)"] == share["Reverse lunge"] == share["Air squat"]
    # An assisted or band variant, a dumbbell lunge, a barbell: the load logged is the load.
    for name in ("Pull-up (assisted)", "Pull-up (band)", "Dip (machine)", "Walking lunge"):
        assert share[name] == 0.0, name
    assert share["Back squat"] == share["Lat pulldown"] == 0.0
    # Every family in the table is in the catalogue (a renamed one would drop silently).
    assert set(BODY_SHARES) <= {e.family_name for e in CATALOGUE}
    assert moved_kg(10.0, 1.0, 70.0) == 80.0 and moved_kg(10.0, 1.0, None) == 10.0


def test_push_ups_add_their_share_of_the_body_weight_of_the_day_to_the_weeks_volume():
    week = [lift(day(0), sets("Push-up", 3, 10) + sets("Back squat", 3, 5, 100))]
    assert week_volume(plan(week), day(0)) == 1500  # no body weight: push-ups lift nothing
    # The latest weight on or before the day counts; one logged after it does not.
    weights = [(day(-30), 80.0), (day(-1), 75.0), (day(1), 90.0)]
    assert week_volume(plan(week, weights), day(0)) == pytest.approx(1500 + 0.64 * 75 * 30)
    assert week_volume(plan(week, [(day(1), 90.0)]), day(0)) == 1500
    # Lunges done on each side lift the body on both legs.
    lunges = [lift(day(0), [SetEntry("Reverse lunge", reps=10, side=Side.EACH)])]
    volume = week_volume(plan(lunges, weights), day(0))
    assert volume == pytest.approx(BODY_SHARES["Reverse lunge"] * 75 * 10 * 2)
    # A backup's logbook carries its weights to the planner too.
    book = Logbook(sessions=week, body_weights=[BodyWeight(day(-1), 75.0)])
    from_book = PlanInput.from_logbook(book, list(CATALOGUE))
    assert week_volume(from_book, day(0)) == pytest.approx(1500 + 0.64 * 75 * 30)


def weighted_pull_ups():
    """A heavy week of pull-ups with 20 kg on a belt, then a week with 5 kg for 8."""
    return [
        lift(day(0), sets("Pull-up", 3, 5, 20.0)),
        lift(day(7), sets("Pull-up", 3, 8, 5.0)),
    ]


def test_a_weighted_pull_up_is_judged_by_the_body_it_lifts_not_by_its_belt():
    sessions = weighted_pull_ups()
    # By the belt alone, 5 kg is 21 % of the 23.3 kg "e1RM" of 20 kg x 5: too light.
    light = [f for f in check(plan(sessions), SETTINGS, day(20)) if f.rule == "too_light"]
    assert len(light) == 1 and "Pull-up" in light[0].message
    # With the runner's 70 kg: 75 kg moved is 71 % of the 105 kg of 90 kg x 5.
    weighed = plan(sessions, [(day(-3), 70.0)])
    assert not [f for f in check(weighed, SETTINGS, day(20)) if f.rule == "too_light"]
    cal = Calendar(weighed, SETTINGS, day(20), day(0), day(13))
    assert cal.current_e1rm("Pull-up", day(0), with_body=True) == pytest.approx(90 * 35 / 30)
    assert cal.current_e1rm("Pull-up", day(0)) == pytest.approx(20 * 35 / 30)  # the belt's


def test_a_light_weighted_pull_up_says_its_body_weight_and_the_load_to_add():
    sessions = [
        lift(day(0), sets("Pull-up", 3, 3, 40.0)),  # 110 kg x 3: e1RM 121
        lift(day(7), sets("Pull-up", 3, 5, 2.5)),  # 72.5 kg: 60 % of it
    ]
    light = [
        f
        for f in check(plan(sessions, [(day(0), 70.0)]), SETTINGS, day(20))
        if f.rule == "too_light"
    ]
    assert len(light) == 1
    assert "of its e1RM of 121 kg with 70 kg of body weight" in light[0].message
    # 75 % of 121 kg is 90.75 kg: 20 kg on the belt, body weight aside.
    assert "Pull-up 20 kg added" in light[0].advice


def test_the_repositorys_body_weights_reach_the_check_as_the_cli_reads_it(repo):
    for session in weighted_pull_ups():
        repo.save_session(replace(session, id=None))
    light = check(PlanInput.from_repository(repo), SETTINGS, day(20))
    assert [f.rule for f in light].count("too_light") == 1
    repo.save_body_weight(BodyWeight(day(-3), 70.0))
    weighed = check(PlanInput.from_repository(repo), SETTINGS, day(20))
    assert "too_light" not in [f.rule for f in weighed]


def test_inputs_that_share_their_work_count_each_ones_body_weights():
    """The GUI's planner keeps the sessions' working sets across the inputs it builds; a
    session's volume worked out under other body weights is worked out again."""
    week = [lift(day(0), sets("Push-up", 3, 10))]
    shared: dict = {}
    kept = PlanInput(week, catalogue=CATALOGUE, work=shared)
    assert week_volume(kept, day(0)) == 0
    weights = BodyWeightLog([(day(-1), 75.0)])
    weighed = PlanInput(week, catalogue=CATALOGUE, body_weights=weights, work=shared)
    assert week_volume(weighed, day(0)) == pytest.approx(0.64 * 75 * 30)
    again = PlanInput(week, catalogue=CATALOGUE, body_weights=weights, work=shared)
    assert week_volume(again, day(0)) == pytest.approx(0.64 * 75 * 30)
    assert week_volume(PlanInput(week, catalogue=CATALOGUE, work=shared), day(0)) == 0
