"""`runstrength-desktop check`: the table, the JSON list, ranges and bad arguments."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from runstrength_desktop import clock
from runstrength_desktop.cli import main
from runstrength_desktop.planning import RULE_IDS
from runstrength_desktop.planning.sources import ARTICLES

# Runs on each pinned day (tests/conftest.py): month ends, the new year, a leap day.
pytestmark = pytest.mark.dates


FIELDS = [
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
RANK = {"error": 0, "warning": 1, "info": 2}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("check") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--years", "2", "--seed", "3"]) == 0
    return path


def run_check(capsys, db, *args):
    capsys.readouterr()
    code = main(["--db", str(db), "check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_a_list_of_flags_with_the_pages_fields_sorted(capsys, demo_db):
    code, out, _ = run_check(capsys, demo_db, "--json")
    flags = json.loads(out)
    assert code == 0 and len(flags) > 20
    assert all(list(f) == FIELDS for f in flags)
    # A flag that says a run of weeks starts before its own day.
    assert all(f["since"] is None or f["since"] < f["date"] for f in flags)
    assert {f["rule"] for f in flags} <= set(RULE_IDS)
    assert {
        "too_light",
        "no_calf_work",
        "lift_before_hard_run",
        "inconsistent",
        "run_after_lift",
    } <= {f["rule"] for f in flags}
    keys = [(f["date"], RANK[f["severity"]]) for f in flags]
    assert keys == sorted(keys)
    first = flags[0]
    assert dt.date.fromisoformat(first["date"]).isocalendar()[1] == int(first["week"][-2:])
    assert all(isinstance(i, int) and i > 0 for i in first["session_ids"])
    # Sources cite the article by its title and the point it makes, never a file name.
    titles = tuple(ARTICLES.values())
    assert all(f["source"].startswith(titles) and ".txt" not in f["source"] for f in flags)
    light = next(f for f in flags if f["rule"] == "too_light")
    assert light["source"] == (
        "The Complete Guide To Weightlifting for Runners, mistake 1: lifting too light "
        "(weights you can do 12+ reps); lift about 75 % of max"
    )


def test_plans_are_judged_and_past_plans_are_not(capsys, tmp_path):
    from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
    from runstrength_desktop.store import Repository

    db, today = tmp_path / "plans.sqlite", clock.today()
    light = [SetEntry("Goblet squat", reps=15, weight_kg=12.0) for _ in range(3)]
    repo = Repository.open(db)
    try:
        future = repo.save_session(
            Session(today + dt.timedelta(days=3), SessionKind.STRENGTH, Status.PLANNED, sets=light)
        )
        repo.save_session(
            Session(today - dt.timedelta(days=3), SessionKind.STRENGTH, Status.PLANNED, sets=light)
        )
    finally:
        repo.close()
    code, out, _ = run_check(capsys, db, "--json")
    light_flags = [f for f in json.loads(out) if f["rule"] == "too_light"]
    assert code == 0 and [f["session_ids"] for f in light_flags] == [[future.id]]
    assert "Goblet squat 3 x 15 @ 12 kg (12+ reps)" in light_flags[0]["message"]


def test_table_lists_each_flag_with_its_advice_and_the_totals(capsys, demo_db):
    code, out, _ = run_check(capsys, demo_db)
    _, as_json, _ = run_check(capsys, demo_db, "--json")
    flags = json.loads(as_json)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["DATE", "WEEK", "SEVERITY", "RULE", "MESSAGE"]
    assert sum(1 for line in lines if line.strip().startswith("advice:")) == len(flags)
    errors = sum(1 for f in flags if f["severity"] == "error")
    assert f"{len(flags)} flags: {errors} errors" in out
    assert f"{flags[0]['date']}  {flags[0]['week']}  {flags[0]['severity']}" in lines[2]


def test_a_range_keeps_the_flags_of_its_days(capsys, demo_db):
    _, everything, _ = run_check(capsys, demo_db, "--json")
    flags = json.loads(everything)
    first, last = flags[len(flags) // 2]["date"], flags[len(flags) // 2 + 30]["date"]
    code, out, _ = run_check(capsys, demo_db, "--json", "--from", first, "--to", last)
    assert code == 0
    assert json.loads(out) == [f for f in flags if first <= f["date"] <= last]


def test_pounds_in_messages(capsys, demo_db):
    _, out, _ = run_check(capsys, demo_db, "--json", "--unit", "lb")
    light = [f for f in json.loads(out) if f["rule"] == "too_light"]
    assert light and all(" lb" in f["message"] and " kg" not in f["message"] for f in light)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--from", "2026-02-30"], "--from: must be a real date"),
        (["--to", "tomorrow"], "--to: must be a real date"),
        (["--from", "2026-03-02", "--to", "2026-03-01"], "--to (2026-03-01) is before --from"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(capsys, tmp_path, args, message):
    db = tmp_path / "never.sqlite"
    code, out, err = run_check(capsys, db, *args)
    assert code == 2 and message in err and out == ""
    assert not db.exists()


def test_the_table_says_once_that_runs_are_needed(capsys, tmp_path):
    from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
    from runstrength_desktop.store import Repository

    db, today = tmp_path / "lifts.sqlite", clock.today()
    repo = Repository.open(db)
    try:
        for days in (3, 6):
            repo.save_session(
                Session(
                    today - dt.timedelta(days=days),
                    SessionKind.STRENGTH,
                    Status.DONE,
                    sets=[SetEntry("Goblet squat", reps=8, weight_kg=20.0)],
                )
            )
    finally:
        repo.close()
    _, out, _ = run_check(capsys, db)
    notes = [line for line in out.splitlines() if line.startswith("note: ")]
    assert len(notes) == 1 and "No runs are logged near" in notes[0]
    assert "import them with File > Import" in notes[0]


def test_an_empty_logbook_has_no_flags(capsys, tmp_path):
    db = tmp_path / "empty.sqlite"
    assert run_check(capsys, db, "--json")[:2] == (0, "[]\n")
    assert run_check(capsys, db)[:2] == (0, "No flags: nothing to change.\n")


def test_check_leaves_the_garbage_collector_as_it_found_it(capsys, demo_db):
    """check pauses Python's cyclic collector while it works (its objects all live until it
    prints); a caller's process, like this one, gets it back as it was, also after a
    refused range."""
    import gc

    assert gc.isenabled()
    code, out, _ = run_check(capsys, demo_db, "--json")
    assert code == 0 and json.loads(out)
    assert gc.isenabled()
    code, _, err = run_check(capsys, demo_db, "--from", "2026-02-01", "--to", "2026-01-01")
    assert code != 0 and "--to" in err
    assert gc.isenabled()
    gc.disable()
    try:
        assert run_check(capsys, demo_db, "--json")[0] == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
