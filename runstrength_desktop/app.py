"""Starting the GUI. `create_window` builds the window without running the event loop, so
tests and the --smoke check use exactly what a runner gets."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # pyqtgraph must bind to PySide6

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__
from .config import APP_AUTHOR


def ensure_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    from .gui.app_icon import app_icon

    app.setWindowIcon(app_icon())
    return app


def create_window(db_path: Path | str, settings: QSettings | None = None):
    """The main window on the logbook at db_path. Raises store.LogbookError for a file that
    must not be opened, or that another window has open (store/file_lock.py)."""
    from .gui.main_window import MainWindow
    from .store import Repository, lock_logbook

    ensure_application()
    # Locked before opening: a refused second window must not even run the backup on start.
    lock = lock_logbook(Path(db_path))
    try:
        repo = Repository.open(lock.path)
    except BaseException:
        lock.release()
        raise
    return MainWindow(repo, settings or QSettings(), lock=lock)


class _FirstPaint(QObject):
    """Notices the window's first paint event (what --smoke measures)."""

    def __init__(self, callback) -> None:
        super().__init__()
        self._callback = callback

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False


def run_gui(db_path: Path, smoke: bool = False, started: float | None = None) -> int:
    from .gui.crash import install_crash_handler
    from .gui.dialogs.logbook_error import show_logbook_error
    from .gui.shutdown import quit_on_signals
    from .store import LogbookError

    started = started if started is not None else time.perf_counter()
    if smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = ensure_application()
    install_crash_handler(fatal=smoke)
    try:
        window = create_window(db_path)
    except LogbookError as error:
        logging.getLogger(__name__).error("%s", error)
        print(f"runstrength-desktop: {error}", file=sys.stderr)
        if not smoke:
            show_logbook_error(None, error)
        return 2
    if smoke:

        def report() -> None:
            print(json.dumps({"startup_s": round(time.perf_counter() - started, 4)}), flush=True)
            window.close()
            app.quit()

        watcher = _FirstPaint(report)
        window.installEventFilter(watcher)
    quit_on_signals(window.quit_quietly)
    window.show()
    return app.exec()
