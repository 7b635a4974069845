"""Rules about the weeks and months: no_progression, no_deload (000)."""

from __future__ import annotations

from ..domain.session import Session, iso_week, monday_of
from ..domain.units import format_number
from .calendar import WEEK, Calendar
from .flags import Severity, make_flag
from .text import day_text, weight_text

Point = tuple[float, float]  # (load in kg, reps or seconds) of one working set


def _points(cal: Calendar, session: Session, name: str) -> list[Point]:
    points = []
    for entry in session.sets:
        if entry.is_working and cal.facts(entry.exercise).name == name:
            amount = entry.reps if entry.reps is not None else entry.seconds
            if amount is not None:
                points.append((round(entry.weight_kg or 0.0, 3), amount))
    return points


def _beats(new: Point, old: Point) -> bool:
    """More load at the same or more reps, or more reps at the same or more load (000)."""
    return (new[0] > old[0] and new[1] >= old[1]) or (new[1] > old[1] and new[0] >= old[0])


def _rises(new: list[Point], run: list[Point]) -> bool:
    """A set beats one of the run's sets and none of the run's sets is as good in both load
    and reps. So 62.5 kg x 8 after 60 x 8, 9 and 10 is a rise (the next plate), and 60 x 10
    after 60 x 10, 9, 10 is not (going round in circles)."""
    return any(
        any(_beats(p, q) for q in run) and not any(q[0] >= p[0] and q[1] >= p[1] for q in run)
        for p in new
    )


def no_progression(cal: Calendar):
    """An exercise done in 4+ sessions over 3+ weeks (recovery and taper weeks left out)
    whose best set did not rise. A session is *stalled* when, in the shortest run of its
    latest sessions that is 4 sessions and 3 weeks long, no session rose above the ones
    before it; the flag sits on the first stalled session of a stall, so a plateau is told
    once, when it shows, and the verdict depends only on the few sessions before it (a
    week's check agrees with the whole logbook's). A lift left alone for longer than the
    e1RM window starts afresh."""
    wanted = {cal.facts(e.exercise).name for s in cal.window_strength() for e in s.sets}
    history: dict[str, list[Session]] = {name: [] for name in wanted}
    easy: dict = {}
    for session in cal.strength:
        monday = monday_of(session.date)
        if monday not in easy:
            easy[monday] = cal.is_easy_week(monday)
        if easy[monday]:
            continue
        for name in {cal.facts(e.exercise).name for e in session.sets if e.is_working}:
            if name in history:
                history[name].append(session)
    for name in sorted(history):
        with_points = [(s, p) for s in history[name] if (p := _points(cal, s, name))]
        sessions = [s for s, _p in with_points]
        points = [p for _s, p in with_points]
        previous = None
        for index in range(len(sessions)):
            start = _stall_start(cal, sessions, points, index)
            if start is not None and previous is None and cal.in_window(sessions[index].date):
                yield _stall_flag(
                    cal,
                    name,
                    sessions[start : index + 1],
                    [p for group in points[start : index + 1] for p in group],
                )
            previous = start


def _stall_start(
    cal: Calendar, sessions: list[Session], points: list[list[Point]], index: int
) -> int | None:
    """Where the stall that `sessions[index]` ends begins, or None when it is no stall."""
    st = cal.settings
    start, weeks = index, {monday_of(sessions[index].date)}
    while start > 0 and (
        index - start + 1 < st.progression_sessions or len(weeks) < st.progression_weeks
    ):
        if sessions[start].date - sessions[start - 1].date > st.e1rm_weeks * WEEK:
            return None
        start -= 1
        weeks.add(monday_of(sessions[start].date))
    if index - start + 1 < st.progression_sessions or len(weeks) < st.progression_weeks:
        return None
    seen = list(points[start])
    for later in range(start + 1, index + 1):
        if _rises(points[later], seen):
            return None
        seen.extend(points[later])
    return start


def _stall_flag(cal: Calendar, name: str, run: list[Session], points: list[Point]):
    st = cal.settings
    weeks = {monday_of(s.date) for s in run}
    load, amount = max(points)
    timed = all(
        e.reps is None for e in run[-1].sets if e.is_working and cal.facts(e.exercise).name == name
    )
    best = f"{format_number(amount)} {'s' if timed else 'reps'}"
    if load:
        best = f"{weight_text(load, st.unit)} x {best}"
        advice = (
            f"Progressive overload: one more rep per set at the same load until every set "
            f"reaches {st.rep_range_high}, then about "
            f"{format_number(st.overload_fraction * 100, 0)} % more load at "
            f"{st.rep_range_low} reps."
        )
    elif timed:
        advice = (
            f"Hold {format_number(st.hold_step_seconds)} s longer each week, or move to a "
            "harder variation."
        )
    else:
        advice = (
            "Add a rep per set each week, or hold a dumbbell or move to a harder "
            "variation once the reps come easily."
        )
    return make_flag(
        "no_progression",
        Severity.INFO,
        run[-1].date,
        f"{name}: no better best set in {len(run)} sessions over {len(weeks)} weeks, from "
        f"{day_text(run[0].date)} to {day_text(run[-1].date)} (best {best}).",
        advice,
        cal.keys(run),
    )


def is_hard_week(cal: Calendar, monday) -> bool:
    """2+ strength sessions, not a recovery or taper week, and not a light week (volume at
    most 60 % of the weeks before): a week that counts towards no_deload's six."""
    st = cal.settings
    if len(cal.strength_week(monday)) < 2 or cal.is_easy_week(monday):
        return False
    baseline = cal.baseline_volume(monday)
    return not (baseline and cal.volume.get(monday, 0.0) <= st.light_week_fraction * baseline)


def hard_weeks_before(cal: Calendar, monday) -> int:
    """How many hard weeks in a row end the week before `monday`."""
    count, week = 0, monday - WEEK
    start = cal.first_strength_monday
    while start is not None and week >= start and is_hard_week(cal, week):
        count += 1
        week -= WEEK
    return count


def no_deload(cal: Calendar):
    """000: a recovery week every 4th or 5th week. A week that ends six hard weeks in a row
    gets a flag, and so does each further hard week until a recovery or light week."""
    st = cal.settings
    for monday in cal.window_mondays():
        if monday > cal.last_judged_monday or not is_hard_week(cal, monday):
            continue
        streak = [monday - i * WEEK for i in range(st.deload_after_weeks - 1, -1, -1)]
        if not all(is_hard_week(cal, m) for m in streak[:-1]):
            continue
        sessions = cal.strength_week(monday)
        yield make_flag(
            "no_deload",
            Severity.WARNING,
            sessions[-1].date,
            f"{len(streak)} hard weeks in a row, {iso_week(streak[0])} to "
            f"{iso_week(monday)}, without a recovery or light week.",
            f"Make every 4th or 5th week a deload: about "
            f"{format_number(st.deload_load_fraction * 100, 0)} % of your max with half the "
            "reps, or set the week's phase to recovery.",
            cal.keys([s for m in streak for s in cal.strength_week(m)]),
        )
