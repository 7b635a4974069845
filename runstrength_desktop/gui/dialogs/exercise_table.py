"""The exercise manager's table: every exercise with its family, variant, region, muscles,
equipment, measure (with its per-side flag) and number of sets (counted by SQL, not by loading
sessions), filtered by a search text and a choice of which exercises to show."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from ...domain import Exercise
from .exercise_form import MEASURES, REGIONS, muscle_text

COLUMNS = (
    "Exercise",
    "Family",
    "Variant",
    "Region",
    "Muscles",
    "Equipment",
    "Measure",
    "Sets",
    "Kind",
)
NAME, FAMILY, VARIANT, REGION, MUSCLES, EQUIPMENT, MEASURE, SETS, KIND = range(9)
SHOWN, CUSTOM, REVIEW, HIDDEN = "shown", "custom", "review", "hidden"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_text(exercise: Exercise) -> str:
    parts = ["custom" if exercise.custom else "shipped"]
    if exercise.needs_review:
        parts.append("review")
    if exercise.hidden:
        parts.append("hidden")
    return " · ".join(parts)


class ExercisesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.exercises: list[Exercise] = []
        self.sets: dict[str, int] = {}
        self.families: set[str] = set()  # exercises that have variants

    def reset(self, exercises, sets: dict[str, int]) -> None:
        self.beginResetModel()
        self.exercises = sorted(exercises, key=lambda e: e.name.lower())
        self.sets = sets
        self.families = {e.family for e in self.exercises if e.family}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.exercises)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def text(self, e: Exercise, column: int) -> str:
        return {
            NAME: e.name,
            FAMILY: e.family or (e.name if e.name in self.families else ""),
            VARIANT: e.variant,
            REGION: REGIONS[e.region],
            MUSCLES: muscle_text(e.muscles),
            EQUIPMENT: e.equipment,
            MEASURE: MEASURES[e.measure].split(" (")[0] + (", per side" if e.per_side else ""),
            SETS: f"{self.sets.get(e.name, 0):,}",
            KIND: kind_text(e),
        }[column]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        exercise, column = self.exercises[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(exercise, column)
        if role == SORT_ROLE:
            return (
                self.sets.get(exercise.name, 0)
                if column == SETS
                else self.text(exercise, column).lower()
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            spellings = [*exercise.aliases, *exercise.user_aliases]
            return "Also read as: " + ", ".join(spellings) if spellings else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SETS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (exercise.needs_review or exercise.hidden):
            font = QFont()
            font.setItalic(exercise.hidden)
            font.setBold(exercise.needs_review)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return exercise
        return None


class ExerciseFilter(QSortFilterProxyModel):
    """Rows whose name, family, variant, spellings, muscles or equipment hold the search
    text, among those the choice shows (every exercise not hidden, the custom ones, those to
    review, the hidden ones)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.show = SHOWN
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "text", text.strip().lower()))

    def set_show(self, show: str) -> None:
        self._refilter(lambda: setattr(self, "show", show))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        if not isinstance(source, ExercisesModel):
            return True
        exercise = source.exercises[row]
        if self.show == HIDDEN:
            shown = exercise.hidden
        elif self.show == CUSTOM:
            shown = exercise.custom
        elif self.show == REVIEW:
            shown = exercise.needs_review
        else:
            shown = not exercise.hidden
        if not shown:
            return False
        if not self.text:
            return True
        haystack = " ".join(
            (
                *exercise.spellings,
                exercise.family,
                exercise.variant,
                exercise.equipment,
                muscle_text(exercise.muscles),
            )
        ).lower()
        return all(word in haystack for word in self.text.split())
