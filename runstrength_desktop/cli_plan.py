"""`runstrength-desktop plan`: a season of strength work to a race, written to the logbook in
one transaction (or, with --dry-run, only shown). The planner is planning/seasonplan.py; the
window's "Plan to this race" shows the same season."""

from __future__ import annotations

import argparse
import json

from . import clock


def add_parser(commands) -> None:
    plan = commands.add_parser(
        "plan",
        help="plan every week's strength work from today to a race",
        description="Plan the strength work of every week from today (or --from) to a race "
        "and the week after it: phases, sessions placed around the planned runs, loads from "
        "your history. Running it again replaces what it planned before and nothing else.",
    )
    plan.add_argument(
        "--race",
        metavar="DATE",
        help="the race's day, YYYY-MM-DD (default: the next race in the logbook); a day "
        "without a race in the logbook adds one (see --name)",
    )
    plan.add_argument("--name", default="Race", help="the name of a race --race adds")
    plan.add_argument("--km", type=float, metavar="KM", help="the distance of a race --race adds")
    plan.add_argument(
        "--from",
        dest="first",
        metavar="DAY",
        help="the first day to plan, YYYY-MM-DD (default: today)",
    )
    plan.add_argument(
        "--replace-own",
        action="store_true",
        help="also replace the weeks you planned strength work in yourself (kept by default)",
    )
    plan.add_argument("--dry-run", action="store_true", help="show the season, write nothing")
    plan.add_argument(
        "--json",
        action="store_true",
        help='print {"weeks": [{"week", "phase", "sessions": [...]}]} instead of a table',
    )
    plan.add_argument("--unit", choices=["kg", "lb"], default="kg", help="loads in kg or lb")


def run_plan(args: argparse.Namespace, open_repository, day_option, error) -> int:
    from .domain import Race, WeightUnit
    from .domain.validation import race_errors
    from .planning import PlanSettings
    from .planning.seasonplan import SeasonError, season_from_repository

    today = clock.today()
    first = day_option(args.first, "--from") or today
    if first < today:
        raise error(f"--from ({first}) is in the past: a season is planned from today on")
    unit = WeightUnit(args.unit)
    repo = open_repository(args)
    try:
        new_race = None
        if args.race is not None:
            day = day_option(args.race, "--race")
            race = next((r for r in repo.races(day, day)), None)
            if race is None:
                race = new_race = Race(day, args.name, args.km)
                if problems := race_errors(race):
                    raise error("; ".join(f"race {p.field}: {p.message}" for p in problems))
        else:
            race = next(iter(repo.races(first)), None)
            if race is None:
                raise error(
                    f"no race in the logbook from {first} on: add one in the calendar, "
                    "or name its day with --race DATE"
                )
        if race.date < first:
            raise error(f"the race on {race.date} is in the past: nothing to plan")
        try:
            season = season_from_repository(
                repo,
                race,
                PlanSettings(unit=unit),
                today,
                start=first,
                replace_own=args.replace_own,
            )
        except SeasonError as exc:
            raise error(str(exc)) from None
        written = None
        if not args.dry_run:
            written = repo.write_season(
                season.sessions,
                season.phases,
                season.first,
                season.last,
                list(season.replaced_own),
                new_race,
            )
    finally:
        repo.close()
    if args.json:
        out = season.to_dict(unit)
        out["written"] = None if written is None else written.counts()
        print(json.dumps(out, indent=1))
    else:
        print(season_table(season, unit))
        if written is None:
            print("(dry run: nothing was written)")
        else:
            counts = written.counts()
            print(
                f"written: {counts['added']} sessions added, {counts['changed']} changed, "
                f"{counts['removed']} removed, {counts['phases']} week phases set"
                + (f", race {new_race.name} added" if new_race else "")
            )
    return 0


def season_table(season, unit) -> str:
    """The season week by week: phase, sessions (day, title, main exercises), and why."""
    from .domain.summary import by_exercise, describe_sets

    lines = [
        f"Season to {season.race.name} on {season.race.date:%a %Y-%m-%d}, "
        f"from {season.start:%a %Y-%m-%d}: {len(season.weeks)} weeks, "
        f"{len(season.sessions)} strength sessions"
    ]
    for week in season.weeks:
        lines.append("")
        lines.append(f"{week.week}  {week.phase.value:<9} {week.phase_reason}")
        if week.summary:
            lines.append(f"    {week.summary}")
        for kept in week.kept:
            lines.append(f"    {kept.date:%a %d %b}  {kept.title or 'Strength'} (yours, kept)")
        for placement in week.placements:
            session = placement.session
            exercises = ", ".join(
                f"{name} {describe_sets(sets, unit)}" for name, sets in by_exercise(session).items()
            )
            lines.append(f"    {session.date:%a %d %b}  {session.title}: {exercises}")
            lines.append(f"        {placement.reason}")
    return "\n".join(lines)
