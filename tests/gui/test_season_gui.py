"""The season in the window: "Plan to a race" shows the season week by week before it writes
and is undone and redone in one step; the calendar's week column shows the phase band, the
weeks to go and planned against done; Progress sets the plan against what was done; the plan
is kept in a calendar file after every change; a calendar of runs is imported from File."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QApplication, QDialog

from runstrength_desktop import clock
from runstrength_desktop.domain import Phase, Status, iso_week, monday_of
from runstrength_desktop.domain.season import SEASON_SOURCE
from runstrength_desktop.gui.calendar.phase_colours import phase_fill
from runstrength_desktop.gui.dialogs.season_dialog import NEW_RACE, SeasonDialog
from tests.season_builders import history, marathon, run_plan

DAY = dt.timedelta(days=1)
WEEK = 7 * DAY


def monday() -> dt.date:
    return monday_of(clock.today())


@pytest.fixture
def runner(window):
    """Eight weeks of history, a marathon plan's runs and the race in 14 weeks."""
    race_day = monday() + 13 * WEEK + 6 * DAY
    window.repo.save_sessions(history(monday() - 8 * WEEK) + run_plan(clock.today(), 15, race_day))
    race = window.repo.save_race(marathon(race_day))
    window.tabs.setCurrentWidget(window.calendar_tab)
    return window, race


def accept_with(monkeypatch, seen: list, change=None):
    """SeasonDialog.exec: look at the preview (and change the form), then accept."""

    def exec_(dialog):
        if change is not None:
            change(dialog)
            dialog.refresh()
        seen.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SeasonDialog, "exec", exec_)


def season_sessions(repo):
    return [s for s in repo.all_sessions() if s.source == SEASON_SOURCE]


def test_plan_to_a_race_shows_the_season_then_writes_it_as_one_undo_step(
    qtbot, runner, monkeypatch
):
    window, race = runner
    seen: list[SeasonDialog] = []
    accept_with(monkeypatch, seen)
    before = window.repo.all_sessions()
    calendar = window.calendar_tab
    calendar.plan_season(race)
    (dialog,) = seen
    rows = dialog.week_texts()
    assert len(rows) == 15 and rows[0].startswith(f"W{iso_week(monday())[-2:]}")
    assert [r.split(" | ")[1] for r in rows[-3:]] == ["taper", "taper", "recovery"]
    dialog.weeks.setCurrentItem(dialog.weeks.topLevelItem(2))
    details = dialog.details.toPlainText()
    assert "Why:" in details and " x " in details
    assert "15 weeks to Spring marathon" in dialog.summary.text()
    written = season_sessions(window.repo)
    assert len(written) == len(dialog.season.sessions) > 25
    assert window.repo.season_phase_weeks() == frozenset(dialog.season.phases)
    assert "Planned 15 weeks to Spring marathon" in window.statusBar().currentMessage()
    ids = [s.id for s in written]
    assert calendar.undo.count() == 1
    calendar.undo.undo()
    assert window.repo.all_sessions() == before and window.repo.week_phases() == {}
    calendar.undo.redo()
    assert [s.id for s in season_sessions(window.repo)] == ids
    # Planned again without a change: nothing is written and nothing stacked.
    calendar.plan_season(race)
    assert calendar.undo.count() == 1
    assert "nothing changed" in window.statusBar().currentMessage()


def test_a_race_entered_in_the_dialog_is_added_with_the_season(qtbot, window, monkeypatch):
    window.repo.save_sessions(run_plan(clock.today(), 12, clock.today() + 11 * WEEK))
    day = clock.today() + 10 * WEEK + 5 * DAY

    def new_race(dialog):
        dialog.race_box.setCurrentIndex(dialog.race_box.findData(NEW_RACE))
        dialog.race_day.setDate(dialog.race_day.date().fromString(day.isoformat(), "yyyy-MM-dd"))
        dialog.race_name.setText("Harbour 10K")
        dialog.race_km.setValue(10)

    seen: list[SeasonDialog] = []
    accept_with(monkeypatch, seen, new_race)
    window.calendar_tab.plan_season()
    assert seen[0].new_fields.isVisibleTo(seen[0])
    assert [(r.date, r.name, r.distance_km) for r in window.repo.races()] == [
        (day, "Harbour 10K", 10.0)
    ]
    assert season_sessions(window.repo)
    window.calendar_tab.undo.undo()
    assert window.repo.races() == [] and season_sessions(window.repo) == []


