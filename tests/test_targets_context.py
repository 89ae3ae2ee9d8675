"""Targets extractor in isolation: deadline_year and context come from the rows
and sections it is given, not from the other extractors' current behaviour."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import targets
from pipeline.core.document import DocumentMeta, ExtractContext, NormalizedText, Section
from pipeline.core.offsets import OffsetMap


def _ctx(text: str, deadlines=(), sections=(), issue_date=None) -> ExtractContext:
    norm = NormalizedText(raw_text=text, text=text, offsets=OffsetMap.identity(len(text)))
    ctx = ExtractContext(doc_id="t", norm=norm, sections=list(sections), meta=DocumentMeta(issue_date=issue_date))
    ctx.results["deadlines"] = list(deadlines)
    return ctx


def _by(text: str, phrase: str, year: int, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return {"norm_start": start, "norm_end": start + len(phrase), "kind": "by", "year": year}


def test_deadline_governs_only_its_paragraph():
    text = "到2025年，高新技术企业达到500家。\n培育瞪羚企业100家。"
    rows = targets.extract(_ctx(text, [_by(text, "到2025年", 2025)]))
    by_value = {r["value"]: r for r in rows}
    assert by_value[500]["deadline_year"] == 2025
    assert by_value[100]["deadline_year"] is None


def test_nearest_preceding_deadline_wins():
    text = "到2023年，规模以上企业达到650家；到2025年，规模以上企业达到800家。"
    deadlines = [_by(text, "到2023年", 2023), _by(text, "到2025年", 2025)]
    rows = targets.extract(_ctx(text, deadlines))
    assert [(r["value"], r["deadline_year"]) for r in rows] == [(650, 2023), (800, 2025)]


def test_deadline_opening_a_section_governs_its_later_paragraphs():
    text = "二、主要目标\n到2027年，产业体系更加完善。\n——数字经济核心产业增加值占GDP比重达到15%。"
    heading_end = text.index("\n")
    section = Section(
        section_id=1, parent_id=None, level=1, number=2, heading="主要目标", norm_start=0, norm_end=heading_end
    )
    rows = targets.extract(_ctx(text, [_by(text, "到2027年", 2027)], [section]))
    assert [(r["value"], r["deadline_year"]) for r in rows] == [(15, 2027)]


def test_without_any_goal_context_a_bare_count_is_not_a_target():
    text = "该县现辖12个乡镇。"
    assert targets.extract(_ctx(text)) == []


def test_bare_year_before_issue_year_marks_a_present_statement():
    text = "2022年，全市高新技术企业达到1200家。"
    assert targets.extract(_ctx(text, issue_date="2023-03-01")) == []
    # the same wording with a future year is a goal
    future = "2026年，全市高新技术企业达到1500家。"
    rows = targets.extract(_ctx(future, issue_date="2023-03-01"))
    assert [(r["value"], r["comparator"]) for r in rows] == [(1500, ">=")]


_PIECES = st.sampled_from(
    [
        "到2025年，",
        "规模以上企业",
        "达到",
        "800家",
        "以上",
        "、",
        "，",
        "。",
        "\n",
        "每年",
        "培育",
        "3个",
        "世界级集群",
        "百亿级",
        "给予",
        "10万元",
        "奖励",
        "分别",
        "均",
        "50%",
        "左右",
        "（",
        "）",
        "从",
        "向",
        "两个",
        "“",
        "”",
        "1.5个百分点",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_rows_are_well_formed_on_any_mix(pieces):
    text = "".join(pieces)
    rows = targets.extract(_ctx(text))
    for row in rows:
        assert 0 <= row["norm_start"] < row["norm_end"] <= len(text)
        assert math.isfinite(row["value"])
        assert row["comparator"] in {">=", ">", "<=", "~", "="}
        assert row["recurring"] in {None, "annual"}
        assert row["value_max"] is None or row["value_max"] >= row["value"]


def test_subsidy_rule_suppresses_only_its_own_clauses():
    text = "每年新建公共充电站30座以上，对新建充电站按照设备投资的20%给予补助，最高不超过100万元。"
    rows = targets.extract(_ctx(text))
    assert [(r["value"], r["unit"], r["comparator"]) for r in rows] == [(30, "座", ">=")]


def test_budget_is_not_a_target_but_leveraged_money_is():
    text = "市财政每年安排专项资金3亿元，带动企业技改投资超过150亿元。"
    rows = targets.extract(_ctx(text))
    assert [(r["value"], r["unit"], r["comparator"]) for r in rows] == [(150, "亿元", ">")]


def test_within_deadline_makes_a_goal():
    text = "三年内，全市持证技能人才2000名以上。"  # no verb: only the deadline says it is a goal
    phrase = "三年内"
    within = {"norm_start": 0, "norm_end": len(phrase), "kind": "within", "year": None, "months": 36}
    assert targets.extract(_ctx(text)) == []  # no goal context without the deadline row
    rows = targets.extract(_ctx(text, [within]))
    assert [(r["value"], r["unit"], r["comparator"]) for r in rows] == [(2000, "名", ">=")]


def test_indicator_table_target_column_is_the_latest_year():
    text = "指标\t单位\t2023年\t2026年\n新能源汽车产量\t万辆\t12\t30以上\n"
    rows = targets.extract(_ctx(text, issue_date="2024-01-10"))
    assert [(r["indicator"], r["value"], r["unit"], r["comparator"], r["deadline_year"]) for r in rows] == [
        ("新能源汽车产量", 30, "万辆", ">=", 2026)
    ]
    assert text[rows[0]["norm_start"] : rows[0]["norm_end"]] == "新能源汽车产量\t万辆\t12\t30以上"


_CELLS = st.sampled_from(
    [
        "指标",
        "指标名称",
        "单位",
        "2022年",
        "2025年",
        "2025年目标",
        "亿元",
        "%",
        "1500",
        "≥2.5",
        "5.5以内",
        "约3",
        "—",
        "",
        "（%）",
        "规上工业增加值",
        "3-5",
        "目标值",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=6), max_size=6), st.sampled_from(["\t", "|"]))
def test_table_rows_are_well_formed_on_any_grid(grid, sep):
    text = "".join(sep.join(row) + "\n" for row in grid)
    for row in targets.extract(_ctx(text, issue_date="2023-06-01")):
        assert 0 <= row["norm_start"] < row["norm_end"] <= len(text)
        assert math.isfinite(row["value"])
