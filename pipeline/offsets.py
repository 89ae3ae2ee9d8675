"""Offset maps: the provenance spine of polex.

Every normalisation step turns a *source* text into a *target* text and
returns an :class:`OffsetMap` that says, for each target character, which
half-open span of the source it came from.  Maps compose, so after all
steps every character of ``norm_text`` knows its exact raw characters.

Representation: two monotone int64 numpy arrays ``src_start``/``src_end`` of
length ``len(target)``.  Deleted source characters belong to no target
character, so a target span maps to the tight raw span from the first
source character of its first char to the last source character of its
last char: deleted ruby annotations or line breaks *between* kept
characters stay inside, those at the edges stay outside (GUIDE's snapping).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` by ``replacement``.

    Equal lengths map char by char; an empty replacement deletes; any other
    replacement maps every new char to the whole replaced span.
    """

    start: int
    end: int
    replacement: str


class OffsetMap:
    __slots__ = ("src_start", "src_end", "source_len")

    def __init__(self, src_start: np.ndarray, src_end: np.ndarray, source_len: int):
        self.src_start = np.asarray(src_start, dtype=np.int64)
        self.src_end = np.asarray(src_end, dtype=np.int64)
        self.source_len = int(source_len)

    # ------------------------------------------------------------------ build
    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        idx = np.arange(length, dtype=np.int64)
        return cls(idx, idx + 1, length)

    @property
    def target_len(self) -> int:
        return int(self.src_start.shape[0])

    def compose(self, later: "OffsetMap") -> "OffsetMap":
        """``self`` maps mid->source, ``later`` maps target->mid; return target->source."""
        if later.source_len != self.target_len:
            raise ValueError(
                f"cannot compose: later step's source has {later.source_len} chars, "
                f"this map's target has {self.target_len}"
            )
        if later.target_len == 0:
            empty = np.zeros(0, dtype=np.int64)
            return OffsetMap(empty, empty, self.source_len)
        start = self.src_start[later.src_start]
        end = self.src_end[later.src_end - 1]
        return OffsetMap(start, end, self.source_len)

    # ------------------------------------------------------------------ query
    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a target span to the source span it came from."""
        n = self.target_len
        if not 0 <= start <= end <= n:
            raise IndexError(f"span {start}:{end} outside target of length {n}")
        if start == end:
            pos = int(self.src_start[start]) if start < n else self.source_len
            return pos, pos
        return int(self.src_start[start]), int(self.src_end[end - 1])

    def to_target(self, start: int, end: int) -> tuple[int, int]:
        """Map a source span to the smallest target span covering what survived of it.

        Source characters that were deleted contribute nothing; a span made only
        of deleted characters maps to an empty span at its position.
        """
        a = int(np.searchsorted(self.src_end, start, side="right"))
        b = int(np.searchsorted(self.src_start, end, side="left"))
        if b < a:
            b = a
        return a, b

    def sources_of(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Vectorised :meth:`to_source` for non-empty spans."""
        starts = np.asarray(starts, dtype=np.int64)
        ends = np.asarray(ends, dtype=np.int64)
        return self.src_start[starts], self.src_end[ends - 1]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits (sorted by start) and return the new text and its map."""
    pieces: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    pos = 0
    for edit in edits:
        if edit.start < pos or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"edit {edit} overlaps or is out of order (at {pos})")
        if edit.start == edit.end and edit.replacement:
            # Inserted text would have no source characters to point at.
            raise ValueError(f"edit {edit} inserts text; normalisers may only replace or delete")
        if edit.start > pos:  # untouched run
            pieces.append(text[pos : edit.start])
            run = np.arange(pos, edit.start, dtype=np.int64)
            starts.append(run)
            ends.append(run + 1)
        rep = edit.replacement
        if rep:
            pieces.append(rep)
            width = edit.end - edit.start
            if len(rep) == width:
                run = np.arange(edit.start, edit.end, dtype=np.int64)
                starts.append(run)
                ends.append(run + 1)
            else:
                starts.append(np.full(len(rep), edit.start, dtype=np.int64))
                ends.append(np.full(len(rep), edit.end, dtype=np.int64))
        pos = edit.end
    if pos < len(text):
        pieces.append(text[pos:])
        run = np.arange(pos, len(text), dtype=np.int64)
        starts.append(run)
        ends.append(run + 1)
    if not starts:
        empty = np.zeros(0, dtype=np.int64)
        return "", OffsetMap(empty, empty, len(text))
    return "".join(pieces), OffsetMap(np.concatenate(starts), np.concatenate(ends), len(text))


def compose_all(first_len: int, maps: Sequence[OffsetMap]) -> OffsetMap:
    """Compose step maps in the order they were applied."""
    total = OffsetMap.identity(first_len)
    for step_map in maps:
        total = total.compose(step_map)
    return total
