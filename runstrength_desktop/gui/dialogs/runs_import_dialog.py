"""The import preview for runs from a watch (activity files, folders, zips, Strava and Garmin
exports): how many runs, their dates and types, the other sports left out, the files that
could not be read, and the planned runs the import completes. Reading a big folder shows a
progress dialog naming the file being read, and can be cancelled; nothing is written until
Import, in one transaction."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import RunType
from ...domain.units import distance_unit_for, format_distance
from ...interchange.activities import RunPlan, RunsReport, plan_activities, write_runs
from ...interchange.records import ImportCancelled, ImportProblem
from ..context import AppContext
from ..widgets.fit import resize_within
from ..words import plural

# The type by shape as well as by word (the calendar's chips draw their own marks).
RUN_MARKS: dict[RunType | None, str] = {
    RunType.EASY: "○",
    RunType.RECOVERY: "◌",
    RunType.LONG: "◎",
    RunType.TEMPO: "▲",
    RunType.INTERVALS: "◆",
    RunType.HILLS: "⋀",
    RunType.RACE: "⚑",
}
# What the headline calls the files read (interchange.activities.sniff's kinds).
KIND_WORDS = {"fit": "FIT", "tcx": "TCX", "gpx": "GPX", "csv": "activity list"}
COLUMNS = ("Date", "Start", "Title", "Type", "Distance", "Time", "Why this type", "File")


class RunsImportDialog(QDialog):
    def __init__(
        self, context: AppContext, paths: list[Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="runsImportDialog")
        self.context = context
        self.paths = [Path(p) for p in paths]
        self.plan: RunPlan | None = None
        self.report: RunsReport | None = None
        self.progress: QProgressDialog | None = None
        self.setWindowTitle("Import runs")
        resize_within(self, 1000, 600, parent)
        shown = self.paths[0].name if len(self.paths) == 1 else f"{len(self.paths)} files"
        self.file_label = QLabel(f"Import runs from {shown}", objectName="runsFile")
        self.file_label.setStyleSheet("font-weight: bold; font-size: 12pt")
        self.counts_label = QLabel(objectName="runsCounts", wordWrap=True)
        self.table = QTableWidget(0, len(COLUMNS), objectName="runsTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.others_label = QLabel(objectName="runsOthers", wordWrap=True)
        self.problems = QPlainTextEdit(objectName="runsProblems", readOnly=True)
        self.problems.setMaximumHeight(70)
        self.status_label = QLabel(objectName="runsStatus", wordWrap=True)
        self.status_label.setStyleSheet("color: #8a5300; font-weight: bold")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setObjectName("runsImportButton")
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.file_label, self.counts_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        for widget in (self.others_label, self.problems, self.status_label, self.buttons):
            layout.addWidget(widget)

    # -- reading -----------------------------------------------------------------------------

    def _step(self, done: int, total: int, name: str) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setLabelText(f"Reading {done:,} of {total:,}: {name}" if name else "")
        QApplication.processEvents()
        if self.progress.wasCanceled():
            raise ImportCancelled()

    def make_progress(self) -> QProgressDialog:
        progress = QProgressDialog("Reading the files…", "Cancel", 0, 100, self.parentWidget())
        progress.setObjectName("runsProgress")
        progress.setWindowTitle("Reading activity files")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # a file or two never flashes a dialog
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(520)
        return progress

    def load(self) -> bool:
        """Read the files and show the preview; False when cancelled. Raises ImportProblem
        (the caller shows it) when a single file cannot be read."""
        self.progress = self.make_progress()
        try:
            self.plan = plan_activities(self.context.repo, self.paths, progress=self._step)
        except ImportCancelled:
            return False
        finally:
            self.progress.close()
            self.progress = None
        self._show(self.plan)
        return True

    def _show(self, plan: RunPlan) -> None:
        report = plan.report
        self.file_label.setText(headline(report))
        sessions = plan.new + plan.completed
        days = sorted(s.date for s in sessions)
        span = f", {days[0]:%d %b %Y} to {days[-1]:%d %b %Y}" if days else ""
        kinds = Counter(str(s.run_type) for s in sessions)
        text = f"{plural(report.files, 'file')} read: {plural(len(sessions), 'run')}{span}" + (
            f" ({', '.join(f'{n} {k}' for k, n in kinds.most_common())})" if kinds else ""
        )
        if plan.completed:
            text += (
                f"; {plural(len(plan.new), 'new run')}, and "
                f"{plural(len(plan.completed), 'planned run')} will be marked done"
            )
        if report.duplicates_skipped:
            text += (
                f"; {plural(report.duplicates_skipped, 'run')} already in the logbook "
                "stay as they are"
            )
        self.counts_label.setText(text)
        unit = distance_unit_for(self.context.unit)
        rows = [(s, "") for s in plan.new] + [
            (done, f"completes the planned {planned.run_type or 'run'}")
            for planned, done in report.matches
        ]
        rows.sort(key=lambda pair: pair[0].sort_key())
        self.table.setRowCount(len(rows))
        for row, (session, match) in enumerate(rows):
            minutes = session.duration_min or 0
            values = (
                f"{session.date:%a %d %b %Y}",
                f"{session.start:%H:%M}" if session.start else "",
                session.title,
                f"{RUN_MARKS.get(session.run_type, '')} {session.run_type or 'run'}".strip(),
                format_distance(session.distance_km, unit),
                f"{int(minutes // 60)}:{int(minutes % 60):02d}:{int(minutes * 60 % 60):02d}",
                f"{match}: {session.run_type_reason}" if match else session.run_type_reason,
                session.source_file,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        others = report.not_runs
        self.others_label.setText(
            f"Not runs, left out: {', '.join(f'{n} {k}' for k, n in others.most_common())}."
            if others
            else "Every activity found is a run."
        )
        problems = [f"could not be read: {f}: {r}" for f, r in report.skipped]
        problems += [f"read in part: {f}: {r}" for f, r in report.warnings]
        self.problems.setPlainText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        count = len(sessions)
        self.import_button.setText(f"Import {plural(count, 'run')}")
        self.import_button.setEnabled(bool(count))

    # -- writing -----------------------------------------------------------------------------

    def start_import(self) -> None:
        """One transaction: all the runs, or (on a refusal) none."""
        if self.plan is None:
            return  # nothing was read (load() failed or was cancelled)
        try:
            self.report = write_runs(self.context.repo, self.plan)

        except ImportProblem as exc:
            self.status_label.setText(f"Import failed, nothing was written: {exc}")
            return
        self.accept()


def headline(report) -> str:
    """What was found, not the folder's name (a folder called "Garmin" may hold anything):
    'Import runs from 12 GPX files', or for a mix 'Import runs from 18 files: 9 TCX, 8 GPX,
    1 not readable'."""
    kinds = [(n, KIND_WORDS.get(k, k.upper())) for k, n in report.kinds.most_common()]
    unread = report.files - sum(n for n, _ in kinds)
    if len(kinds) == 1 and not unread:
        count, word = kinds[0]
        return f"Import runs from {plural(count, word if word.islower() else word + ' file')}"
    parts = [plural(n, word) if word.islower() else f"{n:,} {word}" for n, word in kinds]
    if unread > 0:
        parts.append(f"{unread:,} not readable")
    return f"Import runs from {plural(report.files, 'file')}: {', '.join(parts)}"
