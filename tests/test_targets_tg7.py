"""The TG7 target rules' guards (issue 11: realdev7t, realblind5 0129 and corpus-real 0176's errors by convention).

Each rule's examples run in tests/test_extractor_examples.py (extractors/examples/targets.jsonl, sources
`realdev7t`, `realblind5 0129`, `corpus-real 0176`); here the helpers' edges and one property: a count after 等 is
the length of a list named elsewhere exactly when another mention of the same set lists that many members.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import extractors.target_patterns as P
from extractors.targets import _listed_in_full_elsewhere, _named_places_before, _opens_clause

MEMBER = st.text(alphabet="山西内蒙古黑龙江安徽东河南贵州陕", min_size=2, max_size=3)


@given(st.lists(MEMBER, min_size=2, max_size=9), st.integers(min_value=2, max_value=12))
def test_a_count_restates_a_list_named_elsewhere_exactly_when_the_lengths_agree(members, count):
    listed = "、".join(members)
    text = f"经国务院批准，选择山西省等{count}个煤炭主产省（区）进行试点。试点范围：选择{listed}等{count}个煤炭主产省（区）。"
    start = text.index(f"等{count}个") + 1
    end = start + len(f"{count}个")
    assert _listed_in_full_elsewhere(text, start, end, float(count)) == (len(members) == count)


def test_a_count_mentioned_once_or_with_another_noun_is_not_restated():
    text = "选择山西省等8个煤炭主产省（区）进行试点。"
    start = text.index("8个")
    assert not _listed_in_full_elsewhere(text, start, start + 2, 8.0)
    text = "选择山西省等3个省进行试点。选择山西、陕西、河南等3个城市开展评估。"  # the other mention counts other things
    start = text.index("3个")
    assert not _listed_in_full_elsewhere(text, start, start + 2, 3.0)


def test_named_places_join_a_count_but_scope_words_do_not():
    text = "实现省会、鲁南、胶东经济圈100项左右智慧应用打通"
    assert _named_places_before(text, 0, text.index("100")) == "省会、鲁南、胶东经济圈"
    for scope in ("实现全省100项智慧应用打通", "实现鲁南经济圈100项智慧应用打通", "实现智慧城市、数字乡村100项应用"):
        assert _named_places_before(scope, 0, scope.index("100")) is None


def test_a_count_opens_its_clause_after_fillers_and_a_scope_word_only():
    for text in ("全国12个地区试点法院完成建设", "力争全省12个地区完成建设", "12个地区完成建设"):
        assert _opens_clause(text, 0, text.index("12"))
    assert not _opens_clause("推动12个地区完成建设", 0, 2)
    assert not _opens_clause("全国范围12个地区完成建设", 0, 4)


def test_a_change_verb_with_its_particle_leaves_the_indicator():
    assert P.strip_trailing_words("处方用药量放宽至") == "处方用药量"
    assert P.strip_trailing_words("贷款期限延长到") == "贷款期限"
    assert P.strip_trailing_words("市场准入放开") == "市场准入放开"  # no particle: the verb is no comparator phrase


def test_shares_take_the_parallel_clauses_predicate_only_where_theirs_is_missing():
    text = "省级部门每年要对30%以上的市和5%以上的县，市级部门每年要对30%以上的县开展环境稽查。"
    start = text.index("30%以上") + len("30%以上")  # where the quantity ends, its qualifier included
    clause_end = text.index("，")
    assert P.parallel_share_of(text, start, clause_end, len(text) - 1) == (start + 2, "开展环境稽查的市占比")
    own = "省级部门每年要对30%以上的市开展评估，市级部门每年要对30%以上的县开展环境稽查。"  # its own predicate
    assert P.parallel_share_of(own, start, own.index("，"), len(own) - 1) is None
    alone = "省级部门每年要对30%以上的市，市级部门负责稽查。"  # no parallel share after it
    assert P.parallel_share_of(alone, start, alone.index("，"), len(alone) - 1) is None


def test_the_role_after_zuowei_is_short_and_holds_no_figure():
    text = "选取30个统筹地区作为“智能审核和监控技术示范”，提炼经验。"
    start = text.index("作为") + 2
    assert P.role_after(text, start, text.index("，")) == "智能审核和监控技术示范"
    text = "选取30个统筹地区作为2025年全国推广应用的重点支持对象和先行先试单位名单。"
    assert P.role_after(text, text.index("作为") + 2, len(text) - 1) is None  # a figure, and a task of its own
