"""What an exercise counts as for the rules, from its catalogue entry.

Words as planning-rules.md defines them, and the judgement calls the page leaves open:

- A *lower-body* exercise has region lower or full (the page) and is strength, plyometric or
  core-hold work. Mobility and cardio entries (clam shells, a cycling warm-up, running logged
  as an exercise) have region lower or full in the catalogue but do not tire the legs before a
  hard run, so a mobility-only session is not a leg day.
- *Upper-body* and *core* exercises are those whose region is upper or core, again without
  mobility and cardio (a cat-cow stretch is not core work; battle ropes are conditioning).
- A *calf* exercise is any whose muscles include calves, as the page says.
- The 48-hour rest rule looks at the lower-body muscles that strength and plyometric work
  loads; a hold (a side plank's abductors) does not count.
- For injury prevention (000, 001, 002) the catalogue has no field, so these facts come from
  its category, muscles, side and name: a *single-leg* exercise is lower-body work done per
  side (lunges, split squats, step-ups, pistols, single-leg deadlifts, heel raises and hops),
  or named so ("single-leg", "one-leg", "pistol", "split squat", "lunge", "step-up"); a
  *plyometric* one has the category plyometric and jumps (quads or calves: jump squats,
  hops, box jumps, skaters; not a medicine-ball slam or a kettlebell swing); *hip* work
  trains the abductors or adductors as one of its first two muscles (lateral lunges, sumo
  squats, hip abduction and adduction, Copenhagen planks, clam shells with a band) or is
  named for it. A back squat lists adductors too, third: that is no hip work.
- An exercise missing from the catalogue is none of these: the rules cannot judge what they
  do not know, and the store asks the user to review guessed exercises."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.body_load import body_share
from ..domain.enums import Category, Muscle, Region
from ..domain.exercise import Exercise

LOWER_MUSCLES = frozenset(
    {
        Muscle.QUADS,
        Muscle.HAMSTRINGS,
        Muscle.GLUTES,
        Muscle.HIP_FLEXORS,
        Muscle.CALVES,
        Muscle.ADDUCTORS,
        Muscle.ABDUCTORS,
    }
)
WORK = frozenset({Category.STRENGTH, Category.PLYOMETRIC, Category.CORE_HOLD})
LOADING = frozenset({Category.STRENGTH, Category.PLYOMETRIC})
HIP_MUSCLES = frozenset({Muscle.ABDUCTORS, Muscle.ADDUCTORS})
JUMPING_MUSCLES = frozenset({Muscle.QUADS, Muscle.CALVES})  # a jump, not a slam or a swing
SINGLE_LEG_NAMES = re.compile(
    r"single[- ]leg|one[- ]leg|pistol|split squat|lunge|step[- ]up|skater", re.IGNORECASE
)
HIP_NAMES = re.compile(r"abduct|adduct|copenhagen|clam|lateral lunge|sumo", re.IGNORECASE)


@dataclass(frozen=True)
class ExerciseFacts:
    name: str  # the catalogue's name, or the name as written when unknown
    known: bool
    loaded: bool  # category strength: its sets with a load are "loaded sets"
    lower: bool
    upper: bool
    core: bool
    calf: bool
    leg_muscles: frozenset[Muscle]  # lower-body muscles it loads (strength and plyometric work)
    single_leg: bool = False
    plyometric: bool = False
    hip: bool = False  # hip abductors or adductors (002: injury prevention)
    body_share: float = 0.0  # of the body weight a rep moves (domain/body_load.py)


def facts_for(exercise: Exercise | None, name: str) -> ExerciseFacts:
    if exercise is None:
        return ExerciseFacts(name, False, False, False, False, False, False, frozenset())
    work = exercise.category in WORK
    lower = work and exercise.region in (Region.LOWER, Region.FULL)
    legs = LOWER_MUSCLES.intersection(exercise.muscles) if exercise.category in LOADING else ()
    trains = exercise.category is not Category.CARDIO
    return ExerciseFacts(
        exercise.name,
        True,
        exercise.category is Category.STRENGTH,
        lower,
        work and exercise.region is Region.UPPER,
        work and exercise.region is Region.CORE,
        Muscle.CALVES in exercise.muscles,
        frozenset(legs),
        single_leg=lower
        and (
            (exercise.per_side and exercise.region is Region.LOWER)
            or bool(SINGLE_LEG_NAMES.search(exercise.name))
        ),
        plyometric=exercise.category is Category.PLYOMETRIC
        and bool(JUMPING_MUSCLES.intersection(exercise.muscles)),
        hip=trains
        and (
            bool(HIP_MUSCLES.intersection(exercise.muscles[:2]))
            or bool(HIP_NAMES.search(exercise.name))
        ),
        body_share=body_share(exercise),
    )
