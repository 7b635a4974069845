"""An exercise of the catalogue, and name resolution through aliases and the matcher.

An exercise may be a variant of a family: "Lateral raise (cable)" has the family "Lateral
raise" and the variant "cable". Each variant is its own exercise with its own sets, so
records, e1RM, targets and progression are per variant without anyone asking; its region,
muscles and category are the family's (copied when the variant is made, refined where the
variant differs), so the planner reads them off the exercise as it always did."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .enums import Category, Measure, Muscle, Region
from .exercise_match import Confidence, Match, Matcher


@dataclass(frozen=True)
class Exercise:
    name: str
    region: Region
    category: Category
    muscles: tuple[Muscle, ...] = ()
    equipment: str = "bodyweight"
    measure: Measure = Measure.REPS
    per_side: bool = False
    aliases: tuple[str, ...] = ()
    custom: bool = False  # added by the user or an import, not shipped
    needs_review: bool = False  # region/muscles were guessed (imports); the rules rely on them
    family: str = ""  # the family's exercise ("Lateral raise"); "" when it is its own family
    variant: str = ""  # equipment or grip within the family: "cable", "band, reverse grip"
    hidden: bool = False  # left out of lists to pick from; its sets stay
    # Spellings the user's merges added: kept apart from the shipped aliases, which a newer
    # app replaces.
    user_aliases: tuple[str, ...] = ()
    id: int | None = field(default=None, compare=False)

    @property
    def family_name(self) -> str:
        return self.family or self.name

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.user_aliases)

    @property
    def is_calf(self) -> bool:
        return Muscle.CALVES in self.muscles

    @property
    def is_lower_body(self) -> bool:
        return self.region in (Region.LOWER, Region.FULL)

    @property
    def is_loaded_strength(self) -> bool:
        return self.category is Category.STRENGTH


_PARENS = re.compile(r"\s*\([^)]*\)\s*")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith("ss"):
        return word  # "abs", "press"
    if word.endswith("es") and word[:-2].endswith(("sh", "ch", "x", "ss")):
        return word[:-2]  # "pushes", "crunches", "presses"
    return word[:-1] if word.endswith("s") else word  # "raises", "lunges", "twists"


@lru_cache(maxsize=8192)  # the catalogue's thousand spellings, at every load and import
def normalise_name(name: str) -> str:
    """A key under which spellings of one exercise meet: case, spacing, punctuation and a
    trailing plural do not matter ("Calf Raises" == "calf raise")."""
    return " ".join(_singular(w) for w in _NON_WORD.sub(" ", name.lower()).split())


def strip_equipment(name: str) -> str:
    """'Squat (Barbell)' -> 'Squat': other apps put the equipment in parentheses."""
    return _PARENS.sub(" ", name).strip()


class Catalogue:
    """Exercises by name, found by their own name, an alias, a normalised spelling, or the
    matcher's sure match (exercise_match.py)."""

    def __init__(self, exercises: list[Exercise] | tuple[Exercise, ...] = ()) -> None:
        self._by_name: dict[str, Exercise] = {}
        self._by_key: dict[str, Exercise] = {}
        self._matcher: Matcher | None = None
        self._matches: dict[str, Match | None] = {}
        for exercise in exercises:
            self.add(exercise)

    def add(self, exercise: Exercise) -> None:
        self._by_name[exercise.name] = exercise
        for spelling in exercise.spellings:
            # The first exercise to claim a spelling keeps it.
            self._by_key.setdefault(normalise_name(spelling), exercise)
        self._matcher = None
        self._matches.clear()

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, name: str) -> bool:
        return self.resolve(name) is not None

    def get(self, name: str) -> Exercise | None:
        return self._by_name.get(name)

    def resolve(self, name: str) -> Exercise | None:
        """The exercise a name from a user or another app means, or None: only sure
        matches count (a variant the catalogue lacks is None too)."""
        if not name:
            return None
        exact = self._by_name.get(name)
        if exact is not None:
            return exact
        found = self._by_key.get(normalise_name(name))
        if found is not None:
            return found
        matched = self.match(name)
        return matched.exercise if matched is not None and matched.sure else None

    def resolve_spelling(self, name: str) -> Exercise | None:
        """The exercise of this name or alias (case, spaces and plurals aside), or None."""
        if not name:
            return None
        return self._by_name.get(name) or self._by_key.get(normalise_name(name))

    def match(self, name: str) -> Match | None:
        """What the name means with how sure that is, or None for a name it cannot place."""
        if not name or not name.strip():
            return None
        exact = self._by_name.get(name) or self._by_key.get(normalise_name(name))
        if exact is not None:
            return Match(exact, Confidence.SURE, "in the catalogue")
        if name not in self._matches:
            if self._matcher is None:
                self._matcher = Matcher(self._by_name.values())
            self._matches[name] = self._matcher.match(name)
        return self._matches[name]

    def family(self, exercise: Exercise) -> list[Exercise]:
        """The exercises of its family, the family's own first."""
        family = exercise.family_name
        members = [e for e in self if e.family_name == family]
        return sorted(members, key=lambda e: (e.name != family, e.name.lower()))

    def names(self) -> list[str]:
        return sorted(self._by_name, key=str.lower)


@dataclass(frozen=True)
class ExerciseMerge:
    """What merging one exercise into another did: enough to take it back."""

    source: Exercise  # the merged exercise as it was, with its id
    target: str
    target_user_aliases: tuple[str, ...]  # the target's own spellings before the merge
    set_ids: tuple[int, ...]  # the sets that moved
