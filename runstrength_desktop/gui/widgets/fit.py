"""Dialog sizes that fit: what a dialog would like, but never more than the screen's room
(a 1024 x 600 laptop has little) or the window it is opened from."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within(dialog: QWidget, width: int, height: int, parent: QWidget | None) -> None:
    room = dialog.screen().availableGeometry()
    most_wide, most_tall = room.width() - 40, room.height() - 60  # and a title bar
    if parent is not None:
        window = parent.window()
        most_wide, most_tall = min(most_wide, window.width()), min(most_tall, window.height() - 40)
    dialog.resize(max(320, min(width, most_wide)), max(240, min(height, most_tall)))
