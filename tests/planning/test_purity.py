"""planning/ receives its data: it reads no files (the caller passes the catalogue), no clock
(the caller passes today) and nothing of the app outside domain/."""

from __future__ import annotations

import ast
from pathlib import Path

PLANNING = Path(__file__).resolve().parents[2] / "runstrength_desktop" / "planning"
OUTSIDE = {"assets", "clock", "store", "interchange", "gui", "config", "logs", "demo"}
READS = {"open", "read_text", "read_bytes", "today", "now", "utcnow", "getenv"}


def findings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        outside = isinstance(node, ast.ImportFrom) and node.level >= 2 and node.module
        if outside and node.module.split(".")[0] in OUTSIDE:
            found.append(f"{path.name}: imports ..{node.module}")
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in READS:
                found.append(f"{path.name}:{node.lineno}: calls {name}()")
    return found


def test_planning_reads_no_files_no_clock_and_imports_only_domain():
    assert [f for p in sorted(PLANNING.glob("*.py")) for f in findings(p)] == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    # A module's text, parsed and never run: no clock is read here.
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from ..assets import shipped_exercises\nimport datetime\ndatetime.date.today()\n"
        "open('x')\n",
        encoding="utf-8",
    )
    assert findings(bad) == [
        "bad.py: imports ..assets",
        "bad.py:3: calls today()",
        "bad.py:4: calls open()",
    ]
