"""The long run: a seeded monkey drives the window over a year of demo history with random
user actions (keys and clicks in the calendar, drags, the context menu, typing good and bad
text into the editor's cells and fields, saves, tab switches, undo and redo, units, the
progress charts), answering "Save changes?" at random. pytest-qt fails the test on any
exception inside a Qt slot or virtual, conftest.py fails it on any dialog nobody answers,
and at the end the logbook must pass integrity_check and agree with what the window shows.

`make test` runs 300 actions; the `slow` marker (make reliability) runs 2,000."""

from __future__ import annotations

import datetime as dt
import random
import string
from collections import Counter

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
)

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.demo import generate_demo
from runstrength_desktop.domain import WeightUnit
from runstrength_desktop.gui.calendar.chips import SESSION_MIME
from runstrength_desktop.gui.calendar_tab import CalendarTab
from runstrength_desktop.gui.charts.export import SaveChartButton
from runstrength_desktop.store import Repository
from tests.reliability.reliability_support import count

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CALENDAR_KEYS = [
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_Space,
    Qt.Key.Key_Return,
    Qt.Key.Key_R,
    Qt.Key.Key_S,
    Qt.Key.Key_Delete,
]
GOOD_TEXT = [
    "Back squat",
    "squat (barbell)",
    "Romanian deadlift",
    "calf raises",
    "Plank",
    "Push-up",
    "5",
    "8",
    "62.5",
    "60kg",
    "8 @ 60",
    "3 x 8",
    "1:30",
    "45",
    "warmup",
    "drop",
    "left",
    "right",
    "7.5",
    "18:30",
    "Legs",
    "45",
    "10",
]
BAD_TEXT = [
    "-5",
    "1e309",
    "nan",
    "inf",
    "🏋️💪",
    "x" * 300,
    "8\t60\n9",
    "=A1",
    "\x00",
    "",
    "1:-30",
    "½",
    "9" * 50,
    "25:00",
    "0",
]


