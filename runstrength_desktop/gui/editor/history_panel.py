"""Beside the sets: for each exercise, last time's sets and today's target, so the runner
knows what to lift before lifting it; and the planner's flags about the session, where a
flag picked shows its fix, when it has one, with a button to apply it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import Session, Status, WeightUnit
from ...domain.body_load import BodyWeightLog, body_share
from ...domain.changes import Change
from ...domain.summary import describe_sets
from ...domain.units import format_weight
from ...planning import Fix, Flag
from ...store import Repository
from ..plan_panel import SEVERITY_ICON

if TYPE_CHECKING:
    from ...analysis.strength import LiftedSet


class HistoryPanel(QWidget):
    flagPicked = Signal(object)  # a Flag: its fix is wanted
    fixRequested = Signal(object)  # the Fix to apply

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>Last time and today's target</b>")
        # A record beaten by the sets as they are typed (analysis.records.new_records).
        self.records = QLabel(objectName="newRecords", wordWrap=True)
        self.records.hide()
        self._bests: dict[tuple[str, dt.date], list[LiftedSet]] = {}
        self._body: BodyWeightLog | None = None  # the body weights logged, read once
        # Bodyweight work: each day's heaviest load per rep count (store.loads_by_day).
        self._by_day: dict[str, list[tuple[dt.date, int, float | None]]] = {}
        self.list = QListWidget(objectName="lastTimePanel")
        self.list.setWordWrap(True)
        self.flags_heading = QLabel("<b>Plan check</b>")
        self.flags = QListWidget(objectName="liveFlags")
        self.flags.setWordWrap(True)
        self.fix_text = QLabel(objectName="editorFixText")
        self.fix_text.setWordWrap(True)
        self.fix_button = QPushButton("Apply fix", objectName="editorApplyFix")
        self.fix_button.setToolTip("Change the saved plan as the preview says (undoable)")
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.records)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.flags_heading)
        layout.addWidget(self.flags, 2)
        layout.addWidget(self.fix_text)
        layout.addWidget(self.fix_button)
        self.shown_flags: list[Flag] = []
        self.fix: Fix | None = None
        self.show_fix(None, False)
        self.flags.itemClicked.connect(self._picked)
        self.flags.itemActivated.connect(self._picked)
        self.fix_button.clicked.connect(self._apply)
        self._cache: dict[tuple[str, dt.date], list[Session]] = {}
        self._shown: tuple | None = None  # (names, day, unit) on screen now

    def forget(self) -> None:
        """History changed (a save, an import): read it again next time."""
        self._cache.clear()
        self._bests.clear()
        self._body = None
        self._by_day.clear()
        self._shown = None

    def take_news(self, change: Change) -> None:
        if change.touches_sessions or change.catalogue or change.body_weights:
            self.forget()

    def history(self, repo: Repository, name: str, day: dt.date) -> list[Session]:
        key = (name, day)
        if key not in self._cache:
            # Last time is what the panel shows (the planner makes the next target).
            self._cache[key] = repo.exercise_history(name, before=day, limit=1)
        return self._cache[key]

    def is_showing(self, names: list[str], day: dt.date, unit: WeightUnit) -> bool:
        """Last time and targets depend only on these, not on the numbers being typed."""
        return self._shown == (tuple(names), day, unit)

    def show_exercises(
        self,
        repo: Repository,
        names: list[str],
        day: dt.date,
        unit: WeightUnit,
        targets: dict[str, str],
    ) -> None:
        self._shown = (tuple(names), day, unit)
        self.list.clear()
        for name in names:
            history = self.history(repo, name, day)
            lines = [name]
            if history:
                last = history[-1]
                lines.append(f"last ({last.date:%d %b %Y}): {describe_sets(last.sets, unit)}")
            else:
                lines.append("first time: start light and build up")
            if target := targets.get(name):
                lines.append(f"target: {target}")
            title = QListWidgetItem(lines[0])
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            self.list.addItem(title)
            for line in lines[1:]:
                self.list.addItem(QListWidgetItem(f"   {line}"))
        if not names:
            self.list.addItem("Type an exercise in the table to see what you did last time.")
        self.list.doItemsLayout()  # now, not on Qt's timer after the first paint (a second)

    def show_records(self, repo: Repository, draft: Session, unit: WeightUnit) -> None:
        """Mark the records the done session's working sets beat, as they are typed, by the
        Progress records' own rule (analysis.records.lifted_set: bodyweight work lifts its
        share of the body weight of the day too); the bests before its day are read once per
        exercise and day (one aggregate each)."""
        # Here, not at the top: the analysis brings NumPy in, which the first paint waits for.
        from ...analysis.records import lifted_set, new_records

        lines = []
        if draft.is_strength and draft.status is Status.DONE:
            for name in draft.exercise_names():
                share = body_share(repo.catalogue().resolve(name))
                body = self._body_weights(repo) if share else BodyWeightLog()
                key = (name, draft.date)
                if key not in self._bests:
                    if body:  # each day's bests, with the body weight of their day
                        if name not in self._by_day:  # read once an exercise, not a day
                            self._by_day[name] = repo.loads_by_day(name)
                        self._bests[key] = [
                            lifted_set(reps, kg, None, share, body.on(day))
                            for day, reps, kg in self._by_day[name]
                            if day < draft.date
                        ]
                    else:
                        rows = repo.best_loads(name, draft.date)
                        self._bests[key] = [lifted_set(reps, kg, None) for reps, kg in rows]
                today_kg = body.on(draft.date)
                today = [
                    lifted_set(e.reps, e.weight_kg, e.seconds, share, today_kg)
                    for e in draft.sets
                    if e.exercise == name and e.is_working
                ]
                beaten = new_records(self._bests[key], today)
                if beaten:
                    what = ", ".join(f"{r.label} {format_weight(r.kg, unit)}" for r in beaten)
                    lines.append(f"★ New record, {name}: {what}")
        text = "<br>".join(lines)
        if text != self.records.text() or self.records.isHidden() == bool(lines):
            # The records line takes room from the lists: sized and laid out now, or each
            # list paints its rows at the old size, then again after QListView lays them
            # out on its timer.
            views = (self.list, self.flags)
            sizes = [view.size() for view in views]
            self.records.setText(text)
            self.records.setVisible(bool(lines))  # a widget shown lays out its parent
            self._layout.activate()
            for view, size in zip(views, sizes, strict=True):
                if view.size() != size:
                    view.doItemsLayout()

    def _body_weights(self, repo: Repository) -> BodyWeightLog:
        if self._body is None:
            self._body = BodyWeightLog(repo.body_weight_rows())
        return self._body

    def record_texts(self) -> list[str]:
        return self.records.text().split("<br>") if self.records.text() else []

    def show_flags(self, flags: list[Flag]) -> None:
        """What the planner says about this session as it now stands."""
        if flags == self.shown_flags and self.flags.count():
            return  # a keystroke that changed nothing the planner says: keep the pick
        self.shown_flags = list(flags)
        self.show_fix(None, False)
        self.flags.clear()
        for flag in flags:
            item = QListWidgetItem(
                self.style().standardIcon(SEVERITY_ICON[flag.severity]),
                f"{flag.message}\n→ {flag.advice}",
            )
            item.setData(0x0100, flag.rule)
            item.setToolTip(f"{flag.severity.value}: {flag.rule} · source: {flag.source}")
            self.flags.addItem(item)
        if not flags:
            self.flags.addItem("No flags for this session.")
        self.flags.doItemsLayout()

    def show_fix(self, fix: Fix | None, picked: bool = True) -> None:
        """The picked flag's fix (or that it has none); nothing when no flag is picked."""
        self.fix = fix
        self.fix_text.setVisible(picked)
        self.fix_button.setVisible(fix is not None)
        if picked:
            self.fix_text.setText(
                f"<b>Fix:</b> {fix.text}"
                if fix
                else "No one-step fix for this flag (fixes change planned sessions that are saved)."
            )

    def _picked(self, item: QListWidgetItem) -> None:
        row = self.flags.row(item)
        if 0 <= row < len(self.shown_flags):
            self.flagPicked.emit(self.shown_flags[row])

    def _apply(self) -> None:
        if self.fix is not None:
            fix = self.fix
            self.show_fix(None, False)
            self.fixRequested.emit(fix)

    def flag_rules(self) -> list[str]:
        return [
            self.flags.item(i).data(0x0100)
            for i in range(self.flags.count())
            if self.flags.item(i).data(0x0100)
        ]

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
