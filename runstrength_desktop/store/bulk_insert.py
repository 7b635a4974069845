"""New sessions with their sets and laps in bulk: a backup's ten years of sessions go in
through three prepared statements (one row per session, then the sets and laps of a batch
with executemany). Building each row through peewee's query builder cost ten times the
write.

The values are those of convert.session_fields, set_fields and lap_fields, as the sqlite3
module binds them: the columns' affinities store them as peewee does (a whole number in a
REAL column as a float), and days are written in ISO form, as DateField writes them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from typing import Any

from peewee import Model, SqliteDatabase

from ..domain import (
    BodyWeight,
    Lap,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Side,
    Status,
    WeekPhase,
)
from .convert import lap_fields, session_fields, set_fields
from .models import LapRow, SessionRow, SetRow

# The keys of the fields dicts, in their order (so a column added there is written here).
_SESSION_KEYS = tuple(session_fields(Session(dt.date(2000, 1, 1), SessionKind.RUN, Status.DONE)))
_SET_KEYS = tuple(set_fields(SetEntry("x"), 0, 0, 0))
_LAP_KEYS = tuple(lap_fields(Lap(), 0, 0))


def _insert_sql(model: type[Model], keys: tuple[str, ...]) -> str:
    fields = model._meta.fields
    return 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        model._meta.table_name,
        ", ".join(f'"{fields[key].column_name}"' for key in keys),
        ", ".join("?" * len(keys)),
    )


_SESSION_SQL = _insert_sql(SessionRow, _SESSION_KEYS)
_SESSION_WITH_ID_SQL = _insert_sql(SessionRow, (*_SESSION_KEYS, "id"))
_SET_SQL = _insert_sql(SetRow, _SET_KEYS)
_LAP_SQL = _insert_sql(LapRow, _LAP_KEYS)
_DATE = _SESSION_KEYS.index("date")
# Rows held before they are written: the write is then part of the batch's time, so a batch
# holds the write lock for about store/batches.py's BATCH_SECONDS, not that plus one big write.
WRITE_ROWS = 2000
_TEXT = {member: member.value for kind in (SetType, Side) for member in kind}  # .value is slow


class SessionWriter:
    """Inserts new sessions (their ids ignored) with their sets and laps, holding the rows
    until flush() writes them with one statement each (call it before every commit; it is
    also called every WRITE_ROWS sets).

    The first session after a flush is inserted at once, for SQLite to give it its id; the
    transaction then holds the write lock, so no other writer can take an id meanwhile, and
    the sessions after it take the ids that follow, written with the rest."""

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self._sessions: list[list[Any]] = []
        self._sets: list[tuple[Any, ...]] = []
        self._laps: list[tuple[Any, ...]] = []
        self._next_id: int | None = None

    def add(self, session: Session, exercise_ids: list[int]) -> int:
        """Insert `session`, its sets taking the exercise ids `exercise_ids` gives set by set;
        returns its new id."""
        values = list(session_fields(session).values())
        values[_DATE] = session.date.isoformat()
        if self._next_id is None:
            session_id: int = self.db.cursor().execute(_SESSION_SQL, values).lastrowid
        else:
            session_id = self._next_id
            values.append(session_id)
            self._sessions.append(values)
        self._next_id = session_id + 1
        for position, (entry, exercise_id) in enumerate(zip(session.sets, exercise_ids)):
            self._sets.append(
                (
                    session_id,
                    position,
                    exercise_id,
                    _TEXT[entry.set_type],
                    entry.reps,
                    entry.weight_kg,
                    entry.seconds,
                    entry.distance_km,
                    _TEXT[entry.side],
                    entry.rpe,
                    entry.target_reps,
                    entry.target_weight_kg,
                )
            )
        self._laps.extend(
            tuple(lap_fields(lap, session_id, position).values())
            for position, lap in enumerate(session.laps)
        )
        if len(self._sets) >= WRITE_ROWS:
            self.flush()
        return session_id

    def flush(self) -> None:
        cursor = self.db.cursor()
        if self._sessions:  # before their sets and laps, which refer to them
            cursor.executemany(_SESSION_WITH_ID_SQL, self._sessions)
        if self._sets:
            cursor.executemany(_SET_SQL, self._sets)
        if self._laps:
            cursor.executemany(_LAP_SQL, self._laps)
        self._sessions, self._sets, self._laps = [], [], []
        self._next_id = None  # the next batch is another transaction: SQLite says again


def replace_phases(cursor: sqlite3.Cursor, weeks: Iterable[WeekPhase]) -> None:
    """Set the phase of each WeekPhase's week (one a week: a week already set takes it)."""
    cursor.executemany(
        'INSERT OR REPLACE INTO "week_phase" ("week", "phase", "source") VALUES (?, ?, ?)',
        [(w.week, w.phase.value, w.source) for w in weeks],
    )


def replace_body_weights(cursor: sqlite3.Cursor, entries: Iterable[BodyWeight]) -> None:
    """Log each BodyWeight (one a day: a day already logged takes the new weight)."""
    cursor.executemany(
        'INSERT OR REPLACE INTO "body_weight" ("date", "weight_kg") VALUES (?, ?)',
        [(b.date.isoformat(), float(b.weight_kg)) for b in entries],
    )
