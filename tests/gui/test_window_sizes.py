"""A window that fits at 1024 x 600, 1366 x 768 and 1920 x 1080: every tab rendered at each
size on a demo logbook, with nothing cut off, every calendar chip keeping its type and number
(month and week view, light and dark), the status bar's message clear of the logbook label,
and every dialog inside the smallest screen."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QTableWidget,
    QWidget,
)

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain import Race, RunType, Session, SessionKind, SetEntry, Status
from runstrength_desktop.domain.units import DistanceUnit, format_number, km_to
from runstrength_desktop.gui.calendar.chip_text import SHORT_KINDS
from runstrength_desktop.gui.calendar.chips import Chip, SessionChip
from runstrength_desktop.gui.widgets.elided_label import ElidedLabel
from runstrength_desktop.store import Repository
from tests.helpers import shared_path

SIZES = [(1024, 600), (1366, 768), (1920, 1080)]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def cut_off(root: QWidget) -> list[str]:
    """Every visible label, button and list box whose text does not fit its width (or, for
    a wrapping label, its height)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, Chip):
            continue
        if isinstance(widget, ElidedLabel):  # shortened on purpose: its ends must show
            shown = widget.shown_text()
            if shown != widget.text() and len(shown) < 24:
                found.append(f"{widget.text()[:60]!r} shortened to {shown!r}")
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()) - 1:
                    found.append(f"{widget.text()[:60]!r} wraps taller than it is")
            elif widget.width() < widget.sizeHint().width() - 1:
                found.append(f"{widget.text()[:60]!r} is cut at {widget.width()} px")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.minimumSizeHint().width() - 1:
                found.append(f"button {widget.text()!r} is cut at {widget.width()} px")
        elif isinstance(widget, QComboBox) and widget.currentText():
            text = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if widget.width() < text + 24:
                found.append(f"list box {widget.currentText()!r} is cut at {widget.width()} px")
    return found


def chip_problems(calendar) -> list[str]:
    """Chips whose shortened text lost its type or number, or runs past the chip."""
    found = []
    for chip in calendar.grid.findChildren(Chip):
        if not chip.isVisible():
            continue
        metrics = chip.text_metrics()  # bold for hard runs and races
        shown = chip.text().split("\n")
        for line, forms in zip(shown, chip.lines, strict=True):
            if not forms.readable(line):
                found.append(f"{line!r} lost {forms.essential!r} at {chip.width()} px")
            if metrics.horizontalAdvance(line) > chip.room():
                found.append(f"{line!r} runs past its chip at {chip.width()} px")
        if isinstance(chip, SessionChip) and chip.session.is_run and chip.session.distance_km:
            number = format_number(km_to(chip.session.distance_km, DistanceUnit.KM))
            kinds = (chip.session.run_type.value.capitalize(), *SHORT_KINDS.values())
            kind = re.sub(r"^([✓✗] )?(\d\d:\d\d )?", "", shown[0])  # after mark and time
            distance = shown[1] if chip.detailed else shown[0]
            if number not in distance or not kind.startswith(kinds):
                found.append(f"run chip {chip.text()!r} without its type and distance")
    return found


