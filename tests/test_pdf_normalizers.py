"""The PDF normalisers' offset maps, by property (hypothesis), alone and composed into the
step order of paged formats (``step_order(paged=True)``: ``ideographs`` after ``newlines``,
``pdf_wraps`` after ``boilerplate``)."""

from __future__ import annotations

import unicodedata

import numpy as np
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from normalizers import normalize, step_order
from normalizers.chinese_script import simplified_char
from normalizers.ideographs import TABLE, unified_char, unify_ideographs
from normalizers.pdf_wraps import column_width, join_wraps, wrap_spans
from normalizers.width import WIDTH_TABLE

SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
LOOKALIKES = "⼭⼈⾏⼯⼤⽣⽤⻔⻅⻓⻢⺠⺟⻳行﨑﨎" + "".join(
    chr(c) for c in (0x2F00, 0x2FD5, 0xF900, 0xFAD9, 0x2F800, 0x2FA1D)
)
HAN = "山人行工大生用门见长马民母龟集群发展产业企业技术创新市县区年亿元万个家到达"
PUNCT = "，。；：、（）“”《》"
TOKENS = list(HAN + LOOKALIKES + PUNCT) + [
    "（一）",
    "一、",
    "1.",
    "2025年",
    "100万元",
    " ",
    "\u3000",
    "\t",
    "\n",
    "\n\n",
    "\f",
    "— 3 —",
    "RCEP",
]
texts = st.lists(st.sampled_from(TOKENS), max_size=150).map("".join)


PAGED = step_order(paged=True)  # the steps a PDF's text goes through


# ----------------------------------------------------------------------------- ideographs
def test_table_maps_to_unified_ideographs_only():
    for src, dst in TABLE.items():
        assert unicodedata.name(chr(dst)).startswith("CJK UNIFIED IDEOGRAPH"), hex(src)
    assert unified_char("⼭") == "山" and unified_char("⻔") == "门" and unified_char("行") == "行"
    assert unified_char("﨎") == "﨎"  # a unified ideograph in the compatibility block stays
    assert unify_ideographs("⼭东省⼈民政府⾏政")[0] == "山东省人民政府行政"


def test_every_look_alike_is_found_alone_and_no_other_character():
    # the step's pre-scan is a regex class of ranges built from TABLE: it must hold exactly TABLE
    for cp in TABLE:
        assert unify_ideographs(f"省{chr(cp)}府")[0] == f"省{chr(TABLE[cp])}府", hex(cp)
    for cp in {cp + d for cp in TABLE for d in (-1, 1)} - set(TABLE):
        assert unify_ideographs(chr(cp))[0] == chr(cp), hex(cp)


@SETTINGS
@given(texts)
def test_ideographs_map_one_for_one(raw):
    out, offsets = unify_ideographs(raw)
    assert len(out) == len(raw) and offsets.is_identity and offsets.source_len == len(raw)
    assert all(o == unified_char(r) for o, r in zip(out, raw))
    assert not any(ord(c) in TABLE for c in out)
    assert unify_ideographs(out)[0] == out


# ----------------------------------------------------------------------------- pdf_wraps
def _wrapped(paragraphs: list[str], width: int, furniture_every: int) -> str:
    """Paragraphs laid out as a PDF text layer (GB/T 9704: 28 characters a line; here 20 to
    30), wrapped at ``width`` CJK characters with a
    two-character first-line indent (not in the text), page furniture every few lines."""
    lines = []
    for para in paragraphs:
        room, pos = width - 2, 0
        while pos < len(para):
            lines.append(para[pos : pos + room])
            pos += room
            room = width
    # the running header is known by its repeats; a body line repeated next to page numbers
    # would be taken for one (as page_furniture documents): real bodies do not repeat lines
    assume(len(set(lines)) == len(lines))
    out = []
    for k, line in enumerate(lines, 1):
        out.append(line)
        if k % furniture_every == 0 and k < len(lines):  # a page ends: its number, the next header
            out.append(f"— {k // furniture_every} —\f江南省人民政府公报")
    return "\n".join(out)


clauses = st.text(alphabet=HAN, min_size=4, max_size=24)
paragraphs = st.lists(clauses, min_size=2, max_size=6).map(lambda cs: "，".join(cs) + "。")
INTRO = "各市人民政府，省政府各部门："


