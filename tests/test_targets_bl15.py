"""The BL15 target rules (issue 11: realwr2's and realblind14's target errors by convention).

Each rule's examples run in tests/test_extractor_examples.py (extractors/examples/targets.jsonl, sources `BL15` and the
guards `BL15 guard`); here the patterns' edges and properties over the class each rule is written for.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractors.target_patterns as P
from tests.test_extractor_examples import _run

WORK_PART = "二、2025年工作安排\n　　"


def _targets(text: str) -> list[dict]:
    _, rows = _run({"text": text, "rows": []})
    return rows["targets"]


@pytest.mark.parametrize("word", ["力争", "争取", "确保"])
def test_a_resolve_frames_a_goal(word):
    assert P.RESOLVE.fullmatch(word)


def test_a_resolve_reported_done_frames_none():
    assert P.RESOLVE.match("确保了") is None


@pytest.mark.parametrize("word", ["同比", "比上年", "较上年"])
def test_year_on_year_comparisons_are_baselines(word):
    assert P.YEAR_ON_YEAR.fullmatch(word)
    assert P.BASELINE_START.match(word + "增长")


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["力争", "争取", "确保"]),
    st.sampled_from(["同比", "比上年", "较上年"]),
    st.sampled_from(["增长", "下降"]),
    st.integers(min_value=1, max_value=30),
)
def test_a_year_on_year_goal_after_a_resolve_is_read(resolve, baseline, verb, n):
    rows = _targets(f"{WORK_PART}{resolve}全年货物进出口总额{baseline}{verb}{n}%左右。")
    assert [(r["value"], r["unit"], r["comparator"]) for r in rows] == [(n, "%", "~")]


@pytest.mark.parametrize("baseline", ["同比", "比上年", "较上年"])
def test_the_same_comparison_without_a_resolve_states_the_present(baseline):
    assert _targets(f"{WORK_PART}全年货物进出口总额{baseline}增长15%左右。") == []


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["力争", "力争使", "争取", "确保"]),
    st.integers(min_value=5, max_value=95),
    st.sampled_from(["县（市、区）", "乡镇", "园区"]),
)
def test_a_share_written_first_after_a_resolve_is_a_goal(resolve, n, place):
    rows = _targets(f"三、主要任务\n　　{resolve}{n}%的{place}通过省级验收。")
    assert [(r["text"], r["value"], r["indicator"]) for r in rows] == [
        (f"{n}%的{place}", n, f"通过省级验收的{place}占比")
    ]


@pytest.mark.parametrize("opening", ["", "全省", "经评估，"])
def test_the_same_share_without_a_resolve_is_none_in_a_task_part(opening):
    assert _targets(f"三、主要任务\n　　{opening}30%的县通过省级验收。") == []


@pytest.mark.parametrize("size", ["超过1000人", "不少于500人", "500人以上", "1000人以下"])
def test_a_bounded_size_before_guimo_de_names_a_class(size):
    assert _targets(f"三、主要任务\n　　到2025年，{size}规模的学校配备专职教师。") == []


def test_an_unbounded_size_before_guimo_de_is_no_class_threshold():
    rows = _targets("三、主要任务\n　　到2025年，组建一支1000人规模的应急救援队伍。")
    assert [(r["value"], r["unit"]) for r in rows] == [(1000, "人")]


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["每个乡镇", "每个县（市、区）", "每个设区的市"]),
    st.sampled_from(["建成", "建设", "打造"]),
    st.sampled_from([("一所", "所", "示范学校"), ("一个", "个", "实训基地"), ("两个", "个", "实训基地")]),
)
def test_a_floor_before_the_act_of_a_plain_count_gives_a_per_unit_goal(place, act, count):
    numeral, unit, noun = count
    rows = _targets(f"三、主要任务\n　　{place}至少{act}{numeral}{noun}。")
    assert [(r["text"], r["unit"], r["comparator"], r["indicator"]) for r in rows] == [
        (numeral + noun, unit, ">=", place + noun)
    ]


@pytest.mark.parametrize("unit", sorted(P.FREQUENCY_UNITS))
def test_a_floor_before_a_plain_frequency_is_no_count(unit):
    assert _targets(f"三、主要任务\n　　每年至少开展一{unit}检查。") == []


@pytest.mark.parametrize(
    ("clause", "indicator"),
    [
        ("全年装配式建筑占70%以上", "装配式建筑占比"),  # a bare 占: the share named
        ("全年装配式建筑占比达到70%以上", "装配式建筑占比"),  # written out: not doubled
        ("全年装配式建筑比重达到70%以上", "装配式建筑比重"),  # another rate noun: kept
    ],
)
def test_a_bare_share_verb_measures_the_share(clause, indicator):
    assert [r["indicator"] for r in _targets(f"{WORK_PART}{clause}。")] == [indicator]
