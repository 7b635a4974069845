"""Muscles: working sets per week for each muscle group the seeds name, as a grid over time
(a cell per group and week: none, some, or the target met) and, for one week, the groups
ranked by how far they are from their target, with the target marked. A click on the grid
picks the week."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...analysis.muscles import GROUPS, TARGETS, WeeklyMuscles
from ...analysis.timeline import WEEK_S, seconds_day
from ...domain import WeightUnit
from ..progress_source import ProgressSource
from .page import ChartPage, empty_bars
from .theme import ChartTheme

RECENT_WEEKS = 12
# Cell values of the grid and their meaning (the colours come from the theme).
NOT_LIFTED, NONE, SOME, MET = 0, 1, 2, 3
SHORT = {"Hip abductors and adductors": "Abductors, adductors"}  # fits the axis
NAMES = [SHORT.get(group, group) for group in GROUPS]
AXIS_WIDTH = 150


def cell_values(weekly: WeeklyMuscles) -> np.ndarray:
    """(groups, weeks) of NOT_LIFTED, NONE, SOME or MET, the grid's image."""
    targets = np.array([TARGETS[group] for group in GROUPS])[:, None]
    cells = np.where(weekly.sets >= targets, MET, np.where(weekly.sets > 0, SOME, NONE))
    cells = np.where(weekly.lifted[None, :], cells, NOT_LIFTED)
    return cells.astype(np.uint8)  # rows are groups (y), columns weeks (x)


