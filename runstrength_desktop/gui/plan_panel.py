"""The plan panel beside the calendar: the selected week's flags from the planner, each with
its severity, what happened in numbers, and what to do instead. Clicking a flag selects its
day and session."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from ..planning import Flag, Severity

SEVERITY_ICON = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
SEVERITY_COLOUR = {Severity.ERROR: "#c0392b", Severity.WARNING: "#d68910", Severity.INFO: "#2874a6"}


def count_text(flags: list[Flag]) -> str:
    parts = []
    for severity, noun in (
        (Severity.ERROR, "error"),
        (Severity.WARNING, "warning"),
        (Severity.INFO, "note"),
    ):
        count = sum(1 for f in flags if f.severity is severity)
        if count:
            parts.append(f"{count} {noun}{'' if count == 1 else 's'}")
    return ", ".join(parts)


class PlanPanel(QWidget):
    flagActivated = Signal(object, list)  # the flag's date, the sessions it names

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("planPanel")
        self.title = QLabel(objectName="planTitle")
        self.title.setStyleSheet("font-weight:bold")
        self.summary = QLabel(objectName="planSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(objectName="planFlags")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.flags: list[Flag] = []
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)

    def show_flags(self, week: str, flags: list[Flag], has_sessions: bool = True) -> None:
        self.flags = flags
        self.title.setText(f"Plan check · {week}")
        if flags:
            self.summary.setText(count_text(flags))
        elif has_sessions:
            self.summary.setText("No flags: this week's lifting fits its running.")
        else:
            self.summary.setText(
                "Nothing planned this week yet: add its runs (R) and lifts "
                "(S), or let “Plan this week” place the lifts."
            )
        self.list.clear()
        style = self.style()
        for index, flag in enumerate(flags):
            item = QListWidgetItem(
                style.standardIcon(SEVERITY_ICON[flag.severity]),
                f"{flag.date:%a %d %b} · {flag.message}\n→ {flag.advice}",
            )
            item.setToolTip(f"{flag.severity.value}: {flag.rule}\nsource: {flag.source}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        flag = self.flags[item.data(Qt.ItemDataRole.UserRole)]
        self.flagActivated.emit(flag.date, [i for i in flag.session_ids if i > 0])


def by_day(flags: list[Flag]) -> dict[dt.date, list[Flag]]:
    days: dict[dt.date, list[Flag]] = {}
    for flag in flags:
        days.setdefault(flag.date, []).append(flag)
    return days
