"""Property-based tests of the composed normaliser's provenance (hypothesis).

Generated raw text mixes simplified and traditional characters, pinyin ruby
annotations (right and wrong readings, cut off at a line end), half- and
full-width digits, ASCII and full-width brackets and punctuation, heading
markers, spaces, CRLF/LF and blank lines.

Invariants (the strongest that hold for every input):
1. Every norm character comes from exactly one raw character; raw positions
   strictly increase and stay in bounds (steps only replace one for one or delete).
2. Each norm character is its raw character or that character's image under
   the per-character rewrites (t2s, width table, ASCII→Chinese punctuation,
   line separators → ``\\n``).  Together with 3 this is the precise form of
   "the raw slice of a norm span, normalised, contains the span": re-normalising
   the slice *alone* does not give the span in general, since several decisions
   read the whole document (traditional or not, ruby page or not, header block,
   a comma's neighbours at the slice edge).
3. Raw characters no norm character points at are deletable material only:
   whitespace and line breaks, ruby annotations, ``*`` of markdown bold.
4. to_norm(to_raw(span)) == span for every non-empty norm span, and
   to_raw(to_norm(span)) == span for raw spans whose first and last
   characters survive.
5. Idempotence: normalize(norm_text).text == norm_text.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers import normalize, page_furniture
from normalizers.chinese_script import simplified_char
from normalizers.width import WIDTH_TABLE

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = pytest.mark.slow

SIMPLIFIED = "集群发展产业企业技术创新市县区年亿元万个家到达以上重点提升建设关于意见实施推动"
TRADITIONAL = "業發產關於實施進經濟創區縣個萬億達設屬導團務華專"
RUBY = ["(ji)", "(qun)", "(fa)", "(zhan)", "(ye)", "(shi)", "(e)", "(an)", "(ji)(ji)"]
TOKENS = (
    list(SIMPLIFIED)
    + list(TRADITIONAL)
    + RUBY
    + list("0123456789０１２３４５６７８９")
    + ["(", ")", "（", "）", "(一)", "（二）", "一、", "1.", "1．", "(1)", "①", "第一条"]
    + list("，。；：、,.;:%％“”《》〔〕")
    + ["1,000", "1.5", "2025年", "２０２５年", "RCEP", "GDP", "and", "**", "14:18", "f(x)", "Hello, world"]
    + ["http://a.cn/b(1).htm", "——", "!", "?", "﹒", "．", "（此件公开发布）", "2023年11月11日", "山东省人民政府办公厅"]
    + [" ", "  ", "\u3000", "\t", "\n", "\r\n", "\n\n", "\r\n\r\n", "\n \n"]
)
DELETABLE = set(" \t\u3000\r\n*()abcdefghijklmnopqrstuvwxyzü")
_LINE_BREAKS = {"\r": "\n"}
_ASCII_TO_CHINESE = dict(zip(",:;!?()", "，：；！？（）"))

raw_texts = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)
# documents that are mostly traditional and mostly ruby: exercise the document-level switches
ruby_pages = st.lists(st.sampled_from(list(TRADITIONAL) + RUBY[:6] + ["，", "。", "\n"]), max_size=150).map("".join)
any_text = st.one_of(raw_texts, ruby_pages)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def images(char: str) -> set[str]:
    """A raw character and every form the per-character rewrites can give it."""
    out = {char, simplified_char(char), _LINE_BREAKS.get(char, char)}
    if ord(char) < 0x10000:
        out.add(chr(WIDTH_TABLE[ord(char)]))
    for c in list(out):
        if c in _ASCII_TO_CHINESE:
            out.add(_ASCII_TO_CHINESE[c])
    return out


@SETTINGS
@given(any_text)
def test_each_norm_char_comes_from_one_raw_char_in_order(raw):
    norm = normalize(raw)
    start, end = norm.offsets.src_start, norm.offsets.src_end
    assert len(start) == len(norm.text)
    assert np.all(end - start == 1)
    assert np.all(np.diff(start) > 0)
    if len(start):
        assert start[0] >= 0 and end[-1] <= len(raw)


@SETTINGS
@given(any_text)
def test_norm_chars_are_images_of_their_raw_chars_and_only_deletable_material_is_dropped(raw):
    norm = normalize(raw)
    for i, src in enumerate(norm.offsets.src_start.tolist()):
        assert norm.text[i] in images(raw[src]), (i, raw[src], norm.text[i])
    kept = np.zeros(len(raw), dtype=bool)
    kept[norm.offsets.src_start] = True
    dropped = {raw[i] for i in np.flatnonzero(~kept).tolist()}
    # a line that is a printed page number (GB/T 9704 `— 3 —`, also `——0——`) is page furniture: deletable
    page_lines = {ch for m in page_furniture._PAGE_LINE.finditer("\n" + raw + "\n") for ch in m.group()}
    assert dropped <= DELETABLE | page_lines, dropped - DELETABLE - page_lines


@SETTINGS
@given(any_text, st.data())
def test_spans_round_trip(raw, data):
    norm = normalize(raw)
    n = len(norm.text)
    if n:
        a = data.draw(st.integers(0, n - 1))
        b = data.draw(st.integers(a + 1, n))
        s, e = norm.to_raw(a, b)
        assert 0 <= s < e <= len(raw)
        assert norm.to_norm(s, e) == (a, b)
        # a raw span whose edge characters survive maps back to itself
        kept = norm.offsets.src_start.tolist()
        i = data.draw(st.integers(0, len(kept) - 1))
        j = data.draw(st.integers(i, len(kept) - 1))
        raw_span = (kept[i], kept[j] + 1)
        assert norm.to_raw(*norm.to_norm(*raw_span)) == raw_span


@SETTINGS
@given(any_text)
def test_idempotent(raw):
    once = normalize(raw).text
    assert normalize(once).text == once


@SETTINGS
@given(any_text)
def test_crlf_and_lf_agree(raw):
    lf = raw.replace("\r\n", "\n")
    assert normalize(lf.replace("\n", "\r\n")).text == normalize(lf).text


# ---------------------------------------------------------------- PDF pages
# A PDF export cuts the text at page ends (after any clause) and puts the page number and
# the next page's running header (or a footer, then the number) in between.  Whatever the
# cuts, the furniture goes, every body character stays in order, and a second run is a no-op.
HEADERS = ["江南省人民政府公报　　　　　　2024年第11期", "江南省推进新型工业化行动方案", "江南省人民政府办公厅文件"]
PAGE_NUMBERS = ["— {k} —", "- {k} -", "第{k}页 共9页", "{k}/9", "—{k}—"]
clauses = st.text(alphabet=SIMPLIFIED, min_size=4, max_size=15)
paragraphs = st.lists(clauses, min_size=2, max_size=5).map(lambda cs: "，".join(cs) + "。")
BODY_INTRO = "各市人民政府，省政府各部门：\n"


@st.composite
def paged_documents(draw):
    body = BODY_INTRO + "\n".join(draw(st.lists(paragraphs, min_size=3, max_size=8)))
    cut_points = [i + 1 for i, ch in enumerate(body) if ch in "，。" and i >= len(BODY_INTRO)]
    cuts = sorted(draw(st.sets(st.sampled_from(cut_points[:-1]), min_size=2, max_size=5)))
    header = draw(st.sampled_from(HEADERS))
    number = draw(st.sampled_from(PAGE_NUMBERS))
    footer = draw(st.booleans())  # the running line above the page number instead of below
    pieces, last = [], 0
    for k, cut in enumerate(cuts, 1):
        furniture = [header, number.format(k=k)] if footer else [number.format(k=k), header]
        pieces += [body[last:cut], "\n\n" + "\n".join(furniture) + "\n\n"]
        last = cut
    return body, header, "".join(pieces) + body[last:]


@SETTINGS
@given(paged_documents())
def test_page_furniture_goes_and_the_body_survives(doc):
    body, header, raw = doc
    norm = normalize(raw).text
    assert header.replace("　", "") not in norm.replace(" ", "")
    assert norm.replace("\n", "") == body.replace("\n", "")
    assert normalize(norm).text == norm
