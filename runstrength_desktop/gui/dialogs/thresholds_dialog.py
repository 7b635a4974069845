"""The planner's settings: the runner's profile (training for a race or not, new to lifting
or not, sessions a week wanted), which changes which rules apply and their defaults, and
every threshold of PlanSettings in one scrollable form, with the defaults a click away."""

from __future__ import annotations

import json
from dataclasses import fields

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...planning import PlanSettings, RunnerProfile
from .. import settings_keys as keys
from ..widgets.fit import resize_within

NOT_THRESHOLDS = ("unit", "profile")


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
        self.setWindowTitle("Planner settings")
        profile = current.profile
        self.race = QCheckBox("Training for a race", objectName="profileRace")
        self.race.setChecked(profile.race)
        self.race.setToolTip(
            "Off: a base or maintenance phase, when the timing of lifts around the runs "
            "matters less (003)"
        )
        self.new = QCheckBox("New to lifting", objectName="profileNew")
        self.new.setChecked(profile.new_to_lifting)
        self.new.setToolTip(
            "The first 4 weeks build up from bodyweight and are not judged as too light (003, 004)"
        )
        self.sessions = QSpinBox(objectName="profileSessions", minimum=1, maximum=4)
        self.sessions.setValue(profile.sessions_per_week)
        self.sessions.setToolTip(
            "What Plan this week places; 1 is allowed, 4 short ones are 002's mini sessions"
        )
        runner = QGroupBox("The runner")
        runner_form = QFormLayout(runner)
        runner_form.addRow(self.race)
        runner_form.addRow(self.new)
        runner_form.addRow("Strength sessions a week", self.sessions)
        hint = QLabel("The thresholds start from the runner's defaults (docs/planning-rules.md).")
        hint.setWordWrap(True)
        hint.setEnabled(False)

        self.editors: dict[str, QSpinBox | QDoubleSpinBox] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        defaults = current.defaults()
        for field in fields(PlanSettings):
            if field.name in NOT_THRESHOLDS:
                continue
            value = getattr(current, field.name)
            editor: QSpinBox | QDoubleSpinBox
            if isinstance(getattr(defaults, field.name), int):
                editor = QSpinBox(maximum=1000)
            else:
                editor = QDoubleSpinBox(maximum=1000.0, decimals=2, singleStep=0.05)
            editor.setObjectName(field.name)
            editor.setValue(value)
            form.addRow(label_for(field.name), editor)
            self.editors[field.name] = editor
        self._defaults = defaults
        self._show_defaults()
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
        for box in (self.race, self.new):
            box.toggled.connect(self._profile_changed)
        self.sessions.valueChanged.connect(self._profile_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(runner)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        resize_within(self, 460, 620, parent)  # the form scrolls

    def profile(self) -> RunnerProfile:
        return RunnerProfile(self.race.isChecked(), self.new.isChecked(), self.sessions.value())

    def _profile_changed(self, *_args) -> None:
        """Thresholds still at the old profile's defaults move to the new profile's."""
        new = PlanSettings.for_profile(self.profile())
        for name, editor in self.editors.items():
            if editor.value() == getattr(self._defaults, name):
                editor.setValue(getattr(new, name))
        self._defaults = new
        self._show_defaults()

    def _show_defaults(self) -> None:
        for name, editor in self.editors.items():
            editor.setToolTip(f"Default: {getattr(self._defaults, name)}")

    def restore_defaults(self) -> None:
        for name, editor in self.editors.items():
            editor.setValue(getattr(self._defaults, name))

    def changes(self) -> dict:
        """Only what differs from the profile's defaults, so a later default change (or
        another profile) still applies."""
        values = {}
        for name, editor in self.editors.items():
            value = editor.value()
            if value != getattr(self._defaults, name):
                values[name] = value
        return values


def edit_thresholds(context, parent=None) -> bool:
    dialog = ThresholdsDialog(context.planner.settings, parent)
    if not dialog.exec():
        return False
    context.settings.setValue(keys.PLANNER_PROFILE, json.dumps(dialog.profile().to_dict()))
    context.settings.setValue(keys.PLANNER_THRESHOLDS, json.dumps(dialog.changes()))
    context.news.settings_changed("planner")
    return True
