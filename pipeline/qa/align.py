"""Align two versions of a document's text, and move spans from one to the other.

Two situations need it:

* ``polex diff --base``: both runs have the whole text, so :class:`TextAlignment`
  aligns them (difflib over sentences, then over the characters of each changed
  block of sentences) and maps every base span into the new text.  An edit then
  touches only the spans in or around it, instead of shifting every span
  after it.
* ``polex eval`` / ``diff --gold`` against a document that changed since its
  gold was written: only the gold spans (with their text) are known of the
  old version, so :func:`relocate_spans` finds each span's text in the new
  document, anchored on the spans whose text occurs exactly once.

Offsets are code points, end exclusive, as everywhere in polex.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, replace

from pipeline.qa.model import Span

# Between two trusted anchors the text is aligned character by character only
# below this size (len(old) * len(new)): difflib is quadratic there, about 1 s at
# 15,000 x 15,000 characters (a whole reflowed document).  Above it the stretch
# counts as rewritten: its spans are removed and added.
MAX_CHAR_BLOCK = 250_000_000
# Equal runs of whole sentences shorter than this do not anchor the alignment.
MIN_ANCHOR = 12


@dataclass(frozen=True)
class MappedSpan:
    start: int
    end: int
    same_text: bool  # every character of the span is unchanged, in one piece


class TextAlignment:
    """Matching stretches of ``old`` and ``new``: ``(old_start, new_start, length)``, in text order."""

    def __init__(self, old: str, new: str):
        self.identical = old == new
        blocks = [(0, 0, len(old))] if self.identical else _matching_blocks(old, new)
        self.old_starts = [a for a, _, _ in blocks]
        self.new_starts = [b for _, b, _ in blocks]
        self.sizes = [n for _, _, n in blocks]
        self.old_len, self.new_len = len(old), len(new)

    def _block_at_or_after(self, pos: int) -> int:
        """Index of the block holding old char ``pos``, else of the first block after it."""
        k = bisect.bisect_right(self.old_starts, pos) - 1
        if k >= 0 and pos < self.old_starts[k] + self.sizes[k]:
            return k
        return k + 1

    def map_char(self, pos: int) -> int | None:
        """Where old character ``pos`` is in the new text (None: deleted or replaced)."""
        k = bisect.bisect_right(self.old_starts, pos) - 1
        if k >= 0 and pos < self.old_starts[k] + self.sizes[k]:
            return self.new_starts[k] + pos - self.old_starts[k]
        return None

    def map_span(self, start: int, end: int) -> MappedSpan | None:
        """The new offsets of old span ``[start, end)``: from its first kept character to
        its last.  None when none of its characters is left."""
        if self.identical:
            return MappedSpan(start, end, True)
        first = self._block_at_or_after(start)
        if first >= len(self.sizes) or self.old_starts[first] >= end:
            return None
        new_start = self.new_starts[first] + max(0, start - self.old_starts[first])
        last = bisect.bisect_right(self.old_starts, end - 1) - 1
        last_old_end = min(end, self.old_starts[last] + self.sizes[last])
        new_end = self.new_starts[last] + last_old_end - self.old_starts[last]
        same = first == last and start >= self.old_starts[first] and end <= self.old_starts[first] + self.sizes[first]
        return MappedSpan(new_start, new_end, same)


# Units the first pass aligns: a sentence or clause up to its closing mark, a run of text
# without one, or a single line break.  Sentences, not lines: some documents are one
# line, and a reflowed paragraph changes every line but no sentence.
_UNIT = re.compile(r"[^。；！？!?;\n]*[。；！？!?;]|\n|[^。；！？!?;\n]+")


def _units(text: str) -> tuple[list[str], list[int]]:
    """The text's units and the offset of each (plus the end)."""
    units, starts = [], []
    for m in _UNIT.finditer(text):
        units.append(m.group())
        starts.append(m.start())
    starts.append(len(text))
    return units, starts


def _unit_anchors(old: str, new: str) -> list[tuple[int, int, int]]:
    """Equal stretches of whole units, long enough to trust: a lone `。` or `1.` that
    happens to match across a rewritten passage must not pin the alignment."""
    old_units, old_at = _units(old)
    new_units, new_at = _units(new)
    matcher = difflib.SequenceMatcher(None, old_units, new_units, autojunk=False)
    anchors = []
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        size = old_at[i2] - old_at[i1]
        if tag == "equal" and size >= MIN_ANCHOR:
            anchors.append((old_at[i1], new_at[j1], size))
    return anchors


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix (binary search over slice comparisons, C speed)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _matching_blocks(old: str, new: str) -> list[tuple[int, int, int]]:
    """The common head and tail as they are, then the middle aligned (one edit: exact, whatever
    repeats the text has; difflib alone would pick among equal runs, e.g. of spaces)."""
    head = _common_prefix(old, new)
    limit = min(len(old), len(new)) - head
    tail = _common_prefix(old[::-1], new[::-1])
    tail = min(tail, limit)
    middle = _middle_blocks(old[head : len(old) - tail], new[head : len(new) - tail])
    blocks = [(0, 0, head)] if head else []
    blocks += [(head + a, head + b, n) for a, b, n in middle]
    if tail:
        blocks.append((len(old) - tail, len(new) - tail, tail))
    return _merge(blocks)


