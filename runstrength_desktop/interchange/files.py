"""Reading and writing interchange files for a repository: shared by the CLI and the GUI so
both behave alike (atomic writes, one-transaction imports, errors that name the file)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain.validation import ValidationError
from ..store import Repository, StoreError
from .backup_json import BackupError, dumps_backup, loads_backup


class InterchangeError(Exception):
    """A file that cannot be read or written; nothing was changed."""


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target, then rename: an old file is never left half-overwritten."""
    path = Path(path)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".partial")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def export_json(repo: Repository) -> str:
    return dumps_backup(repo.export_logbook())


def export_json_file(repo: Repository, path: Path) -> None:
    try:
        write_atomically(Path(path), export_json(repo))
    except OSError as exc:
        raise InterchangeError(f"cannot write {path}: {exc.strerror}") from exc


def import_json_file(repo: Repository, path: Path, replace: bool = False) -> dict[str, int]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InterchangeError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        return repo.import_logbook(loads_backup(data, repo.catalogue()), replace=replace)
    except (BackupError, ValidationError) as exc:
        raise InterchangeError(f"{path}: {exc}; nothing was imported") from exc
    except StoreError as exc:
        raise InterchangeError(
            f"{path}: the logbook refused the write ({exc}); nothing was imported"
        ) from exc


def export_text_file(path: Path, text: str) -> None:
    """Write an export (CSV, iCalendar) atomically; InterchangeError names the file."""
    try:
        write_atomically(Path(path), text)
    except OSError as exc:
        raise InterchangeError(f"cannot write {path}: {exc.strerror}") from exc


def check_json_file(repo: Repository, path: Path) -> dict[str, int]:
    """What importing a backup would bring, without writing (`import --dry-run`)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InterchangeError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        logbook = loads_backup(data, repo.catalogue())
    except (BackupError, ValidationError) as exc:
        raise InterchangeError(f"{path}: {exc}; nothing was imported") from exc
    return {
        "exercises": len(logbook.exercises),
        "sessions": len(logbook.sessions),
        "races": len(logbook.races),
        "weeks": len(logbook.weeks),
        "body_weights": len(logbook.body_weights),
        "dry_run": True,
    }
