"""A date axis for days drawn at midnight UTC (analysis/timeline.py).

pyqtgraph's DateAxisItem, even with utcOffset=0, converts every candidate tick through Qt's
local time zone and back (DateAxisItem.applyOffsetToUtc), to add an offset that is then 0:
about a hundred QDateTime round trips per range change, a quarter of the cost of drawing a
new exercise. In UTC the ticks need no moving, so these zoom levels leave them as they are."""

from __future__ import annotations

from collections import OrderedDict

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import ZoomLevel

from .axis_cache import PictureCache


class _UtcZoomLevel(ZoomLevel):
    def __init__(self, level: ZoomLevel) -> None:
        super().__init__(level.tickSpecs, level.exampleText)

    def extendTimeRangeForSpacing(self, spacing, minVal, maxVal):
        return minVal, maxVal  # no daylight saving time in UTC

    def moveTicksToLocalTimeCoords(self, ticks, spacing, skipFactor):
        return ticks  # already at UTC midnights, months and years


MIN_TICK_PIXELS = 24  # finer ticks than this are neither readable nor worth a grid line


class UtcDateAxis(PictureCache, pg.DateAxisItem):
    zoomLevels: OrderedDict[float, ZoomLevel]  # DateAxisItem's, by tick spacing

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, utcOffset=0, **kwargs)
        self.zoomLevels = OrderedDict(
            (spacing, _UtcZoomLevel(level)) for spacing, level in self.zoomLevels.items()
        )

    def tick_state(self) -> tuple:
        return (self.zoomLevel, self.minSpacing)

    def set_tick_state(self, state: tuple) -> None:
        self.zoomLevel, self.minSpacing = state

    def tickValues(self, minVal, maxVal, size):
        """The zoom level's ticks, less a finer level whose ticks would stand under
        MIN_TICK_PIXELS apart: ten years of month ticks are 9 pixels apart, and pyqtgraph
        formats and measures each one's label before finding it has no room."""
        levels = super().tickValues(minVal, maxVal, size)
        if maxVal <= minVal or size <= 0:
            return levels
        per_pixel = (maxVal - minVal) / size
        return levels[:1] + [
            (spacing, values)
            for spacing, values in levels[1:]
            if spacing / per_pixel >= MIN_TICK_PIXELS
        ]
