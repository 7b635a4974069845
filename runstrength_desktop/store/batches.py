"""Big writes in short transactions, all or nothing for the runner.

An import of 100,000 sessions in one transaction holds SQLite's write lock for a minute, so a
save in another process (the window, while the command line imports) fails after its busy
timeout. `Batches` commits every BATCH_SECONDS and pauses briefly, so another writer (which
polls every 2 ms, store/database.py) gets its turn within a fraction of a second. What the
batches committed is remembered; if a later batch fails, it is deleted again, so the call
still either writes everything or nothing.

A process that dies in the middle (a SIGKILL, a power cut) cannot delete anything, so the
ids are also written, before each batch commits, to an import journal beside the logbook
(`<logbook>.import-journal`, held with an exclusive flock while the import runs). The next
open of the logbook finds a journal nobody holds and takes those rows back
(`undo_interrupted_import`).

`replace_through_copy` does the same for `import --replace`: the new contents are built in a
copy of the logbook (no lock held however long that takes) and put into the logbook in one
short step with SQLite's backup API, as a restore does."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from peewee import PeeweeException, SqliteDatabase

from .backup import backups_dir_for, copy_database
from .errors import describe
from .models import database_proxy

if TYPE_CHECKING:
    from .logbook_transfer import LogbookTransfer

T = TypeVar("T")

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows: no flock, so no telling a running import from a dead one
    fcntl = None

log = logging.getLogger(__name__)

BATCH_SECONDS = 0.2  # longest a batch holds the write lock
PAUSE_SECONDS = 0.01  # between batches: another writer's turn
_DELETE_CHUNK = 500


def pause(seconds: float) -> None:
    """Between two batches (a test hooks in here to write from another connection)."""
    time.sleep(seconds)


def journal_path_for(db_path: Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".import-journal")


class ImportJournal:
    """Lines "session ID ..." and "exercise ID ..." of rows an import is committing, fsynced
    before the commit, so that the journal always names at least what is in the logbook."""

    def __init__(self, db_path: Path) -> None:
        self.path = journal_path_for(db_path)
        self._handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        if fcntl is not None:
            fcntl.flock(self._handle, fcntl.LOCK_EX)  # "this import is running"

    def record(self, kind: str, ids: list[int]) -> None:
        if ids:
            os.write(self._handle, f"{kind} {' '.join(map(str, ids))}\n".encode())
            os.fsync(self._handle)

    def close(self, keep: bool = False) -> None:
        """Done (or all taken back): the journal goes. keep: the rows could not be taken
        back, so the next open must."""
        if not keep:
            self.path.unlink(missing_ok=True)
        os.close(self._handle)


def undo_interrupted_import(db: SqliteDatabase, db_path: Path) -> str | None:
    """Take back what an import whose process died had committed; a message saying so, or
    None when there was nothing to undo (or the import is still running elsewhere)."""
    path = journal_path_for(db_path)
    if fcntl is None or not path.exists():
        return None
    handle = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return None  # its import is running in another process right now
        ids: dict[str, list[int]] = {"session": [], "exercise": []}
        for line in path.read_text(encoding="ascii", errors="replace").splitlines():
            kind, *numbers = line.split()
            if kind in ids and all(n.isdigit() for n in numbers):
                ids[kind] += [int(n) for n in numbers]
        _delete(db, ids["session"], ids["exercise"])
        path.unlink()
    finally:
        os.close(handle)
    message = (
        f"An import that was cut off (the program was stopped in the middle) was taken "
        f"back: {len(ids['session']):,} sessions it had written were removed"
    )
    log.warning("%s (%s)", message, db_path)
    return message


def _delete(db: SqliteDatabase, sessions: list[int], exercises: list[int]) -> None:
    """Delete those sessions with their sets, and those exercises unless a set uses one (a
    save made meanwhile), in short transactions. Plain SQL: no model binding needed."""
    for start in range(0, len(sessions), _DELETE_CHUNK):
        chunk = sessions[start : start + _DELETE_CHUNK]
        marks = ", ".join("?" * len(chunk))
        with db.atomic():
            db.execute_sql(f"DELETE FROM strength_set WHERE session_id IN ({marks})", chunk)
            db.execute_sql(f"DELETE FROM session WHERE id IN ({marks})", chunk)
    for start in range(0, len(exercises), _DELETE_CHUNK):
        chunk = exercises[start : start + _DELETE_CHUNK]
        marks = ", ".join("?" * len(chunk))
        with db.atomic():
            db.execute_sql(
                f"DELETE FROM exercise WHERE id IN ({marks}) "
                "AND id NOT IN (SELECT exercise_id FROM strength_set)",
                chunk,
            )


class Batches:
    """with Batches(db) as batches: ... batches.step() between units of work; track the ids
    of what was inserted with added_session() / added_exercise()."""

    def __init__(self, db: SqliteDatabase, before_commit: Callable[[], None] = lambda: None):
        self.db = db
        self.before_commit = before_commit  # writes what the caller still holds in memory
        self.sessions: list[int] = []
        self.exercises: list[int] = []
        self.commits = 0
        self._recorded = {"session": 0, "exercise": 0}
        self._journal: ImportJournal | None = None
        self._transaction: Any = None  # the open batch's peewee transaction
        self._started = 0.0

    def __enter__(self) -> Batches:
        db_path = getattr(self.db, "path", None)  # a staging copy (plain SQLite) needs none
        if db_path is not None:
            self._journal = ImportJournal(db_path)
        self._begin()
        return self

    def _record(self) -> None:
        if self._journal is None:
            return
        for kind, ids in (("session", self.sessions), ("exercise", self.exercises)):
            self._journal.record(kind, ids[self._recorded[kind] :])
            self._recorded[kind] = len(ids)

    def _begin(self) -> None:
        self._transaction = self.db.atomic()
        self._transaction.__enter__()
        self._started = time.monotonic()

    def _commit(self) -> None:
        self.before_commit()
        self._record()  # before the commit: the journal names at least what is committed
        transaction, self._transaction = self._transaction, None
        # Counted before the commit: a signal handled the moment the commit returns (cli's
        # Stopped) must still find this batch to take back. A commit the database refused
        # rolled the batch back (peewee's atomic does), so it is not counted.
        self.commits += 1
        try:
            transaction.__exit__(None, None, None)
        except (sqlite3.Error, PeeweeException):
            self.commits -= 1
            raise

    def step(self) -> None:
        """Commit and let another writer in if this batch has held the lock long enough."""
        if time.monotonic() - self._started >= BATCH_SECONDS:
            self._commit()
            pause(PAUSE_SECONDS)
            self._begin()

    def added_session(self, session_id: int) -> None:
        self.sessions.append(session_id)

    def added_exercise(self, exercise_id: int) -> None:
        self.exercises.append(exercise_id)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        try:
            if exc_type is None:
                try:
                    self._commit()
                except BaseException as error:
                    self._undo(type(error), error, error.__traceback__)
                    raise
                return False
            self._undo(exc_type, exc, tb)
            return False
        finally:
            if self._journal is not None and not self._journal_kept:
                self._journal.close()

    _journal_kept = False

    def _undo(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """All of it taken back, and the failure told so (cli.main says it on a signal)."""
        self._roll_back(exc_type, exc, tb)
        self._take_back()
        if exc is not None:
            count = len(self.sessions)
            exc.add_note(
                f"the {count:,} session{'' if count == 1 else 's'} it had written taken back"
                if self.commits
                else "its write was rolled back"
            )

    def _roll_back(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll the open batch back (one whose before_commit failed is still open)."""
        if self._transaction is not None:
            transaction, self._transaction = self._transaction, None
            try:
                transaction.__exit__(exc_type, exc, tb)
            except (sqlite3.Error, PeeweeException) as error:
                log.warning("rolling back a batch: %s", error)

    def _take_back(self) -> None:
        """Delete what the committed batches wrote (sets go with their sessions)."""
        if not self.commits:
            return
        try:
            _delete(self.db, self.sessions, self.exercises)
        except (sqlite3.Error, PeeweeException) as error:
            if self._journal is not None:
                self._journal.close(keep=True)  # the next open takes them back
                self._journal_kept = True
            raise PartlyWritten(len(self.sessions), describe(error)) from error


