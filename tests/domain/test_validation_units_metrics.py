"""Validation messages name the field; units convert at the edges; e1RM, volume and load."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrength_desktop.domain import (
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    WeightUnit,
    iso_week,
    week_monday,
)
from runstrength_desktop.domain.metrics import e1rm, session_load, set_volume
from runstrength_desktop.domain.summary import describe_sets
from runstrength_desktop.domain.units import kg_to, round_to_step, to_kg
from runstrength_desktop.domain.validation import parse_clock, parse_day, session_errors

DAY = dt.date(2026, 11, 24)


def errors_for(**set_fields):
    session = Session(DAY, SessionKind.STRENGTH, sets=[SetEntry("Back squat", **set_fields)])
    return [str(e) for e in session_errors(session)]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("reps", -1, "sets[0].reps: must be a whole number from 0 to 1000"),
        ("reps", 1001, "sets[0].reps: must be a whole number from 0 to 1000"),
        ("reps", 7.5, "sets[0].reps: must be a whole number from 0 to 1000"),
        ("weight_kg", 1000.5, "sets[0].weight_kg: must be a number from 0 to 1000 kg"),
        ("weight_kg", -2.5, "sets[0].weight_kg: must be a number from 0 to 1000 kg"),
        ("weight_kg", math.inf, "sets[0].weight_kg: must be a number from 0 to 1000 kg"),
        ("weight_kg", math.nan, "sets[0].weight_kg: must be a number from 0 to 1000 kg"),
        ("seconds", 86401, "sets[0].seconds: must be a number of seconds from 0 to 86400"),
        ("rpe", 0, "sets[0].rpe: must be a number from 1 to 10 in half steps"),
        ("rpe", 7.3, "sets[0].rpe: must be a number from 1 to 10 in half steps"),
        ("rpe", 11, "sets[0].rpe: must be a number from 1 to 10 in half steps"),
        ("target_reps", -3, "sets[0].target_reps: must be a whole number from 0 to 1000"),
    ],
)
def test_set_validation_names_the_field(field, value, message):
    assert errors_for(**{field: value}) == [message]


@pytest.mark.parametrize(
    "field, value",
    [
        ("reps", 0),
        ("reps", 1000),
        ("weight_kg", 0),
        ("weight_kg", 1000),
        ("seconds", 86400),
        ("rpe", 1),
        ("rpe", 9.5),
        ("rpe", 10),
    ],
)
def test_boundaries_are_accepted(field, value):
    assert errors_for(**{field: value}) == []


def test_session_validation():
    session = Session(
        DAY,
        SessionKind.RUN,
        rpe=11,
        duration_min=-5,
        run_type=RunType.EASY,
        sets=[SetEntry("Plank", seconds=30)],
        title="x" * 121,
    )
    assert [str(e) for e in session_errors(session)] == [
        "duration_min: must be a number of minutes from 0 to 10080",
        "rpe: must be a number from 1 to 10",
        "title: must be at most 120 characters",
        "sets: a run has no sets",
    ]
    assert [
        e.field
        for e in session_errors(Session(DAY, SessionKind.STRENGTH, sets=[SetEntry("", reps=5)]))
    ] == ["sets[0].exercise"]


def test_dates_and_times_must_be_real():
    assert parse_day("2028-02-29") == dt.date(2028, 2, 29)
    for bad in ("2026-02-30", "2026-13-01", "20261124", "yesterday", ""):
        with pytest.raises(ValueError, match="must be a real date written YYYY-MM-DD"):
            parse_day(bad)
    assert parse_clock("07:05") == dt.time(7, 5)
    for bad in ("25:00", "7:05", "07:60"):
        with pytest.raises(ValueError, match="must be a"):
            parse_clock(bad)


def test_units():
    assert kg_to(100, WeightUnit.LB) == pytest.approx(220.462, abs=1e-3)
    assert to_kg(225, WeightUnit.LB) == pytest.approx(102.058, abs=1e-3)
    assert round_to_step(kg_to(61, WeightUnit.LB), 5) == 135


@given(st.floats(0, 1000, allow_nan=False))
def test_kg_lb_round_trip(value):
    assert to_kg(kg_to(value, WeightUnit.LB), WeightUnit.LB) == pytest.approx(value, abs=1e-9)


def test_e1rm_of_a_single_is_its_load_and_epley_on_2_to_10_reps():
    assert e1rm(463, 1) == 463  # not 478.4: Epley on one rep inflates records by 3 %
    assert e1rm(100, 2) == pytest.approx(106.667, abs=1e-3)
    assert e1rm(60, 10) == pytest.approx(80.0)
    assert e1rm(60, 11) is None and e1rm(60, 0) is None and e1rm(0, 5) is None
    assert e1rm(None, 5) is None


def test_volume_and_load():
    assert set_volume(SetEntry("Back squat", reps=8, weight_kg=60)) == 480
    assert set_volume(SetEntry("Back squat", SetType.WARMUP, reps=8, weight_kg=60)) == 0
    assert set_volume(SetEntry("Plank", seconds=60)) == 0
    assert session_load(Session(DAY, SessionKind.RUN, rpe=7, duration_min=50)) == 350
    assert session_load(Session(DAY, SessionKind.RUN, rpe=7)) is None
    # Without a session RPE a lift takes the strength default (estimated, domain.metrics).
    assert session_load(Session(DAY, SessionKind.STRENGTH, duration_min=50)) == 300
    assert session_load(Session(DAY, SessionKind.STRENGTH)) is None  # nothing to go on


def test_describe_sets():
    sets = [SetEntry("Back squat", reps=8, weight_kg=60)] * 3
    assert describe_sets(sets, WeightUnit.KG) == "3 x 8 @ 60 kg"
    assert describe_sets(sets, WeightUnit.LB) == "3 x 8 @ 132.3 lb"
    assert describe_sets([SetEntry("Plank", seconds=45)] * 2, WeightUnit.KG) == "2 x 45 s"
    assert (
        describe_sets([SetEntry("Squat", reps=r, weight_kg=60) for r in (8, 8, 6)], WeightUnit.KG)
        == "8, 8, 6 @ 60 kg"
    )


def test_iso_weeks():
    assert iso_week(dt.date(2026, 11, 24)) == "2026-W48"
    assert iso_week(dt.date(2027, 1, 1)) == "2026-W53"
    assert week_monday("2026-W48") == dt.date(2026, 11, 23)
    with pytest.raises(ValueError):
        week_monday("2026-W60")


def test_a_set_done_on_each_side_is_one_set_with_both_sides_volume():
    from runstrength_desktop.domain import SetEntry, Side, WeightUnit
    from runstrength_desktop.domain.cell_parsing import parse_side
    from runstrength_desktop.domain.metrics import set_volume
    from runstrength_desktop.domain.summary import describe_sets

    each = SetEntry("Single-leg deadlift", reps=8, weight_kg=20, side=Side.EACH)
    left = SetEntry("Single-leg deadlift", reps=8, weight_kg=20, side=Side.LEFT)
    right = SetEntry("Single-leg deadlift", reps=8, weight_kg=20, side=Side.RIGHT)
    assert set_volume(each) == set_volume(left) + set_volume(right) == 320
    assert parse_side("each") is parse_side("e") is Side.EACH
    assert describe_sets([each, each], WeightUnit.KG) == "2 x 8 @ 20 kg each side"


def test_loads_show_on_the_units_grid():
    from runstrength_desktop.domain import WeightUnit
    from runstrength_desktop.domain.cell_parsing import parse_load
    from runstrength_desktop.domain.units import format_number, shown_weight

    assert format_number(shown_weight(125, WeightUnit.LB), 2) == "275.6"  # not 275.58
    for typed in ("135", "132.5", "61.7", "0.1", "999.9"):
        kg = parse_load(typed, WeightUnit.LB)
        assert format_number(shown_weight(kg, WeightUnit.LB), 2) == typed
    assert format_number(shown_weight(61.2349, WeightUnit.KG), 2) == "61.25"
    assert format_number(shown_weight(27.5, WeightUnit.KG), 2) == "27.5"
