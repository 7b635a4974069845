"""Working sets per week by region: lower, calves, upper, core."""

from __future__ import annotations

import numpy as np
import pytest

from runstrength_desktop.analysis.balance import REGIONS, set_region, weekly_balance
from runstrength_desktop.assets import shipped_exercises
from runstrength_desktop.domain.exercise import Catalogue
from tests.analysis.analysis_builders import MONDAY, day, lift, warmup, work
from tests.progress_rows import week_work


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue(shipped_exercises())


@pytest.mark.parametrize(
    "name, region",
    [
        ("Back squat", "lower"),
        ("Kettlebell swing", "lower"),  # full body counts as lower
        ("Standing calf raise", "calves"),
        ("Single-leg hop", "calves"),  # anything for the calves
        ("Push-up", "upper"),
        ("Plank", "core"),
        ("Cobra stretch", None),
        ("Cycling", None),  # mobility, cardio
    ],
)
def test_each_exercise_falls_in_one_region(catalogue, name, region):
    assert set_region(catalogue.get(name)) == region


def test_sets_are_counted_per_week_and_stacked_in_order(catalogue):
    sessions = [
        lift(
            day(0),
            warmup("Back squat"),
            *work("Back squat", 5, 60, count=3),
            *work("Standing calf raise", 12, 40, count=2),
            *work("Plank", None, seconds=45),
        ),
        lift(day(3), *work("Push-up", 10, count=3), *work("Cobra stretch", 5)),
        lift(day(15), *work("Single-leg hop", 10, count=2), *work("Goblet squat", 8, 20)),
    ]
    balance = weekly_balance(week_work(sessions), catalogue)
    assert balance.first_monday == MONDAY and balance.weeks == 3
    expected = {"lower": [3, 0, 1], "calves": [2, 0, 2], "upper": [3, 0, 0], "core": [1, 0, 0]}
    assert {r: balance.sets[r].tolist() for r in REGIONS} == expected
    stacked = balance.stacked()
    bottom = np.zeros(3)
    for region in REGIONS:
        np.testing.assert_allclose(stacked[region][0], bottom)
        np.testing.assert_allclose(stacked[region][1], expected[region])
        bottom = bottom + expected[region]
    assert balance.recent(2) == {"lower": 1, "calves": 2, "upper": 0, "core": 0}
    assert balance.weeks_with_work(3) == 2 and balance.weeks_without("calves", 3) == 0
    assert balance.weeks_without("core", 3) == 1


def test_no_strength_work_gives_no_chart(catalogue):
    assert weekly_balance({}, catalogue) is None
