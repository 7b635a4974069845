"""Copies of the logbook made with SQLite's online backup API, which gives a consistent
snapshot even while the database is open (a plain file copy could catch a half-written page
or miss what is still in the WAL).

Each copy is written to a temporary file of its own (unique per process: two programs
opening one logbook in the same second never share a `.partial`), then given its final name
without ever overwriting another copy. Copies are private (0600, in a 0700 folder), pruned
by count and by total size, and a leftover of an interrupted copy or restore is removed."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

KEEP_PER_KIND = 10  # newest copies kept of each kind (automatic, manual, before a restore...)
MAX_TOTAL_FACTOR = 20  # all copies together at most 20 times the logbook's size
MAX_AGE = dt.timedelta(days=1)
LEFTOVER_AGE = dt.timedelta(hours=1)  # an unfinished copy or restore this old was killed
_STAMP = "%Y%m%d-%H%M%S"
# Labels this app gives; a name with any other is another logbook's ("logbook-old-…").
_LABEL = r"manual|before-restore|pre-v\d+"


def backups_dir_for(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def copy_database(source: sqlite3.Connection, destination: Path) -> Path:
    """Snapshot `source` into `destination`, atomically: a crash leaves either the old file
    or the complete new one, never half a backup."""
    _write_copy(source, destination, replace=True)
    return destination


def _write_copy(source: sqlite3.Connection, destination: Path, replace: bool) -> None:
    _private_folder(destination.parent)
    handle, name = tempfile.mkstemp(
        dir=destination.parent, prefix=destination.name + ".", suffix=".partial"
    )
    os.close(handle)  # created 0600; SQLite takes the empty file as a new database
    partial = Path(name)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            # A backup is a single file: no WAL beside it that could get separated.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        if replace:
            os.replace(partial, destination)
        else:
            _link_new(partial, destination)
    finally:
        partial.unlink(missing_ok=True)


def _link_new(partial: Path, destination: Path) -> None:
    """Give the finished copy its name unless that name is taken (FileExistsError)."""
    try:
        os.link(partial, destination)  # atomic, and never replaces an existing file
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise FileExistsError(destination) from None
        if destination.exists():  # a file system without hard links (FAT): check, then move
            raise FileExistsError(destination) from None
        os.replace(partial, destination)


def _name(db_path: Path, label: str, when: dt.datetime) -> str:
    return f"{Path(db_path).stem}-{label + '-' if label else ''}{when.strftime(_STAMP)}.sqlite"


def backup_pattern(db_path: Path) -> re.Pattern[str]:
    """Names of this logbook's copies: its name, a label this app gives, the time."""
    return re.compile(
        re.escape(Path(db_path).stem) + rf"-(?:(?P<label>{_LABEL})-)?(?P<stamp>\d{{8}}-\d{{6}})"
        r"\.sqlite$"
    )


def _listed(db_path: Path) -> list[tuple[dt.datetime, str, Path]]:
    """(made, label, path) of this logbook's copies, oldest first."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    pattern = backup_pattern(db_path)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match is None or not path.is_file():  # another logbook's, or not a file at all
            continue
        try:
            made = dt.datetime.strptime(match.group("stamp"), _STAMP)
        except ValueError:
            continue
        found.append((made, match.group("label") or "", path))
    return sorted(found)


def automatic_backups(db_path: Path) -> list[tuple[dt.datetime, Path]]:
    """The automatic backups of this logbook, oldest first."""
    return [(made, path) for made, label, path in _listed(db_path) if not label]


def all_backups(db_path: Path) -> list[Path]:
    """This logbook's copies (automatic, manual, pre-migration, before a restore), newest
    first."""
    return [path for _made, _label, path in reversed(_listed(db_path))]


def backup_now(
    source: sqlite3.Connection, db_path: Path, now: dt.datetime, label: str = ""
) -> Path:
    """A new copy named after `now` (a later second when that name is taken), then the
    copies pruned. Raises OSError or sqlite3.Error when it cannot be made."""
    folder = backups_dir_for(db_path)
    when = now
    for _attempt in range(60):
        destination = folder / _name(db_path, label, when)
        if not destination.exists():
            try:
                _write_copy(source, destination, replace=False)
            except FileExistsError:
                pass  # another process took that second meanwhile
            else:
                prune_backups(db_path, keep=destination)
                return destination
        when += dt.timedelta(seconds=1)
    raise FileExistsError(errno.EEXIST, "no free backup name", str(folder))


def prune_backups(db_path: Path, keep: Path | None = None) -> list[Path]:
    """Drop the oldest copies beyond KEEP_PER_KIND of each kind, then the oldest until all
    together take at most MAX_TOTAL_FACTOR times the logbook. The newest copy of each kind
    (and `keep`) always stays, so a restore can always be undone. Returns what it removed."""
    listed = _listed(db_path)
    newest = {label: path for _made, label, path in listed}  # the last of each kind wins
    spared = set(newest.values()) | ({keep} if keep else set())
    removed: list[Path] = []
    by_kind: dict[str, list[Path]] = {}
    for _made, label, path in listed:
        by_kind.setdefault(label, []).append(path)
    for paths in by_kind.values():
        removed += [p for p in paths[:-KEEP_PER_KIND] if p not in spared]
    remaining = [p for _m, _l, p in listed if p not in removed]
    sizes = {p: _size(p) for p in remaining}
    # The logbook's size: its file and WAL (much of it may still be in the WAL), or the
    # newest copy, which holds all of it.
    logbook = _size(Path(db_path)) + _size(Path(f"{db_path}-wal"))
    limit = MAX_TOTAL_FACTOR * max([logbook] + [sizes[p] for p in spared if p in sizes])
    total = sum(sizes.values())
    for path in remaining:  # oldest first
        if total <= limit:
            break
        if path not in spared:
            removed.append(path)
            total -= sizes[path]
    for path in removed:
        try:
            path.unlink()
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", path, exc)
    return removed


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def automatic_backup(source: sqlite3.Connection, db_path: Path, now: dt.datetime) -> Path | None:
    """On start: back up when the newest automatic backup is older than a day. Returns the
    new backup, or None when a recent one exists. A copy dated in the future (a clock that
    was wrong) does not count as recent, or it would stop every backup until that date."""
    existing = [made for made, _path in automatic_backups(db_path) if made <= now]
    if existing and now - existing[-1] < MAX_AGE:
        return None
    return backup_now(source, db_path, now)


def clean_leftovers(db_path: Path) -> None:
    """Remove what a killed backup or restore left in the backups folder: `.partial` files
    and `.restore-*` folders older than an hour (a younger one may belong to a restore
    running right now in another window)."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return
    cutoff = time.time() - LEFTOVER_AGE.total_seconds()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for path in entries:
        try:
            old = path.lstat().st_mtime < cutoff
            if old and path.name.startswith(".restore-") and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif old and path.name.endswith(".partial") and path.is_file():
                path.unlink()
        except OSError as exc:
            log.warning("could not remove the leftover %s: %s", path, exc)
