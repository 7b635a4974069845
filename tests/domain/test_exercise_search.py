"""Completion that finds the lift (domain/exercise_search.py), on the shipped catalogue."""

from __future__ import annotations

import pytest

from runstrength_desktop.assets import shipped_exercises
from runstrength_desktop.domain.exercise import Catalogue
from runstrength_desktop.domain.exercise_search import (
    EXACT,
    PREFIX,
    best_exercise,
    find_exercises,
    squash,
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue(shipped_exercises())


def test_one_entry_per_exercise_and_the_exact_name_first(catalogue):
    found = find_exercises(catalogue, "plank")
    names = [f.name for f in found]
    assert names[0] == "Plank" and found[0].rank == EXACT and found[0].alias == ""
    assert len(names) == len(set(names))  # "Plank walk-up" and its aliases: one entry
    assert {"Plank walk-up", "Side plank", "Copenhagen plank"} <= set(names)
    assert best_exercise(catalogue, "plank") == "Plank"


@pytest.mark.parametrize(
    "typed", ["single-leg rom", "single leg rom", "SINGLE LEG ROM", "singlelegrom"]
)
def test_hyphens_spaces_and_case_do_not_matter(catalogue, typed):
    first = find_exercises(catalogue, typed)[0]
    # "Single Leg Romanian Deadlift" is an alias of the single-leg deadlift: shown beside it.
    assert (first.name, first.alias, first.rank) == (
        "Single-leg deadlift",
        "Single Leg Romanian Deadlift",
        PREFIX,
    )
    assert "Single Leg Romanian Deadlift" in first.label
    assert best_exercise(catalogue, typed) == "Single-leg deadlift"


def test_a_prefix_of_the_name_beats_an_alias_that_holds_the_words(catalogue):
    found = find_exercises(catalogue, "standing calf r")
    assert found[0].name == "Standing calf raise"
    # "Single Leg Standing Calf Raise" holds the words further in: it comes later.
    later = [f.name for f in found[1:]]
    assert "Single-leg heel raise" in later
    assert best_exercise(catalogue, "standing calf r") == "Standing calf raise"


def test_the_runners_most_used_come_before_the_rest_of_a_rank(catalogue):
    plain = [f.name for f in find_exercises(catalogue, "raise")]
    lifted = plain[-1]
    used = find_exercises(catalogue, "raise", uses={lifted: 40, plain[-2]: 3})
    assert [f.name for f in used][:2] == [lifted, plain[-2]]
    # ...but never before an exact or prefix match.
    ranked = find_exercises(catalogue, "plank", uses={"Side plank": 500})
    assert ranked[0].name == "Plank"


def test_plurals_and_aliases_resolve_and_a_match_inside_is_only_offered(catalogue):
    assert best_exercise(catalogue, "calf raises") == "Standing calf raise"
    assert best_exercise(catalogue, "squat (barbell)") == "Back squat"
    inside = find_exercises(catalogue, "heel raise")
    assert inside  # offered in the list...
    assert best_exercise(catalogue, "Zercher heel pogo") is None  # ...a new name stays new
    assert find_exercises(catalogue, " - ") == []


def test_hidden_exercises_are_not_offered(catalogue):
    from dataclasses import replace

    hidden = Catalogue([replace(e, hidden=True) if e.name == "Plank" else e for e in catalogue])
    assert "Plank" not in [f.name for f in find_exercises(hidden, "plank")]


def test_squash():
    assert squash("Single-leg  Romanian_deadlift (DB)") == "singlelegromaniandeadliftdb"
