"""The records of the exercise on the Strength chart, in a small table beside it: the
heaviest load for at least 1, 3, 5, 8 and 10 reps and the best e1RM, with their dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...analysis.records import Record
from ...domain import WeightUnit
from ...domain.units import format_weight

REP_TIP = "The heaviest load lifted for at least {reps} in one working set"
CELL_PADDING = 16  # the style's margins either side of a cell's text, and some air
E1RM_TIP = "The best estimated one-rep max (Epley, from a set of 1-10 reps): {set}"


class RecordsTable(QTableWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("recordsTable")
        self.setHorizontalHeaderLabels(["Record", "Load", "Date"])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self._fit()
        self.setToolTip("Personal records of the exercise on the chart")

    def _fit(self) -> None:
        """Columns as wide as their longest text will be, and the table exactly as wide as
        its columns and frame, so no scroll bar ever appears under three columns that fit:
        sized once (and again for a new font or style), not measured for each exercise."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)  # a stretched last section keeps 100 px at least
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        dates = [f"28 {dt.date(2026, month, 28):%b} 2026" for month in range(1, 13)]
        for column, texts in enumerate((["10 reps", "Record"], ["1000.0 lb", "Load"], dates)):
            width = max(metrics.horizontalAdvance(text) for text in texts) + CELL_PADDING
            self.setColumnWidth(column, width)
        columns = sum(self.columnWidth(column) for column in range(self.columnCount()))
        self.setFixedWidth(columns + 2 * self.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def show_records(self, records: list[Record], unit: WeightUnit, set_text) -> None:
        """Fill the rows in place: items are made once, their text changes (making items
        for each exercise picked cost a few milliseconds a switch)."""
        if self.rowCount() != len(records):
            self.setRowCount(len(records))
        # Each item's change would ask the view to repaint; one repaint at the end will do.
        model = self.model()
        model.blockSignals(True)
        try:
            self._fill(records, unit, set_text)
        finally:
            model.blockSignals(False)
        self.viewport().update()

    def _fill(self, records: list[Record], unit: WeightUnit, set_text) -> None:
        for row, record in enumerate(records):
            if record.reps is None:
                tip = E1RM_TIP.format(set=set_text(record.best_set, unit))
            else:
                tip = REP_TIP.format(reps=record.label)
            cells = (
                record.label,
                format_weight(record.kg, unit),
                f"{record.day.day} {record.day:%b %Y}",
            )
            for column, text in enumerate(cells):
                item = self.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    if column == 1:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    self.setItem(row, column, item)
                if item.text() != text:
                    item.setText(text)
                if item.toolTip() != tip:
                    item.setToolTip(tip)

    def texts(self) -> list[tuple[str, ...]]:
        return [
            tuple(item.text() if (item := self.item(row, column)) else "" for column in range(3))
            for row in range(self.rowCount())
        ]
