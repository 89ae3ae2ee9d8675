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
from itertools import chain
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
    __slots__ = ("_src_start", "_src_end", "source_len", "is_identity")

    def __init__(self, src_start: np.ndarray, src_end: np.ndarray, source_len: int, is_identity: bool = False):
        self._src_start = np.asarray(src_start, dtype=np.int64)
        self._src_end = np.asarray(src_end, dtype=np.int64)
        self.source_len = int(source_len)
        # Set only by identity() and keeping(): lets compose() skip the gather for the
        # one-for-one steps (t2s, width, and every step that found nothing).
        self.is_identity = is_identity

    # ------------------------------------------------------------------ build
    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        # The arrays are built on first use only: most identity maps (a step per document
        # that changed no length) are composed away unread.
        offsets = cls.__new__(cls)
        offsets._src_start = offsets._src_end = None
        offsets.source_len, offsets.is_identity = int(length), True
        return offsets

    @classmethod
    def keeping(cls, keep: np.ndarray) -> "OffsetMap":
        """Map of a deletion: ``keep`` is a bool mask over the source, True where a character survives."""
        if keep.all():
            return cls.identity(keep.shape[0])
        kept = np.flatnonzero(keep)
        return cls(kept, kept + 1, keep.shape[0])

    @property
    def src_start(self) -> np.ndarray:
        """Per target character: the first source character it came from."""
        if self._src_start is None:
            self._src_start = np.arange(self.source_len, dtype=np.int64)
        return self._src_start

    @property
    def src_end(self) -> np.ndarray:
        """Per target character: the end (exclusive) of the source span it came from."""
        if self._src_end is None:
            self._src_end = np.arange(1, self.source_len + 1, dtype=np.int64)
        return self._src_end

    @property
    def target_len(self) -> int:
        return self.source_len if self._src_start is None else int(self._src_start.shape[0])

    def compose(self, later: "OffsetMap") -> "OffsetMap":
        """``self`` maps mid->source, ``later`` maps target->mid; return target->source."""
        if later.source_len != self.target_len:
            raise ValueError(
                f"cannot compose: later step's source has {later.source_len} chars, "
                f"this map's target has {self.target_len}"
            )
        if later.is_identity:
            return self
        if self.is_identity:
            return later
        if later.target_len == 0:
            empty = np.zeros(0, dtype=np.int64)
            return OffsetMap(empty, empty, self.source_len)
        # take: the same gather as fancy indexing (bounds checked, negatives wrap), a third cheaper
        start = self.src_start.take(later.src_start)
        end = self.src_end.take(later.src_end - 1)
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


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _from_codepoints(points: np.ndarray) -> str:
    return points.tobytes().decode("utf-32-le", "surrogatepass")


def delete_spans(text: str, spans: Iterable[tuple[int, int]] | np.ndarray) -> tuple[str, OffsetMap]:
    """Delete the given spans (any order, may touch or overlap): the new text and its map.

    The map is the one :func:`apply_edits` builds for the same deletions, built
    in one numpy pass (a ruby-annotated page has thousands of deletions).
    """
    n = len(text)
    if isinstance(spans, np.ndarray):
        pairs = spans.astype(np.int64, copy=False).reshape(-1, 2)
    else:  # a list of (start, end) pairs: flattened, faster than numpy's nested-sequence reading
        pairs = np.fromiter(chain.from_iterable(spans), dtype=np.int64).reshape(-1, 2)
    if pairs.size == 0:
        return text, OffsetMap.identity(n)
    if pairs.min() < 0 or pairs.max() > n or np.any(pairs[:, 1] < pairs[:, 0]):
        raise ValueError("deletion span out of bounds or reversed")
    # depth[i] = how many spans cover character i; keep the uncovered ones
    depth = np.cumsum(np.bincount(pairs[:, 0], minlength=n + 1) - np.bincount(pairs[:, 1], minlength=n + 1))
    keep = depth[:n] == 0
    offsets = OffsetMap.keeping(keep)
    if offsets.is_identity:
        return text, offsets
    return _from_codepoints(_codepoints(text)[keep]), offsets


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits (sorted by start) and return the new text and its map.

    The text is rebuilt from slices; the map in one vectorised pass over the
    chunks the edits cut the text into (untouched runs and replacements).
    """
    n = len(text)
    edits = list(edits)
    pos = 0
    for edit in edits:  # validation only: cheap attribute checks, no allocation
        if edit.start < pos or edit.end < edit.start or edit.end > n:
            raise ValueError(f"edit {edit} overlaps or is out of order (at {pos})")
        if edit.start == edit.end and edit.replacement:
            # Inserted text would have no source characters to point at.
            raise ValueError(f"edit {edit} inserts text; normalisers may only replace or delete")
        pos = edit.end
    # (Deliberately not delegating deletions to delete_spans: the tests check
    # one against the other, so they must stay two implementations.)
    k = len(edits)
    starts = np.fromiter((e.start for e in edits), dtype=np.int64, count=k)
    ends = np.fromiter((e.end for e in edits), dtype=np.int64, count=k)
    rep_lens = np.fromiter((len(e.replacement) for e in edits), dtype=np.int64, count=k)
    gap_starts = np.concatenate(([0], ends))  # untouched run before each edit, and the tail
    gap_ends = np.concatenate((starts, [n]))
    # Chunks in text order: gap 0, edit 0, gap 1, edit 1, ..., tail gap.
    # A chunk maps char by char (gaps, same-length replacements) or every char
    # to its whole source span (other replacements).
    chunk_len = np.empty(2 * k + 1, dtype=np.int64)
    chunk_len[0::2] = gap_ends - gap_starts
    chunk_len[1::2] = rep_lens
    chunk_base = np.empty(2 * k + 1, dtype=np.int64)
    chunk_base[0::2] = gap_starts
    chunk_base[1::2] = starts
    chunk_end = np.empty(2 * k + 1, dtype=np.int64)
    chunk_end[0::2] = gap_ends
    chunk_end[1::2] = ends
    one_for_one = np.ones(2 * k + 1, dtype=bool)
    one_for_one[1::2] = rep_lens == ends - starts

    first_out = np.cumsum(chunk_len) - chunk_len  # target index of each chunk's first char
    total = int(chunk_len.sum())
    chunk_of = np.repeat(np.arange(2 * k + 1), chunk_len)
    step = np.arange(total, dtype=np.int64) - first_out[chunk_of]
    per_char = one_for_one[chunk_of]
    src_start = chunk_base[chunk_of] + np.where(per_char, step, 0)
    src_end = np.where(per_char, src_start + 1, chunk_end[chunk_of])

    pieces = [text[0 : starts[0]] if k else text]
    for edit, next_start in zip(edits, [*starts[1:].tolist(), n]):
        pieces.append(edit.replacement)
        pieces.append(text[edit.end : next_start])
    return "".join(pieces), OffsetMap(src_start, src_end, n)


def compose_all(first_len: int, maps: Sequence[OffsetMap]) -> OffsetMap:
    """Compose step maps in the order they were applied."""
    total = OffsetMap.identity(first_len)
    for step_map in maps:
        total = total.compose(step_map)
    return total
