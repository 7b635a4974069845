"""Benchmarks run with `make bench`, never in `make test`: timings on a shared 2-core machine
are noisy, so each figure is a median of several runs and, where it can be, compared with a
floor measured in the same run.

One table: each benchmark adds its rows to the session's `bench` collector. At the end of a
run of the whole suite the table is printed and written to docs/benchmarks.md with the
machine described; it is copied into the README between its benchmark markers only when
asked (`make bench-docs`, or BENCH_README=1), so a run on a busy machine never rewrites the
README. A run of some of the files prints its rows and leaves both documents alone.

Interactions in the window are measured on a 10-year and a 30-year demo logbook
(`demo_logbooks`), in CPU time and wall time, beside a floor measured in the same run."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.benchmarks.bench_timing import ROOT, isolated_env

HERE = Path(__file__).resolve().parent
DOC = ROOT / "docs" / "benchmarks.md"
README = ROOT / "README.md"
README_START = "<!-- benchmarks:start (written by make bench) -->"
README_END = "<!-- benchmarks:end -->"
# The table's order, whatever order the files run in.
AREAS = (
    "Logbook",
    "Startup",
    "Planner",
    "Calendar",
    "Editor",
    "Progress",
    "Import",
    "Backup",
    "Memory",
)


@dataclass
class Row:
    area: str
    measure: str
    value: str
    target: str = ""
    met: bool | None = None  # None: a figure for context, without a target
    wall: str = ""  # wall time beside a CPU figure


class Bench:
    def __init__(self) -> None:
        self.rows: list[Row] = []

    def add(
        self,
        area: str,
        measure: str,
        value: str,
        target: str = "",
        met: bool | None = None,
        wall: str = "",
    ) -> None:
        assert area in AREAS, area
        self.rows.append(Row(area, measure, value, target, met, wall))
        print(f"\n  {area}: {measure}: {value}" + (f" (target {target})" if target else ""))

    def timing(
        self,
        area: str,
        measure: str,
        cpu_ms: float,
        wall_ms: float,
        target_ms: float | None = None,
        floor_ms: float | None = None,
    ) -> bool:
        """A CPU-time figure with its wall time (and its ratio to the run's floor); met when
        the CPU median is at most target_ms."""
        value = f"{cpu_ms:.1f} ms"
        if floor_ms:
            value += f" = {cpu_ms / floor_ms:.2f} x floor"
        met = None if target_ms is None else cpu_ms <= target_ms
        target = "" if target_ms is None else f"<= {target_ms:g} ms"
        self.add(area, measure, value, target, met, wall=f"{wall_ms:.1f} ms")
        return bool(met) if met is not None else True

    def table(self) -> str:
        lines = [
            "| area | measure | median (CPU) | wall | target | met |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for row in sorted(self.rows, key=lambda r: AREAS.index(r.area)):
            met = {True: "yes", False: "**missed**", None: ""}[row.met]
            lines.append(
                f"| {row.area} | {row.measure} | {row.value} | {row.wall} | {row.target} | {met} |"
            )
        return "\n".join(lines)

    def missed(self) -> list[Row]:
        return [row for row in self.rows if row.met is False]


_BENCH = Bench()


@pytest.fixture(scope="session")
def bench() -> Bench:
    return _BENCH


def _make_demo(tmp_path_factory, bench, years: int) -> Path:
    folder = tmp_path_factory.mktemp(f"demo{years}")
    db = folder / "demo.sqlite"
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "runstrength_desktop",
            "--db",
            str(db),
            "demo",
            "--years",
            str(years),
            "--seed",
            "1",
        ],
        check=True,
        capture_output=True,
        timeout=120,
        env=isolated_env(folder),
    )
    elapsed = time.perf_counter() - started
    from runstrength_desktop.store import Repository

    repo = Repository.open(db)
    try:
        sessions = repo.count_sessions()
    finally:
        repo.close()
    limit = 10 if years <= 10 else 30
    bench.add(
        "Logbook",
        f"demo --years {years}, {sessions:,} sessions (whole process, once)",
        f"{elapsed:.2f} s",
        f"< {limit} s",
        elapsed < limit,
    )
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, bench) -> Path:
    """The 10-year demo logbook (seed 1) every benchmark reads, generated once."""
    return _make_demo(tmp_path_factory, bench, 10)


@pytest.fixture(scope="session")
def demo_db30(tmp_path_factory, bench) -> Path:
    """The 30-year demo logbook (seed 1): interactions must cost no more than on 10 years."""
    return _make_demo(tmp_path_factory, bench, 30)


@pytest.fixture(scope="session")
def demo_logbooks(demo_db, demo_db30) -> dict[int, Path]:
    return {10: demo_db, 30: demo_db30}


def machine() -> str:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split("=" if "=" in line else ":", 1)[1].strip().strip('"')
        except OSError:
            pass
        return ""

    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    cpu = first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()
    memory = first("/proc/meminfo", "MemTotal")
    memory = f", {int(memory.split()[0]) / 2**20:.0f} GiB RAM" if memory else ""
    system = first("/etc/os-release", "PRETTY_NAME") or platform.system()
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {system}, kernel {platform.release()}; "
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside}"
    )


def measured() -> str:
    """What each benchmark file measures: the first paragraph of its docstring."""
    import ast

    lines = []
    for path in sorted(HERE.glob("test_*.py")):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        first = " ".join(doc.split("\n\n")[0].split())
        lines.append(f"- `tests/benchmarks/{path.name}`: {first}")
    return "\n".join(lines)


def document(bench: Bench) -> str:
    return (
        f"# Benchmarks\n\nWritten by `make bench` (`tests/benchmarks/`) on {machine()}.\n"
        "Offscreen Qt, the 10-year and 30-year demo logbooks (`demo --years 10 --seed 1`, "
        "`--years 30`). Each figure is the median of several runs. Interactions are CPU time "
        "of this process (what the work costs, whatever else the machine is doing) with the "
        "wall time beside it; whole-process figures are wall time from start to exit. Where a "
        "target is a ratio, its floor (a whole-window repaint, `json.loads` or `json.dumps` "
        "of the same file, a raw sqlite3 scan of all sets) is measured in the same run, so a "
        "busy machine slows both; wall times on a shared machine say more about the other "
        "processes than about the app.\n\n"
        + bench.table()
        + "\n\n## What each benchmark measures\n\n"
        + measured()
        + "\n"
    )


def replace_readme_table(table: str) -> bool:
    text = README.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    head, rest = text.split(README_START, 1)
    _old, tail = rest.split(README_END, 1)
    README.write_text(f"{head}{README_START}\n{table}\n{README_END}{tail}", encoding="utf-8")
    return True


def pytest_sessionfinish(session, exitstatus) -> None:
    if not _BENCH.rows:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    say = reporter.write_line if reporter else print
    ran = {Path(str(item.path)).name for item in session.items}
    suite = {path.name for path in HERE.glob("test_*.py")}
    say("")
    for line in document(_BENCH).splitlines():
        say(line)
    for row in _BENCH.missed():
        say(f"MISSED: {row.area}: {row.measure}: {row.value} (target {row.target})")
    if not suite <= ran:
        say(
            f"Ran {len(ran & suite)} of {len(suite)} benchmark files: {DOC.name} and the "
            "README left as they were."
        )
        return
    DOC.write_text(document(_BENCH), encoding="utf-8")
    if os.environ.get("BENCH_README") != "1":
        say(f"Wrote {DOC.relative_to(ROOT)}; the README is left as it was (make bench-docs).")
        return
    readme = (
        "and the README"
        if replace_readme_table(_BENCH.table())
        else "(README markers not found: its table not updated)"
    )
    say(f"Wrote {DOC.relative_to(ROOT)} {readme}.")
