"""How long a strength session took, as far as the planner and the load chart should believe.

A session keeps the duration it was recorded with: the logbook never rewrites what the user
or an app wrote. But the seeds' sessions take 30-60 minutes (003), and a strength session of
more than 4 hours is a workout timer left running ('24h 1m' in Strong exports), not training:
such a session *looks wrong* and is judged by an estimate from its sets instead.

This is computed, not stored: the recorded value stays the one truth (backups, exports and
the editor show it), the judgement can change without a migration, and correcting the
duration in the editor clears the mark with nothing else to keep in step."""

from __future__ import annotations

from .session import Session, SetEntry

LONGEST_PLAUSIBLE_MIN = 4 * 60.0
WARM_UP_MIN = 10.0
MIN_PER_WORKING_SET = 3.0  # a set and its rest (003: 6 exercises of 2-3 sets in 30-60 min)


def minutes_of_sets(working_sets: int) -> float:
    """About 10 minutes of warm-up plus 3 a working set."""
    return WARM_UP_MIN + MIN_PER_WORKING_SET * working_sets


def estimated_minutes(sets: list[SetEntry]) -> float:
    return minutes_of_sets(sum(1 for s in sets if s.is_working))


def minutes_look_wrong(duration_min: float | None) -> bool:
    """A strength session's recorded minutes that no strength session takes."""
    return duration_min is not None and duration_min > LONGEST_PLAUSIBLE_MIN


def duration_looks_wrong(session: Session) -> bool:
    return session.is_strength and minutes_look_wrong(session.duration_min)


def plausible_minutes(session: Session) -> float | None:
    """The recorded duration, or the estimate from the sets when it looks wrong."""
    if duration_looks_wrong(session):
        return estimated_minutes(session.sets)
    return session.duration_min


def duration_note(session: Session) -> str:
    """What the editor and the calendar say of a duration that looks wrong ('' if none)."""
    if not duration_looks_wrong(session):
        return ""
    return (
        f"Duration looks wrong: {session.duration_min:.0f} min recorded (a timer left "
        f"running?); the planner and the load chart use {plausible_minutes(session):.0f} min, "
        "estimated from its sets"
    )
