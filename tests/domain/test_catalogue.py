"""The shipped exercise catalogue (resources/exercises.json): its shape, its names, and that the
names runners read in the seed articles and the names other apps export resolve to it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from runstrength_desktop.assets import shipped_exercises
from runstrength_desktop.domain.enums import Category, Measure, Muscle, Region
from runstrength_desktop.domain.exercise import Catalogue, normalise_name
from runstrength_desktop.domain.exercise_names import (
    bag,
    is_calf_name,
    variant_label,
    variant_words,
    words_of,
)
from tests.helpers import shared_path

REPO = Path(__file__).parents[2]
CATALOGUE_JSON = REPO / "resources" / "exercises.json"
IMPORTS = shared_path("data", "imports")

ENTRY_KEYS = {
    "name",
    "region",
    "category",
    "muscles",
    "equipment",
    "measure",
    "per_side",
    "aliases",
}
OPTIONAL_KEYS = {"family", "variant", "variants"}
VARIANT_KEYS = {"variant", "aliases", "muscles", "region", "measure", "per_side", "equipment"}

# Other code refers to these by name.
REQUIRED_NAMES = [
    "Back squat",
    "Front squat",
    "Goblet squat",
    "Air squat",
    "Jump squat",
    "Pistol squat",
    "Bulgarian split squat",
    "Forward lunge",
    "Reverse lunge",
    "Walking lunge",
    "Overhead lunge",
    "Dumbbell lunge",
    "Step-up",
    "Deadlift",
    "Romanian deadlift",
    "Single-leg deadlift",
    "Standing calf raise",
    "Seated calf raise",
    "Single-leg heel raise",
    "Single-leg hop",
    "Glute bridge",
    "Hip thrust",
    "Clam shell",
    "Side shuffle",
    "Copenhagen plank",
    "Plank",
    "Side plank",
    "Dead bug",
    "Bird dog",
    "Russian twist",
    "Pallof press",
    "Push-up",
    "Dumbbell bench press",
    "Bench press",
    "Inverted row",
    "Dumbbell row",
    "Pull-up",
    "Overhead press",
    "Hammer curl",
    "Box jump",
    "Kettlebell swing",
    "Medicine-ball slam",
    "Burpee",
    "Leg press",
    # cardio that imports contain
    "Running",
    "Treadmill run",
    "Cycling",
    "Rowing machine",
    "Elliptical",
]

# Every exercise the seed articles (../shared/seeds/) name, spelled as the seed spells it,
# with the catalogue entry it must resolve to.
SEED_SPELLINGS = [
    # 000: the running muscles, the seven exercises, the "big seven", the circuit, the
    # upper-body workout, the recovery week
    ("000", "squats", "Back squat"),
    ("000", "single-leg hops", "Single-leg hop"),
    ("000", "deadlifts", "Deadlift"),
    ("000", "planks", "Plank"),
    ("000", "Russian twists", "Russian twist"),
    ("000", "overhead lunges", "Overhead lunge"),
    ("000", "air squats", "Air squat"),
    ("000", "bodyweight squats", "Air squat"),
    ("000", "single-leg deadlifts", "Single-leg deadlift"),
    ("000", "the pistol", "Pistol squat"),
    ("000", "pistols", "Pistol squat"),
    ("000", "one-legged squat", "Pistol squat"),
    ("000", "assisted pistol", "Pistol squat"),
    ("000", "rotational shoulder press", "Rotational shoulder press"),
    ("000", "lunges", "Forward lunge"),
    ("000", "push-ups", "Push-up"),
    ("000", "press-ups", "Push-up"),
    ("000", "burpees", "Burpee"),
    ("000", "shoulder presses", "Shoulder press"),
    ("000", "run", "Running"),  # "Run for 400 meters"
    ("000", "forward lunges", "Forward lunge"),
    ("000", "plank holds", "Plank"),
    ("000", "dumbbell bench press", "Dumbbell bench press"),
    ("000", "inverted rows", "Inverted row"),
    ("000", "dumbbell hammer curls", "Hammer curl"),
    ("000", "hammer curls", "Hammer curl"),
    ("000", "yoga", "Yoga"),
    ("000", "walk", "Walking"),
    ("000", "swim", "Swimming"),
    # 001: the bodyweight catalogue by region
    ("001", "glute bridges", "Glute bridge"),
    ("001", "Russian twists", "Russian twist"),
    ("001", "plank", "Plank"),
    ("001", "plank walk-ups", "Plank walk-up"),
    ("001", "plank walk-up", "Plank walk-up"),
    ("001", "plank with leg lift", "Plank with leg lift"),
    ("001", "squats", "Back squat"),
    ("001", "jump squats", "Jump squat"),
    ("001", "single-leg deadlift", "Single-leg deadlift"),
    ("001", "lunges", "Forward lunge"),
    ("001", "reverse lunge", "Reverse lunge"),
    ("001", "dumbbell lunge", "Dumbbell lunge"),
    ("001", "one-legged heel raise", "Single-leg heel raise"),
    ("001", "one-legged hops", "Single-leg hop"),
    ("001", "clam shells", "Clam shell"),
    ("001", "side shuffles", "Side shuffle"),
    ("001", "burpee", "Burpee"),  # the unnamed "burpee-like move" with a push-up
    ("001", "speed skaters", "Speed skater"),
    ("001", "pushup", "Push-up"),
    ("001", "bench presses", "Bench press"),
    # 002: exercises by the movements of running, injury prevention
    ("002", "close-grip bench press", "Close-grip bench press"),
    ("002", "scapular pushups", "Scapular push-up"),
    ("002", "close-grip cable press", "Cable chest press"),
    ("002", "close-grip overhead press", "Overhead press"),
    ("002", "close-grip rows", "Seated cable row"),
    ("002", "close-grip pull-up", "Pull-up"),
    ("002", "pull-downs", "Lat pulldown"),
    ("002", "supermans", "Superman"),
    ("002", "cobra position", "Cobra stretch"),
    ("002", "cat/cow", "Cat-cow"),
    ("002", "standing calf raises", "Standing calf raise"),
    ("002", "hamstring curls", "Leg curl"),
    ("002", "leg extensions", "Leg extension"),
    ("002", "forward lunges", "Forward lunge"),
    ("002", "reverse lunges", "Reverse lunge"),
    ("002", "step ups", "Step-up"),
    ("002", "squats", "Back squat"),
    ("002", "deadlifts", "Deadlift"),  # the seed's typo: "deadliest"
    ("002", "pike", "Stability ball pike"),
    ("002", "Captain's Chair knee raises", "Captain's chair knee raise"),
    ("002", "wall sits", "Wall sit"),
    ("002", "bird dogs", "Bird dog"),
    ("002", "dead bugs", "Dead bug"),
    ("002", "sumo squats", "Sumo squat"),
    ("002", "lateral lunges", "Lateral lunge"),
    ("002", "lateral step ups", "Lateral step-up"),
    ("002", "medial lunges", "Curtsy lunge"),
    ("002", "medial step ups", "Crossover step-up"),
    ("002", "yoga", "Yoga"),
    ("002", "biking", "Cycling"),  # comments
    ("002", "hiking", "Walking"),  # comments
    # 003: key exercises, explosive moves, plyometrics
    ("003", "squat", "Back squat"),
    ("003", "lunge", "Forward lunge"),
    ("003", "romanian deadlift", "Romanian deadlift"),
    ("003", "suitcase hold", "Suitcase hold"),
    ("003", "calf raises", "Standing calf raise"),
    ("003", "single-leg deadlifts", "Single-leg deadlift"),
    ("003", "split squat", "Split squat"),
    ("003", "medicine ball slam", "Medicine-ball slam"),
    ("003", "kettlebell swing", "Kettlebell swing"),
    ("003", "push-ups", "Push-up"),
    ("003", "pull-ups", "Pull-up"),
    ("003", "plank", "Plank"),  # "plank variations"
    ("003", "bus driver", "Bus driver"),
    ("003", "glute bridges", "Glute bridge"),
    ("003", "single-leg hops", "Single-leg hop"),
    ("003", "jumping lunges", "Jumping lunge"),
    ("003", "step up", "Step-up"),
    ("003", "jumping squats", "Jump squat"),
    ("003", "box jumps", "Box jump"),
    ("003", "barbell squats", "Back squat"),  # comments
    # 004: bodyweight, free weights, machines, the circuit
    ("004", "squats", "Back squat"),
    ("004", "lunges", "Forward lunge"),
    ("004", "pushups", "Push-up"),
    ("004", "deadlifts", "Deadlift"),
    ("004", "calf raises", "Standing calf raise"),
    ("004", "step-ups", "Step-up"),
    ("004", "single-leg squats", "Pistol squat"),
    ("004", "bridges", "Glute bridge"),
    ("004", "planks", "Plank"),
    ("004", "hip openers", "Hip opener"),
    ("004", "shoulder presses", "Shoulder press"),
    ("004", "rows", "Dumbbell row"),
    ("004", "sit-ups", "Sit-up"),
    ("004", "bicep curls", "Biceps curl"),
    ("004", "triceps extensions", "Triceps extension"),
    ("004", "seated rows", "Seated cable row"),
    ("004", "leg press", "Leg press"),
    ("004", "leg presses", "Leg press"),
    ("004", "hamstring curl", "Leg curl"),
    ("004", "quad extension", "Leg extension"),
    ("004", "lat pulldowns", "Lat pulldown"),
    ("004", "dumbbell squats", "Goblet squat"),
    ("004", "Romanian deadlifts", "Romanian deadlift"),
    ("004", "bench presses", "Bench press"),
    ("004", "bent-over rows", "Bent-over row"),
]

# Names Strong, Hevy and FitNotes use, and the entry each means.
OTHER_APP_NAMES = [
    ("Squat (Barbell)", "Back squat"),
    ("Full Squat", "Back squat"),
    ("Barbell Squat", "Back squat"),
    ("Squat (Bodyweight)", "Air squat"),
    ("Squat (Smith Machine)", "Back squat (smith machine)"),
    ("Squat (Machine)", "Machine squat"),
    ("Calf Raise (Dumbbell)", "Standing calf raise"),
    ("Standing Calf Raise (Machine)", "Standing calf raise (machine)"),
    ("Seated Calf Raise (Plate Loaded)", "Seated calf raise"),
    ("Calf Press on Seated Leg Press", "Calf press"),
    ("Bench Press (Barbell)", "Bench press"),
    ("Flat Barbell Bench Press", "Bench press"),
    ("Bench Press (Dumbbell)", "Dumbbell bench press"),
    ("Pull Up", "Pull-up"),
    ("Pull Up (Assisted)", "Pull-up (assisted)"),
    ("Chin Up", "Chin-up"),
    ("Plank", "Plank"),
    ("Deadlift (Barbell)", "Deadlift"),
    ("Romanian Deadlift (Barbell)", "Romanian deadlift"),
    ("Lat Pulldown (Cable)", "Lat pulldown"),
    ("Seated Cable Row", "Seated cable row"),
    ("Seated Row (Machine)", "Machine row"),
    ("Bicep Curl (Dumbbell)", "Biceps curl"),
    ("Hammer Curl (Dumbbell)", "Hammer curl"),
    ("Overhead Press (Barbell)", "Overhead press"),
    ("Overhead Press (Dumbbell)", "Shoulder press"),
    ("Shoulder Press (Machine)", "Machine shoulder press"),
    ("Hip Thrust (Barbell)", "Hip thrust"),
    ("Leg Press", "Leg press"),
    ("Lunge (Dumbbell)", "Dumbbell lunge"),
    ("Walking Lunges (Each Side)", "Walking lunge"),
    ("Inverted Row (Bodyweight)", "Inverted row"),
    ("Bent Over One Arm Row (Dumbbell)", "Dumbbell row"),
    ("Bent Over Row (Barbell)", "Bent-over row"),
    ("Russian Twist (Weighted)", "Russian twist"),
    ("Burpee", "Burpee"),
    ("Running (Treadmill)", "Treadmill run"),
    ("Running", "Running"),
    ("Cycling (Indoor)", "Cycling"),
    ("Rowing (Machine)", "Rowing machine"),
    ("Jump Rope", "Jump rope"),
    ("Skipping", "Jump rope"),
]

CALF_EXERCISES = [
    "Standing calf raise",
    "Seated calf raise",
    "Calf press",
    "Single-leg heel raise",
    "Single-leg hop",
    "Pogo hop",
    "Jump rope",
]

UNILATERAL = [
    "Single-leg deadlift",
    "Single-leg heel raise",
    "Single-leg hop",
    "Side plank",
    "Copenhagen plank",
    "Clam shell",
    "Side shuffle",
    "Step-up",
    "Bulgarian split squat",
    "Pistol squat",
    "Forward lunge",
    "Reverse lunge",
    "Walking lunge",
    "Overhead lunge",
    "Dumbbell lunge",
    "Dumbbell row",
    "Single-arm cable row",
]

TIMED = ["Plank", "Side plank", "Copenhagen plank", "Wall sit", "Dead hang"]

# What the planning rules lean on (docs/planning-rules.md): region decides lower-body
# sessions and upper/core coverage, category decides loaded sets.
ROLES = {
    "Back squat": (Region.LOWER, Category.STRENGTH),
    "Single-leg deadlift": (Region.LOWER, Category.STRENGTH),
    "Standing calf raise": (Region.LOWER, Category.STRENGTH),
    "Single-leg hop": (Region.LOWER, Category.PLYOMETRIC),
    "Box jump": (Region.LOWER, Category.PLYOMETRIC),
    "Burpee": (Region.FULL, Category.PLYOMETRIC),
    "Clam shell": (Region.LOWER, Category.MOBILITY),
    "Plank": (Region.CORE, Category.CORE_HOLD),
    "Dead bug": (Region.CORE, Category.CORE_HOLD),
    "Push-up": (Region.UPPER, Category.STRENGTH),
    "Dumbbell bench press": (Region.UPPER, Category.STRENGTH),
    "Hammer curl": (Region.UPPER, Category.STRENGTH),
    "Running": (Region.LOWER, Category.CARDIO),
}


def _raw() -> dict:
    with open(CATALOGUE_JSON, encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return _raw()["exercises"]


@pytest.fixture(scope="module")
def exercises():
    """The shipped exercises with each family's variants, as the app reads them."""
    return shipped_exercises()


