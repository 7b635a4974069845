"""The sessions and sets of a backup read a column at a time: a ten-year backup has some
3,000 sessions of 25 values and 15,000 sets of ten, and checking each value with a call of
its own cost more than writing them.

Each column (every set's reps, every session's notes, ...) is checked at once: numbers and
days with domain.validation's batch checks, which take only values that plainly pass; texts
by their types, longest length and encoding; columns of few distinct values (times, kinds,
order) by checking each distinct value once with the reader's own method. When anything
needs a closer look (a bad value, an int where a float is written, a key of the wrong type,
a rule between fields), bulk_sessions returns None and the reader reads the sessions one by
one, so the first problem is reported as it always was, with its path. The values and their
types are those the one-by-one reading gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from itertools import chain, repeat
from typing import Any, cast

from ..domain import RunType, Session, SessionKind, SetEntry, SetType, Side, Status
from ..domain.validation import (
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    all_days,
    all_pass,
    distance_problem,
    duration_problem,
    elevation_problem,
    heart_rate_problem,
    passing_types,
    reps_problem,
    rpe_problem,
    seconds_problem,
    session_rule_errors,
    weight_problem,
)
from .backup_checks import Reader, order_problem, valid_name
from .backup_format import BackupError

# A null counts as an absent key: both give the default.
_SET_TYPES = {None: SetType.WORKING} | dict(SetType._value2member_map_)
_SIDES = {None: Side.BOTH} | dict(Side._value2member_map_)
_NONE = type(None)
_AS_TEXT = {None: ""}
_SESSION_FIELDS = tuple(f.name for f in fields(Session) if f.init and f.name != "id")


_TEXTS = (
    ("title", MAX_NAME_LENGTH),
    ("notes", MAX_NOTES_LENGTH),
    ("source", MAX_NAME_LENGTH),
    ("source_key", MAX_NAME_LENGTH),
    ("run_type_reason", MAX_NOTES_LENGTH // 10),
    ("source_file", MAX_NOTES_LENGTH // 10),
    ("plan_uid", MAX_NAME_LENGTH),
)
_NUMBERS = (
    ("distance_km", distance_problem),
    ("duration_min", duration_problem),
    ("rpe", rpe_problem),
    ("elapsed_min", duration_problem),
    ("avg_hr", heart_rate_problem),
    ("max_hr", heart_rate_problem),
    ("elevation_gain_m", elevation_problem),
    ("planned_km", distance_problem),
)


def bulk_sessions(sessions: object, resolve: Callable[[str], str | None], read_laps):
    """Every session with its sets, in the file's order (an absent order stays None), or
    None when the sessions must be read one by one (see the module's docstring).
    `read_laps(reader)` reads the laps of a session that has some."""
    sets = bulk_sets(sessions, resolve)
    if sets is None:
        return None
    rows = cast(list[dict[str, Any]], sessions)  # a list of objects: bulk_sets made sure

    def column(key: str) -> list:
        return list(map(dict.get, rows, repeat(key)))  # row.get(key) of each, in C

    days = all_days(column("date"))
    if days is None:
        return None
    values: dict[str, list] = {"date": days}
    for key, read in (
        ("start", lambda r: r.clock("start")),
        ("order", lambda r: r.number("order", order_problem, whole=True)),
        ("kind", lambda r: r.choice("kind", SessionKind)),
        ("status", lambda r: r.choice("status", Status)),
        ("run_type", lambda r: r.choice("run_type", RunType, None)),
        ("start_utc", lambda r: r.instant("start_utc")),
    ):
        found = _by_distinct(column(key), key, read)
        if found is None:
            return None
        values[key] = found
    for key, limit in _TEXTS:
        found = _texts(column(key), limit)
        if found is None:
            return None
        values[key] = found
    for key, check in _NUMBERS:
        found = _numbers(column(key), check)
        if found is None:
            return None
        values[key] = found
    flags = column("from_plan")
    if set(map(type, flags)) - {bool, _NONE}:
        return None
    values["from_plan"] = [v is True for v in flags]
    values["sets"] = sets
    try:  # laps are rare (runs recorded by a watch): read as the reader reads them
        values["laps"] = [
            read_laps(Reader(row, f"sessions[{index}]")) if row.get("laps") else []
            for index, row in enumerate(rows)
        ]
    except BackupError:
        return None
    # Positionally, in the dataclass's order: keywords built a dict a session, 4 x the time.
    found = list(map(Session, *(values[name] for name in _SESSION_FIELDS)))
    if any(map(session_rule_errors, found)):
        return None
    return found


def _by_distinct(values: list, key: str, read) -> list | None:
    """Each value as read(Reader) reads it under `key`, each distinct value read once (a
    whole-number float and its int are one: the reading makes them the same)."""
    if set(map(type, values)) - {str, int, float, _NONE}:  # no bools: True == 1 in a set
        return None
    found = {}
    for value in set(values):
        try:
            found[value] = read(Reader({key: value}, ""))
        except BackupError:
            return None
    return [found[v] for v in values]


def _texts(values: list, limit: int) -> list[str] | None:
    """Texts as Reader.text reads them: a null is "", at most `limit` characters, and text
    that can be written as UTF-8 (every surrogate refused, paired or not)."""
    kinds = set(map(type, values))
    if kinds - {str, _NONE}:
        return None
    if _NONE in kinds:
        values = list(map(_AS_TEXT.get, values, values))  # a null is "", in C
    if values and max(map(len, values)) > limit:
        return None
    try:
        "".join(values).encode("utf-8")
    except UnicodeEncodeError:
        return None
    return values


def _numbers(values: list, check, half_steps: bool = False) -> list | None:
    types = passing_types(check, values, half_steps=half_steps)
    if types is None:
        return None
    if int in types:
        return [v if v is None else float(v) for v in values]
    return values


def bulk_sets(sessions: object, resolve: Callable[[str], str | None]):
    """Every session's sets, a list per session in the file's order, or None when the sets
    must be read one by one (see the module's docstring)."""
    if type(sessions) is not list or set(map(type, sessions)) - {dict}:
        return None
    lists = list(map(dict.get, sessions, repeat("sets")))
    if set(map(type, lists)) - {list, _NONE}:
        return None
    rows = list(chain.from_iterable(filter(None, lists)))
    if set(map(type, rows)) - {dict}:
        return None

    def column(key: str) -> list:
        return list(map(dict.get, rows, repeat(key)))

    names = column("exercise")
    canonical = _canonical(names, resolve)
    set_types = _members(column("set_type"), _SET_TYPES)
    sides = _members(column("side"), _SIDES)
    if canonical is None or set_types is None or sides is None:
        return None
    numbers: list[list[Any]] = []
    for key, check, whole in (
        ("reps", reps_problem, True),
        ("weight_kg", weight_problem, False),
        ("seconds", seconds_problem, False),
        ("distance_km", distance_problem, False),
        ("rpe", rpe_problem, False),
        ("target_reps", reps_problem, True),
        ("target_weight_kg", weight_problem, False),
    ):
        given = column(key)
        if whole:
            if not all_pass(check, given):  # ints only: as the reader gives them
                return None
            numbers.append(given)
        elif (checked := _numbers(given, check, half_steps=key == "rpe")) is None:
            return None
        else:
            numbers.append(checked)
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
    try:
        distinct = set(names)
    except TypeError:  # a list or an object for a name
        return None
    found = {}
    for name in distinct:
        if type(name) is not str:
            return None
        try:
            valid_name(name, "")
        except BackupError:
            return None
        found[name] = resolve(name)
        if found[name] is None:
            return None
    return list(map(found.__getitem__, names))


def _members(values: list, members: dict) -> list | None:
    """Each value's member, when every value is one of `members`' keys (texts and None)."""
    try:
        if not set(values) <= members.keys():
            return None
    except TypeError:  # a list or an object, which no key is
        return None
    return list(map(members.__getitem__, values))
