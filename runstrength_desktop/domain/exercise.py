"""An exercise of the catalogue, and name resolution through aliases."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .enums import Category, Measure, Muscle, Region


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
    id: int | None = field(default=None, compare=False)

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


def normalise_name(name: str) -> str:
    """A key under which spellings of one exercise meet: case, spacing, punctuation and a
    trailing plural do not matter ("Calf Raises" == "calf raise")."""
    return " ".join(_singular(w) for w in _NON_WORD.sub(" ", name.lower()).split())


def strip_equipment(name: str) -> str:
    """'Squat (Barbell)' -> 'Squat': other apps put the equipment in parentheses."""
    return _PARENS.sub(" ", name).strip()


class Catalogue:
    """Exercises by name, found by their own name, an alias, or a normalised spelling."""

    def __init__(self, exercises: list[Exercise] | tuple[Exercise, ...] = ()) -> None:
        self._by_name: dict[str, Exercise] = {}
        self._by_key: dict[str, Exercise] = {}
        for exercise in exercises:
            self.add(exercise)

    def add(self, exercise: Exercise) -> None:
        self._by_name[exercise.name] = exercise
        for spelling in (exercise.name, *exercise.aliases):
            # The first exercise to claim a spelling keeps it.
            self._by_key.setdefault(normalise_name(spelling), exercise)

    def __iter__(self):
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, name: str) -> bool:
        return self.resolve(name) is not None

    def get(self, name: str) -> Exercise | None:
        return self._by_name.get(name)

    def resolve(self, name: str) -> Exercise | None:
        """The exercise a name from a user or another app means, or None."""
        if not name:
            return None
        exact = self._by_name.get(name)
        if exact is not None:
            return exact
        found = self._by_key.get(normalise_name(name))
        if found is None:
            found = self._by_key.get(normalise_name(strip_equipment(name)))
        return found

    def names(self) -> list[str]:
        return sorted(self._by_name, key=str.lower)
