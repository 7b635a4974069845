"""One writer per logbook file, by the file and not by its name.

SQLite names its WAL, its shared-memory index and its locks after the path it is given. Two
processes writing one file through two names (a hard link) each get their own WAL, both
believe they hold the write lock, and saves are lost while integrity_check still says ok.
So every opener, window or command line, goes through `resolve_logbook`: the file's real
path (symlinks followed), and a file with more than one hard link is refused, since its
other names cannot be followed back. With one name, SQLite's own locking (BEGIN IMMEDIATE
and the busy timeout, store/database.py) lets the command line and a window write in turn.

A window also takes `WindowLock`, because two windows on one file would each keep their own
view and undo history and overwrite each other's edits. It is an exclusive flock() on the
logbook file itself, chosen over a lock file because flock locks the open file, that is the
inode: every name of the file meets the same lock, the kernel frees it when the process ends
however it ends (no stale lock after a crash or a SIGKILL), and there is no lock file whose
deletion would let a second window in. flock and the POSIX record locks SQLite uses are
independent on local file systems, so the window's lock never blocks SQLite. The command
line takes no window lock: it must be able to write while a window is open.

`<logbook>.lock` beside the file only says who holds the lock (process, host, since), for
the message a refused second window shows; the holder writes it again if it is deleted."""

from __future__ import annotations

import json
import logging
import os
import socket
import tempfile
from pathlib import Path
from types import ModuleType

from .. import clock
from .errors import LogbookError, display_path

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows: no flock; there only the one-name rule applies
    fcntl = None

log = logging.getLogger(__name__)


class LogbookInUse(LogbookError):
    """Another RunStrength Desktop window has this logbook open."""


def resolve_logbook(path: Path | str) -> Path:
    """The one path every writer must use for this logbook: absolute, symlinks followed.
    LogbookError for a file with other names (hard links) or a name SQLite cannot open."""
    given = Path(path).expanduser().absolute()
    try:
        str(given).encode("utf-8")
    except UnicodeEncodeError:
        raise LogbookError(
            given,
            "its path has bytes that are not UTF-8 text, which SQLite cannot open; rename "
            "the file or its folder",
        ) from None
    real = Path(os.path.realpath(given))
    try:
        links = real.stat().st_nlink if real.is_file() else 1
    except OSError:
        links = 1
    if links > 1:
        raise LogbookError(
            real,
            f"the file has {links} hard links (other names for the same file). SQLite keeps "
            "its journal beside the name a logbook is opened by, so two programs writing "
            "through two names would lose each other's saves. Keep one name: copy the file "
            "(cp) to the name you want and delete the other names",
        )
    return real


def lock_path_for(db_path: Path) -> Path:
    """The note beside the logbook that says which window holds it."""
    path = Path(db_path).absolute()
    return path.with_name(path.name + ".lock")


def _holder_text(note: Path) -> str:
    try:
        info = json.loads(note.read_text(encoding="utf-8"))
        return f" (process {int(info['pid'])} on {info['host']}, since {info['since']})"
    except (OSError, ValueError, KeyError, TypeError):
        return ""


class WindowLock:
    """A window's hold on a logbook; `take` it before opening, `release` after closing."""

    def __init__(self, path: Path, handle: int | None) -> None:
        self.path = path
        self.note = lock_path_for(path)
        self._handle = handle

    @classmethod
    def take(cls, path: Path | str) -> WindowLock:
        real = resolve_logbook(path)
        try:
            real.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # A new logbook is private training data: created 0600 here, before SQLite.
            handle = os.open(real, os.O_RDONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as exc:
            raise LogbookError(real, f"it cannot be opened ({exc.strerror})") from exc
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(handle)
                raise LogbookInUse(
                    real,
                    "it is already open in another RunStrength Desktop "
                    f"window{_holder_text(lock_path_for(real))}; switch to that window, or "
                    "close it first",
                ) from None
        lock = cls(real, handle)
        lock._write_note()
        return lock

    def _write_note(self) -> None:
        note = {"pid": os.getpid(), "host": socket.gethostname(), "since": _since()}
        try:
            handle, temp = tempfile.mkstemp(dir=self.note.parent, prefix=".lock-note-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(note, out)
            os.replace(temp, self.note)
        except OSError as exc:  # the note only names the holder; the lock itself holds
            log.warning("could not write %s: %s", display_path(self.note), exc)

    def _note_is_mine(self) -> bool:
        try:
            note = json.loads(self.note.read_text(encoding="utf-8"))
            return bool(note.get("pid") == os.getpid())
        except (OSError, ValueError, AttributeError):
            return False

    def check(self) -> bool:
        """Write the holder's note again if someone deleted or overwrote it; True when it had
        to be (the window says so in its status bar)."""
        if self._handle is None or self._note_is_mine():
            return False
        log.warning("the lock note %s was deleted or changed; written again", self.note)
        self._write_note()
        return True

    def release(self) -> None:
        """Let go (after the logbook's connection is closed: closing this handle drops the
        process's record locks on the file too, which SQLite must no longer hold)."""
        if self._handle is None:
            return
        if self._note_is_mine():
            self.note.unlink(missing_ok=True)
        os.close(self._handle)  # the flock goes with the handle
        self._handle = None

    # QLockFile's name for it, which the window used before.
    unlock = release


def _since() -> str:
    return clock.now().isoformat(sep=" ", timespec="seconds")


def lock_logbook(db_path: Path | str) -> WindowLock:
    """The window lock of this logbook, taken; LogbookInUse when another window holds it."""
    return WindowLock.take(db_path)
