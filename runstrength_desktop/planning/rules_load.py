"""Rules about what is on the bar: too_light, missed_reps, too_much_volume, short_session.

Each flag names the exercises and sets it is about; a session gets at most one flag of each
rule, a week at most one too_much_volume flag (its sessions' excesses and its own)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..domain.session import Session, SetEntry, iso_week
from ..domain.units import format_number
from .calendar import Calendar
from .flags import Flag, Severity, make_flag
from .loads import round_load
from .repeats import Finding, runs, week_sessions
from .rules_progress import is_light_week
from .season import Emphasis, emphasis
from .text import (
    count_text,
    day_text,
    list_text,
    percent_text,
    session_name,
    sets_text,
    weight_text,
)


def by_exercise(cal: Calendar, sets: Iterable[SetEntry]) -> dict[str, list[SetEntry]]:
    grouped: dict[str, list[SetEntry]] = defaultdict(list)
    for entry in sets:
        grouped[cal.facts(entry.exercise).name].append(entry)
    return grouped


def _on(session: Session) -> str:
    return f"{day_text(session.date)} ({session_name(session)})"


def _where(found: list[tuple[Session, list[str]]], count: str = "") -> str:
    """Where a session rule found what it names, as the end of its message: 'on Mon
    2026-03-02 (Legs): A; B.' for one session; for several of a week, each session with
    its parts: 'in 2026-W10 (7 sets): Mon 2026-03-02 (Legs): A; B. Wed 2026-03-04 (Upper):
    C.'"""
    if len(found) == 1:
        session, parts = found[0]
        return f"on {_on(session)}: {'; '.join(parts)}."
    week = iso_week(found[0][0].date)
    return f"in {week}{f' ({count})' if count else ''}: " + " ".join(
        f"{_on(session)}: {'; '.join(parts)}." for session, parts in found
    )


def too_light(cal: Calendar) -> Iterator[Flag]:
    """003 mistake 1: weights you can lift 12+ times, or under 65 % of the current e1RM; one
    flag per week naming each session's light exercises and sets. Judgement calls
    (docs/planning-rules.md):

    - Warm-ups, marked or the unmarked ramp to the top sets, are not judged (Calendar.work),
      nor drop sets (000 recommends them: lighter on purpose, after a heavy set).
    - The load is judged by the exercise's top set of the session: the lighter sets after
      a heavy top set (back-off sets) are not "lifting too light"; when the top set is light,
      every set of the exercise under 65 % is named.
    - A bodyweight exercise with a load added (a weighted pull-up) is judged by what it
      moves, its share of the body weight plus the added load, against an e1RM of the same
      (calendar.py); bodyweight sets with nothing added are not judged (004: bodyweight work
      has its own range of 10-15 reps).
    - Recovery and taper weeks are light on purpose; a new lifter's first weeks build up
      (004); a build week's fast sets of up to 6 reps are power work and a peak week is for
      endurance (002's season)."""
    return runs(cal, lambda monday: _light_week(cal, monday))


def _light_week(cal: Calendar, monday: dt.date) -> Finding | None:
    week = cal.strength_week(monday)
    if not week or cal.is_easy_week(monday) or cal.is_beginner_week(monday):
        return None
    season = emphasis(cal.phase(monday))
    if season is Emphasis.ENDURANCE:
        return None
    light = [(s, *_light_sets(cal, s, season)) for s in week]
    light = [found for found in light if found[1]]
    if not light:
        return None
    count = count_text(sum(found[2] for found in light), "set")
    targets = {name: text for found in light for name, text in found[3]}
    many_reps = any(found[4] for found in light)
    flag = make_flag(
        "too_light",
        Severity.WARNING,
        light[-1][0].date,
        "Light sets " + _where([(found[0], found[1]) for found in light], count),
        _too_light_advice(cal, monday, list(targets.values()), many_reps, season),
        cal.keys(found[0] for found in light),
    )
    names = tuple(dict.fromkeys(name for found in light for name in found[5]))
    return Finding("light sets", flag, names, "light sets of ")