@pytest.fixture
def full_window(qtbot, db_path, settings):
    """Two years of demo training, and the chips that say the most in this month: every run
    type, a long race name, a skipped run and a long strength title."""
    repo = Repository.open(db_path)
    repo.import_logbook(generate_demo(2, 1, clock.today()))
    later = clock.today() + dt.timedelta(days=16)  # past the demo's two weeks of plan
    for offset, run_type, km in (
        (0, RunType.INTERVALS, 12.5),
        (1, RunType.RECOVERY, 10.2),
        (2, RunType.HILLS, 11.0),
        (3, RunType.TEMPO, 14.3),
        (4, RunType.RACE, 21.1),
    ):
        repo.save_session(
            Session(
                later + dt.timedelta(offset),
                SessionKind.RUN,
                Status.PLANNED,
                run_type=run_type,
                distance_km=km,
                duration_min=75,
                rpe=8,
            )
        )
    repo.save_session(
        Session(
            later,
            SessionKind.STRENGTH,
            Status.PLANNED,
            title="Lower body + calves + core, the long version",
            sets=[SetEntry("Single-leg Romanian deadlift", reps=8, weight_kg=22.5)] * 3,
        )
    )
    repo.save_session(
        Session(
            later + dt.timedelta(1),
            SessionKind.RUN,
            Status.SKIPPED,
            run_type=RunType.LONG,
            distance_km=18.25,
        )
    )
    repo.save_race(Race(later + dt.timedelta(4), "Castle Half Marathon of the Old Town", 21.0975))
    repo.close()
    window = create_window(db_path, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.calendar_tab.select_day(later)
    yield window
    window.session_tab.undo.clear()
    window.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_tab_fits(qtbot, full_window, size):
    window = full_window
    window.resize(*size)
    settle()
    assert (window.width(), window.height()) == size  # the window may be made this small
    calendar = window.calendar_tab
    for tab in (calendar, window.session_tab, window.progress_tab):
        window.tabs.setCurrentWidget(tab)
        settle()
        assert cut_off(tab) == [], tab.objectName()
        # No tab asks for more room than the screen has (Progress's strength toolbar once
        # widened the window to 1156 px at 1024 x 600).
        assert window.width() == size[0], tab.objectName()
    progress = window.progress_tab
    progress.build_pages()
    for row in range(progress.sections.count()):
        progress.sections.setCurrentRow(row)
        settle()
        assert window.width() == size[0], progress.sections.item(row).text()
        assert cut_off(progress) == [], progress.sections.item(row).text()
    # The Strength page's records: three columns that fit, without a scroll bar under them
    # (at 1024 x 600 one showed, for a last column 2 px too wide).
    progress.sections.setCurrentRow(0)
    settle()
    records = progress.findChild(QTableWidget, "recordsTable")
    assert records.isVisible() and records.rowCount() == 6  # 1, 3, 5, 8, 10 reps and e1RM
    scroll = records.horizontalScrollBar()
    assert not scroll.isVisible() and scroll.maximum() == 0
    assert sum(records.columnWidth(c) for c in range(3)) <= records.viewport().width()
    dates = [records.item(row, 2).text() for row in range(records.rowCount())]
    widest = max(records.fontMetrics().horizontalAdvance(d) for d in dates)
    assert widest < records.columnWidth(2)
    # The editor with the longest session of the page in it.
    window.context.bus.sessionSelected.emit(
        calendar.grid.cell_for(calendar.selected).chips[-1].session.id
    )
    settle()
    assert cut_off(window.session_tab) == []
    window.tabs.setCurrentWidget(calendar)
    for theme in ("light", "dark"):
        window.set_theme(theme)
        for week_view in (False, True):
            calendar.set_week_view(week_view)
            settle()
            assert chip_problems(calendar) == [], (theme, week_view)
    window.set_theme("system")
    assert calendar.grid.weeks[0].width() == calendar.grid.weeks[0].minimumWidth()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_long_status_message_stops_before_the_logbook_label(qtbot, full_window, size):
    window = full_window
    window.resize(*size)
    bar = window.statusBar()
    message = "Not saved, the logbook refused the write: disk I/O error. " * 8
    bar.showMessage(message)
    settle()
    label = window.logbook_label
    assert label.width() >= label.sizeHint().width()  # the label itself is whole
    room = bar.message_room()
    assert room.right() < label.geometry().left()
    shown = bar.shown_message()
    assert shown.endswith("…") and bar.fontMetrics().horizontalAdvance(shown) <= room.width()
    assert bar.toolTip() == message  # the whole message is a hover away


def _dialogs(window, tmp_path):
    from runstrength_desktop.gui.calendar.race_dialog import RaceDialog
    from runstrength_desktop.gui.dialogs.help_dialog import PAGES, HelpDialog
    from runstrength_desktop.gui.dialogs.import_dialog import ImportDialog
    from runstrength_desktop.gui.dialogs.restore_dialog import RestoreDialog
    from runstrength_desktop.gui.dialogs.thresholds_dialog import ThresholdsDialog
    from runstrength_desktop.store.backup import backups_dir_for
    from runstrength_desktop.store.restore import list_backups

    yield from (HelpDialog(window, page) for page in PAGES)
    yield ThresholdsDialog(window.context.planner.settings, window)
    yield RaceDialog(clock.today(), window.context.unit, window)
    from runstrength_desktop.domain import Race
    from runstrength_desktop.gui.dialogs.season_dialog import SeasonDialog

    race = Race(clock.today() + dt.timedelta(weeks=14), "Capital City Marathon", 42.2, id=1)
    season = SeasonDialog(
        [race], window.context.planner.season, clock.today(), window.context.unit, race, window
    )
    season.weeks.setCurrentItem(season.weeks.topLevelItem(6))
    yield season
    window.repo.backup_now()
    yield RestoreDialog(
        list_backups(window.repo.path), 3, backups_dir_for(window.repo.path), window
    )
    strong = tmp_path / "strong.csv"
    strong.write_text(
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        "2024-01-02 18:00:00,Legs,1h,Squat (Barbell),1,100,5,0,0,,,\n"
        "2024-01-02 18:00:00,Legs,1h,Sam Sulek Squeeze,1,20,12,0,0,,,\n"
    )
    real = shared_path("data", "imports", "strong_s3_joaoconde.csv")  # 96 exercise names
    for path in (strong, real) if real.exists() else (strong,):
        dialog = ImportDialog(window.context, path, window)
        dialog.load()
        yield dialog
    from runstrength_desktop.gui.dialogs.runs_import_dialog import RunsImportDialog

    runs = shared_path("data", "runs")  # every format, other sports and damaged files
    gpx = tmp_path / "easy.gpx"
    gpx.write_text(
        "<?xml version='1.0'?><gpx version='1.1' creator='test' "
        "xmlns='http://www.topografix.com/GPX/1/1'><trk><type>running</type><trkseg>"
        + "".join(
            f"<trkpt lat='52.{i:04d}' lon='4.9'><time>2026-11-03T06:{i // 60:02d}:"
            f"{i % 60:02d}Z</time></trkpt>"
            for i in range(0, 1800, 10)
        )
        + "</trkseg></trk></gpx>"
    )
    for path in (gpx, runs) if runs.exists() else (gpx,):
        dialog = RunsImportDialog(window.context, [path], window)
        assert dialog.load()
        yield dialog


def test_every_dialog_fits_the_smallest_screen(qtbot, window, tmp_path):
    window.resize(1024, 600)
    for dialog in _dialogs(window, tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        name = dialog.objectName()
        assert dialog.width() <= 1024 and dialog.height() <= 600 - 40, name  # and a title bar
        assert cut_off(dialog) == [], name
        dialog.hide()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_welcome_fits(qtbot, window, size):
    window.resize(*size)
    settle()
    calendar = window.calendar_tab
    assert (window.width(), window.height()) == size
    assert calendar.welcome.isVisible()
    assert calendar.grid.rect().contains(calendar.welcome.geometry())
    assert cut_off(calendar) == []
