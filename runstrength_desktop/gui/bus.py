"""The signal bus: tabs never call each other; they announce changes here and each tab
refreshes itself."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    sessionSaved = Signal(int)  # a session was created or changed (its id)
    sessionsChanged = Signal()  # several sessions changed (import, delete, move)
    planChanged = Signal()  # races or week phases changed
    unitChanged = Signal(str)  # "kg" or "lb"
    logbookChanged = Signal()  # another logbook file was opened
    sessionSelected = Signal(int)  # a view asks the editor to show a session
    newSessionRequested = Signal(object, str)  # (day, "run" | "strength"): a new one in the editor
    writeFailed = Signal(str)  # the logbook refused a change: why, for the runner
