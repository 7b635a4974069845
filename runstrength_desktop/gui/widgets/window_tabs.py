"""The main window's tabs, repainting only what changed inside a page.

A change inside a page (a label's new text, a chip on another day, a message that wraps
onto a second line) asks for the page's size hints again, and the request travels up
through the page's layout and the tab widget's stack to the tab widget itself. QTabWidget
answers every such request by placing its tab bar and stack again and repainting itself
whole: every frame and widget of the page in front, though nothing it places has moved.
Here a request goes on to QTabWidget only when its answer could differ: the tab widget's
size, the tab bar's or a corner widget's size, or the smallest size a page (and so the
window) can take. A page's preferred size alone changes nothing once the window is shown:
the window keeps the size it has."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QStackedWidget, QTabWidget


class WindowTabs(QTabWidget):
    def __init__(self, parent=None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self._stack = self.findChild(
            QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        self._laid_out: tuple | None = None  # what the last request let through saw

    def _layout(self) -> tuple:
        bar = self.tabBar()
        corners = (self.cornerWidget(corner) for corner in Qt.Corner)
        return (
            self.size(),
            bar.isVisibleTo(self),
            bar.sizeHint(),
            bar.minimumSizeHint(),
            self._stack.minimumSizeHint(),
            self._stack.minimumSize(),
            tuple(w.sizeHint() if w is not None and w.isVisibleTo(self) else None for w in corners),
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            layout = self._layout()
            if layout == self._laid_out:
                return True  # taken: nothing the tab widget places would move
            self._laid_out = layout
        return super().event(event)
