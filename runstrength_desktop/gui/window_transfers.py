"""The main window's imports and exports (File menu, the welcome's buttons, files dropped on
the window): a JSON backup, another app's export, the watch's activity files, a calendar of
planned runs, each previewed where it adds much and reported in the status bar; and the
exports (JSON backup, CSV sets, the plan as iCalendar). A base class of gui.MainWindow."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ..interchange.files import (
    InterchangeError,
    export_json_file,
    export_text_file,
    import_json_file,
)
from ..store import Repository
from .focus import focus_kept
from .words import plural

if TYPE_CHECKING:
    from .context import AppContext
    from .plan_feed import PlanFeed
    from .watched_folder import WatchedFolder

log = logging.getLogger(__name__)

JSON_FILTER = "RunStrength backup (*.json)"
IMPORT_FILTER = (
    "Backups, exports, activity and calendar files "
    "(*.json *.csv *.txt *.fit *.gz *.tcx *.gpx *.zip *.ics);;"
    "Runs from a watch, Strava or Garmin (*.fit *.fit.gz *.tcx *.tcx.gz *.gpx *.gpx.gz *.zip "
    "*.csv);;Backups and exports of Strong, Hevy, FitNotes (*.json *.csv *.txt);;"
    "A plan of runs from a calendar (*.ics);;All files (*)"
)


class Transfers(QMainWindow):
    # Made by MainWindow.__init__.
    context: AppContext
    plan_feed: PlanFeed
    watched: WatchedFolder
    show_exercises: Callable[..., Any]

    @property
    def repo(self) -> Repository:
        return self.context.repo

    def _failed(self, title: str, message: str) -> None:
        log.warning("%s: %s", title, message)
        QMessageBox.warning(self, title, message)

    def import_file(self) -> None:
        """A JSON backup, or an export of Strong, Hevy or FitNotes (previewed first)."""
        # The importers are loaded on first use: they cost 20 ms that startup need not pay.
        from ..interchange.importer import looks_like_json, read_file
        from ..interchange.records import ImportProblem

        with focus_kept():
            path, _ = QFileDialog.getOpenFileName(self, "Import", "", IMPORT_FILTER)
        if not path:
            return
        from ..interchange.activities import looks_like_activities

        if looks_like_activities(Path(path)):
            self.import_runs([Path(path)])
            return
        try:
            is_json = looks_like_json(read_file(Path(path)))
        except ImportProblem as exc:
            self._failed("Import failed", str(exc))
            return
        from ..interchange.ical_import import looks_like_ical

        if looks_like_ical(read_file(Path(path))[:256]):
            self.import_calendar(Path(path))
            return
        if not is_json:
            self._import_other_app(Path(path))
            return
        try:
            counts = import_json_file(self.repo, Path(path))
        except InterchangeError as exc:
            self._failed("Import failed", str(exc))
            return
        self.statusBar().showMessage(
            f"Imported {plural(counts['sessions'], 'session')} and "
            f"{plural(counts['races'], 'race')} from {path}",
            8000,
        )

    def import_calendar(self, path: Path) -> None:
        """An iCalendar file of planned runs: what it would add and update, then written in
        one transaction."""
        from ..interchange.ical_import import import_calendar
        from ..interchange.records import ImportProblem

        try:
            preview = import_calendar(self.repo, path, dry_run=True)
        except ImportProblem as exc:
            self._failed("Import failed", str(exc))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, "Import a plan of runs", "\n".join(preview.lines())
        )
        box.setObjectName("calendarImportPreview")
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText("Import")
        if box.exec() != QMessageBox.StandardButton.Ok:
            return
        try:
            report = import_calendar(self.repo, path)
        except ImportProblem as exc:
            self._failed("Import failed", str(exc))
            return
        self.statusBar().showMessage(
            f"From {path.name}: {len(report.new)} planned runs added, {len(report.updated)} "
            f"updated, {report.unchanged} unchanged",
            10000,
        )

    def choose_plan_file(self) -> None:
        """Where the plan's calendar file is kept (Cancel: stop keeping it)."""
        current = self.plan_feed.path
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Keep the plan in a calendar file (Cancel: stop)",
            str(current or self.repo.path.with_name("plan.ics")),
            "iCalendar (*.ics)",
        )
        self.plan_feed.set_path(Path(path) if path else None)
        self.statusBar().showMessage(
            f"The plan is written to {path} after every change"
            if path
            else "The plan is no longer written to a calendar file",
            8000,
        )

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of runs")
        if folder:
            self.import_runs([Path(folder)])

    def import_runs(self, paths: list[Path]) -> None:
        """Activity files, folders or zips: read (with a progress dialog a big folder shows,
        which can cancel), previewed, then written in one transaction."""
        from ..interchange.records import ImportProblem
        from .dialogs.runs_import_dialog import RunsImportDialog

        dialog = RunsImportDialog(self.context, paths, self)
        try:
            if not dialog.load():
                self.statusBar().showMessage("Import cancelled: nothing was written.", 8000)
                return
        except ImportProblem as exc:
            self._failed("Import failed", str(exc))
            return
        with focus_kept():
            accepted = dialog.exec()
        if accepted != RunsImportDialog.DialogCode.Accepted or dialog.report is None:
            return
        report = dialog.report
        self.statusBar().showMessage(
            f"Imported {plural(report.runs, 'run')} and completed "
            f"{plural(report.matched_planned, 'planned run')} from {plural(report.files, 'file')}",
            10000,
        )

    def choose_watched(self) -> None:
        current = self.watched.folder
        folder = QFileDialog.getExistingDirectory(
            self, "Watch a folder for runs (Cancel: stop watching)", str(current or "")
        )
        self.watched.set_folder(Path(folder) if folder else None)
        self.statusBar().showMessage(
            f"Watching {folder} for new runs" if folder else "No folder is watched", 8000
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_runs(paths)

    def export_backup(self) -> None:
        suggested = str(self.repo.path.with_suffix(".json"))
        path, _ = QFileDialog.getSaveFileName(self, "Export backup", suggested, JSON_FILTER)
        if not path:
            return
        try:
            export_json_file(self.repo, Path(path))
        except InterchangeError as exc:
            self._failed("Export failed", str(exc))
            return
        self.statusBar().showMessage(f"Exported the logbook to {path}", 8000)

    def _import_other_app(self, path: Path) -> None:
        from ..interchange.records import ImportProblem
        from .dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, path, self)
        try:
            dialog.load()
        except ImportProblem as exc:
            self._failed("Import failed", f"{path}: {exc}; nothing was imported")
            return
        with focus_kept():
            accepted = dialog.exec()
        if accepted != ImportDialog.DialogCode.Accepted or dialog.report is None:
            return
        report = dialog.report
        self.statusBar().showMessage(
            f"Imported {plural(report.workouts, 'workout')} ({plural(report.sets, 'set')}, "
            f"{plural(report.runs, 'run')}) from {path.name}; "
            f"{plural(report.new_exercises, 'new exercise')} to review (Edit > Exercises)",
            10000,
        )
        if report.new_exercises:
            # Where the new exercises can be checked, merged or given their muscles.
            self.show_exercises(to_review=True)

    def _export_text(
        self, title: str, suffix: str, file_filter: str, make: Callable[[], str]
    ) -> None:
        suggested = str(self.repo.path.with_suffix(suffix))
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        if not path:
            return
        try:
            export_text_file(Path(path), make())
        except InterchangeError as exc:
            self._failed("Export failed", str(exc))
            return
        self.statusBar().showMessage(f"Exported to {path}", 8000)

    def export_csv(self) -> None:
        from ..interchange.csv_export import export_csv

        self._export_text(
            "Export sets (CSV)",
            ".csv",
            "CSV (*.csv)",
            lambda: export_csv(self.repo, self.context.unit),
        )

    def export_calendar(self) -> None:
        """Planned sessions from today for a year, as events for a phone's calendar."""
        # icalendar takes 50 ms to import: not at startup.
        from ..interchange.ical import export_ics

        self._export_text(
            "Export plan (iCalendar)",
            ".ics",
            "iCalendar (*.ics)",
            lambda: export_ics(self.repo, self.context.unit),
        )
