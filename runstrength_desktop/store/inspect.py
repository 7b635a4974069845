"""Checking a logbook file before anything writes to it, through a read-only connection: is it
a healthy SQLite file, of a schema version we know, with exactly the tables, columns and
indexes this code expects, no triggers of someone else's, and only real dates? A file that
fails any of this is refused with a message and left byte for byte as it was."""

from __future__ import annotations

import functools
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import quote

from .errors import LogbookError

SQLITE_HEADER = b"SQLite format 3\x00"
FIRST_DAY, LAST_DAY = "1900-01-01", "2100-12-31"  # as domain.validation keeps them
_DATED = {"session": "date", "race": "date", "body_weight": "date"}


def _is_read_only(path: Path) -> bool:
    # Root ignores permission bits, so os.access alone would call every file writable.
    return not os.access(path, os.W_OK) or not stat.S_IMODE(path.stat().st_mode) & 0o222


def read_only_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)


# What an index covers: its table, its columns in order, unique, partial (as SQLite lists them).
Index = tuple[str, tuple[str, ...], int, int]


class Schema(TypedDict):
    tables: dict[str, tuple[tuple[Any, ...], ...]]  # name -> its columns
    indexes: dict[str, Index]  # name -> what it covers
    triggers: set[str]


def schema_of(conn: sqlite3.Connection) -> Schema:
    """Tables with their columns (name, type, not null, default, key), indexes with what
    they cover (table, columns, unique, partial), and triggers: what has to match for our
    SQL to mean what it says."""
    tables = {}
    indexes: dict[str, Index] = {}
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ):
        columns = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        tables[name] = tuple((c[1], c[2].upper(), c[3], c[5]) for c in columns)
        # An index is known by what it covers, not only by its name: one of the same name on
        # other columns (or no longer UNIQUE) would let the queries scan, or the writes through.
        for _seq, index, unique, origin, partial in conn.execute(f'PRAGMA index_list("{name}")'):
            if origin == "c":  # made by CREATE INDEX, not a constraint's own
                covered = tuple(row[2] for row in conn.execute(f'PRAGMA index_info("{index}")'))
                indexes[index] = (name, covered, unique, partial)
    triggers = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    return {"tables": tables, "indexes": indexes, "triggers": triggers}


@functools.cache
def expected_schema(version: int) -> Schema:
    """The schema our migrations build up to `version`: for the current version, as
    schema_snapshot.py writes it out (a test keeps it equal to what the migrations build);
    for an older one (a file about to be upgraded), built by them in memory."""
    from .schema_snapshot import INDEXES, SNAPSHOT_VERSION, TABLES

    if version == SNAPSHOT_VERSION:
        return {"tables": dict(TABLES), "indexes": dict(INDEXES), "triggers": set()}
    return built_schema(version)


def built_schema(version: int) -> Schema:
    """The schema our migrations build up to `version`, built for real in memory: always
    exactly what the code would have written."""
    from peewee import SqliteDatabase

    from .migrations import migrate_to_current

    db = SqliteDatabase(":memory:")
    db.connect()
    try:
        migrate_to_current(db, 0, up_to=version)
        return schema_of(db.connection())
    finally:
        db.close()


def schema_problem(actual: Schema, version: int) -> str | None:
    expected = expected_schema(version)
    if actual["triggers"]:
        names = ", ".join(sorted(actual["triggers"]))
        return (
            f"it has triggers this app did not make ({names}); they would run on every save. "
            "Remove them with an SQLite tool, or restore a backup"
        )
    for table, columns in expected["tables"].items():
        have = actual["tables"].get(table)
        if have is None:
            return f"its table {table!r} is missing (schema {version} has it)"
        if have != columns:
            wanted, found = [c[0] for c in columns], [c[0] for c in have]
            extra = [c for c in found if c not in wanted]
            missing = [c for c in wanted if c not in found]
            detail = "; ".join(
                part
                for part in (
                    f"columns not in schema {version}: {', '.join(extra)}" if extra else "",
                    f"missing columns: {', '.join(missing)}" if missing else "",
                )
                if part
            )
            return (
                f"its table {table!r} does not match schema {version} "
                f"({detail or 'column types or constraints differ'}); it was changed by "
                "another program"
            )
    for name, index in expected["indexes"].items():
        have_index = actual["indexes"].get(name)
        if have_index is None:
            return f"its index {name!r} is missing (schema {version} has it)"
        if have_index != index:
            return (
                f"its index {name!r} does not match schema {version} ({_index_text(index)} "
                f"there; {_index_text(have_index)} here); it was changed by another program"
            )
    return None


