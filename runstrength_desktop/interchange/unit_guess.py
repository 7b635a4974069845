"""Kilograms or pounds, for an export that does not say (Strong writes its loads in the unit
the app was set to): told from the loads themselves.

Pound plates, bars and dumbbells come in steps of 5 lb (a 45 lb bar, pairs of 2.5 to 45 lb
plates, dumbbells 5, 10, 15 ...), so nearly every load of a pounds history is a multiple of 5
(kettlebells aside: 18, 26, 35 lb are 8, 12, 16 kg bells), and 45, 135 and 225 (a bar with one
or two pairs of 45 lb plates) are common. A kilogram history has loads between those steps:
2.5 kg plate steps (22.5, 27.5) and 2 kg dumbbell steps (12, 14, 16). In the real exports
this project was tried on, those loads are 23-46 % of a kilogram history and 0.2 % of a
pounds one. Sure when the loads leave no doubt; unsure otherwise, and then the user (or
--unit) decides."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..domain import WeightUnit
from ..domain.units import format_number

MIN_LOADS = 20  # fewer loads than this say too little
SURE_KILOGRAMS = 0.10  # share of loads between 5 lb steps from which a history is in kg
SURE_POUNDS = 0.03  # share up to which it is in pounds (with the marks of a 45 lb bar)
POUND_KETTLEBELLS = frozenset({9.0, 13.0, 18.0, 26.0, 44.0, 53.0, 62.0, 79.0, 88.0, 97.0})
POUND_MARKS = (45.0, 135.0, 225.0, 315.0, 405.0)  # a 45 lb bar, with pairs of 45 lb plates
KILOGRAM_MARKS = (20.0, 60.0, 100.0, 140.0, 180.0)  # a 20 kg bar, with pairs of 20 kg plates
SAMPLES = 4


@dataclass(frozen=True)
class Sample:
    exercise: str
    reps: int | None
    value: float  # the load as the file writes it


@dataclass(frozen=True)
class UnitGuess:
    unit: WeightUnit
    sure: bool
    reason: str
    loads: int
    samples: tuple[Sample, ...] = ()


def _on_step(value: float, step: float) -> bool:
    return abs(value / step - round(value / step)) < 1e-6


def guess_unit(loads: list[Sample]) -> UnitGuess:
    """The unit of loads as the file writes them."""
    loaded = [s for s in loads if s.value and s.value > 0]
    values = [s.value for s in loaded]
    samples = _samples(loaded)
    count = len(values)
    if count < MIN_LOADS:
        return UnitGuess(
            WeightUnit.KG, False, f"only {count} loads to go on: too few to tell", count, samples
        )
    on_five = sum(1 for v in values if _on_step(v, 5.0)) / count
    between = Counter(v for v in values if not _on_step(v, 5.0) and v not in POUND_KETTLEBELLS)
    off_steps = sum(between.values()) / count
    pounds = sum(1 for v in values if v in POUND_MARKS) / count
    kilos = sum(1 for v in values if v in KILOGRAM_MARKS) / count
    if off_steps >= SURE_KILOGRAMS:
        examples = ", ".join(format_number(v, 2) for v, _ in between.most_common(3))
        reason = (
            f"{off_steps:.0%} of loads ({examples}, …) fall between the 5 lb steps of pound "
            "plates and dumbbells"
        )
        return UnitGuess(WeightUnit.KG, True, reason, count, samples)
    if off_steps <= SURE_POUNDS and pounds >= kilos:
        reason = (
            f"{on_five:.0%} of loads are multiples of 5 lb, the steps of pound plates and "
            f"dumbbells, and 45, 135 or 225 lb (a bar with 45 lb plates) are {pounds:.0%}"
        )
        return UnitGuess(WeightUnit.LB, True, reason, count, samples)
    unit = WeightUnit.LB if off_steps <= SURE_POUNDS else WeightUnit.KG
    reason = (
        f"{on_five:.0%} of loads are multiples of 5, which kilograms and pounds both make; "
        f"{pounds:.0%} look like a 45 lb bar and its plates, {kilos:.0%} like a 20 kg one"
    )
    return UnitGuess(unit, False, reason, count, samples)


def _samples(loaded: list[Sample]) -> tuple[Sample, ...]:
    """The heaviest set of each of the most logged loaded exercises."""
    by_exercise: dict[str, list[Sample]] = {}
    for load in loaded:
        by_exercise.setdefault(load.exercise, []).append(load)
    common = sorted(by_exercise, key=lambda name: (-len(by_exercise[name]), name))[:SAMPLES]
    return tuple(max(by_exercise[name], key=lambda s: (s.value, s.reps or 0)) for name in common)
