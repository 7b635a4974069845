"""Killing the window during each of its write paths: a real window (window_driver.py) saves
in the editor, plans weeks, deletes and undoes and redoes on the calendar, restores a backup
or imports a Strong export, over and over, and is killed with SIGKILL at a random moment
(one time in five while it starts), then started again on the same file. After every kill
the logbook passes integrity_check and foreign_key_check and opens; at the end every write
that had returned is there, and none is there in part:

- save: every printed save is there, every session has exactly the sets its title says;
- plan: each week that was planned has all the plan's sessions or none;
- undo/redo of a delete: a session is never there twice, and always with all its sets;
- restore: the logbook is the backup, or the backup and the one session added since;
- import: the export's workouts are all there or none (after the next open has taken back
  an import that was cut off between its batches).

`make test` kills twice per path; the full 20 per path run under the `slow` marker."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from runstrength_desktop import clock
from runstrength_desktop.domain import (
    RunType,
    Session,
    SessionKind,
    SetEntry,
    Status,
    monday_of,
)
from runstrength_desktop.store import Repository
from tests.reliability.reliability_support import count

DRIVER = Path(__file__).with_name("window_driver.py")
PATHS = ("save", "plan", "undo-delete", "restore", "import")
POOL = 24  # planned sessions the undo/redo path deletes and brings back
KEPT = 5  # sessions in the backup the restore path restores
WORKOUTS = 30  # in the Strong export the import path imports
# How long after "ready" a kill may come: an import of 30 batches takes a second or two.
# The line each path prints when a write has returned.
WRITES = {
    "save": "saved",
    "plan": "planned",
    "undo-delete": "step",
    "restore": "restored",
    "import": "imported",
}
LONGEST = {"save": 0.6, "plan": 0.6, "undo-delete": 0.6, "restore": 1.0, "import": 3.0}

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    + "".join(
        f'2021-03-{1 + day % 28:02d} {7 + day // 28:02d}:00:00,"Legs {day}",1h,"Squat (Barbell)",'
        f"{n},100,5,0,0,,,8\n"
        for day in range(WORKOUTS)
        for n in (1, 2, 3)
    )
)


def checks(db: Path) -> tuple[list, list]:
    conn = sqlite3.connect(db)
    try:
        return (
            conn.execute("PRAGMA integrity_check").fetchall(),
            conn.execute("PRAGMA foreign_key_check").fetchall(),
        )
    finally:
        conn.close()


def seed(db: Path, path: str) -> None:
    repo = Repository.open(db)
    try:
        if path == "plan":
            monday = monday_of(clock.today())
            runs = []
            for week in range(60):
                for offset, kind in ((1, RunType.INTERVALS), (3, RunType.EASY), (6, RunType.LONG)):
                    runs.append(
                        Session(
                            monday + dt.timedelta(days=7 * week + offset),
                            SessionKind.RUN,
                            Status.PLANNED,
                            run_type=kind,
                            distance_km=10,
                        )
                    )
            repo.save_sessions(runs)
        elif path == "undo-delete":
            first = monday_of(clock.today()) + dt.timedelta(days=7)
            repo.save_sessions(
                [
                    Session(
                        first + dt.timedelta(days=n),
                        SessionKind.STRENGTH,
                        Status.PLANNED,
                        title=f"pool-{n}",
                        sets=[SetEntry("Back squat", reps=5, weight_kg=60)] * (1 + n % 6),
                    )
                    for n in range(POOL)
                ]
            )
        elif path == "restore":
            repo.save_sessions(
                [
                    Session(
                        dt.date(2023, 1, 1) + dt.timedelta(days=n),
                        SessionKind.STRENGTH,
                        Status.DONE,
                        title=f"kept-{n}",
                        sets=[SetEntry("Back squat", reps=5, weight_kg=60)] * 3,
                    )
                    for n in range(KEPT)
                ]
            )
            shutil.copy(repo.backup_now(), db.parent / "restore-me.sqlite")
        elif path == "import":
            (db.parent / "strong.csv").write_text(STRONG)
    finally:
        repo.close()


def one_kill(
    db: Path, path: str, seed_number: int, rng: random.Random, after_a_write: bool = False
) -> list[str]:
    """Start the window, kill it at a random moment (after_a_write: not before one write
    has returned), return the lines it finished."""
    window = subprocess.Popen(
        [sys.executable, str(DRIVER), str(db), path, str(seed_number)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    early: list[str] = []
    try:
        if rng.random() < 0.2 and not after_a_write:
            time.sleep(rng.uniform(0.0, 1.5))  # sometimes while it starts
        else:
            early.append(window.stdout.readline())
            assert early == ["ready\n"], window.stderr.read()
            while after_a_write and not early[-1].startswith(WRITES[path]):
                early.append(window.stdout.readline())
                assert early[-1], window.stderr.read()
            time.sleep(rng.uniform(0.0, LONGEST[path]))  # usually in the middle of its writes
        window.send_signal(signal.SIGKILL)
        out, err = window.communicate(timeout=60)
    finally:
        if window.poll() is None:
            window.kill()
    assert window.returncode == -signal.SIGKILL, err  # it never failed on its own
    return [line.rstrip("\n") for line in early] + out.split("\n")[:-1]  # the last may be cut


def verify(db: Path, path: str, lines: list[str], figures: Counter) -> None:
    """What must hold after all the kills of one path (the file opened by the repository,
    so an import cut off between its batches has been taken back)."""
    repo = Repository.open(db)
    try:
        sessions = repo.all_sessions()
    finally:
        repo.close()
    ids = {s.id: s for s in sessions}
    figures["sessions checked"] += len(sessions)
    figures["sets checked"] += sum(len(s.sets) for s in sessions)
    if path == "save":
        saved = [ln.split() for ln in lines if ln.startswith("saved ")]
        figures["writes returned"] += len(saved)
        assert all(int(i) in ids for _, i, _ in saved), "a save that returned is missing"
        for session in sessions:
            wanted = int(session.title.removeprefix("sets="))
            assert len(session.sets) == wanted, f"session {session.id} has part of its sets"
    elif path == "plan":
        for line in lines:
            if line.startswith("planned "):
                figures["writes returned"] += 1
        planned: dict[str, int] = {}
        for line in lines:
            if line.startswith("planning "):
                _, monday, number = line.split()
                planned[monday] = int(number)
        for monday, number in planned.items():
            start = dt.date.fromisoformat(monday)
            week = [
                s
                for s in sessions
                if s.is_strength and start <= s.date < start + dt.timedelta(days=7)
            ]
            assert len(week) in (0, number), f"week of {monday}: {len(week)} of {number}"
            assert all(s.sets for s in week)
    elif path == "undo-delete":
        figures["writes returned"] += sum(ln.startswith("step ") for ln in lines)
        titles = Counter(s.title for s in sessions)
        assert all(n == 1 for n in titles.values()), f"a session came back twice: {titles}"
        for session in sessions:
            number = int(session.title.removeprefix("pool-"))
            assert len(session.sets) == 1 + number % 6, f"{session.title} lost sets"
    elif path == "restore":
        figures["writes returned"] += sum(ln in ("added", "restored") for ln in lines)
        since_restore = 0  # sessions added after the last restore that returned
        for line in lines:
            since_restore = 0 if line == "restored" else since_restore + (line == "added")
        kept = sorted(f"kept-{n}" for n in range(KEPT))
        assert sorted(s.title for s in sessions if s.title != "added") == kept
        assert all(len(s.sets) == 3 for s in sessions if s.title != "added")
        # Each add is undone by the restore that follows it, or by none (killed before).
        added = sum(s.title == "added" for s in sessions)
        assert added <= since_restore + 1, f"{added} added, {since_restore} since a restore"
        asides = list((db.parent / "backups").glob("*before-restore*.sqlite"))
        assert len(asides) <= 10  # pruned, however many restores ran
    elif path == "import":
        figures["writes returned"] += sum(ln.startswith("imported ") for ln in lines)
        imported = [s for s in sessions if s.source == "strong"]
        assert len(imported) in (0, WORKOUTS), f"{len(imported)} of {WORKOUTS} workouts"
        assert all(len(s.sets) == 3 for s in imported)


def run_window_kills(tmp_path: Path, path: str, kills: int, seed_number: int) -> Counter:
    db = tmp_path / "window.sqlite"
    seed(db, path)
    rng = random.Random(seed_number)
    figures: Counter = Counter()
    lines: list[str] = []
    for kill in range(kills):
        last = kill == kills - 1  # at least one write returns in every run, however short
        lines += one_kill(db, path, seed_number * 1000 + kill, rng, after_a_write=last)
        integrity, foreign_keys = checks(db)
        assert integrity == [("ok",)], f"{path}, after kill {kill + 1}: {integrity}"
        assert foreign_keys == [], f"{path}, after kill {kill + 1}: {foreign_keys}"
        if path == "import":
            figures["imports cut off, named in the journal"] += import_whole_or_journaled(db)
        figures["kills survived"] += 1
    verify(db, path, lines, figures)
    assert figures["writes returned"] > 0, f"{path}: no write returned before a kill"
    print(f"\nwindow kills during {path}: {dict(figures)}")
    for name, value in figures.items():
        count(f"window {name} ({path})", value)
        count(f"window {name}", value)
    return figures


def import_whole_or_journaled(db: Path) -> int:
    """Right after a kill, before anything opens the file: the export's workouts are all
    there or none, or the import journal names every one that is there (the next open takes
    them back). 1 when the kill cut an import between its batches."""
    conn = sqlite3.connect(db)
    try:
        there = {i for (i,) in conn.execute("SELECT id FROM session WHERE source = 'strong'")}
    finally:
        conn.close()
    journal = db.with_name(db.name + ".import-journal")
    if len(there) in (0, WORKOUTS) and not journal.exists():
        return 0
    named = {
        int(n)
        for line in journal.read_text().splitlines()
        if line.startswith("session ")
        for n in line.split()[1:]
    }
    assert there <= named, f"{len(there - named)} imported sessions the journal does not name"
    return 1


@pytest.mark.timeout(600)
@pytest.mark.parametrize("path", PATHS)
def test_killing_the_window_during_a_write_loses_nothing(tmp_path, path):
    run_window_kills(tmp_path, path, kills=2, seed_number=PATHS.index(path) + 1)


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("path", PATHS)
def test_twenty_window_kills_during_each_write_path(tmp_path, path):
    figures = run_window_kills(tmp_path, path, kills=20, seed_number=20 + PATHS.index(path))
    assert figures["kills survived"] == 20
