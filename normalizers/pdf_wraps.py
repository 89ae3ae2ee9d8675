"""PDF line wraps: a line that runs to the right margin continues on the next line.

A PDF's text layer has a line break wherever the layout wrapped a paragraph, and
``linebreaks`` joins most of them, but not after a line that holds a heading marker
and no ``。`` yet: ``（三）本意见自2022年12月24日起施行，有效期至2025年`` / ``12月23日。``, or a
heading cut by a page end, ``21.提升`` / (page furniture) / ``公共服务水平。``.  In a PDF the
geometry says what the text alone cannot: a line as wide as the column was wrapped.

The step measures every line (East Asian wide characters 2, others 1), takes the
column width as the widest width a quarter of the long lines share, and, when the text looks
wrapped (at least ``MIN_FULL_SHARE`` of its long lines are that wide), deletes the
break after each *full* line A (within ``SLACK`` of the column width), together with
the blank lines page furniture left, when:
- A does not end with sentence-final punctuation (``linebreaks`` decides those), except
  ``：``/``；`` inside an open bracket (``（牵头单位：…；责任单位：`` / ``县发展和改革局、…）``);
- A and the next non-blank line B are not table rows (a tab, or a column gap);
- B does not start with a heading marker, a dash item or a closing-block word;
- the break would not glue two Latin words together (``Open`` / ``Source``; letters on both sides, or a
  digit against a letter that continues a word); a number cut by the margin (``达到200`` / ``0亿元``,
  ``到2`` / ``025年``) is one number again: a full line of a Chinese text ends where the column does,
  not where a number does.
A text whose lines are paragraphs (a .txt, a .docx) has no common width and is left
as it is, and so is a second pass over joined text (idempotent).  Only deletions, so
the offset map is a deletion map.

Phase 2 runs it for paged formats only (PDF), after ``boilerplate`` (the furniture
between the halves must be gone) and before ``linebreaks``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import numpy as np

from normalizers.edits import codepoints, deleted, replaced_one_for_one
from normalizers.linebreaks import _B_BLOCKS_JOIN, HEADING_MARKER, _column_layout
from pipeline.core.offsets import OffsetMap

MIN_LONG = 16  # width units (8 CJK characters): shorter lines say nothing about the column
MIN_FULL_SHARE = 0.4
INDENT = 4  # width units of a first-line indent (two CJK characters)
SLACK = 3  # width units a wrapped line may fall short of the column (kinsoku, proportional digits)
_OVER = 4  # ... or run past it (hanging punctuation)
_FINAL = frozenset("。！？；：…!?;:")
_INNER_FINAL = frozenset("：；:;")  # inside brackets (a responsibility note) these end no paragraph
_BLANK = " \t\u3000\u00a0\u2002-\u200b\u202f\ufeff"
_LINE = re.compile(rf"[^{_BLANK}\n](?:[^\n]*[^{_BLANK}\n])?")


def _width(line: str) -> int:
    """Display width: a wide or fullwidth character (East Asian Width W/F above U+2E7F) counts two units.
    Counted as the line's length less its narrow characters, found by one regex class (a BMP class is a
    bitmap to the regex engine: three times the speed of a unicodedata lookup per character)."""
    narrow_bmp, astral = _narrow_patterns()
    wide = len(line) - len(narrow_bmp.findall(line))
    if astral.search(line):  # rare: characters beyond the BMP, looked up one by one
        wide -= sum(1 for ch in astral.findall(line) if unicodedata.east_asian_width(ch) not in "WF")
    return len(line) + wide


def _line_widths(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """``_width`` of each line ``text[a:b]``, counted over the whole text at once: a line's wide characters are
    a difference of one running count of the text's (a table lookup per code point instead of a regex call and a
    list of narrow characters per line).  A text with characters beyond the BMP is measured line by line."""
    if not lines:
        return []
    points = codepoints(text)
    if points.size and points.max() >= 0x10000:  # (the code points' max: no class search of the whole text)
        return [_width(text[a:b]) for a, b in lines]
    wide_before = np.zeros(len(text) + 1, dtype=np.int64)
    np.cumsum(_wide_bmp()[points], out=wide_before[1:])
    bounds = np.array(lines, dtype=np.int64)
    starts, ends = bounds[:, 0], bounds[:, 1]
    return (ends - starts + wide_before[ends] - wide_before[starts]).tolist()


@functools.cache
def _wide_bmp() -> np.ndarray:
    """For each BMP code point: is it wide (not a character of ``_narrow_patterns``' narrow class)?"""
    wide = np.zeros(0x10000, dtype=np.bool_)
    wide[0x2E80:] = [unicodedata.east_asian_width(chr(cp)) in "WF" for cp in range(0x2E80, 0x10000)]
    return wide


@functools.cache
def _narrow_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The BMP's narrow characters (below U+2E80, or not W/F; read once from unicodedata) and the astral ones."""
    ranges, start = ["\\x00-\\u2e7f"], None
    for cp in range(0x2E80, 0x10000):
        narrow = unicodedata.east_asian_width(chr(cp)) not in "WF"
        if narrow and start is None:
            start = cp
        elif not narrow and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(cp - 1))}")
            start = None
    if start is not None:
        ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(0xFFFF))}")
    return re.compile("[" + "".join(ranges) + "]"), re.compile("[\\U00010000-\\U0010FFFF]")


