"""Help: the keys, a short guide to the planner's rules with their sources, and where the
data lives. The keys are read from the window's own actions and the rules from planning/,
so the guide cannot drift from what the app does."""

from __future__ import annotations

import html
import inspect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout

from ... import APP_NAME
from ...config import log_dir
from ...planning import RULES
from ...planning.flags import RULE_IDS
from ...planning.sources import SOURCES
from ..plan_panel import RULE_LABELS
from ..widgets.fit import resize_within

PAGES = ("keys", "rules", "data")


@dataclass(frozen=True)
class RuleGuide:
    rule: str
    name: str  # as the plan panel says it ("Legs before a hard run")
    says: str  # one sentence: what the rule looks for
    source: str  # the article, by title, and the point of it the rule applies


def rule_guides() -> list[RuleGuide]:
    """Each rule in the planner's order: the first sentence of its docstring after the
    citation ("003 mistake 1: weights you can lift 12+ times, ...") or, without one, the
    point it applies; and its source from planning/sources.py."""
    guides = []
    for rule in RULE_IDS:
        source = SOURCES[rule]
        doc = inspect.getdoc(RULES[rule]) or ""
        first = doc.split("\n\n")[0].replace("\n", " ")
        cited = re.match(r"\d{3}[^:]*:\s*(.*)", first)
        text = (cited.group(1) if cited else first) or source.point
        sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        says = sentence[0].upper() + sentence[1:]
        guides.append(RuleGuide(rule, RULE_LABELS.get(rule, rule), says, source.text()))
    return guides


def _table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> str:
    head = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def keys_page(window) -> str:
    from ..calendar_tab import CALENDAR_KEYS
    from ..session_tab import SHORTCUTS

    menus = []
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if action.shortcut().isEmpty():
                continue
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            what = f"{top.text()} > {action.text()}".replace("&", "").replace("…", "")
            menus.append((keys, what))
    editor = [
        (QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText), text)
        for text, keys in SHORTCUTS.values()
    ]
    table_hint = window.session_tab.hint.text()
    return (
        "<h3>Calendar</h3>"
        + _table(list(CALENDAR_KEYS), ("Key", "Does"))
        + "<h3>Session editor</h3>"
        + _table(editor, ("Key", "Does"))
        + f"<p>In the sets table: {html.escape(table_hint)}.</p>"
        + "<h3>Menus</h3>"
        + _table(menus, ("Key", "Menu"))
        + "<p>Alt with the underlined letter opens a menu or a tab (Alt+C: Calendar).</p>"
    )


def rules_page() -> str:
    rows = [(f"{g.name} ({g.rule})", g.says, g.source) for g in rule_guides()]
    return (
        "<p>The planner checks the plan and the history against these rules and shows what "
        "it finds as flags: on the day in the calendar, in the plan panel beside it and in "
        "the session editor. Each flag says what happened in numbers and what to do "
        "instead. The numbers it uses are in View &gt; Planner thresholds.</p>"
        "<p>The sources are the five articles on strength training for runners that the "
        "rules are built from, each by its title, with the point of it a rule follows.</p>"
        + _table(rows, ("Rule", "Looks for", "Source"))
    )


def data_page(window) -> str:
    repo = window.repo
    rows = [
        ("Logbook", str(repo.path)),
        ("Backups", str(repo.backups_dir)),
        ("Settings", window.context.settings.fileName()),
        ("Log files", str(log_dir())),
    ]
    return (
        f"<p>{APP_NAME} keeps everything on this computer, in one SQLite file per "
        "logbook; nothing is sent anywhere.</p>"
        + _table(rows, ("What", "Where"))
        + "<p>A backup is made when the logbook opens and with File &gt; Backup now; File &gt; "
        "Restore from backup brings one back. File &gt; Export backup (JSON) writes the whole "
        "logbook to one file that any version can import.</p>"
    )


class HelpDialog(QDialog):
    def __init__(self, window, page: str = "keys") -> None:
        super().__init__(window)
        self.setObjectName("helpDialog")
        self.setWindowTitle(f"{APP_NAME} help")
        self.tabs = QTabWidget(objectName="helpTabs")
        self.pages: dict[str, QTextBrowser] = {}
        for name, title, text in (
            ("keys", "&Keys", keys_page(window)),
            ("rules", "Planning &rules", rules_page()),
            ("data", "Where your &data lives", data_page(window)),
        ):
            browser = QTextBrowser(objectName=f"help_{name}")
            browser.setOpenLinks(False)
            browser.setHtml(text)
            self.tabs.addTab(browser, title)
            self.pages[name] = browser
        self.tabs.setCurrentIndex(PAGES.index(page))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        resize_within(self, 760, 560, window)

    def text(self, page: str) -> str:
        return self.pages[page].toPlainText()


def show_help(window, page: str) -> None:
    HelpDialog(window, page).exec()
