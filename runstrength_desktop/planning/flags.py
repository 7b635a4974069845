"""A flag: what the planner found, in numbers, with what to do instead and the article that
says so. The fields are exactly those of planning-rules.md ("What a flag carries"), and to_dict()
is the object the CLI's --json prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..domain.enums import StrEnum
from ..domain.session import iso_week
from .sources import source_text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error: flags sort by date, then the most severe first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

# The stable rule ids, in the order of docs/planning-rules.md; each cites the article of
# sources.SOURCES under its id.
RULE_IDS = (
    "too_light",
    "inconsistent",
    "no_calf_work",
    "no_upper_or_core",
    "lift_before_hard_run",
    "run_after_lift",
    "lift_too_soon_after_hard_run",
    "hard_days_apart",
    "legs_before_long_run",
    "short_recovery",
    "too_much_volume",
    "no_progression",
    "no_deload",
    "taper",
    "missed_reps",
    "short_session",
    "injury_prevention",
)


# Rules that judge a week (or a month) as a whole: one flag per week, on one of its days.
WEEK_RULES = frozenset(
    {
        "inconsistent",
        "no_calf_work",
        "no_upper_or_core",
        "too_much_volume",
        "no_deload",
        "taper",
        "injury_prevention",
    }
)


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
    # The first day of a run of weeks with the same finding, when this flag says it for all
    # of them (repeats.py): the flag sits on the run's latest week and spans back to here.
    since: dt.date | None = None

    def sort_key(self) -> tuple[dt.date, int, str, tuple[int, ...]]:
        return (self.date, self.severity.rank, self.rule, self.session_ids)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "date": self.date.isoformat(),
            "week": self.week,
            "message": self.message,
            "advice": self.advice,
            "source": self.source,
            "session_ids": list(self.session_ids),
            "since": self.since.isoformat() if self.since else None,
        }

    def spans(self, first: dt.date, last: dt.date) -> bool:
        """The flag is about a day from `first` to `last`: it is dated in them, or it says a
        run of weeks that reaches them (`since` to its date)."""
        return (self.since or self.date) <= last and self.date >= first


def make_flag(
    rule: str,
    severity: Severity,
    day: dt.date,
    message: str,
    advice: str,
    session_ids: Iterable[int] = (),
    source: str | None = None,
) -> Flag:
    """A flag citing its rule's article (or the case `source` names in sources.SOURCES); the
    ISO week follows from the day."""
    return Flag(
        rule,
        severity,
        day,
        iso_week(day),
        message,
        advice,
        source_text(source or rule),
        tuple(dict.fromkeys(session_ids)),
    )


def sort_flags(flags: Iterable[Flag]) -> list[Flag]:
    return sorted(flags, key=Flag.sort_key)
