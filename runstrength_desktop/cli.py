"""The command line. argparse only: Qt is imported when, and only when, the GUI starts, so
`demo`, `export`, `import` and `check` stay fast and run on machines without a display."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import __version__, cli_plan, clock
from .config import ENV_DB, resolve_db_path

EXIT_BAD_INPUT = 2
ACTIVITY_FORMATS = ("fit", "tcx", "gpx", "strava", "garmin")
log = logging.getLogger(__name__)


class CommandError(Exception):
    """A problem the user can fix; printed to stderr, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runstrength-desktop",
        description="A strength-training logbook for runners. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"the logbook file (default: ${ENV_DB}, else the user data folder)",
    )
    parser.add_argument("--debug", action="store_true", help="also log to the console")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the window, wait for its first paint, print startup time, exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill the logbook with a realistic runner's history")
    demo.add_argument("--years", type=int, default=3, help="years of history (default 3)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument(
        "--force",
        action="store_true",
        help="add the demo even though the logbook already has sessions",
    )

    export = commands.add_parser("export", help="write the logbook to a file")
    export.add_argument("file", help="output file, or - for standard output")
    export.add_argument(
        "--format",
        choices=["json", "csv", "ics"],
        default="json",
        help="json: a full backup; csv: one row per set; ics: planned sessions as calendar events",
    )
    export.add_argument(
        "--from",
        dest="first",
        metavar="DAY",
        help="csv/ics: first day, YYYY-MM-DD (ics default: today)",
    )
    export.add_argument(
        "--to",
        dest="last",
        metavar="DAY",
        help="csv/ics: last day, YYYY-MM-DD (ics default: a year after --from)",
    )
    export.add_argument(
        "--unit",
        choices=["kg", "lb"],
        default="kg",
        help="csv/ics: kilograms and kilometres, or pounds and miles",
    )

    imp = commands.add_parser(
        "import", help="read sessions (or runs from a watch) from a file into the logbook"
    )
    imp.add_argument(
        "file",
        metavar="PATH",
        help="a file, or a folder or zip of activity files (FIT, TCX, GPX, a Strava or "
        "Garmin Connect export), or an iCalendar file of planned runs",
    )
    imp.add_argument(
        "--format",
        choices=["auto", *ACTIVITY_FORMATS, "strong", "hevy", "fitnotes", "json", "ical"],
        default="auto",
        help="the file's format (default: found from its content)",
    )
    imp.add_argument(
        "--unit",
        choices=["kg", "lb", "auto"],
        help="the weight unit of a Strong export that does not say it; auto: tell it from "
        "the loads when they leave no doubt (the report says why)",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="report what would be imported, write nothing"
    )
    imp.add_argument("--json", action="store_true", help="print the report as one JSON object")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace the logbook's sessions, races and phases with the file's "
        "(restore a backup; JSON only)",
    )

    check = commands.add_parser("check", help="flag the overload mistakes in plans and history")
    check.add_argument(
        "--from",
        dest="first",
        metavar="DAY",
        help="first day, YYYY-MM-DD (default: the logbook's first)",
    )
    check.add_argument(
        "--to",
        dest="last",
        metavar="DAY",
        help="last day, YYYY-MM-DD (default: the logbook's last, plans included)",
    )
    check.add_argument(
        "--json", action="store_true", help="print a JSON list of flag objects instead of a table"
    )
    check.add_argument(
        "--unit",
        choices=["kg", "lb"],
        default="kg",
        help="loads in messages in kilograms or pounds",
    )
    cli_plan.add_parser(commands)
    return parser


def _open_repository(args):
    from .store import Repository

    repo = Repository.open(resolve_db_path(args.db))
    for warning in repo.take_warnings():  # a backup that could not be made: said, not fatal
        log.warning("%s", warning)
        print(f"runstrength-desktop: warning: {warning}", file=sys.stderr)
    return repo


