"""Numbers derived from sets and sessions: e1RM, volume, load."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .durations import minutes_look_wrong, minutes_of_sets
from .enums import RunType, Side
from .session import Session, SetEntry

E1RM_MAX_REPS = 10  # Epley is unreliable past about ten reps (planning-rules.md)


def e1rm(weight_kg: float | None, reps: int | None) -> float | None:
    """The estimated one-rep max of a set of 1 to 10 reps: a single is its own load, more
    reps go by Epley, w * (1 + reps / 30) (planning-rules.md, Words)."""
    if not weight_kg or weight_kg <= 0 or reps is None or not 1 <= reps <= E1RM_MAX_REPS:
        return None
    if reps == 1:
        return weight_kg
    return weight_kg * (1 + reps / 30)


def set_e1rm(entry: SetEntry) -> float | None:
    return e1rm(entry.weight_kg, entry.reps) if entry.is_working else None


def set_volume(entry: SetEntry) -> float:
    """Load x reps of a working set, in kg; 0 for bodyweight, timed and warm-up sets. A set
    done on each side lifts its load on both: twice its load x reps, the same as a left and
    a right row of it (it stays one set in set counts, as a left and right pair does)."""
    if not entry.is_working or not entry.weight_kg or not entry.reps:
        return 0.0
    return entry.weight_kg * entry.reps * (2 if entry.side is Side.EACH else 1)


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


DEFAULT_STRENGTH_RPE = 6.0  # 003: sets of up to 10 reps at about 75 % of the max
EASY_PACE_MIN_PER_KM = 6.0  # a run's minutes, when only its distance is known


@dataclass(frozen=True)
class Load:
    value: float
    basis: str  # "rpe", "set rpe", "strength default", "heart rate" or "run type"
    how: str = ""  # the sum in words: "RPE 6 (strength default) x 22 min from its sets"
    minutes_from: str = ""  # where the minutes came from, when not the recorded duration

    @property
    def estimated(self) -> bool:
        return self.basis != "rpe" or bool(self.minutes_from)

    def describe(self) -> str:
        if not self.estimated:
            return f"{self.value:.0f} (session RPE x minutes)"
        return f"{self.value:.0f} (estimated: {self.how})"


def trimp(minutes: float, avg_hr: float, max_hr: float | None = None) -> float:
    """Banister's training impulse: minutes x HRr x 0.64 e^(1.92 HRr), HRr the fraction of
    heart-rate reserve the average heart rate used."""
    top = max(MAX_HR, max_hr or 0.0)
    reserve = min(max((avg_hr - RESTING_HR) / (top - RESTING_HR), 0.0), 1.0)
    return minutes * reserve * 0.64 * math.exp(1.92 * reserve)


@dataclass(frozen=True)
class LoadInputs:
    """What a session's load is worked out from: a Session has them (of_session), and the
    progress charts read them per session in SQL, without building the sessions."""

    is_run: bool
    run_type: RunType | None = None
    duration_min: float | None = None
    rpe: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    distance_km: float | None = None
    working_sets: int = 0
    mean_set_rpe: float | None = None  # of the working sets that have one

    @classmethod
    def of_session(cls, session: Session) -> LoadInputs:
        work = session.working_sets()
        rated = [s.rpe for s in work if s.rpe]
        return cls(
            session.is_run,
            session.run_type,
            session.duration_min,
            session.rpe,
            session.avg_hr,
            session.max_hr,
            session.distance_km,
            len(work),
            sum(rated) / len(rated) if rated else None,
        )


def load_of(session: Session) -> Load | None:
    """Foster's session load, session RPE x minutes (arbitrary units), for every session
    that can have one, marked as estimated where a number was not recorded so the chart and
    the editor can say so. Without a session RPE: a run's heart rate (TRIMP) or else its
    type; a strength session's mean working-set RPE or else the strength default. Without
    believable minutes: an estimate from the sets (a strength session over 4 h is a timer
    left running, durations.py) or, for a run, from its distance at an easy pace. None for a
    session with nothing to go on."""
    return load_from(LoadInputs.of_session(session))


def load_from(inputs: LoadInputs) -> Load | None:
    """load_of, from the numbers it needs."""
    minutes, minutes_from = _minutes(inputs)
    if not minutes or minutes <= 0:
        return None
    over = f"{minutes:.0f} min" + (f" from {minutes_from}" if minutes_from else "")

    def rated(rpe: float, basis: str, what: str) -> Load:
        return Load(rpe * minutes, basis, f"{what} x {over}", minutes_from)

    if inputs.rpe is not None:
        return rated(inputs.rpe, "rpe", f"RPE {inputs.rpe:g}")
    if inputs.is_run:
        if inputs.avg_hr:
            value = trimp(minutes, inputs.avg_hr, inputs.max_hr) * TRIMP_TO_RPE_UNITS
            how = f"heart rate (avg {inputs.avg_hr:.0f} bpm) over {over}"
            return Load(value, "heart rate", how, minutes_from)
        run_type = inputs.run_type or RunType.EASY
        rpe = TYPICAL_RPE[run_type]
        return rated(rpe, "run type", f"RPE {rpe:g} ({run_type.value} run default)")
    if inputs.mean_set_rpe:
        rpe = inputs.mean_set_rpe
        return rated(rpe, "set rpe", f"mean set RPE {rpe:.1f}")
    return rated(
        DEFAULT_STRENGTH_RPE, "strength default", f"RPE {DEFAULT_STRENGTH_RPE:g} (strength default)"
    )


def _minutes(inputs: LoadInputs) -> tuple[float | None, str]:
    strength = not inputs.is_run
    if strength and minutes_look_wrong(inputs.duration_min):
        return minutes_of_sets(inputs.working_sets), "its sets (the recorded duration looks wrong)"
    if inputs.duration_min:
        return inputs.duration_min, ""
    if strength and inputs.working_sets:
        return minutes_of_sets(inputs.working_sets), "its sets"
    if inputs.is_run and inputs.distance_km:
        return inputs.distance_km * EASY_PACE_MIN_PER_KM, "its distance at an easy pace"
    return None, ""


def session_load(session: Session) -> float | None:
    load = load_of(session)
    return None if load is None else load.value


def best_e1rm(sets: list[SetEntry]) -> float | None:
    values = [v for v in (set_e1rm(s) for s in sets) if v is not None]
    return max(values) if values else None
