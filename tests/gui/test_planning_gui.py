"""The planner in the window: the plan panel and badges, live flags in the editor, and
"Plan this week"."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import (
    BodyWeight,
    RunType,
    Session,
    SessionKind,
    SetEntry,
    Status,
    iso_week,
    monday_of,
)
from runstrength_desktop.planning import WEEK_RULES, PlanInput, check, check_spanning

# Runs on each pinned day (tests/conftest.py): month ends, the new year, a leap day.
pytestmark = pytest.mark.dates


def monday() -> dt.date:
    return monday_of(clock.today()) + dt.timedelta(days=14)


def _save(window, *sessions):
    saved = [window.repo.save_session(s) for s in sessions]
    return saved


def test_panel_and_badges_show_the_weeks_flags_and_a_click_selects(qtbot, window):
    """003's example: squats on Monday, intervals on Tuesday."""
    squats, _ = _save(
        window,
        Session(
            monday(),
            SessionKind.STRENGTH,
            Status.PLANNED,
            title="Legs",
            sets=[SetEntry("Back squat", reps=8, weight_kg=60)] * 3,
        ),
        Session(
            monday() + dt.timedelta(days=1),
            SessionKind.RUN,
            Status.PLANNED,
            run_type=RunType.INTERVALS,
            distance_km=10,
            duration_min=50,
        ),
    )
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(monday() + dt.timedelta(days=3))
    panel = calendar.plan_panel
    assert panel.title.text() == f"Plan check · {iso_week(monday())}"
    rules = [f.rule for f in panel.flags]
    assert "lift_before_hard_run" in rules
    flag = next(f for f in panel.flags if f.rule == "lift_before_hard_run")
    assert panel.group_titles()[0] == "Error · Legs before a hard run (1)"  # errors first
    item = next(i for i in panel.flag_items() if flag.message in i.text())
    assert flag.advice in item.text() and "error" in panel.summary.text()
    cell = calendar.grid.cell_for(monday())
    assert cell.badge.isVisibleTo(calendar) and cell.badge.text().strip().isdigit()
    assert "lift" in cell.badge.toolTip().lower() or "24 h" in cell.badge.toolTip()
    qtbot.mouseClick(item, Qt.MouseButton.LeftButton)
    assert calendar.selected_day() == monday() and calendar.selected_id == squats.id
    # The panel says what the whole-logbook check says about that week.
    whole = check(
        PlanInput.from_repository(window.repo),
        today=clock.today(),
        first=monday(),
        last=monday() + dt.timedelta(days=6),
    )
    assert [f.to_dict() for f in panel.flags] == [f.to_dict() for f in whole]


def test_a_live_flag_appears_and_goes_as_reps_are_typed(qtbot, window):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    editor.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "Goblet squat")
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "15")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "too_light" in editor.panel.flag_rules()
    message = next(
        editor.panel.flags.item(i).text()
        for i in range(editor.panel.flags.count())
        if editor.panel.flags.item(i).data(0x0100) == "too_light"
    )
    assert "15" in message and "Goblet squat" in message and "12 kg" in message
    editor.model.setData(editor.model.index(0, 2), "8")
    assert "too_light" not in editor.panel.flag_rules()
    editor.undo.undo()
    assert "too_light" in editor.panel.flag_rules()


def test_each_exercise_shows_its_suggested_target(window):
    base = monday() - dt.timedelta(days=28)
    for week in range(3):
        _save(
            window,
            Session(
                base + dt.timedelta(days=7 * week),
                SessionKind.STRENGTH,
                Status.DONE,
                title="Legs",
                sets=[SetEntry("Back squat", reps=10, weight_kg=60)] * 3,
            ),
        )
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    window.context.bus.newSessionRequested.emit(monday(), "strength")
    editor.model.insert_row(0, SetEntry("Back squat", reps=8, weight_kg=62.5))
    text = "\n".join(editor.panel.texts())
    assert "last (" in text and "3 x 10 @ 60 kg" in text
    assert "target: 3 x 8 @ 62.5 kg" in text  # top of the range reached: +5 %, rounded


