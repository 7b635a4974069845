"""Grid lines at the axes' ticks, drawn by one item inside the plot.

pyqtgraph's own grid (PlotItem.showGrid) is drawn by the axes over the whole plot and costs
about 10 ms per paint here, a quarter of the budget for switching exercise; these lines cost
well under one."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

# Alpha of the lines at each tick level: major ticks, then minor ones.
LEVEL_ALPHA = (70, 20)


class TickGrid(pg.GraphicsObject):
    def __init__(self, plot: pg.PlotItem) -> None:
        super().__init__()
        self.plot = plot
        self.colour = QColor(128, 128, 128)
        self.setZValue(-1000)  # under every series
        plot.vb.sigRangeChanged.connect(self._moved)
        plot.vb.sigResized.connect(self._moved)

    def set_colour(self, colour: QColor) -> None:
        self.colour = QColor(colour)
        self.update()

    def _moved(self, *_args) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        return self.plot.vb.viewRect()

    def _lines(self, axis_name: str, low: float, high: float):
        """The axis's own tick values at each level: asked with its own span, they are the
        ones it has just worked out and kept for its labels (axis_cache.py)."""
        axis = self.plot.getAxis(axis_name)
        pixels = axis.tick_span()
        if pixels <= 0 or high <= low:
            return []
        if not hasattr(axis, "fontMetrics"):
            # A date axis measures its labels with metrics it keeps from its first paint;
            # the grid may be painted before it.
            axis.fontMetrics = QFontMetrics(axis.style["tickFont"] or axis.font())
        levels = axis.tickValues(low, high, pixels)
        return [
            (level, values)
            for level, (_spacing, values) in enumerate(levels)
            if level < len(LEVEL_ALPHA)
        ]

    def paint(self, painter: QPainter, *_args) -> None:
        """Lines in device pixels: mapped from the data by hand (the view only scales and
        shifts), drawn with no transform, so that Qt does not stroke each line through a
        transform with a scale of about 1e-6 (x is in seconds), which cost milliseconds."""
        vb = self.plot.vb
        view = vb.viewRect()
        transform = painter.worldTransform()
        corner_a, corner_b = transform.map(view.topLeft()), transform.map(view.bottomRight())
        left, right = sorted((corner_a.x(), corner_b.x()))
        top, bottom = sorted((corner_a.y(), corner_b.y()))
        painter.save()
        painter.resetTransform()
        drawn: set[float] = set()
        for horizontal, name, low, high in (
            (False, "bottom", view.left(), view.right()),
            (True, "left", view.top(), view.bottom()),
        ):
            drawn.clear()
            scale, shift = (
                (transform.m22(), transform.dy())
                if horizontal
                else (transform.m11(), transform.dx())
            )
            for level, values in self._lines(name, low, high):
                colour = QColor(self.colour)
                colour.setAlpha(LEVEL_ALPHA[level])
                painter.setPen(QPen(colour, 0))
                lines = []
                for value in values:
                    if value in drawn or not low <= value <= high:
                        continue  # a major tick is also listed as a minor one
                    drawn.add(value)
                    at = round(value * scale + shift) + 0.5  # the middle of a pixel: crisp
                    lines.append(
                        QLineF(left, at, right, at) if horizontal else QLineF(at, top, at, bottom)
                    )
                painter.drawLines(lines)
        painter.restore()
