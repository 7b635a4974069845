"""Session tab: the keyboard-first editor for a strength session or a run.

It edits a copy; nothing reaches the logbook until Save, which is one transaction and is
refused, with the reason, while any field or cell is invalid. Every edit is an undoable
command that marks the session modified at once; leaving with unsaved changes asks Save /
Discard / Cancel; unsaved changes are kept in the draft journal (gui/unsaved_work.py)."""

from __future__ import annotations

import datetime as dt
import logging

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from .. import clock
from ..domain import Session, SessionKind, SetEntry, Status
from ..domain.changes import Change
from ..domain.durations import duration_note
from ..domain.summary import session_headline
from ..domain.validation import ValidationError
from ..store import StoreError
from . import unsaved_work
from .calendar.commands import ApplyFix
from .context import AppContext
from .editor import new_exercise_offer
from .editor import start_from as starting
from .editor.form import SessionForm
from .editor.history_panel import HistoryPanel
from .editor.plate_calculator import PlateCalculator
from .editor.run_details import RunDetails
from .editor.sets_model import SetsModel
from .editor.sets_view import SetsView
from .theme import colour_text, follow_palette
from .widgets.elided_label import ElidedLabel
from .widgets.lazy_tab import LazyTab

log = logging.getLogger(__name__)

SHORTCUTS = {
    "save": ("Save", QKeySequence.StandardKey.Save),
    "add_set": ("Add set (copy of this one)", "Ctrl+Return"),
    "add_exercise": ("Add exercise", "Ctrl+Shift+Return"),
    "remove_set": ("Remove set", "Ctrl+Delete"),
    "remove_exercise": ("Remove exercise", "Ctrl+Shift+Delete"),
}


