"""The BL12 target rules (issue 11: realblind12's target errors by convention, national plans).

Each rule's examples run in tests/test_extractor_examples.py (extractors/examples/targets.jsonl, sources `… (BL12)` and
the guards `BL12 guard`); here the patterns' edges, and properties over the class each rule is written for (a premise
naming the base a goal builds on, whatever the base; a count after 面向, whatever the noun), so that a precheck written
for other rules cannot skip them unseen.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractors.target_patterns as P
from tests.test_extractor_examples import _run

GOALS = "二、主要目标\n　　到2025年，"


def _targets(text: str) -> list[dict]:
    _, rows = _run({"text": text, "rows": []})
    return rows["targets"]


@pytest.mark.parametrize(
    "opening",
    [
        "在现有试点示范的基础上，",
        "在现有基础上，",
        "在巩固现有成果基础上，",
        "以现有产业园区为基础，",
        "以现有平台为依托，",
    ],
)
def test_a_base_the_goal_builds_on_opens_a_premise(opening):
    assert P.PREMISE_OPEN.match(opening)


@pytest.mark.parametrize(
    "opening",
    [
        "在目前已建成的20个园区中，",  # 在…中: a set, no base
        "在教育、医疗等领域，",  # 在…领域: a field
        "在现有基础上进一步提升",  # no comma: the base does not close the clause
        "以现有企业为主体，",  # 为主体: the actor, no base
        "全市在现有基础上，",  # not at the clause's opening
    ],
)
def test_other_openings_with_zai_or_yi_are_no_premise(opening):
    assert not P.PREMISE_OPEN.match(opening)


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["在现有{base}的基础上，", "在现有{base}基础上，", "以现有{base}为基础，"]),
    st.sampled_from(["试点示范", "产业园区", "平台", "企业"]),
    st.integers(min_value=2, max_value=500),
)
def test_the_goal_after_a_premise_of_the_present_is_read(template, base, n):
    rows = _targets(f"二、主要目标\n　　{template.format(base=base)}到2025年，再培育{n}个以上示范企业。")
    assert [(r["text"], r["value"], r["comparator"]) for r in rows] == [(f"{n}个以上示范企业", n, ">=")]


def test_a_statement_of_the_present_after_the_premise_is_still_one():
    assert _targets("在现有基础上，全市已有企业800家。") == []


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["中小企业", "应用场景", "社区", "老年人家庭"]),
    st.sampled_from([("不少于", "{n}{unit}"), ("", "{n}{unit}以上")]),
    st.integers(min_value=2, max_value=5000),
)
def test_a_count_after_mianxiang_is_number_first(noun, comparator, n):
    verb, count = comparator
    written = count.format(n=n, unit="个")
    rows = _targets(f"{GOALS}面向{verb}{written}{noun}提供服务。")
    assert [(r["text"], r["value"], r["indicator"]) for r in rows] == [(f"{written}{noun}", n, noun)]


def test_xiang_alone_stays_the_verb_of_a_start_and_an_end_value():
    rows = _targets(f"{GOALS}企业数量由100家向200家迈进。")
    assert [(r["value"], r["indicator"]) for r in rows] == [(200, "企业数量")]


@pytest.mark.parametrize(
    "verb",
    [
        "提高到",
        "提升至",
        "上升到",
        "上升至",
        "缩短到",
        "缩小至",
        "压减至",
        "降低到",
        "削减到",
        "升至",
        "降至",
        "增至",
        "减至",
    ],
)
def test_every_change_verb_with_dao_or_zhi_closes_a_start_value(verb):
    assert P.START_VALUE_AFTER.match(verb)
    rows = _targets(f"{GOALS}指标值由20个{verb}30个。")
    assert [(r["value"], r["indicator"]) for r in rows] == [(30, "指标值")]


@pytest.mark.parametrize("verb", ["上升到", "上升至", "缩小到", "缩减至", "削减至", "增长至"])
def test_the_change_verbs_are_comparator_verbs_of_their_own(verb):
    assert P.VERB_COMPARATOR[verb] == "="
    rows = _targets(f"{GOALS}森林覆盖率{verb}45%。")
    assert [(r["value"], r["comparator"], r["indicator"]) for r in rows] == [(45, "=", "森林覆盖率")]


def test_a_modal_before_the_start_value_leaves_the_indicator():
    rows = _targets(f"{GOALS}森林覆盖率将由19%上升到45%。")
    assert [(r["value"], r["indicator"]) for r in rows] == [(45, "森林覆盖率")]


@pytest.mark.parametrize(
    "note",
    ["（省文化和旅游厅牵头，各有关部门配合）", "（市工信局负责）", "(各市政府按职责分工负责)", "（省大数据局牵头）"],
)
def test_a_share_in_a_task_a_note_closes_is_a_goal(note):
    for task in (
        f"全省50%以上的文化馆具备数字服务能力；推进智慧旅游移动化应用{note}。",
        f"全省50%以上的文化馆具备数字服务能力{note}；推进智慧旅游。",
    ):
        rows = _targets(task)
        assert [(r["text"], r["value"]) for r in rows] == [("50%以上的文化馆", 50)]


def test_a_note_before_the_figure_closes_another_task():
    assert _targets("推进智慧旅游（市文旅局负责）；全省50%以上的文化馆具备数字服务能力。") == []


@pytest.mark.parametrize(
    "tail",
    [
        "。",  # no note
        "（含县级）。",  # a gloss, no role word
    ],
)
def test_without_a_closing_note_a_bare_share_stays_none(tail):
    assert _targets(f"全省50%以上的文化馆具备数字服务能力{tail}") == []


def test_the_note_is_no_part_of_a_shared_predicate():
    rows = _targets("推动50%以上的规上企业实施数字化改造（市工信局牵头，各区配合）。")
    assert [r["indicator"] for r in rows] == ["实施数字化改造的规上企业占比"]


@pytest.mark.parametrize(
    "places", [("海淀区", "朝阳区"), ("济南市", "青岛市", "淄博市"), ("山东省", "江苏省"), ("锡林郭勒盟", "兴安盟")]
)
def test_places_share_the_measure_written_on_the_last_one(places):
    text = "、".join(places) + "规上工业增加值占比均达到30%以上。"
    rows = _targets(f"{GOALS}{text}")
    assert [r["indicator"] for r in rows] == [f"{place}规上工业增加值占比" for place in places]


def test_a_list_of_other_items_keeps_its_names():
    rows = _targets(f"{GOALS}研发投入、专利数量均增长10%以上。")
    assert [r["indicator"] for r in rows] == ["研发投入增长", "专利数量增长"]


@pytest.mark.parametrize("event", ["招聘会", "推介会", "培训班", "培训活动", "交流活动"])
def test_an_event_named_by_its_content_verb_is_one_noun(event):
    rows = _targets(f"二、2024年重点工作\n　　加大扶持力度、举办专场{event}70场。")
    assert [(r["text"], r["indicator"]) for r in rows] == [(f"专场{event}70场", f"专场{event}")]


@pytest.mark.parametrize("verb", ["举办", "开展", "组织"])
def test_an_organising_verb_before_an_event_noun_stays_the_verb(verb):
    rows = _targets(f"二、2024年重点工作\n　　{verb}活动100场。")
    assert [r["indicator"] for r in rows] == ["活动"]


@pytest.mark.parametrize(("qualifier", "comparator"), [("以上", ">="), ("左右", "~"), ("以内", "<="), ("以下", "<=")])
@pytest.mark.parametrize("join", ["、", "和"])
def test_a_qualifier_after_the_last_value_of_a_fenbie_list_qualifies_every_value(qualifier, comparator, join):
    rows = _targets(f"二、2024年重点工作\n　　甲类、乙类项目分别新增30个{join}20个{qualifier}。")
    assert [(r["value"], r["comparator"]) for r in rows] == [(30, comparator), (20, comparator)]


def test_without_fenbie_a_later_qualifier_stays_its_own_values():
    rows = _targets("二、2024年重点工作\n　　新增甲类项目30个，乙类项目20个以上。")
    assert [(r["value"], r["comparator"]) for r in rows] == [(30, "="), (20, ">=")]


@pytest.mark.parametrize(("spec", "unit"), [("噪音水平", "Pa"), ("测量误差", "%"), ("检出率", "%")])
def test_a_qualified_specification_before_its_product_takes_the_product(spec, unit):
    rows = _targets(f"{GOALS}绝对精度100Pa以内、{spec}2{unit}以内的压力传感器实现量产。")
    assert [(r["text"], r["indicator"]) for r in rows] == [
        ("绝对精度100Pa以内", "压力传感器绝对精度"),
        (f"{spec}2{unit}以内", f"压力传感器{spec}"),
    ]


def test_a_qualified_count_before_de_stays_number_first():
    rows = _targets(f"{GOALS}培育100个以上的示范企业。")
    assert [(r["text"], r["indicator"]) for r in rows] == [("100个以上的示范企业", "示范企业")]


@pytest.mark.parametrize(
    ("written", "low", "high", "unit"),
    [
        ("550万至600万千瓦", 550, 600, "万千瓦"),
        ("五百五十万至六百万千瓦", 550, 600, "万千瓦"),
        ("3亿-5亿吨", 3, 5, "亿吨"),
        ("550-600万千瓦", 550, 600, "万千瓦"),
    ],
)
def test_a_range_with_its_multiplier_on_both_numbers_is_one_range(written, low, high, unit):
    rows = _targets(f"{GOALS}新增装机{written}。")
    assert [(r["value"], r["value_max"], r["unit"]) for r in rows] == [(low, high, unit)]


def test_two_different_multipliers_are_no_range_of_one_unit():
    assert _targets(f"{GOALS}新增装机5000万至1亿千瓦。") == []  # (a range of two units: none read)


@pytest.mark.parametrize("task", ["任务", "的任务", "目标", "的目标任务"])
def test_the_figure_of_a_task_named_after_it_is_the_goal(task):
    rows = _targets(f"二、主要目标\n　　完成造林100万亩{task}。")
    assert [(r["text"], r["indicator"]) for r in rows] == [("造林100万亩", "造林")]


@pytest.mark.parametrize("verb", ["缓解", "改变", "扭转"])
def test_the_present_as_the_object_of_a_remedy_is_no_statement(verb):
    rows = _targets(f"二、主要目标\n　　完成造林100万亩任务，{verb}目前水土流失严重的局面。")
    assert [r["value"] for r in rows] == [100]


@pytest.mark.parametrize(
    ("count", "noun"), [("3000亩", "新增建设用地指标"), ("100个", "重点项目"), ("20场", "对接活动")]
)
def test_anpai_before_a_floor_and_a_count_is_number_first(count, noun):
    rows = _targets(f"{GOALS}每年安排不少于{count}{noun}。")
    assert [(r["text"], r["indicator"]) for r in rows] == [(f"{count}{noun}", noun)]


def test_a_budget_after_anpai_stays_an_amount():
    assert _targets(f"{GOALS}每年安排不低于50亿元专项资金。") == []


@pytest.mark.parametrize("scope", ["", "全省", "全市", "市县", "各地", "首批", "第二批"])
@pytest.mark.parametrize("verb", ["推动", "带动", "选派"])
def test_a_scope_between_a_pivot_verb_and_its_count_keeps_the_predicate(verb, scope):
    rows = _targets(f"二、2024年重点工作\n　　{verb}{scope}500家企业实施数字化改造。")
    assert [r["indicator"] for r in rows] == ["实施数字化改造的企业"]


@pytest.mark.parametrize("predicate", ["上云用云", "上平台用平台", "上云", "数字化转型", "智能化改造"])
def test_a_digital_predicate_after_a_pivot_count_joins_its_indicator(predicate):
    rows = _targets(f"{GOALS}带动500家中小企业{predicate}。")
    assert [(r["text"], r["indicator"]) for r in rows] == [("500家中小企业", f"{predicate}的中小企业")]


@pytest.mark.parametrize("predicate", ["上云用云", "上平台用平台", "数字化转型"])
def test_a_noun_first_count_with_a_digital_predicate_after_it(predicate):
    rows = _targets(f"{GOALS}带动企业5000家以上{predicate}。")
    assert [(r["text"], r["indicator"]) for r in rows] == [("企业5000家以上", f"{predicate}的企业")]


@pytest.mark.parametrize("done", ["已签约", "已开工", "已备案", "未开工"])
def test_a_done_attribute_after_a_count_stays_in_the_noun(done):
    rows = _targets(f"二、2024年重点工作\n　　新增66个{done}项目。")
    assert [(r["text"], r["indicator"]) for r in rows] == [(f"66个{done}项目", f"{done}项目")]


@pytest.mark.parametrize(("first", "second"), [("启动", "完成"), ("新开工", "建成"), ("改造", "新建")])
def test_a_nounless_count_before_a_comma_takes_the_next_items_noun(first, second):
    rows = _targets(f"二、2024年重点工作\n　　{first}300户、{second}200户老旧小区适老化改造。")
    assert [(r["text"], r["indicator"]) for r in rows][0] == ("300户", f"{first}老旧小区适老化改造")
