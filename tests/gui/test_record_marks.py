"""The editor's "New record" mark and the Progress records table count a set's load by one
rule (analysis.records.lifted_set): bodyweight work lifts its share of the body weight of
its day plus the load added, so both say a pull-up of +10 kg at 80 kg is a 90 kg record."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from runstrength_desktop.domain import BodyWeight, Session, SessionKind, SetEntry, Status

START = dt.date(2024, 1, 1)
STRENGTH_SECTION = 0


def pull_ups(day: dt.date, added_kg: float | None, count: int = 3) -> Session:
    return Session(
        day,
        SessionKind.STRENGTH,
        Status.DONE,
        sets=[SetEntry("Pull-up", reps=5, weight_kg=added_kg) for _ in range(count)],
    )


@pytest.fixture
def editor(qtbot, context):
    from runstrength_desktop.gui.session_tab import SessionTab

    widget = SessionTab(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.undo.clear()


def records_table(qtbot, context) -> list[tuple[str, ...]]:
    from runstrength_desktop.gui.progress_tab import ProgressTab

    tab = ProgressTab(context)
    qtbot.addWidget(tab)
    tab.resize(1366, 720)
    tab.sections.setCurrentRow(STRENGTH_SECTION)
    tab.show()
    qtbot.waitExposed(tab)
    page = tab.current_page
    page.picker.setCurrentIndex(page.picker.findText("Pull-up"))
    QApplication.processEvents()
    return page.records.texts()


def test_the_editor_marks_a_weighted_pull_up_record_as_the_records_table_has_it(
    qtbot, repo, context, editor
):
    from runstrength_desktop.gui.editor.sets_model import LOAD

    repo.save_body_weight(BodyWeight(START - dt.timedelta(1), 80.0))
    repo.save_session(pull_ups(START, 5.0))  # 85 kg moved
    day = START + dt.timedelta(7)
    saved = repo.save_session(pull_ups(day, 10.0, count=1))  # 90 kg moved
    editor.open_session(saved.id)
    marks = editor.panel.record_texts()
    assert marks == ["★ New record, Pull-up: 1 rep 90 kg, 3 reps 90 kg, 5 reps 90 kg, e1RM 105 kg"]
    table = records_table(qtbot, context)
    on_the_day = f"{day.day} {day:%b %Y}"
    marked = [part.rsplit(" ", 2) for part in marks[0].split(": ", 1)[1].split(", ")]
    assert [(label, f"{kg} {unit}", on_the_day) for label, kg, unit in marked] == table

    # The body weight fell to 70 kg: +15 kg moves 85 kg, no record, though it is the
    # heaviest belt yet; +25 kg moves 95 kg, a record of 95 kg.
    repo.save_body_weight(BodyWeight(day + dt.timedelta(1), 70.0))
    later = repo.save_session(pull_ups(day + dt.timedelta(7), 15.0, count=1))
    editor.open_session(later.id)
    assert editor.panel.record_texts() == []
    editor.model.setData(editor.model.index(0, LOAD), "25")
    assert editor.panel.record_texts() == [
        "★ New record, Pull-up: 1 rep 95 kg, 3 reps 95 kg, 5 reps 95 kg, e1RM 110.8 kg"
    ]