@pytest.fixture(scope="module")
def catalogue(exercises) -> Catalogue:
    return Catalogue(exercises)


def test_file_has_a_version_and_enough_exercises(entries, exercises):
    assert _raw()["version"] == 2
    assert len(entries) >= 50 and len(exercises) >= 200


def test_every_entry_is_well_formed(entries):
    for e in entries:
        name = e.get("name")
        assert ENTRY_KEYS <= set(e) <= ENTRY_KEYS | OPTIONAL_KEYS, name
        assert isinstance(name, str) and name.strip() == name and name, e
        assert e["region"] in Region.values(), name
        assert e["category"] in Category.values(), name
        assert e["measure"] in Measure.values(), name
        assert e["muscles"], f"{name} has no muscles"
        assert set(e["muscles"]) <= set(Muscle.values()), name
        assert len(set(e["muscles"])) == len(e["muscles"]), name
        assert isinstance(e["per_side"], bool), name
        assert isinstance(e["equipment"], str) and e["equipment"], name
        assert isinstance(e["aliases"], list), name
        assert all(isinstance(a, str) and a.strip() == a and a for a in e["aliases"]), name
        for variant in e.get("variants", ()):
            assert set(variant) <= VARIANT_KEYS and "variant" in variant, name
            label = variant["variant"]
            # One spelling of each variant, so that the matcher finds it again.
            assert variant_label(variant_words(label)) == label, (name, label)


