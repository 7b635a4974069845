"""A custom exercise for a name the catalogue does not know, with a guessed region, muscles,
category, equipment and measure, marked needs_review: the calf, upper-body and core rules of
the planner depend on them, so the user is asked to check.

The guess tries, in turn: the catalogue exercise the name is like (the matcher's proposal:
'Leg Press Keller' is like 'Leg press'); keywords ('Rope Push Down' works the arms);
the category the other app gave it (FitNotes' 'Legs'). With nothing to go on, the exercise
counts as full-body, which the rules treat as lower body: better a needless warning than a
missing one. A name that says calf, heel raise or toe raise always works the calves."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..domain import Catalogue, Category, Exercise, Measure, Muscle, Region, normalise_name
from ..domain.exercise_names import is_calf_name

M = Muscle
CARDIO_WORDS = re.compile(
    r"\b(run|running|jog|jogging|treadmill|walk|walking|cycling|cycle|"
    r"bike|biking|rowing|rower|elliptical|swim|swimming|stair|stairs|"
    r"cardio|hike|hiking|ski|skiing|sprint|sprints|spin|spinning)\b"
)
NOT_CARDIO = re.compile(r"farmer|carry|lunge")  # 'Farmer's walk', 'Walking lunge'
RUNNING_WORDS = re.compile(r"\b(run|running|jog|jogging)\b")

# Checked in order: the first match wins, so the narrower words come first.
MUSCLE_RULES: list[tuple[re.Pattern, tuple[Muscle, ...]]] = [
    (re.compile(p), m)
    for p, m in [
        (r"\bcalf|\bcalve|heel raise|tibialis|\btib\b|toe raise", (M.CALVES,)),
        (r"leg curl|hamstring|nordic|glute ham", (M.HAMSTRINGS,)),
        (r"leg extension", (M.QUADS,)),
        (r"adduct", (M.ADDUCTORS,)),
        (r"abduct", (M.ABDUCTORS,)),
        (r"hip flexor|psoas", (M.HIP_FLEXORS,)),
        (r"back extension|hyperextension|superman|reverse hyper", (M.LOWER_BACK, M.GLUTES)),
        (r"deadlift|\brdl\b|good morning|romanian", (M.HAMSTRINGS, M.GLUTES, M.LOWER_BACK)),
        (r"hip thrust|glute|bridge|donkey kick", (M.GLUTES, M.HAMSTRINGS)),
        (
            r"squat|leg press|lunge|step ?up|split|pistol|\bhack\b|sissy|\bsled\b",
            (M.QUADS, M.GLUTES),
        ),
        (
            r"crunch|sit ?up|plank|leg raise|knee raise|twist|\babs?\b|ab wheel|roll ?out|"
            r"wood ?chop|oblique|hollow|dead bug|pallof|\bv up|toes to bar|flutter|"
            r"mountain climber|\bcore\b|side bend|rotation",
            (M.CORE,),
        ),
        (r"rear delt|reverse fly|reverse pec", (M.SHOULDERS, M.UPPER_BACK)),
        (r"bench|chest|\bfly|\bflye|\bpec\b|push ?up|\bdips?\b|crossover", (M.CHEST, M.ARMS)),
        (
            r"shoulder|overhead press|military|lateral raise|side raise|front raise|\bdelt|arnold|"
            r"upright row|face pull|\bohp\b|y raise",
            (M.SHOULDERS,),
        ),
        (
            r"\brows?\b|pull ?down|pull ?up|chin ?up|\blats?\b|pullover|shrug|\bback\b|\btraps?\b",
            (M.UPPER_BACK, M.ARMS),
        ),
        (
            r"curl|bicep|tricep|push ?down|skull|extension|kickback|forearm|wrist|\barms?\b",
            (M.ARMS,),
        ),
    ]
]

# Categories other apps file exercises under (FitNotes' defaults and common additions).
CATEGORY_HINTS: dict[str, tuple[Region, tuple[Muscle, ...]]] = {
    "legs": (Region.LOWER, ()),
    "calves": (Region.LOWER, (M.CALVES,)),
    "glutes": (Region.LOWER, (M.GLUTES,)),
    "chest": (Region.UPPER, (M.CHEST,)),
    "back": (Region.UPPER, (M.UPPER_BACK,)),
    "shoulders": (Region.UPPER, (M.SHOULDERS,)),
    "biceps": (Region.UPPER, (M.ARMS,)),
    "triceps": (Region.UPPER, (M.ARMS,)),
    "arms": (Region.UPPER, (M.ARMS,)),
    "forearm": (Region.UPPER, (M.ARMS,)),
    "forearms": (Region.UPPER, (M.ARMS,)),
    "abs": (Region.CORE, (M.CORE,)),
    "core": (Region.CORE, (M.CORE,)),
}
LOWER = {M.QUADS, M.HAMSTRINGS, M.GLUTES, M.HIP_FLEXORS, M.CALVES, M.ADDUCTORS, M.ABDUCTORS}
UPPER = {M.CHEST, M.UPPER_BACK, M.SHOULDERS, M.ARMS}
EQUIPMENT = [
    (re.compile(p), name)
    for p, name in [
        (r"trap bar|hex bar", "trap bar"),
        (r"smith", "machine"),
        (r"barbell|ez ?bar|t ?bar", "barbell"),
        (r"dumbbell", "dumbbell"),
        (r"kettlebell", "kettlebell"),
        (r"cable|rope", "cable"),
        (r"machine|plate loaded|lever|assisted", "machine"),
        (r"\bband", "band"),
        (r"bodyweight|body weight", "bodyweight"),
    ]
]


@dataclass(frozen=True)
class Guess:
    exercise: Exercise
    basis: str  # why, in a few words, for the import preview


def region_of(muscles: tuple[Muscle, ...]) -> Region | None:
    found = set(muscles)
    if found & LOWER and found & UPPER:
        return Region.FULL
    if found & LOWER:
        return Region.LOWER
    if found & UPPER:
        return Region.UPPER
    return Region.CORE if found else None


class Guesser:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def guess(self, name: str, category_hint: str = "", measure: Measure | None = None) -> Guess:
        guess = self._guess(name, category_hint, measure)
        if is_calf_name(name) and M.CALVES not in guess.exercise.muscles:
            # The calf rule counts exercises by their muscles: a calf name must have them.
            muscles = (M.CALVES, *guess.exercise.muscles)
            region = region_of(muscles) or Region.LOWER
            return Guess(replace(guess.exercise, muscles=muscles, region=region), guess.basis)
        return guess

    def _guess(self, name: str, category_hint: str, measure: Measure | None) -> Guess:
        lowered = name.lower()
        words = f" {normalise_name(name)} "
        equipment = next((e for pattern, e in EQUIPMENT if pattern.search(lowered)), "other")
        hint = category_hint.strip().lower()
        found = self.catalogue.match(name)
        like = found.target if found is not None else None
        if like is not None:
            return Guess(
                Exercise(
                    name,
                    like.region,
                    like.category,
                    like.muscles,
                    equipment if equipment != "other" else like.equipment,
                    measure or like.measure,
                    like.per_side,
                    custom=True,
                    needs_review=True,
                ),
                f"like {like.name}",
            )
        if hint == "cardio" or (CARDIO_WORDS.search(words) and not NOT_CARDIO.search(words)):
            legs = bool(RUNNING_WORDS.search(words))
            basis = "cardio, from its category" if hint == "cardio" else "cardio, from the name"
            return Guess(
                Exercise(
                    name,
                    Region.LOWER if legs else Region.FULL,
                    Category.CARDIO,
                    (),
                    equipment,
                    measure or Measure.DISTANCE,
                    custom=True,
                    needs_review=True,
                ),
                basis,
            )
        muscles = next((m for pattern, m in MUSCLE_RULES if pattern.search(words)), ())
        region: Region | None = region_of(muscles)
        basis = "from the name"
        if region is None and hint in CATEGORY_HINTS:
            region, muscles = CATEGORY_HINTS[hint]
            basis = f"from its category {category_hint.strip()}"
        category = (
            Category.CORE_HOLD
            if measure is Measure.SECONDS and M.CORE in muscles
            else Category.STRENGTH
        )
        if region is None:
            region, basis = Region.FULL, "nothing to go on"
        return Guess(
            Exercise(
                name,
                region,
                category,
                tuple(muscles),
                equipment,
                measure or Measure.REPS,
                custom=True,
                needs_review=True,
            ),
            basis,
        )


def describe(exercise: Exercise) -> str:
    """'upper body: chest, arms' for the preview's list of new exercises."""
    region = {
        Region.LOWER: "lower body",
        Region.UPPER: "upper body",
        Region.CORE: "core",
        Region.FULL: "full body",
    }[exercise.region]
    muscles = ", ".join(
        m.value.replace("_", " ") for m in exercise.muscles if m.value != region
    )  # not "core: core"
    kind = "cardio" if exercise.category is Category.CARDIO else region
    return f"{kind}: {muscles}" if muscles else kind


def is_running(exercise: Exercise) -> bool:
    """Running exercises become runs: the planner judges runs, not sets of 'Running'."""
    return (
        exercise.category is Category.CARDIO
        and RUNNING_WORDS.search(f" {normalise_name(exercise.name)} ") is not None
    )
