"""The items of a 专栏 box numbered in two digits and a blank (BL14, realblind13 0073).

工信部's and the State Council's 规划 number a box's items `01 `, `02 `… (two digits, a blank, the item's title on
its line): CONVENTIONS makes numbered items in 专栏 boxes headings, level 3 as `1.` (the blank is the separator).
Only inside a box (``pipeline.structure.sections``: ``box_item``): outside one, such a line is a table's row or a code.
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
    "三、重点任务\n"
    "（一）推动数字化改造，提升生产效率。\n"
    "围绕重点行业开展数字化改造，推广先进适用的数字化解决方案。\n"
    "专栏 1 数字化改造提升行动\n"
    "01 生产线改造\n"
    "推动重点企业实施生产线数字化改造，开展设备联网。\n"
    "02 数字车间建设\n"
    "在原材料、消费品等领域建设一批数字车间。\n"
    "12\n"  # a page number on a line of its own
    "03 供应链协同\n"
    "支持龙头企业建设供应链协同平台。 （二）加强人才培养，夯实发展基础。\n"
    "加强数字技能培训。\n"
    "专栏 2 人才培养行动\n"
    "01 数字工匠培育\n"
    "开展数字工匠培训。\n"
    "四、保障措施\n"
)


def test_two_digit_items_of_a_box_are_level_3_headings_numbered_as_shown():
    got = spans(PLAN)
    assert ("01 生产线改造", 3, 1) in got
    assert ("02 数字车间建设", 3, 2) in got
    assert ("03 供应链协同", 3, 3) in got  # after a page number's line
    assert ("01 数字工匠培育", 3, 1) in got  # the next box numbers its items anew


def test_the_box_label_is_no_heading_and_the_main_sequence_resumes_after_the_box():
    got = spans(PLAN)
    assert [(level, number) for _, level, number in got] == [
        (1, 3),
        (2, 1),
        (3, 1),
        (3, 2),
        (3, 3),
        (2, 2),
        (3, 1),
        (1, 4),
    ]
    assert ("（二）加强人才培养，夯实发展基础", 2, 2) in got  # glued after the box's last line


def test_two_digit_lines_outside_a_box_start_nothing():
    table = "一、项目清单\n01 北京市 数字化改造项目\n02 天津市 数字车间项目\n03 河北省 供应链协同项目\n"
    assert spans(table) == [("一、项目清单", 1, 1)]


def test_a_two_digit_number_of_a_quantity_in_a_box_is_no_item():
    box = "二、主要任务\n专栏 1 示范行动\n01 示范工厂\n建设示范工厂。\n05 万家企业完成改造\n10 年内建成体系\n"
    got = spans(box)
    assert ("01 示范工厂", 3, 1) in got
    assert all(not text.startswith(("05", "10")) for text, _, _ in got)  # `万`, `年`: quantities, and no next number


def test_a_box_item_from_10_on_follows_its_zero_padded_siblings():
    items = "".join(f"0{n} 第{n}项任务\n开展工作。\n" for n in range(1, 10))
    got = spans("二、主要任务\n专栏 3 重点工程\n" + items + "10 第10项任务\n开展工作。\n")
    assert ("09 第9项任务", 3, 9) in got
    assert ("10 第10项任务", 3, 10) in got


def test_box_items_whose_digits_a_pdf_spaced_out():
    spaced = PLAN.replace("01 ", "0 1 ").replace("02 ", "0 2 ").replace("03 ", "0 3 ")
    got = spans(spaced)
    assert ("0 1 生产线改造", 3, 1) in got
    assert ("0 3 供应链协同", 3, 3) in got


def test_a_box_between_the_main_text_s_1_items_closes_when_they_resume():
    raw = (
        "二、重点任务\n1.推动数字化改造。开展改造。\n专栏 1 改造行动\n01 生产线改造\n推动改造。\n02 数字车间建设\n"
        "建设车间。\n2.加强人才培养。开展培训。\n"
    )
    got = spans(raw)
    assert got == [
        ("二、重点任务", 1, 2),
        ("1.推动数字化改造", 3, 1),
        ("01 生产线改造", 3, 1),
        ("02 数字车间建设", 3, 2),
        ("2.加强人才培养", 3, 2),  # the main sequence resumes after the box
    ]
