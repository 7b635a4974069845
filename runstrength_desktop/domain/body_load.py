"""What a bodyweight exercise lifts: a share of the body weight, plus any load added (a
weighted pull-up's belt, a dumbbell held in push-ups). With it, a pull-up of +10 kg has the
e1RM of the 85 kg it moves, not of its 10 kg, and push-ups add to the week's volume, for the
planner and the Progress charts alike. Without a body weight logged on or before the day,
nothing changes: such a set counts its added load only, as it always did.

An exercise moves its body when its equipment is the body itself (bodyweight, a pull-up bar,
parallel bars, a box): an assisted, band or machine variant, or the dumbbell and barbell
variants of a lunge, are judged by the load logged, as lifters log them. The shares are
well-known approximations; for the lower body they come from the segment masses of Winter,
Biomechanics and Motor Control of Human Movement (each shank 4.65 %, each foot 1.45 % of
the body): the legs below the knee stay put, the rest rises."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from .exercise import Exercise

# The equipment words of exercises whose load is the body itself.
BODY_EQUIPMENT = frozenset({"bodyweight", "pull-up bar", "parallel bars", "box"})
_ABOVE_THE_SHINS = 1 - 2 * (0.0465 + 0.0145)  # 0.88: the body less both shanks and feet
_ABOVE_ONE_SHIN = 1 - (0.0465 + 0.0145)  # 0.94: on one leg, the other leg rises too

# By the catalogue family's name: the share of the body weight each rep moves.
BODY_SHARES = {
    # Hanging from the bar or the bars, the whole body rises.
    "Pull-up": 1.0,
    "Chin-up": 1.0,
    "Dip": 1.0,
    # Ebben et al. 2011, J Strength Cond Res 25(10), "Kinetic analysis of several variations
    # of push-ups": about 64 % of body mass on the hands in the up position.
    "Push-up": 0.64,
    # Feet on the floor, body at about 45 degrees under the bar: roughly half.
    "Inverted row": 0.5,
    "Air squat": _ABOVE_THE_SHINS,
    "Forward lunge": _ABOVE_THE_SHINS,
    "Reverse lunge": _ABOVE_THE_SHINS,
    "Walking lunge": _ABOVE_THE_SHINS,
    "Lateral lunge": _ABOVE_THE_SHINS,
    "Curtsy lunge": _ABOVE_THE_SHINS,
    "Split squat": _ABOVE_THE_SHINS,
    "Bulgarian split squat": _ABOVE_ONE_SHIN,
    "Pistol squat": _ABOVE_ONE_SHIN,
    "Step-up": 1.0,  # the body climbs the box
    "Single-leg heel raise": 1.0,  # the whole body on one calf
}


def body_share(exercise: Exercise | None) -> float:
    """The share of the body weight a rep of `exercise` moves; 0 when its load is only what
    is logged (a barbell, a machine, an assisted variant, an exercise not in the table)."""
    if exercise is None or exercise.equipment not in BODY_EQUIPMENT:
        return 0.0
    return BODY_SHARES.get(exercise.family_name, 0.0)


class BodyWeightLog:
    """The body weights logged, by day: the weight of a day is the latest logged on or before
    it (None before the first). A logbook has a few hundred at most."""

    def __init__(self, entries: Iterable[tuple[dt.date, float]] = ()) -> None:
        pairs = sorted(entries)
        self.days = [day for day, _ in pairs]
        self.kg = [kg for _, kg in pairs]

    def __bool__(self) -> bool:
        return bool(self.days)

    def on(self, day: dt.date) -> float | None:
        index = bisect.bisect_right(self.days, day) - 1
        return self.kg[index] if index >= 0 else None


def moved_kg(weight_kg: float | None, share: float, body_kg: float | None) -> float | None:
    """The load a set moves: `share` of the body weight plus the load added; the logged load
    alone (None when none) without a share or a body weight."""
    if not share or body_kg is None:
        return weight_kg
    return share * body_kg + max(weight_kg or 0.0, 0.0)