def test_families_and_variants_hang_together(catalogue, exercises):
    names = {e.name for e in exercises}
    seen: dict[tuple[str, frozenset], str] = {}
    for exercise in exercises:
        if exercise.family:
            assert exercise.family in names, exercise.name
            assert not catalogue.get(exercise.family).family, f"{exercise.family} is a variant"
            assert exercise.variant, exercise.name
        key = (exercise.family_name, variant_words(exercise.variant))
        assert key not in seen, f"{exercise.name} and {seen[key]} are one variant"
        seen[key] = exercise.name
    cable = catalogue.get("Lateral raise (cable)")
    assert (cable.family, cable.variant, cable.equipment) == ("Lateral raise", "cable", "cable")
    assert cable.muscles == catalogue.get("Lateral raise").muscles
    assert [e.name for e in catalogue.family(cable)][:1] == ["Lateral raise"]


def test_required_names_exist_exactly(catalogue):
    missing = [n for n in REQUIRED_NAMES if catalogue.get(n) is None]
    assert not missing


def test_names_are_unique_even_when_normalised(exercises, catalogue):
    keys = [normalise_name(e.name) for e in exercises]
    assert len(set(keys)) == len(keys)
    assert len(catalogue) == len(exercises)


def test_aliases_are_unique_and_claim_no_other_name(exercises, catalogue):
    name_keys = {normalise_name(e.name): e.name for e in exercises}
    claimed: dict[str, str] = {}
    problems = []
    for e in exercises:
        own = normalise_name(e.name)
        for alias in e.aliases:
            key = normalise_name(alias)
            if key == own:
                problems.append(f"{alias!r} only repeats the name {e.name!r}")
            elif key in name_keys:
                problems.append(f"{alias!r} of {e.name!r} is the name {name_keys[key]!r}")
            elif key in claimed and claimed[key] != e.name:
                problems.append(f"{alias!r} of {e.name!r} is also an alias of {claimed[key]!r}")
            claimed.setdefault(key, e.name)
            if catalogue.resolve(alias) is not catalogue.get(e.name):
                problems.append(f"{alias!r} does not resolve to {e.name!r}")
    assert not problems, "\n".join(problems)


