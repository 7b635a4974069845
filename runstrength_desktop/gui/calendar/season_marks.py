"""A week in its season, as the calendar's week column shows it: a band down the column in
the colour of the week's phase, with the phase and the weeks to go to the race written along
it (the race week marked in the race's red), and, in a week that has begun, planned against
done (kilometres, strength sessions) with the week's load. Made from what the calendar's
refresh reads anyway: the weeks' sessions, phases and the races ahead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from ...domain import Phase, Race, Session, Status, monday_of
from ...domain.compliance import WeekCompliance, fold_weeks, tally_sessions
from ...domain.enums import DistanceUnit
from ...domain.metrics import session_load
from ...domain.units import format_distance, km_to
from .colours import race_colours
from .phase_colours import phase_fill, phase_text

BAND_WIDTH = 14
RACE_AHEAD_WEEKS = 30  # a race further ahead has no weeks to go on the calendar


@dataclass(frozen=True)
class SeasonMarks:
    phase: Phase | None = None
    race: Race | None = None  # the next race, in this week or ahead
    weeks_to_go: int | None = None
    compliance: WeekCompliance | None = None
    load: float = 0.0  # of the done sessions
    future: bool = False  # the week has not begun

    @property
    def race_week(self) -> bool:
        return self.weeks_to_go == 0

    @property
    def running(self) -> bool:
        """Done against planned running, for a week that has begun (a week ahead shows its
        plan as the column always has)."""
        return not self.future and self.compliance is not None and self.compliance.planned_runs > 0

    def running_text(self, unit: DistanceUnit) -> str:
        """Done against planned: '24 / 40 km'."""
        week = self.compliance
        if week is None:
            return ""
        return f"{km_to(week.done_km, unit):.0f} / {km_to(week.planned_km, unit):.0f} {unit.value}"

    def strength_text(self) -> str:
        """Done against planned: '1 / 2 strength'."""
        week = self.compliance
        if self.future or week is None or not week.planned_strength:
            return ""
        return f"{week.done_strength} / {week.planned_strength} strength"

    def load_text(self) -> str:
        return f"load {self.load:.0f}" if self.load else ""

    def band_texts(self) -> list[str]:
        """What the band may say along it, longest first: the phase, and the weeks to the
        race ('build · 5 weeks to Spring marathon', 'build · 5 to go')."""
        phase = [self.phase.value] if self.phase else []
        race = self.race.name if self.race else "the race"
        if self.race_week:
            return [" · ".join([*phase, f"race week: {race}"]), "race week"]
        if self.weeks_to_go is None:
            return phase
        weeks = f"{self.weeks_to_go} week{'s' if self.weeks_to_go != 1 else ''}"
        return [
            " · ".join([*phase, f"{weeks} to {race}"]),
            " · ".join([*phase, f"{self.weeks_to_go} to go"]),
        ]

    def tooltip(self, unit: DistanceUnit) -> str:
        lines = []
        if self.phase:
            lines.append(f"Phase: {self.phase.value}")
        if self.race is not None and self.weeks_to_go is not None:
            when = f"{self.race.date:%a %d %b}"
            lines.append(
                f"{self.race.name} on {when}: this week"
                if self.race_week
                else f"{self.weeks_to_go} week{'s' if self.weeks_to_go != 1 else ''} to "
                f"{self.race.name} on {when}"
            )
        week = self.compliance
        if week is not None and week.has_plan:
            lines.append(
                f"Planned: {format_distance(week.planned_km, unit)} in {week.planned_runs} "
                f"runs, {week.planned_strength} strength sessions"
            )
            if not self.future:
                lines.append(
                    f"Done: {format_distance(week.done_km, unit)}, {week.done_runs} of the "
                    f"runs and {week.done_strength} of the strength sessions; "
                    f"{week.skipped} skipped"
                )
        if self.load:
            lines.append(f"Load of the week's done sessions: {self.load:.0f} (RPE x minutes)")
        return "\n".join(lines)


def week_marks(
    monday: dt.date,
    sessions: list[Session],
    phase: Phase | None,
    races_ahead: list[Race],
    today: dt.date,
) -> SeasonMarks:
    """The marks of the week of `monday` from its sessions, its phase and the races from it
    on (sorted by day)."""
    race = next((r for r in races_ahead if r.date >= monday), None)
    weeks = None
    if race is not None:
        weeks = (monday_of(race.date) - monday).days // 7
        if weeks > RACE_AHEAD_WEEKS:
            race, weeks = None, None
    compliance = fold_weeks(tally_sessions(sessions, today)).get(monday)
    load = sum(
        value
        for s in sessions
        if s.status is Status.DONE and (value := session_load(s)) is not None
    )
    return SeasonMarks(phase, race, weeks, compliance, float(load), monday > today)


def paint_phase_band(widget: QWidget, marks: SeasonMarks) -> None:
    """The band down the left of the week's cell, its words written bottom to top."""
    palette = widget.palette()
    painter = QPainter(widget)
    band = QRect(1, 1, BAND_WIDTH, widget.height() - 2)
    fill = phase_fill(palette, marks.phase) if marks.phase else palette.color(palette.ColorRole.Mid)
    text = (
        phase_text(palette, marks.phase) if marks.phase else palette.color(palette.ColorRole.Text)
    )
    if marks.race_week:
        fill, text = race_colours(palette).fill, QColor("white")
    painter.fillRect(band, fill)
    texts = marks.band_texts()
    if not texts:
        return
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * 0.8)
    painter.setFont(font)
    painter.setPen(text)
    painter.translate(band.left(), band.bottom())
    painter.rotate(-90)
    length = band.height() - 6
    metrics = painter.fontMetrics()
    fitting = next((t for t in texts if metrics.horizontalAdvance(t) <= length), texts[-1])
    shown = metrics.elidedText(fitting, Qt.TextElideMode.ElideRight, length)
    painter.drawText(QRect(3, 0, length, BAND_WIDTH), Qt.AlignmentFlag.AlignVCenter, shown)
