"""The calendar grid: a column of ISO weeks with their totals and phase, then seven day cells
per week. Month view shows six weeks, week view one taller week. Cells are built once and
refilled when the page changes, which keeps switching months cheap."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from ... import clock
from ...domain import Phase, Race, Session, WeightUnit, iso_week
from ...domain.summary import WeekTotals
from ...domain.units import distance_unit_for, format_distance
from .chips import SESSION_MIME, RaceChip, SessionChip

MAX_CHIPS_IN_MONTH = 4


class DayCell(QFrame):
    clicked = Signal(object)  # date
    opened = Signal(object)  # date (double-click on the cell itself)
    dropped = Signal(int, object)  # session id, date
    menuRequested = Signal(object, QPoint)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.day = clock.today()
        self.chips: list[SessionChip] = []
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.header = QLabel()
        self.header.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.badge = QLabel()  # the planner's flags (drawn by the plan panel's owner)
        self.badge.hide()
        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.badge, 0, 0, Qt.AlignmentFlag.AlignLeft)
        top.addWidget(self.header, 0, 1, Qt.AlignmentFlag.AlignRight)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(3, 2, 3, 2)
        self.body.setSpacing(2)
        self.body.addLayout(top)
        self.body.addStretch(1)

    def set_day(self, day: dt.date, in_month: bool, selected: bool) -> None:
        self.day = day
        self.setObjectName(f"day{day.isoformat()}")
        today = day == clock.today()
        number = f"{day.day}" if day.day != 1 else f"{day:%d %b}"
        self.header.setText(f"<b>{number}</b>" if today else number)
        self.header.setStyleSheet(
            "background:#e8572a; color:white; border-radius:7px; padding:0 4px;"
            if today
            else ("color:#999;" if not in_month else "")
        )
        self.setStyleSheet(
            "DayCell { background: palette(base); border: 2px solid #e8572a; }"
            if selected
            else "DayCell { background: palette(base); border: 1px solid palette(mid); }"
        )

    def set_items(
        self,
        sessions: list[Session],
        races: list[Race],
        unit: WeightUnit,
        detailed: bool,
        selected_id: int | None,
    ) -> list[SessionChip]:
        while self.body.count() > 2:  # keep the header row and the stretch
            item = self.body.takeAt(1)
            if old := item.widget():
                old.hide()  # gone now, not when the event loop gets to deleting it
                old.setParent(None)
                old.deleteLater()
        limit = len(sessions) + len(races) if detailed else MAX_CHIPS_IN_MONTH
        widgets: list[QWidget] = [RaceChip(r, unit) for r in races]
        self.chips = []
        for session in sessions:
            chip = SessionChip(session, unit, detailed)
            chip.set_selected(session.id == selected_id)
            self.chips.append(chip)
            widgets.append(chip)
        hidden = len(widgets) - limit
        if hidden > 0:
            widgets = widgets[: limit - 1]
            more = QLabel(f"+{hidden + 1} more")
            more.setStyleSheet("color:#666;")
            widgets.append(more)
        for position, widget in enumerate(widgets, start=1):
            self.body.insertWidget(position, widget)
        return self.chips

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.opened.emit(self.day)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.clicked.emit(self.day)
        self.menuRequested.emit(self.day, event.globalPos())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SESSION_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(SESSION_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        raw = bytes(event.mimeData().data(SESSION_MIME)).decode()
        if raw.isdigit():
            event.acceptProposedAction()
            self.dropped.emit(int(raw), self.day)


class WeekCell(QFrame):
    """An ISO week's totals: running, strength sessions, calves / upper body / core, phase."""

    phaseChosen = Signal(str, object)  # week, Phase or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.week = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.running = QLabel()
        self.strength = QLabel()
        self.regions = QLabel()
        self.phase = QToolButton()
        self.phase.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.phase)
        for phase in Phase:
            menu.addAction(
                phase.value.capitalize(), lambda p=phase: self.phaseChosen.emit(self.week, p)
            )
        menu.addSeparator()
        menu.addAction("No phase", lambda: self.phaseChosen.emit(self.week, None))
        self.phase.setMenu(menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(1)
        for widget in (self.title, self.running, self.strength, self.regions, self.phase):
            layout.addWidget(widget)
        layout.addStretch(1)

    def set_week(
        self, monday: dt.date, totals: WeekTotals, phase: Phase | None, unit: WeightUnit
    ) -> None:
        self.week = iso_week(monday)
        self.setObjectName(f"week{self.week}")
        self.title.setText(f"<b>W{monday.isocalendar()[1]:02d}</b>")
        self.running.setText(f"{format_distance(totals.km, distance_unit_for(unit))} run")
        self.strength.setText(f"{totals.strength} strength")
        self.strength.setStyleSheet(
            "" if 2 <= totals.strength <= 3 or not totals.strength else "color:#b35900;"
        )
        marks = [
            f"<span style='color:{'#1d6b2a' if ok else '#b00020'}'>{name}"
            f"{'✓' if ok else '✗'}</span>"
            for name, ok in (("calf", totals.calves), ("up", totals.upper), ("core", totals.core))
        ]
        self.regions.setText(" ".join(marks) if totals.strength else "")
        self.regions.setToolTip("Calves, upper body and core trained this week")
        self.phase.setText(phase.value if phase else "phase…")


class CalendarGrid(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(2)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, name in enumerate(["Week", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]):
            label = QLabel(f"<b>{name}</b>")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(label, 0, column)
        self.weeks = [WeekCell() for _ in range(6)]
        self.days = [DayCell() for _ in range(42)]
        for row in range(6):
            self.grid.addWidget(self.weeks[row], row + 1, 0)
            for column in range(7):
                self.grid.addWidget(self.days[row * 7 + column], row + 1, column + 1)
        self.grid.setColumnStretch(0, 0)
        for column in range(1, 8):
            self.grid.setColumnStretch(column, 1)
        self.weeks_shown = 6

    def set_weeks_shown(self, count: int) -> None:
        self.weeks_shown = count
        for row in range(6):
            visible = row < count
            self.weeks[row].setVisible(visible)
            for column in range(7):
                self.days[row * 7 + column].setVisible(visible)
            self.grid.setRowStretch(row + 1, 1 if visible else 0)

    def visible_days(self) -> list[DayCell]:
        return self.days[: self.weeks_shown * 7]

    def cell_for(self, day: dt.date) -> DayCell | None:
        return next((c for c in self.visible_days() if c.day == day), None)
