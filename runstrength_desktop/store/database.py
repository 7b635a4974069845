"""Opening a logbook: the one place that connects to SQLite, checks the file, migrates it and
backs it up. A file we cannot safely use is refused before anything writes to it."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from peewee import PeeweeException, SqliteDatabase

from .. import clock
from .backup import automatic_backup, backup_now, backups_dir_for
from .migrations import SCHEMA_VERSION, migrate_to_current
from .models import ALL_MODELS, database_proxy

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a save that returned survives a power cut
    "busy_timeout": 10000,  # wait for another writer instead of failing "database is locked"
}


class LogbookError(Exception):
    """A logbook file that cannot be opened; the message names the file and what is wrong."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        self.backups_dir = backups_dir_for(self.path)
        super().__init__(
            f"Cannot open the logbook {self.path}: {problem}. "
            f"The file was not changed. Backups are kept in {self.backups_dir}."
        )


class StoreError(Exception):
    """The open logbook refused a read or a write (disk full, file made read-only, replaced
    or damaged underneath). The call that raised it changed nothing: its transaction was
    rolled back. str() is the reason, for a message to the user."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(reason)


class LogbookDatabase(SqliteDatabase):
    """The logbook's connection. Two guards on every write transaction:

    - BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads before it
      writes waits (busy_timeout) for another writer instead of failing with "database is
      locked" when that writer commits between its read and its write;
    - it refuses to write when the file on disk is no longer the one it opened (replaced or
      deleted underneath by a sync tool or a file manager): SQLite would keep writing to the
      old, unlinked file and every later save would be lost at exit."""

    def __init__(self, path: Path, **kwargs) -> None:
        super().__init__(str(path), lock_type="IMMEDIATE", **kwargs)
        self.path = Path(path)
        self._identity: tuple[int, int] | None = None

    def remember_file(self) -> None:
        self._identity = _identity(self.path)

    def begin(self, lock_type=None):
        if self._identity is not None and _identity(self.path) != self._identity:
            raise StoreError(
                self.path,
                f"the file {self.path} was replaced or deleted while "
                "it was open; reopen it with File > Open logbook",
            )
        return super().begin(lock_type)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _is_read_only(path: Path) -> bool:
    # Root ignores permission bits, so os.access alone would call every file writable.
    return not os.access(path, os.W_OK) or not stat.S_IMODE(path.stat().st_mode) & 0o222


def inspect_file(path: Path) -> int:
    """The schema version of an existing logbook, after checking, without writing, that it is
    a healthy SQLite file we may change. Raises LogbookError otherwise."""
    if path.is_dir():
        raise LogbookError(path, "it is a folder, not a file")
    if path.stat().st_size == 0:
        return 0
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise LogbookError(path, "it is not a RunStrength logbook (not an SQLite database)")
    if _is_read_only(path):
        raise LogbookError(path, "the file is read-only; make it writable or open a copy")
    if not os.access(path.parent, os.W_OK) or _is_read_only(path.parent):
        raise LogbookError(path, f"its folder {path.parent} is read-only")
    try:
        probe = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        try:
            check = probe.execute("PRAGMA quick_check").fetchall()
            version = probe.execute("PRAGMA user_version").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise LogbookError(path, f"the file is damaged ({exc})") from exc
    if check != [("ok",)]:
        raise LogbookError(path, f"the file is damaged (quick_check: {check[0][0]})")
    if version > SCHEMA_VERSION:
        raise LogbookError(
            path,
            f"it was written by a newer RunStrength Desktop (schema "
            f"{version}; this version understands up to {SCHEMA_VERSION})",
        )
    return version


def open_database(
    path: Path, *, auto_backup: bool = True, now: dt.datetime | None = None
) -> LogbookDatabase:
    """Open (creating if needed), migrate and back up the logbook at `path`, and bind the
    models to it. Raises LogbookError for a file that must not be touched."""
    path = Path(path).absolute()
    now = now or clock.now()
    if path.exists():
        version = inspect_file(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LogbookError(path, f"its folder cannot be created ({exc.strerror})") from exc
        version = 0
    db = LogbookDatabase(path, pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        db.remember_file()
        if 0 < version < SCHEMA_VERSION:
            # A migration rewrites tables: keep the file as it was, in case it goes wrong.
            copy = backup_now(db.connection(), path, now, label=f"pre-v{SCHEMA_VERSION}")
            log.info("copied %s to %s before migrating from schema %d", path, copy, version)
        if version < SCHEMA_VERSION:
            migrate_to_current(db, version)
        if auto_backup and version > 0:
            automatic_backup(db.connection(), path, now)
    except (sqlite3.Error, PeeweeException) as exc:
        db.close()
        raise LogbookError(path, f"SQLite refused it ({exc})") from exc
    database_proxy.initialize(db)
    return db


def close_database(db: SqliteDatabase) -> None:
    if not db.is_closed():
        # Fold the WAL back into the main file so the logbook is one file again at rest.
        # A failed checkpoint loses nothing (SQLite replays the WAL on the next open), so it
        # must not stop the app from closing.
        try:
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except (sqlite3.Error, PeeweeException) as exc:
            log.warning("could not checkpoint %s on close: %s", db.database, exc)
        db.close()
    if database_proxy.obj is db:
        database_proxy.initialize(None)


__all__ = [
    "ALL_MODELS",
    "LogbookDatabase",
    "LogbookError",
    "StoreError",
    "close_database",
    "inspect_file",
    "open_database",
]
