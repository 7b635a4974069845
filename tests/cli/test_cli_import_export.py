"""`import` of Strong, Hevy and FitNotes files and `export --format csv|ics` on the command line."""

from __future__ import annotations

import json

from runstrength_desktop.cli import main
from runstrength_desktop.store import Repository

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
    "2021-02-10 16:46:13,Legs,1h,Squat (Barbell),1,100,5,0,0,,,\n"
    "2021-02-10 16:46:13,Legs,1h,Squat (Barbell),2,100,five,0,0,,,\n"
    "2021-02-10 16:46:13,Legs,1h,Squat (Barbell),Rest Timer,0,0,0,90,,,\n"
    "2021-02-12 07:00:00,Easy,30m,Running,1,0,0,5.0,1800,,,\n"
)
FITNOTES = (
    "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n"
    "2020-01-05,Deadlift,Back,225.0,5,,,\n"
)


def count(db) -> int:
    repo = Repository.open(db)
    try:
        return repo.count_sessions()
    finally:
        repo.close()


def test_strong_without_a_unit_exits_2_and_says_to_pass_unit(tmp_path, capsys):
    source, db = tmp_path / "strong.csv", tmp_path / "x.sqlite"
    source.write_text(STRONG)
    assert main(["--db", str(db), "import", str(source)]) == 2
    err = capsys.readouterr().err
    assert "Pass --unit kg, --unit lb, or --unit auto" in err and str(source) in err
    assert count(db) == 0


def test_json_report_dry_run_and_reimport(tmp_path, capsys):
    source, db = tmp_path / "strong.csv", tmp_path / "x.sqlite"
    source.write_text(STRONG)
    args = ["--db", str(db), "import", str(source), "--unit", "kg", "--json"]
    assert main(args + ["--dry-run"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert count(db) == 0
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert (
        report
        == dry
        == {
            "format": "strong",
            "dialect": "comma",
            "workouts": 2,
            "sets": 1,
            "runs": 1,
            "exercises": 1,
            "new_exercises": 0,
            "duplicates_skipped": 0,
            "skipped": [{"line": 3, "reason": "Reps: not a number: 'five'"}],
            "unit": "kg",
            "unit_source": "option",
            "unit_reason": "only 1 loads to go on: too few to tell",
            "unit_sure": False,
            "notes": [],
            "durations_look_wrong": 0,
            "unmapped": [],
            "matched": [],
        }
    )
    assert count(db) == 2
    assert main(args) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["workouts"], again["sets"], again["duplicates_skipped"]) == (0, 0, 2)
    assert count(db) == 2


def test_plain_report_and_explicit_format(tmp_path, capsys):
    source, db = tmp_path / "fitnotes.txt", tmp_path / "x.sqlite"
    source.write_text(FITNOTES)
    assert main(["--db", str(db), "import", str(source), "--format", "fitnotes"]) == 0
    out = capsys.readouterr().out
    assert "FitNotes (unit in the header)" in out and "weights in lb" in out
    assert "added 1 workouts: 1 sets and 0 runs" in out
    assert main(["--db", str(db), "import", str(source), "--format", "hevy"]) == 2
    assert "expected a Hevy export" in capsys.readouterr().err


def test_replace_is_only_for_backups(tmp_path, capsys):
    source = tmp_path / "fitnotes.csv"
    source.write_text(FITNOTES)
    assert main(["--db", str(tmp_path / "x.sqlite"), "import", str(source), "--replace"]) == 2
    assert "--replace restores a JSON backup" in capsys.readouterr().err


def test_json_backups_are_still_found_without_format(tmp_path, capsys):
    db, backup = tmp_path / "x.sqlite", tmp_path / "x.json"
    assert main(["--db", str(db), "demo", "--years", "1"]) == 0
    assert main(["--db", str(db), "export", str(backup)]) == 0
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "y.sqlite"), "import", str(backup), "--dry-run"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["format"] == "json" and counts["dry_run"] and counts["sessions"] > 100
    assert count(tmp_path / "y.sqlite") == 0


def test_export_csv_and_ics(tmp_path, capsys):
    db = tmp_path / "x.sqlite"
    assert main(["--db", str(db), "demo", "--years", "1"]) == 0
    target = tmp_path / "sets.csv"
    assert (
        main(
            [
                "--db",
                str(db),
                "export",
                str(target),
                "--format",
                "csv",
                "--unit",
                "lb",
                "--from",
                "2000-01-01",
                "--to",
                "2100-01-01",
            ]
        )
        == 0
    )
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("date,start,kind,status,title") and "weight_lb" in lines[0]
    assert len(lines) > 100
    capsys.readouterr()
    assert (
        main(
            [
                "--db",
                str(db),
                "export",
                "-",
                "--format",
                "ics",
                "--from",
                "2000-01-01",
                "--to",
                "2100-01-01",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("BEGIN:VCALENDAR")


def test_export_refuses_bad_days(tmp_path, capsys):
    db = str(tmp_path / "x.sqlite")
    assert main(["--db", db, "export", "-", "--format", "ics", "--from", "2026-02-30"]) == 2
    assert "--from: must be a real date" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                db,
                "export",
                "-",
                "--format",
                "csv",
                "--from",
                "2026-03-02",
                "--to",
                "2026-03-01",
            ]
        )
        == 2
    )
    assert "is before --from" in capsys.readouterr().err
    assert main(["--db", db, "export", "-", "--from", "2026-03-02"]) == 2
    assert "apply to --format csv and ics" in capsys.readouterr().err


def test_import_of_activity_files_reports_runs_sports_and_damaged_files(tmp_path, capsys):
    import datetime as dt
    import json as json_module

    from tests.interchange.activities.activity_fixtures import gpx, straight_run, tcx, tcx_lap

    start = dt.datetime(2026, 11, 3, 6, 30, tzinfo=dt.UTC)
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "a.gpx").write_bytes(gpx(straight_run(start, 30)))
    (folder / "ride.tcx").write_bytes(tcx(("Biking", start, [tcx_lap(start, 600, 5000)])))
    (folder / "bad.fit").write_bytes(b"\x0e\x10" + b"\x00" * 10)
    db = str(tmp_path / "log.sqlite")
    assert main(["--db", db, "import", str(folder), "--dry-run", "--json"]) == 0
    report = json_module.loads(capsys.readouterr().out)
    assert (report["files"], report["runs"], report["not_runs"]) == (3, 1, {"biking": 1})
    assert report["skipped"] == [
        {"file": "bad.fit", "reason": "not an activity file (FIT, TCX, GPX or an activity list)"}
    ]
    assert report["dry_run"] and report["duplicates_skipped"] == 0
    assert report["matched_planned"] == 0
    assert main(["--db", db, "import", str(folder)]) == 0
    assert "added 1 runs" in capsys.readouterr().out
    assert main(["--db", db, "import", str(folder), "--json"]) == 0
    assert json_module.loads(capsys.readouterr().out)["duplicates_skipped"] == 1
    assert main(["--db", db, "import", str(folder / "bad.fit")]) == 2
    assert "bad.fit: not an activity file" in capsys.readouterr().err
    assert main(["--db", db, "import", str(folder / "a.gpx"), "--format", "fit"]) == 2
    assert "a GPX file, not FIT" in capsys.readouterr().err
