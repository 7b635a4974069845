"""Which exercise of the catalogue a name from another app or a person means, and how sure
that is.

A name is tried, in turn, as written (any word order, see exercise_names.py), as a variant
of a family ('Lateral Raise (Cable)': the cable variant of Lateral raise), without words of
posture ('Standing Dumbbell Curl' is a dumbbell curl), and with one misspelt word put right
('Close Grip Lat Pulldoen'). Each of those is *sure*: it is applied. A variant the catalogue
does not have yet ('Lateral Raise (Band)') is a sure *new variant* of its family: its own
exercise, with the family's region and muscles. Last, a name that holds a known name among
words nobody knows ('Leg Press Keller') is an *unsure* match: proposed, never applied.

A name that says calf, heel raise or toe raise only ever matches a calf exercise."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .enums import StrEnum
from .exercise_names import (
    POSTURE,
    VARIANT_WORDS,
    bag,
    is_calf_name,
    one_edit_apart,
    split_variant,
    variant_label,
    variant_words,
    words_of,
)

if TYPE_CHECKING:
    from .exercise import Exercise

MIN_SPELLING_LENGTH = 12  # near-miss spelling only for names this long
MIN_CORRECTED_WORD = 5
MIN_CONTAINED_WORD = 6


class Confidence(StrEnum):
    SURE = "sure"
    UNSURE = "unsure"


@dataclass(frozen=True)
class Match:
    """`exercise`, an exercise of the catalogue; or, for a variant the catalogue lacks,
    None with the `family` base it belongs to and the `variant` label."""

    exercise: Exercise | None
    confidence: Confidence
    basis: str
    family: Exercise | None = None
    variant: str = ""

    @property
    def sure(self) -> bool:
        return self.confidence is Confidence.SURE

    @property
    def is_new_variant(self) -> bool:
        return self.exercise is None and self.family is not None

    @property
    def target(self) -> Exercise | None:
        """The exercise this match lands on, or the family a new variant would join."""
        return self.exercise if self.exercise is not None else self.family


class Matcher:
    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self._exact: dict[str, tuple[Exercise, str]] = {}  # words -> (exercise, its spelling)
        self._members: dict[str, dict[frozenset[str], Exercise]] = {}
        self._base: dict[str, Exercise] = {}
        self._base_words: dict[str, frozenset[str]] = {}
        family_claims: dict[str, dict[str, int]] = {}
        self._vocabulary: set[str] = set(VARIANT_WORDS) | set(POSTURE)
        exercises = list(exercises)
        names = {e.name for e in exercises}
        for exercise in exercises:
            family = exercise.family if exercise.family in names else exercise.name
            own = variant_words(exercise.variant)
            if family == exercise.name and not exercise.variant:
                own = variant_words(exercise.equipment)  # a family's own: its equipment
            if family == exercise.name:
                self._base[family] = exercise
                self._base_words[family] = own
            self._members.setdefault(family, {}).setdefault(own, exercise)
            for spelling in (exercise.name, *exercise.aliases, *exercise.user_aliases):
                words = words_of(spelling)
                self._vocabulary.update(words)
                self._exact.setdefault(bag(words), (exercise, spelling))
                stripped, rest = split_variant(words, grips=False)
                rest = tuple(w for w in rest if w not in own)
                # A spelling that names the family without equipment words claims its key
                # before one that names a variant ('Squat' before 'Squat (Machine)').
                priority = 1 if stripped else 0
                claims = family_claims.setdefault(bag(rest), {})
                claims[family] = min(claims.get(family, priority), priority)
        self._family: dict[str, str] = {}
        for key, claims in family_claims.items():
            best = min(claims.values())
            winners = [f for f, p in claims.items() if p == best]
            if len(winners) == 1 and key:
                self._family[key] = winners[0]  # two families on one key: neither
        # Inside a longer name, a family is recognised by two words or one long one.
        self._contained = sorted(
            (
                (set(k.split()), f)
                for k, f in self._family.items()
                if " " in k or len(k) >= MIN_CONTAINED_WORD
            ),
            key=lambda item: (-len(item[0]), -len(" ".join(item[0]))),
        )

    # -- the steps -----------------------------------------------------------------------------

    def match(self, name: str) -> Match | None:
        words = words_of(name)
        if not words:
            return None
        calf = is_calf_name(name)
        found = self._sure(words, calf, "")
        if found is not None:
            return found
        upright = tuple(w for w in words if w not in POSTURE)
        if upright != words and upright:
            dropped = ", ".join(w for w in words if w in POSTURE)
            if (found := self._sure(upright, calf, f"without '{dropped}'")) is not None:
                return found
        corrected, fixes = self._spelt_right(upright or words)
        if fixes and len(name) >= MIN_SPELLING_LENGTH:
            found = self._sure(corrected, calf, "spelling: " + ", ".join(fixes))
            if found is not None:
                return found
        return self._contains(corrected, calf)

    def _sure(self, words: tuple[str, ...], calf: bool, how: str) -> Match | None:
        exact, spelling = self._exact.get(bag(words), (None, ""))
        if exact is not None and _fits(exact, calf):
            return Match(exact, Confidence.SURE, _basis(f"same words as “{spelling}”", how))
        for grips in (False, True):
            variant, rest = split_variant(words, grips)
            family = self._family.get(bag(rest))
            if family is not None:
                found = self._in_family(family, variant, calf, how)
                if found is not None:
                    return found
        return None

    def _in_family(
        self, family: str, variant: frozenset[str], calf: bool, how: str
    ) -> Match | None:
        members = self._members[family]
        base = self._base.get(family) or next(iter(members.values()))
        if not _fits(base, calf):
            return None
        wanted = variant - self._base_words.get(family, frozenset())
        if not wanted:
            return Match(base, Confidence.SURE, _basis(f"{family}, its own equipment", how))
        label = variant_label(wanted)
        exercise = members.get(wanted) or members.get(variant)
        if exercise is not None:
            return Match(exercise, Confidence.SURE, _basis(f"{label} variant of {family}", how))
        return Match(
            None, Confidence.SURE, _basis(f"new {label} variant of {family}", how), base, label
        )

    def _spelt_right(self, words: tuple[str, ...]) -> tuple[tuple[str, ...], list[str]]:
        out, fixes = [], []
        for word in words:
            if word in self._vocabulary or len(word) < MIN_CORRECTED_WORD or word.isdigit():
                out.append(word)
                continue
            near = [v for v in self._vocabulary if one_edit_apart(word, v)]
            if len(near) == 1:
                out.append(near[0])
                fixes.append(f"{word} → {near[0]}")
            else:
                out.append(word)
        return tuple(out), fixes

    def _contains(self, words: tuple[str, ...], calf: bool) -> Match | None:
        """The longest family name inside the name, the other words unknown: unsure."""
        variant, rest = split_variant(words, grips=False)
        present = set(rest)
        for key, family in self._contained:
            if key <= present:
                found = self._in_family(family, variant, calf, "")
                if found is None:
                    continue
                unknown = " ".join(w for w in rest if w not in key)
                target = found.target
                assert target is not None  # _in_family finds an exercise or its family
                return Match(
                    found.exercise,
                    Confidence.UNSURE,
                    f"like {target.name}" + (f" ('{unknown}' unknown)" if unknown else ""),
                    found.family,
                    found.variant,
                )
        return None


def _fits(exercise: Exercise, calf: bool) -> bool:
    return not calf or exercise.is_calf


def _basis(what: str, how: str) -> str:
    return f"{what}, {how}" if how else what
