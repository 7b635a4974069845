"""The plate calculator: which plates go on each side of the bar for a load.

Plates are loaded in pairs, one on each side, from the plates the runner owns (a count of
each size). The answer is the heaviest load the owned plates make that is not above the one
asked for, with the fewest plates among equals; a load below the bar is the bar alone."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .enums import WeightUnit

# A commercial gym's plates (plenty of each) and bars, in each unit.
DEFAULT_PLATES = {
    WeightUnit.KG: "25 x10, 20 x10, 15 x10, 10 x10, 5 x10, 2.5 x10, 1.25 x10",
    WeightUnit.LB: "45 x10, 35 x10, 25 x10, 10 x10, 5 x10, 2.5 x10",
}
DEFAULT_BAR = {WeightUnit.KG: 20.0, WeightUnit.LB: 45.0}
_SCALE = 1000  # plates to the gram (or thousandth of a pound): integer sums, no float drift
_ITEM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:[x×*]\s*(\d+))?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PlateLoad:
    target: float
    bar: float
    per_side: tuple[float, ...]  # heaviest first

    @property
    def total(self) -> float:
        return round(self.bar + 2 * sum(self.per_side), 6)

    @property
    def short_by(self) -> float:
        """How far below the target the owned plates fall (0 when they make it)."""
        return round(max(0.0, self.target - self.total), 6)


def plates_for(target: float, bar: float, owned: Mapping[float, int]) -> PlateLoad:
    """The plates per side for `target` on a bar of `bar`, from `owned` (size: plates
    owned; a pair is needed for each plate on a side)."""
    side = max(0.0, (target - bar) / 2)
    limit = round(side * _SCALE)
    # Reachable per-side sums -> the fewest plates that make them (a bounded knapsack over
    # the distinct sums, which are few: the plates' step divides them).
    best: dict[int, tuple[int, ...]] = {0: ()}
    for size in sorted((s for s in owned if s > 0), reverse=True):
        grams = round(size * _SCALE)
        for _ in range(owned[size] // 2):
            for total, plates in list(best.items()):
                reached, more = total + grams, (*plates, grams)
                if reached <= limit and (reached not in best or _fewer(more, best[reached])):
                    best[reached] = more
    top = max(best)
    per_side = tuple(sorted((g / _SCALE for g in best[top]), reverse=True))
    return PlateLoad(target, bar, per_side)


def _fewer(new: tuple[int, ...], old: tuple[int, ...]) -> bool:
    """Fewer plates; among as many, the heavier ones (25 + 15 rather than 20 + 20)."""
    if len(new) != len(old):
        return len(new) < len(old)
    return sorted(new, reverse=True) > sorted(old, reverse=True)


def parse_plates(text: str) -> dict[float, int]:
    """'25 x4, 20 x2, 1.25' -> {25: 4, 20: 2, 1.25: 2}: sizes with the number of plates
    owned (a size alone is one pair). ValueError naming the item that cannot be read."""
    owned: dict[float, int] = {}
    for item in filter(str.strip, re.split(r"[;,\n]", text)):
        found = _ITEM.match(item)
        if not found:
            raise ValueError(f"Plates: {item.strip()[:30]!r} is not a size like 20 or 20 x4")
        size = float(found.group(1))
        count = int(found.group(2)) if found.group(2) else 2
        if not 0 < size <= 100 or not 0 < count <= 100:
            raise ValueError(f"Plates: {item.strip()[:30]!r} is out of range")
        owned[size] = owned.get(size, 0) + count
    return owned


def format_plates(owned: Mapping[float, int]) -> str:
    return ", ".join(f"{_number(s)} x{owned[s]}" for s in sorted(owned, reverse=True))


def _number(value: float) -> str:
    return f"{value:g}"


def describe(load: PlateLoad, unit: WeightUnit) -> str:
    """'100 kg: bar 20 + 25, 10, 5 a side' (and what is missing when the plates fall short)."""
    u = unit.value
    if not load.per_side:
        text = f"{_number(load.target)} {u}: the bar alone ({_number(load.bar)} {u})"
    else:
        plates = ", ".join(_number(p) for p in load.per_side)
        text = f"{_number(load.target)} {u}: bar {_number(load.bar)} + {plates} a side"
    if load.short_by and load.target > load.bar:
        text += (
            f" (makes {_number(load.total)} {u}: your plates fall {_number(load.short_by)} short)"
        )
    return text
