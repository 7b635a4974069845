"""The plan panel beside the calendar: the selected week's flags from the planner, grouped by
severity and rule (errors first, each group with its count, collapsible), each with what
happened in numbers and what to do instead. Clicking a flag selects its day and session and
shows its fix, when it has one, with a preview and a button to apply it (one undo step).
What the check could not judge (no runs near the week) is said once, above the flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..planning import RULE_IDS, Fix, Flag, Severity

SEVERITY_ICON = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
SEVERITY_COLOUR = {Severity.ERROR: "#c0392b", Severity.WARNING: "#d68910", Severity.INFO: "#2874a6"}
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
FLAG_ROLE = Qt.ItemDataRole.UserRole


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
        self.tree = QTreeWidget(objectName="planFlags")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(14)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
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
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.fix_box)
        self.flags: list[Flag] = []
        self.fix: Fix | None = None
        # Who finds a flag's fix (the planner, set by the panel's owner): only for the flag
        # picked, so showing a week costs no fixes.
        self.find_fix: Callable[[Flag], Fix | None] | None = None
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemActivated.connect(self._activated)
        self.fix_button.clicked.connect(self._apply)

    def show_flags(
        self,
        week: str,
        flags: list[Flag],
        has_sessions: bool = True,
        has_lifts: bool | None = None,
        notes: list[str] = (),
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
        self._show_fix(None)
        self.tree.clear()
        style = self.style()
        for severity, rule, found in groups(flags):
            group = QTreeWidgetItem(
                [f"{SEVERITY_NAME[severity]} · {RULE_LABELS.get(rule, rule)} ({len(found)})"]
            )
            group.setIcon(0, style.standardIcon(SEVERITY_ICON[severity]))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setToolTip(0, f"{severity.value}: {rule}")
            self.tree.addTopLevelItem(group)
            for flag in found:
                item = QTreeWidgetItem([f"{flag.date:%a %d %b} · {flag.message}\n→ {flag.advice}"])
                item.setToolTip(0, f"{flag.severity.value}: {flag.rule}\nsource: {flag.source}")
                item.setData(0, FLAG_ROLE, self.flags.index(flag))
                group.addChild(item)
            group.setExpanded(severity is not Severity.INFO)

    def texts(self) -> list[str]:
        """Every line shown: the group headings and, under the open ones, their flags."""
        lines = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            lines.append(group.text(0))
            lines.extend(group.child(j).text(0) for j in range(group.childCount()))
        return lines

    def group_titles(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    def flag_items(self) -> list[QTreeWidgetItem]:
        return [
            group.child(j)
            for group in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            for j in range(group.childCount())
        ]

    def _activated(self, item: QTreeWidgetItem) -> None:
        index = item.data(0, FLAG_ROLE)
        if index is None:  # a group: open or close it
            return
        flag = self.flags[index]
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
