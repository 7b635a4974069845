"""Opening a session in the editor: what the table, the panel and the "start from" list show
is what they would show had the session been the first one opened, though the editor does
less to show it (the targets arrive with the rows, the cells are painted from kept
pictures, the titles are read again only after the sessions changed)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status
from runstrength_desktop.gui import theme
from runstrength_desktop.gui.editor.sets_model import DONE, LOAD, REPS, TARGET
from runstrength_desktop.gui.editor.sets_view import SetsDelegate


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def strength(day: dt.date, title: str, sets: list[SetEntry], status=Status.DONE) -> Session:
    return Session(day, SessionKind.STRENGTH, status, title=title, sets=sets)


@pytest.fixture
def logbook(window):
    """Last week's squats and rows, and today's session of them (no targets of its own)."""
    today = clock.today()
    repo = window.repo
    repo.save_session(
        strength(
            today - dt.timedelta(days=7),
            "Legs",
            [SetEntry("Back squat", reps=8, weight_kg=60)] * 3
            + [SetEntry("Dumbbell row", reps=10, weight_kg=22.5)] * 3,
        )
    )
    other = repo.save_session(
        strength(today - dt.timedelta(days=3), "Calves", [SetEntry("Standing calf raise", reps=12)])
    )
    session = repo.save_session(
        strength(
            today,
            "Legs",
            [SetEntry("Back squat", reps=8, weight_kg=62.5)] * 3
            + [SetEntry("Dumbbell row", reps=10, weight_kg=22.5)] * 2,
        )
    )
    window.tabs.setCurrentWidget(window.session_tab)
    settle()
    return session, other


def shown(editor) -> dict:
    model = editor.model
    return {
        "cells": [
            [model.index(row, column).data() for column in range(DONE + 1)]
            for row in range(model.rowCount())
        ],
        "panel": editor.panel.texts(),
        "flags": editor.panel.flag_rules(),
        "headline": editor.headline.text(),
        "start from": [editor.start_from.itemText(i) for i in range(editor.start_from.count())],
    }


def test_a_session_opens_with_its_targets_in_one_change_of_the_table(window, logbook):
    session, other = logbook
    editor = window.session_tab
    window.context.bus.sessionSelected.emit(other.id)
    settle()
    model = editor.model
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda *args: changes.append(args))
    window.context.bus.sessionSelected.emit(session.id)
    settle()
    assert len(resets) == 1 and changes == []  # the rows came with their targets
    targets = window.context.planner.targets(editor.draft(suggested=True))
    unit = window.context.unit
    assert set(targets) == {"Back squat", "Dumbbell row"}
    for row in range(model.rowCount()):
        name = model.rows[row].entry.exercise
        assert model.index(row, TARGET).data() == targets[name].describe(unit)
    assert f"target: {targets['Back squat'].describe(unit)}" in "\n".join(editor.panel.texts())


def test_a_session_shows_the_same_opened_first_or_after_others(window, logbook):
    session, other = logbook
    editor = window.session_tab
    window.context.bus.sessionSelected.emit(session.id)
    settle()
    first = shown(editor)
    assert first["cells"][0][:4] == ["Back squat", "working", "8", "62.5"]
    for again in (other, session):
        window.context.bus.sessionSelected.emit(again.id)
        settle()
    assert shown(editor) == first


def test_start_from_offers_the_titles_of_sessions_saved_since(window, logbook):
    session, other = logbook
    editor = window.session_tab
    reads = []
    titles = window.repo.strength_titles
    window.repo.strength_titles = lambda limit=20: reads.append(limit) or titles(limit)
    window.context.bus.sessionSelected.emit(session.id)
    settle()
    window.context.bus.sessionSelected.emit(other.id)
    settle()
    offered = shown(editor)["start from"]
    assert "Last “Legs”" in offered and "Last “Calves”" in offered
    assert len(reads) <= 1  # opening sessions changes no title: read once at most
    window.repo.save_session(strength(clock.today(), "Hill legs", [SetEntry("Back squat", reps=5)]))
    window.context.bus.sessionSelected.emit(session.id)
    settle()
    assert "Last “Hill legs”" in shown(editor)["start from"]
    # The editor's own save of a new title: offered at the next session opened.
    editor.form.title.setText("Strong calves")
    editor.form.commit_pending()
    assert editor.save()
    window.context.bus.sessionSelected.emit(other.id)
    settle()
    assert "Last “Strong calves”" in shown(editor)["start from"]


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), np.uint32, image.sizeInBytes() // 4)
    return rows.reshape(image.height(), -1).copy()


def _as_the_style_draws(table) -> np.ndarray:
    SetsDelegate.keep_pictures = False
    try:
        table.viewport().update()
        settle()
        return _pixels(table.viewport().grab().toImage())
    finally:
        SetsDelegate.keep_pictures = True
        table.viewport().update()
        settle()


@pytest.mark.parametrize("name", ["light", "dark"])
def test_cells_painted_from_kept_pictures_are_the_cells_the_style_draws(window, logbook, name):
    """Logged sets, suggestions (grey italics), a refused cell, the planner's targets, the
    current cell, alternate rows; at both window sizes, and again after the theme changed
    (a picture of the old palette is never shown)."""
    session, _other = logbook
    editor = window.session_tab
    window.context.bus.sessionSelected.emit(session.id)
    settle()
    model, table = editor.model, editor.table
    model.insert_row(1, model.rows[0].entry, done=False)  # a suggestion
    model.setData(model.index(2, LOAD), "heavy")  # refused, kept as typed
    table.setFocus()
    table.setCurrentIndex(model.index(3, REPS))
    try:
        for size in ((1366, 768), (1024, 600)):
            window.resize(*size)
            settle()
            kept = _pixels(table.viewport().grab().toImage())
            assert (kept == _as_the_style_draws(table)).all(), size
        theme.apply_theme(name)
        settle()
        kept = _pixels(table.viewport().grab().toImage())
        assert (kept == _as_the_style_draws(table)).all()
    finally:
        theme.apply_theme("system")
        settle()


def test_the_style_is_given_each_cells_text_font_and_colours_at_once(window, logbook):
    """The delegate asks for a cell's roles in one call (multiData): it gets what data()
    answers role by role, the palette's colours in place of the stand-ins."""
    session, _other = logbook
    editor = window.session_tab
    window.context.bus.sessionSelected.emit(session.id)
    settle()
    model, delegate = editor.model, editor.table.itemDelegate()
    model.insert_row(1, model.rows[0].entry, done=False)  # a suggestion
    model.setData(model.index(2, LOAD), "heavy")
    palette = QApplication.palette()
    for row in range(model.rowCount()):
        for column in range(DONE + 1):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            assert option.text == (index.data() or "")
            assert option.font.italic() is bool(index.data(Qt.ItemDataRole.FontRole))
            assert (
                int(option.displayAlignment)
                == int(index.data(Qt.ItemDataRole.TextAlignmentRole) or 0)
                or index.data(Qt.ItemDataRole.TextAlignmentRole) is None
            )
            colour = index.data(Qt.ItemDataRole.ForegroundRole)
            if colour is not None:
                assert option.palette.color(QPalette.ColorRole.Text) == colour
            fill = index.data(Qt.ItemDataRole.BackgroundRole)
            if fill is None:
                assert option.backgroundBrush.style() == Qt.BrushStyle.NoBrush
            else:
                assert option.backgroundBrush.color() == fill
    suggested = model.index(1, REPS)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, suggested)
    assert option.font.italic()
    assert option.palette.color(QPalette.ColorRole.Text) == theme.suggestion_colour(palette)
    delegate.initStyleOption(option := QStyleOptionViewItem(), model.index(2, LOAD))
    assert option.text == "heavy"
    assert option.backgroundBrush.color() == theme.invalid_fill(palette)


