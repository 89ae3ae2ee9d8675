"""The targets' scan: ``RULES.pattern.finditer`` tried only where a match can start.

Every quantity rule opens with the look-behind ``(?<![\\d.,第前A-Za-z])`` (target_patterns:
not inside a number or a Latin word) and every match starts with a numeral or 前 (the rank rule,
which has no look-behind).  ``re`` cannot skip ahead to such a position by itself (a pattern
that opens with a look-ahead is entered at every position), so ``finditer`` tries the whole
alternation at each digit of ``2025`` and at every character between numerals.  Here one table
lookup over the code points finds the positions whose character may open a match and whose
previous character does not forbid it (about half of the numerals: the digits inside a number
go), and the pattern is matched at each in turn, after the end of the last match, as
``finditer`` would.  Same matches (tests/test_target_scan.py).
"""

from __future__ import annotations

import re

import numpy as np

from extractors.char_positions import code_points

_BMP = 0x10000
_UNICODE = 0x110000


class StartPositions:
    """Positions where a match of a pattern can start, by the character there and the one before.

    ``first_class``: the characters every match starts with; ``not_after_class``: characters
    no match may follow, except one starting with a character of ``free_class`` (a rule
    without the look-behind).  Astral characters count as members of ``first_class`` and
    ``free_class`` and never of ``not_after_class`` (the tables cover the Basic Multilingual
    Plane): more candidates, never fewer.
    """

    _FIRST, _NOT_AFTER, _FREE = 1, 2, 4

    def __init__(self, first_class: str, not_after_class: str, free_class: str):
        self._classes = (first_class, not_after_class, free_class)
        self._table: np.ndarray | None = None  # built on first use (a pass over the BMP: ~10 ms)

    def _build(self) -> np.ndarray:
        every = "".join(map(chr, range(_BMP)))  # lone surrogates included: texts may hold them
        table = np.zeros(_UNICODE, dtype=np.uint8)
        for bit, pattern in zip((self._FIRST, self._NOT_AFTER, self._FREE), self._classes):
            table[[m.start() for m in re.finditer(pattern, every)]] |= bit
        table[_BMP:] = self._FIRST | self._FREE
        return table

    def positions(self, points: np.ndarray) -> list[int]:
        """Ascending candidate positions in ``points`` (from :func:`code_points`)."""
        if self._table is None:
            self._table = self._build()
        codes = self._table[points]
        ok = (codes & self._FIRST) != 0
        # position p > 0 stays when the character before may precede a match, or p's needs no look-behind
        ok[1:] &= ((codes[:-1] & self._NOT_AFTER) == 0) | ((codes[1:] & self._FREE) != 0)
        return np.flatnonzero(ok).tolist()


class StartScan:
    """``pattern.finditer(text)`` for a pattern whose matches start only where ``starts`` lets them."""

    def __init__(self, pattern: re.Pattern, starts: StartPositions):
        self.pattern = pattern
        self.starts = starts

    def finditer(self, text: str) -> list[re.Match]:
        match = self.pattern.match
        found: list[re.Match] = []
        after = 0
        for pos in self.starts.positions(code_points(text)):
            if pos < after:
                continue  # inside the last match
            m = match(text, pos)
            if m is not None:
                if m.end() == pos:  # an empty match: finditer's rules for those, from its own scan
                    return list(self.pattern.finditer(text))
                found.append(m)
                after = m.end()
        return found
