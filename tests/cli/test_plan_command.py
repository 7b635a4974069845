"""`plan`: a season to a race from the command line, shown (--dry-run, --json) or written, and
exit code 2 with a message when there is no race to plan to or it is in the past."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from runstrength_desktop import clock
from runstrength_desktop.cli import main
from runstrength_desktop.domain.season import SEASON_SOURCE
from runstrength_desktop.store import Repository
from tests.season_builders import history, marathon, run_plan

DAY = dt.timedelta(days=1)
WEEK = 7 * DAY


@pytest.fixture
def logbook(db_path):
    """Eight weeks of history before today (the pinned clock), a marathon plan's runs and
    its race in 14 weeks."""
    today = clock.today()
    monday = today - dt.timedelta(days=today.weekday())
    race_day = monday + 13 * WEEK + 6 * DAY
    repo = Repository.open(db_path)
    try:
        repo.save_sessions(history(monday - 8 * WEEK) + run_plan(today, 15, race_day))
        repo.save_race(marathon(race_day))
    finally:
        repo.close()
    return db_path, race_day


def season_sessions(db_path):
    repo = Repository.open(db_path)
    try:
        return [s for s in repo.all_sessions() if s.source == SEASON_SOURCE]
    finally:
        repo.close()


def test_a_dry_run_shows_the_season_as_json_and_writes_nothing(logbook, capsys):
    db_path, race_day = logbook
    assert main(["--db", str(db_path), "plan", "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["race"]["date"] == race_day.isoformat() and out["written"] is None
    weeks = out["weeks"]
    assert len(weeks) == 15 and {"week", "phase", "sessions"} <= set(weeks[0])
    assert [w["phase"] for w in weeks[-3:]] == ["taper", "taper", "recovery"]
    session = weeks[1]["sessions"][0]
    assert {"date", "title", "reason", "exercises"} <= set(session)
    assert session["exercises"][0]["exercise"] and session["exercises"][0]["text"]
    assert season_sessions(db_path) == []


def test_it_writes_the_season_and_a_second_run_changes_nothing(logbook, capsys):
    db_path, _race_day = logbook
    assert main(["--db", str(db_path), "plan"]) == 0
    out = capsys.readouterr().out
    assert "Season to Spring marathon" in out and "taper" in out and "written:" in out
    first = season_sessions(db_path)
    assert len(first) > 25
    assert main(["--db", str(db_path), "plan", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["written"] == {"added": 0, "changed": 0, "removed": 0, "phases": 0}
    second = season_sessions(db_path)
    assert second == first and [s.id for s in second] == [s.id for s in first]


def test_a_day_without_a_race_adds_the_race_with_the_season(db_path, capsys):
    day = clock.today() + 10 * WEEK
    args = ["--db", str(db_path), "plan", "--race", day.isoformat(), "--name", "Town 10K"]
    assert main([*args, "--km", "10"]) == 0
    repo = Repository.open(db_path)
    try:
        assert [(r.date, r.name, r.distance_km) for r in repo.races()] == [(day, "Town 10K", 10)]
        assert repo.week_phases()
    finally:
        repo.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "no race in the logbook"),
        (["--race", "2020-05-03"], "in the past"),
        (["--race", "tomorrow"], "--race"),
        (["--from", "2020-01-01"], "--from"),
    ],
)
def test_no_race_to_plan_to_is_exit_2_with_a_message(db_path, capsys, args, message):
    assert main(["--db", str(db_path), "plan", *args]) == 2
    assert message in capsys.readouterr().err
    repo = Repository.open(db_path)
    try:
        assert repo.all_sessions() == [] and repo.week_phases() == {}
    finally:
        repo.close()


def test_a_race_before_from_is_in_the_past(logbook, capsys):
    db_path, race_day = logbook
    later = race_day + DAY
    assert main(["--db", str(db_path), "plan", "--from", later.isoformat()]) == 2
    assert "no race in the logbook" in capsys.readouterr().err
    args = ["--db", str(db_path), "plan", "--race", race_day.isoformat()]
    assert main([*args, "--from", later.isoformat()]) == 2
    assert "in the past" in capsys.readouterr().err
