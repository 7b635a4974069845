"""The progress tab on the 10-year demo logbook (`make bench`): the first render of the tab
(read the logbook, compute the strength series, draw) and switching exercise, each until the
chart has painted. Medians of several fresh windows and exercises."""

from __future__ import annotations

import statistics
import time

FIRST_RENDER_TARGET_MS = 300
SWITCH_TARGET_MS = 50
WINDOWS = 5


def _painted_ms(chart, action) -> float:
    """Milliseconds from the action until the chart's view has painted the result."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class PaintWatcher(QObject):
        painted = False

        def eventFilter(self, _watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watcher = PaintWatcher()
    chart.viewport().installEventFilter(watcher)
    started = time.perf_counter()
    action()
    while not watcher.painted:
        QApplication.processEvents()
    elapsed = (time.perf_counter() - started) * 1000
    chart.viewport().removeEventFilter(watcher)
    return elapsed


def _first_render_ms(db, settings_path) -> tuple[float, float, object]:
    """A fresh window opened on the calendar. The charts are built just after its first
    paint (the warm-up); then the time from picking the Progress tab until the chart has
    painted: reading the logbook, computing the series, drawing."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from runstrength_desktop.app import create_window

    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = create_window(db, settings)
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.calendar_tab)
    started = time.perf_counter()
    window.show()
    while not window.progress_tab.pages:
        QApplication.processEvents()
    warm_up = (time.perf_counter() - started) * 1000
    chart = window.progress_tab.strength.graphics
    elapsed = _painted_ms(chart, lambda: window.tabs.setCurrentWidget(window.progress_tab))
    assert len(window.progress_tab.strength.e1rm_curve.getData()[0]) > 100
    return elapsed, warm_up, window


def _switch_ms(page, names) -> list[float]:
    times = []
    for name in names:
        times.append(
            _painted_ms(
                page.graphics, lambda n=name: page.picker.setCurrentIndex(page.picker.findText(n))
            )
        )
        assert page.exercise == name
    return times


def test_progress_tab_speed(tmp_path, qapp, demo_db, bench):
    renders, warm_ups = [], []
    window = None
    for run in range(WINDOWS):
        if window is not None:
            window.close()  # one window per logbook (gui/logbook_lock.py)
        elapsed, warm_up, window = _first_render_ms(demo_db, tmp_path / f"settings{run}.ini")
        renders.append(elapsed)
        warm_ups.append(warm_up)
    page = window.progress_tab.strength
    data = page.data
    loaded = sorted(
        (n for n in data.exercises() if data.progress(n).has_load),
        key=lambda n: -len(data.index()[n]),
    )
    page.data._memo.clear()  # the first visit of each exercise computes it
    names = [n for n in loaded if n != page.picker.currentText()][:12]
    first_visits = _switch_ms(page, names)
    cached = _switch_ms(page, names)  # back and forth: the series are cached
    render_ms, switch_ms = statistics.median(renders), statistics.median(first_visits)
    cached_ms = statistics.median(cached)
    window.close()
    bench.add(
        "Progress",
        "first render of the Progress tab (read, compute, draw)",
        f"{render_ms:.0f} ms",
        f"< {FIRST_RENDER_TARGET_MS} ms",
        render_ms < FIRST_RENDER_TARGET_MS,
    )
    bench.add(
        "Progress",
        f"switch exercise, first visit ({len(names)} exercises)",
        f"{switch_ms:.0f} ms",
        f"< {SWITCH_TARGET_MS} ms",
        switch_ms < SWITCH_TARGET_MS,
    )
    bench.add(
        "Progress",
        "switch exercise, seen before (cached series)",
        f"{cached_ms:.0f} ms",
        f"< {SWITCH_TARGET_MS} ms",
        cached_ms < SWITCH_TARGET_MS,
    )
    print("\nall first renders (ms):", ", ".join(f"{t:.0f}" for t in renders))
    print(
        "show to charts built, in the background after the first paint (ms; the first "
        "window imports pyqtgraph):",
        ", ".join(f"{t:.0f}" for t in warm_ups),
    )
    assert render_ms < FIRST_RENDER_TARGET_MS
    assert switch_ms < SWITCH_TARGET_MS and cached_ms < SWITCH_TARGET_MS
