"""The plan on the phone: a setting (File > Keep the plan in a calendar file…) that writes the
plan's iCalendar file to a chosen path, a synced folder a phone's calendar subscribes to, after
every change. The events keep the export's UIDs (made from session ids), so the phone updates
its events instead of adding new ones.

The file is made on the window's thread (a small read of the planned sessions a year ahead)
a moment after the last change, so a burst of changes writes once; it is written on a worker
thread (a synced folder can be slow), to a temporary file beside it that then replaces it, so
the phone never reads half a file. A file whose events did not change is not written again.
A write that fails (a folder gone, a full disk) is said in the status bar; the logbook is
untouched, and the next change, or choosing the file again, tries again."""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from .. import clock
from ..domain.changes import Change
from . import settings_keys as keys

log = logging.getLogger(__name__)
SETTLE_MS = 400  # after the last change of a burst (a season plan, an import)
_STAMP = re.compile(r"^DTSTAMP:.*\r?\n", re.MULTILINE)


def write_atomically(path: Path, text: str) -> None:
    """`text` into `path` through a temporary file in the same folder, then a rename: a
    reader sees the old file or the new one, never a part of it. OSError when it fails."""
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class PlanFeed(QObject):
    written = Signal(str)  # the path, after a write
    failed = Signal(str)  # what the status bar says
    _finished = Signal(str, str)  # from the worker: the path, and the error ("" when written)

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self._last: str | None = None  # the events last written (without their stamps)
        self._pending: str | None = None  # text waiting for the write under way
        self._busy = False
        self._lock = threading.Lock()
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.timer.timeout.connect(self.write_now)
        self._finished.connect(self._done)
        context.news.changed.connect(self._take_news)

    @property
    def path(self) -> Path | None:
        value = self.context.settings.value(keys.PLAN_FEED, "")
        return Path(value) if value else None

    def set_path(self, path: Path | None) -> None:
        """Keep the plan in this file from now on (None: stop); it is written at once."""
        self.context.settings.setValue(keys.PLAN_FEED, str(path) if path else "")
        self._last = None
        if path is not None:
            self.write_now()

    def _take_news(self, change: Change) -> None:
        if self.path is not None and (change.touches_sessions or change.settings):
            self.timer.start()

    def text(self) -> str:
        from ..interchange.ical import export_ics

        return export_ics(self.context.repo, self.context.unit, now=clock.now())

    def write_now(self) -> None:
        """Make the file's text now and write it on a worker thread (if it changed)."""
        self.timer.stop()
        path = self.path
        if path is None:
            return
        text = self.text()
        events = _STAMP.sub("", text)
        if events == self._last:
            return
        self._last = events
        with self._lock:
            if self._busy:
                self._pending = text  # written when the write under way is done
                return
            self._busy = True
        threading.Thread(target=self._write, args=(path, text), daemon=True).start()

    def _write(self, path: Path, text: str) -> None:
        while True:
            try:
                write_atomically(path, text)
                error = ""
            except OSError as exc:
                error = exc.strerror or str(exc)
            self._finished.emit(str(path), error)
            with self._lock:
                if self._pending is None:
                    self._busy = False
                    return
                text, self._pending = self._pending, None

    def _done(self, path: str, error: str) -> None:
        if error:
            self._last = None  # try again at the next change
            log.warning("plan calendar not written to %s: %s", path, error)
            self.failed.emit(
                f"The plan's calendar file {path} could not be written ({error}); the logbook "
                "is unchanged, and the next change tries again."
            )
        else:
            self.written.emit(path)

    def wait(self, timeout_s: float = 5.0) -> bool:
        """For tests and for closing: until no write is under way (True) or the timeout."""
        import time

        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            with self._lock:
                if not self._busy:
                    return True
            time.sleep(0.01)
        return False
