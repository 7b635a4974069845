"""The flags as a readable table for the terminal (the CLI's `check` without --json)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .flags import RULE_IDS, Flag, Severity
from .text import count_text

_RULE_WIDTH = max(len(rule) for rule in RULE_IDS)


def flags_table(flags: list[Flag], notes: Sequence[str] = ()) -> str:
    """One line per flag (date, week, severity, rule, message), its advice and source
    below it, then the totals by severity and by rule, and what could not be judged."""
    said = [f"note: {note}" for note in notes]
    if not flags:
        return "\n".join(["No flags: nothing to change.", *said])
    header = f"{'DATE':<10}  {'WEEK':<8}  {'SEVERITY':<8}  {'RULE':<{_RULE_WIDTH}}  MESSAGE"
    lines = [header, "-" * len(header)]
    indent = " " * (10 + 2 + 8 + 2 + 8 + 2 + _RULE_WIDTH + 2)
    for flag in flags:
        lines.append(
            f"{flag.date.isoformat():<10}  {flag.week:<8}  {flag.severity.value:<8}  "
            f"{flag.rule:<{_RULE_WIDTH}}  {flag.message}"
        )
        lines.append(f"{indent}advice: {flag.advice} ({flag.source})")
    by_severity = Counter(f.severity for f in flags)
    lines.append("")
    lines.append(
        f"{count_text(len(flags), 'flag')}: "
        + ", ".join(
            count_text(by_severity[s], s.value, s.value + "s") for s in Severity if by_severity[s]
        )
    )
    by_rule = Counter(f.rule for f in flags)
    for rule in RULE_IDS:
        if by_rule[rule]:
            lines.append(f"  {rule:<{_RULE_WIDTH}}  {by_rule[rule]}")
    if said:
        lines.extend(["", *said])
    return "\n".join(lines)
