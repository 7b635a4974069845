"""Logging like the best apps (issue 17, the editor): prefilled sets confirmed with a key,
completion that finds the lift, edits that keep what they should. The real widgets, driven
by the keys a runner presses; every test checks what reached the database or the screen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Side, Status, WeightUnit
from runstrength_desktop.domain.templates import Template
from runstrength_desktop.gui.editor import start_from
from runstrength_desktop.gui.editor.sets_model import (
    DONE,
    EXERCISE,
    LOAD,
    REPS,
    SECONDS,
    SIDE,
    TARGET,
)
from runstrength_desktop.gui.theme import INVALID_FILL, dark_palette, suggestion_colour

FIVE = Template(
    "Five by three",
    (
        ("Back squat", 3, 8, None),
        ("Romanian deadlift", 3, 8, None),
        ("Standing calf raise", 3, 10, None),
        ("Single-leg deadlift", 3, 6, None),
        ("Plank", 3, None, 45),
    ),
)


class Keys:
    """Sends keys to the focused widget and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def __call__(self, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
            self.count += 1

    def type(self, text: str) -> None:
        for char in text:  # the first key opens the cell's editor: the rest go to it
            self.qtbot.keyClicks(QApplication.focusWidget(), char)
            self.count += 1


@pytest.fixture
def editor(window):
    window.tabs.setCurrentWidget(window.session_tab)
    return window.session_tab


@pytest.fixture
def history(window):
    """Last time: squats 8 @ 70, deadlifts 8 @ 60 (the planner's targets come from it)."""
    window.repo.save_session(
        Session(
            clock.today() - dt.timedelta(days=5),
            SessionKind.STRENGTH,
            Status.DONE,
            title="Legs",
            sets=[SetEntry("Back squat", reps=8, weight_kg=70)] * 3
            + [SetEntry("Romanian deadlift", reps=8, weight_kg=60)] * 3,
        )
    )


def test_five_exercises_of_three_sets_from_a_template_take_one_key_a_set(
    qtbot, window, editor, history
):
    start_from.start_from_template(editor, FIVE)
    model = editor.model
    assert model.rowCount() == 15 and model.suggested_rows() == list(range(15))
    targets = window.context.planner.targets(editor.draft(suggested=True))
    squat = targets["Back squat"]
    assert [(r.entry.reps, r.entry.weight_kg) for r in model.rows[:3]] == [
        (squat.reps, squat.weight_kg)
    ] * 3
    # Every exercise's target is in the Target column (the planner's where a set has none).
    for position in range(15):
        assert model.index(position, TARGET).data(), f"set {position + 1} shows no target"
    # Suggested values look different from logged ones (the palette's placeholder grey).
    reps = model.index(0, REPS)
    assert reps.data(Qt.ItemDataRole.FontRole).italic()
    assert reps.data(Qt.ItemDataRole.ForegroundRole) == suggestion_colour(QApplication.palette())
    assert model.index(0, DONE).data() == "○"

    keys = Keys(qtbot)
    assert QApplication.focusWidget() is editor.table
    for _ in range(15):
        keys(Qt.Key.Key_Space)  # done as suggested; the cursor goes to the next set
    assert keys.count <= 2 * 15
    assert model.suggested_rows() == []
    assert model.index(0, REPS).data(Qt.ItemDataRole.FontRole) is None
    keys(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = window.repo.session(editor.session_id)
    assert len(saved.sets) == 15 and saved.status is Status.DONE
    assert [s.weight_kg for s in saved.sets[:3]] == [squat.weight_kg] * 3
    assert {s.seconds for s in saved.sets if s.exercise == "Plank"} == {45}
    # The per-side exercise defaults to one row for both sides.
    assert {s.side for s in saved.sets if s.exercise == "Single-leg deadlift"} == {Side.EACH}


def test_typing_over_a_suggestion_replaces_it_and_unmarked_ones_are_left_out(
    qtbot, window, editor, history
):
    start_from.start_from_template(editor, FIVE)
    keys = Keys(qtbot)
    editor.table.setCurrentIndex(editor.model.index(0, REPS))
    keys.type("6")  # typing over the suggested 9 (or 8) replaces it
    keys(Qt.Key.Key_Return)
    assert editor.model.rows[0].entry.reps == 6 and editor.model.rows[0].done
    # A click in the Done column ticks a set (and a second click takes the tick back).
    centre = editor.table.visualRect(editor.model.index(1, DONE)).center()
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert editor.model.rows[1].done and editor.model.index(1, DONE).data() == "✓"
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert not editor.model.rows[1].done
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert editor.save()
    saved = window.repo.session(editor.session_id)
    assert [s.reps for s in saved.sets] == [6, editor.model.rows[1].entry.reps]
    assert "13 suggested sets not marked done left out" in editor.message.text()
    assert editor.model.rowCount() == 2  # the table shows what was saved


def test_a_planned_session_saved_as_planned_keeps_every_set(window, editor, history):
    start_from.start_from_template(editor, FIVE)
    editor.form.status.setCurrentText(Status.PLANNED.value)
    assert editor.save()
    assert len(window.repo.session(editor.session_id).sets) == 15


def test_plank_and_enter_gives_plank(qtbot, editor):
    editor.table.setFocus()
    keys = Keys(qtbot)
    keys(Qt.Key.Key_Return)  # set 1, its exercise cell open
    keys.type("plank")
    keys(Qt.Key.Key_Return)
    assert editor.model.rows[0].entry.exercise == "Plank"


def test_a_click_on_a_completion_takes_it_and_moves_on(qtbot, editor):
    """The mouse path: a click on an entry of the list puts that exercise in the row and
    goes on to the next cell, as Enter does."""
    from PySide6.QtWidgets import QCompleter

    editor.table.setFocus()
    keys = Keys(qtbot)
    keys(Qt.Key.Key_Return)
    cell = QApplication.focusWidget()
    keys.type("calf r")
    completer = cell.findChild(QCompleter)
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    model = completer.completionModel()
    labels = [model.index(i, 0).data() for i in range(model.rowCount())]
    row = next(i for i, label in enumerate(labels) if label.startswith("Seated calf raise"))
    index = model.index(row, 0)
    popup.scrollTo(index)
    qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center()
    )
    assert editor.model.rows[0].entry.exercise == "Seated calf raise"
    assert editor.table.currentIndex().column() > 0  # moved on from the exercise cell
    assert editor.window().isWindowModified()


@pytest.mark.parametrize("typed", ["single-leg rom", "single leg rom"])
def test_single_leg_rom_finds_the_single_leg_romanian_deadlift(qtbot, editor, typed):
    from PySide6.QtWidgets import QCompleter

    editor.table.setFocus()
    keys = Keys(qtbot)
    keys(Qt.Key.Key_Return)
    cell = QApplication.focusWidget()
    keys.type(typed)
    completer = cell.findChild(QCompleter)
    shown = [
        completer.completionModel().index(i, 0).data()
        for i in range(completer.completionModel().rowCount())
    ]
    assert shown[0] == "Single-leg deadlift  ·  Single Leg Romanian Deadlift"
    assert len(shown) == len({label.split("  ·  ")[0] for label in shown})  # one per exercise
    keys(Qt.Key.Key_Return)
    assert editor.model.rows[0].entry.exercise == "Single-leg deadlift"
    assert editor.model.rows[0].entry.side is Side.EACH  # per side: one row for both


def test_standing_calf_r_and_the_most_used_first(qtbot, window, editor):
    window.repo.save_session(
        Session(
            clock.today() - dt.timedelta(days=2),
            SessionKind.STRENGTH,
            Status.DONE,
            sets=[SetEntry("Plank with leg lift", seconds=30, side=Side.EACH)] * 4
            + [SetEntry("Copenhagen plank", seconds=20, side=Side.EACH)] * 2,
        )
    )
    search = editor.table.delegate.search
    assert search.find("standing calf r")[0].name == "Standing calf raise"
    found = [f.name for f in search.find("plank")]
    # Exact, then the prefixes (the runner's most used first), then the rest (likewise).
    assert found[:3] == ["Plank", "Plank with leg lift", "Plank walk-up"]
    assert found[3] == "Copenhagen plank"


def test_renaming_keeps_reps_load_seconds_and_side(qtbot, window, editor):
    model = editor.model
    model.insert_row(0, SetEntry("Plank walk-up", seconds=45))
    model.insert_row(1, SetEntry("Goblet squat", reps=8, weight_kg=24, side=Side.LEFT))
    keys = Keys(qtbot)
    editor.table.setFocus()
    editor.table.setCurrentIndex(model.index(0, EXERCISE))
    keys.type("Plank")
    keys(Qt.Key.Key_Return)
    assert (model.rows[0].entry.exercise, model.rows[0].entry.seconds) == ("Plank", 45)
    editor.table.setCurrentIndex(model.index(1, EXERCISE))
    keys(Qt.Key.Key_Escape)
    keys.type("back squat")
    keys(Qt.Key.Key_Return)
    e = model.rows[1].entry
    assert (e.exercise, e.reps, e.weight_kg, e.side) == ("Back squat", 8, 24, Side.LEFT)
    assert editor.save()
    saved = window.repo.session(editor.session_id).sets
    assert [(s.exercise, s.seconds, s.weight_kg) for s in saved] == [
        ("Plank", 45, None),
        ("Back squat", None, 24),
    ]


def test_each_is_accepted_and_saved(qtbot, window, editor):
    editor.model.insert_row(0, SetEntry("Bulgarian split squat", reps=8, weight_kg=12))
    keys = Keys(qtbot)
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, SIDE))
    keys.type("each")
    keys(Qt.Key.Key_Return)
    assert editor.model.rows[0].entry.side is Side.EACH and not editor.model.problems()
    assert editor.save()
    assert window.repo.session(editor.session_id).sets[0].side is Side.EACH


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_clears_a_cell_in_one_undo_step_and_marks_the_session(qtbot, window, editor, key):
    saved = window.repo.save_session(
        Session(
            clock.today(),
            SessionKind.STRENGTH,
            Status.DONE,
            sets=[SetEntry("Back squat", reps=5, weight_kg=80)],
        )
    )
    editor.open_session(saved.id)
    assert not editor.is_dirty
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, LOAD))
    steps = editor.undo.count()
    qtbot.keyClick(editor.table, key)
    assert editor.model.index(0, LOAD).data() == "" and editor.model.rows[0].entry.weight_kg is None
    assert editor.undo.count() == steps + 1
    assert editor.is_dirty and editor.headline.text().endswith(" *")
    editor.undo.undo()
    assert editor.model.index(0, LOAD).data() == "80"
    assert not editor.is_dirty and not editor.headline.text().endswith(" *")