# Short paragraphs: as many indented first lines (36 units) as full ones (40), neither a quarter of
# the long lines alone; the first lines count for the column (Hypothesis found it).
SHORT_PARAGRAPHS = [
    "万万万万，万万万万。",
    "万万万万，万万万万万。",
    "万万万万万万万万万万万万，万万万万万万万万万万万个。",
    "万万万万，万万万万，万万万万。",
    "万万万万万万万万万万万万万万万万万万万万万，万万万万，万万万万万，万万万万万万万万万万万业。",
    "万万万万，万万万万，万万万万万万万万万万万万万万，万万万万万万万万万万万万万万万万万万万万，万万万万万万万万万万万万万万万万万万万。",
]


@SETTINGS
@given(st.lists(paragraphs, min_size=4, max_size=10), st.integers(20, 30), st.integers(5, 12))
@example(SHORT_PARAGRAPHS, 20, 5)
def test_wrapped_paragraphs_come_back_whole(paras, width, every):
    raw = INTRO + "\n" + _wrapped(paras, width, every)
    assume(raw.count("\f") >= 2)  # a running header is known by its repeats
    norm = normalize(raw, PAGED).text
    assert norm.split("\n") == [INTRO, *paras]
    assert normalize(norm, PAGED).text == norm


@SETTINGS
@given(texts)
def test_pdf_wraps_only_delete_blanks_and_are_idempotent(raw):
    out, offsets = join_wraps(raw)
    start, end = offsets.src_start, offsets.src_end
    assert np.all(end - start == 1) and np.all(np.diff(start) > 0)
    assert "".join(raw[i] for i in start.tolist()) == out
    kept = np.zeros(len(raw), dtype=bool)
    kept[start] = True
    assert all(raw[i].isspace() for i in np.flatnonzero(~kept).tolist())
    assert wrap_spans(out) == [] or join_wraps(out)[0] == out


def test_paragraph_text_is_left_alone():
    text = "\n".join(
        ["为深入贯彻党中央、国务院关于大力发展先进制造业集群的重大战略部署，制定如下实施意见", "（一）总体要求"] * 6
    )
    assert wrap_spans(text) == []  # every line ends a paragraph: no column width to find


def test_a_number_cut_by_the_margin_is_joined_and_latin_words_are_not():
    """A full line of a Chinese column ends where the column does: ``达到200`` / ``0亿元`` is one number
    (LY1's hard_wrap layout); two Latin words (``Open`` / ``Source``) keep their break."""
    full = "推动数字经济高质量发展，全市数字经济核心产业规模达到200"
    lines = [full, "0亿元，培育一批龙头企业，加快建设数字先锋城市，打造Open", "Source软件生态，形成完整产业链条。"] * 3
    out, _ = join_wraps("\n".join(lines))
    assert "规模达到2000亿元" in out
    assert "Open\nSource" in out


# ----------------------------------------------------------------------------- composed
def _images(char: str) -> set[str]:
    out = {
        char,
        unified_char(char),
        simplified_char(char),
        simplified_char(unified_char(char)),
        "\n" if char in "\r\f" else char,
    }
    for c in list(out):
        if ord(c) < 0x10000:
            out.add(chr(WIDTH_TABLE[ord(c)]))
    out |= {dict(zip(",:;!?()", "，：；！？（）")).get(c, c) for c in list(out)}
    return out


@SETTINGS
@given(texts)
def test_composed_paged_normalisation_keeps_provenance(raw):
    norm = normalize(raw, PAGED)
    start, end = norm.offsets.src_start, norm.offsets.src_end
    assert len(start) == len(norm.text)
    assert np.all(end - start == 1) and np.all(np.diff(start) > 0)
    for i, src in enumerate(start.tolist()):
        assert norm.text[i] in _images(raw[src]), (raw[src], norm.text[i])
    n = len(norm.text)
    if n:
        s, e = norm.to_raw(0, n)
        assert norm.to_norm(s, e) == (0, n)
    assert normalize(norm.text, PAGED).text == norm.text


def test_column_width_counts_indented_first_lines_for_their_column():
    # 3 full lines (40 units), 3 indented first lines (36), last lines shorter: 6 of 13 long lines
    widths = [40, 40, 40, 36, 36, 36, 30, 28, 26, 24, 22, 20, 18]
    assert column_width(widths) == 40
    # a column's own lines must be there: two overlong lines do not make the indented ones theirs
    assert column_width([36] * 8 + [40] * 1 + [30, 28, 26]) == 36