class SessionTab(LazyTab):
    modifiedChanged = Signal(bool)  # the session now has (or no longer has) unsaved changes

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionTab")
        self.context = context
        self.undo = QUndoStack(self)
        self.drafts = unsaved_work.EditorJournal(self)  # the unsaved mark, the draft journal
        self.session: Session = self._blank(clock.today(), SessionKind.STRENGTH)
        # Ignored width: a new session's headline must not make the whole tab lay itself
        # out again; a long one is shortened in the middle, not cut.
        self.headline = ElidedLabel(objectName="sessionHeadline")
        self.headline.setStyleSheet("font-weight: bold; font-size: 13pt")
        self.start_from = QComboBox(objectName="startFrom")
        self._start_titles: list[str] | None = None
        self._titles_stale = True  # the sessions changed since the titles were read
        self._saving = False
        self.start_from.setMinimumWidth(260)
        self.save_button = QPushButton("Save", objectName="saveSession")
        self.new_strength = QPushButton("New strength session", objectName="newStrength")
        self.new_run = QPushButton("New run", objectName="newRun")
        self.form = SessionForm(self.undo)
        self.run_details = RunDetails()  # a recorded run's laps and heart rate, read-only
        self.model = SetsModel(context.repo.catalogue(), context.unit, self.undo, self)
        self.table = SetsView(
            self.model, context.repo.catalogue(), context.repo.exercise_set_counts
        )
        self.panel = HistoryPanel()
        self.plates = PlateCalculator(context.settings)
        self.model.suggestion = lambda name: starting.suggestion(self, name)
        self.duration_note = QLabel(objectName="durationNote", wordWrap=True)
        self.duration_note.setStyleSheet("color: #8a5300")
        self.duration_note.hide()
        self.message = QLabel(objectName="editorMessage")
        self.message.setWordWrap(True)
        follow_palette(self.message, colour_text("error"))
        self._refused = False  # the message lists the problems a save was refused for
        self.hint = QLabel(
            "Space marks a suggested set done and moves on · Enter moves to the next cell "
            "(from the last one, adds a set like it) · typing replaces a value · Delete "
            "clears it · Ctrl+Enter adds a set · Ctrl+Shift+Enter adds an exercise · "
            "Ctrl+Delete removes a set · Ctrl+S saves · Ctrl+Z undoes"
        )
        self.hint.setEnabled(False)
        self.hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.start_from)
        for button in (self.new_strength, self.new_run, self.save_button):
            top.addWidget(button)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 330])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form)
        layout.addWidget(self.duration_note)
        layout.addWidget(self.run_details, 3)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.plates)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)

        self.actions_by_name: dict[str, QAction] = {}
        handlers = {
            "save": self.save,
            "add_set": self.table.add_set_copy,
            "add_exercise": self.table.add_exercise,
            "remove_set": self.table.remove_current_set,
            "remove_exercise": self.table.remove_current_exercise,
        }
        for name, (text, keys) in SHORTCUTS.items():
            action = QAction(text, self, objectName=f"action_{name}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handlers[name])
            self.addAction(action)
            self.actions_by_name[name] = action

        self.save_button.clicked.connect(self.save)
        self.new_strength.clicked.connect(
            lambda: self.new_session(clock.today(), SessionKind.STRENGTH)
        )
        self.new_run.clicked.connect(lambda: self.new_session(clock.today(), SessionKind.RUN))
        self.start_from.activated.connect(self._start_from_chosen)
        self.form.problem.connect(self._say)
        self.table.problemAtCell.connect(self._say)
        self.table.newExerciseWanted.connect(self.offer_new_exercise)
        self.new_exercise_form = None  # the open "New exercise" form, if any
        self.table.selectionModel().currentChanged.connect(self._plates_follow)
        self.model.dataChanged.connect(self._plates_follow)
        self.model.rowsInserted.connect(self._exercises_changed)
        self.model.rowsRemoved.connect(self._exercises_changed)
        self.model.dataChanged.connect(self._exercises_changed)
        self.undo.cleanChanged.connect(lambda _clean: self.drafts.edited())
        self.undo.indexChanged.connect(self._check_live)
        self.undo.indexChanged.connect(self._recheck_refusal)
        self.undo.indexChanged.connect(self.drafts.edited)
        self.form.edited.connect(self.drafts.edited)

        bus = context.bus
        bus.sessionSelected.connect(self.open_session)
        bus.newSessionRequested.connect(self.new_session)
        context.news.add_cache(self.panel.take_news)
        context.news.changed.connect(self._take_news)
        self.panel.flagPicked.connect(self._show_fix)
        self.panel.fixRequested.connect(self._apply_fix)
        self.load(self.session)

    # -- which session -----------------------------------------------------------------------

    @property
    def session_id(self) -> int | None:
        return self.session.id

    @property
    def is_dirty(self) -> bool:
        return not self.undo.isClean() or self.form.has_uncommitted()

    def _blank(self, day: dt.date, kind: SessionKind) -> Session:
        status = Status.DONE if day <= clock.today() else Status.PLANNED
        return Session(day, kind, status)

    def open_session(self, session_id: int) -> None:
        if session_id == self.session.id or not self.maybe_save():
            return
        session = self.context.repo.session(session_id)
        if session is not None:
            self.load(session)

    def new_session(self, day: dt.date, kind) -> None:
        if self.maybe_save():
            self.load(self._blank(day, SessionKind(kind)))
            self.form.date.setFocus()  # R and S: the cursor in the new session's first field

    def load(self, session: Session) -> None:
        self.session = session
        self.form.load(session, self.context.unit)
        self.run_details.show_run(session, self.context.unit)
        self.form.title.setPlaceholderText(
            "e.g. Easy by the river" if session.is_run else "e.g. Lower body + core"
        )
        # A done session's sets were logged; a planned one's are the plan, suggested for
        # the day it is done.
        done = session.status is Status.DONE
        sets = session.sets if session.is_strength else []
        # Last time and today's targets before the rows: the table is filled, measured and
        # painted once, targets included (set after the rows, they changed every row again).
        targets = None
        if session.is_strength and self.isVisible():
            targets = self._show_exercises(session.copy(sets=[e for e in sets if e.exercise]))
        self.model.set_rows(sets, done=done, targets=targets)
        self.undo.clear()
        self.drafts.edited()
        # A run has no sets, but the planner may still have something to say about it.
        for widget in (self.table, self.panel.heading, self.panel.list, self.start_from, self.hint):
            widget.setVisible(session.is_strength)
        self._fill_start_from()
        self._say("")
        self._exercises_changed()
        self._check_live()
        self._show_headline()

    def _show_headline(self) -> None:
        if not shiboken6.isValid(self.undo):  # the stack's own teardown reports "clean"
            return
        s = self.session
        if s.id is None:
            what = "New run" if s.is_run else "New strength session"
        else:
            what = f"{s.date:%a %d %b %Y} · {session_headline(s, self.context.unit)}"
        self.headline.setText(what + (" *" if self.is_dirty else ""))

    # -- saving ------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        return self.form.problems() + self.model.problems()

    def save(self) -> bool:
        """Write the session in one transaction; refuse, saying why, while anything is
        invalid. The edit stays in the editor whatever happens."""
        self.form.commit_pending()
        self.table.finish_editing()
        if problems := self.problems():
            self._say("Not saved: " + "; ".join(problems))
            self._refused = True
            return False
        draft = self.form.apply_to(self.session.copy(sets=[])).take_identity(self.session)
        left_out = 0
        if draft.is_strength:
            draft.sets = self._sets_of(draft)
            left_out = len([e for e in self.model.entries() if e.exercise]) - len(draft.sets)
        repo = self.context.repo
        try:
            self._saving = True  # our own news: what the editor shows is what it saved
            saved, afterword = unsaved_work.save_or_save_anew(self.context, draft)
        except ValidationError as error:
            self._say(f"Not saved: {error}")
            return False
        except StoreError as error:  # the disk, not the runner: keep the edit and say so
            log.warning("a save was refused: %s", error)
            self._say(
                f"Not saved, the logbook refused the write: {error}. Your edit is "
                "still here; what was saved before is safe."
            )
            return False
        except Exception as error:  # a bug: still keep the edit (a close must not drop it)
            log.exception("saving a session failed")
            self._say(
                f"Not saved, the logbook refused the write: {error}. Your edit is still here."
            )
            return False
        finally:
            self._saving = False
        self.session = saved
        if left_out:  # the table shows what was saved: the suggestions not done go
            self.load(saved)
            afterword += (
                f"; {left_out} suggested set{'s' if left_out != 1 else ''} not marked done left out"
            )
        self.undo.setClean()
        self.drafts.edited()
        self.drafts.write()  # nothing unsaved: the journal goes
        said = " ".join(([f"Saved{afterword}."] if afterword else []) + repo.take_warnings())
        self.message.setText(said)
        text = f"Saved {session_headline(saved, self.context.unit)} on {saved.date:%d %b %Y}"
        self._status(text + afterword + (f". {said}" if said and not afterword else ""))
        return True

    def discard(self) -> None:
        """Drop the unsaved changes: the session as last saved (or the blank new one)."""
        self.load(self.session)
        self.drafts.write()

    def maybe_save(self) -> bool:
        """True when it is fine to leave this session (saved, discarded or unchanged)."""
        self.form.commit_pending()  # Ctrl+Q with the cursor still in Notes
        self.table.finish_editing()
        if not self.is_dirty:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "This session has unsaved changes. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard()
            return True
        return False

    def _recheck_refusal(self, *_args) -> None:
        """After a refused save, the line under the table follows the fixes: it lists what is
        still wrong, and goes when nothing is."""
        if self._refused:
            problems = self.problems()
            self.message.setText("Not saved: " + "; ".join(problems) if problems else "")
            self._refused = bool(problems)

    def _say(self, text: str) -> None:
        """A problem: under the table and in the status bar ("" clears it)."""
        self._refused = False
        self.message.setText(text)
        if text:
            self._status(text)

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):  # not when the tab is shown on its own in a test
            window.statusBar().showMessage(text, 8000)

    # -- start from a template or the last session of a name ---------------------------------

    def _fill_start_from(self) -> None:
        starting.fill_choices(self)

    def _start_from_chosen(self, index: int) -> None:
        starting.chosen(self, index)

    def _last_working_set(self, name: str, day: dt.date | None = None) -> SetEntry | None:
        history = self.panel.history(self.context.repo, name, day or self.session.date)
        work = [s for s in (history[-1].sets if history else []) if s.is_working]
        return work[0] if work else None

    # -- keeping in step with the rest of the app --------------------------------------------

    def draft(self, suggested: bool = False) -> Session:
        """The session as it would be saved now (its last valid values); with `suggested`,
        with the sets not yet marked done too (what the panel's history and targets cover)."""
        draft = self.session.copy(sets=[])
        if not self.form.problems():
            draft = self.form.apply_to(draft)
        draft.id = self.session.id
        if draft.is_strength:
            draft.sets = (
                [e for e in self.model.entries() if e.exercise]
                if suggested
                else self._sets_of(draft)
            )
        return draft

    def _sets_of(self, draft: Session) -> list[SetEntry]:
        """What the session saves: a done session only the sets marked done or typed (a
        suggestion left alone was not lifted, and the planner must not count it); a planned
        or skipped one every set (they are its plan)."""
        rows = self.model.logged_entries() if draft.status is Status.DONE else self.model.entries()
        return [e for e in rows if e.exercise]

    def _check_live(self, *_args) -> None:
        """The planner's flags about this session, as the runner types (15 reps at 12 kg
        shows too_light at once)."""
        if self.isVisible():
            draft = self.draft()
            # Unchanged since it was opened: the logbook's session, whose weeks the planner
            # may already have checked (the calendar's), else checks and keeps for both.
            stored = self.session.id is not None and not self.is_dirty
            self.panel.show_flags(self.context.planner.session_flags(draft, stored=stored))
            self.panel.show_records(self.context.repo, draft, self.context.unit)
            note = duration_note(draft)  # "duration looks wrong", for review
            self.duration_note.setText(note)
            self.duration_note.setVisible(bool(note))
        else:
            self._stale = True

    def _show_fix(self, flag) -> None:
        """A flag picked in the list: its fix, found on the saved plan (a fix changes planned
        sessions as they are saved, so none while this one has unsaved changes)."""
        fix = None if self.is_dirty else self.context.planner.fix(flag)
        self.panel.show_fix(fix)

    def _apply_fix(self, fix) -> None:
        if self.is_dirty:
            self._status("Save or undo this session's changes first: a fix changes the saved plan.")
            return
        # On the plan's undo history: Edit > Undo on the Calendar tab takes it back.
        self.context.plan_undo.push(ApplyFix(self.context, fix))
        self._status(f"Fixed: {fix.text} (Edit > Undo on the Calendar tab takes it back.)")

    def _exercises_changed(self, *_args) -> None:
        if self.session.is_strength and self.isVisible():
            targets = self._show_exercises(self.draft(suggested=True))
            if targets is not None:
                self.model.set_targets(targets)
        else:
            self._stale = True

    def _show_exercises(self, draft: Session) -> dict[str, str] | None:
        """Last time and today's target of the draft's exercises in the panel, and the
        targets for the table (None: the panel shows these exercises already, and the table
        their targets)."""
        unit = self.context.unit
        if self.panel.is_showing(draft.exercise_names(), draft.date, unit):
            return None  # a reps or load edit: history and targets are as shown
        targets = {
            name: target.describe(unit)
            for name, target in self.context.planner.targets(draft).items()
        }
        # The panel first: the model's dataChanged for the targets comes back here, and
        # then finds them shown (no second round of targets).
        self.panel.show_exercises(
            self.context.repo, draft.exercise_names(), draft.date, unit, targets
        )
        return targets

    def offer_new_exercise(self, name: str):
        """A name typed in the exercise cell that the catalogue lacks: asked once."""
        return new_exercise_offer.offer(self, name)

    def _take_news(self, change: Change) -> None:
        form = self.new_exercise_form
        if (
            change.catalogue
            and form is not None
            and form.isVisible()
            and self.context.repo.catalogue().resolve(form.original.name) is not None
        ):
            form.reject()  # made meanwhile (an import): nothing left to ask
        if change.touches_sessions:  # this editor's own save too: a new title to offer
            self._titles_stale = True
        if self._saving and not (change.catalogue or change.settings or change.replaced):
            return  # the editor's own save: its sets, history and flags are as shown
        if change.catalogue:
            # New exercises (an import, a custom one): the cells take them and the completer
            # offers them at once.
            catalogue = self.context.repo.catalogue()
            self.model.set_catalogue(catalogue)
            self.table.set_catalogue(catalogue)
        if change.catalogue or change.touches_sessions:
            self.table.delegate.search.forget_uses()  # counted again when next searched
        if "unit" in change.settings:
            self.model.set_unit(self.context.unit)
            self.form.set_unit(self.context.unit)
            self._plates_follow()
            self._show_headline()
        if change.replaced and not self.is_dirty:
            self.load(self._blank(clock.today(), SessionKind.STRENGTH))
        elif self.session.id in change.session_ids and not self.is_dirty:
            fresh = self.context.repo.session(self.session.id)
            if fresh is None:  # deleted elsewhere (the calendar)
                self.load(self._blank(clock.today(), SessionKind.STRENGTH))
            elif fresh != self.session:
                self.load(fresh)
        if change.touches_plan or change.settings:
            self.request_refresh()

    def _plates_follow(self, *_args) -> None:
        """The plate calculator shows the load of the set in focus (or its target's)."""
        row = self.table.currentIndex().row()
        entry = self.model.rows[row].entry if 0 <= row < self.model.rowCount() else None
        kg = (entry.weight_kg or entry.target_weight_kg) if entry else None
        self.plates.show_load(kg, self.context.unit)

    def refresh(self) -> None:
        self._exercises_changed()
        self._check_live()
