"""The calendar's colours, made from the widget's palette so a dark theme is as readable as a
light one: each kind of chip keeps its hue, and its lightness follows the palette's base."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from ..theme import is_dark

RUN_HUE = 128  # green
STRENGTH_HUE = 215  # blue
RACE_HUE = 4  # red


@dataclass(frozen=True)
class ChipColours:
    fill: QColor  # a done session's fill (transparent when planned)
    border: QColor
    text: QColor


def kind_colours(palette: QPalette, hue: int, done: bool) -> ChipColours:
    dark = is_dark(palette)
    if dark:
        fill = QColor.fromHsl(hue, 90, 60) if done else QColor(0, 0, 0, 0)
        border = QColor.fromHsl(hue, 110, 130)
        text = QColor.fromHsl(hue, 80, 215)
    else:
        fill = QColor.fromHsl(hue, 90, 225) if done else QColor(0, 0, 0, 0)
        border = QColor.fromHsl(hue, 90, 112)
        text = QColor.fromHsl(hue, 110, 55)
    return ChipColours(fill, border, text)


def skipped_colours(palette: QPalette) -> ChipColours:
    """Grey and struck through, but still readable: halfway from the text to the base (the
    style's disabled grey is too faint on a light base)."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    grey = QColor.fromRgbF(
        *(
            0.55 * t + 0.45 * b
            for t, b in (
                (text.redF(), base.redF()),
                (text.greenF(), base.greenF()),
                (text.blueF(), base.blueF()),
            )
        )
    )
    return ChipColours(QColor(0, 0, 0, 0), palette.color(QPalette.ColorRole.Mid), grey)


def race_colours(palette: QPalette) -> ChipColours:
    fill = QColor.fromHsl(RACE_HUE, 150, 95 if is_dark(palette) else 110)
    return ChipColours(fill, fill.darker(130), QColor("white"))


def race_outline(palette: QPalette) -> ChipColours:
    """A planned race run: the race's red, not yet filled."""
    filled = race_colours(palette)
    text = QColor.fromHsl(RACE_HUE, 100, 200) if is_dark(palette) else filled.fill.darker(115)
    return ChipColours(QColor(0, 0, 0, 0), filled.fill, text)
