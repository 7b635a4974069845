"""The house rules that keep the core pure: domain/ and planning/ import neither Qt nor
peewee; only store/ imports peewee; the CLI does not import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "runstrength_desktop"
QT_OR_DB = ("PySide6", "shiboken6", "pyqtgraph", "peewee", "playhouse")


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found = {}
    for path in folder.rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(PACKAGE))] = names
    return found


def offenders(folder: Path, banned: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{file}: {name}"
        for file, names in imported_modules(folder).items()
        for name in names
        if name.split(".")[0] in banned
    )


def test_domain_and_planning_are_pure_python():
    assert offenders(PACKAGE / "domain", QT_OR_DB) == []
    assert offenders(PACKAGE / "planning", QT_OR_DB) == []


def test_only_store_imports_peewee():
    for folder in PACKAGE.iterdir():
        if folder.is_dir() and folder.name != "store":
            assert offenders(folder, ("peewee", "playhouse")) == []


def test_cli_commands_do_not_load_qt(tmp_path):
    code = (
        "import sys; from runstrength_desktop.cli import main; "
        f"main(['--db', r'{tmp_path / 'x.sqlite'}', 'export', '-']); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
