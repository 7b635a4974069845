"""The navigation bus: a view asks for a session to be shown, a new one to be started, or for
a refused write to be reported. Data news (what the logbook now holds) is not carried here:
it comes from the repository through gui/news.py."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    sessionSelected = Signal(int)  # a view asks the editor to show a session
    newSessionRequested = Signal(object, str)  # (day, "run" | "strength"): a new one in the editor
    writeFailed = Signal(str)  # the logbook refused a change: why, for the runner
