"""Clumsy and hostile typing in the session editor, in every column of the sets table and
every field of the form: pasted garbage, negative numbers, 1e309, nan, infinities, emoji,
control characters and 10,000-character names. Each is either refused with a message that
names the column or field (and Save writes nothing), or taken as a sane value that saves and
reads back. tests/gui/test_session_editor.py has the first examples of each kind."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
from runstrength_desktop.gui.editor.sets_model import (
    EXERCISE,
    LOAD,
    REPS,
    RPE,
    SECONDS,
    SET_TYPE,
    SIDE,
    TARGET,
)
from tests.reliability.reliability_support import count

COLUMNS = {
    EXERCISE: "Exercise",
    SET_TYPE: "Set type",
    REPS: "Reps",
    LOAD: "Load",
    SECONDS: "Seconds",
    SIDE: "Side",
    RPE: "RPE",
    TARGET: "Target",
}
NUMERIC = (REPS, LOAD, SECONDS, RPE, TARGET)
HOSTILE = {
    "negative": "-5",
    "negative fraction": "-0.5",
    "negative zero": "-0",
    "1e309": "1e309",
    "nan": "nan",
    "NaN": "NaN",
    "inf": "inf",
    "-inf": "-inf",
    "Infinity": "Infinity",
    "emoji": "🏋️💪🔥",
    "10,000 characters": "x" * 10_000,
    "10,000 digits": "9" * 10_000,
    "pasted rows": "8\t60\tworking\n9\t62.5\tdrop\n",
    "spreadsheet formula": "=SUM(A1:A9)",
    "control characters": "\x00\x07\x1b[2J",
    "html": "<b>8</b>",
    "hex": "0x1F",
    "underscores": "1_000",
    "minutes negative": "1:-30",
    "clock garbage": "::",
    "only a sign": "-",
    "two numbers": "8 8",
    "fraction sign": "½",
    "right-to-left": "\u202e08",
    "blank": "   ",
}
# Always refused where a number is wanted (blank and negative zero may mean "nothing" or 0).
NEVER_A_NUMBER = set(HOSTILE) - {"blank", "negative zero"}


@pytest.fixture
def editor(window):
    window.tabs.setCurrentWidget(window.session_tab)
    return window.session_tab


def _fresh(window, editor, kind=SessionKind.STRENGTH) -> None:
    """A new session with one set, and an empty logbook, before each hostile text."""
    window.repo.delete_sessions([s.id for s in window.repo.all_sessions()])
    editor.load(Session(clock.today(), kind, Status.DONE))
    if kind is SessionKind.STRENGTH:
        editor.model.insert_row(0, SetEntry("Back squat", reps=5, weight_kg=80, rpe=8))


def _sane(entry: SetEntry) -> bool:
    numbers = [
        entry.reps,
        entry.weight_kg,
        entry.seconds,
        entry.rpe,
        entry.target_reps,
        entry.target_weight_kg,
    ]
    return all(n is None or (math.isfinite(n) and n >= 0) for n in numbers)


@pytest.mark.parametrize("column", COLUMNS)
def test_every_column_refuses_or_takes_hostile_text_safely(window, editor, column):
    for case, text in HOSTILE.items():
        count("hostile editor inputs")
        _fresh(window, editor)
        index = editor.model.index(0, column)
        editor.model.setData(index, text)
        assert len(index.data()) <= 200  # a huge paste is cut
        why = index.data(Qt.ItemDataRole.ToolTipRole)
        if why is not None:  # refused: says where, why
            assert why.startswith((COLUMNS[column], "Target reps", "Target load")), case
            assert editor.save() is False
            assert editor.message.text().startswith("Not saved: set 1, "), case
            assert window.repo.count_sessions() == 0
            continue
        assert column not in NUMERIC or case not in NEVER_A_NUMBER, f"{case!r} taken"
        assert column != EXERCISE, "only catalogue names are exercises"
        assert _sane(editor.model.rows[0].entry), case
        assert editor.save() is True, editor.message.text()
        [saved] = window.repo.all_sessions()
        assert saved.sets[0] == editor.model.entries()[0] and _sane(saved.sets[0])


LABELS = {
    "start": "Start",
    "title": "Title",
    "duration": "Duration",
    "rpe": "Session RPE",
    "distance": "Distance",
}


@pytest.mark.parametrize("field", LABELS)
def test_every_form_field_refuses_or_takes_hostile_text_safely(window, editor, field):
    kind = SessionKind.RUN if field == "distance" else SessionKind.STRENGTH
    for case, text in HOSTILE.items():
        count("hostile editor inputs")
        _fresh(window, editor, kind)
        widget = getattr(editor.form, field)
        widget.setText(text)
        widget.editingFinished.emit()
        if not editor.save():
            assert LABELS[field] in editor.message.text(), case
            assert widget.toolTip().startswith(LABELS[field]), case  # the field is marked
            assert window.repo.count_sessions() == 0
            continue
        assert field == "title" or case not in NEVER_A_NUMBER, f"{case!r} taken in {field}"
        [session] = window.repo.all_sessions()
        for value in (session.duration_min, session.rpe, session.distance_km):
            assert value is None or (math.isfinite(value) and value >= 0), case
        if field == "title":
            assert session.title == widget.text().strip() and len(session.title) <= 120


def test_ten_thousand_character_notes_are_kept_and_twenty_thousand_and_one_refused(window, editor):
    _fresh(window, editor)
    editor.form.notes.setPlainText("🏃 " * 5000)
    editor.form.commit_pending()
    assert editor.save() is True
    assert window.repo.all_sessions()[0].notes == "🏃 " * 5000
    editor.form.notes.setPlainText("x" * 20_001)
    editor.form.commit_pending()
    assert editor.save() is False
    assert "notes: must be at most 20000 characters" in editor.message.text()
    assert window.repo.all_sessions()[0].notes == "🏃 " * 5000


def test_a_pasted_block_into_a_cell_keeps_the_edit_and_names_the_cell(qtbot, window, editor):
    """What a spreadsheet puts on the clipboard, pasted into Reps with Ctrl+V."""
    _fresh(window, editor)
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, REPS))
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    QApplication.clipboard().setText("8\t60\n9\t62.5\n")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    index = editor.model.index(0, REPS)
    assert index.data() == "8\t60\n9\t62.5\n"  # kept as typed, to be fixed
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Reps: '8\\t60\\n9\\t62.5\\n' is not a number"
    assert editor.save() is False and window.repo.count_sessions() == 0
    assert "set 1, Reps:" in window.statusBar().currentMessage()