def _light_sets(
    cal: Calendar, session: Session, season: Emphasis
) -> tuple[list[str], int, list[tuple[str, str]], bool, list[str]]:
    """A session's light exercises: their parts of the message, how many sets they name, the
    loads to lift instead, whether any was light by its reps, and their names."""
    st, unit = cal.settings, cal.settings.unit
    parts: list[str] = []
    targets: list[tuple[str, str]] = []
    names: list[str] = []
    count, many_reps = 0, False
    day = session.date
    limit = st.too_light_reps
    # Its loaded sets by exercise, each with the load it moves: a weighted pull-up its body
    # weight share too (calendar.py).
    for name, loads in cal.summary(session).loaded.items():
        many = [e for e, _load in loads if e.reps is not None and e.reps >= limit]
        best = cal.current_e1rm(name, day, with_body=True) or 0.0
        top, top_load = max(loads, key=lambda pair: (pair[1], pair[0].reps or 0))
        body = top_load - (top.weight_kg or 0.0)  # the body weight's part, 0 for a barbell
        light = bool(best) and top_load < st.too_light_fraction * best
        if light and season is Emphasis.POWER and (top.reps or 0) <= st.power_reps:
            light = False  # 002: power work is light and fast
        if not many and not light:
            continue
        under = st.too_light_fraction * best if light else 0.0
        flagged = [
            e for e, load in loads if (e.reps is not None and e.reps >= limit) or load < under
        ]
        why = []
        if many:
            why.append(f"{limit}+ reps")
            many_reps = True
        if light:
            with_body = f" with {weight_text(body, unit)} of body weight" if body else ""
            why.append(
                f"{percent_text(top_load / best)} of its e1RM of "
                f"{weight_text(best, unit)}{with_body}, under "
                f"{percent_text(st.too_light_fraction)}"
            )
        parts.append(f"{sets_text(name, flagged, unit)} ({', '.join(why)})")
        names.append(name)
        count += len(flagged)
        if best and st.working_fraction * best > body:
            # The load to add: what the bar, belt or dumbbell carries, body weight aside.
            target = round_load(st.working_fraction * best - body, unit, above=top.weight_kg)
            added = " added" if body else ""
            targets.append((name, f"{name} {weight_text(target, unit)}{added}"))
    return parts, count, targets, many_reps, names


def _too_light_advice(
    cal: Calendar, monday: dt.date, targets: list[str], many_reps: bool, season: Emphasis
) -> str:
    st = cal.settings
    why = (
        "running already builds endurance, heavy sets build the strength it lacks"
        if cal.runs_near(monday)
        else "heavy sets build strength, high reps build endurance"
    )
    text = (
        f"Lift heavier for at most {st.rep_range_high} reps, about "
        f"{percent_text(st.working_fraction)} of your max: {why}."
    )
    if targets:
        text += f" For {st.rep_range_low}-{st.rep_range_high} reps: {list_text(targets[:3])}."
    elif many_reps:
        text += (
            f" Pick loads you can lift at most {st.rep_range_high} times with good form, "
            f"for 3 sets of {st.rep_range_low}-{st.rep_range_high}."
        )
    if season is Emphasis.POWER:
        text += (
            " In a build week, light sets count as power work when fast and of "
            f"{st.power_reps} reps or fewer."
        )
    return text


def missed_reps(cal: Calendar) -> Iterator[Flag]:
    """004: 3 or more reps short of a set's target means the weight is too heavy; one flag
    per week naming each session's short sets."""
    st, unit = cal.settings, cal.settings.unit
    for week in week_sessions(cal):
        found, lighter = [], {}
        for session in week:
            short = [
                e
                for e in cal.work(session)
                if e.target_reps and e.reps is not None and e.target_reps - e.reps >= st.missed_reps
            ]
            parts = []
            for name, sets in by_exercise(cal, short).items():
                worst = min(sets, key=lambda e: (e.reps or 0) - (e.target_reps or 0))

                parts.append(f"{sets_text(name, sets, unit)} (target {worst.target_reps})")
                if worst.weight_kg:
                    load = round_load(worst.weight_kg * 0.9, unit, below=worst.weight_kg)
                    lighter[name] = f"{name} {weight_text(load, unit)}"
            if parts:
                found.append((session, parts))
        if not found:
            continue
        advice = (
            f"Take the load down ({list_text(list(lighter.values())[:3])}) until every set "
            "reaches its target with good form."
            if lighter
            else "Aim for a rep or two more next time and build back up to the target with good "
            "form."
        )
        yield make_flag(
            "missed_reps",
            Severity.INFO,
            found[-1][0].date,
            f"Sets {st.missed_reps} or more reps short of their target {_where(found)}",
            advice,
            cal.keys(session for session, _parts in found),
        )


def too_much_volume(cal: Calendar) -> Iterator[Flag]:
    """003 mistake 3: 30-60 min, about 6 exercises of 2-3 sets, about 2 h a week; and no
    sudden jump over the weeks before. One flag per week, naming its sessions that are too
    long and what the week itself has too much of; weeks in a row with the same excesses are
    one flag (repeats.runs), a spike is said in its own week."""
    return runs(cal, lambda monday: _volume_week(cal, monday))


