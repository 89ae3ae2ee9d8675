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
from pipeline.core.scans import matches_at

_BMP = 0x10000
_UNICODE = 0x110000


class StartPositions:
    """Positions where a match of the targets' rules can start, by the characters around them.

    A position qualifies when its character is in ``first_class`` and the one before it is not
    in ``not_after_class`` unless its own is in ``free_class`` (a rule without the look-behind),
    and what follows the numeral it opens may follow one (``follows``):

    - a run of digits (``\\d``) ends before a character of ``follows["digits"]`` (else no
      number pattern can stop there: ``2025年``);
    - a Chinese numeral of ``lone_class`` with no other numeral character (``numeral_class``)
      after it is followed by one of ``follows["numeral"]`` (``一批``, ``一流``: no match);
    - a ``scale_class`` character (万/亿 opening 亿级) by one of ``follows["scale"]``.

    The last character of a text and astral characters (the tables cover the Basic Multilingual
    Plane) are never ruled out: more candidates, never fewer.
    """

    _FIRST, _NOT_AFTER, _FREE, _DIGIT, _LONE, _NUMERAL = 1, 2, 4, 8, 16, 32
    _AFTER_DIGITS, _AFTER_NUMERAL, _SCALE, _AFTER_SCALE = 64, 128, 256, 512

    def __init__(
        self,
        first_class: str,
        not_after_class: str,
        free_class: str,
        lone_class: str,
        numeral_class: str,
        scale_class: str,
        follows: dict[str, str],
    ):
        self._classes = (
            (self._FIRST, first_class),
            (self._NOT_AFTER, not_after_class),
            (self._FREE, free_class),
            (self._DIGIT, r"\d"),
            (self._LONE, lone_class),
            (self._NUMERAL, numeral_class),
            (self._SCALE, scale_class),
            (self._AFTER_DIGITS, follows["digits"]),
            (self._AFTER_NUMERAL, follows["numeral"]),
            (self._AFTER_SCALE, follows["scale"]),
        )
        self._table: np.ndarray | None = None  # built on first use (a pass over the BMP: ~50 ms)

    def _build(self) -> np.ndarray:
        every = "".join(map(chr, range(_BMP)))  # lone surrogates included: texts may hold them
        table = np.zeros(_UNICODE, dtype=np.uint16)
        for bit, pattern in self._classes:
            table[[m.start() for m in re.finditer(f"(?={pattern})", every)]] |= bit
        follows = self._AFTER_DIGITS | self._AFTER_NUMERAL | self._AFTER_SCALE
        if np.any(table[:_BMP][(table[:_BMP] & self._DIGIT) != 0] & self._AFTER_DIGITS):
            raise ValueError("a digit may not follow a digit run: the run would not end there")
        table[_BMP:] = self._FIRST | self._FREE | follows
        return table

    def positions(self, points: np.ndarray) -> list[int]:
        """Ascending candidate positions in ``points`` (from :func:`code_points`)."""
        if self._table is None:
            self._table = self._build()
        codes = self._table.take(points)
        ok = (codes & self._FIRST) != 0
        # p > 0 stays when the character before may precede a match, or p's rule has no look-behind
        ok[1:] &= ((codes[:-1] & self._NOT_AFTER) == 0) | ((codes[1:] & self._FREE) != 0)
        found = np.flatnonzero(ok)
        if not len(found) or len(found) == len(points):
            return found.tolist()
        return found[self._followed(codes, found)].tolist()

    def _followed(self, codes: np.ndarray, found: np.ndarray) -> np.ndarray:
        """Of the positions ``found``, those whose numeral may be followed by what follows it."""
        last = len(codes) - 1
        own = codes[found]
        after = codes[np.minimum(found + 1, last)]
        keep = found == last
        keep |= (own & (self._DIGIT | self._LONE | self._SCALE)) == 0  # 前, 百分之 …, astral: no rule
        # a digit run: the character after its end (a run's end is a digit not followed by one)
        digits = (codes & self._DIGIT) != 0
        run_ends = np.flatnonzero(digits & np.append(~digits[1:], True))
        is_digit = (own & self._DIGIT) != 0
        ends = run_ends[np.searchsorted(run_ends, found[is_digit])]
        digit_ok = (ends == last) | ((codes[np.minimum(ends + 1, last)] & self._AFTER_DIGITS) != 0)
        keep[is_digit] |= digit_ok
        lone = ((own & self._LONE) != 0) & ~is_digit
        keep |= lone & ((after & (self._NUMERAL | self._AFTER_NUMERAL)) != 0)
        scale = ((own & self._SCALE) != 0) & ~is_digit & ~lone
        keep |= scale & ((after & self._AFTER_SCALE) != 0)
        return keep


class StartScan:
    """``pattern.finditer(text)`` for a pattern whose matches start only where ``starts`` lets them."""

    def __init__(self, pattern: re.Pattern, starts: StartPositions):
        self.pattern = pattern
        self.starts = starts

    def finditer(self, text: str) -> list[re.Match]:
        return matches_at(self.pattern, text, self.starts.positions(code_points(text)))
