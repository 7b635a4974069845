"""The CSV export: its documented header, one row per set in the user's unit, runs as one row,
the date range, and cells that a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from runstrength_desktop.domain import (
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Side,
    Status,
    WeightUnit,
)
from runstrength_desktop.interchange import csv_export
from runstrength_desktop.interchange.csv_export import export_csv, header, neutralise

DAY = dt.date(2026, 3, 2)


def rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff") and "\r\n" in text
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


@pytest.fixture
def logbook(repo):
    repo.save_session(
        Session(
            DAY,
            SessionKind.STRENGTH,
            Status.DONE,
            start=dt.time(18, 30),
            title="Legs",
            duration_min=45,
            rpe=7,
            notes="good\nday",
            sets=[
                SetEntry("Back squat", SetType.WARMUP, reps=8, weight_kg=40),
                SetEntry(
                    "Back squat",
                    reps=5,
                    weight_kg=100,
                    rpe=8.5,
                    target_reps=5,
                    target_weight_kg=100,
                ),
                SetEntry("Single-leg deadlift", reps=8, weight_kg=16, side=Side.LEFT),
                SetEntry("Plank", seconds=45),
            ],
        )
    )
    repo.save_session(
        Session(
            DAY + dt.timedelta(days=1),
            SessionKind.RUN,
            Status.PLANNED,
            run_type=RunType.TEMPO,
            distance_km=10,
            duration_min=50,
        )
    )
    return repo


def test_the_header_is_the_documented_one():
    documented = [
        line.split("|")[1].strip()
        for line in csv_export.__doc__.splitlines()
        if line.startswith("| ") and not line.startswith(("| column", "| ---"))
    ]
    expected = [
        name.replace("weight_kg / weight_lb", "weight_kg")
        .replace("distance_km / distance_mi", "distance_km")
        .replace("target_weight_kg / target_weight_lb", "target_weight_kg")
        for name in documented
    ]
    assert header(WeightUnit.KG) == expected
    assert "weight_lb" in header(WeightUnit.LB) and "distance_mi" in header(WeightUnit.LB)


def test_one_row_per_set_and_one_per_run(logbook):
    out = rows(export_csv(logbook, WeightUnit.KG))
    assert len(out) == 5
    warmup, working, single_leg, plank, run = out
    assert warmup == {
        **warmup,
        "date": "2026-03-02",
        "start": "18:30",
        "kind": "strength",
        "status": "done",
        "title": "Legs",
        "exercise": "Back squat",
        "set": "1",
        "set_type": "warmup",
        "reps": "8",
        "weight_kg": "40",
        "session_duration_min": "45",
        "session_rpe": "7",
        "notes": "good\nday",
    }
    assert (working["rpe"], working["target_reps"], working["target_weight_kg"]) == (
        "8.5",
        "5",
        "100",
    )
    assert single_leg["side"] == "left" and plank["seconds"] == "45" and plank["reps"] == ""
    assert run == {
        **run,
        "kind": "run",
        "status": "planned",
        "run_type": "tempo",
        "distance_km": "10",
        "exercise": "",
        "set": "",
    }


def test_pounds_and_miles(logbook):
    warmup, *_rest, run = rows(export_csv(logbook, WeightUnit.LB))
    assert warmup["weight_lb"] == "88.18" and run["distance_mi"] == "6.214"


def test_date_range(logbook):
    assert len(rows(export_csv(logbook, WeightUnit.KG, DAY + dt.timedelta(days=1)))) == 1
    assert len(rows(export_csv(logbook, WeightUnit.KG, None, DAY))) == 4
    assert rows(export_csv(logbook, WeightUnit.KG, dt.date(2030, 1, 1))) == []


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_formula_cells_are_neutralised(repo, text):
    assert neutralise(text) == "'" + text
    repo.save_session(
        Session(
            DAY,
            SessionKind.STRENGTH,
            Status.DONE,
            title=text[:120],
            notes=text,
            sets=[SetEntry("Plank", seconds=30)],
        )
    )
    [row] = rows(export_csv(repo, WeightUnit.KG))
    assert row["title"] == "'" + text and row["notes"] == "'" + text


def test_plain_cells_are_left_alone():
    assert neutralise("Legs - heavy") == "Legs - heavy" and neutralise("") == ""
