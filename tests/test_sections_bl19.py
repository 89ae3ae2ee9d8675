"""A numbered list written on one line after its first item (BL19, realblind17's heading class).

A list of conditions (`有下列情形之一的：` + `1.…；2.…；3.…`) whose items a page did not break into lines: the first item
starts a line, each later one follows the `；` closing the item before it and is numbered the next
(``pipeline.structure.sections._run_on_items``). An enumeration that opens inside a line stays prose.
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


def test_items_run_on_after_a_line_start_first_item_are_headings():
    raw = "一、退出情形\n　　（一）停止资助。有下列情形之一的，停止资助：\n　　1.企业注销的；2.迁出本市的；3.提供虚假材料的。\n　　（二）追回资金。\n"
    assert spans(raw) == [
        ("一、退出情形", 1, 1),
        ("（一）停止资助", 2, 1),
        ("1.企业注销的", 3, 1),
        ("2.迁出本市的", 3, 2),
        ("3.提供虚假材料的", 3, 3),
        ("（二）追回资金", 2, 2),
    ]


def test_bracketed_items_run_on_the_same_way():
    raw = "一、退出情形\n（一）有下列情形之一的，取消资格：\n（1）年检不合格的；（2）拒不整改的；（3）其他违法行为的。\n（二）其他\n"
    got = spans(raw)
    assert [("（1）年检不合格的", 4, 1), ("（2）拒不整改的", 4, 2), ("（3）其他违法行为的", 4, 3)] == got[2:5]


def test_an_enumeration_opening_inside_a_line_stays_prose():
    got = spans("一、工作要求\n各单位要落实以下要求：1.加强领导；2.落实责任。\n二、保障措施\n")
    assert [text for text, _, _ in got] == ["一、工作要求", "二、保障措施"]


def test_only_the_exact_next_number_right_after_the_semicolon_runs_on():
    got = spans("一、申报条件\n1.注册在本市；3.依法纳税。\n2.信用良好。\n")
    assert [text for text, _, _ in got] == ["一、申报条件", "1.注册在本市", "2.信用良好"]
    got = spans("一、申报条件\n1.企业注册在本市；2.5亿元以上项目优先。\n")  # a decimal, no marker
    assert [text for text, _, _ in got] == ["一、申报条件", "1.企业注册在本市"]
