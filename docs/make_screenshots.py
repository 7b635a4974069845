"""Render the calendar and the editor at 1366x768 on a demo logbook into docs/ (`make screenshots`).

Runs offscreen, so it works on a machine without a screen; look at the PNGs afterwards."""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from runstrength_desktop.app import create_window  # noqa: E402
from runstrength_desktop.cli import main as cli  # noqa: E402
from runstrength_desktop.domain import Status  # noqa: E402

DOCS = Path(__file__).resolve().parent


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        cli(["--db", str(db), "demo", "--years", "10", "--seed", "1"])
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(db, settings)
        window.resize(1366, 768)
        window.show()
        today = dt.date.today()
        recent = window.repo.sessions_between(today - dt.timedelta(days=14), today)
        strength = [s for s in recent if s.is_strength and s.status is Status.DONE]
        calendar = window.calendar_tab

        def shot(name: str) -> None:
            QApplication.processEvents()
            window.grab().save(str(DOCS / f"screenshot-{name}.png"))
            print(DOCS / f"screenshot-{name}.png")

        window.tabs.setCurrentWidget(calendar)
        calendar.select_day(strength[-1].date, strength[-1].id)
        QApplication.processEvents()
        flagged = [day for day in calendar.flags_by_day if day <= today]
        if flagged:                      # show the plan panel with something to say
            day = max(flagged)
            calendar.select_flagged(day, [i for f in calendar.flags_by_day[day]
                                          for i in f.session_ids])
        shot("calendar")
        calendar.set_week_view(True)
        shot("calendar-week")
        calendar.set_week_view(False)
        window.context.bus.sessionSelected.emit(strength[-1].id)
        window.session_tab.table.setCurrentIndex(window.session_tab.model.index(0, 2))
        shot("session")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
