"""Opening logbooks: pragmas, migrations, automatic backups, and bad files left untouched."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat

import pytest

from runstrength_desktop.store import LogbookError, Repository
from runstrength_desktop.store.backup import automatic_backups, backups_dir_for
from runstrength_desktop.store.migrations import MIGRATIONS, SCHEMA_V1, SCHEMA_VERSION


def test_new_logbook_has_wal_foreign_keys_full_sync_and_the_catalogue(db_path):
    repo = Repository.open(db_path)
    try:
        pragma = lambda name: repo.db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2
        assert pragma("user_version") == SCHEMA_VERSION
        assert len(repo.catalogue()) >= 50
    finally:
        repo.close()


def make_v1_file(path):
    """A logbook as version 1 of the app wrote it, with one session and its sets."""
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.execute(
        "INSERT INTO exercise VALUES (1, 'Back squat', 'lower', 'strength', "
        "'quads,glutes', 'barbell', 'reps', 0, '[]', 0)"
    )
    conn.execute(
        "INSERT INTO session VALUES (1, '2025-03-04', '18:00', 'strength', 'done', 0, "
        "'Legs', NULL, NULL, 40, 7, 'old notes')"
    )
    conn.executemany(
        "INSERT INTO strength_set VALUES (?, 1, ?, 1, 'working', 8, 60, NULL, "
        "NULL, 'both', NULL, NULL, NULL)",
        [(1, 0), (2, 1), (3, 2)],
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_migration_from_version_1_keeps_data_and_copies_the_file_first(db_path):
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2
    make_v1_file(db_path)
    repo = Repository.open(db_path)
    try:
        assert repo.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        session = repo.session(1)
        assert session.notes == "old notes" and [s.reps for s in session.sets] == [8, 8, 8]
        assert session.source == "" and session.source_key == ""
        assert repo.catalogue().get("Back squat").needs_review is False
        assert repo.catalogue().get("Plank") is not None  # new shipped exercises are added
    finally:
        repo.close()
    copies = list(backups_dir_for(db_path).glob(f"*pre-v{SCHEMA_VERSION}*.sqlite"))
    assert len(copies) == 1
    check = sqlite3.connect(copies[0])
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    assert check.execute("SELECT COUNT(*) FROM strength_set").fetchone()[0] == 3
    check.close()


def _unchanged_after_refusal(path, match):
    before = path.read_bytes()
    with pytest.raises(LogbookError, match=match) as caught:
        Repository.open(path)
    assert path.read_bytes() == before
    message = str(caught.value)
    assert str(path) in message and "backups" in message
    return caught.value


def test_a_file_that_is_not_sqlite_is_refused_untouched(db_path):
    db_path.write_text("Date,Workout Name,Exercise Name\n2024-01-01,Legs,Squat\n")
    _unchanged_after_refusal(db_path, "not an SQLite database")


def test_a_corrupt_file_is_refused_untouched(db_path):
    repo = Repository.open(db_path)
    repo.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 2 : page * 3] = os.urandom(page)  # wreck a table page, keep the header
    db_path.write_bytes(bytes(data))
    _unchanged_after_refusal(db_path, "damaged")


def test_a_read_only_file_is_refused_untouched(db_path):
    Repository.open(db_path).close()
    db_path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        _unchanged_after_refusal(db_path, "read-only")
    finally:
        db_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_newer_schema_is_refused_untouched(db_path):
    Repository.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    _unchanged_after_refusal(db_path, "newer RunStrength Desktop")


def test_automatic_backup_daily_keeping_ten(db_path):
    Repository.open(db_path).close()
    assert automatic_backups(db_path) == []  # a brand-new logbook has nothing to keep
    start = dt.datetime(2026, 1, 1, 8, 0)
    Repository.open(db_path, now=start).close()
    Repository.open(db_path, now=start + dt.timedelta(hours=23)).close()
    assert len(automatic_backups(db_path)) == 1  # younger than a day: no new one
    for day in range(1, 15):
        Repository.open(db_path, now=start + dt.timedelta(days=day)).close()
    kept = automatic_backups(db_path)
    assert len(kept) == 10
    assert kept[-1][0] == start + dt.timedelta(days=14)
    conn = sqlite3.connect(kept[-1][1])
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM exercise").fetchone()[0] >= 50
    conn.close()


def test_backup_now_is_a_complete_copy(repo):
    from runstrength_desktop.domain import Session, SessionKind, Status

    repo.save_session(Session(dt.date(2026, 1, 2), SessionKind.RUN, Status.DONE, distance_km=5))
    made = repo.backup_now()
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT distance_km FROM session").fetchall() == [(5.0,)]
    conn.close()
