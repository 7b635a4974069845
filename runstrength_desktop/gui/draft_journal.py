"""The draft journal: an unsaved session survives a crash.

While the editor holds changes that are not saved, what it shows is written (a fraction of a
second after the last edit) to a small JSON file beside the logbook, `<logbook>.draft.json`,
private like the logbook (0600). Saving or discarding removes it. If the app ends without
either (a crash, a killed process, SIGTERM), the next start finds it and offers the session
back. The journal holds the form's texts as typed (a half-typed "1:0" included) and the sets
as the table holds them."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from pathlib import Path

from ..domain import SetEntry, SetType, Side

log = logging.getLogger(__name__)

VERSION = 1


def draft_path_for(db_path: Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".draft.json")


def entry_to_json(entry: SetEntry) -> dict:
    fields = dataclasses.asdict(entry)
    fields["set_type"], fields["side"] = entry.set_type.value, entry.side.value
    fields.pop("id")
    return fields


def entry_from_json(fields: dict) -> SetEntry:
    known = {f.name for f in dataclasses.fields(SetEntry)} - {"id"}
    values = {k: v for k, v in fields.items() if k in known}
    values["set_type"] = SetType(values.get("set_type", SetType.WORKING.value))
    values["side"] = Side(values.get("side", Side.BOTH.value))
    return SetEntry(**values)


class DraftJournal:
    def __init__(self, db_path: Path) -> None:
        self.path = draft_path_for(db_path)

    def write(self, draft: dict) -> bool:
        """Replace the journal with `draft` (atomically: a crash while writing leaves the
        previous one). False, logged, when the disk refuses: the edit is still on screen."""
        try:
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".draft-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump({"version": VERSION, **draft}, out, ensure_ascii=False)
                os.replace(temp, self.path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.warning("could not write the draft journal %s: %s", self.path, exc)
            return False
        return True

    def read(self) -> dict | None:
        """The journal's draft, or None when there is none (or it cannot be read: a draft
        is a convenience, never a reason to refuse to start)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("ignoring the unreadable draft journal %s: %s", self.path, exc)
            return None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            log.warning("ignoring the draft journal %s of another version", self.path)
            return None
        return data

    def remove(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove the draft journal %s: %s", self.path, exc)