class PartlyWritten(Exception):
    """A failed big write whose committed batches could not be removed again."""

    def __init__(self, sessions: int, why: str) -> None:
        super().__init__(
            f"the write stopped part-way and up to {sessions:,} of its sessions stayed in "
            f"the logbook, as they could not be removed again ({why}); they are removed "
            "the next time the logbook is opened"
        )


def replace_through_copy(repo: LogbookTransfer, build: Callable[[LogbookTransfer], T]) -> T:
    """Run build(staging_repository) on a copy of the logbook, then put the copy's pages into
    the logbook in one write transaction. If another program writes to the logbook while
    the copy is built, the copy is made again from the new state (up to three times), so
    its write is not replaced by an older picture of the file."""
    from .repository import Repository

    folder_root = backups_dir_for(repo.path)
    folder_root.mkdir(parents=True, exist_ok=True, mode=0o700)
    live = repo.db.connection()
    for _attempt in range(3):
        version = live.execute("PRAGMA data_version").fetchone()[0]
        with tempfile.TemporaryDirectory(prefix=".restore-staging-", dir=folder_root) as folder:
            copy = copy_database(live, Path(folder) / "staging.sqlite")
            staging_db = SqliteDatabase(
                str(copy), pragmas={"foreign_keys": 1, "synchronous": 0, "journal_mode": "off"}
            )
            staging_db.connect()
            staging = Repository(staging_db, copy)
            database_proxy.initialize(staging_db)
            try:
                result = build(staging)
            finally:
                staging_db.close()
                database_proxy.initialize(repo.db)
            if live.execute("PRAGMA data_version").fetchone()[0] != version:
                continue  # someone wrote meanwhile: build again on what they wrote
            source = sqlite3.connect(copy)
            try:
                source.backup(live)  # every page in one write transaction
            finally:
                source.close()
            return result
    raise sqlite3.OperationalError("the logbook kept changing while the import was prepared")
