"""The sets of a backup read a column at a time: a ten-year backup has some 15,000 sets, and
checking each of their ten values with a call of its own cost more than writing them.

Each column (every set's reps, every set's weight, ...) is checked with domain.validation's
batch checks, which take only values that plainly pass; when anything needs a closer look
(a bad value, an int where a float is written, a key of the wrong type), bulk_sets returns
None and the reader reads the sets one by one, so the first problem is reported as it
always was, with its path. The values and their types are those _set would give."""

from __future__ import annotations

from collections.abc import Callable

from ..domain import SetEntry, SetType, Side
from ..domain.validation import (
    all_pass,
    distance_problem,
    reps_problem,
    rpe_problem,
    seconds_problem,
    weight_problem,
)
from .backup_checks import valid_name
from .backup_format import BackupError

# A null counts as an absent key: both give the default.
_SET_TYPES = {None: SetType.WORKING} | dict(SetType._value2member_map_)
_SIDES = {None: Side.BOTH} | dict(Side._value2member_map_)
_NONE = type(None)


def bulk_sets(sessions: object, resolve: Callable[[str], str | None]):
    """Every session's sets, a list per session in the file's order, or None when the sets
    must be read one by one (see the module's docstring)."""
    if type(sessions) is not list or set(map(type, sessions)) - {dict}:
        return None
    lists = [s.get("sets") for s in sessions]
    if set(map(type, lists)) - {list, _NONE}:
        return None
    rows = [row for sets in lists if sets for row in sets]
    if set(map(type, rows)) - {dict}:
        return None

    def column(key: str) -> list:
        return [row.get(key) for row in rows]

    names = column("exercise")
    canonical = _canonical(names, resolve)
    set_types = _members(column("set_type"), _SET_TYPES)
    sides = _members(column("side"), _SIDES)
    if canonical is None or set_types is None or sides is None:
        return None
    numbers = []
    for key, check, whole in (
        ("reps", reps_problem, True),
        ("weight_kg", weight_problem, False),
        ("seconds", seconds_problem, False),
        ("distance_km", distance_problem, False),
        ("rpe", rpe_problem, False),
        ("target_reps", reps_problem, True),
        ("target_weight_kg", weight_problem, False),
    ):
        values = column(key)
        if not all_pass(check, values, half_steps=key == "rpe"):
            return None
        if not whole and int in set(map(type, values)):
            values = [v if v is None else float(v) for v in values]
        numbers.append(values)
    reps, weight, seconds, distance, rpe, target_reps, target_weight = numbers
    entries = list(
        map(
            SetEntry,
            canonical,
            set_types,
            reps,
            weight,
            seconds,
            distance,
            sides,
            rpe,
            target_reps,
            target_weight,
        )
    )
    per_session, start = [], 0
    for sets in lists:
        count = len(sets) if sets else 0
        per_session.append(entries[start : start + count])
        start += count
    return per_session


def _canonical(names: list, resolve) -> list[str] | None:
    """The catalogue's name of each set's exercise, each spelling checked and looked up once."""
    if set(map(type, names)) - {str}:
        return None
    found = {}
    for name in set(names):
        try:
            valid_name(name, "")
        except BackupError:
            return None
        found[name] = resolve(name)
        if found[name] is None:
            return None
    return [found[name] for name in names]


def _members(values: list, members: dict) -> list | None:
    if set(map(type, values)) - {str, _NONE} or not set(values) <= members.keys():
        return None
    return [members[v] for v in values]
