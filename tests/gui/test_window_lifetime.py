"""A closed window goes: nothing of it stays in memory or on the application's list of
windows (File > Open, the crash window and every test open windows in one process)."""

from __future__ import annotations

import gc
import weakref


def _deleted_now(qtbot) -> None:
    """What the event loop does next: the deletes asked for and the events they post, then
    the collector."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(1)
    gc.collect()


def test_a_closed_window_is_freed_with_its_charts_menus(qtbot, db_path, settings):
    from PySide6.QtWidgets import QApplication

    from runstrength_desktop.app import create_window

    _deleted_now(qtbot)
    before = set(map(id, QApplication.topLevelWidgets()))
    win = create_window(db_path, settings)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(1)  # its first turn of the event loop (the timers it starts on show)
    win.tabs.setCurrentWidget(win.progress_tab)
    win.progress_tab.build_pages()  # the charts, and pyqtgraph's menus with them
    assert win.progress_tab.pages
    gone = weakref.ref(win)
    news = weakref.ref(win.context.news)
    win.close()
    win.deleteLater()
    del win
    _deleted_now(qtbot)

    left = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    assert [type(w).__name__ for w in left] == []
    # The news, the bus and the undo stack were parentless: the views' connections to them
    # held the window, a cycle the collector cannot see.
    assert gone() is None and news() is None
