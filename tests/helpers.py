"""What tests share beyond fixtures: where the shared data lives, the pinned days, and the
JSON-mutation helpers the backup tests and the hostile-file fuzzing both use. Import it as
`from tests.helpers import ...` (tests/ is a package: pytest puts the checkout first on the
path)."""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
# The shared data beside the checkout; RUNSTRENGTH_SHARED names it when it lives elsewhere
# (a second worktree of the repository, a CI runner).
SHARED = Path(os.environ.get("RUNSTRENGTH_SHARED") or ROOT.parent / "shared")

# The days a date-sensitive test (@pytest.mark.dates) runs on: a month's first and last day,
# the turn of the year, a leap day, a Monday and a Sunday. Every other test runs on the first
# (or on RUNSTRENGTH_TEST_TODAY), so no test depends on the day the suite happens to run.
PINNED_DAYS = (
    dt.date(2026, 12, 1),  # a Tuesday, the first of a month
    dt.date(2026, 11, 30),  # a Monday, the last of a month
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
    dt.date(2028, 2, 29),
    dt.date(2027, 3, 7),  # a Sunday
)
DEFAULT_DAY = (
    dt.date.fromisoformat(os.environ["RUNSTRENGTH_TEST_TODAY"])
    if os.environ.get("RUNSTRENGTH_TEST_TODAY")
    else PINNED_DAYS[0]
)


def shared_path(*parts: str) -> Path:
    """A file of the shared data (tests skip when it is absent)."""
    return SHARED.joinpath(*parts)


# -- one thing changed in a JSON document --------------------------------------------------

DELETE = "<delete>"  # the junk that takes the value out instead of replacing it

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=10,
)


def json_places(node: Any, trail: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path (keys and indexes) of every value in a JSON document, nested ones included."""
    keys = node.keys() if isinstance(node, dict) else range(len(node))
    for key in keys:
        yield (*trail, key)
        if isinstance(node[key], (dict, list)):
            yield from json_places(node[key], (*trail, key))


def with_one_change(document: Any, place: tuple[Any, ...], junk: Any) -> Any:
    """A copy of `document` with the value at `place` replaced by `junk` (or taken out, for
    DELETE); the document itself is left as it was."""
    changed = copy.deepcopy(document)
    *outer, last = place
    container = changed
    for key in outer:
        container = container[key]
    if junk == DELETE:
        container.pop(last)
    else:
        container[last] = junk
    return changed
