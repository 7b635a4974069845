"""Compact chips for the sessions and races of a day. Planned sessions have a dashed outline,
done ones are filled, skipped ones are struck through and grey; races are red. A run's chip
carries a mark of its type (tempo, intervals, hills, long), so the hard days stand out by
shape as well as by word. A planned session's chip can be dragged to another day.

Chips paint themselves from the palette (no style sheets: a style sheet per chip made every
month switch restyle and repaint the whole grid slowly), and a day cell reuses its chips
when the page changes."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from ...domain import Race, RunType, Session, Status, WeightUnit
from ...domain.durations import duration_looks_wrong
from ...domain.summary import by_exercise, describe_sets, session_headline
from ...domain.units import distance_unit_for, format_distance
from .colours import (
    RUN_HUE,
    STRENGTH_HUE,
    ChipColours,
    kind_colours,
    race_colours,
    skipped_colours,
)

SESSION_MIME = "application/x-runstrength-session"
MARKS = {Status.DONE: "✓ ", Status.SKIPPED: "✗ ", Status.PLANNED: ""}
PAD_X, PAD_Y = 3, 1


def chip_text(session: Session, unit: WeightUnit, detailed: bool) -> str:
    """Month view: one line. Week view: short lines (time and name, then the numbers, then
    each exercise's sets), so nothing has to wrap."""
    if not detailed:
        return f"{MARKS[session.status]}{session_headline(session, unit)}"
    start = f"{session.start:%H:%M} " if session.start else ""
    numbers = []
    if session.is_run:
        name = session.run_type.value.capitalize() if session.run_type else "Run"
        numbers.append(format_distance(session.distance_km, distance_unit_for(unit)))
    else:
        name = session.title or "Strength"
        numbers.append(f"{len(session.working_sets())} sets")
    if session.duration_min:
        odd = " (looks wrong)" if duration_looks_wrong(session) else ""  # a timer left running
        numbers.append(f"{session.duration_min:.0f} min{odd}")
    if session.rpe:
        numbers.append(f"RPE {session.rpe:g}")
    lines = [f"{MARKS[session.status]}{start}{name}", " · ".join(n for n in numbers if n)]
    if session.is_strength:
        lines += [f"{n}: {describe_sets(sets, unit)}" for n, sets in by_exercise(session).items()]
    if session.notes:
        lines.append(f"“{session.notes[:60]}”")
    return "\n".join(lines)


def _month_parts(session: Session, unit: WeightUnit) -> tuple[str, str]:
    """(what may be shortened, what must stay): a narrow cell keeps the set count or the
    distance and shortens the title."""
    if session.is_strength:
        title = session.title or ", ".join(session.exercise_names()[:2]) or "Strength"
        return f"{MARKS[session.status]}{title}", f" · {len(session.working_sets())} sets"
    kind = session.run_type.value.capitalize() if session.run_type else "Run"
    distance = format_distance(session.distance_km, distance_unit_for(unit))
    return f"{MARKS[session.status]}{kind}", f" {distance}" if distance else ""


def draw_run_mark(painter: QPainter, box: QRectF, run_type: RunType | None, colour) -> None:
    """A small shape for the hard and the long runs; easy and recovery runs have none."""
    if run_type not in (RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.LONG):
        return
    painter.save()
    painter.setPen(QPen(colour, 1.4))
    painter.setBrush(colour)
    x, y, w, h = box.x(), box.y(), box.width(), box.height()
    if run_type is RunType.TEMPO:  # a solid arrow head: sustained effort
        path = QPainterPath(QPointF(x + 0.15 * w, y + 0.2 * h))
        path.lineTo(x + 0.9 * w, y + 0.5 * h)
        path.lineTo(x + 0.15 * w, y + 0.8 * h)
        path.closeSubpath()
        painter.drawPath(path)
    elif run_type is RunType.INTERVALS:  # three bars: repeats
        bar = w / 5
        for i in range(3):
            painter.drawRect(
                QRectF(x + bar * (2 * i) * 0.8 + 0.1 * w, y + 0.2 * h, bar * 0.7, 0.6 * h)
            )
    elif run_type is RunType.HILLS:  # a peak
        path = QPainterPath(QPointF(x + 0.05 * w, y + 0.82 * h))
        path.lineTo(x + 0.5 * w, y + 0.18 * h)
        path.lineTo(x + 0.95 * w, y + 0.82 * h)
        path.closeSubpath()
        painter.drawPath(path)
    else:  # long: a line with both ends, the distance
        painter.setBrush(Qt.BrushStyle.NoBrush)
        mid = y + 0.5 * h
        painter.drawLine(QPointF(x + 0.1 * w, mid), QPointF(x + 0.9 * w, mid))
        for end in (0.1, 0.9):
            painter.drawLine(QPointF(x + end * w, y + 0.25 * h), QPointF(x + end * w, y + 0.75 * h))
    painter.restore()


class Chip(QWidget):
    """A rounded label that paints itself: one elided line (month view) or a few lines."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = self.font()  # a little smaller than the text around: cells are narrow
        font.setPointSizeF(font.pointSizeF() * 0.88)
        self.setFont(font)
        self._lines: list[str] = [""]
        self._keep = ""  # month view: the end that is never shortened
        self._colours: ChipColours | None = None
        self._dashed = False
        self._struck = False
        self._selected = False
        self._bold = False
        self._mark: RunType | None = None
        self._has_mark = False
        self._laid_out = False
        self._hint: QSize | None = None

    def resizeEvent(self, event) -> None:
        self._laid_out = True
        super().resizeEvent(event)

    # -- what it shows -----------------------------------------------------------------------

    def _show(self, lines: list[str], keep: str = "") -> None:
        if lines != self._lines or keep != self._keep:
            self._lines, self._keep = lines, keep
            self._hint = None
            self.updateGeometry()
            self.update()

    def text(self) -> str:
        """What the chip says, as shown (the month view's line shortened to fit)."""
        if len(self._lines) == 1:
            if not self._laid_out:  # no width yet to shorten it to
                return self._lines[0] + self._keep
            return self._elided() + self._keep
        return "\n".join(self._lines)

    def _mark_width(self) -> float:
        return self.fontMetrics().height() * 0.85 if self._has_mark else 0.0

    def _elided(self) -> str:
        metrics = self.fontMetrics()
        room = (
            self.width()
            - 2 * PAD_X
            - 4
            - self._mark_width()
            - metrics.horizontalAdvance(self._keep)
        )
        return metrics.elidedText(self._lines[0], Qt.TextElideMode.ElideRight, int(max(room, 20)))

    def sizeHint(self) -> QSize:
        if self._hint is None:
            metrics = self.fontMetrics()
            width = max(metrics.horizontalAdvance(line) for line in self._lines) + 2 * PAD_X + 4
            height = metrics.height() * len(self._lines) + 2 * PAD_Y + 2
            self._hint = QSize(int(width + self._mark_width()), height)
        return self._hint

    def minimumSizeHint(self) -> QSize:
        return QSize(20, self.sizeHint().height())

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        colours = self._colours
        if colours is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        width = 2.0 if self._selected else 1.0
        pen = QPen(self.palette().highlight().color() if self._selected else colours.border, width)
        if self._dashed and not self._selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(colours.fill)
        painter.drawRoundedRect(box.adjusted(width / 2, width / 2, -width / 2, -width / 2), 3, 3)
        font = self.font()
        font.setStrikeOut(self._struck)
        font.setBold(self._bold)
        painter.setFont(font)
        painter.setPen(colours.text)
        text_box = QRectF(self.rect()).adjusted(PAD_X + 1, PAD_Y + 1, -PAD_X - 1, -PAD_Y - 1)
        if self._has_mark:
            side = self._mark_width()
            line = self.fontMetrics().height()
            draw_run_mark(
                painter,
                QRectF(text_box.x(), text_box.y() + (line - side) / 2, side, side),
                self._mark,
                colours.text,
            )
            text_box.adjust(side + 2, 0, 0, 0)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(text_box, flags, self.text())


class SessionChip(Chip):
    clicked = Signal(int)
    opened = Signal(int)

    def __init__(self, session: Session, unit: WeightUnit, detailed: bool, parent=None):
        super().__init__(parent)
        self._press: QPoint | None = None
        self.session = session
        self.set_session(session, unit, detailed)

    def set_session(self, session: Session, unit: WeightUnit, detailed: bool) -> None:
        """Show another session (a cell reuses its chips when the page changes)."""
        self.session, self.detailed = session, detailed
        self.setObjectName(f"chip{session.id}")
        full = chip_text(session, unit, True)
        self.setToolTip(full)
        self.setAccessibleName(chip_text(session, unit, False))
        self.setAccessibleDescription(full)
        if detailed:
            self._show(chip_text(session, unit, True).split("\n"))
        else:
            shortened, kept = _month_parts(session, unit)
            self._show([shortened], kept)
        if session.status is Status.SKIPPED:
            colours = skipped_colours(self.palette())
        else:
            hue = RUN_HUE if session.is_run else STRENGTH_HUE
            colours = kind_colours(self.palette(), hue, session.status is Status.DONE)
        self._colours, self._struck = colours, session.status is Status.SKIPPED
        self._dashed = session.status is Status.PLANNED
        self._mark = session.run_type if session.is_run else None
        self._has_mark = session.is_run and session.run_type in (
            RunType.TEMPO,
            RunType.INTERVALS,
            RunType.HILLS,
            RunType.LONG,
        )
        self._bold = session.is_hard_run
        self._hint = None
        self.update()

    @property
    def draggable(self) -> bool:
        return self.session.status is Status.PLANNED

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self.update()

    def mime_data(self) -> QMimeData:
        mime = QMimeData()
        mime.setData(SESSION_MIME, QByteArray(str(self.session.id).encode()))
        mime.setText(self.text())
        return mime

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.clicked.emit(self.session.id)
        # Taken here: passed on, the day cell would select the bare day (undoing this
        # selection) and take the mouse grab, so a drag would never start here.
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not self.draggable:
            return
        moved = event.position().toPoint() - self._press
        if moved.manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(self.mime_data())
        drag.setPixmap(self.grab())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.opened.emit(self.session.id)


class RaceChip(Chip):
    def __init__(self, race: Race, unit: WeightUnit, parent=None) -> None:
        super().__init__(parent)
        self.race = race
        distance = format_distance(race.distance_km, distance_unit_for(unit))
        text = f"⚑ {race.name} {distance}".rstrip()
        self.setObjectName(f"race{race.id}")
        self.setToolTip(text)
        self.setAccessibleName(f"race: {race.name} {distance}".rstrip())
        self._show([text])
        self._colours = race_colours(self.palette())
        self._bold = True
