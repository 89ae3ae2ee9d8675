"""Whole-text scans that try a pattern only where a match can start.

``re`` and ``regex`` skip ahead to a candidate only when every alternative of a pattern opens
with a literal or a class; a pattern whose alternatives open with a look-behind or a group is
entered at every position of the text (a flat document's inline markers in
``pipeline.structure.sections``: ~200 ns a character).  ``first_class_finditer`` finds the
positions of a class every match starts with (a class-first scan skips ahead) and matches the
pattern at each in turn, after the end of the last match, as ``finditer`` would: the same
matches, provided every match starts with a character of the class.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

_BMP = 0x10000


def matches_at(pattern: Any, text: str, positions: Iterable[int]) -> list[Any]:
    """``pattern.finditer(text)``'s matches where every match starts at one of ``positions``
    (ascending): the pattern is matched at each in turn, after the end of the last match."""
    match = pattern.match
    found: list[Any] = []
    after = 0
    for pos in positions:
        if pos < after:
            continue  # inside the last match
        m = match(text, pos)
        if m is not None:
            if m.end() == pos:  # an empty match: finditer's rules for those, from its own scan
                return list(pattern.finditer(text))
            found.append(m)
            after = m.end()
    return found


def first_class_finditer(pattern: Any, first_class: Any, text: str) -> list[Any]:
    """``pattern.finditer(text)`` as a list, where ``first_class`` (a compiled one-character class,
    of the same engine as ``pattern``: the same ``\\d``) matches every character a match of
    ``pattern`` may start with."""
    return matches_at(pattern, text, [m.start() for m in first_class.finditer(text)])


class ClassPositions:
    """Where the characters of a set stand in a text: one table lookup over its code points, where the class
    ``[chars]``'s own ``finditer`` made a match object per character found (a set of common characters,
    省/市/全/各/国: the level cues of pipeline.structure.regions)."""

    def __init__(self, chars: str):
        if any(ord(char) >= _BMP for char in chars):
            raise ValueError("ClassPositions holds BMP characters only")
        self.chars = chars
        self._member = np.zeros(_BMP + 1, dtype=bool)  # index _BMP stands for every astral character: none
        self._member[[ord(char) for char in chars]] = True

    def positions(self, text: str) -> list[int]:
        """``[m.start() for m in re.finditer(f"[{chars}]", text)]``, ascending."""
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if points.size and points.max() >= _BMP:
            points = np.minimum(points, _BMP)
        return self._member.take(points).nonzero()[0].tolist()
