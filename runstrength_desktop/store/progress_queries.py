"""The SQL behind the progress charts: what they need of the logbook, aggregated in SQLite
(per session, per exercise, per week, per day) and returned as plain tuples, never as
domain objects. Only done sessions count, and only working sets (not warm-ups).

Each query can be limited to some sessions or weeks, so that a cache patched after a save
re-reads only what the save touched (gui/progress_source.py). The plans use the indexes on
session (date) and strength_set (exercise_id, session_id) and (session_id)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sized
from typing import Any

from peewee import SqliteDatabase

from .core import StoreCore

# A done strength session's working sets; `s` is strength_set, `ss` its session.
_LIFTED = "s.set_type != 'warmup' AND ss.status = 'done' AND ss.kind = 'strength'"
# Load x reps of a working set (domain.metrics.set_volume): 0 without a load or reps; twice
# for a set done on each side.
_VOLUME = (
    "CASE WHEN s.weight_kg > 0 AND s.reps > 0 THEN s.weight_kg * s.reps"
    " * (CASE WHEN s.side = 'each' THEN 2 ELSE 1 END) ELSE 0 END"
)
# The Monday of a day's ISO week: the next Sunday (or the day itself), less six days.
_MONDAY = "date(ss.date, 'weekday 0', '-6 days')"
_BATCH = 500  # ids per IN (...): well under SQLite's variable limit


def _day(text: object) -> dt.date:
    return text if isinstance(text, dt.date) else dt.date.fromisoformat(str(text))


def _batches(ids: Iterable[int]) -> list[list[int]]:
    ids = sorted(ids)
    return [ids[i : i + _BATCH] for i in range(0, len(ids), _BATCH)]


def _marks(values: Sized) -> str:
    return ", ".join("?" * len(values))


def lifted_exercises(db: SqliteDatabase) -> list[str]:
    """Names of the exercises with a working set in a done strength session. One probe per
    catalogue exercise that stops at its first such set: the cost follows the catalogue,
    not the length of the history."""
    sql = (
        "SELECT e.name FROM exercise e WHERE EXISTS (SELECT 1 FROM strength_set s "
        f"JOIN session ss ON ss.id = s.session_id WHERE s.exercise_id = e.id AND {_LIFTED})"
    )
    return [name for (name,) in db.execute_sql(sql).fetchall()]


def exercises_in(db: SqliteDatabase, session_ids: Iterable[int]) -> set[str]:
    """Exercises with working sets in those of `session_ids` that are done strength sessions."""
    found: set[str] = set()
    for batch in _batches(session_ids):
        sql = (
            "SELECT DISTINCT e.name FROM strength_set s JOIN session ss ON ss.id = s.session_id "
            f"JOIN exercise e ON e.id = s.exercise_id WHERE s.session_id IN ({_marks(batch)}) "
            f"AND {_LIFTED}"
        )
        found.update(name for (name,) in db.execute_sql(sql, batch).fetchall())
    return found


def last_lifting_day(db: SqliteDatabase) -> dt.date | None:
    """The day of the latest done strength session with a working set (the date index is
    walked from the end, so this stops at the first one)."""
    sql = (
        "SELECT ss.date FROM session ss WHERE ss.status = 'done' AND ss.kind = 'strength' "
        "AND EXISTS (SELECT 1 FROM strength_set s WHERE s.session_id = ss.id "
        "AND s.set_type != 'warmup') ORDER BY ss.date DESC LIMIT 1"
    )
    row = db.execute_sql(sql).fetchone()
    return _day(row[0]) if row else None


def loaded_session_counts(
    db: SqliteDatabase, first: dt.date | None = None, last: dt.date | None = None
) -> dict[str, int]:
    """Per exercise, how many done strength sessions from `first` to `last` (all, when None)
    have a working set of it with a load."""
    where, params = "", []
    if first is not None and last is not None:
        where, params = "AND ss.date BETWEEN ? AND ?", [first.isoformat(), last.isoformat()]
    sql = (
        "SELECT e.name, COUNT(DISTINCT ss.id) FROM session ss "
        "JOIN strength_set s ON s.session_id = ss.id JOIN exercise e ON e.id = s.exercise_id "
        f"WHERE {_LIFTED} AND s.weight_kg > 0 {where} GROUP BY e.id"
    )
    return dict(db.execute_sql(sql, params).fetchall())


def exercise_sets(
    db: SqliteDatabase, exercise_id: int, session_ids: Iterable[int] | None = None
) -> list[tuple[Any, ...]]:
    """The working sets of one exercise in done strength sessions (only in `session_ids`,
    when given), alike sets of a session counted together: (session id, day, start "HH:MM"
    or None, position in the day, reps, weight kg, the longest seconds, how many sets),
    ordered by session, then reps and weight (NULL first). Three sets of five at 100 kg
    are one row: the charts need each session's best set, heaviest load and volume, not
    the order of its sets, and a row per set made every first look at an exercise cost as
    many Python tuples and NumPy entries as sets in its history (three times the rows of
    the 30-year demo). A day's text is parsed once, not once per row.

    The index on (exercise, session, reps, load, seconds, set type) holds every column of
    strength_set read here, in the order of the groups: SQLite reads neither the sets'
    rows nor a sorter, only each session's row."""
    base = (
        "SELECT s.session_id, ss.date, ss.start, ss.position, s.reps, s.weight_kg, "
        "MAX(s.seconds), COUNT(*) FROM strength_set s JOIN session ss ON ss.id = s.session_id "
        f"WHERE s.exercise_id = ? AND {_LIFTED}"
    )
    group = " GROUP BY s.session_id, s.reps, s.weight_kg ORDER BY s.session_id, s.reps, s.weight_kg"
    if session_ids is None:
        rows = db.execute_sql(base + group, [exercise_id]).fetchall()
    else:
        rows = []
        for batch in _batches(session_ids):
            sql = f"{base} AND s.session_id IN ({_marks(batch)}){group}"
            rows.extend(db.execute_sql(sql, [exercise_id, *batch]).fetchall())
    days = {day: _day(day) for day in {row[1] for row in rows}}
    return [
        (i, days[day], start, position, reps, kg, seconds, sets)
        for i, day, start, position, reps, kg, seconds, sets in rows
    ]


