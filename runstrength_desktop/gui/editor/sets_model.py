"""The session editor's sets table: a QAbstractTableModel over SetEntry rows.

A cell whose text cannot be taken keeps that text (nothing typed is lost), is marked, and
carries the reason, which Save reports. Every change goes through the undo stack.

A row is either logged (done) or a suggestion: a session started from a template, from
last time or from the plan arrives with today's target (or last time's numbers) in every
set, shown in grey italics until the runner marks the set done (Space, or a click in the
Done column), types a value, or walks its cells with Enter. Only logged sets of a done
session are saved (gui/session_tab.py)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QUndoStack

from ...domain import Catalogue, SetEntry, Side, WeightUnit
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
from ...domain.units import format_number, shown_weight
from ..theme import invalid_fill, suggestion_colour
from .set_commands import InsertRowCommand, RemoveRowsCommand, ReplaceRowCommand

EXERCISE, SET_TYPE, REPS, LOAD, SECONDS, SIDE, RPE, TARGET, DONE = range(9)
# The view asks for about eight roles of every cell on each repaint; the roles are compared
# as plain ints and the others answered at once, because each call crosses into Python.
DISPLAY, EDIT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)
TOOLTIP, BACKGROUND = int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.BackgroundRole)
ALIGNMENT, FONT = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.FontRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
ANSWERED = frozenset((DISPLAY, EDIT, TOOLTIP, BACKGROUND, ALIGNMENT, FONT, FOREGROUND))
PAINTED = (DISPLAY, FONT, ALIGNMENT, FOREGROUND, BACKGROUND)  # what a cell's look is made of
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
TEXT_COLUMNS = frozenset((EXERCISE, SET_TYPE, SIDE))
VALUE_COLUMNS = frozenset((REPS, LOAD, SECONDS, SIDE, RPE))  # grey while suggested
EDITABLE = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemNeverHasChildren
)
# The Done column is a mark in the text's own colour (a check box's frame is all but lost
# on the dark theme's base); a click or Space toggles it (gui/editor/sets_view.py).
MARK = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
DONE_MARK, NOT_DONE_MARK = "✓", "○"
_ITALIC = QFont()
_ITALIC.setItalic(True)
# Stand-ins in the cached roles for the palette's colours, looked up when asked.
_SUGGESTED, _INVALID = object(), object()


@dataclass
class SetRow:
    entry: SetEntry
    invalid: dict[int, tuple[str, str]] = field(default_factory=dict)  # column: (text, why)
    done: bool = True  # logged; False while it holds a suggestion


class SetsModel(QAbstractTableModel):
    def __init__(self, catalogue: Catalogue, unit: WeightUnit, undo: QUndoStack, parent=None):
        super().__init__(parent)
        self.catalogue = catalogue
        self.unit = unit
        self.undo = undo
        self.rows: list[SetRow] = []
        # name -> what to suggest for a new set of it (today's target, else last time's
        # first working set), or None
        self.suggestion: Callable[[str], SetEntry | None] = lambda _name: None
        # name -> today's target for it, as the Target column shows it ("3 x 8 @ 60")
        self.targets: dict[str, str] = {}
        self._cells: dict[int, tuple[SetRow, list[dict[int, object]]]] = {}  # see _row_cells

    # -- reading -----------------------------------------------------------------------------

    def headers(self) -> list[str]:
        unit = self.unit.value
        return ["Exercise", "Set type", "Reps", f"Load ({unit})", "Seconds", "Side", "RPE"] + [
            "Target",
            "Done",
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else DONE + 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        return MARK if index.column() == DONE else EDITABLE

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role not in ANSWERED:
            return None
        if role == TOOLTIP and orientation == Qt.Orientation.Horizontal:
            if section == TARGET:
                return f"What the plan asks for: reps @ load in {self.unit.value}, e.g. 8 @ 60"
            if section == DONE:
                return "Ticked: the set was done and is saved. Space ticks the set and moves on."
        if role != DISPLAY:
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
            return self.load_text(e.weight_kg)
        if column == TARGET:
            if e.target_reps is None and e.target_weight_kg is None:
                # A suggested hold (a template's 45 s): its seconds are the target.
                return f"{_number(e.seconds)} s" if not row.done and e.seconds else ""
            reps = "" if e.target_reps is None else str(e.target_reps)
            load = self.load_text(e.target_weight_kg)
            return f"{reps} @ {load}" if load else reps
        if column == DONE:
            return ""
        return _number({REPS: e.reps, SECONDS: e.seconds, RPE: e.rpe}[column])

    def shown_text(self, position: int, column: int) -> str:
        """What the cell shows (its DisplayRole), for the view's column widths."""
        return str(self._cells_of(position)[column].get(DISPLAY, ""))

    def is_suggested(self, position: int, column: int) -> bool:
        """The cell shows a suggestion (in italics): a value not done yet, or the planner's
        target."""
        return self._cells_of(position)[column].get(FONT) is _ITALIC

    def look(self, position: int, column: int) -> tuple:
        """What the cell's painting depends on: the roles a delegate paints from (text,
        italics, alignment, the stand-ins of its colours), for its kept picture."""
        cell = self._cells_of(position)[column]
        return tuple((role, cell[role]) for role in PAINTED if role in cell)

    def load_text(self, kg: float | None) -> str:
        return "" if kg is None else format_number(shown_weight(kg, self.unit), 2)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY):
        if role not in ANSWERED or not index.isValid():
            return None
        value = self._cells_of(index.row())[index.column()].get(role)
        if value is _SUGGESTED:  # colours from the palette of now (a theme switch)
            return suggestion_colour(QGuiApplication.palette())
        if value is _INVALID:
            return invalid_fill(QGuiApplication.palette())
        return value

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roles) -> None:
        """Every role a delegate asks for at once (QStyledItemDelegate asks for seven per
        cell as it paints): one call into Python per cell instead of one per role, which
        halves what a session's table costs to paint."""
        if not index.isValid():
            for role_data in roles:
                role_data.clearData()
            return
        cell = self._cells_of(index.row())[index.column()]
        palette = None
        for role_data in roles:
            value = cell.get(role_data.role())
            if value is None:
                role_data.clearData()
                continue
            if value is _SUGGESTED or value is _INVALID:
                palette = palette or QGuiApplication.palette()
                value = suggestion_colour(palette) if value is _SUGGESTED else invalid_fill(palette)
            role_data.setData(value)

    def _cells_of(self, position: int) -> list[dict[int, object]]:
        row = self.rows[position]
        found = self._cells.get(id(row))
        if found is None or found[0] is not row:  # a row replaced is a new object
            if len(self._cells) > 2 * len(self.rows) + 16:
                self._cells.clear()  # the rows replaced since
            found = self._cells[id(row)] = (row, self._row_cells(row))
        return found[1]

    def _row_cells(self, row: SetRow) -> list[dict[int, object]]:
        """Every role of each of the row's cells, worked out once until the row (or the
        targets, or the unit) changes: the view asks for seven of them per cell at every
        paint, some 1,000 calls for a session's table."""
        cells: list[dict[int, object]] = []
        for column in range(DONE + 1):
            if column == DONE:
                cell: dict[int, object] = {
                    DISPLAY: DONE_MARK if row.done else NOT_DONE_MARK,
                    ALIGNMENT: CENTRE,
                }
                if not row.done:
                    cell[TOOLTIP] = "Not done yet: Space or a click marks it done"
                    cell[FOREGROUND] = _SUGGESTED
                cells.append(cell)
                continue
            text = self.display_text(row, column)
            shown = text
            if column == TARGET and not text:
                shown = self.targets.get(row.entry.exercise, "")  # today's, from the planner
            cell = {DISPLAY: shown, EDIT: text}
            if column not in TEXT_COLUMNS:
                cell[ALIGNMENT] = RIGHT
            if column in row.invalid:
                cell[TOOLTIP] = row.invalid[column][1]
                cell[BACKGROUND] = _INVALID
            elif (not row.done and column in VALUE_COLUMNS) or (column == TARGET and not text):
                # (a tooltip here would read as a refusal: the view reports those)
                cell[FONT] = _ITALIC
                cell[FOREGROUND] = _SUGGESTED
            cells.append(cell)
        return cells

    def problems(self) -> list[str]:
        """Every invalid cell's reason, as 'set 3, Reps: ...'."""
        return [
            f"set {number}, {why}"
            for number, row in enumerate(self.rows, start=1)
            for _column, (_text, why) in sorted(row.invalid.items())
        ]

    def entries(self) -> list[SetEntry]:
        return [replace(row.entry) for row in self.rows]

    def logged_entries(self) -> list[SetEntry]:
        """The sets marked done (or typed): what a done session saves."""
        return [replace(row.entry) for row in self.rows if row.done]

    def suggested_rows(self) -> list[int]:
        return [position for position, row in enumerate(self.rows) if not row.done]

    # -- writing (always through the undo stack) ---------------------------------------------

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid():
            return False
        if index.column() == DONE:
            return False  # toggled by set_done, from a click or Space
        if role != Qt.ItemDataRole.EditRole:
            return False
        before = self.rows[index.row()]
        text = clip(str(value if value is not None else ""))
        if text == self.display_text(before, index.column()):
            # The same text again (Enter through a suggested set): the value as it is,
            # never re-read from its rounded display; a suggestion walked through is taken.
            return self.set_done(index.row(), True)
        after = self._parsed(before, index.column(), text)
        if after.entry == before.entry and after.invalid == before.invalid:
            return self.set_done(index.row(), True)
        self.undo.push(ReplaceRowCommand(self, index.row(), before, after))
        return True

    def set_done(self, position: int, done: bool) -> bool:
        before = self.rows[position]
        if before.done == done:
            return False
        after = replace(before, done=done)
        self.undo.push(
            ReplaceRowCommand(self, position, before, after, "Set done" if done else "Set not done")
        )
        return True

    def _parsed(self, row: SetRow, column: int, text: str) -> SetRow:
        new = SetRow(replace(row.entry), dict(row.invalid), done=True)
        new.invalid.pop(column, None)
        e = new.entry
        try:
            if column == EXERCISE:
                self._rename(new, text, row.done)
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

    def _rename(self, row: SetRow, text: str, was_done: bool) -> None:
        """Another exercise for the row. A logged set keeps its reps, load, seconds and side
        (a name is corrected far more often than a set is reused); a suggested one (a copy
        of the set before, a template's) takes the new exercise's suggestion instead, or
        nothing: its numbers were meant for the other exercise."""
        found = self.catalogue.resolve(text.strip())
        if found is None:
            raise CellError(
                f"Exercise: {text.strip()[:60]!r} is not in the catalogue; "
                "pick a name from the list, or create it"
            )
        e = row.entry
        if found.name == e.exercise:
            return
        old = self.catalogue.resolve(e.exercise) if e.exercise else None
        if e.side is _default_side(old):  # the old one's default: the new one's default
            e.side = _default_side(found)
        empty = e.reps is None and e.weight_kg is None and e.seconds is None
        if empty or not was_done:
            hint = self.suggestion(found.name)
            e.reps, e.weight_kg, e.seconds, e.rpe = (
                (hint.reps, hint.weight_kg, hint.seconds, None) if hint else (None,) * 4
            )
            e.target_reps = e.target_weight_kg = None
            row.done = hint is None
            for column in (REPS, LOAD, SECONDS, RPE, TARGET):
                row.invalid.pop(column, None)
        e.exercise = found.name

    def with_default_sides(self, entries: list[SetEntry]) -> list[SetEntry]:
        """Sets of a per-side exercise with no side told are done on each side."""
        return [
            replace(e, side=_default_side(self.catalogue.resolve(e.exercise)))
            if e.side is Side.BOTH
            else e
            for e in entries
        ]

    def set_rows(
        self, entries: list[SetEntry], done: bool = True, targets: dict[str, str] | None = None
    ) -> None:
        """Load a session's sets (not undoable: it is a new document), with today's
        `targets` for them when given (else the targets stay)."""
        self.beginResetModel()
        self._cells.clear()
        if targets is not None:
            self.targets = targets
        self.rows = [SetRow(replace(e, id=None), done=done) for e in entries]
        self.endResetModel()

    def insert_row(
        self, position: int, entry: SetEntry, text: str = "Add set", done: bool = True
    ) -> None:
        self.undo.push(InsertRowCommand(self, position, SetRow(entry, done=done), text))

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
                    again.done = row.done and again.done
                    self.rows[position] = again
                    self.dataChanged.emit(self.index(position, 0), self.index(position, DONE))

    def set_targets(self, targets: dict[str, str]) -> None:
        if targets != self.targets:
            self.targets = targets
            self._cells.clear()
            if self.rows:
                self.dataChanged.emit(self.index(0, TARGET), self.index(len(self.rows) - 1, TARGET))

    def set_unit(self, unit: WeightUnit) -> None:
        self.unit = unit
        self._cells.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, DONE)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, DONE))

    # -- what the undo commands call -----------------------------------------------------------

    def _replace(self, position: int, row: SetRow) -> None:
        self.rows[position] = copy.deepcopy(row)
        self.dataChanged.emit(self.index(position, 0), self.index(position, DONE))

    def _insert(self, position: int, rows: list[SetRow]) -> None:
        self.beginInsertRows(QModelIndex(), position, position + len(rows) - 1)
        self.rows[position:position] = copy.deepcopy(rows)
        self.endInsertRows()

    def _remove(self, position: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position + count - 1)
        del self.rows[position : position + count]
        self.endRemoveRows()


def _default_side(exercise) -> Side:
    """A per-side exercise is logged once for both sides ("each") unless told otherwise."""
    return Side.EACH if exercise is not None and exercise.per_side else Side.BOTH


def _number(value) -> str:
    return "" if value is None else format_number(value, 2)