class Monkey:
    def __init__(self, window, qtbot, rng: random.Random) -> None:
        self.window, self.qtbot, self.rng = window, qtbot, rng
        self.done: Counter = Counter()
        self.actions = [
            (8, self.switch_tab),
            (22, self.calendar_key),
            (10, self.click_day),
            (5, self.calendar_button),
            (4, self.context_menu),
            (4, self.drag),
            (2, self.phase),
            (10, self.undo_redo),
            (18, self.type_in_cell),
            (8, self.editor_key),
            (8, self.type_in_field),
            (7, self.save),
            (3, self.new_session),
            (2, self.start_from),
            (6, self.progress),
            (1, self.units),
            (1, self.backup),
        ]

    @property
    def calendar(self):
        return self.window.calendar_tab

    @property
    def editor(self):
        return self.window.session_tab

    def text(self) -> str:
        roll = self.rng.random()
        if roll < 0.55:
            return self.rng.choice(GOOD_TEXT)
        if roll < 0.8:
            return self.rng.choice(BAD_TEXT)
        return "".join(self.rng.choices(string.printable[:95], k=self.rng.randint(0, 12)))

    def type_text(self, widget, text: str) -> None:
        if text.isascii() and text.isprintable():
            self.qtbot.keyClicks(widget, text)
        elif isinstance(widget, QLineEdit):
            widget.insert(text)  # a paste: what emoji and tabs arrive as

    def step(self) -> None:
        weights, actions = zip(*self.actions)
        action = self.rng.choices(actions, weights)[0]
        action()
        self.done[action.__name__] += 1
        QApplication.processEvents()

    def _show(self, tab) -> None:
        if self.window.tabs.currentWidget() is not tab:
            self.window.tabs.setCurrentWidget(tab)

    # -- the actions -------------------------------------------------------------------------

    def switch_tab(self) -> None:
        bar = self.window.tabs.tabBar()
        index = self.rng.randrange(bar.count())
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())

    def calendar_key(self) -> None:
        self._show(self.calendar)
        if self.rng.random() < 0.2:
            key = self.rng.choice(CALENDAR_KEYS[:4] + [Qt.Key.Key_D])
            self.qtbot.keyClick(self.calendar, key, CTRL)  # move or duplicate
        else:
            self.qtbot.keyClick(self.calendar, self.rng.choice(CALENDAR_KEYS))

    def click_day(self) -> None:
        self._show(self.calendar)
        cell = self.rng.choice(self.calendar.grid.visible_days())
        target = self.rng.choice(cell.chips) if cell.chips and self.rng.random() < 0.6 else cell
        if self.rng.random() < 0.15:
            self.qtbot.mouseDClick(target, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    def calendar_button(self) -> None:
        self._show(self.calendar)
        name = self.rng.choice(
            ["previousPage", "nextPage", "todayButton", "monthView", "weekView", "planWeek"]
        )
        button = self.calendar.findChild(QPushButton, name) or self.calendar.findChild(
            QToolButton, name
        )
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def context_menu(self) -> None:
        self._show(self.calendar)
        chips = [c for cell in self.calendar.grid.visible_days() for c in cell.chips]
        if chips and self.rng.random() < 0.7:  # usually about a session
            self.qtbot.mouseClick(self.rng.choice(chips), Qt.MouseButton.LeftButton)
        self.qtbot.keyClick(self.calendar, Qt.Key.Key_Menu)  # an entry picked at random

    def drag(self) -> None:
        self._show(self.calendar)
        chips = [c for cell in self.calendar.grid.visible_days() for c in cell.chips]
        if not chips:
            return
        chip = self.rng.choice(chips)
        target = self.rng.choice(self.calendar.grid.visible_days())
        mime = QMimeData()
        mime.setData(SESSION_MIME, QByteArray(str(chip.session.id).encode()))
        point = QPointF(target.rect().center())
        enter = QDragEnterEvent(
            point.toPoint(),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(target, enter)
        QApplication.sendEvent(
            target,
            QDropEvent(
                point,
                Qt.DropAction.MoveAction,
                mime,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )

    def phase(self) -> None:
        self._show(self.calendar)
        week = self.rng.choice(self.calendar.grid.weeks[: self.calendar.grid.weeks_shown])
        self.rng.choice([a for a in week.phase.menu().actions() if a.text()]).trigger()

    def undo_redo(self) -> None:
        name = self.rng.choice(["actionUndo", "actionRedo"])
        if self.rng.random() < 0.5:
            self.window.findChild(QAction, name).trigger()
        else:
            widget = QApplication.focusWidget() or self.window
            modifiers = CTRL | SHIFT if name == "actionRedo" else CTRL
            self.qtbot.keyClick(widget, Qt.Key.Key_Z, modifiers)

    def type_in_cell(self) -> None:
        self._show(self.editor)
        model, table = self.editor.model, self.editor.table
        if not table.isVisible():
            return
        if model.rowCount() == 0:
            table.setFocus()
            self.qtbot.keyClick(table, Qt.Key.Key_Return)  # starts set 1
        row = self.rng.randrange(max(model.rowCount(), 1))
        table.setCurrentIndex(model.index(row, self.rng.randrange(model.columnCount())))
        table.setFocus()
        self.qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        if isinstance(editor, QLineEdit):
            editor.clear()
            self.type_text(editor, self.text())
            self.qtbot.keyClick(
                editor, self.rng.choice([Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape])
            )

    def editor_key(self) -> None:
        self._show(self.editor)
        key, modifiers = self.rng.choice(
            [
                (Qt.Key.Key_Return, CTRL),
                (Qt.Key.Key_Return, CTRL | SHIFT),
                (Qt.Key.Key_Delete, CTRL),
                (Qt.Key.Key_Delete, CTRL | SHIFT),
                (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
                (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
            ]
        )
        self.qtbot.keyClick(self.editor.table, key, modifiers)

    def type_in_field(self) -> None:
        self._show(self.editor)
        form = self.editor.form
        widget = self.rng.choice([form.title, form.start, form.duration, form.rpe, form.distance])
        if not widget.isVisible():
            return
        widget.setFocus()
        widget.selectAll()
        self.type_text(widget, self.text())
        self.qtbot.keyClick(widget, Qt.Key.Key_Tab)  # leaving the field commits it

    def save(self) -> None:
        self._show(self.editor)
        if self.rng.random() < 0.5:
            self.qtbot.keyClick(self.editor.table, Qt.Key.Key_S, CTRL)
        else:
            self.qtbot.mouseClick(self.editor.save_button, Qt.MouseButton.LeftButton)

    def new_session(self) -> None:
        self._show(self.editor)
        button = self.rng.choice([self.editor.new_strength, self.editor.new_run])
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def start_from(self) -> None:
        self._show(self.editor)
        combo = self.editor.start_from
        if combo.isVisible() and combo.count() > 1:
            combo.activated.emit(self.rng.randrange(1, combo.count()))

    def progress(self) -> None:
        tab = self.window.progress_tab
        self._show(tab)
        self.qtbot.wait(1)  # the charts build after paint
        if self.rng.random() < 0.3:
            tab.sections.setCurrentRow(self.rng.randrange(tab.sections.count()))
            return
        page = tab.stack.currentWidget()
        if page is None:
            return
        controls = [
            w
            for w in page.findChildren(QPushButton) + page.findChildren(QCheckBox)
            if w.isVisible() and w.isEnabled() and not isinstance(w, SaveChartButton)
        ]
        combos = [c for c in page.findChildren(QComboBox) if c.isVisible() and c.count()]
        if combos and self.rng.random() < 0.3:
            combo = self.rng.choice(combos)
            combo.setCurrentIndex(self.rng.randrange(combo.count()))
        elif controls:
            self.qtbot.mouseClick(self.rng.choice(controls), Qt.MouseButton.LeftButton)

    def units(self) -> None:
        self.window.unit_actions[self.rng.choice(list(WeightUnit))].trigger()

    def backup(self) -> None:
        self.window.findChild(QAction, "actionBackupNow").trigger()


@pytest.fixture
def demo_window(qtbot, tmp_path, settings):
    path = tmp_path / "demo.sqlite"
    repo = Repository.open(path)
    repo.import_logbook(generate_demo(1, 7))
    repo.close()
    window = create_window(path, settings)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    window.session_tab.undo.clear()
    window.close()
    window.deleteLater()


@pytest.fixture
def answers(monkeypatch):
    """Every dialog the monkey meets is answered, at random where the runner would choose."""
    rng = random.Random(99)
    seen: Counter = Counter()
    shown: list[str] = []
    buttons = [
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Cancel,
    ]

    def question(*args, **kwargs):
        seen["Save changes? answered"] += 1
        return rng.choice(buttons)

    def message(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append(f"{kind}: {title}: {text}")
            return QMessageBox.StandardButton.Ok

        return show

    def show_menu(calendar, day, position):
        # QMenu.exec cannot be replaced on the class (PySide binds it in C++), so the
        # calendar's menu is built as usual and one of its entries picked at random.
        actions = [a for a in calendar.build_menu().actions() if a.text() and a.isEnabled()]
        chosen = rng.choice(actions)
        seen[f"menu: {chosen.text().split(chr(9))[0]}"] += 1
        chosen.trigger()

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(message(kind)))
    monkeypatch.setattr(CalendarTab, "show_menu", show_menu)
    monkeypatch.setattr(QDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    return seen, shown


def run_monkey(window, qtbot, answers, actions: int, seed: int) -> Counter:
    monkey = Monkey(window, qtbot, random.Random(seed))
    for _ in range(actions):
        monkey.step()
    repo = window.repo
    db = repo.db
    assert db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert f"{repo.count_sessions()} sessions" in window.logbook_label.text()
    seen, shown = answers
    refused = [text for text in shown if "refused" in text]
    assert not refused, refused  # no write failed without a fault
    count("monkey actions", actions)
    print(
        f"\nmonkey (seed {seed}): {dict(monkey.done)}; dialogs: {dict(seen)}; "
        f"{repo.count_sessions()} sessions at the end"
    )
    return monkey.done


def test_three_hundred_random_actions_leave_a_sound_logbook(demo_window, qtbot, answers):
    run_monkey(demo_window, qtbot, answers, actions=300, seed=300)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_two_thousand_random_actions_leave_a_sound_logbook(demo_window, qtbot, answers):
    done = run_monkey(demo_window, qtbot, answers, actions=2000, seed=2000)
    assert sum(done.values()) == 2000


def test_a_click_on_a_chip_selects_its_session_for_the_menu_and_delete(window, qtbot):
    """Found by the monkey: the click went on to the day cell, which selected the bare day,
    so the menu never offered the session and Delete did nothing."""
    from runstrength_desktop.domain import RunType, Session, SessionKind, Status

    day = clock.today() + dt.timedelta(days=2)
    run = window.repo.save_session(
        Session(day, SessionKind.RUN, Status.PLANNED, run_type=RunType.EASY, distance_km=5)
    )
    calendar = window.calendar_tab
    window.tabs.setCurrentWidget(calendar)
    calendar.select_day(day)
    qtbot.mouseClick(calendar.grid.cell_for(day).chips[0], Qt.MouseButton.LeftButton)
    assert calendar.selected_id == run.id
    assert "Delete\tDel" in [a.text() for a in calendar.build_menu().actions()]
    qtbot.keyClick(calendar, Qt.Key.Key_Delete)
    assert window.repo.session(run.id) is None
