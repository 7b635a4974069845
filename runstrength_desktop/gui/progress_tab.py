"""Progress tab: the charts a runner who lifts wants to look at, one section at a time
(strength per exercise, weekly consistency, balance between body regions, training load).

The charts read a gui.progress_source.ProgressSource: the store's aggregates, read when a
chart first needs them and patched with what each change names. Only the section on screen
is drawn, and only when its data changed; the others catch up when picked, as hidden tabs
do.

pyqtgraph and NumPy take about 0.35 s to import and the charts 0.1 s to build, so the window
paints first without them: the charts are built just after the first paint (or at once, when
the app opens on this tab)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QHBoxLayout, QListWidget, QStackedWidget, QWidget

from ..domain.changes import Change
from . import settings_keys as keys
from .context import AppContext
from .widgets.lazy_tab import LazyTab

if TYPE_CHECKING:
    from ..planning import PlanSettings
    from .charts.page import ChartPage
    from .progress_source import ProgressSource

# After the first paint, leave the event loop free a moment (for --smoke to report it, and
# for the first clicks) before spending ~0.4 s on the charts.
WARM_UP_DELAY_MS = 150
SECTIONS = (
    "Strength",
    "Consistency",
    "Volume",
    "Muscles",
    "Balance",
    "Body weight",
    "Training load",
    "Plan against done",
)


class ProgressTab(LazyTab):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("progressTab")
        self.context = context
        self._source: ProgressSource | None = None  # built when first read (source)
        self.undo = QUndoStack(self)  # logging a body weight (Edit > Undo, in front)
        self.pages: list[ChartPage] = []
        self.sections = QListWidget(objectName="progressSections")
        self.sections.addItems(SECTIONS)
        # A font and spacing rather than a style sheet, which would pin the list's colours
        # and leave it white in a dark palette.
        font = self.sections.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.sections.setFont(font)
        self.sections.setSpacing(5)
        self.sections.setFixedWidth(self.sections.sizeHintForColumn(0) + 30)
        self.stack = QStackedWidget(objectName="progressPages")
        layout = QHBoxLayout(self)
        layout.addWidget(self.sections)
        layout.addWidget(self.stack, 1)
        saved = context.settings.value(keys.PROGRESS_SECTION, 0)
        self.sections.setCurrentRow(
            int(saved) if str(saved).isdigit() and int(saved) < len(SECTIONS) else 0
        )
        self.sections.currentRowChanged.connect(self.show_section)
        context.news.add_cache(self._take_news)
        context.news.changed.connect(self._news_shown)
        if app := QApplication.instance():
            app.installEventFilter(self)  # until the first paint

    # -- building the charts -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and not self.pages
            and isinstance(watched, QWidget)
            and watched.window() is self.window()
        ):
            if app := QApplication.instance():
                app.removeEventFilter(self)
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self.build_pages)
        return False

    def _plan_settings(self) -> PlanSettings:
        return self.context.planner.settings

    def build_pages(self) -> None:
        if self.pages:
            return
        if app := QApplication.instance():
            app.removeEventFilter(self)
        from .charts.balance_chart import BalanceChart
        from .charts.body_chart import BodyWeightChart
        from .charts.compliance_chart import ComplianceChart
        from .charts.consistency_chart import ConsistencyChart
        from .charts.load_chart import LoadChart
        from .charts.muscles_chart import MusclesChart
        from .charts.strength_chart import StrengthChart
        from .charts.volume_chart import VolumeChart

        volume, body = VolumeChart(), BodyWeightChart()
        volume.plan_settings = self._plan_settings
        body.context, body.undo = self.context, self.undo
        self.pages = [
            StrengthChart(),
            ConsistencyChart(),
            volume,
            MusclesChart(),
            BalanceChart(),
            body,
            LoadChart(),
            ComplianceChart(),
        ]
        for page in self.pages:
            self.stack.addWidget(page)
        self.stack.setCurrentIndex(self.sections.currentRow())

    @property
    def strength(self):
        self.build_pages()
        return self.pages[0]

    @property
    def consistency(self):
        self.build_pages()
        return self.pages[1]

    @property
    def volume(self):
        self.build_pages()
        return self.pages[2]

    @property
    def muscles(self):
        self.build_pages()
        return self.pages[3]

    @property
    def balance(self):
        self.build_pages()
        return self.pages[4]

    @property
    def body(self):
        self.build_pages()
        return self.pages[5]

    @property
    def load(self):
        self.build_pages()
        return self.pages[6]

    @property
    def compliance(self):
        self.build_pages()
        return self.pages[7]

    @property
    def current_page(self) -> ChartPage:
        self.build_pages()
        return self.pages[self.stack.currentIndex()]

    # -- data --------------------------------------------------------------------------------

    @property
    def source(self) -> ProgressSource:
        """The aggregates the charts read. Built when first read, after the window's first
        paint: it brings NumPy and the analysis modules in (about 0.25 s at startup)."""
        if self._source is None:
            from .progress_source import ProgressSource

            self._source = ProgressSource(lambda: self.context.repo)
        return self._source

    def _take_news(self, change: Change) -> None:
        if self._source is not None:  # nothing read yet: nothing to patch
            self._source.take_news(change)
        if change.settings:
            for page in self.pages:
                page.stale = True  # the unit or the planner's thresholds

    def _news_shown(self, change: Change) -> None:
        if (
            change.touches_sessions
            or change.catalogue
            or change.settings
            or change.body_weights
            or change.phases
            or change.races
        ):
            self.request_refresh()

    def refresh(self) -> None:
        self.build_pages()
        self._draw_current()

    def _draw_current(self) -> None:
        page, unit = self.current_page, self.context.unit
        if page.needs_drawing(self.source, unit):
            page.update_page(self.source, unit)

    def show_section(self, row: int) -> None:
        self.context.settings.setValue(keys.PROGRESS_SECTION, row)
        if not self.pages:
            return  # built later, on this section
        self.stack.setCurrentIndex(row)
        if self.isVisible():
            self._draw_current()
