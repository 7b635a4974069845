"""Where the window shows what it estimated: the load chart's tooltip marks a load without a
session RPE as estimated and says how it was reached; a session whose duration looks wrong
is marked in the editor and on its calendar chip."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF

from runstrength_desktop import clock
from runstrength_desktop.analysis.timeline import DAY_S
from runstrength_desktop.domain import RunType, Session, SessionKind, SetEntry, Status, WeightUnit
from runstrength_desktop.gui.calendar.chip_text import chip_text
from runstrength_desktop.gui.progress_tab import SECTIONS


@pytest.fixture
def tab(qtbot, context):
    from runstrength_desktop.gui.progress_tab import ProgressTab

    widget = ProgressTab(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    return widget


def squats(day: dt.date, **fields) -> Session:
    sets = [SetEntry("Back squat", reps=5, weight_kg=80, rpe=fields.pop("set_rpe", None))] * 4
    return Session(day, SessionKind.STRENGTH, Status.DONE, title="Legs", sets=sets, **fields)


def test_the_load_tooltip_marks_estimated_loads(qtbot, tab, repo):
    day = clock.today() - dt.timedelta(days=3)
    repo.save_session(squats(day))  # no RPE, no duration
    repo.save_session(
        Session(day, SessionKind.RUN, Status.DONE, run_type=RunType.EASY, duration_min=40, rpe=5)
    )
    tab.sections.setCurrentRow(SECTIONS.index("Training load"))
    tab.show()
    qtbot.waitExposed(tab)
    page = tab.current_page
    assert "Striped: estimated loads" in page.note.text()
    daily = page.load.daily
    index = (day - daily.first).days
    x = float(daily.x[index]) + DAY_S / 2
    page.apply_range(None)
    where = page.daily_plot.vb.mapViewToScene(QPointF(x, float(daily.total[index]) / 2))
    assert page.hover_at(where) == day and page.hover.isVisible()
    text = page.hover.textItem.toPlainText()
    assert "Legs: 132 (estimated) = RPE 6 (strength default) x 22 min from its sets" in text
    assert "Run: 200 = RPE 5 x 40 min" in text


def test_a_duration_that_looks_wrong_is_marked_in_the_editor_and_on_its_chip(window):
    saved = window.repo.save_session(squats(clock.today(), duration_min=1441, set_rpe=7))
    text = chip_text(saved, WeightUnit.KG)  # the week view's chip, in full
    assert "1441 min (looks wrong)" in text
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    window.context.bus.sessionSelected.emit(saved.id)
    assert editor.duration_note.isVisible()
    assert editor.duration_note.text().startswith("Duration looks wrong: 1441 min recorded")
    assert "use 22 min, estimated from its sets" in editor.duration_note.text()
    editor.form.duration.setText("50")
    editor.form.duration.editingFinished.emit()
    assert not editor.duration_note.isVisible()
