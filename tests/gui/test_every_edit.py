"""Every edit is an edit: each field of the session editor is an undoable command that marks
the session modified (the `*`, and `[*]` in the window title) as soon as it is typed;
quitting, opening another logbook, another session or another tab asks Save / Discard /
Cancel; and an unsaved session survives the window's end in the draft journal."""

from __future__ import annotations

import datetime as dt
import stat

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.domain import RunType, Session, SessionKind, SetEntry, Status
from runstrength_desktop.gui.draft_journal import draft_path_for
from runstrength_desktop.store import Repository

SAVE, DISCARD, CANCEL = (
    QMessageBox.StandardButton.Save,
    QMessageBox.StandardButton.Discard,
    QMessageBox.StandardButton.Cancel,
)


@pytest.fixture
def editor(window):
    window.tabs.setCurrentWidget(window.session_tab)
    return window.session_tab


@pytest.fixture
def answer(monkeypatch):
    """answer(*buttons): the next questions get these answers; returns the questions asked."""
    asked: list[str] = []
    queue: list = []

    def question(*args, **_kwargs):
        asked.append(args[1])
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))

    def set_answers(*buttons):
        queue.extend(buttons)
        return asked

    return set_answers


def legs(day: dt.date | None = None) -> Session:
    return Session(
        day or clock.today(),
        SessionKind.STRENGTH,
        Status.DONE,
        title="Legs",
        sets=[SetEntry("Back squat", reps=5, weight_kg=80)],
    )


def type_notes(qtbot, editor, text: str) -> None:
    editor.form.notes.setFocus()
    qtbot.keyClicks(editor.form.notes, text)


def test_typing_notes_marks_the_session_and_the_window_title_at_once(qtbot, window, editor):
    assert "[*]" in window.windowTitle() and not window.isWindowModified()
    type_notes(qtbot, editor, "felt good")  # the cursor is still in Notes
    assert editor.is_dirty and window.isWindowModified()
    assert editor.headline.text().endswith(" *")
    editor.form.notes.clear()  # typed back to what was saved: nothing to save
    assert not editor.is_dirty and not window.isWindowModified()


