"""Render the calendar and the editor on a demo logbook into docs/ (`make screenshots`): at
1366x768 and 1024x600, in the light and the dark theme, and the welcome of an empty logbook.

Runs offscreen, so it works on a machine without a screen; look at the PNGs afterwards."""

from __future__ import annotations

import datetime as dt
import sys

from demo_window import DOCS, demo_window
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import SessionKind, Status
from runstrength_desktop.domain.templates import TEMPLATES
from runstrength_desktop.gui.editor.sets_model import LOAD
from runstrength_desktop.gui.editor.start_from import start_from_template

SIZES = {"": (1366, 768), "-1024": (1024, 600)}


def shot(window, name: str) -> None:
    for _ in range(3):
        QApplication.processEvents()
    path = DOCS / f"screenshot-{name}.png"
    window.grab().save(str(path))
    print(path)


def show_calendar(window, strength) -> None:
    """The latest done strength session picked, and a flagged day's flags in the panel."""
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(strength.date, strength.id)
    QApplication.processEvents()
    flagged = [day for day in calendar.flags_by_day if day <= clock.today()]
    if flagged:
        day = max(flagged)
        calendar.select_flagged(day, [i for f in calendar.flags_by_day[day] for i in f.session_ids])
    calendar.setFocus()


def show_logging(window) -> None:
    """Today's session started from a template: the first sets marked done, the rest still
    the suggestions (today's targets), the cursor on the next set's load."""
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    editor.new_session(clock.today(), SessionKind.STRENGTH)
    start_from_template(editor, TEMPLATES[0])
    for _ in range(4):
        editor.table.mark_done_and_move_on()
    editor.table.setCurrentIndex(editor.model.index(4, LOAD))


def main() -> int:
    with demo_window() as window:
        today = clock.today()
        recent = window.repo.sessions_between(today - dt.timedelta(days=14), today)
        strength = [s for s in recent if s.is_strength and s.status is Status.DONE][-1]
        for theme in ("light", "dark"):
            window.set_theme(theme)
            dark = "-dark" if theme == "dark" else ""
            for suffix, size in SIZES.items():
                window.resize(*size)
                show_calendar(window, strength)
                shot(window, f"calendar{suffix}{dark}")
                if not suffix:
                    window.calendar_tab.set_week_view(True)
                    shot(window, f"calendar-week{dark}")
                    window.calendar_tab.set_week_view(False)
                show_logging(window)
                shot(window, f"session{suffix}{dark}")
                window.session_tab.discard()
        window.set_theme("system")
    with demo_window(years=0) as window:
        window.set_theme("light")
        window.resize(*SIZES["-1024"])
        window.calendar_tab.setFocus()
        shot(window, "welcome")
        window.set_theme("system")
    return 0


if __name__ == "__main__":
    sys.exit(main())
