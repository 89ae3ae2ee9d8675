"""Traditional -> simplified characters with OpenCC ``t2s``, only where the text is traditional.

Decision is per document: OpenCC converts the whole text once, and the text
counts as traditional when at least ``TRADITIONAL_SHARE`` of its Han
characters change.  Per document rather than per line because a simplified
document legitimately holds a few characters t2s would touch (names,
variants such as 乾/著), while a traditional document (web pages re-encoded
from Big5, Hong Kong/Taiwan reprints) is traditional throughout, short lines
included; converting every line of it avoids leaving a traditional 发文字号
or heading behind.

The offset map stays exact: OpenCC's phrase tables are length-preserving in
practice, so the converted text is a one-for-one rewrite.  Where a converted
line changes length (a phrase with a different length), that line is
converted character by character instead, which is always one for one.

A text holding fewer characters OpenCC could change (``data/t2s_changing_chars.txt``, generated
from its dictionaries by ``tools/make_t2s_chars.py``) than the share needs is kept as it is
without converting: the same result, since t2s changes no other character (every simplified text
of the corpora; OpenCC's conversion was most of the step).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import opencc

from normalizers.edits import replaced_one_for_one
from pipeline.core.offsets import OffsetMap

TRADITIONAL_SHARE = 0.02  # simplified documents measure ~0.1%, traditional ones 15-40%
MIN_CHANGED = 3  # a handful of variant characters never makes a document traditional
# Every character t2s can change (tools/make_t2s_chars.py, from the dictionaries OpenCC reads)
CHANGING_CHARS = Path(__file__).with_name("data") / "t2s_changing_chars.txt"


@lru_cache(maxsize=1)
def converter():
    """The one OpenCC t2s converter (loading its dictionaries takes milliseconds, do it once)."""
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def simplified_char(char: str) -> str:
    out = converter().convert(char)
    return out if len(out) == 1 else char


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


@lru_cache(maxsize=1)
def _changing_table() -> np.ndarray:
    """A bool per code point, True where t2s can change the character; one False past the last
    such point, where ``take(mode="clip")`` sends every later one."""
    lines = CHANGING_CHARS.read_text(encoding="utf-8").splitlines()
    points = _code_points("".join(line for line in lines if not line.startswith("#")))
    table = np.zeros(int(points.max()) + 2, dtype=bool)
    table[points] = True
    return table


def _han_mask(points: np.ndarray) -> np.ndarray:
    # CJK Unified Ideographs, Extension A and the compatibility block: where t2s acts.
    return (
        ((points >= 0x4E00) & (points <= 0x9FFF))
        | ((points >= 0x3400) & (points <= 0x4DBF))
        | ((points >= 0xF900) & (points <= 0xFAFF))
    )


def _one_for_one(text: str) -> str:
    """t2s that never changes length: whole text if OpenCC keeps the length, else line by line, else per char."""
    cc = converter()
    converted = cc.convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        new = cc.convert(line)
        if len(new) != len(line):
            new = "".join(simplified_char(ch) for ch in line)
        out.append(new)
    return "\n".join(out)


def traditional_share(text: str, converted: str) -> tuple[int, int]:
    """(Han characters t2s changed, Han characters) for a same-length conversion."""
    before = _code_points(text)
    after = _code_points(converted)
    han = _han_mask(before)
    return int(np.count_nonzero((before != after) & han)), int(np.count_nonzero(han))


def _too_few_to_change(text: str) -> bool:
    """Whether the text cannot reach the traditional share whatever t2s makes of it: it holds fewer
    characters t2s could change than the share needs.  Every entry of t2s's dictionaries is one for
    one (tools/make_t2s_chars.py checks), so these bound the characters it changes.  Every
    simplified text of the corpora is such a text: OpenCC's conversion, most of the step's time,
    is skipped for them."""
    points = _code_points(text)
    bound = int(np.count_nonzero(_changing_table().take(points, mode="clip")))
    return bound < MIN_CHANGED or bound < TRADITIONAL_SHARE * int(np.count_nonzero(_han_mask(points)))


def to_simplified(text: str) -> tuple[str, OffsetMap]:
    if _too_few_to_change(text):  # the same as converting and counting below, without OpenCC
        return replaced_one_for_one(text, text)
    converted = _one_for_one(text)
    if converted == text:  # most simplified texts: nothing changed, no share to count
        return replaced_one_for_one(text, text)
    changed, han = traditional_share(text, converted)
    if changed < MIN_CHANGED or changed < TRADITIONAL_SHARE * han:
        return replaced_one_for_one(text, text)
    return replaced_one_for_one(text, converted)
