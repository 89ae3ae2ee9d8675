"""Half-open character spans ``(start, end)`` of a text, and whether a position falls in one of them."""

from __future__ import annotations

from collections.abc import Iterable


def inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``start <= pos < end`` for some span (spans in any order, overlapping or not)."""
    return any(a <= pos < b for a, b in spans)
