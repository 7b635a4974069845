"""Restoring the open logbook from one of its backups.

A restore is one step that cannot be half done: the chosen copy is checked from end to end
first (a damaged one is refused and the logbook is not touched), the logbook as it stands is
copied into backups/ (so the restore itself can be undone), and then SQLite's backup API
writes the copy's pages into the open connection in one write transaction. A crash during
that transaction leaves the old logbook, as any interrupted transaction does. The file keeps
its identity (same inode, still WAL), so no other part of the app has to reopen it."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import PeeweeException, SqliteDatabase

from .. import clock
from ..domain.changes import Change
from .backup import all_backups, backup_now, backup_pattern, backups_dir_for, copy_database
from .errors import StoreError, describe
from .inspect import SQLITE_HEADER, bad_date, read_only_connection, schema_of, schema_problem
from .migrations import SCHEMA_VERSION, migrate_to_current
from .models import database_proxy

if TYPE_CHECKING:
    from .repository import Repository

BEFORE_RESTORE = "before-restore"
_STAMP = "%Y%m%d-%H%M%S"


class RestoreError(Exception):
    """A backup that cannot be restored; the logbook was not changed."""

    def __init__(self, backup: Path, problem: str) -> None:
        self.backup = Path(backup)
        self.problem = problem
        super().__init__(
            f"{self.backup.name} cannot be restored: {problem}. The logbook was not changed."
        )


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: dt.datetime
    kind: str  # what made it: "automatic", "manual", "before a restore", ...
    sessions: int | None  # None when the copy cannot be read
    problem: str = ""  # why it cannot be restored ("" when it can)


@dataclass(frozen=True)
class Restored:
    backup: Path
    sessions: int
    aside: Path  # the logbook as it was just before the restore


def _kind(label: str | None) -> str:
    if not label:
        return "automatic"
    if label == BEFORE_RESTORE:
        return "before a restore"
    if match := re.fullmatch(r"pre-v(\d+)", label):
        return f"before the upgrade to schema {match.group(1)}"
    return label


def list_backups(db_path: Path) -> list[BackupInfo]:
    """This logbook's backups, newest first, each with its date, what made it and how many
    sessions it holds (read without writing; a damaged copy is listed with its problem).
    Another logbook's copies in the same folder are not listed."""
    pattern = backup_pattern(db_path)
    found = []
    for path in all_backups(db_path):
        match = pattern.match(path.name)
        if match is None:  # all_backups lists only names the pattern takes
            continue
        made = dt.datetime.strptime(match.group("stamp"), _STAMP)
        try:
            _version, sessions = check_backup(path, thorough=False)
            found.append(BackupInfo(path, made, _kind(match.group("label")), sessions))
        except RestoreError as error:
            found.append(BackupInfo(path, made, _kind(match.group("label")), None, error.problem))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def check_backup(path: Path, thorough: bool = True) -> tuple[int, int]:
    """(schema version, number of sessions) of a backup we can restore; RestoreError naming
    the problem otherwise. `thorough` reads every page (integrity_check), as a restore must;
    the listing makes do with quick_check."""
    path = Path(path)
    if not path.is_file():
        raise RestoreError(path, "it is not a regular file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise RestoreError(path, f"it cannot be read ({exc.strerror})") from exc
    if header != SQLITE_HEADER:
        raise RestoreError(path, "it is not an SQLite database")
    try:
        conn = read_only_connection(path)
        try:
            check = conn.execute(f"PRAGMA {'integrity' if thorough else 'quick'}_check").fetchall()
            if check != [("ok",)]:
                raise RestoreError(path, f"it is damaged ({check[0][0]})")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RestoreError(
                    path, f"it was written by a newer RunStrength Desktop (schema {version})"
                )
            tables = {
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if version < 1 or not {"session", "strength_set", "exercise"} <= tables:
                raise RestoreError(path, "it is not a RunStrength logbook")
            # What the logbook would refuse to open, it must not take from a backup either.
            if problem := schema_problem(schema_of(conn), version) or bad_date(conn):
                raise RestoreError(path, problem)
            sessions = conn.execute("SELECT COUNT(*) FROM session").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise RestoreError(path, f"it is damaged ({exc})") from exc
    return version, sessions


def _prepared_copy(backup: Path, version: int, page_size: int, folder: Path) -> Path:
    """The backup as a file the live logbook can take page for page: same page size (the
    backup API refuses to change a WAL file's) and the current schema."""
    copy = folder / "restore.sqlite"
    source = read_only_connection(backup)
    try:
        copy_database(source, copy)
    finally:
        source.close()
    db = SqliteDatabase(str(copy))
    db.connect()
    try:
        if db.execute_sql("PRAGMA page_size").fetchone()[0] != page_size:
            db.execute_sql(f"PRAGMA page_size = {int(page_size)}")
            db.execute_sql("VACUUM")
        if version < SCHEMA_VERSION:
            migrate_to_current(db, version)
    finally:
        db.close()
    return copy


def restore_backup(repo: Repository, backup: Path, now: dt.datetime | None = None) -> Restored:
    """Replace the open logbook's contents with `backup`, in one step, after copying the
    logbook as it is into backups/. RestoreError when the backup cannot be used, StoreError
    when the logbook refuses the write; in both cases the logbook is unchanged."""
    from ..assets import shipped_exercises

    backup = Path(backup)
    version, sessions = check_backup(backup)
    live = repo.db.connection()
    try:
        backups_dir_for(repo.path).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(
            prefix=".restore-", dir=backups_dir_for(repo.path)
        ) as folder:
            page_size = live.execute("PRAGMA page_size").fetchone()[0]
            prepared = _prepared_copy(backup, version, page_size, Path(folder))
            # backup_now never overwrites a copy: two restores in one second keep both asides.
            aside = backup_now(live, repo.path, now or clock.now(), label=BEFORE_RESTORE)
            source = sqlite3.connect(prepared)
            try:
                source.backup(live)  # every page in one write transaction
            finally:
                source.close()
    except (sqlite3.Error, PeeweeException, OSError) as exc:
        raise StoreError(repo.path, f"the restore could not be written ({describe(exc)})") from exc
    # The copy may predate exercises this version ships; the catalogue must be read again.
    repo._catalogue = None
    if database_proxy.obj is not repo.db:
        database_proxy.initialize(repo.db)
    repo._sync_shipped(shipped_exercises())
    repo.announce(Change.everything(f"restore {backup.name}"))
    return Restored(backup, sessions, aside)
