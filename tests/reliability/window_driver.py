"""A real window in a process of its own, for the tests that stop or kill it.

    python window_driver.py LOGBOOK PATH SEED

It opens the window offscreen on LOGBOOK as `runstrength-desktop` does (SIGTERM and SIGINT
close it quietly; a draft left by an earlier kill is discarded, as a runner may), prints
"ready", then drives one of the window's write paths over and over from its event loop,
printing a line as soon as each write has returned:

- edit: types a note in the editor without saving, writes the draft journal, prints
  "edited NOTE", and waits (for SIGTERM);
- save: the editor saves a new session of N sets titled "sets=N": "saved ID N";
- plan: Plan this week on the next week that needs it (its preview accepted): "planning
  MONDAY N" before, "planned MONDAY" after;
- undo-delete: on the calendar, delete a planned session, undo, redo, undo: "step ID K"
  after step K (1-4) of that cycle;
- restore: add a session ("added"), then restore the backup named in the logbook's folder
  as restore-me.sqlite ("restored");
- import: import strong.csv beside the logbook through the import dialog ("imported N"),
  then delete what it brought ("cleared"). Batches are made as small as they go (a commit
  after every workout), so kills land between the batches of one import."""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from runstrength_desktop import clock
from runstrength_desktop.app import create_window
from runstrength_desktop.domain import SetEntry, monday_of
from runstrength_desktop.gui.calendar.commands import DeleteSession
from runstrength_desktop.gui.shutdown import quit_on_signals

EXERCISES = ["Back squat", "Romanian deadlift", "Standing calf raise", "Dumbbell row", "Plank"]


def say(line: str) -> None:
    print(line, flush=True)


class Driver:
    def __init__(self, window, path: str, seed: int) -> None:
        self.window, self.path = window, path
        self.rng = random.Random(seed)
        self.context = window.context
        self.folder = window.repo.path.parent

    @property
    def repo(self):
        return self.window.repo

    def step(self) -> None:
        getattr(self, self.path.replace("-", "_"))()

    def edit(self) -> None:
        editor = self.window.session_tab
        self.window.tabs.setCurrentWidget(editor)
        note = f"felt good {self.rng.randint(0, 10**6)}"
        editor.form.notes.setPlainText(note)
        editor.drafts.write()
        say(f"edited {note}")
        raise StopIteration  # nothing more: wait for a signal

    def save(self) -> None:
        editor = self.window.session_tab
        count = self.rng.randint(1, 12)
        day = dt.date(2020, 1, 1) + dt.timedelta(days=self.rng.randint(0, 2000))
        editor.new_session(day, "strength")
        editor.form.title.setText(f"sets={count}")
        for position in range(count):
            entry = SetEntry(self.rng.choice(EXERCISES), reps=count, weight_kg=20 + position)
            editor.model.insert_row(position, entry)
        assert editor.save(), editor.message.text()
        say(f"saved {editor.session_id} {count}")

    def plan(self) -> None:
        calendar = self.window.calendar_tab
        monday = monday_of(clock.today())
        for _week in range(200):
            sessions = self.context.planner.plan_week(monday)
            if sessions:
                break
            monday += dt.timedelta(days=7)
        else:
            raise StopIteration
        calendar.select_day(monday)
        say(f"planning {monday} {len(sessions)}")
        calendar.plan_this_week()
        assert calendar.undo.count() >= 1
        say(f"planned {monday}")

    def undo_delete(self) -> None:
        calendar = self.window.calendar_tab
        pool = [s for s in self.repo.all_sessions() if s.title.startswith("pool-")]
        session = self.rng.choice(pool)
        calendar.undo.push(DeleteSession(self.context, session))
        say(f"step {session.id} 1")
        for number, move in enumerate(
            (calendar.undo.undo, calendar.undo.redo, calendar.undo.undo), 2
        ):
            move()
            say(f"step {session.id} {number}")

    def restore(self) -> None:
        from runstrength_desktop.store.restore import restore_backup

        editor = self.window.session_tab
        editor.new_session(dt.date(2024, 1, 1), "strength")
        editor.model.insert_row(0, SetEntry("Plank", seconds=60))
        editor.form.title.setText("added")
        assert editor.save(), editor.message.text()
        say("added")
        restore_backup(self.repo, self.folder / "restore-me.sqlite")
        say("restored")

    def import_(self) -> None:
        from runstrength_desktop.gui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self.folder / "strong.csv", self.window)
        dialog.load()
        dialog.start_import()
        assert dialog.report is not None, dialog.status_label.text()
        say(f"imported {dialog.report.workouts}")
        dialog.deleteLater()
        self.repo.delete_sessions([s.id for s in self.repo.all_sessions() if s.source])
        say("cleared")

    import_path = import_


def main(logbook: str, path: str, seed: int) -> int:
    if path == "import":
        from runstrength_desktop.store import batches

        batches.BATCH_SECONDS = 0.0
    from runstrength_desktop.gui.dialogs.plan_week_dialog import PlanWeekDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    PlanWeekDialog.exec = lambda _dialog: True  # the week plan's preview: "Add to the calendar"
    settings = QSettings(str(Path(logbook).with_suffix(".ini")), QSettings.Format.IniFormat)
    window = create_window(logbook, settings)
    window.drafts.offer()
    quit_on_signals(window.quit_quietly)
    window.show()
    driver = Driver(window, "import_path" if path == "import" else path, seed)
    say("ready")

    def tick() -> None:
        try:
            driver.step()
        except StopIteration:
            return
        QTimer.singleShot(0, tick)

    QTimer.singleShot(0, tick)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
