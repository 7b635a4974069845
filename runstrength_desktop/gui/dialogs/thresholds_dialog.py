"""The planner's thresholds, which the rules page says a runner may change: every number of
PlanSettings in one scrollable form, with the page's defaults a click away."""

from __future__ import annotations

import json
from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...planning import DEFAULT_SETTINGS, PlanSettings
from .. import settings_keys as keys


def label_for(name: str) -> str:
    text = name.replace("_", " ").replace("e1rm", "e1RM")
    for word, unit in (
        (" hours", " (h)"),
        (" days", " (days)"),
        (" minutes", " (min)"),
        (" seconds", " (s)"),
        (" weeks", " (weeks)"),
    ):
        if text.endswith(word):
            text = text[: -len(word)] + unit
    return text[0].upper() + text[1:]


class ThresholdsDialog(QDialog):
    def __init__(self, current: PlanSettings, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("thresholdsDialog")
        self.setWindowTitle("Planner thresholds")
        self.editors: dict[str, QSpinBox | QDoubleSpinBox] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        for field in fields(PlanSettings):
            if field.name == "unit":
                continue
            value = getattr(current, field.name)
            if isinstance(getattr(DEFAULT_SETTINGS, field.name), int):
                editor = QSpinBox(maximum=1000)
            else:
                editor = QDoubleSpinBox(maximum=1000.0, decimals=2, singleStep=0.05)
            editor.setObjectName(field.name)
            editor.setValue(value)
            editor.setToolTip(f"Default: {getattr(DEFAULT_SETTINGS, field.name)}")
            form.addRow(label_for(field.name), editor)
            self.editors[field.name] = editor
        scroll = QScrollArea()
        scroll.setWidget(form_widget)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(460, 600)  # fits a 1366x768 screen; the form scrolls

    def restore_defaults(self) -> None:
        for name, editor in self.editors.items():
            editor.setValue(getattr(DEFAULT_SETTINGS, name))

    def changes(self) -> dict:
        """Only what differs from the rules page, so a later default change still applies."""
        values = {}
        for name, editor in self.editors.items():
            value = editor.value()
            if value != getattr(DEFAULT_SETTINGS, name):
                values[name] = value
        return values


def edit_thresholds(context, parent=None) -> bool:
    dialog = ThresholdsDialog(context.planner.settings, parent)
    if not dialog.exec():
        return False
    context.settings.setValue(keys.PLANNER_THRESHOLDS, json.dumps(dialog.changes()))
    context.news.settings_changed("planner")
    return True
