"""The repository's part for whole logbooks and other apps' histories: a logbook exported
and imported (added to, or swapped in through a copy after a backup), and the sessions an
import from Strong, Hevy or FitNotes brings, each all or nothing in short batches
(store/batches.py). A mixin of store.Repository (its public methods run under the
repository's guard: own database, StoreError, news after the commit)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import chain
from operator import attrgetter
from typing import Any

from .. import clock
from ..domain import Exercise, Logbook, Phase, Session, WeekPhase
from ..domain.changes import Change
from ..domain.validation import FieldError, ValidationError, first_session_errors
from .backup import backup_now
from .batches import Batches, PartlyWritten, replace_through_copy
from .bulk_insert import SessionWriter, add_races, replace_body_weights, replace_phases
from .calendar_store import CalendarStore
from .convert import exercise_fields, session_fields, set_fields
from .core import log, tuples
from .database import StoreError
from .exercise_store import ExerciseStore
from .models import BodyWeightRow, ExerciseRow, LapRow, RaceRow, SessionRow, SetRow, WeekPhaseRow
from .sessions import SessionStore


class LogbookTransfer(SessionStore, CalendarStore, ExerciseStore):
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

    def import_logbook(
        self, logbook: Logbook, replace: bool = False, *, checked: bool = False
    ) -> dict[str, int]:
        """Add (or, with replace, swap in) a whole logbook: a problem anywhere writes nothing.
        Adding commits in short batches (store/batches.py) and removes them again if a later
        one fails; replacing builds the new contents in a copy and puts it in in one step,
        after keeping the logbook as it was among the backups (`before-restore`).

        checked: every session was already checked with domain.validation's checks (the
        backup reader checks each value as it reads it), so they are not checked again;
        every other writer leaves it False."""
        try:
            if not replace:
                try:
                    return self._import_logbook(logbook, replace=False, checked=checked)
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
                    self,
                    lambda staging: staging._import_logbook(logbook, replace=True, checked=checked),
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

    def _import_logbook(
        self, logbook: Logbook, replace: bool, checked: bool = False
    ) -> dict[str, int]:
        if not checked and (found := first_session_errors(logbook.sessions)):
            index, errors = found
            raise ValidationError(
                [FieldError(f"sessions[{index}].{e.field}", e.message) for e in errors]
            )
        writer = SessionWriter(self.db)
        with Batches(self.db, before_commit=writer.before_commit) as batches:
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
            added: list[tuple[int, dt.date]] = []
            ids = self._set_exercise_ids(logbook.sessions)
            for session in logbook.sessions:
                if existing and session in existing.get(session.date, ()):
                    skipped += 1  # importing the same backup twice adds nothing
                    continue
                session_id = writer.add(session, ids)
                batches.added_session(session_id)
                added.append((session_id, session.date))
                batches.step()
            # The last batch: races, phases and weights commit with the last sessions.
            known_races = {(r.date, r.name) for r in self.races()}
            add_races(
                self.db.cursor(),
                [r for r in logbook.races if (r.date, r.name) not in known_races],
            )
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

    def _set_exercise_ids(self, sessions: list[Session]) -> dict[str, int]:
        """Exercise name -> id for every set's exercise, each name looked up once; an unknown
        one is named by the path of its first set."""
        ids: dict[str, int] = {}
        every_set = chain.from_iterable(map(attrgetter("sets"), sessions))
        for name in dict.fromkeys(map(attrgetter("exercise"), every_set)):
            try:
                ids[name] = self._exercise_id(name, "")
            except ValidationError:
                index, position = next(
                    (index, position)
                    for index, session in enumerate(sessions)
                    for position, s in enumerate(session.sets)
                    if s.exercise == name
                )
                # The same refusal, naming the first set that has it.
                ids[name] = self._exercise_id(name, f"sessions[{index}].sets[{position}].exercise")
        return ids

    def source_keys(self, source: str) -> set[str]:
        """The keys of the sessions an import from `source` already brought in."""
        query = SessionRow.select(SessionRow.source_key).where(SessionRow.source == source)
        return {key for (key,) in tuples(query)}

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
        set_rows: list[dict[str, Any]] = []

        def flush() -> None:  # sets go in with one prepared statement per batch
            self._insert_fast(SetRow, set_rows)
            set_rows.clear()

        try:
            with Batches(self.db, before_commit=flush) as batches:
                have = {e.name for e in self.catalogue()}
                added_exercises = [e for e in new_exercises if e.name not in have]
                for exercise in added_exercises:
                    batches.added_exercise(
                        self._insert_row(ExerciseRow, exercise_fields(exercise) | {"custom": True})
                    )
                self._catalogue = None
                existing = {
                    (s, k)
                    for s, k in tuples(
                        SessionRow.select(SessionRow.source, SessionRow.source_key).where(
                            SessionRow.source != ""
                        )
                    )
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
                    session_id = self._insert_row(SessionRow, session_fields(session))
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


def _shipped() -> tuple[Exercise, ...]:
    from ..assets import shipped_exercises

    return shipped_exercises()
