"""Files that are not honest exports (binary, cut short, a 10 MB field, a header alone, mixed
delimiters) end with a clear message and leave the logbook as it was; fuzzed exports never
raise anything but ImportProblem and never write part of a file."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status, WeightUnit
from runstrength_desktop.interchange import csv_source
from runstrength_desktop.interchange.importer import import_file, parse_export, plan_import
from runstrength_desktop.interchange.records import ImportProblem

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    '2021-02-10 16:46:13,"Legs",1h,"Squat (Barbell)",1,100,5,0,0,"deep\nand slow","",8\n'
    '2021-02-10 16:46:13,"Legs",1h,"Squat (Barbell)",W,60,5,0,0,,,\n'
    '2021-02-12 07:00:00,"Run",30m,"Running",1,0,0,5.0,1800,,,\n'
    '2021-02-14 18:00:00,"Arms",45m,"Zottman Curl",1,12.5,10,0,0,,,\n'
)
HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_lbs","reps","distance_miles",'
    '"duration_seconds","rpe"\n'
    '"Back","12 Dec 2024, 13:18","12 Dec 2024, 14:27","","Deadlift (Barbell)",,"",0,"normal",'
    "225,5,,,\n"
    '"Back","12 Dec 2024, 13:18","12 Dec 2024, 14:27","","Treadmill",,"",0,"normal",,,1.5,900,\n'
)
FITNOTES = (
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
    "2025-04-29,Overhead Press (Each Side, Dumbbells),Shoulders,8.0,kgs,5,,,\n"
    "2025-04-30,Plank,Abs,,,,,,0:01:30\n"
)
SAMPLES = [STRONG, HEVY, FITNOTES]


@pytest.fixture
def seeded(repo):
    """A logbook with one session, so 'unchanged' means more than 'still empty'."""
    repo.save_session(
        Session(
            repo_day(),
            SessionKind.STRENGTH,
            Status.DONE,
            title="Mine",
            sets=[SetEntry("Back squat", reps=5, weight_kg=80)],
        )
    )
    return repo


def repo_day():
    import datetime as dt

    return dt.date(2020, 1, 1)


def snapshot(repo):
    return (repo.count_sessions(), len(list(repo.catalogue())), repo.all_sessions())


def refused(repo, tmp_path, data: bytes, match: str):
    path = tmp_path / "hostile.csv"
    path.write_bytes(data)
    before = snapshot(repo)
    with pytest.raises(ImportProblem, match=match) as caught:
        import_file(repo, path, unit=WeightUnit.KG)
    assert str(path) in str(caught.value) and "nothing was imported" in str(caught.value)
    assert snapshot(repo) == before
    return str(caught.value)


def test_random_binary_is_refused(seeded, tmp_path):
    refused(seeded, tmp_path, os.urandom(4096) + b"\x00", "binary data|unknown header|starts like")


def test_random_text_is_refused_with_the_header_it_saw(seeded, tmp_path):
    refused(seeded, tmp_path, b"\x89\xab\xcd garbage;;,,\nmore", r"unknown header '\S+")


def test_a_file_cut_short_is_refused(seeded, tmp_path):
    cut = STRONG[: STRONG.index("deep") + 3].encode()  # inside the quoted note
    refused(seeded, tmp_path, cut, "ends in the middle of a row")
    cut = STRONG[:-8].encode()  # inside the last row
    refused(seeded, tmp_path, cut, "ends in the middle of a row")


def test_a_ten_megabyte_field_is_refused(seeded, tmp_path):
    huge = STRONG.replace('"deep', '"' + "x" * (10 * 2**20) + "deep").encode()
    text = refused(seeded, tmp_path, huge, "line 2: a field is longer than")
    assert len(text) < 500


def test_a_header_alone_is_refused(seeded, tmp_path):
    for sample in SAMPLES:
        header = sample.splitlines(keepends=True)[0]
        refused(seeded, tmp_path, header.encode(), "a header but no rows")


def test_mixed_delimiters_are_refused(seeded, tmp_path):
    lines = STRONG.splitlines(keepends=True)
    lines[-1] = lines[-1].replace(",", ";")
    refused(
        seeded,
        tmp_path,
        "".join(lines).encode(),
        "line 6 is separated by semicolons but the header by commas",
    )
    rows = "".join(line.replace(",", ";") for line in lines[1:])
    refused(seeded, tmp_path, (lines[0] + rows).encode(), "mixes delimiters")


def test_a_file_larger_than_any_export_is_refused_before_reading(seeded, tmp_path, monkeypatch):
    monkeypatch.setattr(csv_source, "MAX_FILE_BYTES", 100)
    refused(seeded, tmp_path, STRONG.encode(), "larger than any workout export")


def test_an_unreadable_file_names_itself(seeded, tmp_path):
    with pytest.raises(ImportProblem, match="cannot read"):
        import_file(seeded, tmp_path / "missing.csv")


def _mutations():
    """A sample export with bytes replaced, inserted or cut off."""
    return st.tuples(
        st.sampled_from(SAMPLES),
        st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=6)), max_size=5),
        st.integers(0, 10_000),
    )


def _mutate(sample: str, edits, cut: int) -> bytes:
    data = bytearray(sample.encode("utf-8"))
    for position, chunk in edits:
        position %= len(data) + 1
        data[position : position + len(chunk) // 2] = chunk
    return bytes(data[: max(cut % (len(data) + 1), 1)] if cut % 3 == 0 else data)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_fuzzed_exports_parse_or_fail_cleanly(mutation):
    data = _mutate(*mutation)
    try:
        parse_export(data, unit=WeightUnit.LB)
    except ImportProblem as exc:
        assert str(exc)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(_mutations())
def test_fuzzed_imports_write_all_or_nothing(seeded, tmp_path, mutation):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(_mutate(*mutation))
    before = seeded.count_sessions()
    try:
        parsed = parse_export(path.read_bytes(), unit=WeightUnit.KG)
        expected = len(plan_import(seeded, parsed).sessions)
        report = import_file(seeded, path, unit=WeightUnit.KG)
    except ImportProblem:
        assert seeded.count_sessions() == before
        return
    assert seeded.count_sessions() == before + report.sessions == before + expected
