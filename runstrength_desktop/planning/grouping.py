"""One flag per rule per session: rules that judge pairs of sessions (a lift and the run after
it, two leg days close together) join the pairs that share a session into one group and say
it once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from ..domain.session import Session

T = TypeVar("T")


def groups(pairs: Iterable[tuple[Session, Session, T]]) -> list[list[tuple[Session, Session, T]]]:
    """The pairs (with what each says) joined where they share a session, in the order their
    first pair came."""
    parent: dict[int, int] = {}

    def root(key: int) -> int:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    listed = list(pairs)
    for first, second, _ in listed:
        parent[root(id(first))] = root(id(second))
    joined: dict[int, list[tuple[Session, Session, T]]] = {}
    for pair in listed:
        joined.setdefault(root(id(pair[0])), []).append(pair)
    return list(joined.values())


def sessions_of(group: Sequence[tuple[Session, Session, object]]) -> list[Session]:
    """The sessions of a group, each once, in the order they come."""
    seen: dict[int, Session] = {}
    for first, second, _ in group:
        seen.setdefault(id(first), first)
        seen.setdefault(id(second), second)
    return list(seen.values())
