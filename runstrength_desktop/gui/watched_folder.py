"""A folder to watch (a synced Garmin or Strava folder): the activity files that appear
there are imported when the app starts and while it runs, with a note in the status bar.
Files already read are remembered (name, size, time) so a start does not read them again."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..interchange.records import ImportProblem
from . import settings_keys as keys
from .words import plural

log = logging.getLogger(__name__)
SETTLE_MS = 1500  # a sync writes a file in pieces: wait for it to stop changing


class WatchedFolder(QObject):
    imported = Signal(str)  # the note for the status bar

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.timer.timeout.connect(self.scan)
        self.watcher.directoryChanged.connect(lambda _path: self.timer.start())

    @property
    def folder(self) -> Path | None:
        value = self.context.settings.value(keys.WATCHED_FOLDER, "")
        return Path(value) if value else None

    def set_folder(self, folder: Path | None) -> None:
        self.context.settings.setValue(keys.WATCHED_FOLDER, str(folder) if folder else "")
        self.context.settings.setValue(keys.WATCHED_SEEN, "{}")
        self.start()

    def start(self) -> None:
        """Watch the folder named in the settings (none: watch nothing) and read it now."""
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        folder = self.folder
        if folder is not None and folder.is_dir():
            self.watcher.addPath(str(folder))
            self.scan()

    def _seen(self) -> dict:
        try:
            return json.loads(self.context.settings.value(keys.WATCHED_SEEN, "{}") or "{}")
        except (TypeError, ValueError):
            return {}

    def scan(self) -> int:
        """Import the folder's files not read before; returns the runs added."""
        from ..interchange.activities import import_activities
        from ..interchange.activities.model import MAX_FILE_BYTES

        folder = self.folder
        if folder is None or not folder.is_dir():
            return 0
        seen = self._seen()
        new = {}
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.name.startswith("."):
                continue
            stat = path.stat()
            mark = [stat.st_size, int(stat.st_mtime)]
            if seen.get(path.name) != mark and stat.st_size <= MAX_FILE_BYTES:
                new[path] = mark
        if not new:
            return 0
        try:
            report = import_activities(self.context.repo, list(new))
        except ImportProblem as exc:
            report = None
            log.info("watched folder: %s", exc)
        seen.update({path.name: mark for path, mark in new.items()})
        self.context.settings.setValue(keys.WATCHED_SEEN, json.dumps(seen))
        if report is not None and (report.runs or report.matched_planned):
            self.imported.emit(
                f"Watched folder {folder.name}: {plural(report.runs, 'new run')} imported"
                + (
                    f", {plural(report.matched_planned, 'planned run')} done"
                    if report.matched_planned
                    else ""
                )
            )
            return report.runs
        return 0
