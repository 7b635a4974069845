"""What the calendar tab does to the logbook, each as one undo step: open, add, move,
duplicate, delete a session or mark its status; plan the week or the season to a race; apply
a planner's fix; add a race; and the day's menu that offers them. A base class of
gui.calendar_tab.CalendarTab, which keeps the selection and what is shown."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMenu

from ... import clock
from ...domain import Race, Session, SessionKind, Status, iso_week
from ...planning import Fix
from ..context import AppContext
from ..dialogs.plan_week_dialog import PlanWeekDialog
from ..dialogs.season_dialog import SeasonDialog
from ..focus import focus_kept
from ..widgets.lazy_tab import LazyTab
from .commands import (
    AddPlannedSessions,
    AddRace,
    ApplyFix,
    DeleteSession,
    DuplicateSession,
    MoveSession,
    PlanSeason,
    SetStatus,
)
from .race_dialog import RaceDialog


class CalendarActions(LazyTab):
    # Made and kept by CalendarTab.
    context: AppContext
    undo: QUndoStack
    selected: dt.date
    selected_id: int | None
    selected_session: Callable[[], Session | None]
    select_day: Callable[..., None]

    def open_session(self, session_id: int) -> None:
        self.context.bus.sessionSelected.emit(session_id)

    def new_session(self, kind: SessionKind) -> None:
        self.context.bus.newSessionRequested.emit(self.selected, kind.value)

    def move_session(self, session_id: int, day: dt.date) -> None:
        session = self.context.repo.session(session_id)
        if session is None or session.date == day:
            return
        if session.status is not Status.PLANNED:
            self._status("Only planned sessions move; a done session happened on its day.")
            return
        self.undo.push(MoveSession(self.context, session, day))
        self.select_day(day, session_id)

    def duplicate(self, days_later: int = 0) -> None:
        if session := self.selected_session():
            self.undo.push(
                DuplicateSession(
                    self.context, session, session.date + dt.timedelta(days=days_later)
                )
            )

    def delete(self) -> None:
        if session := self.selected_session():
            self.undo.push(DeleteSession(self.context, session))
            self.selected_id = None

    def set_status(self, status: Status) -> None:
        session = self.selected_session()
        if session and session.status is not status:
            self.undo.push(SetStatus(self.context, session, status))

    def plan_this_week(self) -> None:
        """The planner's strength sessions for the selected week, shown with the reason for
        each placement, then added as planned (one undo step). The keyboard stays on the
        calendar (a click on the button took it away) and comes back to it from the dialog."""
        self.setFocus()
        plan = self.context.planner.week_plan(self.selected)
        sessions = plan.sessions
        week = iso_week(self.selected)
        if not sessions:
            self._status(f"{week} already has the strength sessions it needs.")
            return
        with focus_kept():
            accepted = PlanWeekDialog(week, plan, self.context.unit, self).exec()
        if not accepted:
            return
        self.undo.push(AddPlannedSessions(self.context, sessions, f"Plan {week}"))
        self._status(
            f"Planned {len(sessions)} strength session"
            f"{'' if len(sessions) == 1 else 's'} in {week}."
        )

    def plan_season(self, race: Race | None = None) -> None:
        """The season to a race (the calendar's, or one entered in the dialog), shown week by
        week with the reasons, then written as one undo step. The keyboard stays on the
        calendar, as with Plan this week."""
        self.setFocus()
        today = clock.today()
        dialog = SeasonDialog(
            self.context.repo.races(today),
            self.context.planner.season,
            today,
            self.context.unit,
            race,
            self,
        )
        with focus_kept():
            accepted = dialog.exec()
        if not accepted or dialog.season is None:
            return
        season = dialog.season
        command = PlanSeason(self.context, season, dialog.new_race)
        self.undo.push(command)
        written = command.written
        if written is None or not written:
            self._status(f"The season to {season.race.name} is planned already: nothing changed.")
            return
        counts = written.counts()
        self._status(
            f"Planned {len(season.weeks)} weeks to {season.race.name}: {counts['added']} "
            f"sessions added, {counts['changed']} changed, {counts['removed']} removed "
            "(Edit > Undo takes it back)."
        )

    def apply_fix(self, fix: Fix) -> None:
        """A flag's fix from the plan panel, as one undo step."""
        self.undo.push(ApplyFix(self.context, fix))
        self._status(f"Fixed: {fix.text} (Edit > Undo takes it back.)")

    def add_race(self) -> None:
        dialog = RaceDialog(self.selected, self.context.unit, self)
        with focus_kept():
            accepted = dialog.exec()
        if accepted and dialog.race is not None:
            self.undo.push(AddRace(self.context, dialog.race))

    def show_menu(self, day: dt.date, position: QPoint) -> None:
        with focus_kept():
            self.build_menu().exec(position)

    def build_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("calendarMenu")
        menu.addAction("Add run\tR", lambda: self.new_session(SessionKind.RUN))
        menu.addAction("Add strength session\tS", lambda: self.new_session(SessionKind.STRENGTH))
        menu.addAction("Add race…", self.add_race)
        for race in self.context.repo.races(self.selected, self.selected):
            menu.addAction(f"Plan to {race.name}…", functools.partial(self.plan_season, race))
        session = self.selected_session()
        if session is not None and session.id is not None:
            session_id = session.id
            menu.addSeparator()
            menu.addAction("Open\tEnter", lambda: self.open_session(session_id))
            menu.addAction("Duplicate\tCtrl+D", lambda: self.duplicate(0))
            menu.addAction("Duplicate to next week", lambda: self.duplicate(7))
            for status in Status:
                if status is not session.status:
                    menu.addAction(
                        f"Mark {status.value}", functools.partial(self.set_status, status)
                    )
            menu.addAction("Delete\tDel", self.delete)
        return menu

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 6000)
