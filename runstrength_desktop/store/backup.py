"""Copies of the logbook made with SQLite's online backup API, which gives a consistent
snapshot even while the database is open (a plain file copy could catch a half-written page
or miss what is still in the WAL)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

KEEP_AUTOMATIC = 10
MAX_AGE = dt.timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"


def backups_dir_for(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def copy_database(source: sqlite3.Connection, destination: Path) -> Path:
    """Snapshot `source` into `destination`, atomically: a crash leaves either the old file
    or the complete new one, never half a backup."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        # A backup is a single file: no WAL beside it that could get separated.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    os.replace(partial, destination)
    return destination


def _automatic_pattern(db_path: Path) -> re.Pattern:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}-\d{6})\.sqlite$")


def automatic_backups(db_path: Path) -> list[tuple[dt.datetime, Path]]:
    """The automatic backups of this logbook, oldest first."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    pattern = _automatic_pattern(db_path)
    found = []
    for path in folder.iterdir():
        if match := pattern.match(path.name):
            found.append((dt.datetime.strptime(match.group(1), _STAMP), path))
    return sorted(found)


def all_backups(db_path: Path) -> list[Path]:
    """Every copy in the backups folder (automatic, manual, pre-migration), newest first."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)


def backup_now(
    source: sqlite3.Connection, db_path: Path, now: dt.datetime, label: str = ""
) -> Path:
    name = f"{Path(db_path).stem}-{label + '-' if label else ''}{now.strftime(_STAMP)}.sqlite"
    return copy_database(source, backups_dir_for(db_path) / name)


def automatic_backup(
    source: sqlite3.Connection, db_path: Path, now: dt.datetime, keep: int = KEEP_AUTOMATIC
) -> Path | None:
    """On start: back up when the newest automatic backup is older than a day, then keep only
    the newest `keep`. Returns the new backup, or None when a recent one exists."""
    existing = automatic_backups(db_path)
    if existing and now - existing[-1][0] < MAX_AGE:
        return None
    made = backup_now(source, db_path, now)
    for _, old in automatic_backups(db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return made
