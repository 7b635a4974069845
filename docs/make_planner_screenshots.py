"""Render the plan panel at 1366x768 on a demo logbook into docs/: its flags grouped by
severity and rule, a fix's preview, and what "Plan this week" shows before it writes.

Runs offscreen (`python docs/make_planner_screenshots.py`); look at the PNGs afterwards."""

from __future__ import annotations

import datetime as dt
import sys

from demo_window import DOCS, demo_window
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import RunType, Session, SessionKind, Status, monday_of
from runstrength_desktop.gui.dialogs.plan_week_dialog import PlanWeekDialog


def save(widget, name: str) -> None:
    QApplication.processEvents()
    path = DOCS / f"screenshot-{name}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    with demo_window() as window:
        today = clock.today()
        calendar, planner = window.calendar_tab, window.context.planner
        window.tabs.setCurrentWidget(calendar)
        calendar.splitter.setSizes([900, 466])
        # The grouped panel: the recent past week with the most kinds of flag.
        first = monday_of(today) - dt.timedelta(weeks=40)
        flags = planner.flags(first, monday_of(today) - dt.timedelta(days=1))
        by_week: dict[dt.date, set] = {}
        for flag in flags:
            by_week.setdefault(monday_of(flag.date), set()).add((flag.severity, flag.rule))
        busiest = max(by_week, key=lambda m: (len(by_week[m]), m))
        calendar.set_week_view(True)
        calendar.select_day(busiest + dt.timedelta(days=2))
        save(window, "plan-panel")

        # A fix: a planned week with the leg session on the day before the intervals.
        monday = next(
            monday_of(today) + dt.timedelta(weeks=w)
            for w in range(3, 12)
            if not any(
                0 <= (r.date - (monday_of(today) + dt.timedelta(weeks=w))).days < 21
                for r in window.repo.races()
            )
        )
        day = lambda n: monday + dt.timedelta(days=n)  # noqa: E731
        for offset, run_type, km in (
            (1, RunType.INTERVALS, 10),
            (3, RunType.EASY, 8),
            (6, RunType.LONG, 18),
        ):
            window.repo.save_session(
                Session(
                    day(offset),
                    SessionKind.RUN,
                    Status.PLANNED,
                    title=f"{run_type.value.capitalize()} run",
                    run_type=run_type,
                    distance_km=km,
                    duration_min=km * 5.5,
                )
            )
        recent = [
            s
            for s in window.repo.sessions_between(today - dt.timedelta(days=28), today)
            if s.is_strength and s.status is Status.DONE
        ]
        lower = next(s for s in reversed(recent) if "Lower" in s.title)
        upper = next(s for s in reversed(recent) if "Upper" in s.title)
        window.repo.save_session(lower.copy(date=day(0), status=Status.PLANNED, start=None))
        window.repo.save_session(
            upper.copy(date=day(3), status=Status.PLANNED, start=None, order=1)
        )
        calendar.select_day(day(0))
        panel = calendar.plan_panel
        flag = next(f for f in panel.flags if f.rule == "lift_before_hard_run")
        item = next(i for i in panel.flag_items() if flag.message in i.text())
        panel.activate(item)
        save(window, "plan-fix")

        # "Plan this week" on a week with runs and no lifts yet.
        for session in window.repo.sessions_between(monday, monday + dt.timedelta(days=6)):
            if session.is_strength:
                window.repo.delete_session(session.id)
        calendar.select_day(monday)
        plan = planner.week_plan(monday)
        dialog = PlanWeekDialog(monday.strftime("%G-W%V"), plan, window.context.unit, window)
        dialog.show()
        save(dialog, "plan-week")
        dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
