"""The session editor, driven by the keyboard the way a runner logs after training; every
test checks what reached the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from runstrength_desktop import clock
from runstrength_desktop.domain import (
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Side,
    Status,
)
from runstrength_desktop.gui.editor.sets_model import LOAD, REPS

# Runs on each pinned day (tests/conftest.py): month ends, the new year, a leap day.
pytestmark = pytest.mark.dates


SIX = [
    ("Back squat", 8, "60"),
    ("Romanian deadlift", 8, "50"),
    ("Standing calf raise", 10, "30"),
    ("Push-up", 12, ""),
    ("Dumbbell row", 10, "22.5"),
    ("Pallof press", 10, "15"),
]


def type_into_focus(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def enter(qtbot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


@pytest.fixture
def editor(window):
    window.tabs.setCurrentWidget(window.session_tab)
    return window.session_tab


def test_log_six_exercises_of_three_sets_by_typing_only(qtbot, window, editor):
    editor.table.setFocus()
    enter(qtbot)  # Enter on an empty table starts set 1
    for number, (name, reps, load) in enumerate(SIX):
        type_into_focus(qtbot, name)
        enter(qtbot, 2)  # exercise, set type (kept: working)
        type_into_focus(qtbot, str(reps))
        enter(qtbot)
        if load:
            type_into_focus(qtbot, load)
        enter(qtbot, 5)  # load, seconds, side, RPE, target -> set 2
        enter(qtbot, 8)  # set 2 copied as it is -> set 3
        if number < len(SIX) - 1:
            enter(qtbot, 8)  # set 3 -> the next set, ready for a name
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.message.text() == ""
    saved = window.repo.session(editor.session_id)
    assert saved.status is Status.DONE and saved.date == clock.today()
    assert len(saved.sets) == 18
    assert saved.exercise_names() == [name for name, _, _ in SIX]
    for name, reps, load in SIX:
        sets = [s for s in saved.sets if s.exercise == name]
        assert [s.reps for s in sets] == [reps] * 3
        assert [s.weight_kg for s in sets] == [float(load) if load else None] * 3
        assert all(s.set_type is SetType.WORKING for s in sets)
    assert not editor.is_dirty and "*" not in editor.headline.text()


def test_aliases_resolve_and_shortcuts_add_and_remove(qtbot, window, editor):
    editor.table.setFocus()
    enter(qtbot)
    type_into_focus(qtbot, "squat (barbell)")
    enter(qtbot)
    assert editor.model.rows[0].entry.exercise == "Back squat"
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, ctrl)  # add set
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, ctrl | Qt.KeyboardModifier.ShiftModifier
    )  # add exercise
    assert [r.entry.exercise for r in editor.model.rows] == ["Back squat", "Back squat", ""]
    type_into_focus(qtbot, "calf raises")
    enter(qtbot)
    assert editor.model.rows[2].entry.exercise == "Standing calf raise"
    editor.table.setCurrentIndex(editor.model.index(0, REPS))
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert [r.entry.exercise for r in editor.model.rows] == ["Standing calf raise"]
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete, ctrl)
    assert editor.model.rowCount() == 0
    window.findChild(type(window.menuBar().actions()[0]), "actionUndo").trigger()
    assert editor.model.rowCount() == 1


@pytest.mark.parametrize(
    "column, text, message",
    [
        (REPS, "abc", "Reps: 'abc' is not a number"),
        (REPS, "8.5", "Reps: must be a whole number from 0 to 1000"),
        (REPS, "-3", "Reps: must be a whole number from 0 to 1000"),
        (LOAD, "1e309", "Load: '1e309' is not a number"),
        (LOAD, "nan", "Load: 'nan' is not a number"),
        (LOAD, "-20", "Load: must not be negative"),
        (LOAD, "1200", "Load: must be a number from 0 to 1000 kg"),
        (0, "🏋️" * 3, "is not in the catalogue"),
        (0, "x" * 10_000, "is not in the catalogue"),
    ],
)
def test_invalid_cells_are_marked_and_save_is_refused(window, editor, column, text, message):
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=80))
    index = editor.model.index(0, column)
    editor.model.setData(index, text)
    assert message in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert len(index.data()) <= 200  # a huge paste is cut, not stored
    assert editor.save() is False
    assert editor.message.text().startswith("Not saved: set 1, ")
    assert message in editor.message.text()
    assert message in window.statusBar().currentMessage()
    assert window.repo.count_sessions() == 0
    editor.model.setData(index, {REPS: "5", LOAD: "80"}.get(column, "Back squat"))
    assert editor.save() is True and window.repo.count_sessions() == 1


def test_invalid_form_fields_name_the_field(qtbot, window, editor):
    for widget, text, message in (
        (editor.form.start, "25:00", "Start: must be a real time"),
        (editor.form.rpe, "11", "Session RPE: must be a number from 1"),
        (editor.form.duration, "lots", "Duration: 'lots' is not a"),
    ):
        widget.setText(text)
        widget.editingFinished.emit()
        assert message in widget.toolTip()
        assert editor.save() is False and message in editor.message.text()
        widget.setText("")
        widget.editingFinished.emit()
    assert editor.save() is True


def test_run_session_and_units(qtbot, window, editor):
    from runstrength_desktop.domain import WeightUnit

    window.unit_actions[WeightUnit.LB].trigger()
    editor.new_run.click()
    assert editor.form.distance_label.text() == "Distance (mi)"
    assert not editor.table.isVisibleTo(editor)
    editor.form.run_type.setCurrentText("tempo")
    for widget, text in (
        (editor.form.distance, "6.2"),
        (editor.form.duration, "50"),
        (editor.form.rpe, "7"),
        (editor.form.start, "7:05"),
    ):
        widget.setText(text)
        widget.editingFinished.emit()
    assert editor.save()
    run = window.repo.session(editor.session_id)
    assert run.kind is SessionKind.RUN and run.run_type is RunType.TEMPO
    assert run.distance_km == pytest.approx(9.978, abs=1e-3) and run.start == dt.time(7, 5)
    window.unit_actions[WeightUnit.KG].trigger()
    assert editor.form.distance.text() == "9.98"


def test_unsaved_changes_ask_save_discard_or_cancel(qtbot, window, editor, monkeypatch):
    other = window.repo.save_session(
        Session(clock.today(), SessionKind.RUN, Status.DONE, run_type=RunType.EASY, distance_km=5)
    )
    editor.model.insert_row(0, SetEntry("Plank", seconds=60))
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[1]) or answers.pop(0))
    )
    window.context.bus.sessionSelected.emit(other.id)
    assert editor.session_id is None and editor.model.rowCount() == 1  # cancelled: kept
    window.context.bus.sessionSelected.emit(other.id)
    assert editor.session_id == other.id  # discarded
    assert asked == ["Unsaved changes", "Unsaved changes"]
    assert window.repo.count_sessions() == 1


def test_quitting_with_unsaved_changes_can_save_them(qtbot, window, editor, monkeypatch):
    editor.model.insert_row(0, SetEntry("Plank", seconds=45, side=Side.BOTH))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save)
    )
    repo = window.repo
    window.close()
    from runstrength_desktop.store import Repository

    reopened = Repository.open(repo.path)
    try:
        assert [s.sets[0].seconds for s in reopened.all_sessions()] == [45]
    finally:
        reopened.close()


def test_start_from_template_fills_todays_target(window, editor):
    window.repo.save_session(
        Session(
            clock.today() - dt.timedelta(days=4),
            SessionKind.STRENGTH,
            Status.DONE,
            title="Legs",
            sets=[SetEntry("Back squat", reps=8, weight_kg=70)] * 3,
        )
    )
    editor._fill_start_from()
    labels = [editor.start_from.itemText(i) for i in range(editor.start_from.count())]
    assert "Template: Lower body + calves" in labels and "Last “Legs”" in labels
    editor._start_from_chosen(labels.index("Template: Lower body + calves"))
    target = window.context.planner.targets(editor.draft(suggested=True))["Back squat"]
    squats = [r for r in editor.model.rows if r.entry.exercise == "Back squat"]
    assert target.weight_kg == 70  # last time's load, a rep more (double progression)
    assert [(r.entry.reps, r.entry.weight_kg) for r in squats] == [(target.reps, 70.0)] * 3
    assert not any(r.done for r in editor.model.rows)  # suggestions, not yet logged
    assert editor.form.title.text() == "Lower body + calves"
    assert "last (" in "\n".join(editor.panel.texts())
    editor._start_from_chosen(labels.index("Last “Legs”"))
    assert [(r.entry.reps, r.entry.target_reps) for r in editor.model.rows] == [
        (target.reps, target.reps)
    ] * 3
    editor.undo.undo()
    assert len(editor.model.rows) > 3  # back to the template's sets


def test_sets_model_passes_qt_model_tests(qtmodeltester, window, editor):
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=80))
    editor.model.insert_row(1, SetEntry("Plank", seconds=30))
    qtmodeltester.check(editor.model)
