"""Hostile files through the same calls the CLI and the window make (import_file for Strong,
Hevy and FitNotes, import_json_file for a JSON backup, with and without --replace): random
bytes, files cut short, huge fields, wrong encodings, deeply nested and wrongly typed JSON.
Whatever comes in, the only exception is the one that carries a message (ImportProblem,
InterchangeError), and a refused file leaves the logbook byte for byte as it was (a SHA-256
of its SQL dump); an accepted one adds exactly what the report says.

The parsers' own fuzz tests (tests/interchange/test_backup_json.py, test_hostile_imports.py)
check messages and round trips; these check the logbook. `make test` runs a few hundred
cases, the `slow` marker (make reliability) thousands."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain import Logbook, WeightUnit
from runstrength_desktop.interchange.backup_json import dump_backup, dumps_backup
from runstrength_desktop.interchange.files import InterchangeError, import_json_file
from runstrength_desktop.interchange.importer import import_file
from runstrength_desktop.interchange.records import ImportProblem
from runstrength_desktop.store import Repository
from tests.helpers import DELETE, json_places, json_values, with_one_change
from tests.interchange.test_hostile_imports import SAMPLES, _mutate, _mutations
from tests.reliability.reliability_support import count

WANTED = ["auto", "strong", "hevy", "fitnotes"]
ENCODINGS = ["utf-16", "utf-16-be", "utf-32", "cp1252", "latin-1", "shift_jis", "cp437"]
FOREIGN = "Ünïcödé Squat — 深蹲 🏋️"


def small_logbook() -> Logbook:
    demo = generate_demo(1, 3)
    return Logbook(
        exercises=demo.exercises,
        sessions=demo.sessions[:12],
        races=demo.races[:2],
        weeks=demo.weeks[:3],
        body_weights=demo.body_weights[:3],
    )


DOCUMENT = dump_backup(small_logbook())
VALID_JSON = json.dumps(DOCUMENT, ensure_ascii=False)


def checksum(repo) -> str:
    dump = "\n".join(repo.db.connection().iterdump())
    return hashlib.sha256(dump.encode("utf-8", "surrogatepass")).hexdigest()


# -- what comes in ---------------------------------------------------------------------------


def _reencoded(text: str, encoding: str) -> bytes:
    return text.replace("Squat", FOREIGN, 1).encode(encoding, errors="replace")


def _huge(text: str, size: int, where: str) -> bytes:
    return text.replace(where, where + "x" * size, 1).encode()


export_files = st.one_of(
    st.binary(max_size=2000),
    _mutations().map(lambda mutation: _mutate(*mutation)),
    st.tuples(st.sampled_from(SAMPLES), st.integers(0, 2000)).map(
        lambda s: s[0].encode()[: s[1] % (len(s[0]) + 1)]
    ),
    st.tuples(st.sampled_from(SAMPLES), st.sampled_from(ENCODINGS)).map(lambda s: _reencoded(*s)),
    st.tuples(st.sampled_from(SAMPLES), st.integers(1000, 300_000)).map(
        lambda s: _huge(s[0], s[1], s[0].splitlines()[1][:12])
    ),
)


def _nested(depth: int, opener: str) -> bytes:
    closer = {"[": "]", '{"a":': "}"}[opener]
    return (opener * depth + "1" + closer * depth).encode()


PLACES = list(json_places(DOCUMENT))


def _retyped(place, junk) -> bytes:
    doc = with_one_change(DOCUMENT, place, junk)
    return json.dumps(doc, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


json_files = st.one_of(
    st.binary(max_size=2000),
    st.integers(0, len(VALID_JSON)).map(lambda cut: VALID_JSON.encode()[:cut]),
    st.tuples(st.integers(1, 200_000), st.sampled_from(["[", '{"a":'])).map(lambda s: _nested(*s)),
    st.tuples(st.sampled_from(PLACES), json_values | st.just(DELETE)).map(lambda s: _retyped(*s)),
    st.sampled_from(ENCODINGS).map(lambda e: VALID_JSON.encode(e, errors="replace")),
    st.tuples(
        st.integers(100, 300_000), st.sampled_from(['"notes": "', '"title": "', '"name": "'])
    ).map(lambda s: _huge(VALID_JSON, s[0], s[1])),
)


# -- the checks ------------------------------------------------------------------------------


@pytest.fixture
def logbooks(tmp_path):
    """A fresh copy of a small seeded logbook for each case: copying a file is much faster
    than creating, migrating and seeding one."""
    template = tmp_path / "template.sqlite"
    repo = Repository.open(template, auto_backup=False)
    repo.import_logbook(small_logbook())
    repo.close()
    opened = []

    def fresh() -> Repository:
        while opened:
            opened.pop().close()
        path = tmp_path / "case.sqlite"
        shutil.copyfile(template, path)
        opened.append(Repository.open(path, auto_backup=False))
        return opened[-1]

    yield fresh
    while opened:
        opened.pop().close()


def _export_case(fresh, tmp_path, data: bytes, wanted: str) -> None:
    count("fuzz cases run")
    repo = fresh()
    path = tmp_path / "hostile.csv"
    path.write_bytes(data)
    before, sessions = checksum(repo), repo.count_sessions()
    try:
        report = import_file(repo, path, wanted, WeightUnit.KG)
    except ImportProblem as refused:
        assert str(path) in str(refused) and "nothing was imported" in str(refused)
        assert checksum(repo) == before
        count("fuzz cases refused, logbook unchanged")
        return
    assert repo.count_sessions() == sessions + report.sessions
    count("fuzz cases imported whole")
    assert repo.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def _json_case(fresh, tmp_path, data: bytes, replace: bool) -> None:
    count("fuzz cases run")
    repo = fresh()
    path = tmp_path / "hostile.json"
    path.write_bytes(data)
    before, sessions = checksum(repo), repo.count_sessions()
    try:
        counts = import_json_file(repo, path, replace=replace)
    except InterchangeError as refused:
        assert str(path) in str(refused) and "nothing was imported" in str(refused)
        assert checksum(repo) == before
        count("fuzz cases refused, logbook unchanged")
        return
    added = counts["sessions"]
    assert repo.count_sessions() == (added if replace else sessions + added)
    count("fuzz cases imported whole")
    assert repo.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def _run(examples: int, strategy, case) -> None:
    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(strategy)
    def fuzz(drawn):
        case(*drawn)

    fuzz()


def _exports(logbooks, tmp_path, examples):
    _run(
        examples,
        st.tuples(export_files, st.sampled_from(WANTED)),
        lambda data, wanted: _export_case(logbooks, tmp_path, data, wanted),
    )


def _backups(logbooks, tmp_path, examples):
    _run(
        examples,
        st.tuples(json_files, st.booleans()),
        lambda data, replace: _json_case(logbooks, tmp_path, data, replace),
    )


def test_hostile_exports_are_refused_whole_or_imported_whole(logbooks, tmp_path):
    _exports(logbooks, tmp_path, 150)


def test_hostile_json_backups_are_refused_whole_or_restored_whole(logbooks, tmp_path):
    _backups(logbooks, tmp_path, 150)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_thousands_of_hostile_exports(logbooks, tmp_path):
    _exports(logbooks, tmp_path, 2500)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_thousands_of_hostile_json_backups(logbooks, tmp_path):
    _backups(logbooks, tmp_path, 2500)


def test_the_samples_really_import(logbooks, tmp_path):
    """The fuzz starts from files that work, or it would only ever test refusals."""
    for sample in SAMPLES:
        repo = logbooks()
        path = tmp_path / "sample.csv"
        path.write_text(sample)
        assert import_file(repo, path, unit=WeightUnit.KG).sessions > 0
    repo = logbooks()
    path = tmp_path / "sample.json"
    path.write_text(dumps_backup(Logbook(sessions=small_logbook().sessions[:3])))
    assert import_json_file(repo, path, replace=True)["sessions"] == 3
    assert repo.count_sessions() == 3
