"""Side "each" (one row for a set done on the left and again on the right) through the store,
the JSON backup, the CSV export and the SQL of the progress charts."""

from __future__ import annotations

import datetime as dt

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Side, Status, WeightUnit
from runstrength_desktop.domain.metrics import session_volume
from runstrength_desktop.interchange.backup_json import dumps_backup, loads_backup
from runstrength_desktop.interchange.csv_export import sessions_csv


def _session() -> Session:
    return Session(
        clock.today() - dt.timedelta(days=1),
        SessionKind.STRENGTH,
        Status.DONE,
        sets=[
            SetEntry("Single-leg deadlift", reps=8, weight_kg=20, side=Side.EACH),
            SetEntry("Back squat", reps=5, weight_kg=100),
        ],
    )


def test_each_is_stored_backed_up_exported_and_counted_for_both_sides(repo):
    saved = repo.save_session(_session())
    again = repo.session(saved.id)
    assert [s.side for s in again.sets] == [Side.EACH, Side.BOTH]
    text = dumps_backup(repo.export_logbook())
    assert '"side": "each"' in text.replace('"side":"each"', '"side": "each"')
    restored = loads_backup(text, repo.catalogue())
    assert [s.side for s in restored.sessions[0].sets] == [Side.EACH, Side.BOTH]
    assert ",each," in sessions_csv([again], WeightUnit.KG)
    # 8 x 20 on each side is 320 kg of volume, in Python and in the charts' SQL alike.
    assert session_volume(again) == 320 + 500
    work = {name: volume for _monday, name, _sets, volume, _body in repo.week_exercise_work()}
    assert work == {"Single-leg deadlift": 320, "Back squat": 500}


def test_an_old_backup_without_side_reads_as_both(repo):
    old = (
        '{"format": "runstrength-backup", "version": 2, "sessions": [{"date": "2026-11-02",'
        ' "kind": "strength", "status": "done", "sets": [{"exercise": "Plank", "seconds": 45},'
        ' {"exercise": "Side plank", "seconds": 30, "side": "left"}]}]}'
    )
    logbook = loads_backup(old, repo.catalogue())
    assert [s.side for s in logbook.sessions[0].sets] == [Side.BOTH, Side.LEFT]
