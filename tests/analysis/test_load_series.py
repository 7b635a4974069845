"""Daily load (session RPE x minutes), acute and chronic load and their ratio, and fitness
and fatigue as GoldenCheetah computes them."""

from __future__ import annotations

import math

import numpy as np

from runstrength_desktop.analysis.load import (
    daily_load,
    day_loads,
    ewma,
    trailing_sum,
    training_load,
)
from runstrength_desktop.domain import Status
from runstrength_desktop.domain.metrics import load_of
from tests.analysis.analysis_builders import MONDAY, day, epoch, lift, run, work
from tests.progress_rows import daily_loads, load_rows


def test_daily_load_sums_runs_and_lifts_per_day_from_rpe_and_minutes():
    sessions = [
        run(day(0), minutes=50, rpe=4),
        run(day(0), minutes=20, rpe=2),
        lift(day(0), *work("Back squat", 5, 60), minutes=40, rpe=7),
        run(day(2), minutes=30, rpe=None),  # no RPE: estimated from its type (easy: 3 x 30)
        run(day(3), minutes=60, rpe=9, status=Status.PLANNED),
        lift(day(4), minutes=45, rpe=6),
    ]
    load = daily_load(daily_loads(sessions), through=day(6))
    assert load.first == MONDAY and load.days == 7  # through a week of rest
    assert load.run.tolist() == [240, 0, 90, 0, 0, 0, 0]
    assert load.run_estimated.tolist() == [0, 0, 90, 0, 0, 0, 0]
    assert load.lift.tolist() == [280, 0, 0, 0, 270, 0, 0]
    assert not load.lift_estimated.any()
    assert list(load.x) == [epoch(day(i)) for i in range(7)]
    # Nothing to go on (no minutes, no distance, no sets): no load.
    assert daily_load(daily_loads([run(day(0), km=None, minutes=None)])) is None
    assert daily_load(daily_loads([lift(day(0))])) is None
    # A lift without an RPE: the strength default x its minutes, estimated.
    guessed = daily_load(daily_loads([lift(day(0), minutes=30)]))
    assert guessed.lift.tolist() == [180] and guessed.lift_estimated.tolist() == [180]


def test_fitness_and_fatigue_decay_like_the_performance_management_chart():
    impulse = np.zeros(60)
    impulse[0] = 1000.0
    for days in (42, 7):
        decay = math.exp(-1 / days)
        expected = [1000 * (1 - decay) * decay**n for n in range(60)]
        np.testing.assert_allclose(ewma(impulse, days), expected)
    steady = ewma(np.full(400, 300.0), 42)
    assert (
        abs(steady[-1] - 300 * (1 - math.exp(-400 / 42))) < 1e-9
        and steady[0] < steady[41] < steady[-1]
    )


def test_acute_chronic_and_their_ratio():
    daily = np.arange(1.0, 41.0)
    np.testing.assert_allclose(
        trailing_sum(daily, 7), [daily[max(0, i - 6) : i + 1].sum() for i in range(40)]
    )
    sessions = [run(day(i), minutes=10 * (i % 3 + 1), rpe=5) for i in range(0, 40, 2)]
    load = training_load(daily_loads(sessions))
    total = load.daily.total
    for i in range(load.daily.days):
        acute = total[max(0, i - 6) : i + 1].sum()
        chronic = total[max(0, i - 27) : i + 1].sum() / 4
        assert load.acute[i] == acute and math.isclose(load.chronic[i], chronic)
        if i < 27:
            assert math.isnan(load.ratio[i])
        else:
            assert math.isclose(load.ratio[i], acute / chronic)
    np.testing.assert_allclose(load.fitness, ewma(total, 42))
    np.testing.assert_allclose(load.fatigue, ewma(total, 7))


def test_each_days_load_keeps_its_estimated_part_apart():
    sessions = [
        run(day(0), minutes=50, rpe=4),  # given: 200
        run(day(0), minutes=30),  # an easy run without RPE: estimated
        lift(day(1), *work("Back squat", 5, 60), minutes=40, rpe=7),
        lift(day(2), *work("Back squat", 5, 60), minutes=40),  # no RPE: the strength default
    ]
    loads = day_loads(load_rows(sessions))
    assert loads == daily_loads(sessions)
    estimated = load_of(sessions[1]).value
    assert load_of(sessions[1]).estimated and estimated > 0
    assert loads[day(0)] == (200 + estimated, 0, estimated, 0)
    assert loads[day(1)] == (0, 280, 0, 0) and loads[day(2)] == (0, 240, 0, 240)
    daily = daily_load(loads)
    assert daily.run_estimated.tolist() == [estimated, 0, 0]
    assert daily.lift.tolist() == [0, 280, 240] and daily.lift_estimated.tolist() == [0, 0, 240]
