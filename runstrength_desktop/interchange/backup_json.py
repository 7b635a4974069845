"""The JSON backup: a whole logbook in one file (contract: docs/backup-format.md).

Reading checks the whole document before returning anything, so an import is all or nothing,
and each problem is a BackupError naming its JSON path (`sessions[12].sets[3].reps`) with the
session editor's own messages (domain.validation). The first problem is reported: list items
in index order, an object's keys in the order dump_backup writes them (JSON objects are
unordered, so a hand-written file's key order does not count)."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Callable, Iterator
from enum import Enum

from runstrength_desktop.domain import (
    BodyWeight,
    Catalogue,
    Category,
    Exercise,
    Lap,
    Logbook,
    Measure,
    Muscle,
    Phase,
    Race,
    Region,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    SetType,
    Side,
    Status,
    WeekPhase,
    iso_week,
    normalise_name,
    week_monday,
)
from runstrength_desktop.domain.validation import (
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    day_problem,
    distance_problem,
    duration_problem,
    elevation_problem,
    heart_rate_problem,
    name_problem,
    parse_clock,
    parse_day,
    reps_problem,
    rpe_problem,
    seconds_problem,
    session_errors,
    weight_problem,
)

FORMAT = "runstrength-backup"
# Version 2 adds what a run recorded by a watch keeps: elapsed_min, avg_hr, max_hr,
# elevation_gain_m, run_type_reason, source_file, start_utc and laps[]. Version 1 files
# read as before; an app that knows only version 1 refuses a version 2 file rather than
# silently dropping its laps.
VERSION = 2
MAX_ORDER = 100_000
_REQUIRED = object()  # marks a key without a default


class BackupError(ValueError):
    """A backup that cannot be imported; `path` is a JSON path ("" for the whole document)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


# ---------------------------------------------------------------------------------- writing


def dump_backup(logbook: Logbook) -> dict:
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


def _dump_exercise(exercise: Exercise) -> dict:
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


def _dump_session(session: Session, implicit_order: int) -> dict:
    start = session.start
    return _drop_none(
        {
            "date": session.date.isoformat(),
            "start": None if start is None else f"{start.hour:02d}:{start.minute:02d}",
            "order": None if session.order == implicit_order else session.order,
            "kind": str(session.kind),
            "status": str(session.status),
            "title": session.title or None,
            "run_type": None if session.run_type is None else str(session.run_type),
            "distance_km": _float(session.distance_km),
            "duration_min": _float(session.duration_min),
            "rpe": _float(session.rpe),
            "notes": session.notes or None,
            "sets": [_dump_set(s) for s in session.sets]
            if session.sets or session.is_strength
            else None,
            "source": session.source or None,
            "source_key": session.source_key or None,
            "elapsed_min": _float(session.elapsed_min),
            "avg_hr": _float(session.avg_hr),
            "max_hr": _float(session.max_hr),
            "elevation_gain_m": _float(session.elevation_gain_m),
            "run_type_reason": session.run_type_reason or None,
            "source_file": session.source_file or None,
            "start_utc": None
            if session.start_utc is None
            else session.start_utc.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "laps": [_dump_lap(lap) for lap in session.laps] or None,
            "from_plan": True if session.from_plan else None,
            "planned_km": _float(session.planned_km),
            "plan_uid": session.plan_uid or None,
        }
    )


def _dump_week(week: WeekPhase) -> dict:
    out = {"week": week.week, "phase": str(week.phase)}
    if week.source:
        out["source"] = week.source
    return out


def _dump_lap(lap: Lap) -> dict:
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


def _dump_set(entry: SetEntry) -> dict:
    # Written out key by key (not built and filtered): a backup holds tens of thousands of
    # sets, and this is most of an export's time.
    out = {"exercise": entry.exercise, "set_type": entry.set_type.value}
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


def _drop_none(out: dict) -> dict:
    return {key: value for key, value in out.items() if value is not None}


# ---------------------------------------------------------------------------------- reading


