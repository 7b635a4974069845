"""Render the import preview of a folder of watch files, and a recorded run with its laps in
the session editor, at 1366x768 into docs/ (screenshot-runs-import-preview.png,
screenshot-run-laps.png).

Runs offscreen on generated activity files (the tests' own small TCX and GPX writers, never
other people's tracks): four weeks of runs with intervals, a tempo, long runs, a ride, a file
that is not an activity, and a planned run the import completes."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RUNSTRENGTH_TZ", "Europe/Berlin")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS))
sys.path.insert(0, str(DOCS.parent / "tests" / "interchange" / "activities"))
from activity_fixtures import gpx, intervals_tcx, straight_run, tcx, tcx_lap  # noqa: E402
from make_import_screenshots import over_window  # noqa: E402

from runstrength_desktop import clock  # noqa: E402
from runstrength_desktop.app import create_window  # noqa: E402
from runstrength_desktop.domain import RunType, Session, SessionKind, Status  # noqa: E402
from runstrength_desktop.gui.dialogs.runs_import_dialog import RunsImportDialog  # noqa: E402

TODAY = dt.date(2026, 11, 29)


def tempo_tcx(start: dt.datetime) -> bytes:
    plan = [
        (720, 2000, 138),
        (600, 2400, 165),
        (600, 2400, 168),
        (600, 2400, 170),
        (720, 2000, 142),
    ]
    laps, at = [], start
    for seconds, metres, hr in plan:
        laps.append(tcx_lap(at, seconds, metres, hr))
        at += dt.timedelta(seconds=seconds)
    return tcx(("Running", start, laps))


def watch_folder(folder: Path) -> None:
    monday = dt.datetime(2026, 11, 2, 6, 40, tzinfo=dt.UTC)
    for week in range(4):
        base = monday + dt.timedelta(weeks=week)
        (folder / f"{week}-tue.tcx").write_bytes(intervals_tcx(base + dt.timedelta(days=1), reps=6))
        (folder / f"{week}-thu.tcx").write_bytes(tempo_tcx(base + dt.timedelta(days=3)))
        easy = gpx(straight_run(base + dt.timedelta(days=2, hours=11), 40, 190), "Evening Run")
        (folder / f"{week}-wed.gpx").write_bytes(easy)
        long = gpx(straight_run(base + dt.timedelta(days=6, hours=2), 100, 180), "Sunday long run")
        (folder / f"{week}-sun.gpx").write_bytes(long)
    ride = dt.datetime(2026, 11, 14, 9, 0, tzinfo=dt.UTC)
    (folder / "ride.tcx").write_bytes(tcx(("Biking", ride, [tcx_lap(ride, 5400, 45000)])))
    (folder / "settings.fit").write_bytes(b"\x0e\x10\x00\x00" + b"\x00" * 20)


def main() -> int:
    clock.set_today(TODAY)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "Garmin"
        folder.mkdir()
        watch_folder(folder)
        settings = QSettings(str(Path(temp) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(Path(temp) / "logbook.sqlite", settings)
        window.resize(1366, 768)
        window.show()
        window.repo.save_session(
            Session(
                dt.date(2026, 11, 19),
                SessionKind.RUN,
                Status.PLANNED,
                title="Threshold 3 x 10 min",
                run_type=RunType.TEMPO,
            )
        )
        dialog = RunsImportDialog(window.context, [folder], window)
        dialog.load()
        dialog.resize(1180, 620)
        dialog.show()
        QApplication.processEvents()
        over_window(window, dialog).save(str(DOCS / "screenshot-runs-import-preview.png"))
        dialog.start_import()
        run = next(
            s for s in window.repo.all_sessions() if s.run_type is RunType.INTERVALS and s.laps
        )
        window.context.bus.sessionSelected.emit(run.id)
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(DOCS / "screenshot-run-laps.png"))
        window.session_tab.undo.clear()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
