"""The calendar grid: a column of ISO weeks with their totals and phase, then seven day cells
per week. Month view shows six weeks, week view one taller week.

Cells are built once and refilled when the page changes, and they paint themselves from the
palette: a cell repaints only when what it shows changed, and a day keeps its chip widgets
when the next page has as many sessions on it. (A style sheet per cell and per chip made
every month switch restyle and relayout the whole grid.) Cells and chips keep the picture
they last drew and copy it while what they show is unchanged: showing the tab paints every
one of them, and copying is a fraction of drawing (a frame, a day's number, a chip's text)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...domain import Phase, Race, Session, WeightUnit, iso_week
from ...domain.summary import WeekTotals
from ...domain.units import distance_unit_for, format_distance
from ..theme import SEVERITY_FILL, text_colours, today_fill
from ..widgets.kept_picture import KeptPicture
from ..words import plural
from .chips import SESSION_MIME, Chip, RaceChip, SessionChip
from .season_marks import BAND_WIDTH, SeasonMarks, paint_phase_band

MAX_CHIPS_IN_MONTH = 4
WEEK_COLUMN_WIDTH = 112 + BAND_WIDTH  # fixed (the grid never jumps), the season band inside
REGIONS = (("calf", "calves"), ("up", "upper body"), ("core", "core"))
DAY_NAMES = tuple(calendar.day_name)  # Monday first, in the locale's words
MONTH_NAMES = tuple(calendar.month_name)  # "" then January...


class Badge(QWidget):
    """A day's flag count, in the colour of its worst flag. Opaque, like the chips: it paints
    its cell's background around its rounded corners (chips.py says why)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._text = ""
        self._severity = "info"
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.setFont(font)
        self.hide()

    def show_count(self, count: int, severity: str, tip: str, name: str = "") -> None:
        """count flags, the worst of them `severity`; name: the counts in words."""
        text = str(count)
        if (text, severity, tip) != (self._text, self._severity, self.toolTip()):
            self._text, self._severity = text, severity
            self.setToolTip(tip)
            self.setAccessibleName(name or f"{count} planner flag{'' if count == 1 else 's'}")
            self.setAccessibleDescription(tip)
            self.updateGeometry()
            self.update()
        self.show()

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text) + 10, metrics.height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        cell = self.parentWidget()
        if isinstance(cell, DayCell):
            painter.fillRect(self.rect(), cell.background())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SEVERITY_FILL[self._severity]))
        painter.drawRoundedRect(QRectF(self.rect()), 6, 6)
        painter.setPen(QColor("white"))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)


