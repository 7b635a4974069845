"""The repository is the one owner of change news: every public write announces, once it has
committed, exactly what it changed; a refused write announces nothing; reads announce nothing.

A new public method must be listed below as a read or a write (with its expected news), so no
write can slip in without telling the caches."""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

from runstrength_desktop.domain import (
    BodyWeight,
    Category,
    Exercise,
    Lap,
    Logbook,
    Phase,
    Race,
    Region,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    Status,
    WeekPhase,
)
from runstrength_desktop.domain.changes import Change
from runstrength_desktop.domain.validation import ValidationError
from runstrength_desktop.store import Repository

DAY = dt.date(2026, 11, 24)
LATER = DAY + dt.timedelta(days=3)

READS = {
    "open",
    "close",
    "subscribe",
    "unsubscribe",
    "backups_dir",
    "backup_now",
    "catalogue",
    "session",
    "sessions_between",
    "all_sessions",
    "sessions_to_judge",
    "date_range",
    "count_sessions",
    "strength_titles",
    "last_session_titled",
    "last_strength_before",
    "exercise_history",
    "races",
    "week_phases",
    "body_weights",
    "export_logbook",
    "source_keys",
    "runs_between",
    # the progress charts' aggregates (store/progress_queries.py)
    "lifted_exercises",
    "exercises_lifted_in",
    "last_lifting_day",
    "loaded_session_counts",
    "exercise_sets",
    "week_totals",
    "week_exercise_work",
    "load_rows",
    "best_loads",
    "loads_by_day",
    "body_weight_rows",
    "has_body_weights",
    "exercise_set_counts",
    "take_warnings",
    "data_version",
    # season plans and plan against done (store/season_store.py)
    "season_phase_weeks",
    "day_tallies",
    "runs_by_plan_uid",
}


def lift(day=DAY, status=Status.DONE, **changes) -> Session:
    return Session(
        day,
        SessionKind.STRENGTH,
        status,
        title="Legs",
        sets=[SetEntry("Back squat", reps=5, weight_kg=80)],
        **changes,
    )


@pytest.fixture
def news(repo):
    heard: list[Change] = []
    repo.subscribe(heard.append)
    return heard


def _saved(repo, session=None):
    """A session already in the logbook, written before the news is listened to."""
    return repo.save_session(session or lift())