class _Paints(QObject):
    def __init__(self, widget) -> None:
        super().__init__()
        self.widget, self.count = widget, 0

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_each_session_opened_paints_its_table_once_and_fills_its_width(window, logbook):
    """From a few sets to more than fit (a scroll bar) and back, past the tenth set (the
    row numbers widen): the table is painted once per session, its columns as wide as
    the view. Before, the exercise's column stretched on Qt's timer after the first paint,
    and the table was painted a second time."""
    session, other = logbook
    today = clock.today()
    many = window.repo.save_session(
        strength(today - dt.timedelta(days=1), "Long", [SetEntry("Plank", seconds=40)] * 30)
    )
    ten = window.repo.save_session(
        strength(today - dt.timedelta(days=2), "Ten", [SetEntry("Push-up", reps=10)] * 12)
    )
    editor = window.session_tab
    table = editor.table
    viewport = table.viewport()
    paints = _Paints(viewport)
    QApplication.instance().installEventFilter(paints)
    try:
        seen = []
        for opened in (other, many, session, ten, other, many, ten):
            paints.count = 0
            window.context.bus.sessionSelected.emit(opened.id)
            settle()
            seen.append((opened.title, paints.count))
            assert paints.count == 1, seen
            header = table.horizontalHeader()
            widths = sum(header.sectionSize(c) for c in range(header.count()))
            assert widths == viewport.width(), opened.title
            assert table.verticalScrollBar().isVisible() is (opened.id == many.id)
    finally:
        QApplication.instance().removeEventFilter(paints)
