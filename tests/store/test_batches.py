"""Big imports commit in short batches and stay all or nothing: a failure in a later batch
removes what the earlier ones wrote, and each public call announces one change."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from runstrength_desktop.domain import (
    Category,
    Exercise,
    Logbook,
    Race,
    Region,
    Session,
    SessionKind,
    SetEntry,
    Status,
)
from runstrength_desktop.store import Repository, StoreError, batches, bulk_insert
from runstrength_desktop.store.backup import all_backups


def workouts(count: int, exercise: str = "Back squat") -> list[Session]:
    return [
        Session(
            dt.date(2021, 3, 1) + dt.timedelta(days=n),
            SessionKind.STRENGTH,
            Status.DONE,
            title=f"w{n}",
            sets=[SetEntry(exercise, reps=5, weight_kg=100)] * 3,
            source="strong",
            source_key=f"k{n}",
        )
        for n in range(count)
    ]


@pytest.fixture
def every_session_a_batch(monkeypatch):
    monkeypatch.setattr(batches, "BATCH_SECONDS", 0.0)
    monkeypatch.setattr(batches, "pause", lambda _seconds: None)


def fail_commit_number(repo, monkeypatch, number: int) -> list[int]:
    """The `number`th COMMIT from now fails as a full disk would (rolled back)."""
    commits = []
    real = type(repo.db).commit

    def commit(db):
        commits.append(1)
        if len(commits) == number:
            db.execute_sql("ROLLBACK")  # SQLite's own rollback on SQLITE_FULL
            raise sqlite3.OperationalError("database or disk is full")
        return real(db)

    monkeypatch.setattr(type(repo.db), "commit", commit)
    return commits


def test_an_import_is_written_in_many_short_transactions(repo, every_session_a_batch, monkeypatch):
    commits = []
    real = type(repo.db).commit
    monkeypatch.setattr(type(repo.db), "commit", lambda db: commits.append(1) or real(db))
    news = []
    repo.subscribe(news.append)
    assert repo.import_sessions(workouts(12), [])["sessions"] == 12
    assert len(commits) >= 12 and len(news) == 1 and len(news[0].added) == 12
    assert repo.count_sessions() == 12


def test_a_later_batch_that_fails_takes_the_earlier_ones_back(
    repo, every_session_a_batch, monkeypatch
):
    custom = Exercise("Sled push", Region.LOWER, Category.STRENGTH)
    news = []
    repo.subscribe(news.append)
    commits = fail_commit_number(repo, monkeypatch, 8)
    with pytest.raises(StoreError, match="the disk is full"):
        repo.import_sessions(workouts(12, "Sled push"), [custom])
    assert len(commits) > 8  # the batches before the failure were committed, then removed
    assert repo.count_sessions() == 0 and repo.catalogue().get("Sled push") is None
    assert news == []


def test_a_backup_import_is_all_or_nothing_across_batches(repo, every_session_a_batch, monkeypatch):
    logbook = Logbook(sessions=workouts(10), races=[Race(dt.date(2021, 6, 1), "10K", 10)])
    fail_commit_number(repo, monkeypatch, 6)
    with pytest.raises(StoreError):
        repo.import_logbook(logbook)
    assert repo.count_sessions() == 0 and repo.races() == []
    monkeypatch.undo()
    assert repo.import_logbook(logbook)["sessions"] == 10 and len(repo.races()) == 1


def test_replace_builds_in_a_copy_and_keeps_the_logbook_as_it_was(repo, db_path):
    repo.import_sessions(workouts(3), [])
    news = []
    repo.subscribe(news.append)
    counts = repo.import_logbook(Logbook(sessions=workouts(5)[3:]), replace=True)
    assert counts["sessions"] == 2 and [s.title for s in repo.all_sessions()] == ["w3", "w4"]
    assert len(news) == 1 and news[0].replaced
    [aside] = [p for p in all_backups(db_path) if "before-restore" in p.name]
    kept = Repository.open(aside)
    try:
        assert kept.count_sessions() == 3
    finally:
        kept.close()
    assert repo.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not list(db_path.parent.glob("backups/.restore-*"))


def test_a_replace_that_fails_while_building_changes_nothing(repo, monkeypatch):
    repo.import_sessions(workouts(3), [])
    bad = Logbook(sessions=workouts(2, exercise="No such lift"))
    with pytest.raises(Exception, match="unknown exercise"):
        repo.import_logbook(bad, replace=True)
    assert [s.title for s in repo.all_sessions()] == ["w0", "w1", "w2"]


def test_a_replace_rebuilds_when_another_program_writes_meanwhile(repo, db_path, monkeypatch):
    """The copy is a picture of the logbook; a save made by another program while it is
    built must not be overwritten by that older picture."""
    repo.import_sessions(workouts(2), [])
    built = []
    real = Repository._import_logbook

    def building(staging, logbook, replace, **options):
        built.append(1)
        if len(built) == 1:  # another program writes while the first copy is built
            other = sqlite3.connect(db_path)
            other.execute("UPDATE session SET title = 'changed elsewhere'")
            other.commit()
            other.close()
        return real(staging, logbook, replace, **options)

    monkeypatch.setattr(Repository, "_import_logbook", building)
    repo.import_logbook(Logbook(sessions=workouts(1)), replace=True)
    assert len(built) == 2 and [s.title for s in repo.all_sessions()] == ["w0"]


# ---------------------------- the sessions' and sets' indexes built once, after the write


def set_indexes(db, table: str = "strength_set") -> list[tuple[str, str]]:
    return sorted(
        db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = ? AND sql IS NOT NULL",
            (table,),
        ).fetchall()
    )


def unique_only(indexes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, sql) for name, sql in indexes if sql.startswith("CREATE UNIQUE")]


def test_an_import_into_an_empty_logbook_leaves_every_index_of_the_sets_as_it_was(repo):
    before = set_indexes(repo.db)
    sessions_before = set_indexes(repo.db, "session")
    assert len(before) >= 2 and len(sessions_before) > len(unique_only(sessions_before)) > 0
    seen = []
    real = bulk_insert.SessionWriter.flush

    def flush(writer):  # what the tables have while the rows are written
        seen.append((set_indexes(writer.db), set_indexes(writer.db, "session")))
        real(writer)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk_insert.SessionWriter, "flush", flush)
        assert repo.import_logbook(Logbook(sessions=workouts(20)))["sessions"] == 20
    # Written without them (but the UNIQUE one of the sessions' source keys)...
    assert seen and seen[0] == ([], unique_only(sessions_before))
    # ...and built again before the commit.
    assert set_indexes(repo.db) == before
    assert set_indexes(repo.db, "session") == sessions_before
    plan = repo.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT * FROM strength_set WHERE session_id = 3"
    ).fetchall()
    assert "strength_set_session_id" in str(plan)
    plan = repo.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM session WHERE date = '2021-03-02'"
    ).fetchall()
    assert "session_date" in str(plan)
    # A logbook that has sets keeps its indexes throughout.
    seen.clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk_insert.SessionWriter, "flush", flush)
        repo.import_logbook(Logbook(sessions=workouts(25)[20:]))
    assert seen and all(found == (before, sessions_before) for found in seen)
    assert repo.count_sessions() == 25


def test_two_sessions_of_one_source_key_in_an_empty_logbook_are_refused_with_nothing_written(
    repo,
):
    twice = workouts(3)
    twice[2].source_key = twice[0].source_key
    with pytest.raises(StoreError, match="UNIQUE"):
        repo.import_logbook(Logbook(sessions=twice))
    assert repo.count_sessions() == 0
    assert repo.db.execute_sql("SELECT COUNT(*) FROM strength_set").fetchone() == (0,)
    assert set_indexes(repo.db, "session") and not repo.db.in_transaction()


def test_a_first_batch_that_fails_before_its_commit_keeps_the_indexes_and_writes_nothing(
    repo, monkeypatch
):
    before = set_indexes(repo.db), set_indexes(repo.db, "session")
    real = bulk_insert.SessionWriter.before_commit

    def before_commit(writer):
        real(writer)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(bulk_insert.SessionWriter, "before_commit", before_commit)
    with pytest.raises(StoreError, match="the disk is full"):
        repo.import_logbook(Logbook(sessions=workouts(5)))
    monkeypatch.undo()
    assert repo.count_sessions() == 0
    assert (set_indexes(repo.db), set_indexes(repo.db, "session")) == before
    assert not repo.db.in_transaction()  # the batch was rolled back, not left open
    assert repo.import_logbook(Logbook(sessions=workouts(5)))["sessions"] == 5


KILLED_IN_THE_FIRST_BATCH = """
import datetime as dt, os, signal, sys
from runstrength_desktop.domain import Logbook, Session, SessionKind, SetEntry, Status
from runstrength_desktop.store import Repository, bulk_insert

