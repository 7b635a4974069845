"""The repository's part for season plans (planning/seasonplan.py), the planner's edits and
plan against done: a season written in one transaction and undone or redone in one, a
planner's fix (or its undo) in one, the weeks whose phase a season wrote, and each day's plan
and what was done of it, counted in SQL. A mixin of Repository (its public methods are
wrapped like the repository's own: own database, change news, errors)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..domain import Phase, Race, Session, Status, iso_week
from ..domain.changes import Change
from ..domain.compliance import DayTally
from ..domain.season import SEASON_SOURCE, PhaseMark, SeasonWrite
from ..domain.validation import FieldError, ValidationError, race_errors, session_errors
from . import reading
from .calendar_store import CalendarStore
from .core import as_date, stored_id
from .models import RaceRow, WeekPhaseRow
from .sessions import SessionStore

_TALLY = """
SELECT date, kind,
  SUM(status = 'planned' AND date < ?1),
  SUM(status = 'planned' AND date >= ?1),
  SUM(status = 'skipped'),
  SUM(status = 'done' AND from_plan),
  SUM(status = 'done' AND NOT from_plan),
  SUM(CASE WHEN status IN ('planned', 'skipped') THEN COALESCE(distance_km, 0)
           WHEN status = 'done' AND from_plan THEN COALESCE(planned_km, 0) ELSE 0 END),
  SUM(CASE WHEN status = 'done' THEN COALESCE(distance_km, 0) ELSE 0 END)
FROM session
WHERE date BETWEEN ?2 AND ?3
  AND (kind = 'run' OR EXISTS (SELECT 1 FROM strength_set
       WHERE strength_set.session_id = session.id AND strength_set.set_type != 'warmup'))
