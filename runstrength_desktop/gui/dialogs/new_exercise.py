"""What a name typed in the session editor but missing from the catalogue most likely is: a
new variant of a known family ('Lateral raise (band)': the family's facts, its own records),
else a custom exercise with region, category, muscles and measure guessed from the name (the
same guess an import makes), for the small form to confirm."""

from __future__ import annotations

from dataclasses import replace

from ...domain import Catalogue, Exercise
from ...interchange.guess import Guesser
from ...interchange.mapping import new_variant


def guessed_exercise(catalogue: Catalogue, name: str) -> Exercise:
    found = catalogue.match(name)
    if found is not None and found.sure and found.family is not None:
        return replace(new_variant(found.family, found.variant), name=name)
    return Guesser(catalogue).guess(name).exercise
