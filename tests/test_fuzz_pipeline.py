"""Fuzzing the normalisers and the whole core (``process_document``) with hypothesis.

Inputs are random mixes of what government documents are made of: simplified
and traditional CJK, pinyin ruby annotations (whole, doubled, cut off),
half/full-width digits, Chinese numerals, every kind of bracket, GB/T 9704
heading markers, money/percent/year fragments, unit names and responsibility
notes, and every kind of line break and blank.

Properties (for every input):
- the only exception is IngestError, and only for the two legitimate reasons
  (nothing to read: stage ``decode``; nothing left after normalisation: stage
  ``normalize``).  ``process_document`` wraps a crash of any stage into an
  IngestError (so a run quarantines instead of dying); such a wrapped crash
  (stage ``sections``/``metadata``/``extract:*``, or an exception chained as its
  cause) is a bug and fails the test;
- every row of every span table and every section row: 0 <= raw_start <=
  raw_end <= len(raw), raw[raw_start:raw_end] == text, 0 <= norm_start <
  norm_end <= len(norm_text), and the norm span maps to the raw span;
- the composed norm->raw map is monotone and in bounds;
- every table's rows fit the published Arrow schema (a row that does not would
  fail the whole batch at publish time);
- the section tree is well formed (ids 1..n in text order, parents earlier and
  at a lower level, ``section_id`` of a span is the innermost section).

Examples are derandomised and there is no example database, so CI runs the same
inputs every time.  ``POLEX_FUZZ_EXAMPLES=5000`` explores more, with fresh
random inputs each run.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import normalizers.pipeline  # noqa: F401  (registers the normalisation steps in order)
from normalizers import normalize, step_order
from pipeline.core.document import RawDocument
from pipeline.errors import IngestError
from pipeline.process import all_schemas, process_document
from pipeline.reading.reader import decode_bytes

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = pytest.mark.slow

# ------------------------------------------------------------------ settings
_EXPLORE = int(os.environ.get("POLEX_FUZZ_EXAMPLES", "0"))
SETTINGS = settings(
    max_examples=_EXPLORE or 500,
    deadline=None,
    derandomize=not _EXPLORE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ------------------------------------------------------------------ vocabulary
SIMPLIFIED = list("集群发展产业企业技术创新市县区省年亿元万个家到达以上重点提升建设关于意见实施推动滨办")
TRADITIONAL = list("濱辦關於發展業產實施進經濟創區縣個萬億達設屬導團務華專億萬")
RUBY = ["(bin)", "(ji)", "(ji)(ji)", "(qun)", "(fa)", "(zhan)", "(ye)", "(e)", "(jia", "(guan)(yu)", "（ji）"]
DIGITS = list("0123456789０１２３４５６７８９")
CN_NUMERALS = list("一二三四五六七八九十百千零两〇")
FULL_WIDTH = list("ＡＢＣａｂｃ％＄．，：；！？＋－＝／～　")
BRACKETS = list("（）()〔〕[]【】《》「」“”‘’<>{}")
HEADINGS = [
    "一、",
    "十二、",
    "（一）",
    "(二)",
    "（ 三 ）",
    "1.",
    "2．",
    "3、",
    "12.",
    "（1）",
    "(2)",
    "①",
    "⑳",
    "第一条",
    "第十二条",
    "第一章",
    "第二节",
    "附件",
    "附件1：",
    "专栏1",
    "19加强",
    "一 、",
    "1 .",
]
FRAGMENTS = [
    "到2025年",
    "到２０２５年",
    "2023年12月",
    "2024年1月1日",
    "至2030年底",
    "自2024年起",
    "每年",
    "三年内",
    "5万元",
    "1.5亿元",
    "不低于100万元",
    "最高500万元",
    "10-20万元",
    "5000元/人",
    "45%",
    "45％",
    "50%以上",
    "提高5个百分点",
    "达到800家",
    "突破1000亿元",
    "千亿级",
    "2个",
    "1,000",
    "0.5",
    "第1",
    "〔2023〕",
    "鲁政办字〔2023〕185号",
    "省科技厅",
    "市工业和信息化局",
    "各区县人民政府",
    "牵头单位：",
    "责任单位:",
    "配合单位：",
    "（责任单位：市科技局）",
    "山东省人民政府办公厅",
    "2023年11月11日",
    "关于",
    "实施意见",
    "行动计划",
    "若干措施",
    "**",
    "[bookmark: _Toc1]",
    "浏览次数：",
    "【打印】",
    "扫一扫在手机打开当前页",
    "RCEP",
    "GDP",
    "%",
    "．",
    "。",
    "；",
    "，",
    "：",
    "、",
    # out-of-range numbers and impossible dates: must give nulls, never a crash or a row the schema refuses
    "999999999999",
    "一千亿",
    "九九九九九九九九九九",
    "第一千亿条",
    "（九九九九九九九九九九九）",
    "到99999年",
    "2023年2月30日",
    "2023年13月45日",
    "0年0月",
    "-5%",
    "1e308",
    "１．５．６",
    "…",
    "——",
    "~",
    "-",
    "99999999999999999999",
    "有效期",
    "有效期为",
    "年内",
    "年",
    "月底前",
    "每",
    "季度",
    "个月",
]
BLANKS = [" ", "  ", "\t", "\u3000", "\n", "\r\n", "\n\n", "\r\n\r\n", "\n \n", "\r", "\u00a0", "\u2028", "\ufeff"]

TOKENS = SIMPLIFIED + TRADITIONAL + RUBY + DIGITS + CN_NUMERALS + FULL_WIDTH + BRACKETS + HEADINGS + FRAGMENTS + BLANKS
token_soup = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)

# Line-structured documents: a heading marker, a body of fragments, an ending, a line break.
_line = st.tuples(
    st.sampled_from(HEADINGS + ["", "", " ", "\u3000\u3000"]),
    st.lists(st.sampled_from(SIMPLIFIED + TRADITIONAL + RUBY + FRAGMENTS + DIGITS), max_size=14).map("".join),
    st.sampled_from(["", "。", "；", "：", "（牵头单位：省科技厅）", "（责任单位：市财政局、市税务局）"]),
    st.sampled_from(["\n", "\r\n", "\n\n", "\r\n\r\n", "", " \n"]),
).map("".join)
structured_doc = st.lists(_line, max_size=25).map("".join)

# Arbitrary Unicode (no surrogates), for characters nobody thought of.
any_unicode = st.text(max_size=60)

documents = st.one_of(token_soup, structured_doc, any_unicode)
cjk_documents = st.one_of(token_soup, structured_doc)

# Web pages: the same vocabulary inside markup, entities, hidden blocks and comments.
MARKUP = [
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<div>",
    "</div>",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<table><tr><td>",
    "</td></tr></table>",
    '<div style="display:none">',
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&nbsp;",
    "&amp;",
    "&#x4e00;",
    "&#20013;",
    "&lt;",
    "&bogus;",
    "<title>",
    "</title>",
    '<meta charset="gbk">',
    "<",
    ">",
    "</",
    "<p class='a",
    '"',
]
html_documents = st.lists(st.sampled_from(TOKENS + MARKUP * 3), max_size=80).map(
    lambda parts: "<!DOCTYPE html><html><body>" + "".join(parts)
)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "big5"]

# Wrapped crashes of these stages are bugs; these two are real reasons to quarantine.
LEGIT_STAGES = {"decode", "normalize"}
SCHEMAS = all_schemas()
SPAN_TABLES = [name for name in SCHEMAS if name not in ("documents", "sections", "quarantine")]


# ------------------------------------------------------------------ helpers
def _process(raw: str):
    """Rows of every table, or None when the document is legitimately quarantined."""
    return _process_at(raw, None)


def _process_at(raw: str, ingested_at: dt.datetime | None):
    doc = RawDocument(doc_id="fuzz.txt", source_path="fuzz.txt", sha256="0" * 64, raw_text=raw, encoding="utf-8")
    try:
        return process_document(doc, ingested_at=ingested_at)
    except IngestError as exc:
        if exc.stage in LEGIT_STAGES and exc.__cause__ is None:
            _assert_quarantine_reason(exc, LEGIT_STAGES)
            return None
        raise AssertionError(f"stage {exc.stage} crashed: {exc.message}") from exc


def _assert_quarantine_reason(exc: IngestError, stages: set[str]) -> None:
    # The CLI prints one `QUARANTINED <path> [<stage>] <reason>` line per document.
    assert exc.stage in stages, exc.stage
    assert exc.message.strip() and "\n" not in exc.message, repr(exc.message)


def _assert_map_consistent(norm, raw_len: int) -> None:
    start, end = norm.offsets.src_start, norm.offsets.src_end
    assert len(start) == len(end) == len(norm.text)
    assert norm.offsets.source_len == raw_len
    if len(start):
        assert start[0] >= 0 and end[-1] <= raw_len
        assert np.all(start < end), "a norm character maps to no raw character"
        assert np.all(np.diff(start) >= 0) and np.all(np.diff(end) >= 0), "norm->raw map not monotone"


def _assert_span(row: dict, raw: str, norm, table: str) -> None:
    rs, re_, ns, ne = row["raw_start"], row["raw_end"], row["norm_start"], row["norm_end"]
    where = f"{table} row {row}"
    assert all(isinstance(v, (int, np.integer)) for v in (rs, re_, ns, ne)), where
    assert 0 <= rs <= re_ <= len(raw), where
    assert 0 <= ns < ne <= len(norm.text), f"empty or out-of-bounds norm span: {where}"
    assert raw[rs:re_] == row["text"], where
    assert norm.to_raw(ns, ne) == (rs, re_), where


def _assert_section_tree(sections: list[dict]) -> None:
    ids = [s["section_id"] for s in sections]
    assert ids == list(range(1, len(sections) + 1))
    starts = [s["norm_start"] for s in sections]
    assert starts == sorted(starts), "sections not in text order"
    level_of = {s["section_id"]: s["level"] for s in sections}
    for s in sections:
        assert s["level"] >= 1
        if s["parent_id"] is not None:
            assert s["parent_id"] < s["section_id"], s
            assert level_of[s["parent_id"]] < s["level"], s


def _assert_innermost_section(row: dict, sections: list[dict]) -> None:
    starts = [s["norm_start"] for s in sections]
    i = bisect.bisect_right(starts, row["norm_start"]) - 1
    assert row["section_id"] == (sections[i]["section_id"] if i >= 0 else None), row


def _check_rows(raw: str, out, paged: bool = False) -> None:
    """The provenance and structure properties of one document's rows (see module docstring)."""
    norm_text = out["documents"][0]["norm_text"]
    assert out["documents"][0]["raw_text"] == raw
    norm = normalize(raw, step_order(paged))  # deterministic: the same map the core used
    assert norm.text == norm_text
    _assert_map_consistent(norm, len(raw))

    sections = out["sections"]
    _assert_section_tree(sections)
    for row in sections:
        _assert_span(row, raw, norm, "sections")
    for table in SPAN_TABLES:
        for row in out.get(table, []):
            _assert_span(row, raw, norm, table)
            _assert_innermost_section(row, sections)