def column_width(widths: list[int]) -> int | None:
    """The column width: the widest width (±1 unit) that at least a quarter of the long
    lines share (wrapped lines run to it; first lines are indented, last lines shorter) —
    counting a paragraph's indented first lines for it —,
    or None when fewer than ``MIN_FULL_SHARE`` of the long lines are that wide (the text
    is not wrapped)."""
    long = [w for w in widths if w >= MIN_LONG]
    if len(long) < 4:
        return None
    counts = Counter(long)
    count = counts.get  # (a plain get: Counter's [] of a missing width is a Python call)

    def support(w: int) -> int:
        return count(w - 1, 0) + count(w, 0) + count(w + 1, 0)

    # A text of short paragraphs has as many indented first lines (GB/T 9704: two characters, INDENT
    # units short) as full ones: they count for their column too, when the column has lines of its own.
    quarter, eighth = 0.25 * len(long), 0.125 * len(long)
    supports = {w: support(w) for w in counts}  # each width's own support, once
    common = [
        w for w, own in supports.items() if own >= quarter or (own >= eighth and own + support(w - INDENT) >= quarter)
    ]
    if not common:
        return None
    best = max(common)
    near = sum(1 for w in long if best - SLACK - INDENT <= w <= best + _OVER)  # full or indented
    return best if near >= MIN_FULL_SHARE * len(long) else None


def _latin_word_cut(a: str, b: str) -> bool:
    """Would joining ``a`` and ``b`` glue two Latin words (not two halves of a number)?"""
    left, right = a[-1], b[0]
    if not (left.isascii() and left.isalnum() and right.isascii() and right.isalnum()):
        return False
    return not (left.isdigit() and right.isdigit())


# A text file (no page geometry) shows a PDF's column only with more evidence: a column at least this wide
# (20 Chinese characters; GB/T 9704's is 28) and at least this many lines running to it. A short notice
# whose few lines happen to share a width (a title, an addressee) is no wrapped text.
TEXT_MIN_COLUMN = 40
TEXT_MIN_FULL_LINES = 8


def text_column(text: str, lines: list[tuple[int, int]], widths: list[int]) -> int | None:
    """``column_width`` of the lines (content spans, their widths) that are no table rows.  It reads the
    long lines only, so the table-row test of the short ones is left out."""
    return column_width([w for w, (a, b) in zip(widths, lines) if w >= MIN_LONG and not _column_layout(text[a:b])])


def wrap_spans(text: str, text_file: bool = False) -> list[tuple[int, int]]:
    lines = [m.span() for m in _LINE.finditer(text)]
    widths = _line_widths(text, lines)
    full = text_column(text, lines, widths)
    if full is None or (text_file and not _shows_a_column(widths, full)):
        return []
    contents = [text[a:b] for a, b in lines]
    spans: list[tuple[int, int]] = []

    def continues(k: int) -> bool:  # was the break before line k deleted (A continues a paragraph)?
        return bool(spans) and spans[-1][1] == lines[k][0]

    depth = 0  # open brackets in the paragraph so far: a "：" inside a note does not end it
    for k in range(len(lines) - 1):
        a, b = contents[k], contents[k + 1]
        depth = max(0, depth + a.count("（") + a.count("(") - a.count("）") - a.count(")"))
        joined = False
        try:
            # a paragraph's first line may be indented (GB/T 9704: two characters), which
            # the text layer does not show: it is full 4 units short of the column
            indent = 0 if continues(k) else INDENT
            if not full - SLACK - indent <= widths[k] <= full + _OVER:
                continue
            if a[-1] in _FINAL and not (a[-1] in _INNER_FINAL and depth > 0):
                continue
            if _column_layout(a) or _column_layout(b):
                continue
            if HEADING_MARKER.match(b) or _B_BLOCKS_JOIN.match(b):
                continue
            if _latin_word_cut(a, b):
                continue
            spans.append((lines[k][1], lines[k + 1][0]))
            joined = True
        finally:
            if not joined:
                depth = 0
    return spans


def _shows_a_column(widths: list[int], full: int) -> bool:
    at_column = sum(1 for w in widths if full - SLACK <= w <= full + _OVER)
    return full >= TEXT_MIN_COLUMN and at_column >= TEXT_MIN_FULL_LINES


def join_text_wraps(text: str) -> tuple[str, OffsetMap]:
    """``join_wraps`` for a text file (a .txt extracted from a PDF, hard-wrapped): the same joins, where the
    lines show a PDF's column beyond doubt (``TEXT_MIN_COLUMN``, ``TEXT_MIN_FULL_LINES``)."""
    spans = wrap_spans(text, text_file=True)
    if not spans:
        return replaced_one_for_one(text, text)
    return deleted(text, spans)


def join_wraps(text: str) -> tuple[str, OffsetMap]:
    spans = wrap_spans(text)
    if not spans:
        return replaced_one_for_one(text, text)
    return deleted(text, spans)
