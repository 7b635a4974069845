"""002's season: what the strength work is for in each phase a runner sets on a week.

002 ("Endurance vs strength"): "program your strength training over the course of a year,
leading up to your target season or event. Begin with strength, then power, then be working
on endurance as you approach your target", endurance meaning 15 or more repetitions. With
the phases of the calendar: a base week is for strength (heavy, few reps: 003's advice, and
what too_light asks everywhere else), a build week for power (explosive work: light loads
moved fast, few reps), a peak week, close to the target, for endurance (15+ reps). Taper and
recovery weeks are light on purpose and judged by their own rules.

Where the runner set a build or peak phase, too_light follows it instead of fighting it:
light, fast sets of a few reps are power work in a build week, and in a peak week high reps
are the point."""

from __future__ import annotations

from ..domain.enums import Phase, StrEnum


class Emphasis(StrEnum):
    STRENGTH = "strength"
    POWER = "power"
    ENDURANCE = "endurance"


_BY_PHASE = {
    Phase.BASE: Emphasis.STRENGTH,
    Phase.BUILD: Emphasis.POWER,
    Phase.PEAK: Emphasis.ENDURANCE,
}


def emphasis(phase: Phase | None) -> Emphasis:
    """What a week of `phase` trains for; strength when no phase is set (003)."""
    return _BY_PHASE.get(phase, Emphasis.STRENGTH) if phase is not None else Emphasis.STRENGTH