def test_loads_come_back_on_the_units_grid(qtbot, window, editor):
    window.unit_actions[WeightUnit.LB].trigger()
    model = editor.model
    model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=125))
    assert model.index(0, LOAD).data() == "275.6"  # not 275.58
    keys = Keys(qtbot)
    editor.table.setFocus()
    editor.table.setCurrentIndex(model.index(0, LOAD))
    keys.type("132.5")
    keys(Qt.Key.Key_Return)
    assert model.index(0, LOAD).data() == "132.5"
    # Enter through the cell again does not move the value to its rounded display.
    before = model.rows[0].entry.weight_kg
    editor.table.setCurrentIndex(model.index(0, LOAD))
    editor.table.edit(model.index(0, LOAD))
    keys(Qt.Key.Key_Return)
    assert model.rows[0].entry.weight_kg == before
    window.unit_actions[WeightUnit.KG].trigger()
    assert model.index(0, LOAD).data() == "60.1"  # 60.1 kg on the 0.05 kg grid


def test_the_plate_calculator_follows_the_set_in_focus(qtbot, window, editor, monkeypatch):
    model = editor.model
    model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=100))
    model.insert_row(1, SetEntry("Plank", seconds=30))
    editor.table.setCurrentIndex(model.index(0, REPS))
    assert editor.plates.text.text() == "100 kg: bar 20 + 25, 15 a side"
    editor.table.setCurrentIndex(model.index(1, REPS))
    assert "Pick a set with a load" in editor.plates.text.text()
    editor.table.setCurrentIndex(model.index(0, REPS))
    dialog = editor.plates.ask_plates()
    dialog.bar.setText("15")
    dialog.plates.setText("20 x2, 10 x2, 5 x4")
    dialog.accept()
    assert not dialog.isVisible()
    assert (
        editor.plates.text.text()
        == "100 kg: bar 15 + 20, 10, 5, 5 a side (makes 95 kg: your plates fall 5 short)"
    )
    bad = editor.plates.ask_plates()
    bad.plates.setText("20, heavy")
    bad.accept()
    assert bad.isVisible() and "'heavy' is not a size" in bad.problem.text()
    bad.reject()
    window.unit_actions[WeightUnit.LB].trigger()
    # 100 kg is 220.5 lb: the fewest plates that come nearest, and what they make.
    assert editor.plates.text.text() == (
        "220.5 lb: bar 45 + 45, 35, 5, 2.5 a side (makes 220 lb: your plates fall 0.5 short)"
    )


