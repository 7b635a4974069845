"""The sets table's columns: each but the exercise as wide as its header and its widest
cell, measured by the view itself (not Qt's ResizeToContents, which asked the model for
every role of every cell again at each change); they follow the cells as they change."""

from __future__ import annotations

import math

from PySide6.QtGui import QFontMetricsF

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status, WeightUnit
from runstrength_desktop.gui.editor.sets_model import EXERCISE, LOAD, REPS, TARGET


def text_width(table, text: str) -> int:
    return math.ceil(QFontMetricsF(table.font()).horizontalAdvance(text))


def test_a_wide_value_widens_its_column_and_its_removal_narrows_it(window):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    session = Session(
        clock.today(),
        SessionKind.STRENGTH,
        Status.DONE,
        sets=[SetEntry("Back squat", reps=5, weight_kg=60.0) for _ in range(3)],
    )
    editor.load(window.repo.save_session(session))
    table, model = editor.table, editor.model
    header = table.horizontalHeader()
    narrow = header.sectionSize(LOAD)
    assert narrow >= text_width(table, model.headers()[LOAD])  # the header is never cut

    typed = "sixty kilograms or so"  # refused, and kept as typed
    model.setData(model.index(1, LOAD), typed)  # an edit (undoable)
    assert header.sectionSize(LOAD) >= text_width(table, typed) > narrow
    editor.undo.undo()
    assert header.sectionSize(LOAD) == narrow

    model.setData(model.index(0, REPS), "five or six")
    assert header.sectionSize(REPS) >= text_width(table, "five or six")
    model.setData(model.index(0, TARGET), "10 @ 102.5")
    assert header.sectionSize(TARGET) >= text_width(table, "10 @ 102.5")


def test_the_unit_and_a_new_session_fit_the_columns_again(window):
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    table, model = editor.table, editor.model
    header = table.horizontalHeader()
    session = Session(
        clock.today(),
        SessionKind.STRENGTH,
        Status.DONE,
        sets=[SetEntry("Back squat", reps=5, weight_kg=987.5)],
    )
    editor.load(window.repo.save_session(session))
    window.context.set_unit(WeightUnit.LB)  # the header says lb, the loads in pounds
    assert model.headers()[LOAD] == "Load (lb)"
    assert header.sectionSize(LOAD) >= text_width(table, "Load (lb)")
    assert header.sectionSize(LOAD) >= text_width(table, model.load_text(987.5))
    typed = "about a thousand pounds"
    model.setData(model.index(0, LOAD), typed)
    assert header.sectionSize(LOAD) >= text_width(table, typed)
    editor.load(Session(clock.today(), SessionKind.STRENGTH, Status.DONE))  # a new one
    assert header.sectionSize(LOAD) == header.sectionSizeHint(LOAD) < text_width(table, typed)
    assert header.sectionResizeMode(EXERCISE).name == "Stretch"
    window.context.set_unit(WeightUnit.KG)