def test_no_two_exercises_share_a_spelling_in_any_word_order(exercises, catalogue):
    """Word order, case, hyphens and plurals aside ('Curl (Dumbbell)' is 'Dumbbell Curl'),
    every spelling means one exercise, its own."""
    claimed: dict[str, str] = {}
    problems = []
    for e in exercises:
        for spelling in e.spellings:
            key = bag(words_of(spelling))
            if claimed.setdefault(key, e.name) != e.name:
                problems.append(f"{spelling!r} of {e.name} is also {claimed[key]}")
            found = catalogue.match(spelling)
            if found is None or found.exercise is not e:
                problems.append(f"{spelling!r} of {e.name} means {found and found.target}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "seed, spelling, expected", SEED_SPELLINGS, ids=[f"{s}-{w}" for s, w, _ in SEED_SPELLINGS]
)
def test_seed_spellings_resolve(catalogue, seed, spelling, expected):
    found = catalogue.resolve(spelling)
    assert found is not None, f"{spelling!r} (seed {seed}) resolves to nothing"
    assert found.name == expected
    assert found.region in Region and found.muscles


@pytest.mark.parametrize("spelling, expected", OTHER_APP_NAMES)
def test_other_app_names_resolve(catalogue, spelling, expected):
    found = catalogue.resolve(spelling)
    assert found is not None and found.name == expected


