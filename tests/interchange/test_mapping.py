"""From parsed workouts to the logbook: name resolution, guessed custom exercises, the user's
choices, re-imports and newer exports, and the one transaction."""

from __future__ import annotations

import pytest

from runstrength_desktop.domain import Category, Muscle, Region, WeightUnit
from runstrength_desktop.interchange.guess import Guesser, is_running
from runstrength_desktop.interchange.importer import import_file, parse_export, plan_import
from runstrength_desktop.interchange.records import ImportProblem

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE\n"
)


def workout(start: str, *rows: tuple[str, str, str]) -> str:
    return "".join(
        f"{start},Gym,1h,{name},1,{weight},{reps},0,0,,,\n" for name, weight, reps in rows
    )


def write(tmp_path, text, name="export.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("Squat (Barbell)", "Back squat"),
        ("squat", "Back squat"),
        ("  Calf Raises ", "Standing calf raise"),
        ("BENCH PRESS (BARBELL)", "Bench press"),
        ("Triceps Pushdown (Cable - Straight Bar)", "Triceps pushdown"),
    ],
)
def test_names_resolve_through_aliases_and_the_normaliser(repo, name, canonical):
    plan = plan_import(
        repo,
        parse_export(
            (HEADER + workout("2024-01-01 10:00:00", (name, 50, 8))).encode(), unit=WeightUnit.KG
        ),
    )
    assert plan.sessions[0].sets[0].exercise == canonical and not plan.new_exercises


@pytest.mark.parametrize(
    "name, region, muscle, basis",
    [
        ("Smith Machine Donkey Calf Thing", Region.LOWER, Muscle.CALVES, "from the name"),
        ("Flat Barbell Bench Press Pause", Region.UPPER, Muscle.CHEST, "like Bench press"),
        ("Decline Crunch Machine XL", Region.CORE, Muscle.CORE, "like Crunch (machine)"),
        ("Hollow Body Rock", Region.CORE, Muscle.CORE, "from the name"),
        ("Cable Rope Push Down Thing", Region.UPPER, Muscle.ARMS, "like Triceps pushdown"),
        ("Zottman Curl Slow", Region.UPPER, Muscle.ARMS, "from the name"),
        ("Landmine Squat Variation", Region.LOWER, Muscle.QUADS, "from the name"),
    ],
)
def test_unknown_names_get_a_guessed_region_and_muscles(repo, name, region, muscle, basis):
    guess = Guesser(repo.catalogue()).guess(name)
    assert guess.exercise.region is region and muscle in guess.exercise.muscles
    assert guess.basis == basis and guess.exercise.needs_review and guess.exercise.custom


def test_category_hints_cardio_and_nothing_to_go_on(repo):
    guesser = Guesser(repo.catalogue())
    legs = guesser.guess("Sam Sulek Special", category_hint="Legs").exercise
    assert legs.region is Region.LOWER and legs.muscles == ()
    trail = guesser.guess("Trail Running Hills").exercise
    assert trail.category is Category.CARDIO and is_running(trail)
    assert not is_running(guesser.guess("Farmers Walk Heavy").exercise)
    unknown = guesser.guess("Bayesian")
    assert unknown.exercise.region is Region.FULL and unknown.basis == "nothing to go on"


def test_new_exercises_are_written_marked_for_review(repo, tmp_path):
    text = HEADER + workout(
        "2024-01-01 10:00:00",
        ("Zottman Curl", 12, 10),
        ("zottman curls", 12, 8),
        ("Squat (Barbell)", 60, 5),
    )
    report = import_file(repo, write(tmp_path, text), unit=WeightUnit.KG)
    assert report.new_exercises == 1 and report.exercises == 2
    custom = repo.catalogue().get("Zottman Curl")
    assert custom.custom and custom.needs_review and custom.region is Region.UPPER
    [session] = repo.all_sessions()
    assert [s.exercise for s in session.sets] == ["Zottman Curl", "Zottman Curl", "Back squat"]


