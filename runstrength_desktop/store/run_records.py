"""The repository's part for runs recorded by a watch (interchange/activities): the runs an
import matches against, and the import's one-transaction write. A mixin of Repository (its
public methods are wrapped like the repository's own: own database, change news, errors)."""

from __future__ import annotations

import datetime as dt

from ..domain import Session
from ..domain.changes import Change
from ..domain.validation import FieldError, ValidationError, session_errors
from . import reading
from .convert import kept_plan, lap_rows, session_fields
from .core import stored_id, tuples
from .models import LapRow, SessionRow
from .sessions import SessionStore


class RunRecords(SessionStore):
    def runs_between(self, first: dt.date, last: dt.date) -> list[Session]:
        """Runs from `first` to `last` (planned and done): what an import of activity files
        matches against (the same activity already here, a planned run it completes)."""
        return self._read(
            f"{reading.BETWEEN} AND session.kind = 'run'",
            (reading.day_param(first), reading.day_param(last)),
        )

    def runs_by_plan_uid(self) -> dict[str, Session]:
        """The runs imported from a calendar, by their event's UID (planned or done since):
        what importing a calendar again updates."""
        return {s.plan_uid: s for s in self._read("session.plan_uid != ''")}

    def import_runs(self, new: list[Session], completed: list[Session]) -> dict[str, int]:
        """Add imported runs with their laps, and save planned runs an import completed (or
        a calendar's import changed), in one transaction: a problem anywhere writes nothing.
        A run whose (source, key) the logbook already has is skipped (the importer has
        already dropped the same activity within its time tolerance; this guards a second
        import racing the first)."""
        for index, session in enumerate([*new, *completed]):
            if errors := session_errors(session):
                raise ValidationError(
                    [FieldError(f"runs[{index}].{e.field}", e.message) for e in errors]
                )
            if not session.is_run:
                raise ValidationError([FieldError(f"runs[{index}].kind", "must be a run")])
        added_days: list[tuple[int, dt.date]] = []
        changes: list[Change] = []
        skipped = 0
        with self.db.atomic():
            existing = {
                (s, k)
                for s, k in tuples(
                    SessionRow.select(SessionRow.source, SessionRow.source_key).where(
                        SessionRow.source != ""
                    )
                )
            }
            for session in new:
                if session.source and (session.source, session.source_key) in existing:
                    skipped += 1
                    continue
                session_id = self._insert_row(SessionRow, session_fields(session))
                self._insert_fast(LapRow, lap_rows(session, session_id))
                existing.add((session.source, session.source_key))
                added_days.append((session_id, session.date))
            for session in completed:
                completed_id = stored_id(session)
                stored = self._plan_of(completed_id)
                if stored is None:
                    raise ValidationError(
                        [FieldError("id", f"planned run {session.id} no longer exists")]
                    )
                old_day = stored[0]
                # The plan it fulfils is kept (plan against done), whatever the file says.
                SessionRow.update(session_fields(session) | kept_plan(stored, session)).where(
                    SessionRow.id == completed_id
                ).execute()
                LapRow.delete().where(LapRow.session == completed_id).execute()
                self._insert_fast(LapRow, lap_rows(session, completed_id))
                changes.append(Change.session_saved(completed_id, old_day, session.date))
        self._note(Change.combine([Change(added=tuple(added_days), what="import runs"), *changes]))
        return {"runs": len(added_days), "completed": len(completed), "duplicates_skipped": skipped}