GROUP BY date, kind
"""


class SeasonStore(SessionStore, CalendarStore):
    # -- reading -----------------------------------------------------------------------------

    def season_phase_weeks(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> frozenset[str]:
        """The weeks (from `first`'s to `last`'s) whose phase a season plan wrote."""
        rows = self.db.execute_sql(
            "SELECT week FROM week_phase WHERE source = ? AND week >= ? AND week <= ?",
            (SEASON_SOURCE, iso_week(first) if first else "", iso_week(last) if last else "~"),
        )
        return frozenset(week for (week,) in rows)

    def day_tallies(self, first: dt.date, last: dt.date, today: dt.date) -> list[DayTally]:
        """Each day's plan and what was done, by kind (domain/compliance.py folds them into
        weeks): counted by SQL, so a year of weeks costs a few hundred rows, not sessions."""
        rows = self.db.execute_sql(
            _TALLY,
            (reading.day_param(today), reading.day_param(first), reading.day_param(last)),
        )
        return [
            DayTally(as_date(day), kind, due, ahead, skipped, kept, extra, planned_km, done_km)
            for day, kind, due, ahead, skipped, kept, extra, planned_km, done_km in rows
        ]

    def _season_planned(self, first: dt.date, last: dt.date) -> list[Session]:
        return self._read(
            f"{reading.BETWEEN} AND session.source = ? AND session.status = 'planned'",
            (reading.day_param(first), reading.day_param(last), SEASON_SOURCE),
        )

    def _phase_marks(self, first: dt.date, last: dt.date) -> dict[str, PhaseMark]:
        rows = self.db.execute_sql(
            "SELECT week, phase, source FROM week_phase WHERE week >= ? AND week <= ?",
            (iso_week(first), iso_week(last)),
        )
        return {week: (Phase(phase), source) for week, phase, source in rows}

    # -- writing -----------------------------------------------------------------------------

    def write_season(
        self,
        sessions: list[Session],
        phases: dict[str, Phase],
        first: dt.date,
        last: dt.date,
        replace_ids: Sequence[int] = (),
        new_race: Race | None = None,
    ) -> SeasonWrite:
        """Write a season plan over the days `first` to `last`, in one transaction: its
        sessions (source "season", each with its key) in place of the planned ones an
        earlier season plan wrote there (a session planned again as it was is left as it
        is, one planned again differently is updated in place, so its id and calendar event
        stay), the runner's planned sessions `replace_ids` removed, and the season's phases
        set, except where the runner set one; and `new_race`, a race entered with the plan,
        added. Returns what it did, for undo."""
        for index, session in enumerate(sessions):
            errors = session_errors(session)
            if not first <= session.date <= last:
                errors.append(FieldError("date", f"{session.date} is outside the season"))
            if errors:
                raise ValidationError(
                    [FieldError(f"sessions[{index}].{e.field}", e.message) for e in errors]
                )
        if new_race is not None and (errors := race_errors(new_race)):
            raise ValidationError([FieldError(f"race.{e.field}", e.message) for e in errors])
        added, changed, removed = [], [], []
        race = None
        with self.db.atomic():
            if new_race is not None:
                race = self.save_race(replace(new_race, id=None))
            earlier = {s.source_key: s for s in self._season_planned(first, last)}
            taken = {
                key
                for (key,) in self.db.execute_sql(
                    "SELECT source_key FROM session WHERE source = ?", (SEASON_SOURCE,)
                )
            }
            for session in sessions:
                session = replace(session, source=SEASON_SOURCE)
                old = earlier.pop(session.source_key, None)
                if old is not None:
                    if old == replace(session, id=old.id):
                        continue  # planned again as it was
                    changed.append((old, self._saved(replace(session, id=old.id))))
                    continue
                key, n = session.source_key, 1
                while key in taken:  # a done session of an earlier season kept this key
                    key, n = f"{session.source_key}+{n}", n + 1
                taken.add(key)
                added.append(self._saved(replace(session, id=None, source_key=key)))
            dropped = list(earlier.values())
            if replace_ids:
                dropped += [s for s in self._by_ids(replace_ids) if s.status is Status.PLANNED]
            if dropped:
                self.delete_sessions([stored_id(s) for s in dropped])
            removed = dropped
            marks = self._set_season_phases(phases, first, last)
        return SeasonWrite(
            first, last, tuple(added), tuple(changed), tuple(removed), tuple(marks), race
        )

    def undo_season(self, write: SeasonWrite) -> None:
        """Put the logbook back as it was before `write`, in one transaction."""
        with self.db.atomic():
            if write.added:
                self.delete_sessions([stored_id(s) for s in write.added])
            for before, _after in write.changed:
                self._saved(before)
            if write.removed:
                self.restore_sessions(list(write.removed))
            self._mark_phases([(week, before) for week, before, _after in write.phases])
            if write.race is not None:
                self.delete_race(_race_id(write.race))

    def redo_season(self, write: SeasonWrite) -> None:
        """Write `write` again after undo_season, with the same ids, in one transaction."""
        with self.db.atomic():
            if write.race is not None:
                race = write.race
                RaceRow.insert(
                    id=race.id, date=race.date, name=race.name, distance_km=race.distance_km
                ).execute()
                self._note(Change(races=True, what=f"race {race.name}"))
            if write.added:
                self.restore_sessions(list(write.added))
            for _before, after in write.changed:
                self._saved(after)
            if write.removed:
                self.delete_sessions([stored_id(s) for s in write.removed])
            self._mark_phases([(week, after) for week, _before, after in write.phases])

    def _saved(self, session: Session) -> Session:
        exercise_ids = [
            self._exercise_id(s.exercise, f"sets[{i}].exercise") for i, s in enumerate(session.sets)
        ]
        return self._stored(self._write_session(session, exercise_ids))

    def _by_ids(self, ids: Iterable[int]) -> list[Session]:
        wanted = [int(i) for i in ids]
        return self._read(f"session.id IN ({', '.join('?' * len(wanted))})", tuple(wanted))

    def _set_season_phases(
        self, phases: dict[str, Phase], first: dt.date, last: dt.date
    ) -> list[tuple[str, PhaseMark | None, PhaseMark | None]]:
        """The season's phases over its weeks: the runner's own are kept; the season's
        earlier ones are replaced or, where it has none now, removed."""
        marks = self._phase_marks(first, last)
        weeks, monday = [], first - dt.timedelta(days=first.weekday())
        while monday <= last:
            weeks.append(iso_week(monday))
            monday += dt.timedelta(days=7)
        found = []
        for week in weeks:
            before = marks.get(week)
            if before is not None and before[1] != SEASON_SOURCE:
                continue  # the runner's
            after = (phases[week], SEASON_SOURCE) if week in phases else None
            if after != before:
                found.append((week, before, after))
        self._mark_phases([(week, after) for week, _before, after in found])
        return found

    def _mark_phases(self, marks: list[tuple[str, PhaseMark | None]]) -> None:
        for week, mark in marks:
            if mark is None:
                WeekPhaseRow.delete().where(WeekPhaseRow.week == week).execute()
            else:
                WeekPhaseRow.replace(week=week, phase=mark[0].value, source=mark[1]).execute()
        if marks:
            self._note(Change(phases=tuple(w for w, _ in marks), what="season plan"))

    # -- the planner's edits -----------------------------------------------------------------

    def edit_plan(
        self,
        save: Sequence[Session] = (),
        delete: Sequence[int] = (),
        restore: Sequence[Session] = (),
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


def _race_id(race: Race) -> int:
    """The id of the race a season wrote (it is stored, so it has one)."""
    if race.id is None:
        raise ValidationError([FieldError("race", f"the race {race.name} was never saved")])
    return race.id