def best_loads(db: SqliteDatabase, exercise_id: int, before: dt.date) -> list[tuple[int, float]]:
    """(reps, heaviest load) of one exercise's loaded working sets in done strength sessions
    before `before`, one row per rep count: what a record is measured against.

    Read from the record index (exercise, reps, load of the loaded sets that are not
    warm-ups) as a loose index scan: the rep counts one seek at a time, and for each the
    heaviest sets walked down until one is in a done session before the day. The cost is
    that of the few rep counts, not of every set of the exercise ever logged (the editor
    asks at every open)."""
    indexed = "exercise_id = ?1 AND weight_kg > 0 AND set_type != 'warmup'"  # as the index
    sql = (
        "WITH RECURSIVE counts(reps) AS ("
        f"SELECT MIN(reps) FROM strength_set WHERE {indexed} AND reps >= 1 "
        "UNION ALL SELECT (SELECT MIN(reps) FROM strength_set "
        f"WHERE {indexed} AND reps > counts.reps) FROM counts WHERE counts.reps IS NOT NULL) "
        "SELECT counts.reps, (SELECT s.weight_kg FROM strength_set s "
        "JOIN session ss ON ss.id = s.session_id "
        "WHERE s.exercise_id = ?1 AND s.weight_kg > 0 AND s.set_type != 'warmup' "
        f"AND {_LIFTED} AND s.reps = counts.reps AND ss.date < ?2 "
        "ORDER BY s.weight_kg DESC LIMIT 1) FROM counts WHERE counts.reps IS NOT NULL"
    )
    rows = db.execute_sql(sql, [exercise_id, before.isoformat()]).fetchall()
    return [(reps, kg) for reps, kg in rows if kg is not None]


