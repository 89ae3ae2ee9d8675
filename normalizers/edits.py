"""Small helpers every step uses to turn what it found into an offset map.

Steps only ever do two things: replace characters one for one (script,
width, punctuation) or delete characters (ruby, boilerplate, spaces, line
breaks).  The maps are built in :mod:`pipeline.core.offsets` (the one place that
builds maps); the deletion map is the one ``apply_edits`` builds for the same
edits (tests/test_normalizers.py checks this), made in one numpy pass.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from pipeline.core.offsets import OffsetMap, delete_spans


def codepoints(text: str) -> np.ndarray:
    """The text as a uint32 array of code points (a copy, safe to modify)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()


def from_codepoints(points: np.ndarray) -> str:
    return points.astype(np.uint32, copy=False).tobytes().decode("utf-32-le", "surrogatepass")


def replaced_one_for_one(text: str, new_text: str) -> tuple[str, OffsetMap]:
    """Map for a same-length rewrite: every new character comes from the character at its index."""
    if len(new_text) != len(text):
        raise ValueError("one-for-one replacement changed the text length")
    return new_text, OffsetMap.identity(len(text))


def deleted(text: str, spans: Iterable[tuple[int, int]] | np.ndarray) -> tuple[str, OffsetMap]:
    """Delete the given spans (any order, may touch or overlap) and return the new text and map."""
    return delete_spans(text, spans)
