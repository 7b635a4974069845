"""Writing the JSON backup: a whole logbook as the dict and the text of docs/backup-format.md."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from ..domain import Exercise, Lap, Logbook, Session, SetEntry, Side, WeekPhase
from .backup_format import FORMAT, VERSION


def dump_backup(logbook: Logbook) -> dict[str, object]:
    sessions = sorted(logbook.sessions, key=Session.sort_key)
    per_day: Counter = Counter()
    dumped = []
    for session in sessions:
        # The reader numbers a day's sessions by their place in the file; write "order" only
        # where that guess would be wrong, so the common file stays small and the trip exact.
        dumped.append(_dump_session(session, implicit_order=per_day[session.date]))
        per_day[session.date] += 1
    return {
        "format": FORMAT,
        "version": VERSION,
        "exercises": [_dump_exercise(e) for e in logbook.exercises],
        "races": [
            _drop_none(
                {"date": r.date.isoformat(), "name": r.name, "distance_km": _float(r.distance_km)}
            )
            for r in logbook.races
        ],
        "weeks": [_dump_week(w) for w in logbook.weeks],
        "sessions": dumped,
        "body_weight": [
            {"date": b.date.isoformat(), "weight_kg": float(b.weight_kg)}
            for b in logbook.body_weights
        ],
    }


def dumps_backup(logbook: Logbook) -> str:
    """The backup as text: each top-level key on its line and each exercise, race, week,
    session and body weight on one line of its own, so a backup kept under version control
    shows a changed session as one changed line. Each line comes from json's C encoder;
    `indent` would make json fall back to its pure-Python encoder, about ten times slower."""
    # allow_nan=False: NaN is not JSON, and other tools would choke on it.
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    parts = []
    for key, value in dump_backup(logbook).items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(encode(item) for item in value)
            parts.append(f" {encode(key)}: [\n  {items}\n ]")
        else:
            parts.append(f" {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _dump_exercise(exercise: Exercise) -> dict[str, object]:
    out = {
        "name": exercise.name,
        "region": str(exercise.region),
        "category": str(exercise.category),
        "muscles": [str(m) for m in exercise.muscles],
        "equipment": exercise.equipment,
        "measure": str(exercise.measure),
        "per_side": bool(exercise.per_side),
    }
    if exercise.aliases:
        out["aliases"] = list(exercise.aliases)
    if exercise.needs_review:
        out["needs_review"] = True
    if exercise.family:
        out["family"], out["variant"] = exercise.family, exercise.variant
    if exercise.hidden:
        out["hidden"] = True
    if exercise.user_aliases:
        out["user_aliases"] = list(exercise.user_aliases)
    return out


def _dump_session(session: Session, implicit_order: int) -> dict[str, object]:
    # Key by key, in the file's order, only what is there (as _dump_set): a backup holds
    # thousands of sessions.
    out: dict[str, object] = {"date": session.date.isoformat()}
    if (start := session.start) is not None:
        out["start"] = f"{start.hour:02d}:{start.minute:02d}"
    if session.order != implicit_order and session.order is not None:
        out["order"] = session.order
    out["kind"] = session.kind.value
    out["status"] = session.status.value
    if session.title:
        out["title"] = session.title
    if session.run_type is not None:
        out["run_type"] = session.run_type.value
    for key in ("distance_km", "duration_min", "rpe"):
        if (value := getattr(session, key)) is not None:
            out[key] = float(value)
    if session.notes:
        out["notes"] = session.notes
    if session.sets or session.is_strength:
        out["sets"] = [_dump_set(s) for s in session.sets]
    if session.source:
        out["source"] = session.source
    if session.source_key:
        out["source_key"] = session.source_key
    for key in ("elapsed_min", "avg_hr", "max_hr", "elevation_gain_m"):
        if (value := getattr(session, key)) is not None:
            out[key] = float(value)
    if session.run_type_reason:
        out["run_type_reason"] = session.run_type_reason
    if session.source_file:
        out["source_file"] = session.source_file
    if session.start_utc is not None:
        out["start_utc"] = session.start_utc.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if session.laps:
        out["laps"] = [_dump_lap(lap) for lap in session.laps]
    if session.from_plan:
        out["from_plan"] = True
    if session.planned_km is not None:
        out["planned_km"] = float(session.planned_km)
    if session.plan_uid:
        out["plan_uid"] = session.plan_uid
    return out


def _dump_week(week: WeekPhase) -> dict[str, object]:
    out: dict[str, object] = {"week": week.week, "phase": str(week.phase)}
    if week.source:
        out["source"] = week.source
    return out


def _dump_lap(lap: Lap) -> dict[str, object]:
    return _drop_none(
        {
            "distance_km": _float(lap.distance_km),
            "seconds": _float(lap.seconds),
            "avg_hr": _float(lap.avg_hr),
            "max_hr": _float(lap.max_hr),
            "intensity": lap.intensity or None,
            "trigger": lap.trigger or None,
            "ascent_m": _float(lap.ascent_m),
        }
    )


def _dump_set(entry: SetEntry) -> dict[str, object]:
    # Written out key by key (not built and filtered): a backup holds tens of thousands of
    # sets, and this is most of an export's time.
    out: dict[str, object] = {"exercise": entry.exercise, "set_type": entry.set_type.value}
    if entry.reps is not None:
        out["reps"] = int(entry.reps)
    if entry.weight_kg is not None:
        out["weight_kg"] = float(entry.weight_kg)
    if entry.seconds is not None:
        out["seconds"] = float(entry.seconds)
    if entry.distance_km is not None:
        out["distance_km"] = float(entry.distance_km)
    if entry.side is not Side.BOTH:
        out["side"] = entry.side.value
    if entry.rpe is not None:
        out["rpe"] = float(entry.rpe)
    if entry.target_reps is not None:
        out["target_reps"] = int(entry.target_reps)
    if entry.target_weight_kg is not None:
        out["target_weight_kg"] = float(entry.target_weight_kg)
    return out


def _float(value: float | None) -> float | None:
    # Floats stay floats (60.0, not 60) so that dump -> load -> dump gives the same text.
    return None if value is None else float(value)


def _int(value: int | None) -> int | None:
    return None if value is None else int(value)


def _drop_none(out: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in out.items() if value is not None}