def write_cases(repo):
    """(method, the write, what its news must say) for every public write."""
    first = _saved(repo)
    second = _saved(repo, lift(LATER))
    third = _saved(repo, lift(LATER + dt.timedelta(days=1)))
    race = repo.save_race(Race(LATER, "Parkrun", 5))
    gone = _saved(repo, lift(DAY - dt.timedelta(days=1)))
    repo.delete_session(gone.id)
    custom = Exercise("Sled push", Region.LOWER, Category.STRENGTH)
    imported = lift(DAY - dt.timedelta(days=9), source="strong", source_key="2026-11-15 09:00")
    backup = Logbook(
        sessions=[lift(DAY - dt.timedelta(days=20))],
        races=[Race(DAY + dt.timedelta(days=60), "Half", 21.1)],
        weeks=[WeekPhase("2026-W50", Phase.BUILD)],
    )
    planned_run = _saved(
        repo, Session(LATER, SessionKind.RUN, Status.PLANNED, run_type=RunType.TEMPO)
    )
    recorded = Session(
        DAY - dt.timedelta(days=2),
        SessionKind.RUN,
        Status.DONE,
        run_type=RunType.EASY,
        distance_km=8.0,
        duration_min=45.0,
        source="fit",
        source_key="2026-11-22T07:00:00",
        source_file="morning.fit",
        laps=[Lap(distance_km=4.0, seconds=1350.0), Lap(distance_km=4.0, seconds=1350.0)],
    )
    completed = planned_run.copy(status=Status.DONE, distance_km=10.0, duration_min=50.0)
    completed.take_identity(planned_run)
    completed.source, completed.source_key = "gpx", "2026-11-27T07:00:00"
    first_changed = first.copy()
    first_changed.id = first.id
    first_changed.notes = "felt good"
    repo.add_exercise(Exercise("Sled drag", Region.LOWER, Category.STRENGTH))
    dragged = _saved(repo, lift(LATER + dt.timedelta(days=5)))
    dragged.sets = [SetEntry("Sled drag", reps=10)]
    dragged = repo.save_session(dragged)
    heavy = Exercise("Sled drag (heavy)", Region.LOWER, Category.STRENGTH)
    uses = Change(changed=((dragged.id, dragged.date),), catalogue=True)
    merged = {}
    season_day = DAY + dt.timedelta(days=14)
    season_lift = lift(season_day, Status.PLANNED, source="season", source_key="k#0")
    season = {}

    def write_season():
        season["write"] = repo.write_season(
            [season_lift], {"2026-W50": Phase.BASE}, season_day, season_day
        )

    return [
        ("update_exercise", lambda: repo.update_exercise("Sled drag", heavy), uses),
        (
            "merge_exercise",
            lambda: merged.setdefault("it", repo.merge_exercise(heavy.name, "Back squat")),
            uses,
        ),
        ("undo_merge", lambda: repo.undo_merge(merged["it"]), uses),
        (
            "set_exercise_hidden",
            lambda: repo.set_exercise_hidden("Plank", True),
            Change(catalogue=True),
        ),
        ("add_exercise", lambda: repo.add_exercise(custom), Change(catalogue=True)),
        (
            "save_session",
            lambda: repo.save_session(first_changed),
            Change(changed=((first.id, DAY),)),
        ),
        (
            "move_session",
            lambda: repo.move_session(second.id, DAY),
            Change(moved=((second.id, LATER, DAY),)),
        ),
        ("delete_sessions", lambda: repo.delete_sessions([third.id]), None),
        (
            "restore_session",
            lambda: repo.restore_session(gone),
            Change(added=((gone.id, gone.date),)),
        ),
        (
            "restore_sessions",
            lambda: repo.restore_sessions([third]),
            Change(added=((third.id, third.date),)),
        ),
        (
            "delete_session",
            lambda: repo.delete_session(gone.id),
            Change(deleted=((gone.id, gone.date),)),
        ),
        ("save_sessions", lambda: repo.save_sessions([lift(DAY + dt.timedelta(days=30))]), None),
        (
            "edit_plan",
            lambda: repo.edit_plan(
                save=[first_changed], delete=[second.id], phases={"2026-W49": Phase.RECOVERY}
            ),
            Change(
                changed=((first.id, DAY),),
                deleted=((second.id, DAY),),
                phases=("2026-W49",),
            ),
        ),
        ("save_race", lambda: repo.save_race(Race(DAY, "10K", 10)), Change(races=True)),
        ("delete_race", lambda: repo.delete_race(race.id), Change(races=True)),
        (
            "set_week_phase",
            lambda: repo.set_week_phase("2026-W48", Phase.TAPER),
            Change(phases=("2026-W48",)),
        ),
        (
            "save_body_weight",
            lambda: repo.save_body_weight(BodyWeight(DAY, 70.5)),
            Change(body_weights=True),
        ),
        (
            "delete_body_weight",
            lambda: repo.delete_body_weight(DAY),
            Change(body_weights=True),
        ),
        ("import_sessions", lambda: repo.import_sessions([imported], []), None),
        ("import_logbook", lambda: repo.import_logbook(backup), None),
        (
            "import_runs",
            lambda: repo.import_runs([recorded], [completed]),
            None,
        ),
        ("announce", lambda: repo.announce(Change.everything("test")), Change.everything()),
        ("write_season", write_season, None),
        ("undo_season", lambda: repo.undo_season(season["write"]), None),
        ("redo_season", lambda: repo.redo_season(season["write"]), None),
    ]


def test_every_public_method_is_a_known_read_or_write(repo):
    public = {
        name
        for name, member in inspect.getmembers(Repository)
        if not name.startswith("_") and (callable(member) or isinstance(member, property))
    }
    writes = {name for name, _write, _news in write_cases(repo)}
    assert public - READS - writes == set(), "list new repository methods in this test"
    assert READS & writes == set()


def test_every_write_announces_what_it_changed_once(repo, news):
    for name, write, expected in write_cases(repo):
        news.clear()
        write()
        assert len(news) == 1, f"{name} announced {len(news)} changes"
        heard = news[0]
        if expected is not None:
            assert heard == expected, name
        assert heard, f"{name} announced an empty change"


