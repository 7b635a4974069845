"""Rules about the weeks and months: no_progression, no_deload (000)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..domain.session import Session, iso_week, monday_of
from ..domain.units import format_number
from .calendar import Calendar
from .flags import Flag, Severity, make_flag
from .loads import round_load
from .plan_input import WEEK
from .repeats import Finding, runs
from .session_work import Point
from .text import day_text, weight_text

_Stall = tuple[str, list[Session], list[Point]]  # exercise, its stalled run, their points


def _rises(new: list[Point], run: list[Point]) -> bool:
    """A set beats one of the run's sets (more load at the same or more reps, or more reps
    at the same or more load: 000) and none of the run's sets is as good in both load and
    reps. So 62.5 kg x 8 after 60 x 8, 9 and 10 is a rise (the next plate), and 60 x 10
    after 60 x 10, 9, 10 is not (going round in circles)."""
    for load, amount in new:  # loops, not generators: a whole-history check asks 100,000s
        beats = False
        for old_load, old_amount in run:
            if old_load >= load and old_amount >= amount:
                break  # as good in both: this set is no rise
            if not beats:
                beats = (load > old_load and amount >= old_amount) or (
                    amount > old_amount and load >= old_load
                )
        else:
            if beats:
                return True
    return False


def no_progression(cal: Calendar) -> Iterator[Flag]:
    """An exercise done in 4+ sessions over 3+ weeks (recovery and taper weeks left out)
    whose best set did not rise. A session is *stalled* when, in the shortest run of its
    latest sessions that is 4 sessions and 3 weeks long, no session rose above the ones
    before it; a stall is told once, on the session where it shows, and the verdict depends
    only on the few sessions before it (a week's check agrees with the whole logbook's). A
    lift left alone for longer than the e1RM window starts afresh. The stalls that show in
    one week are one flag, which names the lifts and their sessions."""
    stalls: dict[dt.date, list[_Stall]] = {}
    for name, run, points in _stalls(cal):
        stalls.setdefault(monday_of(run[-1].date), []).append((name, run, points))
    for found in stalls.values():
        found.sort(key=lambda stall: (stall[1][-1].date, stall[1][-1].order))
        yield _stall_flag(cal, found)


def _stalls(cal: Calendar) -> Iterator[_Stall]:
    summaries = [(s, cal.summary(s)) for s in cal.strength]
    low, high = cal.window_weeks  # the days of the weeks the window touches
    # The lifts of the window's weeks (a lift only warmed up for there has no session to
    # judge there either).
    wanted = {name for s, work in summaries if low <= work.day < high for name in work.names}
    # Each lift's sessions with points (not easy weeks), in order: (session, Monday, points).
    history: dict[str, list[tuple[Session, dt.date, list[Point]]]] = {n: [] for n in wanted}
    for session, work in summaries:
        if cal.is_easy_week(work.monday):
            continue
        for name, found in work.points.items():
            if found and name in history:
                history[name].append((session, work.monday, found))
    st = cal.settings
    rule = (st.progression_sessions, st.progression_weeks, st.e1rm_weeks * WEEK)
    for name in sorted(history):
        done = history[name]
        sessions = [s for s, _m, _p in done]
        mondays = [m for _s, m, _p in done]
        points = [p for _s, _m, p in done]
        # Only the sessions in the window are judged (a stall is told where it shows), and
        # the one before each (told once: not when the stall already showed there), so a
        # check costs what its window holds, not the half-year of history it reads. Each
        # one's stall is worked out once.
        judged = [i for i, s in enumerate(sessions) if low <= s.date < high]
        starts = {
            i: _stall_start(rule, sessions, mondays, points, i)
            for i in sorted({j for index in judged for j in (index - 1, index) if j >= 0})
        }
        for index in judged:
            start = starts[index]
            if start is None:
                continue
            if index > 0 and starts[index - 1] is not None:
                continue
            yield (
                name,
                sessions[start : index + 1],
                [p for group in points[start : index + 1] for p in group],
            )


def _stall_start(
    rule: tuple[int, int, dt.timedelta],
    sessions: list[Session],
    mondays: list[dt.date],
    points: list[list[Point]],
    index: int,
) -> int | None:
    """Where the stall that `sessions[index]` ends begins, or None when it is no stall
    (`mondays` are the sessions' Mondays; `rule`: the sessions and weeks a stall lasts, and
    the longest break within one, from the settings)."""
    needed_sessions, needed_weeks, longest = rule
    start, weeks = index, {mondays[index]}
    while start > 0 and (index - start + 1 < needed_sessions or len(weeks) < needed_weeks):
        if sessions[start].date - sessions[start - 1].date > longest:
            return None
        start -= 1
        weeks.add(mondays[start])
    if index - start + 1 < needed_sessions or len(weeks) < needed_weeks:
        return None
    seen = list(points[start])
    for later in range(start + 1, index + 1):
        if _rises(points[later], seen):
            return None
        seen.extend(points[later])
    return start


def _stall_flag(cal: Calendar, found: list[_Stall]) -> Flag:
    """One flag for the stalls that show in one week: each exercise with its best set and
    how long it has stood, by the session where it shows, and the advice for the first."""
    sessions = list({id(run[-1]): run[-1] for _name, run, _points in found}.values())
    parts = []
    for session in sessions:
        lifts = []
        for name, run, points in found:
            if run[-1] is not session:
                continue
            weeks = {monday_of(s.date) for s in run}
            lifts.append(
                f"{name} (best {_best_text(cal, name, run, points)}, {len(run)} sessions over "
                f"{len(weeks)} weeks since {day_text(run[0].date)})"
            )
        parts.append((session, lifts))
    if len(parts) == 1:
        where = f"on {day_text(sessions[0].date)}: {'; '.join(parts[0][1])}."
    else:
        where = f"in {iso_week(sessions[0].date)}: " + " ".join(
            f"{day_text(session.date)}: {'; '.join(lifts)}." for session, lifts in parts
        )
    name, run, points = found[0]
    return make_flag(
        "no_progression",
        Severity.INFO,
        sessions[-1].date,
        f"No better best set {where}",
        _overload_advice(cal, name, run, points),
        cal.keys(sessions),
    )


def _timed(cal: Calendar, name: str, session: Session) -> bool:
    return all(e.reps is None for e in cal.work(session) if cal.facts(e.exercise).name == name)


def _best_text(cal: Calendar, name: str, run: list[Session], points: list[Point]) -> str:
    load, amount = max(points)
    best = f"{format_number(amount)} {'s' if _timed(cal, name, run[-1]) else 'reps'}"
    return f"{weight_text(load, cal.settings.unit)} x {best}" if load else best


def _overload_advice(cal: Calendar, name: str, run: list[Session], points: list[Point]) -> str:
    """000's progressive overload, from where the lift stands: more reps up to the top of
    the range, then more load; past the range (12+ reps), a heavier load at once (003)."""
    st = cal.settings
    load, reps = max(points)
    more = format_number(st.overload_fraction * 100, 0)
    if _timed(cal, name, run[-1]):
        return (
            f"Progressive overload for {name}: hold {format_number(st.hold_step_seconds)} s "
            "longer each week, or move to a harder variation."
        )
    if not load:
        return (
            f"Progressive overload for {name}: add a rep per set each week, or hold a dumbbell "
            "or move to a harder variation once the reps come easily."
        )
    if reps >= st.too_light_reps:
        return (
            f"Progressive overload for {name}: {format_number(reps)} reps at "
            f"{weight_text(load, st.unit)} is past the {st.rep_range_low}-{st.rep_range_high} "
            f"range, so take a heavier load, one you can lift {st.rep_range_low}-"
            f"{st.rep_range_high} times, and build the reps from there."
        )
    if reps >= st.rep_range_high:
        heavier = round_load(load * (1 + st.overload_fraction), st.unit, above=load)
        return (
            f"Progressive overload for {name}: your sets reach {st.rep_range_high} reps, so go "
            f"about {more} % heavier, {weight_text(heavier, st.unit)} for {st.rep_range_low} "
            "reps, and build back up."
        )
    return (
        f"Progressive overload for {name}: one more rep per set at "
        f"{weight_text(load, st.unit)} until every set reaches {st.rep_range_high}, then "
        f"about {more} % more load at {st.rep_range_low} reps."
    )


def is_hard_week(cal: Calendar, monday: dt.date) -> bool:
    """2+ strength sessions, not a recovery or taper week, and not a light week: a week that
    counts towards no_deload's five."""
    if len(cal.strength_week(monday)) < 2 or cal.is_easy_week(monday):
        return False
    return not is_light_week(cal, monday)


