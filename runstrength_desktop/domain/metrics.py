"""Numbers derived from sets and sessions: e1RM, volume, load."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .enums import RunType
from .session import Session, SetEntry

E1RM_MAX_REPS = 10  # Epley is unreliable past about ten reps (planning-rules.md)


def e1rm(weight_kg: float | None, reps: int | None) -> float | None:
    """Epley's estimated one-rep max, w * (1 + reps / 30), from sets of 1 to 10 reps."""
    if not weight_kg or weight_kg <= 0 or reps is None or not 1 <= reps <= E1RM_MAX_REPS:
        return None
    return weight_kg * (1 + reps / 30)


def set_e1rm(entry: SetEntry) -> float | None:
    return e1rm(entry.weight_kg, entry.reps) if entry.is_working else None


def set_volume(entry: SetEntry) -> float:
    """Load x reps of a working set, in kg; 0 for bodyweight, timed and warm-up sets."""
    if not entry.is_working or not entry.weight_kg or not entry.reps:
        return 0.0
    return entry.weight_kg * entry.reps


def session_volume(session: Session) -> float:
    return sum(set_volume(s) for s in session.sets)


# Without the runner's own numbers, heart rate is read against a typical resting and maximum
# heart rate (a run's own maximum raises the latter).
RESTING_HR = 60.0
MAX_HR = 190.0
# Banister's TRIMP is about a third of session-RPE units: x 2.9 puts a steady run at 70 % of
# heart-rate reserve (about RPE 5) at 5 a minute, as the runner's RPE would, so estimated and
# given loads add up on one chart.
TRIMP_TO_RPE_UNITS = 2.9
# The effort a run of each type usually is, when neither RPE nor heart rate is known.
TYPICAL_RPE = {
    RunType.RECOVERY: 2.0,
    RunType.EASY: 3.0,
    RunType.LONG: 4.0,
    RunType.TEMPO: 6.0,
    RunType.HILLS: 7.0,
    RunType.INTERVALS: 7.0,
    RunType.RACE: 8.0,
}


@dataclass(frozen=True)
class Load:
    value: float
    basis: str  # "rpe", "heart rate" or "run type"

    @property
    def estimated(self) -> bool:
        return self.basis != "rpe"

    def describe(self) -> str:
        if not self.estimated:
            return f"{self.value:.0f} (session RPE x minutes)"
        return f"{self.value:.0f} (estimated from the {self.basis}: no RPE given)"


def trimp(minutes: float, avg_hr: float, max_hr: float | None = None) -> float:
    """Banister's training impulse: minutes x HRr x 0.64 e^(1.92 HRr), HRr the fraction of
    heart-rate reserve the average heart rate used."""
    top = max(MAX_HR, max_hr or 0.0)
    reserve = min(max((avg_hr - RESTING_HR) / (top - RESTING_HR), 0.0), 1.0)
    return minutes * reserve * 0.64 * math.exp(1.92 * reserve)


def load_of(session: Session) -> Load | None:
    """Foster's session load, session RPE x minutes (arbitrary units); for a run without an
    RPE, an estimate from its heart rate (TRIMP) or else from its type and duration, marked
    as estimated so the chart and the editor can say so."""
    minutes = session.duration_min
    if not minutes:
        return None
    if session.rpe is not None:
        return Load(session.rpe * minutes, "rpe")
    if not session.is_run:
        return None
    if session.avg_hr:
        return Load(
            trimp(minutes, session.avg_hr, session.max_hr) * TRIMP_TO_RPE_UNITS, "heart rate"
        )
    return Load(TYPICAL_RPE[session.run_type or RunType.EASY] * minutes, "run type")


def session_load(session: Session) -> float | None:
    load = load_of(session)
    return None if load is None else load.value


def best_e1rm(sets: list[SetEntry]) -> float | None:
    values = [v for v in (set_e1rm(s) for s in sets) if v is not None]
    return max(values) if values else None
