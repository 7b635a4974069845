"""The plan panel beside the calendar: the selected week's flags from the planner, grouped by
severity and rule (errors first, each group with its count, collapsible), each with what
happened in numbers and what to do instead. Clicking a flag selects its day and session and
shows its fix, when it has one, with a preview and a button to apply it (one undo step).
What the check could not judge (no runs near the week) is said once, above the flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..planning import RULE_IDS, Fix, Flag, Severity

SEVERITY_ICON = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
SEVERITY_NAME = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}
# What each rule is about, as a runner says it (the ids stay in the tooltips and the CLI).
RULE_LABELS = {
    "too_light": "Too light",
    "inconsistent": "Not every week",
    "no_calf_work": "No calf work",
    "no_upper_or_core": "No upper body or core",
    "lift_before_hard_run": "Legs before a hard run",
    "run_after_lift": "Lifting before the run",
    "lift_too_soon_after_hard_run": "Lifting soon after a hard run",
    "hard_days_apart": "Leg day on an easy day",
    "legs_before_long_run": "Legs before the long run",
    "short_recovery": "Legs without 48 h of rest",
    "too_much_volume": "Too much",
    "no_progression": "No progress",
    "no_deload": "No deload week",
    "taper": "Taper",
    "missed_reps": "Missed reps",
    "short_session": "Short session",
    "injury_prevention": "Injury prevention",
}


def count_text(flags: list[Flag]) -> str:
    parts = []
    for severity, noun in (
        (Severity.ERROR, "error"),
        (Severity.WARNING, "warning"),
        (Severity.INFO, "note"),
    ):
        count = sum(1 for f in flags if f.severity is severity)
        if count:
            parts.append(f"{count} {noun}{'' if count == 1 else 's'}")
    return ", ".join(parts)


def groups(flags: list[Flag]) -> list[tuple[Severity, str, list[Flag]]]:
    """The flags by severity (errors first) and rule (in the rules page's order)."""
    found: dict[tuple[Severity, str], list[Flag]] = {}
    for flag in flags:
        found.setdefault((flag.severity, flag.rule), []).append(flag)
    order = {rule: i for i, rule in enumerate(RULE_IDS)}
    keys = sorted(found, key=lambda k: (k[0].rank, order.get(k[1], len(order))))
    return [(severity, rule, found[(severity, rule)]) for severity, rule in keys]


class FlagRow(QLabel):
    """One flag: its day, what happened and what to do instead, wrapped to the panel's width.
    A click (or Enter) picks it."""

    picked = Signal(object)  # the row

    def __init__(self, flag: Flag, parent=None) -> None:
        # A run of weeks says its span: the panel shows it in each of its weeks.
        when = f"{flag.since:%a %d %b} – " if flag.since else ""
        super().__init__(f"{when}{flag.date:%a %d %b} · {flag.message}\n→ {flag.advice}", parent)
        self.flag = flag
        self.setObjectName("planFlag")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(18, 2, 4, 4)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(f"{flag.severity.value}: {flag.rule}\nsource: {flag.source}")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)  # painted with set_picked's colour
        self._picked = False
        self.set_picked(False)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        picked = getattr(self, "_picked", None)  # None while it is being built
        if event.type() == QEvent.Type.PaletteChange and picked is not None:
            palette = self.palette()  # a theme switch: its base changed
            if palette.color(QPalette.ColorRole.Window) != self._painted(palette, picked):
                self.set_picked(picked)

    def _painted(self, palette: QPalette, picked: bool) -> QColor:
        base = palette.color(QPalette.ColorRole.Base)
        tint = palette.color(QPalette.ColorRole.Highlight)
        if picked:  # a wash of the highlight colour: the text keeps its own colour
            return QColor(
                (base.red() * 3 + tint.red()) // 4,
                (base.green() * 3 + tint.green()) // 4,
                (base.blue() * 3 + tint.blue()) // 4,
            )
        return base

    def set_picked(self, picked: bool) -> None:
        self._picked = picked
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, self._painted(palette, picked))
        self.setPalette(palette)

    def mousePressEvent(self, event) -> None:
        self.picked.emit(self)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.picked.emit(self)
        else:
            super().keyPressEvent(event)


class FlagGroup(QWidget):
    """The flags of one severity and rule under a heading with their count; the heading opens
    and closes the group."""

    def __init__(self, severity: Severity, rule: str, flags: list[Flag], parent=None) -> None:
        super().__init__(parent)
        self.heading = QToolButton(objectName="planGroup")
        self.label = f"{SEVERITY_NAME[severity]} · {RULE_LABELS.get(rule, rule)}"
        self.count = f" ({len(flags)})"
        self.title = self.label + self.count
        self.heading.setText(self.title)
        # A narrow panel shortens the heading (count kept) instead of widening the list
        # past its scroll area, which would cut every flag's text on the right.
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.heading.setAccessibleName(self.title)
        self.heading.setIcon(self.style().standardIcon(SEVERITY_ICON[severity]))
        self.heading.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.heading.setAutoRaise(True)
        self.heading.setCheckable(True)
        self.heading.setToolTip(f"{severity.value}: {rule} (click to open or close)")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.rows = [FlagRow(flag) for flag in flags]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        for row in self.rows:
            layout.addWidget(row)
        self.heading.toggled.connect(self.set_open)
        self.heading.setChecked(severity is not Severity.INFO)  # notes start closed
        self.set_open(self.heading.isChecked())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        metrics = self.heading.fontMetrics()
        room = (
            self.width()
            - self.heading.iconSize().width()
            - 24
            - metrics.horizontalAdvance(self.count)
        )
        label = metrics.elidedText(self.label, Qt.TextElideMode.ElideRight, max(room, 0))
        self.heading.setText(label + self.count)

    def set_open(self, is_open: bool) -> None:
        self.heading.setArrowType(Qt.ArrowType.DownArrow if is_open else Qt.ArrowType.RightArrow)
        self.heading.setIcon(self.heading.icon())
        for row in self.rows:
            row.setVisible(is_open)

    def is_open(self) -> bool:
        return self.heading.isChecked()


