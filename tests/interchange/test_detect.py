"""Format detection by header names for every dialect, never by position; decoding."""

from __future__ import annotations

import random

import pytest

from runstrength_desktop.domain import WeightUnit
from runstrength_desktop.interchange.csv_source import decode_text
from runstrength_desktop.interchange.detect import detect
from runstrength_desktop.interchange.importer import looks_like_json, parse_export
from runstrength_desktop.interchange.records import ImportProblem

STRONG_COMMA_12 = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,"
    "Seconds,Notes,Workout Notes,RPE"
)
HEADERS = [
    (STRONG_COMMA_12, "strong", "comma", ","),
    (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes",
        "strong",
        "comma",
        ",",
    ),
    (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes",
        "strong",
        "comma",
        ",",
    ),
    (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
        "strong",
        "semicolon",
        ";",
    ),
    (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
        "strong",
        "semicolon",
        ";",
    ),
    (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes",
        "strong",
        "semicolon",
        ";",
    ),
    (
        '"Date;Workout Name;Exercise Name;Set Order;lbs;Reps;mi.;Seconds;Notes;Workout Notes"',
        "strong",
        "quoted-2018",
        ";",
    ),
    (
        '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
        '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"',
        "strong",
        "strong6",
        ";",
    ),
    (
        '"title","start_time","end_time","description","exercise_title","superset_id",'
        '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
        '"duration_seconds","rpe"',
        "hevy",
        "kg-km",
        ",",
    ),
    (
        '"title","start_time","end_time","description","exercise_title","superset_id",'
        '"exercise_notes","set_index","set_type","weight_lbs","reps","distance_miles",'
        '"duration_seconds","rpe"',
        "hevy",
        "lb-mi",
        ",",
    ),
    (
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment",
        "fitnotes",
        "comment",
        ",",
    ),
    (
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time",
        "fitnotes",
        "no-comment",
        ",",
    ),
    (
        "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time",
        "fitnotes",
        "unit-in-header",
        ",",
    ),
]


@pytest.mark.parametrize("header, fmt, dialect, delimiter", HEADERS)
def test_every_dialect_is_known_by_its_header(header, fmt, dialect, delimiter):
    found = detect(header + "\n")
    assert (found.format, found.dialect, found.delimiter) == (fmt, dialect, delimiter)
    assert str(len(found.columns)) in found.description


def test_columns_are_found_by_name_not_position(repo):
    names = STRONG_COMMA_12.split(",")
    values = dict(
        zip(
            names,
            [
                "2021-02-10 16:46:13",
                "Legs",
                "1h",
                "Deadlift (Barbell)",
                "2",
                "100",
                "5",
                "0",
                "0",
                "",
                "",
                "8",
            ],
        )
    )
    shuffled = names[:]
    random.Random(3).shuffle(shuffled)
    assert shuffled != names
    text = ",".join(shuffled) + "\n" + ",".join(values[n] for n in shuffled) + "\n"
    parsed = parse_export(text.encode(), unit=WeightUnit.KG)
    [workout] = parsed.workouts
    [row] = workout.rows
    assert (row.exercise, row.weight_kg, row.reps, row.rpe) == ("Deadlift (Barbell)", 100, 5, 8)
    assert workout.title == "Legs" and workout.duration_min == 60


def test_header_names_ignore_case_and_spaces():
    found = detect(
        " date ,WORKOUT NAME,Exercise Name,set order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes\n"
    )
    assert found.format == "strong" and found.columns["date"] == 0


def test_an_unknown_header_is_refused_with_what_was_seen():
    with pytest.raises(ImportProblem) as caught:
        detect("Day,Lift,Kilos,Reps\n2024-01-01,Squat,100,5\n")
    assert "unknown header 'Day,Lift,Kilos,Reps'" in str(caught.value)
    assert "Strong, Hevy or FitNotes" in str(caught.value)


def test_a_chosen_format_must_match():
    with pytest.raises(ImportProblem, match="expected a Hevy export"):
        detect(STRONG_COMMA_12 + "\n", "hevy")
    assert detect(STRONG_COMMA_12 + "\n", "strong").format == "strong"


def test_empty_and_blank_files():
    for text in ("", "\n\n  \n"):
        with pytest.raises(ImportProblem, match="empty"):
            detect(text)


def test_decoding_bom_utf16_latin1_and_binary():
    assert decode_text("\ufeffDate,Übung".encode("utf-8")) == "Date,Übung"
    assert decode_text("Date,Übung".encode("utf-16")) == "Date,Übung"
    assert decode_text("Date,Übung".encode("latin-1")) == "Date,Übung"
    assert decode_text("Date,Übung – “x”".encode("cp1252")) == "Date,Übung – “x”"
    with pytest.raises(ImportProblem, match="binary data"):
        decode_text(b"PK\x03\x04\x00\x00zip")


def test_json_is_told_apart_from_csv():
    assert looks_like_json(b'\xef\xbb\xbf\n  {"format": "runstrength-backup"}')
    assert looks_like_json(b"[1, 2]")
    assert not looks_like_json(STRONG_COMMA_12.encode())
