"""The calendar, driven with the keyboard and the mouse; every test checks the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import (
    Phase,
    Race,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    Status,
    monday_of,
)
from runstrength_desktop.gui.calendar.race_dialog import RaceDialog

# Runs on each pinned day (tests/conftest.py): month ends, the new year, a leap day.
pytestmark = pytest.mark.dates


def next_monday() -> dt.date:
    return monday_of(clock.today()) + dt.timedelta(days=7)


@pytest.fixture
def calendar(window):
    window.tabs.setCurrentWidget(window.calendar_tab)
    window.calendar_tab.setFocus()
    return window.calendar_tab


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def fill_run(qtbot, window, run_type: str, km: str, minutes: str) -> None:
    form = window.session_tab.form
    form.run_type.setCurrentText(run_type)
    for widget, text in ((form.distance, km), (form.duration, minutes)):
        widget.clear()
        qtbot.keyClicks(widget, text)
        widget.editingFinished.emit()
    press(qtbot, form.distance, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def planned(repo, day):
    return [
        s
        for s in repo.sessions_between(day, day + dt.timedelta(days=6))
        if s.status is Status.PLANNED
    ]


def test_plan_a_week_of_four_runs_and_two_lifts_with_keyboard_and_mouse(qtbot, window, calendar):
    runs = {
        0: ("intervals", "10", "50"),
        2: ("easy", "8", "45"),
        4: ("tempo", "9", "45"),
        6: ("long", "21", "120"),
    }
    calendar.select_day(next_monday() - dt.timedelta(days=1))
    for offset, (run_type, km, minutes) in runs.items():
        day = next_monday() + dt.timedelta(days=offset)
        if offset % 4 == 0:  # by mouse: click the day's cell
            cell = calendar.grid.cell_for(day)
            qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
        else:  # by keyboard: arrows to the day
            while calendar.selected_day() < day:
                press(qtbot, calendar, Qt.Key.Key_Right)
        assert calendar.selected_day() == day
        press(qtbot, calendar, Qt.Key.Key_R)  # R: a new run on the selected day
        assert window.tabs.currentWidget() is window.session_tab
        fill_run(qtbot, window, run_type, km, minutes)
        window.tabs.setCurrentWidget(calendar)
        calendar.setFocus()
    for offset in (0, 2):  # lift on the hard day and the easy day
        calendar.select_day(next_monday() + dt.timedelta(days=offset))
        press(qtbot, calendar, Qt.Key.Key_S)
        editor = window.session_tab
        editor.model.insert_row(0, SetEntry("Back squat", reps=8, weight_kg=60))
        editor.model.insert_row(1, SetEntry("Standing calf raise", reps=10, weight_kg=20))
        qtbot.keyClick(editor.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert editor.message.text() == ""
        window.tabs.setCurrentWidget(calendar)
    week = planned(window.repo, next_monday())
    assert sorted((s.date - next_monday()).days for s in week if s.is_run) == [0, 2, 4, 6]
    assert {s.run_type for s in week if s.is_run} == {
        RunType.INTERVALS,
        RunType.EASY,
        RunType.TEMPO,
        RunType.LONG,
    }
    assert [s.distance_km for s in week if s.is_run and s.run_type is RunType.LONG] == [21]
    assert sorted((s.date - next_monday()).days for s in week if s.is_strength) == [0, 2]
    calendar.select_day(next_monday())
    cell_texts = [c.text() for c in calendar.grid.cell_for(next_monday()).chips]
    assert any("Intervals" in t for t in cell_texts) and any("2 sets" in t for t in cell_texts)
    week_cell = calendar.grid.weeks[
        [w.week for w in calendar.grid.weeks].index(
            f"{next_monday().isocalendar()[0]}-W{next_monday().isocalendar()[1]:02d}"
        )
    ]
    assert week_cell.running.text() == "48 km run" and week_cell.strength.text() == "2 strength"


def _planned_session(window, day=None):
    """A session saved the way another part of the app would: the repository announces it."""
    day = day or next_monday()
    saved = window.repo.save_session(
        Session(
            day,
            SessionKind.STRENGTH,
            Status.PLANNED,
            title="Legs",
            sets=[SetEntry("Back squat", reps=8, weight_kg=60)] * 3,
        )
    )
    return saved


def _drop(chip, target) -> None:
    point = QPointF(target.rect().center())
    mime = chip.mime_data()
    enter = QDragEnterEvent(
        point.toPoint(),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        point,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)


def test_drag_and_drop_moves_a_planned_session_with_undo_and_redo(qtbot, window, calendar):
    session = _planned_session(window)
    calendar.select_day(next_monday())
    chip = calendar.grid.cell_for(next_monday()).chips[0]
    target_day = next_monday() + dt.timedelta(days=2)
    _drop(chip, calendar.grid.cell_for(target_day))
    assert window.repo.session(session.id).date == target_day
    assert [c.session.id for c in calendar.grid.cell_for(target_day).chips] == [session.id]
    undo = window.findChild(type(window.menuBar().actions()[0]), "actionUndo")
    redo = window.findChild(type(window.menuBar().actions()[0]), "actionRedo")
    undo.trigger()
    assert window.repo.session(session.id).date == next_monday()
    redo.trigger()
    assert window.repo.session(session.id).date == target_day
    assert len(window.repo.session(session.id).sets) == 3


def test_keyboard_move_and_done_sessions_stay_put(qtbot, window, calendar):
    session = _planned_session(window)
    done = window.repo.save_session(
        Session(clock.today(), SessionKind.RUN, Status.DONE, run_type=RunType.EASY, distance_km=5)
    )
    calendar.select_day(next_monday())
    press(qtbot, calendar, Qt.Key.Key_Space)  # pick the day's session
    assert calendar.selected_id == session.id
    press(qtbot, calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, calendar, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.repo.session(session.id).date == next_monday() + dt.timedelta(days=8)
    calendar.select_day(clock.today(), done.id)
    press(qtbot, calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.repo.session(done.id).date == clock.today()
    assert "Only planned sessions move" in window.statusBar().currentMessage()


def test_delete_and_undo_brings_the_same_session_back(qtbot, window, calendar):
    session = _planned_session(window)
    calendar.select_day(next_monday(), session.id)
    press(qtbot, calendar, Qt.Key.Key_Delete)
    assert window.repo.session(session.id) is None
    press(qtbot, calendar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = window.repo.session(session.id)
    assert restored == session and [s.id for s in restored.sets] == [s.id for s in session.sets]


def test_context_menu_duplicates_marks_and_adds(qtbot, window, calendar, monkeypatch):
    session = _planned_session(window)
    calendar.select_day(next_monday(), session.id)
    actions = {a.text().split("\t")[0]: a for a in calendar.build_menu().actions()}
    assert {
        "Add run",
        "Add strength session",
        "Add race…",
        "Open",
        "Duplicate",
        "Duplicate to next week",
        "Mark done",
        "Mark skipped",
        "Delete",
    } <= set(actions)
    actions["Duplicate to next week"].trigger()
    copies = window.repo.sessions_between(
        next_monday() + dt.timedelta(7), next_monday() + dt.timedelta(7)
    )
    assert [(c.title, len(c.sets), c.status) for c in copies] == [("Legs", 3, Status.PLANNED)]
    calendar.select_day(next_monday(), session.id)
    {a.text(): a for a in calendar.build_menu().actions()}["Mark done"].trigger()
    assert window.repo.session(session.id).status is Status.DONE
    calendar.undo.undo()
    calendar.undo.undo()
    assert window.repo.session(session.id).status is Status.PLANNED
    assert window.repo.count_sessions() == 1

    def fill_and_accept(dialog):
        dialog.name.setText("Parkrun")
        dialog.distance.setText("5")
        RaceDialog.accept(dialog)
        return dialog.race is not None

    monkeypatch.setattr(RaceDialog, "exec", fill_and_accept)
    calendar.add_race()
    assert [(r.name, r.distance_km, r.date) for r in window.repo.races()] == [
        ("Parkrun", 5.0, next_monday())
    ]
    from runstrength_desktop.gui.calendar.chips import RaceChip

    labels = [w.text() for w in calendar.grid.cell_for(next_monday()).findChildren(RaceChip)]
    assert labels == ["⚑ Parkrun 5 km"], labels


def test_race_dialog_refuses_a_bad_distance(qtbot):
    from runstrength_desktop.domain import WeightUnit

    dialog = RaceDialog(next_monday(), WeightUnit.KG)
    qtbot.addWidget(dialog)
    dialog.name.setText("Marathon")
    dialog.distance.setText("forty-two")
    dialog.accept()
    assert dialog.race is None and "Distance: 'forty-two' is not a number" in dialog.problem.text()


def test_navigation_views_and_week_phase(qtbot, window, calendar):
    today = clock.today()
    press(qtbot, calendar, Qt.Key.Key_PageDown)
    following = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    assert calendar.title.text() == f"{following:%B %Y}"
    press(qtbot, calendar, Qt.Key.Key_Home)
    assert calendar.title.text() == f"{today:%B %Y}" and calendar.selected_day() == today
    qtbot.mouseClick(calendar.week_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text().startswith("Week ") and calendar.grid.weeks_shown == 1
    week = calendar.grid.weeks[0]
    next(a for a in week.phase.menu().actions() if a.text() == "Taper").trigger()
    assert window.repo.week_phases() == {week.week: Phase.TAPER}
    assert week.phase.text() == "taper"
    calendar.undo.undo()
    assert window.repo.week_phases() == {}


def test_enter_opens_the_days_session_or_a_new_one(qtbot, window, calendar):
    session = _planned_session(window)
    calendar.select_day(next_monday())
    press(qtbot, calendar, Qt.Key.Key_Return)
    assert window.session_tab.session_id == session.id
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(next_monday() + dt.timedelta(days=1))
    press(qtbot, calendar, Qt.Key.Key_Return)
    assert window.session_tab.session_id is None
    assert window.session_tab.form.date.date().toPython() == next_monday() + dt.timedelta(days=1)
    assert window.session_tab.form.status.currentText() == "planned"


def test_units_switch_on_chips_and_everything_is_there_after_reopening(
    qtbot, db_path, settings, window, calendar
):
    from runstrength_desktop.app import create_window
    from runstrength_desktop.domain import WeightUnit

    window.repo.save_session(
        Session(
            next_monday(),
            SessionKind.RUN,
            Status.PLANNED,
            run_type=RunType.LONG,
            distance_km=16.09344,
        )
    )
    window.repo.save_race(Race(next_monday() + dt.timedelta(days=6), "Half", 21.1))
    window.unit_actions[WeightUnit.LB].trigger()
    calendar.select_day(next_monday())
    assert "10 mi" in calendar.grid.cell_for(next_monday()).chips[0].text()
    window.close()
    again = create_window(db_path, settings)
    qtbot.addWidget(again)
    again.resize(1366, 768)  # the offscreen screen is smaller than the window was
    again.show()
    again.calendar_tab.select_day(next_monday())
    cell = again.calendar_tab.grid.cell_for(next_monday())
    assert "Long" in cell.chips[0].text() and "10 mi" in cell.chips[0].text()
    assert [r.name for r in again.repo.races()] == ["Half"]
