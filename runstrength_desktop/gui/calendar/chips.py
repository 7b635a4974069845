"""Compact chips for the sessions and races of a day. Planned sessions have a dashed outline,
done ones are filled, skipped ones are struck through and grey; races are red. A run's chip
carries a mark of its type (tempo, intervals, hills, long, race), so the hard days stand out
by shape as well as by word; a race run is red like a race. A planned session's chip can be
dragged to another day.

Chips paint themselves from the palette (no style sheets: a style sheet per chip made every
month switch restyle and repaint the whole grid slowly), and a day cell reuses its chips
when the page changes.

A chip is opaque (WA_OpaquePaintEvent): it paints the day cell's background around its
rounded corners itself. Showing the tab makes Qt paint each opaque day cell on its own, and
a cell's chips were then painted twice, with the cell under them once more, in the window's
pass for what is not opaque (18 chips, 14 cells again for a month after a save)."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QMimeData,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from ...domain import Race, RunType, Session, Status, WeightUnit
from ...domain.units import distance_unit_for, format_distance
from ..widgets.kept_picture import KeptPicture
from .chip_text import ChipLine, chip_text, month_line, race_line, spoken, week_lines
from .colours import (
    RUN_HUE,
    STRENGTH_HUE,
    ChipColours,
    kind_colours,
    race_colours,
    race_outline,
    skipped_colours,
)

SESSION_MIME = "application/x-runstrength-session"
PAD_X, PAD_Y = 3, 1


MARKED_RUNS = (RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.LONG, RunType.RACE)


def draw_run_mark(painter: QPainter, box: QRectF, run_type: RunType | None, colour) -> None:
    """A small shape for the hard, the long and the race runs; easy and recovery runs have
    none."""
    if run_type not in MARKED_RUNS:
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
    elif run_type is RunType.RACE:  # a flag on its pole, as on a race's chip
        painter.drawLine(QPointF(x + 0.2 * w, y + 0.1 * h), QPointF(x + 0.2 * w, y + 0.95 * h))
        path = QPainterPath(QPointF(x + 0.2 * w, y + 0.12 * h))
        path.lineTo(x + 0.9 * w, y + 0.32 * h)
        path.lineTo(x + 0.2 * w, y + 0.55 * h)
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
    """A rounded label that paints itself: one line (month view) or a few (week view), each
    shortened to the chip's width in its own readable order (chip_text.py)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = self.font()  # a little smaller than the text around: cells are narrow
        font.setPointSizeF(font.pointSizeF() * 0.88)
        self.setFont(font)
        self._lines: list[ChipLine] = [ChipLine(("",))]
        self._fitted: tuple[int, str] | None = None  # (room, text) last fitted
        self._colours: ChipColours | None = None  # made from the palette when painted
        self._dashed = False
        self._struck = False
        self._selected = False
        self._focused = False
        self._bold = False
        self._mark: RunType | None = None
        self._laid_out = False
        self._hint: QSize | None = None
        self._bare = False  # painting the drag's picture: no background around the corners
        self._picture = KeptPicture()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def resizeEvent(self, event) -> None:
        self._laid_out = True
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._colours, self._fitted, self._hint = None, None, None
            self.update()
        super().changeEvent(event)

    def make_colours(self) -> ChipColours:  # pragma: no cover - every chip says its own
        raise NotImplementedError

    # -- what it shows -----------------------------------------------------------------------

    def _show(self, lines: list[ChipLine]) -> None:
        if lines != self._lines:
            self._lines = lines
            self._hint, self._fitted = None, None
            self.updateGeometry()
            self.update()

    @property
    def lines(self) -> list[ChipLine]:
        """Each line in the forms it may take (chip_text.py)."""
        return self._lines

    def room(self) -> int:
        """The width the text has, beside the run's mark."""
        return int(self.width() - 2 * PAD_X - 2 - self._mark_width())

    def text(self) -> str:
        """What the chip says, as shown (each line shortened to the chip's width)."""
        if not self._laid_out:  # no width yet to shorten it to
            return "\n".join(line.whole[0] for line in self._lines)
        room = self.room()
        if self._fitted is None or self._fitted[0] != room:
            metrics = self.text_metrics()
            self._fitted = (room, "\n".join(line.fit(metrics, room) for line in self._lines))
        return self._fitted[1]

    def text_font(self) -> QFont:
        """The font the text is painted in (bold for hard runs and races)."""
        font = self.font()
        font.setStrikeOut(self._struck)
        font.setBold(self._bold)
        return font

    def text_metrics(self) -> QFontMetrics:
        """What the text is shortened with: the painted font's, bold or not."""
        return QFontMetrics(self.text_font())

    def _mark_width(self) -> float:
        return self.fontMetrics().height() * 0.85 if self._mark in MARKED_RUNS else 0.0

    def sizeHint(self) -> QSize:
        if self._hint is None:
            metrics = self.text_metrics()
            width = max(metrics.horizontalAdvance(line.whole[0]) for line in self._lines)
            height = metrics.height() * len(self._lines) + 2 * PAD_Y + 2
            self._hint = QSize(int(width + 2 * PAD_X + 4 + self._mark_width()), height)
        return self._hint

    def minimumSizeHint(self) -> QSize:
        return QSize(20, self.sizeHint().height())

    # -- painting ----------------------------------------------------------------------------

    def background(self) -> QColor:
        """What is around the chip's corners: its day cell's background."""
        cell = self.parentWidget()
        if cell is not None and hasattr(cell, "background"):
            return cell.background()
        return self.palette().color(QPalette.ColorRole.Window)

    def drag_picture(self) -> QPixmap:
        """The chip as a drag shows it: its corners transparent, as before it was opaque."""
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        self._bare = True
        try:
            self.render(picture)
        finally:
            self._bare = False
        return picture

    def look(self) -> tuple:
        """What the chip's picture depends on, besides its size, palette and font."""
        return (
            tuple(self._lines),
            self._selected,
            self._focused,
            self._dashed,
            self._struck,
            self._bold,
            self._mark,
        )

    def paintEvent(self, _event) -> None:
        """The chip from its picture, drawn again only when its look changed (as a day
        cell's: showing the tab paints every chip)."""
        if self._bare:
            self._draw(QPainter(self))
            return
        self._picture.paint(self, (self.look(), self.background().rgba()), self._draw)

    def _draw(self, painter: QPainter) -> None:
        if self._colours is None:
            self._colours = self.make_colours()
        colours = self._colours
        if not self._bare:
            painter.fillRect(self.rect(), self.background())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        width = 2.0 if self._selected else 1.0
        palette = self.palette()
        if self._selected and self._focused:
            edge = palette.color(QPalette.ColorRole.Highlight)
        elif self._selected:  # the calendar has no keyboard focus: a quieter frame
            edge = palette.color(QPalette.ColorRole.WindowText)
        else:
            edge = colours.border
        pen = QPen(edge, width)
        if self._dashed and not self._selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(colours.fill)
        painter.drawRoundedRect(box.adjusted(width / 2, width / 2, -width / 2, -width / 2), 3, 3)
        painter.setFont(self.text_font())
        painter.setPen(colours.text)
        text_box = QRectF(self.rect()).adjusted(PAD_X + 1, PAD_Y + 1, -PAD_X - 1, -PAD_Y - 1)
        if self._mark in MARKED_RUNS:
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
        full = chip_text(session, unit)
        self.setToolTip(full)
        self.setAccessibleName(spoken(session, unit))
        self.setAccessibleDescription(full)
        self._show(week_lines(session, unit) if detailed else [month_line(session, unit)])
        self._colours = None
        self._struck = session.status is Status.SKIPPED
        self._dashed = session.status is Status.PLANNED
        self._mark = session.run_type if session.is_run else None
        # Hard runs are bold where they have room; in a month's narrow cell their mark says
        # it, and bold would cost the distance ("Tempo 14.3" at 1024 px).
        self._bold = session.is_hard_run and detailed
        self._hint, self._fitted = None, None  # bold and the mark change the room
        self.update()

    def make_colours(self) -> ChipColours:
        session, palette = self.session, self.palette()
        if session.status is Status.SKIPPED:
            return skipped_colours(palette)
        if session.is_run and session.run_type is RunType.RACE:
            return race_colours(palette) if session.status is Status.DONE else race_outline(palette)
        hue = RUN_HUE if session.is_run else STRENGTH_HUE
        return kind_colours(palette, hue, session.status is Status.DONE)

    def look(self) -> tuple:
        session = self.session  # its colours: done, planned or skipped; run, race or lift
        return (*super().look(), session.status, session.is_run, session.run_type)

    @property
    def draggable(self) -> bool:
        return self.session.status is Status.PLANNED

    def set_selected(self, selected: bool, focused: bool = True) -> None:
        """Selected: a frame in the highlight colour while the calendar has the keyboard
        focus, in the text colour while it has not."""
        if (selected, focused) != (self._selected, self._focused):
            self._selected, self._focused = selected, focused
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
        drag.setPixmap(self.drag_picture())
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
        self.setObjectName(f"race{race.id}")
        self.setToolTip(f"⚑ {race.name} {distance}".rstrip())
        self.setAccessibleName(f"race: {race.name} {distance}".rstrip())
        self._show([race_line(race, unit)])
        self._bold = True

    def make_colours(self) -> ChipColours:
        return race_colours(self.palette())
