"""The crash handler logs the traceback and shows it with version details and a copy button."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

from runstrength_desktop.gui.crash import CrashDialog, crash_report, install_crash_handler


def test_crash_dialog_shows_and_copies_the_report(qtbot):
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        report = crash_report(*sys.exc_info())
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QPlainTextEdit, "crashReport").toPlainText()
    assert "ZeroDivisionError: boom" in text and "RunStrength Desktop" in text and "Qt " in text
    dialog.findChild(QPushButton, "copyReport").click()
    assert "ZeroDivisionError: boom" in QApplication.clipboard().text()


def test_excepthook_logs_and_shows_the_dialog(qtbot, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.report))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_crash_handler()
    try:
        raise KeyError("lost")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert shown and "KeyError: 'lost'" in shown[0]
    assert "uncaught exception" in caplog.text
