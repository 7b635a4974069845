"""Balance: working sets per week by region (lower body, calves, upper body, core) as stacked
bars, so a week without calf work shows as a missing colour."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ...analysis.balance import REGIONS, WeeklyBalance
from ...analysis.consistency import rolling_mean
from ...analysis.timeline import WEEK_S
from ...domain import WeightUnit
from ..progress_source import ProgressSource
from .page import Bars, ChartPage, empty_bars, series_curve
from .theme import ChartTheme

BAR_WIDTH = 0.75 * WEEK_S
BARS_UP_TO_DAYS = 400  # wider, the weeks are drawn as each region's 4-week mean
LABELS = {"lower": "Lower body", "calves": "Calves", "upper": "Upper body", "core": "Core"}
RECENT_WEEKS = 12


class BalanceChart(ChartPage):
    default_range = 182

    def __init__(self, parent=None) -> None:
        super().__init__("balance", "Balance", parent)
        self.weekly: WeeklyBalance | None = None
        self.bars_shown: bool | None = None
        self.legend = self.add_legend(0, columns=4)
        self.plot = self.add_plot(1)
        self.set_row_stretch(0, 1)
        self.plot.setLabel("left", "Working sets per week")
        self.plot.vb.setLimits(yMin=0)
        self.bars: dict[str, Bars] = {}
        self.means: dict[str, pg.PlotDataItem] = {}
        for region in REGIONS:
            self.bars[region] = empty_bars()
            self.means[region] = series_curve(name=f"{LABELS[region]} (4-week mean)")
            self.plot.addItem(self.bars[region])
            self.plot.addItem(self.means[region])
        self.finish_toolbar()

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        return ("work", source.version("work"))

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        weekly = source.balance()
        if weekly is None:
            self.show_message(
                "Log a strength session with its sets (exercise, reps, load) to "
                "see each week's work for the lower body, calves, upper body "
                "and core."
            )
            return
        self.weekly, self.bars_shown = weekly, None
        first, last = float(weekly.x[0]), float(weekly.x[-1])
        self._show_weeks(self.days_to_show(first, last) <= BARS_UP_TO_DAYS)
        self.show_chart(first, last)
        recent = weekly.recent(RECENT_WEEKS)
        weeks = min(RECENT_WEEKS, weekly.weeks)
        totals = ", ".join(f"{recent[r]} {LABELS[r].lower()}" for r in REGIONS)
        self.note.setText(f"Last {weeks} weeks: {totals} sets. {self._calf_note(weekly)}")

    def view_width_changed(self, days: float) -> None:
        bars = days <= BARS_UP_TO_DAYS
        if self.weekly is not None and self.bars_shown not in (None, bars):
            self._show_weeks(bars)

    def _show_weeks(self, bars: bool) -> None:
        """Stacked bars of each week, or each region's rolling 4-week mean as a line."""
        weekly, empty = self.weekly, np.zeros(0)
        if weekly is None:
            return  # nothing read yet
        x = weekly.x
        for region, (bottom, height) in weekly.stacked().items():
            if bars:
                self.bars[region].setOpts(x=x, y0=bottom, height=height, width=BAR_WIDTH)
                self.means[region].setData(empty, empty)
            else:
                self.bars[region].setOpts(x=empty, y0=empty, height=empty, width=BAR_WIDTH)
                self.means[region].setData(x, rolling_mean(height, 4))
        self.bars_shown = bars
        self.legend.clear()
        for region in REGIONS:
            item = self.bars[region] if bars else self.means[region]
            self.legend.addItem(item, LABELS[region] if bars else item.name())
        for _sample, label in self.legend.items:
            label.setText(label.text, color=self.theme.foreground)
        self.legend.setMaximumWidth(10_000)
        self.fit_legend(self.legend)
        self.plot.vb.enableAutoRange(axis="y")
        self.settle()

    @staticmethod
    def _calf_note(weekly: WeeklyBalance) -> str:
        lifting = weekly.weeks_with_work(RECENT_WEEKS)
        if not lifting:
            return "No strength work in these weeks."
        missing = weekly.weeks_without("calves", RECENT_WEEKS)
        if not missing:
            return "Calves trained in every week you lifted."
        return f"{missing} of the {lifting} weeks you lifted had no calf work."

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        for region, bars in self.bars.items():
            bars.setOpts(brush=theme.colour(region, 230), pen=None)
            self.means[region].setPen(pg.mkPen(theme.colour(region), width=2))