def test_plan_this_week_adds_sessions_and_undo_removes_them(qtbot, window, monkeypatch):
    from runstrength_desktop.gui.dialogs.plan_week_dialog import PlanWeekDialog

    monkeypatch.setattr(PlanWeekDialog, "exec", lambda dialog: True)  # "Add to the calendar"
    runs = [
        (0, RunType.EASY, 8),
        (1, RunType.INTERVALS, 10),
        (3, RunType.TEMPO, 9),
        (6, RunType.LONG, 20),
    ]
    _save(
        window,
        *[
            Session(
                monday() + dt.timedelta(days=d),
                SessionKind.RUN,
                Status.PLANNED,
                run_type=t,
                distance_km=km,
                duration_min=km * 5.5,
            )
            for d, t, km in runs
        ],
    )
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(monday())
    qtbot.mouseClick(calendar.plan_button, Qt.MouseButton.LeftButton)
    sunday = monday() + dt.timedelta(days=6)
    week = window.repo.sessions_between(monday(), sunday)
    lifts = [s for s in week if s.is_strength]
    assert 2 <= len(lifts) <= 3 and all(s.status is Status.PLANNED for s in lifts)
    assert "Planned" in window.statusBar().currentMessage()
    flags = check(
        PlanInput.from_repository(window.repo), today=clock.today(), first=monday(), last=sunday
    )
    assert [f for f in flags if f.severity.value in ("error", "warning")] == []
    qtbot.keyClick(calendar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s for s in window.repo.sessions_between(monday(), sunday) if s.is_strength] == []
    qtbot.keyClick(
        calendar,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len([s for s in window.repo.sessions_between(monday(), sunday) if s.is_strength]) == len(
        lifts
    )


def test_thresholds_dialog_changes_what_the_planner_flags(qtbot, window, monkeypatch):
    from runstrength_desktop.gui.dialogs.thresholds_dialog import ThresholdsDialog

    first = monday() - dt.timedelta(days=21)
    lifts = [
        Session(
            first + dt.timedelta(days=d),
            SessionKind.STRENGTH,
            Status.DONE,
            sets=[
                SetEntry("Back squat", reps=8, weight_kg=60),
                SetEntry("Standing calf raise", reps=10, weight_kg=20),
                SetEntry("Push-up", reps=10),
                SetEntry("Plank", seconds=45),
            ],
        )
        for d in (0, 3, 13)
    ]  # a 10-day gap between the last two
    _save(window, *lifts)
    planner = window.context.planner

    def gap_flags():
        return [
            f
            for f in planner.flags(first, first + dt.timedelta(days=20))
            if f.rule == "inconsistent" and "days without strength work" in f.message
        ]

    assert len(gap_flags()) == 1 and "10 days" in gap_flags()[0].message

    def raise_gap(dialog):
        dialog.findChild(type(dialog.editors["max_gap_days"]), "max_gap_days").setValue(10)
        return True

    monkeypatch.setattr(ThresholdsDialog, "exec", raise_gap)
    window.findChild(type(window.menuBar().actions()[0]), "actionThresholds").trigger()
    assert planner.settings.max_gap_days == 10
    assert gap_flags() == []
    assert "thresholds saved" in window.statusBar().currentMessage()


def test_an_empty_week_says_how_to_plan_it(window):
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(monday())
    assert calendar.plan_panel.summary.text().startswith("Nothing planned this week yet")
    _save(
        window,
        Session(monday(), SessionKind.RUN, Status.PLANNED, run_type=RunType.EASY, distance_km=6),
    )
    assert not calendar.plan_panel.summary.text().startswith("Nothing planned")


def _week_of_runs(window, types):
    return _save(
        window,
        *[
            Session(
                monday() + dt.timedelta(days=d),
                SessionKind.RUN,
                Status.PLANNED,
                run_type=t,
                distance_km=10,
                duration_min=50,
            )
            for d, t in types
        ],
    )


def test_defect_a_week_of_runs_and_no_lifts_is_not_said_to_fit(window):
    """It said "No flags: this week's lifting fits its running" for four runs and no lifts."""
    _week_of_runs(
        window,
        [(0, RunType.EASY), (1, RunType.TEMPO), (3, RunType.EASY), (6, RunType.LONG)],
    )
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(monday() + dt.timedelta(days=2))
    summary = calendar.plan_panel.summary.text()
    assert "fits its running" not in summary
    assert summary.startswith("No lifting this week yet, only runs")


def test_flags_grouped_by_severity_and_rule_with_counts_and_notes_collapsed(window):
    light = [SetEntry("Goblet squat", reps=15, weight_kg=12)] * 3
    saved = _save(
        window,
        *[
            Session(
                monday() + dt.timedelta(days=d), SessionKind.STRENGTH, Status.PLANNED, sets=light
            )
            for d in (0, 2, 4)
        ],
    )
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(monday())
    panel = calendar.plan_panel
    titles = panel.group_titles()
    # Light sets in each of the three sessions: said once for the week, naming each.
    assert "Warning · Too light (1)" in titles
    [light_flag] = [f for f in panel.flags if f.rule == "too_light"]
    assert light_flag.session_ids == tuple(s.id for s in saved)
    assert light_flag.message.count("Goblet squat 3 x 15 @ 12 kg") == 3
    severities = [t.split(" · ")[0] for t in titles]
    assert severities == sorted(severities, key=["Error", "Warning", "Note"].index)
    assert all(g.is_open() is (not g.heading.text().startswith("Note")) for g in panel.groups)
    note = next((g for g in panel.groups if not g.is_open()), None)
    if note is not None:  # a closed group opens on a click
        assert not note.rows[0].isVisibleTo(panel)
        note.heading.click()
        assert note.rows[0].isVisibleTo(panel)
    # No runs near the week: said once, above the flags.
    assert panel.note.isVisibleTo(panel) and "No runs are logged near" in panel.note.text()
    # A day's badge counts what is on that day: Wednesday's session's own flags (too light,
    # short), not the week's (dated on Friday).
    wednesday = calendar.grid.cell_for(monday() + dt.timedelta(days=2))
    own = [f for f in panel.flags if saved[1].id in f.session_ids and f.rule not in WEEK_RULES]
    assert {f.rule for f in own} == {"too_light", "short_session"}
    assert wednesday.badge.text() == str(len(own))
    assert calendar.grid.cell_for(monday() + dt.timedelta(days=4)).badge.text() == str(
        len([f for f in panel.flags if f.date == monday() + dt.timedelta(days=4)])
    )


def test_a_narrow_panel_wraps_its_flags_and_shortens_long_headings(qtbot, window):
    """At the panel's narrowest, no flag's text runs past the scroll area (cut on the
    right): a long heading shortens, keeping its count, and its whole title stays readable
    by a screen reader."""
    _save(
        window,
        *[
            Session(
                monday() + dt.timedelta(days=d),
                SessionKind.STRENGTH,
                Status.PLANNED,
                sets=[SetEntry("Bench press", reps=15, weight_kg=20)],
            )
            for d in (0, 3)
        ],
    )
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.splitter.setSizes([10_000, 1])  # the panel at its minimum width
    calendar.select_day(monday())
    panel = calendar.plan_panel
    qtbot.waitUntil(lambda: panel.groups and panel.scroll_area.viewport().width() > 0)
    viewport = panel.scroll_area.viewport().width()
    assert panel.content.width() <= viewport
    upper = next(g for g in panel.groups if "upper body" in g.title)
    assert upper.heading.text().endswith(upper.count)
    assert upper.heading.accessibleName() == upper.title
    assert all(g.heading.width() <= viewport for g in panel.groups)


def test_a_fix_is_previewed_and_applied_as_one_undo_step(qtbot, window):
    squats, intervals = _save(
        window,
        Session(
            monday(),
            SessionKind.STRENGTH,
            Status.PLANNED,
            title="Legs",
            sets=[
                SetEntry("Back squat", reps=8, weight_kg=60),
                SetEntry("Standing calf raise", reps=10, weight_kg=30),
                SetEntry("Push-up", reps=10),
                SetEntry("Plank", seconds=45),
            ],
        ),
        Session(
            monday() + dt.timedelta(days=1),
            SessionKind.RUN,
            Status.PLANNED,
            run_type=RunType.INTERVALS,
            distance_km=10,
            duration_min=50,
        ),
    )
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(monday())
    panel = calendar.plan_panel
    flag = next(f for f in panel.flags if f.rule == "lift_before_hard_run")
    item = next(i for i in panel.flag_items() if flag.message in i.text())
    qtbot.mouseClick(item, Qt.MouseButton.LeftButton)
    assert panel.fix_box.isVisibleTo(panel)
    assert panel.fix_text.text().startswith("<b>Fix:</b> Move Legs from ")
    assert "after Intervals run" in panel.fix_text.text()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert window.repo.session(squats.id).date == intervals.date
    assert "lift_before_hard_run" not in {f.rule for f in panel.flags}
    assert "Fixed: Move Legs" in window.statusBar().currentMessage()
    calendar.undo.undo()
    assert window.repo.session(squats.id).date == monday()
    assert "lift_before_hard_run" in {f.rule for f in calendar.plan_panel.flags}
    calendar.undo.redo()
    assert window.repo.session(squats.id).date == intervals.date


def test_the_editor_offers_a_flags_fix(qtbot, window):
    """No calf work in a planned week: the editor of its session adds calf raises."""
    week = _save(
        window,
        *[
            Session(
                monday() + dt.timedelta(days=d),
                SessionKind.STRENGTH,
                Status.PLANNED,
                title=title,
                sets=sets,
            )
            for d, title, sets in (
                (
                    1,
                    "Legs",
                    [SetEntry("Back squat", reps=8, weight_kg=60), SetEntry("Plank", seconds=40)],
                ),
                (
                    4,
                    "Upper",
                    [SetEntry("Push-up", reps=10), SetEntry("Dumbbell row", reps=8, weight_kg=20)],
                ),
            )
        ],
    )
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    window.context.bus.sessionSelected.emit(week[0].id)
    rules = editor.panel.flag_rules()
    assert "no_calf_work" in rules
    item = editor.panel.flags.item(rules.index("no_calf_work"))
    editor.panel.flags.itemClicked.emit(item)
    assert editor.panel.fix_button.isVisibleTo(editor.panel)
    assert editor.panel.fix_text.text().startswith("<b>Fix:</b> Add Single-leg heel raise 3 x 10")
    qtbot.mouseClick(editor.panel.fix_button, Qt.MouseButton.LeftButton)
    saved = window.repo.session(week[0].id)
    assert [e.exercise for e in saved.sets].count("Single-leg heel raise") == 3
    assert "no_calf_work" not in editor.panel.flag_rules()  # the editor shows the fixed session
    window.context.plan_undo.undo()
    assert "Single-leg heel raise" not in {e.exercise for e in window.repo.session(week[0].id).sets}


def test_plan_this_week_shows_its_plan_and_reasons_before_it_writes(qtbot, window, monkeypatch):
    from runstrength_desktop.gui.dialogs.plan_week_dialog import PlanWeekDialog

    _week_of_runs(window, [(1, RunType.TEMPO), (4, RunType.TEMPO), (6, RunType.LONG)])
    shown = []

    def look(dialog):
        shown.append(dialog.texts())
        return False  # Cancel: nothing is written

    monkeypatch.setattr(PlanWeekDialog, "exec", look)
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(monday())
    qtbot.mouseClick(calendar.plan_button, Qt.MouseButton.LeftButton)
    [texts] = shown
    assert len(texts) == 2 and all("\nWhy: " in t for t in texts)
    assert any("legs on a hard day after the run" in t for t in texts)
    sunday = monday() + dt.timedelta(days=6)
    assert not [s for s in window.repo.sessions_between(monday(), sunday) if s.is_strength]


def test_the_runner_profile_is_set_in_the_planner_settings(qtbot, window, monkeypatch):
    from runstrength_desktop.gui.dialogs.thresholds_dialog import ThresholdsDialog

    def one_session_new_lifter(dialog):
        dialog.new.setChecked(True)
        dialog.sessions.setValue(1)
        assert dialog.editors["min_sessions"].value() == 1  # the profile's default follows
        return True

    monkeypatch.setattr(ThresholdsDialog, "exec", one_session_new_lifter)
    window.findChild(type(window.menuBar().actions()[0]), "actionThresholds").trigger()
    settings = window.context.planner.settings
    assert settings.profile.new_to_lifting and settings.profile.sessions_per_week == 1
    assert (settings.min_sessions, settings.beginner_weeks) == (1, 4)
    plan = window.context.planner.week_plan(monday())
    assert [s.title for s in plan.sessions] == ["Full body"]


def test_a_run_of_weeks_shows_in_the_panel_of_each_of_its_weeks(qtbot, window):
    """Two weeks in a row without core work: one flag, on the second week, that the panel
    of the first week shows too, with its span; a click there selects the first week's
    session. A badge counts a session rule's flag on each of its sessions' days, a week
    rule's on its own day, in the month view and the week view alike."""
    first, second = monday(), monday() + dt.timedelta(days=7)
    assert first.month == second.month  # one run: it stays within a month's weeks
    no_core = [
        *[SetEntry("Back squat", reps=8, weight_kg=60)] * 3,
        *[SetEntry("Standing calf raise", reps=10, weight_kg=40)] * 3,
        *[SetEntry("Dumbbell row", reps=8, weight_kg=20)] * 3,
    ]
    saved = _save(
        window,
        *[
            Session(week + dt.timedelta(days=d), SessionKind.STRENGTH, Status.PLANNED, sets=no_core)
            for week in (first, second)
            for d in (0, 3)
        ],
    )
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    sunday = first + dt.timedelta(days=6)
    for week_view in (False, True):
        calendar.set_week_view(week_view)
        calendar.select_day(first + dt.timedelta(days=1))
        panel = calendar.plan_panel
        [habit] = [f for f in panel.flags if f.rule == "no_upper_or_core"]
        assert habit.week == iso_week(second) and habit.since == first
        assert habit.session_ids == tuple(s.id for s in saved)
        row = next(r for r in panel.flag_items() if r.flag is habit)
        assert row.text().startswith(f"{first:%a %d %b} – {habit.date:%a %d %b} · Every week")
        # The panel says what the planner says about the week and the runs reaching it.
        spanning = check_spanning(
            PlanInput.from_repository(window.repo), today=clock.today(), first=first, last=sunday
        )
        assert [f.to_dict() for f in panel.flags] == [f.to_dict() for f in spanning]
        # Short sessions every week: one flag, a badge on each session's day.
        [short] = [f for f in panel.flags if f.rule == "short_session"]
        assert short.date == saved[-1].date
        assert calendar.grid.cell_for(first).badge.text() == "1"
        assert calendar.day_flags(first) == [short]
        qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
        assert calendar.selected_day() == first and calendar.selected_id == saved[0].id
    calendar.select_day(second)
    assert habit in calendar.plan_panel.flags
    assert set(calendar.day_flags(habit.date)) == {short, habit}
    # Core work in the second week ends the run: the first week's flag is its own again
    # (the planner re-checks the week before a changed one).
    window.repo.save_session(
        dataclasses.replace(saved[3], sets=[*saved[3].sets, SetEntry("Plank", seconds=40)])
    )
    calendar.select_day(first)
    [own] = [f for f in calendar.plan_panel.flags if f.rule == "no_upper_or_core"]
    assert own.week == iso_week(first) and own.since is None


def test_a_body_weight_logged_or_undone_reaches_the_planners_judgement(window):
    """The planner reads the body weights once per input and drops what it worked out when
    they change: a weighted pull-up is light by its belt alone, not with the body it lifts."""
    first = monday_of(clock.today()) - dt.timedelta(days=21)
    _save(
        window,
        Session(
            first,
            SessionKind.STRENGTH,
            Status.DONE,
            sets=[SetEntry("Pull-up", reps=5, weight_kg=20.0) for _ in range(3)],
        ),
        Session(
            first + dt.timedelta(days=7),
            SessionKind.STRENGTH,
            Status.DONE,
            sets=[SetEntry("Pull-up", reps=8, weight_kg=5.0) for _ in range(3)],
        ),
    )
    planner = window.context.planner

    def light():
        return [
            f for f in planner.flags(first, first + dt.timedelta(days=13)) if f.rule == "too_light"
        ]

    assert len(light()) == 1  # 5 kg against the 23 kg "e1RM" of the belt
    window.repo.save_body_weight(BodyWeight(first - dt.timedelta(days=2), 70.0))
    assert light() == []  # 75 kg moved against the 105 kg of 90 kg x 5
    window.repo.delete_body_weight(first - dt.timedelta(days=2))
    assert len(light()) == 1
