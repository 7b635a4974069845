"""The JSON backup of the 10-year and the 30-year demo logbook (`make bench`), in CPU time
against floors measured in the same run on the same file: importing it into a new logbook
(read, check every value, write) at most 10 x `json.loads` of the file, and writing the
logbook as the backup's text at most 3 x `json.dumps` of the same data (the dict the text is
written from). Reading the logbook for an export is shown beside, for context: its floor is
the database, not the encoder."""

from __future__ import annotations

import json
import statistics
import time

import pytest

from runstrength_desktop.interchange.backup_json import dump_backup, dumps_backup
from runstrength_desktop.interchange.files import export_json, import_json_file
from runstrength_desktop.store import Repository

RUNS = 5
IMPORT_RATIO = 10
EXPORT_RATIO = 3


def _cpu_wall(action, runs: int = RUNS) -> tuple[float, float]:
    """Medians of CPU and wall milliseconds of action(run)."""
    cpu, wall = [], []
    for run in range(runs):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        action(run)
        cpu.append((time.process_time() - cpu_start) * 1000)
        wall.append((time.perf_counter() - wall_start) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def _report(bench, measure: str, cpu: float, wall: float, floor: float, ratio: int) -> bool:
    met = cpu <= ratio * floor
    bench.add(
        "Backup",
        measure,
        f"{cpu:.0f} ms = {cpu / floor:.1f} x floor",
        f"<= {ratio} x floor",
        met,
        wall=f"{wall:.0f} ms",
    )
    return met


@pytest.mark.parametrize("years", [10, 30])
def test_backup_import_and_export(years, tmp_path, demo_logbooks, bench):
    repo = Repository.open(demo_logbooks[years])
    try:
        path = tmp_path / "backup.json"
        path.write_text(export_json(repo), encoding="utf-8")
        sessions = repo.count_sessions()
        read_cpu, read_wall = _cpu_wall(lambda _run: repo.export_logbook())
        logbook = repo.export_logbook()
        export_cpu, export_wall = _cpu_wall(lambda _run: dumps_backup(logbook))
        data = dump_backup(logbook)
        dumps_floor, dumps_wall = _cpu_wall(lambda _run: json.dumps(data, ensure_ascii=False))
    finally:
        repo.close()
    size_mb = path.stat().st_size / 2**20
    loads_floor, loads_wall = _cpu_wall(lambda _run: json.loads(path.read_bytes()))

    cpu, wall = [], []
    for run in range(RUNS):
        target = Repository.open(tmp_path / f"import{run}.sqlite")
        try:
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            counts = import_json_file(target, path)
            cpu.append((time.process_time() - cpu_start) * 1000)
            wall.append((time.perf_counter() - wall_start) * 1000)
            assert counts["sessions"] == sessions == target.count_sessions()
        finally:
            target.close()
    import_cpu, import_wall = statistics.median(cpu), statistics.median(wall)

    bench.timing(
        "Backup",
        f"floor: `json.loads` of the {years}-year backup ({size_mb:.1f} MB)",
        loads_floor,
        loads_wall,
    )
    imported = _report(
        bench,
        f"import the {years}-year backup into a new logbook ({sessions:,} sessions)",
        import_cpu,
        import_wall,
        loads_floor,
        IMPORT_RATIO,
    )
    bench.timing(
        "Backup", f"floor: `json.dumps` of the {years}-year backup", dumps_floor, dumps_wall
    )
    bench.timing("Backup", f"read the {years}-year logbook for an export", read_cpu, read_wall)
    exported = _report(
        bench,
        f"write the {years}-year logbook as the backup's text",
        export_cpu,
        export_wall,
        dumps_floor,
        EXPORT_RATIO,
    )
    assert imported and exported