def run_demo(args) -> int:
    from .demo import generate_demo

    if not 1 <= args.years <= 30:
        raise CommandError("--years must be from 1 to 30")
    repo = _open_repository(args)
    try:
        if repo.count_sessions() and not args.force:
            raise CommandError(
                f"{repo.path} already has sessions; use a new --db file "
                "(or --force to add the demo anyway)"
            )
        started = time.perf_counter()
        counts = repo.import_logbook(generate_demo(args.years, args.seed))
        elapsed = time.perf_counter() - started
    finally:
        repo.close()
    print(
        f"demo: {counts['sessions']} sessions, {counts['races']} races, {args.years} years "
        f"(seed {args.seed}) written to {repo.path} in {elapsed:.2f} s"
    )
    return 0


def _day_option(text: str | None, option: str):
    from .domain.validation import parse_day

    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError as exc:
        raise CommandError(f"{option}: {exc}") from None


def _export_text(repo, args) -> str:
    from .domain import WeightUnit
    from .interchange.csv_export import export_csv
    from .interchange.files import export_json
    from .interchange.ical import export_ics

    first, last = _day_option(args.first, "--from"), _day_option(args.last, "--to")
    if args.format == "json":
        if first or last:
            raise CommandError(
                "--from and --to apply to --format csv and ics; a JSON backup "
                "holds the whole logbook"
            )
        return export_json(repo)
    if first and last and last < first:
        raise CommandError(f"--to ({last}) is before --from ({first})")
    unit = WeightUnit(args.unit)
    if args.format == "csv":
        return export_csv(repo, unit, first, last)
    return export_ics(repo, unit, first, last)


def run_export(args) -> int:
    from .interchange.files import InterchangeError, export_text_file

    repo = _open_repository(args)
    try:
        text = _export_text(repo, args)
        if args.file == "-":
            sys.stdout.write(text)
        else:
            export_text_file(Path(args.file), text)
            print(f"exported {repo.path} to {args.file} ({args.format})", file=sys.stderr)
    except InterchangeError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        repo.close()
    return 0


def _import_json(repo, args) -> int:
    from .interchange.files import InterchangeError, check_json_file, import_json_file

    try:
        if args.dry_run:
            counts = check_json_file(repo, Path(args.file))
        else:
            counts = import_json_file(repo, Path(args.file), replace=args.replace)
    except InterchangeError as exc:
        raise CommandError(str(exc)) from exc
    print(json.dumps({"format": "json", **counts}))
    return 0


def _import_activities(repo, args) -> int:
    from .interchange.activities import import_activities

    if args.replace or args.unit:
        raise CommandError("--replace and --unit apply to backups and lifting-app exports")
    report = import_activities(repo, Path(args.file), args.format, args.dry_run)
    print(json.dumps(report.as_json()) if args.json else "\n".join(report.lines()))
    return 0


def _import_calendar(repo, args) -> int:
    from .interchange.ical_import import import_calendar

    if args.replace or args.unit:
        raise CommandError("--replace and --unit apply to backups and lifting-app exports")
    report = import_calendar(repo, Path(args.file), args.dry_run, clock.today())
    print(json.dumps(report.as_json()) if args.json else "\n".join(report.lines()))
    return 0


def run_import(args) -> int:
    from .domain import WeightUnit
    from .interchange.activities import looks_like_activities
    from .interchange.ical_import import looks_like_ical
    from .interchange.importer import import_file, looks_like_json, read_file
    from .interchange.records import ImportProblem
    from .interchange.strong import AUTO

    repo = _open_repository(args)
    try:
        wanted = args.format
        if wanted in ACTIVITY_FORMATS or (
            wanted == "auto" and looks_like_activities(Path(args.file))
        ):
            return _import_activities(repo, args)
        if wanted == "auto":
            head = read_file(Path(args.file))[:256]
            wanted = (
                "json" if looks_like_json(head) else "ical" if looks_like_ical(head) else wanted
            )
        if wanted == "ical":
            return _import_calendar(repo, args)
        if wanted == "json":
            return _import_json(repo, args)
        if args.replace:
            raise CommandError(
                "--replace restores a JSON backup; imports from other apps only add workouts"
            )
        unit = AUTO if args.unit == AUTO else WeightUnit(args.unit) if args.unit else None
        report = import_file(repo, Path(args.file), wanted, unit, args.dry_run)
    except ImportProblem as exc:
        raise CommandError(str(exc)) from exc
    finally:
        repo.close()
    print(json.dumps(report.as_json()) if args.json else "\n".join(report.lines()))
    return 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for a command whose objects all live until
    it ends (refcounting still frees the rest), then resumed as it was: run in the process
    of a test or a script, main() leaves the collector as it found it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_check(args) -> int:
    # What check makes (the modules it loads, the logbook read as objects, each session's
    # work) lives until it prints: the collector walked those tens of thousands of objects
    # again and again, a fifth of the command, and freed nothing.
    with collector_paused():
        return _check(args)


