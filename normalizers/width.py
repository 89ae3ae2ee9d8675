"""Character width and punctuation forms, always one for one.

1. Full-width ASCII forms become half-width (``２０２５``→``2025``, ``．``→``.``,
   ``％``→``%``, ideographic and no-break spaces → `` ``), except the Chinese
   punctuation official documents use in full width: ``，：；（）！？``.
   Small-form punctuation (``﹒﹐﹔﹕﹙﹚``) goes to the same forms; ``﹒`` is a list dot
   (``1﹒``), so it becomes ``.``.
2. ASCII ``, : ; ( ) ! ?`` used as Chinese punctuation become ``，：；（）！？``.
   They stay ASCII inside ASCII content: a mark whose left neighbour is a
   printable ASCII character and whose right neighbour is ASCII (``1,000``,
   ``14:18``, ``http://``, ``Hello, world``), unless that neighbour is a space the
   spacing step deletes (``RCEP! ，``, a line end); a bracket pair stays ASCII when its
   content is ASCII and ``(`` directly follows an ASCII letter, digit or symbol
   other than these marks (``f(x)``, ``a.htm(1)``).  ``(1)``, ``(RCEP)`` after Chinese, ``GDP(国内生产总值)``
   become full width.  ``.`` is never touched (decimals, list dots).
``〔〕`` and ``[2023]``-style brackets are left for the metadata parser.
"""

from __future__ import annotations

import re

import numpy as np

from normalizers.edits import codepoints, from_codepoints, replaced_one_for_one
from pipeline.core.offsets import OffsetMap

_KEEP_FULL = set("，：；（）！？")
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULL}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2007: 0x20, 0x202F: 0x20})
_WIDTH.update({cp: 0x20 for cp in range(0x2002, 0x200B)})  # en/em/thin spaces
_WIDTH.update(
    {
        ord("﹒"): ord("."),
        ord("﹐"): ord("，"),
        ord("﹑"): ord("、"),
        ord("﹔"): ord("；"),
        ord("﹕"): ord("："),
        ord("﹖"): ord("？"),
        ord("﹗"): ord("！"),
        ord("﹙"): ord("（"),
        ord("﹚"): ord("）"),
        ord("﹝"): ord("〔"),
        ord("﹞"): ord("〕"),
    }
)
# Lookup table over the Basic Multilingual Plane: code point -> replacement code point.
WIDTH_TABLE = np.arange(0x10000, dtype=np.uint32)
for _src, _dst in _WIDTH.items():
    WIDTH_TABLE[_src] = _dst

_ASCII_MARKS = ",:;!?()"
_FULL_OF = np.arange(0x80, dtype=np.uint32)  # ASCII mark -> its full-width form
for _ascii, _full in zip(_ASCII_MARKS, "，：；！？（）"):
    _FULL_OF[ord(_ascii)] = ord(_full)
_IS_MARK = np.zeros(0x10000, dtype=bool)  # over the BMP: indexed by any point, capped at U+FFFF (no mark)
_IS_MARK[[ord(c) for c in _ASCII_MARKS]] = True

# Characters spacing deletes the spaces before (its _CN_PUNCT, tab, line ends): see _space_goes.
_SPACE_DELETED_BEFORE = np.zeros(0x10000, dtype=bool)
_SPACE_DELETED_BEFORE[[ord(c) for c in "，。、；：！？（）“”‘’《》〔〕【】…·\t\n\r"]] = True

# Innermost bracket pair on one line; applied repeatedly so nested pairs resolve inside out.
_PAIR = re.compile(r"\(([^()\n]*)\)")
# An ASCII pair stays ASCII after these (never after a mark this step may convert, so the
# pair decision cannot change on a second run).
_ASCII_WORD_END = frozenset(chr(c) for c in range(0x21, 0x7F)) - set(_ASCII_MARKS)


def _half_width(points: np.ndarray) -> np.ndarray:
    if not points.size or points.max() < 0x10000:  # the usual text: one gather, no masks
        return WIDTH_TABLE[points]
    bmp = points < 0x10000
    points[bmp] = WIDTH_TABLE[points[bmp]]
    return points


def _bracket_pairs(text: str, points: np.ndarray, paired: np.ndarray) -> None:
    """Decide bracket pairs together: full width unless an ASCII pair inside ASCII content.

    ``paired`` marks the brackets of pairs kept ASCII, so the single-mark rule skips them."""
    current = text
    while True:
        converted = False
        for m in _PAIR.finditer(current):
            open_at, close_at = m.start(), m.end() - 1
            if paired[open_at]:
                continue
            before = current[open_at - 1] if open_at else ""
            if before in _ASCII_WORD_END and m.group(1).isascii():
                paired[open_at] = paired[close_at] = True
            else:
                points[open_at], points[close_at] = ord("（"), ord("）")
                converted = True
        if not converted:
            return
        current = from_codepoints(points)  # converted inner pairs no longer hide the outer ones


def _single_marks(points: np.ndarray, paired: np.ndarray) -> None:
    """Other ASCII marks, judged per run of adjacent marks (``,,`` ``:)``): the run stays
    ASCII when the character before it is printable ASCII and the one after it is ASCII
    (``1,000``, ``14:18``, ``http://``, ``Hello, world``); otherwise all of it converts.
    Judging whole runs makes the result a fixed point (converting one mark would flip
    its neighbour on a second run)."""
    n = points.shape[0]
    at = np.flatnonzero(_IS_MARK[np.minimum(points, 0xFFFF)])  # three passes over the points, not seven
    at = at[~paired[at]]
    if at.size == 0:
        return
    ascii_pts = points[at]
    run_starts = np.ones(at.size, dtype=bool)
    run_starts[1:] = at[1:] != at[:-1] + 1
    run_ends = np.ones(at.size, dtype=bool)
    run_ends[:-1] = run_starts[1:]
    first, last = at[run_starts], at[run_ends]
    before = np.where(first > 0, points[np.maximum(first - 1, 0)], 0)
    after = np.where(last + 1 < n, points[np.minimum(last + 1, n - 1)], 0)
    keep_run = (before >= 0x21) & (before <= 0x7E) & (after >= 0x20) & (after <= 0x7E) & (last + 1 < n)
    by_space = keep_run & (after == 0x20)  # (few: the spaces are looked past only for these)
    if by_space.any():
        keep_run[by_space] = ~_space_goes(points, last[by_space] + 1)
    converted = ~keep_run[np.cumsum(run_starts) - 1]
    points[at[converted]] = _FULL_OF[ascii_pts[converted]]


def _space_goes(points: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Whether the spaces at each of ``starts`` are ones spacing deletes: before Chinese punctuation,
    a tab, a line end or the text's end (`RCEP! ，` → `RCEP!，`).  A mark judged ASCII by such a
    space would convert on a second run; it is judged by what follows the spaces instead."""
    solid = np.flatnonzero(points != 0x20)  # never empty: the marks themselves are in it
    next_solid = np.searchsorted(solid, starts)
    at_end = next_solid >= solid.size
    following = points[solid[np.minimum(next_solid, solid.size - 1)]]
    return at_end | _SPACE_DELETED_BEFORE[np.minimum(following, 0xFFFF)]


def unify_width(text: str) -> tuple[str, OffsetMap]:
    points = _half_width(codepoints(text))
    paired = np.zeros(points.shape[0], dtype=bool)
    if "(" in text:
        _bracket_pairs(from_codepoints(points), points, paired)
    _single_marks(points, paired)
    return replaced_one_for_one(text, from_codepoints(points))
