"""The session editor's sets table: a QAbstractTableModel over SetEntry rows.

A cell whose text cannot be taken keeps that text (nothing typed is lost), is marked, and
carries the reason, which Save reports. Every change goes through the undo stack."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from ...domain import Catalogue, SetEntry, WeightUnit
from ...domain.cell_parsing import (
    CellError,
    clip,
    parse_load,
    parse_reps,
    parse_rpe,
    parse_seconds,
    parse_set_type,
    parse_side,
    parse_target,
)
from ...domain.units import format_number, kg_to

EXERCISE, SET_TYPE, REPS, LOAD, SECONDS, SIDE, RPE, TARGET = range(8)
INVALID_BRUSH = QBrush(QColor(255, 205, 205))
# The view asks for about eight roles of every cell on each repaint; the roles are compared
# as plain ints and the others answered at once, because each call crosses into Python.
DISPLAY, EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
TOOLTIP, BACKGROUND = int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.BackgroundRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
ANSWERED = frozenset((DISPLAY, EDIT, TOOLTIP, BACKGROUND, ALIGNMENT))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TEXT_COLUMNS = frozenset((EXERCISE, SET_TYPE, SIDE))
EDITABLE = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemNeverHasChildren
)


@dataclass
class SetRow:
    entry: SetEntry
    invalid: dict[int, tuple[str, str]] = field(default_factory=dict)  # column: (text, why)


class SetsModel(QAbstractTableModel):
    def __init__(self, catalogue: Catalogue, unit: WeightUnit, undo: QUndoStack, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.unit = unit
        self.undo = undo
        self.rows: list[SetRow] = []
        # name -> the first working set of that exercise last time (None if never done)
        self.last_time: Callable[[str], SetEntry | None] = lambda _name: None

    # -- reading -----------------------------------------------------------------------------

    def headers(self) -> list[str]:
        unit = self.unit.value
        return [
            "Exercise",
            "Set type",
            "Reps",
            f"Load ({unit})",
            "Seconds",
            "Side",
            "RPE",
            "Target",
        ]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else TARGET + 1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        return EDITABLE

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role not in ANSWERED:
            return None
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section == TARGET
        ):
            return f"What the plan asks for: reps @ load in {self.unit.value}, e.g. 8 @ 60"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return str(section + 1)

    def display_text(self, row: SetRow, column: int) -> str:
        if column in row.invalid:
            return row.invalid[column][0]
        e = row.entry
        if column == EXERCISE:
            return e.exercise
        if column == SET_TYPE:
            return e.set_type.value
        if column == SIDE:
            return e.side.value
        if column == LOAD:
            return _number(kg_to(e.weight_kg, self.unit) if e.weight_kg is not None else None)
        if column == TARGET:
            reps = "" if e.target_reps is None else str(e.target_reps)
            load = _number(
                kg_to(e.target_weight_kg, self.unit) if e.target_weight_kg is not None else None
            )
            return f"{reps} @ {load}" if load else reps
        return _number({REPS: e.reps, SECONDS: e.seconds, RPE: e.rpe}[column])

    def data(self, index: QModelIndex, role: int = DISPLAY):
        if role not in ANSWERED or not index.isValid():
            return None
        column = index.column()
        if role == ALIGNMENT:
            return None if column in TEXT_COLUMNS else RIGHT
        row = self.rows[index.row()]
        if role in (DISPLAY, EDIT):
            return self.display_text(row, column)
        if column in row.invalid:
            return row.invalid[column][1] if role == TOOLTIP else INVALID_BRUSH
        return None

    def problems(self) -> list[str]:
        """Every invalid cell's reason, as 'set 3, Reps: ...'."""
        return [
            f"set {number}, {why}"
            for number, row in enumerate(self.rows, start=1)
            for _column, (_text, why) in sorted(row.invalid.items())
        ]

    def entries(self) -> list[SetEntry]:
        return [replace(row.entry) for row in self.rows]

    # -- writing (always through the undo stack) ---------------------------------------------

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        before = self.rows[index.row()]
        after = self._parsed(before, index.column(), clip(str(value if value is not None else "")))
        if after.entry == before.entry and after.invalid == before.invalid:
            return False
        self.undo.push(ReplaceRowCommand(self, index.row(), before, after))
        return True

    def _parsed(self, row: SetRow, column: int, text: str) -> SetRow:
        new = SetRow(replace(row.entry), dict(row.invalid))
        new.invalid.pop(column, None)
        e = new.entry
        try:
            if column == EXERCISE:
                found = self.catalogue.resolve(text.strip())
                if found is None:
                    raise CellError(
                        f"Exercise: {text.strip()[:60]!r} is not in the catalogue; "
                        "pick a name from the list, or create it"
                    )
                if found.name != e.exercise:
                    # Another exercise: the copied numbers belonged to the old one. Start
                    # from what the runner did last time on this one, or from nothing.
                    last = self.last_time(found.name)
                    e.reps, e.weight_kg, e.seconds, e.rpe = (
                        (last.reps, last.weight_kg, last.seconds, None)
                        if last
                        else (None, None, None, None)
                    )
                    e.target_reps = e.target_weight_kg = None
                    e.side = last.side if last else e.side
                    for column in (REPS, LOAD, SECONDS, RPE, TARGET):
                        new.invalid.pop(column, None)
                e.exercise = found.name
            elif column == SET_TYPE:
                e.set_type = parse_set_type(text)
            elif column == REPS:
                e.reps = parse_reps(text)
            elif column == LOAD:
                e.weight_kg = parse_load(text, self.unit)
            elif column == SECONDS:
                e.seconds = parse_seconds(text)
            elif column == SIDE:
                e.side = parse_side(text)
            elif column == RPE:
                e.rpe = parse_rpe(text)
            elif column == TARGET:
                target = parse_target(text, self.unit)
                e.target_reps, e.target_weight_kg = target.reps, target.weight_kg
        except CellError as error:
            new.invalid[column] = (text, str(error))
        return new

    def set_rows(self, entries: list[SetEntry]) -> None:
        """Load a session's sets (not undoable: it is a new document)."""
        self.beginResetModel()
        self.rows = [SetRow(replace(e, id=None)) for e in entries]
        self.endResetModel()

    def insert_row(self, position: int, entry: SetEntry, text: str = "Add set") -> None:
        self.undo.push(InsertRowCommand(self, position, SetRow(entry), text))

    def remove_rows(self, first: int, count: int, text: str = "Remove set") -> None:
        if count > 0:
            self.undo.push(RemoveRowsCommand(self, first, self.rows[first : first + count], text))

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Exercises were added (an import): a name typed before they existed is taken now,
        as typed (the runner's text is unchanged, so this is no edit of theirs)."""
        self.catalogue = catalogue
        for position, row in enumerate(self.rows):
            if EXERCISE in row.invalid:
                again = self._parsed(row, EXERCISE, row.invalid[EXERCISE][0])
                if EXERCISE not in again.invalid:
                    self.rows[position] = again
                    self.dataChanged.emit(self.index(position, 0), self.index(position, TARGET))

    def set_unit(self, unit: WeightUnit) -> None:
        self.unit = unit
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, TARGET)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, TARGET))

    # -- what the undo commands call -----------------------------------------------------------

    def _replace(self, position: int, row: SetRow) -> None:
        self.rows[position] = copy.deepcopy(row)
        self.dataChanged.emit(self.index(position, 0), self.index(position, TARGET))

    def _insert(self, position: int, rows: list[SetRow]) -> None:
        self.beginInsertRows(QModelIndex(), position, position + len(rows) - 1)
        self.rows[position:position] = copy.deepcopy(rows)
        self.endInsertRows()

    def _remove(self, position: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position + count - 1)
        del self.rows[position : position + count]
        self.endRemoveRows()


def _number(value) -> str:
    return "" if value is None else format_number(value, 2)


class ReplaceRowCommand(QUndoCommand):
    def __init__(self, model: SetsModel, position: int, before: SetRow, after: SetRow):
        super().__init__("Edit set")
        self.model, self.position = model, position
        self.before, self.after = copy.deepcopy(before), copy.deepcopy(after)

    def redo(self) -> None:
        self.model._replace(self.position, self.after)

    def undo(self) -> None:
        self.model._replace(self.position, self.before)


class InsertRowCommand(QUndoCommand):
    def __init__(self, model: SetsModel, position: int, row: SetRow, text: str):
        super().__init__(text)
        self.model, self.position, self.row = model, position, copy.deepcopy(row)

    def redo(self) -> None:
        self.model._insert(self.position, [self.row])

    def undo(self) -> None:
        self.model._remove(self.position, 1)


class RemoveRowsCommand(QUndoCommand):
    def __init__(self, model: SetsModel, position: int, rows: list[SetRow], text: str):
        super().__init__(text)
        self.model, self.position, self.rows = model, position, copy.deepcopy(rows)

    def redo(self) -> None:
        self.model._remove(self.position, len(self.rows))

    def undo(self) -> None:
        self.model._insert(self.position, self.rows)
