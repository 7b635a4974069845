"""Short phrases the flags' messages are made of: days, times, loads, rep counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from ..domain.enums import WeightUnit
from ..domain.session import Session, SetEntry
from ..domain.units import format_number, format_weight


def day_text(day: dt.date) -> str:
    """'Tue 2026-03-03': the weekday matters to a runner planning a week."""
    return f"{day:%a} {day.isoformat()}"


def when_text(session: Session) -> str:
    text = day_text(session.date)
    return f"{text} {session.start:%H:%M}" if session.start else text


def session_name(session: Session) -> str:
    if session.title:
        return session.title
    if session.is_run:
        return f"{session.run_type.value.capitalize()} run" if session.run_type else "Run"
    return "Strength session"


def weight_text(value_kg: float, unit: WeightUnit) -> str:
    return format_weight(value_kg, unit)


def weights_text(values_kg: Iterable[float], unit: WeightUnit) -> str:
    """'12 kg' or '10-12 kg' for a group of sets."""
    values_kg = list(values_kg)
    low, high = min(values_kg), max(values_kg)
    if format_weight(low, unit) == format_weight(high, unit):
        return format_weight(low, unit)
    return f"{format_weight(low, unit).split()[0]}-{format_weight(high, unit)}"


def reps_text(values: Collection[int]) -> str:
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}-{high}"


def count_text(count: int, word: str, plural: str | None = None) -> str:
    """'no strength session', '1 set', '3 sets'."""
    if count == 0:
        return f"no {word}"
    return f"{count} {word if count == 1 else plural or word + 's'}"


def hours_text(hours: float) -> str:
    if hours < 1:
        return f"{format_number(hours * 60, 0)} min"
    whole, minutes = divmod(round(hours * 60), 60)
    return f"{whole} h {minutes:02d}" if minutes else f"{whole} h"


def percent_text(fraction: float) -> str:
    return f"{format_number(fraction * 100, 0)} %"


def sets_text(name: str, entries: Collection[SetEntry], unit: WeightUnit) -> str:
    """'Face pull 3 x 12 @ 20 kg', 'Back squat 2 x 8-10 @ 60-65 kg', 'Plank 2 x 45 s'."""
    reps = [e.reps for e in entries if e.reps is not None]
    if reps:
        amount = reps_text(reps)
    else:
        low, high = (f(e.seconds or 0 for e in entries) for f in (min, max))
        shown = format_number(low) if low == high else f"{format_number(low)}-{format_number(high)}"
        amount = f"{shown} s"
    loads = [e.weight_kg for e in entries if e.weight_kg]
    load = f" @ {weights_text(loads, unit)}" if loads else ""
    return f"{name} {len(entries)} x {amount}{load}"


def list_text(parts: list[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'a, b or c')."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]
