"""A date axis for days drawn at midnight UTC (analysis/timeline.py).

pyqtgraph's DateAxisItem, even with utcOffset=0, converts every candidate tick through Qt's
local time zone and back (DateAxisItem.applyOffsetToUtc), to add an offset that is then 0:
about a hundred QDateTime round trips per range change, a quarter of the cost of drawing a
new exercise. In UTC the ticks need no moving, so these zoom levels leave them as they are."""

from __future__ import annotations

from collections import OrderedDict

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import ZoomLevel


class _UtcZoomLevel(ZoomLevel):
    def __init__(self, level: ZoomLevel) -> None:
        super().__init__(level.tickSpecs, level.exampleText)

    def extendTimeRangeForSpacing(self, spacing, minVal, maxVal):
        return minVal, maxVal  # no daylight saving time in UTC

    def moveTicksToLocalTimeCoords(self, ticks, spacing, skipFactor):
        return ticks  # already at UTC midnights, months and years


class UtcDateAxis(pg.DateAxisItem):
    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, utcOffset=0, **kwargs)
        self.zoomLevels = OrderedDict(
            (spacing, _UtcZoomLevel(level)) for spacing, level in self.zoomLevels.items()
        )
