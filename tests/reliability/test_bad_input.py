"""Bad input never reaches the logbook: days outside 1900-2100 are refused with their JSON
path; readers take only regular files of a sane size (never blocking on a FIFO, never
reading a device); exports stream into FIFOs and devices and replace only regular files,
with the umask's permissions; an unknown schema version, an altered schema, foreign
triggers and unreadable dates are refused with the file left as it was; a path that is not
UTF-8 gets a message; formula look-alikes are neutralised in CSV and control characters
made visible in iCalendar."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading

import pytest

from runstrength_desktop import cli
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status, WeightUnit
from runstrength_desktop.interchange.csv_export import neutralise, sessions_csv
from runstrength_desktop.interchange.files import InterchangeError, export_json_file
from runstrength_desktop.interchange.ical import sessions_ics
from runstrength_desktop.store import LogbookError, Repository
from runstrength_desktop.store.migrations import SCHEMA_VERSION
from tests.reliability.reliability_support import count

RUN = [sys.executable, "-m", "runstrength_desktop"]


def backup_with(**changes) -> dict:
    session = {"date": "2026-03-02", "kind": "run", "status": "done", "run_type": "easy"}
    document = {"format": "runstrength-backup", "version": 1, "sessions": [session]}
    for key, value in changes.items():
        if key == "session_date":
            session["date"] = value
        else:
            document[key] = value
    return document


@pytest.mark.parametrize(
    "document, path",
    [
        (backup_with(session_date="0001-01-01"), "sessions[0].date"),
        (backup_with(session_date="9999-12-31"), "sessions[0].date"),
        (backup_with(races=[{"date": "1899-12-31", "name": "Old 10K"}]), "races[0].date"),
        (backup_with(body_weight=[{"date": "2101-01-01", "weight_kg": 70}]), "body_weight[0].date"),
        (backup_with(weeks=[{"week": "0001-W01", "phase": "base"}]), "weeks[0].week"),
    ],
)
def test_days_outside_1900_to_2100_are_refused_with_their_json_path(
    db_path, tmp_path, capsys, document, path
):
    Repository.open(db_path).close()
    before = db_path.read_bytes()
    backup = tmp_path / "far.json"
    backup.write_text(json.dumps(document))
    code = cli.main(["--db", str(db_path), "import", str(backup), "--replace"])
    err = capsys.readouterr().err
    assert code == 2 and f"{path}:" in err and "nothing was imported" in err
    assert db_path.read_bytes() == before


def test_the_validator_names_the_field_and_the_range():
    from runstrength_desktop.domain.validation import session_errors

    errors = session_errors(Session(dt.date(1, 1, 1), SessionKind.RUN, Status.DONE))
    assert [str(e) for e in errors] == [
        "date: must be a day from 1900-01-01 to 2100-12-31, not 0001-01-01"
    ]


def test_an_ics_export_from_a_far_day_is_refused_not_a_crash(db_path, tmp_path, capsys):
    Repository.open(db_path).close()
    code = cli.main(
        ["--db", str(db_path), "export", str(tmp_path / "p.ics"), "--format", "ics", "--from",
         "9999-12-01"]
    )  # fmt: skip
    assert code == 2
    assert "--from: must be a day from 1900-01-01 to 2100-12-31" in capsys.readouterr().err


def hand_edit(path, sql: str) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    "value, shown", [("9999-12-31", "'9999-12-31'"), ("next tuesday", "'next tuesday'")]
)
def test_a_hand_edited_date_is_refused_on_open_not_a_traceback_later(db_path, capsys, value, shown):
    repo = Repository.open(db_path)
    saved = repo.save_session(Session(dt.date(2026, 3, 2), SessionKind.RUN, Status.DONE))
    repo.close()
    before = hand_edit(db_path, f"UPDATE session SET date = '{value}'")
    assert cli.main(["--db", str(db_path), "check"]) == 2
    err = capsys.readouterr().err
    assert f"session {saved.id} has the date {shown}" in err and "not a day from 1900" in err
    assert db_path.read_bytes() == before


def test_the_calendar_stays_within_the_years_a_logbook_holds(window):
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(dt.date(1, 1, 1))
    assert calendar.selected == dt.date(1900, 1, 1)
    calendar.page(-1)
    assert calendar.selected == dt.date(1900, 1, 1)
    calendar.select_day(dt.date(9999, 12, 31))
    calendar.set_week_view(True)
    calendar.page(1)
    assert calendar.selected == dt.date(2100, 12, 31)
    assert window.session_tab.form.date.minimumDate().year() == 1900


# -- readers ---------------------------------------------------------------------------------


def _limited_memory() -> None:
    import resource

    # If reading /dev/zero ever came back, this process fails on its own, not the machine.
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def test_importing_dev_zero_is_refused_before_reading(db_path):
    Repository.open(db_path).close()
    result = subprocess.run(
        RUN + ["--db", str(db_path), "import", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited_memory,
    )
    assert result.returncode == 2 and "it is a device, not a file" in result.stderr
    count("hostile inputs refused")


@pytest.mark.timeout(30)
@pytest.mark.parametrize("fmt", ["auto", "json", "strong"])
def test_importing_a_fifo_is_refused_instead_of_hanging(db_path, tmp_path, capsys, fmt):
    Repository.open(db_path).close()
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    assert cli.main(["--db", str(db_path), "import", str(fifo), "--format", fmt]) == 2
    assert "it is a FIFO (named pipe), not a file" in capsys.readouterr().err
    count("hostile inputs refused")


def test_a_logbook_that_is_a_fifo_is_refused(tmp_path):
    fifo = tmp_path / "logbook.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(LogbookError, match="not a regular file"):
        Repository.open(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# -- exports ---------------------------------------------------------------------------------


@pytest.mark.timeout(30)
def test_an_export_into_a_fifo_streams_and_leaves_the_fifo(repo, tmp_path):
    repo.save_session(Session(dt.date(2026, 3, 2), SessionKind.RUN, Status.DONE, distance_km=5))
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    export_json_file(repo, fifo)
    reader.join(10)
    assert json.loads(received[0])["sessions"][0]["distance_km"] == 5
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert not list(tmp_path.glob("*.partial"))


@pytest.fixture
def null_device(tmp_path):
    """A character device to export into: as root, a null device of our own (mknod), so a
    regression replaces that one and never the system's /dev/null; otherwise /dev/null
    itself, which an unprivileged process cannot replace."""
    if os.geteuid() != 0:
        return "/dev/null"
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here ({exc.strerror})")
    return str(device)


def test_an_export_to_a_device_leaves_it_a_device(db_path, null_device):
    Repository.open(db_path).close()
    before = os.stat(null_device)
    assert cli.main(["--db", str(db_path), "export", null_device]) == 0
    after = os.stat(null_device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert after.st_ino == before.st_ino
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_export_gets_the_umasks_permissions(repo, tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        export_json_file(repo, tmp_path / "backup.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "backup.json").stat().st_mode) == mode


def test_an_export_replacing_a_file_keeps_its_permissions_and_follows_a_link(repo, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    export_json_file(repo, link)
    assert link.is_symlink() and json.loads(target.read_text())["format"] == "runstrength-backup"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_an_export_onto_a_folder_is_refused(repo, tmp_path):
    with pytest.raises(InterchangeError, match=r"is a folder|Is a directory"):
        export_json_file(repo, tmp_path)


def test_the_logbook_and_the_log_are_private(tmp_path):
    env = {**os.environ, "RUNSTRENGTH_DB": str(tmp_path / "new.sqlite")}
    result = subprocess.run(
        RUN + ["demo", "--years", "1"], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "new.sqlite").stat().st_mode) == 0o600
    logs = list((tmp_path / "home").rglob("runstrength-desktop.log"))
    assert logs and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in logs)


# -- schemas ---------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [-3, -1])
def test_a_negative_schema_version_is_refused_with_the_file_unchanged(db_path, version):
    Repository.open(db_path).close()
    before = hand_edit(db_path, f"PRAGMA user_version = {version}")
    with pytest.raises(LogbookError, match=f"schema version {version} is not one") as refused:
        Repository.open(db_path)
    assert "The file was not changed" in str(refused.value)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("backups/*"))  # nothing copied, nothing migrated


def test_another_programs_database_is_refused(db_path):
    before = hand_edit(db_path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    with pytest.raises(LogbookError, match=r"another program \(tables: notes\)"):
        Repository.open(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    "sql, problem",
    [
        (
            "ALTER TABLE session ADD COLUMN mood TEXT",
            f"columns not in schema {SCHEMA_VERSION}: mood",
        ),
        ("ALTER TABLE strength_set DROP COLUMN rpe", "missing columns: rpe"),
        ("DROP INDEX session_source_key", "index 'session_source_key' is missing"),
        (
            "CREATE TRIGGER audit AFTER INSERT ON session BEGIN "
            "UPDATE session SET notes = 'x' WHERE id = new.id; END",
            "triggers this app did not make (audit)",
        ),
    ],
)
def test_a_hand_altered_schema_is_refused_before_anything_is_written(db_path, sql, problem):
    Repository.open(db_path).close()
    before = hand_edit(db_path, sql)
    with pytest.raises(LogbookError) as refused:
        Repository.open(db_path)
    assert problem in str(refused.value)
    assert db_path.read_bytes() == before


def test_a_path_that_is_not_utf8_gets_a_message(tmp_path):
    folder = os.fsencode(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "runstrength_desktop", "--db", folder + b"/caf\xe9.sqlite", "demo"],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert b"its path has bytes that are not UTF-8" in result.stderr
    assert b"Traceback" not in result.stderr


# -- what goes out ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["＝HYPERLINK(1)", "﹦1+1", "＋1", "－1", "＠SUM(A1)", "−2+3"])
def test_look_alike_formula_starts_are_neutralised_in_csv(text):
    assert neutralise(text) == "'" + text
    session = Session(dt.date(2026, 3, 2), SessionKind.STRENGTH, Status.DONE, title=text)
    session.sets = [SetEntry("Back squat", reps=5)]
    assert f",'{text}," in sessions_csv([session], WeightUnit.KG)


def test_control_characters_are_made_visible_in_the_ics():
    session = Session(
        dt.date(2026, 3, 2),
        SessionKind.RUN,
        Status.PLANNED,
        title="Tempo\x07\x1b[31m",
        notes="line one\r\nline two\x00\x7f",
    )
    text = sessions_ics([session], WeightUnit.KG, now=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    assert not any((ord(c) < 32 and c not in "\r\n") or ord(c) == 0x7F for c in text)
    assert "SUMMARY:Tempo␇␛[31m" in text and "line one\\nline two␀␡" in text
