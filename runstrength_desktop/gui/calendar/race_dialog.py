"""A small form for a race: its name and distance on the chosen day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from ...domain import Race, WeightUnit
from ...domain.cell_parsing import CellError, parse_number
from ...domain.units import distance_unit_for, to_km
from ...domain.validation import race_errors
from ..theme import colour_text, follow_palette


class RaceDialog(QDialog):
    def __init__(self, day: dt.date, unit: WeightUnit, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("raceDialog")
        self.setWindowTitle(f"Race on {day:%a %d %b %Y}")
        self.day, self.unit = day, unit
        self.name = QLineEdit(objectName="raceName", placeholderText="City half marathon")
        self.distance = QLineEdit(objectName="raceDistance", placeholderText="21.1")
        self.problem = QLabel(objectName="raceProblem")
        follow_palette(self.problem, colour_text("error"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow(f"Distance ({distance_unit_for(unit).value})", self.distance)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.race: Race | None = None

    def accept(self) -> None:
        """Close only with a valid race; otherwise say what is wrong and stay open."""
        try:
            value = parse_number(self.distance.text(), "Distance")
        except CellError as error:
            self.problem.setText(str(error))
            return
        km = None if value is None else to_km(value, distance_unit_for(self.unit))
        race = Race(self.day, self.name.text().strip(), km)
        if errors := race_errors(race):
            self.problem.setText("; ".join(str(e) for e in errors))
            return
        self.race = race
        super().accept()
