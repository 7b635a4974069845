"""The command line: version, logbook choice, demo, JSON export/import, bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from runstrength_desktop import __version__
from runstrength_desktop.cli import main
from runstrength_desktop.store import Repository


def run_cli(*args, env=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "runstrength_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_db_from_environment_variable(tmp_path):
    path = tmp_path / "from-env.sqlite"
    result = run_cli("export", "-", env={"RUNSTRENGTH_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.exists() and json.loads(result.stdout)["format"] == "runstrength-backup"


def test_bad_logbook_gives_exit_2_and_names_the_file(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes")
    result = run_cli("--db", str(path), "export", "-")
    assert result.returncode == 2
    assert str(path) in result.stderr and "not an SQLite database" in result.stderr
    assert path.read_text() == "just some notes"


def test_demo_then_json_round_trip_is_lossless(tmp_path, capsys):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    export_a, export_b = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["--db", str(first), "demo", "--years", "2", "--seed", "7"]) == 0
    assert main(["--db", str(first), "export", str(export_a), "--format", "json"]) == 0
    assert main(["--db", str(second), "import", str(export_a), "--format", "json"]) == 0
    counts = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert main(["--db", str(second), "export", str(export_b)]) == 0
    assert export_a.read_text() == export_b.read_text()
    repo = Repository.open(second)
    try:
        assert repo.count_sessions() == counts["sessions"] > 300
        assert repo.all_sessions() == Repository.open(first).all_sessions()
    finally:
        repo.close()


def test_demo_refuses_a_logbook_with_sessions(tmp_path, capsys):
    path = tmp_path / "mine.sqlite"
    assert main(["--db", str(path), "demo", "--years", "1"]) == 0
    assert main(["--db", str(path), "demo", "--years", "1"]) == 2
    assert "already has sessions" in capsys.readouterr().err


@pytest.mark.parametrize(
    "document, path",
    [
        (
            '{"format": "runstrength-backup", "version": 1, "sessions": [{"date": "2026-02-30", '
            '"kind": "run", "status": "done"}]}',
            "sessions[0].date",
        ),
        (
            '{"format": "runstrength-backup", "version": 1, "sessions": [{"date": "2026-02-03", '
            '"kind": "strength", "status": "done", '
            '"sets": [{"exercise": "Back squat", "reps": -1}]}]}',
            "sessions[0].sets[0].reps",
        ),
        ("[1, 2, 3]", "must be"),
    ],
)
def test_bad_json_names_the_path_and_writes_nothing(tmp_path, capsys, document, path):
    db, source = tmp_path / "x.sqlite", tmp_path / "bad.json"
    source.write_text(document)
    assert main(["--db", str(db), "demo", "--years", "1"]) == 0
    repo = Repository.open(db)
    before = repo.count_sessions()
    repo.close()
    assert main(["--db", str(db), "import", str(source), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert path in err and "nothing was imported" in err
    repo = Repository.open(db)
    assert repo.count_sessions() == before
    repo.close()


def test_smoke_prints_startup_time(tmp_path):
    db = tmp_path / "smoke.sqlite"
    assert main(["--db", str(db), "demo", "--years", "1"]) == 0
    result = run_cli("--db", str(db), "--smoke", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    startup = json.loads(result.stdout.strip().splitlines()[-1])["startup_s"]
    assert 0 < startup < 60


def test_importing_the_same_backup_twice_adds_nothing(tmp_path, capsys):
    db, backup = tmp_path / "x.sqlite", tmp_path / "x.json"
    assert main(["--db", str(db), "demo", "--years", "1", "--seed", "3"]) == 0
    assert main(["--db", str(db), "export", str(backup)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(backup)]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["sessions"] == 0 and counts["duplicates_skipped"] > 100
    assert main(["--db", str(db), "import", str(backup), "--replace"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["sessions"] > 100 and counts["duplicates_skipped"] == 0
    repo = Repository.open(db)
    try:
        assert repo.count_sessions() == counts["sessions"]
        assert len(repo.races()) == len({(r.date, r.name) for r in repo.races()})
    finally:
        repo.close()
