"""Medians: of an action in this process, and of whole processes."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def median_ms(action: Callable, arguments: Iterable, after: Callable | None = None) -> float:
    """Median milliseconds of action(argument) over the arguments; `after` (e.g. processing
    Qt's events, so layout and paint are counted) runs inside the timing."""
    times = []
    for argument in arguments:
        started = time.perf_counter()
        action(argument)
        if after is not None:
            after()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def cpu_wall_ms(
    action: Callable, arguments: Iterable, after: Callable | None = None
) -> tuple[float, float]:
    """Medians of the CPU time and the wall time, in milliseconds, of action(argument) (and
    `after`, e.g. processing Qt's events so layout and paint are counted) over the arguments.
    CPU time is this process's (time.process_time): on a shared, noisy machine it says what the
    work costs, where wall time also says how long others kept the core busy."""
    cpu, wall = [], []
    for argument in arguments:
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        action(argument)
        if after is not None:
            after()
        cpu.append((time.process_time() - cpu_start) * 1000)
        wall.append((time.perf_counter() - wall_start) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def process_seconds(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall time of a whole process from start to exit, and what it printed."""
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    return elapsed, result.stdout


def isolated_env(folder: Path) -> dict[str, str]:
    """The app's processes write logs, settings and backups under folder, never in the home
    of whoever runs the benchmarks."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(folder / "home"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_STATE_HOME": str(folder / "state"),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }


# Prepended to a script run in its own process: its peak resident size in MiB. VmHWM belongs
# to the process's memory map, which exec replaces. ru_maxrss does not: it survives exec, so
# a small process started by a big one (pytest with windows open) reports the big one's size.
PEAK_RSS = """
def peak_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
"""
