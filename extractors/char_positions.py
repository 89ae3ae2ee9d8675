"""Positions of a set of single characters in a text, found with numpy.

``[m.start() for m in re.compile("[，。；]").finditer(text)]`` costs a Python
step per hit; boundary characters (clause and sentence stops, line breaks)
hit every few characters, so a table lookup over the code points is ~5x faster.
"""

from __future__ import annotations

import numpy as np

_BMP = 0x10000
_UNICODE = 0x110000


def code_points(text: str) -> np.ndarray:
    """The text as uint32 code points (read-only view)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


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
        return np.flatnonzero(self._member[np.minimum(points, _BMP)]).tolist()


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
        ranks = self._rank[points]
        hits = np.flatnonzero(ranks)
        hit_ranks = ranks[hits]
        return [hits.tolist(), *(hits[hit_ranks >= r].tolist() for r in range(2, self._depth + 1))]
