"""The window icon, from the PNG sizes rendered from the SVG (packaging/render_icons.py).

PNGs rather than the SVG itself: Qt reads PNG without a plugin, so the icon shows even where
the SVG image plugin is missing (a trimmed bundle, a distribution's split Qt packages)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ..assets import resource_path

ICON_NAME = "runstrength-desktop"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource_path("icons", f"{ICON_NAME}-{size}.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    if icon.isNull():  # a source tree whose PNGs were never rendered
        icon = QIcon(str(resource_path("icons", f"{ICON_NAME}.svg")))
    return icon
