"""Undoable calendar edits. Each command writes through the repository (one transaction),
and the repository announces what changed (gui/news.py). A deleted session comes back with
its own ids, so the commands further down the stack that name it keep working.

A write the logbook refuses (disk full, file replaced) must neither crash the app nor leave
the stack out of step with the logbook. The failed step wrote nothing, so the command marks
itself obsolete, which QUndoStack takes as "drop it": pushed, it is never stacked; undone, it
is removed and stays done (as the logbook has it); redone, it is removed and stays undone.
The runner is told why once the stack has finished its step.

History is only good for the logbook it was made on: when another program has written to
the file since (the command line's `import --replace`), a step is not taken (an undone
delete would bring a session back beside its replaced copy, counting its training twice);
the window then hears of the change, which reloads the views and clears this history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from ...domain import Phase, Race, Session, Status
from ...domain.season import SeasonWrite
from ...domain.validation import FieldError, ValidationError
from ...planning import Fix
from ...planning.seasonplan import SeasonPlan
from ...store import StoreError
from ..context import AppContext


class _CalendarCommand(QUndoCommand):
    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(text)
        self.context = context

    # Subclasses write in apply() and revert(); redo() and undo() guard them.
    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guarded(self.apply, "Not done")

    def undo(self) -> None:
        self._guarded(self.revert, "Not undone")

    def _guarded(self, step: Callable[[], None], what: str) -> None:
        if self.context.changed_outside():
            self._refuse(
                what,
                "the logbook was changed by another program since; the calendar is "
                "reloaded and its undo history cleared",
            )
            # Announced after the stack's step: clearing the stack from inside it would not do.
            QTimer.singleShot(0, self.context.bus, self.context.notice_outside_changes)
            return
        try:
            step()
        except (StoreError, ValidationError) as error:
            why = (
                f"the logbook refused the write ({error})"
                if isinstance(error, StoreError)
                else str(error)
            )  # e.g. the session was deleted meanwhile
            self._refuse(what, why)

    def _refuse(self, what: str, why: str) -> None:
        self.setObsolete(True)
        message = f"{what}: {self.text()}. {why[0].upper()}{why[1:]}; nothing was changed."
        bus = self.context.bus
        # Not from inside the stack's step: a message box there would let the runner press
        # Undo again while the stack is halfway through this one.
        QTimer.singleShot(0, bus, lambda: bus.writeFailed.emit(message))

    @property
    def repo(self):
        return self.context.repo


class MoveSession(_CalendarCommand):
    def __init__(self, context: AppContext, session: Session, day: dt.date) -> None:
        super().__init__(context, f"Move {session.date:%d %b} to {day:%d %b}")
        self.session_id, self.old_day, self.new_day = session.id, session.date, day
        self.old_order = session.order
        # Last in its new day, so it does not jump ahead of what was already planned there.
        self.new_order = 1 + max(
            (s.order for s in context.repo.sessions_between(day, day)), default=-1
        )

    def apply(self) -> None:
        self.repo.move_session(self.session_id, self.new_day, self.new_order)

    def revert(self) -> None:
        self.repo.move_session(self.session_id, self.old_day, self.old_order)


class DuplicateSession(_CalendarCommand):
    def __init__(self, context: AppContext, session: Session, day: dt.date) -> None:
        super().__init__(context, f"Duplicate to {day:%d %b}")
        self.copy = session.copy(date=day, status=Status.PLANNED)
        self.saved: Session | None = None

    def apply(self) -> None:
        if self.saved is None:
            self.saved = self.repo.save_session(self.copy)
        else:
            self.repo.restore_session(self.saved)

    def revert(self) -> None:
        if self.saved is not None and self.saved.id is not None:
            self.repo.delete_session(self.saved.id)


class DeleteSession(_CalendarCommand):
    def __init__(self, context: AppContext, session: Session) -> None:
        super().__init__(context, f"Delete session of {session.date:%d %b}")
        self.session = session

    def apply(self) -> None:
        self.repo.delete_session(self.session.id)

    def revert(self) -> None:
        self.repo.restore_session(self.session)


class SetStatus(_CalendarCommand):
    def __init__(self, context: AppContext, session: Session, status: Status) -> None:
        super().__init__(context, f"Mark {status.value}")
        self.session, self.status = session, status

    def _write(self, status: Status) -> None:
        current = self.repo.session(self.session.id)
        current.status = status
        self.repo.save_session(current)

    def apply(self) -> None:
        self._write(self.status)

    def revert(self) -> None:
        self._write(self.session.status)


class AddRace(_CalendarCommand):
    def __init__(self, context: AppContext, race: Race) -> None:
        super().__init__(context, f"Add race {race.name}")
        self.race = race
        self.saved: Race | None = None

    def apply(self) -> None:
        self.saved = self.repo.save_race(
            Race(self.race.date, self.race.name, self.race.distance_km)
        )

    def revert(self) -> None:
        if self.saved is not None and self.saved.id is not None:
            self.repo.delete_race(self.saved.id)


class SetPhase(_CalendarCommand):
    def __init__(self, context: AppContext, week: str, phase: Phase | None) -> None:
        super().__init__(context, f"Set {week} to {phase.value if phase else 'no phase'}")
        self.week, self.phase = week, phase
        self.old = context.repo.week_phases().get(week)

    def apply(self) -> None:
        self.repo.set_week_phase(self.week, self.phase)

    def revert(self) -> None:
        self.repo.set_week_phase(self.week, self.old)


class AddPlannedSessions(_CalendarCommand):
    """A generated week plan: saved in one transaction, removed in one."""

    def __init__(self, context: AppContext, sessions: list[Session], text: str) -> None:
        super().__init__(context, text)
        self.sessions = sessions
        self.saved: list[Session] = []

    def apply(self) -> None:
        if not self.saved:
            self.saved = self.repo.save_sessions(self.sessions)
        else:
            self.repo.restore_sessions(self.saved)

    def revert(self) -> None:
        self.repo.delete_sessions([s.id for s in self.saved])


class ApplyFix(_CalendarCommand):
    """A planner's fix (planning/fixes.py): its sessions saved or dropped and its week phases
    set in one transaction; undone, everything as it was, in one transaction too."""

    def __init__(self, context: AppContext, fix: Fix) -> None:
        super().__init__(context, f"Fix: {fix.rule.replace('_', ' ')}")
        self.fix = fix
        repo = context.repo
        self.before = [repo.session(s.id) if s.id is not None else None for s in fix.saved]
        self.dropped = [repo.session(i) for i in fix.deleted]
        phases = repo.week_phases()
        self.old_phases = {week: phases.get(week) for week in fix.phases}

    def apply(self) -> None:
        if any(s is None for s in self.before + self.dropped):
            raise ValidationError([FieldError("session", "a session of the fix no longer exists")])
        self.repo.edit_plan(save=self.fix.saved, delete=self.fix.deleted, phases=self.fix.phases)

    def revert(self) -> None:
        self.repo.edit_plan(save=self.before, restore=self.dropped, phases=self.old_phases)


class PlanSeason(_CalendarCommand):
    """A season plan to a race (and the race, when it was entered with it): written in one
    transaction, undone and redone in one, with the same ids. A plan that changes nothing
    is not stacked."""

    def __init__(self, context: AppContext, season: SeasonPlan, new_race: Race | None) -> None:
        super().__init__(context, f"Plan to {season.race.name}")
        self.season, self.new_race = season, new_race
        self.written: SeasonWrite | None = None

    def apply(self) -> None:
        if self.written is None:
            season = self.season
            self.written = self.repo.write_season(
                season.sessions,
                season.phases,
                season.first,
                season.last,
                list(season.replaced_own),
                self.new_race,
            )
            if not self.written:
                self.setObsolete(True)
        else:
            self.repo.redo_season(self.written)

    def revert(self) -> None:
        self.repo.undo_season(self.written)
