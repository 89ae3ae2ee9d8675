"""The display width the wrap detector measures lines by: the regex count of narrow characters must give
exactly what a per-character unicodedata lookup gives (the class is read from unicodedata once)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from normalizers.pdf_wraps import _width


def _width_by_lookup(line: str) -> int:
    return len(line) + sum(1 for ch in line if ord(ch) > 0x2E7F and unicodedata.east_asian_width(ch) in "WF")


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_width_equals_the_per_character_lookup(line):
    assert _width(line) == _width_by_lookup(line)


@given(st.text(alphabet=st.characters(min_codepoint=0x2E00, max_codepoint=0x3FFFF, exclude_categories=("Cs",))))
def test_width_equals_the_lookup_on_cjk_and_astral_planes(line):
    assert _width(line) == _width_by_lookup(line)


def test_width_counts_cjk_twice_and_latin_once():
    assert _width("到2025年") == 2 * 2 + 4
    assert _width("ＡＢ，") == 6  # fullwidth forms are wide
    assert _width("\U00020000") == 2  # a CJK extension B ideograph
    assert _width("ｱ") == 1  # halfwidth katakana