def _encode(text: str, encoding: str) -> bytes | None:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:  # e.g. simplified-only characters in Big5
        return None


# ------------------------------------------------------------------ tests
@SETTINGS
@given(documents)
def test_normalize_never_crashes_and_its_map_is_consistent(raw):
    norm = normalize(raw)
    assert norm.raw_text == raw
    _assert_map_consistent(norm, len(raw))


@SETTINGS
@given(documents, st.data())
def test_normalized_spans_map_back_to_raw(raw, data):
    norm = normalize(raw)
    n = len(norm.text)
    if not n:
        return
    a = data.draw(st.integers(0, n - 1), label="norm_start")
    b = data.draw(st.integers(a + 1, n), label="norm_end")
    rs, re_ = norm.to_raw(a, b)
    assert 0 <= rs < re_ <= len(raw)
    assert norm.to_norm(rs, re_) == (a, b)


@SETTINGS
@given(documents)
@example("")
@example(" \r\n\t\u3000")
@example("一、")
@example("（一）\r\n1.\r\n（1）\r\n①")
@example("集(ji)(ji)群(qun)到2025年(nian)达到800家(jia")
@example("第一章\n第一条 到2025年，投入5万元。\n第二条（牵头单位：省科技厅）")
@example("附件1：\n一、\n（责任单位：）")
def test_process_document_rows_have_exact_provenance(raw):
    out = _process(raw)
    if out is None:
        event("quarantined")
        return
    _check_rows(raw, out)
    for table in ["sections", *SPAN_TABLES]:  # --hypothesis-show-statistics: is extraction exercised?
        if out.get(table):
            event(f"has {table} rows")


