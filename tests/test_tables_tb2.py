"""Task tables as crawls carry them (task TB2): an HTML table's rows keep their grid places (rowspan, colspan, empty
cells, a cell's paragraphs joined), so its columns align with the header as a Word table's do; a one-cell-a-line
table's two-row header; a statistics table's money column a row a line."""

from __future__ import annotations

from extractors.money_grids import money_grid_sums
from pipeline.reading.html_text import visible_text


def _table(*rows: str) -> str:
    return (
        "<html><body><p>正文。</p><table border=1>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table></body></html>"
    )


def test_a_cells_paragraphs_are_one_line_of_its_row():
    html = _table("<td><p>序号</p></td><td><p>重点</p><p>任务</p></td><td><p>牵头单位</p></td>")
    assert visible_text(html).split("\n")[1] == "序号\t重点 任务\t牵头单位"


def test_a_rowspan_leaves_an_empty_cell_in_the_rows_it_covers():
    html = _table(
        "<td>1</td><td rowspan=2>市农业农村局</td><td>市财政局</td>",
        "<td>2</td><td>市科技局</td>",
    )
    assert visible_text(html).split("\n")[1:] == ["1\t市农业农村局\t市财政局", "2\t\t市科技局"]


def test_a_colspan_is_followed_by_empty_cells_and_a_two_row_header_stays_aligned():
    html = _table(
        "<td rowspan=2>序号</td><td colspan=2>责任单位</td><td rowspan=2>完成时限</td>",
        "<td>牵头单位</td><td>配合单位</td>",
        "<td>1</td><td>市商务局</td><td>市财政局</td><td>2024年底前</td>",
    )
    assert visible_text(html).split("\n")[1:] == [
        "序号\t责任单位\t\t完成时限",
        "\t牵头单位\t配合单位",
        "1\t市商务局\t市财政局\t2024年底前",
    ]


def test_an_empty_cell_between_filled_ones_stays():
    assert visible_text(_table("<td>合计</td><td></td><td>58500</td>")).split("\n")[1] == "合计\t\t58500"


def test_a_layout_table_keeps_its_paragraphs_a_line_each_and_no_tabs():
    """A whole article in one cell beside an empty spacer cell: prose, not a data row."""
    html = _table("<td></td><td><p>一、总体要求</p><p>坚持稳中求进。</p></td>")
    assert visible_text(html).split("\n")[1:] == ["一、总体要求", "坚持稳中求进。"]


def test_junk_spans_are_capped():
    html = _table('<td rowspan="x">a</td><td colspan="100000">b</td><td>c</td>', "<td>d</td><td>e</td>")
    lines = visible_text(html).split("\n")[1:]
    assert lines[0] == "a\tb" + "\t" * 64 + "c" and lines[1] == "d\te"


def test_money_column_of_a_tab_table_and_its_negatives():
    raw = "项目类型\t项目个数（项）\t投资规模（亿元）\n合计\t191\t10.581\n交通\t40\t0.7828\n以上为汇总。\n"
    assert [raw[a:b] for a, b, _ in money_grid_sums(raw)] == ["10.581", "0.7828"]
    assert money_grid_sums("序号\t项目\t总投资（万元）\n1\t某工程\t1200\n") == ()  # a 序号 table: project_tables'
    assert money_grid_sums("类型\t规模（亿元）\t资金（万元）\n交通\t0.78\t500\n") == ()  # two money units
