"""What a write changed in the logbook: the news every cache and view listens to.

The repository makes one `Change` per committed write and hands it to its listeners (the
GUI's change news, gui/news.py); nothing else announces data changes. A change says exactly
which sessions were added, changed, moved or deleted (with their days, so a cache can patch
the weeks it holds), and whether the catalogue, races, week phases or body weights changed.
`replaced` means "assume everything changed" (a restore, `import --replace`, another
process's write, another logbook opened). `settings` names preferences that changed in the
window (the unit, the planner's thresholds): they change what is shown, not what is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SessionDays = tuple[tuple[int, dt.date], ...]  # (session id, day)


@dataclass(frozen=True)
class Change:
    added: SessionDays = ()
    changed: SessionDays = ()  # saved again on the same day (sets, fields, status)
    moved: tuple[tuple[int, dt.date, dt.date], ...] = ()  # (id, old day, new day)
    deleted: SessionDays = ()
    catalogue: bool = False
    races: bool = False
    phases: tuple[str, ...] = ()  # ISO weeks whose phase changed
    body_weights: bool = False
    replaced: bool = False
    settings: tuple[str, ...] = ()  # "unit", "planner", ...
    # Not part of the news, but useful to listeners: the writes' own description.
    what: str = field(default="", compare=False)

    # -- building ------------------------------------------------------------------------

    @classmethod
    def sessions_added(cls, pairs: Iterable[tuple[int, dt.date]], **more: Any) -> Change:
        return cls(added=tuple(pairs), **more)

    @classmethod
    def sessions_deleted(cls, pairs: Iterable[tuple[int, dt.date]], **more: Any) -> Change:
        return cls(deleted=tuple(pairs), **more)

    @classmethod
    def session_saved(cls, session_id: int, old_day: dt.date | None, day: dt.date) -> Change:
        """A save: new (no old day), changed in place, or changed and moved to another day."""
        if old_day is None:
            return cls(added=((session_id, day),))
        if old_day != day:
            return cls(moved=((session_id, old_day, day),))
        return cls(changed=((session_id, day),))

    @classmethod
    def everything(cls, what: str = "") -> Change:
        return cls(replaced=True, catalogue=True, races=True, body_weights=True, what=what)

    def merged(self, other: Change) -> Change:
        """Both changes as one."""
        return Change.combine([self, other])

    @classmethod
    def combine(cls, changes: list[Change]) -> Change:
        """Several changes as one (the writes of one call, announced once)."""
        if len(changes) == 1:
            return changes[0]
        return Change(
            added=tuple(p for c in changes for p in c.added),
            changed=tuple(p for c in changes for p in c.changed),
            moved=tuple(p for c in changes for p in c.moved),
            deleted=tuple(p for c in changes for p in c.deleted),
            catalogue=any(c.catalogue for c in changes),
            races=any(c.races for c in changes),
            phases=tuple(dict.fromkeys(w for c in changes for w in c.phases)),
            body_weights=any(c.body_weights for c in changes),
            replaced=any(c.replaced for c in changes),
            settings=tuple(dict.fromkeys(s for c in changes for s in c.settings)),
            what=next((c.what for c in changes if c.what), ""),
        )

    # -- reading -------------------------------------------------------------------------

    @property
    def touches_sessions(self) -> bool:
        return self.replaced or bool(self.added or self.changed or self.moved or self.deleted)

    @property
    def touches_plan(self) -> bool:
        """Anything the planner reads: sessions, races, phases or the catalogue."""
        return self.touches_sessions or self.races or bool(self.phases) or self.catalogue

    @property
    def session_ids(self) -> frozenset[int]:
        ids = {i for i, _ in self.added + self.changed + self.deleted}
        return frozenset(ids | {i for i, _, _ in self.moved})

    @property
    def days(self) -> frozenset[dt.date]:
        """Every day a session was added to, changed on, moved from or to, or deleted from."""
        found = {d for _, d in self.added + self.changed + self.deleted}
        for _, old, new in self.moved:
            found.update((old, new))
        return frozenset(found)

    def __bool__(self) -> bool:
        return self.touches_plan or self.body_weights or self.replaced or bool(self.settings)
