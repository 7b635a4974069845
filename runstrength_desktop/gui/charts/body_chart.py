"""Body weight: each logged weight and its 28-day mean, with a small entry to log the day's
weight (undoable with Edit > Undo, like every edit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDateEdit, QDoubleSpinBox, QLabel, QPushButton

from ... import clock
from ...analysis.body import BodyWeights
from ...domain import BodyWeight, WeightUnit
from ...domain.units import KG_PER_LB, format_weight, kg_to
from ...domain.validation import BODY_WEIGHT_KG, ValidationError, body_weight_errors
from ...store import StoreError
from ..progress_source import ProgressSource
from .page import ChartPage, series_curve
from .theme import ChartTheme

if TYPE_CHECKING:
    from ..context import AppContext


class LogBodyWeight(QUndoCommand):
    """Log a day's weight; undo puts back what that day had (nothing, or another weight).
    A write the logbook refuses changes nothing and is said on the bus (writeFailed)."""

    def __init__(self, context, day: dt.date, kg: float, before: float | None) -> None:
        super().__init__(f"Log body weight {day:%d %b %Y}")
        self.context, self.day, self.kg, self.before = context, day, kg, before

    def redo(self) -> None:
        self._guarded(lambda: self.context.repo.save_body_weight(BodyWeight(self.day, self.kg)))

    def undo(self) -> None:
        if self.before is None:
            self._guarded(lambda: self.context.repo.delete_body_weight(self.day))
        else:
            before = BodyWeight(self.day, self.before)
            self._guarded(lambda: self.context.repo.save_body_weight(before))

    def _guarded(self, write: Callable[[], None]) -> None:
        try:
            write()
        except (StoreError, ValidationError) as error:
            self.setObsolete(True)
            bus, message = self.context.bus, f"{self.text()}: not done ({error})."
            # Not from inside the stack's step (a message box there would let Undo in).
            QTimer.singleShot(0, bus, lambda: bus.writeFailed.emit(message))


def _to_kg(value: float, unit: WeightUnit) -> float:
    return value * KG_PER_LB if unit is WeightUnit.LB else value


class BodyWeightChart(ChartPage):
    default_range = 365

    def __init__(self, parent=None) -> None:
        super().__init__("body", "Body weight", parent)
        self.context: AppContext | None = None  # the tab hands the context and its undo

        self.undo: QUndoStack | None = None
        self.weights: BodyWeights | None = None
        self.day_edit = QDateEdit(objectName="bodyWeightDay", calendarPopup=True)
        self.day_edit.setDisplayFormat("d MMM yyyy")
        self.weight_edit = QDoubleSpinBox(objectName="bodyWeightValue", decimals=1)
        self.weight_edit.setSingleStep(0.1)
        self.weight_edit.setToolTip("Your body weight on that day")
        self.log_button = QPushButton("Log weight", objectName="logBodyWeight")
        self.log_button.clicked.connect(self.log_weight)
        self.weight_edit.lineEdit().returnPressed.connect(self.log_weight)
        for widget in (QLabel("Weight on"), self.day_edit, self.weight_edit, self.log_button):
            self.toolbar.addWidget(widget)
        self.legend = self.add_legend(0, columns=2)
        self.plot = self.add_plot(1)
        self.set_row_stretch(0, 1)
        self.points = pg.ScatterPlotItem(name="Logged weight", size=6)
        self.mean_curve = series_curve(name="28-day mean")
        for item in (self.points, self.mean_curve):
            self.plot.addItem(item)
            self.legend.addItem(item, item.name())
        self.finish_toolbar()
        self._set_unit(WeightUnit.KG)
        self._reset_day()

    def _reset_day(self) -> None:
        today = clock.today()
        self.day_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day_edit.setDate(QDate(today.year, today.month, today.day))

    def _set_unit(self, unit: WeightUnit) -> None:
        low, high = (kg_to(v, unit) for v in BODY_WEIGHT_KG)
        self.weight_edit.setRange(round(low, 1), round(high, 1))
        self.weight_edit.setSuffix(f" {unit.value}")

    def data_key(self, source: ProgressSource, unit: WeightUnit) -> tuple:
        return ("body", source.version("body"), unit)

    def show_data(self, source: ProgressSource, unit: WeightUnit) -> None:
        self._set_unit(unit)
        self.weights = weights = source.body_weights()
        if len(weights):
            self.weight_edit.setValue(kg_to(float(weights.kg[-1]), unit))
        else:
            self.weight_edit.setValue(kg_to(70.0, unit))
            self.show_message(
                "Log your body weight in the line above: it is drawn here with its 28-day "
                "mean, and Strength can show your e1RM relative to it."
            )
            return
        factor, x = kg_to(1.0, unit), weights.x
        self.points.setData(x, weights.kg * factor)
        self.mean_curve.setData(x, weights.mean_kg * factor)
        self.plot.setLabel(
            "left", f"Body weight ({unit.value})", color=self.theme.foreground.name()
        )
        self.show_chart(float(x[0]), float(x[-1]))
        self._write_note()

    def _write_note(self) -> None:
        weights, unit = self.weights, self.unit
        if weights is None:
            return  # nothing read yet
        last = weights.days[-1]
        text = f"Last logged {format_weight(float(weights.kg[-1]), unit)} on {last:%d %b %Y}"
        earlier = np.flatnonzero(np.array([(last - d).days >= 84 for d in weights.days]))
        if len(earlier):
            before = int(earlier[-1])
            change = float(weights.mean_kg[-1] - weights.mean_kg[before])
            text += (
                f"; the 28-day mean {'+' if change >= 0 else '-'}"
                f"{format_weight(abs(change), unit)} since {weights.days[before]:%d %b %Y}"
            )
        self.note.setText(text + f". {len(weights)} weights logged.")

    def log_weight(self) -> None:
        date = self.day_edit.date()
        day = dt.date(date.year(), date.month(), date.day())
        kg = round(_to_kg(self.weight_edit.value(), self.unit), 3)
        before = None
        if self.weights is not None and day in self.weights.days:
            before = float(self.weights.kg[self.weights.days.index(day)])
        if errors := body_weight_errors(BodyWeight(day, kg)):
            self.note.setText(f"Not logged: {errors[0]}")
            return
        if self.undo is not None:  # handed by the tab before the chart shows
            self.undo.push(LogBodyWeight(self.context, day, kg, before))

    def title_details(self) -> list[str]:
        return [self.unit.value]

    def apply_theme(self, theme: ChartTheme) -> None:
        super().apply_theme(theme)
        self.points.setBrush(theme.colour("body", 150))
        self.points.setPen(None)
        self.mean_curve.setPen(pg.mkPen(theme.colour("body"), width=2.5))