def test_a_nameless_new_race_cannot_be_planned_to(qtbot, window):
    dialog = SeasonDialog([], lambda *a: None, clock.today(), window.context.unit)
    assert dialog.race_box.currentData() == NEW_RACE
    assert not dialog.ok.isEnabled() and "name" in dialog.summary.text()
    dialog.close()


def test_the_week_column_shows_the_phase_band_weeks_to_go_and_plan_against_done(
    qtbot, runner, monkeypatch
):
    window, race = runner
    accept_with(monkeypatch, [])
    calendar = window.calendar_tab
    calendar.plan_season(race)
    calendar.select_day(monday())
    calendar.refresh()
    cell = next(c for c in calendar.grid.weeks if c.week == iso_week(monday()))
    marks = cell._marks
    phase = window.repo.week_phases()[cell.week]
    assert marks.phase is phase and marks.weeks_to_go == 13
    assert marks.band_texts()[-1] == f"{phase.value} · 13 to go"
    planned = window.repo.sessions_between(monday(), monday() + 6 * DAY)
    lifts = [s for s in planned if s.is_strength and s.status is Status.PLANNED]
    assert cell.strength.text() == f"0 / {len(lifts)} strength"
    assert cell.running.text().endswith(" km") and " / " in cell.running.text()
    image = cell.grab().toImage()
    band = image.pixelColor(2, 4)  # beside the words written along the band
    assert band.name() == phase_fill(cell.palette(), phase).name()
    # A lift done with its effort: done against planned, and the week's load.
    lift = lifts[0]
    window.repo.save_session(dataclasses.replace(lift, status=Status.DONE, rpe=7.0))
    calendar.refresh()
    assert cell.strength.text() == f"1 / {len(lifts)} strength"
    assert cell.season_line.text() == f"load {7 * lift.duration_min:.0f}"
    # The race week says so; the week view's band has room for the race's name.
    calendar.select_day(race.date)
    calendar.set_week_view(True)
    calendar.refresh()
    week = calendar.grid.weeks[0]
    assert week._marks.race_week and week._marks.band_texts()[0].endswith(
        "race week: Spring marathon"
    )


def test_progress_sets_the_plan_against_what_was_done(qtbot, window):
    today = clock.today()
    first = monday() - 3 * WEEK
    runs = run_plan(first, 5, today + 14 * DAY)
    window.repo.save_sessions(runs)
    past = [s for s in window.repo.all_sessions() if s.date < today]
    for session in past[::2]:  # every other planned run done, in its own session
        window.repo.save_session(dataclasses.replace(session, status=Status.DONE))
    tab = window.progress_tab
    window.tabs.setCurrentWidget(tab)
    tab.sections.setCurrentRow(tab.sections.count() - 1)
    page = tab.compliance
    qtbot.waitUntil(lambda: page.weekly is not None)
    weekly = page.weekly
    assert weekly.first_monday == first
    done_km = sum(s.distance_km for s in past[::2])
    assert sum(weekly.done_km) == pytest.approx(done_km)
    assert sum(weekly.planned_km) == pytest.approx(sum(s.distance_km for s in runs))
    assert sum(weekly.skipped) == len(past) - len(past[::2])
    heights = page.done_km.opts["height"]
    assert sum(heights) == pytest.approx(done_km)
    assert "planned sessions done" in page.note.text()
    # A change reaches the chart: one more run done.
    left = next(
        s for s in window.repo.all_sessions() if s.status is Status.PLANNED and s.date < today
    )
    window.repo.save_session(dataclasses.replace(left, status=Status.DONE))
    QApplication.processEvents()
    tab.refresh()
    assert sum(page.weekly.done_km) == pytest.approx(done_km + left.distance_km)


