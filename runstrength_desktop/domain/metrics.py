"""Numbers derived from sets and sessions: e1RM, volume, load."""

from __future__ import annotations

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


def session_load(session: Session) -> float | None:
    """Foster's session load: session RPE x minutes (arbitrary units)."""
    if session.rpe is None or session.duration_min is None:
        return None
    return session.rpe * session.duration_min


def best_e1rm(sets: list[SetEntry]) -> float | None:
    values = [v for v in (set_e1rm(s) for s in sets) if v is not None]
    return max(values) if values else None
