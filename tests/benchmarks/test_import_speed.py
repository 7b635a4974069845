"""Importing a 25,000-row Strong export (`make bench`): under 3 s, and a whole import process
under 200 MB.

The file is generated here (a Strong comma export of about five years: warm-ups, drop and
failure sets, rest timers, notes, a few names the catalogue does not know). Time is the median
of several in-process imports into fresh logbooks; memory is the peak resident size of a whole
`runstrength-desktop import` process. Plain csv parsing of the same file, in the same run, is
the floor the import is compared with."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import time

from runstrength_desktop.domain import WeightUnit
from runstrength_desktop.interchange.importer import import_file
from runstrength_desktop.store import Repository
from tests.benchmarks.bench_timing import PEAK_RSS

ROWS = 25_000
RUNS = 3
HEADER = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
]
EXERCISES = [
    "Squat (Barbell)",
    "Bench Press (Barbell)",
    "Deadlift (Barbell)",
    "Lat Pulldown (Cable)",
    "Seated Calf Raise (Machine)",
    "Plank",
    "Pull Up",
    "Overhead Press (Dumbbell)",
    "Hip Thrust (Barbell)",
    "Sam Sulek Special",
    "Cable Crunch Deluxe",
    "Bulgarian Split Squat",
]


def write_export(path) -> int:
    """A Strong export of ROWS data rows; returns how many of them are sets."""
    rng = random.Random(6)
    rows, sets = [], 0
    start = dt.datetime(2020, 1, 6, 18, 0, 0)
    while len(rows) < ROWS:
        start += dt.timedelta(days=rng.choice((1, 2, 3)), minutes=rng.randint(-90, 90))
        stamp, title = start.strftime("%Y-%m-%d %H:%M:%S"), rng.choice(("Legs", "Upper", "Full"))
        duration = f"{rng.randint(0, 1)}h {rng.randint(0, 59)}m"
        notes = rng.choice(("", "", "felt strong,\nslept well", 'knee "ok"'))
        for exercise in rng.sample(EXERCISES, 5):
            for order in ["W", "1", "2", "3", "Rest Timer", rng.choice(("D", "F", "4"))]:
                if len(rows) == ROWS:
                    break
                seconds = rng.choice((60, 90, 120)) if order == "Rest Timer" else 0
                weight = 0 if exercise in ("Plank", "Pull Up") else rng.randint(8, 60) * 2.5
                rows.append(
                    [
                        stamp,
                        title,
                        duration,
                        exercise,
                        order,
                        weight,
                        0 if exercise == "Plank" else rng.randint(3, 12),
                        0,
                        45 if exercise == "Plank" else seconds,
                        "",
                        notes,
                        "",
                    ]
                )
                sets += order != "Rest Timer"
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return sets


def plain_csv_seconds(path) -> float:
    started = time.perf_counter()
    with open(path, newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source))
    assert len(rows) == ROWS + 1
    return time.perf_counter() - started


def import_seconds(path, db) -> tuple[float, int]:
    repo = Repository.open(db)
    try:
        started = time.perf_counter()
        report = import_file(repo, path, unit=WeightUnit.KG)
        elapsed = time.perf_counter() - started
        assert repo.count_sessions() == report.sessions
    finally:
        repo.close()
    return elapsed, report.sets


MEASURED_IMPORT = (
    PEAK_RSS
    + """
import json, sys
from runstrength_desktop.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "peak_mb": peak_rss_mb()}))
"""
)


def peak_rss_mb(path, db) -> float:
    """Peak resident memory of a whole CLI import process, measured by the process itself."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            MEASURED_IMPORT,
            "--db",
            str(db),
            "import",
            str(path),
            "--unit",
            "kg",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    *report, measured = result.stdout.strip().splitlines()
    figures = json.loads(measured)
    assert figures["code"] == 0 and json.loads(report[-1])["workouts"] > 800
    return figures["peak_mb"]


def test_import_25000_strong_rows(tmp_path, bench):
    path = tmp_path / "strong.csv"
    expected_sets = write_export(path)
    floor = statistics.median(plain_csv_seconds(path) for _ in range(RUNS))
    timings = []
    for run in range(RUNS):
        elapsed, sets = import_seconds(path, tmp_path / f"run{run}.sqlite")
        assert sets == expected_sets
        timings.append(elapsed)
    median = statistics.median(timings)
    memory = statistics.median(
        peak_rss_mb(path, tmp_path / f"memory{run}.sqlite") for run in range(RUNS)
    )
    size_mb = path.stat().st_size / 2**20
    bench.add(
        "Import",
        f"plain `csv.reader` over a {ROWS:,}-row Strong export ({size_mb:.1f} MB)",
        f"{floor:.3f} s",
        "floor",
    )
    bench.add(
        "Import",
        f"import it: parse, map, write {expected_sets:,} sets into a new logbook",
        f"{median:.2f} s = {median / floor:.0f} x floor",
        "< 3 s",
        median < 3.0,
    )
    bench.add(
        "Import",
        "peak memory of a whole `import` process",
        f"{memory:.0f} MB",
        "< 200 MB",
        memory < 200,
    )
    assert median < 3.0
    assert memory < 200
