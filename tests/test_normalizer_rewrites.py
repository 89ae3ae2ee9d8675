"""The faster forms of normaliser and metadata scans find exactly what the plain forms find.

Several scans are written for speed (a literal first character instead of ``(?m)^`` or a
leading character class, a paragraph judged by facts kept instead of its joined string,
chain starts found with numpy).  Each is checked here, by property (hypothesis), against the
plain form it replaces, kept in this file as the reference.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers import boilerplate, linebreaks, ruby
from pipeline.structure import meta_sources

pytestmark = pytest.mark.slow  # a property-based suite: left out of `make test-fast`

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _texts(pieces: list[str], max_size: int = 60):
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# ------------------------------------------------------------------ linebreaks
def _reference_break_spans(text: str) -> list[tuple[int, int]]:
    """break_spans as first written: every break judged on the joined paragraph's string."""
    lines = [m.span() for m in linebreaks._LINE_CONTENT.finditer(text)]
    if not lines:
        return [(0, len(text))]
    spans = [(0, lines[0][0]), (lines[-1][1], len(text))]
    in_body = False
    logical = text[lines[0][0] : lines[0][1]]
    for k, ((a_start, a_end), (b_start, b_end)) in enumerate(zip(lines, lines[1:])):
        a_line, b_line = text[a_start:a_end], text[b_start:b_end]
        c_line = text[lines[k + 2][0] : lines[k + 2][1]] if k + 2 < len(lines) else None
        in_body = in_body or a_line[-1] in linebreaks._BODY_START_FINAL
        if (
            in_body
            and _reference_may_join(logical, b_line, a_line == logical)
            and not linebreaks._column_layout(a_line)
            and not linebreaks._column_layout(b_line)
            and not linebreaks._is_signature(b_line, c_line)
            and not linebreaks._cells_apart(
                a_line, a_line == logical, b_line, c_line, linebreaks._spaced(text, lines, k)
            )
        ):
            spans.append((a_end, b_start))
            logical += b_line
            continue
        newline = text.index("\n", a_end)
        spans += [(a_end, newline), (newline + 1, b_start)]
        logical = b_line
    return spans


def _reference_may_join(a: str, b: str, unjoined: bool) -> bool:
    if a[-1] in linebreaks._A_FINAL:
        return False
    if b[0] in linebreaks._NO_LINE_START:  # 避头点: a line opening with one continues A
        return True
    if linebreaks._heading_only(a):
        return False
    if len(a) < linebreaks.MIN_JOIN_CHARS and not linebreaks._INNER_PUNCT.search(a):
        return False
    if linebreaks.HEADING_MARKER.match(b) or linebreaks._B_BLOCKS_JOIN.match(b) or linebreaks._ARTICLE_META.match(b):
        return False
    if unjoined and linebreaks._ARTICLE_META.match(a):
        return False
    # (full-width letters and digits count as ASCII: `２０２１` / `１５００` stay cells in either width)
    return not (linebreaks._ascii_word_char(a[-1]) and linebreaks._ascii_word_char(b[0]))


LINE_PIECES = (
    list("一二三十第（()1２.、。，；：:ab")
    + ["\n", "\n", "\n\n", " ", "\u3000", "\t", "推进产业集群发展", "现代化产业体系", "附件", "2024年1月2日", "——"]
    + ["一二三四五六七八九十" * 3, "（一）指导思想", "1.", "通知如下。"]
    + ["2022-11-16 来源：", "发布日期：", "山东省人民政府", "附件：名单"]
)


@SETTINGS
@given(_texts(LINE_PIECES, 80))
def test_break_spans_equal_the_joined_string_judgement(text):
    assert linebreaks.break_spans(text) == _reference_break_spans(text)


def test_a_numeral_first_line_is_judged_with_the_line_that_completes_its_marker():
    # `一二…一` (22 numerals) is no marker alone; joined with `、…` it is `一…、`: a heading alone
    numerals = "一二三四五六七八九十" * 2 + "一二"
    text = f"通知。\n{numerals}\n、推进产业集群发展，加快建设\n现代化产业体系"
    assert linebreaks.break_spans(text) == _reference_break_spans(text)


def test_a_long_joined_paragraph_is_one_paragraph():
    lines = [f"推进产业集群发展，加快建设现代化产业体系第{i}项" for i in range(3000)]
    text = "通知如下。\n" + "\n".join(lines)
    assert linebreaks.fix_linebreaks(text)[0] == "通知如下。\n" + "".join(lines)


# ------------------------------------------------------------------ boilerplate
BOILERPLATE_PIECES = [
    "\n",
    "\n",
    " ",
    "\t",
    "来源",
    "：",
    ":",
    "发布日期",
    "2023-06-30",
    "点击",
    "次",
    "12",
    "字体",
    "【大】",
] + [
    "【打印】",
    "【关闭】",
    "分享到",
    "首页",
    ">",
    "当前位置：",
    "上一篇：",
    "热点推荐",
    "相关阅读",
    "#",
    "## ",
    "正文。",
]


@SETTINGS
@given(_texts(BOILERPLATE_PIECES))
def test_line_scans_find_what_line_start_patterns_find(text):
    for scan in (
        boilerplate._CHROME_LINE,
        boilerplate._BUTTON_LINE,
        boilerplate._TAIL_HEADER,
        boilerplate._HEADING_HASHES,
    ):
        assert scan.pattern.startswith(r"\n(?:")
        at_line_starts = re.compile("^" + scan.pattern[2:], re.M)  # the "\n" prefix read as (?m)^
        found = boilerplate._line_spans(scan, "\n" + text)
        assert found == [m.span() for m in at_line_starts.finditer(text)]


# ------------------------------------------------------------------ ruby
RUBY_PIECES = [
    "濱",
    "州",
    "集",
    "\U00020001",
    "〇",
    "(",
    ")",
    "(bin)",
    "(zhou)",
    "(e)",
    "(abcdefg)",
    "(zh",
    "(ü)",
    "a",
    "\n",
]


@SETTINGS
@given(_texts(RUBY_PIECES))
def test_chain_starts_are_every_paren_between_han_and_a_letter(text):
    reference = [m.start() + 1 for m in re.finditer(rf"{ruby._HAN}(?=\([a-zü])", text)]
    assert ruby._chain_starts(text).tolist() == reference
    assert len(ruby._CHAIN.findall(text)) == len(reference)


# ------------------------------------------------------------------ metadata
LABEL_PIECES = [
    "项",
    "目",
    " ",
    "\u3000",
    "\n",
    "x",
    "：",
    ":",
    "】",
    "]",
    *meta_sources._INFO_LABELS,
    "索 引 号",
    "文 号",
]


@SETTINGS
@given(_texts(LABEL_PIECES, 12))
def test_the_info_label_test_agrees_with_the_label_pattern(text):
    assert meta_sources.has_info_label(text) == (meta_sources._LABEL.search(text) is not None)
