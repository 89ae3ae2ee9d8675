"""Branch sp8's faster forms of core-path steps give exactly what their plain forms give.

Each rewrite is checked by property (hypothesis) against the plain form it replaced, on texts drawn
from the characters and line shapes the plain form reacts to, and on the bundled documents.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers import page_furniture, pdf_wraps, site_chrome
from normalizers.linebreaks import _column_layout
from pipeline.core.scans import ClassPositions
from pipeline.structure import regions

pytestmark = pytest.mark.slow  # a property-based suite: left out of `make test-fast`

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROOT = Path(__file__).resolve().parent.parent
BUNDLED = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def _plain_column_width(widths: list[int]) -> int | None:
    """pdf_wraps.column_width before branch sp8 (Counter's [] for every support, three times a width)."""
    long = [w for w in widths if w >= pdf_wraps.MIN_LONG]
    if len(long) < 4:
        return None
    counts = Counter(long)

    def support(w: int) -> int:
        return counts[w - 1] + counts[w] + counts[w + 1]

    common = [
        w
        for w in counts
        if support(w) >= 0.25 * len(long)
        or (support(w) >= 0.125 * len(long) and support(w) + support(w - pdf_wraps.INDENT) >= 0.25 * len(long))
    ]
    if not common:
        return None
    best = max(common)
    near = sum(1 for w in long if best - pdf_wraps.SLACK - pdf_wraps.INDENT <= w <= best + pdf_wraps._OVER)
    return best if near >= pdf_wraps.MIN_FULL_SHARE * len(long) else None


def _plain_text_column(text: str) -> int | None:
    """The column wrap_spans found before branch sp8: the table-row test of every line, short ones too."""
    lines = [(m.start(), m.end()) for m in pdf_wraps._LINE.finditer(text)]
    contents = [text[a:b] for a, b in lines]
    widths = pdf_wraps._line_widths(text, lines)
    return _plain_column_width([w for w, line in zip(widths, contents) if not _column_layout(line)])


def _text_column(text: str) -> int | None:
    lines = [m.span() for m in pdf_wraps._LINE.finditer(text)]
    return pdf_wraps.text_column(text, lines, pdf_wraps._line_widths(text, lines))


# Widths around the column thresholds: a quarter, an eighth, the indent, the slack
_WIDTHS = st.lists(st.integers(min_value=0, max_value=60), min_size=0, max_size=40)
# Lines of wide and narrow characters, some table rows (a tab, a column gap), some indented
_LINE_TEXT = st.tuples(
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["", "\t", "\u3000\u3000", "  ", "，  "]),
    st.sampled_from(["", "\u3000\u3000", " "]),
).map(lambda t: f"{t[3]}{'中' * t[0]}{t[2]}{'a' * t[1]}{'文' if t[2] else ''}")
_TEXTS = st.lists(_LINE_TEXT, max_size=40).map("\n".join)


@SETTINGS
@given(_WIDTHS)
def test_the_column_width_equals_its_plain_form(widths):
    assert pdf_wraps.column_width(widths) == _plain_column_width(widths)


@SETTINGS
@given(_TEXTS)
def test_the_text_column_equals_the_plain_form(text):
    assert _text_column(text) == _plain_text_column(text)


