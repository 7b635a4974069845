"""Consistency: strength sessions per ISO week against the 2-3 target band, with the weekly
running distance on a linked plot below (one time axis for both).

Up to about a year the weeks are bars; a wider view draws the rolling 4-week mean as a line
instead (years of weekly bars are a barcode), and zooming in brings the bars back."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ...analysis.consistency import TARGET_SESSIONS, WeeklyConsistency, rolling_mean
from ...analysis.timeline import WEEK_S
from ...domain import WeightUnit
from ...domain.units import distance_unit_for, format_number, km_to
from ..progress_source import ProgressSource
from .page import ChartPage, empty_bars, series_curve
from .theme import ChartTheme

BAR_WIDTH = 0.75 * WEEK_S
BARS_UP_TO_DAYS = 400  # wider than this, the weeks are drawn as their 4-week mean
MEAN_WEEKS = 4


class ConsistencyChart(ChartPage):
    def __init__(self, parent=None) -> None:
        super().__init__("consistency", "Consistency", parent)
        self.weekly: WeeklyConsistency | None = None
        self.bars_shown: bool | None = None
        self.legend = self.add_legend(0, columns=3)
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
        self.strength_mean = series_curve(name="Strength sessions a week (4-week mean)")
        self.run_bars = empty_bars()
        self.run_mean = series_curve(name="Running a week (4-week mean)")
        for plot, items in (
            (self.strength_plot, (self.strength_bars, self.strength_mean)),
            (self.run_plot, (self.run_bars, self.run_mean)),
        ):
            for item in items:
                plot.addItem(item)
        # The legend shows the band through a stand-in bar of the same colour.
        self.band_sample = empty_bars()
        self.strength_plot.setLabel("left", "Strength sessions")
        self.strength_plot.vb.setLimits(yMin=0)
        self.run_plot.vb.setLimits(yMin=0)
        self.finish_toolbar()

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        return ("weeks", source.version("weeks"), unit)

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        self.weekly = weekly = source.consistency()
        if weekly is None:
            self.show_message(
                "Log your runs and strength sessions (and mark them done) to "
                "see how many strength sessions each week holds next to your "
                "running distance."
            )
            return
        distance = distance_unit_for(unit)
        x = weekly.x
        self.bars_shown = None  # fill the items of the view's mode again
        first, last = float(x[0]), float(x[-1])
        self._show_weeks(self.days_to_show(first, last) <= BARS_UP_TO_DAYS)
        self.run_plot.setLabel(
            "left", f"Running ({distance.value})", color=self.theme.foreground.name()
        )
        self.show_chart(first, last)
        recent = weekly.recent(52)
        self.note.setText(
            f"Last {recent.weeks} weeks: {format_number(recent.sessions_per_week, 1)} strength "
            f"sessions a week, {recent.weeks_on_target} of {recent.weeks} weeks on target (2-3), "
            f"{km_to(recent.run_km, distance):,.0f} {distance.value} run."
        )

    def view_width_changed(self, days: float) -> None:
        bars = days <= BARS_UP_TO_DAYS
        if self.weekly is not None and self.bars_shown not in (None, bars):
            self._show_weeks(bars)

    def _show_weeks(self, bars: bool) -> None:
        """Bars of each week, or the rolling mean as a line; the other items emptied."""
        weekly, factor = self.weekly, km_to(1.0, distance_unit_for(self.unit))
        if weekly is None:
            return  # nothing read yet
        x, empty = weekly.x, np.zeros(0)
        strength = weekly.strength_sessions.astype(np.float64)
        if bars:
            self.strength_bars.setOpts(x=x, height=strength, width=BAR_WIDTH)
            self.run_bars.setOpts(x=x, height=factor * weekly.run_km, width=BAR_WIDTH)
            self.strength_mean.setData(empty, empty)
            self.run_mean.setData(empty, empty)
        else:
            self.strength_mean.setData(x, rolling_mean(strength, MEAN_WEEKS))
            self.run_mean.setData(x, factor * rolling_mean(weekly.run_km, MEAN_WEEKS))
            self.strength_bars.setOpts(x=empty, height=empty, width=BAR_WIDTH)
            self.run_bars.setOpts(x=empty, height=empty, width=BAR_WIDTH)
        self.bars_shown = bars
        self.legend.clear()
        if bars:
            self.legend.addItem(self.strength_bars, "Strength sessions in the week")
            self.legend.addItem(self.run_bars, "Running in the week")
        else:
            self.legend.addItem(self.strength_mean, self.strength_mean.name())
            self.legend.addItem(self.run_mean, self.run_mean.name())
        self.legend.addItem(self.band_sample, "Target: 2-3 a week")
        for _sample, label in self.legend.items:
            label.setText(label.text, color=self.theme.foreground)
        self.legend.setMaximumWidth(10_000)
        self.fit_legend(self.legend)
        for plot in self.plots:
            plot.vb.enableAutoRange(axis="y")
        self.settle()

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        band = theme.colour("target", 55)
        self.target_band.setBrush(band)
        for line in self.target_band.lines:
            line.setPen(pg.mkPen(theme.colour("target", 160), width=1))
        self.band_sample.setOpts(brush=band, pen=pg.mkPen(theme.colour("target", 160)))
        self.strength_bars.setOpts(brush=theme.colour("strength", 220), pen=None)
        self.run_bars.setOpts(brush=theme.colour("run", 200), pen=None)
        self.strength_mean.setPen(pg.mkPen(theme.colour("strength"), width=2))
        self.run_mean.setPen(pg.mkPen(theme.colour("run"), width=2))
