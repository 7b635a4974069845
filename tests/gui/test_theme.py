"""View > Theme: the switch restyles what paints itself (day cells, chips, week marks, badges,
charts), is kept in the settings, and every colour with a meaning stays readable on both
themes. And the custom widgets say to a screen reader what a sighted runner sees."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.domain import RunType, Session, SessionKind, SetEntry, Status
from runstrength_desktop.gui import settings_keys as keys
from runstrength_desktop.gui import theme
from runstrength_desktop.gui.calendar import colours
from runstrength_desktop.gui.charts.theme import LIGHT_SERIES, theme_for
from runstrength_desktop.gui.plan_panel import FlagRow, count_text


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = colour.redF(), colour.greenF(), colour.blueF()
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def pick(window, name: str) -> None:
    window.findChild(type(window.menuBar().actions()[0]), f"actionTheme{name}").trigger()
    settle()


@pytest.fixture
def week(window):
    """Today: an easy run done and a lower-body session done whose light sets the planner
    flags; and a planned strength session tomorrow."""
    today = clock.today()
    window.repo.save_session(
        Session(today, SessionKind.RUN, Status.DONE, run_type=RunType.EASY, distance_km=7.3)
    )
    window.repo.save_session(
        Session(
            today,
            SessionKind.STRENGTH,
            Status.DONE,
            title="Lower body",
            sets=[SetEntry("Back squat", reps=15, weight_kg=20)] * 15,
        )
    )
    window.repo.save_session(
        Session(
            today + dt.timedelta(days=1),
            SessionKind.STRENGTH,
            Status.PLANNED,
            title="Upper body",
            sets=[SetEntry("Push-up", reps=10)] * 3,
        )
    )
    window.tabs.setCurrentWidget(window.calendar_tab)
    window.calendar_tab.select_day(today + dt.timedelta(days=2))
    settle()
    return window.calendar_tab


def test_the_theme_switch_restyles_the_calendar_and_the_charts(qtbot, window, week, settings):
    calendar = week
    cell = calendar.grid.cell_for(clock.today())
    done_run = cell.chips[0]
    week_cell = next(w for w in calendar.grid.weeks if w.week == calendar.grid.weeks[0].week)
    window.tabs.setCurrentWidget(window.progress_tab)
    settle()
    chart = window.progress_tab.strength
    window.tabs.setCurrentWidget(calendar)
    for name in ("dark", "light", "dark"):
        pick(window, name)
        palette = QApplication.palette()
        assert settings.value(keys.THEME) == name
        assert theme.is_dark(palette) is (name == "dark")
        base = palette.color(QPalette.ColorRole.Base)
        # A day cell paints its base; a done chip its kind's fill for this palette.
        assert cell.grab().toImage().pixelColor(cell.width() // 2, cell.height() - 4) == base
        fill = colours.kind_colours(palette, colours.RUN_HUE, True).fill
        image = done_run.grab().toImage()
        assert image.pixelColor(done_run.width() - 4, done_run.height() // 2).name() == fill.name()
        # The week's marks are coloured for this palette.
        assert theme.text_colour(palette, "ok").name() in week_cell.regions.text()
        # The plan panel's flags: their rows painted on this base.
        rows = calendar.plan_panel.findChildren(FlagRow)
        assert rows and all(
            row.palette().color(QPalette.ColorRole.Window) == base
            for row in rows
            if not row._picked
        )
        # The charts: background and text from the palette.
        assert chart.graphics.backgroundBrush().color() == theme_for(palette).background
        assert chart.theme.dark is (name == "dark")
    pick(window, "system")
    assert QApplication.palette().resolveMask() == 0  # every role the platform's again
    assert window.theme_actions["system"].isChecked()


def test_the_theme_is_kept_for_the_next_start(qtbot, window, db_path, settings):
    pick(window, "dark")
    window.close()
    again = create_window(db_path, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.theme_actions["dark"].isChecked()
    assert theme.is_dark(QApplication.palette())
    again.close()
    theme.apply_theme("system")


@pytest.mark.parametrize("name", ["light", "dark"])
def test_colours_with_a_meaning_are_readable_on_both_themes(name):
    palette = theme.light_palette() if name == "light" else theme.dark_palette()
    backgrounds = [palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window)]
    white = QColor("white")
    for meaning in theme.TEXT_COLOURS:  # errors, warnings, the week's marks
        for background in backgrounds:
            assert contrast(theme.text_colour(palette, meaning), background) >= 4.5, meaning
    for fill in [*theme.SEVERITY_FILL.values(), theme.TODAY_FILL, theme.TODAY_FILL_BESIDE_ORANGE]:
        assert contrast(QColor(fill), white) >= 4.5, fill  # badges and today: white text
    base = palette.color(QPalette.ColorRole.Base)
    for hue in (colours.RUN_HUE, colours.STRENGTH_HUE):
        done = colours.kind_colours(palette, hue, True)
        planned = colours.kind_colours(palette, hue, False)
        assert contrast(done.text, done.fill) >= 4.5 and contrast(planned.text, base) >= 4.5
        assert contrast(planned.border, base) >= 3  # a planned chip's dashed outline
    race = colours.race_colours(palette)
    assert contrast(race.text, race.fill) >= 4.5
    assert contrast(colours.race_outline(palette).text, base) >= 4.5
    assert contrast(colours.skipped_colours(palette).text, base) >= 4.5
    chart = theme_for(palette)
    for series in LIGHT_SERIES:  # lines, bars and markers: 3:1 for graphics
        if series != "pr":  # the gold stars carry an outline in the text colour
            assert contrast(chart.colour(series), chart.background) >= 3, series
    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert contrast(highlight, base) >= 3  # the focus frame


def test_custom_widgets_say_what_a_sighted_runner_sees(qtbot, window, week):
    calendar = week
    today = clock.today()
    cell = calendar.grid.cell_for(today)
    flags = calendar.day_flags(today)
    assert "too_light" in {f.rule for f in flags}  # 15 reps at 20 kg is too light
    day = f"{today:%A} {today.day} {today:%B}"
    assert cell.accessibleName() == (
        f"{day}, today: easy run 7.3 km, done; Lower body, 15 sets, done; {count_text(flags)}"
    )
    assert all(f.message in cell.accessibleDescription() for f in flags)
    run, lift = cell.chips
    assert run.accessibleName() == "easy run 7.3 km, done"
    assert "7.3 km" in run.accessibleDescription()
    assert "Back squat: 15 x 15 @ 20 kg" in lift.accessibleDescription()
    assert cell.badge.accessibleName() == count_text(flags)
    assert cell.badge.accessibleDescription() == cell.badge.toolTip()
    tomorrow = today + dt.timedelta(days=1)
    said = calendar.grid.cell_for(tomorrow).accessibleName()
    assert said.startswith(
        f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B}: Upper body, 3 sets, planned"
    )
    empty = calendar.grid.cell_for(today + dt.timedelta(days=3))
    assert empty.accessibleName().endswith(": nothing planned")
    week_cell = next(w for w in calendar.grid.weeks if w.week == flags[0].week)
    assert week_cell.accessibleName().startswith(f"Week {today.isocalendar()[1]}: 7.3 km run, ")
    assert "2 strength sessions" in week_cell.accessibleName()
    window.tabs.setCurrentWidget(window.progress_tab)
    settle()
    chart = window.progress_tab.strength
    assert chart.graphics.accessibleName() == "Strength chart: Back squat, estimated one-rep max"
    assert chart.graphics.accessibleDescription() == chart.note.text() != ""
