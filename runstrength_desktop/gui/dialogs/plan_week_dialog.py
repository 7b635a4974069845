"""What "Plan this week" will add, before it writes: each planned session on its day with
what it holds and why it goes there, and what kind of week it is (a deload, a taper)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout

from ...domain import WeightUnit
from ...domain.summary import by_exercise, describe_sets
from ...planning import WeekPlan


class PlanWeekDialog(QDialog):
    def __init__(self, week: str, plan: WeekPlan, unit: WeightUnit, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("planWeekDialog")
        self.setWindowTitle(f"Plan {week}")
        heading = QLabel(
            f"<b>{len(plan.placements)} strength session"
            f"{'' if len(plan.placements) == 1 else 's'} for {week}</b>"
        )
        self.summary = QLabel(plan.summary, objectName="planWeekSummary")
        self.summary.setWordWrap(True)
        self.summary.setVisible(bool(plan.summary))
        self.list = QListWidget(objectName="planWeekSessions")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        for placement in plan.placements:
            session = placement.session
            self.list.addItem(
                f"{session.date:%a %d %b} · {session.title}\n"
                + " · ".join(
                    f"{name} {describe_sets(sets, unit)}"
                    for name, sets in by_exercise(session).items()
                )
                + "\n"
                + f"Why: {placement.reason}"
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add to the calendar")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(620, 480)  # fits a 1024x600 screen

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