class MusclesChart(ChartPage):
    default_range = 182

    def __init__(self, parent=None) -> None:
        super().__init__("muscles", "Muscles", parent)
        self.weekly: WeeklyMuscles | None = None
        self.week: int | None = None  # the week ranked below the grid
        self.legend = self.add_legend(0, columns=4)
        self.grid_plot = self.add_plot(1)
        self.week_title = pg.LabelItem("", size="10pt", justify="left")
        self.chart.addItem(self.week_title, row=2, col=0)
        self.rank_plot = self.add_plot(3, date_axis=False, link=False)
        self.set_row_stretch(0, 3, 0, 3)
        self.grid_plot.getAxis("left").setTicks([[(i + 0.5, g) for i, g in enumerate(NAMES)]])
        self.grid_plot.getAxis("left").setWidth(AXIS_WIDTH)
        self.grid_plot.vb.invertY(True)
        self.grid_plot.vb.enableAutoRange(axis="y", enable=False)
        self.grid_plot.vb.setYRange(0, len(NAMES), padding=0)
        self.grid_plot.vb.setAutoVisible(y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.grid_plot.addItem(self.image)
        self.week_line = pg.InfiniteLine(angle=90, movable=False)
        self.grid_plot.addItem(self.week_line, ignoreBounds=True)
        self.samples = {value: empty_bars() for value in (NONE, SOME, MET)}
        for value, text in ((MET, "Target met"), (SOME, "Some, under target"), (NONE, "None")):
            self.legend.addItem(self.samples[value], text)
        self.rank_plot.getAxis("left").setWidth(AXIS_WIDTH + 50)  # "  4/6" after the name
        self.rank_plot.setMouseEnabled(x=False, y=False)
        self.rank_plot.vb.invertY(True)
        self.rank_plot.setLabel("bottom", "Working sets in the week")
        self.rank_bars = empty_bars()
        self.target_marks = pg.ScatterPlotItem(symbol="|", size=18, name="Target")
        self.rank_plot.addItem(self.rank_bars)
        self.rank_plot.addItem(self.target_marks)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.finish_toolbar()

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        return ("work", source.version("work"))

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        self.weekly = weekly = source.muscles()
        if weekly is None:
            self.week = None
            self.show_message(
                "Log strength sessions with their sets to see each week's working sets for "
                "the calves, glutes, hamstrings, quads, hips, core, upper back, shoulders "
                "and arms, against what a runner needs."
            )
            return
        start = float(weekly.x[0]) - WEEK_S / 2
        # Levels 0-4 over a table of 4 colours: each cell value picks its own colour.
        self.image.setImage(cell_values(weekly), autoLevels=False, levels=(0, 4))
        self.image.setRect(start, 0, weekly.weeks * WEEK_S, len(NAMES))
        self.show_chart(start, start + weekly.weeks * WEEK_S)
        lifted = np.flatnonzero(weekly.lifted)
        if self.week is None or self.week >= weekly.weeks or not weekly.lifted[self.week]:
            self.week = int(lifted[-1])
        self.show_week(self.week)
        self._write_note()

    def show_week(self, week: int) -> None:
        """Rank the groups of one week, fewest sets against the target first."""
        weekly = self.weekly
        if weekly is None:
            return  # nothing read yet
        self.week = week
        ranking = weekly.ranking(week)
        rows = np.arange(len(ranking), dtype=np.float64)
        sets = np.array([row[1] for row in ranking], dtype=np.float64)
        targets = np.array([row[2] for row in ranking], dtype=np.float64)
        colours = [
            self.theme.colour("met" if n >= t else "some" if n else "none", 220)
            for _g, n, t in ranking
        ]
        self.rank_bars.setOpts(
            x0=np.zeros(len(rows)), y=rows, height=0.7, width=sets, brushes=colours, pen=None
        )
        self.target_marks.setData(targets, rows)
        self.rank_plot.getAxis("left").setTicks(
            [
                [
                    (i, f"{SHORT.get(group, group)}  {n}/{t}")
                    for i, (group, n, t) in enumerate(ranking)
                ]
            ]
        )
        self.rank_plot.vb.setRange(
            xRange=(0, max(float(sets.max()), float(targets.max())) * 1.1 + 0.5),
            yRange=(-0.6, len(rows) - 0.4),
            padding=0,
        )
        monday = weekly.monday(week)
        self.week_title.setText(
            f"Week of {monday:%a} {monday.day} {monday:%b %Y}: working sets by muscle group, "
            "the target marked (click a week above to see it)",
            color=self.theme.foreground.name(),
        )
        self.week_line.setPos(float(weekly.x[week]))

    def _clicked(self, event) -> None:
        if self.weekly is None or not self.grid_plot.vb.sceneBoundingRect().contains(
            event.scenePos()
        ):
            return
        x = self.grid_plot.vb.mapSceneToView(event.scenePos()).x()
        week = self.weekly.week_of(seconds_day(x))
        if week is not None:
            self.show_week(week)

    def _write_note(self) -> None:
        weekly = self.weekly
        if weekly is None:
            return  # nothing read yet
        calves, lifted = weekly.weeks_on_target("Calves", RECENT_WEEKS)
        missing = int((weekly.lifted[-RECENT_WEEKS:] & (weekly.sets[0, -RECENT_WEEKS:] == 0)).sum())
        text = (
            f"Calves every week: {calves} of the last {lifted} weeks you lifted met the "
            f"target of {TARGETS['Calves']} sets"
        )
        if missing:
            text += f", {missing} had none"
        self.note.setText(text + ". A set counts for every group its exercise works.")

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        lut = np.array(
            [
                [0, 0, 0, 0],
                theme.colour("none", 200).getRgb(),
                theme.colour("some", 220).getRgb(),
                theme.colour("met", 230).getRgb(),
            ],
            dtype=np.uint8,
        )
        self.image.setLookupTable(lut)
        for value, name in ((NONE, "none"), (SOME, "some"), (MET, "met")):
            self.samples[value].setOpts(brush=theme.colour(name, 220), pen=None)
        self.week_line.setPen(pg.mkPen(theme.foreground, width=1.5, style=Qt.PenStyle.DashLine))
        self.target_marks.setPen(pg.mkPen(theme.foreground, width=2.5))
        self.target_marks.setBrush(None)
        if self.weekly is not None and self.week is not None:
            self.show_week(self.week)

    def range_text(self) -> str:
        text = super().range_text()
        if self.weekly is not None and self.week is not None:
            monday = self.weekly.monday(self.week)
            text += f"; ranked: week of {monday.day} {monday:%b %Y}"
        return text
