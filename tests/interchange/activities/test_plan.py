"""Which runs an import writes: each activity once whichever file brings it, a planned run
on the same day completed (keeping its type unless the file clearly says otherwise), the
week's distance for long runs, and load for the chart."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.domain import Race, RunType, Session, SessionKind, Status
from runstrength_desktop.domain.metrics import load_of
from runstrength_desktop.interchange.activities import import_activities, plan_activities
from tests.interchange.activities.activity_fixtures import gpx, intervals_tcx, straight_run

START = dt.datetime(2026, 11, 3, 6, 30, tzinfo=dt.UTC)
DAY = START.date()


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("RUNSTRENGTH_TZ", "UTC")


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_same_run_from_another_file_a_minute_later_is_not_imported_twice(repo, tmp_path):
    import_activities(repo, write(tmp_path, "watch.tcx", intervals_tcx(START)))
    later = START + dt.timedelta(seconds=70)  # Strava's GPX of it starts a little later
    report = import_activities(repo, write(tmp_path, "strava.gpx", gpx(straight_run(later, 40))))
    assert (report.runs, report.duplicates_skipped) == (0, 1)
    other = START + dt.timedelta(minutes=30)
    assert import_activities(repo, write(tmp_path, "b.gpx", gpx(straight_run(other, 20)))).runs == 1


def test_a_planned_run_is_completed_by_the_file_and_keeps_its_type(repo, tmp_path):
    planned = repo.save_session(
        Session(DAY, SessionKind.RUN, Status.PLANNED, title="Easy 6", run_type=RunType.EASY)
    )
    report = import_activities(repo, write(tmp_path, "a.gpx", gpx(straight_run(START, 35))))
    assert (report.runs, report.matched_planned) == (0, 1)
    (done,) = repo.all_sessions()
    assert done.id == planned.id and done.status is Status.DONE and done.title == "Easy 6"
    assert done.distance_km == pytest.approx(7.0, rel=0.01) and done.source == "gpx"
    assert done.run_type is RunType.EASY
    assert done.run_type_reason == "planned as easy; no sign of hard work in the file"
    again = import_activities(repo, write(tmp_path, "a.gpx", gpx(straight_run(START, 35))))
    assert (again.matched_planned, again.duplicates_skipped) == (0, 1)


def test_a_planned_run_takes_the_files_type_when_the_file_clearly_says_otherwise(repo, tmp_path):
    repo.save_session(Session(DAY, SessionKind.RUN, Status.PLANNED, run_type=RunType.EASY))
    import_activities(repo, write(tmp_path, "reps.tcx", intervals_tcx(START)))
    (done,) = repo.all_sessions()
    assert done.run_type is RunType.INTERVALS
    assert done.run_type_reason.startswith("planned as easy, but the file says intervals")


def test_a_guess_never_overrides_the_plan(repo, tmp_path):
    repo.save_session(Session(DAY, SessionKind.RUN, Status.PLANNED, run_type=RunType.TEMPO))
    import_activities(repo, write(tmp_path, "long.gpx", gpx(straight_run(START, 100))))
    (done,) = repo.all_sessions()
    assert done.run_type is RunType.TEMPO
    assert "kept; the file alone suggests long" in done.run_type_reason


def test_a_race_in_the_calendar_makes_the_days_run_a_race(repo, tmp_path):
    repo.save_race(Race(DAY, "Autumn 10K", 10.0))
    import_activities(repo, write(tmp_path, "r.gpx", gpx(straight_run(START, 40, 250))))
    (run,) = repo.all_sessions()
    assert run.run_type is RunType.RACE and "Autumn 10K" in run.run_type_reason
    assert run.is_hard_run


def test_the_week_in_the_logbook_counts_for_a_long_run(repo, tmp_path):
    for offset in (1, 2, 3):  # Wednesday to Friday of the same week
        repo.save_session(
            Session(DAY + dt.timedelta(days=offset), SessionKind.RUN, Status.DONE, distance_km=6)
        )
    import_activities(repo, write(tmp_path, "l.gpx", gpx(straight_run(START, 60, 250))))
    recorded = next(s for s in repo.all_sessions() if s.source)
    assert recorded.run_type is RunType.LONG and "of the week's" in recorded.run_type_reason


def test_imported_runs_carry_an_estimated_load(repo, tmp_path):
    import_activities(repo, write(tmp_path, "h.gpx", gpx(straight_run(START, 40, hr=155))))
    (run,) = repo.all_sessions()
    load = load_of(run)
    assert load.estimated and load.basis == "heart rate" and 150 < load.value < 250
    run.rpe = 5
    assert load_of(run).value == pytest.approx(200) and not load_of(run).estimated


def test_a_dry_run_writes_nothing_and_a_cancel_neither(repo, tmp_path):
    path = write(tmp_path, "a.gpx", gpx(straight_run(START, 30)))
    assert import_activities(repo, path, dry_run=True).runs == 1
    assert repo.all_sessions() == []
    from runstrength_desktop.interchange.records import ImportCancelled

    def cancel(done, total, name):
        raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        plan_activities(repo, tmp_path, progress=cancel)
    assert repo.all_sessions() == []
