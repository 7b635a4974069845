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
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain, repeat
from operator import attrgetter, methodcaller
from typing import Any

from peewee import Model, SqliteDatabase

from ..domain import (
    BodyWeight,
    Lap,
    Race,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Side,
    Status,
    WeekPhase,
)
from .convert import lap_fields
from .models import LapRow, SessionRow, SetRow

# A session's row: the columns that are converted first, then those that are the
# Session's own attributes, read with one call; the keys are session_fields' (a test holds
# them to it).
_SESSION_PLAIN = (
    "title",
    "distance_km",
    "duration_min",
    "rpe",
    "notes",
    "source",
    "source_key",
    "elapsed_min",
    "avg_hr",
    "max_hr",
    "elevation_gain_m",
    "run_type_reason",
    "source_file",
    "planned_km",
    "plan_uid",
)
SESSION_KEYS = (
    "date",
    "start",
    "kind",
    "status",
    "position",
    "run_type",
    "start_utc",
    "from_plan",
    *_SESSION_PLAIN,
)
_session_plain = attrgetter(*_SESSION_PLAIN)
# A set's row: its place and the texts first, then its numbers as SetEntry names them.
_SET_NUMBERS = (
    "reps",
    "weight_kg",
    "seconds",
    "distance_km",
    "rpe",
    "target_reps",
    "target_weight_kg",
)
_SET_KEYS = ("session", "position", "exercise", "set_type", "side", *_SET_NUMBERS)
_set_numbers = attrgetter(*_SET_NUMBERS)  # one call a set, in C
_exercise_of, _set_type_of, _side_of = (
    attrgetter("exercise"),
    attrgetter("set_type"),
    attrgetter("side"),
)
_LAP_KEYS = tuple(lap_fields(Lap(), 0, 0))


def insert_sql(model: type[Model], keys: tuple[str, ...]) -> str:
    """A one-row INSERT of `keys` (the model's field names) into the model's table."""
    fields = model._meta.fields
    return 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        model._meta.table_name,
        ", ".join(f'"{fields[key].column_name}"' for key in keys),
        ", ".join("?" * len(keys)),
    )


_SESSION_SQL = insert_sql(SessionRow, SESSION_KEYS)
_SESSION_WITH_ID_SQL = insert_sql(SessionRow, (*SESSION_KEYS, "id"))
_SET_SQL = insert_sql(SetRow, _SET_KEYS)
_LAP_SQL = insert_sql(LapRow, _LAP_KEYS)
_SESSION_TABLE = SessionRow._meta.table_name
_SET_TABLE = SetRow._meta.table_name
# Rows held before they are written: the write is then part of the batch's time, so a batch
# holds the write lock for about store/batches.py's BATCH_SECONDS, not that plus one big write.
WRITE_ROWS = 2000
_TEXT: dict[Any, str] = {  # an Enum's .value is slow
    member: member.value
    for kind in (SetType, Side, SessionKind, Status, RunType)
    for member in kind
}

# sqlite3 binds an int, float, str or bytes at once, but for anything else, None included,
# it first searches for an adapter (the registry, then two attribute look-ups), and in a
# backup's rows most values are None: the search cost a third of the sets' write. With one
# registered for None it is found at once; it gives None back, which binds NULL as before.
sqlite3.register_adapter(type(None), lambda value: value)


# A row's values are mostly None (a plank has no reps, most sets no RPE or target, a lift no
# distance or heart rate), and binding None costs sqlite3 the adapter search above, a tuple
# and a call each: a fifth of the write. NaN binds at once (a float) and SQLite stores it as
# NULL, so the held rows' columns swap their Nones for it, in C (dict.get(value, value)); no
# value is ever NaN (the domain's checks refuse it), and what is stored is NULL as before.
_NULL = float("nan")
_AS_NULL = {None: _NULL}
_TEXT_OR_NULL = {None: _NULL, **_TEXT}
# A held session's attributes in SESSION_KEYS' order (order is the position column).
_session_columns = attrgetter(
    "date", "start", "kind", "status", "order", "run_type", "start_utc", "from_plan"
)
_day_text = methodcaller("isoformat")


