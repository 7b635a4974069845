"""What a chip says, and how it shortens. Each line of a chip comes in the forms it may take,
the best first; a narrow cell drops the done mark (the fill says it), the start time, the
units and the lesser numbers before it shortens a title, and it never drops the type and
the number: a run says "Easy 7.4" at 1024 px, a strength session "13 sets"."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from ...domain import Race, RunType, Session, Status, WeightUnit
from ...domain.durations import duration_looks_wrong
from ...domain.summary import by_exercise, describe_sets
from ...domain.units import distance_unit_for, format_distance

MARKS = {Status.DONE: "✓ ", Status.SKIPPED: "✗ ", Status.PLANNED: ""}
# The two long run types, as a narrow cell says them (beside their painted mark).
SHORT_KINDS: dict[RunType | None, str] = {RunType.INTERVALS: "Intvl", RunType.RECOVERY: "Recov"}


@dataclass(frozen=True)
class ChipLine:
    """One line: whole texts, the best first; then a title shortened before what follows
    it (with less following, in turn); then what must stay."""

    whole: tuple[str, ...]
    shorten: tuple[tuple[str, str], ...] = ()  # (title, kept after it), the best first
    essential: str = ""

    def fit(self, metrics: QFontMetrics, room: int) -> str:
        for text in self.whole:
            if metrics.horizontalAdvance(text) <= room:
                return text
        for title, tail in self.shorten:
            title_room = room - metrics.horizontalAdvance(tail)
            if title_room >= metrics.horizontalAdvance(title[:2] + "…"):
                return metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_room) + tail
        if metrics.horizontalAdvance(self.essential) <= room:
            return self.essential
        return metrics.elidedText(self.essential, Qt.TextElideMode.ElideRight, max(room, 0))

    def readable(self, text: str) -> bool:
        """text is one of this line's forms: whole, with its title shortened, or its
        essential; not the last resort, the essential itself cut."""
        if text in self.whole or text == self.essential:
            return True
        for title, tail in self.shorten:
            head = text[: len(text) - len(tail)] if text.endswith(tail) else None
            if head == title or (head and head.endswith("…") and title.startswith(head[:-1])):
                return True
        return False


def _kind(session: Session) -> str:
    return session.run_type.value.capitalize() if session.run_type else "Run"


def _title(session: Session) -> str:
    return session.title or ", ".join(session.exercise_names()[:2]) or "Strength"


def _number(amount: str) -> str:
    """'7.4 km' -> '7.4' (the unit is the first thing a narrow chip drops)."""
    return amount.rsplit(" ", 1)[0]


def month_line(session: Session, unit: WeightUnit) -> ChipLine:
    mark = MARKS[session.status]
    if session.is_strength:
        title, sets = _title(session), f"{len(session.working_sets())} sets"
        return ChipLine(
            (f"{mark}{title} · {sets}", f"{title} · {sets}"), ((title, f" {sets}"),), sets
        )
    kind = _kind(session)
    brief = SHORT_KINDS.get(session.run_type, kind)
    distance = format_distance(session.distance_km, distance_unit_for(unit))
    if not distance:
        return ChipLine((f"{mark}{kind}", kind), (), brief)
    number = _number(distance)
    forms = (f"{mark}{kind} {distance}", f"{kind} {distance}", f"{kind} {number}")
    return ChipLine(forms, (), f"{brief} {number}")


def race_line(race: Race, unit: WeightUnit) -> ChipLine:
    distance = format_distance(race.distance_km, distance_unit_for(unit))
    if not distance:
        return ChipLine((f"⚑ {race.name}",), ((f"⚑ {race.name}", ""),), "⚑")
    number = _number(distance)
    return ChipLine(
        (f"⚑ {race.name} {distance}", f"⚑ {race.name} {number}"),
        ((f"⚑ {race.name}", f" {number}"),),
        f"⚑ {number}",
    )


def week_lines(session: Session, unit: WeightUnit) -> list[ChipLine]:
    """The week view: time and name, then the numbers, then each exercise's sets, then the
    notes; each line shortens on its own."""
    mark = MARKS[session.status]
    start = f"{session.start:%H:%M} " if session.start else ""
    if session.is_run:
        name = _kind(session)
        first = format_distance(session.distance_km, distance_unit_for(unit))
    else:
        name = session.title or "Strength"
        first = f"{len(session.working_sets())} sets"
    head = ChipLine(
        (f"{mark}{start}{name}", f"{start}{name}", name),
        ((name, ""),),
        name if session.is_run else "",
    )
    numbers = [n for n in (first,) if n]
    if session.duration_min:
        odd = " (looks wrong)" if duration_looks_wrong(session) else ""  # a timer left running
        numbers.append(f"{session.duration_min:.0f} min{odd}")
    if session.rpe:
        numbers.append(f"RPE {session.rpe:g}")
    forms = tuple(" · ".join(numbers[:count]) for count in range(len(numbers), 0, -1))
    kept = first if session.is_strength else _number(first)
    lines = [head, ChipLine(forms + ((kept,) if first else ()), (), kept)] if numbers else [head]
    if session.is_strength:
        for exercise, sets in by_exercise(session).items():
            amount = describe_sets(sets, unit)
            bare = amount.removesuffix(f" {unit.value}")  # "3 x 8 @ 60 kg" -> "3 x 8 @ 60"
            lines.append(
                ChipLine(
                    (f"{exercise}: {amount}", f"{exercise}: {bare}"),
                    ((exercise, f": {bare}"),),
                    bare,
                )
            )
    if session.notes:
        note = f"“{session.notes[:60]}”"
        lines.append(ChipLine((note,), ((note, ""),), ""))
    return lines


def chip_text(session: Session, unit: WeightUnit) -> str:
    """Everything the week view's chip says, in full: its tooltip."""
    return "\n".join(line.whole[0] for line in week_lines(session, unit))


def spoken(session: Session, unit: WeightUnit) -> str:
    """The chip for a screen reader: what it says, in words ("easy run 7.4 km, done")."""
    if session.is_strength:
        title = session.title or ", ".join(session.exercise_names()[:2]) or "strength"
        what = f"{title}, {len(session.working_sets())} sets"
    else:
        distance = format_distance(session.distance_km, distance_unit_for(unit))
        kind = session.run_type.value if session.run_type else ""
        what = " ".join(p for p in (kind, "run", distance) if p)
    return f"{what}, {session.status.value}"
