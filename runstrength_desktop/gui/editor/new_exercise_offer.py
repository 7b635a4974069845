"""A name typed in the exercise cell that the catalogue lacks becomes a custom exercise
inline: a small form asks its region, category and measure once (guessed from the name; a
variant of a known family takes the family's), and the cell takes the name when it exists."""

from __future__ import annotations

from ...domain.validation import ValidationError
from ...store import StoreError


def offer(tab, name: str):
    """A name typed in the exercise cell that the catalogue lacks: a small form asks its
    region, category and measure (guessed from the name; a variant of a known family
    takes the family's) and creates it, after which the cell takes the name."""
    from ..dialogs.exercise_form import ExerciseForm
    from ..dialogs.new_exercise import guessed_exercise

    if tab.new_exercise_form is not None and tab.new_exercise_form.isVisible():
        return tab.new_exercise_form
    catalogue = tab.context.repo.catalogue()
    form = ExerciseForm(guessed_exercise(catalogue, name), catalogue, compact=True, parent=tab)

    def done(result: int) -> None:
        tab.new_exercise_form = None
        if result != ExerciseForm.DialogCode.Accepted:
            return
        try:
            tab.context.repo.add_exercise(form.exercise())
        except (ValidationError, StoreError) as error:
            tab._say(f"Not created: {error}")
            return
        tab._status(f"Created the exercise {name}")

    form.finished.connect(done)
    tab.new_exercise_form = form
    form.open()
    return form
