"""Opening a session paints the editor's two lists (last time and targets, the plan check)
once each, also when the "new record" line appears or goes and takes room from them: before,
each list painted its rows at its old size, then once more after QListView laid them out
again on its timer. What the lists say is what a window opened afresh on that session says.

Paint events are counted (an event filter), never timed."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from runstrength_desktop import clock
from runstrength_desktop.domain import Session, SessionKind, SetEntry, Status


class ListPaints(QObject):
    def __init__(self, views) -> None:
        super().__init__()
        self.viewports = {view.viewport(): view.objectName() for view in views}
        self.painted: Counter = Counter()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self.viewports:
            self.painted[self.viewports[watched]] += 1
        return False


def settle() -> None:
    for _ in range(12):
        QApplication.processEvents()


def _squats(repo) -> tuple[int, int, int]:
    """Three squat sessions: the second beats the first (a new record), the third does not."""
    today = clock.today()
    ids = []
    for days_ago, kg in ((21, 100.0), (14, 110.0), (7, 90.0)):
        sets = [SetEntry("Back squat", reps=5, weight_kg=kg) for _ in range(3)]
        sets += [SetEntry("Calf raise", reps=15, weight_kg=40.0) for _ in range(2)]
        day = today - dt.timedelta(days=days_ago)
        ids.append(repo.save_session(Session(day, SessionKind.STRENGTH, Status.DONE, sets=sets)).id)
    return ids[0], ids[1], ids[2]


def _shown(editor) -> tuple:
    panel = editor.panel
    return panel.texts(), panel.record_texts(), panel.flag_rules(), panel.list.size()


def test_the_lists_paint_once_when_the_record_line_comes_and_goes(
    window, settings, qtbot, make_context
):
    from runstrength_desktop.gui.session_tab import SessionTab

    first, record, plain = _squats(window.repo)
    editor = window.session_tab
    window.tabs.setCurrentWidget(editor)
    editor.open_session(first)
    settle()
    panel = editor.panel
    counter = ListPaints([panel.list, panel.flags])
    app = QApplication.instance()
    seen = {}
    for session_id in (record, plain, record):
        counter.painted.clear()
        app.installEventFilter(counter)
        try:
            window.context.bus.sessionSelected.emit(session_id)
            settle()
        finally:
            app.removeEventFilter(counter)
        assert counter.painted == {"lastTimePanel": 1, "liveFlags": 1}, session_id
        seen[session_id] = _shown(editor)
    assert seen[record][1] == [
        "★ New record, Back squat: 1 rep 110 kg, 3 reps 110 kg, 5 reps 110 kg, e1RM 128.3 kg"
    ]
    assert seen[plain][1] == []
    assert panel.list.size() != seen[plain][3]  # the record line took room from the list

    for session_id in (record, plain):  # an editor opened afresh on each says the same
        fresh = SessionTab(make_context(window.repo, settings))
        qtbot.addWidget(fresh)
        fresh.resize(editor.size())
        fresh.show()
        fresh.open_session(session_id)
        settle()
        assert _shown(fresh)[:3] == seen[session_id][:3]
        fresh.undo.clear()
