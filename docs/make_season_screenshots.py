"""Render a season to a race at 1366x768 into docs/: the season's preview ("Plan to a race"),
the calendar with its phase band and planned against done (month and week view), and
Progress > Plan against done five weeks into the season.

The logbook: the 10-year demo up to 2 March 2026 (its planned weeks taken out), a coach's
16 weeks of runs imported from an iCalendar file, and a marathon on the last Sunday; the
season is planned on 2 March, then five weeks are lived (most done, a few skipped).

Runs offscreen (`python docs/make_season_screenshots.py`); look at the PNGs afterwards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo_window import DOCS
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.cli import main as cli
from runstrength_desktop.domain import Race, Status
from runstrength_desktop.gui.calendar.commands import PlanSeason
from runstrength_desktop.gui.dialogs.season_dialog import SeasonDialog
from runstrength_desktop.interchange.ical_import import import_calendar

START = dt.date(2026, 3, 2)  # a Monday
RACE = Race(START + dt.timedelta(weeks=15, days=6), "Castle Marathon", 42.2)
WEEK = [  # a coach's week: (weekday, title, description)
    (1, "Tempo {km} km", "2 km easy, threshold in the middle, 2 km easy"),
    (2, "Easy 8 km", ""),
    (4, "Intervals 6x1000m", "About 60 min with warm-up and cool-down"),
    (5, "Recovery 5 km", ""),
    (6, "Long run {long} km", "Steady; the last 3 km at marathon pace"),
]


def coach_plan() -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Coach//Marathon block//EN"]
    for week in range(16):
        monday = START + dt.timedelta(weeks=week)
        km, long = 10 + week % 3, min(32, 18 + 2 * week) if week < 14 else 14
        for weekday, title, text in WEEK:
            day = monday + dt.timedelta(days=weekday)
            if day >= RACE.date:
                continue
            lines += [
                "BEGIN:VEVENT",
                f"UID:block-{day.isoformat()}@coach.example",
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"SUMMARY:{title.format(km=km, long=long)}",
                *([f"DESCRIPTION:{text}"] if text else []),
                "END:VEVENT",
            ]
    lines += [
        "BEGIN:VEVENT",
        "UID:race@coach.example",
        f"DTSTART;VALUE=DATE:{RACE.date:%Y%m%d}",
        "SUMMARY:Castle Marathon race",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def save(widget, name: str) -> None:
    settle()
    path = DOCS / f"screenshot-{name}.png"
    widget.grab().save(str(path))
    print(path)


def live_five_weeks(repo) -> None:
    """Weeks 1 to 5 done as planned, with efforts; a lift and two runs skipped."""
    end = START + dt.timedelta(weeks=5)
    planned = [
        s
        for s in repo.sessions_between(START, end - dt.timedelta(days=1))
        if s.status is Status.PLANNED
    ]
    skipped = {planned[7].id, planned[16].id, next(s.id for s in planned[20:] if s.is_strength)}
    for session in planned:
        if session.id in skipped:
            repo.save_session(dataclasses.replace(session, status=Status.SKIPPED))
            continue
        minutes = session.duration_min or ((session.distance_km or 8) * 5.6)
        effort = 7.0 if session.is_hard_run else 6.0 if session.is_strength else 4.0
        repo.save_session(
            dataclasses.replace(
                session,
                status=Status.DONE,
                duration_min=round(minutes),
                rpe=effort,
                distance_km=None
                if session.distance_km is None
                else round(session.distance_km * 1.03, 1),
            )
        )


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        clock.set_today(START)
        db = Path(folder) / "season.sqlite"
        cli(["--db", str(db), "demo", "--years", "10", "--seed", "1"])
        plan_file = Path(folder) / "coach.ics"
        plan_file.write_text(coach_plan(), encoding="utf-8")
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(db, settings)
        window.resize(1366, 768)
        window.show()
        repo = window.repo
        # The coach's plan takes the place of the demo's own next weeks.
        ahead = repo.sessions_between(START, START + dt.timedelta(weeks=20))
        repo.delete_sessions([s.id for s in ahead if s.status is Status.PLANNED])
        race = repo.save_race(RACE)
        import_calendar(repo, plan_file)
        calendar = window.calendar_tab
        window.tabs.setCurrentWidget(calendar)
        settle()

        dialog = SeasonDialog(
            repo.races(START), window.context.planner.season, START, window.context.unit, race
        )
        dialog.resize(1040, 620)
        dialog.show()
        build = next(i for i, w in enumerate(dialog.season.weeks) if w.phase.value == "build")
        dialog.weeks.setCurrentItem(dialog.weeks.topLevelItem(build))
        save(dialog, "season-preview")
        calendar.undo.push(PlanSeason(window.context, dialog.season, None))
        dialog.close()

        clock.set_today(START + dt.timedelta(weeks=5, days=2))  # five weeks on, a Wednesday
        live_five_weeks(repo)
        calendar.select_day(clock.today())
        calendar.refresh()
        save(window, "season-calendar")
        calendar.set_week_view(True)
        calendar.refresh()
        save(window, "season-calendar-week")
        calendar.set_week_view(False)

        progress = window.progress_tab
        window.tabs.setCurrentWidget(progress)
        progress.sections.setCurrentRow(progress.sections.count() - 1)
        settle()
        progress.refresh()
        save(window, "season-compliance")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
