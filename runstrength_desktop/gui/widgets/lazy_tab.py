"""Tabs that refresh only when someone can see them. News from the bus marks a hidden tab
stale, and it catches up when shown: opening the app or saving a session does not pay for
queries behind tabs nobody is looking at."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyTab(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._stale = True

    def refresh(self) -> None:  # pragma: no cover - each tab defines it
        raise NotImplementedError

    def request_refresh(self, *_signal_args) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)
