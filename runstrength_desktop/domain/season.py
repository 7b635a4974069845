"""What a season plan writes into the logbook, as plain objects the planner, the store and
the window share (planning/seasonplan.py makes the plan; store/season_store.py writes it).

A season plan marks what it writes: its sessions carry `source = SEASON_SOURCE` (and a
`source_key` naming the day and the place in it), its week phases `source = SEASON_SOURCE`.
Running it again replaces those and nothing else: sessions and phases the runner made keep
an empty source. A `SeasonWrite` records one write, before and after, so the window can undo
and redo it in one step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .enums import Phase
from .session import Race, Session

SEASON_SOURCE = "season"

PhaseMark = tuple[Phase, str]  # a week's phase and who set it ("" the runner, else the season)


def season_key(day: dt.date, index: int) -> str:
    """A planned session's identity in the season plan: its day and its place among the
    plan's sessions of that day (stable, so planning again updates instead of adding)."""
    return f"{day.isoformat()}#{index}"


@dataclass(frozen=True)
class SeasonWrite:
    """One season plan as written: what was added, changed (before, after) and removed, and
    each week phase before and after (None: no phase). Sessions have their ids."""

    first: dt.date
    last: dt.date
    added: tuple[Session, ...] = ()
    changed: tuple[tuple[Session, Session], ...] = ()
    removed: tuple[Session, ...] = ()
    phases: tuple[tuple[str, PhaseMark | None, PhaseMark | None], ...] = ()
    race: Race | None = None  # a race entered with the plan, saved with it (with its id)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.phases or self.race)

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "changed": len(self.changed),
            "removed": len(self.removed),
            "phases": len(self.phases),
        }
