"""The repository's part for sessions, runs and strength alike: reading them by id, by days
and by exercise, and saving, moving, deleting and putting back sessions with their sets, each
in one verified transaction that notes what it changed. A mixin of store.Repository (its
public methods run under the repository's guard: own database, StoreError, news after the
commit)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import fn

from ..domain import Session, SessionKind, Status
from ..domain.changes import Change
from ..domain.validation import FieldError, ValidationError, session_errors
from . import reading
from .convert import kept_plan, lap_rows, session_fields, set_fields
from .core import BATCH, StoreCore, as_date, stored_id
from .models import LapRow, SessionRow, SetRow


class SessionStore(StoreCore):
    def sessions_between(self, first: dt.date, last: dt.date) -> list[Session]:
        """Sessions from `first` to `last`, both included, in the order they happen."""
        return self._read(reading.BETWEEN, (reading.day_param(first), reading.day_param(last)))

    def all_sessions(self) -> list[Session]:
        return self._read(reading.EVERY)

    def sessions_to_judge(self) -> list[Session]:
        """Every session with what the planner judges of it (planning.PlanInput
        .from_repository): without its notes, origins, laps, set ids, set RPE and target
        loads, so a whole-history check reads only that. For judging, not for saving."""
        self.catalogue()
        return reading.read_for_planner(self.db.execute_sql, self._exercise_names)

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
        return self._stored(session_id)

    def _write_session(
        self, session: Session, exercise_ids: list[int], as_new: bool = False
    ) -> int:
        fields = session_fields(session)
        if session.id is None or as_new:
            session_id: int = SessionRow.insert(fields).execute()
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
        for start in range(0, len(rows), BATCH):
            SetRow.insert_many(rows[start : start + BATCH]).execute()
        if old_day is None:
            # Laps are what the watch recorded: written with the run, never edited, so a save
            # of a session read without them cannot lose them.
            self._insert_fast(LapRow, lap_rows(session, session_id))
        return session_id

    def _plan_of(self, session_id: int) -> tuple[Any, ...] | None:
        """(day, status, distance, from_plan, planned_km, plan_uid) of a stored session."""
        row = self.db.execute_sql(
            "SELECT date, status, distance_km, from_plan, planned_km, plan_uid FROM session "
            "WHERE id = ?",
            (session_id,),
        ).fetchone()
        return (as_date(row[0]), *row[1:]) if row else None

    def restore_session(self, session: Session) -> Session:
        """Put back a deleted session with its original ids, so that undo history that names
        it stays valid."""
        self.restore_sessions([session])
        return self._stored(session.id)

    def restore_sessions(self, sessions: list[Session]) -> None:
        """Put back several deleted sessions (a week plan's redo) in one transaction."""
        exercise_ids = [
            [
                self._exercise_id(s.exercise, f"sets[{i}].exercise")
                for i, s in enumerate(session.sets)
            ]
            for session in sessions
        ]

        ids_back = [stored_id(s) for s in sessions]

        def write() -> None:
            for session, session_id, ids in zip(sessions, ids_back, exercise_ids):
                SessionRow.insert(session_fields(session) | {"id": session_id}).execute()
                for position, (entry, exercise_id) in enumerate(zip(session.sets, ids)):
                    SetRow.insert(
                        set_fields(entry, session_id, position, exercise_id)
                        | ({"id": entry.id} if entry.id is not None else {})
                    ).execute()
                self._insert_fast(LapRow, lap_rows(session, session_id))

        self._verified(write, lambda _: len(self._days_of(ids_back)) == len(sessions))
        self._note(Change.sessions_added(zip(ids_back, (s.date for s in sessions))))

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
        return [self._stored(i) for i in ids]

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
            changes: dict[Any, Any] = {SessionRow.date: day}
            if order is not None:
                changes[SessionRow.position] = order
            SessionRow.update(changes).where(SessionRow.id == session_id).execute()
            return old_day

        old_day = self._verified(
            write, lambda _: self._days_of([session_id]).get(session_id) == day
        )
        if old_day is not None:
            self._note(Change.session_saved(session_id, old_day, day))
        return self._stored(session_id)

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
