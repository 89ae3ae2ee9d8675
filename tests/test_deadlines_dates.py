"""deadlines: written days become datetime.date (the JSONL runner cannot compare dates)."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import get
from pipeline.core.document import DocumentMeta, ExtractContext, NormalizedText
from pipeline.core.offsets import OffsetMap
from pipeline.core.schema import span_table_schema

EXTRACTOR = get("deadlines")


def _rows(text: str, issue_date: str | None = None):
    norm = NormalizedText(text, text, OffsetMap.identity(len(text)))
    ctx = ExtractContext(doc_id="t", norm=norm, meta=DocumentMeta(issue_date=issue_date))
    return EXTRACTOR.extract(ctx)


@pytest.mark.parametrize(
    "text,issue,date",
    [
        ("自2022年12月24日起施行", None, dt.date(2022, 12, 24)),
        ("有效期至2025年12月23日。", None, dt.date(2025, 12, 23)),
        ("须于2024年12月31日前提交", "2024-01-01", dt.date(2024, 12, 31)),
        ("须于9月30日前提交", "2024-01-01", dt.date(2024, 9, 30)),
        ("自印发之日起施行", "2023-05-06", dt.date(2023, 5, 6)),
        ("2025年底前完成", None, None),
        ("到2025年6月，完成", None, None),
        ("须于2月30日前提交", "2024-01-01", None),  # no such day: keep the row, drop the date
    ],
)
def test_written_day_gives_a_date(text, issue, date):
    rows = _rows(text, issue)
    assert len(rows) == 1
    assert rows[0]["date"] == date


def test_month_only_without_any_year_has_null_year():
    (row,) = _rows("各地于6月底前报送")
    assert row["kind"] == "by" and row["year"] is None and row["date"] is None


def test_past_by_dates_are_dropped_when_the_document_year_is_known_or_the_sentence_reports_a_state():
    text = "截至2022年底，全市企业达到500家。"
    assert _rows(text, "2023-06-01") == []
    assert [r["year"] for r in _rows(text, None)] == [2022]
    # 截至…已有: a state report whatever the document's year (CONVENTIONS: not a bound)
    assert _rows("截至2022年底，全市已有企业500家。", None) == []


def test_rows_fit_the_declared_arrow_schema():
    text = "到2025年，每三年复核一次，3年内完成，自2022年12月24日起施行，有效期至2025年12月23日。"
    rows = _rows(text, "2022-11-23")
    assert [r["kind"] for r in rows] == ["by", "recurring", "within", "from", "until"]
    schema = pa.schema([pa.field("norm_start", pa.int64()), pa.field("norm_end", pa.int64())] + EXTRACTOR.columns)
    table = pa.Table.from_pylist([{k: r[k] for k in schema.names} for r in rows], schema=schema)
    assert table.column("date").to_pylist()[3] == dt.date(2022, 12, 24)
    assert span_table_schema(EXTRACTOR.columns).field("year").type == pa.int64()


def _rows_meta(text: str, issue_date: str | None = None, title: str | None = None):
    norm = NormalizedText(text, text, OffsetMap.identity(len(text)))
    meta = DocumentMeta(issue_date=issue_date, title=title)
    return EXTRACTOR.extract(ExtractContext(doc_id="t", norm=norm, meta=meta))


@pytest.mark.parametrize(
    "text,issue,title,expected",
    [
        ("2024年，全市新增企业100家。", "2024-03-01", None, [2024]),
        ("2025年，全市新增企业100家。", "2024-03-01", None, [2025]),  # a later year is still a goal
        ("2024年，全市新增企业100家。", None, "北京市2024年工作要点", [2024]),  # year from the title
        ("2024年，全市新增企业100家。", None, None, []),  # doc year unknown: never
        ("2023年，全市新增企业100家。", "2024-03-01", None, []),  # past year
        ("2024年是攻坚之年，要实现突破。", "2024-03-01", None, []),  # a predicate about the year
        ("2024年，全市已新增企业100家。", "2024-03-01", None, []),  # a report, not a goal
        ("2024年，全市召开推进会议。", "2024-03-01", None, []),  # no goal word
        ("比2024年新增企业100家。", "2024-03-01", None, []),  # not opening a clause
        ("要加大支持力度，2024年新增授信不低于100亿元。", "2024-03-01", None, [2024]),  # clause opening
    ],
)
def test_bare_year_is_a_bound_only_when_it_opens_a_goal(text, issue, title, expected):
    rows = _rows_meta(text, issue, title)
    assert [r["year"] for r in rows if r["kind"] == "by"] == expected


def test_days_after_publication_move_the_from_date():
    (row,) = _rows("本规定自发布之日起30日后施行。", "2024-01-15")
    assert (row["kind"], row["year"], row["date"]) == ("from", 2024, dt.date(2024, 2, 14))
    (row,) = _rows("本规定自发布之日起30日后施行。", "2023-12-10")
    assert row["year"] == 2024  # the year of the effective date, not of the issue


def test_day_durations_have_no_months_and_values_to_reach_are_no_bounds():
    rows = _rows("应在10个工作日内办结，7天内反馈，办理时间压缩至3个工作日以内。")
    assert [(r["kind"], r["months"]) for r in rows] == [("within", None), ("within", None)]


# The guard lookaheads (tests/test_scan_guards.py) over the fragments the
# branches added for other provinces' wording (按季度, 工作日, 期间, cycles).
NEW_FRAGMENTS = [
    "按",
    "季",
    "季度",
    "月度",
    "半年度",
    "一年一",
    "三年一轮",
    "一次",
    "一次性",
    "评估",
    "工作日",
    "个",
    "天",
    "日",
    "内",
    "以内",
    "期间",
    "“十四五”",
    "十三五",
    "末",
    "前后",
    "自发布之日起",
    "30日后",
    "今年",
    "明年",
    "年底前",
    "2024",
    "年",
    "，",
    "。",
    "\n",
    "达到",
    "新增",
    "是",
    "已",
    "同比",
    "压缩至",
    "控制在",
    "6",
    "月",
    "底",
    " ",
    "来临",
    "到来",
    "之前",
    "入冬",
    "汛期",
    "迎峰度夏",
    "0402",
    "4549",
    "65月",
    "81日",
    "起",
]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(NEW_FRAGMENTS), max_size=30))
def test_guard_keeps_every_match_of_the_new_branches(pieces):
    import re

    import extractors.deadlines as mod

    text = "".join(pieces)
    unguarded = re.compile(f"(?:{mod.RULES.body})")
    assert [(m.span(), m.groups()) for m in mod.RULES.pattern.finditer(text)] == [
        (m.span(), m.groups()) for m in unguarded.finditer(text)
    ]


GARBLED_YEARS = st.integers(1, 9999).filter(lambda y: not 1900 <= y < 2200)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(year=GARBLED_YEARS, issue=st.sampled_from([None, "2021-03-01"]))
def test_a_garbled_year_is_kept_as_written_in_a_bound_frame_and_never_past(year, issue):
    """CONVENTIONS: garbled digits are never decoded; the frame (到…年, …年底前, …年起) makes them a year."""
    written = f"{year:04d}"
    assert [(r["kind"], r["year"]) for r in _rows(f"到{written}年，全市新增企业100家。", issue)] == [("by", year)]
    assert [(r["kind"], r["year"]) for r in _rows(f"{written}年底前建成10个基地。", issue)] == [("by", year)]
    assert [(r["kind"], r["year"]) for r in _rows(f"{written}年起，实施提质工程。", issue)] == [("from", year)]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(year=GARBLED_YEARS)
def test_a_garbled_year_outside_a_bound_frame_is_no_deadline(year):
    written = f"{year:04d}"
    assert _rows(f"距今{written}年前，先民在此定居。", "2021-03-01") == []
    assert _rows(f"对{written}年6月6日前认定的园区，按原政策执行。", "2021-03-01") == []
    assert _rows(f"共有{written}年历史。", "2021-03-01") == []
