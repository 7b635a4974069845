"""Session tab: one session as it was logged or planned, with each exercise's sets and what
the runner did last time. Opens on the latest done session; the calendar picks another."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout

from ..domain import Session, SetEntry, Status
from ..domain.summary import describe_sets, session_headline
from ..domain.units import format_number, format_weight
from .context import AppContext
from .widgets.lazy_tab import LazyTab
from .models.rows_model import Column, RowsTableModel


def _opt(value) -> str:
    return "" if value is None else format_number(value)


class SessionTab(LazyTab):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionTab")
        self.context = context
        self.session_id: int | None = None
        self.headline = QLabel(objectName="sessionHeadline")
        self.headline.setStyleSheet("font-weight: bold; font-size: 13pt")
        self.details = QLabel(objectName="sessionDetails")
        self.details.setWordWrap(True)
        self.sets_model = RowsTableModel(self._columns())
        self.sets_view = QTableView(objectName="setsTable")
        self.sets_view.setModel(self.sets_model)
        self.sets_view.setAlternatingRowColors(True)
        self.sets_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.last_time = QLabel(objectName="lastTime")
        self.last_time.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(self.sets_view, 1)
        layout.addWidget(self.last_time)
        bus = context.bus
        bus.sessionSelected.connect(self.show_session)
        for signal in (bus.sessionSaved, bus.unitChanged, bus.sessionsChanged):
            signal.connect(self.request_refresh)
        bus.logbookChanged.connect(self.show_latest)
        self.show_latest()

    def _columns(self) -> list[Column]:
        unit = lambda: self.context.unit  # noqa: E731 - read at paint time, so kg/lb follows
        return [
            Column("Exercise", lambda s: s.exercise),
            Column("Type", lambda s: s.set_type.value),
            Column("Reps", lambda s: _opt(s.reps), True),
            Column("Load", lambda s: format_weight(s.weight_kg, unit()) if s.weight_kg else "",
                   True),
            Column("Seconds", lambda s: _opt(s.seconds), True),
            Column("Side", lambda s: "" if s.side.value == "both" else s.side.value),
            Column("RPE", lambda s: _opt(s.rpe), True),
            Column("Target", lambda s: _target(s, unit())),
        ]

    def show_latest(self) -> None:
        """Show the latest done strength session, found when the tab is first shown."""
        self.session_id = None
        self.request_refresh()

    def _latest_id(self) -> int | None:
        today = dt.date.today()
        done = [s for s in self.context.repo.sessions_between(today - dt.timedelta(days=60), today)
                if s.status is Status.DONE and s.is_strength]
        return done[-1].id if done else None

    def show_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.request_refresh()

    def refresh(self) -> None:
        if self.session_id is None:
            self.session_id = self._latest_id()
        session = self.context.repo.session(self.session_id) if self.session_id else None
        if session is None:
            self.headline.setText("No session chosen")
            self.details.setText("Pick a day in the Calendar tab and double-click a session to "
                                 "see it here, or run `runstrength-desktop demo` to try the app "
                                 "with a sample history.")
            self.sets_model.set_rows([])
            self.last_time.clear()
            return
        unit = self.context.unit
        self.headline.setText(f"{session.date:%a %d %b %Y} · {session_headline(session, unit)}")
        facts = [session.status.value.capitalize()]
        if session.start:
            facts.append(f"start {session.start:%H:%M}")
        if session.duration_min:
            facts.append(f"{format_number(session.duration_min, 0)} min")
        if session.rpe:
            facts.append(f"session RPE {format_number(session.rpe)}")
        notes = f"\nNotes: {session.notes}" if session.notes else ""
        self.details.setText(" · ".join(facts) + notes)
        self.sets_model.set_rows(session.sets)
        self.last_time.setText(self._last_time_text(session))

    def _last_time_text(self, session: Session) -> str:
        lines = []
        for name in session.exercise_names():
            history = self.context.repo.exercise_history(name, before=session.date)
            if history:
                previous = history[-1]
                lines.append(f"{name} — last ({previous.date:%d %b}): "
                             f"{describe_sets(previous.sets, self.context.unit)}")
        return "\n".join(lines) if lines else ("" if session.is_run else
                                               "First time for every exercise here.")


def _target(entry: SetEntry, unit) -> str:
    if entry.target_reps is None and entry.target_weight_kg is None:
        return ""
    reps = str(entry.target_reps) if entry.target_reps is not None else "?"
    load = f" @ {format_weight(entry.target_weight_kg, unit)}" if entry.target_weight_kg else ""
    return reps + load
