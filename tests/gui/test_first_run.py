"""A first run that teaches: the welcome on an empty logbook (and not on a full one), what its
buttons do, the demo logbook, reopening where the runner left, Help, and the small wording
the issue found."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
from runstrength_desktop.gui.dialogs.help_dialog import HelpDialog, rule_guides
from runstrength_desktop.gui.dialogs.import_dialog import ImportDialog
from runstrength_desktop.planning.flags import RULE_IDS
from runstrength_desktop.planning.sources import SOURCES
from tests.helpers import shared_path

STRONG = shared_path("data", "imports", "strong_s2_joshuayoes.csv")
WATCH_RUN = shared_path("data", "runs", "10kUNLP2014-Garmin15.fit")  # a 10 km road race


def lift(day=None, title="Legs") -> Session:
    return Session(
        day or clock.today(),
        SessionKind.STRENGTH,
        Status.DONE,
        title=title,
        sets=[SetEntry("Back squat", reps=5, weight_kg=80)] * 3,
    )


def reopen(qtbot, db_path, settings):
    again = create_window(db_path, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    return again


def test_the_welcome_greets_an_empty_logbook_and_goes_with_the_first_session(qtbot, window):
    welcome = window.calendar_tab.welcome
    assert welcome.isVisible()
    assert [b.text() for b in welcome.buttons()] == [
        "Import a Strong, Hevy or FitNotes history…",
        "Import runs from the watch…",
        "Plan this week",
        "Open a demo logbook",
        "Not now",
    ]
    # Over the month, inside it: nothing of it is cut off.
    assert window.calendar_tab.grid.rect().contains(welcome.geometry())
    window.repo.save_session(lift())
    assert not welcome.isVisible()


def test_no_welcome_on_a_full_logbook(qtbot, db_path, settings, repo):
    repo.save_session(lift())
    repo.close()
    full = reopen(qtbot, db_path, settings)
    assert not full.calendar_tab.welcome.isVisible()
    full.close()


def test_not_now_puts_the_welcome_away(qtbot, window):
    welcome = window.calendar_tab.welcome
    qtbot.mouseClick(welcome.close_button, Qt.MouseButton.LeftButton)
    assert not welcome.isVisible()
    window._show_logbook()  # more news about the still empty logbook
    assert not welcome.isVisible()


@pytest.mark.skipif(not STRONG.exists(), reason="shared Strong export not available")
def test_the_welcome_imports_a_strong_history(qtbot, window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(STRONG), ""))

    def runner_checks_the_preview_and_imports(dialog):
        dialog.buttons.setFocus()
        dialog.start_import()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", runner_checks_the_preview_and_imports)
    calendar = window.calendar_tab
    calendar.setFocus()
    qtbot.mouseClick(calendar.welcome.import_button, Qt.MouseButton.LeftButton)
    assert window.repo.count_sessions() == 25  # the workouts its README counts
    assert not calendar.welcome.isVisible()
    assert window.statusBar().currentMessage().startswith("Imported ")
    assert window.focusWidget() is calendar  # the keys still act on the calendar


@pytest.mark.skipif(not WATCH_RUN.exists(), reason="shared FIT file not available")
def test_the_welcome_imports_runs_from_the_watch(qtbot, window, monkeypatch):
    from runstrength_desktop.gui.dialogs.runs_import_dialog import RunsImportDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(WATCH_RUN), ""))

    def runner_imports(dialog):
        dialog.start_import()
        return RunsImportDialog.DialogCode.Accepted

    monkeypatch.setattr(RunsImportDialog, "exec", runner_imports)
    welcome = window.calendar_tab.welcome
    qtbot.mouseClick(welcome.runs_button, Qt.MouseButton.LeftButton)
    runs = window.repo.all_sessions()
    assert len(runs) == 1 and runs[0].is_run
    assert runs[0].distance_km == pytest.approx(10.01082)  # its README: 10010.82 m
    assert window.statusBar().currentMessage().startswith("Imported 1 run and ")
    assert not welcome.isVisible()


def test_the_welcome_plans_this_week(qtbot, window, monkeypatch):
    from runstrength_desktop.gui.dialogs.plan_week_dialog import PlanWeekDialog

    monkeypatch.setattr(PlanWeekDialog, "exec", lambda dialog: True)  # "Add to the calendar"
    welcome = window.calendar_tab.welcome
    qtbot.mouseClick(welcome.plan_button, Qt.MouseButton.LeftButton)
    planned = window.repo.sessions_between(clock.today(), clock.today() + dt.timedelta(days=6))
    assert planned and {s.status for s in planned} == {Status.PLANNED}
    assert not welcome.isVisible()


def test_a_demo_logbook_is_a_file_of_its_own_marked_as_a_demo(qtbot, window, db_path):
    qtbot.mouseClick(window.calendar_tab.welcome.demo_button, Qt.MouseButton.LeftButton)
    demo = db_path.with_name("logbook.demo.sqlite")
    assert window.repo.path == demo and window.repo.count_sessions() > 300
    assert "demo logbook" in window.windowTitle()
    assert window.logbook_label.text().startswith("Demo logbook (made-up training): ")
    assert "demo logbook" in window.statusBar().currentMessage()
    assert not window.calendar_tab.welcome.isVisible()
    # The runner's own logbook is untouched, and not a demo.
    window.open_logbook(db_path)
    assert window.repo.count_sessions() == 0 and "demo" not in window.windowTitle()
    assert window.logbook_label.text().startswith("Logbook: ")
    # The demo is made once: opened again, it is the same file with the same sessions.
    count = len(list(demo.parent.glob("*.demo.sqlite")))
    assert window.open_demo() and len(list(demo.parent.glob("*.demo.sqlite"))) == count


def test_reopening_returns_to_the_tab_and_session_left(qtbot, window, db_path, settings):
    older = window.repo.save_session(lift(clock.today() - dt.timedelta(days=3), "Upper"))
    window.repo.save_session(lift())
    window.context.bus.sessionSelected.emit(older.id)
    assert window.tabs.currentWidget() is window.session_tab
    window.close()
    again = reopen(qtbot, db_path, settings)
    assert again.tabs.currentWidget() is again.session_tab
    assert again.session_tab.session_id == older.id
    assert again.session_tab.form.title.text() == "Upper"
    again.close()


def test_another_logbook_does_not_reopen_a_session_of_this_one(qtbot, window, settings, tmp_path):
    saved = window.repo.save_session(lift())
    window.context.bus.sessionSelected.emit(saved.id)
    window.close()
    other = create_window(
        tmp_path / "other.sqlite", QSettings(settings.fileName(), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(other)
    assert other.session_tab.session_id is None
    other.close()


def test_help_has_the_keys_the_rules_with_sources_and_where_the_data_lives(qtbot, window):
    dialog = HelpDialog(window, "rules")
    qtbot.addWidget(dialog)
    keys = dialog.text("keys")
    for expected in ("R, S", "Ctrl+S", "Ctrl+Z", "PageUp", "File > Import", "Add set"):
        assert expected in keys, expected
    rules = dialog.text("rules")
    guides = rule_guides()
    assert [g.rule for g in guides] == list(RULE_IDS)
    for guide in guides:
        assert guide.rule in rules and SOURCES[guide.rule].title in guide.source
        assert guide.says and guide.says in rules and guide.source in rules
    too_light = next(g for g in guides if g.rule == "too_light")
    assert too_light.name == "Too light" and too_light.says.startswith("Weights you can lift 12+")
    assert too_light.source.startswith("The Complete Guide To Weightlifting for Runners, mistake 1")
    data = dialog.text("data")
    assert str(window.repo.path) in data and str(window.repo.backups_dir) in data
    assert window.context.settings.fileName() in data
    assert dialog.tabs.currentIndex() == 1
    assert dialog.width() <= 1024 and dialog.height() <= 600


def test_one_session_is_not_sessions(window):
    window.repo.save_session(lift())
    assert window.logbook_label.text().endswith("·  1 session")


def test_a_runs_title_hint_is_about_running(qtbot, window):
    window.context.bus.newSessionRequested.emit(clock.today(), "run")
    assert "Lower body" not in window.session_tab.form.title.placeholderText()
    window.context.bus.newSessionRequested.emit(clock.today(), "strength")
    assert window.session_tab.form.title.placeholderText() == "e.g. Lower body + core"


def test_the_not_saved_line_goes_when_the_problem_is_fixed(qtbot, window):
    tab = window.session_tab
    window.tabs.setCurrentWidget(tab)
    form = tab.form
    form.rpe.setText("14")
    form.rpe.editingFinished.emit()
    assert not tab.save()
    assert tab.message.text().startswith("Not saved:") and "RPE" in tab.message.text()
    form.rpe.setText("7")
    form.rpe.editingFinished.emit()
    assert tab.message.text() == ""
    QApplication.processEvents()
