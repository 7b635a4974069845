"""The import preview: what was found in a Strong, Hevy or FitNotes export (format, dialect,
counts, rows that will be skipped), the exercise names the catalogue does not know with a
choice of catalogue exercise for each, then the import itself under a progress dialog that
can be cancelled. Cancelling writes nothing: the file is read and mapped in steps, and the
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
from ...interchange.importer import parse_export, plan_import, read_file, write_plan
from ...interchange.mapping import ImportPlan
from ...interchange.records import ImportCancelled, ImportProblem, UnitNeeded
from ...interchange.report import ImportReport
from ..context import AppContext
from ..theme import colour_text, follow_palette
from ..widgets.fit import resize_within
from ..words import plural

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
        self.parsed = None
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
        self.counts_label = QLabel(objectName="importCounts", wordWrap=True)
        self.unit_row = QWidget(objectName="importUnitRow")
        unit_layout = QHBoxLayout(self.unit_row)
        unit_layout.setContentsMargins(0, 0, 0, 0)
        unit_layout.addWidget(self.unit_box)
        unit_layout.addWidget(self.unit_hint, 1)
        self.form = QFormLayout()
        self.form.addRow("Format:", self.format_label)
        self.form.addRow("Weights in:", self.unit_row)
        self.form.addRow("Found:", self.counts_label)

        self.names_label = QLabel(objectName="importNamesLabel", wordWrap=True)
        self.names = QTableWidget(0, 4, objectName="importNames")
        self.names.setHorizontalHeaderLabels(
            ["Name in the file", "Sets", "Guessed as", "Import as"]
        )
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
        header.resizeSection(3, 240)
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
            self.parsed = parse_export(self.data)
        except UnitNeeded:
            self.needs_unit = True
            self.parsed = parse_export(self.data, unit=self.unit)
        self.form.setRowVisible(self.unit_row, self.needs_unit)
        self._show_plan(plan_import(self.context.repo, self.parsed))
        self._fill_names()

    def _reparse(self) -> None:
        if self.needs_unit and self.data:
            self.parsed = parse_export(self.data, unit=self.unit)
            self._show_plan(plan_import(self.context.repo, self.parsed, self.choices()))

    def choices(self) -> dict[str, str]:
        """Name in the file -> catalogue exercise, for the names the user mapped."""
        out = {}
        for row in range(self.names.rowCount()):
            box = self.names.cellWidget(row, 3)
            if box is not None and box.currentIndex() > 0:
                out[self.names.item(row, 0).text()] = box.currentText()
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
        self.counts_label.setText(counts)
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
        unmapped = self.plan.unmapped
        self.names_label.setText(
            f"{plural(len(unmapped), 'exercise name')} {'is' if len(unmapped) == 1 else 'are'} "
            "not in the catalogue. Each becomes a new "
            "exercise marked for review, or choose the catalogue exercise it means:"
            if unmapped
            else "Every exercise name was found in the catalogue."
        )
        self.names.setVisible(bool(unmapped))
        catalogue = sorted((e.name for e in self.context.repo.catalogue()), key=str.lower)
        self.names.setRowCount(len(unmapped))
        for row, name in enumerate(unmapped):
            self.names.setItem(row, 0, QTableWidgetItem(name.name))
            sets = QTableWidgetItem(str(name.rows))
            sets.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.names.setItem(row, 1, sets)
            guess = QTableWidgetItem(f"{name.description} ({name.basis})")
            guess.setToolTip(
                f"{name.guess.name}: {name.description}, {name.guess.equipment}; {name.basis}"
            )
            self.names.setItem(row, 2, guess)
            box = QComboBox(objectName=f"importAs{row}")
            box.addItem(KEEP_NEW)
            box.addItems(catalogue)
            box.currentIndexChanged.connect(self._choices_changed)
            self.names.setCellWidget(row, 3, box)

    def _choices_changed(self) -> None:
        self._show_plan(plan_import(self.context.repo, self.parsed, self.choices()))

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
        self.progress.setValue(int(PARSE_SHARE * done / max(total, 1)))
        self.progress.setLabelText(f"Reading the file… line {done:,} of {total:,}")
        self._check_cancel()

    def _check_cancel(self) -> None:
        QApplication.processEvents()
        if self.progress.wasCanceled():
            raise ImportCancelled()

    def start_import(self) -> None:
        """Read, map and write with a progress bar; Cancel before the write leaves the logbook
        as it was."""
        self.progress = self.make_progress()
        self.progress.show()
        try:
            parsed = parse_export(
                self.data, self.parsed.format, self.unit if self.needs_unit else None, self._step
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