@lru_cache(maxsize=4096)  # a logbook's starts are a few hundred times of day
def _clock_text(start: dt.time | None) -> str | float:
    return _NULL if start is None else f"{start.hour:02d}:{start.minute:02d}"


def _utc_seconds(start_utc: dt.datetime | None) -> int | float:
    return _NULL if start_utc is None else int(start_utc.timestamp())


def session_values(session: Session) -> list[Any]:
    """session_fields(session)'s values in SESSION_KEYS' order, as the row is written (the
    day in ISO form), built without the dict: a backup has thousands of sessions."""
    start, run_type, start_utc = session.start, session.run_type, session.start_utc
    return [
        session.date.isoformat(),
        None if start is None else f"{start.hour:02d}:{start.minute:02d}",
        _TEXT[session.kind],
        _TEXT[session.status],
        session.order,
        None if run_type is None else _TEXT[run_type],
        None if start_utc is None else int(start_utc.timestamp()),
        int(session.from_plan),  # a bool is not an int to sqlite3 (see the adapter above)
        *_session_plain(session),
    ]


class SessionWriter:
    """Inserts new sessions (their ids ignored) with their sets and laps, holding the rows
    until flush() writes them with one statement each (call before_commit() before every
    commit; flush() is also called every WRITE_ROWS sets).

    The first session after a flush is inserted at once, for SQLite to give it its id; the
    transaction then holds the write lock, so no other writer can take an id meanwhile, and
    the sessions after it take the ids that follow, written with the rest.

    Into an empty session or strength_set table (a new logbook's, or one a replace
    emptied), the first transaction writes its rows without the table's indexes and builds
    them before it commits: one sort instead of a B-tree insert per row and index cost a
    quarter of the sets' write. A UNIQUE index stays, so a duplicate is refused by its own
    row. It is all one transaction, so no one ever sees a table without its indexes, and a
    rollback or a killed process gives them back with the rest."""

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self._sessions: list[Session] = []  # held, with the ids after _first_held's
        self._first_held = 0
        # The held sets, with their session's id and place in it; rows when written.
        self._sets: list[SetEntry] = []
        self._set_sessions: list[int] = []
        self._positions: list[int] = []
        self._exercise_ids: Mapping[str, int] = {}
        self._laps: list[tuple[Any, ...]] = []
        self._next_id: int | None = None
        self._started = False
        self._dropped: list[str] = []  # the CREATE INDEX statements to run before the commit

    def _start(self) -> None:
        self._started = True
        cursor = self.db.cursor()
        for table in (_SESSION_TABLE, _SET_TABLE):
            if cursor.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None:
                continue
            indexes = cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                # An index SQLite made itself (UNIQUE) has no sql; a UNIQUE one stays, so a
                # duplicate is refused by the row that repeats it.
                "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'",
                (table,),
            ).fetchall()
            for name, sql in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
                self._dropped.append(sql)

    def before_commit(self) -> None:
        """Write what is held and give strength_set back any index this transaction set
        aside."""
        self.flush()
        cursor = self.db.cursor()
        for sql in self._dropped:
            cursor.execute(sql)
        self._dropped = []

    def add(self, session: Session, exercise_ids: Mapping[str, int]) -> int:
        """Insert `session`, its sets taking their exercise's id from `exercise_ids` (name ->
        id, the same mapping at every call); returns its new id."""
        if not self._started:
            self._start()
        if self._next_id is None:
            cursor = self.db.cursor()
            session_id: int = cursor.execute(_SESSION_SQL, session_values(session)).lastrowid
            self._first_held = session_id + 1
        else:
            session_id = self._next_id
            self._sessions.append(session)
        self._next_id = session_id + 1
        if sets := session.sets:
            self._exercise_ids = exercise_ids
            self._sets.extend(sets)
            self._set_sessions.extend([session_id] * len(sets))
            self._positions.extend(range(len(sets)))
        if session.laps:
            self._laps.extend(
                tuple(lap_fields(lap, session_id, position).values())
                for position, lap in enumerate(session.laps)
            )
        if len(self._sets) >= WRITE_ROWS:
            self.flush()
        return session_id

    def _session_rows(self) -> list[tuple[Any, ...]]:
        """The held sessions' rows (session_values and their ids, which follow the first
        session's), built a column at a time as the sets' are."""
        held = self._sessions
        if not held:
            return []
        day, start, kind, status, order, run_type, start_utc, from_plan = zip(
            *map(_session_columns, held)
        )
        plain = (map(_AS_NULL.get, column, column) for column in zip(*map(_session_plain, held)))
        utc = map(_utc_seconds, start_utc) if any(start_utc) else repeat(_NULL, len(held))
        return list(
            zip(
                map(_day_text, day),
                map(_clock_text, start),
                map(_TEXT.__getitem__, kind),
                map(_TEXT.__getitem__, status),
                order,
                map(_TEXT_OR_NULL.__getitem__, run_type),
                utc,
                map(int, from_plan),  # a bool is not an int to sqlite3 (see the adapter)
                *plain,
                range(self._first_held, self._first_held + len(held)),
            )
        )

    def _set_rows(self) -> list[tuple[Any, ...]]:
        """The held sets' rows in _SET_KEYS' order, built a column at a time with map and
        zip (a tuple built a set at a time in Python cost more than its write)."""
        sets, ids = self._sets, self._exercise_ids
        if not sets:
            return []
        # A column per number, its Nones as NaN: see _AS_NULL.
        numbers = (map(_AS_NULL.get, column, column) for column in zip(*map(_set_numbers, sets)))
        return list(
            zip(
                self._set_sessions,
                self._positions,
                map(ids.__getitem__, map(_exercise_of, sets)),
                map(_TEXT.__getitem__, map(_set_type_of, sets)),
                map(_TEXT.__getitem__, map(_side_of, sets)),
                *numbers,
            )
        )

    def flush(self) -> None:
        cursor = self.db.cursor()
        # The sessions before their sets and laps, which refer to them.
        insert_rows(cursor, _SESSION_WITH_ID_SQL, self._session_rows())
        insert_rows(cursor, _SET_SQL, self._set_rows())
        insert_rows(cursor, _LAP_SQL, self._laps)
        self._sessions, self._sets, self._laps = [], [], []
        self._set_sessions, self._positions = [], []
        self._next_id = None  # the next batch is another transaction: SQLite says again


