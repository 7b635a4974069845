"""Reading activity files (`make bench`): the FIT, TCX and GPX files of
the shared data's runs (tests/helpers.py shared_path: RUNSTRENGTH_SHARED, else a shared
folder beside the checkout) repeated to 1,000 files, read as a batch (formats found by content,
runs summarised, laps kept), against fitdecode, gpxpy and the XML parser merely reading the
same files. Target: at most 1.5 times their time, and memory flat over the batch (the peak
of 1,000 files within 30 MB of the peak of 100)."""

from __future__ import annotations

import gzip
import io
import shutil
import subprocess
import sys
import time

import pytest

from tests.benchmarks.bench_timing import PEAK_RSS, isolated_env
from tests.helpers import shared_path

SHARED_RUNS = shared_path("data", "runs")
FILES = 1000
TARGET_RATIO = 1.5
FLAT_MB = 30


def activity_files() -> list:
    found = sorted(
        p
        for p in SHARED_RUNS.rglob("*")
        if p.is_file() and p.name.lower().endswith((".fit", ".fit.gz", ".tcx", ".gpx"))
    )
    return found


def batch_folder(tmp_path, count: int):
    folder = tmp_path / f"batch{count}"
    folder.mkdir()
    files = activity_files()
    for i in range(count):
        source = files[i % len(files)]
        shutil.copyfile(source, folder / f"{i:04d}-{source.name}")
    return folder


def libraries_only(folder) -> None:
    """What merely reading the files with the libraries costs."""
    import fitdecode
    import gpxpy
    from defusedxml.ElementTree import fromstring

    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if data[8:12] == b".FIT":
            try:
                with fitdecode.FitReader(io.BytesIO(data)) as reader:
                    for _frame in reader:
                        pass
            except fitdecode.FitError:
                pass
        elif b"<gpx" in data[:4096]:
            gpxpy.parse(data.decode("utf-8-sig"))
        else:
            fromstring(data)


READ = (
    PEAK_RSS
    + """
import sys, time
from runstrength_desktop.interchange.activities.bulk import read_batch
started = time.perf_counter()
batch = read_batch(sys.argv[1])
print(time.perf_counter() - started, len(batch.activities), peak_rss_mb())
"""
)


def read_in_a_process(folder, env) -> tuple[float, int, float]:
    """(seconds, activities, peak MB) of reading the folder in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", READ, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
        check=True,
    )
    seconds, found, peak = result.stdout.split()
    return float(seconds), int(found), float(peak)


# Reading 1,000 files three times over (twice with the libraries alone, once ours) and 100
# once takes minutes, past the suite's 120 s per test.
@pytest.mark.timeout(1800)
@pytest.mark.skipif(not SHARED_RUNS.is_dir(), reason="shared run files not present")
def test_reading_1000_activity_files(tmp_path, bench):
    folder = batch_folder(tmp_path, FILES)
    libraries_only(folder)  # warm the file cache and the imports
    started = time.perf_counter()
    libraries_only(folder)
    floor = time.perf_counter() - started
    env = isolated_env(tmp_path)
    ours, found, peak = read_in_a_process(folder, env)
    assert found >= FILES * 0.9
    ratio = ours / floor
    bench.add(
        "Import",
        f"read {FILES:,} activity files (FIT, TCX, GPX) against the libraries alone "
        f"({floor:.1f} s)",
        f"{ours:.1f} s = {ratio:.2f}x",
        f"<= {TARGET_RATIO}x",
        ratio <= TARGET_RATIO,
    )
    _seconds, _found, small_peak = read_in_a_process(batch_folder(tmp_path, 100), env)
    growth = peak - small_peak
    bench.add(
        "Memory",
        f"peak reading {FILES:,} activity files against 100 ({small_peak:.0f} MB)",
        f"{peak:.0f} MB (+{growth:.0f} MB)",
        f"< +{FLAT_MB} MB",
        growth < FLAT_MB,
    )
