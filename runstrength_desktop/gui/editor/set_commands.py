"""The undo commands of the sets table: a row replaced, rows inserted, rows removed. Each
keeps deep copies, so what it puts back is what was there, whatever happened since."""

from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand


class ReplaceRowCommand(QUndoCommand):
    def __init__(self, model, position: int, before, after, text: str = "Edit set"):
        super().__init__(text)
        self.model, self.position = model, position
        self.before, self.after = copy.deepcopy(before), copy.deepcopy(after)

    def redo(self) -> None:
        self.model._replace(self.position, self.after)

    def undo(self) -> None:
        self.model._replace(self.position, self.before)


class InsertRowCommand(QUndoCommand):
    def __init__(self, model, position: int, row, text: str):
        super().__init__(text)
        self.model, self.position, self.row = model, position, copy.deepcopy(row)

    def redo(self) -> None:
        self.model._insert(self.position, [self.row])

    def undo(self) -> None:
        self.model._remove(self.position, 1)


class RemoveRowsCommand(QUndoCommand):
    def __init__(self, model, position: int, rows: list, text: str):
        super().__init__(text)
        self.model, self.position, self.rows = model, position, copy.deepcopy(rows)

    def redo(self) -> None:
        self.model._remove(self.position, len(self.rows))

    def undo(self) -> None:
        self.model._insert(self.position, self.rows)
