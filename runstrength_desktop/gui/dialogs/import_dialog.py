"""The import preview: what was found in a Strong, Hevy or FitNotes export (format, dialect,
counts, rows that will be skipped); for a file that does not say its unit, the unit its loads
point to, with the reason and a few sample sets read both ways side by side (a sure guess is
preselected); the names that are not catalogue spellings, most sets first, each with what it
becomes (a sure match preselected, a new variant, or a new exercise with an unsure proposal)
and how many sets the choice moves; then the import itself under a progress dialog that can
be cancelled. Cancelling writes nothing: the file is read and mapped in steps, and the
database is written in one transaction at the very end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import WeightUnit
from ...interchange import mapping
from ...interchange.importer import parse_export, plan_import, read_file, write_plan
from ...interchange.mapping import ImportPlan, Unmapped
from ...interchange.records import ImportCancelled, ImportProblem, ParsedExport, UnitNeeded
from ...interchange.report import ImportReport
from ...interchange.strong import AUTO
from ...interchange.unit_guess import UnitGuess
from ..context import AppContext
from ..theme import colour_text, follow_palette
from ..widgets.fit import resize_within
from ..words import plural
from .import_units import UnitSamples

KEEP_NEW = "Keep as a new exercise"
APP_NAMES = {"strong": "Strong", "hevy": "Hevy", "fitnotes": "FitNotes"}
PARSE_SHARE = 90  # per cent of the progress bar for reading; the rest maps and writes


class ImportDialog(QDialog):
    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importDialog")
        self.context = context
        self.path = Path(path)
        self.data = b""
        self.plan: ImportPlan | None = None
        self.parsed: ParsedExport | None = None
        self.report: ImportReport | None = None
        self.needs_unit = False
        self.progress: QProgressDialog | None = None
        self.setWindowTitle("Import workouts")
        resize_within(self, 940, 600, parent)

        self.file_label = QLabel(objectName="importFile")
        self.file_label.setStyleSheet("font-weight: bold; font-size: 12pt")
        self.format_label = QLabel(objectName="importFormat", wordWrap=True)
        self.unit_box = QComboBox(objectName="importUnit")
        for unit, text in ((WeightUnit.KG, "kilograms (kg)"), (WeightUnit.LB, "pounds (lb)")):
            self.unit_box.addItem(text, unit.value)
        self.unit_box.setCurrentIndex(0 if context.unit is WeightUnit.KG else 1)
        self.unit_box.currentIndexChanged.connect(self._reparse)
        self.unit_hint = QLabel(
            "This Strong export does not say its unit: check that this is "
            "the unit the app was set to.",
            objectName="importUnitHint",
            wordWrap=True,
        )
        follow_palette(self.unit_hint, colour_text("warning"))
        self.guess: UnitGuess | None = None
        self.samples = UnitSamples()
        self.counts_label = QLabel(objectName="importCounts", wordWrap=True)
        self.unit_row = QWidget(objectName="importUnitRow")
        unit_layout = QVBoxLayout(self.unit_row)
        unit_layout.setContentsMargins(0, 0, 0, 0)
        choice = QHBoxLayout()
        choice.addWidget(self.unit_box)
        choice.addWidget(self.unit_hint, 1)
        unit_layout.addLayout(choice)
        unit_layout.addWidget(self.samples)
        self.form = QFormLayout()
        self.form.addRow("Format:", self.format_label)
        self.form.addRow("Weights in:", self.unit_row)
        self.form.addRow("Found:", self.counts_label)

        self.names_label = QLabel(objectName="importNamesLabel", wordWrap=True)
        self.names = QTableWidget(0, 4, objectName="importNames")
        self.names.setHorizontalHeaderLabels(["Name in the file", "Sets", "Why", "Import as"])
        self.names.verticalHeader().setVisible(False)
        self.names.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.names.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.names.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Interactive,
            )
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(3, 300)
        self.choice_label = QLabel(objectName="importChoices", wordWrap=True)
        self.skipped_label = QLabel(objectName="importSkippedLabel")
        self.skipped = QPlainTextEdit(objectName="importSkipped", readOnly=True)
        self.skipped.setMaximumHeight(80)
        self.status_label = QLabel(objectName="importStatus", wordWrap=True)
        self.status_label.setStyleSheet("font-weight: bold")
        follow_palette(self.status_label, colour_text("warning"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setObjectName("importButton")
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(self.form)
        layout.addWidget(self.names_label)
        layout.addWidget(self.names, 1)
        layout.addWidget(self.choice_label)
        layout.addWidget(self.skipped_label)
        layout.addWidget(self.skipped)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    # -- preview -----------------------------------------------------------------------------

    @property
    def unit(self) -> WeightUnit:
        return WeightUnit(self.unit_box.currentData())

    def load(self) -> None:
        """Read and preview the file. Raises ImportProblem (the caller shows it) when the file
        cannot be imported at all."""
        self.data = read_file(self.path)
        self.file_label.setText(f"Import from {self.path.name}")
        try:
            parsed = parse_export(self.data, unit=AUTO)
            self.guess = parsed.unit_guess
        except UnitNeeded as unsure:  # the loads do not say it for sure: the app's unit
            self.guess = unsure.guess
            parsed = parse_export(self.data, unit=self.unit)
        self.parsed = parsed
        self.needs_unit = self.guess is not None
        if self.guess is not None and self.guess.sure:
            self.unit_box.blockSignals(True)
            self.unit_box.setCurrentIndex(self.unit_box.findData(self.guess.unit.value))
            self.unit_box.blockSignals(False)
        self.form.setRowVisible(self.unit_row, self.needs_unit)
        self._show_unit()
        self._show_plan(plan_import(self.context.repo, parsed))
        self._fill_names()

    def _show_unit(self) -> None:
        guess = self.guess
        if guess is None:
            return
        if guess.sure:
            unit = "pounds" if guess.unit is WeightUnit.LB else "kilograms"
            self.unit_hint.setText(
                f"This Strong export does not say its unit; its loads say {unit}: {guess.reason}."
            )
        else:
            self.unit_hint.setText(
                "This Strong export does not say its unit, and its loads do not tell for "
                f"sure ({guess.reason}): compare the sample sets below and choose."
            )
        self.samples.show_samples(guess.samples, self.unit)

    def _reparse(self) -> None:
        if self.needs_unit and self.data:
            self.parsed = parsed = parse_export(self.data, unit=self.unit)
            self.samples.show_samples(self.guess.samples if self.guess else (), self.unit)
            self._show_plan(plan_import(self.context.repo, parsed, self.choices()))

    def choices(self) -> dict[str, str]:
        """Name in the file -> what the user chose for it, where it is not the default: a
        catalogue exercise's name, or mapping.KEEP_NEW."""
        out = {}
        for row in range(self.names.rowCount()):
            box = self.names.cellWidget(row, 3)
            if box is not None and box.currentData() is not None:
                out[self.names.item(row, 0).text()] = box.currentData()
        return out

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        report = plan.report
        self.format_label.setText(f"{APP_NAMES[report.format]} — {report.description}")
        counts = (
            f"{plural(report.workouts, 'workout')} with {plural(report.sets, 'set')} and "
            f"{plural(report.runs, 'run')}, on {plural(report.exercises, 'exercise')} "
            f"({report.new_exercises:,} new)"
        )
        if report.duplicates_skipped:
            counts += (
                f"; {plural(report.duplicates_skipped, 'session')} already in the "
                "logbook stay as they are"
            )
        if report.durations_look_wrong:
            counts += (
                f". {plural(report.durations_look_wrong, 'session')} last over 4 h (a timer "
                "left running?): kept as recorded, marked “duration looks wrong”; the planner "
                "and the load chart use an estimate from their sets"
            )
        if report.notes:
            counts += ". " + "; ".join(report.notes)
        self.counts_label.setText(counts)
        self._show_choices()
        self.import_button.setText(f"Import {plural(report.workouts, 'workout')}")
        self.import_button.setEnabled(bool(plan.sessions))
        self.skipped_label.setText(
            f"{plural(len(report.skipped), 'row')} will be skipped:"
            if report.skipped
            else "No rows will be skipped."
        )
        self.skipped.setPlainText("\n".join(f"line {s.line}: {s.reason}" for s in report.skipped))
        self.skipped.setVisible(bool(report.skipped))

    def _fill_names(self) -> None:
        if self.plan is None:
            return
        unmapped = self.plan.unmapped
        new = sum(1 for u in unmapped if u.creates)
        self.names_label.setText(
            f"{plural(len(unmapped), 'exercise name')} of the file "
            f"{'is' if len(unmapped) == 1 else 'are'} not catalogue spellings, most sets "
            f"first ({new} would become new exercises). Choose what each is:"
            if unmapped
            else "Every exercise name was found in the catalogue."
        )
        self.names.setVisible(bool(unmapped))
        catalogue = sorted(
            (e.name for e in self.context.repo.catalogue() if not e.hidden), key=str.lower
        )
        self.names.setRowCount(len(unmapped))
        for row, name in enumerate(unmapped):
            self.names.setItem(row, 0, QTableWidgetItem(name.name))
            sets = QTableWidgetItem(f"{name.rows:,}")
            sets.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.names.setItem(row, 1, sets)
            why = QTableWidgetItem(_why(name))
            why.setToolTip(
                f"{name.guess.name}: {name.description}, {name.guess.equipment}; {name.basis}"
            )
            self.names.setItem(row, 2, why)
            box = QComboBox(objectName=f"importAs{row}")
            for text, value in _options(name):
                box.addItem(text, value)
            for exercise in catalogue:
                box.addItem(exercise, exercise)
            box.currentIndexChanged.connect(self._choices_changed)
            self.names.setCellWidget(row, 3, box)
        self._show_choices()

    def _choices_changed(self) -> None:
        if self.parsed is not None:
            self._show_plan(plan_import(self.context.repo, self.parsed, self.choices()))

    def _show_choices(self) -> None:
        """How many sets the choices put on catalogue exercises and on new ones."""
        if self.plan is None or not self.plan.unmapped:
            self.choice_label.clear()
            return
        onto_new = onto_known = 0
        for row, name in enumerate(self.plan.unmapped):
            box = self.names.cellWidget(row, 3)
            value = box.currentData() if box is not None else None
            creates = value == mapping.KEEP_NEW or (value is None and name.creates)
            if creates:
                onto_new += name.rows
            else:
                onto_known += name.rows
        self.choice_label.setText(
            f"As chosen: {plural(onto_known, 'set')} of these names go to catalogue "
            f"exercises, {plural(onto_new, 'set')} to new ones."
        )

    # -- import ------------------------------------------------------------------------------

    def make_progress(self) -> QProgressDialog:
        progress = QProgressDialog("Reading the file…", "Cancel", 0, 100, self)
        progress.setObjectName("importProgress")
        progress.setWindowTitle("Importing workouts")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(420)
        return progress

    def _step(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setValue(int(PARSE_SHARE * done / max(total, 1)))
            self.progress.setLabelText(f"Reading the file… line {done:,} of {total:,}")
        self._check_cancel()

    def _check_cancel(self) -> None:
        QApplication.processEvents()
        if self.progress is not None and self.progress.wasCanceled():
            raise ImportCancelled()

    def start_import(self) -> None:
        """Read, map and write with a progress bar; Cancel before the write leaves the logbook
        as it was."""
        if self.parsed is None:
            return  # nothing was read (load() failed)
        file_format = self.parsed.format
        self.progress = self.make_progress()
        self.progress.show()
        try:
            parsed = parse_export(
                self.data, file_format, self.unit if self.needs_unit else None, self._step
            )
            plan = plan_import(self.context.repo, parsed, self.choices())
            self.progress.setLabelText(f"Writing {len(plan.sessions):,} sessions…")
            self.progress.setValue(PARSE_SHARE)
            self._check_cancel()  # the last chance to cancel
            # The write is one transaction: it cannot stop halfway, so it cannot be cancelled.
            self.progress.setCancelButton(None)
            self.progress.setValue(PARSE_SHARE + 5)
            QApplication.processEvents()
            self.report = write_plan(self.context.repo, plan)
        except ImportCancelled:
            self.status_label.setText("Import cancelled: nothing was written.")
            return
        except ImportProblem as exc:
            self.status_label.setText(f"Import failed, nothing was written: {exc}")
            return
        finally:
            self.progress.close()
        self.accept()


def _why(name: Unmapped) -> str:
    if name.kind == mapping.SURE:
        return name.basis
    if name.kind == mapping.VARIANT:
        return f"{name.basis}: its own records, the family's muscles"
    guessed = f"new, {name.description} ({name.basis})"
    return guessed + (f"; perhaps {name.proposal.name}?" if name.proposal else "")


def _options(name: Unmapped) -> list[tuple[str, str | None]]:
    """The first items of a name's choice: None is what the import does unless told."""
    if name.kind == mapping.SURE:
        return [(f"{name.guess.name} (sure)", None), (KEEP_NEW, mapping.KEEP_NEW)]
    if name.kind == mapping.VARIANT:
        family = name.guess.family
        return [(f"New variant: {name.guess.name}", None), (f"{family} (the family's own)", family)]
    options: list[tuple[str, str | None]] = [(KEEP_NEW, None)]
    if name.proposal is not None:
        options.append((f"{name.proposal.name} (proposed)", name.proposal.name))
    return options
