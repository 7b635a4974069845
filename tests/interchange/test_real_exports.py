"""Every real export of ../shared/data/imports against the counts its README states: the same
number of workouts, and every data row that is not a rest timer or note either imported (as a
set or a run) or skipped with a reason; then importing it again adds nothing.

The files are other people's public histories and never part of this project: the test skips
when the folder is absent."""

from __future__ import annotations

import re

import pytest

from runstrength_desktop.domain import WeightUnit
from runstrength_desktop.domain.exercise_names import is_calf_name
from runstrength_desktop.interchange.importer import import_file
from runstrength_desktop.store import Repository
from tests.helpers import shared_path

IMPORTS = shared_path("data", "imports")
README = IMPORTS / "README.md"


def _number(text: str) -> int:
    return int(re.match(r"[0-9]+", text).group())  # "73 days" -> 73


def readme_rows() -> list[tuple[str, int, int, int]]:
    """(file, data rows, pseudo rows, workouts) from the README's table."""
    if not README.exists():
        return []
    rows = []
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0].endswith(".csv"):
            rows.append((cells[0], _number(cells[3]), _number(cells[4]), _number(cells[5])))
    return rows


ROWS = readme_rows()
pytestmark = pytest.mark.skipif(not ROWS, reason=f"{IMPORTS} is not here")


def test_the_readme_lists_every_file():
    assert sorted(name for name, *_ in ROWS) == sorted(p.name for p in IMPORTS.glob("*.csv"))


@pytest.mark.parametrize(
    "name, data_rows, pseudo_rows, workouts",
    ROWS or [("absent", 0, 0, 0)],
    ids=[r[0] for r in ROWS] or ["absent"],
)
def test_a_real_export_imports_with_the_readmes_counts(
    tmp_path, name, data_rows, pseudo_rows, workouts
):
    repo = Repository.open(tmp_path / "logbook.sqlite")
    try:
        # The unit-less Strong files come from kilogram users (German notes, kg plates).
        report = import_file(repo, IMPORTS / name, unit=WeightUnit.KG)
        assert report.workouts == workouts
        assert report.data_rows == data_rows and report.pseudo_rows == pseudo_rows
        assert report.sets + report.runs + len(report.skipped) == data_rows - pseudo_rows
        assert all(s.line >= 2 and s.reason for s in report.skipped)
        sessions = repo.count_sessions()
        assert sessions == report.sessions >= workouts
        stored = repo.all_sessions()
        assert sum(len(s.sets) for s in stored) == report.sets
        assert sum(1 for s in stored if s.is_run) == report.runs

        again = import_file(repo, IMPORTS / name, unit=WeightUnit.KG)
        assert (again.workouts, again.sets, again.runs, again.new_exercises) == (0, 0, 0, 0)
        assert again.duplicates_skipped == sessions and repo.count_sessions() == sessions
    finally:
        repo.close()


CATALOGUE_SHARE = 0.90  # of each file's working sets, on exercises the app ships


@pytest.mark.parametrize(
    "name", [r[0] for r in ROWS] or ["absent"], ids=[r[0] for r in ROWS] or ["absent"]
)
def test_a_real_exports_working_sets_land_on_catalogue_exercises(tmp_path, name):
    """At least 90 % of each file's working sets on shipped exercises (equipment variants
    kept apart), every calf-named exercise working the calves, and a unit-less Strong
    export's unit told from its loads."""
    repo = Repository.open(tmp_path / "logbook.sqlite")
    try:
        report = import_file(repo, IMPORTS / name, unit="auto")
        if report.dialect == "comma":  # German notes, kilogram plates: kilogram users
            assert report.unit_source == "guess" and report.unit_sure, report.unit_reason
            assert report.unit == "kg", report.unit_reason
        else:
            assert report.unit_source == "file"
        catalogue = repo.catalogue()
        working = [s for session in repo.all_sessions() for s in session.working_sets()]
        shipped = sum(1 for s in working if not catalogue.get(s.exercise).custom)
        customs = sorted({s.exercise for s in working if catalogue.get(s.exercise).custom})
        assert shipped / len(working) >= CATALOGUE_SHARE, (shipped / len(working), customs)
        calf_named = [e for e in catalogue if any(is_calf_name(s) for s in e.spellings)]
        assert calf_named and all(e.is_calf for e in calf_named)
        unmapped = {n["name"]: n["sets"] for n in report.as_json()["unmapped"]}
        assert sum(unmapped.values()) + shipped >= len(working) - report.runs
    finally:
        repo.close()