def test_the_users_choice_maps_a_name_to_a_catalogue_exercise(repo):
    parsed = parse_export(
        (HEADER + workout("2024-01-01 10:00:00", ("Sam Sulek", 20, 10))).encode(),
        unit=WeightUnit.KG,
    )
    assert plan_import(repo, parsed).report.new_exercises == 1
    plan = plan_import(repo, parsed, {"Sam Sulek": "Hip thrust"})
    assert plan.sessions[0].sets[0].exercise == "Hip thrust" and not plan.new_exercises
    assert [u.name for u in plan.unmapped] == ["Sam Sulek"]  # still offered for a change


def test_reimport_adds_nothing_and_a_newer_export_adds_only_new_workouts(repo, tmp_path):
    old = (
        HEADER
        + workout("2024-01-01 10:00:00", ("Deadlift (Barbell)", 100, 5))
        + workout("2024-01-03 10:00:00", ("Deadlift (Barbell)", 102.5, 5))
    )
    newer = old + workout(
        "2024-01-05 18:00:00", ("Deadlift (Barbell)", 105, 5), ("Running", 0, 0)
    ).replace("Running,1,0,0,0,0", "Running,1,0,0,5,1800")
    first = import_file(repo, write(tmp_path, old, "old.csv"), unit=WeightUnit.KG)
    assert (first.workouts, first.sets, repo.count_sessions()) == (2, 2, 2)
    again = import_file(repo, write(tmp_path, old, "old.csv"), unit=WeightUnit.KG)
    assert (again.workouts, again.sets, again.duplicates_skipped) == (0, 0, 2)
    assert repo.count_sessions() == 2
    later = import_file(repo, write(tmp_path, newer, "new.csv"), unit=WeightUnit.KG)
    assert (later.workouts, later.sets, later.runs, later.duplicates_skipped) == (1, 1, 1, 2)
    assert repo.count_sessions() == 4
    assert sorted(repo.source_keys("strong")) == [
        "2024-01-01 10:00:00",
        "2024-01-03 10:00:00",
        "2024-01-05 18:00:00",
        "2024-01-05 18:00:00 run 1",
    ]


def test_dry_run_writes_nothing(repo, tmp_path):
    path = write(tmp_path, HEADER + workout("2024-01-01 10:00:00", ("New Thing", 10, 10)))
    report = import_file(repo, path, unit=WeightUnit.KG, dry_run=True)
    assert report.dry_run and report.workouts == 1 and report.new_exercises == 1
    assert repo.count_sessions() == 0 and repo.catalogue().get("New Thing") is None


def test_one_transaction_a_failure_late_writes_nothing(repo, tmp_path, monkeypatch):
    text = HEADER + "".join(
        workout(f"2024-01-{day:02d} 10:00:00", ("Brand New Lift", 10, 10)) for day in range(1, 20)
    )
    calls = {"n": 0}
    original = type(repo)._insert_fast

    def failing(self, model, rows):
        calls["n"] += 1
        if calls["n"] == 10:
            raise RuntimeError("disk full")
        return original(self, model, rows)

    monkeypatch.setattr(type(repo), "_insert_fast", failing)
    with pytest.raises(RuntimeError):
        import_file(repo, write(tmp_path, text), unit=WeightUnit.KG)
    assert calls["n"] == 10
    assert repo.count_sessions() == 0 and repo.catalogue().get("Brand New Lift") is None


def test_a_file_of_only_bad_rows_is_refused(repo, tmp_path):
    text = HEADER + "2024-13-01 10:00:00,Gym,1h,Squat,1,60,5,0,0,,,\n"
    with pytest.raises(ImportProblem, match=r"none of its 1 rows could be read: line 2: Date"):
        import_file(repo, write(tmp_path, text), unit=WeightUnit.KG)
