"""A run's chip shows its type at a glance, by more than colour: tempo, intervals, hills, long
runs and races each paint their own small shape before the text (easy and recovery runs
none), hard runs are bold where the chip has room (the week view), and a screen reader
hears the type."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from runstrength_desktop.domain import RunType, Session, SessionKind, Status, WeightUnit
from runstrength_desktop.gui.calendar.chips import PAD_X, PAD_Y, SessionChip

DAY = dt.date(2026, 11, 24)
SIZE = (200, 22)


def run(run_type: RunType) -> Session:
    return Session(DAY, SessionKind.RUN, Status.PLANNED, run_type=run_type, distance_km=10.0)


def chip_for(qtbot, run_type: RunType, detailed: bool) -> SessionChip:
    chip = SessionChip(run(run_type), WeightUnit.KG, detailed)
    qtbot.addWidget(chip)
    chip.resize(*SIZE)
    chip.show()
    return chip


def mark_ink(chip: SessionChip) -> frozenset[tuple[int, int]]:
    """The dark pixels of the square before the text, where the chip paints a run's mark."""
    image = chip.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    side = int(chip.fontMetrics().height() * 0.85)
    box = QRectF(PAD_X + 1, PAD_Y + 1, side, chip.fontMetrics().height()).toRect()
    fill = QColor(image.pixel(box.right() + side, chip.height() - 3)).lightness()
    return frozenset(
        (x - box.x(), y - box.y())
        for x in range(box.x(), box.right() + 1)
        for y in range(box.y(), box.bottom() + 1)
        if abs(QColor(image.pixel(x, y)).lightness() - fill) > 60
    )


def test_each_kind_of_run_paints_its_own_mark_and_easy_runs_none(qtbot):
    marked = (RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.LONG, RunType.RACE)
    inks = {}
    for run_type in marked:
        chip = chip_for(qtbot, run_type, detailed=False)
        inks[run_type] = mark_ink(chip)
        assert len(inks[run_type]) > 10, run_type  # a shape, not a stray pixel
        # The text starts after the mark: it has less room than an easy run's.
        assert chip.room() < chip_for(qtbot, RunType.EASY, detailed=False).room()
    shapes = list(inks.values())
    for i, one in enumerate(shapes):
        for other in shapes[i + 1 :]:
            differ = len(one ^ other) / max(len(one | other), 1)
            assert differ > 0.3  # five different shapes, not one mark in five colours
    for calm in (RunType.EASY, RunType.RECOVERY):
        chip = chip_for(qtbot, calm, detailed=False)
        assert chip.room() == int(SIZE[0] - 2 * PAD_X - 2)  # no mark, the text from the edge
        assert chip.text().startswith(calm.value.capitalize())


def test_hard_runs_are_bold_in_the_week_view_and_say_their_type(qtbot):
    bold = {}
    for run_type in RunType:
        week = chip_for(qtbot, run_type, detailed=True)
        month = chip_for(qtbot, run_type, detailed=False)
        bold[run_type] = week.text_font().bold()
        assert not month.text_font().bold()  # a month's cell keeps the room for the distance
        assert week.accessibleName() == f"{run_type.value} run 10 km, planned"
        assert week.text().startswith(run_type.value.capitalize())
    assert {t for t, b in bold.items() if b} == {
        RunType.TEMPO,
        RunType.INTERVALS,
        RunType.HILLS,
        RunType.RACE,
    }
