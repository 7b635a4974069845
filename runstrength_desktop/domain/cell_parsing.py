"""Turning what a runner types into a cell into a value, or a message naming the field.

Lenient where it helps ("62,5" is 62.5, "60kg" is 60) and strict where it protects the
logbook (no 1e309, nan, negative loads or 8.5 reps)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TypeVar

from .enums import SetType, Side, WeightUnit
from .units import to_kg
from .validation import reps_problem, rpe_problem, seconds_problem, weight_problem

N = TypeVar("N", int | None, float | None)
C = TypeVar("C")

_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_UNIT_SUFFIX = re.compile(r"\s*(kg|kgs|lb|lbs|s|sec|secs)\s*$", re.IGNORECASE)
_SETS_TIMES = re.compile(r"\s*(?:\d+\s*)?[x×]\s*(.*)", re.IGNORECASE | re.DOTALL)
MAX_CELL_TEXT = 200


class CellError(ValueError):
    """A cell's text that cannot be taken; str() is the message for the user."""


@dataclass(frozen=True)
class Target:
    reps: int | None
    weight_kg: float | None


def parse_number(text: str, field: str) -> float | None:
    """None for an empty cell; a finite float; CellError naming the field otherwise."""
    cleaned = _UNIT_SUFFIX.sub("", text.strip())
    if not cleaned:
        return None
    if len(cleaned) > 20 or not _NUMBER.fullmatch(cleaned):
        raise CellError(f"{field}: {text[:30]!r} is not a number")
    value = float(cleaned.replace(",", "."))
    if not math.isfinite(value):
        raise CellError(f"{field}: {text[:30]!r} is not a number")
    return value


def _checked(value: N, problem: str | None, field: str) -> N:
    if problem:
        raise CellError(f"{field}: {problem}")
    return value


def parse_reps(text: str, field: str = "Reps") -> int | None:
    value = parse_number(text, field)
    if value is not None and value != int(value):
        raise CellError(f"{field}: must be a whole number from 0 to 1000")
    reps = None if value is None else int(value)
    return _checked(reps, reps_problem(reps), field)


def parse_load(text: str, unit: WeightUnit, field: str = "Load") -> float | None:
    """A load typed in the user's unit, returned in kg."""
    value = parse_number(text, field)
    if value is None:
        return None
    if value < 0:
        raise CellError(f"{field}: must not be negative")
    kg = round(to_kg(value, unit), 4)
    problem = weight_problem(kg)
    if problem:
        limit = "1000 kg" if unit is WeightUnit.KG else "2204 lb"
        raise CellError(f"{field}: must be a number from 0 to {limit}")
    return kg


def parse_seconds(text: str, field: str = "Seconds") -> float | None:
    text = text.strip()
    if ":" in text:  # "1:30" is a minute and a half
        minutes, _, seconds = text.partition(":")
        parts = [parse_number(minutes, field) or 0, parse_number(seconds, field) or 0]
        if min(parts) < 0:  # "1:-30" is a typo, not 30 seconds
            raise CellError(f"{field}: must not be negative")
        total = parts[0] * 60 + parts[1]
        return _checked(total, seconds_problem(total), field)
    value = parse_number(text, field)
    return _checked(value, seconds_problem(value), field)


def parse_rpe(text: str, field: str = "RPE") -> float | None:
    value = parse_number(text, field)
    return _checked(value, rpe_problem(value, half_steps=True), field)


def _parse_choice(text: str, choices: dict[str, C], default: C, field: str) -> C:

    key = text.strip().lower()
    if not key:
        return default
    matches = [value for name, value in choices.items() if name.startswith(key)]
    if len(set(matches)) == 1:
        return matches[0]
    names = ", ".join(sorted({str(v) for v in choices.values()}))
    raise CellError(f"{field}: must be one of {names}")


def parse_set_type(text: str) -> SetType:
    choices = {t.value: t for t in SetType} | {"dropset": SetType.DROP, "normal": SetType.WORKING}
    return _parse_choice(text, choices, SetType.WORKING, "Set type")


def parse_side(text: str) -> Side:
    return _parse_choice(text, {s.value: s for s in Side}, Side.BOTH, "Side")


def parse_target(text: str, unit: WeightUnit) -> Target:
    """'8', '8 @ 60' or '@ 60' (reps at load in the user's unit)."""
    reps_text, _, load_text = text.partition("@")
    if sets_times := _SETS_TIMES.fullmatch(reps_text):
        reps_text = sets_times.group(1)  # "3 x 8": the set count is the row's business
    return Target(parse_reps(reps_text, "Target reps"), parse_load(load_text, unit, "Target load"))


def clip(text: str) -> str:
    """Pasted text longer than any sensible cell is cut, so a stray paste cannot bloat a row."""
    return text[:MAX_CELL_TEXT]
