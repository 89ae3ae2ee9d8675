"""Garbled and run-together heading markers decided by their siblings (HD1, realblind10's heading classes).

Each rule reads the document's numbering: the marker of the same kind before it and the next one at a line start
(``pipeline.structure.sections._siblings_agree``); the same marker without those siblings stays prose.
"""

from __future__ import annotations

from normalizers import normalize
from pipeline.structure.sections import build_sections


def spans(raw: str) -> list[tuple[str, int, int]]:
    """(raw span text, level, number) of every section."""
    norm = normalize(raw)
    out = []
    for s in build_sections(norm):
        a, b = norm.to_raw(s.norm_start, s.norm_end)
        out.append((raw[a:b], s.level, s.number))
    return out


ARTICLES = "第一章 总则\n第一条 为规范管理，制定本办法。\n第二条 评价机构按以下程序遴选:\n"


# --- a first `（一）` that lost its opening bracket, or ran into the line before after its colon -------------------


def test_half_open_first_item_at_line_start_with_its_sibling():
    got = spans(ARTICLES + "一)工程指导协调小组制定遴选方案。\n(二)社会机构自愿申请。\n(三)专家评议。\n")
    assert ("一)工程指导协调小组制定遴选方案", 3, 1) in got
    assert ("(二)社会机构自愿申请", 3, 2) in got


def test_first_item_run_into_the_articles_line_after_its_colon():
    raw = "第一条 为规范管理，制定本办法。\n第二条 评价机构应重点加强以下方面建设:一)合理布局考核站点。要就近。\n(二)严格命题管理。\n"
    got = spans(raw)
    assert ("第二条 评价机构应重点加强以下方面建设:", 3, 2) in got  # the article's title ends where the item starts
    assert ("一)合理布局考核站点", 4, 1) in got
    assert ("(二)严格命题管理", 4, 2) in got


def test_full_bracket_first_item_after_a_colon_with_its_sibling_on_the_next_line():
    got = spans("一、主要任务\n加强以下方面建设：（一）合理布局站点。要就近。\n（二）严格命题管理。\n")
    assert ("（一）合理布局站点", 2, 1) in got


def test_stray_first_item_without_a_sibling_stays_prose():
    got = spans(ARTICLES + "一)工程指导协调小组制定遴选方案。\n第三条 本办法自公布之日起施行。\n")
    assert all(not text.startswith("一)") for text, _, _ in got)
    got = spans("一、主要任务\n包括以下内容：（一）站点布局；（二）命题管理。\n二、保障措施\n")
    assert [text for text, _, _ in got] == ["一、主要任务", "二、保障措施"]  # an enumeration inside one line


# --- a garbled article number --------------------------------------------------------------------------------------


def test_garbled_article_number_between_its_siblings():
    raw = "第二十条 对违反本办法的，依法处理。\n第二十-条 对弄虚作假的单位，依法处理。\n第二十二条 本办法由小组负责解释。\n"
    got = spans(raw)
    assert ("第二十-条 对弄虚作假的单位，依法处理", 3, 21) in got
    assert ("第二十二条 本办法由小组负责解释", 3, 22) in got


def test_garbled_article_number_that_is_not_the_next_article_stays_prose():
    raw = "第二十条 对违反本办法的，依法处理。\n第三十-条 对弄虚作假的单位，依法处理。\n第二十一条 本办法由小组负责解释。\n"
    assert [number for _, _, number in spans(raw)] == [20, 21]


# --- an article run into the line of the article before it ---------------------------------------------------------


def test_article_run_into_the_previous_articles_line_after_a_lost_stop():
    raw = "第二十一条 对弄虚作假的单位，依法处理。\n第二十二条 本办法由小组办公室负责解释第二十三条本办法自公布之日起试行，"
    got = spans(raw)
    assert ("第二十二条 本办法由小组办公室负责解释", 3, 22) in got
    assert ("第二十三条本办法自公布之日起试行，", 3, 23) in got


def test_article_named_in_the_previous_article_stays_a_reference():
    # the next line-start article is the same 第二十三条: the inline one names it
    raw = (
        "第二十一条 对弄虚作假的单位，依法处理。\n第二十二条 违反本办法第二十三条要求处理。\n"
        "第二十三条 本办法自公布之日起施行。\n"
    )
    got = spans(raw)
    assert [number for _, _, number in got] == [21, 22, 23]
    assert ("第二十二条 违反本办法第二十三条要求处理", 3, 22) in got


# --- `N.` items whose title opens with a digit ----------------------------------------------------------------------


def test_items_whose_titles_open_with_a_digit_after_a_colon_line():
    raw = (
        "一、分配原则\n（一）家庭人口与户型对应\n两房一厅房源面向下列家庭分配：\n1.3人户家庭；\n"
        "2.2人户中2人均年满18周岁的家庭；\n3.2人户中父女结构的家庭；\n4.4人户及以上家庭如选择小户型，需签订承诺书。\n"
        "（二）随机摇房\n"
    )
    got = spans(raw)
    assert ("1.3人户家庭", 3, 1) in got
    assert ("2.2人户中2人均年满18周岁的家庭", 3, 2) in got
    assert ("3.2人户中父女结构的家庭", 3, 3) in got
    assert ("4.4人户及以上家庭如选择小户型，需签订承诺书", 3, 4) in got
    assert ("（二）随机摇房", 2, 2) in got


def test_decimals_at_line_starts_stay_numbers():
    # no colon line before the first, and a lone decimal line has no siblings
    got = spans("一、总体情况\n全年完成投资如下\n1.5亿元用于道路建设；\n2.3亿元用于管网改造。\n")
    assert [text for text, _, _ in got] == ["一、总体情况"]
    got = spans("一、总体情况\n主要指标：\n1.5亿元用于道路建设。\n二、主要任务\n")
    assert [text for text, _, _ in got] == ["一、总体情况", "二、主要任务"]
