"""Axes that keep the pictures of the ranges they have drawn.

pyqtgraph throws an axis's picture away whenever its range is set, even to the range it
already shows, and works its ticks and labels out again (about 1.5 ms an axis, a date axis
more): after a save that changes nothing on the axes, when switching back to an exercise or
a unit seen a moment ago. These axes keep the last few pictures, keyed by everything the
picture is drawn from, and replay the one that fits."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

import pyqtgraph as pg
from PySide6.QtGui import QFont, QPicture

PICTURES_KEPT = 24  # a dozen exercises in both units; each picture is about 4 kB


def _comparable(value) -> Hashable:
    if isinstance(value, QFont):
        return value.key()
    return repr(value)


class PictureCache:
    """Mixed into a pg.AxisItem subclass, before it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pictures: OrderedDict[Hashable, QPicture] = OrderedDict()
        self._tick_values: OrderedDict[Hashable, tuple[list, tuple]] = OrderedDict()

    def tick_state(self) -> tuple:
        """What working the ticks out sets on the axis besides its answer (a date axis
        picks its zoom level, which then formats the labels)."""
        return ()

    def set_tick_state(self, state: tuple) -> None:
        """Put back what tick_state returned."""

    def tickValues(self, minVal, maxVal, size):
        axis: pg.AxisItem = self
        key = (
            minVal,
            maxVal,
            size,
            repr(axis._tickSpacing),
            axis._tickDensity,
            axis.logMode,
            axis.scale,
            _comparable(axis.style["tickFont"] or axis.font()),
        )
        kept = self._tick_values.get(key)
        if kept is None:
            levels = super().tickValues(minVal, maxVal, size)  # type: ignore[misc]
            kept = self._tick_values[key] = (levels, self.tick_state())
            while len(self._tick_values) > PICTURES_KEPT:
                self._tick_values.popitem(last=False)
        else:
            self._tick_values.move_to_end(key)
            self.set_tick_state(kept[1])
        return kept[0]

    def tick_span(self) -> float:
        """The axis's length in pixels as it works its ticks out (AxisItem.generateDrawSpecs:
        from one pixel before its start to one past its end)."""
        axis: pg.AxisItem = self
        bounds = axis.mapRectFromParent(axis.geometry())
        vertical = axis.orientation in ("left", "right")
        return (bounds.height() if vertical else bounds.width()) + 2

    def picture_key(self) -> Hashable:
        """What the picture is drawn from: the range and the size, the pens, the style and
        any ticks set by hand."""
        axis: pg.AxisItem = self
        bounds = axis.boundingRect()
        placed = axis.mapRectFromParent(axis.geometry())
        return (
            tuple(axis.range),
            (bounds.x(), bounds.y(), bounds.width(), bounds.height()),
            (placed.x(), placed.y(), placed.width(), placed.height()),
            axis.pen().color().rgba(),
            axis.pen().widthF(),
            axis.textPen().color().rgba(),
            tuple((name, _comparable(value)) for name, value in sorted(axis.style.items())),
            repr(axis._tickLevels),
            repr(axis._tickSpacing),
            axis._tickDensity,
            axis.logMode,
            axis.scale,
            axis.orientation,
        )

    def paint(self, painter, option, widget) -> None:
        axis: pg.AxisItem = self
        if axis.picture is None:
            key = self.picture_key()
            kept = self._pictures.get(key)
            if kept is None:
                # The axis class after this mixin draws the picture and plays it.
                super().paint(painter, option, widget)  # type: ignore[misc]
                drawn: QPicture | None = axis.picture
                if drawn is not None:
                    self._pictures[key] = drawn
                while len(self._pictures) > PICTURES_KEPT:
                    self._pictures.popitem(last=False)
                return
            self._pictures.move_to_end(key)
            axis.picture = kept
        axis.picture.play(painter)


class ValueAxis(PictureCache, pg.AxisItem):
    """A value axis (kg, sets, load) that keeps its pictures."""

    def setLabel(self, *args, **kwargs) -> None:
        super().setLabel(*args, **kwargs)
        # pyqtgraph centres the label only when the axis is resized: "e1RM and load (lb)"
        # stood a few pixels off where a fresh chart puts it after a switch from kg.
        self.resizeEvent()
