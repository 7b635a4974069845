"""Finding the lift a runner starts to type: one entry per exercise, best first.

Hyphens, spaces, punctuation and case do not matter ("single leg rom" and "single-leg rom"
are one query), nor a trailing plural ("calf raises"). An exercise matches through its name
or any alias, and the entry says which alias matched. Entries rank by how they match (the
whole spelling, its start, anywhere in it), then by how often the runner logged the
exercise (counts from the logbook), then by name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .exercise import Catalogue, normalise_name

EXACT, PREFIX, INSIDE = range(3)
_NOT_LETTERS = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Found:
    name: str
    alias: str  # the alias that matched; "" when the name itself did
    rank: int  # EXACT, PREFIX or INSIDE
    uses: int = 0  # sets of it in the logbook

    @property
    def label(self) -> str:
        """What the list shows: the name, and the alias that found it beside it."""
        return f"{self.name}  ·  {self.alias}" if self.alias else self.name


def squash(text: str) -> str:
    """Only the letters and digits, in lower case: the key a query meets a spelling on."""
    return _NOT_LETTERS.sub("", text.casefold())


def find_exercises(
    catalogue: Catalogue, text: str, uses: Mapping[str, int] | None = None, limit: int = 50
) -> list[Found]:
    """The exercises whose name or alias holds `text`, best first (hidden ones left out)."""
    uses = uses or {}
    queries = {q for q in (squash(text), squash(normalise_name(text))) if q}
    if not queries:
        return []
    found = []
    for exercise in catalogue:
        if exercise.hidden:
            continue
        best: tuple[int, int, str] | None = None
        for position, spelling in enumerate(exercise.spellings):
            key = squash(spelling)
            for query in queries:
                if key == query:
                    rank = EXACT
                elif key.startswith(query):
                    rank = PREFIX
                elif query in key:
                    rank = INSIDE
                else:
                    continue
                # The name before an alias, at the same rank.
                candidate = (rank, min(position, 1), "" if position == 0 else spelling)
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
        if best is not None:
            found.append(Found(exercise.name, best[2], best[0], uses.get(exercise.name, 0)))
    found.sort(key=lambda f: (f.rank, -f.uses, f.name.casefold()))
    return found[:limit]


def best_exercise(
    catalogue: Catalogue, text: str, uses: Mapping[str, int] | None = None
) -> str | None:
    """The exercise Enter takes for `text`: the one its spelling names (aliases and plurals
    as the catalogue resolves them), else the first one whose name or alias starts so; None
    otherwise (a match inside a name is only offered: the text may be a new exercise)."""
    exact = catalogue.resolve(text.strip()) if text.strip() else None
    if exact is not None:
        return exact.name
    found = find_exercises(catalogue, text, uses, limit=1)
    return found[0].name if found and found[0].rank <= PREFIX else None
