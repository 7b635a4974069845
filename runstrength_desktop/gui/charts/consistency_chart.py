"""Consistency: strength sessions per ISO week against the 2-3 target band, with the weekly
running distance on a linked plot below (one time axis for both)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ...analysis.consistency import TARGET_SESSIONS
from ...analysis.timeline import WEEK_S
from ...domain import WeightUnit
from ...domain.units import distance_unit_for, format_number, km_to
from ..progress_source import ProgressSource
from .page import ChartPage, empty_bars
from .theme import ChartTheme

BAR_WIDTH = 0.75 * WEEK_S


class ConsistencyChart(ChartPage):
    def __init__(self, parent=None) -> None:
        super().__init__("consistency", "Consistency", parent)
        legend = self.add_legend(0, columns=2)
        self.strength_plot = self.add_plot(1)
        self.run_plot = self.add_plot(2)
        self.set_row_stretch(0, 3, 2)
        self.run_plot.setMinimumHeight(190)
        # One date axis for both: the upper plot keeps its grid lines but not the labels.
        self.strength_plot.getAxis("bottom").setStyle(showValues=False)
        self.strength_plot.getAxis("left").setTickSpacing(1, 1)  # whole sessions
        self.target_band = pg.LinearRegionItem(
            values=TARGET_SESSIONS, orientation="horizontal", movable=False
        )
        self.strength_plot.addItem(self.target_band)  # its bounds keep it in view
        self.strength_bars = empty_bars()
        self.strength_plot.addItem(self.strength_bars)
        # The legend shows the band through a stand-in bar of the same colour.
        self.band_sample = empty_bars()
        legend.addItem(self.strength_bars, "Strength sessions in the week")
        legend.addItem(self.band_sample, "Target: 2-3 a week")
        self.run_bars = empty_bars()
        self.run_plot.addItem(self.run_bars)
        self.strength_plot.setLabel("left", "Strength sessions")
        self.strength_plot.vb.setLimits(yMin=0)
        self.run_plot.vb.setLimits(yMin=0)
        self.finish_toolbar()

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        return ("weeks", source.version("weeks"), unit)

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        weekly = source.consistency()
        if weekly is None:
            self.show_message(
                "Log your runs and strength sessions (and mark them done) to "
                "see how many strength sessions each week holds next to your "
                "running distance."
            )
            return
        distance = distance_unit_for(unit)
        x = weekly.x
        self.strength_bars.setOpts(
            x=x, height=weekly.strength_sessions.astype(np.float64), width=BAR_WIDTH
        )
        self.run_bars.setOpts(x=x, height=km_to(1.0, distance) * weekly.run_km, width=BAR_WIDTH)
        self.run_plot.setLabel(
            "left", f"Running ({distance.value})", color=self.theme.foreground.name()
        )
        self.show_chart(float(x[0]), float(x[-1]))
        recent = weekly.recent(52)
        self.note.setText(
            f"Last {recent.weeks} weeks: {format_number(recent.sessions_per_week, 1)} strength "
            f"sessions a week, {recent.weeks_on_target} of {recent.weeks} weeks on target (2-3), "
            f"{km_to(recent.run_km, distance):,.0f} {distance.value} run."
        )

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        band = theme.colour("target", 55)
        self.target_band.setBrush(band)
        for line in self.target_band.lines:
            line.setPen(pg.mkPen(theme.colour("target", 160), width=1))
        self.band_sample.setOpts(brush=band, pen=pg.mkPen(theme.colour("target", 160)))
        self.strength_bars.setOpts(brush=theme.colour("strength", 220), pen=None)
        self.run_bars.setOpts(brush=theme.colour("run", 200), pen=None)
