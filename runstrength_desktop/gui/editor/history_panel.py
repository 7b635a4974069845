"""Beside the sets: for each exercise, last time's sets and today's target, so the runner
knows what to lift before lifting it."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...domain import Session, WeightUnit
from ...domain.summary import describe_sets
from ...store import Repository

RECENT_SESSIONS = 12

# (exercise name, that exercise's history oldest first, unit) -> "3 x 9 @ 60 kg" or None
TargetFunction = Callable[[str, list[Session], WeightUnit], "str | None"]


class HistoryPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.heading = QLabel("<b>Last time and today's target</b>")
        self.list = QListWidget(objectName="lastTimePanel")
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self._cache: dict[tuple[str, dt.date], list[Session]] = {}
        self.target_function: TargetFunction | None = None

    def forget(self) -> None:
        """History changed (a save, an import): read it again next time."""
        self._cache.clear()

    def history(self, repo: Repository, name: str, day: dt.date) -> list[Session]:
        key = (name, day)
        if key not in self._cache:
            # Recent sessions are what "last time" and the next target are made of.
            self._cache[key] = repo.exercise_history(name, before=day, limit=RECENT_SESSIONS)
        return self._cache[key]

    def show_exercises(self, repo: Repository, names: list[str], day: dt.date,
                       unit: WeightUnit) -> None:
        self.list.clear()
        for name in names:
            history = self.history(repo, name, day)
            lines = [name]
            if history:
                last = history[-1]
                lines.append(f"last ({last.date:%d %b %Y}): {describe_sets(last.sets, unit)}")
            else:
                lines.append("first time: start light and build up")
            if self.target_function is not None:
                target = self.target_function(name, history, unit)
                if target:
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

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
