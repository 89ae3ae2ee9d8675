"""A table's or form's note: `注：1.…；` and the points numbered on from it, one a line (BL27, realblind19's heading class).

GB/T 9704 prints a table's 注 under it; its numbered points explain the table (`注：1.本表由…填写；` + `2.…`), they are no
headings (``pipeline.structure.sections.note_list_spans``). The first point sits in the label's line and is prose
already; the points after it start lines. A `说明：` inside a line or a number out of sequence continues no note.
"""

from __future__ import annotations

from normalizers import normalize
from pipeline.structure.sections import build_sections, non_heading_spans


def titles(raw: str) -> list[str]:
    norm = normalize(raw)
    out = []
    for s in build_sections(norm):
        a, b = norm.to_raw(s.norm_start, s.norm_end)
        out.append(raw[a:b])
    return out


def test_the_points_of_a_note_under_a_table_are_no_headings():
    raw = (
        "一、报送要求\n　　1.按时报送。\n　　2.材料真实。\n附件\n推荐项目汇总表\n序号\n项目名称\n1\n\n2\n\n"
        "　　注：1.本表由推荐单位填写；\n　　2.项目按推荐顺序排列；\n\n　　3.推荐数量不超过5个。\n"
    )
    assert titles(raw) == ["一、报送要求", "1.按时报送", "2.材料真实"]
    raw = "一、指标\n（一）排水\n备注：（1）达标率按面积计算；\n（2）数据截至上年底。\n（二）防洪\n"
    assert titles(raw) == ["一、指标", "（一）排水", "（二）防洪"]


def test_a_heading_after_the_note_is_read():
    raw = "附件1\n汇总表\n注：1.本表一式两份；\n2.请加盖公章。\n附件2\n一、基本情况\n1.单位名称\n3.联系方式\n"
    # the note ends at its last point in sequence: 附件2's `1.` and the `3.` after it are headings again
    assert titles(raw) == ["一、基本情况", "1.单位名称", "3.联系方式"]


def test_a_label_inside_a_line_or_a_broken_sequence_continues_no_note():
    raw = "一、填报\n请按填写说明：1.据实填写。\n2.加盖公章。\n"
    assert "2.加盖公章" in titles(raw)
    raw = "一、填报\n注：1.据实填写。\n3.加盖公章。\n"
    assert "3.加盖公章" in titles(raw)
    raw = "一、填报\n注：1.据实填写。\n（2）加盖公章。\n"  # another marker form
    assert "（2）加盖公章" in titles(raw)


def test_the_audit_skips_the_note_points_too():
    text = "表\n注：1.本表由单位填写；\n2.一式两份。\n"
    start = text.index("2.")
    assert any(a <= start < b for a, b in non_heading_spans(text))
