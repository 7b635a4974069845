"""A few sets of an export without units, read as kilograms and as pounds side by side, the
chosen reading in bold: a 135 lb bench press read as 135 kg is plain to see here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...domain import WeightUnit
from ...domain.units import format_number, kg_to, to_kg
from ...interchange.unit_guess import Sample

HEADERS = ("Set in the file", "Read as kilograms", "Read as pounds")


def reading(value: float, unit: WeightUnit) -> str:
    """'135 lb (61.2 kg)': the number as that unit, and what it is in the other."""
    kilograms = to_kg(value, unit)
    other = WeightUnit.LB if unit is WeightUnit.KG else WeightUnit.KG
    return (
        f"{format_number(value, 2)} {unit.value} "
        f"({format_number(kg_to(kilograms, other), 1)} {other.value})"
    )


class UnitSamples(QTableWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("importUnitSamples")
        self.setHorizontalHeaderLabels(HEADERS)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_samples(self, samples: tuple[Sample, ...], chosen: WeightUnit) -> None:
        self.setRowCount(len(samples))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, sample in enumerate(samples):
            reps = f"{sample.reps} × " if sample.reps else ""
            cells = (
                f"{sample.exercise}: {reps}{format_number(sample.value, 2)}",
                reading(sample.value, WeightUnit.KG),
                reading(sample.value, WeightUnit.LB),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == (1 if chosen is WeightUnit.KG else 2):
                    item.setFont(bold)
                self.setItem(row, column, item)
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth())
        self.setVisible(bool(samples))
