"""What happens to the logbook outside the window: another program writing to it (the
command line's `import --replace` in a terminal) and the lock note deleted. The window looks
when it gets the focus back (the runner comes back from that terminal) and every 2 s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from ..store import display_path

WATCH_MS = 2000

if TYPE_CHECKING:
    from .main_window import MainWindow


class OutsideWatch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self, interval=WATCH_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()
        window.installEventFilter(self)

    def look(self) -> None:
        """Reload on another program's writes; write the lock note again if it is gone."""
        window = self.window
        if window.lock is not None and window.lock.check():
            window.statusBar().showMessage(
                f"The lock note {display_path(window.lock.note)} was deleted; it is written "
                "again (this window still has the logbook to itself)",
                10000,
            )
        if window.context.notice_outside_changes():
            window.statusBar().showMessage(
                "The logbook was changed by another program; everything was read again"
                + (" (your unsaved edit is kept)" if window.session_tab.is_dirty else ""),
                10000,
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.window
            and event.type() == QEvent.Type.ActivationChange
            and self.window.isActiveWindow()
        ):
            self.look()
        return False

    def stop(self) -> None:
        self.timer.stop()
        self.window.removeEventFilter(self)
