"""Render resources/icons/runstrength-desktop.svg into the PNG sizes desktops and the window
icon fall back on (16 to 512 px), with Qt's own SVG renderer so no other tool is needed.

    .venv/bin/python packaging/render_icons.py

The PNGs are committed: run this again only when the SVG changes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
NAME = "runstrength-desktop"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"{target}: could not be written")


def main() -> int:
    QGuiApplication(sys.argv[:1])  # QImage and QPainter want an application for fonts
    svg = ICONS / f"{NAME}.svg"
    for size in SIZES:
        target = ICONS / f"{NAME}-{size}.png"
        render(svg, size, target)
        print(f"{target.relative_to(ICONS.parents[1])}: {size}x{size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
