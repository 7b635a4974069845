"""The status bar: a message on the left, shortened to the room it has, and the logbook's
name and size on the right. (QStatusBar draws a long message on under its permanent widgets:
an error ran under the "Logbook:" label.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStatusBar

from .words import plural


class StatusBar(QStatusBar):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.logbook_label = QLabel(objectName="logbookLabel")
        self.logbook_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addPermanentWidget(self.logbook_label)
        self.messageChanged.connect(self._message_changed)

    def show_logbook(self, path: Path, sessions: int, demo: bool) -> None:
        """The file's name (the whole path in the tooltip and Help > Where your data
        lives), how many sessions it holds, and whether it is the demo."""
        what = "Demo logbook (made-up training)" if demo else "Logbook"
        self.logbook_label.setText(f"{what}: {path.name}  ·  {plural(sessions, 'session')}")
        self.logbook_label.setToolTip(str(path))

    def message_room(self) -> QRect:
        """Where the message goes: from the left edge to the first permanent widget."""
        right = self.width() - 12
        if self.logbook_label.isVisible():
            right = min(right, self.logbook_label.geometry().left() - 8)
        return QRect(6, 0, max(0, right - 6), self.height())

    def shown_message(self) -> str:
        """The message as drawn: shortened at its end when it would reach the label."""
        return self.fontMetrics().elidedText(
            self.currentMessage(), Qt.TextElideMode.ElideRight, self.message_room().width()
        )

    def _message_changed(self, message: str) -> None:
        self.setToolTip(message if message != self.shown_message() else "")

    def paintEvent(self, event) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            self.message_room(), flags | Qt.TextFlag.TextSingleLine, self.shown_message()
        )
