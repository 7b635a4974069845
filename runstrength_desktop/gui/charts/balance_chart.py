"""Balance: working sets per week by region (lower body, calves, upper body, core) as stacked
bars, so a week without calf work shows as a missing colour."""

from __future__ import annotations

from ...analysis.balance import REGIONS, WeeklyBalance
from ...analysis.timeline import WEEK_S
from ...domain import WeightUnit
from ..progress_source import ProgressSource
from .page import Bars, ChartPage, empty_bars
from .theme import ChartTheme

BAR_WIDTH = 0.75 * WEEK_S
LABELS = {"lower": "Lower body", "calves": "Calves", "upper": "Upper body", "core": "Core"}
RECENT_WEEKS = 12


class BalanceChart(ChartPage):
    default_range = 182

    def __init__(self, parent=None) -> None:
        super().__init__("balance", "Balance", parent)
        legend = self.add_legend(0, columns=4)
        self.plot = self.add_plot(1)
        self.set_row_stretch(0, 1)
        self.plot.setLabel("left", "Working sets per week")
        self.plot.vb.setLimits(yMin=0)
        self.bars: dict[str, Bars] = {}
        for region in REGIONS:
            bars = empty_bars()
            self.plot.addItem(bars)
            legend.addItem(bars, LABELS[region])
            self.bars[region] = bars
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
        x = weekly.x
        for region, (bottom, height) in weekly.stacked().items():
            self.bars[region].setOpts(x=x, y0=bottom, height=height, width=BAR_WIDTH)
        self.show_chart(float(x[0]), float(x[-1]))
        recent = weekly.recent(RECENT_WEEKS)
        weeks = min(RECENT_WEEKS, weekly.weeks)
        totals = ", ".join(f"{recent[r]} {LABELS[r].lower()}" for r in REGIONS)
        self.note.setText(f"Last {weeks} weeks: {totals} sets. {self._calf_note(weekly)}")

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
