"""After any change made while the calendar shows, its plan panel and day badges say what a
fresh check of the whole logbook says about the weeks on screen, and its days show what a
fresh read of the logbook holds (they come from the planner's weeks): the GUI planner forgets
only the weeks a change reaches and keeps the others' flags, and this guards that narrowing
(moves and their undos, a save in the editor, a delete brought back)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from runstrength_desktop import clock
from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain import Status, monday_of
from runstrength_desktop.gui.editor.sets_model import LOAD, REPS
from runstrength_desktop.gui.plan_panel import by_day
from runstrength_desktop.planning import PlanInput, check_spanning
from runstrength_desktop.store import Repository


@pytest.fixture
def demo_year(db_path):
    """A year of the demo logbook (runs, lifts, the next two weeks planned) before the
    window opens on it."""
    repo = Repository.open(db_path)
    try:
        repo.import_logbook(generate_demo(1, 3, clock.today()))
    finally:
        repo.close()


def _key(flag):
    return (*flag.sort_key(), flag.message, flag.since)


def _assert_as_fresh(window) -> None:
    cal = window.calendar_tab
    first = cal.first_monday()
    last = first + dt.timedelta(days=7 * (1 if cal.week_view else 6) - 1)
    fresh = check_spanning(
        PlanInput.from_repository(window.repo),
        cal.context.planner.settings,
        clock.today(),
        first,
        last,
    )
    assert sorted(map(_key, cal.shown_flags)) == sorted(map(_key, fresh))
    # The days' sessions come from the planner's weeks: as a fresh read of the logbook.
    on_days: dict = {}
    for session in window.repo.sessions_between(first, last):
        on_days.setdefault(session.date, []).append(session)
    assert cal.sessions_by_day == on_days
    expected = by_day(fresh, cal._days_of)
    for cell in cal.grid.visible_days():
        flags = expected.get(cell.day, [])
        assert cell.badge.isVisibleTo(cell) == bool(flags), cell.day
        if flags:
            assert cell.badge.text() == str(len(flags)), cell.day
    monday = monday_of(cal.selected)  # the plan panel shows the selected day's week
    week = {_key(f) for f in fresh if f.spans(monday, monday + dt.timedelta(days=6))}
    assert {_key(f) for f in cal.plan_panel.flags} == week


def _planned(window):
    today = clock.today()
    return [
        s
        for s in window.repo.sessions_between(today, today + dt.timedelta(days=13))
        if s.status is Status.PLANNED
    ]


@pytest.mark.dates
def test_moves_and_undos_leave_the_flags_a_fresh_check_finds(today, demo_year, window, qtbot):
    cal = window.calendar_tab
    window.tabs.setCurrentWidget(cal)
    session = _planned(window)[0]
    cal.select_day(session.date, session.id)
    cal.setFocus()
    _assert_as_fresh(window)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left):
        QTest.keyClick(cal, key, Qt.KeyboardModifier.ControlModifier)
        _assert_as_fresh(window)
    for _ in range(4):
        cal.undo.undo()
        _assert_as_fresh(window)
    assert window.repo.session(session.id).date == session.date
    cal.undo.redo()
    _assert_as_fresh(window)
    # A move into the next month, then that month shown.
    QTest.keyClick(cal, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    cal.page(1)
    _assert_as_fresh(window)
    cal.page(-1)
    _assert_as_fresh(window)


def test_a_save_and_a_delete_leave_the_flags_a_fresh_check_finds(demo_year, window, qtbot):
    cal, editor = window.calendar_tab, window.session_tab
    window.tabs.setCurrentWidget(cal)
    _assert_as_fresh(window)
    today = clock.today()
    done = [
        s
        for s in window.repo.sessions_between(today - dt.timedelta(days=60), today)
        if s.is_strength and s.status is Status.DONE and s.sets
    ]
    for session in (done[-1], done[-6]):
        window.tabs.setCurrentWidget(editor)
        window.context.bus.sessionSelected.emit(session.id)
        # A far heavier set: the e1RM it makes judges the lifts of the weeks after it.
        editor.model.setData(editor.model.index(0, LOAD), "400")
        editor.model.setData(editor.model.index(0, REPS), "5")
        assert editor.save()
        window.tabs.setCurrentWidget(cal)
        _assert_as_fresh(window)
    planned = _planned(window)[0]
    cal.select_day(planned.date, planned.id)
    cal.delete()
    _assert_as_fresh(window)
    cal.undo.undo()
    _assert_as_fresh(window)


@pytest.mark.dates
def test_a_stored_session_s_flags_from_its_weeks_equal_its_own_check(today, demo_year, window):
    """The editor takes an unchanged session's flags from its weeks' check (kept by week,
    for the calendar too): they are those its own check finds, for done and planned ones."""
    planner = window.context.planner
    sessions = window.repo.sessions_between(
        today - dt.timedelta(weeks=10), today + dt.timedelta(13)
    )
    judged = [s for s in sessions if s.is_strength]
    assert any(s.status is Status.PLANNED for s in judged)
    flagged = 0
    for session in judged:
        own = planner.session_flags(session)
        assert planner.session_flags(session, stored=True) == own, session.date
        flagged += bool(own)
    assert flagged  # the demo's lifts have flags to compare
    window.tabs.setCurrentWidget(window.session_tab)
    window.context.bus.sessionSelected.emit(judged[-1].id)
    shown = window.session_tab.panel.flag_rules()
    assert shown == [f.rule for f in planner.session_flags(judged[-1])]
