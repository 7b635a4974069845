"""Reading one JSON object of a backup, key by key: each value checked with the session
editor's own rules (domain.validation), and each problem a BackupError naming its JSON path."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ..domain.enums import StrEnum
from ..domain.validation import name_problem, parse_clock, parse_day
from .backup_format import MAX_ORDER, BackupError

E = TypeVar("E", bound=StrEnum)

_REQUIRED = object()  # marks a key without a default


def order_problem(value: object) -> str | None:
    if value is None:
        return None
    if (
        not isinstance(value, (int, float))
        or isinstance(value, bool)
        or not math.isfinite(value)
        or value != int(value)
        or not 0 <= value <= MAX_ORDER
    ):
        return f"must be a whole number from 0 to {MAX_ORDER}"
    return None


def unique(seen: dict, key, r: Reader, field: str):
    if key in seen:
        raise BackupError(r.at(field), f"repeats {seen[key]}")
    seen[key] = r.at(field)
    return key


class Reader:
    """One JSON object of the document and its path; each method reads one key, checks it,
    and raises a BackupError naming the key's path. A null counts as an absent key."""

    def __init__(self, raw: object, path: str) -> None:
        if not isinstance(raw, dict):
            raise BackupError(path, "must be an object")
        self.obj, self.path = raw, path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def items(self, key: str) -> list[tuple[str, object]]:
        value = self.obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise BackupError(self.at(key), "must be a list")
        return [(f"{self.at(key)}[{index}]", item) for index, item in enumerate(value)]

    def objects(self, key: str) -> Iterator[Reader]:
        # Lazily, so each item is checked before the next is looked at.
        return (Reader(item, path) for path, item in self.items(key))

    def number(self, key: str, check: Callable, *, whole=False, required=False, **options):
        value = self.obj.get(key)
        if value is None:
            if not required:
                return None  # every check passes an absent number
            value = math.nan  # gets the check's own "must be a number ..." message
        try:
            problem = check(value, **options)
        except (OverflowError, ValueError):  # an int too big for a float: isfinite overflows
            problem = check(math.nan, **options)
        if problem:
            raise BackupError(self.at(key), problem)
        return int(value) if whole else float(value)

    def choice(self, key: str, enum: type[StrEnum], default: object = _REQUIRED) -> Any:
        value = self.obj.get(key)
        if value is None and default is not _REQUIRED:
            return default
        return choice_of(value, self.at(key), enum)

    def text(self, key: str, limit: int, default: str = "") -> str:
        value = self.obj.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            raise BackupError(self.at(key), "must be text")
        if len(value) > limit:
            raise BackupError(self.at(key), f"must be at most {limit} characters")
        return _unicode(value, self.at(key))

    def name(self, key: str) -> str:
        return valid_name(self.obj.get(key), self.at(key))

    def flag(self, key: str) -> bool:
        value = self.obj.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise BackupError(self.at(key), "must be true or false")
        return value

    def day(self, key: str) -> dt.date:
        try:
            return parse_day(self.obj.get(key))
        except ValueError as exc:
            raise BackupError(self.at(key), str(exc)) from None

    def instant(self, key: str) -> dt.datetime | None:
        """A moment in UTC written 2026-11-24T07:00:00Z."""
        value = self.obj.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str) or not value.endswith("Z"):
                raise ValueError
            return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        except ValueError:
            shown = f", not {value[:40]!r}" if isinstance(value, str) else ""
            raise BackupError(
                self.at(key), f"must be a UTC time written like 2026-11-24T07:00:00Z{shown}"
            ) from None

    def clock(self, key: str) -> dt.time | None:
        value = self.obj.get(key)
        try:
            return None if value is None else parse_clock(value)
        except ValueError as exc:
            raise BackupError(self.at(key), str(exc)) from None


def choice_of(value: object, path: str, enum: type[E]) -> E:
    if isinstance(value, str):
        member = enum._value2member_map_.get(value)  # Enum's own table: no list per call
        if isinstance(member, enum):
            return member
    raise BackupError(path, f"must be one of {', '.join(enum.values())}")


def valid_name(value: object, path: str) -> str:
    if (problem := name_problem(value)) or not isinstance(value, str):
        raise BackupError(path, problem or "must be text")
    return _unicode(value, path)


def _unicode(value: str, path: str) -> str:
    # JSON may escape a lone surrogate ("\ud800"): Python keeps it, but no file or database
    # write would, so the import would fail halfway through.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BackupError(path, "must be valid Unicode text") from None
    return value
