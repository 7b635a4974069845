"""Faults: when the logbook refuses a write (disk full, file made read-only, I/O error,
replaced underneath), the edit stays where it was, the runner is told why, and nothing that
was saved before is lost. The errors are injected at COMMIT, after the transaction's
statements ran, so SQLite's rollback is what keeps the logbook whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QFileDialog

from runstrength_desktop import cli, clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status, monday_of
from runstrength_desktop.gui.calendar.commands import (
    ApplyFix,
    DeleteSession,
    DuplicateSession,
    MoveSession,
)
from runstrength_desktop.planning import Fix, SessionEdit
from runstrength_desktop.store import Repository
from tests.reliability.reliability_support import DISK_ERRORS, TOLD, count


def next_monday() -> dt.date:
    return monday_of(clock.today()) + dt.timedelta(days=7)


def everything(repo) -> tuple:
    """What a runner has in the logbook, to compare before and after a fault."""
    return repo.all_sessions(), repo.races(), repo.week_phases(), len(list(repo.catalogue()))


def legs(day=dt.date(2024, 5, 6), status=Status.DONE) -> Session:
    return Session(
        day,
        SessionKind.STRENGTH,
        status,
        title="Legs",
        sets=[SetEntry("Back squat", reps=5, weight_kg=80)] * 3,
    )


@pytest.fixture
def editor(window):
    window.tabs.setCurrentWidget(window.session_tab)
    return window.session_tab


@pytest.mark.parametrize("fault", DISK_ERRORS)
def test_a_refused_save_keeps_the_edit_says_why_and_loses_nothing(
    window, editor, fail_writes, fault
):
    earlier = window.repo.save_session(legs())
    window.context.bus.sessionSelected.emit(earlier.id)  # rewrite a saved session:
    editor.model.insert_row(3, SetEntry("Standing calf raise", reps=12, weight_kg=20))
    editor.form.title.setText("Legs and calves")  # its old sets are deleted
    before = everything(window.repo)  # and new ones written
    heal = fail_writes(window.repo, DISK_ERRORS[fault])
    assert editor.save() is False
    reason = f"Not saved, the logbook refused the write: {TOLD[fault]} [{DISK_ERRORS[fault]}]"
    assert editor.message.text().startswith(reason)
    assert window.statusBar().currentMessage().startswith(reason)
    assert editor.is_dirty and editor.model.rowCount() == 4
    assert editor.form.title.text() == "Legs and calves"
    assert everything(window.repo) == before  # the rollback kept it all
    heal()
    assert editor.save() is True and editor.message.text() == ""
    saved = window.repo.session(earlier.id)
    assert saved.title == "Legs and calves" and len(saved.sets) == 4


def test_leaving_a_session_whose_save_fails_keeps_it_open(window, editor, fail_writes, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    other = window.repo.save_session(legs(dt.date(2024, 5, 1)))
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=90))
    fail_writes(window.repo)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save)
    )
    window.context.bus.sessionSelected.emit(other.id)  # "Save?" -> Save -> refused
    assert editor.session_id is None and editor.model.rowCount() == 1
    window.close()  # quitting is refused too
    assert window.isVisible() and editor.is_dirty
    assert "database or disk is full" in editor.message.text()


def test_a_logbook_replaced_underneath_refuses_the_save_instead_of_losing_it(
    window, editor, tmp_path
):
    window.repo.save_session(legs())
    stranger = tmp_path / "stranger.sqlite"
    Repository.open(stranger).close()
    os.replace(stranger, window.repo.path)  # a sync tool swaps the file
    count("faults injected")
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=90))
    assert editor.save() is False
    assert "was replaced or deleted while it was open" in editor.message.text()
    assert str(window.repo.path) in editor.message.text() and editor.is_dirty


def test_a_logbook_deleted_underneath_refuses_the_save(window, editor):
    os.unlink(window.repo.path)
    count("faults injected")
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=90))
    assert editor.save() is False
    assert "was replaced or deleted" in editor.message.text() and editor.is_dirty


@pytest.fixture
def calendar(window):
    window.tabs.setCurrentWidget(window.calendar_tab)
    return window.calendar_tab


def _warned(qtbot, dialogs, text: str) -> None:
    qtbot.waitUntil(lambda: any(text in shown for _kind, shown in dialogs))


COMMANDS = {
    "move": lambda ctx, s: MoveSession(ctx, s, s.date + dt.timedelta(days=1)),
    "duplicate": lambda ctx, s: DuplicateSession(ctx, s, s.date + dt.timedelta(days=7)),
    "delete": lambda ctx, s: DeleteSession(ctx, s),
    # A planner's fix: the session moved a day (the calendar's one-step edit of the plan).
    "fix": lambda ctx, s: ApplyFix(
        ctx,
        Fix(
            "lift_before_hard_run",
            "Move it a day",
            (SessionEdit(s.id, dataclasses.replace(s, date=s.date + dt.timedelta(days=1))),),
            {s.week: None},
        ),
    ),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_calendar_edit_the_logbook_refuses_is_not_stacked(
    qtbot, window, calendar, dialogs, fail_writes, name
):
    session = window.repo.save_session(legs(next_monday(), Status.PLANNED))
    before = everything(window.repo)
    fail_writes(window.repo)
    calendar.undo.push(COMMANDS[name](window.context, session))
    assert calendar.undo.count() == 0 and not calendar.undo.canUndo()
    assert everything(window.repo) == before
    _warned(qtbot, dialogs, f"The logbook refused the write ({TOLD['disk full']}")
    assert "Not done" in window.statusBar().currentMessage()


@pytest.mark.parametrize("name", COMMANDS)
def test_an_undo_or_redo_the_logbook_refuses_leaves_history_matching_the_logbook(
    qtbot, window, calendar, dialogs, fail_writes, name
):
    session = window.repo.save_session(legs(next_monday(), Status.PLANNED))
    calendar.undo.push(COMMANDS[name](window.context, session))
    done = everything(window.repo)
    heal = fail_writes(window.repo)
    calendar.undo.undo()  # refused: the edit stays done, as the logbook has it
    assert everything(window.repo) == done
    assert calendar.undo.count() == 0 and not calendar.undo.canRedo()
    _warned(qtbot, dialogs, "Not undone")
    heal()
    again = window.repo.save_session(legs(next_monday() + dt.timedelta(days=2), Status.PLANNED))
    calendar.undo.push(COMMANDS[name](window.context, again))
    calendar.undo.undo()
    undone = everything(window.repo)
    fail_writes(window.repo)
    calendar.undo.redo()  # refused: the edit stays undone
    assert everything(window.repo) == undone
    assert calendar.undo.count() == 0
    _warned(qtbot, dialogs, "Not done")


def test_plan_this_week_refused_writes_no_session(
    qtbot, window, calendar, dialogs, fail_writes, monkeypatch
):
    from runstrength_desktop.gui.dialogs.plan_week_dialog import PlanWeekDialog

    monkeypatch.setattr(PlanWeekDialog, "exec", lambda dialog: True)  # "Add to the calendar"
    calendar.select_day(next_monday())
    fail_writes(window.repo)
    calendar.plan_this_week()
    assert window.repo.count_sessions() == 0 and calendar.undo.count() == 0
    _warned(qtbot, dialogs, "database or disk is full")


def test_a_refused_json_import_writes_nothing_and_says_why(
    window, dialogs, fail_writes, monkeypatch, tmp_path
):
    from runstrength_desktop.interchange.files import export_json_file

    window.repo.save_session(legs())
    backup = tmp_path / "backup.json"
    export_json_file(window.repo, backup)
    window.repo.save_session(legs(dt.date(2024, 6, 1)))
    before = everything(window.repo)
    fail_writes(window.repo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    window.import_file()
    assert everything(window.repo) == before
    told = f"refused the write ({TOLD['disk full']} [database or disk is full]); nothing was"
    assert told + " imported" in dialogs[-1][1]


def test_a_refused_import_from_another_app_writes_nothing(window, fail_writes, tmp_path):
    from runstrength_desktop.gui.dialogs.import_dialog import ImportDialog

    export = tmp_path / "strong.csv"
    export.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,"
        "Seconds,Notes,Workout Notes,RPE\n"
        '2021-02-10 16:46:13,"Legs",1h,"Squat (Barbell)",1,100,5,0,0,,,8\n'
    )
    before = everything(window.repo)
    dialog = ImportDialog(window.context, export, window)
    dialog.load()
    fail_writes(window.repo)
    dialog.start_import()
    assert dialog.report is None and everything(window.repo) == before
    assert "nothing was written: the logbook refused the write" in dialog.status_label.text()
    dialog.deleteLater()


def test_backup_now_into_a_folder_that_cannot_be_made_says_so(window, dialogs):
    (window.repo.path.parent / "backups").write_text("a file where the folder should be")
    count("faults injected")
    window.backup_now()
    assert (
        "No backup made" in dialogs[-1][1]
        and "No backup made" in window.statusBar().currentMessage()
    )


def test_the_command_line_reports_a_refused_write_and_writes_nothing(db_path, capsys, monkeypatch):
    from runstrength_desktop.store.database import LogbookDatabase

    def full(self):
        count("faults injected")
        raise __import__("sqlite3").OperationalError(DISK_ERRORS["disk full"])

    Repository.open(db_path).close()
    monkeypatch.setattr(LogbookDatabase, "commit", full)
    assert cli.main(["--db", str(db_path), "demo", "--years", "1"]) == cli.EXIT_BAD_INPUT
    assert (
        f"refused the write ({TOLD['disk full']} [database or disk is full]); nothing was changed"
        in capsys.readouterr().err
    )
    monkeypatch.undo()
    repo = Repository.open(db_path)
    try:
        assert repo.count_sessions() == 0
    finally:
        repo.close()
