"""Render the calendar and the editor at 1366x768 on a demo logbook into docs/ (`make screenshots`).

Runs offscreen, so it works on a machine without a screen; look at the PNGs afterwards."""

from __future__ import annotations

import datetime as dt
import sys

from demo_window import DOCS, demo_window
from PySide6.QtWidgets import QApplication

from runstrength_desktop.domain import Status


def main() -> int:
    with demo_window() as window:
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
        if flagged:  # show the plan panel with something to say
            day = max(flagged)
            calendar.select_flagged(
                day, [i for f in calendar.flags_by_day[day] for i in f.session_ids]
            )
        shot("calendar")
        calendar.set_week_view(True)
        shot("calendar-week")
        calendar.set_week_view(False)
        window.context.bus.sessionSelected.emit(strength[-1].id)
        window.session_tab.table.setCurrentIndex(window.session_tab.model.index(0, 2))
        shot("session")
    return 0


if __name__ == "__main__":
    sys.exit(main())
