"""Focus you can see and follow: where the keyboard lands after R, S, "Plan this week" and a
dialog, and what the calendar paints to show it (every check reads the real widgets, keys
go to the widget that has the focus, as a runner's would)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
from runstrength_desktop.gui import theme
from runstrength_desktop.gui.dialogs.thresholds_dialog import ThresholdsDialog


def type_key(qtbot, key) -> None:
    """A key pressed where the keyboard is."""
    qtbot.keyClick(QApplication.focusWidget(), key)


@pytest.fixture
def calendar(qtbot, window):
    window.tabs.setCurrentWidget(window.calendar_tab)
    window.calendar_tab.setFocus()
    qtbot.waitUntil(window.calendar_tab.hasFocus)
    return window.calendar_tab


def pixel(widget, x: int, y: int) -> QColor:
    return widget.grab().toImage().pixelColor(x, y)


def test_r_and_s_put_the_cursor_in_the_new_sessions_date(qtbot, window, calendar):
    calendar.select_day(clock.today() + dt.timedelta(days=2))
    for key, headline in ((Qt.Key.Key_R, "New run"), (Qt.Key.Key_S, "New strength session")):
        type_key(qtbot, key)
        editor = window.session_tab
        assert window.tabs.currentWidget() is editor and editor.headline.text() == headline
        qtbot.waitUntil(lambda e=editor: QApplication.focusWidget() is e.form.date)
        assert editor.form.date.date().toPython() == clock.today() + dt.timedelta(days=2)
        type_key(qtbot, Qt.Key.Key_Up)  # the cursor is in the field: a key changes it
        assert editor.form.date.date().toPython() != clock.today() + dt.timedelta(days=2)
        editor.undo.clear()
        window.tabs.setCurrentWidget(calendar)
        calendar.setFocus()
        qtbot.waitUntil(calendar.hasFocus)


def test_plan_this_week_leaves_the_keys_on_the_calendar(qtbot, window, calendar, monkeypatch):
    from runstrength_desktop.gui.dialogs.plan_week_dialog import PlanWeekDialog

    def runner_reads_the_plan_and_adds_it(dialog):
        dialog.show()
        dialog.list.setFocus()  # the runner scrolls the plan's reasons
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        dialog.accept()
        return True

    monkeypatch.setattr(PlanWeekDialog, "exec", runner_reads_the_plan_and_adds_it)
    qtbot.mouseClick(calendar.plan_button, Qt.MouseButton.LeftButton)
    planned = window.repo.sessions_between(clock.today(), clock.today() + dt.timedelta(days=6))
    assert planned and all(s.status is Status.PLANNED for s in planned)
    assert window.focusWidget() is calendar
    window.activateWindow()  # what the window manager does when the dialog goes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is calendar)
    type_key(qtbot, Qt.Key.Key_Right)  # the calendar's keys work without a click on the grid
    assert calendar.selected_day() == clock.today() + dt.timedelta(days=1)
    for name in ("todayButton", "nextPage", "weekView", "monthView"):
        qtbot.mouseClick(calendar.findChild(QAbstractButton, name), Qt.MouseButton.LeftButton)
        assert QApplication.focusWidget() is calendar, name


def test_a_dialog_gives_the_focus_back(qtbot, window, calendar, monkeypatch):
    def runner_looks_and_cancels(dialog):
        dialog.show()
        next(iter(dialog.editors.values())).setFocus()  # the runner tabs into a field
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        dialog.reject()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ThresholdsDialog, "exec", runner_looks_and_cancels)
    window.findChild(type(window.menuBar().actions()[0]), "actionThresholds").trigger()
    assert window.focusWidget() is calendar
    window.activateWindow()  # what the window manager does when the dialog goes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is calendar)
    type_key(qtbot, Qt.Key.Key_Left)
    assert calendar.selected_day() == clock.today() - dt.timedelta(days=1)


def test_the_selected_day_shows_whether_it_has_the_keyboard(qtbot, window, calendar):
    window.repo.save_session(
        Session(
            clock.today(),
            SessionKind.STRENGTH,
            Status.PLANNED,
            title="Legs",
            sets=[SetEntry("Back squat", reps=5, weight_kg=60)],
        )
    )
    calendar.select_day(clock.today())
    type_key(qtbot, Qt.Key.Key_Space)  # the day's session: its chip is the focus item
    cell = calendar.grid.cell_for(clock.today())
    chip = cell.chips[0]
    palette = cell.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    middle = cell.height() // 2
    assert pixel(cell, 1, middle) == highlight  # the thick frame in the highlight colour
    assert pixel(chip, 1, chip.height() // 2) == highlight
    other = calendar.grid.cell_for(clock.today() + dt.timedelta(days=1))
    assert pixel(other, 1, middle) != highlight
    calendar.plan_button.setFocus()  # the keyboard goes elsewhere (Tab): a quieter frame
    qtbot.waitUntil(lambda: not calendar.hasFocus())
    assert pixel(cell, 1, middle) == palette.color(QPalette.ColorRole.Text)
    assert pixel(chip, 1, chip.height() // 2) != highlight


@pytest.mark.parametrize("name", ["light", "dark"])
def test_today_and_the_selected_day_look_different(qtbot, window, calendar, name):
    window.set_theme(name)
    today = calendar.grid.cell_for(clock.today())
    calendar.select_day(clock.today() + dt.timedelta(days=1))
    selected = calendar.grid.cell_for(clock.today() + dt.timedelta(days=1))
    image = today.grab().toImage()
    pill = theme.today_fill(today.palette())
    # Today: a filled pill behind the date, in neither the highlight nor the base colour.
    assert any(image.pixelColor(x, 8) == pill for x in range(today.width() - 30, today.width() - 4))
    highlight = selected.palette().color(QPalette.ColorRole.Highlight)
    assert abs(pill.hslHue() - highlight.hslHue()) > 60
    assert pixel(selected, 1, selected.height() // 2) == highlight
    assert pixel(today, 1, today.height() // 2) != highlight
    window.set_theme("system")


def test_today_keeps_apart_from_an_orange_highlight():
    """Ubuntu's highlight is orange, like today's pill: today turns teal there."""
    palette = QPalette(theme.light_palette())
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#e95420"))
    assert theme.today_fill(palette) == QColor(theme.TODAY_FILL_BESIDE_ORANGE)
    assert theme.today_fill(theme.light_palette()) == QColor(theme.TODAY_FILL)
