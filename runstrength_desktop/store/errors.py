"""The store's two errors, and what SQLite's error codes mean for the runner.

SQLite says "disk I/O error" for a failing fsync and for a cable pulled out alike, and
"database or disk is full" whatever was full; the messages below say which, so the runner
knows whether to free space, fix permissions or check the disk."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import PeeweeException

# sqlite3.h: primary result codes and the extended I/O codes we tell apart.
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 11, 13, 14
SQLITE_IOERR_FSYNC = SQLITE_IOERR | (4 << 8)
SQLITE_IOERR_DIR_FSYNC = SQLITE_IOERR | (5 << 8)

# When an error carries no code (it was raised by peewee, or injected by a test), the text
# SQLite gives for each code.
_CODE_BY_TEXT = {
    "database or disk is full": SQLITE_FULL,
    "attempt to write a readonly database": SQLITE_READONLY,
    "disk i/o error": SQLITE_IOERR,
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
    "database disk image is malformed": SQLITE_CORRUPT,
    "unable to open database file": SQLITE_CANTOPEN,
}


def display_path(path: os.PathLike[str] | str) -> str:
    """A path as text that can always be shown (a name with bytes that are not UTF-8 would
    make a message box or a UTF-8 stream fail)."""
    return os.fsencode(os.fspath(path)).decode("utf-8", "replace")


class LogbookError(Exception):
    """A logbook file that cannot be opened; the message names the file and what is wrong."""

    def __init__(self, path: Path, problem: str) -> None:
        from .backup import backups_dir_for

        self.path = Path(path)
        self.problem = problem
        self.backups_dir = backups_dir_for(self.path)
        super().__init__(
            f"Cannot open the logbook {display_path(self.path)}: {problem}. "
            f"The file was not changed. Backups are kept in {display_path(self.backups_dir)}."
        )


class StoreError(Exception):
    """The open logbook refused a read or a write (disk full, file made read-only, replaced
    or damaged underneath). The call that raised it changed nothing: its transaction was
    rolled back (a write that may have reached the disk anyway is re-read first, see
    Repository). str() is the reason, for a message to the user."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(reason)


def sqlite_cause(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind `exc` (peewee wraps it; a rollback error may hide it)."""
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 10:
        if isinstance(current, sqlite3.Error):
            return current
        if (
            isinstance(current, PeeweeException)
            and current.args
            and isinstance(current.args[0], Exception)
        ):
            current = current.args[0]
        else:
            current = current.__cause__ or current.__context__
        seen += 1
    return None


def error_code(exc: BaseException) -> int | None:
    cause = sqlite_cause(exc) or exc
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code
    return _CODE_BY_TEXT.get(str(cause).strip().lower())


def may_have_reached_disk(exc: BaseException) -> bool:
    """An I/O error (fsync included) while committing: the commit record may be in the WAL
    even though SQLite reported a failure, so the write must be re-read, not called refused.
    A full disk, a read-only file or a lock fail before the commit record is written."""
    code = error_code(exc)
    return code is not None and code & 0xFF == SQLITE_IOERR


def describe(exc: BaseException) -> str:
    """What went wrong, in the runner's words, with SQLite's own text after it in brackets
    (callers often put the whole in parentheses)."""
    cause = sqlite_cause(exc) or exc
    text = str(cause) or type(cause).__name__
    code = error_code(exc)
    if code is None:
        return text
    primary = code & 0xFF
    if code in (SQLITE_IOERR_FSYNC, SQLITE_IOERR_DIR_FSYNC):
        friendly = "the disk did not confirm the write (fsync failed), check the disk"
    elif primary == SQLITE_IOERR:
        friendly = "the disk reported an input/output error, check the disk"
    elif primary == SQLITE_FULL:
        friendly = "the disk is full, free some space and try again"
    elif primary == SQLITE_READONLY:
        friendly = "the logbook or its folder is read-only"
    elif primary in (SQLITE_BUSY, SQLITE_LOCKED):
        friendly = "another program kept the logbook busy for more than 10 s"
    elif primary == SQLITE_CORRUPT:
        friendly = "the logbook file is damaged"
    elif primary == SQLITE_CANTOPEN:
        friendly = "the logbook file cannot be opened"
    else:
        return text
    return f"{friendly} [{text}]"