def _middle_blocks(old: str, new: str) -> list[tuple[int, int, int]]:
    """Unit anchors, and between each two the characters difflib matches."""
    blocks: list[tuple[int, int, int]] = []
    a_pos = b_pos = 0
    for a, b, size in [*_unit_anchors(old, new), (len(old), len(new), 0)]:
        if (a - a_pos) * (b - b_pos) <= MAX_CHAR_BLOCK:
            chars = difflib.SequenceMatcher(None, old[a_pos:a], new[b_pos:b], autojunk=False)
            blocks.extend((a_pos + x, b_pos + y, n) for x, y, n in chars.get_matching_blocks() if n)
        if size:
            blocks.append((a, b, size))
        a_pos, b_pos = a + size, b + size
    return _merge(blocks)


def _merge(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Join blocks that continue each other (an equal run of sentences after a changed one's tail)."""
    merged: list[tuple[int, int, int]] = []
    for a, b, n in blocks:
        if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == b:
            pa, pb, pn = merged[-1]
            merged[-1] = (pa, pb, pn + n)
        else:
            merged.append((a, b, n))
    return merged


def map_spans(alignment: TextAlignment, spans: list[Span], new_text: str) -> tuple[list[Span], list[Span]]:
    """Old spans moved into the new text (text re-read there), and the spans whose text is gone."""
    moved, lost = [], []
    for span in spans:
        mapped = alignment.map_span(span.start, span.end)
        if mapped is None or mapped.end <= mapped.start:
            lost.append(span)
        else:
            moved.append(replace(span, start=mapped.start, end=mapped.end, text=new_text[mapped.start : mapped.end]))
    return moved, lost


# --- gold spans into a changed document (the old text is not known) -----------------

MAX_OCCURRENCES = 500  # a span text this frequent (a lone `1.`) is placed by its neighbours only


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    pos = text.find(needle)
    while pos >= 0 and len(found) < MAX_OCCURRENCES:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    return found


def _longest_non_decreasing(values: list[int]) -> list[int]:
    """Indices of a longest non-decreasing subsequence of ``values`` (patience sorting)."""
    tails: list[int] = []  # tails[k]: index ending the run of length k + 1 with the smallest last value
    tail_values: list[int] = []
    previous = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_right(tail_values, v)
        previous[i] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(i)
            tail_values.append(v)
        else:
            tails[k] = i
            tail_values[k] = v
    run, i = [], tails[-1] if tails else -1
    while i >= 0:
        run.append(i)
        i = previous[i]
    return run[::-1]


def relocate_spans(spans: list[Span], new_text: str) -> tuple[list[Span], list[Span]]:
    """Gold spans of an older version placed in ``new_text`` by their own text.

    Spans whose text occurs once, in an order consistent with the others,
    anchor the alignment; every other span takes the occurrence of its text
    nearest to where its nearest anchor's shift puts it.  Returns the moved
    spans and those whose text is no longer in the document.
    """
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    found = [_occurrences(new_text, s.text) if s.text else [] for s in ordered]
    unique = [i for i, occ in enumerate(found) if len(occ) == 1]
    anchors = [unique[k] for k in _longest_non_decreasing([found[i][0] for i in unique])]
    shift_at = {i: found[i][0] - ordered[i].start for i in anchors}
    anchor_keys = sorted(shift_at)
    moved, lost = [], []
    for i, span in enumerate(ordered):
        if not found[i]:
            lost.append(span)
            continue
        if i in shift_at:
            start = found[i][0]
        else:
            k = bisect.bisect_left(anchor_keys, i)
            near = [anchor_keys[j] for j in (k - 1, k) if 0 <= j < len(anchor_keys)]
            nearest = min(near, key=lambda a: abs(ordered[a].start - span.start)) if near else None
            expected = span.start + (shift_at[nearest] if nearest is not None else 0)
            start = min(found[i], key=lambda p: abs(p - expected))
        moved.append(replace(span, start=start, end=start + len(span.text)))
    return moved, lost
