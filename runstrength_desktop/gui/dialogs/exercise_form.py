"""A custom exercise's facts in a small form: the whole of them in the exercise manager
(name, family and variant, region, category, muscles, equipment, measure, per side), or
only what the editor must ask when a typed name is new (region, category, measure; the
muscles are guessed from the name and the exercise is marked for review). The planner's
calf, upper-body and core rules read these facts, so the form refuses a calf-named exercise
that does not work the calves, as the store does."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain import Category, Exercise, Measure, Muscle, Region
from ...domain.exercise import Catalogue
from ...domain.validation import exercise_errors

REGIONS = {
    Region.LOWER: "Lower body",
    Region.UPPER: "Upper body",
    Region.CORE: "Core",
    Region.FULL: "Full body",
}
CATEGORIES = {
    Category.STRENGTH: "Strength",
    Category.PLYOMETRIC: "Plyometric",
    Category.CORE_HOLD: "Core hold",
    Category.MOBILITY: "Mobility",
    Category.CARDIO: "Cardio",
}
MEASURES = {
    Measure.REPS: "Reps (and load)",
    Measure.SECONDS: "Seconds (a hold)",
    Measure.DISTANCE: "Distance",
}
NO_FAMILY = "— its own —"


def muscle_text(muscles) -> str:
    return ", ".join(m.value.replace("_", " ") for m in muscles)


def _combo(items: dict, name: str) -> QComboBox:
    box = QComboBox(objectName=name)
    for value, text in items.items():
        box.addItem(text, value)
    return box


def _select(box: QComboBox, value) -> None:
    box.setCurrentIndex(max(0, box.findData(value)))


class ExerciseForm(QDialog):
    """`exercise` is filled in; `exercise()` is what the form now says, `taken` the names it
    must not get (other exercises')."""

    def __init__(
        self,
        exercise: Exercise,
        catalogue: Catalogue,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="exerciseForm")
        self.original = exercise
        self.catalogue = catalogue
        self.compact = compact
        self.setWindowTitle("New exercise" if compact else f"Edit {exercise.name}")
        self.name = QLineEdit(exercise.name, objectName="exerciseName")
        self.name.setReadOnly(compact)  # the name typed in the editor: its guess is by it
        self.region = _combo(REGIONS, "exerciseRegion")
        self.category = _combo(CATEGORIES, "exerciseCategory")
        self.measure = _combo(MEASURES, "exerciseMeasure")
        for box, value in (
            (self.region, exercise.region),
            (self.category, exercise.category),
            (self.measure, exercise.measure),
        ):
            _select(box, value)
        self.family = QComboBox(objectName="exerciseFamily")
        self.family.addItem(NO_FAMILY, "")
        bases = sorted(
            (e.name for e in catalogue if not e.family and e.name != exercise.name), key=str.lower
        )
        for name in bases:
            self.family.addItem(name, name)
        _select(self.family, exercise.family)
        self.variant = QLineEdit(exercise.variant, objectName="exerciseVariant")
        self.variant.setPlaceholderText("cable, dumbbell, machine, wide grip …")
        self.equipment = QLineEdit(exercise.equipment, objectName="exerciseEquipment")
        self.per_side = QCheckBox("one side at a time", objectName="exercisePerSide")
        self.per_side.setChecked(exercise.per_side)
        self.muscle_boxes: dict[Muscle, QCheckBox] = {}
        muscles = QWidget(objectName="exerciseMuscles")
        grid = QGridLayout(muscles)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, muscle in enumerate(Muscle):
            box = QCheckBox(muscle.value.replace("_", " "), objectName=f"muscle_{muscle.value}")
            box.setChecked(muscle in exercise.muscles)
            self.muscle_boxes[muscle] = box
            grid.addWidget(box, index // 4, index % 4)
        self.problem = QLabel(objectName="exerciseProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #b00020")

        form = QFormLayout()
        form.addRow("Name:", self.name)
        if compact:
            guessed = muscle_text(exercise.muscles) or "none guessed"
            if exercise.family:
                note = f"a variant of {exercise.family}: its muscles ({guessed})"
            else:
                note = f"guessed from the name: {guessed}; check them in Edit > Exercises"
            form.addRow("Muscles:", QLabel(note, objectName="exerciseMuscleNote", wordWrap=True))
        form.addRow("Region:", self.region)
        form.addRow("Category:", self.category)
        form.addRow("Measure:", self.measure)
        if not compact:
            form.addRow("Family:", self.family)
            form.addRow("Variant:", self.variant)
            form.addRow("Equipment:", self.equipment)
            form.addRow("", self.per_side)
            form.addRow("Muscles:", muscles)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Create" if compact else "Save")
        self.ok.setObjectName("exerciseOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def exercise(self) -> Exercise:
        muscles = self.original.muscles
        if not self.compact:
            muscles = tuple(m for m, box in self.muscle_boxes.items() if box.isChecked())
        return replace(
            self.original,
            name=self.name.text().strip(),
            # Qt hands the enums back as their text.
            region=Region(self.region.currentData()),
            category=Category(self.category.currentData()),
            measure=Measure(self.measure.currentData()),
            family=(self.family.currentData() or "") if not self.compact else self.original.family,
            variant=self.variant.text().strip() if not self.compact else self.original.variant,
            equipment=self.equipment.text().strip() or "other",
            per_side=self.per_side.isChecked(),
            muscles=muscles,
            custom=True,
            # What the user set is reviewed; muscles only guessed (the compact form) are not.
            needs_review=self.compact and not self.original.family,
        )

    def problems(self) -> list[str]:
        exercise = self.exercise()
        found = [str(e) for e in exercise_errors(exercise)]
        clash = self.catalogue.get(exercise.name)
        if clash is not None and exercise.name != self.original.name:
            found.append(f"name: {exercise.name!r} already exists")
        if exercise.variant and not exercise.family:
            found.append("variant: choose the family it is a variant of")
        return found

    def accept(self) -> None:
        if problems := self.problems():
            self.problem.setText("; ".join(problems))
            return
        super().accept()