def test_news_of_deletes_saves_and_imports_names_sessions_and_days(repo, news):
    kept = repo.save_session(lift())
    new = news[-1]
    assert new.added == ((kept.id, DAY),) and new.days == {DAY}
    planned = repo.save_sessions([lift(LATER, status=Status.PLANNED)])
    assert news[-1].added == ((planned[0].id, LATER),)
    repo.delete_sessions([kept.id, planned[0].id])
    assert set(news[-1].deleted) == {(kept.id, DAY), (planned[0].id, LATER)}
    report = repo.import_sessions([lift(DAY, source="hevy", source_key="k1")], [])
    assert report["sessions"] == 1 and len(news[-1].added) == 1 and news[-1].touches_sessions
    restored = repo.import_logbook(Logbook(sessions=[lift()]), replace=True)
    assert restored["sessions"] == 1 and news[-1].replaced


def test_an_import_of_runs_names_the_runs_it_added_and_the_planned_runs_it_completed(repo, news):
    planned = repo.save_session(Session(LATER, SessionKind.RUN, Status.PLANNED))
    done = planned.copy(status=Status.DONE, distance_km=5.0, duration_min=25.0)
    done.take_identity(planned)
    done.source, done.source_key, done.source_file = "fit", "2026-11-27T08:00:00", "a.fit"
    new = Session(DAY, SessionKind.RUN, Status.DONE, source="fit", source_key="k", laps=[Lap(1.0)])
    news.clear()
    counts = repo.import_runs([new], [done])
    assert counts == {"runs": 1, "completed": 1, "duplicates_skipped": 0}
    (heard,) = news
    assert heard.changed == ((planned.id, LATER),)
    ((added_id, added_day),) = heard.added
    assert added_day == DAY and repo.session(added_id).laps == [Lap(1.0)]
    assert repo.session(planned.id).source_file == "a.fit"
    news.clear()
    assert repo.import_runs([new], [])["duplicates_skipped"] == 1  # the same key again
    assert news[0].added == ()


def test_a_season_write_and_its_undo_and_redo_name_their_sessions_and_weeks(repo, news):
    day = DAY + dt.timedelta(days=14)
    planned = lift(day, Status.PLANNED, source="season", source_key="k#0")
    news.clear()
    write = repo.write_season([planned], {"2026-W50": Phase.BASE}, day, day)
    (saved,) = write.added
    assert news[-1] == Change(added=((saved.id, day),), phases=("2026-W50",))
    repo.undo_season(write)
    assert news[-1] == Change(deleted=((saved.id, day),), phases=("2026-W50",))
    repo.redo_season(write)
    assert news[-1] == Change(added=((saved.id, day),), phases=("2026-W50",))
    assert len(news) == 3


def test_an_edit_of_the_plan_is_one_transaction(repo, news):
    kept = repo.save_session(lift(status=Status.PLANNED))
    bad = Session(DAY, SessionKind.RUN, Status.DONE, distance_km=-3)
    news.clear()
    with pytest.raises(ValidationError):
        repo.edit_plan(delete=[kept.id], save=[bad])
    assert repo.session(kept.id) == kept and news == []


def test_a_refused_write_announces_nothing(repo, news):
    with pytest.raises(ValidationError):
        repo.save_session(Session(DAY, SessionKind.RUN, Status.DONE, distance_km=-3))
    with pytest.raises(ValidationError):
        repo.save_sessions([lift(), Session(DAY, SessionKind.RUN, Status.DONE, duration_min=-1)])
    ghost = lift()
    ghost.id = 4242
    with pytest.raises(ValidationError):
        repo.save_session(ghost)
    assert news == []


def test_reads_announce_nothing(repo, news):
    repo.save_session(lift())
    news.clear()
    repo.sessions_between(DAY, LATER)
    repo.all_sessions()
    repo.exercise_history("Back squat")
    repo.count_sessions()
    repo.export_logbook()
    assert news == []


def test_news_is_given_after_the_commit(repo, db_path):
    """A listener reading the logbook sees the write (another connection, too)."""
    import sqlite3

    seen = []

    def listener(change):
        other = sqlite3.connect(db_path)
        seen.append(other.execute("SELECT COUNT(*) FROM session").fetchone()[0])
        other.close()

    repo.subscribe(listener)
    repo.save_session(Session(DAY, SessionKind.RUN, Status.DONE, run_type=RunType.EASY))
    assert seen == [1]
