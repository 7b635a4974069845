"""Starting points for a new strength session: the sessions the seed articles prescribe.

Sets carry targets only; loads come from the runner's own history when the editor fills
them in."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import SetType
from .session import SetEntry


@dataclass(frozen=True)
class Template:
    title: str
    exercises: tuple[tuple[str, int, int | None, float | None], ...]  # name, sets, reps, seconds

    def sets(self) -> list[SetEntry]:
        entries = []
        for name, count, reps, seconds in self.exercises:
            for _ in range(count):
                entries.append(
                    SetEntry(name, SetType.WORKING, reps=reps, seconds=seconds, target_reps=reps)
                )
        return entries


TEMPLATES = (
    # 004's sample week: lower body after Wednesday's easy run, heavy and few reps (003).
    Template(
        "Lower body + calves",
        (
            ("Back squat", 3, 8, None),
            ("Romanian deadlift", 3, 8, None),
            ("Bulgarian split squat", 3, 8, None),
            ("Standing calf raise", 3, 10, None),
            ("Single-leg heel raise", 2, 10, None),
            ("Plank", 2, None, 45),
        ),
    ),
    # 004's Monday and 000's upper-body workout.
    Template(
        "Upper body + core",
        (
            ("Push-up", 3, 10, None),
            ("Dumbbell bench press", 3, 8, None),
            ("Inverted row", 3, 8, None),
            ("Overhead press", 3, 8, None),
            ("Dead bug", 2, 10, None),
            ("Side plank", 2, None, 30),
        ),
    ),
    # 001's bodyweight catalogue: a first-timer's circuit, no equipment.
    Template(
        "Bodyweight runner's circuit",
        (
            ("Air squat", 2, 10, None),
            ("Reverse lunge", 2, 10, None),
            ("Single-leg deadlift", 2, 5, None),
            ("Single-leg heel raise", 3, 10, None),
            ("Glute bridge", 2, 10, None),
            ("Plank", 2, None, 30),
        ),
    ),
    # 000's "big seven".
    Template(
        "Big seven",
        (
            ("Plank", 2, None, 45),
            ("Russian twist", 2, 10, None),
            ("Overhead lunge", 2, 8, None),
            ("Air squat", 2, 10, None),
            ("Single-leg deadlift", 2, 5, None),
            ("Pistol squat", 2, 5, None),
            ("Rotational shoulder press", 2, 10, None),
        ),
    ),
)
