"""Giving the keyboard back: a dialog or a menu returns focus to the widget that had it, so
the calendar's keys work again without a click."""

from __future__ import annotations

from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@contextmanager
def focus_kept():
    """Around a dialog's exec(): the focus widget before it has the focus after it (when it
    is still there to take it)."""
    widget = QApplication.focusWidget()
    try:
        yield
    finally:
        if (
            widget is not None
            and shiboken6.isValid(widget)
            and widget.isVisible()
            and widget.isEnabled()
        ):
            widget.setFocus(Qt.FocusReason.PopupFocusReason)