def _hard_wrapped(text: str, width: int = 28) -> str:
    """A bundled document as a PDF's text layer shows it: every paragraph cut at ``width`` characters."""
    return "\n".join(line[i : i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


def test_the_text_column_equals_the_plain_form_on_the_bundled_documents():
    texts = [*BUNDLED, *map(_hard_wrapped, BUNDLED)]
    columns = [_text_column(text) for text in texts]
    assert any(column is not None for column in columns)  # the wrapped copies show their column
    assert columns == [_plain_text_column(text) for text in texts]


def _plain_repeated_header_lines(text: str) -> dict[str, list[tuple[int, int]]]:
    """page_furniture._repeated_header_lines before branch sp8 (every line's span kept, the singles dropped last)."""
    by_key: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in page_furniture._SHORT_LINE.finditer(f"\n{text}\n"):
        line = m.group(1).rstrip()
        start = m.start(1) - 1
        by_key["".join(line.split())].append((start, start + len(line)))
    return {key: spans for key, spans in by_key.items() if len(spans) >= 2 and page_furniture._may_be_header(key)}


# Short lines that repeat with their blanks varied (a header's column gap), headings, labels, sentences
_HEADER_LINE = st.sampled_from(
    ["XX省人民政府公报", "XX省人民政府公报　2023年第7期", "XX省人民政府公报  2023年第7期", "— 2 —", "- 3 -", "一、总体要求",
     "责任单位：省发展改革委", "正文继续", "正文继续。", "", "  ", "\u3000\u3000正文继续", "abc", "中" * 45]
)  # fmt: skip
_HEADER_TEXTS = st.lists(_HEADER_LINE, max_size=30).map("\n".join)


@SETTINGS
@given(_HEADER_TEXTS)
def test_repeated_header_lines_equal_the_plain_form(text):
    found = page_furniture._repeated_header_lines(text)
    assert found == _plain_repeated_header_lines(text)
    assert list(found) == list(_plain_repeated_header_lines(text))  # the same order: the first occurrences'


def test_repeated_header_lines_equal_the_plain_form_on_the_bundled_documents():
    found = [page_furniture._repeated_header_lines(text) for text in BUNDLED]
    assert any(found) and found == [_plain_repeated_header_lines(text) for text in BUNDLED]


def _plain_footer_spans(text: str) -> list[tuple[int, int]]:
    """site_chrome.footer_spans before branch sp8: every line of the text, a search in each of the second half's."""
    lines = site_chrome._lines(text)
    for index in range(bisect_left(lines, (len(text) // 2,)), len(lines)):
        start, end = lines[index]
        if not site_chrome._REGISTRATION.search(text, start, end):
            continue
        if len(text) - end > site_chrome._FOOTER_TAIL_CHARS:
            continue
        first = index
        while first > 0 and site_chrome._FOOTER_FIELD.match(text, lines[first - 1][0], lines[first - 1][1]):
            first -= 1
        return [(lines[first][0], len(text))]
    return []


# Registration marks, footer fields, document text (a long paragraph: a mark followed by more than the
# footer's tail), line breaks, blank lines
_FOOTER_PIECES = st.sampled_from(
    ["\n", "\n", "主办单位：XX市人民政府办公室", "联系电话：12345", "地址：", "技术支持：XX", "鲁ICP备12345号",
     "鲁公网安备 37010202000001号", "网站标识码：3701000001", "版权所有：XX", "Copyright © 2023", "© 2023",
     "设备准备", "正文。", "正文" * 120, "ICP备", "\u3000"]
)  # fmt: skip
_FOOTER_TEXTS = st.lists(_FOOTER_PIECES, max_size=25).map("".join)


@SETTINGS
@given(_FOOTER_TEXTS)
def test_the_footer_equals_the_plain_form(text):
    assert site_chrome.footer_spans(text) == _plain_footer_spans(text)


def test_the_footer_equals_the_plain_form_on_the_bundled_documents():
    footer = "\n主办单位：XX市人民政府办公室\n联系电话：12345\n鲁ICP备12345号\n"
    texts = [*BUNDLED, *(text + footer for text in BUNDLED)]
    found = [site_chrome.footer_spans(text) for text in texts]
    assert any(found) and found == [_plain_footer_spans(text) for text in texts]


# The level cues' first characters, others, an astral character, a lone surrogate, line breaks
_CLASS_PIECES = st.sampled_from([*"全省市县区旗各国中地党部我委、。\n a1", "\U00020000", "\ud800", "全省各"])
_CLASS_TEXTS = st.lists(_CLASS_PIECES, max_size=40).map("".join)


@SETTINGS
@given(_CLASS_TEXTS)
def test_class_positions_equal_the_class_scan(text):
    for cues in regions._LEVEL_CUES.values():
        assert cues.first.positions(text) == [m.start() for m in re.finditer(f"[{cues.first.chars}]", text)]


def test_class_positions_equal_the_class_scan_on_the_bundled_documents():
    for text in BUNDLED:
        for cues in regions._LEVEL_CUES.values():
            found = cues.first.positions(text)
            assert found and found == [m.start() for m in re.finditer(f"[{cues.first.chars}]", text)]


def test_class_positions_hold_bmp_characters_only():
    with pytest.raises(ValueError):
        ClassPositions("省\U00020000")
