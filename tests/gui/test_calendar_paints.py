"""What the calendar paints when its tab is shown: each day cell and each chip once. Chips are
opaque and paint their cell's background around their corners, so the picture is the same
as when the cell painted under them (checked here pixel by pixel); before, showing the tab
painted every chip twice, with the cell under it once more."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.demo import generate_demo
from runstrength_desktop.gui import theme
from runstrength_desktop.gui.calendar.chips import Chip
from runstrength_desktop.gui.calendar.grid import DayCell
from runstrength_desktop.gui.editor.sets_model import REPS
from runstrength_desktop.store import Repository


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted: Counter = Counter()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, DayCell | Chip):
            self.painted[watched] += 1
        return False


@pytest.fixture
def demo_months(db_path):
    """A year of the demo logbook and its two weeks of plans, written before the window opens
    on it."""
    repo = Repository.open(db_path)
    try:
        repo.import_logbook(generate_demo(1, 3, clock.today()))
    finally:
        repo.close()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_showing_the_calendar_after_a_save_paints_each_cell_and_chip_once(demo_months, window):
    calendar, editor = window.calendar_tab, window.session_tab
    window.tabs.setCurrentWidget(calendar)
    _settle()
    done = [
        s
        for s in window.repo.sessions_between(clock.today() - dt.timedelta(days=20), clock.today())
        if s.is_strength and s.sets
    ][-1]
    window.tabs.setCurrentWidget(editor)
    window.context.bus.sessionSelected.emit(done.id)
    editor.model.setData(editor.model.index(0, REPS), "7")
    assert editor.save()
    _settle()
    counter = PaintCounter()
    QApplication.instance().installEventFilter(counter)
    try:
        window.tabs.setCurrentWidget(calendar)
        _settle()
    finally:
        QApplication.instance().removeEventFilter(counter)
    cells = calendar.grid.visible_days()
    chips = [chip for cell in cells for chip in cell.findChildren(Chip) if chip.isVisible()]
    assert len(chips) > 10  # the demo's month has runs, lifts and plans to show
    assert {cell.day: counter.painted[cell] for cell in cells if counter.painted[cell] != 1} == {}
    assert [
        (chip.objectName(), counter.painted[chip]) for chip in chips if counter.painted[chip] != 1
    ] == []


def test_a_chip_paints_its_cells_background_around_its_corners(demo_months, window):
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.page(-1)  # the month before: the days of this month around it are shaded
    _settle()
    shades = set()
    for cell in calendar.grid.visible_days():
        for chip in cell.findChildren(Chip):
            if not chip.isVisible():
                continue
            in_month = cell.day.month == calendar.selected.month
            role = QPalette.ColorRole.Base if in_month else QPalette.ColorRole.Window
            expected = cell.palette().color(role).rgb()
            picture = cell.grab().toImage()
            corner = chip.mapTo(cell, QPoint(0, 0))
            assert picture.pixel(corner) == expected, cell.day
            shades.add(in_month)
            # A drag shows the chip alone: its corners stay transparent.
            assert chip.drag_picture().toImage().pixelColor(0, 0).alpha() == 0
    assert shades == {True, False}


def test_a_day_shaded_anew_repaints_its_chips(demo_months, window):
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    _settle()
    cell = next(c for c in calendar.grid.visible_days() if c.findChildren(Chip))
    chip = cell.findChildren(Chip)[0]
    in_month = cell.day.month == calendar.selected.month
    chip_updates = []
    chip.update = lambda *args: chip_updates.append(args)  # type: ignore[method-assign]
    cell.set_day(cell.day, not in_month, False)
    assert chip_updates  # its corners are the cell's background
    assert cell.background() == cell.palette().color(
        QPalette.ColorRole.Window if in_month else QPalette.ColorRole.Base
    )
    assert chip.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


def _pictures(calendar) -> list:
    """Each visible day cell and chip as the window shows it now."""
    widgets = [
        widget
        for cell in calendar.grid.visible_days()
        for widget in (cell, *cell.findChildren(Chip))
        if widget.isVisible()
    ]
    return [(widget.objectName(), widget.grab().toImage()) for widget in widgets]


def _drawn_afresh(calendar) -> list:
    """The same, each drawn anew rather than from the picture it keeps."""
    for cell in calendar.grid.visible_days():
        for widget in (cell, *cell.findChildren(Chip)):
            widget._picture.forget()
    return _pictures(calendar)


def test_cells_and_chips_kept_pictures_show_what_a_fresh_drawing_shows(demo_months, window, qtbot):
    calendar, editor = window.calendar_tab, window.session_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.setFocus()
    _settle()
    steps = [
        lambda: calendar.select_day(clock.today() + dt.timedelta(days=2)),
        lambda: calendar.clearFocus(),  # the selection's frame without the keyboard
        lambda: calendar.page(-1),  # days shaded anew, chips reused for other sessions
        lambda: calendar.page(1),
        lambda: calendar.set_week_view(True),  # taller cells, detailed chips
        lambda: calendar.set_week_view(False),
        lambda: window.resize(1024, 600),  # narrower chips: shorter texts
        lambda: theme.apply_theme("dark"),
        lambda: theme.apply_theme("system"),
    ]
    try:
        for step in steps:
            step()
            _settle()
            assert _pictures(calendar) == _drawn_afresh(calendar)
        done = [
            s
            for s in window.repo.sessions_between(
                clock.today() - dt.timedelta(days=20), clock.today()
            )
            if s.is_strength and s.sets
        ][-1]
        window.tabs.setCurrentWidget(editor)
        window.context.bus.sessionSelected.emit(done.id)
        editor.model.setData(editor.model.index(0, REPS), "7")
        assert editor.save()
        window.tabs.setCurrentWidget(calendar)
        calendar.select_day(done.date)
        _settle()
        assert _pictures(calendar) == _drawn_afresh(calendar)
    finally:
        theme.apply_theme("system")
