"""Chart colours that follow the application palette (light or dark).

Series colours are picked to be told apart by colour-blind readers (blue against orange)
and to keep their contrast on either background."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class ChartTheme:
    dark: bool
    background: QColor
    foreground: QColor
    muted: QColor  # grid and secondary text
    tooltip_fill: QColor

    def colour(self, name: str, alpha: int = 255) -> QColor:
        colour = QColor((DARK_SERIES if self.dark else LIGHT_SERIES)[name])
        colour.setAlpha(alpha)
        return colour


LIGHT_SERIES = {
    "e1rm": "#1f63b4",
    "trend": "#5d8fcc",  # a pale line, still 3:1 on white (tests/gui/test_theme.py)
    "load": "#d9731a",
    "pr": "#e0a800",
    "volume": "#2a8c7a",
    "strength": "#3b6fb6",
    "target": "#3a9d5d",
    "run": "#d9731a",
    "lift": "#3b6fb6",
    "lower": "#3b6fb6",
    "calves": "#c8661a",
    "upper": "#4f9d55",
    "core": "#8a6bb8",
    # Long-term load (fitness, chronic) in green, short-term (fatigue, acute) in magenta.
    "fitness": "#2e8b57",
    "fatigue": "#c43d6b",
    "acute": "#c43d6b",
    "chronic": "#2e8b57",
    "ratio": "#5a4fb0",
    "highlight": "#202020",
    "met": "#3a9d5d",
    "some": "#b58600",  # amber: 3:1 on white, as every series (tests/gui/test_theme.py)
    "none": "#d0504a",
    "body": "#7a5cb0",
    "form": "#5a4fb0",
    "estimated": "#8a8a8a",
}
DARK_SERIES = {
    "e1rm": "#6fb1ff",
    "trend": "#3d6d9e",
    "load": "#ffab5e",
    "pr": "#ffd54a",
    "volume": "#5fd1bb",
    "strength": "#6fa5f0",
    "target": "#5cc984",
    "run": "#ffab5e",
    "lift": "#6fa5f0",
    "lower": "#6fa5f0",
    "calves": "#ffab5e",
    "upper": "#7fcf84",
    "core": "#b9a0e8",
    "fitness": "#6fdc9a",
    "fatigue": "#ff7aa8",
    "acute": "#ff7aa8",
    "chronic": "#6fdc9a",
    "ratio": "#b3a8ff",
    "highlight": "#f0f0f0",
    "met": "#5cc984",
    "some": "#e8c040",
    "none": "#e8706a",
    "body": "#b9a0e8",
    "form": "#b3a8ff",
    "estimated": "#a0a0a0",
}


def theme_for(palette: QPalette) -> ChartTheme:
    window = palette.color(QPalette.ColorRole.Window)
    dark = window.lightness() < 128
    background = palette.color(QPalette.ColorRole.Base)
    foreground = palette.color(QPalette.ColorRole.WindowText)
    muted = QColor(foreground)
    muted.setAlpha(90)
    fill = QColor(palette.color(QPalette.ColorRole.ToolTipBase))
    if (fill.lightness() < 128) != dark:  # some styles keep a yellow tooltip in dark mode
        fill = QColor(background)
    fill.setAlpha(235)
    return ChartTheme(dark, background, foreground, muted, fill)