def _volume_week(cal: Calendar, monday: dt.date) -> Finding | None:
    st = cal.settings
    week = cal.strength_week(monday)
    if not week:
        return None
    problems: list[str] = []
    involved: list[Session] = []
    kinds: set[str] = set()
    for session in week:
        too_much = _session_excess(cal, session)
        if too_much:
            problems.append(f"{_on(session)} has {list_text([t for _k, t in too_much])}")
            involved.append(session)
            kinds.update(k for k, _t in too_much)
    week_problems = []
    if len(week) > st.max_week_sessions:
        week_problems.append(f"{len(week)} strength sessions (at most {st.max_week_sessions})")
        kinds.add(f"more than {st.max_week_sessions} strength sessions a week")
    minutes = sum(cal.minutes(s) or 0 for s in week)
    if minutes > st.max_week_minutes:
        week_problems.append(
            f"{format_number(minutes, 0)} min of strength work (at most "
            f"{format_number(st.max_week_minutes, 0)})"
        )
        kinds.add(f"over {format_number(st.max_week_minutes, 0)} min of strength a week")
    baseline = cal.baseline_volume(monday) or 0.0
    volume = cal.volume.get(monday, 0.0)
    spike = bool(baseline) and volume > st.volume_spike_ratio * baseline
    if spike:
        week_problems.append(
            f"a volume of {weight_text(volume, st.unit)} lifted, "
            f"{format_number(volume / baseline, 2)} x the mean of the "
            f"{st.baseline_weeks} lifting weeks before (at most "
            f"{format_number(st.volume_spike_ratio, 1)} x)"
        )
    if week_problems:
        problems.append(f"the week has {list_text(week_problems)}")
        involved = week
    if not problems:
        return None
    flag = make_flag(
        "too_much_volume",
        Severity.WARNING,
        involved[-1].date,
        f"Too much in {iso_week(monday)}: " + "; ".join(problems) + ".",
        f"Keep a session to {format_number(st.max_session_minutes, 0)} min of about "
        f"{st.max_exercises} exercises of 2-3 sets, 2-{st.max_week_sessions} sessions and "
        f"about {format_number(st.max_week_minutes / 60, 0)} h a week; raise the weekly "
        "volume gradually.",
        cal.keys(involved),
    )
    # A sudden jump is news every time it happens; the rest is a habit while it lasts.
    return Finding(None if spike else "too much", flag, tuple(sorted(kinds)))


def _session_excess(cal: Calendar, session: Session) -> list[tuple[str, str]]:
    """What the session has too much of: (the kind, said the same every week; the numbers)."""
    st = cal.settings
    summary = cal.summary(session)
    work, exercises = summary.work, summary.exercises
    found = []
    if exercises > st.max_exercises:
        found.append(
            (
                f"sessions of more than {st.max_exercises} exercises",
                f"{exercises} exercises (at most {st.max_exercises})",
            )
        )
    if len(work) > st.max_working_sets:
        found.append(
            (
                f"sessions of more than {st.max_working_sets} working sets",
                f"{len(work)} working sets (at most {st.max_working_sets})",
            )
        )
    minutes = cal.minutes(session)
    if minutes and minutes > st.max_session_minutes:
        found.append(
            (
                f"sessions over {format_number(st.max_session_minutes, 0)} min",
                f"{format_number(minutes, 0)} min (at most "
                f"{format_number(st.max_session_minutes, 0)})",
            )
        )
    return found


def short_session(cal: Calendar) -> Iterator[Flag]:
    """003's lower bounds (info): a session meant to be complete has about 6 exercises of 2-3
    sets and lasts 30-60 min. Meant to be complete: in a week of up to 3 strength sessions
    (four or more are 002's mini sessions), the day's only one, not in a recovery, taper or
    light week (short is the point) and not in a new lifter's first weeks (004: start with
    10-15 minutes and build up). One flag per week naming its short sessions; weeks in a
    row with short sessions are one flag (repeats.runs)."""
    return runs(cal, lambda monday: _short_week(cal, monday))


def _short_week(cal: Calendar, monday: dt.date) -> Finding | None:
    st = cal.settings
    week = cal.strength_week(monday)
    if (
        not week
        or len(week) > st.max_week_sessions
        or cal.is_easy_week(monday)
        or cal.is_beginner_week(monday)
        or is_light_week(cal, monday)
    ):
        return None
    found = []
    for session in week:
        if sum(1 for s in week if s.date == session.date) > 1:
            continue
        short = _short_of(cal, session)
        if short:
            found.append((session, [list_text(short)]))
    if not found:
        return None
    flag = make_flag(
        "short_session",
        Severity.INFO,
        found[-1][0].date,
        "Short for a whole session " + _where(found),
        f"A session of 30-{format_number(st.max_session_minutes, 0)} min with about "
        f"{st.max_exercises} exercises of 2-3 sets covers legs, calves, upper body and "
        "core; or plan short ones as extras to two whole sessions a week.",
        cal.keys(session for session, _parts in found),
    )
    return Finding("sessions short of a whole one", flag)


def _short_of(cal: Calendar, session: Session) -> list[str]:
    """What a session meant to be complete is short of: exercises, sets, minutes."""
    st = cal.settings
    # Its strength, plyometric and core work (not mobility or cardio: a warm-up on the bike
    # is no exercise of the session's six).
    summary = cal.summary(session)
    exercises, sets = summary.strength_exercises, summary.strength_sets
    if not exercises:
        return []
    found = []
    if exercises < st.min_exercises:
        found.append(f"{exercises} exercise{'' if exercises == 1 else 's'} (about 6)")
    elif sets < st.min_sets_per_exercise * exercises:
        found.append(f"{sets} working sets for {exercises} exercises (2-3 each)")
    minutes = cal.minutes(session)
    if minutes and minutes < st.min_session_minutes:
        found.append(
            f"{format_number(minutes, 0)} min (at least {format_number(st.min_session_minutes, 0)})"
        )
    return found
