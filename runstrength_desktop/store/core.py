"""What every part of the repository stands on: its database and file, the change news its
writes note (announced by store/repository.py once the outermost call has committed), the
verified write, the exercise catalogue's name <-> id maps, and the session reader and fast
insert the other parts share. The parts (sessions, calendar entries, exercises, runs,
seasons, progress reads, whole-logbook transfers) are mixins of this class, and
store.Repository is all of them."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from peewee import Model, PeeweeException, SqliteDatabase

from ..domain import Catalogue, Session
from ..domain.changes import Change
from ..domain.validation import FieldError, ValidationError
from . import reading
from .convert import EXERCISE_SELECT, EXERCISE_TUPLE, exercise_from_row
from .database import LogbookDatabase, StoreError
from .errors import describe
from .models import SessionRow
from .reading import read_sessions

BATCH = 500  # rows per INSERT or IN (...): well under SQLite's variable limit
T = TypeVar("T")
log = logging.getLogger(__name__)


class StoreCore:
    # A LogbookDatabase for the logbook; a plain one for a staging copy (batches.py).
    def __init__(self, db: SqliteDatabase, path: Path) -> None:
        self.db = db
        self.path = Path(path)
        self._catalogue: Catalogue | None = None
        self._exercise_ids: dict[str, int] = {}
        self._exercise_names: dict[int, str] = {}
        self._listeners: list[Callable[[Change], None]] = []
        self._pending: list[Change] = []
        self._depth = 0  # nesting of public calls (see repository._on_own_database)
        # What the runner should hear of though nothing failed: a backup that could not be
        # made on open, a write the disk complained about that landed anyway.
        self._warnings: list[str] = list(getattr(db, "warnings", ()))

    # -- change news -------------------------------------------------------------------------

    def _note(self, change: Change) -> None:
        self._pending.append(change)

    def _announce(self) -> None:
        pending, self._pending = self._pending, []
        change = Change.combine(pending)
        for listener in list(self._listeners):
            listener(change)

    # -- writing -----------------------------------------------------------------------------

    def _verified(self, write: Callable[[], T], landed: Callable[[T], bool]) -> T:
        """Run write() in one transaction. When its COMMIT fails with an I/O error (an fsync
        that failed, say), the commit record may be on disk anyway: the file is opened again
        and read, and the write is reported as done (with a warning) if it is there, or as
        refused, saying so, if it is not. Never "refused" for a write that landed."""
        result: list[T] = []
        try:
            with self.db.atomic():
                result.append(write())
        except (sqlite3.Error, PeeweeException) as exc:
            db = self.db
            if not result or not isinstance(db, LogbookDatabase) or not db.may_have_committed(exc):
                raise
            db.reconnect()
            if not landed(result[0]):
                raise StoreError(
                    self.path,
                    f"{describe(exc)}. The logbook was read again after the error: the "
                    "change is not in it",
                ) from exc
            warning = (
                f"The disk reported an error while saving ({describe(exc)}), but the "
                "change is in the logbook: it was read again after the error"
            )
            log.warning("%s: %s", self.path, warning)
            self._warnings.append(warning)
        return result[0]

    def _insert_fast(self, model: type[Model], rows: list[dict[str, Any]]) -> int | None:
        """INSERT rows with one prepared statement: peewee builds SQL per row, which made a
        25,000-set import spend most of its time writing SQL text. Returns the last row id."""
        if not rows:
            return None
        fields = model._meta.fields
        keys = list(rows[0])
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            model._meta.table_name,
            ", ".join(f'"{fields[k].column_name}"' for k in keys),
            ", ".join("?" * len(keys)),
        )
        values = [tuple(fields[k].db_value(row[k]) for k in keys) for row in rows]
        cursor = self.db.cursor()
        if len(values) == 1:
            cursor.execute(sql, values[0])  # executemany leaves lastrowid unset
        else:
            cursor.executemany(sql, values)
        last: int | None = cursor.lastrowid
        return last

    def _insert_row(self, model: type[Model], fields: dict[str, Any]) -> int:
        """INSERT one row (as _insert_fast does); its id."""
        row_id = self._insert_fast(model, [fields])
        if row_id is None:  # SQLite gives every inserted row an id: this is not expected
            raise StoreError(self.path, f"the new {model._meta.table_name} row got no id")
        return row_id

    # -- reading -----------------------------------------------------------------------------

    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            found = self.db.execute_sql(f"{EXERCISE_SELECT} ORDER BY custom, id")
            rows = [EXERCISE_TUPLE._make(row) for row in found]
            self._catalogue = Catalogue([exercise_from_row(r) for r in rows])
            self._exercise_ids = {r.name: r.id for r in rows}
            self._exercise_names = {r.id: r.name for r in rows}
        return self._catalogue

    def _exercise_id(self, name: str, field: str) -> int:
        exercise = self.catalogue().resolve(name)
        if exercise is None:
            raise ValidationError([FieldError(field, f"unknown exercise {name!r}")])
        return self._exercise_ids[exercise.name]

    def _stored(self, session_id: int | None) -> Session:
        """The session of this id as stored, read back after a write (ValidationError when
        it is gone, as a write to a deleted session reports it)."""
        found = self.session(session_id) if session_id is not None else None
        if found is None:
            raise ValidationError([FieldError("id", f"session {session_id} no longer exists")])
        return found

    def _read(
        self,
        where: str,
        params: tuple[Any, ...] = (),
        set_where: str = "",
        set_params: tuple[Any, ...] = (),
    ) -> list[Session]:
        self.catalogue()
        return read_sessions(
            self.db.execute_sql, self._exercise_names, where, params, set_where, set_params
        )

    def session(self, session_id: int) -> Session | None:
        found = self._read(reading.BY_ID, (session_id,))
        return found[0] if found else None

    def _days_of(self, session_ids: Iterable[int]) -> dict[int, dt.date]:
        ids = list(session_ids)
        found: dict[int, dt.date] = {}
        for start in range(0, len(ids), BATCH):
            query = SessionRow.select(SessionRow.id, SessionRow.date).where(
                SessionRow.id.in_(ids[start : start + BATCH])
            )
            found.update((i, as_date(d)) for i, d in tuples(query))
        return found


def as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def tuples(query: Any) -> Iterator[tuple[Any, ...]]:
    """A peewee query's rows as tuples (peewee's stubs type .tuples() rows as models)."""
    return iter(query.tuples())


def stored_id(session: Session) -> int:
    """The id of a session that must be stored already (one put back, a plan completed)."""
    if session.id is None:
        raise ValidationError([FieldError("id", "the session was never saved (it has no id)")])
    return session.id