# Found by this file: deadlines rows with integers beyond int64 (months of a 20-digit
# validity, the year of "<20 digits>年内"); deadlines.py now bounds years and durations.


@SETTINGS
@given(documents)
@example("有效期99999999999999999999年")
@example("99999999999999999999年内")
@example("千亿亿年内")
def test_process_document_rows_fit_the_published_schemas(raw):
    out = _process(raw)
    if out is None:
        return
    assert set(SCHEMAS) - {"quarantine"} <= set(out), "a table is missing from the core's output"
    for table, schema in SCHEMAS.items():
        if table == "quarantine":
            continue
        try:
            pa.Table.from_pylist(out[table], schema=schema)
        except Exception as exc:  # pyarrow raises ArrowInvalid, OverflowError, TypeError...
            raise AssertionError(
                f"{table} rows do not fit the schema: {type(exc).__name__}: {exc}\nrows: {out[table]}"
            ) from exc


@SETTINGS
@given(cjk_documents)
def test_clean_utf8_and_utf16_text_files_decode_to_exactly_their_text(text):
    # Strict UTF-8 is tried before any guessing, and a BOM is decisive: no room for mojibake.
    if not text.strip() or text.startswith("\ufeff"):
        return
    for data, encoding in ((text.encode("utf-8"), "utf-8"), (text.encode("utf-16"), "utf-16")):
        assert decode_bytes(data, ".txt") == (text, encoding, "text/plain")


