"""Plan to a race: the season from the start day to the race and the week after it, shown
week by week with its phases, its sessions and the reason for each choice, before anything
is written. The race is one of the calendar's, or one entered here; the runner may choose a
later start and whether the weeks they planned themselves are replaced too."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import Race, WeightUnit
from ...domain.summary import by_exercise, describe_sets
from ...domain.units import distance_unit_for, format_distance, to_km
from ...domain.validation import race_errors
from ...planning.seasonplan import SeasonError, SeasonPlan, SeasonWeek
from ..calendar.phase_colours import phase_fill, phase_text

NEW_RACE = -1  # the race combo's last entry: a race entered here

Planner = Callable[[Race, dt.date, bool], SeasonPlan]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class SeasonDialog(QDialog):
    def __init__(
        self,
        races: list[Race],
        plan: Planner,
        today: dt.date,
        unit: WeightUnit,
        chosen: Race | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("seasonDialog")
        self.setWindowTitle("Plan to a race")
        self.races, self.plan_for, self.today, self.unit = races, plan, today, unit
        self.season: SeasonPlan | None = None
        self.new_race: Race | None = None  # a race entered here, written with the plan
        self.race_box = QComboBox(objectName="seasonRace")
        distance = distance_unit_for(unit)
        for race in races:
            km = f", {format_distance(race.distance_km, distance)}" if race.distance_km else ""
            self.race_box.addItem(f"{race.name} · {race.date:%a %d %b %Y}{km}", race.id)
        self.race_box.addItem("A new race…", NEW_RACE)
        self.race_day = QDateEdit(objectName="seasonRaceDay", calendarPopup=True)
        self.race_day.setMinimumDate(_qdate(today))
        self.race_day.setDate(_qdate(today + dt.timedelta(weeks=14)))
        self.race_name = QLineEdit(objectName="seasonRaceName", placeholderText="City marathon")
        self.race_km = QDoubleSpinBox(objectName="seasonRaceDistance", decimals=1)
        self.race_km.setRange(0, 1000)
        self.race_km.setSuffix(f" {distance.value}")
        self.new_fields = QWidget()
        fields = QHBoxLayout(self.new_fields)
        fields.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            ("on", self.race_day),
            ("name", self.race_name),
            ("distance", self.race_km),
        ):
            fields.addWidget(QLabel(label))
            fields.addWidget(widget, 1 if widget is self.race_name else 0)
        self.start = QDateEdit(objectName="seasonStart", calendarPopup=True)
        for edit in (self.race_day, self.start):
            edit.setDisplayFormat("ddd d MMM yyyy")
        self.start.setMinimumDate(_qdate(today))
        self.start.setDate(_qdate(today))
        self.replace_own = QCheckBox(
            "Replace the weeks I planned strength work in myself", objectName="seasonReplaceOwn"
        )
        form = QFormLayout()
        form.addRow("Race", self.race_box)
        form.addRow("", self.new_fields)
        form.addRow("From", self.start)
        form.addRow("", self.replace_own)

        self.weeks = QTreeWidget(objectName="seasonWeeks")
        self.weeks.setHeaderLabels(["Week", "Phase", "Strength sessions"])
        self.weeks.setRootIsDecorated(False)
        self.weeks.setUniformRowHeights(True)
        header = self.weeks.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.details = QTextBrowser(objectName="seasonWeekDetails")
        self.details.setOpenLinks(False)
        splitter = QSplitter()
        splitter.addWidget(self.weeks)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        self.summary = QLabel(objectName="seasonSummary", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Plan the season")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            self.race_box.currentIndexChanged,
            self.race_day.dateChanged,
            self.start.dateChanged,
            self.replace_own.toggled,
        ):
            signal.connect(self._changed)
        self.race_name.textChanged.connect(self._changed)
        self.race_km.valueChanged.connect(self._changed)
        self.weeks.currentItemChanged.connect(self._show_week)
        if chosen is not None and chosen.id is not None:
            self.race_box.setCurrentIndex(max(0, self.race_box.findData(chosen.id)))
        self.new_fields.setVisible(self.race_box.currentData() == NEW_RACE)
        # No larger than the window it is opened over (or the screen): 1024x600 must fit.
        window = parent.window() if parent is not None else None
        room = (
            window.size()
            if window is not None
            else QGuiApplication.primaryScreen().availableGeometry().size()
        )
        self.resize(min(1040, room.width() - 24), min(620, room.height() - 60))
        self.refresh()

    # -- what is planned ---------------------------------------------------------------------

    def chosen_race(self) -> tuple[Race | None, str]:
        """The race chosen (or entered), or None and what is wrong with it."""
        if self.race_box.currentData() != NEW_RACE:
            race = next(r for r in self.races if r.id == self.race_box.currentData())
            return race, ""
        km = self.race_km.value() or None
        race = Race(
            _day(self.race_day.date()),
            self.race_name.text().strip(),
            None if km is None else to_km(km, distance_unit_for(self.unit)),
        )
        if errors := race_errors(race):
            return None, "; ".join(f"the race's {e.field}: {e.message}" for e in errors)
        return race, ""

    def _changed(self, *_args) -> None:
        self.new_fields.setVisible(self.race_box.currentData() == NEW_RACE)
        self._timer.start()

    def refresh(self) -> None:
        """Plan the season again for what the form says (about a second: a busy cursor)."""
        self._timer.stop()
        race, problem = self.chosen_race()
        self.season = None
        if race is not None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.season = self.plan_for(
                    race, _day(self.start.date()), self.replace_own.isChecked()
                )
            except SeasonError as error:
                problem = str(error)
            finally:
                QApplication.restoreOverrideCursor()
        self.new_race = race if self.season and race and race.id is None else None
        self._fill(problem)

    def _fill(self, problem: str) -> None:
        self.weeks.clear()
        self.details.clear()
        season = self.season
        self.ok.setEnabled(season is not None and bool(season.weeks))
        if season is None:
            self.summary.setText(problem or "Choose a race to plan to.")
            return
        palette = self.palette()
        for week in season.weeks:
            days = " · ".join(f"{s.date:%a} {s.title}" for s in week.sessions) or (
                "yours, kept" if week.kept else "none"
            )
            item = QTreeWidgetItem(
                [f"{week.week[-3:]} · {week.monday:%d %b}", week.phase.value, days]
            )
            item.setBackground(1, QBrush(phase_fill(palette, week.phase)))
            item.setForeground(1, QBrush(phase_text(palette, week.phase)))
            item.setToolTip(1, week.phase_reason)
            item.setToolTip(2, days)
            item.setData(0, Qt.ItemDataRole.UserRole, week.week)
            self.weeks.addTopLevelItem(item)
        if first := self.weeks.topLevelItem(0):
            self.weeks.setCurrentItem(first)
        kept = sum(1 for w in season.weeks if w.kept)
        phases = [w.phase.value for w in season.weeks]
        counts = ", ".join(
            f"{phases.count(p)} {p}" for p in dict.fromkeys(phases) if phases.count(p)
        )
        text = (
            f"{len(season.weeks)} weeks to {season.race.name} on "
            f"{season.race.date:%a %d %b %Y} ({counts}); "
            f"{len(season.sessions)} strength sessions"
        )
        if kept:
            text += f"; {kept} week{'s' if kept != 1 else ''} you planned yourself kept"
        if season.replaced_own:
            text += f"; {len(season.replaced_own)} of your planned sessions replaced"
        if self.new_race is not None:
            text += "; the race is added to the calendar"
        self.summary.setText(text + ". Planning again later replaces this plan, nothing else.")

    def _show_week(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None or self.season is None:
            self.details.clear()
            return
        wanted = item.data(0, Qt.ItemDataRole.UserRole)
        week = next(w for w in self.season.weeks if w.week == wanted)
        self.details.setHtml(week_html(week, self.unit))

    def week_texts(self) -> list[str]:
        """Each week's row as shown (for tests and screen readers)."""
        return [
            " | ".join(item.text(c) for c in range(3))
            for item in (self.weeks.topLevelItem(i) for i in range(self.weeks.topLevelItemCount()))
            if item is not None
        ]


def week_html(week: SeasonWeek, unit: WeightUnit) -> str:
    """A week of the season in words: its phase and why, then each session with what it
    holds and why it goes on its day."""
    e = html.escape
    parts = [
        f"<h3>{e(week.week)}: {e(week.phase.value)}</h3>",
        f"<p>{e(week.phase_reason)}</p>",
    ]
    if week.summary:
        parts.append(f"<p><i>{e(week.summary)}</i></p>")
    for session in week.kept:
        parts.append(f"<p><b>{session.date:%a %d %b}</b> {e(session.title or 'Strength')}</p>")
    for placement in week.placements:
        session = placement.session
        rows = "".join(
            f"<li>{e(name)} {e(describe_sets(sets, unit))}</li>"
            for name, sets in by_exercise(session).items()
        )
        parts.append(
            f"<p><b>{session.date:%a %d %b}</b> {e(session.title)}"
            f" (about {session.duration_min or 0:.0f} min)</p><ul>{rows}</ul>"
            f"<p style='margin-left:8px'>Why: {e(placement.reason)}</p>"
        )
    if not week.kept and not week.placements:
        parts.append("<p>No strength session: the week already has what it needs.</p>")
    return "".join(parts)
