"""Restore from backup: the list shows each backup's date, kind and session count; a restore
brings the backup's sessions back in one step after copying the logbook aside; a damaged or
foreign backup is refused with a message and the logbook is left exactly as it was."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from runstrength_desktop.domain import Phase, Session, SessionKind, SetEntry, Status
from runstrength_desktop.gui.calendar.commands import SetPhase
from runstrength_desktop.gui.dialogs.restore_dialog import RestoreDialog
from runstrength_desktop.store import Repository, StoreError
from runstrength_desktop.store.backup import backups_dir_for
from runstrength_desktop.store.migrations import SCHEMA_V1, SCHEMA_VERSION
from runstrength_desktop.store.restore import (
    RestoreError,
    check_backup,
    list_backups,
    restore_backup,
)
from tests.reliability.reliability_support import count


def session(day: int, reps: int = 5) -> Session:
    return Session(
        dt.date(2024, 3, day),
        SessionKind.STRENGTH,
        Status.DONE,
        title=f"Day {day}",
        sets=[SetEntry("Back squat", reps=reps, weight_kg=80)] * 3,
    )


def contents(repo) -> tuple:
    return repo.all_sessions(), repo.races(), repo.week_phases()


def pragma(repo, name: str):
    return repo.db.execute_sql(f"PRAGMA {name}").fetchone()[0]


@pytest.fixture
def two_states(repo):
    """A backup holding one session, and a logbook that has three since."""
    repo.save_session(session(1))
    backup = repo.backup_now()
    repo.save_session(session(2))
    repo.save_session(session(3))
    return repo, backup


def test_a_restore_brings_back_the_backup_and_keeps_the_logbook_as_it_was(two_states):
    repo, backup = two_states
    restored = restore_backup(repo, backup)
    count("restores")
    assert [s.title for s in repo.all_sessions()] == ["Day 1"]
    assert restored.sessions == 1 and restored.backup == backup
    assert restored.aside.parent == backups_dir_for(repo.path)
    assert "-before-restore-" in restored.aside.name
    assert check_backup(restored.aside) == (SCHEMA_VERSION, 3)  # the way back is kept
    assert pragma(repo, "journal_mode") == "wal" and pragma(repo, "integrity_check") == "ok"
    assert pragma(repo, "user_version") == SCHEMA_VERSION
    repo.save_session(session(4))  # and it goes on working
    assert len(repo.all_sessions()) == 2
    restore_backup(repo, restored.aside)  # a restore undone
    count("restores")
    assert [s.title for s in repo.all_sessions()] == ["Day 1", "Day 2", "Day 3"]


def test_the_list_has_dates_kinds_and_session_counts_newest_first(repo):
    repo.save_session(session(1))
    folder = backups_dir_for(repo.path)
    first = repo.backup_now()
    repo.save_session(session(2))
    automatic = folder / f"{repo.path.stem}-20990101-120000.sqlite"
    repo.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(repo.path, automatic)  # a copy by hand: 2 sessions
    (folder / f"{repo.path.stem}-20980101-120000.sqlite").write_bytes(
        b"SQLite format 3\x00" + b"\x07" * 5000
    )
    (folder / "another-logbook-20970101-120000.sqlite").write_bytes(first.read_bytes())
    listed = list_backups(repo.path)
    assert [(b.made.year, b.kind, b.sessions) for b in listed] == [
        (2099, "automatic", 2),
        (2098, "automatic", None),
        (listed[2].made.year, "manual", 1),
    ]
    assert "damaged" in listed[1].problem and not listed[0].problem


def _v1_copy(path):
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.execute(
        "INSERT INTO exercise VALUES (1, 'Back squat', 'lower', 'strength', "
        "'quads,glutes', 'barbell', 'reps', 0, '[]', 0)"
    )
    conn.execute(
        "INSERT INTO session VALUES (1, '2020-03-04', '18:00', 'strength', 'done', 0, "
        "'Old legs', NULL, NULL, 40, 7, '')"
    )
    conn.execute(
        "INSERT INTO strength_set VALUES (1, 1, 0, 1, 'working', 8, 60, NULL, NULL, "
        "'both', NULL, NULL, NULL)"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_backup_from_an_older_version_is_upgraded_as_it_is_restored(repo):
    old = backups_dir_for(repo.path) / f"{repo.path.stem}-pre-v2-20200101-000000.sqlite"
    old.parent.mkdir()
    _v1_copy(old)
    assert list_backups(repo.path)[0].kind == "before the upgrade to schema 2"
    restore_backup(repo, old)
    assert pragma(repo, "user_version") == SCHEMA_VERSION
    [again] = repo.all_sessions()
    assert again.title == "Old legs" and again.sets[0].reps == 8
    assert repo.catalogue().get("Plank") is not None  # today's shipped exercises are back
    repo.save_session(session(9))


def _damage(backup, how: str):
    data = backup.read_bytes()
    if how == "cut in half":
        backup.write_bytes(data[: len(data) // 2])
    elif how == "pages overwritten":
        backup.write_bytes(data[:4096] + bytes(range(256)) * 16 + data[8192:])
    elif how == "not a database":
        backup.write_text('{"format": "runstrength-backup"}')
    elif how == "empty":
        backup.write_bytes(b"")
    elif how == "from a newer app":
        conn = sqlite3.connect(backup)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
    elif how == "another program's database":
        backup.unlink()
        conn = sqlite3.connect(backup)
        conn.execute("CREATE TABLE notes (text)")
        conn.execute("PRAGMA user_version = 1")
        conn.close()


@pytest.mark.parametrize(
    "how, message",
    [
        ("cut in half", "damaged"),
        ("pages overwritten", "damaged"),
        ("not a database", "not an SQLite database"),
        ("empty", "not an SQLite database"),
        ("from a newer app", "newer RunStrength Desktop"),
        ("another program's database", "not a RunStrength logbook"),
    ],
)
def test_a_damaged_backup_is_refused_and_the_logbook_is_untouched(two_states, how, message):
    repo, backup = two_states
    _damage(backup, how)
    before, files = contents(repo), sorted(backups_dir_for(repo.path).iterdir())
    with pytest.raises(RestoreError, match=message) as refused:
        restore_backup(repo, backup)
    count("damaged backups refused")
    assert backup.name in str(refused.value) and "The logbook was not changed" in str(refused.value)
    assert contents(repo) == before
    assert sorted(backups_dir_for(repo.path).iterdir()) == files  # nothing copied aside
    assert pragma(repo, "integrity_check") == "ok"


def test_a_restore_the_disk_refuses_changes_nothing(two_states, monkeypatch):
    repo, backup = two_states
    before = contents(repo)
    real_connect = sqlite3.connect

    class FullDisk:
        """The prepared copy's connection, whose pages the full disk will not take."""

        def __init__(self, conn):
            self.conn = conn

        def backup(self, target, **options):
            count("faults injected")
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name):
            return getattr(self.conn, name)

    def connect(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        return FullDisk(conn) if str(target).endswith("restore.sqlite") else conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(StoreError, match="database or disk is full"):
        restore_backup(repo, backup)
    monkeypatch.undo()
    assert contents(repo) == before and pragma(repo, "integrity_check") == "ok"


# -- the window ------------------------------------------------------------------------------


def _choose(monkeypatch, pick, seen: list):
    """Replace the dialog's exec: record what it lists, then pick a row (or cancel)."""

    def fake_exec(dialog):
        seen.extend(
            (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())
        )
        row = pick(dialog)
        if row is None:
            return QDialog.DialogCode.Rejected
        dialog.select_row(row)
        return (
            QDialog.DialogCode.Accepted
            if dialog.restore_button.isEnabled()
            else QDialog.DialogCode.Rejected
        )

    monkeypatch.setattr(RestoreDialog, "exec", fake_exec)


def _trigger_restore(window):
    window.findChild(type(window.menuBar().actions()[0]), "actionRestoreBackup").trigger()


def test_file_restore_lists_the_backups_and_the_window_shows_the_restored_logbook(
    window, monkeypatch
):
    repo = window.repo
    repo.save_session(session(1))
    window.backup_now()
    for day in (2, 3):
        repo.save_session(session(day))
    window.calendar_tab.undo.push(SetPhase(window.context, "2024-W10", Phase.BUILD))
    seen: list = []
    _choose(monkeypatch, lambda dialog: 0, seen)
    _trigger_restore(window)
    count("restores")
    assert seen == [("manual", "1")]
    assert [s.title for s in repo.all_sessions()] == ["Day 1"]
    assert "1 session" in window.logbook_label.text()
    assert window.statusBar().currentMessage().startswith("Restored 1 session from ")
    assert window.calendar_tab.undo.count() == 0  # its history named other sessions
    assert any(b.kind == "before a restore" and b.sessions == 3 for b in list_backups(repo.path))


def test_an_unsaved_edit_is_asked_about_first_and_cancel_restores_nothing(window, monkeypatch):
    window.repo.save_session(session(1))
    window.backup_now()
    window.repo.save_session(session(2))
    window.session_tab.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=80))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    )
    _choose(monkeypatch, lambda dialog: 0, [])
    _trigger_restore(window)
    assert len(window.repo.all_sessions()) == 2 and window.session_tab.is_dirty