@SETTINGS
@given(
    st.one_of(cjk_documents, html_documents),
    st.sampled_from(ENCODINGS),
    st.sampled_from([".txt", ".html", ".htm"]),
    st.one_of(st.none(), st.integers(0, 400)),  # truncate the bytes here (a half-downloaded file)
    st.binary(max_size=8),  # junk appended (a corrupted tail)
)
def test_any_bytes_are_read_or_refused_with_a_reason(text, encoding, suffix, cut, junk):
    data = _encode(text, encoding)
    if data is None:
        return
    data = (data if cut is None else data[:cut]) + junk
    try:
        raw, _, _ = decode_bytes(data, suffix)
    except IngestError as exc:
        _assert_quarantine_reason(exc, {"decode"})
        return
    out = _process(raw)
    if out is not None:
        _check_rows(raw, out)


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from([".txt", ".html"]))
def test_random_bytes_are_read_or_refused_with_a_reason(data, suffix):
    try:
        raw, _, _ = decode_bytes(data, suffix)
    except IngestError as exc:
        _assert_quarantine_reason(exc, {"decode"})
        return
    out = _process(raw)
    if out is not None:
        _check_rows(raw, out)


@settings(SETTINGS, max_examples=max(SETTINGS.max_examples // 3, 50))
@given(documents, documents)
def test_process_document_is_a_pure_function_of_the_document(first, second):
    # Batches run many documents in one process: nothing may leak from one document into the next.
    at = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    before = _process_at(first, at)
    _process_at(second, at)
    assert _process_at(first, at) == before


# A PDF's raw_text: pages joined by form feeds (a page never holds one), with what a PDF
# text layer brings: page numbers, running headers, Kangxi radicals, lines wrapped mid-clause.
PDF_TOKENS = ["— 3 —", "- 12 -", "山东省人民政府公报", "⼭东", "⼈民", "⾏动", "\n"]
_page = st.one_of(
    token_soup, structured_doc, st.lists(st.sampled_from(TOKENS + PDF_TOKENS * 4), max_size=60).map("".join)
)
paged_documents = st.lists(_page.map(lambda page: page.replace("\f", "")), min_size=1, max_size=6)


@SETTINGS
@given(paged_documents)
@example(["（一）到2025年，规模以上企业达到800家。\n— 1 —", "（二）投入5万元。\n— 2 —"])
@example(["到2025", "年，企业达到800家。", ""])
def test_paged_documents_have_exact_provenance_and_right_pages(pages):
    raw = "\f".join(pages)
    starts = [sum(len(p) + 1 for p in pages[:k]) for k in range(len(pages))]
    doc = RawDocument("fuzz.pdf", "fuzz.pdf", "0" * 64, raw, "pdf", "application/pdf", starts)
    try:
        out = process_document(doc)
    except IngestError as exc:
        assert exc.stage in LEGIT_STAGES and exc.__cause__ is None, exc.message
        return
    _check_rows(raw, out, paged=True)
    assert out["documents"][0]["pages"] == len(pages)
    for table in ["sections", *SPAN_TABLES]:
        for row in out[table]:
            assert row["page"] == 1 + raw.count("\f", 0, row["raw_start"]), (table, row)
        pa.Table.from_pylist(out[table], schema=SCHEMAS[table])
