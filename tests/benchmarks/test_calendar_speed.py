"""Switching month in the calendar and opening a session in the editor, on the 10-year demo
logbook (`make bench`), until Qt has laid out and painted the change. Target: median under
50 ms each."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.domain import Status
from tests.benchmarks.bench_timing import median_ms

RUNS = 24
TARGET_MS = 50


def test_month_switch_and_session_open(tmp_path, qapp, demo_db, bench):
    window = create_window(demo_db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    calendar = window.calendar_tab
    month_ms = median_ms(
        lambda i: calendar.page(-1 if i % 2 else 1), range(RUNS), QApplication.processEvents
    )
    today = clock.today()
    strength = [
        s.id
        for s in window.repo.sessions_between(today - dt.timedelta(days=400), today)
        if s.is_strength and s.status is Status.DONE
    ][-RUNS:]
    window.tabs.setCurrentWidget(window.session_tab)
    open_ms = median_ms(
        lambda i: window.context.bus.sessionSelected.emit(i), strength, QApplication.processEvents
    )
    assert window.session_tab.session_id == strength[-1]
    window.session_tab.undo.clear()
    window.close()
    bench.add(
        "Calendar",
        "switch month (month view, until painted)",
        f"{month_ms:.1f} ms",
        f"< {TARGET_MS} ms",
        month_ms < TARGET_MS,
    )
    bench.add(
        "Editor",
        "open a strength session (sets, last sets, live check)",
        f"{open_ms:.1f} ms",
        f"< {TARGET_MS} ms",
        open_ms < TARGET_MS,
    )
    assert month_ms < TARGET_MS and open_ms < TARGET_MS
