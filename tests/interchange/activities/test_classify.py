"""One test per run-type rule, in the order of evidence (explicit data, the name, the
calendar, the laps, heart rate and pace, the week, else easy); real files where they show
a rule, small activities otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrength_desktop.domain import Lap, RunType
from runstrength_desktop.interchange.activities.bulk import read_batch
from runstrength_desktop.interchange.activities.classify import Context, by_name, classify
from runstrength_desktop.interchange.activities.model import Activity
from runstrength_desktop.interchange.activities.tcx import read_tcx
from tests.helpers import shared_path
from tests.interchange.activities.activity_fixtures import intervals_tcx

RUNS = shared_path("data", "runs")
START = dt.datetime(2026, 11, 3, 6, 30, tzinfo=dt.UTC)


def run(minutes=40.0, km=8.0, **fields) -> Activity:
    return Activity(
        sport="running",
        source="fit",
        file="a.fit",
        start_utc=START,
        start_local=START.replace(tzinfo=None),
        elapsed_s=minutes * 60,
        moving_s=minutes * 60,
        distance_m=km * 1000,
        **fields,
    )


def laps(*plan) -> list[Lap]:
    """(km, seconds[, ascent]) per lap."""
    return [
        Lap(distance_km=p[0], seconds=p[1], ascent_m=p[2] if len(p) > 2 else None) for p in plan
    ]


@pytest.mark.parametrize(
    "workout_type, expected",
    [("race", RunType.RACE), ("long", RunType.LONG), ("workout", RunType.INTERVALS)],
)
def test_stravas_workout_type_comes_first(workout_type, expected):
    found = classify(run(name="Easy Sunday", workout_type=workout_type))
    assert found.run_type is expected and found.clear
    assert found.reason.startswith("Strava's workout type")


def test_a_strava_workout_named_tempo_is_a_tempo():
    found = classify(run(name="Tempo Tuesday", workout_type="workout"))
    assert found.run_type is RunType.TEMPO and "named 'Tempo'" in found.reason


def test_a_structured_workout_on_the_watch_is_intervals():
    found = classify(run(workout_steps=7))
    assert found.run_type is RunType.INTERVALS
    assert found.reason == "a structured workout on the watch (7 steps)"


def test_laps_the_watch_marked_rest_between_work_laps_are_intervals():
    (activity,) = read_tcx(intervals_tcx(START), "track.tcx", dt.UTC)
    found = classify(activity)
    assert found.run_type is RunType.INTERVALS and found.clear
    assert found.reason == "the watch marked 7 work laps and 5 rest laps"


@pytest.mark.parametrize(
    "name, expected, word",
    [
        ("Saturday parkrun", RunType.RACE, "parkrun"),
        ("Berlin Halbmarathon", RunType.RACE, "Halbmarathon"),
        ("Maxi Race", RunType.RACE, "Race"),
        ("6x800 on the track", RunType.INTERVALS, "6x800"),
        ("5 x 1k", RunType.INTERVALS, "5 x 1k"),
        ("Intervalle am Abend", RunType.INTERVALS, "Intervalle"),
        ("Series de 400", RunType.INTERVALS, "Series"),
        ("Fartlek", RunType.INTERVALS, "Fartlek"),
        ("Tempo run", RunType.TEMPO, "Tempo"),
        ("Threshold 3x10", RunType.INTERVALS, "3x10"),
        ("Schwellenlauf", RunType.TEMPO, "Schwellenlauf"),
        ("Seuil 20 min", RunType.TEMPO, "Seuil"),
        ("Hill repeats", RunType.HILLS, "Hill repeats"),
        ("Côtes du dimanche", RunType.HILLS, "Côtes"),
        ("Long run", RunType.LONG, "Long run"),
        ("Sortie longue", RunType.LONG, "Sortie longue"),
        ("Långpass", RunType.LONG, "Långpass"),
        ("Recovery jog", RunType.RECOVERY, "Recovery"),
        ("Récupération", RunType.RECOVERY, "Récupération"),
        ("Easy 8", RunType.EASY, "Easy"),
        ("Rustig duurloopje", RunType.EASY, "Rustig"),
    ],
)
def test_the_name_says_what_kind_of_run_in_many_languages(name, expected, word):
    found = classify(run(name=name))
    assert found.run_type is expected and found.reason == f"the name says '{word}'"


@pytest.mark.parametrize(
    "name",
    [
        "Morning Run",
        "Lauf am Abend",
        "Carrera matutina",
        "Course à pied le matin",
        "Corsa mattutina",
        "Corrida matinal",
        "Ochtendloop",
        "Run",
    ],
)
def test_the_services_default_names_say_nothing(name):
    assert by_name(name) is None


def test_a_race_in_the_calendar_that_day():
    found = classify(run(name="Morning Run"), Context(race_name="City 10K"))
    assert found.run_type is RunType.RACE and found.clear
    assert found.reason == "a race in the calendar that day: City 10K"


def test_fast_laps_alternating_with_slow_ones_are_intervals():
    found = classify(run(laps=laps(*[(1.0, 240), (0.4, 150)] * 4, (1.0, 330))))
    assert found.run_type is RunType.INTERVALS and not found.clear
    assert found.reason.startswith("4 fast laps (4:00/km) alternating")


def test_a_sustained_fast_middle_is_a_tempo():
    found = classify(run(laps=laps((2.0, 720), (2.0, 560), (2.0, 560), (2.0, 560), (2.0, 720))))
    assert found.run_type is RunType.TEMPO
    assert found.reason == (
        "a sustained fast middle: 28 min at 4:40/km against 6:00/km before and after"
    )


def test_repeated_climbs_are_hills():
    hill = [(0.4, 180, 30), (0.4, 150, 0)]
    found = classify(run(laps=laps((2.0, 660), *hill * 4, (2.0, 660))))
    assert found.run_type is RunType.HILLS and "4 laps climbing" in found.reason


def test_autolaps_of_an_even_run_say_nothing():
    found = classify(run(laps=laps(*[(1.0, 330 + 3 * (i % 2)) for i in range(10)])))
    assert found.run_type is RunType.EASY


def test_long_minutes_near_the_maximum_heart_rate_are_a_tempo():
    found = classify(run(hr_values=[140] * 10 + [172] * 25))
    assert found.run_type is RunType.TEMPO
    assert found.reason == "heart rate: 25 minutes above 88% of 190 beats a minute"


def test_a_pace_that_keeps_changing_on_flat_ground_is_intervals():
    speeds = [4.5, 2.2] * 12
    found = classify(run(window_speeds=speeds, ascent_m=20))
    assert found.run_type is RunType.INTERVALS and "pace varied a lot" in found.reason
    hilly = classify(run(window_speeds=speeds, ascent_m=600))
    assert hilly.run_type is RunType.EASY  # up and down a mountain, not intervals


def test_ninety_minutes_is_a_long_run():
    found = classify(run(minutes=95, km=16))
    assert found.run_type is RunType.LONG and found.reason == "95 minutes: at least 90"


def test_a_third_of_the_weeks_distance_is_a_long_run():
    found = classify(run(minutes=70, km=14), Context(week_km=40, week_runs=4))
    assert found.run_type is RunType.LONG and found.reason == "35 % of the week's 40.0 km"
    alone = classify(run(minutes=70, km=14), Context(week_km=14, week_runs=1))
    assert alone.run_type is RunType.EASY  # the only run of its week


def test_else_easy():
    found = classify(run())
    assert (found.run_type, found.reason) == (RunType.EASY, "no sign of hard work in the file")


@pytest.mark.skipif(not RUNS.is_dir(), reason="shared run files not present")
def test_real_files_show_the_rules():
    names = [
        "activity-small-fenix2-run.fit",
        "compressed-speed-distance.fit",
        "10kUNLP2014-Garmin15.fit",
        "strava-export-archipelagic/activities/1009074316.gpx",
    ]
    found = [a for name in names for a in read_batch(RUNS / name, zone=dt.UTC).activities]
    by_file = {a.file: classify(a) for a in found}
    assert by_file["activity-small-fenix2-run.fit"].run_type is RunType.TEMPO  # the laps
    assert by_file["compressed-speed-distance.fit"].reason.startswith("heart rate")
    maxi = next(v for k, v in by_file.items() if "1009074316" in k)
    assert maxi.run_type is RunType.RACE and maxi.reason == "the name says 'Race'"
    assert by_file["10kUNLP2014-Garmin15.fit"].run_type is RunType.EASY  # even 1 km splits
    race = classify(
        next(a for a in found if a.file == "10kUNLP2014-Garmin15.fit"),
        Context(race_name="10k UNLP"),
    )
    assert race.run_type is RunType.RACE
