"""The faster whole-text tests of the core path give exactly what their plain forms give.

Branches ``spd``, ``sp2``, ``sp4`` and ``sp9`` replaced a few scans that run once per document (a regex class searched over
the whole text) by substring tests or a numpy table lookup, and a substitution by a test that
skips it.  Each is checked here, by property (hypothesis), against the plain form it replaces,
on texts drawn from the characters the plain form reacts to and the ones around them.
"""

from __future__ import annotations

import numpy as np
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import responsible_units
from extractors.char_positions import code_points
from normalizers import ideographs, newlines, page_furniture, pdf_wraps, ruby, spacing
from pipeline.core.offsets import OffsetMap
from pipeline.linking import target_ids
from pipeline.reading import encoding
from pipeline.structure import clauses, regions, sections

pytestmark = pytest.mark.slow  # a property-based suite: left out of `make test-fast`

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _texts(pieces: str | list[str], max_size: int = 40):
    return st.lists(st.sampled_from(list(pieces)), max_size=max_size).map("".join)


_BREAKS = "\r\f\v\u2028\u2029\x85\n\t 中a"
_CONTROLS = "".join(map(chr, range(0x21))) + "\x7f\x80\x85中a\ud800𠀀"
_SPACES = " \u3000\xa0\t\n\x1c\x1f\u2028\u200b\ufeff中Aａ１%"


@SETTINGS
@given(_texts(_BREAKS))
def test_the_break_test_agrees_with_the_break_pattern(text):
    assert newlines.has_break_but_lf(text) == (newlines._ANY_BREAK_BUT_LF.search(text) is not None)


@SETTINGS
@given(_texts(_CONTROLS, max_size=80) | st.text(max_size=30))
def test_the_control_count_agrees_with_the_control_pattern(text):
    assert encoding.control_count(text) == len(encoding._CONTROL_CHARS.findall(text, 0, 65536))


def test_the_control_count_reads_the_first_65536_characters_only():
    text = "中" * 65535 + "\x01\x02" + "\x03" * 10
    assert encoding.control_count(text) == len(encoding._CONTROL_CHARS.findall(text, 0, 65536)) == 1


@SETTINGS
@given(_texts(_SPACES) | st.text(max_size=30))
def test_the_space_free_shortcut_normalises_as_the_substitution_does(text):
    import unicodedata

    assert target_ids._normal_text(text) == target_ids._SPACES.sub("", unicodedata.normalize("NFKC", text))


def _reference_spans_through_breaks(text: str) -> np.ndarray:
    """ruby._spans_through_breaks before the shortcut: breaks left out, then the chains."""
    breaks = ruby._chain_breaks(text)
    if not breaks:
        return ruby.annotation_spans(text)
    drop = np.concatenate([np.arange(a, b) for a, b in breaks])
    kept = np.delete(np.arange(len(text)), drop)
    view = "".join(text[a:b] for a, b in zip([0, *(b for _, b in breaks)], [a for a, _ in breaks] + [len(text)]))
    spans = ruby.annotation_spans(view)
    if not len(spans):
        return spans
    return np.stack([kept[spans[:, 0]], kept[spans[:, 1] - 1] + 1], axis=1)


@SETTINGS
@given(_texts(["濱", "(bin)", "(", ")", "\n", "bin", "州", "（", "a", " ", "\n— 3 —\n"]))
def test_ruby_spans_equal_the_path_without_the_paren_shortcut(text):
    assert ruby._spans_through_breaks(text).tolist() == _reference_spans_through_breaks(text).tolist()


@SETTINGS
@given(st.lists(st.booleans(), min_size=1, max_size=30), st.data())
def test_composed_maps_gather_as_fancy_indexing_does(keep_first, data):
    first = OffsetMap.keeping(np.array(keep_first))
    n = first.target_len
    keep_later = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    later = OffsetMap.keeping(np.array(keep_later, dtype=bool))
    composed = first.compose(later)
    if first.is_identity or later.is_identity or later.target_len == 0:
        return
    assert composed.src_start.tolist() == first.src_start[later.src_start].tolist()
    assert composed.src_end.tolist() == first.src_end[later.src_end - 1].tolist()


_SPACING_PIECES = [
    " ",
    "  ",
    "\t",
    "\n",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "中",
    "文",
    "2",
    "%",
    "，",
    "（",
    "1.",
    "a",
    "3、",
]


@SETTINGS
@given(_texts(_SPACING_PIECES, max_size=50))
def test_always_spans_equal_the_scan_over_every_position(text):
    assert spacing.always_spans(text) == [m.span() for m in spacing._ALWAYS.finditer(text)]


_MARKER_PIECES = [
    "）",
    "。",
    "；",
    "：",
    " ",
    "\u3000",
    "第",
    "三",
    "十",
    "条",
    "章",
    "一",
    "、",
    "（",
    "二",
    ")",
    "1",
    "2",
    ".",
    "．",
    "2025年",
    "中",
    "\n",
]


@SETTINGS
@given(_texts(_MARKER_PIECES, max_size=50))
def test_the_glued_marker_scan_finds_what_the_regex_module_finds(text):
    with_regex = regex.compile(sections._GLUED_MARKER.pattern)
    found = [(m.span(), m.groupdict()) for m in sections._GLUED_MARKER.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in with_regex.finditer(text)]


