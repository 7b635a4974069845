"""Unsaved work in the session editor: what it shows, as a draft for the journal
(gui/draft_journal.py); a draft put back as unsaved changes; the window's offer of a draft a
crash left; and the question asked when the runner leaves the Session tab with changes."""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from .. import APP_NAME, clock
from ..domain import Session, SessionKind
from ..domain.validation import ValidationError
from .draft_journal import DraftJournal, entry_from_json, entry_to_json

JOURNAL_DELAY_MS = 300  # the draft journal is written this long after the last edit


class EditorJournal(QObject):
    """The session tab's draft journal: written soon after each edit while the session has
    unsaved changes, removed when it has none. Until the window has offered a draft left
    by a crash (`armed`), nothing is written or removed, or the editor's own blank session
    would wipe that draft."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.armed = False
        self._modified = False
        self._timer = QTimer(self, singleShot=True, interval=JOURNAL_DELAY_MS)
        self._timer.timeout.connect(self.write)

    @property
    def journal(self) -> DraftJournal:
        return DraftJournal(self.tab.context.repo.path)

    def edited(self, *_args) -> None:
        """After any edit, undo or redo: the unsaved mark (`modifiedChanged`, the headline's
        `*`), and the journal soon."""
        tab = self.tab
        if not shiboken6.isValid(tab.undo):  # the stack's own teardown reports "clean"
            return
        modified = tab.is_dirty
        if modified != self._modified:
            self._modified = modified
            tab.modifiedChanged.emit(modified)
        tab._show_headline()
        if self.armed:
            self._timer.start()

    def write(self) -> None:
        """The unsaved session into the journal now, or the journal removed."""
        self._timer.stop()
        if self.armed:
            if self.tab.is_dirty:
                self.journal.write(draft_of(self.tab))
            else:
                self.journal.remove()

    def restore(self, draft: dict) -> None:
        restore_into(self.tab, draft)


def draft_of(tab) -> dict:
    """The session tab's unsaved session, texts as typed, for the journal."""
    s = tab.session
    return {
        "saved": clock.now().isoformat(sep=" ", timespec="seconds"),
        "session_id": s.id,
        "kind": s.kind.value,
        "day": s.date.isoformat(),
        "headline": tab.headline.text().removesuffix(" *"),
        "fields": tab.form.texts(),
        "sets": [entry_to_json(e) for e in tab.model.entries()] if s.is_strength else [],
        "suggested": tab.model.suggested_rows() if s.is_strength else [],  # not marked done
    }


def save_or_save_anew(context, draft: Session) -> tuple[Session, str]:
    """Save the editor's session; if the session it edits was deleted or replaced meanwhile
    (another program's `import --replace`), keep the edit as a session of its own. The
    saved session, and what to add to "Saved" when it was saved anew."""
    try:
        return context.repo.save_session(draft), ""
    except ValidationError as error:
        if draft.id is None or not any(e.field == "id" for e in error.errors):
            raise
    context.notice_outside_changes()  # the window reloads; the edit stays in the editor
    draft.id, draft.source, draft.source_key = None, "", ""
    return context.repo.save_session(draft), (
        " as a new session: the one you were editing had been deleted or replaced meanwhile "
        "(by another program?)"
    )


def restore_into(tab, draft: dict) -> None:
    """Show a draft as unsaved changes of its session (a new session when it was new, or
    when its session is gone meanwhile), in one undo step."""
    kind = SessionKind(draft.get("kind", SessionKind.STRENGTH.value))
    base = None
    if isinstance(draft.get("session_id"), int):
        base = tab.context.repo.session(draft["session_id"])
    if base is None:
        try:
            day = dt.date.fromisoformat(str(draft.get("day")))
        except ValueError:
            day = clock.today()
        base = tab._blank(day, kind)
    tab.load(base)
    sets = [entry_from_json(e) for e in draft.get("sets", []) if isinstance(e, dict)]
    tab.undo.beginMacro("Recover the unsaved session")
    tab.form.restore_texts(draft.get("fields", {}))
    suggested = (
        set(draft.get("suggested", [])) if isinstance(draft.get("suggested"), list) else set()
    )
    if base.is_strength and (
        sets != tab.model.entries() or suggested != set(tab.model.suggested_rows())
    ):
        tab.model.remove_rows(0, tab.model.rowCount())
        for position, entry in enumerate(sets):
            tab.model.insert_row(position, entry, done=position not in suggested)
    tab.undo.endMacro()
    gone = isinstance(draft.get("session_id"), int) and base.id is None
    tab._status(
        "Recovered the unsaved session"
        + ("; the session it edited is gone, so Save will add it as a new one" if gone else "")
    )


class DraftOffer(QObject):
    """The window's offer of a draft a crash left: once, when the window first shows (and
    again, by hand, after File > Open logbook). Until then the editor must not write or
    remove its journal, or its own blank session would wipe the draft."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._pending = window.session_tab.drafts.journal.read() is not None
        if self._pending:
            window.installEventFilter(self)
        else:
            window.session_tab.drafts.armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show and self._pending:
            self._pending = False
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self, self.offer)
        return False

    def offer(self) -> bool:
        """Ask whether to restore the journal's draft; True when it was restored. The
        editor may write its journal from now on."""
        window, editor = self.window, self.window.session_tab
        drafts, self._pending = editor.drafts, False
        draft = drafts.journal.read()
        drafts.armed = True
        if draft is None:
            return False
        what = draft.get("headline") or "a session"
        answer = QMessageBox.question(
            window,
            "Unsaved session found",
            f"{APP_NAME} closed before this session was saved:\n{what}\n(last changed "
            f"{draft.get('saved', '?')}).\n\nRestore it in the editor? (Discard throws it "
            "away.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            drafts.journal.remove()
            return False
        window.tabs.setCurrentWidget(editor)
        drafts.restore(draft)
        drafts.write()
        return True


class LeavingTheEditor(QObject):
    """Tab-hopping away from an edited session asks Save / Discard / Cancel first; Cancel
    (or a save the logbook refuses) stays on the session."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._before = window.tabs.currentWidget()
        window.tabs.currentChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        tabs, editor = self.window.tabs, self.window.session_tab
        before, self._before = self._before, tabs.currentWidget()
        leaving = before is editor and before is not self._before
        if leaving and not editor.maybe_save():
            tabs.blockSignals(True)
            tabs.setCurrentWidget(editor)
            tabs.blockSignals(False)
            self._before = editor
            self.window._activate_undo_stack()