def test_calf_exercises_work_the_calves(catalogue, exercises):
    assert all(catalogue.get(n).is_calf for n in CALF_EXERCISES)
    # anything called a calf, heel or toe raise anywhere in its spellings is a calf exercise
    for e in exercises:
        if any(is_calf_name(s) for s in e.spellings):
            assert e.is_calf, e.name


def test_unilateral_and_timed_exercises(catalogue):
    assert [n for n in UNILATERAL if not catalogue.get(n).per_side] == []
    assert [n for n in TIMED if catalogue.get(n).measure is not Measure.SECONDS] == []
    assert catalogue.get("Running").measure is Measure.DISTANCE


def test_roles_the_planning_rules_rely_on(catalogue):
    for name, (region, category) in ROLES.items():
        exercise = catalogue.get(name)
        assert (exercise.region, exercise.category) == (region, category), name
    assert catalogue.get("Back squat").is_lower_body
    assert not catalogue.get("Push-up").is_lower_body


# ---------------------------------------------------------------- the real exports


def _export_names(path: Path) -> dict[str, int]:
    """Distinct exercise names of one export with their number of set rows, for each
    dialect of ../shared/data/imports/README.md (rest timers and notes left out)."""
    text = path.read_text(encoding="utf-8-sig")
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter))
    header = [h.strip() for h in rows[0]]
    counts: dict[str, int] = {}
    for row in rows[1:]:
        if not row:
            continue
        if "Exercise Name" in header:  # Strong
            order = header.index("Set Order")
            if len(row) <= order or row[order] in ("Rest Timer", "Note"):
                continue
            name = row[header.index("Exercise Name")]
        elif "exercise_title" in header:  # Hevy
            name = row[header.index("exercise_title")]
        else:  # FitNotes: a name with a comma splits when nothing is quoted
            name = ",".join(row[1 : len(row) - (len(header) - 2)])
        name = name.strip()
        counts[name] = counts.get(name, 0) + 1
    return counts


EXPORTS = sorted(IMPORTS.glob("*.csv")) if IMPORTS.is_dir() else []

# Measured when the catalogue was written (distinct names / set rows that resolve):
#   fitnotes_frefdt 53/59 (90 %, 95 % of sets), fitnotes_nocomment_bilallb 52/54 (96 %),
#   hevy_gutory 130/132 (98 %), strong_s1_breinsp 69/72 (96 %),
#   strong_s1_settypes_rajat791 132/143 (92 %), strong_s2_joshuayoes 12/12,
#   strong_s3_joaoconde 94/96 (98 %).
# What stays unresolved is gym-specific shorthand ("Seated row ub6", "Jpg lat",
# "Leg Press Keller"), people's names ("Sam Sulek") and typos ("Diamon Pushups").
NAME_FLOOR = 0.85
SET_FLOOR = 0.93


@pytest.mark.skipif(not EXPORTS, reason="../shared/data/imports/ is absent")
@pytest.mark.parametrize("path", EXPORTS, ids=[p.stem for p in EXPORTS])
def test_names_in_real_exports_resolve(catalogue, path):
    counts = _export_names(path)
    unresolved = sorted(n for n in counts if catalogue.resolve(n) is None)
    name_rate = 1 - len(unresolved) / len(counts)
    set_rate = 1 - sum(counts[n] for n in unresolved) / sum(counts.values())
    detail = f"{path.name}: {name_rate:.0%} of names, {set_rate:.0%} of sets; {unresolved}"
    assert name_rate >= NAME_FLOOR, detail
    assert set_rate >= SET_FLOOR, detail
