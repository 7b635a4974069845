"""Render each view of the Progress tab at 1366x768, in a light and a dark palette, on a
10-year demo logbook into docs/screenshot-progress-<view>.png and -<view>-dark.png, and, when
given an export of another app (Strong, Hevy, FitNotes), on that history imported into a new
logbook as a new user would, into -<view>-real.png and -<view>-real-dark.png:

    python docs/make_progress_screenshots.py [export.csv]

Runs offscreen, so it works on a machine without a screen; look at the PNGs afterwards."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_window import DOCS, demo_window
from PySide6.QtCore import QPointF, QSettings
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.gui.theme import apply_theme

# (file name, section row, range button: days, None for All, or "" to keep the default)
VIEWS = (
    ("strength", 0, None),
    ("strength-year", 0, 365),
    ("consistency", 1, None),
    ("consistency-year", 1, 365),
    ("volume", 2, ""),
    ("muscles", 3, ""),
    ("balance", 4, ""),
    ("body", 5, ""),
    ("load", 6, ""),
)


def hover_a_record(window) -> None:
    """Show the tooltip of the last personal record, as a pointer resting on it would."""
    page = window.progress_tab.strength
    progress, series = page.progress, page.series
    if series is None or not progress.is_pr.any():
        return
    session = int(progress.is_pr.nonzero()[0][-1])
    index = int(abs(series.sessions - session).argmin())
    point = QPointF(float(series.x[index]), float(series.e1rm_kg[index]))
    page.hover_at(page.plot.vb.mapViewToScene(point))


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def shoot(window, suffix: str, views=VIEWS) -> None:
    tab = window.progress_tab
    for name, row, days in views:
        tab.sections.setCurrentRow(row)
        settle()
        if days != "":
            tab.current_page.range_buttons.buttons[days].click()
            settle()
        if name.startswith("strength"):
            hover_a_record(window)
            settle()
        path = DOCS / f"screenshot-progress-{name}{suffix}.png"
        window.grab().toImage().save(str(path), "PNG", 0)  # quality 0: the smallest file
        print(path)


def light_and_dark(window, suffix: str, views=VIEWS) -> None:
    window.tabs.setCurrentWidget(window.progress_tab)
    apply_theme("light")
    settle()
    shoot(window, suffix, views)
    apply_theme("dark")  # what View > Theme > Dark does
    settle()
    shoot(window, f"{suffix}-dark", views)
    apply_theme("light")
    settle()


def imported_window(export: Path, folder: Path):
    """A new logbook holding the export, as File > Import writes it."""
    from runstrength_desktop.interchange.importer import import_file
    from runstrength_desktop.store import Repository

    db = folder / "imported.sqlite"
    repo = Repository.open(db)
    try:
        report = import_file(repo, export)
        print(f"imported {report.sessions} sessions, {report.sets} sets from {export.name}")
    finally:
        repo.close()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(db, settings)
    window.resize(1366, 768)
    window.show()
    return window


def main(argv: list[str]) -> int:
    with demo_window() as window:
        light_and_dark(window, "")
    if argv:
        with tempfile.TemporaryDirectory() as folder:
            window = imported_window(Path(argv[0]), Path(folder))
            try:
                # An export has no body weights, so that view only says what to log.
                views = [v for v in VIEWS if v[0] not in ("body", "load")]
                light_and_dark(window, "-real", views)
                # Its sessions have no RPE but estimated loads (from their durations and
                # sets). The load chart ends today: seen the day after the export's last
                # session, as its owner saw it, not a year of nothing later.
                last = max(s.date for s in window.repo.all_sessions())
                clock.set_today(last + dt.timedelta(days=1))
                light_and_dark(window, "-real", [v for v in VIEWS if v[0] == "load"])
                clock.set_today(None)
            finally:
                window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