def killed(writer):  # the sets are written, their indexes not yet built again
    writer.flush()
    os.kill(os.getpid(), signal.SIGKILL)

bulk_insert.SessionWriter.before_commit = killed
repo = Repository.open(sys.argv[1])
sets = [SetEntry("Back squat", reps=5, weight_kg=100.0)] * 3
repo.import_logbook(
    Logbook(sessions=[Session(dt.date(2021, 3, 1), SessionKind.STRENGTH, Status.DONE, sets=sets)])
)
"""


def test_a_process_killed_before_the_indexes_are_built_again_leaves_them_there(db_path):
    import signal
    import subprocess
    import sys

    Repository.open(db_path).close()
    probe = Repository.open(db_path)
    before = set_indexes(probe.db)
    probe.close()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_IN_THE_FIRST_BATCH, str(db_path)],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    repo = Repository.open(db_path)
    try:
        assert set_indexes(repo.db) == before and repo.count_sessions() == 0
    finally:
        repo.close()


def test_an_unknown_exercise_is_named_by_its_first_set_and_nothing_is_written(repo):
    from runstrength_desktop.domain.validation import ValidationError

    sessions = workouts(3)
    sessions[2].sets = [SetEntry("Back squat", reps=5), SetEntry("No such lift", reps=5)]
    sessions.append(workouts(1, exercise="No such lift")[0])
    with pytest.raises(ValidationError) as caught:
        repo.import_logbook(Logbook(sessions=sessions))
    assert caught.value.errors[0].field == "sessions[2].sets[1].exercise"
    assert "unknown exercise 'No such lift'" in str(caught.value)
    assert repo.count_sessions() == 0


@pytest.mark.parametrize("count", [0, 1, 82, 83, 84, 3 * 83 + 5])
def test_rows_inserted_many_a_statement_keep_their_values_and_order(count):
    """insert_rows puts as many rows in one INSERT as SQLite's parameters allow (83 of 12
    columns); every row arrives, in order, whatever the count."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, "
        + ", ".join(f"c{i}" for i in range(12))
        + ")"
    )
    rows = [(n, f"text {n}", None, n / 2, *range(8)) for n in range(count)]
    sql = f"INSERT INTO t ({', '.join(f'c{i}' for i in range(12))}) VALUES ({', '.join('?' * 12)})"
    bulk_insert.insert_rows(db.cursor(), sql, rows)
    stored = db.execute("SELECT * FROM t ORDER BY id").fetchall()
    assert [row[1:] for row in stored] == rows
    assert [row[0] for row in stored] == list(range(1, count + 1))


class Interrupted(BaseException):
    """What the command line raises from its SIGTERM handler."""


def test_a_signal_the_moment_a_batch_committed_still_takes_that_batch_back(
    repo, monkeypatch, every_session_a_batch
):
    # A signal is handled between two bytecodes: the first may be right after COMMIT
    # returned, before the batch was counted as committed.
    commits = []
    real = type(repo.db).commit

    def commit(db):
        real(db)
        commits.append(1)
        if len(commits) == 1:
            raise Interrupted()

    monkeypatch.setattr(type(repo.db), "commit", commit)
    with pytest.raises(Interrupted) as stopped:
        repo.import_logbook(Logbook(sessions=workouts(5)))
    monkeypatch.undo()
    assert repo.count_sessions() == 0
    assert stopped.value.__notes__ == ["the 1 session it had written taken back"]
