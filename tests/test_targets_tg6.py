"""The TG6 target rules' guards (issue 11, realdev6t and realblind4/5's errors by convention).

Each rule's examples run in tests/test_extractor_examples.py; here the helpers' edges and two properties: a
count after a list closed by 等 is a target exactly when it names more members than the list, and a quoted
name is a quote only when its sentence closes it.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractors.target_patterns as P
from extractors.target_parts import PLAN_TITLE
from extractors.targets import _counts_listed_members

MEMBER = st.text(alphabet="山西内蒙古黑龙江安徽东河南贵州陕", min_size=1, max_size=4)


@given(st.lists(MEMBER, min_size=2, max_size=9), st.integers(min_value=1, max_value=20), st.booleans())
def test_a_count_after_deng_is_a_target_exactly_when_it_exceeds_the_list(members, count, joined_by_he):
    listed = "、".join(members[:-1]) + ("和" if joined_by_he else "、") + members[-1]
    text = f"选择{listed}等{count}个省（区）进行试点。"
    start = text.index(f"等{count}个") + 1
    assert P.list_length(text, 0, start - 1) == len(members)
    expected = count > len(members) and "、" in listed  # the rule reads 、-lists (A和B alone is no such list)
    assert _counts_listed_members(text, 0, start, float(count)) == expected


def test_a_count_not_right_after_deng_is_not_this_rule():
    text = "加快神东、陕北、晋中等地13个大型煤炭基地建设。"
    assert not _counts_listed_members(text, 0, text.index("13"), 13.0)
    text = "加快神东等13个大型煤炭基地建设。"  # no 、-list before 等
    assert not _counts_listed_members(text, 0, text.index("13"), 13.0)


@pytest.mark.parametrize(
    "text,figure,inside",
    [
        ("推动《A》“《B》等在内的20项以上急需标准出台，重点修订《C》。", "20项", False),  # never closed: garbled
        ("推动《A》“《B》等在内的20项以上急需标准出台", "20项", False),  # the text ends unclosed
        ("建立“1个专班+8个工作组”机制。", "8个", True),
        ('培育省“1企1技术"研发中心。', "1技术", True),  # closed half-width
    ],
)
def test_a_quote_holds_a_figure_only_when_its_sentence_closes_it(text, figure, inside):
    assert P.inside_quotes(text, 0, text.index(figure)) is inside


@pytest.mark.parametrize(
    "phrase,head",
    [
        ("在研发设计、生产制造等领域单项应用取得突出成效的典型项目", "单项应用取得突出成效的典型项目"),
        ("新型智能终端、超高清视频等数字产业集群", "数字产业集群"),
        ("“银龄数字课堂”等数字技术应用教学活动", "数字技术应用教学活动"),
        ("高端智能再制造管理、技术、装备及评价等标准", "高端智能再制造管理、技术、装备及评价等标准"),  # 标准: too short
        ("高等学校", "高等学校"),  # 等 of a word
        ("中等职业学校和技工院校", "中等职业学校和技工院校"),
    ],
)
def test_head_noun_drops_a_field_and_the_members_of_a_deng_list(phrase, head):
    assert P.head_noun(phrase) == head


@pytest.mark.parametrize(
    "title,plan",
    [
        ("数字山东2021行动方案", True),
        ("2023年度数字政府建设行动计划", True),
        ("青岛市2022年工作要点", True),
        ("山东省新一代人工智能产业发展三年行动计划（2018-2020）", False),
        ("2021-2023年行动计划", False),
        ("（2021—2023年）行动方案", False),
    ],
)
def test_a_one_year_plan_title_opens_a_plan_part(title, plan):
    assert (PLAN_TITLE.search(title) is not None) is plan


def test_the_share_list_and_the_addressed_items_patterns():
    text = "90%的市和70%的县达到省级三星级以上。"
    assert P.share_of(text, 3, len(text) - 1) == (5, "达到省级三星级以上的市占比")
    assert P.share_of("90%的市达到省级三星级。", 3, 12) == (5, "达到省级三星级的市占比")
    found = P.ADDRESSED_ITEMS.search("深化数据服务，面向自然人和法人组织，分别形成")
    assert found is not None and found.group("items") == "自然人和法人组织"
    assert P.ADDRESSED_ITEMS.search("深化数据服务，面向社会，分别形成") is None  # one item: no list
