"""The real files of ../shared/data/runs/ (README there): every running file imports as the
README's distance (within 1 %) and duration, other sports are listed and not imported, the
damaged files get their message, and importing again adds nothing."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from runstrength_desktop.domain import SessionKind
from runstrength_desktop.interchange.activities import import_activities
from runstrength_desktop.interchange.records import ImportProblem
from tests.helpers import shared_path

RUNS = shared_path("data", "runs")
pytestmark = pytest.mark.skipif(not RUNS.is_dir(), reason="shared run files not present")

# file: (distance m, elapsed s, timer or moving s), as the README gives them.
RUNNING = {
    "garmin-fenix-5-run.fit": (157.56, 56.887, 56.887),
    "activity-small-fenix2-run.fit": (9008.22, 2832, 2832),
    "2013-02-06-12-11-14.fit": (4835.38, 2625.14, 2625.14),
    "compressed-speed-distance.fit": (10248.67, 3883.273, 3772.75),
    "Garmin920_withFirstbeat.fit": (7278.71, 2124.084, 2124.084),
    "Move_2020_01_15_19_27_16_Running.fit": (2338, 1480.259, 1480.259),
    "10kUNLP2014-Garmin15.fit": (10010.82, 2223.803, 2223.803),
    "3386684871.fit.gz": (4922.73, 1440.668, 1440.668),
    "test.tcx": (4689.24, 1992, 1992.78),
    "10kUNLP2014-Garmin15.tcx": (10010.82, 2224, 2223.803),
    "1025417046.gpx": (2855.8, 2040, 1867),
    "329539007.gpx": (5248.7, 3335, 3159),
    "strava-export-archipelagic/activities/638693618.gpx": (7826.9, 2271, 2271),
    "strava-export-archipelagic/activities/668551054.gpx": (8033.3, 3197, 3083),
    "strava-export-archipelagic/activities/1009074316.gpx": (94953.5, 57865, 47706),
}
OTHER_SPORTS = {
    "garmin-fenix-5-bike.fit": "cycling",
    "garmin-fenix-5-walk.fit": "walking",
    "14582164182.fit.gz": "cycling",
    "sup_activity_1.tcx": "other",
    "strava-export-archipelagic/activities/895988668.gpx": "ride",
    "strava-export-archipelagic/activities/3163073099.gpx": "hike",
}


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("RUNSTRENGTH_TZ", "UTC")


def _only_run(repo):
    (run,) = [s for s in repo.all_sessions() if s.kind is SessionKind.RUN]
    return run


@pytest.mark.parametrize("name", sorted(RUNNING))
def test_every_running_file_imports_with_the_readmes_distance_and_duration(repo, name):
    distance, elapsed, moving = RUNNING[name]
    report = import_activities(repo, RUNS / name)
    assert report.runs == 1 and not report.skipped
    run = _only_run(repo)
    assert run.distance_km * 1000 == pytest.approx(distance, rel=0.01)
    assert run.duration_min * 60 == pytest.approx(moving, rel=0.01, abs=1)
    assert run.elapsed_min * 60 == pytest.approx(elapsed, rel=0.01, abs=1)
    assert run.source_file == name.rsplit("/", 1)[-1] and run.run_type and run.run_type_reason
    again = import_activities(repo, RUNS / name)
    assert (again.runs, again.duplicates_skipped) == (0, 1)
    assert len(repo.all_sessions()) == 1


@pytest.mark.parametrize("name", sorted(OTHER_SPORTS))
def test_other_sports_are_counted_and_not_imported(repo, name):
    report = import_activities(repo, RUNS / name)
    assert report.runs == 0 and report.not_runs == {OTHER_SPORTS[name]: 1}
    assert repo.all_sessions() == []


def test_the_triathlon_brings_its_running_leg_only(repo):
    report = import_activities(repo, RUNS / "sample_mulitple_header.fit")
    assert report.not_runs == {"swimming": 1, "transition": 2, "cycling": 1}
    run = _only_run(repo)
    assert run.start_utc == dt.datetime(2018, 5, 27, 9, 23, 41, tzinfo=dt.UTC)
    assert run.start == dt.time(11, 23)  # the watch's own local time (UTC+2)
    assert run.duration_min * 60 == pytest.approx(2850.694)
    assert run.distance_km == pytest.approx(9.80592)
    assert len(run.laps) == 1


def test_laps_heart_rate_and_local_time_come_from_the_fit_file(repo):
    import_activities(repo, RUNS / "2013-02-06-12-11-14.fit")
    run = _only_run(repo)
    assert [lap.distance_km for lap in run.laps] == [1.0, 1.0, 1.0, 1.0, 0.83538]
    assert [lap.trigger for lap in run.laps][-1] == "manual"
    assert run.laps[0].avg_hr == 146 and run.avg_hr == 147 and run.max_hr == 171
    assert run.elevation_gain_m == 168
    import_activities(repo, RUNS / "Garmin920_withFirstbeat.fit")
    stryd = repo.sessions_between(dt.date(2019, 1, 1), dt.date(2019, 1, 1))[0]
    assert stryd.title == "Stryd Running" and stryd.start == dt.time(16, 37)


def test_a_file_without_absolute_times_is_dated_by_its_local_timestamp(repo):
    import_activities(repo, RUNS / "compressed-speed-distance.fit")
    run = _only_run(repo)
    assert run.start_utc is None and run.date == dt.date(2012, 2, 13)
    assert len(run.laps) == 11 and run.avg_hr == 170


def test_heart_rate_from_records_when_the_session_has_none(repo):
    import_activities(repo, RUNS / "Move_2020_01_15_19_27_16_Running.fit")
    assert _only_run(repo).avg_hr == pytest.approx(94.6, abs=0.1)


@pytest.mark.parametrize(
    "name, message",
    [
        ("activity-unexpected-eof.fit", "truncated: the file ends early"),
        ("activity-settings-corruptheader.fit", "a damaged FIT header"),
    ],
)
def test_damaged_files_get_their_message_and_keep_what_came_before(repo, name, message):
    report = import_activities(repo, RUNS / name)
    assert report.warnings == [(name, f"{message}; what came before the damage was kept")]
    run = _only_run(repo)
    assert run.duration_min * 60 == pytest.approx(13.749)
    assert run.distance_km * 1000 == pytest.approx(5.73)


def test_a_file_cut_before_its_summary_is_rebuilt_from_its_records(repo, tmp_path):
    data = (RUNS / "2013-02-06-12-11-14.fit").read_bytes()
    cut = tmp_path / "cut.fit"
    cut.write_bytes(data[: len(data) * 2 // 3])
    report = import_activities(repo, cut)
    assert "rebuilt from its records" in report.warnings[0][1]
    run = _only_run(repo)
    assert 2.0 < run.distance_km < 4.8 and run.date == dt.date(2013, 2, 6)


def test_a_single_unreadable_file_is_an_import_problem(repo, tmp_path):
    bad = tmp_path / "header.fit"
    bad.write_bytes((RUNS / "activity-unexpected-eof.fit").read_bytes()[:10])
    with pytest.raises(ImportProblem, match=r"header\.fit: .*nothing was imported"):
        import_activities(repo, bad)
    assert repo.all_sessions() == []


def test_the_strava_export_imports_its_running_rows_whole(repo):
    folder = RUNS / "strava-export-archipelagic"
    report = import_activities(repo, folder)
    assert (report.files, report.runs) == (7, 3)
    assert report.not_runs == {"ride": 2, "hike": 1} and not report.skipped
    runs = repo.all_sessions()
    assert sum(r.elapsed_min * 60 for r in runs) == pytest.approx(63333, abs=1)
    assert sum(r.distance_km * 1000 for r in runs) == pytest.approx(111615.5, abs=1)
    maxi = next(r for r in runs if r.title == "Maxi Race")
    assert maxi.run_type.value == "race" and "Race" in maxi.run_type_reason
    assert maxi.source == "strava" and maxi.elevation_gain_m == pytest.approx(5265.01)
    # The export again: nothing new (the loose files again: test_the_whole_folder...).
    assert import_activities(repo, folder).duplicates_skipped == 3


def test_the_strava_export_as_a_zip(repo, tmp_path):
    archive = shutil.make_archive(
        str(tmp_path / "export"), "zip", RUNS, "strava-export-archipelagic"
    )
    report = import_activities(repo, archive)
    assert report.runs == 3 and report.not_runs == {"ride": 2, "hike": 1}


def test_the_garmin_connect_list_imports_its_running_rows_whole(repo):
    report = import_activities(repo, RUNS / "garmin-connect-kostaskes" / "Activities.csv")
    assert report.runs == 673
    assert report.not_runs["walking"] == 587 and report.not_runs["strength training"] == 339
    runs = repo.all_sessions()
    assert sum(r.distance_km for r in runs) == pytest.approx(5099.59, abs=0.01)
    assert sum(r.duration_min * 60 for r in runs) == pytest.approx(1798748, abs=1)
    first = min(runs, key=lambda r: (r.date, r.start))
    assert (first.date, first.start) == (dt.date(2019, 1, 24), dt.time(18, 30))
    again = import_activities(repo, RUNS / "garmin-connect-kostaskes" / "Activities.csv")
    assert again.runs == 0 and again.duplicates_skipped == 673


def test_the_whole_folder_once_then_nothing_new(repo):
    report = import_activities(repo, RUNS)
    assert report.runs == 689  # 673 Garmin rows, 3 Strava, 13 files
    assert report.duplicates_skipped == 2  # the 10 km race as FIT and TCX; the two samples
    assert {f for f, _ in report.warnings} == {
        "activity-unexpected-eof.fit",
        "activity-settings-corruptheader.fit",
    }
    assert {f for f, _ in report.skipped} == {
        "README.md",
        "compressed-speed-distance-records.csv",
        "garmin-fenix-5-run-records.csv",
    }
    again = import_activities(repo, RUNS)
    assert again.runs == 0 and again.duplicates_skipped == 691
