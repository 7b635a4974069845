"""Strength sessions and running distance per ISO week."""

from __future__ import annotations

import numpy as np

from runstrength_desktop.analysis.consistency import rolling_mean, weekly_consistency
from runstrength_desktop.domain import Status
from tests.analysis.analysis_builders import MONDAY, day, epoch, lift, run, work
from tests.progress_rows import week_totals


def test_weeks_run_from_the_first_to_the_last_done_session_including_empty_ones():
    sessions = [
        lift(day(2), *work("Back squat", 5, 60)),
        run(day(3), 10),
        run(day(4), 5.5),
        lift(day(5), *work("Plank", None, seconds=60)),
        lift(day(6), *work("Back squat", 5, 60), status=Status.SKIPPED),
        # week 2 is empty
        run(day(15), 12, status=Status.PLANNED),
        lift(day(22), *work("Back squat", 5, 60)),
        run(day(27), 21.1),
        lift(day(23)),  # no sets: not a session
    ]
    weekly = weekly_consistency(week_totals(sessions))
    assert weekly.first_monday == MONDAY and weekly.weeks == 4
    assert weekly.strength_sessions.tolist() == [2, 0, 0, 1]
    np.testing.assert_allclose(weekly.run_km, [15.5, 0, 0, 21.1])
    mondays = [epoch(MONDAY) + i * 7 * 86400 for i in range(4)]
    np.testing.assert_allclose(weekly.x, [m + 3.5 * 86400 for m in mondays])
    recent = weekly.recent(52)
    assert recent.weeks == 4 and recent.weeks_on_target == 1
    assert recent.sessions_per_week == 0.75 and recent.run_km == 15.5 + 21.1
    assert weekly.recent(2).weeks_on_target == 0


def test_a_logbook_without_done_sessions_has_no_weeks():
    assert weekly_consistency({}) is None
    assert weekly_consistency(week_totals([run(day(0), status=Status.PLANNED)])) is None


def test_the_rolling_mean_averages_each_week_with_the_three_before():
    weeks = np.array([2, 0, 3, 3, 1, 4, 0, 2], dtype=float)
    expected = [weeks[max(0, i - 3) : i + 1].mean() for i in range(len(weeks))]
    np.testing.assert_allclose(rolling_mean(weeks, 4), expected)
