"""FitNotes' export: days as workouts, unit column or unit in the header, H:MM:SS times, and
exercise names with a comma in an unquoted file."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.domain import Region
from runstrength_desktop.domain.units import KG_PER_LB, KM_PER_MI
from runstrength_desktop.interchange.fitnotes import DEFAULT_TITLE
from runstrength_desktop.interchange.importer import parse_export, plan_import

WITH_COMMENT = (
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
)
NO_COMMENT = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
UNIT_IN_HEADER = "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n"


def plan_of(repo, text):
    return plan_import(repo, parse_export(text.encode("utf-8")))


def test_a_day_is_a_workout_titled_by_its_categories(repo):
    text = WITH_COMMENT + (
        '2024-04-25,Flat Barbell Bench Press,Chest,60.0,kgs,8,,,,"too heavy"\n'
        '2024-04-25,Seated Dumbbell Press,Shoulders,16.0,kgs,10,,,,""\n'
        '2024-04-25,Flat Barbell Bench Press,Chest,55.0,kgs,10,,,,""\n'
        '2024-05-01,Barbell Row,Back,45.0,lbs,8,,,,""\n'
        '2024-05-01,Treadmill Running,Cardio,,,,5.0,km,0:25:30,""\n'
    )
    plan = plan_of(repo, text)
    chest_day, back_strength, back_run = plan.sessions
    assert chest_day.date == dt.date(2024, 4, 25) and chest_day.start is None
    assert chest_day.title == "Chest, Shoulders" and chest_day.source == "fitnotes"
    assert chest_day.source_key == "2024-04-25" and chest_day.duration_min is None
    assert [s.weight_kg for s in chest_day.sets] == [60, 16, 55]
    assert chest_day.notes == "Flat Barbell Bench Press: too heavy"
    assert back_strength.sets[0].weight_kg == pytest.approx(45 * KG_PER_LB)
    assert back_strength.title == "Back, Cardio"
    assert back_run.is_run and back_run.distance_km == 5 and back_run.duration_min == 25.5
    assert plan.report.workouts == 2 and plan.report.dialect == "comment"


def test_names_with_commas_are_put_back_together_from_the_right(repo):
    text = NO_COMMENT + (
        "2025-04-29,Overhead Press (Each Side, Dumbbells),Shoulders,8.0,kgs,5,,,\n"
        "2025-04-29,Lat Pulldown,Back,40.0,kgs,10,,,\n"
        "2025-04-29,Zottman Curl (Slow, Seated, Light),Biceps,12.0,kgs,12,,,\n"
    )
    plan = plan_of(repo, text)
    [session] = plan.sessions
    assert [(s.exercise, s.weight_kg, s.reps) for s in session.sets] == [
        ("Shoulder press", 8, 5),
        ("Lat pulldown", 40, 10),
        ("Zottman Curl (Slow, Seated, Light)", 12, 12),
    ]
    [new] = plan.new_exercises
    assert new.name == "Zottman Curl (Slow, Seated, Light)" and new.region is Region.UPPER
    assert not plan.report.skipped and plan.report.dialect == "no-comment"


def test_unit_in_header_distance_units_and_times(repo):
    text = UNIT_IN_HEADER + (
        "2020-01-05,Deadlift,Back,225.0,5,,,\n"
        "2020-01-05,Stationary Bike,Cardio,,,3.0,mi,0:10:00\n"
        "2020-01-05,Plank,Abs,,,,,1:30\n"
        "2020-01-05,Farmers Walk,,50.0,,40,m,\n"
    )
    plan = plan_of(repo, text)
    [session] = plan.sessions
    deadlift, bike, plank, walk = session.sets
    assert deadlift.weight_kg == pytest.approx(225 * KG_PER_LB) and deadlift.exercise == "Deadlift"
    assert bike.exercise == "Cycling" and bike.seconds == 600
    assert bike.distance_km == pytest.approx(3 * KM_PER_MI)
    assert plank.seconds == 90 and plank.reps is None
    assert walk.distance_km == pytest.approx(0.04)
    assert plan.report.unit == "lb" and plan.report.dialect == "unit-in-header"


def test_a_day_without_categories_gets_a_plain_title(repo):
    text = WITH_COMMENT + '2024-04-25,Deadlift,,100,kgs,5,,,,""\n'
    assert plan_of(repo, text).sessions[0].title == DEFAULT_TITLE


def test_bad_rows_name_their_line(repo):
    text = WITH_COMMENT + (
        '2024-04-31,Deadlift,Back,100,kgs,5,,,,""\n'
        '2024-04-25,Deadlift,Back,100,stone,5,,,,""\n'
        '2024-04-25,Plank,Abs,,,,,,1h,""\n'
        '2024-04-25,Deadlift,Back,100,kgs,5,,,,""\n'
    )
    plan = plan_of(repo, text)
    assert [(s.line, s.reason.split(":")[0]) for s in plan.report.skipped] == [
        (2, "Date"),
        (3, "Weight Unit"),
        (4, "Time"),
    ]
    assert plan.report.sets == 1
