"""Volume: load x reps of the working sets per ISO week, stacked by body region (or of one
exercise), with the planner's spike limit: a week above 1.5 x the mean of the 4 weeks before
is what the too_much_volume rule flags. Up to about a year the weeks are bars; a wider view
draws the rolling 4-week mean as a line."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from ...analysis.balance import REGIONS
from ...analysis.consistency import rolling_mean
from ...analysis.timeline import WEEK_S
from ...analysis.volume import WeeklyVolume, spike_limits
from ...domain import WeightUnit
from ...domain.units import format_number, kg_to
from ...planning import PlanSettings
from ..progress_source import ProgressSource
from .balance_chart import LABELS
from .page import ChartPage, empty_bars, series_curve, slug
from .theme import ChartTheme

BAR_WIDTH = 0.75 * WEEK_S
BARS_UP_TO_DAYS = 400
ALL = "All exercises, by region"
RECENT_WEEKS = 12


class VolumeChart(ChartPage):
    default_range = 182

    def __init__(self, parent=None) -> None:
        super().__init__("volume", "Volume", parent)
        # The tab hands the planner's own settings.
        self.plan_settings: Callable[[], PlanSettings] = PlanSettings
        self.weekly: WeeklyVolume | None = None
        self.limits = np.zeros(0)
        self._body_note = ""  # what bodyweight work counts, when the chart holds some
        self.bars_shown: bool | None = None
        self.picker = QComboBox(objectName="volumeExercise")
        self.picker.setMinimumContentsLength(24)
        self.picker.setToolTip("The week's volume of every exercise by region, or of one")
        self.picker.currentIndexChanged.connect(self._picked)
        self._filling = False
        self.toolbar.addWidget(QLabel("Volume of"))
        self.toolbar.addWidget(self.picker)
        self.legend = self.add_legend(0, columns=6)
        self.plot = self.add_plot(1)
        self.set_row_stretch(0, 1)
        self.plot.vb.setLimits(yMin=0)
        self.bars = {region: empty_bars() for region in (*REGIONS, "all")}
        for bars in self.bars.values():
            self.plot.addItem(bars)
        self.mean_curve = series_curve(name="Volume a week (4-week mean)")
        self.limit_curve = series_curve(
            name="Spike limit (planner)", stepMode="center", connect="finite"
        )
        self.over_markers = pg.ScatterPlotItem(name="Above the limit", symbol="t", size=10)
        for item in (self.mean_curve, self.limit_curve, self.over_markers):
            self.plot.addItem(item)
        self.finish_toolbar()

    @property
    def exercise(self) -> str | None:
        text = self.picker.currentText()
        return None if text in ("", ALL) else text

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        settings = self.plan_settings()
        return (
            source.version("work"),
            source.version("calendar"),
            source.version("exercises"),
            source.version("body"),  # bodyweight work lifts its share of the body weight
            self.exercise,
            unit,
            settings.volume_spike_ratio,
            settings.baseline_weeks,
            settings.race_window_days,
        )

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        self._fill_picker(source.exercises())
        exercise = self.exercise
        self.weekly = weekly = source.volume(exercise)
        if weekly is None:
            what = exercise or "a lift"
            self.show_message(
                f"Log {what} with its load and reps to see the volume (load x reps) of each "
                "week, and the limit the planner holds a week to (1.5 x the 4 weeks before)."
            )
            return
        settings = self.plan_settings()
        if exercise is None:
            easy = source.easy_weeks(settings.race_window_days)
            self.limits = spike_limits(
                weekly, easy, settings.volume_spike_ratio, settings.baseline_weeks
            )
        else:
            self.limits = np.full(weekly.weeks, np.nan)  # the rule is about whole weeks
        x = weekly.x
        self.bars_shown = None
        self.plot.setLabel(
            "left", f"Volume a week ({unit.value})", color=self.theme.foreground.name()
        )
        first, last = float(x[0]), float(x[-1])
        self._show_weeks(self.days_to_show(first, last) <= BARS_UP_TO_DAYS)
        self.show_chart(first, last)
        names = [exercise] if exercise else source.exercises()
        if any(source.moves_the_body(name) for name in names):
            self._body_note = (
                "bodyweight work counts its share of your body weight"
                if source.has_body_weights()
                else "bodyweight work counts only its added load: log your body weight"
            )
        else:
            self._body_note = ""
        self._write_note(settings)

    def view_width_changed(self, days: float) -> None:
        bars = days <= BARS_UP_TO_DAYS
        if self.weekly is not None and self.bars_shown not in (None, bars):
            self._show_weeks(bars)

    def _show_weeks(self, bars: bool) -> None:
        weekly, factor = self.weekly, kg_to(1.0, self.unit)
        if weekly is None:
            return  # nothing read yet
        x, empty = weekly.x, np.zeros(0)
        stacked = weekly.stacked() if bars else {}
        for key, item in self.bars.items():
            if key in stacked:
                bottom, height = stacked[key]
                item.setOpts(x=x, y0=bottom * factor, height=height * factor, width=BAR_WIDTH)
            else:
                item.setOpts(x=empty, y0=empty, height=empty, width=BAR_WIDTH)
        total = weekly.total * factor
        limits = self.limits * factor
        over = np.isfinite(limits) & (total > limits)
        if bars:
            self.mean_curve.setData(empty, empty)
            edges = np.append(x - WEEK_S / 2, x[-1] + WEEK_S / 2)
            self.limit_curve.setData(edges, limits)
            self.over_markers.setData(x[over], total[over] * 1.04)
        else:
            self.mean_curve.setData(x, rolling_mean(total, 4))
            self.limit_curve.setData(empty, empty)
            self.over_markers.setData(empty, empty)
        self.bars_shown = bars
        self.legend.clear()
        if bars:
            for key in stacked:
                self.legend.addItem(self.bars[key], LABELS.get(key, self.exercise or key))
            if np.isfinite(limits).any():
                self.legend.addItem(self.limit_curve, self.limit_curve.name())
                self.legend.addItem(self.over_markers, self.over_markers.name())
        else:
            self.legend.addItem(self.mean_curve, self.mean_curve.name())
        for _sample, label in self.legend.items:
            label.setText(label.text, color=self.theme.foreground)
        self.legend.setMaximumWidth(10_000)
        self.fit_legend(self.legend)
        self.plot.vb.enableAutoRange(axis="y")
        self.settle()

    def _write_note(self, settings: PlanSettings) -> None:
        weekly, unit = self.weekly, self.unit
        if weekly is None:
            return  # nothing read yet
        recent = weekly.total[-RECENT_WEEKS:]
        mean = kg_to(float(recent.mean()), unit)
        parts = [
            f"Last {len(recent)} weeks: {format_number(mean, 0)} {unit.value} a week on average"
        ]
        if self.exercise is None:
            over = np.isfinite(self.limits) & (weekly.total > self.limits)
            parts.append(
                f"since {weekly.first_monday:%b %Y}, {int(over.sum())} of {weekly.weeks} weeks "
                "above "
                f"{format_number(settings.volume_spike_ratio, 1)} x the mean of the "
                f"{settings.baseline_weeks} weeks before (recovery and taper weeks left out)"
            )
        if self._body_note:
            parts.append(self._body_note)
        self.note.setText("  ·  ".join(parts))

    def _fill_picker(self, names: list[str]) -> None:
        wanted = [ALL, *names]
        if [self.picker.itemText(i) for i in range(self.picker.count())] != wanted:
            current = self.picker.currentText()
            self._filling = True
            self.picker.clear()
            self.picker.addItems(wanted)
            self.picker.setCurrentIndex(max(0, self.picker.findText(current)))
            self._filling = False

    def _picked(self, _index: int) -> None:
        if not self._filling and self.source is not None:
            self.update_page(self.source, self.unit)

    def file_name(self) -> str:
        return slug(f"runstrength volume {self.exercise or 'all'}")

    def title_details(self) -> list[str]:
        return [self.exercise or "all exercises", f"load x reps a week ({self.unit.value})"]

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        for key, bars in self.bars.items():
            bars.setOpts(brush=theme.colour("volume" if key == "all" else key, 220), pen=None)
        self.mean_curve.setPen(pg.mkPen(theme.colour("volume"), width=2))
        self.limit_curve.setPen(
            pg.mkPen(theme.colour("fatigue"), width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.over_markers.setBrush(theme.colour("fatigue"))
        self.over_markers.setPen(None)
