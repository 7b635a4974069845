"""A season to a race on the 10-year demo logbook (`make bench`): planning 16 weeks (what the
window's preview waits for), writing them, writing them again (nothing to change), and the
whole history's plan against done counted in SQL (Progress > Plan against done). Medians of a
few runs, in CPU and wall time."""

from __future__ import annotations

import datetime as dt
import shutil

from runstrength_desktop import clock
from runstrength_desktop.domain import Race
from runstrength_desktop.planning import PlanSettings
from runstrength_desktop.planning.seasonplan import season_from_repository
from runstrength_desktop.store import Repository
from tests.benchmarks.bench_timing import cpu_wall_ms

PREVIEW_TARGET_MS = 1500  # the preview should answer within a second or so


def test_season_speed_on_ten_years(tmp_path, demo_db, bench):
    db = tmp_path / "season.sqlite"
    shutil.copy(demo_db, db)
    repo = Repository.open(db)
    try:
        today = clock.today()
        race = Race(today + dt.timedelta(weeks=15, days=6 - today.weekday()), "Bench marathon")
        settings = PlanSettings()
        plan_cpu, plan_wall = cpu_wall_ms(
            lambda _: season_from_repository(repo, race, settings, today), range(3)
        )
        season = season_from_repository(repo, race, settings, today)

        def write(_):
            repo.write_season(season.sessions, season.phases, season.first, season.last)

        write_cpu, write_wall = cpu_wall_ms(write, range(1))
        again_cpu, again_wall = cpu_wall_ms(write, range(3))
        tally_cpu, tally_wall = cpu_wall_ms(
            lambda _: repo.day_tallies(dt.date.min, dt.date.max, today), range(3)
        )
    finally:
        repo.close()
    weeks = len(season.weeks)
    met = bench.timing(
        "Planner",
        f"plan a season of {weeks} weeks to a race (the preview)",
        plan_cpu,
        plan_wall,
        PREVIEW_TARGET_MS,
    )
    bench.timing("Planner", f"write it ({len(season.sessions)} sessions)", write_cpu, write_wall)
    bench.timing("Planner", "write it again (nothing changes)", again_cpu, again_wall)
    bench.timing("Progress", "plan against done, whole history (SQL)", tally_cpu, tally_wall)
    assert met