# SQLite's limit on a statement's parameters before 3.32 (and where a build keeps it).
MAX_PARAMETERS = 999


def insert_rows(cursor: sqlite3.Cursor, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows (in their order: the ids follow it) with `sql`, an INSERT of one row
    ending in its VALUES (?, ...), as many rows a statement as MAX_PARAMETERS allows. Each
    statement costs more than its values: in a table with AUTOINCREMENT SQLite updates
    sqlite_sequence after every one, and a statement a row cost a third more."""
    if not rows:
        return
    width = len(rows[0])
    head, _, one = sql.rpartition(" VALUES ")
    per = max(1, MAX_PARAMETERS // width)
    full = len(rows) - len(rows) % per
    flat = chain.from_iterable
    if full:
        many = f"{head} VALUES {', '.join([one] * per)}"
        cursor.executemany(many, (list(flat(rows[i : i + per])) for i in range(0, full, per)))
    if full < len(rows):
        # The rest a row a statement: the one-row INSERT is parsed once and kept, where a
        # statement of the rest's own length would be parsed for this call alone.
        cursor.executemany(sql, rows[full:])


def add_races(cursor: sqlite3.Cursor, races: Sequence[Race]) -> None:
    """Add these races (a backup's hundreds: a statement each cost more than the rest)."""
    insert_rows(
        cursor,
        'INSERT INTO "race" ("date", "name", "distance_km") VALUES (?, ?, ?)',
        [(r.date.isoformat(), r.name, r.distance_km) for r in races],
    )


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
