"""The exercise cell's completion list: one entry per exercise, ranked by
domain/exercise_search.py (exact, prefix, the runner's most used, the rest), with the alias
that matched beside the name. Choosing an entry puts the exercise's name in the cell."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from ...domain import Catalogue
from ...domain.exercise_search import Found, find_exercises

SHOWN = 12


class FoundModel(QAbstractListModel):
    """The entries found: the label to read, the name to put in the cell."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.found: list[Found] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.found)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        entry = self.found[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.label
        if role == Qt.ItemDataRole.EditRole:
            return entry.name
        if role == Qt.ItemDataRole.ToolTipRole and entry.uses:
            return f"{entry.uses:,} sets in your logbook"
        return None

    def show(self, found: list[Found]) -> None:
        self.beginResetModel()
        self.found = found
        self.endResetModel()


class ExerciseSearch:
    """What the completers search: the catalogue, and how often each exercise was logged
    (one SQL GROUP BY, read when first searched after the logbook changed)."""

    def __init__(
        self, catalogue: Catalogue, count_uses: Callable[[], Mapping[str, int]] | None = None
    ) -> None:
        self.catalogue = catalogue
        self._count_uses = count_uses or dict
        self._uses: dict[str, int] | None = None

    @property
    def uses(self) -> dict[str, int]:
        if self._uses is None:
            self._uses = dict(self._count_uses())
        return self._uses

    def forget_uses(self) -> None:
        self._uses = None

    def find(self, text: str) -> list[Found]:
        return find_exercises(self.catalogue, text, self.uses, limit=50)


def attach_completer(editor: QLineEdit, search: ExerciseSearch) -> QCompleter:
    """A completer on the exercise cell's editor that searches as the runner types."""
    model = FoundModel(editor)
    completer = QCompleter(model, editor)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCompletionRole(Qt.ItemDataRole.EditRole)
    completer.setMaxVisibleItems(SHOWN)
    completer.setWidget(editor)

    def typed(text: str) -> None:
        model.show(search.find(text))
        if model.found:
            completer.complete()
        elif popup := completer.popup():
            popup.hide()

    def chosen(index: QModelIndex) -> None:
        editor.setText(index.data(Qt.ItemDataRole.EditRole))

    editor.textEdited.connect(typed)
    # PySide6's stubs do not type an overloaded signal's [signature] form.
    completer.activated[QModelIndex].connect(chosen)  # type: ignore[index]
    return completer
