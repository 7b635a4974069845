"""The crash handler: an uncaught exception is logged and shown with everything a bug report
needs, and a copy button. Installed before the window exists."""

from __future__ import annotations

import logging
import os
import platform
import sys
import traceback

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from .. import APP_NAME, __version__
from ..logs import log_file

log = logging.getLogger(__name__)


def crash_report(exc_type, exc_value, exc_tb) -> str:
    trace = "".join(traceback.format_exception(exc_type, exc_value, exc_tb))
    return (
        f"{APP_NAME} {__version__}\nPython {platform.python_version()} on "
        f"{platform.platform()}\nQt {qVersion()}, PySide6 {pyside_version}\n\n{trace}"
    )


class CrashDialog(QDialog):
    def __init__(self, report: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(f"{APP_NAME} hit an error")
        self.report = report
        intro = QLabel(
            "Something went wrong. Your saved sessions are safe; the last change may "
            f"not have been saved.\nThe details are also in {log_file()}."
        )
        intro.setWordWrap(True)
        text = QPlainTextEdit(report, readOnly=True, objectName="crashReport")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy to clipboard", objectName="copyReport")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.report))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        self.resize(700, 450)


def install_crash_handler(fatal: bool = False) -> None:
    """fatal (--smoke): print the report and end the process at once with exit code 1
    instead of showing a dialog nobody would close on a CI machine. At once, because the
    exception may come before the event loop runs (where QApplication.exit does nothing) and
    a smoke run has nothing to save."""

    def handle(exc_type, exc_value, exc_tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc_value, exc_tb)
            return
        report = crash_report(exc_type, exc_value, exc_tb)
        log.error("uncaught exception\n%s", report)
        if fatal:
            print(report, file=sys.stderr, flush=True)  # noqa: T201 (--smoke: CI reads it)
            os._exit(1)
        elif QApplication.instance() is not None:
            CrashDialog(report, QApplication.activeWindow()).exec()
        else:
            sys.__excepthook__(exc_type, exc_value, exc_tb)

    sys.excepthook = handle