def loads_by_day(db: SqliteDatabase, exercise_id: int) -> list[tuple[dt.date, int, float | None]]:
    """(day, reps, heaviest load or None) of one exercise's working sets of reps in done
    strength sessions, one row per day and rep count, oldest first: what a record of
    bodyweight work is measured against, whose sets lift the body weight of their day too
    (unloaded sets included). Read through strength_set (exercise_id, session_id): the
    exercise's own sets, not the logbook's."""
    sql = (
        "SELECT ss.date, s.reps, MAX(s.weight_kg) FROM strength_set s "
        "JOIN session ss ON ss.id = s.session_id "
        f"WHERE s.exercise_id = ? AND {_LIFTED} AND s.reps >= 1 "
        "GROUP BY ss.date, s.reps ORDER BY ss.date"
    )
    rows = db.execute_sql(sql, [exercise_id]).fetchall()
    return [(_day(day), reps, kg) for day, reps, kg in rows]


def body_weights(db: SqliteDatabase) -> list[tuple[dt.date, float]]:
    """(day, kg) of every body weight logged, oldest first."""
    sql = "SELECT date, weight_kg FROM body_weight ORDER BY date"
    return [(_day(day), kg) for day, kg in db.execute_sql(sql).fetchall()]


def has_body_weights(db: SqliteDatabase) -> bool:
    return db.execute_sql("SELECT 1 FROM body_weight LIMIT 1").fetchone() is not None


def _week_range(mondays: Iterable[dt.date] | None) -> tuple[str, list[str]]:
    """A WHERE clause limiting sessions to the weeks of `mondays` (all weeks for None)."""
    if mondays is None:
        return "", []
    mondays = sorted(set(mondays))
    if not mondays:
        return "AND 0", []
    spans = " OR ".join("ss.date BETWEEN ? AND ?" for _ in mondays)
    params = []
    for monday in mondays:
        params += [monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()]
    return f"AND ({spans})", params


def week_totals(
    db: SqliteDatabase, mondays: Iterable[dt.date] | None = None
) -> list[tuple[Any, ...]]:
    """Per ISO week with done sessions: (Monday, strength sessions with a working set, runs,
    run km). Only the weeks of `mondays`, when given."""
    where, params = _week_range(mondays)
    sql = (
        f"SELECT {_MONDAY} AS monday, "
        "SUM(ss.kind = 'strength'), SUM(ss.kind = 'run'), "
        "SUM(CASE WHEN ss.kind = 'run' THEN COALESCE(ss.distance_km, 0) ELSE 0 END) "
        "FROM session ss WHERE ss.status = 'done' AND (ss.kind = 'run' OR EXISTS ("
        "SELECT 1 FROM strength_set s WHERE s.session_id = ss.id AND s.set_type != 'warmup')) "
        f"{where} GROUP BY monday"
    )
    return [(_day(m), *rest) for m, *rest in db.execute_sql(sql, params).fetchall()]


def week_exercise_work(
    db: SqliteDatabase, mondays: Iterable[dt.date] | None = None
) -> list[tuple[Any, ...]]:
    """Per ISO week and exercise: (Monday, exercise name, working sets, volume kg, body kg x
    reps) of done strength sessions. The last is each set's reps times the body weight of
    its day (the latest logged on or before it; 0 before the first), which a bodyweight
    exercise's share of makes its volume (domain/body_load.py): looked up once per session
    and exercise, not per set, and not at all in a logbook without body weights. Only the
    weeks of `mondays`, when given."""
    where, params = _week_range(mondays)
    if not has_body_weights(db):
        sql = (
            f"SELECT {_MONDAY} AS monday, e.name, COUNT(*), SUM({_VOLUME}), 0 "
            "FROM session ss JOIN strength_set s ON s.session_id = ss.id "
            "JOIN exercise e ON e.id = s.exercise_id "
            f"WHERE {_LIFTED} {where} GROUP BY monday, s.exercise_id"
        )
        return [(_day(m), *rest) for m, *rest in db.execute_sql(sql, params).fetchall()]
    sql = (
        "SELECT monday, name, SUM(sets), SUM(volume), SUM(reps * COALESCE(body, 0)) FROM ("
        f"SELECT {_MONDAY} AS monday, e.name AS name, s.exercise_id AS exercise, "
        f"COUNT(*) AS sets, SUM({_VOLUME}) AS volume, "
        "SUM(CASE WHEN s.reps > 0 THEN s.reps * (CASE WHEN s.side = 'each' THEN 2 ELSE 1 END) "
        "ELSE 0 END) AS reps, "
        "(SELECT b.weight_kg FROM body_weight b WHERE b.date <= ss.date "
        "ORDER BY b.date DESC LIMIT 1) AS body "
        "FROM session ss JOIN strength_set s ON s.session_id = ss.id "
        "JOIN exercise e ON e.id = s.exercise_id "
        f"WHERE {_LIFTED} {where} GROUP BY ss.id, s.exercise_id"
        ") GROUP BY monday, exercise"
    )
    return [(_day(m), *rest) for m, *rest in db.execute_sql(sql, params).fetchall()]