def loads_backup(text: str | bytes, catalogue: Catalogue) -> Logbook:
    if isinstance(text, (bytes, bytearray)):
        raw = bytes(text).removeprefix(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            column = exc.start - raw.rfind(b"\n", 0, exc.start)
            raise BackupError(
                "", f"the file is not UTF-8 text (line {line}, column {column})"
            ) from None
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise BackupError(
            "", f"the file is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise BackupError("", "the file is not valid JSON: it is nested too deeply") from None
    except ValueError as exc:  # an integer longer than Python's 4300-digit limit
        raise BackupError("", f"the file is not valid JSON: {exc}") from None
    return parse_backup(data, catalogue)


def parse_backup(data: object, catalogue: Catalogue) -> Logbook:
    top = _Reader(data, "")
    if top.obj.get("format") != FORMAT:
        raise BackupError("format", f'must be "{FORMAT}"')
    version = top.obj.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BackupError("version", f"must be a whole number (this app writes {VERSION})")
    if version > VERSION:
        shown = version if version.bit_length() < 64 else "this version"
        raise BackupError("version", f"{shown} is newer than this app understands ({VERSION})")

    customs = _custom_exercises(top, catalogue)
    resolve = _resolver(catalogue, customs)
    races = [
        Race(
            date=r.day("date"),
            name=r.name("name"),
            distance_km=r.number("distance_km", distance_problem),
        )
        for r in top.objects("races")
    ]
    weeks = _weeks(top)

    sessions, per_day = [], Counter()
    for r in top.objects("sessions"):
        session = _session(r, resolve)
        if session.order is None:  # sessions of one day keep their order in the file
            session.order = per_day[session.date]
        per_day[session.date] += 1
        sessions.append(session)

    body_weights, seen = [], {}
    for r in top.objects("body_weight"):
        day = _unique(seen, r.day("date"), r, "date")  # the store keeps one weight a day
        body_weights.append(
            BodyWeight(date=day, weight_kg=r.number("weight_kg", weight_problem, required=True))
        )
    return Logbook(
        exercises=customs, sessions=sessions, races=races, weeks=weeks, body_weights=body_weights
    )


def _custom_exercises(top: _Reader, catalogue: Catalogue) -> list[Exercise]:
    shipped = _spellings(catalogue)
    customs, seen = [], {}
    for r in top.objects("exercises"):
        name = _unique(seen, r.name("name"), r, "name")  # names are unique in the store
        # Keyword arguments are evaluated left to right: this is the order of the checks.
        exercise = Exercise(
            name=name,
            region=r.choice("region", Region),
            category=r.choice("category", Category),
            muscles=tuple(_choice(value, path, Muscle) for path, value in r.items("muscles")),
            equipment=r.text("equipment", MAX_NAME_LENGTH, default="bodyweight"),
            measure=r.choice("measure", Measure, Measure.REPS),
            per_side=r.flag("per_side"),
            aliases=tuple(_name(value, path) for path, value in r.items("aliases")),
            custom=True,
            needs_review=r.flag("needs_review"),
            family=r.text("family", MAX_NAME_LENGTH),
            variant=r.text("variant", MAX_NAME_LENGTH),
            hidden=r.flag("hidden"),
            user_aliases=tuple(_name(value, path) for path, value in r.items("user_aliases")),
        )
        # One the catalogue already has is the same exercise under another spelling.
        if catalogue.get(exercise.name) is None and normalise_name(exercise.name) not in shipped:
            customs.append(exercise)
    return customs


def _spellings(exercises) -> dict[str, str]:
    """Normalised name or alias -> canonical name; the first exercise to claim one keeps it."""
    keys: dict[str, str] = {}
    for exercise in exercises:
        for spelling in (exercise.name, *exercise.aliases):
            if key := normalise_name(spelling):
                keys.setdefault(key, exercise.name)
    return keys


def _resolver(catalogue: Catalogue, customs: list[Exercise]) -> Callable[[str], str | None]:
    custom_catalogue = Catalogue(customs)
    keys = _spellings([*catalogue, *customs])

    def resolve(name: str) -> str | None:
        # An exact name wins, then a spelling, and only then Catalogue.resolve's looser match
        # ('Squat (Barbell)' -> 'Squat'), so a custom 'Squat (Band)' stays itself.
        exact = catalogue.get(name) or custom_catalogue.get(name)
        if exact is not None:
            return exact.name
        if found := keys.get(normalise_name(name)):
            return found
        loose = catalogue.resolve(name) or custom_catalogue.resolve(name)
        return loose.name if loose is not None else None

    return resolve


def _weeks(top: _Reader) -> list[WeekPhase]:
    weeks, seen = [], {}
    for r in top.objects("weeks"):
        value = r.obj.get("week")
        try:
            monday = week_monday(value) if isinstance(value, str) else None
            week = iso_week(monday) if monday and not day_problem(monday) else None
        except ValueError:
            week = None
        if week is None:
            shown = f", not {value[:40]!r}" if isinstance(value, str) else ""
            raise BackupError(r.at("week"), f"must be an ISO week written like 2026-W48{shown}")
        _unique(seen, week, r, "week")  # one phase a week
        weeks.append(
            WeekPhase(
                week=week,
                phase=r.choice("phase", Phase),
                source=r.text("source", MAX_NAME_LENGTH),
            )
        )
    return weeks


def _session(r: _Reader, resolve: Callable[[str], str | None]) -> Session:
    session = Session(  # checked in the order of the keywords, as in _custom_exercises
        date=r.day("date"),
        start=r.clock("start"),
        order=r.number("order", _order_problem, whole=True),  # None: the caller decides
        kind=r.choice("kind", SessionKind),
        status=r.choice("status", Status),
        title=r.text("title", MAX_NAME_LENGTH),
        run_type=r.choice("run_type", RunType, None),
        distance_km=r.number("distance_km", distance_problem),
        duration_min=r.number("duration_min", duration_problem),
        rpe=r.number("rpe", rpe_problem),
        notes=r.text("notes", MAX_NOTES_LENGTH),
        sets=[_set(s, resolve) for s in r.objects("sets")],
        source=r.text("source", MAX_NAME_LENGTH),
        source_key=r.text("source_key", MAX_NAME_LENGTH),
        elapsed_min=r.number("elapsed_min", duration_problem),
        avg_hr=r.number("avg_hr", heart_rate_problem),
        max_hr=r.number("max_hr", heart_rate_problem),
        elevation_gain_m=r.number("elevation_gain_m", elevation_problem),
        run_type_reason=r.text("run_type_reason", MAX_NOTES_LENGTH // 10),
        source_file=r.text("source_file", MAX_NOTES_LENGTH // 10),
        start_utc=r.instant("start_utc"),
        laps=[_lap(lap) for lap in r.objects("laps")],
        from_plan=r.flag("from_plan"),
        planned_km=r.number("planned_km", distance_problem),
        plan_uid=r.text("plan_uid", MAX_NAME_LENGTH),
    )
    # What is left are the rules between fields (a run has no sets, ...): the domain's own.
    for error in session_errors(session):
        raise BackupError(r.at(error.field), error.message)
    return session


def _set(r: _Reader, resolve: Callable[[str], str | None]) -> SetEntry:
    name = r.name("exercise")
    canonical = resolve(name)
    if canonical is None:
        raise BackupError(
            r.at("exercise"), f"unknown exercise {name!r} (not in the catalogue nor in exercises[])"
        )
    return SetEntry(
        exercise=canonical,
        set_type=r.choice("set_type", SetType, SetType.WORKING),
        reps=r.number("reps", reps_problem, whole=True),
        weight_kg=r.number("weight_kg", weight_problem),
        seconds=r.number("seconds", seconds_problem),
        distance_km=r.number("distance_km", distance_problem),
        side=r.choice("side", Side, Side.BOTH),
        rpe=r.number("rpe", rpe_problem, half_steps=True),
        target_reps=r.number("target_reps", reps_problem, whole=True),
        target_weight_kg=r.number("target_weight_kg", weight_problem),
    )


def _lap(r: _Reader) -> Lap:
    return Lap(
        distance_km=r.number("distance_km", distance_problem),
        seconds=r.number("seconds", seconds_problem),
        avg_hr=r.number("avg_hr", heart_rate_problem),
        max_hr=r.number("max_hr", heart_rate_problem),
        intensity=r.text("intensity", MAX_NAME_LENGTH),
        trigger=r.text("trigger", MAX_NAME_LENGTH),
        ascent_m=r.number("ascent_m", elevation_problem),
    )


def _order_problem(value: object) -> str | None:
    if value is None:
        return None
    if (
        not isinstance(value, (int, float))
        or isinstance(value, bool)
        or not math.isfinite(value)
        or value != int(value)
        or not 0 <= value <= MAX_ORDER
    ):
        return f"must be a whole number from 0 to {MAX_ORDER}"
    return None


def _unique(seen: dict, key, r: _Reader, field: str):
    if key in seen:
        raise BackupError(r.at(field), f"repeats {seen[key]}")
    seen[key] = r.at(field)
    return key


class _Reader:
    """One JSON object of the document and its path; each method reads one key, checks it,
    and raises a BackupError naming the key's path. A null counts as an absent key."""

    def __init__(self, raw: object, path: str) -> None:
        if not isinstance(raw, dict):
            raise BackupError(path, "must be an object")
        self.obj, self.path = raw, path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def items(self, key: str) -> list[tuple[str, object]]:
        value = self.obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise BackupError(self.at(key), "must be a list")
        return [(f"{self.at(key)}[{index}]", item) for index, item in enumerate(value)]

    def objects(self, key: str) -> Iterator[_Reader]:
        # Lazily, so each item is checked before the next is looked at.
        return (_Reader(item, path) for path, item in self.items(key))

    def number(self, key: str, check: Callable, *, whole=False, required=False, **options):
        value = self.obj.get(key)
        if value is None and required:
            value = math.nan  # gets the check's own "must be a number ..." message
        try:
            problem = check(value, **options)
        except (OverflowError, ValueError):  # an int too big for a float: isfinite overflows
            problem = check(math.nan, **options)
        if problem:
            raise BackupError(self.at(key), problem)
        if value is None:
            return None
        return int(value) if whole else float(value)

    def choice(self, key: str, enum: type[Enum], default: object = _REQUIRED):
        value = self.obj.get(key)
        if value is None and default is not _REQUIRED:
            return default
        return _choice(value, self.at(key), enum)

    def text(self, key: str, limit: int, default: str = "") -> str:
        value = self.obj.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            raise BackupError(self.at(key), "must be text")
        if len(value) > limit:
            raise BackupError(self.at(key), f"must be at most {limit} characters")
        return _unicode(value, self.at(key))

    def name(self, key: str) -> str:
        return _name(self.obj.get(key), self.at(key))

    def flag(self, key: str) -> bool:
        value = self.obj.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise BackupError(self.at(key), "must be true or false")
        return value

    def day(self, key: str) -> dt.date:
        try:
            return parse_day(self.obj.get(key))
        except ValueError as exc:
            raise BackupError(self.at(key), str(exc)) from None

    def instant(self, key: str) -> dt.datetime | None:
        """A moment in UTC written 2026-11-24T07:00:00Z."""
        value = self.obj.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str) or not value.endswith("Z"):
                raise ValueError
            return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        except ValueError:
            shown = f", not {value[:40]!r}" if isinstance(value, str) else ""
            raise BackupError(
                self.at(key), f"must be a UTC time written like 2026-11-24T07:00:00Z{shown}"
            ) from None

    def clock(self, key: str) -> dt.time | None:
        value = self.obj.get(key)
        try:
            return None if value is None else parse_clock(value)
        except ValueError as exc:
            raise BackupError(self.at(key), str(exc)) from None


def _choice(value: object, path: str, enum: type[Enum]):
    if isinstance(value, str) and value in enum.values():
        return enum(value)
    raise BackupError(path, f"must be one of {', '.join(enum.values())}")


def _name(value: object, path: str) -> str:
    if problem := name_problem(value):
        raise BackupError(path, problem)
    return _unicode(value, path)


def _unicode(value: str, path: str) -> str:
    # JSON may escape a lone surrogate ("\ud800"): Python keeps it, but no file or database
    # write would, so the import would fail halfway through.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BackupError(path, "must be valid Unicode text") from None
    return value
