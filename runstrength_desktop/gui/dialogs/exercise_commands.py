"""Undoable edits of the exercise manager: edit a custom exercise, hide or show one, merge one
into another. Each step is one repository write (one transaction), and the repository tells
the rest of the window what changed. A write the logbook refuses leaves the stack as the
logbook is: the command marks itself obsolete (QUndoStack drops it) and says why once the
stack has finished its step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from ...domain import Exercise
from ...domain.exercise import ExerciseMerge
from ...domain.validation import ValidationError
from ...store import StoreError
from ..context import AppContext


class _ExerciseCommand(QUndoCommand):
    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(text)
        self.context = context

    def redo(self) -> None:
        self._guarded(self.apply, "Not done")

    def undo(self) -> None:
        self._guarded(self.revert, "Not undone")

    def apply(self) -> None:  # pragma: no cover - every command has its own
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def _guarded(self, step: Callable[[], None], what: str) -> None:
        try:
            step()
        except (StoreError, ValidationError) as error:
            self.setObsolete(True)
            why = (
                f"the logbook refused the write ({error})"
                if isinstance(error, StoreError)
                else str(error)
            )
            message = f"{what}: {self.text()}. {why[0].upper()}{why[1:]}; nothing was changed."
            bus = self.context.bus
            QTimer.singleShot(0, bus, lambda: bus.writeFailed.emit(message))

    @property
    def repo(self):
        return self.context.repo


class EditExercise(_ExerciseCommand):
    def __init__(self, context: AppContext, before: Exercise, after: Exercise) -> None:
        super().__init__(context, f"Edit {before.name}")
        if after.name != before.name and before.name not in after.user_aliases:
            # The old name stays a spelling of it: a backup or an open editor may use it.
            after = replace(after, user_aliases=(*after.user_aliases, before.name))
        self.before, self.after = before, after

    def apply(self) -> None:
        self.repo.update_exercise(self.before.name, self.after)

    def revert(self) -> None:
        self.repo.update_exercise(self.after.name, self.before)


class HideExercise(_ExerciseCommand):
    def __init__(self, context: AppContext, name: str, hidden: bool) -> None:
        super().__init__(context, f"{'Hide' if hidden else 'Show'} {name}")
        self.name, self.hidden = name, hidden

    def apply(self) -> None:
        self.repo.set_exercise_hidden(self.name, self.hidden)

    def revert(self) -> None:
        self.repo.set_exercise_hidden(self.name, not self.hidden)


class MergeExercise(_ExerciseCommand):
    """One step: every set of `source` moves to `target`; undo moves them back."""

    def __init__(self, context: AppContext, source: str, target: str) -> None:
        super().__init__(context, f"Merge {source} into {target}")
        self.source, self.target = source, target
        self.merge: ExerciseMerge | None = None

    def apply(self) -> None:
        self.merge = self.repo.merge_exercise(self.source, self.target)

    def revert(self) -> None:
        if self.merge is not None:
            self.repo.undo_merge(self.merge)
