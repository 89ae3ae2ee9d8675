"""(PT1) The table readers read a cell in its normalised characters at raw offsets: half-width brackets in a head
(`(万元)`), full-width digits (`１５００`), a traditional page (`總投資（萬元）`, `小計`) and a PDF's character spacing
(`2 4 0`) give the same project-table and statistics-table cells as the plain text."""

from __future__ import annotations

from extractors.money_grids import money_grid_sums
from extractors.project_tables import project_tables
from extractors.table_text import compact, folded, same_cell
from pipeline.qa.layouts import char_spacing, traditional

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
PROJECT = [
    "附表3  某省重点项目表",
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
    "1",
    "甲河清淤工程",
    "新建",
    "清淤河段长约2000米",
    "甲区",
    "2021-2023",
    "300",
    "120.5",
    "合计",
    "300",
    "120.5",
    "（二）保障措施",
    "到2025年，全省完成清淤河段20公里。",
]
GRID = ["项目类型", "项目个数（项）", "投资规模", "（亿元）", "合计", "191", "10.581", "交通", "40", "0.7828"]


def _read(raw: str) -> tuple[list, list, list]:
    (table,) = project_tables(raw)
    return [(compact(folded(raw)[a:b]), y) for a, b, y in table.years], [v for _, _, v in table.sums], [table.body]


def test_folded_keeps_every_offset_and_gives_the_normalised_characters():
    raw = "總投資（萬元）\n合計\n１２００．５\n(万元)"
    assert len(folded(raw)) == len(raw)
    assert folded(raw) == "总投资（万元）\n合计\n1200.5\n(万元)"  # brackets keep their width
    assert compact("2 0 2 1-2 0 2 3") == "2021-2023" and compact("2 4 0") == "240"
    assert compact("1 1 信息技术") == "11 信息技术"  # a blank before a Han character other than 年 stays
    assert same_cell("1200.5", "１２００．５", 0, 6) and not same_cell("1200", "１２００．５", 0, 6)


def test_a_project_table_reads_the_same_under_each_layout():
    plain = "\n".join(PROJECT) + "\n"
    expected = ([("2021-2023", 2023)], [3_000_000, 1_205_000, 3_000_000, 1_205_000])
    assert _read(plain)[:2] == expected
    layouts = {
        "half_width": plain.replace("（", "(").replace("）", ")"),
        "full_width_digits": plain.translate(FULL),
        "traditional": traditional(plain).text,
        "char_spacing": char_spacing(plain).text,
    }
    for name, raw in layouts.items():
        years, sums, (body,) = _read(raw)
        assert (years, sums) == expected, name
        # the body ends at the numbered heading, in either bracket width (`（二）`, `(二)`)
        assert raw[body[1] :].lstrip().startswith(("（二）", "(二)")), name


def test_a_statistics_table_reads_the_same_under_each_layout():
    plain = "\n".join(GRID) + "\n"
    values = [v for _, _, v in money_grid_sums(plain)]
    assert values == [1_058_100_000, 78_280_000]
    for raw in (plain.translate(FULL), traditional(plain).text, char_spacing(plain).text, plain.replace("（", "(")):
        assert [v for _, _, v in money_grid_sums(raw)] == values, raw


def test_no_money_unit_is_still_no_table():
    """Negative: folding reads a cell's characters, it makes no table of one without a money head."""
    cells = [c for c in PROJECT if c != "（万元）"]
    for raw in ("\n".join(cells).translate(FULL), traditional("\n".join(cells)).text):
        assert project_tables(raw) == ()
