"""Reading and writing interchange files for a repository: shared by the CLI and the GUI so
both behave alike (capped reads, safe writes, one-transaction imports, errors that name the
file).

Reading: only regular files, at most MAX_READ_BYTES. `/dev/zero` would be read until the
memory ran out and a FIFO with no writer would block forever, so devices, FIFOs and sockets
are refused with a message before a byte is read.

Writing an export: a regular file (or a new name) is written beside the target and renamed
over it, so an old file is never left half-overwritten, with the permissions a new file gets
from the umask (0644 under the usual 022), or the old file's when it replaces one. A FIFO
or a device (`/dev/null`, `/dev/stdout`) is written into as a stream: renaming over it would
replace the special file with a regular one, which as root destroys /dev/null."""

from __future__ import annotations

import gc
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain.validation import ValidationError
from ..store import Repository, StoreError, display_path
from .backup_json import BackupError, dumps_backup, loads_backup

MAX_READ_BYTES = 512 * 1024 * 1024  # far above any real backup or export


class InterchangeError(Exception):
    """A file that cannot be read or written; nothing was changed."""


class InputRefused(OSError):
    """A file the readers will not take (a device, a FIFO, too large); strerror says why."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_input(path: Path, limit: int = MAX_READ_BYTES, what: str = "backup") -> bytes:
    """The bytes of a regular file of at most `limit` bytes. InputRefused (an OSError whose
    strerror says why) for anything else; never blocks on a FIFO, never reads a device."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    handle = os.open(path, flags)  # non-blocking: opening a FIFO must not wait for a writer
    try:
        info = os.fstat(handle)  # of what was opened, not of a name that may change
        if stat.S_ISDIR(info.st_mode):
            raise InputRefused(0, "it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused(
                0, f"it is {_kind(info.st_mode)}, not a file; save the export to a file first"
            )
        if info.st_size > limit:
            raise InputRefused(0, _too_large(info.st_size, limit, what))
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)  # a file that grows while it is read stops here
    finally:
        os.close(handle)
    if len(data) > limit:
        raise InputRefused(0, _too_large(len(data), limit, what))
    return data


def _too_large(size: int, limit: int, what: str) -> str:
    return f"the file is {size // 2**20} MB, larger than any {what} ({limit // 2**20} MB at most)"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write an export; see the module's docstring for how each kind of target is written."""
    try:
        mode = os.stat(path).st_mode  # of what a symlink points to
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "it is a folder", str(path))
        # A FIFO or a device: stream into it (a FIFO's reader is waited for, as by `cat`).
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        return
    path = Path(os.path.realpath(path))  # through a symlink: replace the file it points to
    permissions = stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask()
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        os.fchmod(handle, permissions)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _cannot(action: str, path: Path, exc: OSError) -> InterchangeError:
    return InterchangeError(f"cannot {action} {display_path(path)}: {exc.strerror or exc}")


def export_json(repo: Repository) -> str:
    return dumps_backup(repo.export_logbook())


def export_json_file(repo: Repository, path: Path) -> None:
    try:
        write_atomically(Path(path), export_json(repo))
    except OSError as exc:
        raise _cannot("write", path, exc) from exc


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A backup's document and the logbook read from it are some hundred thousand objects
    that all stay alive until the import ends (none is a cycle to collect): Python's
    collector would walk them again and again as they are made, a tenth of the import."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_json_file(repo: Repository, path: Path, replace: bool = False) -> dict[str, int]:
    try:
        data = read_input(Path(path))
    except OSError as exc:
        raise _cannot("read", path, exc) from exc
    try:
        with _no_cycle_collection():
            # The reader checked every value as it read it: the store need not check them.
            logbook = loads_backup(data, repo.catalogue())
            return repo.import_logbook(logbook, replace=replace, checked=True)
    except (BackupError, ValidationError) as exc:
        raise InterchangeError(f"{display_path(path)}: {exc}; nothing was imported") from exc
    except StoreError as exc:
        raise InterchangeError(
            f"{display_path(path)}: the logbook refused the write ({exc}); nothing was imported"
        ) from exc


def export_text_file(path: Path, text: str) -> None:
    """Write an export (CSV, iCalendar); InterchangeError names the file."""
    try:
        write_atomically(Path(path), text)
    except OSError as exc:
        raise _cannot("write", path, exc) from exc


def check_json_file(repo: Repository, path: Path) -> dict[str, int]:
    """What importing a backup would bring, without writing (`import --dry-run`)."""
    try:
        data = read_input(Path(path))
    except OSError as exc:
        raise _cannot("read", path, exc) from exc
    try:
        logbook = loads_backup(data, repo.catalogue())
    except (BackupError, ValidationError) as exc:
        raise InterchangeError(f"{display_path(path)}: {exc}; nothing was imported") from exc
    return {
        "exercises": len(logbook.exercises),
        "sessions": len(logbook.sessions),
        "races": len(logbook.races),
        "weeks": len(logbook.weeks),
        "body_weights": len(logbook.body_weights),
        "dry_run": True,
    }
