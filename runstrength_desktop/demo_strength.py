"""The strength half of the demo logbook: which exercises a session holds, and loads that
progress over the years the way a runner who lifts twice a week would progress.

Pure Python (stdlib + domain). demo.py decides *when* a session happens; this module decides
what is in it. Names are the canonical names of the shipped exercise catalogue."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from .domain.enums import SetType, Side
from .domain.session import SetEntry

LOWER = (
    "Back squat",
    "Goblet squat",
    "Romanian deadlift",
    "Single-leg deadlift",
    "Bulgarian split squat",
    "Walking lunge",
    "Reverse lunge",
    "Step-up",
    "Hip thrust",
    "Glute bridge",
    "Deadlift",
    "Leg press",
)
CALVES = ("Standing calf raise", "Seated calf raise", "Single-leg heel raise", "Single-leg hop")
CORE = (
    "Plank",
    "Side plank",
    "Dead bug",
    "Bird dog",
    "Russian twist",
    "Pallof press",
    "Copenhagen plank",
)
UPPER = (
    "Push-up",
    "Dumbbell bench press",
    "Inverted row",
    "Dumbbell row",
    "Pull-up",
    "Overhead press",
    "Hammer curl",
)
PLYO = ("Box jump", "Kettlebell swing")
ALL_EXERCISES = LOWER + CALVES + CORE + UPPER + PLYO

# Session modes. "normal" progresses; the others leave the loads where they are.
NORMAL, DELOAD, LIGHT, TAPER, LONG = "normal", "deload", "light", "taper", "long"

TITLES = {"lower": "Lower body + core", "upper": "Upper body + core", "full": "Full body"}


@dataclass(frozen=True)
class Spec:
    """How an exercise is dosed. start/top are kg for loaded lifts (top is where years of
    training plateau), seconds for timed holds, None for bodyweight exercises (which progress
    in reps from `reps[0]` towards `reps[1]`)."""

    start: float | None = None
    top: float | None = None
    step: float = 2.5
    reps: tuple[int, int] = (8, 10)
    per_side: bool = False
    timed: bool = False
    zero: bool = False  # bodyweight logged as 0 kg, as some apps export it


SPECS: dict[str, Spec] = {
    "Back squat": Spec(40, 100),
    "Deadlift": Spec(50, 130),
    "Romanian deadlift": Spec(35, 95),
    "Goblet squat": Spec(12, 32, 2),
    "Leg press": Spec(60, 170, 5),
    "Hip thrust": Spec(40, 120),
    "Single-leg deadlift": Spec(8, 24, 2, per_side=True),
    "Bulgarian split squat": Spec(8, 26, 2, per_side=True),
    "Walking lunge": Spec(8, 24, 2, per_side=True),
    "Reverse lunge": Spec(8, 24, 2, per_side=True),
    "Step-up": Spec(8, 24, 2, per_side=True),
    "Glute bridge": Spec(reps=(10, 15)),
    "Standing calf raise": Spec(20, 80),
    "Seated calf raise": Spec(20, 60),
    "Single-leg heel raise": Spec(reps=(10, 15), per_side=True),
    "Single-leg hop": Spec(reps=(10, 20), per_side=True, zero=True),
    "Plank": Spec(30, 90, 5, timed=True),
    "Side plank": Spec(20, 60, 5, per_side=True, timed=True),
    "Copenhagen plank": Spec(15, 45, 5, per_side=True, timed=True),
    "Dead bug": Spec(reps=(10, 16)),
    "Bird dog": Spec(reps=(8, 12), per_side=True),
    "Russian twist": Spec(reps=(16, 30)),
    "Pallof press": Spec(10, 25, per_side=True),
    "Push-up": Spec(reps=(8, 20)),
    "Dumbbell bench press": Spec(10, 30, 2),
    "Inverted row": Spec(reps=(6, 12)),
    "Dumbbell row": Spec(12, 36, 2, per_side=True),
    "Pull-up": Spec(reps=(2, 10)),
    "Overhead press": Spec(20, 50),
    "Hammer curl": Spec(8, 18, 2),
    "Box jump": Spec(reps=(5, 8), zero=True),
    "Kettlebell swing": Spec(16, 32, 4),
}
MAIN_LIFTS = ("Back squat", "Deadlift", "Goblet squat", "Leg press")  # get a warm-up set
MAX_WORKING = 18  # planning-rules.md: more than 18 working sets is too much volume


def _round(value: float, step: float) -> float:
    return float(round(max(step, round(value / step) * step), 2))


class StrengthCoach:
    """Builds strength sessions and remembers each lift's working weight and rep target.

    Double progression (000, 003): a lift moves from 8 to 10 reps, then adds one plate step
    and drops back to 8. A ceiling that rises with years of training makes the plateaus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.state = {
            name: [float(spec.start), spec.reps[0]]
            for name, spec in SPECS.items()
            if spec.start is not None and not spec.timed
        }
        self.fitness = 0.0  # 0 = beginner, towards 1 after about ten years

    def set_years(self, years: float) -> None:
        self.fitness = 1 - math.exp(-years / 2.5)

    def detrain(self) -> None:
        """After weeks off, strength drops about 10 %."""
        for name, state in self.state.items():
            spec = SPECS[name]
            state[0] = max(float(spec.start or 0.0), _round(state[0] * 0.9, spec.step))
            state[1] = spec.reps[0]

    # ---- choosing exercises ----------------------------------------------------------
    def _pick(self, kind: str, no_calf: bool, mode: str) -> list[str]:
        pick = self.rng.choice
        chance = self.rng.random
        calf = (
            "Glute bridge"
            if no_calf
            else pick(("Standing calf raise", "Seated calf raise", "Single-leg heel raise"))
        )
        if kind == "lower":
            names = [
                "Back squat",
                pick(("Romanian deadlift", "Hip thrust", "Single-leg deadlift")),
                pick(("Bulgarian split squat", "Reverse lunge", "Step-up", "Walking lunge")),
                calf,
                pick(("Plank", "Side plank", "Copenhagen plank", "Dead bug", "Pallof press")),
            ]
            if not no_calf and chance() < 0.25:
                names.append("Single-leg hop")
            if mode == LONG:  # the 75-minute session: everything at once
                names += ["Leg press", "Glute bridge"]
        elif kind == "upper":
            names = [
                pick(("Push-up", "Dumbbell bench press")),
                pick(("Inverted row", "Dumbbell row", "Pull-up")),
            ]
            names += self.rng.sample(("Overhead press", "Hammer curl"), 1 + (chance() < 0.4))
            names += self.rng.sample(
                ("Plank", "Russian twist", "Bird dog", "Dead bug", "Side plank"),
                1 + (chance() < 0.5),
            )
        else:
            names = [
                pick(("Deadlift", "Goblet squat", "Leg press")),
                pick(("Dumbbell row", "Push-up", "Dumbbell bench press", "Inverted row")),
                pick(PLYO),
                pick(("Plank", "Side plank", "Dead bug")),
            ]
            if not no_calf:
                names.insert(2, pick(CALVES))
        return list(dict.fromkeys(names))

    # ---- dosing ----------------------------------------------------------------------
    def _bodyweight_reps(self, spec: Spec) -> int:
        low, high = spec.reps
        return max(1, round(low + (high - low) * self.fitness) + self.rng.randint(-1, 1))

    def _sets_for(
        self, name: str, mode: str, main: bool, planned: bool
    ) -> tuple[list[SetEntry], list[list[SetEntry]]]:
        """Warm-up sets, and the working sets as rounds (a per-side set is two entries)."""
        spec, rng = SPECS[name], self.rng
        count = 3 if main else rng.choice((2, 3))
        if mode in (DELOAD, TAPER) or spec.per_side:
            count = 2
        sides = (Side.LEFT, Side.RIGHT) if spec.per_side else (Side.BOTH,)
        weight: float | None = None
        reps: int | None = None
        seconds: float | None = None
        targeted = planned or main or rng.random() < 0.3
        if spec.timed:
            seconds = _round(self._ceiling(spec) + rng.choice((-5, 0, 5)), 5)
            targeted = False
        elif spec.start is None:
            reps = self._bodyweight_reps(spec)
            weight = 0.0 if spec.zero else None
            targeted = False
        else:
            state = self.state[name]
            # A lift left alone for months still profits from the others: it restarts near
            # what the lifter could do now rather than at the beginner's weight.
            state[0] = max(state[0], _round(0.7 * self._ceiling(spec), spec.step))
            weight, reps = state[0], int(state[1])
        if mode == DELOAD:  # 000: a deload week at about 60 % with half the reps
            weight = weight and _round(weight * 0.6, spec.step)
            reps = reps and max(3, reps // 2)
        elif mode == LIGHT and weight:  # the mistake 003 warns about: light and 15 reps
            weight, reps, targeted = _round(weight * 0.45, spec.step), 15, False
        warmups = []
        if main and (planned or rng.random() < 0.7) and weight:
            warmups.append(
                SetEntry(
                    name,
                    SetType.WARMUP,
                    reps=8 if weight < 60 else 5,
                    weight_kg=_round(weight * 0.5, spec.step),
                )
            )
        rounds = []  # one list per set: both sides of a per-side set belong together
        for number in range(count):
            done = reps
            rpe = None
            last = number == count - 1
            if not planned and last and rng.random() < 0.35:
                rpe = rng.choice((7.0, 7.5, 8.0, 8.5, 9.0))
            # 004: missed reps are how you notice a weight is too heavy.
            if not planned and main and last and mode == NORMAL and rng.random() < 0.06 and reps:
                done, rpe = reps - 3, 10.0
            rounds.append(
                [
                    SetEntry(
                        name,
                        reps=done,
                        weight_kg=weight,
                        seconds=seconds,
                        side=side,
                        rpe=rpe,
                        target_reps=reps if targeted else None,
                        target_weight_kg=weight if targeted and weight else None,
                    )
                    for side in sides
                ]
            )
        return warmups, rounds

    def _ceiling(self, spec: Spec) -> float:
        start, top = spec.start or 0.0, spec.top or 0.0  # set for every loaded or timed lift
        return start + (top - start) * self.fitness

    def _progress(self, sets: list[SetEntry]) -> None:
        for name in dict.fromkeys(s.exercise for s in sets):
            if name not in self.state:
                continue
            spec, state = SPECS[name], self.state[name]
            work = [s for s in sets if s.exercise == name and s.is_working]
            if any((s.reps or 0) < state[1] for s in work) or self.rng.random() < 0.3:
                continue  # missed reps or a flat day: same target next time
            if state[1] < spec.reps[1]:
                state[1] += 1
            elif state[0] + spec.step <= self._ceiling(spec):
                state[0], state[1] = round(state[0] + spec.step, 2), spec.reps[0]

    def session(
        self, kind: str, mode: str = NORMAL, no_calf: bool = False, planned: bool = False
    ) -> tuple[str, list[SetEntry], float, float | None, str]:
        """(title, sets, duration in minutes, session RPE, notes) of one session. Done
        sessions in normal mode move the loads on; planned ones only carry targets."""
        rng = self.rng
        names = self._pick(kind, no_calf, mode)
        plan = [
            self._sets_for(name, mode, index == 0 and name in MAIN_LIFTS, planned)
            for index, name in enumerate(names)
        ]
        # Keep within the volume 003 recommends: take a set off the exercise with the most
        # sets, the later one on a tie (the main lift keeps its three).
        while mode != LONG and sum(len(r) for _, rounds in plan for r in rounds) > MAX_WORKING:
            longest = max(range(len(plan)), key=lambda i: (len(plan[i][1]), i))
            plan[longest][1].pop()
        sets = [
            entry for warmups, rounds in plan for entry in warmups + [e for r in rounds for e in r]
        ]
        working = sum(s.is_working for s in sets)
        minutes = (
            75.0
            if mode == LONG
            else float(min(60, max(30, round(8 + 2.2 * working + rng.uniform(-4, 4)))))
        )
        missed = any(
            s.target_reps and s.reps is not None and s.reps <= s.target_reps - 3 for s in sets
        )
        rpe = (
            None
            if planned
            else float(
                {DELOAD: 5, LIGHT: 5, TAPER: rng.choice((5, 6)), LONG: 8}.get(
                    mode, rng.choice((6, 6, 7, 7, 8))
                )
            )
        )
        notes = ""
        if not planned:
            notes = self._note(mode, missed, names[0])
            if mode in (NORMAL, LONG):
                squat = self.state["Back squat"][0]
                self._progress(sets)
                if self.state["Back squat"][0] > squat and rng.random() < 0.5:
                    notes = notes or f"New squat weight: {self.state['Back squat'][0]:g} kg"
            if missed:
                rpe = min(8.0, (rpe or 7) + 1)
        return TITLES[kind], sets, minutes, rpe, notes

    def _note(self, mode: str, missed: bool, first: str) -> str:
        if mode == DELOAD:
            return "Deload week: about 60 % and half the reps."
        if mode == LIGHT:
            return "Tried a light high-rep week, 3 x 15."
        if mode == LONG:
            return "Gym was quiet so I did everything. Took forever."
        if missed:
            return f"Missed reps on the last {first.lower()} set, legs heavy."
        if self.rng.random() < 0.12:
            return self.rng.choice(
                (
                    "Felt strong.",
                    "Gym busy, supersetted core.",
                    "Grip gave out on the last set.",
                    "Short on time, rushed.",
                    "Hips tight after the run, longer warm-up.",
                    "Focused on slow eccentrics.",
                )
            )
        return ""
