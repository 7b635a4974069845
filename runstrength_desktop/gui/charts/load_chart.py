"""Load: daily training load (session RPE x minutes) of runs and lifts with fitness and
fatigue (42- and 7-day exponentially weighted averages), acute 7-day against chronic 28-day
load, and their ratio with the 0.8-1.3 band; three plots on one time axis. Hovering a day's
bar tells each session's load and how it was reached, marking the estimated ones (no session
RPE, or no believable minutes)."""

from __future__ import annotations

import datetime as dt
import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QCheckBox

from ... import clock
from ...analysis.load import RATIO_BAND, TrainingLoad
from ...analysis.timeline import DAY_S
from ...domain import Status, WeightUnit
from ...domain.metrics import load_of
from ..progress_source import ProgressSource
from .page import ChartPage, empty_bars, series_curve
from .theme import ChartTheme

BARS_UP_TO_DAYS = 400


def daily_bars(load: TrainingLoad, stacked: bool) -> dict[str, dict[str, np.ndarray | float]]:
    """BarGraphItem options for the runs and the lifts: stacked (lifts on top of the day's
    runs) or side by side. Rest days are left out: there is nothing to draw."""
    centre = load.daily.x + DAY_S / 2
    run, lift = load.daily.run, load.daily.lift
    width = 0.8 * DAY_S if stacked else 0.4 * DAY_S
    shift = 0.0 if stacked else 0.2 * DAY_S
    runs, lifts = run > 0, lift > 0
    run_base = np.zeros(int(runs.sum()))
    lift_base = run[lifts] if stacked else np.zeros(int(lifts.sum()))
    run_estimated, lift_estimated = load.daily.run_estimated, load.daily.lift_estimated
    return {
        "run": dict(x=centre[runs] - shift, y0=run_base, height=run[runs], width=width),
        "lift": dict(x=centre[lifts] + shift, y0=lift_base, height=lift[lifts], width=width),
        # The estimated part of each bar, on top of its given part, striped over it.
        "run_estimated": dict(
            x=centre[runs] - shift,
            y0=run_base + run[runs] - run_estimated[runs],
            height=run_estimated[runs],
            width=width,
        ),
        "lift_estimated": dict(
            x=centre[lifts] + shift,
            y0=lift_base + lift[lifts] - lift_estimated[lifts],
            height=lift_estimated[lifts],
            width=width,
        ),
    }


