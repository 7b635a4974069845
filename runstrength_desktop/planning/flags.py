"""A flag: what the planner found, in numbers, with what to do instead and the seed that says
so. The fields are exactly those of planning-rules.md ("What a flag carries"), and to_dict()
is the object the CLI's --json prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.enums import StrEnum
from ..domain.session import iso_week


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error: flags sort by date, then the most severe first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

SEED_000 = "000_96e5a7711157e530.txt"  # progressive overload, deload, upper-body workout
SEED_001 = "001_9eac9084380701dc.txt"  # bodyweight catalogue, ankles and calves
SEED_002 = "002_01b449753309e54e.txt"  # movements of running; ACSM: run first
SEED_003 = "003_06ad8bd47b17cbcb.txt"  # lift heavy, timing, taper, the common mistakes
SEED_004 = "004_422c493f1b2f1d2e.txt"  # sample week, too heavy, no legs before long runs

# The stable rule ids (planning-rules.md) and the seed each one cites first.
RULE_SOURCES = {
    "too_light": SEED_003,
    "inconsistent": SEED_003,
    "no_calf_work": SEED_003,
    "no_upper_or_core": SEED_003,
    "lift_before_hard_run": SEED_003,
    "run_after_lift": SEED_002,
    "lift_too_soon_after_hard_run": SEED_003,
    "hard_days_apart": SEED_003,
    "legs_before_long_run": SEED_004,
    "short_recovery": SEED_003,
    "too_much_volume": SEED_003,
    "no_progression": SEED_000,
    "no_deload": SEED_000,
    "taper": SEED_003,
    "missed_reps": SEED_004,
}
RULE_IDS = tuple(RULE_SOURCES)


@dataclass(frozen=True)
class Flag:
    rule: str
    severity: Severity
    date: dt.date
    week: str
    message: str
    advice: str
    source: str
    # Database ids of the sessions involved; a session not saved yet has a negative stand-in
    # (see PlanInput.key_of).
    session_ids: tuple[int, ...] = ()

    def sort_key(self) -> tuple:
        return (self.date, self.severity.rank, self.rule, self.session_ids)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "date": self.date.isoformat(),
            "week": self.week,
            "message": self.message,
            "advice": self.advice,
            "source": self.source,
            "session_ids": list(self.session_ids),
        }


def make_flag(
    rule: str, severity: Severity, day: dt.date, message: str, advice: str, session_ids=()
) -> Flag:
    """A flag citing its rule's seed; the ISO week follows from the day."""
    return Flag(
        rule,
        severity,
        day,
        iso_week(day),
        message,
        advice,
        RULE_SOURCES[rule],
        tuple(dict.fromkeys(session_ids)),
    )


def sort_flags(flags) -> list[Flag]:
    return sorted(flags, key=Flag.sort_key)
