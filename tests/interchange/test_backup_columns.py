"""The sets of a backup read a column at a time (interchange/backup_columns.py) give exactly
what reading them one by one gives: the same logbook from a good file, the same first problem
from a broken one; and the domain's batch checks pass a column only when every value passes
its own check."""

from __future__ import annotations

import copy
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runstrength_desktop.domain.validation import (
    all_days,
    all_pass,
    distance_problem,
    duration_problem,
    elevation_problem,
    heart_rate_problem,
    parse_day,
    reps_problem,
    rpe_problem,
    seconds_problem,
    weight_problem,
)
from runstrength_desktop.interchange import backup_reader
from runstrength_desktop.interchange.backup_columns import bulk_sessions
from runstrength_desktop.interchange.backup_json import BackupError, parse_backup
from tests.helpers import json_values
from tests.interchange.test_backup_json import CATALOGUE, FULL_DOCUMENT, PLACES


def _outcome(doc):
    try:
        return parse_backup(doc, CATALOGUE)
    except BackupError as error:
        return str(error)


def _by_columns(doc) -> bool:
    """Whether the reader takes the sets of `doc` a column at a time."""
    taken = []

    def spy(*args):
        taken.append(bulk_sessions(*args) is not None)
        return None

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backup_reader, "_bulk_sessions", spy)
        _outcome(doc)
    return taken == [True]


def _one_by_one(doc):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backup_reader, "_bulk_sessions", lambda *_: None)
        return _outcome(doc)


def test_a_good_file_is_read_by_columns_into_the_same_logbook():
    assert _by_columns(FULL_DOCUMENT)
    assert sum(len(s.get("sets") or ()) for s in FULL_DOCUMENT["sessions"]) > 2
    assert _outcome(FULL_DOCUMENT) == _one_by_one(FULL_DOCUMENT)


@pytest.mark.parametrize(
    "field, value",
    [
        ("reps", 7.5),
        ("reps", True),
        ("reps", 10**400),
        ("reps", -1),
        ("reps", "5"),
        ("weight_kg", math.nan),
        ("weight_kg", math.inf),
        ("weight_kg", 1000.5),
        ("rpe", 7.3),
        ("rpe", 0.5),
        ("exercise", "No Such Lift"),
        ("exercise", "Squat\x01"),
        ("exercise", ""),
        ("set_type", "heavy"),
        ("set_type", ["working"]),
        ("side", {"left": 1}),
    ],
)
def test_a_bad_set_value_sends_the_sets_back_to_the_one_by_one_reading(field, value):
    doc = copy.deepcopy(FULL_DOCUMENT)
    strength = next(s for s in doc["sessions"] if s.get("sets"))
    strength["sets"][-1][field] = value
    assert not _by_columns(doc)
    assert "sets[" in _outcome(doc)
    assert _outcome(doc) == _one_by_one(doc)


def test_every_value_has_the_type_the_one_by_one_reading_gives():
    def types(logbook):
        return [
            [type(v) for v in vars(item).values()]
            for session in logbook.sessions
            for item in (session, *session.sets, *session.laps)
        ]

    assert types(_outcome(FULL_DOCUMENT)) == types(_one_by_one(FULL_DOCUMENT))


def test_whole_weights_are_read_as_the_floats_one_by_one_reading_gives():
    doc = copy.deepcopy(FULL_DOCUMENT)
    strength = next(s for s in doc["sessions"] if s.get("sets"))
    strength["sets"][0]["weight_kg"] = 60
    logbook = _outcome(doc)
    assert _by_columns(doc)
    entry = next(s for s in logbook.sessions if s.sets).sets[0]
    assert type(entry.weight_kg) is float and logbook == _one_by_one(doc)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLACES), json_values | st.just("<delete>"))
def test_one_broken_value_anywhere_reads_as_it_does_one_by_one(place, junk):
    doc = copy.deepcopy(FULL_DOCUMENT)
    *outer, last = place
    container = doc
    for key in outer:
        container = container[key]
    if junk == "<delete>":
        container.pop(last)
    else:
        container[last] = junk
    assert _outcome(doc) == _one_by_one(doc)


CHECKS = [
    reps_problem,
    weight_problem,
    seconds_problem,
    distance_problem,
    duration_problem,
    heart_rate_problem,
    elevation_problem,
    rpe_problem,
]
numbers = (
    st.none()
    | st.booleans()
    | st.integers(-5, 2000)
    | st.integers()
    | st.floats()
    | st.floats(0, 20).map(lambda v: round(v * 2) / 2)
    | st.text(max_size=3)
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(CHECKS), st.booleans(), st.lists(numbers, max_size=6))
def test_a_column_passes_only_when_every_value_passes_its_check(check, half_steps, values):
    options = {"half_steps": half_steps} if check is rpe_problem else {}
    if all_pass(check, values, **options):
        assert all(check(value, **options) is None for value in values)


@pytest.mark.parametrize("check", CHECKS)
def test_plainly_good_columns_pass(check):
    good = [None, 1, 7, None, 3] if check is reps_problem else [None, 1, 2.0, 9.5, None, 3]
    assert all_pass(check, good)
    assert all_pass(check, [])
    assert not all_pass(check, [1, math.nan])
    assert not all_pass(check, [1, True])


days = st.sampled_from(["2026-11-24", "1900-01-01", "2100-12-31", "2024-02-29"]) | (
    st.none()
    | st.integers()
    | st.sampled_from(["1899-12-31", "2101-01-01", "2023-02-29", "2026-13-01", "20261124"])
    | st.sampled_from(["2026-W48-1", "2026-11-24\n2026-11-25", " 2026-11-24", "٢٠٢٦-11-24"])
    | st.text(max_size=12)
)


@settings(max_examples=400, deadline=None)
@given(st.lists(days, max_size=6))
def test_a_column_of_days_passes_only_when_every_day_passes_its_own_reading(values):
    found = all_days(values)
    if found is not None:
        assert found == [parse_day(value) for value in values]


def test_a_column_of_plainly_good_days_is_read():
    good = ["2026-11-24", "1900-01-01", "2026-11-24", "2100-12-31"]
    assert all_days(good) == [parse_day(v) for v in good]
    assert all_days([]) == []
    for bad in ("2101-01-01", "2026-02-30", "2026-11-24\n2026-11-25", "2026-1-24", None):
        assert all_days(["2026-11-24", bad]) is None, bad
