"""The exercise manager (Edit > Exercises…, and after an import that made exercises): every
exercise with its family, variant, region, muscles, equipment, measure, per-side flag and
number of sets; a search; and the fixes an import leaves to the runner: edit a custom
exercise, merge one into another (its sets move, in one undoable step), hide one.

It follows the change news like every view: a merge, an import or an edit in the session
editor is shown as soon as the repository reports it. Its edits are undone with its own Undo
(Ctrl+Z while it has the focus)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import Exercise
from ...domain.changes import Change
from ..context import AppContext
from .exercise_commands import EditExercise, HideExercise, MergeExercise
from .exercise_form import ExerciseForm
from .exercise_table import (
    CUSTOM,
    HIDDEN,
    MUSCLES,
    NAME,
    REVIEW,
    SHOWN,
    ExerciseFilter,
    ExercisesModel,
)

SHOW_CHOICES = (
    (SHOWN, "All exercises"),
    (CUSTOM, "Custom exercises"),
    (REVIEW, "To review (guessed by an import)"),
    (HIDDEN, "Hidden exercises"),
)


class MergeDialog(QDialog):
    """Which exercise the sets of `source` move to."""

    def __init__(self, context: AppContext, source: Exercise, sets: int, parent=None) -> None:
        super().__init__(parent, objectName="mergeDialog")
        self.setWindowTitle(f"Merge {source.name}")
        catalogue = context.repo.catalogue()
        self.target = QComboBox(objectName="mergeTarget", editable=True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = sorted((e.name for e in catalogue if e.name != source.name), key=str.lower)
        self.target.addItems(names)
        self.target.setCurrentText(_suggested_target(context, source))
        text = QLabel(
            f"The {sets:,} sets of “{source.name}” move to the exercise chosen here, which "
            "keeps its name as a spelling (a later import of it lands there too). Undo "
            "puts them back.",
            wordWrap=True,
        )
        self.problem = QLabel(objectName="mergeProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #b00020")
        self.names = set(names)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.target)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def chosen(self) -> str:
        return self.target.currentText().strip()

    def accept(self) -> None:
        if self.chosen() not in self.names:
            self.problem.setText(f"{self.chosen()!r} is not an exercise: pick one from the list")
            return
        super().accept()


def _suggested_target(context: AppContext, source: Exercise) -> str:
    """What the source most likely is: its family, else the catalogue's best match of its
    name among the other exercises."""
    catalogue = context.repo.catalogue()
    if source.family and catalogue.get(source.family):
        return source.family
    others = type(catalogue)([e for e in catalogue if e.name != source.name])
    found = others.match(source.name)
    return found.target.name if found is not None and found.target is not None else ""


class ExerciseManager(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="exerciseManager")
        self.context = context
        self.undo = QUndoStack(self)
        self.stale = True
        self.setWindowTitle("Exercises")
        self.resize(1180, 640)
        self.model = ExercisesModel(self)
        self.proxy = ExerciseFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(objectName="exerciseSearch", clearButtonEnabled=True)
        self.search.setPlaceholderText("Search names, spellings, families, muscles, equipment")
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.textChanged.connect(self._fit_columns)
        self.show_box = QComboBox(objectName="exerciseShow")
        for value, text in SHOW_CHOICES:
            self.show_box.addItem(text, value)
        self.show_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_show(self.show_box.currentData())
        )
        self.show_box.currentIndexChanged.connect(self._fit_columns)
        self.table = QTableView(objectName="exerciseTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MUSCLES, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count_label = QLabel(objectName="exerciseCount")
        self.detail = QLabel(objectName="exerciseDetail", wordWrap=True)

        self.edit_button = QPushButton("Edit…", objectName="exerciseEdit")
        self.merge_button = QPushButton("Merge into…", objectName="exerciseMerge")
        self.hide_button = QPushButton("Hide", objectName="exerciseHide")
        self.undo_button = QPushButton("Undo", objectName="exerciseUndo")
        self.redo_button = QPushButton("Redo", objectName="exerciseRedo")
        close = QPushButton("Close", objectName="exerciseClose")
        self.edit_button.clicked.connect(self.edit_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.undo_button.clicked.connect(self.undo.undo)
        self.redo_button.clicked.connect(self.undo.redo)
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_button.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo.undoTextChanged.connect(lambda text: self.undo_button.setToolTip(f"Undo {text}"))
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        close.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_box)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.merge_button, self.hide_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.undo_button, self.redo_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        context.news.changed.connect(self._take_news)
        self._selection_changed()

    # -- showing -------------------------------------------------------------------------------

    def open_on(self, show: str = SHOWN) -> None:
        """Show the manager (raised if open) listing `show`'s exercises."""
        self.show_box.setCurrentIndex(max(0, self.show_box.findData(show)))
        self.refresh()
        window = self.parentWidget()
        if window is not None and not self.isVisible():  # no larger than the window
            self.resize(
                min(self.width(), window.width() - 24), min(self.height(), window.height() - 24)
            )
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh(self) -> None:
        repo = self.context.repo
        selected = self.selected()
        self.model.reset(repo.catalogue(), repo.exercise_set_counts())
        self.stale = False
        total = len(self.model.exercises)
        review = sum(1 for e in self.model.exercises if e.needs_review)
        hidden = sum(1 for e in self.model.exercises if e.hidden)
        self.count_label.setText(
            f"{total} exercises: {sum(1 for e in self.model.exercises if e.custom)} custom, "
            f"{review} to review, {hidden} hidden"
        )
        if selected is not None:
            self.select(selected.name)
        self._selection_changed()
        self._fit_columns()

    def _fit_columns(self, *_args) -> None:
        """Columns as wide as what is listed now (the header only measures on request)."""
        for column in range(self.model.columnCount()):
            if column != MUSCLES:  # it takes the room left
                self.table.resizeColumnToContents(column)

    def _take_news(self, change: Change) -> None:
        if change.replaced:
            self.undo.clear()  # another logbook: the steps name what it does not have
        if change.catalogue or change.touches_sessions:
            if self.isVisible():
                self.refresh()
            else:
                self.stale = True

    def showEvent(self, event) -> None:
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def select(self, name: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, NAME)
            if index.data() == name:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def selected(self) -> Exercise | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def _sets_of(self, exercise: Exercise) -> int:
        return self.model.sets.get(exercise.name, 0)

    def _selection_changed(self, *_args) -> None:
        exercise = self.selected()
        custom = exercise is not None and exercise.custom
        self.edit_button.setEnabled(custom)
        self.merge_button.setEnabled(custom)
        self.hide_button.setEnabled(exercise is not None)
        self.hide_button.setText("Show" if exercise is not None and exercise.hidden else "Hide")
        if exercise is None:
            self.detail.setText("Choose an exercise to edit, merge or hide it.")
        elif custom:
            self.detail.setText(
                f"{exercise.name}: {self._sets_of(exercise):,} sets. A custom exercise: edit "
                "its facts (the planner's calf, upper-body and core rules read them), or merge "
                "it into the exercise it really is."
            )
        else:
            self.detail.setText(
                f"{exercise.name}: {self._sets_of(exercise):,} sets. Shipped with the app: its "
                "facts stay as shipped; hide it to leave it out of the lists to pick from."
            )

    # -- edits ---------------------------------------------------------------------------------

    def edit_selected(self) -> ExerciseForm | None:
        exercise = self.selected()
        if exercise is None or not exercise.custom:
            return None
        form = ExerciseForm(exercise, self.context.repo.catalogue(), parent=self)

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and form.exercise() != exercise:
                after = form.exercise()
                self.undo.push(EditExercise(self.context, exercise, after))
                self.select(after.name)

        form.finished.connect(done)
        form.open()
        return form

    def merge_selected(self) -> MergeDialog | None:
        exercise = self.selected()
        if exercise is None or not exercise.custom:
            return None
        dialog = MergeDialog(self.context, exercise, self._sets_of(exercise), self)

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                target = dialog.chosen()
                self.undo.push(MergeExercise(self.context, exercise.name, target))
                self.select(target)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def toggle_hidden(self) -> None:
        exercise = self.selected()
        if exercise is not None:
            self.undo.push(HideExercise(self.context, exercise.name, not exercise.hidden))
            self.select(exercise.name)
