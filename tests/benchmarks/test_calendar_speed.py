"""Switching month in the calendar and opening a session in the editor, on a 10-year demo
logbook (`make bench`). Target: median under 50 ms each."""
from __future__ import annotations

import datetime as dt
import statistics
import time

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from runstrength_desktop.app import create_window
from runstrength_desktop.cli import main as cli
from runstrength_desktop.domain import Status

RUNS = 24


def _median_ms(action, runs: int = RUNS) -> float:
    times = []
    for index in range(runs):
        started = time.perf_counter()
        action(index)
        QApplication.processEvents()       # include layout and paint of what changed
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def test_month_switch_and_session_open(tmp_path, qapp):
    db = tmp_path / "demo.sqlite"
    assert cli(["--db", str(db), "demo", "--years", "10", "--seed", "1"]) == 0
    window = create_window(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    calendar = window.calendar_tab
    month_ms = _median_ms(lambda i: calendar.page(-1 if i % 2 else 1))
    today = dt.date.today()
    strength = [s.id for s in window.repo.sessions_between(today - dt.timedelta(days=400), today)
                if s.is_strength and s.status is Status.DONE][-RUNS:]
    window.tabs.setCurrentWidget(window.session_tab)
    open_ms = _median_ms(lambda i: window.context.bus.sessionSelected.emit(strength[i]))
    window.session_tab.undo.clear()
    window.close()
    print(f"\ncalendar month switch: median {month_ms:.1f} ms (target < 50 ms)")
    print(f"open a session in the editor: median {open_ms:.1f} ms (target < 50 ms)")
    assert month_ms < 50 and open_ms < 50