def test_invalid_cells_take_the_dark_themes_colour(window, editor, qapp):
    editor.model.insert_row(0, SetEntry("Back squat", reps=5))
    editor.model.setData(editor.model.index(0, REPS), "abc")
    light = editor.model.index(0, REPS).data(Qt.ItemDataRole.BackgroundRole)
    assert light.name() == INVALID_FILL[0]
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    try:
        assert (
            editor.model.index(0, REPS).data(Qt.ItemDataRole.BackgroundRole).name()
            == (INVALID_FILL[1])
        )
    finally:
        qapp.setPalette(before)


def test_a_draft_keeps_which_sets_were_suggestions(window, editor, history):
    from runstrength_desktop.gui.unsaved_work import draft_of, restore_into

    start_from.start_from_template(editor, FIVE)
    editor.model.set_done(0, True)
    draft = draft_of(editor)
    assert draft["suggested"] == list(range(1, 15))
    editor.discard()
    restore_into(editor, draft)
    assert editor.model.suggested_rows() == list(range(1, 15))
    assert editor.model.rows[0].done


def test_seconds_of_a_copied_set_are_a_suggestion_until_walked(qtbot, editor):
    editor.model.insert_row(0, SetEntry("Plank", seconds=45))
    editor.table.setCurrentIndex(editor.model.index(0, SECONDS))
    editor.table.add_set_copy()
    assert editor.model.suggested_rows() == [1]
