"""Honest errors: a full disk, a read-only file, an I/O error and a failed fsync each get
their own message, SQLite's own rollback never hides the real error behind "cannot
rollback", and a write whose COMMIT failed with an I/O error is read back before it is
called refused: if it is in the logbook, it is reported as saved (with a warning)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import peewee
import pytest

from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
from runstrength_desktop.store import Repository, StoreError
from runstrength_desktop.store.errors import (
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_IOERR_FSYNC,
    SQLITE_READONLY,
    describe,
)
from tests.reliability.reliability_support import count


def legs(title: str = "Legs") -> Session:
    return Session(
        dt.date(2024, 5, 6),
        SessionKind.STRENGTH,
        Status.DONE,
        title=title,
        sets=[SetEntry("Back squat", reps=5, weight_kg=80)],
    )


def sqlite_error(text: str, code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code
    return error


@pytest.fixture
def commit_fails(monkeypatch):
    """commit_fails(code, landed): the next COMMIT fails with that code, after writing the
    transaction to disk (landed) or after SQLite rolled it back by itself (not landed)."""

    def inject(code: int, text: str, landed: bool):
        real = peewee.Database.commit
        calls = []

        def commit(db):
            calls.append(1)
            if len(calls) > 1:
                return real(db)
            count("faults injected")
            if landed:
                real(db)
            else:
                db.execute_sql("ROLLBACK")
            raise sqlite_error(text, code)

        monkeypatch.setattr(peewee.Database, "commit", commit)

    return inject


@pytest.mark.parametrize(
    "code, text, told",
    [
        (SQLITE_FULL, "database or disk is full", "the disk is full, free some space"),
        (SQLITE_READONLY, "attempt to write a readonly database", "the logbook or its folder"),
        (SQLITE_IOERR, "disk I/O error", "the disk reported an input/output error"),
        (SQLITE_IOERR_FSYNC, "disk I/O error", "the disk did not confirm the write (fsync"),
    ],
)
def test_each_disk_error_has_its_own_message(code, text, told):
    message = describe(sqlite_error(text, code))
    assert message.startswith(told) and message.endswith(f"[{text}]")


def test_sqlites_own_rollback_does_not_hide_a_full_disk(repo, commit_fails):
    commit_fails(SQLITE_FULL, "database or disk is full", landed=False)
    with pytest.raises(StoreError) as refused:
        repo.save_session(legs())
    assert str(refused.value).startswith("the disk is full")
    assert "cannot rollback" not in str(refused.value)
    assert repo.count_sessions() == 0


def test_a_save_whose_fsync_failed_but_landed_is_reported_saved(repo, db_path, commit_fails):
    commit_fails(SQLITE_IOERR_FSYNC, "disk I/O error", landed=True)
    saved = repo.save_session(legs())
    assert saved.id is not None and saved.title == "Legs"
    [warning] = repo.take_warnings()
    assert "did not confirm the write (fsync failed)" in warning and "is in the logbook" in warning
    repo.close()
    again = Repository.open(db_path)  # and after a restart, it is still there
    try:
        assert [s.title for s in again.all_sessions()] == ["Legs"]
    finally:
        again.close()


def test_a_save_whose_fsync_failed_and_did_not_land_is_refused_saying_so(repo, commit_fails):
    commit_fails(SQLITE_IOERR_FSYNC, "disk I/O error", landed=False)
    with pytest.raises(StoreError, match="read again after the error: the change is not in it"):
        repo.save_session(legs())
    assert repo.count_sessions() == 0 and repo.take_warnings() == []


def test_a_delete_whose_commit_failed_but_landed_is_done(repo, commit_fails):
    kept = repo.save_session(legs())
    news = []
    repo.subscribe(news.append)
    commit_fails(SQLITE_IOERR, "disk I/O error", landed=True)
    repo.delete_sessions([kept.id])
    assert repo.count_sessions() == 0 and news and news[0].deleted


def test_the_editor_says_saved_when_the_save_landed_despite_the_error(window, commit_fails):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=90))
    commit_fails(SQLITE_IOERR_FSYNC, "disk I/O error", landed=True)
    assert editor.save() is True and not editor.is_dirty
    assert "Saved" in window.statusBar().currentMessage()
    assert "is in the logbook" in editor.message.text()
    assert window.repo.count_sessions() == 1


def test_the_editor_keeps_the_edit_when_the_save_did_not_land(window, commit_fails):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=90))
    commit_fails(SQLITE_IOERR_FSYNC, "disk I/O error", landed=False)
    assert editor.save() is False and editor.is_dirty
    assert "the change is not in it" in editor.message.text()
    assert window.repo.count_sessions() == 0
