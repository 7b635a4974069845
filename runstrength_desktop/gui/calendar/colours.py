"""The calendar's colours, made from the widget's palette so a dark theme is as readable as a
light one: each kind of chip keeps its hue, and its lightness follows the palette's base."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

RUN_HUE = 128  # green
STRENGTH_HUE = 215  # blue
RACE_HUE = 4  # red
TODAY = QColor("#e8572a")  # the day number of today, never the selection's colour
SEVERITY = {"error": QColor("#c0392b"), "warning": QColor("#b9770e"), "info": QColor("#2874a6")}


@dataclass(frozen=True)
class ChipColours:
    fill: QColor  # a done session's fill (transparent when planned)
    border: QColor
    text: QColor


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def kind_colours(palette: QPalette, hue: int, done: bool) -> ChipColours:
    dark = _is_dark(palette)
    if dark:
        fill = QColor.fromHsl(hue, 90, 60) if done else QColor(0, 0, 0, 0)
        border = QColor.fromHsl(hue, 110, 130)
        text = QColor.fromHsl(hue, 80, 215)
    else:
        fill = QColor.fromHsl(hue, 90, 225) if done else QColor(0, 0, 0, 0)
        border = QColor.fromHsl(hue, 90, 130)
        text = QColor.fromHsl(hue, 110, 55)
    return ChipColours(fill, border, text)


def skipped_colours(palette: QPalette) -> ChipColours:
    grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    return ChipColours(QColor(0, 0, 0, 0), palette.color(QPalette.ColorRole.Mid), grey)


def race_colours(palette: QPalette) -> ChipColours:
    fill = QColor.fromHsl(RACE_HUE, 150, 95 if _is_dark(palette) else 110)
    return ChipColours(fill, fill.darker(130), QColor("white"))
