"""A season to a race (planning/seasonplan.py): fourteen weeks of strength work planned
around a runner's planned runs, from eight weeks of history or from none, judged by the
rules as the logbook will hold it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from runstrength_desktop.domain import Phase, Status, iso_week, monday_of
from runstrength_desktop.domain.metrics import set_volume
from runstrength_desktop.domain.season import SEASON_SOURCE
from runstrength_desktop.planning import PlanSettings, Severity, check
from runstrength_desktop.planning.season import season_weeks
from runstrength_desktop.planning.seasonplan import SeasonError, plan_season
from tests.planning.plan_builders import MONDAY, lift, plan_input
from tests.planning.plan_builders import race as make_race
from tests.season_builders import history as eight_weeks
from tests.season_builders import run_plan

DAY = dt.timedelta(days=1)
WEEK = 7 * DAY
START = MONDAY + 8 * WEEK  # 2026-W18, after 8 weeks of history
RACE = make_race(START + 13 * WEEK + 6 * DAY, "Spring marathon", 42.2)  # Sunday of week 14


def history() -> list:
    return eight_weeks(MONDAY)


def season_of(sessions, race=RACE, start=START, **options):
    return plan_season(plan_input(sessions, [race]), race, PlanSettings(), start, **options)


@pytest.fixture(scope="module")
def season():
    runs = run_plan(START, 15, RACE.date)
    planned = season_of(history() + runs)
    return planned, history() + runs


def judged(planned, logbook, race=RACE, start=START):
    """The flags of the logbook with the season in it, as of its first day."""
    plan = plan_input(logbook + planned.sessions, [race], planned.phases)
    return check(plan, PlanSettings(), start, start, planned.last)


def strength_by_week(planned) -> dict:
    return {w.monday: w.sessions for w in planned.weeks}


def test_fourteen_weeks_to_the_race_and_a_recovery_week_after_it(season):
    planned, _ = season
    assert len(planned.weeks) == 15
    assert planned.weeks[0].monday == START and planned.weeks[-2].monday == monday_of(RACE.date)
    phases = [w.phase for w in planned.weeks]
    assert phases[-3:] == [Phase.TAPER, Phase.TAPER, Phase.RECOVERY]
    order = [p for p in phases if p in (Phase.BASE, Phase.BUILD, Phase.PEAK)]
    assert order == sorted(order, key=[Phase.BASE, Phase.BUILD, Phase.PEAK].index)  # 002
    assert {Phase.BASE, Phase.BUILD, Phase.PEAK} <= set(phases)
    for week in planned.weeks:
        assert week.phase_reason and all(p.reason for p in week.placements)
        for session in week.sessions:
            assert session.source == SEASON_SOURCE and session.status is Status.PLANNED
            assert session.id is None and session.source_key.startswith(session.date.isoformat())


def test_check_raises_no_error_or_warning_over_the_season(season):
    planned, logbook = season
    bad = [f for f in judged(planned, logbook) if f.severity is not Severity.INFO]
    assert bad == []


def test_two_or_three_sessions_a_week_then_one_in_each_taper_week_and_none_at_the_end(season):
    planned, _ = season
    for week in planned.weeks[:-3]:
        assert 2 <= len(week.sessions) <= 3, week.week
    for week in planned.weeks[-3:-1]:  # the last two weeks before the race
        assert len(week.sessions) == 1, week.week
    for session in planned.sessions:
        assert not RACE.date - 4 * DAY <= session.date <= RACE.date, session.date


def test_a_lighter_week_by_every_fifth(season):
    planned, logbook = season
    done = [s for s in logbook if s.is_strength]
    hard_in_a_row = 3  # the history's last weeks: deload in its 5th, then three hard weeks
    weeks = [w for w in planned.weeks if w.monday < monday_of(RACE.date) - WEEK]
    for index, week in enumerate(weeks):
        work = [e for s in week.sessions for e in s.working_sets()]
        if week.phase is Phase.RECOVERY:
            before = [w for w in weeks[:index] if w.phase is not Phase.RECOVERY][-2:] or None
            earlier = (
                [e for w in before for s in w.sessions for e in s.working_sets()]
                if before
                else [e for s in done[-4:] for e in s.working_sets()]
            )
            per_week = len(earlier) / (len(before) if before else 2)
            assert len(work) <= 0.6 * per_week, week.week  # 000: half the work
            assert all("deload" in s.title for s in week.sessions)
            hard_in_a_row = 0
        else:
            hard_in_a_row += 1
            assert hard_in_a_row <= 4, week.week  # the 5th week at the latest is lighter


def test_the_main_lower_body_lift_gets_heavier_through_the_build(season):
    planned, _ = season

    def squat(week) -> float:
        return max(
            (e.weight_kg or 0) for s in week.sessions for e in s.sets if e.exercise == "Back squat"
        )

    build = [w for w in planned.weeks if w.phase is Phase.BUILD]
    base = [w for w in planned.weeks if w.phase is Phase.BASE]
    assert len(build) >= 3
    loads = [squat(w) for w in build]
    assert loads == sorted(loads) and loads[-1] > loads[0]
    assert loads[0] >= max(squat(w) for w in base)  # and it started from the base's
    # 002's emphasis: jumps on every build leg day, 15 reps in the peak.
    for week in build:
        legs = [s for s in week.sessions if "Lower" in s.title]
        assert legs and all(any("jump" in e.exercise.lower() for e in s.sets) for s in legs)
    for week in (w for w in planned.weeks if w.phase is Phase.PEAK):
        reps = {e.reps for s in week.sessions for e in s.sets if e.exercise == "Back squat"}
        assert reps == {15}


def test_a_second_run_changes_nothing(season):
    planned, logbook = season
    written = [dataclasses.replace(s, id=1000 + i) for i, s in enumerate(planned.sessions)]
    again = plan_season(
        plan_input(logbook + written, [RACE], planned.phases),
        RACE,
        PlanSettings(),
        START,
        season_phases=frozenset(planned.phases),
    )
    assert again.sessions == planned.sessions
    assert again.phases == planned.phases
    assert [p.reason for w in again.weeks for p in w.placements] == [
        p.reason for w in planned.weeks for p in w.placements
    ]


def test_from_an_empty_history_it_starts_light_and_reaches_loaded_work():
    start = MONDAY + 2 * DAY  # a Wednesday
    race = make_race(MONDAY + 13 * WEEK + 6 * DAY, "Autumn half", 21.1)
    runs = run_plan(start, 15, race.date)
    planned = season_of(runs, race, start)
    weeks = [w for w in planned.weeks if w.sessions]
    first = [e for s in weeks[0].sessions for e in s.working_sets()]
    assert first and not any(e.weight_kg for e in first)  # 004: bodyweight first
    loaded = [
        i
        for i, w in enumerate(weeks)
        if any(e.weight_kg for s in w.sessions for e in s.working_sets())
    ]
    assert loaded and loaded[0] <= 3
    squats = [
        max(e.weight_kg for s in w.sessions for e in s.sets if e.exercise == "Goblet squat")
        for w in weeks
        if w.phase in (Phase.BASE, Phase.BUILD)
        and any(e.exercise == "Goblet squat" and e.weight_kg for s in w.sessions for e in s.sets)
    ]
    assert len(squats) >= 3 and squats[-1] > squats[0]
    bad = [f for f in judged(planned, runs, race, start) if f.severity is not Severity.INFO]
    assert bad == []


def test_weeks_the_runner_planned_and_phases_the_runner_set_are_kept():
    runs = run_plan(START, 15, RACE.date)
    mine = lift(START + 2 * WEEK + 2 * DAY, status=Status.PLANNED, title="My legs")
    given = {iso_week(START + 5 * WEEK): Phase.RECOVERY}
    planned = plan_season(
        plan_input(history() + runs + [mine], [RACE], given), RACE, PlanSettings(), START
    )
    kept = planned.weeks[2]
    assert kept.kept == (mine,) and kept.sessions == [] and "yourself" in kept.summary
    assert planned.weeks[5].phase is Phase.RECOVERY and planned.weeks[5].given
    assert iso_week(START + 5 * WEEK) not in planned.phases  # the runner's: not written
    replaced = plan_season(
        plan_input(history() + runs + [mine], [RACE], given),
        RACE,
        PlanSettings(),
        START,
        replace_own=True,
    )
    assert replaced.replaced_own == (mine.id,) and replaced.weeks[2].sessions


def test_the_race_must_come_after_the_start():
    with pytest.raises(SeasonError, match="before"):
        season_of([], make_race(START - DAY), START)


@pytest.mark.parametrize("weeks", [1, 2, 3, 5, 8, 10, 14, 20, 26])
@pytest.mark.parametrize("hard_before", [0, 2, 4, 7])
def test_the_phases_of_any_season(weeks, hard_before):
    race = make_race(START + (weeks - 1) * WEEK + 5 * DAY)
    layout = season_weeks(START, race, PlanSettings(), hard_before=hard_before)
    assert len(layout) == weeks + 1
    assert layout[-1].phase is Phase.RECOVERY and "after" in layout[-1].reason
    tapers = [c for c in layout if c.phase is Phase.TAPER]
    assert len(tapers) == min(2, weeks)
    run = min(hard_before, 4)
    for choice in layout[:-1]:
        run = run + 1 if choice.phase in (Phase.BASE, Phase.BUILD, Phase.PEAK) else 0
        assert run <= 4, (weeks, hard_before, choice)
    training = [c.phase for c in layout if c.phase in (Phase.BASE, Phase.BUILD, Phase.PEAK)]
    assert training == sorted(training, key=[Phase.BASE, Phase.BUILD, Phase.PEAK].index)
    before_taper = [c for c in layout if c.phase is not Phase.TAPER][: -1 or None]
    if weeks >= 6 and before_taper:
        assert layout[len(layout) - 4].phase is not Phase.RECOVERY  # none just before taper


def test_volume_stays_below_a_spike_in_the_peak(season):
    planned, _logbook = season
    volume = {
        w.monday: sum(set_volume(e) for s in w.sessions for e in s.working_sets())
        for w in planned.weeks
    }
    for week in planned.weeks:
        if week.phase is Phase.PEAK:
            normal = [
                volume[w.monday]
                for w in planned.weeks
                if w.phase in (Phase.BASE, Phase.BUILD) and w.monday < week.monday
            ][-4:]
            assert volume[week.monday] <= 1.5 * sum(normal) / len(normal)