def _check(args) -> int:
    from .domain import WeightUnit
    from .planning import PlanInput, PlanSettings, check_with_notes
    from .planning.report import flags_table

    first, last = _day_option(args.first, "--from"), _day_option(args.last, "--to")
    if first and last and last < first:
        raise CommandError(f"--to ({last}) is before --from ({first})")
    repo = _open_repository(args)
    try:
        plan = PlanInput.from_repository(repo)
    finally:
        repo.close()
    span = plan.span()
    settings = PlanSettings(unit=WeightUnit(args.unit))
    if span is not None:  # the whole logbook, plans included, unless told otherwise
        first, last = first or span[0], last or span[1]
    flags, said = check_with_notes(plan, settings, clock.today(), first, last)  # none if empty
    print(
        json.dumps([f.to_dict() for f in flags], indent=1)
        if args.json
        else flags_table(flags, said)
    )
    return 0


def run_plan(args) -> int:
    return cli_plan.run_plan(args, _open_repository, _day_option, CommandError)


COMMANDS = {
    "demo": run_demo,
    "export": run_export,
    "import": run_import,
    "check": run_check,
    "plan": run_plan,
}


class Stopped(BaseException):
    """SIGTERM or SIGINT during a command: unwinds through every `finally` (the write in
    progress is rolled back, an import's committed batches removed, the logbook closed and
    checkpointed) instead of dying on the spot."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def _stop_cleanly_on_signals() -> dict:
    """Install the handlers; returns the ones they replace (main() puts them back, so a
    caller in the same process, a test, keeps its own)."""

    def stop(signum, _frame) -> None:
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, signal.SIG_IGN)  # a second signal must not cut the cleanup
        raise Stopped(signum)

    return {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGINT)}


def _cause(exc: BaseException) -> str:
    cause = exc.__cause__ or exc.__context__
    return f" (cause: {type(cause).__name__}: {cause})" if cause else ""


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = build_parser().parse_args(argv)
    from .logs import setup_logging

    setup_logging(debug=args.debug)
    replaced: dict = {}
    try:
        if args.command:
            replaced = _stop_cleanly_on_signals()
            return COMMANDS[args.command](args)
        from .app import run_gui

        return run_gui(resolve_db_path(args.db), smoke=args.smoke, started=started)
    except Stopped as stop:
        log.warning("%s stopped by %s; nothing half-written was left", args.command, stop)
        # Nothing half-written either way: a write in progress was undone (its notes say
        # so), or the signal came after the write had finished and it is kept whole.
        undone = "; ".join(getattr(stop, "__notes__", ()))
        print(
            f"runstrength-desktop: stopped by {stop}; nothing half-written was left"
            + (f" ({undone})" if undone else ""),
            file=sys.stderr,
        )
        return 128 + stop.signum
    except CommandError as exc:
        log.error("%s: %s%s", args.command, exc, _cause(exc))
        print(f"runstrength-desktop: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        from .store import LogbookError, StoreError, display_path

        if isinstance(exc, LogbookError):
            log.error("%s: %s%s", args.command or "window", exc, _cause(exc))
            print(f"runstrength-desktop: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if isinstance(exc, StoreError):  # disk full, file replaced: nothing was written
            log.error("%s: the logbook refused the write: %s%s", args.command, exc, _cause(exc))
            print(
                f"runstrength-desktop: the logbook {display_path(exc.path)} refused the write "
                f"({exc}); nothing was changed",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        log.exception("%s failed", args.command or "the window")
        raise
    finally:
        for number, handler in replaced.items():
            signal.signal(number, handler)