def _reference_full_names_in(body: str):
    """regions._full_names_in before branch sp2: every length from 16 down to 2 looked up behind a hit."""
    from collections import Counter

    names = regions.by_name()
    final_pairs = frozenset(name[-2:] for name in names)
    found: Counter = Counter()
    last_end = 0
    for match in regions._NAME_END.finditer(body):
        end = match.end()
        if body[end - 2 : end] not in final_pairs:
            continue
        for length in range(min(regions._MAX_NAME, end - last_end), 1, -1):
            candidates = names.get(body[end - length : end])
            if candidates and len(candidates) == 1 and regions._names_a_place(candidates[0]):
                found[candidates[0]] += 1
                last_end = end
                break
    return found


_PLACE_PIECES = [
    "山东省",
    "济南市",
    "长顺县",
    "天河区",
    "铁西区",
    "省",
    "市",
    "区",
    "县",
    "州",
    "旗",
    "盟",
    "东",
    "南",
    "河",
    "和县",
    "、",
    "市场",
    "甘孜藏族自治州",
]


@SETTINGS
@given(_texts(_PLACE_PIECES, max_size=30))
def test_full_names_are_found_at_the_lengths_names_have(body):
    assert regions._full_names_in(body) == _reference_full_names_in(body)


_WIDTHS = "中ａ１a 1\u3000\n\t\u2e7f\u2e80\u303f\uff61\ufffd\ud800。—"


@SETTINGS
@given(_texts(_WIDTHS, max_size=80) | _texts(_WIDTHS + "𠀀🙂", max_size=80) | st.text(max_size=60))
def test_the_widths_counted_over_the_text_equal_each_lines_width(text):
    lines = [(m.start(), m.end()) for m in pdf_wraps._LINE.finditer(text)]
    assert pdf_wraps._line_widths(text, lines) == [pdf_wraps._width(text[a:b]) for a, b in lines]


# ---------------------------------------------------------------- branch sp9
_LOOKALIKES = "\u2e80\u2e81\u2e9f\u2ef3\u2f00\u2fd5\u2fd6\uf900\ufa0e\ufad9\ufada\U0002f800\U0002fa1d\U00020000"


@SETTINGS
@given(_texts(_LOOKALIKES + "中a\n\ud800\u3000", max_size=30) | st.text(max_size=30))
def test_the_lookalike_table_passes_every_text_the_class_search_finds_one_in(text):
    found = ideographs._ANY.search(text) is not None
    assert bool(ideographs._may_hold_lookalikes(text) and found) == found
    assert ideographs.unify_ideographs(text)[0] == (text.translate(ideographs.TABLE) if found else text)


def test_the_lookalike_table_holds_every_lookalike_of_the_plane():
    assert all(ideographs._may_hold_lookalikes(chr(cp)) for cp in ideographs.TABLE)
    assert not ideographs._may_hold_lookalikes("中文，第1页\u3000—")


_PAGE_PIECES = [
    "\n",
    " ",
    "\u3000",
    "\t",
    "-",
    "—",
    "－",
    "–",
    "/",
    "页",
    "第",
    "共",
    "，",
    "5",
    "12",
    "中",
    "目录",
    "。",
]
# whole lines as page furniture prints them, each form of PAGE_NUMBER and a header beside a dashed number
_PAGE_LINES = [
    "- 5 -",
    "— 12 —",
    "第 3 页",
    "第3页，共12页",
    "共12页 第3页",
    "3/12",
    " 3 / 12 ",
    "政府公报 — 5 —",
    "— 5 — 政府公报",
]


def _page_texts():
    line = st.sampled_from(_PAGE_LINES) | _texts(_PAGE_PIECES, max_size=8)
    return st.lists(line, max_size=12).map("\n".join)


@SETTINGS
@given(_texts(_PAGE_PIECES, max_size=60) | _page_texts())
def test_page_number_lines_are_found_where_the_line_scan_finds_them(text):
    padded = f"\n{text}\n"
    plain = [(m.start(), m.end() - 1) for m in page_furniture._PAGE_LINE.finditer(padded)]
    assert page_furniture.page_number_spans(text) == plain


_BRACKET_TEXT = "（(〔【［[]）中a\n\U00020000\ud800"


@SETTINGS
@given(_texts(_BRACKET_TEXT, max_size=40) | st.text(max_size=30))
def test_the_bracket_table_finds_what_the_bracket_class_finds(text):
    found = [m.start() for m in responsible_units._BRACKET_AT.finditer(text)]
    assert responsible_units._BRACKETS.positions(code_points(text)) == found


_CLAUSE_PIECES = ["\n", " ", "\u3000", "\t", "1", "12", "3.2", ".", "．", "1.1.1", "总则", "年", "中", "。", "\r"]


def _clause_texts():
    """Lines as clause numbering prints them: blanks, a number, a blank, a title (or text that is none)."""
    blanks = _texts(" \u3000\t", max_size=3)
    number = st.sampled_from(["1", "2", "1.1", "3.2.1", "12", "1．2", "0", "1.5"])
    title = st.sampled_from(["总则", "编制目的", "亿元", "。", ""])
    line = st.tuples(blanks, number, blanks, title).map("".join) | _texts(_CLAUSE_PIECES, max_size=6)
    return st.lists(line, max_size=10).map("\n".join)


@SETTINGS
@given(_texts(_CLAUSE_PIECES, max_size=50) | _clause_texts())
def test_line_clauses_are_found_where_the_line_pattern_finds_them(text):
    plain = [(m.span(), m.group("number")) for m in clauses._LINE_CLAUSE.finditer(text)]
    assert [(m.span(), m.group("number")) for m in clauses.line_clause_matches(text)] == plain
