"""The whiteboard, checked: which layer may import which (docs/architecture.md), that the pure
layers import neither Qt nor peewee, that no two modules import each other, and that the CLI
does not load Qt. The checker is tried on a made-up package too, so it is known to fail."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "runstrength_desktop"
QT_OR_DB = ("PySide6", "shiboken6", "pyqtgraph", "peewee", "playhouse")

# What each layer may import of the app (its own modules always). Top-level helper modules
# (clock, config, assets, logs) are layers of their own.
ALLOWED = {
    "domain": set(),
    "planning": {"domain"},
    "analysis": {"domain"},
    "store": {"domain", "clock", "assets"},
    "interchange": {"domain", "store", "clock", "assets", "planning", "analysis"},
    "clock": set(),
    "config": set(),
    "logs": {"config"},
    "assets": {"domain"},
    "demo": {"domain", "clock", "demo_strength"},
    "demo_strength": {"domain"},
    "cli": {
        "domain",
        "store",
        "interchange",
        "planning",
        "analysis",
        "clock",
        "config",
        "app",
        "logs",
        "demo",
        "assets",
        "cli_plan",
    },
    "cli_plan": {"domain", "planning", "clock"},
    "app": {"gui", "store", "config", "clock", "logs", "domain"},
    "__main__": {"cli"},
    "__init__": set(),
    "gui": None,  # the top: it may import any layer
}
PURE = ("domain", "planning", "analysis")
# Known exceptions as (layer, layer it may import after all), each with the reason it is
# allowed for now. None at present: planning receives its data instead of reading assets.
EXCEPTIONS: set[tuple[str, str]] = set()


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, root: Path) -> list[tuple[str, bool]]:
    """(absolute module name, at module level) of every import of the app in a file. An
    import inside a function or under `if TYPE_CHECKING:` does not count for cycles."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path, root)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    top = root.name
    found: list[tuple[str, bool]] = []

    def visit(node, module_level: bool) -> None:
        for child in ast.iter_child_nodes(node):
            level = module_level
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                level = False
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                level = False
            if isinstance(child, ast.Import):
                found.extend((a.name, level) for a in child.names if a.name.split(".")[0] == top)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target.split(".")[0] == top:
                    # `from . import clock` and `from .domain import session` name modules;
                    # `from .x import y` (y not a module) names x. Non-modules drop out later.
                    found.extend((f"{target}.{a.name}", level) for a in child.names)
                    if child.module:
                        found.append((target, level))
            visit(child, level)

    visit(tree, True)
    return found


def module_graph(root: Path) -> dict[str, list[tuple[str, bool]]]:
    modules = {_module_name(p, root): p for p in root.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        graph[name] = [(t, lvl) for t, lvl in _imports(path, root) if t in modules and t != name]
    return graph


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_violations(root: Path, allowed=ALLOWED, exceptions=EXCEPTIONS) -> list[str]:
    found = []
    for module, targets in module_graph(root).items():
        layer = _layer(module)
        permitted = allowed.get(layer, set())
        if permitted is None:
            continue
        for target, _level in targets:
            other = _layer(target)
            allowed_here = other in (layer, "__init__") or other in permitted
            if not allowed_here and (layer, other) not in exceptions:
                found.append(f"{module} imports {target}")
    return sorted(set(found))


def import_cycles(root: Path) -> list[str]:
    """Pairs of modules that import each other at module level (directly or around a loop)."""
    graph = {
        m: {t for t, level in ts if level and not m.startswith(t + ".")}  # not its own package
        for m, ts in module_graph(root).items()
    }
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for target in graph.get(node, ()):
                if target == start:
                    cycles.append(" -> ".join([*path, start]))
                elif target not in seen and target > start:  # each loop reported once
                    seen.add(target)
                    stack.append((target, [*path, target]))
    return sorted(cycles)


def offenders(folder: Path, banned: tuple[str, ...]) -> list[str]:
    found = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in banned]
    return sorted(found)


def test_each_layer_imports_only_what_the_whiteboard_allows():
    assert layer_violations(PACKAGE) == []


def test_no_two_modules_import_each_other():
    assert import_cycles(PACKAGE) == []


def test_domain_planning_and_analysis_are_pure_python():
    for layer in PURE:  # NumPy is fine in analysis: it is not in the list
        assert offenders(PACKAGE / layer, QT_OR_DB) == []


def test_only_store_imports_peewee():
    for folder in PACKAGE.iterdir():
        if folder.is_dir() and folder.name != "store":
            assert offenders(folder, ("peewee", "playhouse")) == []


def test_the_checker_finds_a_forbidden_import_and_a_cycle(tmp_path):
    """A made-up package whose domain imports the store, and two GUI modules that import
    each other (one of them only for typing, which does not count)."""
    root = tmp_path / "runstrength_desktop"
    files = {
        "__init__.py": "",
        "domain/__init__.py": "",
        "domain/session.py": "from ..store.models import Row\n",
        "store/__init__.py": "",
        "store/models.py": "from ..domain import session\n",
        "gui/__init__.py": "",
        "gui/a.py": "from . import b\n",
        "gui/b.py": "from .a import thing\n",
        "gui/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import d\n",
        "gui/d.py": "from . import c\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    assert layer_violations(root) == [
        "runstrength_desktop.domain.session imports runstrength_desktop.store.models"
    ]
    cycles = import_cycles(root)
    assert any("gui.a" in c and "gui.b" in c for c in cycles)
    assert not any("gui.c" in c for c in cycles)
    assert any("domain.session" in c and "store.models" in c for c in cycles)


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


def test_the_activity_readers_and_run_classification_import_neither_qt_nor_peewee():
    assert offenders(PACKAGE / "interchange" / "activities", QT_OR_DB) == []


def test_check_command_leaves_the_suggestions_and_week_plans_unloaded(tmp_path):
    """`check` on the command line judges the logbook: the planner's suggestions, fixes and
    week plans (a third of its start-up) load only for the commands and windows that use
    them."""
    db = tmp_path / "x.sqlite"
    code = (
        "import sys; from runstrength_desktop.cli import main; "
        f"main(['--db', r'{db}', 'check', '--json']); "
        "print(sorted(m for m in sys.modules if m.startswith('runstrength_desktop.planning.')"
        " and m.rsplit('.', 1)[1] in ('fixes', 'progression', 'weekplan', 'workouts')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    from runstrength_desktop import planning

    assert planning.plan_week.__module__ == "runstrength_desktop.planning.weekplan"
    assert planning.Fix.__module__ == "runstrength_desktop.planning.fixes"


def test_opening_a_current_logbook_leaves_the_migration_tools_unloaded(tmp_path):
    """A logbook of the current schema runs no migration (store/schema_snapshot.py): peewee's
    migration tools, which load its PostgreSQL support too, load only to upgrade a file."""
    db = tmp_path / "x.sqlite"
    code = (
        "import sys; from runstrength_desktop.store import Repository; "
        f"Repository.open(r'{db}').close(); print('playhouse.migrate' in sys.modules); "
        f"Repository.open(r'{db}').close(); print('playhouse.migrate' in sys.modules)"
    )
    new = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert new.returncode == 0, new.stderr
    assert new.stdout.split() == ["True", "True"]  # a new logbook is built by the migrations
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == ["False", "False"]
