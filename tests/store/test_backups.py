"""Opening never depends on a backup: a backup that cannot be made (a full disk) is a
warning and leaves no `.partial` behind; backups are private, uniquely named, pruned by
count and size, cleaned of what killed copies left, and listed only for their own logbook."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from runstrength_desktop import cli
from runstrength_desktop.domain import Session, SessionKind, Status
from runstrength_desktop.store import Repository, backup
from runstrength_desktop.store.backup import (
    all_backups,
    automatic_backups,
    backups_dir_for,
    prune_backups,
)
from runstrength_desktop.store.restore import list_backups

DAY = dt.datetime(2026, 3, 2, 8, 0)


def filled(path, sessions: int = 20):
    repo = Repository.open(path)
    for n in range(sessions):
        repo.save_session(
            Session(
                dt.date(2025, 1, 1) + dt.timedelta(days=n),
                SessionKind.RUN,
                Status.DONE,
                distance_km=5,
                notes="x" * 2000,
            )
        )
    repo.close()


def leftovers(path) -> list[str]:
    folder = backups_dir_for(path)
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name or p.name[0] == ".")


def test_a_backup_the_disk_refuses_is_a_warning_and_leaves_no_partial(db_path, monkeypatch):
    filled(db_path)
    Repository.open(db_path, now=DAY).close()  # yesterday's backup, so today's is due

    def full(_partial, _destination):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_link_new", full)
    repo = Repository.open(db_path, now=DAY + dt.timedelta(days=1))
    try:
        assert repo.count_sessions() == 20  # opened all the same
        [warning] = repo.take_warnings()
        assert warning == "No automatic backup was made today: No space left on device"
    finally:
        repo.close()
    assert leftovers(db_path) == [] and len(automatic_backups(db_path)) == 1


def test_export_works_on_a_logbook_whose_backup_fails(db_path, tmp_path, monkeypatch, capsys):
    filled(db_path)
    Repository.open(db_path, now=DAY).close()
    monkeypatch.setattr(
        backup, "_link_new", lambda *_: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full"))
    )
    out = tmp_path / "out.json"
    assert cli.main(["--db", str(db_path), "export", str(out)]) == 0
    assert out.stat().st_size > 1000
    assert "No automatic backup was made today" in capsys.readouterr().err


@pytest.fixture
def small_disk(tmp_path):
    """An 8 MB tmpfs, where the machine lets us mount one (root); skipped elsewhere."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "none", str(mount)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip() or 'not root'})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill_disk(folder, leave: int) -> None:
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler", "wb") as out:
        out.write(b"\0" * max(0, free - leave))


