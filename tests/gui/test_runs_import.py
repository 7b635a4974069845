"""Runs from the watch in the window: File > Import previews activity files and folders and
writes them in one transaction, a drop imports, the editor shows a run's laps read-only, and
a watched folder's new files come in by themselves."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from runstrength_desktop.domain import RunType, Session, SessionKind, Status
from runstrength_desktop.gui import settings_keys as keys
from runstrength_desktop.gui.dialogs.runs_import_dialog import RunsImportDialog
from tests.interchange.activities.activity_fixtures import (
    gpx,
    intervals_tcx,
    straight_run,
    tcx,
    tcx_lap,
)

START = dt.datetime(2026, 11, 3, 6, 30, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _utc(monkeypatch):
    monkeypatch.setenv("RUNSTRENGTH_TZ", "UTC")


@pytest.fixture
def watch_folder(tmp_path):
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "reps.tcx").write_bytes(intervals_tcx(START, name="6x400"))
    (folder / "easy.gpx").write_bytes(gpx(straight_run(START + dt.timedelta(days=2), 40)))
    (folder / "ride.tcx").write_bytes(tcx(("Biking", START, [tcx_lap(START, 900, 8000)])))
    (folder / "junk.fit").write_bytes(b"not a fit file at all")
    return folder


def test_the_preview_shows_runs_types_other_sports_bad_files_and_planned_matches(
    window, watch_folder, monkeypatch, qtbot
):
    window.repo.save_session(
        Session(dt.date(2026, 11, 5), SessionKind.RUN, Status.PLANNED, run_type=RunType.EASY)
    )
    dialog = RunsImportDialog(window.context, [watch_folder], window)
    qtbot.addWidget(dialog)
    assert dialog.load()
    counts = dialog.counts_label.text()
    assert counts.startswith("4 files read: 2 runs, 03 Nov 2026 to 05 Nov 2026 (")
    assert "1 new run, and 1 planned run will be marked done" in counts
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 3).text() == "◆ intervals"
    assert dialog.table.item(0, 6).text() == "the watch marked 7 work laps and 5 rest laps"
    assert "completes the planned easy" in dialog.table.item(1, 6).text()
    assert dialog.others_label.text() == "Not runs, left out: 1 biking."
    assert "junk.fit" in dialog.problems.toPlainText()
    assert window.repo.count_sessions() == 1  # nothing written by the preview
    dialog.import_button.click()
    assert dialog.report.runs == 1 and window.repo.count_sessions(status=Status.DONE) == 2


def test_the_preview_headline_names_what_was_found_not_the_folder(window, tmp_path, qtbot):
    mixed = tmp_path / "Garmin"  # a folder's name says nothing of what it holds
    mixed.mkdir()
    (mixed / "reps.tcx").write_bytes(intervals_tcx(START, name="6x400"))
    (mixed / "ride.tcx").write_bytes(tcx(("Biking", START, [tcx_lap(START, 900, 8000)])))
    (mixed / "easy.gpx").write_bytes(gpx(straight_run(START + dt.timedelta(days=2), 40)))
    (mixed / "junk.fit").write_bytes(b"not a fit file at all")
    gpx_only = tmp_path / "Strava"
    gpx_only.mkdir()
    for day in range(3):
        start = START + dt.timedelta(days=day)
        (gpx_only / f"{day}.gpx").write_bytes(gpx(straight_run(start, 20)))
    shown = []
    for folder in (mixed, gpx_only):
        dialog = RunsImportDialog(window.context, [folder], window)
        qtbot.addWidget(dialog)
        assert dialog.load()
        shown.append(dialog.file_label.text())
    assert shown == [
        "Import runs from 4 files: 2 TCX, 1 GPX, 1 not readable",
        "Import runs from 3 GPX files",
    ]


def test_file_import_routes_activity_files_and_cancel_writes_nothing(
    window, watch_folder, monkeypatch
):
    seen = []

    def fake_exec(dialog):
        seen.append(dialog.table.rowCount())
        return RunsImportDialog.DialogCode.Rejected

    monkeypatch.setattr(RunsImportDialog, "exec", fake_exec)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName",
        staticmethod(lambda *a, **k: (str(watch_folder / "easy.gpx"), "")),
    )
    window.import_file()
    assert seen == [1] and window.repo.count_sessions() == 0


def test_a_big_folder_reads_under_a_progress_dialog_that_cancels(window, tmp_path, qtbot):
    folder = tmp_path / "many"
    folder.mkdir()
    for day in range(30):
        start = START + dt.timedelta(days=day)
        (folder / f"{day}.gpx").write_bytes(gpx(straight_run(start, 20)))
    dialog = RunsImportDialog(window.context, [folder], window)
    qtbot.addWidget(dialog)
    labels = []
    original = dialog._step

    def step(done, total, name):
        original(done, total, name)
        labels.append(dialog.progress.labelText())
        if done == 10:
            dialog.progress.cancel()

    dialog._step = step
    assert dialog.load() is False
    assert labels[3] == "Reading 3 of 30: 3.gpx" or "of 30" in labels[3]
    assert window.repo.count_sessions() == 0


def test_dropping_files_on_the_window_imports_them(window, watch_folder, monkeypatch):
    opened = []

    def fake_exec(dialog):
        opened.append([p.name for p in dialog.paths])
        dialog.start_import()
        return RunsImportDialog.DialogCode.Accepted

    monkeypatch.setattr(RunsImportDialog, "exec", fake_exec)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(watch_folder / n)) for n in ("easy.gpx", "reps.tcx")])
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert opened == [["easy.gpx", "reps.tcx"]]
    assert window.repo.count_sessions() == 2
    assert "Imported 2 runs" in window.statusBar().currentMessage()


def test_the_editor_shows_a_runs_laps_read_only_and_keeps_its_origin_on_save(
    window, watch_folder, qtbot
):
    from runstrength_desktop.interchange.activities import import_activities

    import_activities(window.repo, watch_folder / "reps.tcx")
    (run,) = window.repo.all_sessions()
    window.context.bus.sessionSelected.emit(run.id)
    tab = window.session_tab
    qtbot.waitUntil(lambda: tab.session.id == run.id)
    details = tab.run_details
    assert details.isVisible() and details.laps.rowCount() == 12
    assert details.laps.item(1, 1).text() == "0.4 km" and details.laps.item(1, 3).text()
    assert "Type: intervals because the watch marked 7 work laps" in details.summary.text()
    assert "Load:" in details.summary.text() and "estimated" in details.summary.text()
    tab.form.run_type.setCurrentText("tempo")
    assert tab.save()
    saved = window.repo.session(run.id)
    assert saved.run_type is RunType.TEMPO and saved.source_file == "reps.tcx"
    assert saved.run_type_reason.startswith("set by the runner (was intervals")
    assert len(saved.laps) == 12


def test_a_watched_folder_imports_new_files_at_start_and_while_running(window, tmp_path):
    folder = tmp_path / "synced"
    folder.mkdir()
    (folder / "a.gpx").write_bytes(gpx(straight_run(START, 30)))
    window.watched.set_folder(folder)  # reads it at once
    assert window.repo.count_sessions() == 1
    assert window.context.settings.value(keys.WATCHED_FOLDER) == str(folder)
    assert "1 new run imported" in window.statusBar().currentMessage()
    (folder / "b.gpx").write_bytes(gpx(straight_run(START + dt.timedelta(days=1), 30)))
    assert str(folder) in window.watched.watcher.directories()
    assert window.watched.scan() == 1  # what the watcher's (debounced) signal runs
    assert window.watched.scan() == 0  # files read before are not read again
    assert window.repo.count_sessions() == 2
