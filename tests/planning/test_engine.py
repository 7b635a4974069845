"""The engine over whole weeks and logbooks: 004's sample week, the demo's mistakes, ranges
that agree with the whole check, the editor's live check, order and JSON fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrength_desktop.assets import shipped_exercises
from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain.enums import Phase, RunType, SessionKind, SetType, Status
from runstrength_desktop.domain.session import Race, Session, SetEntry, iso_week
from runstrength_desktop.domain.validation import validate_session
from runstrength_desktop.planning import (
    RULE_IDS,
    PlanInput,
    PlanSettings,
    Severity,
    check,
    check_session,
    check_with_notes,
    notes,
    plan_week,
)
from runstrength_desktop.planning.sources import SOURCES
from tests.planning.plan_builders import (
    MONDAY,
    day,
    flags,
    legs,
    lift,
    plan_input,
    run,
    sets,
    upper,
)

TODAY = dt.date(2026, 3, 18)
CITATIONS = {source.text() for source in SOURCES.values()}


def sample_week(week: int) -> list:
    """004: Mon upper body/core, Tue tempo, Wed easy run + lower body, Thu rest, Fri tempo,
    Sat easy, Sun long run; the loads go up a little every week."""
    d = lambda n: MONDAY + dt.timedelta(weeks=week, days=n)  # noqa: E731
    upper_body = (
        sets("Push-up", 3, 10 + week)
        + sets("Dumbbell row", 3, 8, 20.0 + 2 * week)
        + sets("Dead bug", 2, 10 + week)
    )
    lower_body = (
        sets("Back squat", 3, 8, 60.0 + 2.5 * week)
        + sets("Standing calf raise", 3, 10, 40.0 + 2.5 * week)
        + sets("Plank", 2, None, seconds=45 + 5 * week)
    )
    return [
        lift(d(0), upper_body),
        run(d(1), RunType.TEMPO),
        run(d(2), RunType.EASY, order=0),
        lift(d(2), lower_body, order=1),
        run(d(4), RunType.TEMPO),
        run(d(5), RunType.EASY),
        run(d(6), RunType.LONG, minutes=100),
    ]


def test_seed_004_sample_week_raises_no_error_and_no_warning():
    sessions = [s for week in range(4) for s in sample_week(week)]
    found = flags(sessions)
    assert [f for f in found if f.severity is not Severity.INFO] == []
    # What the rules page says about it, all info: 003 would lift the legs on the tempo day
    # (hard_days_apart), 004 on the easy day after it; the seeds disagree. And 003's lower
    # bound: three exercises are short of a whole session of about six, in all 8 sessions of
    # the four weeks of March: said once, naming them all.
    assert Counter(f.rule for f in found) == {"hard_days_apart": 4, "short_session": 1}
    [short] = [f for f in found if f.rule == "short_session"]
    assert len(short.session_ids) == 8 and short.since == MONDAY
    assert short.message.startswith("Every week since Mon 2026-03-02 (4 weeks, 2026-W10 to ")
    assert {f.date.weekday() for f in found if f.rule == "hard_days_apart"} == {2}


# ---- the demo's mistakes ----------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_flags():
    book = generate_demo(2, 5, TODAY)
    return book, check(PlanInput.from_logbook(book, shipped_exercises()), PlanSettings(), TODAY)


def test_the_demo_mistakes_are_found(demo_flags):
    _, found = demo_flags
    rules = {f.rule for f in found}
    assert {
        "too_light",
        "no_calf_work",
        "lift_before_hard_run",
        "inconsistent",
        "too_much_volume",
        "run_after_lift",
    } <= rules
    assert rules <= set(RULE_IDS)


def test_each_injected_mistake_has_its_flag(demo_flags):
    book, found = demo_flags
    by_session = {}
    for flag in found:
        for key in flag.session_ids:
            by_session.setdefault(key, set()).add(flag.rule)
    plan = PlanInput.from_logbook(book, shipped_exercises())
    light = [s for s in book.sessions if s.notes.startswith("Tried a light high-rep week")]
    long = [s for s in book.sessions if s.notes.startswith("Gym was quiet")]
    assert light and all("too_light" in by_session[plan.key_of(s)] for s in light)
    assert all("too_much_volume" in by_session[plan.key_of(s)] for s in long)
    gaps = [f for f in found if f.rule == "inconsistent" and "days without" in f.message]
    days_off = [int(re.search(r"(\d+) days without", f.message)[1]) for f in gaps]
    assert max(days_off) >= 21  # the three weeks off
    four = [f for f in found if "4 strength sessions" in f.message]
    assert len(long) + len(four) >= 2  # one "too much" week a year


def test_ranges_agree_with_the_whole_check():
    book = generate_demo(3, 2, TODAY)
    plan = PlanInput.from_logbook(book, shipped_exercises())
    whole = check(plan, PlanSettings(), TODAY)
    for weeks_back in (1, 10, 30, 77, 120):
        monday = TODAY - dt.timedelta(days=TODAY.weekday(), weeks=weeks_back)
        sunday = monday + dt.timedelta(days=6)
        week = check(plan, PlanSettings(), TODAY, monday, sunday)
        assert week == [f for f in whole if monday <= f.date <= sunday], monday


def test_flags_sorted_by_date_then_severity_and_json_fields():
    sessions = [
        lift(day(0), legs(), order=0),
        run(day(0), RunType.TEMPO, order=1),
        lift(day(3), sets("Goblet squat", 3, 15, 12.0) + upper()),
    ]
    found = flags(sessions)
    keys = [(f.date, f.severity.rank) for f in found]
    assert keys == sorted(keys) and found[0].severity is Severity.ERROR
    assert list(found[0].to_dict()) == [
        "rule",
        "severity",
        "date",
        "week",
        "message",
        "advice",
        "source",
        "session_ids",
        "since",
    ]
    assert found[0].to_dict()["date"] == "2026-03-02"


# ---- the editor's live check --------------------------------------------------------------


def test_a_live_flag_appears_and_goes_as_reps_are_typed():
    history = [lift(day(d), legs() + upper()) for d in (0, 3, 7)]
    plan = plan_input(history)
    editing = lift(day(10), sets("Goblet squat", 3, 8, 12.0) + upper(), status=Status.PLANNED)
    assert [f.rule for f in check_session(plan, editing, today=day(9))] == []
    editing.sets[0] = dataclasses.replace(editing.sets[0], reps=15)
    live = check_session(plan, editing, today=day(9))
    assert [f.rule for f in live] == ["too_light"]
    assert live[0].session_ids == (editing.id,)
    editing.sets[0] = dataclasses.replace(editing.sets[0], reps=1)
    assert check_session(plan, editing, today=day(9)) == []


def test_the_edited_session_replaces_its_stored_version():
    week = [lift(day(d), legs() if d == 0 else upper()) for d in (0, 2, 4)]
    plan = plan_input(week)
    edited = dataclasses.replace(week[1], title="Upper body, renamed")
    assert not [
        f for f in check_session(plan, edited, today=day(7)) if "4 strength sessions" in f.message
    ]
    new = lift(day(6), upper())
    new.id = None
    live = check_session(plan, new, today=day(7))
    volume = [f for f in live if f.rule == "too_much_volume"]
    assert len(volume) == 1 and plan.key_of(new) < 0
    assert volume[0].session_ids[-1] == plan.key_of(new)


def test_a_planned_session_in_the_past_counts_while_edited():
    plan = plan_input([])
    past_plan = lift(day(0), sets("Goblet squat", 3, 15, 12.0), status=Status.PLANNED)
    assert "too_light" in {f.rule for f in check_session(plan, past_plan, today=day(5))}
    skipped = dataclasses.replace(past_plan, status=Status.SKIPPED)
    assert check_session(plan, skipped, today=day(5)) == []


# ---- any logbook ------------------------------------------------------------------------

NAMES = [
    "Back squat",
    "Goblet squat",
    "Standing calf raise",
    "Push-up",
    "Plank",
    "Clam shell",
    "Box jump",
    "Dumbbell row",
    "Cycling",
    "Unknown thing",
]
set_entries = st.builds(
    SetEntry,
    exercise=st.sampled_from(NAMES),
    set_type=st.sampled_from(SetType),
    reps=st.none() | st.integers(0, 30),
    weight_kg=st.none() | st.floats(0, 200),
    seconds=st.none() | st.floats(0, 120),
    target_reps=st.none() | st.integers(0, 30),
)
any_sessions = st.builds(
    Session,
    date=st.integers(0, 70).map(day),
    kind=st.sampled_from(SessionKind),
    status=st.sampled_from(Status),
    start=st.none() | st.builds(dt.time, st.integers(0, 23), st.sampled_from([0, 30, 59])),
    order=st.integers(0, 3),
    run_type=st.none() | st.sampled_from(RunType),
    duration_min=st.none() | st.floats(0, 150),
    sets=st.lists(set_entries, max_size=8),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sessions=st.lists(any_sessions, max_size=30),
    race_days=st.lists(st.integers(0, 80), max_size=2),
    phase=st.none() | st.sampled_from(Phase),
    today=st.integers(0, 80).map(day),
)
def test_any_logbook_checks_and_a_week_agrees_with_the_whole(sessions, race_days, phase, today):
    races = [Race(day(d), "Race") for d in race_days]
    plan = plan_input(sessions, races, {iso_week(day(14)): phase} if phase else {})
    whole = check(plan, PlanSettings(), today)
    assert whole == sorted(whole, key=lambda f: f.sort_key())
    assert all(
        f.rule in RULE_IDS and f.week == iso_week(f.date) and f.source in CITATIONS for f in whole
    )
    for monday in (day(0), day(21), day(63)):
        sunday = monday + dt.timedelta(days=6)
        assert check(plan, PlanSettings(), today, monday, sunday) == [
            f for f in whole if monday <= f.date <= sunday
        ]
    for session in sessions[:3]:
        check_session(plan, session, PlanSettings(), today)
    for session in plan_week(plan, day(28), PlanSettings(), today):
        validate_session(session)


def test_check_with_notes_says_what_check_and_notes_say():
    # Lifting for twelve weeks, running only in the middle four: the weeks before and after
    # (save the ones next to them) are blind to the timing rules: the notes say so.
    sessions = [lift(day(7 * w + 1), legs(60.0 + w)) for w in range(12)]
    sessions += [run(day(7 * w + 3), RunType.TEMPO) for w in range(4, 8)]
    plan = plan_input(sessions)
    today = day(7 * 12)
    for first, last in ((None, None), (day(0), day(83)), (day(28), day(34)), (day(63), day(69))):
        flags, said = check_with_notes(plan, PlanSettings(), today, first, last)
        assert flags == check(plan, PlanSettings(), today, first, last)
        assert said == notes(plan, PlanSettings(), today, first, last)
    assert (
        "No runs are logged near 6 of its 12 weeks"
        in check_with_notes(plan, PlanSettings(), today)[1][0]
    )
    assert check_with_notes(plan, PlanSettings(), today, day(28), day(34))[1] == []
    assert check_with_notes(plan_input(), PlanSettings(), today) == ([], [])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions=st.lists(any_sessions, max_size=30), today=st.integers(0, 80).map(day))
def test_check_with_notes_agrees_on_any_logbook(sessions, today):
    plan = plan_input(sessions)
    for first, last in ((None, None), (day(0), day(20)), (day(21), day(27))):
        assert check_with_notes(plan, PlanSettings(), today, first, last) == (
            check(plan, PlanSettings(), today, first, last),
            notes(plan, PlanSettings(), today, first, last),
        )