class DayCell(QFrame):
    clicked = Signal(object)  # date
    opened = Signal(object)  # date (double-click on the cell itself)
    dropped = Signal(int, object)  # session id, date
    menuRequested = Signal(object, QPoint)
    chipClicked = Signal(int)  # session id
    chipOpened = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.day = clock.today()
        self.chips: list[SessionChip] = []
        self._pool: list[SessionChip] = []
        self._extras: list[QWidget] = []  # race chips and "+n more"
        self._state: tuple | None = None  # (day, in month, selected, today, focused)
        self._items_key: tuple | None = None
        self._picture = KeptPicture()
        # The cell paints every pixel of itself: Qt then skips painting the tab page under
        # each of the 42 cells, which was most of the cost of a month switch.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAcceptDrops(True)
        self.badge = Badge()  # the planner's flags (drawn by the plan panel's owner)
        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.badge, 0, 0, Qt.AlignmentFlag.AlignLeft)
        top.setColumnStretch(1, 1)
        top.setRowMinimumHeight(0, self.fontMetrics().height() + 2)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(3, 2, 3, 2)
        self.body.setSpacing(2)
        self.body.addLayout(top)
        self.body.addStretch(1)

    # -- the day -----------------------------------------------------------------------------

    def set_day(self, day: dt.date, in_month: bool, selected: bool, focused: bool = True) -> None:
        state = (day, in_month, selected, day == clock.today(), focused)
        if state == self._state:
            return
        if day != self.day or self._state is None:
            self.setObjectName(f"day{day.isoformat()}")
        shade_changed = self._state is None or self._state[1] != in_month
        self.day = day
        self._state = state
        self.update()
        if shade_changed:  # the badge and chips are opaque: they paint the background too
            self.badge.update()
            for chip in self.findChildren(Chip):
                chip.update()

    def background(self) -> QColor:
        """The cell's background: the base colour in the month shown, the window's outside."""
        in_month = self._state[1] if self._state else True
        role = QPalette.ColorRole.Base if in_month else QPalette.ColorRole.Window
        return self.palette().color(role)

    @property
    def is_selected(self) -> bool:
        return bool(self._state and self._state[2])

    def paintEvent(self, _event) -> None:
        """The cell from its picture, drawn again only when what it shows changed: showing
        the tab paints every cell, and drawing one (its frame, its day's number) costs
        several times copying its picture."""
        self._picture.paint(self, (self._state, self.day), self._draw)

    def _draw(self, painter: QPainter) -> None:
        _day, in_month, selected, today, focused = self._state or (
            self.day,
            True,
            False,
            False,
            False,
        )
        palette = self.palette()
        # Straight lines: no antialiasing, which is slow for them.
        painter.fillRect(self.rect(), self.background())
        if selected and focused:  # the keyboard's place: a thick frame in the highlight
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        elif selected:  # the calendar has no keyboard focus: a thinner frame in the text colour
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        else:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        number = f"{self.day.day}" if self.day.day != 1 else f"{self.day:%d %b}"
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(number) + 8
        box = QRectF(self.width() - width - 4, 3, width, metrics.height())
        if today:  # a filled pill in the today colour, never the selection's
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            font = self.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(today_fill(palette))
            painter.drawRoundedRect(box, 7, 7)
            painter.setPen(QColor("white"))
        else:
            role = QPalette.ColorRole.Text
            group = QPalette.ColorGroup.Active if in_month else QPalette.ColorGroup.Disabled
            painter.setPen(palette.color(group, role))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, number)

    # -- what is on it -----------------------------------------------------------------------

    def set_items(
        self,
        sessions: list[Session],
        races: list[Race],
        unit: WeightUnit,
        detailed: bool,
        selected_id: int | None,
        focused: bool = True,
    ) -> list[SessionChip]:
        total = len(sessions) + len(races)
        room = total if detailed or total <= MAX_CHIPS_IN_MONTH else MAX_CHIPS_IN_MONTH - 1
        shown_races = races[:room]
        shown_sessions = sessions[: max(0, room - len(shown_races))]
        not_shown = total - len(shown_races) - len(shown_sessions)
        # The sessions themselves: a page's sessions are read anew, never changed in place,
        # and comparing them costs a tenth of writing out their reprs.
        key = (
            tuple(shown_sessions),
            tuple(shown_races),
            unit,
            detailed,
            not_shown,
        )
        if key != self._items_key:
            self._items_key = key
            self._fill(shown_sessions, shown_races, unit, detailed, not_shown)
        for chip in self.chips:
            chip.set_selected(chip.session.id == selected_id, focused)
        return self.chips

    def _fill(self, sessions, races, unit, detailed, not_shown: int) -> None:
        for widget in self._extras:
            self.body.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._extras = []
        position = 1  # after the header row
        for race in races:
            race_chip = RaceChip(race, unit)
            self.body.insertWidget(position, race_chip)
            self._extras.append(race_chip)
            position += 1
        while len(self._pool) < len(sessions):
            chip = SessionChip(sessions[len(self._pool)], unit, detailed)
            chip.clicked.connect(self.chipClicked)
            chip.opened.connect(self.chipOpened)
            self._pool.append(chip)
        for index, chip in enumerate(self._pool):
            if index < len(sessions):
                chip.set_session(sessions[index], unit, detailed)
                if self.body.indexOf(chip) != position:
                    self.body.removeWidget(chip)
                    self.body.insertWidget(position, chip)
                if chip.isHidden():
                    chip.show()
                position += 1
            elif chip.isVisibleTo(self) or self.body.indexOf(chip) >= 0:
                self.body.removeWidget(chip)
                chip.hide()
        self.chips = self._pool[: len(sessions)]
        if not_shown > 0:
            more = QLabel(f"+{not_shown} more")
            more.setEnabled(False)
            self.body.insertWidget(position, more)
            self._extras.append(more)

    def accessible_summary(self, flags: str = "") -> str:
        """What a sighted runner sees in the cell, for a screen reader: "Tuesday 1
        December: easy run 7.3 km, done; lower body, 15 sets, done; 1 warning". flags: the
        badge's counts in words."""
        # Names looked up, not formatted: strftime imports a module per call, and a month
        # switch asks 42 cells.
        day = f"{DAY_NAMES[self.day.weekday()]} {self.day.day} {MONTH_NAMES[self.day.month]}"
        if self._state and self._state[3]:
            day += ", today"
        parts = [chip.accessibleName() for chip in self.chips]
        if self._extras:
            parts += [w.accessibleName() or getattr(w, "text", str)() for w in self._extras]
        if flags:
            parts.append(flags)
        return f"{day}: {'; '.join(parts)}" if parts else f"{day}: nothing planned"

    # -- mouse and drops ---------------------------------------------------------------------

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
        self._shown: tuple | None = None
        self._plan_shown: tuple[tuple | None, SeasonMarks] | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(WEEK_COLUMN_WIDTH)
        self.title = QLabel()
        self.running = QLabel()
        self.strength = QLabel()
        self.regions = QLabel()
        self.regions.setToolTip("Calves, upper body and core trained this week")
        self.phase = QToolButton()
        self.phase.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.phase)
        for phase in Phase:
            menu.addAction(phase.value.capitalize(), functools.partial(self._choose, phase))
        menu.addSeparator()
        menu.addAction("No phase", functools.partial(self._choose, None))
        self.phase.setMenu(menu)
        self.phase.setAutoRaise(True)  # flat: the week number and its phase share a line
        self.phase.setToolTip("The week's training phase")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(2)
        top.addWidget(self.title)
        top.addWidget(self.phase, 1, Qt.AlignmentFlag.AlignRight)
        self.season_line = QLabel(objectName="weekLoad")  # the load of the week's done work
        self.season_line.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4 + BAND_WIDTH, 1, 2, 1)
        layout.setSpacing(0)
        layout.addLayout(top)
        for widget in (self.running, self.strength, self.regions, self.season_line):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _choose(self, phase: Phase | None) -> None:
        self.phaseChosen.emit(self.week, phase)  # the week shown when the menu is used

    def set_week(
        self, monday: dt.date, totals: WeekTotals, phase: Phase | None, unit: WeightUnit
    ) -> None:
        shown = (monday, totals, phase, unit)
        if shown == self._shown:
            return
        self._shown = shown
        self.week = iso_week(monday)
        self.setObjectName(f"week{self.week}")
        number = monday.isocalendar()[1]
        self.title.setText(f"<b>W{number:02d}</b>")
        running = f"{format_distance(totals.km, distance_unit_for(unit))} run"
        self.running.setText(running)
        colour = text_colours(self.palette())
        off_target = totals.strength and not 2 <= totals.strength <= 3
        self.strength.setText(
            f"<span style='color:{colour['warning']}'>{totals.strength} strength</span>"
            if off_target
            else f"{totals.strength} strength"
        )
        done = (totals.calves, totals.upper, totals.core)
        marks = [
            f"<span style='color:{colour['ok' if ok else 'bad']}'>"
            f"{short}{'✓' if ok else '✗'}</span>"
            for (short, _name), ok in zip(REGIONS, done, strict=True)
        ]
        self.regions.setText(" ".join(marks) if totals.strength else "")
        self.phase.setText(phase.value if phase else "phase…")
        said = [f"Week {number}: {running}", plural(totals.strength, "strength session")]
        if totals.strength:
            trained = [name for (_short, name), ok in zip(REGIONS, done, strict=True) if ok]
            missed = [name for (_short, name), ok in zip(REGIONS, done, strict=True) if not ok]
            said += [f"trained {', '.join(trained)}"] if trained else []
            said += [f"no {', no '.join(missed)}"] if missed else []
        said.append(f"phase {phase.value}" if phase else "no phase")
        self.setAccessibleName(", ".join(said))
        self._said = self.accessibleName()
        self._plan_shown = None

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            shown, self._shown = self._shown, None  # its marks were coloured for the old one
            self.set_week(*shown)
            if getattr(self, "_marks", None) is not None:
                self.set_season(self._marks)
        super().changeEvent(event)

    def set_season(self, marks: SeasonMarks) -> None:
        """The week in its season (after set_week): the phase band, the weeks to go to the
        race, and planned against done with the week's load."""
        shown = (self._shown, marks)
        if shown == self._plan_shown:
            return
        self._plan_shown = shown
        self._marks = marks
        unit = self._shown[3] if self._shown else WeightUnit.KG
        if marks.running:
            self.running.setText(marks.running_text(distance_unit_for(unit)))
        if marks.strength_text():
            self.strength.setText(marks.strength_text())
        self.season_line.setText(marks.load_text())
        self.season_line.setVisible(bool(marks.load_text()))
        tip = marks.tooltip(distance_unit_for(unit))
        self.setToolTip(tip)
        said = getattr(self, "_said", "")
        self.setAccessibleName(f"{said}; {tip}".replace("\n", "; ") if tip else said)
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        marks = getattr(self, "_marks", None)
        if marks is not None and (marks.phase is not None or marks.weeks_to_go is not None):
            paint_phase_band(self, marks)


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
        if count == self.weeks_shown and self.weeks[0].isVisibleTo(self):
            return
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