def load_rows(db: SqliteDatabase, days: Iterable[dt.date] | None = None) -> list[tuple[Any, ...]]:
    """What a done session's load is worked out from (domain.metrics.load_from: session RPE x
    minutes, or an estimate from heart rate, run type, set RPEs, the sets or the distance):
    (day, kind, run type, minutes, RPE, average and maximum heart rate, distance, working
    sets, their mean RPE) of every done session. Only `days`, when given. The formula stays
    in the domain; SQLite only counts."""
    where, params = "", []
    if days is not None:
        days = sorted(set(days))
        if not days:
            return []
        where, params = f"AND ss.date IN ({_marks(days)})", [d.isoformat() for d in days]
    sql = (
        "SELECT ss.date, ss.kind, ss.run_type, ss.duration_min, ss.rpe, ss.avg_hr, ss.max_hr, "
        "ss.distance_km, "
        "(SELECT COUNT(*) FROM strength_set s WHERE s.session_id = ss.id "
        "AND s.set_type != 'warmup'), "
        "(SELECT AVG(s.rpe) FROM strength_set s WHERE s.session_id = ss.id "
        "AND s.set_type != 'warmup' AND s.rpe > 0) "
        f"FROM session ss WHERE ss.status = 'done' {where}"
    )
    return [(_day(d), *rest) for d, *rest in db.execute_sql(sql, params).fetchall()]


class ProgressReads(StoreCore):
    """The Repository's reads for the progress charts (mixed into store.Repository, which
    points the models at its file and translates errors around each of them)."""

    def lifted_exercises(self) -> list[str]:
        return lifted_exercises(self.db)

    def exercises_lifted_in(self, session_ids: Iterable[int]) -> set[str]:
        return exercises_in(self.db, session_ids)

    def last_lifting_day(self) -> dt.date | None:
        return last_lifting_day(self.db)

    def loaded_session_counts(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> dict[str, int]:
        return loaded_session_counts(self.db, first, last)

    def exercise_sets(
        self, name: str, session_ids: Iterable[int] | None = None
    ) -> list[tuple[Any, ...]]:
        self.catalogue()  # fills the name -> id map
        exercise_id = self._exercise_ids.get(name)
        return [] if exercise_id is None else exercise_sets(self.db, exercise_id, session_ids)

    def best_loads(self, name: str, before: dt.date) -> list[tuple[int, float]]:
        self.catalogue()
        exercise = self.catalogue().resolve(name)
        if exercise is None:
            return []
        return best_loads(self.db, self._exercise_ids[exercise.name], before)

    def loads_by_day(self, name: str) -> list[tuple[dt.date, int, float | None]]:
        exercise = self.catalogue().resolve(name)
        if exercise is None:
            return []
        return loads_by_day(self.db, self._exercise_ids[exercise.name])

    def body_weight_rows(self) -> list[tuple[dt.date, float]]:
        return body_weights(self.db)

    def has_body_weights(self) -> bool:
        return has_body_weights(self.db)

    def week_totals(self, mondays: Iterable[dt.date] | None = None) -> list[tuple[Any, ...]]:
        return week_totals(self.db, mondays)

    def week_exercise_work(self, mondays: Iterable[dt.date] | None = None) -> list[tuple[Any, ...]]:
        return week_exercise_work(self.db, mondays)

    def load_rows(self, days: Iterable[dt.date] | None = None) -> list[tuple[Any, ...]]:
        return load_rows(self.db, days)
