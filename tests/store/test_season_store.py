"""A season plan in the logbook: written in one transaction, written again without a change,
replacing only what an earlier season plan wrote, undone and redone with the same ids; and
the plan kept when it is done, counted against what was done in SQL as in Python."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from runstrength_desktop.domain import Phase, RunType, Session, SessionKind, Status, iso_week
from runstrength_desktop.domain.compliance import fold_weeks, tally_sessions
from runstrength_desktop.domain.season import SEASON_SOURCE
from runstrength_desktop.domain.validation import ValidationError
from runstrength_desktop.interchange.backup_json import dumps_backup, loads_backup
from runstrength_desktop.planning import PlanInput, PlanSettings, Severity, check
from runstrength_desktop.planning.seasonplan import season_from_repository
from runstrength_desktop.store import Repository
from tests.season_builders import history, lift, marathon, run, run_plan, sets

DAY = dt.timedelta(days=1)
WEEK = 7 * DAY
MONDAY = dt.date(2026, 9, 7)  # history from here; the clock is pinned to 2026-12-01
TODAY = dt.date(2026, 11, 2)  # a Monday, after eight weeks of history
RACE_DAY = TODAY + 13 * WEEK + 6 * DAY


@pytest.fixture
def logbook(repo):
    repo.save_sessions(history(MONDAY) + run_plan(TODAY, 15, RACE_DAY))
    race = repo.save_race(marathon(RACE_DAY))
    return repo, race


def planned_season(repo, race, **options):
    return season_from_repository(repo, race, PlanSettings(), TODAY, **options)


def write(repo, season):
    return repo.write_season(
        season.sessions, season.phases, season.first, season.last, list(season.replaced_own)
    )


def test_a_season_is_written_and_judged_from_the_logbook_without_a_warning(logbook):
    repo, race = logbook
    season = planned_season(repo, race)
    written = write(repo, season)
    assert len(written.added) == len(season.sessions) > 25 and not written.removed
    stored = [s for s in repo.sessions_between(season.first, season.last) if s.is_strength]
    assert {(s.source, s.source_key) for s in stored} == {
        (SEASON_SOURCE, s.source_key) for s in season.sessions
    }
    assert repo.season_phase_weeks() == frozenset(season.phases)
    assert repo.week_phases() == season.phases
    plan = PlanInput.from_repository(repo)
    flags = check(plan, PlanSettings(), TODAY, TODAY, season.last)
    assert [f for f in flags if f.severity is not Severity.INFO] == []


def test_a_second_run_changes_nothing(logbook):
    repo, race = logbook
    first = write(repo, planned_season(repo, race))
    before = repo.all_sessions()
    heard = []
    repo.subscribe(heard.append)
    again = write(repo, planned_season(repo, race))
    assert not again and heard == []  # nothing to write, nothing announced
    assert repo.all_sessions() == before
    assert [s.id for s in repo.all_sessions()] == [s.id for s in before]
    assert first


def test_it_replaces_only_what_an_earlier_season_wrote(logbook):
    repo, race = logbook
    write(repo, planned_season(repo, race))
    week = TODAY + 3 * WEEK
    mine = repo.save_session(
        lift(week + 2 * DAY, sets("Goblet squat", 3, 10, 16.0), Status.PLANNED, title="Mine")
    )
    repo.set_week_phase(iso_week(TODAY + 6 * WEEK), Phase.BUILD)  # the runner's now
    done = repo.sessions_between(TODAY, TODAY + 6 * DAY)
    season_lift = next(s for s in done if s.is_strength)
    season_lift.status = Status.DONE  # the runner did the first one
    repo.save_session(season_lift)
    # A week later the plan is made again, from a later day.
    again = planned_season(repo, race)
    result = write(repo, again)
    assert repo.session(mine.id) == mine  # the runner's week is kept
    assert all(s.date < week or s.date > week + 6 * DAY for s in result.added)
    assert repo.week_phases()[iso_week(TODAY + 6 * WEEK)] is Phase.BUILD
    assert repo.session(season_lift.id).status is Status.DONE  # done work stays
    left = [s for s in repo.sessions_between(TODAY, again.last) if s.is_strength]
    planned = [s for s in left if s.status is Status.PLANNED and s.source == SEASON_SOURCE]
    assert sorted((s.date, s.title) for s in planned) == sorted(
        (s.date, s.title) for s in again.sessions
    )
    replaced = planned_season(repo, race, replace_own=True)
    assert replaced.replaced_own == (mine.id,)
    write(repo, replaced)
    assert repo.session(mine.id) is None


def test_undo_and_redo_give_the_logbook_back_with_the_same_ids(logbook):
    repo, race = logbook
    own_phase = iso_week(TODAY + 2 * WEEK)
    repo.set_week_phase(own_phase, Phase.RECOVERY)
    before = (repo.all_sessions(), repo.week_phases(), repo.races())
    written = write(repo, planned_season(repo, race))
    after = (repo.all_sessions(), repo.week_phases(), repo.races())
    repo.undo_season(written)
    assert (repo.all_sessions(), repo.week_phases(), repo.races()) == before
    assert repo.week_phases()[own_phase] is Phase.RECOVERY
    repo.redo_season(written)
    assert (repo.all_sessions(), repo.week_phases(), repo.races()) == after
    assert [s.id for s in repo.all_sessions()] == [s.id for s in after[0]]
    assert repo.season_phase_weeks() == {w for w, _b, a in written.phases if a}


def test_a_race_entered_with_the_plan_is_saved_with_it_and_undone_with_it(repo):
    repo.save_sessions(run_plan(TODAY, 10, TODAY + 9 * WEEK + 6 * DAY))
    race = marathon(TODAY + 9 * WEEK + 6 * DAY)
    season = planned_season(repo, race)
    written = repo.write_season(
        season.sessions, season.phases, season.first, season.last, new_race=race
    )
    assert [r.name for r in repo.races()] == ["Spring marathon"] and written.race.id
    repo.undo_season(written)
    assert repo.races() == [] and not [s for s in repo.all_sessions() if s.is_strength]
    repo.redo_season(written)
    assert repo.races() == [written.race]


def test_a_refused_season_writes_nothing(logbook):
    repo, race = logbook
    season = planned_season(repo, race)
    broken = [*season.sessions, dataclasses.replace(season.sessions[0], duration_min=-5.0)]
    before = repo.all_sessions()
    with pytest.raises(ValidationError, match=r"sessions\[\d+\]\.duration_min"):
        repo.write_season(broken, season.phases, season.first, season.last)
    outside = dataclasses.replace(season.sessions[0], date=season.last + DAY)
    with pytest.raises(ValidationError, match="outside the season"):
        repo.write_season([outside], {}, season.first, season.last)
    assert repo.all_sessions() == before and repo.week_phases() == {}


def test_a_planned_session_saved_as_done_keeps_its_plan(repo):
    planned = repo.save_session(run(TODAY, RunType.TEMPO, Status.PLANNED, 50, km=10.0))
    done = dataclasses.replace(planned, status=Status.DONE, distance_km=11.3)
    saved = repo.save_session(done)
    assert saved.from_plan and saved.planned_km == 10.0 and saved.distance_km == 11.3
    saved.notes = "windy"
    again = repo.save_session(dataclasses.replace(saved, from_plan=False, planned_km=None))
    assert again.from_plan and again.planned_km == 10.0  # the store keeps it
    back = repo.save_session(dataclasses.replace(again, status=Status.PLANNED))
    assert not back.from_plan and back.planned_km is None
    logged = repo.save_session(run(TODAY, RunType.EASY, Status.DONE, 30, km=5.0))
    assert not logged.from_plan
    copy = saved.copy()
    assert not copy.from_plan and copy.planned_km is None and copy.plan_uid == ""


def test_plan_against_done_counts_alike_in_sql_and_in_python(repo):
    """Monday: a planned run done in place; Tuesday: a planned run left, a run logged beside
    it; Wednesday: a planned lift skipped, an unplanned run; today's plan still to come."""
    monday = dt.date(2026, 11, 30)
    today = monday + 2 * DAY
    legs = sets("Back squat", 3, 8, 60.0)
    done_in_place = repo.save_session(run(monday, RunType.TEMPO, Status.PLANNED, 50, km=10.0))
    repo.save_session(dataclasses.replace(done_in_place, status=Status.DONE, distance_km=9.0))
    repo.save_session(run(monday + DAY, RunType.EASY, Status.PLANNED, 40, km=8.0))
    repo.save_session(run(monday + DAY, RunType.EASY, Status.DONE, 45, km=8.5))
    repo.save_session(lift(monday + DAY, legs, Status.PLANNED))
    repo.save_session(lift(monday + 2 * DAY, legs, Status.SKIPPED))
    repo.save_session(run(monday + 2 * DAY, RunType.EASY, Status.DONE, 30, km=5.0))
    repo.save_session(lift(monday + 2 * DAY, [], Status.PLANNED))  # no sets: not counted
    repo.save_session(run(today + DAY, RunType.LONG, Status.PLANNED, 100, km=20.0))
    repo.save_session(lift(today, legs, Status.PLANNED))
    sql = fold_weeks(repo.day_tallies(monday, monday + 6 * DAY, today))
    python = fold_weeks(tally_sessions(repo.sessions_between(monday, monday + 6 * DAY), today))
    assert sql == python
    week = sql[monday]
    assert (week.planned_runs, week.done_runs) == (3, 2)
    assert week.planned_km == pytest.approx(38.0) and week.done_km == pytest.approx(22.5)
    assert (week.planned_strength, week.done_strength) == (3, 0)
    assert week.skipped == 2 and week.ahead == 2 and week.extra == 1
    assert week.share_done == pytest.approx(2 / 4)


def test_the_backup_keeps_who_set_a_phase_and_the_plan_a_session_fulfilled(logbook, tmp_path):
    repo, race = logbook
    write(repo, planned_season(repo, race))
    planned = repo.sessions_between(TODAY, TODAY + DAY)
    repo.save_session(dataclasses.replace(planned[0], status=Status.DONE))
    repo.save_session(
        Session(TODAY, SessionKind.RUN, Status.PLANNED, plan_uid="abc@coach", distance_km=8)
    )
    text = dumps_backup(repo.export_logbook())
    other = Repository.open(tmp_path / "other.sqlite")
    try:
        other.import_logbook(loads_backup(text, other.catalogue()), replace=True)
        assert other.all_sessions() == repo.all_sessions()
        assert other.season_phase_weeks() == repo.season_phase_weeks()
        assert dumps_backup(other.export_logbook()) == text
    finally:
        other.close()
