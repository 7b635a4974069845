"""Compact chips for the sessions and races of a day. Planned sessions have a dashed
outline, done ones are filled, skipped ones are struck through and grey; races are red.
A planned session's chip can be dragged to another day."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy

from ...domain import Race, Session, Status, WeightUnit
from ...domain.summary import by_exercise, describe_sets, session_headline
from ...domain.units import distance_unit_for, format_distance

SESSION_MIME = "application/x-runstrength-session"

STYLES = {
    ("run", Status.DONE): "background:#d7ecd9; color:#1d4d23; border:1px solid #8cc394;",
    ("run", Status.PLANNED): "background:transparent; color:#1d6b2a; border:1px dashed #4e9a59;",
    ("strength", Status.DONE): "background:#dbe6f6; color:#17365d; border:1px solid #8fa9d3;",
    ("strength", Status.PLANNED): "background:transparent; color:#1f4e96;"
    " border:1px dashed #5b7fc0;",
}
SKIPPED = "background:transparent; color:#888; border:1px solid #ccc; text-decoration:line-through;"
RACE = "background:#c0392b; color:white; border:1px solid #922; font-weight:bold;"
SELECTED = " border:2px solid #e8572a;"


MARKS = {Status.DONE: "✓ ", Status.SKIPPED: "✗ ", Status.PLANNED: ""}


def chip_text(session: Session, unit: WeightUnit, detailed: bool) -> str:
    """Month view: one line. Week view: short lines (time and name, then the numbers, then
    each exercise's sets), so nothing has to wrap."""
    if not detailed:
        return f"{MARKS[session.status]}{session_headline(session, unit)}"
    start = f"{session.start:%H:%M} " if session.start else ""
    numbers = []
    if session.is_run:
        name = session.run_type.value.capitalize() if session.run_type else "Run"
        numbers.append(format_distance(session.distance_km, distance_unit_for(unit)))
    else:
        name = session.title or "Strength"
        numbers.append(f"{len(session.working_sets())} sets")
    if session.duration_min:
        numbers.append(f"{session.duration_min:.0f} min")
    if session.rpe:
        numbers.append(f"RPE {session.rpe:g}")
    lines = [f"{MARKS[session.status]}{start}{name}", " · ".join(n for n in numbers if n)]
    if session.is_strength:
        lines += [f"{n}: {describe_sets(sets, unit)}" for n, sets in by_exercise(session).items()]
    if session.notes:
        lines.append(f"“{session.notes[:60]}”")
    return "\n".join(lines)


def _month_parts(session: Session, unit: WeightUnit) -> tuple[str, str]:
    """(what may be shortened, what must stay): a narrow cell keeps the set count or the
    distance and shortens the title."""
    if session.is_strength:
        title = session.title or ", ".join(session.exercise_names()[:2]) or "Strength"
        return f"{MARKS[session.status]}{title}", f" · {len(session.working_sets())} sets"
    kind = session.run_type.value.capitalize() if session.run_type else "Run"
    distance = format_distance(session.distance_km, distance_unit_for(unit))
    return f"{MARKS[session.status]}{kind}", f" {distance}" if distance else ""


class SessionChip(QLabel):
    clicked = Signal(int)
    opened = Signal(int)

    def __init__(self, session: Session, unit: WeightUnit, detailed: bool, parent=None):
        super().__init__(chip_text(session, unit, detailed), parent)
        self.session = session
        self.detailed = detailed
        self._parts = _month_parts(session, unit)
        self.setObjectName(f"chip{session.id}")
        self.setToolTip(chip_text(session, unit, True))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = self.font()  # a little smaller than the text around: cells are narrow
        font.setPointSizeF(font.pointSizeF() * 0.88)
        self.setFont(font)
        self._press: QPoint | None = None
        self.set_selected(False)

    @property
    def draggable(self) -> bool:
        return self.session.status is Status.PLANNED

    def set_selected(self, selected: bool) -> None:
        style = (
            SKIPPED
            if self.session.status is Status.SKIPPED
            else STYLES[(self.session.kind.value, self.session.status)]
        )
        self.setStyleSheet(
            f"QLabel {{ {style} border-radius:3px; padding:1px 3px;"
            f"{SELECTED if selected else ''} }}"
        )

    def resizeEvent(self, event) -> None:
        if not self.detailed:
            shortened, kept = self._parts
            room = self.contentsRect().width() - 4 - self.fontMetrics().horizontalAdvance(kept)
            self.setText(
                self.fontMetrics().elidedText(shortened, Qt.TextElideMode.ElideRight, max(room, 20))
                + kept
            )
        super().resizeEvent(event)

    def mime_data(self) -> QMimeData:
        mime = QMimeData()
        mime.setData(SESSION_MIME, QByteArray(str(self.session.id).encode()))
        mime.setText(self.text())
        return mime

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.clicked.emit(self.session.id)
        super().mousePressEvent(event)
        # QLabel ignores presses: passed on, the day cell would select the bare day (undoing
        # this selection) and take the mouse grab, so a drag would never start here.
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not self.draggable:
            return
        if (
            event.position().toPoint() - self._press
        ).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(self.mime_data())
        drag.setPixmap(self.grab())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.opened.emit(self.session.id)


class RaceChip(QLabel):
    def __init__(self, race: Race, unit: WeightUnit, parent=None) -> None:
        distance = format_distance(race.distance_km, distance_unit_for(unit))
        super().__init__(f"⚑ {race.name} {distance}".rstrip(), parent)
        self.race = race
        self.setObjectName(f"race{race.id}")
        self.setToolTip(self.text())
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.88)
        self.setFont(font)
        self.setStyleSheet(f"QLabel {{ {RACE} border-radius:3px; padding:1px 3px; }}")
