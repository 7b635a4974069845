"""The schema a logbook is checked against at every open: the written-out snapshot of the
current version equals what the migrations build, and an open compares with it without
running them; a file of an older schema is still checked against its version built in
memory."""

from __future__ import annotations

import pprint
import sqlite3

import pytest

from runstrength_desktop.store import LogbookError, Repository, migrations
from runstrength_desktop.store.inspect import built_schema, expected_schema
from runstrength_desktop.store.migrations import SCHEMA_V1, SCHEMA_VERSION
from runstrength_desktop.store.schema_snapshot import INDEXES, SNAPSHOT_VERSION, TABLES


def test_the_snapshot_is_what_the_migrations_build():
    built = built_schema(SCHEMA_VERSION)
    written = {"tables": TABLES, "indexes": INDEXES, "triggers": set()}
    assert (SNAPSHOT_VERSION, written) == (SCHEMA_VERSION, built), (
        "runstrength_desktop/store/schema_snapshot.py is stale: set SNAPSHOT_VERSION = "
        f"{SCHEMA_VERSION} and write out this schema:\n{pprint.pformat(built, sort_dicts=False)}"
    )
    assert list(TABLES) == list(built["tables"])  # the order a mismatch is reported in


@pytest.fixture
def current_logbook(db_path, monkeypatch):
    """A logbook of the current schema; from here on, any migration run fails the test (the
    in-memory build of a schema runs them all)."""
    Repository.open(db_path).close()

    def refuse(*args, **kwargs):
        raise AssertionError("a migration ran")

    expected_schema.cache_clear()  # built by an earlier test, perhaps
    monkeypatch.setattr(migrations, "migrate_to_current", refuse)
    yield db_path
    expected_schema.cache_clear()


def test_opening_a_current_logbook_runs_no_migration(current_logbook):
    repo = Repository.open(current_logbook)
    try:
        assert repo.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert len(repo.catalogue()) >= 50
    finally:
        repo.close()


def test_a_current_logbook_altered_by_hand_is_still_refused(current_logbook):
    conn = sqlite3.connect(current_logbook)
    conn.execute("ALTER TABLE strength_set ADD COLUMN tempo TEXT")
    conn.commit()
    conn.close()
    before = current_logbook.read_bytes()
    with pytest.raises(LogbookError, match=f"columns not in schema {SCHEMA_VERSION}: tempo"):
        Repository.open(current_logbook)
    assert current_logbook.read_bytes() == before


def test_an_older_logbook_altered_by_hand_is_checked_against_its_own_schema(db_path):
    conn = sqlite3.connect(db_path)
    conn.executescript(SCHEMA_V1)
    conn.execute("ALTER TABLE session ADD COLUMN mood TEXT")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(LogbookError, match="columns not in schema 1: mood"):
        Repository.open(db_path)
    assert db_path.read_bytes() == before


def test_an_index_rebuilt_on_other_columns_under_its_name_is_refused(current_logbook):
    """The name alone is not the index: one remade on fewer columns would let every
    exercise query scan the sets (and a unique one made plain would let duplicates in)."""
    conn = sqlite3.connect(current_logbook)
    conn.execute("DROP INDEX strength_set_exercise_session")
    conn.execute("CREATE INDEX strength_set_exercise_session ON strength_set (exercise_id)")
    conn.commit()
    conn.close()
    before = current_logbook.read_bytes()
    with pytest.raises(
        LogbookError,
        match=r"index 'strength_set_exercise_session' does not match schema \d+ .* "
        r"on strength_set\(exercise_id\) here",
    ):
        Repository.open(current_logbook)
    assert current_logbook.read_bytes() == before


def test_a_unique_index_made_plain_is_refused(current_logbook):
    conn = sqlite3.connect(current_logbook)
    conn.execute("DROP INDEX session_source_key")
    conn.execute(
        "CREATE INDEX session_source_key ON session (source, source_key) WHERE source != ''"
    )
    conn.commit()
    conn.close()
    with pytest.raises(LogbookError, match="index 'session_source_key' does not match"):
        Repository.open(current_logbook)
