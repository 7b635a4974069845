"""The window every screenshot script renders: a 10-year demo logbook (seed 1) at 1366x768,
offscreen, in a throwaway folder (or an empty logbook, for the first run's welcome)."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from runstrength_desktop.app import create_window
from runstrength_desktop.cli import main as cli

DOCS = Path(__file__).resolve().parent


@contextmanager
def demo_window(years: int = 10):
    """years=0: an empty logbook."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        if years:
            cli(["--db", str(db), "demo", "--years", str(years), "--seed", "1"])
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(db, settings)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()  # the calendar shows its focus frame as it does in use
        try:
            yield window
        finally:
            window.close()