def test_ctrl_q_with_the_cursor_in_notes_asks_and_save_keeps_the_note(
    qtbot, window, editor, answer
):
    saved = window.repo.save_session(legs())
    window.context.bus.sessionSelected.emit(saved.id)
    type_notes(qtbot, editor, "felt good")
    asked = answer(CANCEL, SAVE)
    qtbot.keyClick(editor.form.notes, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Unsaved changes"] and window.isVisible()  # Cancel: still open
    assert editor.form.notes.toPlainText() == "felt good"
    repo_path = window.repo.path
    window.findChild(type(window.menuBar().actions()[0]), "actionQuit").trigger()
    assert asked == ["Unsaved changes"] * 2 and not window.isVisible()
    reopened = Repository.open(repo_path)
    try:
        assert reopened.session(saved.id).notes == "felt good"
    finally:
        reopened.close()


@pytest.mark.parametrize(
    "field, set_value, shown",
    [
        ("title", lambda f: f.title.setText("Hill legs"), lambda f: f.title.text()),
        ("notes", lambda f: f.notes.setPlainText("heavy"), lambda f: f.notes.toPlainText()),
        ("start", lambda f: f.start.setText("07:30"), lambda f: f.start.text()),
        ("duration", lambda f: f.duration.setText("50"), lambda f: f.duration.text()),
        ("rpe", lambda f: f.rpe.setText("8"), lambda f: f.rpe.text()),
        ("status", lambda f: f.status.setCurrentText("skipped"), lambda f: f.status.currentText()),
        (
            "date",
            lambda f: f.date.setDate(QDate(2024, 5, 6)),
            lambda f: f.date.date().toString("yyyy-MM-dd"),
        ),
    ],
)
def test_each_field_is_an_undoable_edit(window, editor, field, set_value, shown):
    saved = window.repo.save_session(legs())
    window.context.bus.sessionSelected.emit(saved.id)
    before = shown(editor.form)
    set_value(editor.form)
    editor.form.commit_pending()
    assert editor.undo.count() == 1 and editor.undo.text(0) == f"Edit {field}"
    assert editor.is_dirty and window.isWindowModified()
    editor.undo.undo()
    assert shown(editor.form) == before and not editor.is_dirty
    editor.undo.redo()
    assert shown(editor.form) != before and editor.save()
    assert window.repo.session(saved.id) != saved


def test_the_run_fields_are_undoable_edits(window, editor):
    run = window.repo.save_session(
        Session(clock.today(), SessionKind.RUN, Status.DONE, run_type=RunType.EASY, distance_km=5)
    )
    window.context.bus.sessionSelected.emit(run.id)
    editor.form.run_type.setCurrentText("tempo")
    editor.form.distance.setText("8")
    editor.form.commit_pending()
    assert [editor.undo.text(i) for i in range(2)] == ["Edit run_type", "Edit distance"]
    editor.undo.undo()
    editor.undo.undo()
    assert editor.form.run_type.currentText() == "easy" and editor.form.distance.text() == "5"
    assert not window.isWindowModified()


def test_leaving_the_session_tab_with_changes_asks(qtbot, window, editor, answer):
    saved = window.repo.save_session(legs())
    window.context.bus.sessionSelected.emit(saved.id)
    editor.form.title.setText("Legs, heavy")
    asked = answer(CANCEL, DISCARD)
    window.tabs.setCurrentWidget(window.calendar_tab)
    assert window.tabs.currentWidget() is editor  # Cancel: back on the session
    assert editor.form.title.text() == "Legs, heavy" and editor.is_dirty
    window.tabs.setCurrentWidget(window.progress_tab)
    assert window.tabs.currentWidget() is window.progress_tab
    assert editor.form.title.text() == "Legs" and not editor.is_dirty  # Discard: as saved
    assert asked == ["Unsaved changes"] * 2
    window.tabs.setCurrentWidget(editor)
    window.tabs.setCurrentWidget(window.calendar_tab)  # nothing unsaved: no question
    assert len(asked) == 2


def test_opening_another_logbook_with_changes_asks(qtbot, window, editor, answer, tmp_path):
    other = tmp_path / "other.sqlite"
    Repository.open(other).close()
    type_notes(qtbot, editor, "felt good")
    asked = answer(CANCEL)
    window.findChild(type(window.menuBar().actions()[0]), "actionOpenLogbook")
    window.open_logbook(other)
    assert asked == ["Unsaved changes"] and window.repo.path != other
    assert editor.form.notes.toPlainText() == "felt good"


def test_open_logbook_from_the_menu_asks_first(window, editor, answer, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite"
    Repository.open(other).close()
    editor.form.title.setText("Legs")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    asked = answer(DISCARD)
    window.findChild(type(window.menuBar().actions()[0]), "actionOpenLogbook").trigger()
    assert asked == ["Unsaved changes"] and window.repo.path == other


def test_the_draft_journal_keeps_an_unsaved_session_for_the_next_start(
    qtbot, window, editor, db_path, settings, answer
):
    saved = window.repo.save_session(legs())
    window.context.bus.sessionSelected.emit(saved.id)
    type_notes(qtbot, editor, "felt good")
    editor.model.insert_row(1, SetEntry("Standing calf raise", reps=12, weight_kg=20))
    journal = draft_path_for(db_path)
    qtbot.waitUntil(journal.exists)
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    window.quit_quietly()  # as on SIGTERM: no question, nothing saved
    assert not window.isVisible() and journal.exists()
    again = create_window(db_path, settings)
    qtbot.addWidget(again)
    assert again.repo.session(saved.id).notes == ""  # nothing was saved behind our back
    asked = answer(QMessageBox.StandardButton.Yes)
    again.show()
    qtbot.waitUntil(lambda: asked == ["Unsaved session found"])
    recovered = again.session_tab
    assert again.tabs.currentWidget() is recovered and recovered.session_id == saved.id
    assert recovered.form.notes.toPlainText() == "felt good"
    assert [r.entry.exercise for r in recovered.model.rows] == ["Back squat", "Standing calf raise"]
    assert recovered.is_dirty and again.isWindowModified()
    assert recovered.save() and not journal.exists()
    assert again.repo.session(saved.id).notes == "felt good"
    again.close()


def test_a_discarded_draft_is_gone_and_a_saved_session_leaves_no_journal(
    qtbot, window, editor, db_path, settings, answer
):
    editor.model.insert_row(0, SetEntry("Plank", seconds=60))
    qtbot.waitUntil(draft_path_for(db_path).exists)
    window.quit_quietly()
    again = create_window(db_path, settings)
    qtbot.addWidget(again)
    answer(DISCARD)
    assert again.drafts.offer() is False and not draft_path_for(db_path).exists()
    assert again.session_tab.model.rowCount() == 0 and again.repo.count_sessions() == 0
    again.session_tab.model.insert_row(0, SetEntry("Plank", seconds=60))
    qtbot.waitUntil(draft_path_for(db_path).exists)
    assert again.session_tab.save()
    assert not draft_path_for(db_path).exists()
    again.close()


def test_a_recovered_draft_whose_session_is_gone_saves_as_a_new_one(
    qtbot, window, editor, db_path, settings, answer
):
    saved = window.repo.save_session(legs())
    window.context.bus.sessionSelected.emit(saved.id)
    editor.form.title.setText("Legs, recovered")
    editor.form.commit_pending()
    qtbot.waitUntil(draft_path_for(db_path).exists)
    window.quit_quietly()
    repo = Repository.open(db_path)
    repo.delete_session(saved.id)
    repo.close()
    again = create_window(db_path, settings)
    qtbot.addWidget(again)
    answer(QMessageBox.StandardButton.Yes)
    assert again.drafts.offer()
    assert again.session_tab.session_id is None and again.session_tab.is_dirty
    assert again.session_tab.save()
    assert [s.title for s in again.repo.all_sessions()] == ["Legs, recovered"]
    again.close()


def test_typed_text_is_kept_in_the_journal_before_it_is_committed(qtbot, window, editor, db_path):
    editor.form.title.setFocus()
    qtbot.keyClicks(editor.form.title, "Tempo legs")
    assert QApplication.focusWidget() is editor.form.title  # still typing
    editor.drafts.write()
    import json

    draft = json.loads(draft_path_for(db_path).read_text())
    assert draft["fields"]["title"] == "Tempo legs" and draft["session_id"] is None