def _index_text(index: Index) -> str:
    """'a unique partial index on session(source, source_key)'."""
    table, columns, unique, partial = index
    kind = " ".join(word for word, said in (("unique", unique), ("partial", partial)) if said)
    return f"{f'a {kind} index' if kind else 'an index'} on {table}({', '.join(columns)})"


def bad_date(conn: sqlite3.Connection) -> str | None:
    """The first row whose date is not a real day from 1900 to 2100 (hand-edited, or
    restored by an older version that let 0001-01-01 in), described for the runner."""
    for table, column in _DATED.items():
        row = conn.execute(
            f'SELECT id, "{column}" FROM "{table}" WHERE "{column}" < ? OR "{column}" > ? '
            f'OR date("{column}") IS NOT "{column}" LIMIT 1',
            (FIRST_DAY, LAST_DAY),
        ).fetchone()
        if row is not None:
            row_id, value = row
            text = str(value)[:40]
            return (
                f"{table} {row_id} has the date {text!r}, which is not a day from {FIRST_DAY} "
                f"to {LAST_DAY}; correct it with an SQLite tool (UPDATE {table} SET "
                f"{column} = 'YYYY-MM-DD' WHERE id = {row_id}), or restore a backup"
            )
    return None


def inspect_file(path: Path) -> int:
    """The schema version of an existing logbook, after checking, without writing, that it is
    a healthy SQLite file we may change. Raises LogbookError otherwise."""
    from .migrations import SCHEMA_VERSION

    if path.is_dir():
        raise LogbookError(path, "it is a folder, not a file")
    if not path.is_file():
        raise LogbookError(path, "it is not a regular file (a device, FIFO or socket)")
    if path.stat().st_size == 0:
        return 0
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise LogbookError(path, "it is not a RunStrength logbook (not an SQLite database)")
    if _is_read_only(path):
        raise LogbookError(path, "the file is read-only; make it writable or open a copy")
    if not os.access(path.parent, os.W_OK) or _is_read_only(path.parent):
        raise LogbookError(path, f"its folder {path.parent} is read-only")
    try:
        probe = read_only_connection(path)
        try:
            _check_contents(path, probe, SCHEMA_VERSION)
            version: int = probe.execute("PRAGMA user_version").fetchone()[0]
            return version
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise LogbookError(path, f"the file is damaged ({exc})") from exc


def _check_contents(path: Path, probe: sqlite3.Connection, current: int) -> None:
    check = probe.execute("PRAGMA quick_check").fetchall()
    if check != [("ok",)]:
        raise LogbookError(path, f"the file is damaged (quick_check: {check[0][0]})")
    version = probe.execute("PRAGMA user_version").fetchone()[0]
    if version > current:
        raise LogbookError(
            path,
            f"it was written by a newer RunStrength Desktop (schema "
            f"{version}; this version understands up to {current})",
        )
    if version < 0:
        raise LogbookError(path, f"its schema version {version} is not one this app writes")
    schema = schema_of(probe)
    if version == 0:
        if schema["tables"] or schema["triggers"]:
            tables = ", ".join(sorted(schema["tables"])) or "triggers only"
            raise LogbookError(
                path,
                f"it is an SQLite database of another program (tables: {tables}), not a "
                "RunStrength logbook",
            )
        return
    if problem := schema_problem(schema, version):
        raise LogbookError(path, problem)
    if problem := bad_date(probe):
        raise LogbookError(path, problem)
