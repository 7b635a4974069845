"""The planner on a 10-year demo logbook (`make bench`): `check` over the whole history, one
week (the plan panel), the editor's live check of one session, and the week plan generator.
Medians of several runs; prints the figures and the flags per rule."""
from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from collections import Counter

from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain.enums import Status
from runstrength_desktop.domain.session import monday_of
from runstrength_desktop.planning import (RULE_IDS, PlanInput, PlanSettings, check,
                                          check_session, plan_week)

RUNS = 7


def _median_ms(action, arguments) -> float:
    times = []
    for argument in arguments:
        started = time.perf_counter()
        action(argument)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def test_check_speed_on_ten_years(tmp_path):
    today = dt.date.today()
    book = generate_demo(10, 1, today)
    started = time.perf_counter()
    plan = PlanInput.from_logbook(book)
    input_ms = (time.perf_counter() - started) * 1000
    settings = PlanSettings()
    whole_ms = _median_ms(lambda _: check(plan, settings, today), range(RUNS))
    flags = check(plan, settings, today)

    mondays = sorted({monday_of(s.date) for s in book.sessions})[::10]
    week_ms = _median_ms(lambda m: check(plan, settings, today, m, m + dt.timedelta(days=6)),
                         mondays)
    edited = [s for s in book.sessions if s.is_strength and s.status is Status.DONE][::20]
    live_ms = _median_ms(lambda s: check_session(plan, s, settings, today), edited)
    # The generator on past weeks with their strength sessions taken out (a week to fill).
    emptied = []
    for monday in mondays[-8:]:
        sunday = monday + dt.timedelta(days=6)
        kept = [s for s in book.sessions if not (s.is_strength and monday <= s.date <= sunday)]
        emptied.append((PlanInput(kept, plan.races, plan.phases, plan.catalogue), monday))
    plan_ms = _median_ms(lambda case: plan_week(case[0], case[1], settings, case[1]), emptied)
    assert all(plan_week(p, m, settings, m) for p, m in emptied)

    db = tmp_path / "demo.sqlite"
    app = [sys.executable, "-m", "runstrength_desktop", "--db", str(db)]
    subprocess.run(app + ["demo", "--years", "10", "--seed", "1"], check=True,
                   capture_output=True, timeout=120)
    cli_s = []
    for _ in range(3):
        started = time.perf_counter()
        result = subprocess.run(app + ["check", "--json"], capture_output=True, text=True,
                                timeout=120)
        cli_s.append(time.perf_counter() - started)
        assert result.returncode == 0 and json.loads(result.stdout)

    rows = [
        ("PlanInput from 10 years (once per change)", f"{input_ms:.1f} ms", ""),
        (f"check, whole history ({len(book.sessions)} sessions)", f"{whole_ms:.0f} ms",
         "< 500 ms"),
        ("check, one week (plan panel)", f"{week_ms:.1f} ms", ""),
        ("check_session (editor, live)", f"{live_ms:.1f} ms", "< 20 ms"),
        ("plan_week (an empty week)", f"{plan_ms:.1f} ms", ""),
        ("runstrength-desktop check --json (whole process)",
         f"{statistics.median(cli_s):.2f} s", ""),
    ]
    counts = Counter(f.rule for f in flags)
    severities = Counter(f.severity.value for f in flags)
    print("\n| measure | median | target |\n| --- | --- | --- |")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    print(f"\nflags on the 10-year demo (seed 1, today {today}): {len(flags)} "
          f"({dict(severities)})")
    for rule in RULE_IDS:
        print(f"  {rule:<30} {counts[rule]}")
    assert whole_ms < 500
    assert live_ms < 20
