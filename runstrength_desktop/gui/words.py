"""Counts in words: "1 session", "2 sessions" (the issue found "1 sessions")."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
