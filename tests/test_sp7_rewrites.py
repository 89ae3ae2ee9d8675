"""Branch sp7's faster scans of the core path give exactly what their plain forms give.

Each rewrite (a class scan that finds where a pattern can start, a whole-text pass instead of
one per line) is checked by property (hypothesis) against the plain form it replaced, on texts
drawn from the characters the plain form reacts to and the ones around them, and on the
bundled documents.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers import linebreaks, newlines, site_chrome
from normalizers.edits import deleted
from pipeline.core.numerals import NUMERAL_CLASS
from pipeline.core.scans import first_class_finditer
from pipeline.structure import regions, sections

pytestmark = pytest.mark.slow  # a property-based suite: left out of `make test-fast`

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROOT = Path(__file__).resolve().parent.parent
BUNDLED = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def _texts(pieces: str | list[str], max_size: int = 50):
    return st.lists(st.sampled_from(list(pieces)), max_size=max_size).map("".join)


def _found(matches) -> list:
    return [(m.span(), m.span("marker"), m.groupdict()) for m in matches]


_INLINE_PIECES = [
    *"）)〕。；;：: \u3000\t\n第章节条、（(.．﹒1234０١𑛐①⑳中年项款和的\ue010",
    *NUMERAL_CLASS,
    "2025年",
    "第 1 0 条",
    "三)",
    "（二）",
    "12.",
]


def test_every_character_a_flat_marker_may_start_with_is_in_its_first_class():
    """Whatever the flat marker pattern matches at a position opens with a character of the class, over
    every code point (regex's \\d knows digits stdlib's does not: the astral ones pass the class)."""
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    openings = set(regex.findall(r"\d", every)) | set("第（(①⑳") | set(NUMERAL_CLASS)
    assert all(sections._FLAT_INLINE_FIRST.fullmatch(char) for char in openings)
    assert not sections._FLAT_INLINE_FIRST.fullmatch("中")


@SETTINGS
@given(_texts(_INLINE_PIECES))
def test_the_flat_marker_scan_finds_what_finditer_finds(text):
    scanned = first_class_finditer(sections._FLAT_INLINE_MARKER, sections._FLAT_INLINE_FIRST, text)
    assert _found(scanned) == _found(sections._FLAT_INLINE_MARKER.finditer(text))


def test_the_flat_marker_scan_finds_what_finditer_finds_on_the_bundled_documents():
    for text in BUNDLED:
        flat = text.replace("\n", "")
        scanned = first_class_finditer(sections._FLAT_INLINE_MARKER, sections._FLAT_INLINE_FIRST, flat)
        assert scanned and _found(scanned) == _found(sections._FLAT_INLINE_MARKER.finditer(flat))


def _plain_column_layout(line: str) -> bool:
    """linebreaks._column_layout before branch sp7 (the run spelled `[…]{2,}`, no search first)."""
    if "\t" in line:
        return True
    for m in re.finditer("[ \u3000\u00a0\u2002-\u200a\u202f]{2,}", line):
        if line[m.start() - 1] not in linebreaks._GAP_PUNCT and line[m.end()] not in linebreaks._GAP_PUNCT:
            return True
    return False


_LINE_PIECES = [*" \u3000\u00a0\u2002\u200a\u200b\u202f\t，。（）:a中1", "  ", "\u3000\u3000"]


@SETTINGS
@given(_texts(_LINE_PIECES, max_size=30).map(lambda s: f"中{s}文"))
def test_the_column_layout_test_agrees_with_its_plain_form(line):
    assert linebreaks._column_layout(line) == _plain_column_layout(line)


def _plain_unify_newlines(text: str) -> tuple[str, list, list]:
    """newlines.unify_newlines before branch sp7: the CRs found by a regex, the other breaks by translate."""
    without_cr, cr_map = deleted(text, (m.span() for m in newlines._CR_BEFORE_LF.finditer(text)))
    unified = without_cr.translate(newlines._OTHER_BREAKS)
    return unified, cr_map.src_start.tolist(), cr_map.src_end.tolist()


@SETTINGS
@given(_texts("\r\n\f\v\u2028\u2029\x85中a", max_size=40))
def test_unified_newlines_equal_the_plain_form(text):
    unified, offsets = newlines.unify_newlines(text)
    if not newlines.has_break_but_lf(text):
        assert unified == text and offsets.is_identity
        return
    assert (unified, offsets.src_start.tolist(), offsets.src_end.tolist()) == _plain_unify_newlines(text)


def _plain_lines(text: str) -> list[tuple[int, int]]:
    """site_chrome._lines before branch sp7 (one step per line)."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


