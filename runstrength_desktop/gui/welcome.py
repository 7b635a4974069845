"""The welcome over the calendar while the logbook is empty: what a first run can do, each a
button (bring a history in, plan this week, look around a demo logbook).

It lies over the middle of the empty month rather than taking a row of the layout: at 1024 x
600 the month has no height to spare."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Welcome(QFrame):
    importRequested = Signal()  # File > Import: a Strong, Hevy or FitNotes export
    runsRequested = Signal()  # File > Import of the watch's activity files
    planRequested = Signal()
    demoRequested = Signal()

    def __init__(self, over: QWidget) -> None:
        super().__init__(over)
        self.setObjectName("welcome")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)  # the window colour: the empty cells do not show
        self.dismissed = False
        title = QLabel("Welcome to RunStrength Desktop", objectName="welcomeTitle")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        self.text = QLabel(
            "Your logbook is empty. Bring in what you have logged elsewhere, let the planner "
            "place this week's lifts around your runs, or look around a demo logbook first. "
            "To log by hand, pick a day and press R for a run or S for a strength session.",
            objectName="welcomeText",
            wordWrap=True,
        )
        self.import_button = QPushButton(
            "Import a Strong, Hevy or FitNotes history…", objectName="welcomeImport"
        )
        self.runs_button = QPushButton("Import runs from the watch…", objectName="welcomeRuns")
        self.plan_button = QPushButton("Plan this week", objectName="welcomePlan")
        self.demo_button = QPushButton("Open a demo logbook", objectName="welcomeDemo")
        self.demo_button.setToolTip(
            "A separate file of made-up training, marked as a demo; your logbook is not touched"
        )
        self.close_button = QPushButton("Not now", objectName="welcomeClose")
        self.close_button.clicked.connect(self.dismiss)
        buttons = QGridLayout()  # two by two: the row of four did not fit at 1024 px
        for index, (button, signal) in enumerate(
            (
                (self.import_button, self.importRequested),
                (self.runs_button, self.runsRequested),
                (self.plan_button, self.planRequested),
                (self.demo_button, self.demoRequested),
            )
        ):
            button.clicked.connect(signal)
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        buttons.addWidget(self.close_button, 1, 3)
        for button in (
            self.import_button,
            self.runs_button,
            self.plan_button,
            self.demo_button,
            self.close_button,
        ):
            # A click leaves the keyboard on the calendar: the welcome goes once the
            # logbook has a session, and focus on a hidden button would be lost.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.runs_button.hide()  # until the window says File > Import takes activity files
        self.hide()
        over.installEventFilter(self)

    def offer_runs(self, offered: bool) -> None:
        self.runs_button.setVisible(offered)

    def show_for(self, empty: bool) -> None:
        """Shown while the logbook is empty, unless the runner said not now."""
        self.setVisible(empty and not self.dismissed)
        if empty and not self.dismissed:
            self._place()
            self.raise_()
        if not empty:
            self.dismissed = False  # another empty logbook later is welcomed again

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        over = parent.rect()
        width = min(over.width() - 24, max(self.minimumSizeHint().width(), 640))
        height = self.heightForWidth(width) if self.hasHeightForWidth() else 0
        height = max(height, self.sizeHint().height())
        self.setGeometry(
            QRect(
                over.center().x() - width // 2, over.height() // 3 - height // 2, width, height
            ).intersected(over)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def buttons(self) -> list[QPushButton]:
        return [b for b in self.findChildren(QPushButton) if not b.isHidden()]
