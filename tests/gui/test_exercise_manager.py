"""The exercise manager: every exercise with its facts and set count, search, edit a custom
exercise, merge one into another in one undoable step, hide one; and the editor's small
form for a typed name the catalogue lacks. Every test checks what reached the logbook."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from runstrength_desktop.domain import Muscle, Session, SessionKind, SetEntry, Status
from runstrength_desktop.gui.dialogs.exercise_table import (
    EQUIPMENT,
    FAMILY,
    MEASURE,
    MUSCLES,
    REGION,
    SETS,
    VARIANT,
)
from runstrength_desktop.gui.editor.sets_model import EXERCISE

DAY = dt.date(2026, 11, 3)


def lift(*names: str, day: dt.date = DAY) -> Session:
    return Session(
        day,
        SessionKind.STRENGTH,
        Status.DONE,
        sets=[SetEntry(name, reps=10, weight_kg=7.5) for name in names],
    )


@pytest.fixture
def manager(window):
    from runstrength_desktop.domain import Category, Exercise, Region

    repo = window.repo
    repo.add_exercise(
        Exercise(
            "Sam Sulek Squeeze",
            Region.FULL,
            Category.STRENGTH,
            needs_review=True,
            custom=True,
        )
    )
    repo.save_session(lift("Lateral raise (cable)", "Lateral raise (cable)", "Sam Sulek Squeeze"))
    repo.save_session(lift("Sam Sulek Squeeze", "Lateral raise", day=DAY + dt.timedelta(2)))
    window.findChild(type(window.menuBar().actions()[0]), "actionExercises").trigger()
    found = window.exercise_manager
    assert found.isVisible()
    return found


def row_of(manager, name: str) -> int:
    for row in range(manager.proxy.rowCount()):
        if manager.proxy.index(row, 0).data() == name:
            return row
    raise AssertionError(f"{name} is not listed")


def cell(manager, name: str, column: int) -> str:
    return manager.proxy.index(row_of(manager, name), column).data()


def test_every_exercise_is_listed_with_its_facts_and_sets_counted(manager, window):
    assert manager.proxy.rowCount() == len(window.repo.catalogue())
    name = "Lateral raise (cable)"
    assert [
        cell(manager, name, c) for c in (FAMILY, VARIANT, REGION, MUSCLES, EQUIPMENT, MEASURE)
    ] == ["Lateral raise", "cable", "Upper body", "shoulders", "cable", "Reps"]
    assert cell(manager, name, SETS) == "2" and cell(manager, "Lateral raise", SETS) == "1"
    assert cell(manager, "Lateral raise", FAMILY) == "Lateral raise"  # a family's own
    manager.search.setText("lateral raise")
    listed = {manager.proxy.index(r, 0).data() for r in range(manager.proxy.rowCount())}
    assert {"Lateral raise", "Lateral raise (cable)", "Lateral raise (machine)"} <= listed
    assert all("ateral" in n for n in listed)
    manager.search.setText("")
    manager.show_box.setCurrentIndex(manager.show_box.findData("review"))
    assert manager.proxy.rowCount() == 1 and manager.proxy.index(0, 0).data() == "Sam Sulek Squeeze"


def test_merge_moves_the_sets_in_one_undoable_step(manager, window):
    manager.select("Sam Sulek Squeeze")
    assert manager.merge_button.isEnabled()
    dialog = manager.merge_selected()
    dialog.target.setCurrentText("Hip thrust")
    dialog.accept()
    exercises = [{s.exercise for s in session.sets} for session in window.repo.all_sessions()]
    assert exercises == [{"Lateral raise (cable)", "Hip thrust"}, {"Hip thrust", "Lateral raise"}]
    assert window.repo.catalogue().get("Sam Sulek Squeeze") is None
    assert cell(manager, "Hip thrust", SETS) == "2"  # the table follows the news
    assert manager.undo.count() == 1
    manager.undo_button.click()
    names = [s.exercise for session in window.repo.all_sessions() for s in session.sets]
    assert names.count("Sam Sulek Squeeze") == 2 and "Hip thrust" not in names
    assert cell(manager, "Sam Sulek Squeeze", SETS) == "2"


def test_edit_a_custom_exercise_and_undo_it(manager, window):
    manager.select("Sam Sulek Squeeze")
    form = manager.edit_selected()
    form.name.setText("Cable squeeze")
    form.region.setCurrentIndex(form.region.findText("Upper body"))
    form.muscle_boxes[Muscle.CHEST].setChecked(True)
    form.accept()
    edited = window.repo.catalogue().get("Cable squeeze")
    assert edited.muscles == (Muscle.CHEST,) and not edited.needs_review
    assert "Sam Sulek Squeeze" in edited.user_aliases  # the old name still reads
    assert window.repo.all_sessions()[0].sets[2].exercise == "Cable squeeze"
    manager.undo.undo()
    assert window.repo.catalogue().get("Sam Sulek Squeeze").needs_review
    # A calf name must work the calves: the form says so and writes nothing.
    manager.select("Sam Sulek Squeeze")
    form = manager.edit_selected()
    form.name.setText("Sam's calf squeeze")
    form.accept()
    assert form.isVisible() and "must work the calves" in form.problem.text()
    form.reject()
    assert manager.undo.count() == 1
    # Shipped exercises keep their facts.
    manager.select("Lateral raise")
    assert not manager.edit_button.isEnabled() and manager.edit_selected() is None


def test_hide_leaves_an_exercise_out_of_the_editor_and_keeps_its_sets(manager, window):
    manager.select("Lateral raise (machine)")
    manager.hide_button.click()
    catalogue = window.repo.catalogue()
    assert catalogue.get("Lateral raise (machine)").hidden
    offered = [f.name for f in window.session_tab.table.delegate.search.find("lateral raise")]
    assert "Lateral raise" in offered and "Lateral raise (machine)" not in offered
    assert row_of(manager, "Lateral raise") >= 0
    with pytest.raises(AssertionError):
        row_of(manager, "Lateral raise (machine)")  # shown under "Hidden exercises"
    manager.undo.undo()
    assert not window.repo.catalogue().get("Lateral raise (machine)").hidden


def test_a_typed_new_name_is_created_in_a_small_form(qtbot, window):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    editor.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "Lateral Raise (Kettlebell)")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    form = editor.new_exercise_form
    assert form is not None and form.isVisible() and form.compact
    assert form.region.currentText() == "Upper body"  # a new variant: its family's facts
    assert (
        "a variant of Lateral raise"
        in form.findChild(type(form.problem), "exerciseMuscleNote").text()
    )
    form.accept()
    made = window.repo.catalogue().get("Lateral Raise (Kettlebell)")
    assert made.family == "Lateral raise" and made.muscles == (Muscle.SHOULDERS,)
    assert EXERCISE not in editor.model.rows[0].invalid  # the cell takes it at once
    assert editor.model.rows[0].entry.exercise == "Lateral Raise (Kettlebell)"


def test_a_refused_new_name_stays_marked(qtbot, window):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    editor.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "Zercher Carry")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    form = editor.new_exercise_form
    assert form.category.currentText() == "Strength" and form.name.isReadOnly()
    form.reject()
    assert window.repo.catalogue().get("Zercher Carry") is None
    assert EXERCISE in editor.model.rows[0].invalid
    assert "or create it" in editor.message.text()
