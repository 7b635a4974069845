"""View > Theme: follow the system, light or dark. One palette for the whole application, and
the few colours that carry a meaning (an error, a mark, today) picked for the palette in use,
so the dark theme is as readable as the light one.

Widgets that paint themselves read their colours from their palette when they paint, or
again on a PaletteChange event: nothing keeps a colour made for the other theme."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

THEMES = {"system": "Follow the &system", "light": "&Light", "dark": "&Dark"}
DEFAULT_THEME = "system"
_SYSTEM_STYLE = "runstrengthSystemStyle"  # the style Qt chose before any theme was applied

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
    "Link": "#6fb1ff",
    "LinkVisited": "#b9a0e8",
    "Light": "#4a4a4a",
    "Midlight": "#3c3c3c",
    "Mid": "#4b4b4b",  # the calendar's cell borders: visible on the dark base
    "Dark": "#1a1a1a",
    "Shadow": "#0d0d0d",
}
DARK_DISABLED = {"WindowText": "#8c8c8c", "Text": "#8c8c8c", "ButtonText": "#8c8c8c"}

# Colours with a meaning, for text on the base or the window colour: (light, dark). Each pair
# keeps a contrast of at least 4.5 against both backgrounds of its theme (tests/gui/test_theme).
TEXT_COLOURS = {
    "error": ("#b00020", "#ff8a80"),
    "warning": ("#8a5300", "#ffb74d"),
    "ok": ("#1b7a33", "#7ddc8f"),
    "bad": ("#b3261e", "#ff8a80"),
}
# The fill behind a field or cell whose text cannot be taken, under the theme's own text.
INVALID_FILL = ("#ffcdcd", "#6e2a2a")
# Filled marks with white text on them (a day's flag badge, today's date): the same in
# both themes, dark enough for white.
SEVERITY_FILL = {"error": "#c0392b", "warning": "#9a5b00", "info": "#2868a0"}
TODAY_FILL = "#c4411a"  # orange: never a selection colour...
TODAY_FILL_BESIDE_ORANGE = "#0f7a6c"  # ...unless the system's highlight is orange (Ubuntu)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def text_colour(palette: QPalette, name: str) -> QColor:
    light, dark = TEXT_COLOURS[name]
    return QColor(dark if is_dark(palette) else light)


def invalid_fill(palette: QPalette) -> QColor:
    return QColor(INVALID_FILL[1 if is_dark(palette) else 0])


def invalid_style(palette: QPalette) -> str:
    """A style sheet for a field that cannot be taken (its text in the theme's colour)."""
    text = palette.color(QPalette.ColorRole.Text).name()
    return f"background: {invalid_fill(palette).name()}; color: {text}"


def suggestion_colour(palette: QPalette) -> QColor:
    """A suggested value not yet logged: the palette's placeholder grey, which each theme
    keeps readable on its base."""
    return palette.color(QPalette.ColorRole.PlaceholderText)


def text_colours(palette: QPalette) -> dict[str, str]:
    """Every meaning's colour for this palette, by name ("#1b7a33"), for rich text."""
    column = 1 if is_dark(palette) else 0
    return {meaning: pair[column] for meaning, pair in TEXT_COLOURS.items()}


def today_fill(palette: QPalette) -> QColor:
    """Today's date pill, in a hue far from the selection's, whatever the system's."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    ours = QColor(TODAY_FILL)
    distance = abs(highlight.hslHue() - ours.hslHue()) % 360
    if highlight.hslSaturation() > 60 and min(distance, 360 - distance) < 45:
        return QColor(TODAY_FILL_BESIDE_ORANGE)
    return ours


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role, colour in DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), colour)
    return palette


def light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


def apply_theme(name: str) -> None:
    """The named theme on the whole application: "system" gives back the style and palette
    the platform chose; "light" and "dark" use Fusion, the one style that draws every
    palette faithfully."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return  # no widgets yet (the command line): nothing to theme
    system_style = app.property(_SYSTEM_STYLE)
    if system_style is None:
        system_style = app.style().name()
        app.setProperty(_SYSTEM_STYLE, system_style)
    style = system_style if name not in ("light", "dark") else "fusion"
    if app.style().name().lower() != style.lower():
        app.setStyle(style)
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8: native dialogs and title bars follow
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
        hints.setColorScheme(scheme.get(name, Qt.ColorScheme.Unknown))
    if name == "dark":
        app.setPalette(dark_palette())
    elif name == "light":
        app.setPalette(light_palette())
    else:
        app.setPalette(QPalette())  # nothing set: every role resolves to the platform's


class _PaletteWatcher(QObject):
    def __init__(self, widget: QWidget, restyle) -> None:
        super().__init__(widget)
        self._restyle = restyle
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle(watched)
        return False


def follow_palette(widget: QWidget, restyle) -> None:
    """restyle(widget) now and whenever the widget's palette changes (a theme switch)."""
    restyle(widget)
    _PaletteWatcher(widget, restyle)


def colour_text(name: str):
    """A restyle for follow_palette: the label's text in the meaning's colour."""

    def restyle(label: QWidget) -> None:
        palette = label.palette()
        colour = text_colour(palette, name)
        if palette.color(QPalette.ColorRole.WindowText) != colour:
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            palette.setColor(QPalette.ColorRole.Text, colour)
            label.setPalette(palette)

    return restyle
