"""Calendar tab: plan the weeks. A month view (default) and a week view of runs, strength
sessions and races, with each ISO week's totals and phase.

Keys: arrows select a day, PageUp/PageDown change page, Home goes to today, Space picks the
next session of the day, Ctrl+arrows move a planned session, Enter opens it (or starts a new
one), R / S start a new run / strength session, Delete deletes, Ctrl+D duplicates. What the
keys, the day's menu and the buttons do to the logbook: gui/calendar/tab_actions.py."""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
)

from .. import clock
from ..domain import Session, SessionKind, iso_week, monday_of
from ..domain.changes import Change
from ..domain.summary import week_totals
from ..domain.validation import FIRST_DAY, LAST_DAY
from ..planning import WEEK_RULES, Flag
from .calendar.commands import (
    SetPhase,
)
from .calendar.grid import CalendarGrid
from .calendar.season_marks import RACE_AHEAD_WEEKS, week_marks
from .calendar.tab_actions import CalendarActions
from .context import AppContext
from .plan_panel import PlanPanel, by_day, count_text
from .welcome import Welcome

DAY_KEYS: dict[int, int] = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -7,
    Qt.Key.Key_Down: 7,
}
# What keyPressEvent does, for Help > Keys.
CALENDAR_KEYS = (
    ("Arrows", "Select the day before, after, above or below"),
    ("PageUp, PageDown", "The previous or next month (week in the week view)"),
    ("Home", "Today"),
    ("Space", "The day's next session"),
    ("Enter", "Open the selected session (or the day's first, or a new strength session)"),
    ("R, S", "A new run or strength session on the selected day"),
    ("Ctrl+Arrows", "Move the selected planned session"),
    ("Ctrl+D", "Duplicate the selected session"),
    ("Delete", "Delete the selected session (Ctrl+Z brings it back)"),
    ("Menu", "The day's menu: add a race, duplicate, mark done or skipped"),
)


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class CalendarTab(CalendarActions):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarTab")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.context = context
        self.undo: QUndoStack = context.plan_undo
        self.selected = clock.today()
        self.selected_id: int | None = None
        self.week_view = False
        self.sessions_by_day: dict[dt.date, list[Session]] = {}
        self.flags_by_day: dict = {}
        self.shown_flags: list[Flag] = []  # the flags about the days in view
        self._on_day: dict[dt.date, list[Flag]] = {}  # and by the days they are about
        self._panel_shows: tuple | None = None
        self._notes: dict[dt.date, list[str]] = {}  # the weeks' planner notes, this refresh

        self.title = QLabel(objectName="calendarTitle")
        self.title.setStyleSheet("font-weight:bold; font-size:13pt")
        previous = QToolButton(text="◀", objectName="previousPage", toolTip="Previous (PageUp)")
        following = QToolButton(text="▶", objectName="nextPage", toolTip="Next (PageDown)")
        today = QPushButton("Today", objectName="todayButton", toolTip="Go to today (Home)")
        self.month_button = QPushButton("Month", objectName="monthView", checkable=True)
        self.week_button = QPushButton("Week", objectName="weekView", checkable=True)
        views = QButtonGroup(self)
        views.addButton(self.month_button)
        views.addButton(self.week_button)
        self.month_button.setChecked(True)
        self.plan_button = QPushButton(
            "Plan this week",
            objectName="planWeek",
            toolTip="Add strength sessions placed around this "
            "week's runs by the planner (undoable)",
        )
        self.season_button = QPushButton(
            "Plan to a race…",
            objectName="planSeason",
            toolTip="Plan every week's strength work from today to a race (shown first; undoable)",
        )
        self.legend = QLabel(
            "dashed: planned · filled: done · struck: skipped · red: race · "
            "drag a planned session to move it · right-click for more"
        )
        self.legend.setEnabled(False)
        for button in (previous, following, today, self.month_button, self.week_button):
            # A click leaves the keyboard on the grid (Tab still reaches the buttons).
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.plan_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        bar = QHBoxLayout()
        for widget in (previous, today, following, self.title):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.season_button)
        bar.addWidget(self.plan_button)
        bar.addWidget(self.month_button)
        bar.addWidget(self.week_button)
        self.grid = CalendarGrid()
        self.plan_panel = PlanPanel()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.plan_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1080, 270])
        self._panel_dragged = False  # the runner's own split is kept
        self.splitter.splitterMoved.connect(self._panel_moved)
        self.welcome = Welcome(over=self.grid)  # shown by the window while the logbook is empty
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.legend)

        previous.clicked.connect(lambda: self.page(-1))
        following.clicked.connect(lambda: self.page(1))
        today.clicked.connect(lambda: self.select_day(clock.today()))
        self.month_button.clicked.connect(lambda: self.set_week_view(False))
        self.week_button.clicked.connect(lambda: self.set_week_view(True))
        self.plan_button.clicked.connect(self.plan_this_week)
        self.season_button.clicked.connect(lambda _checked=False: self.plan_season())
        self.plan_panel.flagActivated.connect(self.select_flagged)
        self.plan_panel.fixRequested.connect(self.apply_fix)
        self.plan_panel.find_fix = context.planner.fix
        for cell in self.grid.days:
            cell.clicked.connect(self._day_clicked)
            cell.opened.connect(self._day_opened)
            cell.dropped.connect(self.move_session)
            cell.menuRequested.connect(self.show_menu)
            cell.chipClicked.connect(self._chip_clicked)
            cell.chipOpened.connect(self.open_session)
        for week in self.grid.weeks:
            week.phaseChosen.connect(lambda w, p: self.undo.push(SetPhase(self.context, w, p)))
        context.news.changed.connect(self._take_news)

    # -- what is shown -----------------------------------------------------------------------

    def _take_news(self, change: Change) -> None:
        if change.replaced:
            # Another file, a restored backup or another process's write: the history names
            # sessions the logbook may no longer have.
            self.undo.clear()
        if change.touches_plan or change.settings:
            self.request_refresh()

    def first_monday(self) -> dt.date:
        if self.week_view:
            return monday_of(self.selected)
        return monday_of(self.selected.replace(day=1))

    def refresh(self) -> None:
        repo, unit = self.context.repo, self.context.unit
        weeks = 1 if self.week_view else 6
        first = self.first_monday()
        last = first + dt.timedelta(days=7 * weeks - 1)
        self.sessions_by_day = {}
        for session in self.context.planner.sessions(first, last):
            self.sessions_by_day.setdefault(session.date, []).append(session)
        races: dict[dt.date, list] = {}
        # The races shown, and those ahead that the week column counts the weeks to.
        ahead = repo.races(first, last + dt.timedelta(weeks=RACE_AHEAD_WEEKS))
        for race in ahead:
            if race.date <= last:
                races.setdefault(race.date, []).append(race)
        today = clock.today()
        phases = repo.week_phases(first, last)
        catalogue = repo.catalogue()
        focused = self.hasFocus()
        self.grid.set_weeks_shown(weeks)
        for row in range(weeks):
            monday = first + dt.timedelta(days=7 * row)
            week_sessions = [
                s
                for offset in range(7)
                for s in self.sessions_by_day.get(monday + dt.timedelta(offset), [])
            ]
            phase = phases.get(iso_week(monday))
            self.grid.weeks[row].set_week(
                monday, week_totals(week_sessions, catalogue), phase, unit
            )
            self.grid.weeks[row].set_season(week_marks(monday, week_sessions, phase, ahead, today))
            for column in range(7):
                day = monday + dt.timedelta(days=column)
                cell = self.grid.days[row * 7 + column]
                cell.set_day(
                    day,
                    self.week_view or day.month == self.selected.month,
                    day == self.selected,
                    focused,
                )
                cell.set_items(
                    self.sessions_by_day.get(day, []),
                    races.get(day, []),
                    unit,
                    self.week_view,
                    self.selected_id,
                    focused,
                )
        if self.week_view:
            self.title.setText(f"Week {iso_week(first)} · {first:%d %b} – {last:%d %b %Y}")
        else:
            self.title.setText(f"{self.selected:%B %Y}")
        self._notes = {}
        # With the flags dated later that say a run of weeks reaching into the view.
        shown = self.context.planner.flags_spanning(first, last)
        self.shown_flags = shown
        self.flags_by_day = by_day(shown)
        self._on_day = by_day(shown, self._days_of)  # a badge counts what is on its day
        for cell in self.grid.visible_days():
            flags = self._on_day.get(cell.day)
            said = count_text(flags) if flags else ""
            if flags:
                worst = min(flags, key=lambda f: f.severity.rank).severity.value
                tip = "\n".join(f"{f.severity.value}: {f.message}" for f in flags)
                cell.badge.show_count(len(flags), worst, tip, said)
            else:
                cell.badge.hide()
            summary = cell.accessible_summary(said)
            if summary != cell.accessibleName():
                cell.setAccessibleName(summary)
                cell.setAccessibleDescription(cell.badge.toolTip() if flags else "")
        self._show_week_flags()

    def day_flags(self, day: dt.date) -> list[Flag]:
        """The flags a day's badge counts: those about what is on the day."""
        return self._on_day.get(day, [])

    def _days_of(self, flag: Flag) -> set[dt.date]:
        """The days a flag is about: its strength sessions' days (a week rule: its own). A
        session rule's flag for a run of weeks marks each of its sessions' days, a week
        rule's only its own day, in the run's latest week."""
        if flag.rule in WEEK_RULES:
            return {flag.date}
        named = set(flag.session_ids)
        return {flag.date} | {
            day
            for day, sessions in self.sessions_by_day.items()
            if any(s.id in named and s.is_strength for s in sessions)
        }

    def _show_week_flags(self) -> None:
        monday = monday_of(self.selected)
        days = [monday + dt.timedelta(days=offset) for offset in range(7)]
        # The week's own flags, and those of a run of weeks that goes on after it.
        flags = [f for f in self.shown_flags if f.spans(monday, days[-1])]
        week = [s for day in days for s in self.sessions_by_day.get(day, [])]
        lifts = any(s.is_strength for s in week)
        if monday not in self._notes:  # once per week shown, not on every click in it
            self._notes[monday] = self.context.planner.notes(monday, days[-1]) if lifts else []
        notes = self._notes[monday]
        shown = (iso_week(monday), flags, bool(week), lifts, notes)
        if shown != self._panel_shows:  # the panel rebuilds its list: only when it changed
            self._panel_shows = shown
            self.plan_panel.show_flags(*shown)

    def set_week_view(self, week_view: bool) -> None:
        self.week_view = week_view
        (self.week_button if week_view else self.month_button).setChecked(True)
        self.request_refresh()

    def select_day(self, day: dt.date, session_id: int | None = None) -> None:
        """Select a day (and one of its sessions), turning the page when needed. Days stay
        within the logbook's years (1900-2100), so paging from the selection never comes near
        year 1 or 9999, where date arithmetic overflows."""
        day = min(max(day, FIRST_DAY), LAST_DAY)
        old_first = self.first_monday()
        self.selected, self.selected_id = day, session_id
        if self.first_monday() != old_first or not self.grid.cell_for(day):
            self.request_refresh()
            return
        focused = self.hasFocus()
        for cell in self.grid.visible_days():
            in_month = self.week_view or cell.day.month == day.month
            if cell.is_selected or cell.day == day:  # only the old and the new selection change
                cell.set_day(cell.day, in_month, cell.day == day, focused)
                for chip in cell.chips:
                    chip.set_selected(chip.session.id == session_id, focused)
        self._show_week_flags()

    def _show_focus(self) -> None:
        """The selected day's frame says whether the keys act on the calendar."""
        cell = self.grid.cell_for(self.selected)
        if cell is None:
            return
        focused = self.hasFocus()
        cell.set_day(
            cell.day, self.week_view or cell.day.month == self.selected.month, True, focused
        )
        for chip in cell.chips:
            chip.set_selected(chip.session.id == self.selected_id, focused)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._show_focus()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._show_focus()

    def _panel_moved(self, *_args) -> None:
        self._panel_dragged = True

    def resizeEvent(self, event) -> None:
        """The plan panel takes a fifth of the width (190 to 300 px) until the runner drags
        it: a fixed 270 px left the grid too narrow for its chips at 1024 px."""
        super().resizeEvent(event)  # the layout has placed the splitter already
        if not self._panel_dragged:
            total = sum(self.splitter.sizes()) or self.splitter.width()
            panel = max(190, min(300, total // 5))
            self.splitter.setSizes([total - panel, panel])

    def select_flagged(self, day: dt.date, session_ids: list[int]) -> None:
        """A flag's day, and the first session it names on that day (a week's flag names
        sessions on other days too). A flag of a run of weeks, picked in an earlier week of
        the run, selects the first session it names in that week."""
        monday = monday_of(self.selected)
        if monday_of(day) != monday:
            named = set(session_ids)
            for offset in range(7):
                here = monday + dt.timedelta(days=offset)
                if any(s.id in named for s in self.sessions_by_day.get(here, [])):
                    day = here
                    break
        self.select_day(day)
        on_day = {s.id for s in self.sessions_by_day.get(day, [])}
        self.select_day(day, next((i for i in session_ids if i in on_day), None))

    def selected_day(self) -> dt.date:
        return self.selected

    def selected_session(self) -> Session | None:
        for session in self.sessions_by_day.get(self.selected, []):
            if session.id == self.selected_id:
                return session
        return None

    def page(self, step: int) -> None:
        if self.week_view:
            self.select_day(self.selected + dt.timedelta(days=7 * step))
        else:
            self.select_day(add_months(self.selected, step))

    # -- mouse and keyboard ------------------------------------------------------------------

    def _day_clicked(self, day: dt.date) -> None:
        self.setFocus()
        self.select_day(day)

    def _chip_clicked(self, session_id: int) -> None:
        self.setFocus()
        day = next(
            d
            for d, sessions in self.sessions_by_day.items()
            if any(s.id == session_id for s in sessions)
        )
        self.select_day(day, session_id)

    def _day_opened(self, day: dt.date) -> None:
        self.select_day(day)
        self.open_selected()

    def open_selected(self) -> None:
        """Enter: the selected session, else the day's first, else a new strength session."""
        session = self.selected_session() or next(
            iter(self.sessions_by_day.get(self.selected, [])), None
        )
        if session is not None and session.id is not None:
            self.open_session(session.id)
        else:
            self.new_session(SessionKind.STRENGTH)

    def _cycle_session(self) -> None:
        sessions = self.sessions_by_day.get(self.selected, [])
        if sessions:
            ids = [s.id for s in sessions]
            following = (
                (ids.index(self.selected_id) + 1) % len(ids) if self.selected_id in ids else 0
            )
            self.select_day(self.selected, ids[following])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in DAY_KEYS and ctrl and self.selected_id is not None:
            self.move_session(self.selected_id, self.selected + dt.timedelta(DAY_KEYS[key]))
        elif key in DAY_KEYS and not ctrl:
            self.select_day(self.selected + dt.timedelta(days=DAY_KEYS[key]))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.page(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key == Qt.Key.Key_Home:
            self.select_day(clock.today())
        elif key == Qt.Key.Key_Space:
            self._cycle_session()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
        elif key == Qt.Key.Key_R and not ctrl:
            self.new_session(SessionKind.RUN)
        elif key == Qt.Key.Key_S and not ctrl:
            self.new_session(SessionKind.STRENGTH)
        elif key == Qt.Key.Key_D and ctrl:
            self.duplicate(0)
        elif key == Qt.Key.Key_Delete:
            self.delete()
        elif key == Qt.Key.Key_Menu:
            cell = self.grid.cell_for(self.selected)
            if cell is not None:
                self.show_menu(self.selected, cell.mapToGlobal(cell.rect().center()))
        else:
            super().keyPressEvent(event)
