"""The main window's tabs, repainting only what changed inside a page.

A change inside a page (a label's new text, a chip on another day, a message that wraps
onto a second line) asks for the page's size hints again, and the request travels up
through the page's layout and the tab widget's stack to the tab widget itself. QTabWidget
answers every such request by placing its tab bar and stack again and repainting itself
whole: every frame and widget of the page in front, though nothing it places has moved.
Here the request reaches QTabWidget only when what it places could move (its size, the tab
bar's, a corner widget's). When only the smallest size a page can take changed (a day
with one more chip, the week view's title), the window is told (updateGeometry), so it
never gets smaller than a page needs, and nothing is repainted. A page's preferred size
alone changes nothing once the window is shown: the window keeps the size it has."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QStackedWidget, QTabWidget


class WindowTabs(QTabWidget):
    def __init__(self, parent=None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        stack = self.findChild(QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        assert stack is not None  # QTabWidget makes its pages' stack when it is made
        self._stack: QStackedWidget = stack
        self._placed: tuple | None = None  # what QTabWidget last placed its parts from
        self._smallest: tuple | None = None  # and the smallest sizes the window last heard

    def _placement(self) -> tuple:
        bar = self.tabBar()
        corners = (self.cornerWidget(corner) for corner in Qt.Corner)
        return (
            self.size(),
            bar.isVisibleTo(self),
            bar.sizeHint(),
            tuple(w.sizeHint() if w is not None and w.isVisibleTo(self) else None for w in corners),
        )

    def _smallest_sizes(self) -> tuple:
        return (self.tabBar().minimumSizeHint(), self._stack.minimumSizeHint())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            placement, smallest = self._placement(), self._smallest_sizes()
            if placement == self._placed:
                if smallest != self._smallest:
                    self._smallest = smallest
                    self.updateGeometry()  # the window's own minimum follows the page's
                return True  # taken: nothing the tab widget places would move
            self._placed, self._smallest = placement, smallest
        return super().event(event)
