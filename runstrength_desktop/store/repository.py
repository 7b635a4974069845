"""The repository: the logbook's API in domain objects. Widgets and the CLI call this, never
peewee. Every method that writes does so in one transaction, and reports what it changed
(a domain.changes.Change) to the listeners given to subscribe(), once it has committed: the
repository is the one owner of change news.

Repository is its parts put together (each a mixin of store/core.py's StoreCore, by area):
sessions (store/sessions.py), races, week phases and body weights (calendar_store.py), the
exercise catalogue (exercise_store.py), runs from the watch (run_records.py), season plans
and plan edits (season_store.py), the progress charts' reads (progress_queries.py), and
whole logbooks and other apps' imports (logbook_transfer.py). This module adds what holds
them together: opening a file, the guard around every public call, and the listeners."""

from __future__ import annotations

import functools
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from peewee import PeeweeException

from .. import clock
from ..domain.changes import Change
from .backup import backup_now, backups_dir_for
from .database import StoreError, close_database, open_database
from .errors import describe
from .logbook_transfer import LogbookTransfer
from .models import database_proxy
from .progress_queries import ProgressReads
from .run_records import RunRecords
from .season_store import SeasonStore

C = TypeVar("C", bound=type)


def _on_own_database(cls: C) -> C:
    """Point the shared model binding at this repository's file before each public call, so
    two repositories in one process (a test comparing logbooks, the GUI switching files)
    never read each other's data. One thread at a time, as everywhere in the app. (The
    models are declared once against store/models.py's database_proxy; peewee's bind_ctx
    would instead bind and unbind every model class around every call, where the proxy is
    one assignment, made only when another repository was used last.)

    SQLite's and peewee's errors (disk full, read-only file, damaged page) leave as
    StoreError, so callers above the store can say why without knowing peewee; the write's
    transaction has been rolled back by then.

    What the call's writes noted (self._note) is announced when the outermost public call
    returns, after its transaction committed and outside the error translation: a listener
    that fails must not make a committed write look refused."""

    def wrap(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def bound(self: Repository, *args: Any, **kwargs: Any) -> Any:
            if database_proxy.obj is not self.db:
                database_proxy.initialize(self.db)
            self._depth += 1
            try:
                result = method(self, *args, **kwargs)
            except (sqlite3.Error, PeeweeException) as exc:
                raise StoreError(self.path, describe(exc)) from exc
            finally:
                self._depth -= 1
                if self._depth == 0 and sys.exc_info()[0] is not None:
                    self._pending.clear()  # rolled back: nothing to announce
            if self._depth == 0 and self._pending:
                self._announce()
            return result

        return bound

    seen: set[str] = set()
    for klass in cls.__mro__[:-1]:  # the class's own methods and its parts'
        for name, member in list(vars(klass).items()):
            if name in seen:
                continue
            seen.add(name)
            if callable(member) and not name.startswith("_"):
                setattr(cls, name, wrap(member))
    return cls


@_on_own_database
class Repository(LogbookTransfer, RunRecords, SeasonStore, ProgressReads):
    @classmethod
    def open(cls, path: Path | str, **options: Any) -> Repository:
        """Open (create, migrate, back up) a logbook by its real path (symlinks followed);
        raises store.LogbookError."""
        from ..assets import shipped_exercises

        db = open_database(Path(path), **options)
        repo = cls(db, db.path)
        repo._sync_shipped(shipped_exercises())
        return repo

    def take_warnings(self) -> list[str]:
        """The warnings gathered since the last call (see StoreCore), oldest first."""
        warnings, self._warnings = self._warnings, []
        return warnings

    def data_version(self) -> int:
        """A number that changes when another connection (another program) commits to the
        logbook; this repository's own writes leave it as it is."""
        version: int = self.db.execute_sql("PRAGMA data_version").fetchone()[0]
        return version

    def close(self) -> None:
        close_database(self.db)

    @property
    def backups_dir(self) -> Path:
        return backups_dir_for(self.path)

    def backup_now(self) -> Path:
        return backup_now(self.db.connection(), self.path, clock.now(), label="manual")

    # -- change news -------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Call `listener(change)` after every committed write, with what it changed."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def announce(self, change: Change) -> None:
        """News of a change made to the file by other means (a restore, another process)."""
        self._pending.append(change)
