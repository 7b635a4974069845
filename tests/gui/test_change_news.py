"""The window hears every change from one owner, the repository, through gui/news.py: the
plan panel, the day badges and the editor never show what the logbook no longer holds."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import RunType, Session, SessionKind, SetEntry, Status, WeightUnit
from runstrength_desktop.domain.changes import Change
from runstrength_desktop.gui.editor.sets_model import EXERCISE
from runstrength_desktop.interchange.importer import import_file

pytestmark = pytest.mark.dates

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2026-03-02 18:00:00,Legs,45m,"Zercher Carry",1,60,8,,,,,\n'
)


def _monday() -> dt.date:
    """A Monday two weeks ahead of the clock's today: the calendar shows it once moved to."""
    today = clock.today()
    return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=14)


def _plan_squats_before_intervals(window):
    monday = _monday()
    squats = window.repo.save_session(
        Session(
            monday,
            SessionKind.STRENGTH,
            Status.PLANNED,
            title="Legs",
            sets=[SetEntry("Back squat", reps=8, weight_kg=60)] * 3,
        )
    )
    window.repo.save_session(
        Session(
            monday + dt.timedelta(days=1),
            SessionKind.RUN,
            Status.PLANNED,
            run_type=RunType.INTERVALS,
            distance_km=10,
            duration_min=50,
        )
    )
    return monday, squats


def _rules_on(calendar, day) -> list[str]:
    return [f.rule for f in calendar.flags_by_day.get(day, [])]


def test_a_moved_lift_takes_its_flag_and_badge_along(qtbot, window):
    """Squats the day before intervals are an error; dragged to Friday they are not. The
    calendar is on screen the whole time, on the same page, so nothing but the news can
    bring the panel up to date."""
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    monday, squats = _plan_squats_before_intervals(window)
    calendar.select_day(monday)
    assert "lift_before_hard_run" in _rules_on(calendar, monday)
    assert calendar.grid.cell_for(monday).badge.isVisibleTo(calendar)
    friday = monday + dt.timedelta(days=4)
    calendar.grid.cell_for(friday).dropped.emit(squats.id, friday)
    assert window.repo.session(squats.id).date == friday
    assert "lift_before_hard_run" not in _rules_on(calendar, monday)
    assert "lift_before_hard_run" not in [f.rule for f in calendar.plan_panel.flags]
    assert not calendar.grid.cell_for(monday).badge.isVisibleTo(calendar)
    calendar.undo.undo()
    assert "lift_before_hard_run" in _rules_on(calendar, monday)
    assert "lift_before_hard_run" in [f.rule for f in calendar.plan_panel.flags]


def test_after_an_import_the_open_editor_takes_the_new_exercises(qtbot, window, tmp_path):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    editor.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "Zercher Carry")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert EXERCISE in editor.model.rows[0].invalid  # not in the catalogue yet
    export = tmp_path / "strong.csv"
    export.write_text(STRONG, encoding="utf-8")
    report = import_file(window.repo, export, "auto", WeightUnit.KG)
    assert report.new_exercises == 1
    # The cell typed before the import is taken, and the completer offers the name.
    assert EXERCISE not in editor.model.rows[0].invalid
    assert editor.model.rows[0].entry.exercise == "Zercher Carry"
    assert editor.table.delegate.search.find("zercher")[0].name == "Zercher Carry"
    editor.table.setCurrentIndex(editor.model.index(0, EXERCISE))
    editor.model.setData(editor.model.index(0, EXERCISE), "zercher carry")
    assert editor.problems() == []


def test_caches_hear_the_news_before_the_views(window):
    order = []
    window.context.news.add_cache(lambda change: order.append("cache"))
    window.context.news.changed.connect(lambda change: order.append("view"))
    window.repo.save_session(Session(clock.today(), SessionKind.RUN, Status.DONE, distance_km=5))
    assert order == ["cache", "view"]


def test_settings_and_another_logbook_are_news_too(qtbot, window, tmp_path):
    heard: list[Change] = []
    window.context.news.changed.connect(heard.append)
    window.unit_actions[WeightUnit.LB].trigger()
    assert heard[-1].settings == ("unit",)
    assert window.open_logbook(tmp_path / "other.sqlite")
    assert heard[-1].replaced
    # The old repository's writes are no longer news in this window.
    count = len(heard)
    window.repo.save_session(Session(clock.today(), SessionKind.RUN, Status.DONE, distance_km=3))
    assert len(heard) == count + 1