def test_a_nearly_full_disk_still_opens_the_logbook_for_export(small_disk, tmp_path):
    logbook = small_disk / "logbook.sqlite"
    filled(logbook, sessions=300)  # about 1 MB: its backup cannot fit in what is left
    Repository.open(logbook, now=DAY).close()
    shutil.rmtree(backups_dir_for(logbook))
    fill_disk(small_disk, leave=256 * 1024)
    out = tmp_path / "export.json"
    result = subprocess.run(
        [sys.executable, "-m", "runstrength_desktop", "--db", str(logbook), "export", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RUNSTRENGTH_TODAY": "2026-03-09"},
    )
    assert result.returncode == 0, result.stderr
    assert "No automatic backup was made today" in result.stderr
    assert out.read_text().count('"kind": "run"') == 300
    assert leftovers(logbook) == []


def test_a_save_on_a_full_disk_says_the_disk_is_full(small_disk):
    from runstrength_desktop.store import StoreError

    logbook = small_disk / "logbook.sqlite"
    repo = Repository.open(logbook)
    try:
        fill_disk(small_disk, leave=0)
        with pytest.raises(StoreError) as refused:
            for n in range(200):
                repo.save_session(
                    Session(dt.date(2025, 1, 1), SessionKind.RUN, Status.DONE, notes="x" * 20000)
                )
                assert n < 199, "the disk never filled up"
        assert str(refused.value).startswith("the disk is full")
        assert "cannot rollback" not in str(refused.value)
    finally:
        (small_disk / "filler").unlink()
        repo.close()


def test_two_backups_in_the_same_second_get_two_names(repo, db_path):
    first = repo.backup_now()
    second = repo.backup_now()
    assert first != second and first.exists() and second.exists()
    for copy in (first, second):
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        conn.close()


def test_backups_are_private(repo, db_path):
    made = repo.backup_now()
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(os.stat(f"{db_path}-wal").st_mode) == 0o600


def test_an_older_logbook_others_could_read_is_made_private(db_path):
    Repository.open(db_path).close()
    os.chmod(db_path, 0o644)
    Repository.open(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_backups_are_pruned_by_count_keeping_the_newest(repo, db_path):
    for n in range(14):
        made = backup.backup_now(
            repo.db.connection(), db_path, DAY + dt.timedelta(minutes=n), "manual"
        )
    kept = [p for p in all_backups(db_path) if "-manual-" in p.name]
    assert len(kept) == backup.KEEP_PER_KIND and kept[0] == made


def test_backups_are_pruned_by_total_size(repo, db_path, monkeypatch):
    for n in range(6):
        backup.backup_now(repo.db.connection(), db_path, DAY + dt.timedelta(days=n))
    newest_manual = repo.backup_now()
    monkeypatch.setattr(backup, "MAX_TOTAL_FACTOR", 3)
    assert prune_backups(db_path)
    kept = all_backups(db_path)
    logbook = db_path.stat().st_size + os.stat(f"{db_path}-wal").st_size
    assert sum(p.stat().st_size for p in kept) <= 3 * max(logbook, newest_manual.stat().st_size)
    assert newest_manual in kept and automatic_backups(db_path)[-1][0] == DAY + dt.timedelta(5)


def test_a_backup_dated_in_the_future_does_not_stop_the_daily_backup(db_path):
    Repository.open(db_path).close()
    Repository.open(db_path, now=dt.datetime(2099, 1, 1)).close()  # a clock gone wrong once
    Repository.open(db_path, now=DAY).close()
    assert [made for made, _ in automatic_backups(db_path)] == [DAY, dt.datetime(2099, 1, 1)]


def test_another_logbooks_backups_are_not_listed(tmp_path):
    mine, theirs = tmp_path / "logbook.sqlite", tmp_path / "logbook-old.sqlite"
    for path in (mine, theirs):
        Repository.open(path).close()
        Repository.open(path, now=DAY).close()  # one automatic backup each
    repo = Repository.open(theirs)
    repo.backup_now()
    repo.close()
    listed = [b.path.name for b in list_backups(mine)]
    assert listed == ["logbook-20260302-080000.sqlite"]
    assert all(
        name.startswith("logbook-old-") for name in (b.path.name for b in list_backups(theirs))
    )


def test_what_killed_copies_and_restores_left_is_cleaned_on_open(db_path):
    Repository.open(db_path).close()
    folder = backups_dir_for(db_path)
    folder.mkdir(exist_ok=True)
    old_restore, new_restore = folder / ".restore-abc", folder / ".restore-def"
    for path in (old_restore, new_restore):
        path.mkdir()
        (path / "restore.sqlite").write_bytes(b"x" * 100)
    old_partial = folder / "logbook-20200101-000000.sqlite.x1.partial"
    old_partial.write_bytes(b"half")
    hours_ago = time.time() - 2 * 3600
    for path in (old_restore, old_partial):
        os.utime(path, (hours_ago, hours_ago))
    Repository.open(db_path).close()
    assert not old_restore.exists() and not old_partial.exists()
    assert new_restore.exists()  # may be a restore running in another window right now


def test_the_window_shows_a_failed_backup_in_the_status_bar(db_path, settings, qtbot, monkeypatch):
    from runstrength_desktop.app import create_window

    filled(db_path, sessions=2)
    Repository.open(db_path, now=DAY).close()
    monkeypatch.setattr(
        backup, "_link_new", lambda *_: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full"))
    )
    window = create_window(db_path, settings)
    qtbot.addWidget(window)
    assert "No automatic backup was made today: full" in window.statusBar().currentMessage()
    window.close()
