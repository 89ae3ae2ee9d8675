"""Positions of a set of single characters in a text, found with numpy.

``[m.start() for m in re.compile("[，。；]").finditer(text)]`` costs a Python
step per hit; boundary characters (clause and sentence stops, line breaks)
hit every few characters, so a table lookup over the code points is ~5x faster.
"""

from __future__ import annotations

import numpy as np

_BMP = 0x10000


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