def is_light_week(cal: Calendar, monday: dt.date) -> bool:
    """Volume at most 60 % of the mean of the loaded weeks before, or working sets at most
    60 % of those of the lifting weeks before: bodyweight work lifts no measured load, so
    it gets lighter by its sets (000's deload halves the work)."""
    found = cal.light_weeks.get(monday)
    if found is None:
        share = cal.settings.light_week_fraction
        volume = cal.baseline_volume(monday)
        sets = cal.baseline_sets(monday)
        found = cal.light_weeks[monday] = (
            volume is not None and cal.volume.get(monday, 0.0) <= share * volume
        ) or (sets is not None and cal.week_sets.get(monday, 0) <= share * sets)
    return found


def hard_weeks_before(cal: Calendar, monday: dt.date) -> int:
    """How many hard weeks in a row end the week before `monday`."""
    count, week = 0, monday - WEEK
    start = cal.first_strength_monday
    while start is not None and week >= start and is_hard_week(cal, week):
        count += 1
        week -= WEEK
    return count


def no_deload(cal: Calendar) -> Iterator[Flag]:
    """000: a recovery week every 4th or 5th week. A week that ends five hard weeks in a row
    (so the 5th at the latest should have been lighter) gets a flag, and so does each
    further hard week until a recovery or light week; those weeks in a row are one flag
    (repeats.runs). It names the weeks' own sessions."""
    return runs(cal, lambda monday: _deload_week(cal, monday))


def _deload_week(cal: Calendar, monday: dt.date) -> Finding | None:
    st = cal.settings
    if monday > cal.last_judged_monday or not is_hard_week(cal, monday):
        return None
    streak = [monday - i * WEEK for i in range(st.deload_after_weeks - 1, -1, -1)]
    if not all(is_hard_week(cal, m) for m in streak[:-1]):
        return None
    sessions = cal.strength_week(monday)
    flag = make_flag(
        "no_deload",
        Severity.WARNING,
        sessions[-1].date,
        f"{len(streak)} hard weeks in a row, {iso_week(streak[0])} to "
        f"{iso_week(monday)}, without a recovery or light week.",
        f"Make every 4th or 5th week a deload: about "
        f"{format_number(st.deload_load_fraction * 100, 0)} % of your max with half the "
        "reps (bodyweight work: half the sets), or set the week's phase to recovery.",
        cal.keys(sessions),
    )
    return Finding("no recovery or light week", flag)
