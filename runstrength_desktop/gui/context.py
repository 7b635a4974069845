"""What every tab is handed in its constructor: the repository, the bus and the preferences.
Tabs read `context.repo` when they refresh, so opening another logbook swaps it in one place."""

from __future__ import annotations

from functools import cached_property

from PySide6.QtCore import QSettings

from ..domain import WeightUnit
from ..domain.units import distance_unit_for
from ..store import Repository
from .bus import Bus


class AppContext:
    def __init__(self, repo: Repository, settings: QSettings) -> None:
        self.repo = repo
        self.settings = settings
        self.bus = Bus()

    @cached_property
    def planner(self):
        """The planner shared by the calendar and the editor (gui/planner.py)."""
        from .planner import Planner

        return Planner(self)

    @property
    def unit(self) -> WeightUnit:
        value = self.settings.value("units/weight", WeightUnit.KG.value)
        return WeightUnit(value) if value in WeightUnit.values() else WeightUnit.KG

    @property
    def distance_unit(self):
        return distance_unit_for(self.unit)

    def set_unit(self, unit: WeightUnit) -> None:
        if unit is not self.unit:
            self.settings.setValue("units/weight", unit.value)
            self.bus.unitChanged.emit(unit.value)
