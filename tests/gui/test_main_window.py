"""The main window: three tabs over the logbook, menus, units, settings, logbook errors."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.domain import (
    Race,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    Status,
    WeightUnit,
)


def test_window_has_three_tabs_menus_and_names_the_logbook(window, db_path):
    names = [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
    assert names == ["calendarTab", "sessionTab", "progressTab"]
    menus = {
        a.text().replace("&", ""): [
            x.text().replace("&", "") for x in a.menu().actions() if x.text()
        ]
        for a in window.menuBar().actions()
    }
    assert menus["File"] == [
        "New logbook…",
        "Open logbook…",
        "Backup now",
        "Restore from backup…",
        "Import…",
        "Import a folder of runs…",
        "Watch a folder for runs…",
        "Export backup (JSON)…",
        "Export sets (CSV)…",
        "Export plan (iCalendar)…",
        "Keep the plan in a calendar file…",
        "Quit",
    ]
    assert menus["Edit"] == ["Undo", "Redo", "Exercises…"]
    assert menus["View"] == ["Units", "Theme", "Planner settings…"]
    assert menus["Help"] == ["Keys", "Planning rules", "Where your data lives", "About"]
    assert window.logbook_label.text() == f"Logbook: {db_path.name}  ·  0 sessions"
    assert window.logbook_label.toolTip() == str(db_path)
    assert not window.windowIcon().isNull()


def _seed(repo):
    today = clock.today()
    repo.save_session(
        Session(
            today,
            SessionKind.RUN,
            Status.DONE,
            run_type=RunType.TEMPO,
            distance_km=10,
            duration_min=48,
            rpe=7,
        )
    )
    repo.save_session(
        Session(
            today - dt.timedelta(days=3),
            SessionKind.STRENGTH,
            Status.DONE,
            title="Legs",
            duration_min=40,
            rpe=6,
            sets=[SetEntry("Back squat", reps=8, weight_kg=60)] * 3,
        )
    )
    return repo.save_session(
        Session(
            today,
            SessionKind.STRENGTH,
            Status.DONE,
            title="Legs",
            sets=[SetEntry("Back squat", reps=8, weight_kg=62.5)] * 3
            + [SetEntry("Standing calf raise", reps=10, weight_kg=20)],
        )
    )


def test_switching_units_converts_loads_everywhere(qtbot, window):
    saved = _seed(window.repo)
    window.context.bus.sessionSelected.emit(saved.id)
    window.unit_actions[WeightUnit.LB].trigger()
    model = window.session_tab.model
    assert model.data(model.index(0, 3)) == "137.8"  # on the 0.1 lb grid
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Load (lb)"
    assert window.context.settings.value("units/weight") == "lb"
    assert window.repo.session(saved.id).sets[0].weight_kg == 62.5  # the store stays in kg
    window.unit_actions[WeightUnit.KG].trigger()
    assert model.data(model.index(0, 3)) == "62.5"


def _points(item) -> int:
    x, _y = item.getData()
    return 0 if x is None else len(x)


def test_progress_tab_charts_the_logbook(window):
    _seed(window.repo)
    window.tabs.setCurrentWidget(window.progress_tab)
    strength = window.progress_tab.strength
    assert strength.picker.currentText() == "Back squat"
    _x, e1rm = strength.e1rm_curve.getData()
    assert list(e1rm) == [60 * (1 + 8 / 30), 62.5 * (1 + 8 / 30)]
    assert not strength.empty.isVisibleTo(window.progress_tab)


def test_empty_logbook_says_what_to_do(window):
    window.tabs.setCurrentWidget(window.progress_tab)
    label = window.progress_tab.findChild(QLabel, "strengthEmpty")
    assert label.isVisibleTo(window.progress_tab) and "Log a strength session" in label.text()
    window.tabs.setCurrentWidget(window.session_tab)
    assert window.session_tab.headline.text() == "New strength session"
    assert "Type an exercise" in window.session_tab.panel.texts()[0]


def test_geometry_and_tab_are_remembered(qtbot, db_path, settings):
    first = create_window(db_path, settings)
    qtbot.addWidget(first)
    first.resize(720, 520)
    first.tabs.setCurrentIndex(2)
    first.close()
    second = create_window(db_path, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 2
    assert (second.size().width(), second.size().height()) == (720, 520)


def test_opening_a_bad_logbook_shows_the_file_and_keeps_the_current(
    window, tmp_path, dialogs, monkeypatch
):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    current = window.repo.path
    window.findChild(type(window.menuBar().actions()[0]), "actionOpenLogbook").trigger()
    assert window.repo.path == current
    assert dialogs and str(bad) in dialogs[-1][1] and "backups" in dialogs[-1][1]
    assert bad.read_bytes() == b"\x00garbage" * 100


def test_open_another_logbook_and_backup_now(window, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    window.new_logbook()
    assert window.repo.path == other and window.logbook_label.toolTip() == str(other)
    assert window.logbook_label.text().startswith("Logbook: other.sqlite")
    window.repo.save_race(Race(clock.today(), "Parkrun", 5))
    window.backup_now()
    assert "Backed up to" in window.statusBar().currentMessage()
    assert list((tmp_path / "backups").glob("other-manual-*.sqlite"))


def test_json_export_and_import_from_the_menu(window, tmp_path, monkeypatch):
    _seed(window.repo)
    target = tmp_path / "backup.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_backup()
    assert target.exists()
    other = tmp_path / "fresh.sqlite"
    window.open_logbook(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    window.import_file()
    assert window.repo.count_sessions() == 3
    assert "Imported 3 sessions" in window.statusBar().currentMessage()


def test_hidden_tabs_catch_up_when_shown(window):
    """A save while the Progress tab is hidden shows up as soon as the tab is opened."""
    window.tabs.setCurrentWidget(window.progress_tab)
    curve = window.progress_tab.strength.e1rm_curve
    assert _points(curve) == 0
    window.tabs.setCurrentWidget(window.calendar_tab)
    _seed(window.repo)
    assert _points(curve) == 0  # hidden: not recomputed yet
    window.tabs.setCurrentWidget(window.progress_tab)
    assert _points(curve) == 2


def test_starting_on_a_bad_logbook_shows_a_dialog_naming_file_and_backups(
    tmp_path, dialogs, monkeypatch, qapp
):
    import sys

    from runstrength_desktop.app import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    bad = tmp_path / "logbook.sqlite"
    bad.write_text("not a database")
    assert run_gui(bad) == 2
    assert len(dialogs) == 1
    text = dialogs[0][1]
    assert str(bad) in text and str(tmp_path / "backups") in text
    assert bad.read_text() == "not a database"
