"""Reading the JSON backup: the whole document is checked before anything is returned, so an
import is all or nothing; the first problem is reported (list items in index order, an
object's keys in the order the writer writes them)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable

from ..domain import (
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
from ..domain.validation import (
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    day_problem,
    distance_problem,
    duration_problem,
    elevation_problem,
    heart_rate_problem,
    reps_problem,
    rpe_problem,
    seconds_problem,
    session_rule_errors,
    weight_problem,
)
from .backup_checks import Reader, choice_of, order_problem, unique, valid_name
from .backup_columns import bulk_sessions as _bulk_sessions
from .backup_format import FORMAT, VERSION, BackupError


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
    top = Reader(data, "")
    if top.obj.get("format") != FORMAT:
        raise BackupError("format", f'must be "{FORMAT}"')
    version = top.obj.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BackupError("version", f"must be a whole number (this app writes {VERSION})")
    if version > VERSION:
        shown = version if version.bit_length() < 64 else "this version"
        raise BackupError("version", f"{shown} is newer than this app understands ({VERSION})")

    shipped = _spellings(catalogue)
    customs = _custom_exercises(top, catalogue, shipped)
    resolve = _resolver(catalogue, customs, shipped)
    races = [
        Race(
            date=r.day("date"),
            name=r.name("name"),
            distance_km=r.number("distance_km", distance_problem),
        )
        for r in top.objects("races")
    ]
    weeks = _weeks(top)

    read = _bulk_sessions(top.obj.get("sessions"), resolve, _laps)
    if read is None:  # something needs a look: read them one by one for its path
        read = (_session(r, resolve) for r in top.objects("sessions"))
    sessions: list[Session] = []
    per_day: Counter[dt.date] = Counter()
    for session in read:
        if session.order is None:  # sessions of one day keep their order in the file
            session.order = per_day[session.date]
        per_day[session.date] += 1
        sessions.append(session)

    body_weights: list[BodyWeight] = []
    seen: dict[object, str] = {}
    for r in top.objects("body_weight"):
        day = unique(seen, r.day("date"), r, "date")  # the store keeps one weight a day
        body_weights.append(
            BodyWeight(date=day, weight_kg=r.number("weight_kg", weight_problem, required=True))
        )
    return Logbook(
        exercises=customs, sessions=sessions, races=races, weeks=weeks, body_weights=body_weights
    )


def _custom_exercises(top: Reader, catalogue: Catalogue, shipped: dict) -> list[Exercise]:
    customs: list[Exercise] = []
    seen: dict[object, str] = {}
    for r in top.objects("exercises"):
        name = unique(seen, r.name("name"), r, "name")  # names are unique in the store
        # Keyword arguments are evaluated left to right: this is the order of the checks.
        exercise = Exercise(
            name=name,
            region=r.choice("region", Region),
            category=r.choice("category", Category),
            muscles=tuple(choice_of(value, path, Muscle) for path, value in r.items("muscles")),
            equipment=r.text("equipment", MAX_NAME_LENGTH, default="bodyweight"),
            measure=r.choice("measure", Measure, Measure.REPS),
            per_side=r.flag("per_side"),
            aliases=tuple(valid_name(value, path) for path, value in r.items("aliases")),
            custom=True,
            needs_review=r.flag("needs_review"),
            family=r.text("family", MAX_NAME_LENGTH),
            variant=r.text("variant", MAX_NAME_LENGTH),
            hidden=r.flag("hidden"),
            user_aliases=tuple(valid_name(value, path) for path, value in r.items("user_aliases")),
        )
        # One the catalogue already has is the same exercise under another spelling.
        if catalogue.get(exercise.name) is None and normalise_name(exercise.name) not in shipped:
            customs.append(exercise)
    return customs


def _spellings(exercises, keys: dict[str, str] | None = None) -> dict[str, str]:
    """Normalised name or alias -> canonical name; the first exercise to claim one keeps it
    (the exercises of `keys`, when given, claimed theirs first)."""
    keys = {} if keys is None else dict(keys)
    for exercise in exercises:
        for spelling in (exercise.name, *exercise.aliases):
            if key := normalise_name(spelling):
                keys.setdefault(key, exercise.name)
    return keys


def _resolver(
    catalogue: Catalogue, customs: list[Exercise], shipped: dict[str, str]
) -> Callable[[str], str | None]:
    custom_catalogue = Catalogue(customs)
    keys = _spellings(customs, shipped)  # the catalogue's spellings first, as shipped has them

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


def _weeks(top: Reader) -> list[WeekPhase]:
    weeks: list[WeekPhase] = []
    seen: dict[object, str] = {}
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
        unique(seen, week, r, "week")  # one phase a week
        weeks.append(
            WeekPhase(
                week=week,
                phase=r.choice("phase", Phase),
                source=r.text("source", MAX_NAME_LENGTH),
            )
        )
    return weeks


def _session(r: Reader, resolve: Callable[[str], str | None]) -> Session:
    session = Session(  # checked in the order of the keywords, as in _custom_exercises
        date=r.day("date"),
        start=r.clock("start"),
        order=r.number("order", order_problem, whole=True),  # None: the caller decides
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
        laps=_laps(r),
        from_plan=r.flag("from_plan"),
        planned_km=r.number("planned_km", distance_problem),
        plan_uid=r.text("plan_uid", MAX_NAME_LENGTH),
    )
    # What is left are the rules between fields (a run has no sets, ...): the domain's own;
    # each field was checked as it was read, with the domain's checks.
    for error in session_rule_errors(session):
        raise BackupError(r.at(error.field), error.message)
    return session


def _set(r: Reader, resolve: Callable[[str], str | None]) -> SetEntry:
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


def _laps(r: Reader) -> list[Lap]:
    return [_lap(lap) for lap in r.objects("laps")]


def _lap(r: Reader) -> Lap:
    return Lap(
        distance_km=r.number("distance_km", distance_problem),
        seconds=r.number("seconds", seconds_problem),
        avg_hr=r.number("avg_hr", heart_rate_problem),
        max_hr=r.number("max_hr", heart_rate_problem),
        intensity=r.text("intensity", MAX_NAME_LENGTH),
        trigger=r.text("trigger", MAX_NAME_LENGTH),
        ascent_m=r.number("ascent_m", elevation_problem),
    )
