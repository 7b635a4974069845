"""The keyboard-first sets table. Enter commits a cell and moves to the next one; Enter in
the last cell starts a new set copying the one before, so a whole session can be typed
without the mouse. The exercise cell completes over catalogue names and aliases."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ...domain import Catalogue, SetEntry, SetType, Side
from .sets_model import EXERCISE, SET_TYPE, SIDE, TARGET, SetsModel

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def catalogue_words(catalogue: Catalogue) -> list[str]:
    shown = [e for e in catalogue if not e.hidden]  # a hidden exercise is not offered
    return sorted({s for e in shown for s in e.spellings}, key=str.lower)


class SetsDelegate(QStyledItemDelegate):
    """Line edits with completers; Enter commits and asks the view for the next cell."""

    def __init__(self, words: list[str], parent=None) -> None:
        super().__init__(parent)
        self.words = QStringListModel(words, self)
        self.choices = {
            SET_TYPE: QStringListModel([t.value for t in SetType], self),
            SIDE: QStringListModel([s.value for s in Side], self),
        }

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName(f"cellEditor{index.column()}")
        source = self.words if index.column() == EXERCISE else self.choices.get(index.column())
        if source is not None:
            completer = QCompleter(source, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setMaxVisibleItems(12)
            editor.setCompleter(completer)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QLineEdit, index: QModelIndex) -> None:
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def setModelData(self, editor: QLineEdit, model, index: QModelIndex) -> None:
        model.setData(index, editor.text())

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in ENTER_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            completer = editor.completer() if isinstance(editor, QLineEdit) else None
            popup = completer.popup() if completer else None
            if popup is not None and popup.isVisible():
                chosen = popup.currentIndex()
                if chosen.isValid():
                    editor.setText(chosen.data())
                popup.hide()
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class SetsView(QTableView):
    problemAtCell = Signal(str)  # the reason an edited cell was refused, for the status bar
    newExerciseWanted = Signal(str)  # a name typed in the exercise cell that is not known

    def __init__(self, model: SetsModel, catalogue: Catalogue, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("setsTable")
        self.setModel(model)
        self.delegate = SetsDelegate(catalogue_words(catalogue), self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EXERCISE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(EXERCISE, 240)
        self.verticalHeader().setDefaultSectionSize(26)

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """New exercises (an import, a custom one): the completer offers them at once."""
        self.delegate.words.setStringList(catalogue_words(catalogue))

    @property
    def sets_model(self) -> SetsModel:
        return self.model()

    # -- moving through the cells ------------------------------------------------------------

    def advance(self) -> None:
        """The next cell to the right; after the last column, the next set (a copy of this
        one when there is none yet), with its exercise cell ready to type over."""
        current = self.currentIndex()
        model = self.sets_model
        if not current.isValid():
            if model.rowCount() == 0:
                model.insert_row(0, SetEntry(""))
            self.edit_cell(0, EXERCISE)
            return
        if current.column() < TARGET:
            self.edit_cell(current.row(), current.column() + 1)
            return
        if current.row() == model.rowCount() - 1:
            self.add_set_copy()
        else:
            self.edit_cell(current.row() + 1, EXERCISE)

    def edit_cell(self, row: int, column: int) -> None:
        index = self.sets_model.index(row, column)
        self.setCurrentIndex(index)
        self.edit(index)

    def add_set_copy(self) -> None:
        """A new set under the current one, copying it (what the next set usually is)."""
        model = self.sets_model
        row = self.currentIndex().row() if self.currentIndex().isValid() else model.rowCount() - 1
        entry = replace(model.rows[row].entry, id=None) if row >= 0 else SetEntry("")
        model.insert_row(row + 1, entry)
        self.edit_cell(row + 1, EXERCISE)

    def add_exercise(self) -> None:
        """A new, empty set at the end, ready for the next exercise's name."""
        model = self.sets_model
        model.insert_row(model.rowCount(), SetEntry(""), "Add exercise")
        self.edit_cell(model.rowCount() - 1, EXERCISE)

    def remove_current_set(self) -> None:
        row = self.currentIndex().row()
        if row >= 0:
            self.sets_model.remove_rows(row, 1)

    def remove_current_exercise(self) -> None:
        """Every set of the current row's exercise that sits next to it."""
        model, row = self.sets_model, self.currentIndex().row()
        if row < 0:
            return
        name = model.rows[row].entry.exercise
        first = row
        while first > 0 and model.rows[first - 1].entry.exercise == name:
            first -= 1
        last = row
        while last + 1 < model.rowCount() and model.rows[last + 1].entry.exercise == name:
            last += 1
        model.remove_rows(first, last - first + 1, f"Remove {name or 'exercise'}")

    def finish_editing(self) -> None:
        """Take the text of a cell still being typed in (Ctrl+S without leaving the cell)."""
        if self.state() == QAbstractItemView.State.EditingState:
            editor = self.indexWidget(self.currentIndex())
            if editor is not None:
                self.commitData(editor)
                super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        going_on = hint == QAbstractItemDelegate.EndEditHint.EditNextItem
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        current = self.currentIndex()
        if current.isValid():
            reason = current.data(Qt.ItemDataRole.ToolTipRole)
            if reason:
                self.problemAtCell.emit(reason)
                typed = current.data().strip() if current.column() == EXERCISE else ""
                if typed:
                    self.newExerciseWanted.emit(typed)
                    going_on = False  # stay on the name while it is being made
        if going_on:
            self.advance()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in ENTER_KEYS
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.advance()
            return
        super().keyPressEvent(event)
