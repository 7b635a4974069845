"""Under the sets: the plates for the load in focus (bar, then each side's plates, heaviest
first), in the runner's unit, from the bar and plates they own (kept in QSettings; "Plates…"
changes them). The arithmetic is domain/plates.py."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain import WeightUnit
from ...domain.plates import (
    DEFAULT_BAR,
    DEFAULT_PLATES,
    describe,
    format_plates,
    parse_plates,
    plates_for,
)
from ...domain.units import shown_weight
from .. import settings_keys as keys
from ..theme import colour_text, follow_palette


def owned(settings: QSettings, unit: WeightUnit) -> tuple[float, dict[float, int]]:
    """The bar and plates kept for `unit` (the defaults when none, or unreadable)."""
    try:
        bar = float(str(settings.value(keys.BAR_WEIGHT[unit.value], DEFAULT_BAR[unit])))
        plates = parse_plates(
            str(settings.value(keys.PLATES_OWNED[unit.value], DEFAULT_PLATES[unit]))
        )
    except (TypeError, ValueError):
        return DEFAULT_BAR[unit], parse_plates(DEFAULT_PLATES[unit])
    return bar, plates


class PlateCalculator(QWidget):
    def __init__(self, settings: QSettings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.unit = WeightUnit.KG
        self.kg: float | None = None
        self.text = QLabel(objectName="plateText", wordWrap=True)
        self.text.setToolTip("Plates for the load of the set in focus")
        self.change = QPushButton("Plates…", objectName="plateSettings")
        self.change.setToolTip("The bar and the plates you own")
        self.change.clicked.connect(self.ask_plates)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Plates</b>"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.change)
        self.show_load(None, self.unit)

    def show_load(self, kg: float | None, unit: WeightUnit) -> None:
        self.kg, self.unit = kg, unit
        if not kg:
            self.text.setText("Pick a set with a load to see the plates for it.")
            return
        bar, plates = owned(self.settings, unit)
        self.text.setText(describe(plates_for(shown_weight(kg, unit), bar, plates), unit))

    def ask_plates(self) -> QDialog:
        dialog = PlatesDialog(self.settings, self.unit, self)
        dialog.accepted.connect(lambda: self.show_load(self.kg, self.unit))
        dialog.open()
        return dialog


class PlatesDialog(QDialog):
    """The bar and the plates the runner owns, in the unit in use."""

    def __init__(self, settings: QSettings, unit: WeightUnit, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("platesDialog")
        self.setWindowTitle("Your bar and plates")
        self.settings, self.unit = settings, unit
        bar, plates = owned(settings, unit)
        self.bar = QLineEdit(f"{bar:g}", objectName="barWeight")
        self.plates = QLineEdit(format_plates(plates), objectName="platesOwned")
        self.plates.setMinimumWidth(320)
        self.plates.setToolTip("Each size and how many plates of it you own: 20 x4, 10 x2, 1.25")
        self.problem = QLabel(objectName="platesProblem", wordWrap=True)
        follow_palette(self.problem, colour_text("error"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(f"Bar ({unit.value})", self.bar)
        form.addRow(f"Plates ({unit.value})", self.plates)
        form.addRow(self.problem)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            bar = float(self.bar.text().strip().replace(",", "."))
            if not 0 <= bar <= 100:
                raise ValueError(f"Bar: {self.bar.text()[:20]!r} must be from 0 to 100")
            plates = parse_plates(self.plates.text())
        except ValueError as error:
            message = str(error)
            self.problem.setText(
                message if message.startswith(("Bar", "Plates")) else f"Bar: {message}"
            )
            return
        self.settings.setValue(keys.BAR_WEIGHT[self.unit.value], f"{bar:g}")
        self.settings.setValue(keys.PLATES_OWNED[self.unit.value], format_plates(plates))
        super().accept()
