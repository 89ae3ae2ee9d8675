"""Project tables and lists of attached tables exported one cell a line (BL31): constructed examples."""

from __future__ import annotations

from extractors.project_tables import project_tables
from pipeline.structure.sections import attachment_list_spans

HEADER = [
    "序号",
    "项目名称",
    "建设性质",
    "建设内容与规模",
    "建设地点",
    "项目起止",
    "总投资",
    "（万元）",
    "本期投资",
    "（万元）",
]


def _table(*rows: str) -> str:
    return "\r\n\r\n".join(["附表3  某省重点项目表", *HEADER, *rows]) + "\r\n"


def _cells(raw: str, spans) -> list[str]:
    return [raw[a:b] for a, b, _ in spans]


def test_rows_end_with_years_then_sums():
    raw = _table("1", "甲河清淤工程", "新建", "清淤河段长约2000米", "甲区", "2021-2023", "300", "300")
    (table,) = project_tables(raw)
    assert [(raw[a:b], y) for a, b, y in table.years] == [("2021-2023", 2023)]
    assert [(raw[a:b], v) for a, b, v in table.sums] == [("300", 3_000_000), ("300", 3_000_000)]


def test_merged_content_cell_and_group_rows():
    raw = _table(
        "1",
        "乙区扩大排涝工程",
        "52000",
        "31000",  # a row grouping sub-rows: its name and its sums
        "（1）",
        "一号通道工程",
        "新建",
        "整治河道7公里",
        "乙区",
        "2022-2026",
        "30000",
        "20000",
        "（2）",
        "二号通道工程",
        "续建",
        "乙区",
        "2021-2025",
        "22000",
        "11000",  # the content cell merged above
        "小  计",
        "2",
        "52000",
        "31000",
    )
    (table,) = project_tables(raw)
    assert [y for _, _, y in table.years] == [2026, 2025]
    assert _cells(raw, table.sums) == ["52000", "31000", "30000", "20000", "22000", "11000", "52000", "31000"]


def test_money_in_yi_yuan_and_no_sum():
    raw = _table("1", "丙泵站工程", "新建", "新建泵站1座", "丙县", "2024", "1.5", "/").replace("（万元）", "（亿元）")
    (table,) = project_tables(raw)
    assert [v for _, _, v in table.sums] == [150_000_000]


def test_no_money_head_no_table():
    raw = "\r\n".join(["序号", "项目名称", "项目起止", "总投资", "1", "丁工程", "2022-2024", "1500", "800"])
    assert project_tables(raw) == ()


def test_body_ends_at_the_next_part():
    raw = (
        _table("1", "戊工程", "新建", "新建管网5公里", "戊区", "2022", "80", "80")
        + "二、保障措施\r\n加强组织领导。\r\n"
    )
    (table,) = project_tables(raw)
    assert raw[table.body[1] :].startswith("二、保障措施")


def test_category_heading_inside_a_table_keeps_the_body():
    raw = _table("一、排水设施", "1", "己工程", "新建", "新建管网5公里", "己区", "2022", "80", "80")
    (table,) = project_tables(raw)
    assert len(table.years) == 1


def test_list_of_attached_tables_is_no_heading_list():
    text = "六、保障措施\n加强组织领导。\n附表：1．甲市整治计划表\n      2．乙市标准表\n\t      3．丙市项目表\n附表1  甲市整治计划表\n"
    (span,) = attachment_list_spans(text)
    assert text[span[0] : span[1]].endswith("3．丙市项目表")
