"""Calendar tab: the month with its sessions marked, the chosen day's sessions and the week's
totals. Opening a session (double-click or Enter) shows it in the Session tab."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QVBoxLayout)

from ..domain import Status, iso_week, monday_of
from ..domain.summary import session_headline, week_counts
from ..domain.units import format_distance
from .context import AppContext
from .widgets.lazy_tab import LazyTab

STATUS_MARK = {Status.DONE: "✓", Status.PLANNED: "○", Status.SKIPPED: "✗"}


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class CalendarTab(LazyTab):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarTab")
        self.context = context
        self.calendar = QCalendarWidget(objectName="monthCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        # Red is for races here; Qt paints weekends red by default.
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(weekend, QTextCharFormat())
        self.day_title = QLabel(objectName="dayTitle")
        self.day_title.setStyleSheet("font-weight: bold; font-size: 12pt")
        self.day_list = QListWidget(objectName="daySessions")
        self.week_summary = QLabel(objectName="weekSummary")
        self.week_summary.setWordWrap(True)
        self.legend = QLabel("✓ done   ○ planned   ✗ skipped   — double-click or Enter "
                             "opens a session")
        self.legend.setWordWrap(True)
        self.legend.setEnabled(False)

        side = QVBoxLayout()
        side.addWidget(self.day_title)
        side.addWidget(self.day_list, 1)
        side.addWidget(self.week_summary)
        side.addWidget(self.legend)
        layout = QHBoxLayout(self)
        layout.addWidget(self.calendar, 3)
        layout.addLayout(side, 2)

        self._marked: list[QDate] = []
        self.calendar.selectionChanged.connect(self.show_selected_day)
        self.calendar.currentPageChanged.connect(lambda *_: self.mark_month())
        self.day_list.itemActivated.connect(self._open_item)
        bus = context.bus
        for signal in (bus.sessionSaved, bus.sessionsChanged, bus.planChanged,
                       bus.unitChanged, bus.logbookChanged):
            signal.connect(self.request_refresh)

    def selected_day(self) -> dt.date:
        return to_date(self.calendar.selectedDate())

    def select_day(self, day: dt.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def refresh(self) -> None:
        self.mark_month()
        self.show_selected_day()

    def mark_month(self) -> None:
        """Bold for days with done sessions, blue italic for days with only plans, red for
        races: the month reads at a glance."""
        for day in self._marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        self._marked = []
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first = dt.date(year, month, 1) - dt.timedelta(days=7)
        last = dt.date(year, month, 28) + dt.timedelta(days=14)
        repo = self.context.repo
        days: dict[dt.date, set[Status]] = {}
        for session in repo.sessions_between(first, last):
            days.setdefault(session.date, set()).add(session.status)
        race_days = {r.date for r in repo.races() if first <= r.date <= last}
        for day in set(days) | race_days:
            fmt = QTextCharFormat()
            statuses = days.get(day, set())
            if Status.DONE in statuses:
                fmt.setFontWeight(QFont.Weight.Bold)
            elif Status.PLANNED in statuses:
                fmt.setFontItalic(True)
                fmt.setForeground(QBrush(QColor("#1f6fb2")))
            if day in race_days:
                fmt.setForeground(QBrush(QColor("#c0392b")))
                fmt.setFontWeight(QFont.Weight.Black)
            qday = QDate(day.year, day.month, day.day)
            self.calendar.setDateTextFormat(qday, fmt)
            self._marked.append(qday)

    def show_selected_day(self) -> None:
        """The selected day's week, day by day, with the selected day in bold."""
        day = self.selected_day()
        repo, unit = self.context.repo, self.context.unit
        monday = monday_of(day)
        sunday = monday + dt.timedelta(days=6)
        week = repo.sessions_between(monday, sunday)
        races = {r.date: r for r in repo.races() if monday <= r.date <= sunday}
        phase = repo.week_phases().get(iso_week(day))
        self.day_title.setText(f"Week {iso_week(day)}{f' · {phase.value}' if phase else ''}"
                               f" · {monday:%d %b} – {sunday:%d %b %Y}")
        self.day_list.clear()
        for offset in range(7):
            current = monday + dt.timedelta(days=offset)
            header = QListWidgetItem(f"{current:%A %d %B}")
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.day_list.addItem(header)
            if current == day:
                self.day_list.setCurrentItem(header)
            if race := races.get(current):
                distance = format_distance(race.distance_km, self.context.distance_unit)
                self.day_list.addItem(f"    🏁 Race: {race.name} {distance}".rstrip())
            todays = [s for s in week if s.date == current]
            for session in todays:
                start = session.start.strftime("%H:%M ") if session.start else ""
                item = QListWidgetItem(f"    {STATUS_MARK[session.status]} {start}"
                                       f"{session_headline(session, unit)}")
                item.setData(Qt.ItemDataRole.UserRole, session.id)
                self.day_list.addItem(item)
            if not todays and current not in races:
                rest = QListWidgetItem("    rest")
                rest.setFlags(Qt.ItemFlag.NoItemFlags)
                self.day_list.addItem(rest)
        counts = week_counts(week, monday)
        self.week_summary.setText(
            f"Week total: {plural(counts['runs'], 'run')}, "
            f"{format_distance(counts['km'], self.context.distance_unit)}, "
            f"{plural(counts['strength'], 'strength session')}")

    def _open_item(self, item: QListWidgetItem) -> None:
        session_id = item.data(Qt.ItemDataRole.UserRole)
        if session_id is not None:
            self.context.bus.sessionSelected.emit(session_id)
