"""The command line. argparse only: Qt is imported when, and only when, the GUI starts, so
`demo`, `export`, `import` and `check` stay fast and run on machines without a display."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import __version__
from .config import ENV_DB, resolve_db_path

EXIT_BAD_INPUT = 2


class CommandError(Exception):
    """A problem the user can fix; printed to stderr, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runstrength-desktop",
        description="A strength-training logbook for runners. Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help=f"the logbook file (default: ${ENV_DB}, else the user data folder)")
    parser.add_argument("--debug", action="store_true", help="also log to the console")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, wait for its first paint, print startup time, exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill the logbook with a realistic runner's history")
    demo.add_argument("--years", type=int, default=3, help="years of history (default 3)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument("--force", action="store_true",
                      help="add the demo even though the logbook already has sessions")

    export = commands.add_parser("export", help="write the logbook to a file")
    export.add_argument("file", help="output file, or - for standard output")
    export.add_argument("--format", choices=["json"], default="json")

    imp = commands.add_parser("import", help="read sessions from a file into the logbook")
    imp.add_argument("file", help="input file")
    imp.add_argument("--format", choices=["json"], default="json")
    imp.add_argument("--replace", action="store_true",
                     help="replace the logbook's sessions, races and phases with the file's "
                          "(restore a backup)")
    return parser


def _open_repository(args):
    from .store import Repository
    return Repository.open(resolve_db_path(args.db))


def run_demo(args) -> int:
    from .demo import generate_demo
    if not 1 <= args.years <= 30:
        raise CommandError("--years must be from 1 to 30")
    repo = _open_repository(args)
    try:
        if repo.count_sessions() and not args.force:
            raise CommandError(f"{repo.path} already has sessions; use a new --db file "
                               "(or --force to add the demo anyway)")
        started = time.perf_counter()
        counts = repo.import_logbook(generate_demo(args.years, args.seed))
        elapsed = time.perf_counter() - started
    finally:
        repo.close()
    print(f"demo: {counts['sessions']} sessions, {counts['races']} races, {args.years} years "
          f"(seed {args.seed}) written to {repo.path} in {elapsed:.2f} s")
    return 0


def run_export(args) -> int:
    from .interchange.files import InterchangeError, export_json, export_json_file
    repo = _open_repository(args)
    try:
        if args.file == "-":
            sys.stdout.write(export_json(repo))
        else:
            export_json_file(repo, Path(args.file))
            print(f"exported {repo.path} to {args.file}", file=sys.stderr)
    except InterchangeError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        repo.close()
    return 0


def run_import(args) -> int:
    from .interchange.files import InterchangeError, import_json_file
    repo = _open_repository(args)
    try:
        counts = import_json_file(repo, Path(args.file), replace=args.replace)
    except InterchangeError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        repo.close()
    print(json.dumps({"format": "json", **counts}))
    return 0


COMMANDS = {"demo": run_demo, "export": run_export, "import": run_import}


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = build_parser().parse_args(argv)
    from .logs import setup_logging
    setup_logging(debug=args.debug)
    try:
        if args.command:
            return COMMANDS[args.command](args)
        from .app import run_gui
        return run_gui(resolve_db_path(args.db), smoke=args.smoke, started=started)
    except CommandError as exc:
        print(f"runstrength-desktop: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        from .store import LogbookError
        if isinstance(exc, LogbookError):
            print(f"runstrength-desktop: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        raise