@SETTINGS
@given(_texts("\n\n中a ", max_size=60), st.integers(min_value=0, max_value=12))
def test_line_spans_equal_the_plain_form(text, max_lines):
    assert site_chrome._lines(text) == _plain_lines(text)
    assert site_chrome._lines(text, max_lines) == _plain_lines(text)[:max_lines]


# sections._GLUED_MARKER before branch sp7: no look-ahead of the marker's first characters
_PLAIN_GLUED = re.compile(rf"[）)〕。；：:]{sections._SP}*" + sections._INLINE_BODY)


@SETTINGS
@given(_texts(_INLINE_PIECES))
def test_the_glued_marker_scan_finds_what_its_plain_spelling_finds(text):
    assert _found(sections._GLUED_MARKER.finditer(text)) == _found(_PLAIN_GLUED.finditer(text))


def test_the_glued_marker_scan_finds_what_its_plain_spelling_finds_on_the_bundled_documents():
    found = [_found(sections._GLUED_MARKER.finditer(text)) for text in BUNDLED]
    assert any(found) and found == [_found(_PLAIN_GLUED.finditer(text)) for text in BUNDLED]


_CUE_PIECES = [
    *"全省市县区旗各国中地党部我委政府厅局、，。",
    "全省",
    "省委、省政府",
    "各市人民政府",
    "全国",
    "地方政府",
    "省科技厅",
]


@SETTINGS
@given(_texts(_CUE_PIECES, max_size=40))
def test_level_cues_counted_at_their_first_characters_equal_findall(body):
    for cues in regions._LEVEL_CUES.values():
        assert cues.count(body) == len(cues.pattern.findall(body))


def test_level_cues_counted_at_their_first_characters_equal_findall_on_the_bundled_documents():
    counts = [[cues.count(text) for cues in regions._LEVEL_CUES.values()] for text in BUNDLED]
    assert any(map(any, counts))
    assert counts == [[len(cues.pattern.findall(text)) for cues in regions._LEVEL_CUES.values()] for text in BUNDLED]


_LINE_PIECES_MARKERS = [
    *_INLINE_PIECES,
    "\n",
    "\n",
    "\n",
    "**",
    "[bookmark:x]",
    "第十条\n",
    "第三章",
    "一、",
    "1.",
    "3.2020年",
]


def _markers(matches) -> list:
    return [(m.span("marker"), m.groupdict()) for m in matches]


@SETTINGS
@given(_texts(_LINE_PIECES_MARKERS, max_size=40))
def test_line_markers_read_after_each_break_equal_the_line_start_scan(text):
    assert _markers(sections._line_markers(text)) == _markers(sections._LINE_MARKER.finditer(text))


def test_line_markers_read_after_each_break_equal_the_line_start_scan_on_the_bundled_documents():
    found = [_markers(sections._line_markers(text)) for text in BUNDLED]
    assert all(found) and found == [_markers(sections._LINE_MARKER.finditer(text)) for text in BUNDLED]


_BOX_PIECES = [
    "\n",
    " ",
    "\u3000",
    "专栏",
    "专",
    "栏",
    "附件",
    "附表",
    "附",
    "件",
    "表",
    "：",
    ":",
    "1",
    "一",
    "。",
    "）",
    "1.",
    "名单",
]


@SETTINGS
@given(_texts(_BOX_PIECES, max_size=30))
def test_box_and_appendix_scans_find_nothing_without_their_word(text):
    """build_sections and attachment_list_spans skip these scans where the word is absent."""
    scans = {
        "专栏": (sections._BOX_LINE, sections._FLAT_BOX),
        "附件": (sections._APPENDIX_LINE,),
    }
    for word, patterns in scans.items():
        if word not in text:
            assert not any(p.search(text) for p in patterns)
    if "附件" not in text and "附表" not in text:  # the attachment list opens with either label (BL31: 附表)
        assert not sections._ATTACHMENT_LIST.search(text)
