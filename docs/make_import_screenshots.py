"""Render the import preview and its progress dialog over the main window at 1366x768 into
docs/ (screenshot-import-preview.png, screenshot-import-progress.png).

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
NAMES = [
    "Squat (Barbell)",
    "Bench Press (Barbell)",
    "Deadlift (Barbell)",
    "Lat Pulldown (Cable)",
    "Seated Calf Raise (Machine)",
    "Plank",
    "Pull Up",
    "Hip Thrust (Barbell)",
    "Bulgarian Split Squat",
    "Landmine Rotation",
    "Sissy Squat (Bodyweight)",
    "Cable Crunch Kneeling",
    "Meadows Row Single Arm",
    "Tib Raise (Wall)",
]


def sample_export(path: Path) -> None:
    """Two years of a kilogram user's Strong export, with rest timers and one bad row."""
    rng = random.Random(4)
    start = dt.datetime(2024, 1, 2, 18, 0)
    rows = []
    while start.year < 2026:
        start += dt.timedelta(days=rng.choice((2, 3)), minutes=rng.randint(-60, 60))
        stamp = start.strftime("%Y-%m-%d %H:%M:%S")
        for name in rng.sample(NAMES, 5):
            for order in ("W", "1", "2", "3", "Rest Timer"):
                rows.append(
                    [
                        stamp,
                        rng.choice(("Legs", "Upper", "Full body")),
                        "52m",
                        name,
                        order,
                        rng.randint(4, 40) * 2.5,
                        rng.randint(5, 12),
                        0,
                        90 if order == "Rest Timer" else 0,
                        "",
                        "",
                        "",
                    ]
                )
    rows[120][5] = "62,5kg"  # a cell that does not parse: skipped and reported
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
        print(preview, shot, sep="\n")
        progress.close()
        dialog.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
