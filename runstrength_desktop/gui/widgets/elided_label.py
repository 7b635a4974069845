"""A one-line label that shortens its text to its width instead of being cut (the whole text
in its tooltip): a headline beside buttons at 1024 px."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    def __init__(self, *args, mode=Qt.TextElideMode.ElideMiddle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._mode = mode  # the middle by default: a headline's date and numbers both stay
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text if self.shown_text() != text else "")

    def shown_text(self) -> str:
        rect = self.contentsRect()
        return self.fontMetrics().elidedText(self.text(), self._mode, rect.width())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setToolTip(self.text() if self.shown_text() != self.text() else "")

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.setFont(self.font())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.contentsRect(), flags, self.shown_text())
