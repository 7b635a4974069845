"""inconsistent, no_calf_work and no_upper_or_core on both sides of their thresholds."""

from __future__ import annotations

import pytest

from runstrength_desktop.domain.enums import Phase, Status
from runstrength_desktop.planning import Severity
from tests.planning.plan_builders import day, flags, legs, lift, phases, race, sets, upper, weekly


def week_sessions(week: int, count: int, entries=None):
    return [
        lift(day(7 * week + d), entries if entries is not None else legs())
        for d in (0, 3, 5)[:count]
    ]


# ---- inconsistent: sessions a week ------------------------------------------------------


@pytest.mark.parametrize("count, severity", [(2, None), (1, Severity.WARNING), (0, Severity.ERROR)])
def test_sessions_a_week(count, severity):
    sessions = week_sessions(0, 2) + week_sessions(1, count) + week_sessions(2, 2)
    found = [f for f in flags(sessions, "inconsistent") if f.week == "2026-W11"]
    assert [f.severity for f in found] == ([severity] if severity else [])
    if count == 1:
        assert found[0].message == "2026-W11: 1 strength session; a week needs at least 2."
        assert found[0].date == day(7)
    if count == 0:
        assert found[0].message.startswith("2026-W11: no strength session")
        assert found[0].date == day(7) and found[0].session_ids == ()


@pytest.mark.parametrize("count, severity", [(1, None), (0, Severity.ERROR)])
def test_one_session_is_enough_in_a_taper_week(count, severity):
    sessions = week_sessions(0, 2) + [lift(day(7 + 2), upper())][:count] + week_sessions(2, 2)
    found = [
        f
        for f in flags(sessions, "inconsistent", races=[race(day(13))])
        if f.week == "2026-W11" and "strength session" in f.message
    ]
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_none_is_allowed_in_a_recovery_week():
    sessions = week_sessions(0, 2) + week_sessions(2, 2)
    weeks = [
        f
        for f in flags(sessions, "inconsistent", week_phases=phases(w1=Phase.RECOVERY))
        if "strength session" in f.message
    ]
    assert weeks == []


def test_weeks_are_judged_from_the_first_session_up_to_today():
    first = lift(day(3), legs())  # a Thursday: the first week is not judged
    found = flags([first], "inconsistent", today=day(20))
    assert [(f.week, f.severity) for f in found if "strength session" in f.message] == [
        ("2026-W11", Severity.ERROR),
        ("2026-W12", Severity.ERROR),
    ]


def test_plans_extend_the_judged_weeks():
    done = week_sessions(0, 2)
    planned = lift(day(21), legs(), status=Status.PLANNED)
    found = flags(done + [planned], "inconsistent", today=day(7))
    assert [f.week for f in found if "strength session" in f.message] == [
        "2026-W11",
        "2026-W12",
        "2026-W13",
    ]


# ---- inconsistent: gaps and on/off weeks ------------------------------------------------


@pytest.mark.parametrize("gap, fires", [(9, False), (10, True)])
def test_gap_over_9_days(gap, fires):
    before, after = lift(day(0), legs()), lift(day(gap), legs())
    found = [f for f in flags([before, after], "inconsistent") if "days without" in f.message]
    assert bool(found) is fires
    if fires:
        assert found[0].date == day(10) and found[0].severity is Severity.WARNING
        assert found[0].session_ids == (after.id,)  # the week's own session
        assert "10 days without strength work, from Mon 2026-03-02" in found[0].message


def test_one_flag_a_week_says_everything_it_found():
    """A week with one session after a long gap: too few sessions and the gap, one flag."""
    sessions = week_sessions(0, 2) + [lift(day(19), legs())]
    [found] = [f for f in flags(sessions, "inconsistent") if f.week == "2026-W12"]
    assert found.message == (
        "2026-W12: 1 strength session; a week needs at least 2; 16 days without strength "
        "work, from Thu 2026-03-05 to Sat 2026-03-21 (at most 9)."
    )
    assert found.severity is Severity.WARNING


def test_four_weeks_on_and_off_is_an_error_three_are_not():
    on_off = week_sessions(0, 2) + week_sessions(2, 2)  # on, off, on
    assert [
        f for f in flags(on_off, "inconsistent", today=day(20)) if "alternate" in f.message
    ] == []
    four = [f for f in flags(on_off, "inconsistent", today=day(27)) if "alternate" in f.message]
    assert [(f.severity, f.week) for f in four] == [(Severity.ERROR, "2026-W13")]
    assert "4 weeks from 2026-W10 to 2026-W13 alternate" in four[0].message
    five = on_off + week_sessions(4, 2)  # on, off, on, off, on
    found = [f for f in flags(five, "inconsistent", today=day(34)) if "alternate" in f.message]
    assert [(f.severity, f.week) for f in found] == [
        (Severity.ERROR, "2026-W13"),
        (Severity.ERROR, "2026-W14"),
    ]
    assert "(off, on, off, on)" in found[1].message


# ---- no_calf_work -----------------------------------------------------------------------


def test_no_calf_work_warns_then_errs_the_second_week_in_a_row():
    no_calves = sets("Back squat", 3, 8, 60.0) + sets("Plank", 2, None, seconds=40)
    sessions = week_sessions(0, 2, no_calves) + week_sessions(1, 2, no_calves) + week_sessions(2, 2)
    found = flags(sessions, "no_calf_work")
    assert [(f.week, f.severity) for f in found] == [
        ("2026-W10", Severity.WARNING),
        ("2026-W11", Severity.ERROR),
    ]
    assert "second week in a row" in found[1].message


@pytest.mark.parametrize("calf", ["Standing calf raise", "Single-leg heel raise", "Single-leg hop"])
def test_any_exercise_working_the_calves_counts(calf):
    sessions = [lift(day(0), sets("Back squat", 3, 8, 60.0) + sets(calf, 2, 10))]
    assert flags(sessions, "no_calf_work") == []


def test_a_warm_up_set_of_calf_raises_is_not_calf_work():
    from runstrength_desktop.domain.enums import SetType

    entries = sets("Back squat", 3, 8, 60.0) + sets(
        "Standing calf raise", 1, 10, 20.0, kind=SetType.WARMUP
    )
    assert len(flags([lift(day(0), entries)], "no_calf_work")) == 1


# ---- no_upper_or_core -------------------------------------------------------------------


@pytest.mark.parametrize(
    "entries, missing",
    [
        (legs() + upper(), None),
        (legs(), "no upper-body exercise"),
        (sets("Back squat", 3, 8, 60.0) + sets("Push-up", 3, 10), "no core exercise"),
        (sets("Back squat", 3, 8, 60.0), "no upper-body or core exercise"),
        (
            sets("Back squat", 3, 8, 60.0) + sets("Push-up", 3, 10) + sets("Cat-cow", 2, 10),
            "no core exercise",
        ),  # a stretch is not core work
    ],
)
def test_no_upper_or_core_says_which(entries, missing):
    found = flags([lift(day(0), entries)], "no_upper_or_core")
    assert [f.message.split("but ")[1] for f in found] == ([missing + "."] if missing else [])


def test_upper_and_core_may_come_from_another_session_of_the_week():
    sessions = [lift(day(0), legs()), lift(day(3), upper())]
    assert flags(sessions, "no_upper_or_core") == []
    assert weekly(1) and len(flags(weekly(1), "no_upper_or_core")) == 1
