"""A save while another process imports (`make bench`): the command line restores a 30-year
JSON backup into the logbook a window has open, and the window's saves, one after another
the whole time, must each wait less than a second (the import commits in batches of at most
0.2 s, store/batches.py). Before the batches, one transaction held the write lock for the
whole import and a save failed with "database is locked" after its 10 s busy timeout."""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time

from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
from runstrength_desktop.interchange.backup_json import dumps_backup
from runstrength_desktop.store import Repository
from tests.benchmarks.bench_timing import isolated_env

YEARS = 30


def test_saves_wait_under_a_second_while_a_big_import_runs(tmp_path, bench):
    backup = tmp_path / "thirty-years.json"
    logbook = generate_demo(YEARS, 7)
    backup.write_text(dumps_backup(logbook))
    db = tmp_path / "logbook.sqlite"
    window = Repository.open(db)
    waits: list[float] = []
    try:
        started = time.perf_counter()
        importer = subprocess.Popen(
            [sys.executable, "-m", "runstrength_desktop", "--db", str(db), "import", str(backup)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=isolated_env(tmp_path),
        )
        day = dt.date(1990, 1, 1)
        while importer.poll() is None:
            session = Session(
                day + dt.timedelta(days=len(waits)),
                SessionKind.STRENGTH,
                Status.DONE,
                sets=[SetEntry("Back squat", reps=5, weight_kg=100)] * 3,
            )
            before = time.perf_counter()
            window.save_session(session)
            waits.append(time.perf_counter() - before)
        imported = time.perf_counter() - started
        _out, err = importer.communicate()
        assert importer.returncode == 0, err
        assert window.count_sessions() == len(logbook.sessions) + len(waits)
    finally:
        window.close()
    longest = max(waits)
    bench.add(
        "Logbook",
        f"a save while another process imports {len(logbook.sessions):,} sessions "
        f"({imported:.1f} s): longest wait of {len(waits):,} saves "
        f"(median {statistics.median(waits) * 1000:.0f} ms)",
        f"{longest:.2f} s",
        "< 1 s",
        longest < 1.0,
    )
    assert longest < 1.0
