"""Names that map: the normaliser (word order, hyphens, plurals, abbreviations, sitting and
seated, grip and stance words, near-miss spelling) and the confidence of each match, on the
shipped catalogue."""

from __future__ import annotations

import pytest

from runstrength_desktop.assets import shipped_exercises
from runstrength_desktop.domain import Category, Exercise, Muscle, Region
from runstrength_desktop.domain.exercise import Catalogue
from runstrength_desktop.domain.exercise_match import Confidence
from runstrength_desktop.domain.exercise_names import bag, one_edit_apart, words_of


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue(shipped_exercises())


# The names the issue found as custom exercises in real exports, and what they are.
ORDINARY_LIFTS = [
    ("Barbell Shoulder Press", "Overhead press"),
    ("Reverse Grip Bent Over Rows", "Bent-over row (reverse grip)"),
    ("Standing Dumbbell Curl", "Biceps curl"),
    ("Neutral Grip Lat Pulldown", "Lat pulldown (neutral grip)"),
    ("Seated Cable Row - Bar Wide Grip", "Seated cable row (wide grip)"),
    ("Kneeling Dumbbell Row", "Dumbbell row"),
    ("Wide Grip Pullups", "Pull-up (wide grip)"),
    ("Decline Barbell Bench Press", "Decline bench press"),
    ("Sitting Calf Raise", "Seated calf raise"),
    ("Barbell Calf Raise", "Standing calf raise (barbell)"),
    ("Power Clean", "Power clean"),
    ("Glute Ham Raise", "Glute-ham raise"),
    ("Close Grip Lat Pulldoen", "Lat pulldown (close grip)"),
]


@pytest.mark.parametrize("name, expected", ORDINARY_LIFTS)
def test_ordinary_lifts_surely_land_on_their_catalogue_exercise(catalogue, name, expected):
    found = catalogue.match(name)
    assert found is not None and found.sure, found
    assert found.exercise.name == expected and not found.exercise.custom
    assert catalogue.resolve(name).name == expected


@pytest.mark.parametrize(
    "a, b",
    [
        ("Standing Dumbbell Curl", "Dumbbell curl, standing"),  # word order
        ("Pull-Up", "pullups"),  # hyphens, spaces, plurals
        ("Pull up", "Pull-ups"),
        ("DB Bench Press", "Dumbbell Bench Presses"),  # abbreviations
        ("BB Row", "Barbell Row"),
        ("KB Swing", "Kettlebell swings"),
        ("SL RDL", "Single-leg Romanian deadlift"),
        ("OHP", "Overhead press"),
        ("EZ Curl", "EZ-bar curls"),
        ("BW Squat", "Bodyweight squats"),
        ("Sitting Calf Raise", "Seated Calf Raises"),  # sitting is seated
        ("Underhand Lat Pulldown", "Reverse grip lat pull-down"),  # grip words
        ("Narrow Grip Lat Pulldown", "Close Grip Lat Pulldown"),
    ],
)
def test_spellings_of_one_exercise_meet(catalogue, a, b):
    assert bag(words_of(a)) == bag(words_of(b))
    assert catalogue.resolve(a) is not None and catalogue.resolve(a) is catalogue.resolve(b)


def test_a_variant_is_its_own_exercise_and_a_missing_one_a_sure_new_variant(catalogue):
    cable = catalogue.match("Lateral Raise (Cable)").exercise
    dumbbell = catalogue.match("Lateral Raise (Dumbbell)").exercise
    machine = catalogue.match("Lateral Machine Raise").exercise
    assert len({cable.name, dumbbell.name, machine.name}) == 3
    assert {cable.family_name, dumbbell.family_name, machine.family_name} == {"Lateral raise"}
    kettlebell = catalogue.match("Lateral Raise (Kettlebell)")
    assert kettlebell.sure and kettlebell.is_new_variant and kettlebell.exercise is None
    assert kettlebell.family.name == "Lateral raise" and kettlebell.variant == "kettlebell"
    assert catalogue.resolve("Lateral Raise (Kettlebell)") is None  # not merged into a base
    # A word of a name is no variant ('Reverse curl' is its own lift, not a reverse grip curl).
    assert catalogue.resolve("Reverse Curl (Barbell)").name == "Reverse curl"
    assert catalogue.resolve("Reverse Curl (Cable)").name == "Reverse curl (cable)"


def test_a_known_name_among_unknown_words_is_only_proposed(catalogue):
    found = catalogue.match("Leg Press Keller")
    assert found.confidence is Confidence.UNSURE and found.exercise.name == "Leg press"
    assert "keller" in found.basis
    assert catalogue.resolve("Leg Press Keller") is None  # proposed, never applied
    assert catalogue.match("Sam Sulek") is None


def test_near_miss_spelling_only_for_long_names(catalogue):
    assert one_edit_apart("pulldoen", "pulldown") and one_edit_apart("diamon", "diamond")
    assert one_edit_apart("exetnsion", "extension") and not one_edit_apart("curl", "cur ls")
    assert catalogue.match("Diamon Pushups").exercise.name == "Push-up (close grip)"
    assert catalogue.resolve("Pulldoen") is None  # short: a guess too far


@pytest.mark.parametrize(
    "name",
    [
        "Calf Press on Leg Press",
        "Donkey Calf Raise",
        "Leg Press Calf Raise",
        "Smith Machine Calf Raise",
        "Single Leg Heel Raise (Dumbbell)",
        "Toe Raise",
        "Calf Raise (Kettlebell)",
    ],
)
def test_a_calf_name_only_ever_matches_a_calf_exercise(catalogue, name):
    found = catalogue.match(name)
    assert found is not None and found.target.is_calf, (name, found)


def test_a_calf_name_that_matches_no_calf_exercise_matches_nothing():
    squat = Exercise("Back squat", Region.LOWER, Category.STRENGTH, (Muscle.QUADS,))
    assert Catalogue([squat]).match("Back squat calf finisher") is None


def test_custom_exercises_and_their_spellings_take_part():
    own = Exercise(
        "Sled push",
        Region.LOWER,
        Category.STRENGTH,
        (Muscle.QUADS,),
        equipment="machine",
        custom=True,
        user_aliases=("Prowler",),
    )
    catalogue = Catalogue([own])
    assert catalogue.resolve("prowlers") is own
    assert catalogue.resolve("Sled Push (Machine)") is own  # its own equipment
    band = catalogue.match("Sled Push (Band)")
    assert band.is_new_variant and band.family is own