class PlanPanel(QWidget):
    flagActivated = Signal(object, list)  # the flag's date, the sessions it names
    fixRequested = Signal(object)  # the Fix to apply

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("planPanel")
        self.title = QLabel(objectName="planTitle")
        self.title.setStyleSheet("font-weight:bold")
        self.summary = QLabel(objectName="planSummary")
        self.summary.setWordWrap(True)
        self.note = QLabel(objectName="planNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-style:italic")
        self.content = QWidget(objectName="planFlags")
        self.content.setBackgroundRole(QPalette.ColorRole.Base)
        self.content.setAutoFillBackground(True)
        self.list_layout = QVBoxLayout(self.content)
        self.list_layout.setContentsMargins(2, 2, 2, 2)
        self.list_layout.setSpacing(2)
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(self.content)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll
        self.fix_box = QFrame(objectName="planFix")
        self.fix_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.fix_text = QLabel(objectName="planFixText")
        self.fix_text.setWordWrap(True)
        self.fix_button = QPushButton("Apply fix", objectName="applyFix")
        self.fix_button.setToolTip(
            "Change the plan as the preview says (Edit > Undo takes it back)"
        )
        box = QVBoxLayout(self.fix_box)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.fix_text)
        box.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignRight)
        self.fix_box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.fix_box)
        self.flags: list[Flag] = []
        self.groups: list[FlagGroup] = []
        self.fix: Fix | None = None
        self.picked: FlagRow | None = None
        # Who finds a flag's fix (the planner, set by the panel's owner): only for the flag
        # picked, so showing a week costs no fixes.
        self.find_fix: Callable[[Flag], Fix | None] | None = None
        self.fix_button.clicked.connect(self._apply)

    def show_flags(
        self,
        week: str,
        flags: list[Flag],
        has_sessions: bool = True,
        has_lifts: bool | None = None,
        notes: Sequence[str] = (),
    ) -> None:
        self.flags = flags
        self.title.setText(f"Plan check · {week}")
        lifts = has_sessions if has_lifts is None else has_lifts
        if flags:
            self.summary.setText(count_text(flags))
        elif lifts and not notes:
            self.summary.setText("No flags: this week's lifting fits its running.")
        elif lifts:
            self.summary.setText("No flags for this week's lifting.")
        elif has_sessions:
            self.summary.setText(
                "No lifting this week yet, only runs: “Plan this week” places the strength "
                "sessions around them, or add one (S)."
            )
        else:
            self.summary.setText(
                "Nothing planned this week yet: add its runs (R) and lifts "
                "(S), or let “Plan this week” place the lifts."
            )
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self.picked = None
        self._show_fix(None)
        for group in self.groups:
            self.list_layout.removeWidget(group)
            group.hide()  # gone from the screen now, deleted when Qt gets to it
            group.deleteLater()
        self.groups = [FlagGroup(*found) for found in groups(flags)]
        for index, group in enumerate(self.groups):
            self.list_layout.insertWidget(index, group)
            group.show()  # now, not when the layout gets to it
            for row in group.rows:
                row.picked.connect(self.activate)

    def texts(self) -> list[str]:
        """Every line shown: the group headings and, under each, its flags."""
        return [t for g in self.groups for t in (g.title, *(r.text() for r in g.rows))]

    def group_titles(self) -> list[str]:
        return [g.title for g in self.groups]

    def flag_items(self) -> list[FlagRow]:
        return [row for group in self.groups for row in group.rows]

    def activate(self, row: FlagRow) -> None:
        """A flag picked: its day and session are selected, and its fix shown."""
        if self.picked is not None and self.picked is not row:
            self.picked.set_picked(False)
        self.picked = row
        row.set_picked(True)
        flag = row.flag
        self._show_fix(self.find_fix(flag) if self.find_fix else None, flag)
        self.flagActivated.emit(flag.date, [i for i in flag.session_ids if i > 0])

    def _show_fix(self, fix: Fix | None, flag: Flag | None = None) -> None:
        self.fix = fix
        if flag is None:
            self.fix_box.hide()
            return
        self.fix_text.setText(
            f"<b>Fix:</b> {fix.text}"
            if fix
            else "No one-step fix for this flag; its advice says what to do."
        )
        self.fix_button.setVisible(fix is not None)
        self.fix_box.show()

    def _apply(self) -> None:
        if self.fix is not None:
            fix, self.fix = self.fix, None
            self.fix_box.hide()
            self.fixRequested.emit(fix)


def by_day(
    flags: list[Flag], days_of: Callable[[Flag], set] | None = None
) -> dict[dt.date, list[Flag]]:
    """Each day's flags: those about what is on it (`days_of`: the days a flag is about,
    default its date)."""
    days: dict[dt.date, list[Flag]] = {}
    for flag in flags:
        for day in days_of(flag) if days_of else {flag.date}:
            days.setdefault(day, []).append(flag)
    return days