class LoadChart(ChartPage):
    default_range = 182

    def __init__(self, parent=None) -> None:
        super().__init__("load", "Training load", parent)
        self.load: TrainingLoad | None = None
        self.source: ProgressSource | None = None
        self.bars_shown = False
        self.stack_toggle = QCheckBox(
            "Stack runs and lifts", objectName="stackToggle", checked=True
        )
        self.stack_toggle.toggled.connect(self._draw_bars)
        self.toolbar.addWidget(self.stack_toggle)
        legend = self.add_legend(0, columns=6)
        self.daily_plot = self.add_plot(1)
        self.form_plot = self.add_plot(2)
        weekly_legend = self.add_legend(3, columns=2)
        self.weekly_plot = self.add_plot(4)
        self.ratio_plot = self.add_plot(5)
        self.set_row_stretch(0, 5, 2, 0, 3, 3)
        for plot in (self.daily_plot, self.form_plot, self.weekly_plot):
            plot.getAxis("bottom").setStyle(showValues=False)
        for plot in (self.daily_plot, self.weekly_plot):
            plot.vb.setLimits(yMin=0)
        self.run_bars, self.lift_bars = empty_bars(), empty_bars()
        self.run_estimated_bars, self.lift_estimated_bars = empty_bars(), empty_bars()
        self.estimated_sample = empty_bars()
        self.fitness_curve = series_curve(name="Fitness (42-day)")
        self.fatigue_curve = series_curve(name="Fatigue (7-day)")
        for item, name in (
            (self.run_bars, "Runs"),
            (self.lift_bars, "Lifts"),
            (self.fitness_curve, None),
            (self.fatigue_curve, None),
        ):
            self.daily_plot.addItem(item)
            legend.addItem(item, name or item.name())
        for item in (self.run_estimated_bars, self.lift_estimated_bars):
            self.daily_plot.addItem(item)
        legend.addItem(self.estimated_sample, "Estimated (no RPE)")
        self.daily_plot.setLabel("left", "Daily load")
        # Form, GoldenCheetah's training stress balance: below 0 while building, above 0
        # when fresh (a race after a taper).
        self.form_curve = series_curve(name="Form (fitness − fatigue)", fillLevel=0)
        self.form_zero = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.form_plot.addItem(self.form_zero)
        self.form_plot.addItem(self.form_curve)
        legend.addItem(self.form_curve, self.form_curve.name())
        self.form_plot.setLabel("left", "Form")
        self.acute_curve = series_curve(name="Acute: last 7 days")
        self.chronic_curve = series_curve(name="Chronic: 28-day weekly average")
        for item in (self.acute_curve, self.chronic_curve):
            self.weekly_plot.addItem(item)
            weekly_legend.addItem(item, item.name())
        self.weekly_plot.setLabel("left", "Weekly load")
        self.ratio_band = pg.LinearRegionItem(
            values=RATIO_BAND, orientation="horizontal", movable=False
        )
        self.ratio_curve = series_curve(name="Acute:chronic", connect="finite")
        self.ratio_plot.addItem(self.ratio_band)
        self.ratio_plot.addItem(self.ratio_curve)
        self.ratio_plot.setLabel("left", "Acute:chronic")
        self.ratio_plot.vb.setLimits(yMin=0)
        self.hover = pg.TextItem(anchor=(0, 1))
        self.daily_plot.addItem(self.hover, ignoreBounds=True)
        self.hover.hide()
        self.daily_plot.scene().sigMouseMoved.connect(self.hover_at)
        self.finish_toolbar()

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        return ("loads", source.version("loads"), clock.today())

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        self.source = source
        self.load = load = source.load()
        if load is None:
            self.show_message(
                "Log how long each run or strength session took and how hard it "
                "felt (session RPE, 1-10): each session's load is RPE x minutes, "
                "and this page shows it day by day with your fitness and "
                "fatigue."
            )
            return
        x = load.daily.x + DAY_S / 2
        self._draw_bars()
        self.fitness_curve.setData(x, load.fitness)
        self.fatigue_curve.setData(x, load.fatigue)
        self.form_curve.setData(x, load.form)
        self.acute_curve.setData(x, load.acute)
        self.chronic_curve.setData(x, load.chronic)
        self.ratio_curve.setData(x, load.ratio)
        self.show_chart(float(x[0]), float(x[-1]))
        ratio = load.ratio[-1]
        low, high = RATIO_BAND
        verdict = (
            "no ratio yet (fewer than 28 days of load)"
            if not np.isfinite(ratio)
            else f"acute:chronic {ratio:.2f}, "
            + (
                "inside the 0.8-1.3 band"
                if low <= ratio <= high
                else "above 1.3: load is rising faster than you are used to"
                if ratio > high
                else "below 0.8: less than you are used to"
            )
        )
        estimated = bool(load.daily.run_estimated.any() or load.daily.lift_estimated.any())
        guessed = (
            " Striped: estimated loads (no session RPE or believable minutes); hover a day "
            "to see how."
            if estimated
            else ""
        )
        self.note.setText(
            f"Load = session RPE x minutes. Latest day: fitness "
            f"{load.fitness[-1]:.0f}, fatigue {load.fatigue[-1]:.0f}, form "
            f"{load.form[-1]:+.0f}, {verdict}.{guessed}"
        )

    def view_width_changed(self, days: float) -> None:
        if self.load is not None and (days <= BARS_UP_TO_DAYS) != self.bars_shown:
            self._draw_bars()

    def _draw_bars(self, *_args) -> None:
        """Each day's runs and lifts, in a view of up to about a year; a wider one has only
        the lines (ten years of daily bars are a solid block)."""
        if self.load is None:
            return
        x = self.load.daily.x
        self.bars_shown = self.days_to_show(float(x[0]), float(x[-1])) <= BARS_UP_TO_DAYS
        if not self.bars_shown:
            empty = np.zeros(0)
            for item in self._bar_items():
                item.setOpts(x=empty, y0=empty, height=empty)
            return
        bars = daily_bars(self.load, self.stack_toggle.isChecked())
        for name, item in zip(
            ("run", "lift", "run_estimated", "lift_estimated"), self._bar_items()
        ):
            item.setOpts(**bars[name])

    def _bar_items(self):
        return (self.run_bars, self.lift_bars, self.run_estimated_bars, self.lift_estimated_bars)

    # -- hover -------------------------------------------------------------------------------

    def hover_at(self, scene_pos: QPointF) -> dt.date | None:
        """Describe the day under the pointer: each session's load and how; the day."""
        vb = self.daily_plot.vb
        if (
            self.load is None
            or self.source is None
            or not vb.sceneBoundingRect().contains(scene_pos)
        ):
            self.hover.hide()
            return None
        daily = self.load.daily
        x = vb.mapSceneToView(scene_pos).x()
        index = int((x - float(daily.x[0])) // DAY_S)
        total = daily.total
        if not 0 <= index < daily.days or total[index] <= 0:
            self.hover.hide()
            return None
        day = daily.first + dt.timedelta(days=index)
        self.hover.setHtml(self.describe(day))
        (left, right), _ = vb.viewRange()
        self.hover.setAnchor((1 if x > (left + right) / 2 else 0, 1))
        self.hover.setPos(float(daily.x[index]) + DAY_S / 2, float(total[index]))
        self.hover.show()
        return day

    def describe(self, day: dt.date) -> str:
        lines = [f"<b>{day:%a} {day.day} {day:%b %Y}</b>"]
        sessions = self.source.sessions_on(day) if self.source is not None else []
        for session in sessions:  # one day's sessions, read on hover
            load = load_of(session) if session.status is Status.DONE else None
            if load is None:
                continue
            name = session.title or ("Run" if session.is_run else "Strength")
            mark = " <i>(estimated)</i>" if load.estimated else ""
            lines.append(f"{html.escape(name)}: {load.value:.0f}{mark} = {html.escape(load.how)}")
        colour = self.theme.foreground.name()
        return f'<div style="color: {colour}">' + "<br>".join(lines) + "</div>"

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        self.hover.fill = pg.mkBrush(theme.tooltip_fill)
        self.hover.border = pg.mkPen(theme.muted)
        self.hover.update()
        self.run_bars.setOpts(brush=theme.colour("run", 170), pen=None)
        self.lift_bars.setOpts(brush=theme.colour("lift", 170), pen=None)
        # Estimated loads: the bar's colour striped with the background.
        stripes = QBrush(theme.background, Qt.BrushStyle.BDiagPattern)
        for item in (self.run_estimated_bars, self.lift_estimated_bars):
            item.setOpts(brush=stripes, pen=None)
        self.estimated_sample.setOpts(
            brush=QBrush(theme.foreground, Qt.BrushStyle.BDiagPattern), pen=pg.mkPen(theme.muted)
        )
        self.fitness_curve.setPen(pg.mkPen(theme.colour("fitness"), width=2.5))
        self.fatigue_curve.setPen(pg.mkPen(theme.colour("fatigue"), width=1.5))
        self.form_curve.setPen(pg.mkPen(theme.colour("form"), width=1.5))
        self.form_curve.setBrush(theme.colour("form", 70))
        self.form_zero.setPen(pg.mkPen(theme.muted, width=1))
        self.acute_curve.setPen(pg.mkPen(theme.colour("acute"), width=1.5))
        self.chronic_curve.setPen(pg.mkPen(theme.colour("chronic"), width=2.5))
        self.ratio_curve.setPen(pg.mkPen(theme.colour("ratio"), width=1.5))
        self.ratio_band.setBrush(theme.colour("target", 55))
        for line in self.ratio_band.lines:
            line.setPen(pg.mkPen(theme.colour("target", 160), width=1, style=Qt.PenStyle.DashLine))
