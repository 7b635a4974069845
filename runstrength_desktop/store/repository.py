"""The repository: the logbook's API in domain objects. Widgets and the CLI call this, never
peewee. Every method that writes does so in one transaction, and reports what it changed
(a domain.changes.Change) to the listeners given to subscribe(), once it has committed: the
repository is the one owner of change news."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from peewee import PeeweeException, SqliteDatabase, fn

from .. import clock
from ..domain import (
    BodyWeight,
    Catalogue,
    Exercise,
    Logbook,
    Phase,
    Race,
    Session,
    SessionKind,
    Status,
    WeekPhase,
    iso_week,
)
from ..domain.changes import Change
from ..domain.validation import (
    FieldError,
    ValidationError,
    body_weight_errors,
    exercise_errors,
    first_session_errors,
    race_errors,
    session_errors,
)
from . import reading
from .backup import backup_now, backups_dir_for
from .batches import Batches, PartlyWritten, replace_through_copy
from .bulk_insert import SessionWriter, replace_body_weights, replace_phases
from .convert import (
    body_weight_from_row,
    exercise_fields,
    exercise_from_row,
    kept_plan,
    race_from_row,
    session_fields,
    set_fields,
)
from .database import StoreError, close_database, open_database
from .errors import describe
from .exercise_store import ExerciseStore
from .models import (
    BodyWeightRow,
    ExerciseRow,
    LapRow,
    RaceRow,
    SessionRow,
    SetRow,
    WeekPhaseRow,
    database_proxy,
)
from .progress_queries import ProgressReads
from .reading import read_sessions
from .run_records import RunRecords
from .season_store import SeasonStore

_BATCH = 500  # rows per INSERT: well under SQLite's variable limit
T = TypeVar("T")
log = logging.getLogger(__name__)


def _on_own_database(cls):
    """Point the shared model binding at this repository's file before each public call, so
    two repositories in one process (a test comparing logbooks, the GUI switching files)
    never read each other's data. One thread at a time, as everywhere in the app.

    SQLite's and peewee's errors (disk full, read-only file, damaged page) leave as
    StoreError, so callers above the store can say why without knowing peewee; the write's
    transaction has been rolled back by then.

    What the call's writes noted (self._note) is announced when the outermost public call
    returns, after its transaction committed and outside the error translation: a listener
    that fails must not make a committed write look refused."""

    def wrap(method):
        @functools.wraps(method)
        def bound(self, *args, **kwargs):
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
    for klass in cls.__mro__[:-1]:  # the class's own methods and its mixins' (run_records)
        for name, member in list(vars(klass).items()):
            if name in seen:
                continue
            seen.add(name)
            if callable(member) and not name.startswith("_"):
                setattr(cls, name, wrap(member))
    return cls


@_on_own_database
class Repository(RunRecords, ProgressReads, ExerciseStore, SeasonStore):
    def __init__(self, db: SqliteDatabase, path: Path) -> None:
        self.db = db
        self.path = Path(path)
        self._catalogue: Catalogue | None = None
        self._exercise_ids: dict[str, int] = {}
        self._exercise_names: dict[int, str] = {}
        self._listeners: list[Callable[[Change], None]] = []
        self._pending: list[Change] = []
        self._depth = 0  # nesting of public calls (see _on_own_database)
        # What the runner should hear of though nothing failed: a backup that could not be
        # made on open, a write the disk complained about that landed anyway.
        self._warnings: list[str] = list(getattr(db, "warnings", ()))

    @classmethod
    def open(cls, path: Path | str, **options) -> Repository:
        """Open (create, migrate, back up) a logbook by its real path (symlinks followed);
        raises store.LogbookError."""
        from ..assets import shipped_exercises

        db = open_database(Path(path), **options)
        repo = cls(db, db.path)
        repo._sync_shipped(shipped_exercises())
        return repo

    def take_warnings(self) -> list[str]:
        """The warnings gathered since the last call (see __init__), oldest first."""
        warnings, self._warnings = self._warnings, []
        return warnings

    def data_version(self) -> int:
        """A number that changes when another connection (another program) commits to the
        logbook; this repository's own writes leave it as it is."""
        return self.db.execute_sql("PRAGMA data_version").fetchone()[0]

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
            if not result or not self.db.may_have_committed(exc):
                raise
            self.db.reconnect()
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

    def close(self) -> None:
        close_database(self.db)

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

    def _note(self, change: Change) -> None:
        self._pending.append(change)

    def _announce(self) -> None:
        pending, self._pending = self._pending, []
        change = Change.combine(pending)
        for listener in list(self._listeners):
            listener(change)

    def _days_of(self, session_ids) -> dict[int, dt.date]:
        ids = list(session_ids)
        found: dict[int, dt.date] = {}
        for start in range(0, len(ids), _BATCH):
            query = SessionRow.select(SessionRow.id, SessionRow.date).where(
                SessionRow.id.in_(ids[start : start + _BATCH])
            )
            found.update((i, _as_date(d)) for i, d in query.tuples())
        return found

    @property
    def backups_dir(self) -> Path:
        return backups_dir_for(self.path)

    def backup_now(self) -> Path:
        return backup_now(self.db.connection(), self.path, clock.now(), label="manual")

    # -- exercises ---------------------------------------------------------------------------

    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            rows = list(ExerciseRow.select().order_by(ExerciseRow.custom, ExerciseRow.id))
            self._catalogue = Catalogue([exercise_from_row(r) for r in rows])
            self._exercise_ids = {r.name: r.id for r in rows}
            self._exercise_names = {r.id: r.name for r in rows}
        return self._catalogue

    def add_exercise(self, exercise: Exercise) -> Exercise:
        """Add a user's own exercise (custom=True); its name must be new."""
        if self.catalogue().get(exercise.name):
            raise ValidationError([FieldError("name", f"{exercise.name!r} already exists")])
        if errors := exercise_errors(exercise):
            raise ValidationError(errors)
        with self.db.atomic():
            fields = exercise_fields(exercise) | {"custom": True}
            new_id = ExerciseRow.insert(fields).execute()
        self._catalogue = None
        self._note(Change(catalogue=True, what=f"add exercise {exercise.name}"))
        return exercise_from_row(ExerciseRow.get_by_id(new_id))

    def _exercise_id(self, name: str, field: str) -> int:
        exercise = self.catalogue().resolve(name)
        if exercise is None:
            raise ValidationError([FieldError(field, f"unknown exercise {name!r}")])
        return self._exercise_ids[exercise.name]

    # -- sessions ----------------------------------------------------------------------------

    def _read(self, where: str, params: tuple = (), set_where: str = "", set_params=()):
        self.catalogue()
        return read_sessions(
            self.db.execute_sql, self._exercise_names, where, params, set_where, set_params
        )

    def _raw(self, query):
        """The rows of a peewee query as the sqlite3 cursor gives them (no conversion)."""
        sql, params = query.sql()
        return self.db.execute_sql(sql, params)

    def session(self, session_id: int) -> Session | None:
        found = self._read(reading.BY_ID, (session_id,))
        return found[0] if found else None

    def sessions_between(self, first: dt.date, last: dt.date) -> list[Session]:
        """Sessions from `first` to `last`, both included, in the order they happen."""
        return self._read(reading.BETWEEN, (reading.day_param(first), reading.day_param(last)))

    def all_sessions(self) -> list[Session]:
        return self._read(reading.EVERY)

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        first, last = SessionRow.select(fn.MIN(SessionRow.date), fn.MAX(SessionRow.date)).scalar(
            as_tuple=True
        )
        if first is None:
            return None
        return dt.date.fromisoformat(str(first)), dt.date.fromisoformat(str(last))

    def count_sessions(self, kind: SessionKind | None = None, status: Status | None = None) -> int:
        query = SessionRow.select()
        if kind is not None:
            query = query.where(SessionRow.kind == kind.value)
        if status is not None:
            query = query.where(SessionRow.status == status.value)
        return query.count()

    def save_session(self, session: Session) -> Session:
        """Insert or update a session with all its sets, in one transaction. Returns the saved
        session with ids. Raises ValidationError naming the field, writing nothing."""
        errors = session_errors(session)
        if errors:
            raise ValidationError(errors)
        exercise_ids = [
            self._exercise_id(s.exercise, f"sets[{i}].exercise") for i, s in enumerate(session.sets)
        ]
        session_id = self._verified(
            lambda: self._write_session(session, exercise_ids),
            lambda written: self.session(written) == session,
        )
        return self.session(session_id)

    def _write_session(
        self, session: Session, exercise_ids: list[int], as_new: bool = False
    ) -> int:
        fields = session_fields(session)
        if session.id is None or as_new:
            session_id = SessionRow.insert(fields).execute()
            old_day = None
        else:
            stored = self._plan_of(session.id)
            old_day = stored[0] if stored else None
            if stored:
                fields |= kept_plan(stored, session)
            if (
                old_day is None
                or SessionRow.update(fields).where(SessionRow.id == session.id).execute() != 1
            ):
                raise ValidationError([FieldError("id", f"session {session.id} no longer exists")])
            session_id = session.id
            SetRow.delete().where(SetRow.session == session_id).execute()
        self._note(Change.session_saved(session_id, old_day, session.date))
        rows = [
            set_fields(entry, session_id, position, exercise_id)
            for position, (entry, exercise_id) in enumerate(zip(session.sets, exercise_ids))
        ]
        for start in range(0, len(rows), _BATCH):
            SetRow.insert_many(rows[start : start + _BATCH]).execute()
        if old_day is None:
            # Laps are what the watch recorded: written with the run, never edited, so a save
            # of a session read without them cannot lose them.
            self._insert_fast(LapRow, self._lap_rows(session, session_id))
        return session_id

    def _plan_of(self, session_id: int) -> tuple | None:
        """(day, status, distance, from_plan, planned_km, plan_uid) of a stored session."""
        row = self.db.execute_sql(
            "SELECT date, status, distance_km, from_plan, planned_km, plan_uid FROM session "
            "WHERE id = ?",
            (session_id,),
        ).fetchone()
        return (_as_date(row[0]), *row[1:]) if row else None

    def restore_session(self, session: Session) -> Session:
        """Put back a deleted session with its original ids, so that undo history that names
        it stays valid."""
        self.restore_sessions([session])
        return self.session(session.id)

    def restore_sessions(self, sessions: list[Session]) -> None:
        """Put back several deleted sessions (a week plan's redo) in one transaction."""
        exercise_ids = [
            [
                self._exercise_id(s.exercise, f"sets[{i}].exercise")
                for i, s in enumerate(session.sets)
            ]
            for session in sessions
        ]

        def write() -> None:
            for session, ids in zip(sessions, exercise_ids):
                SessionRow.insert(session_fields(session) | {"id": session.id}).execute()
                for position, (entry, exercise_id) in enumerate(zip(session.sets, ids)):
                    SetRow.insert(
                        set_fields(entry, session.id, position, exercise_id)
                        | ({"id": entry.id} if entry.id is not None else {})
                    ).execute()
                self._insert_fast(LapRow, self._lap_rows(session, session.id))

        self._verified(write, lambda _: len(self._days_of(s.id for s in sessions)) == len(sessions))
        self._note(Change.sessions_added((s.id, s.date) for s in sessions))

    def strength_titles(self, limit: int = 20) -> list[str]:
        """Titles of recent strength sessions, newest first (the editor's "start from"):
        found among the latest few hundred, walking back by date, so the cost does not grow
        with the history."""
        rows = self.db.execute_sql(
            "SELECT title FROM session WHERE kind = 'strength' AND title != '' "
            "ORDER BY date DESC, position DESC LIMIT ?",
            (max(200, 10 * limit),),
        )
        return list(dict.fromkeys(title for (title,) in rows))[:limit]

    def last_session_titled(self, title: str, before: dt.date | None = None) -> Session | None:
        where = (SessionRow.title == title) & (SessionRow.kind == "strength")
        if before is not None:
            where &= SessionRow.date < before
        row = (
            SessionRow.select(SessionRow.id)
            .where(where)
            .order_by(SessionRow.date.desc(), SessionRow.position.desc())
            .first()
        )
        return self.session(row.id) if row else None

    def save_sessions(self, sessions: list[Session]) -> list[Session]:
        """Save several sessions in one transaction (a generated week plan): all or none."""
        for index, session in enumerate(sessions):
            if errors := session_errors(session):
                raise ValidationError(
                    [FieldError(f"sessions[{index}].{e.field}", e.message) for e in errors]
                )

        def write() -> list[int]:
            ids = []
            for index, session in enumerate(sessions):
                exercise_ids = [
                    self._exercise_id(s.exercise, f"sessions[{index}].sets[{i}].exercise")
                    for i, s in enumerate(session.sets)
                ]
                ids.append(self._write_session(session, exercise_ids))
            return ids

        ids = self._verified(
            write, lambda written: [self.session(i) for i in written] == list(sessions)
        )
        return [self.session(i) for i in ids]

    def edit_plan(
        self,
        save: list[Session] = (),
        delete: list[int] = (),
        restore: list[Session] = (),
        phases: dict[str, Phase | None] | None = None,
    ) -> None:
        """One edit of the plan in one transaction (a planner's fix, or its undo): sessions
        saved, deleted or put back with their ids, and week phases set. All or none."""
        with self.db.atomic():
            if save:
                self.save_sessions(list(save))
            if delete:
                self.delete_sessions(list(delete))
            if restore:
                self.restore_sessions(list(restore))
            for week, phase in (phases or {}).items():
                self.set_week_phase(week, phase)

    def delete_sessions(self, session_ids: list[int]) -> None:
        def write() -> dict[int, dt.date]:
            days = self._days_of(session_ids)
            SessionRow.delete().where(SessionRow.id.in_(session_ids)).execute()
            return days

        days = self._verified(write, lambda _: not self._days_of(session_ids))
        self._note(Change.sessions_deleted(days.items()))

    def last_strength_before(self, day: dt.date, today: dt.date) -> Session | None:
        """The latest strength session with a working set before `day` that counts for the
        planner: done, or planned for today or later (what a long gap is measured from)."""
        # Walking back by date, looking into each session's own sets: the cost is that of
        # the sessions walked, not of every set in the logbook.
        row = self.db.execute_sql(
            "SELECT id FROM session WHERE kind = 'strength' AND date < ? "
            "AND (status = 'done' OR (status = 'planned' AND date >= ?)) "
            "AND EXISTS (SELECT 1 FROM strength_set WHERE session_id = session.id "
            "AND +set_type != 'warmup') ORDER BY date DESC, position DESC LIMIT 1",
            (reading.day_param(day), reading.day_param(today)),
        ).fetchone()
        return self.session(row[0]) if row else None

    def delete_session(self, session_id: int) -> None:
        self.delete_sessions([session_id])

    def move_session(self, session_id: int, day: dt.date, order: int | None = None) -> Session:
        def write() -> dt.date | None:
            old_day = self._days_of([session_id]).get(session_id)
            changes = {SessionRow.date: day}
            if order is not None:
                changes[SessionRow.position] = order
            SessionRow.update(changes).where(SessionRow.id == session_id).execute()
            return old_day

        old_day = self._verified(
            write, lambda _: self._days_of([session_id]).get(session_id) == day
        )
        if old_day is not None:
            self._note(Change.session_saved(session_id, old_day, day))
        return self.session(session_id)

    def exercise_history(
        self, name: str, before: dt.date | None = None, limit: int | None = None
    ) -> list[Session]:
        """Done strength sessions containing `name`, oldest first, with only that exercise's
        sets (what the editor's "last time" and the progress charts need); with `limit`,
        only the most recent ones."""
        exercise = self.catalogue().resolve(name)
        if exercise is None:
            return []
        exercise_id = self._exercise_ids[exercise.name]
        where, params = reading.exercise_history_where(exercise_id, before, limit)
        return self._read(where, params, "strength_set.exercise_id = ?", (exercise_id,))

    # -- races, week phases, body weight -----------------------------------------------------

    def races(self, first: dt.date | None = None, last: dt.date | None = None) -> list[Race]:
        """The races, by date (those from `first` to `last` when given)."""
        rows = self.db.execute_sql(
            "SELECT id, date, name, distance_km FROM race WHERE date >= ? AND date <= ? "
            "ORDER BY date",
            (reading.day_param(first or dt.date.min), reading.day_param(last or dt.date.max)),
        )
        return [Race(_as_date(day), name, km, id=race_id) for race_id, day, name, km in rows]

    def save_race(self, race: Race) -> Race:
        if errors := race_errors(race):
            raise ValidationError(errors)
        fields = dict(date=race.date, name=race.name, distance_km=race.distance_km)
        with self.db.atomic():
            if race.id is None:
                race_id = RaceRow.insert(fields).execute()
            else:
                RaceRow.update(fields).where(RaceRow.id == race.id).execute()
                race_id = race.id
        self._note(Change(races=True, what=f"race {race.name}"))
        return race_from_row(RaceRow.get_by_id(race_id))

    def delete_race(self, race_id: int) -> None:
        with self.db.atomic():
            RaceRow.delete().where(RaceRow.id == race_id).execute()
        self._note(Change(races=True, what="delete race"))

    def week_phases(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> dict[str, Phase]:
        """ISO week -> phase (the weeks from `first`'s to `last`'s when given: ISO week names
        sort as the weeks do)."""
        rows = self.db.execute_sql(
            "SELECT week, phase FROM week_phase WHERE week >= ? AND week <= ?",
            (iso_week(first) if first else "", iso_week(last) if last else "~"),
        )
        return {week: Phase(phase) for week, phase in rows}

    def set_week_phase(self, week: str, phase: Phase | None) -> None:
        with self.db.atomic():
            if phase is None:
                WeekPhaseRow.delete().where(WeekPhaseRow.week == week).execute()
            else:
                WeekPhaseRow.replace(week=week, phase=phase.value).execute()
        self._note(Change(phases=(week,), what=f"phase of {week}"))

    def body_weights(self) -> list[BodyWeight]:
        return [
            body_weight_from_row(r) for r in BodyWeightRow.select().order_by(BodyWeightRow.date)
        ]

    def save_body_weight(self, entry: BodyWeight) -> None:
        """Log (or replace) the body weight of a day; ValidationError for one no person has."""
        if errors := body_weight_errors(entry):
            raise ValidationError(errors)
        with self.db.atomic():
            BodyWeightRow.replace(date=entry.date, weight_kg=entry.weight_kg).execute()
        self._note(Change(body_weights=True, what="body weight"))

    def delete_body_weight(self, day: dt.date) -> None:
        """Take out the body weight logged on `day` (the undo of logging it)."""
        with self.db.atomic():
            BodyWeightRow.delete().where(BodyWeightRow.date == day).execute()
        self._note(Change(body_weights=True, what="delete body weight"))

    # -- the whole logbook -------------------------------------------------------------------

    def export_logbook(self) -> Logbook:
        custom = [e for e in self.catalogue() if e.custom]
        rows = self.db.execute_sql("SELECT week, phase, source FROM week_phase ORDER BY week")
        weeks = [WeekPhase(w, Phase(p), source) for w, p, source in rows]
        return Logbook(
            exercises=custom,
            sessions=self.all_sessions(),
            races=self.races(),
            weeks=weeks,
            body_weights=self.body_weights(),
        )

    def import_logbook(self, logbook: Logbook, replace: bool = False) -> dict[str, int]:
        """Add (or, with replace, swap in) a whole logbook: a problem anywhere writes nothing.
        Adding commits in short batches (store/batches.py) and removes them again if a later
        one fails; replacing builds the new contents in a copy and puts it in in one step,
        after keeping the logbook as it was among the backups (`before-restore`)."""
        try:
            if not replace:
                try:
                    return self._import_logbook(logbook, replace=False)
                except PartlyWritten as exc:
                    self._partly_written(exc)
            from .restore import BEFORE_RESTORE

            try:
                aside = backup_now(self.db.connection(), self.path, clock.now(), BEFORE_RESTORE)
            except OSError as exc:
                raise StoreError(
                    self.path,
                    f"no copy of the logbook as it is could be kept first ({exc.strerror or exc})",
                ) from exc
            log.info("kept %s before replacing the logbook's contents", aside)
            try:
                counts = replace_through_copy(
                    self, lambda staging: staging._import_logbook(logbook, replace=True)
                )
            except OSError as exc:
                raise StoreError(self.path, f"the copy to build it in failed ({exc})") from exc
            self._sync_shipped(_shipped())
            self._pending.clear()
            self._note(Change.everything("restore a backup"))
            return counts
        finally:
            self._catalogue = None  # a rollback may have dropped exercises it had cached

    def _partly_written(self, exc: PartlyWritten) -> None:
        """A big write failed and its committed batches could not be removed: the views must
        hear that the logbook changed, then the runner why."""
        self._pending = [Change.everything("an import stopped part-way")]
        self._announce()
        raise StoreError(self.path, str(exc)) from exc

    def _existing_by_day(self, incoming: list[Session]) -> dict[dt.date, list[Session]]:
        if not incoming:
            return {}
        by_day: dict[dt.date, list[Session]] = defaultdict(list)
        days = [s.date for s in incoming]
        for session in self.sessions_between(min(days), max(days)):
            by_day[session.date].append(session)
        return by_day

    def _import_logbook(self, logbook: Logbook, replace: bool) -> dict[str, int]:
        if found := first_session_errors(logbook.sessions):
            index, errors = found
            raise ValidationError(
                [FieldError(f"sessions[{index}].{e.field}", e.message) for e in errors]
            )
        writer = SessionWriter(self.db)
        with Batches(self.db, before_commit=writer.flush) as batches:
            if replace:
                for model in (SetRow, LapRow, SessionRow, RaceRow, WeekPhaseRow, BodyWeightRow):
                    model.delete().execute()
            have = {e.name for e in self.catalogue()}
            new_exercises = [e for e in logbook.exercises if e.name not in have]
            for exercise in new_exercises:
                batches.added_exercise(
                    ExerciseRow.insert(exercise_fields(exercise) | {"custom": True}).execute()
                )
            if new_exercises:
                self._catalogue = None  # read again with them (of 500 exercises: only then)
            existing = self._existing_by_day(logbook.sessions)
            skipped = 0
            added, known = [], {}  # known: exercise name -> id, looked up once a name
            for index, session in enumerate(logbook.sessions):
                ids = [
                    known.get(s.exercise)
                    or known.setdefault(
                        s.exercise,
                        self._exercise_id(s.exercise, f"sessions[{index}].sets[{i}].exercise"),
                    )
                    for i, s in enumerate(session.sets)
                ]
                if session in existing.get(session.date, ()):
                    skipped += 1  # importing the same backup twice adds nothing
                    continue
                session_id = writer.add(session, ids)
                batches.added_session(session_id)
                added.append((session_id, session.date))
                batches.step()
            # The last batch: races, phases and weights commit with the last sessions.
            known_races = {(r.date, r.name) for r in self.races()}
            for race in logbook.races:
                if (race.date, race.name) not in known_races:
                    RaceRow.insert(
                        date=race.date, name=race.name, distance_km=race.distance_km
                    ).execute()
            replace_phases(self.db.cursor(), logbook.weeks)
            replace_body_weights(self.db.cursor(), logbook.body_weights)
        self._note(
            Change(
                added=tuple(added),
                catalogue=bool(new_exercises),
                races=bool(logbook.races),
                phases=tuple(w.week for w in logbook.weeks),
                body_weights=bool(logbook.body_weights),
                what="import a backup",
            )
        )
        return {
            "exercises": len(new_exercises),
            "sessions": len(logbook.sessions) - skipped,
            "duplicates_skipped": skipped,
            "races": len(logbook.races),
            "weeks": len(logbook.weeks),
            "body_weights": len(logbook.body_weights),
        }

    # -- imports from other apps (Strong, Hevy, FitNotes) ------------------------------------

    def source_keys(self, source: str) -> set[str]:
        """The keys of the sessions an import from `source` already brought in."""
        query = SessionRow.select(SessionRow.source_key).where(SessionRow.source == source)
        return {key for (key,) in query.tuples()}

    def import_sessions(
        self, sessions: list[Session], new_exercises: list[Exercise]
    ) -> dict[str, int]:
        """Add imported sessions and the custom exercises they need: a problem anywhere
        writes nothing (short batches, removed again if a later one fails; see
        store/batches.py). A session whose (source, source_key) the logbook already has is
        skipped, so importing a file twice adds nothing."""
        if found := first_session_errors(sessions):
            index, errors = found
            raise ValidationError(
                [FieldError(f"sessions[{index}].{e.field}", e.message) for e in errors]
            )
        set_rows: list[dict] = []

        def flush() -> None:  # sets go in with one prepared statement per batch
            self._insert_fast(SetRow, set_rows)
            set_rows.clear()

        try:
            with Batches(self.db, before_commit=flush) as batches:
                have = {e.name for e in self.catalogue()}
                added_exercises = [e for e in new_exercises if e.name not in have]
                for exercise in added_exercises:
                    batches.added_exercise(
                        self._insert_fast(
                            ExerciseRow, [exercise_fields(exercise) | {"custom": True}]
                        )
                    )
                self._catalogue = None
                existing = {
                    (s, k)
                    for s, k in SessionRow.select(SessionRow.source, SessionRow.source_key)
                    .where(SessionRow.source != "")
                    .tuples()
                }
                added = skipped = 0
                added_days: list[tuple[int, dt.date]] = []
                for index, session in enumerate(sessions):
                    if (session.source, session.source_key) in existing:
                        skipped += 1
                        continue
                    ids = [
                        self._exercise_id(s.exercise, f"sessions[{index}].sets[{i}].exercise")
                        for i, s in enumerate(session.sets)
                    ]
                    session_id = self._insert_fast(SessionRow, [session_fields(session)])
                    batches.added_session(session_id)
                    set_rows.extend(
                        set_fields(entry, session_id, position, exercise_id)
                        for position, (entry, exercise_id) in enumerate(zip(session.sets, ids))
                    )
                    existing.add((session.source, session.source_key))
                    added_days.append((session_id, session.date))
                    added += 1
                    batches.step()
            self._note(
                Change(added=tuple(added_days), catalogue=bool(added_exercises), what="import")
            )
        except PartlyWritten as exc:
            self._partly_written(exc)
        finally:
            self._catalogue = None  # a rollback may have dropped exercises it had cached
        return {"sessions": added, "duplicates_skipped": skipped, "exercises": len(added_exercises)}

    def _insert_fast(self, model, rows: list[dict]) -> int | None:
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
        return cursor.lastrowid


def _shipped() -> tuple[Exercise, ...]:
    from ..assets import shipped_exercises

    return shipped_exercises()


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
