"""Render each chart of the Progress tab at 1366x768 on a 10-year demo logbook, in a light and
a dark palette, into docs/screenshot-progress-<chart>.png and -<chart>-dark.png.

Runs offscreen, so it works on a machine without a screen; look at the PNGs afterwards."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_window import DOCS, demo_window
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

CHARTS = ("strength", "consistency", "balance", "load")
DARK = {
    "Window": "#2b2b2b",
    "WindowText": "#e8e8e8",
    "Base": "#1f1f1f",
    "AlternateBase": "#2b2b2b",
    "ToolTipBase": "#3a3a3a",
    "ToolTipText": "#e8e8e8",
    "Text": "#e8e8e8",
    "Button": "#353535",
    "ButtonText": "#e8e8e8",
    "BrightText": "#ff6b6b",
    "Highlight": "#2f74c0",
    "HighlightedText": "#ffffff",
    "PlaceholderText": "#9a9a9a",
    "Light": "#4a4a4a",
    "Midlight": "#3c3c3c",
    "Mid": "#2f2f2f",
    "Dark": "#1a1a1a",
    "Shadow": "#0d0d0d",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


def hover_a_record(window) -> None:
    """Show the tooltip of the last personal record, as a pointer resting on it would."""
    page = window.progress_tab.strength
    progress = page.progress
    index = int(progress.is_pr.nonzero()[0][-1])
    point = QPointF(float(progress.x[index]), float(progress.e1rm_kg[index]))
    page.hover_at(page.plot.vb.mapViewToScene(point))


def shoot(window, suffix: str) -> None:
    tab = window.progress_tab
    for row, chart in enumerate(CHARTS):
        tab.sections.setCurrentRow(row)
        QApplication.processEvents()
        if chart == "strength":
            hover_a_record(window)
            QApplication.processEvents()
        path = DOCS / f"screenshot-progress-{chart}{suffix}.png"
        window.grab().save(str(path))
        print(path)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    with demo_window() as window:
        window.tabs.setCurrentWidget(window.progress_tab)
        QApplication.processEvents()
        shoot(window, "")
        light = app.palette()
        app.setPalette(dark_palette())
        QApplication.processEvents()
        shoot(window, "-dark")
        app.setPalette(light)
    return 0


if __name__ == "__main__":
    sys.exit(main())
