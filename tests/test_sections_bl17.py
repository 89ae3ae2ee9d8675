"""Decimal clause numbering (章条编号) as headings (BL17, realblind16 0007's 应急预案).

An 应急预案 or a standard numbers its sections ``1　总则`` / ``1.1　编制目的`` / ``3.2.1　预警分级``: headings of the
level of the number's depth, numbered by its last part (``pipeline.structure.clauses``). The examples are constructed,
in the genre's phrasing; each rule has a case where the same digits stay prose.
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


PLAN = (
    "某市森林火灾应急预案\n"
    "1　总则\n"
    "1.1　编制目的\n"
    "为有效应对森林火灾，制定本预案。\n"
    "1.2　适用范围\n"
    "本预案适用于本市行政区域内的森林火灾应对工作。\n"
    "2　组织体系\n"
    "2.1　指挥机构\n"
    "市森林防灭火指挥部负责组织、协调和指导全市森林火灾应对工作。\n"
    "2.2　工作机构\n"
    "2.2.1　办事机构\n"
    "指挥部办公室设在市应急管理局。\n"
    "2.2.2　专家组\n"
    "指挥部设立专家组，主要开展以下工作：\n"
    "（1）研判火情；\n"
    "（2）提出处置建议。\n"
    "3　应急响应\n"
    "3.1　分级响应\n"
    "根据火灾严重程度，应急响应分为四级。\n"
    "3.2　人员疏散与安置\n"
    "及时疏散受威胁群众。\n"
)


def test_clauses_of_a_plan_with_line_breaks_are_headings_by_depth():
    assert spans(PLAN) == [
        ("1　总则", 1, 1),
        ("1.1　编制目的", 2, 1),
        ("1.2　适用范围", 2, 2),
        ("2　组织体系", 1, 2),
        ("2.1　指挥机构", 2, 1),
        ("2.2　工作机构", 2, 2),
        ("2.2.1　办事机构", 3, 1),
        ("2.2.2　专家组", 3, 2),
        ("（1）研判火情", 4, 1),
        ("（2）提出处置建议", 4, 2),
        ("3　应急响应", 1, 3),
        ("3.1　分级响应", 2, 1),
        ("3.2　人员疏散与安置", 2, 2),  # a title may open with a word a unit also writes (人, 次, 个)
    ]


def test_the_items_under_a_clause_hang_under_it():
    sections = build_sections(normalize(PLAN))
    by_id = {s.section_id: s for s in sections}
    item = next(s for s in sections if s.level == 4)
    assert by_id[item.parent_id].level == 3  # `（1）` under `2.2.2　专家组`


def test_a_flat_plan_with_its_contents_list_first():
    # one line, `　　` indents: the 目录 lists every clause before the body repeats them; its entries are no headings
    # a text long enough to be read as flat (sections.is_flat)
    body = "各级人民政府和有关部门按照职责分工，密切配合，共同做好地震灾害应对工作。" * 4
    raw = (
        "某省地震应急预案　　1　总则　　　　1.1　编制目的　　　　1.2　工作原则　　2　应急响应　　　　2.1　分级响应"
        f"　　1　总则　　1.1　编制目的　　为科学有序应对地震灾害，制定本预案。{body}　　1.2　工作原则　　坚持统一领导、"
        f"分级负责。{body}　　2　应急响应　　2.1　分级响应　　地震灾害应急响应分为四级。{body}"
    )
    norm = normalize(raw)
    got = spans(raw)
    assert got == [
        ("1　总则", 1, 1),
        ("1.1　编制目的", 2, 1),
        ("1.2　工作原则", 2, 2),
        ("2　应急响应", 1, 2),
        ("2.1　分级响应", 2, 1),
    ]
    first = build_sections(norm)[0]
    assert norm.to_raw(first.norm_start, first.norm_end)[0] > raw.index("2.1　分级响应")  # the body's, not the list's


def test_a_lone_numbered_line_is_no_numbering():
    # fewer than three sub-clauses: `1 总则` alone, or a list of figures, stays prose
    assert spans("一、总体要求\n1　总则\n本办法适用于全市。\n二、主要任务\n") == [
        ("一、总体要求", 1, 1),
        ("二、主要任务", 1, 2),
    ]


def test_decimal_figures_at_line_starts_stay_figures():
    raw = (
        "一、主要指标\n1 总体情况\n1.5 亿元用于道路建设\n2.3 万亩用于造林\n3.2 人次参加培训\n"
        "1.1 预计全年完成投资如下，其中道路建设投资较大\n二、保障措施\n"
    )
    assert [text for text, _, _ in spans(raw)] == ["一、主要指标", "二、保障措施"]


def test_clauses_out_of_sequence_are_skipped():
    # `5.6　…` jumps the numbering (a table row or a quoted clause): no heading; the rest runs on
    raw = PLAN + "5.6　附表\n3.3　响应措施\n立即组织扑救。\n"
    got = spans(raw)
    assert ("5.6　附表", 2, 6) not in got
    assert ("3.3　响应措施", 2, 3) in got


def test_gb9704_items_with_a_dot_stay_level_three():
    # `1.坚持…` (GB/T 9704's item with its dot) is no clause: a clause number never ends with its dot
    raw = "一、工作要求\n1.坚持政府引导。\n2.坚持市场主导。\n3.规范数据报送。\n4.加强数据应用。\n"
    assert [(level, number) for _, level, number in spans(raw)] == [(1, 1), (3, 1), (3, 2), (3, 3), (3, 4)]


def test_a_figure_that_fits_the_numbering_stays_a_figure():
    # inside a plan numbered in clauses, a line opening with a figure whose number would be the next clause
    raw = PLAN + "3.3 万元用于应急物资储备\n3.4 年内完成演练\n"
    got = spans(raw)
    assert not [text for text, _, _ in got if text.startswith(("3.3", "3.4"))]


def test_a_standards_deeper_clauses_take_their_depth():
    raw = (
        "1　范围\n本标准规定了应急物资储备库的建设要求。\n2　术语和定义\n2.1　储备库\n用于储存应急物资的场所。\n"
        "3　技术要求\n3.1　一般要求\n3.1.1　选址\n3.1.1.1　地质条件\n应避开地质灾害易发区。\n3.1.1.2　交通条件\n应临近交通干线。\n"
    )
    assert spans(raw)[-3:] == [("3.1.1　选址", 3, 1), ("3.1.1.1　地质条件", 4, 1), ("3.1.1.2　交通条件", 4, 2)]
