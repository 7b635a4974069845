"""Peak memory of the window on the 10-year demo logbook (`make bench`): a process opens the
window at 1366x768, shows every tab and every Progress section, opens a session in the
editor, and reports its own peak resident size (VmHWM). Target: under 250 MB."""

from __future__ import annotations

import json
import statistics
import sys

from runstrength_desktop.gui.progress_tab import SECTIONS
from tests.benchmarks.bench_timing import PEAK_RSS, isolated_env, process_seconds

RUNS = 3
TARGET_MB = 250

EVERY_TAB = (
    PEAK_RSS
    + """
import datetime as dt, json, sys
from PySide6.QtWidgets import QApplication
from runstrength_desktop.app import create_window
from runstrength_desktop.domain import Status

window = create_window(sys.argv[1])
app = QApplication.instance()
def settle():
    for _ in range(3):
        app.processEvents()
window.resize(1366, 768)
window.show()
settle()
for index in range(window.tabs.count()):
    window.tabs.setCurrentIndex(index)
    settle()
progress = window.progress_tab
shown = 0
for row in range(progress.sections.count()):
    progress.sections.setCurrentRow(row)
    settle()
    shown += not progress.current_page.stale
from runstrength_desktop import clock
today = clock.today()
done = [s.id for s in window.repo.sessions_between(today - dt.timedelta(days=60), today)
        if s.is_strength and s.status is Status.DONE]
window.context.bus.sessionSelected.emit(done[-1])
settle()
print(json.dumps({"peak_mb": peak_rss_mb(), "sections_drawn": shown,
                  "tab": window.tabs.currentIndex(),
                  "session": window.session_tab.session_id == done[-1]}))
window.session_tab.undo.clear()
window.close()
"""
)


def test_peak_memory_of_the_window(tmp_path, demo_db, bench):
    peaks = []
    for _ in range(RUNS):
        _elapsed, printed = process_seconds(
            [sys.executable, "-c", EVERY_TAB, str(demo_db)], isolated_env(tmp_path)
        )
        figures = json.loads(printed.strip().splitlines()[-1])
        assert (
            figures["sections_drawn"] == len(SECTIONS)
            and figures["tab"] == 1
            and figures["session"]
        )
        peaks.append(figures["peak_mb"])
    peak = statistics.median(peaks)
    bench.add(
        "Memory",
        "peak RSS of the window, every tab and chart shown",
        f"{peak:.0f} MB",
        f"< {TARGET_MB} MB",
        peak < TARGET_MB,
    )
    print(f"\npeak RSS per run (MB): {[round(p) for p in peaks]}")
    assert peak < TARGET_MB
