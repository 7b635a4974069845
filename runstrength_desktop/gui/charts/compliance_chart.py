"""Plan against done: each week's planned and done running distance, planned and done strength
sessions and the planned sessions skipped, with form (fitness minus fatigue) below, on one
time axis, so a runner sees whether the season is on track. Weeks still to come show their
plan only; a line marks today."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ... import clock
from ...analysis.compliance import WeeklyCompliance
from ...analysis.timeline import DAY_S, WEEK_S, day_seconds
from ...domain import WeightUnit
from ...domain.units import distance_unit_for, format_number, km_to
from ..progress_source import ProgressSource
from .page import ChartPage, empty_bars, series_curve
from .theme import ChartTheme

SLOT = 0.27 * WEEK_S  # bars of a week side by side: planned, done (, skipped)


class ComplianceChart(ChartPage):
    default_range = 182

    def __init__(self, parent=None) -> None:
        super().__init__("compliance", "Plan against done", parent)
        self.weekly: WeeklyCompliance | None = None
        legend = self.add_legend(0, columns=5)
        self.run_plot = self.add_plot(1)
        self.strength_plot = self.add_plot(2)
        self.form_plot = self.add_plot(3)
        self.set_row_stretch(0, 3, 3, 2)
        for plot in (self.run_plot, self.strength_plot):
            plot.getAxis("bottom").setStyle(showValues=False)
            plot.vb.setLimits(yMin=0)
        self.strength_plot.getAxis("left").setTickSpacing(1, 1)  # whole sessions
        self.planned_km, self.done_km = empty_bars(), empty_bars()
        self.planned_lifts, self.done_lifts = empty_bars(), empty_bars()
        self.skipped = empty_bars()
        for plot, items in (
            (self.run_plot, (self.planned_km, self.done_km)),
            (self.strength_plot, (self.planned_lifts, self.done_lifts, self.skipped)),
        ):
            for item in items:
                plot.addItem(item)
        for item, name in (
            (self.planned_km, "Planned running"),
            (self.done_km, "Run"),
            (self.planned_lifts, "Planned strength sessions"),
            (self.done_lifts, "Done"),
            (self.skipped, "Planned sessions skipped"),
        ):
            legend.addItem(item, name)
        self.strength_plot.setLabel("left", "Strength sessions")
        self.form_curve = series_curve(name="Form (fitness − fatigue)", fillLevel=0)
        self.form_zero = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.form_plot.addItem(self.form_zero)
        self.form_plot.addItem(self.form_curve)
        legend.addItem(self.form_curve, self.form_curve.name())
        self.form_plot.setLabel("left", "Form")
        self.today_lines = [pg.InfiniteLine(angle=90, movable=False) for _ in self.plots]
        for plot, line in zip(self.plots, self.today_lines):
            plot.addItem(line, ignoreBounds=True)
        self.finish_toolbar()

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        return (source.version("tallies"), source.version("loads"), clock.today(), unit)

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        self.weekly = weekly = source.compliance()
        if weekly is None:
            self.show_message(
                "Plan your weeks (planned runs, a season of strength work: Calendar > Plan "
                "to a race) and log what you do: this page sets each week's plan against "
                "what was done, with your form beside it."
            )
            return
        distance = distance_unit_for(unit)
        factor = km_to(1.0, distance)
        x = weekly.x
        self.planned_km.setOpts(x=x - SLOT / 2, height=factor * weekly.planned_km, width=SLOT)
        self.done_km.setOpts(x=x + SLOT / 2, height=factor * weekly.done_km, width=SLOT)
        self.planned_lifts.setOpts(x=x - SLOT, height=weekly.planned_strength, width=SLOT)
        self.done_lifts.setOpts(x=x, height=weekly.done_strength, width=SLOT)
        self.skipped.setOpts(x=x + SLOT, height=weekly.skipped, width=SLOT)
        self.run_plot.setLabel(
            "left", f"Running ({distance.value})", color=self.theme.foreground.name()
        )
        today = clock.today()
        now = float(day_seconds([today])[0]) + DAY_S / 2
        for line in self.today_lines:
            line.setPos(now)
        load = source.load()
        form_note = ""
        if load is None:
            self.form_curve.setData(np.zeros(0), np.zeros(0))
        else:
            days = load.daily.x + DAY_S / 2
            self.form_curve.setData(days, load.form)
            form_note = f" Form today {load.form[-1]:+.0f} (fitness minus fatigue)."
        self.show_chart(float(x[0] - WEEK_S / 2), float(x[-1] + WEEK_S / 2))
        recent = weekly.recent(today)
        share = recent.share
        done_text = (
            f"{recent.done} of {recent.due} planned sessions done ({share:.0%})"
            if share is not None
            else "no planned session due yet"
        )
        self.note.setText(
            f"Last {recent.weeks} week{'s' if recent.weeks != 1 else ''} of the plan: "
            f"{done_text}; {format_number(km_to(recent.done_km, distance), 0)} of "
            f"{format_number(km_to(recent.planned_km, distance), 0)} {distance.value} "
            f"planned run.{form_note}"
        )

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        outline = 1.5
        self.planned_km.setOpts(
            brush=theme.colour("run", 60), pen=pg.mkPen(theme.colour("run"), width=outline)
        )
        self.done_km.setOpts(brush=theme.colour("run", 220), pen=None)
        self.planned_lifts.setOpts(
            brush=theme.colour("strength", 60),
            pen=pg.mkPen(theme.colour("strength"), width=outline),
        )
        self.done_lifts.setOpts(brush=theme.colour("strength", 220), pen=None)
        self.skipped.setOpts(brush=theme.colour("none", 200), pen=None)
        self.form_curve.setPen(pg.mkPen(theme.colour("form"), width=1.5))
        self.form_curve.setBrush(theme.colour("form", 70))
        self.form_zero.setPen(pg.mkPen(theme.muted, width=1))
        for line in self.today_lines:
            line.setPen(pg.mkPen(theme.foreground, width=1, style=Qt.PenStyle.DashLine))
