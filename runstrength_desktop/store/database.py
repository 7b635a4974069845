"""Opening a logbook: the one place that connects to SQLite, checks the file, migrates it and
backs it up. A file we cannot safely use is refused before anything writes to it; a backup
that cannot be made is a warning, never a refusal (a full disk must not lock the runner out
of their logbook, not even for `export`)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from peewee import PeeweeException, SqliteDatabase

from .. import clock
from .backup import automatic_backup, backup_now, clean_leftovers, prune_backups
from .batches import undo_interrupted_import
from .errors import (
    SQLITE_BUSY,
    SQLITE_LOCKED,
    LogbookError,
    StoreError,
    describe,
    display_path,
    error_code,
    may_have_reached_disk,
)
from .file_lock import resolve_logbook
from .inspect import SQLITE_HEADER, inspect_file
from .migrations import SCHEMA_VERSION, migrate_to_current
from .models import ALL_MODELS, database_proxy

log = logging.getLogger(__name__)

BUSY_SECONDS = 10.0  # how long a write waits for another writer before giving up
_POLL_SECONDS = 0.002
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a save that returned survives a power cut
    "busy_timeout": int(BUSY_SECONDS * 1000),  # wait for another writer, not "locked"
}


class LogbookDatabase(SqliteDatabase):
    """The logbook's connection. Guards on every write transaction:

    - BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads before it
      writes waits for another writer instead of failing with "database is locked" when that
      writer commits between its read and its write. The wait polls every 2 ms rather than
      with SQLite's busy handler (which sleeps up to 100 ms between tries), so a save gets
      in within the short pause a big import leaves between its batches;
    - it refuses to write when the file on disk is no longer the one it opened (replaced or
      deleted underneath by a sync tool or a file manager): SQLite would keep writing to the
      old, unlinked file and every later save would be lost at exit;
    - a rollback after SQLite already rolled back by itself (it does on a full disk or an
      I/O error) is skipped, so the runner hears of the real error, not of "cannot
      rollback - no transaction is active";
    - a COMMIT that failed is remembered, so the repository can tell "refused" from "may
      be on disk" (see errors.may_have_reached_disk)."""

    def __init__(self, path: Path, **kwargs: Any) -> None:
        super().__init__(str(path), lock_type="IMMEDIATE", **kwargs)
        self.path = Path(path)
        self._identity: tuple[int, int] | None = None
        self.commit_failed = False
        self.warnings: list[str] = []  # what the runner should hear about the open

    def remember_file(self) -> None:
        self._identity = _identity(self.path)

    def begin(self, lock_type: str | None = None) -> None:
        if self._identity is not None and _identity(self.path) != self._identity:
            raise StoreError(
                self.path,
                f"the file {display_path(self.path)} was replaced or deleted while "
                "it was open; reopen it with File > Open logbook",
            )
        self.commit_failed = False
        connection = self.connection()
        deadline = time.monotonic() + BUSY_SECONDS
        connection.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    super().begin(lock_type)
                    return
                except PeeweeException as exc:
                    busy = error_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED)
                    if not busy or time.monotonic() >= deadline:
                        raise
                time.sleep(_POLL_SECONDS)
        finally:
            connection.execute(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']}")

    def commit(self) -> None:
        try:
            super().commit()
        except Exception:
            self.commit_failed = True
            raise

    def rollback(self) -> None:
        if not self.is_closed() and not self.connection().in_transaction:
            return  # SQLite rolled back already (disk full, I/O error): nothing to undo
        super().rollback()

    def may_have_committed(self, exc: BaseException) -> bool:
        return self.commit_failed and may_have_reached_disk(exc)

    def reconnect(self) -> None:
        """Close and open the file again, so it is read as the disk has it: after a failed
        commit this connection's view may differ from what the next start will see."""
        try:
            self.close()
        except (sqlite3.Error, PeeweeException) as exc:
            log.warning("closing %s after a failed commit: %s", display_path(self.path), exc)
        self.connect()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _make_private(path: Path) -> None:
    """The logbook and its WAL readable by its owner only: training data is personal. A new
    file is created 0600; an older one that others could read is made so."""
    if not path.exists():
        handle = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(handle)
        return
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            mode = name.stat().st_mode & 0o777
            if mode & 0o077:
                os.chmod(name, mode & 0o700)
                log.info("made %s private (mode %o -> %o)", name, mode, mode & 0o700)
        except OSError:
            pass  # not there, or not ours to change: reading and writing still work


def open_database(
    path: Path, *, auto_backup: bool = True, now: dt.datetime | None = None
) -> LogbookDatabase:
    """Open (creating if needed), migrate and back up the logbook at `path`, and bind the
    models to it. Raises LogbookError for a file that must not be touched."""
    path = resolve_logbook(path)
    now = now or clock.now()
    if path.exists():
        version = inspect_file(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise LogbookError(path, f"its folder cannot be created ({exc.strerror})") from exc
        version = 0
    try:
        _make_private(path)
    except OSError as exc:
        raise LogbookError(path, f"it cannot be created ({exc.strerror})") from exc
    db = LogbookDatabase(path, pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        db.remember_file()
        if 0 < version < SCHEMA_VERSION:
            # A migration rewrites tables: keep the file as it was, in case it goes wrong.
            # Without that copy there is no upgrade (the open is refused, nothing written).
            try:
                copy = backup_now(db.connection(), path, now, label=f"pre-v{SCHEMA_VERSION}")
            except OSError as exc:
                raise LogbookError(
                    path,
                    f"it needs an upgrade to schema {SCHEMA_VERSION}, and the copy kept "
                    f"before an upgrade could not be made ({exc.strerror or exc})",
                ) from exc
            log.info("copied %s to %s before migrating from schema %d", path, copy, version)
        if version < SCHEMA_VERSION:
            migrate_to_current(db, version)
        if undone := undo_interrupted_import(db, path):
            db.warnings.append(undone)
    except (sqlite3.Error, PeeweeException) as exc:
        db.close()
        raise LogbookError(path, f"SQLite refused it ({describe(exc)})") from exc
    except LogbookError:
        db.close()
        raise
    if auto_backup and version > 0:
        try:
            automatic_backup(db.connection(), path, now)
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            warning = f"No automatic backup was made today: {reason}"
            log.warning("%s (%s)", warning, display_path(path))
            db.warnings.append(warning)
    clean_leftovers(path)
    try:
        prune_backups(path)  # also after a copy whose own pruning a kill cut short
    except OSError as exc:
        log.warning("could not prune the backups of %s: %s", display_path(path), exc)
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
    "SQLITE_HEADER",
    "LogbookDatabase",
    "LogbookError",
    "StoreError",
    "close_database",
    "inspect_file",
    "open_database",
]
