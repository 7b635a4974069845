"""The import preview and its progress dialog, and File > Import / Export in the main window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog

from runstrength_desktop.domain import WeightUnit
from runstrength_desktop.domain.units import KG_PER_LB
from runstrength_desktop.gui.dialogs.import_dialog import KEEP_NEW, ImportDialog

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,"
    "Seconds,Notes,Workout Notes,RPE\n"
)
HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
    '"Back","12 Dec 2024, 13:18","12 Dec 2024, 14:27","","Deadlift (Barbell)",,"",0,'
    '"normal",100,5,,,\n'
)


def strong_file(tmp_path, workouts=3):
    lines = []
    for day in range(1, workouts + 1):
        start = f"{dt.date(2020, 1, 1) + dt.timedelta(days=day)} 18:00:00"
        lines += [
            f"{start},Legs,1h,Squat (Barbell),1,100,5,0,0,,,\n",
            f"{start},Legs,1h,Sam Sulek Squeeze,1,20,12,0,0,,,\n",
            f"{start},Legs,1h,Squat (Barbell),X,100,5,0,0,,,\n",
        ]
    path = tmp_path / "strong.csv"
    path.write_text(STRONG_HEADER + "".join(lines))
    return path


@pytest.fixture
def dialog(qtbot, window, tmp_path):
    def make(path):
        found = ImportDialog(window.context, path, window)
        qtbot.addWidget(found)
        found.load()
        found.show()
        return found

    return make


def test_preview_shows_format_counts_skips_and_unknown_names(dialog, tmp_path):
    shown = dialog(strong_file(tmp_path))
    assert shown.format_label.text().startswith("Strong — Strong without units")
    assert shown.unit_row.isVisible() and shown.unit_box.currentData() == "kg"
    assert shown.counts_label.text() == (
        "3 workouts with 6 sets and 0 runs, on 2 exercises (1 new)"
    )
    assert shown.skipped_label.text() == "3 rows will be skipped:"
    assert "line 4: Set Order: unknown set order 'X'" in shown.skipped.toPlainText()
    assert shown.names.rowCount() == 1 and shown.names.item(0, 0).text() == "Sam Sulek Squeeze"
    assert shown.names.item(0, 1).text() == "3"
    box = shown.names.cellWidget(0, 3)
    assert box.currentText() == KEEP_NEW and box.findText("Hip thrust") > 0
    assert shown.import_button.text() == "Import 3 workouts" and shown.import_button.isEnabled()


def test_a_mapped_name_is_imported_as_the_chosen_exercise(dialog, tmp_path, window):
    shown = dialog(strong_file(tmp_path))
    box = shown.names.cellWidget(0, 3)
    box.setCurrentIndex(box.findText("Hip thrust"))
    assert shown.counts_label.text().endswith("(0 new)")
    shown.start_import()
    assert shown.result() == QDialog.DialogCode.Accepted
    sessions = window.repo.all_sessions()
    assert len(sessions) == 3
    assert {s.exercise for s in sessions[0].sets} == {"Back squat", "Hip thrust"}
    assert window.repo.catalogue().get("Sam Sulek Squeeze") is None


def test_the_unit_question_changes_the_weights(dialog, tmp_path, window):
    shown = dialog(strong_file(tmp_path))
    shown.unit_box.setCurrentIndex(shown.unit_box.findData(WeightUnit.LB.value))
    assert shown.plan.sessions[0].sets[0].weight_kg == pytest.approx(100 * KG_PER_LB)
    shown.start_import()
    assert window.repo.all_sessions()[0].sets[0].weight_kg == pytest.approx(100 * KG_PER_LB)
    assert window.repo.catalogue().get("Sam Sulek Squeeze").needs_review


def test_files_that_say_their_unit_are_not_asked(dialog, tmp_path):
    path = tmp_path / "hevy.csv"
    path.write_text(HEVY)
    shown = dialog(path)
    assert not shown.unit_row.isVisible()
    assert shown.names_label.text() == "Every exercise name was found in the catalogue."
    assert shown.skipped_label.text() == "No rows will be skipped."


def test_cancelling_the_progress_writes_nothing(dialog, tmp_path, window, monkeypatch):
    shown = dialog(strong_file(tmp_path, workouts=400))
    steps = []
    original = ImportDialog._step

    def step(self, done, total):
        steps.append(done)
        original(self, done, total)

    monkeypatch.setattr(ImportDialog, "_step", step)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: len(steps) >= 2)
    shown.start_import()
    assert len(steps) == 2 and shown.result() != QDialog.DialogCode.Accepted
    assert shown.status_label.text() == "Import cancelled: nothing was written."
    assert window.repo.count_sessions() == 0 and not shown.progress.isVisible()
    assert window.repo.catalogue().get("Sam Sulek Squeeze") is None
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: False)
    shown.start_import()  # a second try runs to the end
    assert window.repo.count_sessions() == 400 and steps[-1] > steps[1]


def test_file_import_opens_the_preview_and_reports(window, tmp_path, monkeypatch, dialogs):
    path = strong_file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    def run(self):
        self.start_import()
        return self.result()

    monkeypatch.setattr(ImportDialog, "exec", run)
    window.import_file()
    assert window.repo.count_sessions() == 3 and not dialogs
    assert window.statusBar().currentMessage() == (
        "Imported 3 workouts (6 sets, 0 runs) from strong.csv; "
        "1 new exercise to review (Edit > Exercises)"
    )
    assert "3 sessions" in window.logbook_label.text()
    # The manager opens on what the import guessed, for review.
    manager = window.exercise_manager
    assert manager.isVisible() and manager.show_box.currentData() == "review"
    assert [
        e.name
        for e in manager.model.exercises
        if manager.proxy.filterAcceptsRow(
            manager.model.exercises.index(e), manager.table.rootIndex()
        )
    ] == ["Sam Sulek Squeeze"]


def test_file_import_of_a_bad_file_warns_and_writes_nothing(window, tmp_path, monkeypatch, dialogs):
    path = tmp_path / "notes.csv"
    path.write_text("Day,Lift\nMonday,Squat\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(ImportDialog, "exec", lambda self: pytest.fail("no preview expected"))
    window.import_file()
    [(kind, text)] = dialogs
    assert kind == "warning" and "unknown header 'Day,Lift'" in text
    assert "nothing was imported" in text and window.repo.count_sessions() == 0


def test_file_export_writes_csv_and_calendar(window, tmp_path, monkeypatch):
    path = strong_file(tmp_path)
    from runstrength_desktop.interchange.importer import import_file

    import_file(window.repo, path, unit=WeightUnit.KG)
    for action, name, start in (
        (window.export_csv, "sets.csv", "\ufeffdate,start,kind"),
        (window.export_calendar, "plan.ics", "BEGIN:VCALENDAR"),
    ):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        action()
        assert target.read_text(encoding="utf-8").startswith(start)
        assert window.statusBar().currentMessage() == f"Exported to {target}"
    assert len((tmp_path / "sets.csv").read_text(encoding="utf-8").splitlines()) == 7


def pounds_file(tmp_path):
    """A pounds user's export without units: bar loads in 5 lb steps, and names the
    catalogue knows only by their words, as a new variant, or not at all."""
    lines = []
    for day in range(1, 13):
        start = f"{dt.date(2021, 3, 1) + dt.timedelta(days=2 * day)} 18:00:00"
        for name, load, count in (
            ("Bench Press (Barbell)", 135 + 5 * (day % 3), 3),
            ("Standing DB Curl", 25, 2),
            ("Lateral Raise (Kettlebell)", 26, 4),
            ("Leg Press Keller", 270, 1),
        ):
            lines += [f"{start},Push,1h,{name},{n},{load},8,0,0,,,\n" for n in range(count)]
    path = tmp_path / "pounds.csv"
    path.write_text(STRONG_HEADER + "".join(lines))
    return path


def test_the_preview_preselects_a_sure_unit_and_shows_sample_sets_both_ways(dialog, tmp_path):
    shown = dialog(pounds_file(tmp_path))
    assert shown.unit_row.isVisible() and shown.unit_box.currentData() == "lb"
    assert "its loads say pounds" in shown.unit_hint.text()
    assert "multiples of 5 lb" in shown.unit_hint.text()
    samples = shown.samples
    bench = next(r for r in range(samples.rowCount()) if "Bench" in samples.item(r, 0).text())
    assert samples.item(bench, 0).text() == "Bench Press (Barbell): 8 × 145"
    assert samples.item(bench, 1).text() == "145 kg (319.7 lb)"
    assert samples.item(bench, 2).text() == "145 lb (65.8 kg)"
    assert samples.item(bench, 2).font().bold() and not samples.item(bench, 1).font().bold()
    assert shown.plan.sessions[0].sets[0].weight_kg == pytest.approx(140 * KG_PER_LB)
    shown.unit_box.setCurrentIndex(shown.unit_box.findData("kg"))  # the user's word wins
    assert samples.item(bench, 1).font().bold()
    assert shown.plan.sessions[0].sets[0].weight_kg == 140


def test_names_come_most_sets_first_with_sure_matches_preselected(dialog, tmp_path, window):
    shown = dialog(pounds_file(tmp_path))
    rows = [
        (shown.names.item(r, 0).text(), shown.names.item(r, 1).text())
        for r in range(shown.names.rowCount())
    ]
    assert rows == [
        ("Lateral Raise (Kettlebell)", "48"),
        ("Standing DB Curl", "24"),
        ("Leg Press Keller", "12"),
    ]
    boxes = [shown.names.cellWidget(r, 3) for r in range(3)]
    assert boxes[0].currentText() == "New variant: Lateral raise (kettlebell)"
    assert boxes[1].currentText() == "Biceps curl (sure)"
    assert boxes[2].currentText() == KEEP_NEW and boxes[2].itemText(1) == "Leg press (proposed)"
    assert "perhaps Leg press?" in shown.names.item(2, 2).text()
    assert shown.choice_label.text() == (
        "As chosen: 24 sets of these names go to catalogue exercises, 60 sets to new ones."
    )
    boxes[2].setCurrentIndex(1)  # the proposal, accepted
    boxes[1].setCurrentIndex(boxes[1].findText(KEEP_NEW))  # a sure match, kept apart
    assert shown.choice_label.text() == (
        "As chosen: 12 sets of these names go to catalogue exercises, 72 sets to new ones."
    )
    shown.start_import()
    used = {s.exercise for session in window.repo.all_sessions() for s in session.sets}
    assert used == {"Bench press", "Standing DB Curl", "Lateral raise (kettlebell)", "Leg press"}
    catalogue = window.repo.catalogue()
    assert catalogue.get("Lateral raise (kettlebell)").family == "Lateral raise"
    assert catalogue.get("Standing DB Curl").custom
