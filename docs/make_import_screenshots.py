"""Render the import preview (with the unit guessed from the loads), its progress dialog and
the exercise manager it opens afterwards over the main window at 1366x768 into docs/
(screenshot-import-preview.png, screenshot-import-progress.png,
screenshot-exercise-manager.png).

Runs offscreen on a generated Strong export (never on other people's files), so it works on
a machine without a screen. Offscreen windows have no frames: each dialog is painted centred
over the window with a plain title bar, as a window manager would show it."""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from runstrength_desktop.app import create_window
from runstrength_desktop.gui.dialogs.import_dialog import ImportDialog

DOCS = Path(__file__).resolve().parent
TITLE_BAR = 28
# Names as a pounds user's Strong export has them, with what each lifts (in lb).
NAMES = {
    "Squat (Barbell)": (135, 185, 225),
    "Bench Press (Barbell)": (95, 135, 155),
    "Deadlift (Barbell)": (185, 225, 275),
    "Lat Pulldown (Cable)": (90, 100, 110),
    "Lateral Raise (Cable)": (10, 15),
    "Lateral Raise (Dumbbell)": (15, 20),
    "Lateral Raise (Kettlebell)": (18, 26),
    "Seated Calf Raise (Machine)": (70, 90),
    "Standing DB Curl": (25, 30),
    "Leg Press Keller": (270, 320, 360),
    "Hip Thrust (Barbell)": (135, 185),
    "Landmine Rotation": (25, 35),
    "Sissy Squat (Bodyweight)": (0,),
    "Tib Raise (Wall)": (0,),
}


def sample_export(path: Path) -> None:
    """Two years of a pounds user's Strong export (which does not say its unit), with rest
    timers and one bad row."""
    rng = random.Random(4)
    start = dt.datetime(2024, 1, 2, 18, 0)
    rows = []
    while start.year < 2026:
        start += dt.timedelta(days=rng.choice((2, 3)), minutes=rng.randint(-60, 60))
        stamp = start.strftime("%Y-%m-%d %H:%M:%S")
        for name in rng.sample(sorted(NAMES), 5):
            for order in ("W", "1", "2", "3", "Rest Timer"):
                load = rng.choice(NAMES[name])
                rows.append(
                    [
                        stamp,
                        rng.choice(("Legs", "Upper", "Full body")),
                        "52m",
                        name,
                        order,
                        45 if order == "W" and load > 45 else load,
                        rng.randint(5, 12),
                        0,
                        90 if order == "Rest Timer" else 0,
                        "",
                        "",
                        "",
                    ]
                )
    rows[120][5] = "62,5lb"  # a cell that does not parse: skipped and reported
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "Date",
                "Workout Name",
                "Duration",
                "Exercise Name",
                "Set Order",
                "Weight",
                "Reps",
                "Distance",
                "Seconds",
                "Notes",
                "Workout Notes",
                "RPE",
            ]
        )
        writer.writerows(rows)


def framed(widget: QWidget) -> QPixmap:
    """The widget with a plain title bar and border, as a window manager would draw it."""
    inner = widget.grab()
    shot = QPixmap(inner.width() + 2, inner.height() + TITLE_BAR + 1)
    shot.fill(QColor("#5a6470"))
    painter = QPainter(shot)
    painter.fillRect(QRect(1, 1, inner.width(), TITLE_BAR - 1), QColor("#dfe3e8"))
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#222"))
    painter.drawText(
        QRect(1, 1, inner.width(), TITLE_BAR - 1),
        Qt.AlignmentFlag.AlignCenter,
        widget.windowTitle(),
    )
    painter.drawPixmap(1, TITLE_BAR, inner)
    painter.end()
    return shot


def over_window(window: QWidget, *dialogs: QWidget) -> QPixmap:
    screen = window.grab()
    painter = QPainter(screen)
    painter.fillRect(screen.rect(), QColor(0, 0, 0, 70))  # the modal dialog dims the window
    for dialog in dialogs:
        shot = framed(dialog)
        painter.drawPixmap(
            QPoint((screen.width() - shot.width()) // 2, (screen.height() - shot.height()) // 2),
            shot,
        )
    painter.end()
    return screen


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "strong_workouts.csv"
        sample_export(export)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(Path(folder) / "logbook.sqlite", settings)
        window.resize(1366, 768)
        window.show()
        dialog = ImportDialog(window.context, export, window)
        dialog.load()
        for row in range(dialog.names.rowCount()):  # one name mapped by the user
            if dialog.names.item(row, 0).text() == "Landmine Rotation":
                box = dialog.names.cellWidget(row, 3)
                box.setCurrentIndex(box.findText("Torso rotation"))
        dialog.names.scrollToTop()
        dialog.show()
        QApplication.processEvents()
        preview = DOCS / "screenshot-import-preview.png"
        over_window(window, dialog).save(str(preview))
        progress = dialog.make_progress()
        progress.setValue(46)
        progress.setLabelText("Reading the file… line 1,722 of 3,741")
        progress.show()
        QApplication.processEvents()
        shot = DOCS / "screenshot-import-progress.png"
        over_window(window, dialog, progress).save(str(shot))
        progress.close()
        dialog.start_import()
        manager = window.show_exercises(to_review=True)
        manager.show_box.setCurrentIndex(0)
        manager.search.setText("lateral raise")
        manager.select("Lateral raise (kettlebell)")
        QApplication.processEvents()
        managed = DOCS / "screenshot-exercise-manager.png"
        over_window(window, manager).save(str(managed))
        print(preview, shot, managed, sep="\n")
        manager.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
