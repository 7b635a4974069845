"""What every progress section shares: a toolbar (range buttons, save), the chart or a
message saying what to log, and a line of notes under the chart.

A page builds its plots and items once; `show_data` only calls setData on them. A page says
which data it draws (`data_key`: the versions of the cached aggregates it reads, and the
unit); it is drawn again only when that key moved, or when marked stale (a preference
changed), and only when it is on screen."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...analysis.timeline import DAY_S, seconds_day
from ...domain import WeightUnit
from ..progress_source import ProgressSource
from .axis_cache import ValueAxis
from .date_axis import UtcDateAxis
from .export import SaveChartButton, export_chart
from .grid import TickGrid
from .note import NoteLabel
from .theme import ChartTheme, theme_for

LEFT_AXIS_WIDTH = 64
LEGEND_INDENT = LEFT_AXIS_WIDTH - 8  # legends start about where the plots do
RANGES = (("3 months", 91), ("6 months", 182), ("1 year", 365), ("All", None))


def day_text(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()


class RangeButtons(QWidget):
    """3 months / 6 months / 1 year / All; after a mouse zoom or pan no button is checked."""

    chosen = Signal(object)  # days, or None for everything

    def __init__(self, default: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.group = QButtonGroup(self)
        self.buttons: dict[int | None, QPushButton] = {}
        for text, days in RANGES:
            button = QPushButton(text, checkable=True)
            button.setObjectName(f"range{text.replace(' ', '')}")
            button.setChecked(days == default)
            button.clicked.connect(lambda _checked, d=days: self.chosen.emit(d))
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[days] = button

    def current(self) -> int | bool | None:
        """The checked span in days (None for All), or False when none is checked."""
        for days, button in self.buttons.items():
            if button.isChecked():
                return days
        return False

    def clear(self) -> None:
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)


class Bars(pg.BarGraphItem):
    """Bars whose height range counts only the bars in view, as curves do with
    setAutoVisible: pyqtgraph's own take every bar, so a peak years ago would flatten the
    weeks on screen."""

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        x, height = self.opts.get("x"), self.opts.get("height")
        if ax != 1 or orthoRange is None or x is None or height is None or not len(x):
            return super().dataBounds(ax, frac, orthoRange)
        x, height = np.asarray(x), np.asarray(height)
        y0 = self.opts.get("y0")
        bottom = np.zeros(len(x)) if y0 is None else np.asarray(y0) + np.zeros(len(x))
        half = (self.opts.get("width") or 0) / 2
        shown = (x + half >= orthoRange[0]) & (x - half <= orthoRange[1])
        if not shown.any():
            return None, None
        ends = np.concatenate((bottom[shown], bottom[shown] + height[shown]))
        return float(ends.min()), float(ends.max())


class _IgnoreActivation(QObject):
    """QGraphicsView tells its scene the window was activated whenever the view is shown or
    hidden (a tab switch), and every item then repaints for an active-window palette the
    charts do not use: the whole chart was painted twice each time the tab was shown."""

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        return event.type() in (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)


def series_curve(**options) -> pg.PlotDataItem:
    """A series' curve. Without pyqtgraph's dynamic range limit, which fills the curve again
    each time the y axis moves (it guards views zoomed far into a series; these fit the
    series), so an exercise or unit switch fills each curve once, not twice."""
    return pg.PlotDataItem(dynamicRangeLimit=None, **options)


def empty_bars() -> Bars:
    return Bars(x=np.zeros(0), height=np.zeros(0), width=1.0)


class ChartPage(QWidget):
    """Subclasses build plots in __init__ with add_plot, fill them in show_data and restyle
    them in apply_theme."""

    default_range: int | None = 365

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.title = name, title
        self.setObjectName(f"{name}Page")
        self.stale = True  # draw again when next shown, whatever the key says
        self.source: ProgressSource | None = None  # the tab's cache, as last shown
        self.drawn_key: tuple | None = None
        self._drawing = False
        self.plots: list[pg.PlotItem] = []  # on one time axis, the first one's
        self.other_plots: list[pg.PlotItem] = []
        self.legends: list[pg.LegendItem] = []
        self._columns: dict[pg.LegendItem, int] = {}  # each legend's columns when wide
        self._extent: tuple[float, float] | None = None  # x of the first and last data
        self.theme = theme_for(self.palette())
        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(8)
        self.range_buttons = RangeButtons(self.default_range)
        self.range_buttons.chosen.connect(self.apply_range)
        self.save_button = SaveChartButton(self.export_to, self.file_name, self._saved, self)
        self.save_button.setObjectName(f"{name}Save")
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setObjectName(f"{name}Chart")
        self.graphics.ci.setContentsMargins(4, 8, 12, 4)
        # A saved picture says what it shows; on screen the toolbar does, so the title row
        # is empty and flat until a save (export_to).
        self.title_label = pg.LabelItem("", size="11pt", justify="left")
        self.title_label.setMaximumHeight(0)
        self.graphics.ci.addItem(self.title_label, row=0, col=0)
        self.chart = self.graphics.ci.addLayout(row=1, col=0)
        self.chart.setContentsMargins(0, 0, 0, 0)
        self.unit = WeightUnit.KG
        self._quiet = _IgnoreActivation(self)
        self.graphics.scene().installEventFilter(self._quiet)
        self.graphics.installEventFilter(self)  # its width: the legends' columns
        self.empty = QLabel(
            objectName=f"{name}Empty", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter
        )
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.empty.setFont(font)
        self.empty.setMargin(40)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.graphics)
        self.stack.addWidget(self.empty)
        self.note = NoteLabel(self, objectName=f"{name}Note")
        self.graphics.setAccessibleName(f"{title} chart")
        self.body = QHBoxLayout()  # the chart, and beside it what a page adds (a table)
        self.body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.note.box)

    # -- building ----------------------------------------------------------------------------

    def add_plot(self, row: int, date_axis: bool = True, link: bool = True) -> pg.PlotItem:
        """A plot in the chart's row; plots share the first one's time axis unless not
        `link`ed (a plot of something else than days)."""
        axis = {
            "left": ValueAxis("left"),
            "bottom": UtcDateAxis() if date_axis else ValueAxis("bottom"),
        }
        # No context menus (the charts have their own Save button): pyqtgraph then builds no
        # view menu, a fifth of a plot's cost.
        plot = self.chart.addPlot(row=row, col=0, axisItems=axis, enableMenu=False)
        # pyqtgraph means to exempt a view's item group from telling the view its bounds
        # changed whenever the view's transform moves, but sets the flag under a misspelt
        # name (ViewBox.ChildGroup: "__inform_view_on_change"; GraphicsObject reads
        # "__inform_view_on_changes"), so each fit of the y axis moved the transform and
        # asked for a second fit of the same data (0.5-0.9 ms of every switch, unit change
        # or save). What that second fit did on purpose, follow a new time range (a pan, a
        # range button, a linked plot's), is asked for here instead.
        plot.vb.childGroup._GraphicsObject__inform_view_on_changes = False
        plot.vb.sigXRangeChanged.connect(lambda *_args, vb=plot.vb: vb.queueUpdateAutoRange())
        # pyqtgraph builds its "Plot Options" menu anyway, a parentless window with six
        # submenus that outlived the chart: every window opened left them behind, and every
        # palette or icon change of the application was sent to them. It goes with the chart
        # (its actions hold the plot's settings widgets, so it is not deleted here).
        plot.ctrlMenu.setParent(self.graphics, plot.ctrlMenu.windowFlags())
        plot.hideButtons()
        plot.grid = TickGrid(plot)
        plot.addItem(plot.grid, ignoreBounds=True)
        # Axes change only with the range or the size: kept as pixmaps, a repaint (the tab
        # shown again, a hover) does not draw their text again.
        for item in (plot.getAxis(name) for name in ("left", "bottom")):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # Zoom and pan along time only; the y axis follows what is in view.
        plot.setMouseEnabled(x=True, y=False)
        plot.vb.setAutoVisible(y=True)
        plot.vb.setDefaultPadding(0.04)
        # One width for every left axis, so linked plots put a date at the same place. No SI
        # prefix on any axis: "kg" stays kilograms (pyqtgraph would print 14 (x1000) for
        # 14,000 kg), and an axis asked for one sets its label's HTML again and measures it
        # on every range change: the date axis and the hidden top and right ones, 33 times
        # in a dozen exercise switches, for labels that are empty.
        plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        for name in ("left", "right", "top") + (("bottom",) if date_axis else ()):
            plot.getAxis(name).enableAutoSIPrefix(False)
        plot.vb.enableAutoRange(axis="y")
        if not link:
            self.other_plots.append(plot)
            return plot
        plot.vb.sigRangeChangedManually.connect(lambda *_: self.range_buttons.clear())
        if self.plots:
            plot.setXLink(self.plots[0])
        else:
            plot.vb.sigXRangeChanged.connect(self._view_moved)
        self.plots.append(plot)
        return plot

    def add_legend(self, row: int, columns: int) -> pg.LegendItem:
        """A legend on its own row above a plot, so it never hides the data."""
        legend = pg.LegendItem(colCount=columns, frame=False, labelTextSize="9pt", horSpacing=8)
        legend.setContentsMargins(LEGEND_INDENT, 0, 0, 0)
        self.chart.addItem(legend, row=row, col=0)
        self.chart.layout.setAlignment(legend, Qt.AlignmentFlag.AlignLeft)
        self.legends.append(legend)
        self._columns[legend] = columns
        return legend

    def fit_legend(self, legend: pg.LegendItem) -> None:
        """Keep a legend as wide as its entries (a layout cell would stretch it), in as
        many of its columns as the chart's width holds: a legend wider than the chart made
        the plot wider than its view, cut off on the right (Strength at 1024x600)."""
        before = legend.columnCount
        for columns in range(self._columns.get(legend, before), 0, -1):
            legend.setColumnCount(columns)
            width = legend.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize).width()
            if width + LEGEND_INDENT + 12 <= self.graphics.width():
                break
        if legend.columnCount != before:
            # The layouts keep their minimum widths until told: without this the chart
            # stays as wide as the legend's old rows.
            for item in (legend, self.chart, self.graphics.ci):
                item.updateGeometry()
            self.graphics.ci.setGeometry(self.graphics.range)
        width = legend.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize).width()
        legend.setMaximumWidth(width + LEGEND_INDENT)

    def set_row_stretch(self, *factors: int) -> None:
        for row, factor in enumerate(factors):
            self.chart.layout.setRowStretchFactor(row, factor)

    def finish_toolbar(self) -> None:
        """Range buttons and the save button end every toolbar, after the page's own tools."""
        self.toolbar.addWidget(self.range_buttons)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.save_button)
        self.apply_theme(theme_for(self.palette()))

    def accessible_name(self) -> str:
        return f"{self.title} chart"

    def file_name(self) -> str:
        """The name the save dialog suggests, without suffix."""
        return slug(f"runstrength {self.title}")

    def export_title(self) -> str:
        """What a saved chart says it is: the page, what it shows, the dates and the unit."""
        return " · ".join((self.title, *self.title_details(), self.range_text()))

    def title_details(self) -> list[str]:
        """The page's own words for the title (the exercise, the unit)."""
        return []

    def range_text(self) -> str:
        """The dates in view, as far as there is data."""
        if self._extent is None or not self.plots:
            return ""
        left, right = self.plots[0].vb.viewRange()[0]
        first, last = max(left, self._extent[0]), min(right, self._extent[1])
        return f"{day_text(seconds_day(first))} to {day_text(seconds_day(last))}"

    def export_to(self, path: Path) -> None:
        """Save the chart with its title row filled in for the picture, and flat again
        after; OSError when the file cannot be written."""
        title = self.export_title()
        self.title_label.setText(title, color=self.theme.foreground.name())
        self.title_label.setMaximumHeight(60)
        self.graphics.ci.layout.activate()
        try:
            export_chart(self.graphics.ci, path, title)
        finally:
            self.title_label.setText("")
            self.title_label.setMaximumHeight(0)
            self.graphics.ci.layout.activate()

    def _saved(self, path: Path) -> None:
        self.note.setText(f"Saved the chart to {path}")

    # -- showing -----------------------------------------------------------------------------

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:  # pragma: no cover
        """What the drawing depends on: equal keys draw the same chart."""
        raise NotImplementedError

    def needs_drawing(self, source: ProgressSource, unit: WeightUnit) -> bool:
        return (
            self.stale or self.source is not source or self.drawn_key != self.data_key(source, unit)
        )

    def update_page(self, source: ProgressSource, unit: WeightUnit) -> None:
        """Draw from the tab's cache (the tab calls this when the page is on screen)."""
        self.stale = False
        self.source, self.unit = source, unit
        # The range moves several times while a chart is shown (limits, then the range):
        # a page hears the final width once, not each step between.
        self._drawing = True
        try:
            self.show_data(source, unit)
        finally:
            self._drawing = False
        self.drawn_key = self.data_key(source, unit)
        self._view_moved()
        self.settle()

    def settle(self) -> None:
        """Fit the auto-ranged axes now rather than when the chart paints: pyqtgraph fits
        them at paint time, and the new range then asks for a second paint of the chart."""
        for plot in self.plots:
            plot.vb.prepareForPaint()

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:  # pragma: no cover
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)
        self.save_button.setEnabled(False)
        self.note.clear()

    def show_chart(self, first_x: float, last_x: float) -> None:
        """Show the plots over data from first_x to last_x, keeping the chosen range."""
        self.stack.setCurrentWidget(self.graphics)
        self.save_button.setEnabled(True)
        margin = 7 * DAY_S
        self._extent = (first_x, last_x)
        for plot in self.plots:
            plot.vb.setLimits(xMin=first_x - margin, xMax=last_x + margin, minXRange=14 * DAY_S)
        chosen = self.range_buttons.current()
        if chosen is not False:
            self.apply_range(chosen)

    def days_to_show(self, first_x: float, last_x: float) -> float:
        """How many days wide the view is about to be, for data from first_x to last_x: the
        range button's, or the view's own after a zoom or pan by hand."""
        chosen = self.range_buttons.current()
        data_days = (last_x - first_x) / DAY_S + 7
        if chosen is False or not self.plots:
            left, right = self.plots[0].vb.viewRange()[0] if self.plots else (0, 0)
            return (right - left) / DAY_S
        return data_days if chosen is None else min(chosen, data_days)

    def _view_moved(self, *_args) -> None:
        if self._drawing or not self.plots:
            return
        if self.stack.currentWidget() is self.graphics and self.source is not None:
            left, right = self.plots[0].vb.viewRange()[0]
            self.view_width_changed((right - left) / DAY_S)

    def view_width_changed(self, days: float) -> None:
        """The view was zoomed to `days` wide: a page that draws a long view otherwise
        (aggregates instead of each session or day) switches here."""

    def apply_range(self, days: int | None) -> None:
        """The last `days` before the newest data, or everything for None."""
        if self._extent is None or not self.plots:
            return
        first, last = self._extent
        right = last + 3 * DAY_S
        left = first - 3 * DAY_S if days is None else max(first - 3 * DAY_S, right - days * DAY_S)
        self.plots[0].vb.setXRange(left, right, padding=0)
        for plot in self.plots:
            plot.vb.enableAutoRange(axis="y")
        self.settle()

    # -- colours -----------------------------------------------------------------------------

    def apply_theme(self, theme: ChartTheme) -> None:
        self.graphics.setBackground(theme.background)
        for plot in self.plots + self.other_plots:
            plot.grid.set_colour(theme.foreground)
            for name in ("left", "bottom", "right", "top"):
                axis = plot.getAxis(name)
                axis.setPen(theme.muted)
                axis.setTextPen(theme.foreground)
                if axis.labelText:
                    axis.setLabel(axis.labelText, color=theme.foreground.name())
        for legend in self.legends:
            legend.setLabelTextColor(theme.foreground)
            for _sample, label in legend.items:  # setLabelTextColor does not redraw them
                label.setText(label.text, color=theme.foreground)
            self.fit_legend(legend)
        self.theme = theme

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.graphics and event.type() == QEvent.Type.Resize:
            for legend in self.legends:
                self.fit_legend(legend)
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_theme(theme_for(self.palette()))
        super().changeEvent(event)
