"""Startup to first paint on the 10-year demo logbook (`make bench`): `--smoke`, a whole
process from start to exit, against a floor measured in the same run: a bare script that
imports PySide6 and pyqtgraph and paints a QMainWindow with a QTabWidget, a QCalendarWidget
and a PlotWidget. Target: at most 1.5 x the floor. The frozen bundle (`make package`) is
measured the same way when dist/ holds one."""

from __future__ import annotations

import statistics
import sys

from tests.benchmarks.bench_timing import ROOT, isolated_env, process_seconds

RUNS = 7
TARGET_RATIO = 1.5
FROZEN = ROOT / "dist" / "runstrength-desktop" / "runstrength-desktop"

FLOOR_SCRIPT = """
import time, json, os
start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QCalendarWidget
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer
app = QApplication([])
w = QMainWindow(); tabs = QTabWidget(); tabs.addTab(QCalendarWidget(), "Calendar")
tabs.addTab(pg.PlotWidget(), "Plot"); w.setCentralWidget(tabs)
class F(QObject):
    done = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            def report():
                print(json.dumps({"startup_s": time.perf_counter() - start}))
                app.quit()
            QTimer.singleShot(0, report)
        return False
f = F(); w.installEventFilter(f); w.resize(1366, 768); w.show(); app.exec()
"""


def test_startup_against_the_floor(tmp_path, demo_db, bench):
    env = isolated_env(tmp_path)
    commands = {
        "floor": [sys.executable, "-c", FLOOR_SCRIPT],
        "app": [sys.executable, "-m", "runstrength_desktop", "--db", str(demo_db), "--smoke"],
    }
    if FROZEN.is_file():
        commands["frozen"] = [str(FROZEN), "--db", str(demo_db), "--smoke"]
    # The first opening of the logbook makes its daily automatic backup; later ones do not.
    process_seconds(commands["app"], env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):  # interleaved, so a busy moment hits every command alike
        for name, args in commands.items():
            elapsed, printed = process_seconds(args, env)
            assert '"startup_s"' in printed
            times[name].append(elapsed)
    floor, app = statistics.median(times["floor"]), statistics.median(times["app"])
    bench.add(
        "Startup",
        "floor script: PySide6 + pyqtgraph, first paint (whole process)",
        f"{floor:.2f} s",
        "baseline",
    )
    bench.add(
        "Startup",
        "`--smoke`: window on the logbook, first paint (whole process)",
        f"{app:.2f} s = {app / floor:.2f} x floor",
        f"<= {TARGET_RATIO} x floor",
        app / floor <= TARGET_RATIO,
    )
    if "frozen" in times:
        frozen = statistics.median(times["frozen"])
        bench.add(
            "Startup",
            "frozen bundle `--smoke` (whole process)",
            f"{frozen:.2f} s = {frozen / floor:.2f} x floor",
            f"<= {TARGET_RATIO} x floor",
            frozen / floor <= TARGET_RATIO,
        )
    print("\nall runs (s):", {name: [round(t, 2) for t in runs] for name, runs in times.items()})
    assert app / floor <= TARGET_RATIO
