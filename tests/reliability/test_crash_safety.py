"""Crash safety: a writer process (crash_writer.py) saves sessions in a loop and is killed
with SIGKILL at random moments, over and over, on the same logbook. After every kill the file
passes PRAGMA integrity_check; at the end every save that returned is there, every rewrite
that returned is there (or a later one), and no session has only part of its sets.

`make test` kills 8 times; the full 50 run under the `slow` marker (`make reliability`)."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from runstrength_desktop.store import Repository
from tests.reliability.reliability_support import count

WRITER = Path(__file__).with_name("crash_writer.py")


def integrity(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def one_kill(db: Path, seed: int, rng: random.Random) -> list[str]:
    """Start the writer, kill it at a random moment, return the lines it finished."""
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(db), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0.0, 0.4))  # sometimes while it opens the logbook
        else:
            ready = writer.stdout.readline()
            assert ready == "ready\n", writer.stderr.read()
            time.sleep(rng.uniform(0.0, 0.3))  # usually in the middle of its saves
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
    # Killed while still running: it never stopped, failed or exited on its own.
    assert writer.returncode == -signal.SIGKILL, err
    return list(out.split("\n")[:-1])  # the last piece may be cut short


def run_kills(tmp_path: Path, kills: int, seed: int) -> Counter:
    db = tmp_path / "crash.sqlite"
    Repository.open(db).close()
    rng = random.Random(seed)
    saved: set[int] = set()
    last_rewrite: dict[int, int] = {}
    figures = Counter()
    for kill in range(kills):
        for line in one_kill(db, seed * 1000 + kill, rng):
            word, *fields = line.split()
            if word == "saved":
                saved.add(int(fields[0]))
                figures["saves returned"] += 1
            elif word == "updated":
                last_rewrite[int(fields[0])] = int(fields[2])
                figures["rewrites returned"] += 1
        assert integrity(db) == [("ok",)], f"after kill {kill + 1}"
        figures["kills survived"] += 1

    repo = Repository.open(db)
    try:
        sessions = {s.id: s for s in repo.all_sessions()}
    finally:
        repo.close()
    missing = saved - set(sessions)
    assert not missing, f"saves that returned but are not in the logbook: {sorted(missing)}"
    for session_id, rev in last_rewrite.items():
        assert int(sessions[session_id].notes) >= rev, f"rewrite of {session_id} lost"
    for session in sessions.values():
        wanted = int(session.title.removeprefix("sets="))
        assert len(session.sets) == wanted and {s.reps for s in session.sets} == {wanted}, (
            f"session {session.id} has part of its sets: {session.title}, "
            f"{[s.reps for s in session.sets]}"
        )
    figures["sessions checked"] = len(sessions)
    figures["sets checked"] = sum(len(s.sets) for s in sessions.values())
    assert figures["saves returned"] > 0
    print(f"\ncrash safety: {dict(figures)}")
    for name, value in figures.items():
        count(name, value)
    return figures


def test_sigkill_during_saves_loses_nothing_and_leaves_no_half_session(tmp_path):
    run_kills(tmp_path, kills=8, seed=8)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_fifty_sigkills_during_saves_lose_nothing(tmp_path):
    figures = run_kills(tmp_path, kills=50, seed=50)
    assert figures["kills survived"] == 50
