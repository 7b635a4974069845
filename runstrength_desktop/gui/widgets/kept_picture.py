"""A widget's last drawing, kept and copied while what it shows is unchanged: showing a tab
paints every widget on it, and copying a picture costs a fraction of drawing it again (the
calendar's day cells and chips)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget


class KeptPicture:
    def __init__(self) -> None:
        self._kept: tuple[Hashable, QPixmap] | None = None

    def forget(self) -> None:
        self._kept = None

    def paint(self, widget: QWidget, shows: Hashable, draw: Callable[[QPainter], None]) -> None:
        """Paint `widget` from its picture, drawn again with `draw` when what it `shows`
        or how it looks (size, pixel ratio, palette and its colour group, font) changed."""
        ratio, palette = widget.devicePixelRatioF(), widget.palette()
        key = (
            shows,
            widget.size(),
            ratio,
            palette.cacheKey(),
            palette.currentColorGroup(),  # active or not, too
            widget.font(),
        )
        if self._kept is None or self._kept[0] != key:
            picture = QPixmap(widget.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            painter = QPainter(picture)
            painter.setFont(widget.font())
            draw(painter)
            painter.end()
            self._kept = (key, picture)
        QPainter(widget).drawPixmap(0, 0, self._kept[1])
