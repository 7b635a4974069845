"""The sets table's cells painted from kept pictures. The style lays out and shapes a cell's
text each time it paints it (twice: once to elide it), and asks the model for seven roles
first: opening a session cost more in painting its table than in everything else. A cell
looks the same whenever it shows the same text in the same way, at the same size and in
the same state (selected, focused, an alternate row), and a session's cells repeat (the
names, "working", the common reps and loads, the marks): each look is drawn once by the
style, into a picture, and copied from then on.

A picture is drawn on the view's background, as the cell is on the screen, so its text is
smoothed against the same colour and copying it gives the very pixels the style drew."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

DRAWN = (QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected).value
LIMIT = 2_000  # pictures kept before they are all dropped (a few dozen per session)


class CellPictures:
    def __init__(self) -> None:
        self._look: tuple | None = None  # how the view looks: what every picture assumes
        self._kept: dict[Hashable, QPixmap] = {}
        self._ratio = 1.0

    def begin(self, view: QAbstractItemView) -> None:
        """Before the view paints: the pictures go when its look changed (palette and its
        colour group, font, style, pixel ratio)."""
        viewport = view.viewport()
        palette = viewport.palette()
        ratio = viewport.devicePixelRatioF()
        look = (
            view.palette().cacheKey(),
            QGuiApplication.palette().cacheKey(),  # the suggestions' grey comes from it
            palette.brush(viewport.backgroundRole()).color().rgba(),
            view.font().key(),
            view.style().name(),
            view.alternatingRowColors(),  # which rows are shaded: the rows' parity says
            ratio,
        )
        if look != self._look or len(self._kept) > LIMIT:
            self._look, self._kept = look, {}
            self._background = palette.brush(viewport.backgroundRole())
            self._ratio = ratio

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        shows: Hashable,
        row: int,
        draw: Callable[[QPainter, QStyleOptionViewItem], None],
    ) -> None:
        """Paint the cell of `option` from its picture; `shows` is what the cell shows (its
        text and how it is drawn), `row` its row (an alternate row's shade differs), `draw`
        the style's own painting of it."""
        state = option.state.value  # an int: Qt's flags cost microseconds per operation
        if state & DRAWN:  # the one current cell: its frame's corners are smoothed
            draw(painter, option)  # onto the screen a shade apart from onto a picture
            return
        rect = option.rect
        key = (shows, rect.width(), rect.height(), state, row & 1)
        picture = self._kept.get(key)
        if picture is None:
            picture = self._kept[key] = self._draw(option, draw)
        painter.drawPixmap(rect.x(), rect.y(), picture)

    def _draw(self, option: QStyleOptionViewItem, draw) -> QPixmap:
        size = option.rect.size()
        picture = QPixmap(QSize(size.width(), size.height()) * self._ratio)
        picture.setDevicePixelRatio(self._ratio)
        local = QStyleOptionViewItem(option)
        local.rect = QRect(0, 0, size.width(), size.height())
        painter = QPainter(picture)
        painter.fillRect(local.rect, self._background)  # the viewport's, under the cell
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # the alternate rows' shade, which the view draws first
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, local, painter, widget)
        draw(painter, local)
        painter.end()
        return picture
