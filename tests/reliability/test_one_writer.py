"""One writer per file, by the file: a second window (in this process or another, through
the same name, a symlink, or after the lock note was deleted) is refused with a message
naming the file and the holder; a logbook with hard links is refused by every opener; a lock
left by a killed window is taken over; and the command line writes while the window saves
without either failing, big imports included."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from runstrength_desktop.app import create_window
from runstrength_desktop.domain import SessionKind, SetEntry
from runstrength_desktop.store import LogbookError, Repository
from runstrength_desktop.store.file_lock import LogbookInUse, lock_logbook, lock_path_for

RUN = [sys.executable, "-m", "runstrength_desktop"]
STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
    + "".join(
        f'2021-03-{day:02d} 07:00:00,"Legs",1h,"Squat (Barbell)",{n},100,5,0,0,,,8\n'
        for day in range(1, 29)
        for n in (1, 2, 3)
    )
)


def test_a_second_window_on_the_same_logbook_is_refused_naming_the_file(window, db_path, settings):
    with pytest.raises(LogbookInUse) as refused:
        create_window(db_path, settings)
    assert str(db_path) in str(refused.value)
    assert "already open in another RunStrength Desktop window" in str(refused.value)
    editor = window.session_tab
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=80))
    assert editor.save() is True and window.repo.count_sessions() == 1  # the first still writes


def test_a_second_gui_process_is_refused_and_says_which_file(window, db_path):
    second = subprocess.run(
        RUN + ["--db", str(db_path), "--smoke"], capture_output=True, text=True, timeout=60
    )
    assert second.returncode == 2
    assert str(db_path) in second.stderr and "already open" in second.stderr
    assert window.repo.count_sessions() == 0 and lock_path_for(db_path).exists()


def test_starting_a_second_window_shows_which_file_is_in_use(
    window, db_path, dialogs, monkeypatch, capsys
):
    from runstrength_desktop.app import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    assert run_gui(db_path) == 2
    [(kind, text)] = dialogs
    assert kind == "exec" and str(db_path) in text and "already open" in text
    assert "overwrite each other's changes" in text
    assert str(db_path) in capsys.readouterr().err


def test_the_lock_is_let_go_on_close_and_a_killed_windows_lock_is_taken_over(
    qtbot, db_path, settings
):
    first = create_window(db_path, settings)
    first.close()
    assert not lock_path_for(db_path).exists()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from runstrength_desktop.store.file_lock import lock_logbook\n"
            "lock = lock_logbook(sys.argv[1]); print('locked', flush=True); time.sleep(60)",
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(LogbookInUse, match="process"):
            lock_logbook(db_path)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert lock_path_for(db_path).exists()  # left behind by the killed process
    again = create_window(db_path, settings)  # ...and recognised as stale
    qtbot.addWidget(again)
    assert again.repo.path == db_path


def test_opening_a_logbook_that_another_window_has_is_refused(
    window, tmp_path, dialogs, monkeypatch
):
    other = tmp_path / "other.sqlite"
    Repository.open(other).close()
    held = lock_logbook(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    current = window.repo.path
    window.findChild(type(window.menuBar().actions()[0]), "actionOpenLogbook").trigger()
    assert window.repo.path == current
    assert str(other) in dialogs[-1][1] and "already open" in dialogs[-1][1]
    held.unlock()
    window.findChild(type(window.menuBar().actions()[0]), "actionOpenLogbook").trigger()
    assert window.repo.path == other
    assert not lock_path_for(current).exists() and lock_path_for(other).exists()


def _save_new(editor, number: int) -> bool:
    editor.new_session(dt.date(2019, 1, 1) + dt.timedelta(days=number), SessionKind.STRENGTH)
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=60 + number % 40))
    return editor.save()


@pytest.mark.timeout(120)
def test_command_line_writers_and_window_saves_run_together(window, db_path, tmp_path):
    """The CLI's demo and import transactions and the window's saves overlap; SQLite's busy
    timeout and BEGIN IMMEDIATE make each wait its turn instead of failing."""
    export = tmp_path / "strong.csv"
    export.write_text(STRONG)
    editor = window.session_tab
    gui_ids: list[int] = []
    cli_sessions = 0
    for command in (
        ["demo", "--years", "10", "--force"],
        ["import", str(export), "--unit", "kg", "--json"],
    ):
        cli = subprocess.Popen(
            RUN + ["--db", str(db_path)] + command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        during = 0
        while cli.poll() is None:
            assert _save_new(editor, len(gui_ids)), editor.message.text()
            gui_ids.append(editor.session_id)
            during += 1
        out, err = cli.communicate()
        assert cli.returncode == 0, err
        assert during > 0 and "locked" not in err
        cli_sessions += int(out.split()[1]) if command[0] == "demo" else json.loads(out)["workouts"]
    assert cli_sessions > 3000
    assert all(window.repo.session(i) is not None for i in gui_ids)
    assert window.repo.count_sessions() == len(gui_ids) + cli_sessions
    print(
        f"\none writer: {len(gui_ids)} window saves during {cli_sessions} sessions written "
        "by the command line, none refused"
    )


def test_a_second_window_through_a_symlink_is_refused(window, db_path, settings, tmp_path):
    link = tmp_path / "elsewhere" / "link.sqlite"
    link.parent.mkdir()
    link.symlink_to(db_path)
    with pytest.raises(LogbookInUse) as refused:
        create_window(link, settings)
    assert str(db_path) in str(refused.value) and f"process {os.getpid()}" in str(refused.value)
    repo = Repository.open(link)  # the command line: by the real path, beside the window
    try:
        assert repo.path == db_path
    finally:
        repo.close()


def test_a_deleted_lock_note_lets_no_second_window_in_and_is_written_again(
    window, db_path, settings
):
    lock_path_for(db_path).unlink()
    with pytest.raises(LogbookInUse, match="already open in another RunStrength Desktop window"):
        create_window(db_path, settings)
    window.outside.look()  # its timer: the note is noticed missing and written again
    assert lock_path_for(db_path).exists()
    assert "lock note" in window.statusBar().currentMessage()
    with pytest.raises(LogbookInUse, match=f"process {os.getpid()}"):
        create_window(db_path, settings)


def test_a_logbook_with_a_hard_link_is_refused_by_every_opener(db_path, settings, tmp_path, qapp):
    Repository.open(db_path).close()
    before = db_path.read_bytes()
    other = tmp_path / "b.sqlite"
    os.link(db_path, other)
    for path in (db_path, other):
        with pytest.raises(LogbookError, match="2 hard links") as refused:
            Repository.open(path)
        assert "lose each other's saves" in str(refused.value)
        with pytest.raises(LogbookError, match="hard links"):
            create_window(path, settings)
    result = subprocess.run(
        RUN + ["--db", str(other), "demo", "--years", "1"], capture_output=True, text=True
    )
    assert result.returncode == 2 and "hard links" in result.stderr
    assert db_path.read_bytes() == before


def test_two_writers_through_a_hard_link_can_no_longer_lose_saves(tmp_path):
    """The attack: a writer on a.sqlite and one on its hard link b.sqlite. Only one of them
    gets to write at all (each was refused before it wrote), so no save can vanish."""
    a = tmp_path / "a.sqlite"
    Repository.open(a).close()
    writer = Path(__file__).with_name("crash_writer.py")
    first = subprocess.Popen(
        [sys.executable, str(writer), str(a), "1"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout.readline() == "ready\n"
        os.link(a, tmp_path / "b.sqlite")
        second = subprocess.run(
            [sys.executable, str(writer), str(tmp_path / "b.sqlite"), "2"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        first.kill()
        out, _ = first.communicate()
    assert second.returncode != 0 and "hard links" in second.stderr
    saved = {int(line.split()[1]) for line in out.splitlines() if line.startswith("saved")}
    (tmp_path / "b.sqlite").unlink()
    repo = Repository.open(a)
    try:
        assert saved and saved <= {s.id for s in repo.all_sessions()}
    finally:
        repo.close()


def test_a_save_gets_in_between_the_batches_of_a_big_import(db_path, monkeypatch):
    """A big import holds the write lock for one short batch at a time: a writer through
    another connection, with no patience at all, gets in during the pause between two."""
    from runstrength_desktop.domain import Session, Status
    from runstrength_desktop.store import batches, database

    repo = Repository.open(db_path)
    other = Repository.open(db_path)
    other.db.execute_sql("PRAGMA busy_timeout = 0")
    monkeypatch.setattr(batches, "BATCH_SECONDS", 0.0)  # a commit after every session
    monkeypatch.setattr(database, "BUSY_SECONDS", 0.0)  # a writer that waits for nothing
    saves_between = []

    def pause(_seconds):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=len(saves_between))
        saves_between.append(other.save_session(Session(day, SessionKind.RUN, Status.DONE)))

    monkeypatch.setattr(batches, "pause", pause)
    sessions = [
        Session(
            dt.date(2021, 3, 1) + dt.timedelta(days=n),
            SessionKind.STRENGTH,
            Status.DONE,
            sets=[SetEntry("Back squat", reps=5, weight_kg=100)],
            source="strong",
            source_key=f"k{n}",
        )
        for n in range(30)
    ]
    try:
        assert repo.import_sessions(sessions, [])["sessions"] == 30
        assert len(saves_between) >= 29  # a pause after every batch but the last
        assert repo.count_sessions() == 30 + len(saves_between)
    finally:
        other.close()
        repo.close()
