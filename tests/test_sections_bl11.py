"""A line-start number whose separator a conversion turned into a private-use character (BL11, realblind11 0154).

Symbol-font glyphs that a conversion cannot map land in Unicode's private-use area (U+E000–U+F8FF): `1\\ue010突破…`
is `1．突破…` whose `．` was such a glyph. Before a title it separates the number as the glyph did
(``pipeline.structure.sections._GARBLED_SEPARATOR``); the same character elsewhere starts nothing.
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
    "　　二、主要任务\n　　（一）实施科技创新攻关行动\n"
    "　　1\ue010突破大模型关键核心技术。加强前沿基础理论研究。（责任单位：市科技局）\n"
    "　　2\ue010强化核心底层硬件创新攻关。加强关键器件的基础研究。（责任单位：市工业和信息化局）\n"
    "　　（二）实施关键要素整合行动\n"
    "　　3\ue010强化算力资源保障。加快建设算力基础设施。（责任单位：市大数据局）\n"
)


def test_private_use_separator_after_a_line_start_number_is_a_level_3_marker():
    got = spans(PLAN)
    assert ("1\ue010突破大模型关键核心技术", 3, 1) in got  # a first item too (a real separator, not a missing one)
    assert ("2\ue010强化核心底层硬件创新攻关", 3, 2) in got
    assert ("3\ue010强化算力资源保障", 3, 3) in got  # numbered across the parts


def test_sections_keep_the_tree_under_the_part():
    got = spans(PLAN)
    assert [level for _, level, _ in got] == [1, 2, 3, 3, 2, 3]


def test_private_use_character_inside_a_line_or_before_a_digit_starts_nothing():
    got = spans("一、主要任务\n全市已建成5\ue010个中心。\n2025\ue0102个项目。\n")
    assert got == [("一、主要任务", 1, 1)]


def test_private_use_separator_in_a_text_that_lost_its_line_breaks():
    flat = PLAN.replace("\n", "")  # the layout harness's one_line: markers run on after the notes' `）`
    got = spans(flat * 8)  # long enough to be judged a flat text
    assert ("1\ue010突破大模型关键核心技术", 3, 1) in got
    assert ("3\ue010强化算力资源保障", 3, 3) in got


def test_character_spaced_item_number_before_a_private_use_separator_is_joined():
    raw = "　　二、主要任务\n" + "".join(f"　　{n}\ue010强化第{n}项工作。加强研究。\n" for n in range(1, 10))
    raw += "　　1 0\ue010强化产业人才支撑。实施人才计划。\n"  # a PDF's character spacing inside the number
    assert ("1 0\ue010强化产业人才支撑", 3, 10) in spans(raw)
