"""The line of notes under a chart.

A word-wrapped label in a layout asks the whole window to lay out again each time its text
changes, and the window then repaints every widget in it: about 4 ms of each exercise or
unit switch, a quarter of a frame, for a note that almost always keeps its height. So the
label sits in a box without a layout, and the box tells the page's layout only when the
note needs another height."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    from .page import ChartPage


class NoteLabel(QLabel):
    """What the note says is the chart's description for a screen reader, and the chart is
    named by its page (what a sighted runner reads off it)."""

    def __init__(self, page: ChartPage, **kwargs) -> None:
        super().__init__(wordWrap=True, **kwargs)
        self._page = page
        self.box = NoteBox(self)

    def setText(self, text: str) -> None:
        if text != self.text():
            width = self.box.width()
            before = self.box.heightForWidth(width)
            super().setText(text)
            self.box.heights.clear()
            if self.box.heightForWidth(width) != before:
                self.box.updateGeometry()
        self._page.graphics.setAccessibleName(self._page.accessible_name())
        self._page.graphics.setAccessibleDescription(text)

    def clear(self) -> None:
        self.setText("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.box.heights.clear()  # the same text needs another height
            self.box.updateGeometry()
        super().changeEvent(event)


class NoteBox(QWidget):
    """Lays the note out over its whole area; as high as the note's text needs."""

    def __init__(self, label: NoteLabel) -> None:
        super().__init__()
        self.label = label
        self.heights: dict[int, int] = {}  # width -> the height the note's text needs
        label.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Laying the window out asks this a dozen times; each answer lays the text out.
        if width not in self.heights:
            self.heights[width] = self.label.heightForWidth(width)
        return self.heights[width]

    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)