def test_a_backup_damaged_after_it_was_listed_is_refused_with_a_message(
    window, dialogs, monkeypatch
):
    window.repo.save_session(session(1))
    window.backup_now()
    window.repo.save_session(session(2))
    before = contents(window.repo)

    def damage_then_pick(dialog):
        _damage(dialog.backups[0].path, "cut in half")
        return 0

    _choose(monkeypatch, damage_then_pick, [])
    _trigger_restore(window)
    count("damaged backups refused")
    assert contents(window.repo) == before
    assert "cannot be restored: it is damaged" in dialogs[-1][1]
    assert "The logbook was not changed" in window.statusBar().currentMessage()


def test_a_damaged_backup_is_listed_with_its_problem_and_cannot_be_chosen(window, qtbot):
    window.repo.save_session(session(1))
    good = window.repo.backup_now()
    bad = good.with_name(f"{window.repo.path.stem}-manual-20200101-080000.sqlite")
    bad.write_bytes(good.read_bytes()[:3000])
    dialog = RestoreDialog(list_backups(window.repo.path), 1, good.parent, window)
    qtbot.addWidget(dialog)
    rows = {dialog.backups[r].path: r for r in range(dialog.table.rowCount())}
    assert dialog.table.item(rows[bad], 2).text() == "damaged"
    dialog.select_row(rows[bad])
    assert not dialog.restore_button.isEnabled()
    assert "cannot be restored" in dialog.note.text()
    dialog.select_row(rows[good])
    assert dialog.restore_button.isEnabled() and "1 session" in dialog.note.text()


def test_with_no_backups_the_dialog_says_how_they_are_made(window, qtbot):
    dialog = RestoreDialog([], 0, backups_dir_for(window.repo.path), window)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled() and dialog.table.rowCount() == 0
    assert "File > Backup now makes one" in dialog.intro.text()


def test_a_restored_logbook_opens_again(tmp_path):
    path = tmp_path / "again.sqlite"
    repo = Repository.open(path)
    repo.save_session(session(1))
    backup = repo.backup_now()
    repo.save_session(session(2))
    restore_backup(repo, backup)
    repo.close()
    again = Repository.open(path)
    try:
        assert [s.title for s in again.all_sessions()] == ["Day 1"]
    finally:
        again.close()
