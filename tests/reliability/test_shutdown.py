"""Clean shutdown and logs that help: SIGTERM or SIGINT close the window without a question
and without saving (the unsaved edit stays in the draft journal), leave no lock and no WAL
behind; the command line unwinds a write it is in the middle of; an import whose process is
killed is taken back on the next open; errors reach the log file with their cause."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runstrength_desktop.gui.draft_journal import draft_path_for
from runstrength_desktop.store import Repository, lock_logbook, lock_path_for
from runstrength_desktop.store.batches import journal_path_for
from tests.reliability.reliability_support import count

DRIVER = Path(__file__).with_name("window_driver.py")
RUN = [sys.executable, "-m", "runstrength_desktop"]


def start_window(db_path: Path, path: str, seed: int = 1) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(db_path), path, str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def sessions_in(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT COUNT(*) FROM session").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_window_cleanly_saving_and_asking_nothing(db_path, signum):
    Repository.open(db_path).close()
    window = start_window(db_path, "edit")
    try:
        assert window.stdout.readline() == "ready\n", window.stderr.read()
        edited = window.stdout.readline()
        assert edited.startswith("edited "), window.stderr.read()
        assert lock_path_for(db_path).exists() and Path(f"{db_path}-wal").exists()
        window.send_signal(signum)
        _out, err = window.communicate(timeout=60)
    finally:
        if window.poll() is None:
            window.kill()
    count("signals handled")
    assert window.returncode == 0, err
    assert not lock_path_for(db_path).exists()  # no lock note left behind
    assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists()
    lock_logbook(db_path).release()  # and the lock itself is free
    draft = json.loads(draft_path_for(db_path).read_text())
    assert draft["fields"]["notes"] == edited.split(" ", 1)[1].strip()  # kept for next time
    assert sessions_in(db_path) == 0  # nothing saved behind the runner's back


def demo_running(db_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        RUN + ["--db", str(db_path), "demo", "--years", "30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_afresh(db_path: Path) -> None:
    """An empty logbook again, for another try: a faster import can finish between the
    first batch seen and the signal sent."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    Repository.open(db_path).close()


def wait_for_first_batch(db_path: Path, process: subprocess.Popen) -> bool:
    """True once the import has committed something (and is still running)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if sessions_in(db_path) > 0:
                return True
        except sqlite3.OperationalError:
            pass  # the file is being created
        time.sleep(0.005)
    return False


def whole_demo(db_path: Path) -> int:
    """The sessions of the 30-year demo written whole, in a logbook beside db_path."""
    whole = db_path.with_name("whole.sqlite")
    if not whole.exists():
        subprocess.run(RUN + ["--db", str(whole), "demo", "--years", "30"], check=True)
    return sessions_in(whole)


@pytest.mark.timeout(180)
def test_sigterm_during_a_big_import_undoes_it_and_leaves_no_wal(db_path):
    Repository.open(db_path).close()
    for _attempt in range(3):
        demo = demo_running(db_path)
        if wait_for_first_batch(db_path, demo):
            demo.send_signal(signal.SIGTERM)
            _out, err = demo.communicate(timeout=120)
            if demo.returncode != 0 and sessions_in(db_path) == 0:
                break
            if demo.returncode != 0:  # the signal came after the last batch: all kept
                assert "stopped by SIGTERM; nothing half-written was left" in err
                assert "taken back" not in err and sessions_in(db_path) == whole_demo(db_path)
        else:
            demo.communicate(timeout=120)
        start_afresh(db_path)  # it finished before a batch was seen, or before the signal
    else:
        pytest.skip("the import never ran long enough to be stopped in the middle")
    count("signals handled")
    assert demo.returncode == 128 + signal.SIGTERM, err
    assert "stopped by SIGTERM; nothing half-written was left" in err
    assert "sessions it had written taken back" in err
    assert sessions_in(db_path) == 0
    assert not Path(f"{db_path}-wal").exists() and not journal_path_for(db_path).exists()


@pytest.mark.timeout(180)
def test_an_import_killed_in_the_middle_is_taken_back_on_the_next_open(db_path):
    Repository.open(db_path).close()
    for _attempt in range(3):
        demo = demo_running(db_path)
        if wait_for_first_batch(db_path, demo):
            demo.send_signal(signal.SIGKILL)
            demo.communicate(timeout=60)
            if demo.returncode == -signal.SIGKILL:
                break
        else:
            demo.communicate(timeout=120)
        start_afresh(db_path)  # it finished before a batch was seen, or before the kill
    else:
        pytest.skip("the import never ran long enough to be killed in the middle")
    count("kills survived")
    assert sessions_in(db_path) > 0 and journal_path_for(db_path).exists()
    repo = Repository.open(db_path)
    try:
        [warning] = repo.take_warnings()
        assert "An import that was cut off" in warning and "were removed" in warning
        assert repo.count_sessions() == 0
        assert repo.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        repo.close()
    assert not journal_path_for(db_path).exists()


def test_an_import_running_elsewhere_is_not_taken_back(db_path):
    from runstrength_desktop.store.batches import ImportJournal

    Repository.open(db_path).close()
    journal = ImportJournal(db_path)  # held, as by a running import
    journal.record("session", [1, 2, 3])
    try:
        repo = Repository.open(db_path)
        assert repo.take_warnings() == [] and journal.path.exists()
        repo.close()
    finally:
        journal.close()


def log_text(tmp_path: Path) -> str:
    logs = list((tmp_path / "home").rglob("runstrength-desktop.log"))
    return "".join(p.read_text() for p in logs)


@pytest.mark.parametrize(
    "args, logged",
    [
        (["import", "missing.json"], "cannot read"),
        (["export", "-", "--format", "ics", "--from", "0001-01-01"], "must be a day from 1900"),
    ],
)
def test_command_line_errors_reach_the_log_file_with_their_cause(db_path, tmp_path, args, logged):
    result = subprocess.run(
        RUN + ["--db", str(db_path), *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    text = log_text(tmp_path)
    assert "ERROR runstrength_desktop.cli" in text and logged in text


def test_a_logbook_that_cannot_be_opened_is_logged(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a logbook")
    result = subprocess.run(RUN + ["--db", str(bad), "check"], capture_output=True, timeout=60)
    assert result.returncode == 2
    assert f"Cannot open the logbook {bad}: it is not a RunStrength logbook" in log_text(tmp_path)


def test_a_refused_save_in_the_window_is_logged(window, caplog, fail_writes):
    from runstrength_desktop.domain import SetEntry

    editor = window.session_tab
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=80))
    fail_writes(window.repo)
    with caplog.at_level("WARNING", logger="runstrength_desktop"):
        assert editor.save() is False
    assert any("a save was refused: the disk is full" in r.getMessage() for r in caplog.records)


def test_a_lock_left_by_a_killed_window_is_free_and_its_note_replaced(db_path, settings, qtbot):
    from runstrength_desktop.app import create_window

    Repository.open(db_path).close()
    window = start_window(db_path, "edit")
    try:
        assert window.stdout.readline() == "ready\n", window.stderr.read()
        window.send_signal(signal.SIGKILL)
        window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
    assert json.loads(lock_path_for(db_path).read_text())["pid"] == window.pid  # left behind
    again = create_window(db_path, settings)
    qtbot.addWidget(again)
    assert json.loads(lock_path_for(db_path).read_text())["pid"] == os.getpid()
    again.session_tab.drafts.armed = True
    again.close()
    assert not lock_path_for(db_path).exists()  # a clean close takes the note away
