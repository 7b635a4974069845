"""The colours of a season's phases, for the calendar's phase strip and the season preview:
one hue per phase, its lightness made from the palette so a dark theme reads as well."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from ...domain import Phase
from ..theme import is_dark

# Hues told apart by colour-blind readers in order: base, build, peak, then the light weeks.
PHASE_HUES = {
    Phase.BASE: 210,  # blue
    Phase.BUILD: 30,  # orange
    Phase.PEAK: 280,  # purple
    Phase.TAPER: 175,  # teal
    Phase.RECOVERY: 95,  # green-yellow
}


def phase_fill(palette: QPalette, phase: Phase) -> QColor:
    """The band behind a phase's name."""
    hue = PHASE_HUES[phase]
    return QColor.fromHsl(hue, 110, 70) if is_dark(palette) else QColor.fromHsl(hue, 130, 205)


def phase_text(palette: QPalette, phase: Phase) -> QColor:
    """A phase's name on its band (at least 4.5:1 on it)."""
    hue = PHASE_HUES[phase]
    return QColor.fromHsl(hue, 60, 235) if is_dark(palette) else QColor.fromHsl(hue, 120, 40)
