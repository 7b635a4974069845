"""The session's own fields (date, start, title, status, duration, RPE, run type, distance,
notes). Each committed change is an undo command; a field whose text cannot be taken is
marked and keeps its text until it is fixed. Text typed and not yet committed (the field
still has the focus) already counts as a change: `edited` says so at every keystroke, and
whatever leaves the session commits it first (commit_pending)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...domain import RunType, Session, SessionKind, Status, WeightUnit
from ...domain.cell_parsing import CellError, parse_number
from ...domain.units import distance_unit_for, format_number, km_to, to_km
from ...domain.validation import (
    FIRST_DAY,
    LAST_DAY,
    MAX_NAME_LENGTH,
    distance_problem,
    duration_problem,
    parse_clock,
    rpe_problem,
)
from ..theme import invalid_style


class FieldCommand(QUndoCommand):
    def __init__(self, form: SessionForm, name: str, old, new) -> None:
        super().__init__(f"Edit {name}")
        self.form, self.name, self.old, self.new = form, name, old, new

    def redo(self) -> None:
        self.form._show_value(self.name, self.new)

    def undo(self) -> None:
        self.form._show_value(self.name, self.old)


TEXT_FIELDS = ("start", "title", "duration", "rpe", "distance", "notes")
FIELDS = ("date", "status", "run_type", *TEXT_FIELDS)


class SessionForm(QWidget):
    problem = Signal(str)  # a field was refused: the reason, for the status bar
    edited = Signal()  # the runner typed in a field (committed or not yet)

    def __init__(self, undo: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.undo = undo
        self.unit = WeightUnit.KG
        self.kind = SessionKind.STRENGTH
        self.date = QDateEdit(objectName="sessionDate", calendarPopup=True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.date.setDateRange(QDate(FIRST_DAY), QDate(LAST_DAY))  # the days a logbook holds
        self.start = QLineEdit(objectName="sessionStart", placeholderText="HH:MM")
        self.title = QLineEdit(objectName="sessionTitle", placeholderText="e.g. Lower body + core")
        self.status = QComboBox(objectName="sessionStatus")
        self.status.addItems(Status.values())
        self.duration = QLineEdit(objectName="sessionDuration", placeholderText="minutes")
        self.rpe = QLineEdit(objectName="sessionRpe", placeholderText="1-10")
        self.run_type = QComboBox(objectName="runType")
        self.run_type.addItems(RunType.values())
        self.distance = QLineEdit(objectName="runDistance")
        self.notes = QPlainTextEdit(objectName="sessionNotes", placeholderText="Notes, form cues")
        self.notes.setFixedHeight(52)
        self.distance_label = QLabel("Distance")
        self.run_type_label = QLabel("Run type")
        self._committed: dict[str, object] = {}
        self.errors: dict[str, str] = {}

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        left, middle, right = QFormLayout(), QFormLayout(), QFormLayout()
        left.addRow("Date", self.date)
        left.addRow("Start", self.start)
        middle.addRow("Title", self.title)
        middle.addRow("Status", self.status)
        right.addRow("Duration (min)", self.duration)
        right.addRow("Session RPE", self.rpe)
        run = QFormLayout()
        run.addRow(self.run_type_label, self.run_type)
        run.addRow(self.distance_label, self.distance)
        for column, layout in enumerate((left, middle, right, run)):
            grid.addLayout(layout, 0, column)
        grid.addWidget(self.notes, 0, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(4, 3)

        for name, widget in self._line_edits().items():
            widget.editingFinished.connect(lambda n=name: self._commit(n))
            widget.textEdited.connect(lambda _text: self.edited.emit())
        self.notes.textChanged.connect(self.edited)
        self.date.dateChanged.connect(lambda _d: self._commit("date"))
        self.status.currentTextChanged.connect(lambda _t: self._commit("status"))
        self.run_type.currentTextChanged.connect(lambda _t: self._commit("run_type"))
        self.notes.installEventFilter(self)

    def _line_edits(self) -> dict[str, QLineEdit]:
        return {
            "start": self.start,
            "title": self.title,
            "duration": self.duration,
            "rpe": self.rpe,
            "distance": self.distance,
        }

    # -- values as text (what the undo stack stores) -----------------------------------------

    def _current(self, name: str):
        if name == "date":
            return self.date.date().toString("yyyy-MM-dd")
        if name == "status":
            return self.status.currentText()
        if name == "run_type":
            return self.run_type.currentText()
        if name == "notes":
            return self.notes.toPlainText()
        return self._line_edits()[name].text()

    def _show_value(self, name: str, value) -> None:
        widget = {
            "date": self.date,
            "status": self.status,
            "run_type": self.run_type,
            "notes": self.notes,
        }.get(name) or self._line_edits()[name]
        widget.blockSignals(True)
        if name == "date":
            self.date.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        elif name in ("status", "run_type"):
            (self.status if name == "status" else self.run_type).setCurrentText(value)
        elif name == "notes":
            self.notes.setPlainText(value)
        else:
            widget.setText(value)
        widget.blockSignals(False)
        self._committed[name] = value
        self._check(name)

    def _commit(self, name: str) -> None:
        new = self._current(name)
        old = self._committed.get(name, "")
        if new != old:
            self.undo.push(FieldCommand(self, name, old, new))
        elif name in self._line_edits():
            self._check(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._commit("notes")
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch: the marked fields take the new theme's colours."""
        if event.type() == QEvent.Type.PaletteChange:
            for name in self.errors:
                self._line_edits()[name].setStyleSheet(invalid_style(self.palette()))
        super().changeEvent(event)

    def commit_pending(self) -> None:
        """Take what is typed in a field that has not lost focus yet (Ctrl+S while typing,
        Ctrl+Q with the cursor still in Notes)."""
        for name in TEXT_FIELDS:
            self._commit(name)

    def has_uncommitted(self) -> bool:
        """Text typed into a field and not yet taken as an edit."""
        return any(self._current(name) != self._committed.get(name, "") for name in TEXT_FIELDS)

    def texts(self) -> dict[str, str]:
        """Every field as it stands on screen, typed text included (the draft journal)."""
        return {name: self._current(name) for name in FIELDS}

    def restore_texts(self, texts: dict[str, str]) -> None:
        """Put back a draft's fields, each as an undoable edit."""
        for name in FIELDS:
            value = texts.get(name)
            if isinstance(value, str) and value != self._committed.get(name, ""):
                self.undo.push(FieldCommand(self, name, self._committed.get(name, ""), value))

    # -- parsing and checking ----------------------------------------------------------------

    def _parse(self, name: str):
        text = str(self._committed.get(name, "")).strip()
        if name == "start":
            if not text:
                return None
            try:
                return parse_clock(text.zfill(5))  # "7:05" is 07:05
            except ValueError as error:
                raise CellError(f"Start: {error}") from None
        if name == "duration":
            value = parse_number(text, "Duration")
            if problem := duration_problem(value):
                raise CellError(f"Duration: {problem}")
            return value
        if name == "rpe":
            value = parse_number(text, "Session RPE")
            if problem := rpe_problem(value):
                raise CellError(f"Session RPE: {problem}")
            return value
        if name == "distance":
            value = parse_number(text, "Distance")
            km = None if value is None else to_km(value, distance_unit_for(self.unit))
            if problem := distance_problem(km):
                raise CellError(f"Distance: {problem}")
            return km
        if name == "title" and len(text) > MAX_NAME_LENGTH:  # a paste gone wrong
            raise CellError(
                f"Title: must be at most {MAX_NAME_LENGTH} characters, not {len(text):,}"
            )
        return text

    def _check(self, name: str) -> None:
        if name not in self._line_edits():
            return
        widget = self._line_edits()[name]
        try:
            self._parse(name)
        except CellError as error:
            message = str(error)
            self.errors[name] = message
            widget.setStyleSheet(invalid_style(self.palette()))
            widget.setToolTip(message)
            self.problem.emit(message)
        else:
            self.errors.pop(name, None)
            widget.setStyleSheet("")
            widget.setToolTip("")

    # -- loading and reading a session -------------------------------------------------------

    def load(self, session: Session, unit: WeightUnit) -> None:
        self.unit, self.kind = unit, session.kind
        self.errors.clear()
        distance = (
            format_number(km_to(session.distance_km, distance_unit_for(unit)), 2)
            if session.distance_km is not None
            else ""
        )
        values = {
            "date": session.date.isoformat(),
            "status": session.status.value,
            "start": session.start.strftime("%H:%M") if session.start else "",
            "title": session.title,
            "notes": session.notes,
            "duration": format_number(session.duration_min, 1) if session.duration_min else "",
            "rpe": format_number(session.rpe, 1) if session.rpe else "",
            "run_type": (session.run_type or RunType.EASY).value,
            "distance": distance,
        }
        for name, value in values.items():
            self._show_value(name, value)
        is_run = session.is_run
        for widget in (self.run_type, self.distance, self.run_type_label, self.distance_label):
            widget.setVisible(is_run)
        self.distance_label.setText(f"Distance ({distance_unit_for(unit).value})")

    def set_unit(self, unit: WeightUnit) -> None:
        """Show the distance in the new unit without counting it as an edit."""
        try:
            km = self._parse("distance")
        except CellError:
            km = None
        self.unit = unit
        self.distance_label.setText(f"Distance ({distance_unit_for(unit).value})")
        if km is not None:
            self._show_value("distance", format_number(km_to(km, distance_unit_for(unit)), 2))

    def problems(self) -> list[str]:
        return [self.errors[name] for name in sorted(self.errors)]

    def apply_to(self, session: Session) -> Session:
        """The session with this form's values (call only when problems() is empty)."""
        session.date = dt.date.fromisoformat(self._current("date"))
        session.status = Status(self._current("status"))
        session.start = self._parse("start")
        session.title = self._parse("title")
        session.duration_min = self._parse("duration")
        session.rpe = self._parse("rpe")
        session.notes = str(self._committed.get("notes", ""))
        if session.is_run:
            session.run_type = RunType(self._current("run_type"))
            session.distance_km = self._parse("distance")
        return session
