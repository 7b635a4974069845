"""Demo generation and startup to first paint on a 10-year demo logbook (`make bench`).

Prints a table and writes it to docs/benchmarks.md with the machine described."""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5

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
            QTimer.singleShot(0, lambda: (print(json.dumps({"startup_s": time.perf_counter() - start})), app.quit()))
        return False
f = F(); w.installEventFilter(f); w.resize(1366, 768); w.show(); app.exec()
"""


def _run(args: list[str]) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - started, result.stdout


def _median_wall(args: list[str]) -> float:
    return statistics.median(_run(args)[0] for _ in range(RUNS))


def test_demo_and_startup(tmp_path):
    db = tmp_path / "demo.sqlite"
    app = [sys.executable, "-m", "runstrength_desktop", "--db", str(db)]
    demo_s, _ = _run(app + ["demo", "--years", "10", "--seed", "1"])
    floor_s = _median_wall([sys.executable, "-c", FLOOR_SCRIPT])
    smoke_s = _median_wall(app + ["--smoke"])
    rows = [
        ("demo --years 10 (whole process)", f"{demo_s:.2f} s", "< 10 s"),
        ("startup to first paint, floor script", f"{floor_s:.2f} s", "baseline"),
        ("startup to first paint, --smoke", f"{smoke_s:.2f} s", "<= 1.5 x floor"),
        ("startup ratio to floor", f"{smoke_s / floor_s:.2f} x", "<= 1.5 x"),
    ]
    table = "\n".join(["| measure | median | target |", "| --- | --- | --- |",
                       *(f"| {a} | {b} | {c} |" for a, b, c in rows)])
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}, {platform.system()} {platform.release()}")
    text = (f"# Benchmarks\n\nMeasured by `make bench` on {machine}. Wall time of whole "
            f"processes, median of {RUNS} runs, offscreen Qt, 10-year demo logbook.\n\n"
            f"{table}\n")
    print("\n" + text)
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "benchmarks.md").write_text(text)
    assert demo_s < 10