def test_the_plan_against_done_page_draws_its_strength_bars_and_form_from_the_logbook(
    qtbot, window
):
    """Planned and done strength sessions per week, and the form curve, as drawn: the bars'
    heights are the weeks' counts and the curve is the load series' form, day by day."""
    from runstrength_desktop.domain import Session, SessionKind, SetEntry

    today = clock.today()
    first = monday() - 2 * WEEK
    lift = [SetEntry("Back squat", reps=8, weight_kg=60)] * 3
    planned = [
        Session(first + n * DAY, SessionKind.STRENGTH, Status.PLANNED, sets=lift)
        for n in (0, 3, 7, 10, 14)
    ]
    window.repo.save_sessions(planned + run_plan(first, 3, today + 7 * DAY))
    strength = [s for s in window.repo.all_sessions() if s.is_strength]
    done = [s for s in strength if s.date < today][:3]
    for session in done:
        window.repo.save_session(
            dataclasses.replace(session, status=Status.DONE, duration_min=45, rpe=7)
        )
    tab = window.progress_tab
    window.tabs.setCurrentWidget(tab)
    tab.sections.setCurrentRow(tab.sections.count() - 1)
    page = tab.compliance
    qtbot.waitUntil(lambda: page.weekly is not None)
    weekly = page.weekly
    assert sum(page.planned_lifts.opts["height"]) == len(planned) == sum(weekly.planned_strength)
    assert sum(page.done_lifts.opts["height"]) == len(done)
    # Per week: the bar of the week of each done session counts it.
    done_by_week = [sum(1 for s in done if monday_of(s.date) == m) for m in weekly.mondays]
    assert list(page.done_lifts.opts["height"]) == done_by_week
    # The form curve is the load series' form, as the Training load page computes it.
    load = tab.source.load()
    _, ys = page.form_curve.getData()
    assert len(ys) == len(load.form) > 0
    assert list(ys) == pytest.approx(list(load.form))
    assert f"Form today {load.form[-1]:+.0f}" in page.note.text()


def test_progress_says_what_to_do_without_a_plan(qtbot, window):
    tab = window.progress_tab
    window.tabs.setCurrentWidget(tab)
    tab.sections.setCurrentRow(tab.sections.count() - 1)
    page = tab.compliance
    tab.refresh()
    assert page.stack.currentWidget() is page.empty and "Plan to a race" in page.empty.text()


def test_the_plan_is_kept_in_a_calendar_file_after_every_change(
    qtbot, runner, tmp_path, monkeypatch
):
    window, race = runner
    feed = window.plan_feed
    path = tmp_path / "synced" / "plan.ics"
    path.parent.mkdir()
    feed.set_path(path)
    qtbot.waitUntil(lambda: path.exists())
    first = {str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    planned = [s for s in window.repo.all_sessions() if s.status is Status.PLANNED]
    planned_ahead = [s for s in planned if s.date >= clock.today()]
    assert first == {f"session-{s.id}@runstrength-desktop" for s in planned_ahead}
    accept_with(monkeypatch, [])
    window.calendar_tab.plan_season(race)
    qtbot.waitUntil(
        lambda: len(list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))) > len(first)
    )
    after = {str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    assert first < after  # the runs' events kept their UIDs
    assert not list(path.parent.glob(".plan.ics.*"))  # no temporary file left
    # The synced folder is gone (unmounted, renamed): the status bar says so, the logbook
    # has the change; when the folder is back, the next change writes the file again.
    gone = path.parent.rename(tmp_path / "away")
    window.calendar_tab.undo.undo()
    qtbot.waitUntil(lambda: "could not be written" in window.statusBar().currentMessage())
    assert season_sessions(window.repo) == [] and not path.exists()
    gone.rename(path.parent)
    window.calendar_tab.undo.redo()
    qtbot.waitUntil(
        lambda: (
            {str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")} == after
        )
    )


def test_a_calendar_of_runs_is_imported_from_file_import(qtbot, window, tmp_path, dialogs):
    path = tmp_path / "coach.ics"
    day = clock.today() + 2 * DAY
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//coach//EN\nBEGIN:VEVENT\nUID:a@coach\n"
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}\nSUMMARY:Tempo 10 km\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    window.import_calendar(path)
    assert any("would add 1 planned runs" in text for _kind, text in dialogs)
    (run,) = window.repo.all_sessions()
    assert (run.date, run.distance_km, run.status, run.plan_uid) == (
        day,
        10.0,
        Status.PLANNED,
        "a@coach",
    )
    window.import_calendar(path)
    assert len(window.repo.all_sessions()) == 1
    assert "0 planned runs added, 0 updated, 1 unchanged" in window.statusBar().currentMessage()


def test_the_phases_the_season_wrote_show_in_the_week_menu_as_the_runners_own_after_a_change(
    qtbot, runner, monkeypatch
):
    """Setting a phase by hand makes it the runner's: planning again keeps it."""
    window, race = runner
    accept_with(monkeypatch, [])
    calendar = window.calendar_tab
    calendar.plan_season(race)
    week = iso_week(monday() + 2 * WEEK)
    calendar.grid.weeks[0].phaseChosen.emit(week, Phase.RECOVERY)
    assert week not in window.repo.season_phase_weeks()
    calendar.plan_season(race)
    assert window.repo.week_phases()[week] is Phase.RECOVERY
