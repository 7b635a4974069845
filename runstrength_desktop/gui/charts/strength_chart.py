"""Strength: one exercise's estimated one-rep max and best-set load with its personal records
and its current e1RM (the best of the last 8 weeks, a trend that light days do not pull
down), or its volume; its records in a table beside the chart.

A view of up to about a year and a quarter draws every session; wider views draw the best of
each week, month or quarter (analysis.strength.period_series), so ten or thirty years stay
a readable line of a few hundred points, and zooming in brings the sessions back."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter

from ...analysis.records import exercise_records
from ...analysis.strength import (
    ExerciseProgress,
    LiftedSet,
    PeriodSeries,
    finite_points,
    level_for_span,
    period_series,
)
from ...domain import WeightUnit
from ...domain.units import format_number, format_weight, kg_to
from ..progress_source import ProgressSource
from .page import ChartPage, series_curve, slug
from .records_table import RecordsTable
from .theme import ChartTheme

HOVER_PIXELS = 24  # how near the pointer must come to a point to describe it
POINTS = {  # the legend of the e1RM points and the volume at each level
    "session": ("e1RM per session", "Volume per session"),
    "week": ("Best e1RM of each week", "Volume of the week's biggest session"),
    "month": ("Best e1RM of each month", "Volume of the month's biggest session"),
    "quarter": ("Best e1RM of each quarter", "Volume of the quarter's biggest session"),
}


def day_text(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def period_text(start: dt.date, level: str) -> str:
    if level == "week":
        return f"Week of {day_text(start)}"
    if level == "month":
        return f"{start:%B %Y}"
    if level == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return day_text(start)


def set_text(entry: LiftedSet, unit: WeightUnit) -> str:
    amount = (
        f"{entry.reps} reps"
        if entry.reps is not None
        else (f"{format_number(entry.seconds or 0)} s")
    )
    if entry.weight_kg:
        return f"{format_weight(entry.weight_kg, unit)} x {amount.replace(' reps', '')}"
    return amount


class StrengthChart(ChartPage):
    default_range = None  # years of progress is the point; the buttons zoom in

    def __init__(self, parent=None) -> None:
        super().__init__("strength", "Strength", parent)
        self.exercise: str | None = None  # the runner's pick; None follows the default
        self.progress: ExerciseProgress | None = None
        self._share = 0.0  # of the body weight the shown exercise's loads include
        self._body_missing = False  # bodyweight work, and no body weight logged to count
        self.series: PeriodSeries | None = None  # what is drawn, at the view's level
        self._levels: dict[int, tuple[ExerciseProgress, dict[str, PeriodSeries]]] = {}
        self._filling = False
        self._drawn_mode: bool | None = None  # volume or not, as last filled
        self._axis_label: tuple[str, str] | None = None
        self._held: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # item -> points it holds
        self.picker = QComboBox(objectName="exercisePicker", editable=True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # 16 characters hold most names whole; the toolbar's width is the Progress tab's
        # smallest (tests/gui/test_window_sizes.py: it fits a 1024-px window).
        self.picker.setMinimumContentsLength(16)
        self.picker.setToolTip("Type to search the exercises you have logged")
        if completer := self.picker.completer():  # an editable box has one
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.picker.currentIndexChanged.connect(self._picked)
        self.volume_toggle = QCheckBox("Volume", objectName="volumeToggle")
        self.volume_toggle.setToolTip(
            "Load x reps of the working sets of each session (the best session of each week, "
            "month or quarter in a long view) instead of e1RM and load"
        )
        self.volume_toggle.toggled.connect(self._mode_changed)
        self.relative_toggle = QCheckBox("÷ body weight", objectName="relativeToggle")
        self.relative_toggle.setToolTip(
            "e1RM and load as multiples of your body weight on the day (Body weight section)"
        )
        self.relative_toggle.toggled.connect(self._relative_changed)
        # No "Exercise" label before it: the box shows an exercise's name, says "Exercise"
        # when empty, and the room keeps the toolbar within a 1024-px window.
        self.picker.setAccessibleName("Exercise")
        if editor := self.picker.lineEdit():
            editor.setPlaceholderText("Exercise")
        self.toolbar.addWidget(self.picker)
        self.toolbar.addWidget(self.volume_toggle)
        self.toolbar.addWidget(self.relative_toggle)
        self.records = RecordsTable()
        self.body.addWidget(self.records)

        self.legend = self.add_legend(0, columns=4)
        self.plot = self.add_plot(1)
        self.set_row_stretch(0, 1)
        self.e1rm_curve = series_curve(name=POINTS["session"][0], symbol="o", symbolSize=5)
        self.load_curve = series_curve(name="Best set load", symbol="s", symbolSize=4)
        self.trend_curve = series_curve(name="Current e1RM (best of 8 weeks)")
        self.pr_markers = pg.ScatterPlotItem(name="Personal record (e1RM)", symbol="star", size=15)
        self.volume_curve = series_curve(
            name=POINTS["session"][1], symbol="o", symbolSize=4, fillLevel=0
        )
        for item in (
            self.trend_curve,
            self.load_curve,
            self.e1rm_curve,
            self.pr_markers,
            self.volume_curve,
        ):
            self.plot.addItem(item)
        self.highlight = pg.ScatterPlotItem(size=13, symbol="o")
        self.hover = pg.TextItem(anchor=(0, 1))
        for item in (self.highlight, self.hover):
            self.plot.addItem(item, ignoreBounds=True)
            item.hide()
        self.plot.scene().sigMouseMoved.connect(self.hover_at)
        self.finish_toolbar()
        self._mode_changed(False)

    # -- data --------------------------------------------------------------------------------

    def shown_exercise(self, source: ProgressSource) -> str | None:
        """The runner's pick while the logbook has it, else the default."""
        return self.exercise if self.exercise in source.exercises() else source.default_exercise()

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        name = self.shown_exercise(source)
        return (
            source.version("exercises"),
            name,
            source.version(("lifts", name)),
            unit,
            # Relative strength, and bodyweight work's loads, follow the body weights.
            source.version("body")
            if self.relative_toggle.isChecked() or (name and source.moves_the_body(name))
            else None,
        )

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        self.unit = unit
        self._fill_picker(source.exercises())
        name = self.shown_exercise(source)
        self.hover.hide()
        self.highlight.hide()
        if name is None:
            self.progress = self.series = None
            self.records.setRowCount(0)
            self.show_message(
                "Log a strength session with a loaded lift (for example Back "
                "squat, 3 x 5 at 60 kg) to see your estimated one-rep max, best "
                "loads and personal records here."
            )
            return
        self._select_in_picker(name)
        progress = absolute = source.progress(name)
        self._share = source.body_share(name)
        self._body_missing = not source.has_body_weights() and source.moves_the_body(name)
        weighed = source.has_body_weights()
        self.relative_toggle.setEnabled(weighed)
        if self.relative_toggle.isChecked() and weighed:
            progress = source.relative_progress(name)
        if progress is not self.progress:
            self.progress = progress
            if len(self._levels) > 64:  # old series of exercises patched since
                self._levels.clear()
        self.records.show_records(exercise_records(absolute), unit, set_text)
        self.records.setToolTip(
            "Personal records of the exercise on the chart"
            + (f"; its loads include {self._share:.0%} of your body weight" if self._share else "")
        )
        if not progress.has_load:
            self.series = None
            body = " or log your body weight (Body weight)," if self._body_missing else ""
            self.show_message(
                f"{name} has no logged load, so there is no one-rep max to "
                f"estimate. Log it with a weight,{body} or pick a loaded lift."
            )
            return
        x = progress.x
        self._draw_level(level_for_span(self.days_to_show(float(x[0]), float(x[-1]))))
        factor = self._factor()
        self._fill(self.pr_markers, x[progress.is_pr], progress.e1rm_kg[progress.is_pr] * factor)
        self._label_axis()
        self.show_chart(float(x[0]), float(x[-1]))
        self._write_note()

    def _level(self, level: str) -> PeriodSeries:
        """The shown exercise at a level, kept with its progress (switching back to an
        exercise seen before costs nothing to work out)."""
        progress = self.progress
        if progress is None:
            raise ValueError("no exercise is shown")  # callers read one first
        levels = self._levels.setdefault(id(progress), (progress, {}))[1]
        if level not in levels:
            levels[level] = period_series(progress, level)
        return levels[level]

    def _draw_level(self, level: str) -> None:
        """setData on the curves of the mode on screen (the others when the mode changes:
        hidden items are not worth filling), and the legend's words for the level."""
        self.series = series = self._level(level)
        factor = self._factor()
        # Sessions of years, zoomed to months: draw only what is in view. A level of
        # periods is a few hundred points, cheaper drawn whole than clipped on every pan.
        for curve in (self.trend_curve, self.load_curve, self.e1rm_curve, self.volume_curve):
            if curve.opts["clipToView"] != (level == "session"):  # each call redraws it
                curve.setClipToView(level == "session")
        if self.volume_toggle.isChecked():
            self._fill(self.volume_curve, series.x, series.volume_kg * factor)
        else:
            self._fill(self.e1rm_curve, *finite_points(series.x, series.e1rm_kg * factor))
            self._fill(self.load_curve, *finite_points(series.x, series.best_load_kg * factor))
            self._fill(self.trend_curve, *finite_points(series.x, series.current_e1rm_kg * factor))
        self._drawn_mode = self.volume_toggle.isChecked()
        changed = False
        for sample, label in self.legend.items:
            text = self._legend_name(sample.item)
            if label.text != text:
                label.setText(text, color=self.theme.foreground)
                changed = True
        if changed:
            self.fit_legend(self.legend)

    def _fill(self, item, x: np.ndarray, y: np.ndarray) -> None:
        """setData, unless the item holds these points already: a save often leaves the
        loads, the trend or the records as they were (and a month's best), and each setData
        costs its item's bounds and the axis's fit again."""
        held = self._held.get(id(item))
        if held is not None and np.array_equal(held[0], x) and np.array_equal(held[1], y):
            return
        item.setData(x, y)
        self._held[id(item)] = (x, y)

    def _legend_name(self, item) -> str:
        level = self.series.level if self.series is not None else "session"
        if item is self.e1rm_curve:
            return POINTS[level][0]
        if item is self.volume_curve:
            return POINTS[level][1]
        return item.name()

    def view_width_changed(self, days: float) -> None:
        """A zoom or a range button: draw the level that suits the new width."""
        if self.series is None:
            return
        level = level_for_span(days)
        if level != self.series.level:
            self.hover.hide()
            self.highlight.hide()
            self._draw_level(level)
            self._write_note()

    def accessible_name(self) -> str:
        what = "volume" if self.volume_toggle.isChecked() else "estimated one-rep max"
        return f"Strength chart: {self.picker.currentText()}, {what}"

    def file_name(self) -> str:
        what = "volume" if self.volume_toggle.isChecked() else "e1rm"
        return slug(f"runstrength {self.picker.currentText()} {what}")

    def title_details(self) -> list[str]:
        what = "volume" if self.volume_toggle.isChecked() else "e1RM and best set load"
        return [self.picker.currentText(), f"{what} ({self.unit.value})"]

    def _fill_picker(self, names: list[str]) -> None:
        current = [self.picker.itemText(i) for i in range(self.picker.count())]
        if current != names:
            self._filling = True
            self.picker.clear()
            self.picker.addItems(names)
            self._filling = False

    def _select_in_picker(self, name: str) -> None:
        self._filling = True
        self.picker.setCurrentIndex(self.picker.findText(name))
        self._filling = False

    def _picked(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.exercise = self.picker.itemText(index)
        if self.source is not None:
            self.update_page(self.source, self.unit)

    def _mode_changed(self, volume: bool) -> None:
        for item in (self.e1rm_curve, self.load_curve, self.pr_markers, self.trend_curve):
            item.setVisible(not volume)
        self.volume_curve.setVisible(volume)
        self.legend.clear()
        shown = (
            [self.volume_curve]
            if volume
            else [self.e1rm_curve, self.load_curve, self.trend_curve, self.pr_markers]
        )
        for item in shown:
            self.legend.addItem(item, self._legend_name(item))
        self.legend.setMaximumWidth(10_000)
        self.fit_legend(self.legend)
        self.hover.hide()
        self.highlight.hide()
        if self.series is not None and self._drawn_mode != volume:
            self._draw_level(self.series.level)
        self._label_axis()
        self._write_note()
        # The other series is on another scale: fit the axis to what is now drawn (asked
        # for: pyqtgraph fits for new data or a new range, not for items shown or hidden).
        for plot in self.plots:
            plot.vb.enableAutoRange(axis="y")
            plot.vb.queueUpdateAutoRange()
        self.settle()

    @property
    def relative(self) -> bool:
        """e1RM and load drawn as multiples of body weight."""
        return self.relative_toggle.isChecked() and not self.volume_toggle.isChecked()

    def _factor(self) -> float:
        """Kilograms to what is drawn: the unit, or 1 for multiples of body weight."""
        return 1.0 if self.relative else kg_to(1.0, self.unit)

    def _value_text(self, kg: float) -> str:
        if self.relative:
            return f"{format_number(float(kg), 2)} x body weight"
        return format_weight(kg, self.unit)

    def _relative_changed(self, _checked: bool) -> None:
        if self.source is not None:
            self.update_page(self.source, self.unit)

    def _label_axis(self) -> None:
        what = "Volume" if self.volume_toggle.isChecked() else "e1RM and load"
        unit = "x body weight" if self.relative else self.unit.value
        label = (f"{what} ({unit})", self.theme.foreground.name())
        if label != self._axis_label:  # a label is HTML laid out again each time it is set
            self._axis_label = label
            self.plot.setLabel("left", label[0], color=label[1])

    def _write_note(self) -> None:
        progress = self.progress
        if progress is None or not progress.has_load or self.series is None:
            return
        parts = [progress.exercise, f"{len(progress)} sessions"]
        if self.volume_toggle.isChecked():
            best = int(np.argmax(progress.volume_kg))
            volume = kg_to(float(progress.volume_kg[best]), self.unit)
            parts.append(
                f"most volume {volume:,.0f} {self.unit.value} on {day_text(progress.days[best])}"
            )
        elif np.isfinite(progress.e1rm_kg).any():
            best = int(np.nanargmax(progress.e1rm_kg))
            parts.append(
                f"best e1RM {self._value_text(progress.e1rm_kg[best])} on "
                f"{day_text(progress.days[best])}"
            )
            records = int(progress.is_pr.sum())
            parts.append(f"{records} personal record{'s' if records != 1 else ''} (stars)")
        else:
            parts.append("no set of 1-10 reps, so only the best load is drawn")
        if self.series.level != "session":
            parts.append(f"{self.series.level}ly bests; zoom in for each session")
        if self._share:
            parts.append(f"loads include {self._share:.0%} of your body weight")
        elif self._body_missing:
            parts.append("added load only: log your body weight to count it")
        self.note.setText("  ·  ".join(parts))

    # -- hover -------------------------------------------------------------------------------

    def _shown_points(self) -> tuple[np.ndarray, np.ndarray]:
        """Every point as drawn: volume, else e1RM (best load without one)."""
        series, factor = self.series, kg_to(1.0, self.unit)
        if series is None:
            return np.zeros(0), np.zeros(0)  # no exercise shown: no points
        if self.volume_toggle.isChecked():
            return series.x, series.volume_kg * factor
        y = np.where(np.isfinite(series.e1rm_kg), series.e1rm_kg, series.best_load_kg)
        return series.x, y * factor

    def hover_at(self, scene_pos: QPointF) -> int | None:
        """Describe the point nearest the pointer (the session or the period, its best set
        and e1RM); its index in the drawn series."""
        vb = self.plot.vb
        if (
            self.series is None
            or not len(self.series)
            or not vb.sceneBoundingRect().contains(scene_pos)
        ):
            self.hover.hide()
            self.highlight.hide()
            return None
        x, y = self._shown_points()
        pointer = vb.mapSceneToView(scene_pos)
        width, height = vb.viewPixelSize()
        with np.errstate(invalid="ignore"):
            distance = np.hypot((x - pointer.x()) / width, (y - pointer.y()) / height)
        distance = np.where(np.isfinite(distance), distance, np.inf)
        index = int(np.argmin(distance))
        if distance[index] > HOVER_PIXELS:
            self.hover.hide()
            self.highlight.hide()
            return None
        self.hover.setHtml(self._describe(index))
        (left, right), (bottom, top) = vb.viewRange()
        self.hover.setAnchor(
            (1 if x[index] > (left + right) / 2 else 0, 0 if y[index] > (bottom + top) / 2 else 1)
        )
        self.hover.setPos(float(x[index]), float(y[index]))
        self.highlight.setData([x[index]], [y[index]])
        self.hover.show()
        self.highlight.show()
        return index

    def _describe(self, index: int) -> str:
        progress, series, unit = self.progress, self.series, self.unit
        if progress is None or series is None:
            return ""
        session = int(series.sessions[index])

        best = set_text(progress.best_set(session), unit)
        if self._share:
            best += f" ({self._share:.0%} of the body weight included)"
        lines = [f"<b>{period_text(series.starts[index], series.level)}</b>"]
        if series.level == "session":
            lines.append(f"Best set: {best}")
        else:
            lines.append(f"Best set: {best} on {day_text(progress.days[session])}")
        e1rm = series.e1rm_kg[index]
        lines.append(
            f"e1RM: {self._value_text(e1rm)}"
            if np.isfinite(e1rm)
            else "e1RM: none (no set of 1-10 reps)"
        )
        current = series.current_e1rm_kg[index]
        if np.isfinite(current) and not self.volume_toggle.isChecked():
            lines.append(f"Current e1RM (8 weeks): {self._value_text(current)}")
        if self.volume_toggle.isChecked():
            lines.append(f"Volume: {kg_to(series.volume_kg[index], unit):,.0f} {unit.value}")
        if series.level == "session" and progress.is_pr[session]:
            lines.append("★ Personal record")
        colour = self.theme.foreground.name()
        return f'<div style="color: {colour}">' + "<br>".join(lines) + "</div>"

    # -- colours -----------------------------------------------------------------------------

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        e1rm, load, volume = theme.colour("e1rm"), theme.colour("load"), theme.colour("volume")
        self.e1rm_curve.setPen(pg.mkPen(e1rm, width=2))
        self.e1rm_curve.setSymbolBrush(e1rm)
        self.e1rm_curve.setSymbolPen(e1rm)
        self.load_curve.setPen(pg.mkPen(load, width=1.5, style=Qt.PenStyle.DashLine))
        self.load_curve.setSymbolBrush(load)
        self.load_curve.setSymbolPen(load)
        self.trend_curve.setPen(pg.mkPen(theme.colour("trend"), width=3))
        self.pr_markers.setBrush(theme.colour("pr"))
        self.pr_markers.setPen(pg.mkPen(theme.foreground, width=0.8))
        self.volume_curve.setPen(pg.mkPen(volume, width=2))
        self.volume_curve.setBrush(theme.colour("volume", 60))
        self.volume_curve.setSymbolBrush(volume)
        self.volume_curve.setSymbolPen(volume)
        self.highlight.setPen(pg.mkPen(theme.colour("highlight"), width=2))
        self.highlight.setBrush(None)
        self.hover.fill = pg.mkBrush(theme.tooltip_fill)
        self.hover.border = pg.mkPen(theme.muted)
        self.hover.update()
        self._label_axis()
