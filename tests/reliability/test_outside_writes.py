"""Another program writes while the window is open (the command line's `import --replace`):
the window notices (SQLite's data_version, on focus, on its timer, before an undo), reloads,
clears the calendar's undo history (whose steps name sessions that are gone), and an editor
with unsaved changes keeps them; saving then creates the session anew and says so."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status, monday_of
from runstrength_desktop.gui.calendar.commands import DeleteSession
from runstrength_desktop.interchange.files import export_json_file

RUN = [sys.executable, "-m", "runstrength_desktop"]


def planned(day: dt.date, title: str) -> Session:
    return Session(
        day,
        SessionKind.STRENGTH,
        Status.PLANNED,
        title=title,
        sets=[SetEntry("Back squat", reps=5, weight_kg=80)],
    )


@pytest.fixture
def replaced_by_the_command_line(window, tmp_path):
    """Two planned sessions in the window, a backup of them, then `import --replace` of that
    backup run by another process: the same training under new ids."""
    monday = monday_of(clock.today()) + dt.timedelta(days=7)
    first = window.repo.save_session(planned(monday, "Legs A"))
    second = window.repo.save_session(planned(monday + dt.timedelta(days=2), "Legs B"))
    backup = tmp_path / "backup.json"
    export_json_file(window.repo, backup)

    def replace() -> None:
        result = subprocess.run(
            RUN + ["--db", str(window.repo.path), "import", str(backup), "--replace"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr

    return first, second, replace


def titles(repo) -> list[str]:
    return sorted(s.title for s in repo.all_sessions())


def test_an_undo_after_a_replace_elsewhere_does_not_count_training_twice(
    qtbot, window, dialogs, replaced_by_the_command_line
):
    first, _second, replace = replaced_by_the_command_line
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.undo.push(DeleteSession(window.context, first))
    assert titles(window.repo) == ["Legs B"]
    replace()  # both sessions are back, under new ids
    assert titles(window.repo) == ["Legs A", "Legs B"]
    calendar.undo.undo()  # before the window has looked: refused, not a third session
    assert titles(window.repo) == ["Legs A", "Legs B"]
    qtbot.waitUntil(lambda: any("changed by another program" in text for _, text in dialogs))
    assert calendar.undo.count() == 0 and not calendar.undo.canRedo()


def test_the_window_reloads_when_it_gets_the_focus_back(window, replaced_by_the_command_line):
    first, second, replace = replaced_by_the_command_line
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.undo.push(DeleteSession(window.context, first))
    replace()
    calendar.select_day(second.date)
    shown_before = {s.id for day in calendar.sessions_by_day.values() for s in day}
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))  # back from it
    assert calendar.undo.count() == 0
    shown = {s.title: s.id for day in calendar.sessions_by_day.values() for s in day}
    assert set(shown) == {"Legs A", "Legs B"} and set(shown.values()) != shown_before
    assert "changed by another program" in window.statusBar().currentMessage()
    assert str(window.repo.count_sessions()) in window.logbook_label.text()


def test_the_timer_notices_too_and_our_own_writes_do_not_count(window, tmp_path):
    window.repo.save_session(planned(clock.today(), "Legs"))  # our own write
    assert window.context.notice_outside_changes() is False
    other = subprocess.run(
        RUN + ["--db", str(window.repo.path), "demo", "--years", "1", "--force"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert other.returncode == 0, other.stderr
    timer = window.outside.timer
    assert timer.isActive() and timer.interval() <= 5000
    timer.timeout.emit()
    assert "changed by another program" in window.statusBar().currentMessage()
    assert window.context.notice_outside_changes() is False  # once per change


def test_an_unsaved_edit_survives_a_replace_and_saves_as_a_new_session(
    window, replaced_by_the_command_line
):
    first, _second, replace = replaced_by_the_command_line
    editor = window.session_tab
    window.context.bus.sessionSelected.emit(first.id)
    editor.form.title.setText("Legs A, heavier")
    editor.form.commit_pending()
    replace()
    window.outside.look()
    assert editor.is_dirty and editor.form.title.text() == "Legs A, heavier"  # kept
    assert editor.save() is True
    assert "as a new session" in window.statusBar().currentMessage()
    assert "as a new session" in editor.message.text()
    assert titles(window.repo) == ["Legs A", "Legs A, heavier", "Legs B"]
    assert window.repo.session(first.id) is None and editor.session_id != first.id


def test_a_save_that_finds_its_session_gone_without_a_look_first(
    window, replaced_by_the_command_line
):
    first, _second, replace = replaced_by_the_command_line
    editor = window.session_tab
    window.context.bus.sessionSelected.emit(first.id)
    editor.form.notes.setPlainText("felt good")
    replace()
    assert editor.save() is True  # the failed write makes the window look, then saves anew
    assert [s.notes for s in window.repo.all_sessions() if s.notes] == ["felt good"]
    assert window.calendar_tab.undo.count() == 0
