"""A change inside a tab repaints what changed in it, not the whole window: opening a
session, committing a cell and moving a planned session in the calendar paint no widget
outside the tab's page (the tab bar, the menu bar, the status bar), and the page's parents
only under the page. Through Qt's own QTabWidget each of them repainted the whole window
(gui/widgets/window_tabs.py). The smallest size a page can take still reaches the window.

Paint events are counted (an event filter), never timed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from runstrength_desktop import clock
from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain import Status
from runstrength_desktop.gui.editor.sets_model import REPS
from runstrength_desktop.store import Repository


@pytest.fixture
def demo_year(db_path):
    """A year of the demo logbook (runs, lifts, the next two weeks planned)."""
    repo = Repository.open(db_path)
    try:
        repo.import_logbook(generate_demo(1, 3, clock.today()))
    finally:
        repo.close()


def settle() -> None:
    # A layout request travels up one parent per round of events: from a calendar chip to
    # the window, some eight rounds.
    for _ in range(12):
        QApplication.processEvents()


class Paints(QObject):
    """The paint events Qt delivers while counting: (widget, painted rectangle)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[QWidget, QRect]] = []

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.seen.append((watched, event.region().boundingRect()))
        return False


def painted_beyond(page: QWidget, action, shows: bool = True) -> list[str]:
    """What `action` (and the layout and paint after it) painted outside `page`: any widget
    that is neither the page, inside it nor one of its parents, and a parent's paint that
    reaches past the page. `shows`: the action changes what the page shows (it paints)."""
    settle()
    paints = Paints()
    app = QApplication.instance()
    app.installEventFilter(paints)
    try:
        action()
        settle()
    finally:
        app.removeEventFilter(paints)
    assert paints.seen or not shows, "the action painted nothing at all"
    beyond = []
    for widget, rect in paints.seen:
        if widget is page or page.isAncestorOf(widget):
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if widget.isAncestorOf(page):
            under_page = QRect(page.mapTo(widget, QPoint(0, 0)), page.size())
            if not under_page.contains(rect):
                beyond.append(f"{name} painted {rect} beyond the page at {under_page}")
        else:
            beyond.append(f"{name} painted {rect}")
    return beyond


def _lifts_done(window) -> list[int]:
    today = clock.today()
    return [
        s.id
        for s in window.repo.sessions_between(today - dt.timedelta(days=60), today)
        if s.is_strength and s.status is Status.DONE
    ]


def test_opening_a_session_and_committing_a_cell_paint_only_the_session_page(demo_year, window):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    first, second = _lifts_done(window)[-2:]
    window.context.bus.sessionSelected.emit(first)
    settle()
    opened = painted_beyond(editor, lambda: window.context.bus.sessionSelected.emit(second))
    assert opened == []
    assert editor.session_id == second
    model = editor.model
    reps = model.index(0, REPS)
    committed = painted_beyond(
        editor, lambda: model.setData(reps, str(int(model.data(reps) or 0) + 1))
    )
    assert committed == []
    assert editor.undo.canUndo()  # the commit reached the session being edited


def test_moving_a_planned_session_paints_only_the_calendar_page(demo_year, window):
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    today = clock.today()
    planned = next(
        s
        for s in window.repo.sessions_between(today, today + dt.timedelta(days=13))
        if s.status is Status.PLANNED and s.date.weekday() < 6
    )
    calendar.select_day(planned.date, planned.id)
    calendar.setFocus()

    def move():
        QTest.keyClick(calendar, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)

    assert painted_beyond(calendar, move) == []
    assert window.repo.session(planned.id).date == planned.date + dt.timedelta(days=1)


def test_a_pages_smallest_size_still_reaches_the_window(demo_year, window):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    settle()
    before = window.minimumSize()
    assert before.width() <= 1024 and before.height() <= 600  # usable on a small screen
    # A page that can no longer be narrower than 1,000 px, in a window wider than that:
    # the window hears of it, and nothing outside the page repaints.
    grown = painted_beyond(editor, lambda: editor.hint.setMinimumWidth(1000), shows=False)
    assert window.minimumSize().width() >= 1000
    assert grown == []
    editor.hint.setMinimumWidth(1300)  # wider than the window: the window grows
    settle()
    assert window.minimumSize().width() >= 1300
    assert window.width() >= 1300
    editor.hint.setMinimumWidth(0)
    settle()
    assert window.minimumSize() == before


def test_the_week_views_title_widens_the_window_it_needs(demo_year, window):
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    settle()
    calendar.set_week_view(True)
    settle()
    assert window.minimumSize().width() >= calendar.minimumSizeHint().width()
    assert window.minimumSize().width() <= 1024  # still fits the smallest screen
    calendar.set_week_view(False)
    settle()
    assert window.minimumSize().width() >= calendar.minimumSizeHint().width()
