"""Units guessed, shown, confirmed: a Strong export without units is told kilograms or pounds
from its loads (with the reason), --unit auto takes a sure guess and an explicit --unit
wins; a run's distance without a unit takes the file's unit system."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest

from runstrength_desktop.cli import main
from runstrength_desktop.domain import WeightUnit
from runstrength_desktop.domain.units import KG_PER_LB, KM_PER_MI
from runstrength_desktop.interchange.importer import parse_export, plan_import
from runstrength_desktop.interchange.records import UnitNeeded
from tests.helpers import shared_path

COMMA = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
]
SEMICOLON = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
)
POUNDS_HISTORY = shared_path("data", "imports", "strong_s2_joshuayoes.csv")


def comma_export(sets: list[tuple[str, str, float, int]]) -> bytes:
    """A unit-less Strong export of (start, exercise, load as written, reps)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COMMA)
    for order, (start, exercise, load, reps) in enumerate(sets, 1):
        writer.writerow([start, "Gym", "50m", exercise, order, load, reps, 0, 0, "", "", ""])
    return out.getvalue().encode()


def lifter_in_pounds(seed: int = 3) -> list[tuple[str, str, float, int]]:
    """Ten weeks of a pounds user: a 45 lb bar with plates, dumbbells in 5 lb steps."""
    rng = random.Random(seed)
    sets = []
    for week in range(10):
        start = f"2025-03-{week + 1:02d} 18:00:00"
        for exercise, loads in (
            ("Bench Press (Barbell)", (45, 95, 135, 145, 155)),
            ("Squat (Barbell)", (45, 135, 185, 205, 225)),
            ("Bicep Curl (Dumbbell)", (20, 25, 30)),
            ("Lat Pulldown (Cable)", (100, 110, 120, 130)),
        ):
            for load in loads:
                sets.append((start, exercise, load + 5 * rng.randint(0, week // 3), 8))
    return sets


def in_kilograms(sets):
    """The same history as a kilogram user logs it: loads on 2.5 kg plate steps."""
    return [(s, e, round(load * KG_PER_LB / 2.5) * 2.5, r) for s, e, load, r in sets]


def real_pounds_history() -> list[tuple[str, str, float, int]]:
    """A real pounds user's Strong history (the file says lbs per row), as (start, name,
    pounds, reps)."""
    text = POUNDS_HISTORY.read_text(encoding="utf-8-sig")
    rows = csv.DictReader(io.StringIO(text), delimiter=";")
    return [
        (r["Date"], r["Exercise Name"], float(r["Weight"]), int(float(r["Reps"] or 0)))
        for r in rows
        if r["Weight Unit"] == "lbs" and r["Set Order"].isdigit()
    ]


def test_a_pounds_history_is_told_pounds_for_sure_with_the_reason():
    history = lifter_in_pounds()
    data = comma_export(history)
    with pytest.raises(UnitNeeded, match="look like lb") as asked:
        parse_export(data)  # not asked to guess: the user (or --unit) decides
    guess = asked.value.guess
    assert guess.unit is WeightUnit.LB and guess.sure
    assert "multiples of 5 lb" in guess.reason and guess.loads == 170
    assert {s.exercise for s in guess.samples} == {
        "Bench Press (Barbell)",
        "Squat (Barbell)",
        "Bicep Curl (Dumbbell)",
        "Lat Pulldown (Cable)",
    }
    parsed = parse_export(data, unit="auto")
    assert parsed.unit == "lb" and parsed.unit_source == "guess"
    squat = max(r.weight_kg for w in parsed.workouts for r in w.rows if "Squat" in r.exercise)
    heaviest = max(load for _, name, load, _ in history if "Squat" in name)
    assert squat == pytest.approx(heaviest * KG_PER_LB)  # pounds, not kilograms


def test_the_same_history_in_kilograms_is_told_kilograms(repo):
    data = comma_export(in_kilograms(lifter_in_pounds()))
    parsed = parse_export(data, unit="auto")
    assert parsed.unit == "kg" and parsed.unit_guess.sure
    assert "between the 5 lb steps" in parsed.unit_guess.reason
    report = plan_import(repo, parsed).report
    assert report.as_json()["unit_reason"] == parsed.unit_guess.reason
    assert report.unit_source == "guess" and report.unit_sure is True


@pytest.mark.skipif(not POUNDS_HISTORY.exists(), reason="../shared/data/imports is absent")
def test_a_real_pounds_history_written_without_units_is_told_pounds():
    history = real_pounds_history()
    guess = parse_export(comma_export(history), unit="auto").unit_guess
    assert guess.unit is WeightUnit.LB and guess.sure, guess.reason
    kilos = parse_export(comma_export(in_kilograms(history)), unit="auto").unit_guess
    assert kilos.unit is WeightUnit.KG and kilos.sure, kilos.reason


def test_loads_that_could_be_either_are_not_guessed_for_sure():
    both = [
        (f"2025-01-0{day} 10:00:00", "Leg Press", load, 10)
        for day in range(1, 8)
        for load in (20, 40, 60, 100, 135)
    ]
    with pytest.raises(UnitNeeded, match="do not tell for sure") as asked:
        parse_export(comma_export(both), unit="auto")
    assert not asked.value.guess.sure and "both make" in asked.value.guess.reason
    assert parse_export(comma_export(both), unit=WeightUnit.LB).unit == "lb"


def test_the_cli_takes_a_sure_guess_with_unit_auto_and_an_explicit_unit_wins(tmp_path, capsys):
    source, db = tmp_path / "strong.csv", tmp_path / "x.sqlite"
    source.write_bytes(comma_export(lifter_in_pounds()))
    assert main(["--db", str(db), "import", str(source), "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "look like lb" in err and "--unit auto" in err
    assert main(["--db", str(db), "import", str(source), "--unit", "auto", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["unit"] == "lb" and report["unit_source"] == "guess"
    assert report["unit_sure"] is True and "multiples of 5 lb" in report["unit_reason"]
    other = tmp_path / "y.sqlite"
    assert main(["--db", str(other), "import", str(source), "--unit", "kg", "--json"]) == 0
    explicit = json.loads(capsys.readouterr().out)
    assert explicit["unit"] == "kg" and explicit["unit_source"] == "option"


def run_row(distance: str, unit: str, weight: str = "", weight_unit: str = "") -> str:
    return (
        f"2022-05-01 07:00:00;Run;Running;1;{weight};{weight_unit};;;{distance};{unit};1800;;;30m\n"
    )


@pytest.mark.parametrize(
    "rows, options, km, read_as",
    [
        # The file's weights are in pounds: its distances are miles.
        (
            run_row("3.1", "") + "2022-05-01 07:00:00;Run;Squat (Barbell);1;135;lbs;5;;;;0;;;30m\n",
            {},
            3.1 * KM_PER_MI,
            "mi (the file's weights are in lb)",
        ),
        (
            run_row("5", "") + "2022-05-01 07:00:00;Run;Squat (Barbell);1;60;kg;5;;;;0;;;30m\n",
            {},
            5.0,
            "km (the file's weights are in kg)",
        ),
        (run_row("2", ""), {"unit": WeightUnit.LB}, 2 * KM_PER_MI, "mi (--unit lb)"),
        (
            run_row("4", "") + run_row("1", "mi."),
            {},
            4 * KM_PER_MI,
            "mi (the file's other distances are in mi)",
        ),
        (run_row("7", ""), {}, 7.0, "km (the file says no unit anywhere)"),
    ],
)
def test_a_run_distance_without_a_unit_takes_the_files_unit_system(
    repo, rows, options, km, read_as
):
    plan = plan_import(repo, parse_export((SEMICOLON + rows).encode(), **options))
    runs = [s for s in plan.sessions if s.is_run]
    assert runs and runs[0].distance_km == pytest.approx(km)  # never skipped for its unit
    assert plan.report.skipped == []
    assert plan.report.notes == [f"1 distance without a unit read as {read_as}"]


def test_the_json_report_lists_the_unmapped_names_with_their_set_counts(tmp_path, capsys):
    sets = [
        ("2025-03-01 18:00:00", "Sam Sulek Squeeze", 60, 8),
        ("2025-03-01 18:00:00", "Sam Sulek Squeeze", 60, 8),
        ("2025-03-01 18:00:00", "Lateral Raise (Kettlebell)", 20, 10),
        ("2025-03-01 18:00:00", "Leg Press Keller", 200, 10),
        ("2025-03-01 18:00:00", "Standing DB Curl", 15, 10),
    ]
    source, db = tmp_path / "strong.csv", tmp_path / "x.sqlite"
    source.write_bytes(comma_export(sets))
    assert main(["--db", str(db), "import", str(source), "--unit", "kg", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(n["name"], n["sets"], n["how"], n["becomes"]) for n in report["unmapped"]] == [
        ("Sam Sulek Squeeze", 2, "new exercise", "Sam Sulek Squeeze"),
        ("Lateral Raise (Kettlebell)", 1, "new variant", "Lateral raise (kettlebell)"),
        ("Leg Press Keller", 1, "new exercise", "Leg Press Keller"),
    ]
    assert report["unmapped"][2]["proposal"] == "Leg press"
    assert report["matched"] == [
        {
            "name": "Standing DB Curl",
            "sets": 1,
            "becomes": "Biceps curl",
            "how": "sure",
            "basis": "same words as “Standing Dumbbell Curl”",
        }
    ]
