"""Progress tab: the years at a glance (runs, kilometres, strength sessions, sets, volume,
calf work) from the done sessions in the logbook."""
from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout

from ..domain import WeightUnit
from ..domain.summary import YearTotals, year_totals
from ..domain.units import format_number, km_to, kg_to
from .context import AppContext
from .widgets.lazy_tab import LazyTab
from .models.rows_model import Column, RowsTableModel


class ProgressTab(LazyTab):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("progressTab")
        self.context = context
        self.title = QLabel("Your years in numbers", objectName="progressTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt")
        self.empty = QLabel("Log a run or a strength session (or run the demo) to see your "
                            "totals here.", objectName="progressEmpty")
        self.model = RowsTableModel(self._columns())
        self.view = QTableView(objectName="yearTotals")
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        bus = context.bus
        for signal in (bus.sessionSaved, bus.sessionsChanged, bus.unitChanged, bus.logbookChanged):
            signal.connect(self.request_refresh)

    def _columns(self) -> list[Column]:
        ctx = self.context

        def volume(t: YearTotals) -> str:
            tonnes = kg_to(t.volume_kg, ctx.unit) / 1000
            return f"{format_number(tonnes)} {'t' if ctx.unit is WeightUnit.KG else 'k lb'}"

        return [
            Column("Year", lambda t: str(t.year)),
            Column("Runs", lambda t: str(t.runs), True),
            Column("Distance", lambda t: f"{km_to(t.run_km, ctx.distance_unit):,.0f} "
                                         f"{ctx.distance_unit.value}", True),
            Column("Strength sessions", lambda t: str(t.strength_sessions), True),
            Column("Sessions / week", lambda t: format_number(t.strength_per_week, 1), True),
            Column("Working sets", lambda t: str(t.working_sets), True),
            Column("Calf sets", lambda t: str(t.calf_sets), True),
            Column("Volume lifted", volume, True),
        ]

    def refresh(self) -> None:
        repo = self.context.repo
        calves = {e.name for e in repo.catalogue() if e.is_calf}
        rows = year_totals(repo.all_sessions(), calves)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
