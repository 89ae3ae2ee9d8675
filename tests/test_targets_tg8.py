"""The TG8 target rules' guards (issue 11: realblind6's target errors by convention, after its blind measurement).

Each rule's examples run in tests/test_extractor_examples.py (extractors/examples/targets.jsonl, sources
`realblind6 … (TG8)` and the guards `(TG8 guard)`); here the patterns' edges and one property: a schedule's
years never govern the sentences after it, whatever the years.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import extractors.target_patterns as P
from tests.test_extractor_examples import _run


def _targets(text: str) -> list[dict]:
    _, rows = _run({"text": text, "rows": []})
    return rows["targets"]


@given(st.lists(st.integers(min_value=2024, max_value=2030), min_size=2, max_size=3, unique=True))
def test_a_schedules_years_govern_their_own_sentence_only(years):
    clauses = "，".join(f"{year}年建设{10 + k}个示范项目" for k, year in enumerate(years))
    text = f"二、主要目标\n　　{clauses}。计划培育100家以上示范企业。"
    rows = {row["text"]: row for row in _targets(text)}
    assert rows["100家以上示范企业"]["deadline_year"] is None
    assert rows["10个示范项目"]["deadline_year"] == years[0]


def test_a_leading_year_clause_needs_a_comma_and_no_figure_after_it():
    assert P.LEAD_YEAR_CLAUSE.match("，全省…", 0)
    assert not P.LEAD_YEAR_CLAUSE.match("启动50个…", 0)
    assert P.LEAD_YEAR_OPENING.fullmatch("　　力争")
    assert not P.LEAD_YEAR_OPENING.fullmatch("定量指标提出：")


def test_a_yearly_frame_is_a_time_clause_only():
    assert P.RECURRING_FRAME.match("期间每年10月底前，下发通知")
    assert P.RECURRING_FRAME.match("今后每年，确定")
    assert not P.RECURRING_FRAME.match("每年滚动遴选发布三张清单，推出")


def test_each_with_a_verb_splits_its_items_and_each_before_a_count_stays_the_older_rule():
    found = P.EACH_VERB_BEFORE.search("在东部和西部地区各选择")
    assert found and found.group("items") == "东部和西部地区"
    assert P.EACH_VERB_BEFORE.search("在东部地区各选择") is None  # one item: nothing to distribute


def test_plan_descriptions_are_recognised_and_goals_are_not():
    assert P.INDICATOR_COUNT_AFTER.match("项体现本地特色的指标。", 1)
    assert not P.INDICATOR_COUNT_AFTER.match("个智能工厂。", 1)
    assert P.TARGET_MARGIN_BEFORE.search("比省定目标高出")
    assert not P.TARGET_MARGIN_BEFORE.search("比2020年提高")  # a baseline year: the goal's own direction
    assert P.ROUND_THE_CLOCK.match("24小时无人值守加工")
    assert not P.ROUND_THE_CLOCK.match("24小时内办结")


def test_a_list_markers_digit_opens_no_alternative_but_a_rate_before_or_does():
    assert not P.ALTERNATIVE.search("1.错评率或漏评率不大于1%")
    assert P.ALTERNATIVE.search("补助50%或最高不超过100万元")


def test_a_bare_wan_yi_yuan_after_a_comparator_is_one_and_a_class_word_is_not():
    rows = _targets("到2027年，带动相关产业规模超万亿元。")
    assert [(r["value"], r["unit"], r["comparator"]) for r in rows] == [(1.0, "万亿元", ">")]
    assert not [r for r in _targets("到2027年，打造超万亿元级产业集群。") if r["unit"] == "万亿元"]
