"""One window per logbook, and no "database is locked": a second window (in this process or
another) is refused with a message naming the file, a lock left by a killed window is taken
over, and the command line writes while the window saves without either failing."""

from __future__ import annotations

import datetime as dt
import json
import signal
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QFileDialog

from runstrength_desktop.app import create_window
from runstrength_desktop.domain import SessionKind, SetEntry
from runstrength_desktop.gui.logbook_lock import LogbookInUse, lock_logbook, lock_path_for
from runstrength_desktop.store import Repository

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
            "from runstrength_desktop.gui.logbook_lock import lock_logbook\n"
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
