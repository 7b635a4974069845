"""Loads a gym can put on the bar: rounded to the smallest plate step of the user's unit
(2.5 kg or 5 lb), returned in kilograms as the store keeps them."""

from __future__ import annotations

import math

from ..domain.enums import WeightUnit
from ..domain.units import PLATE_STEP, kg_to, to_kg

_EPSILON = 1e-6  # 100 lb is 45.359237 kg; back in pounds it must still be 100, not 99.99999


def round_load(
    value_kg: float,
    unit: WeightUnit,
    *,
    up: bool = False,
    above: float | None = None,
    below: float | None = None,
) -> float:
    """`value_kg` to the nearest plate step (or the next one up with `up`), at least one step,
    and strictly above `above` / below `below` (kg) when given, as far as a step allows."""
    step = PLATE_STEP[unit]
    shown = kg_to(value_kg, unit) / step
    steps = math.ceil(shown - _EPSILON) if up else math.floor(shown + 0.5 + _EPSILON)
    if above is not None:
        steps = max(steps, math.floor(kg_to(above, unit) / step + _EPSILON) + 1)
    if below is not None:
        steps = min(steps, math.ceil(kg_to(below, unit) / step - _EPSILON) - 1)
    return to_kg(max(1, steps) * step, unit)


def same_load(a_kg: float | None, b_kg: float | None) -> bool:
    return abs((a_kg or 0.0) - (b_kg or 0.0)) < 1e-3
