"""The fixed vocabularies of the logbook. Their values are the strings the JSON backup and
the database use, so they must never be renamed."""

from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    def __str__(self) -> str:  # so f-strings and CSV writers show "run", not "SessionKind.RUN"
        return str(self.value)

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class SessionKind(StrEnum):
    RUN = "run"
    STRENGTH = "strength"


class Status(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


class RunType(StrEnum):
    EASY = "easy"
    RECOVERY = "recovery"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    HILLS = "hills"
    RACE = "race"

    @property
    def is_hard(self) -> bool:
        # planning-rules.md: a hard run is tempo, intervals, hills or a race.
        return self in HARD_RUN_TYPES


HARD_RUN_TYPES = frozenset({RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.RACE})


class SetType(StrEnum):
    WARMUP = "warmup"
    WORKING = "working"
    DROP = "drop"
    FAILURE = "failure"


class Side(StrEnum):
    """Which side a set worked. "both" is two-sided work (a squat) or a side not told;
    "each" is one set done on the left and again on the right, written as one row (its
    reps and load are per side, its volume counts both sides: domain/metrics.set_volume)."""

    BOTH = "both"
    EACH = "each"
    LEFT = "left"
    RIGHT = "right"


class Region(StrEnum):
    LOWER = "lower"
    UPPER = "upper"
    CORE = "core"
    FULL = "full"


class Category(StrEnum):
    STRENGTH = "strength"
    PLYOMETRIC = "plyometric"
    CORE_HOLD = "core-hold"
    MOBILITY = "mobility"
    CARDIO = "cardio"


class Measure(StrEnum):
    REPS = "reps"
    SECONDS = "seconds"
    DISTANCE = "distance"


class Phase(StrEnum):
    BASE = "base"
    BUILD = "build"
    PEAK = "peak"
    TAPER = "taper"
    RECOVERY = "recovery"


class Muscle(StrEnum):
    QUADS = "quads"
    HAMSTRINGS = "hamstrings"
    GLUTES = "glutes"
    HIP_FLEXORS = "hip_flexors"
    CALVES = "calves"
    ADDUCTORS = "adductors"
    ABDUCTORS = "abductors"
    CORE = "core"
    LOWER_BACK = "lower_back"
    CHEST = "chest"
    UPPER_BACK = "upper_back"
    SHOULDERS = "shoulders"
    ARMS = "arms"


class WeightUnit(StrEnum):
    KG = "kg"
    LB = "lb"


class DistanceUnit(StrEnum):
    KM = "km"
    MI = "mi"
