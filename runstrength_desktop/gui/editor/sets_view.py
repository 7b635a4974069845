"""The keyboard-first sets table. Enter commits a cell and moves to the next one; Enter in
the last cell starts a new set copying the one before, so a whole session can be typed
without the mouse. Space marks a suggested set done and moves to the next set; Delete and
Backspace clear a cell. The exercise cell completes over the catalogue, best match first
(gui/editor/exercise_completer.py)."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ...domain import Catalogue, SetEntry, SetType, Side
from ...domain.exercise_search import best_exercise
from .cell_pictures import CellPictures
from .exercise_completer import ExerciseSearch, attach_completer
from .sets_model import DONE, EXERCISE, SET_TYPE, SIDE, TARGET, SetsModel

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class SetsDelegate(QStyledItemDelegate):
    """Line edits with completers; Enter commits and asks the view for the next cell. The
    cells are painted from kept pictures (gui/editor/cell_pictures.py)."""

    keep_pictures = True  # False: each cell drawn by the style at every paint

    def __init__(self, search: ExerciseSearch, parent=None) -> None:
        super().__init__(parent)
        self.search = search
        self.pictures = CellPictures()
        self.choices = {
            SET_TYPE: QStringListModel([t.value for t in SetType], self),
            SIDE: QStringListModel([s.value for s in Side], self),
        }

    def paint(self, painter, option, index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        if not self.keep_pictures or not isinstance(model, SetsModel):
            super().paint(painter, option, index)
            return
        row = index.row()
        self.pictures.paint(
            painter,
            option,
            model.look(row, index.column()),
            row,
            lambda drawn_on, local: QStyledItemDelegate.paint(self, drawn_on, local, index),
        )

    def createEditor(
        self, parent: QWidget, option, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName(f"cellEditor{index.column()}")
        if index.column() == EXERCISE:
            completer = attach_completer(editor, self.search)
            # A click on an entry takes it and moves on, as Enter does (the completer has
            # put the name in the cell by then: it heard the click first).
            if popup := completer.popup():
                popup.clicked.connect(lambda _index, e=editor: self._take(e))
        elif (source := self.choices.get(index.column())) is not None:
            completer = QCompleter(source, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setMaxVisibleItems(12)
            editor.setCompleter(completer)
        editor.installEventFilter(self)
        return editor

    def _take(self, editor: QLineEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):  # createEditor's
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.selectAll()

    def setModelData(
        self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, QLineEdit)  # createEditor's
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in ENTER_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            completer = editor.findChild(QCompleter)
            popup = completer.popup() if completer else None
            if popup is not None and popup.isVisible():
                chosen = popup.currentIndex()
                if chosen.isValid():
                    editor.setText(chosen.data(Qt.ItemDataRole.EditRole))
                popup.hide()
            if editor.objectName() == f"cellEditor{EXERCISE}":
                # "plank" is Plank, "single-leg rom" the exercise it starts; a name nothing
                # starts with stays as typed (it may become a new exercise).
                name = best_exercise(self.search.catalogue, editor.text(), self.search.uses)
                if name is not None:
                    editor.setText(name)
            self._take(editor)
            return True
        return super().eventFilter(editor, event)


class SetsView(QTableView):
    problemAtCell = Signal(str)  # the reason an edited cell was refused, for the status bar
    newExerciseWanted = Signal(str)  # a name typed in the exercise cell that is not known

    def __init__(self, model: SetsModel, catalogue: Catalogue, count_uses=None, parent=None):
        super().__init__(parent)
        self.setObjectName("setsTable")
        self.setModel(model)
        self.delegate = SetsDelegate(ExerciseSearch(catalogue, count_uses), self)
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
        # The numbers as wide as they need (a session has a few dozen rows at most); the
        # exercise takes the rest, so nothing is cut at 1024 px. The widths are measured
        # here from the cells' texts (fit_columns): Qt's ResizeToContents asks the model for
        # every role of every cell again at each change, a second pass as dear as the paint.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(EXERCISE, QHeaderView.ResizeMode.Stretch)
        self.clicked.connect(self._clicked)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(26)
        self._widths: dict[tuple[str, bool], int] = {}  # (text, in italics) -> its width
        self._hints: dict[tuple[int, object], int] = {}  # (column, title) -> header's width
        # The font the widths were measured in, and its plain and italic metrics.
        self._metrics: tuple[QFont, QFontMetricsF, QFontMetricsF] | None = None
        # A new session's rows laid out at once: Qt does it on a timer after a reset, which
        # came after the first paint and painted the table a second time. Before the
        # columns are fitted: the layout gives the row numbers their width (two digits
        # from the tenth set) and the scroll bar its place, which the exercise's column
        # stretches into.
        model.modelReset.connect(self._lay_out_rows)
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.headerDataChanged,
        ):
            signal.connect(self.fit_columns)
        model.dataChanged.connect(self._fit_changed_columns)
        self.fit_columns()

    def _lay_out_rows(self) -> None:
        """The rows laid out and the view's parts placed now. The exercise's column may
        stretch or shrink with the room left: its news is held back (the layout repaints
        the whole table already; heard, it repainted the table again a moment later)."""
        header = self.horizontalHeader()
        blocked = header.blockSignals(True)
        try:
            self.doItemsLayout()
        finally:
            header.blockSignals(blocked)

    def _fit_changed_columns(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles):
        """Cells changed: only their columns are measured again (the planner's targets
        arrive for the Target column alone, just after a session's rows)."""
        self.fit_columns(range(top_left.column(), bottom_right.column() + 1))

    def fit_columns(self, columns=None, *_args) -> None:
        """Each column but the exercise (or each of `columns`) as wide as its header and
        its widest cell (in italics where the cell shows a suggestion), as ResizeToContents
        made it.

        The header's news of the resize is held back and the view updated here, at once: a
        table that heard it would repaint itself once more a moment later (QTableView
        answers a column resize on a timer), so every open of a session painted it twice."""
        model, header = self.sets_model, self.horizontalHeader()
        font = self.font()
        if self._metrics is None or self._metrics[0] != font:
            italic_font = QFont(font)
            italic_font.setItalic(True)
            self._metrics = (QFont(font), QFontMetricsF(font), QFontMetricsF(italic_font))
            self._widths, self._hints = {}, {}
        _font, plain, italic = self._metrics
        widths, hints = self._widths, self._hints
        # QStyledItemDelegate's text margins, and the grid line.
        margin = 2 * (
            self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        )
        margin += 1 if self.showGrid() else 0
        wanted = {}
        if not isinstance(columns, range):  # a signal's arguments: every column
            columns = range(model.columnCount())
        for column in columns:
            if column == EXERCISE:
                continue
            title = (column, model.headerData(column, Qt.Orientation.Horizontal))
            width = hints.get(title)
            if width is None:
                width = hints[title] = header.sectionSizeHint(column)
            for position in range(model.rowCount()):
                text = model.shown_text(position, column)
                if text:
                    slanted = model.is_suggested(position, column)
                    needs = widths.get((text, slanted))
                    if needs is None:  # the slant overhangs
                        needs = widths[(text, slanted)] = math.ceil(
                            italic.horizontalAdvance(text) + 1
                            if slanted
                            else plain.horizontalAdvance(text)
                        )
                    width = max(width, needs + margin)
            if header.sectionSize(column) != width:
                wanted[column] = width
        stretched = header.sectionSize(EXERCISE)
        blocked = header.blockSignals(True)
        try:
            for column, width in wanted.items():
                header.resizeSection(column, width)
            # The exercise's stretch takes the rest now, not on the header's timer: also
            # when the room for the columns changed (the row numbers' width, a scroll bar).
            header.resizeSections()
            changed = bool(wanted) or header.sectionSize(EXERCISE) != stretched
            if changed:  # a scroll bar that comes or goes stretches the exercise again
                self.updateGeometries()
        finally:
            header.blockSignals(blocked)
        if changed:
            self.viewport().update()

    def resizeEvent(self, event) -> None:
        """The view resized (a scroll bar came or went, the window changed): the exercise's
        column stretches now, unheard, as the resized view is repainted whole anyway (heard,
        the table repainted itself a second time on a timer)."""
        header = self.horizontalHeader()
        blocked = header.blockSignals(True)
        try:
            super().resizeEvent(event)
        finally:
            header.blockSignals(blocked)

    def paintEvent(self, event) -> None:
        self.delegate.pictures.begin(self)  # the pictures go when the view's look changed
        super().paintEvent(event)

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """New exercises (an import, a custom one): the completer offers them at once."""
        self.delegate.search.catalogue = catalogue

    @property
    def sets_model(self) -> SetsModel:
        model = self.model()
        if not isinstance(model, SetsModel):  # set in __init__, never replaced
            raise TypeError(f"the sets view shows a {type(model).__name__}")
        return model

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
        model.insert_row(row + 1, entry, done=False)  # a suggestion until done or typed
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

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == DONE:
            self.sets_model.set_done(index.row(), not self.sets_model.rows[index.row()].done)

    def mark_done_and_move_on(self) -> None:
        """Space: the current set is done as it shows; the cursor goes to the next set."""
        current = self.currentIndex()
        if not current.isValid():
            return
        self.sets_model.set_done(current.row(), True)
        if current.row() + 1 < self.sets_model.rowCount():
            self.setCurrentIndex(self.sets_model.index(current.row() + 1, current.column()))

    def clear_cell(self) -> None:
        """Delete and Backspace: the cell's value goes (one undo step); in the Done column
        the tick goes."""
        current = self.currentIndex()
        if not current.isValid():
            return
        if current.column() == DONE:
            self.sets_model.set_done(current.row(), False)
        elif current.data(Qt.ItemDataRole.EditRole):
            self.sets_model.setData(current, "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and self.state() != QAbstractItemView.State.EditingState:
            if event.key() in ENTER_KEYS:
                self.advance()
                return
            if event.key() == Qt.Key.Key_Space:
                self.mark_done_and_move_on()
                return
            if event.key() in CLEAR_KEYS:
                self.clear_cell()
                return
        super().keyPressEvent(event)
