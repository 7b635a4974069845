"""One window per logbook. Two windows on one file would each keep their own view and undo
history and overwrite each other's edits, so the second is refused with a message naming the
file. The lock is a QLockFile beside the logbook (`<logbook>.lock`) holding the owner's
process id: a lock left by a crashed or killed process is recognised as stale (its process is
gone) and taken over. The command line does not take it: its short transactions share the
file safely with the window through SQLite's own locking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from ..store import LogbookError


class LogbookInUse(LogbookError):
    """Another RunStrength Desktop window has this logbook open."""


def lock_path_for(db_path: Path) -> Path:
    path = Path(db_path).absolute()
    return path.with_name(path.name + ".lock")


def lock_logbook(db_path: Path) -> QLockFile:
    """The lock of this logbook, taken; LogbookInUse when another window holds it."""
    db_path = Path(db_path).absolute()
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LogbookError(db_path, f"its folder cannot be created ({exc.strerror})") from exc
    lock = QLockFile(str(lock_path_for(db_path)))
    # Never stale by age: the app may run for weeks. Only a dead owner frees the lock.
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # PySide6 gives (pid, hostname, appname)
        owner = f" (process {info[0]} on {info[1]})" if info and info[0] else ""
        raise LogbookInUse(
            db_path,
            "it is already open in another RunStrength Desktop "
            f"window{owner}; switch to that window, or close it "
            "first",
        )
    raise LogbookError(db_path, f"its lock file {lock_path_for(db_path)} cannot be created")
