"""The TG13 target rules (issue 11 item 4: realwr's target errors by convention, 政府工作报告 and a 通告).

Each rule's examples run in tests/test_extractor_examples.py (extractors/examples/targets.jsonl, sources `… (TG13)` and
the guards `(TG13 guard)`); here the patterns' edges, and properties over the classes the rules are written for (a
count of people with 万 whatever the people noun; an upgrade task whatever its verb), so that a precheck written
for other rules cannot skip them unseen.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractors.target_clauses as K
import extractors.target_patterns as P
from extractors import targets
from tests.test_extractor_examples import _run

PLAN = "二、2024年重点工作\n　　"


def _targets(text: str) -> list[dict]:
    _, rows = _run({"text": text, "rows": []})
    return rows["targets"]


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=2, max_value=99),
    st.sampled_from(["城镇就业困难人员", "农村劳动力", "持证残疾人", "困境留守儿童", "高校毕业生", "失能老年人"]),
)
def test_a_count_of_people_with_wan_alone_is_read_as_wan_ren(n, people):
    rows = _targets(f"{PLAN}帮助{n}万{people}实现就业。")
    assert [(r["text"], r["value"], r["unit"]) for r in rows] == [(f"{n}万{people}", n, "万人")]


def test_people_after_wan_needs_a_people_noun_and_leaves_written_units_alone():
    count = re.compile(P.COUNT_PATTERN)
    assert count.match("12万城镇就业困难人员").group("people") == ""
    assert count.match("12万平方米").group("unit") == "平方米"  # a unit written wins
    assert count.match("12万吨钢铁").group("unit") == "吨"
    assert count.match("12万城镇道路") is None  # no people noun: no count
    assert count.match("12城镇就业困难人员") is None  # 万 is what elides the measure word


def test_plain_chinese_wan_before_people_is_no_count():
    assert _targets(f"{PLAN}让千万市民群众共享发展成果。") == []


@pytest.mark.parametrize("verb", ["做优做强", "做强", "壮大", "发展壮大", "做大做强", "提升", "改造提升", "巩固提升"])
def test_counts_of_sets_after_upgrade_verbs_are_no_targets(verb):
    # CONVENTIONS "upgrade verbs" (GR1): the clusters exist, the goal is qualitative; realdev set_e moved to agree
    # with realwr's 做优做强12条重点产业链
    assert _targets(f"{PLAN}{verb}8个精深加工集群。") == []


@pytest.mark.parametrize("verb", ["培育壮大", "培育", "新建", "打造", "形成", "新增"])
def test_counts_after_verbs_that_form_or_add_the_set_stay_targets(verb):
    assert [r["value"] for r in _targets(f"{PLAN}{verb}8个精深加工集群。")] == [8]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["做优做强", "做强", "壮大", "提升", "改造提升"]),
    st.sampled_from(["乡镇消防救援站", "老旧小区", "农贸市场", "美食街区"]),
)
def test_upgrade_works_on_facilities_keep_their_counts(verb, facility):
    assert [r["value"] for r in _targets(f"{PLAN}{verb}20个{facility}。")] == [20]


def test_classes_of_people_are_no_count_classes_of_things_are():
    assert P.PEOPLE_CLASSES_AFTER.match("特殊困难老年人探访")
    assert P.PEOPLE_CLASSES_AFTER.match("重点群体")
    assert not P.PEOPLE_CLASSES_AFTER.match("高频电子证照")


def test_land_after_an_area_is_mass_a_district_is_countable():
    assert P.LAND_AFTER.match("高标准农田建设任务")
    assert not P.LAND_AFTER.match("大型灌区")


def test_each_with_a_kept_verb_and_relaxed_caps():
    assert P.EACH_KEPT_VERB.search("A、B各新增").group("verb") == "新增"
    assert P.EACH_KEPT_VERB.search("A、B各新增加") is None
    assert P.RULE_RELAXED.search("用药量放宽至")
    assert not P.RULE_RELAXED.search("用药量延长至")


def test_a_plants_capacity_after_its_name_but_not_after_the_verb():
    assert _targets(f"{PLAN}加快推进兖矿新疆煤化工年产6万吨三聚氰胺等项目建设。") == []
    assert [r["value"] for r in _targets(f"{PLAN}新增乙烯产能120万吨。")] == [120]  # the capacity after its measure
    assert [r["value"] for r in _targets(f"{PLAN}支持吉化60万吨ABS新项目增产25%以上。")] == [25]


def test_milestones_share_the_previous_subject_only_as_a_whole_indicator():
    assert P.BARE_MILESTONE.fullmatch("完工")
    assert not P.BARE_MILESTONE.fullmatch("完工项目")
    assert P.TRAILING_MILESTONE.search("老旧小区综合整治新开工").group() == "新开工"


def test_an_applicants_obligation_is_a_rule_whatever_window_it_names():
    assert K.APPLICANT_OBLIGATION.search("申请家庭需在摇出房屋后3个工作日内")
    assert K.APPLICANT_OBLIGATION.search("申报单位须于2025年6月底前")
    assert not K.APPLICANT_OBLIGATION.search("申请人需求满足率")
    text = "申请家庭需在2025年3月20日至3月24日内选定1套房屋。"
    kinds = K.ClauseKinds(text)
    start = text.index("1套")
    assert kinds.kind((0, len(text)), 0, (start, start + 2), goal_framed=True, rule_part=False) == K.RULE


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["", "城镇", "农村", "持证", "困境留守"]))
def test_the_scans_start_positions_reach_every_people_count(n, modifier):
    # (targets._SCAN skips positions by what follows a numeral: SP6's prechecks must leave this alternative reachable)
    text = f"{PLAN}促进{n}万{modifier}劳动力就业、{n}万{modifier}职工参保。"  # (万人员: the unit 人 is written)
    scanned = [(m.span(), m.group("people")) for m in targets._SCAN.finditer(text)]
    plain = [(m.span(), m.group("people")) for m in targets.RULES.pattern.finditer(text)]
    assert scanned == plain and [p for _, p in scanned if p is not None] == ["", ""]


@pytest.mark.parametrize("work", ["融链延链", "延链补链强链", "补链强链", "建设走深走实", "高质量发展"])
def test_chains_named_by_their_own_work_are_no_targets(work):
    # CONVENTIONS "Lead rulings" 1 (GR1): the designated chains exist; the work on them is qualitative
    assert _targets(f"{PLAN}推动10条重点产业链{work}。") == []


@pytest.mark.parametrize("verb", ["新建", "培育", "打造"])
def test_chains_formed_keep_their_count_whatever_work_follows(verb):
    assert [r["value"] for r in _targets(f"{PLAN}{verb}10条重点产业链延链补链。")] == [10]
