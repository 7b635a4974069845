"""What the watch recorded for a run, read-only beside the editable fields: elapsed time,
heart rate, climb, load, where it came from, why it has its type, and its laps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain import Session, WeightUnit
from ...domain.metrics import load_of
from ...domain.units import distance_unit_for, format_distance, format_pace

LAP_COLUMNS = ("Lap", "Distance", "Time", "Pace", "Avg HR", "Max HR", "Climb", "Marked")


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes, rest = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{rest:02d}" if hours else f"{minutes}:{rest:02d}"


class RunDetails(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent, objectName="runDetails")
        self.summary = QLabel(objectName="runSummary", wordWrap=True)
        self.summary.setMinimumWidth(280)
        self.summary.setMaximumWidth(380)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.laps = QTableWidget(0, len(LAP_COLUMNS), objectName="runLaps")
        self.laps.setHorizontalHeaderLabels(LAP_COLUMNS)
        self.laps.verticalHeader().setVisible(False)
        self.laps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.laps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.laps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.laps, 1)

    def show_run(self, session: Session, unit: WeightUnit) -> None:
        """Fill in a run's recorded numbers; hidden for lifts and for runs typed by hand."""
        shown = session.is_run and (session.is_recorded or bool(session.laps))
        self.setVisible(shown)
        if not shown:
            return
        distance_unit = distance_unit_for(unit)
        lines = []
        if session.elapsed_min is not None:
            lines.append(f"Elapsed: {_clock(session.elapsed_min * 60)} (pauses included)")
        if session.avg_hr:
            top = f", max {session.max_hr:.0f}" if session.max_hr else ""
            lines.append(f"Heart rate: avg {session.avg_hr:.0f}{top} bpm")
        if session.elevation_gain_m is not None:
            lines.append(f"Climb: {session.elevation_gain_m:.0f} m")
        if (load := load_of(session)) is not None:
            lines.append(f"Load: {load.describe()}")
        if session.run_type_reason:
            lines.append(f"Type: {session.run_type} because {session.run_type_reason}")
        if session.source_file:
            lines.append(f"From: {session.source_file} ({session.source})")
        self.summary.setText("\n".join(lines))
        self.laps.setVisible(bool(session.laps))
        self.laps.setRowCount(len(session.laps))
        for row, lap in enumerate(session.laps):
            pace = lap.pace_s_per_km
            values = (
                str(row + 1),
                format_distance(lap.distance_km, distance_unit) if lap.distance_km else "",
                _clock(lap.seconds),
                format_pace(pace, distance_unit) if pace else "",
                f"{lap.avg_hr:.0f}" if lap.avg_hr else "",
                f"{lap.max_hr:.0f}" if lap.max_hr else "",
                f"{lap.ascent_m:.0f} m" if lap.ascent_m is not None else "",
                " · ".join(v for v in (lap.intensity, lap.trigger) if v),
            )
            for column, value in enumerate(values):
                self.laps.setItem(row, column, QTableWidgetItem(value))
        for column in range(len(LAP_COLUMNS)):  # no empty columns (a file without climb)
            empty = all(not self.laps.item(r, column).text() for r in range(len(session.laps)))
            self.laps.setColumnHidden(column, empty)
