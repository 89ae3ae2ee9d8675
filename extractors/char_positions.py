"""Positions of a set of single characters in a text, found with numpy.

``[m.start() for m in re.compile("[，。；]").finditer(text)]`` costs a Python
step per hit; boundary characters (clause and sentence stops, line breaks)
hit every few characters, so a table lookup over the code points is ~5x faster.
"""

from __future__ import annotations

import re

import numpy as np

_BMP = 0x10000
_UNICODE = 0x110000


# The last text's code points: the extractors of one document ask for the same text's in turn.
# One slot holding the text itself (``is``, not an id that a freed text could pass on).
_LAST: tuple[str, np.ndarray] | None = None


def code_points(text: str) -> np.ndarray:
    """The text as code points, in numpy's index type (``take`` reads tables with them uncast)."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is text:
        return last[1]
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.intp)
    points.flags.writeable = False  # shared by the extractors of a document
    _LAST = (text, points)
    return points


class CharSet:
    """A fixed set of Basic Multilingual Plane characters."""

    def __init__(self, chars: str):
        if any(ord(c) >= _BMP for c in chars):
            raise ValueError("CharSet holds BMP characters only")
        self.chars = chars
        self._member = np.zeros(_BMP + 1, dtype=bool)  # index _BMP stands for every astral character
        self._member[[ord(c) for c in chars]] = True

    def positions(self, points: np.ndarray) -> list[int]:
        """Indices of the member characters in ``points`` (from :func:`code_points`), ascending."""
        if points.size and points.max() >= _BMP:  # (a max is cheaper than the clipped copy most texts never need)
            points = np.minimum(points, _BMP)
        return np.flatnonzero(self._member.take(points)).tolist()


class NestedCharSets:
    """Nested sets of characters, each inside the one before (clause stops ⊇ sentence stops ⊇
    line breaks): one table lookup over the text finds the positions of every set."""

    def __init__(self, *sets: str):
        for outer, inner in zip(sets, sets[1:]):
            if not set(inner) <= set(outer):
                raise ValueError("each set must lie inside the one before it")
        self._rank = np.zeros(_UNICODE, dtype=np.uint8)  # every code point: no clipping pass
        for rank, chars in enumerate(sets, 1):
            self._rank[[ord(c) for c in chars]] = rank
        self._depth = len(sets)

    def positions(self, points: np.ndarray) -> list[list[int]]:
        """For each set, the ascending indices of its characters in ``points`` (from :func:`code_points`)."""
        ranks = self._rank.take(points)
        hits = np.flatnonzero(ranks != 0)  # (nonzero of a bool array: a fraction of the uint8 one's cost)
        hit_ranks = ranks[hits]
        return [hits.tolist(), *(hits[hit_ranks >= r].tolist() for r in range(2, self._depth + 1))]


class GuardPositions:
    """Where a guarded scan (extractors.scan_guard) can match, found by one table lookup.

    A position qualifies when its character is in ``first_class`` and the first character
    from it on that is a clause stop or a required character is a required one: exactly
    the positions the scan's two guard lookaheads let through.  Astral characters count as
    members of every class (the tables cover the Basic Multilingual Plane): more candidates,
    never fewer, and the scan's own pattern decides at each.
    """

    _FIRST, _MARK, _REQUIRED = 1, 2, 4

    def __init__(self, first_class: str, required_class: str, stop_class: str):
        self._classes = (first_class, required_class, stop_class)
        self._table: np.ndarray | None = None  # built on first use: ~10 ms per rule set

    def _build(self) -> np.ndarray:
        first_class, required_class, stop_class = self._classes
        every = "".join(map(chr, range(_BMP)))  # lone surrogates included: texts may hold them
        table = np.zeros(_UNICODE, dtype=np.uint8)
        for bit, pattern in (
            (self._FIRST, first_class),
            (self._MARK, f"{required_class}|{stop_class}"),
            (self._REQUIRED, required_class),
        ):
            table[[m.start() for m in re.finditer(pattern, every)]] |= bit
        table[_BMP:] = self._FIRST | self._MARK | self._REQUIRED
        return table

    def positions(self, points: np.ndarray) -> list[int]:
        """Ascending candidate positions in ``points`` (from :func:`code_points`)."""
        if self._table is None:
            self._table = self._build()
        codes = self._table.take(points)
        # (flatnonzero of bool masks: numpy counts and gathers those several times faster than uint8)
        first = np.flatnonzero((codes & self._FIRST) != 0)
        if not len(first):
            return []
        marks = np.flatnonzero((codes & self._MARK) != 0)
        nxt = np.searchsorted(marks, first)  # the first stop or required character at or after each
        ok = nxt < len(marks)
        ok[ok] = (codes[marks[nxt[ok]]] & self._REQUIRED) != 0
        return first[ok].tolist()
