"""Units at the edges: the store holds kg and km; the user sees kg or lb, km or mi."""

from __future__ import annotations

from .enums import DistanceUnit, WeightUnit

KG_PER_LB = 0.45359237
KM_PER_MI = 1.609344
# The smallest plate step a gym offers in each unit (two 1.25 kg or two 2.5 lb plates).
PLATE_STEP = {WeightUnit.KG: 2.5, WeightUnit.LB: 5.0}


def kg_to(value_kg: float, unit: WeightUnit) -> float:
    return value_kg if unit is WeightUnit.KG else value_kg / KG_PER_LB


def to_kg(value: float, unit: WeightUnit) -> float:
    return value if unit is WeightUnit.KG else value * KG_PER_LB


def km_to(value_km: float, unit: DistanceUnit) -> float:
    return value_km if unit is DistanceUnit.KM else value_km / KM_PER_MI


def to_km(value: float, unit: DistanceUnit) -> float:
    return value if unit is DistanceUnit.KM else value * KM_PER_MI


# The grid a load is shown on: what a runner types in lb (to the tenth) comes back as typed,
# and a load stored in kg from another unit reads 275.6 lb or 61.25 kg, never 275.58.
DISPLAY_STEP = {WeightUnit.KG: 0.05, WeightUnit.LB: 0.1}


def shown_weight(value_kg: float, unit: WeightUnit) -> float:
    """A stored load in the runner's unit, on that unit's display grid."""
    return round_to_step(kg_to(value_kg, unit), DISPLAY_STEP[unit])


def round_to_step(value: float, step: float) -> float:
    return round(round(value / step) * step, 6)


def format_number(value: float, decimals: int = 1) -> str:
    """'60' rather than '60.0', '62.5' as it is."""
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_weight(value_kg: float | None, unit: WeightUnit) -> str:
    if value_kg is None:
        return ""
    return f"{format_number(kg_to(value_kg, unit))} {unit.value}"


def format_distance(value_km: float | None, unit: DistanceUnit) -> str:
    if value_km is None:
        return ""
    return f"{format_number(km_to(value_km, unit))} {unit.value}"


def distance_unit_for(unit: WeightUnit) -> DistanceUnit:
    """One preference switches both: metric (kg, km) or imperial (lb, mi)."""
    return DistanceUnit.KM if unit is WeightUnit.KG else DistanceUnit.MI


def format_pace(seconds_per_km: float | None, unit: DistanceUnit = DistanceUnit.KM) -> str:
    """5:12/km (or per mile); "" when unknown."""
    if not seconds_per_km or seconds_per_km <= 0:
        return ""
    per_unit = seconds_per_km * (KM_PER_MI if unit is DistanceUnit.MI else 1.0)
    minutes, seconds = divmod(round(per_unit), 60)
    return f"{minutes}:{seconds:02d}/{unit.value}"
