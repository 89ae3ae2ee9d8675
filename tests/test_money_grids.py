"""Statistics tables whose head carries the money unit, exported one cell a line (GR1, CONVENTIONS "Lead rulings"
2): constructed examples and the shapes that are no such table."""

from __future__ import annotations

import pytest

from extractors.money_grids import money_grid_sums
from tests.test_extractor_examples import _run


def _text(*lines: str) -> str:
    return "\n".join(["某县项目投资情况如下。", "各类项目投资统计表", *lines, "注：以上数据为计划数。"]) + "\n"


def _cells(raw: str) -> list[tuple[str, float]]:
    return [(raw[a:b], v) for a, b, v in money_grid_sums(raw)]


def test_a_money_column_among_count_and_share_columns():
    raw = _text(
        "项目类别", "项目数量（个）", "投资金额", "（亿元）", "占比",
        "合计", "30", "4.5", "1",
        "道路", "10", "1.5", "0.33",
        "供水", "20", "3", "0.67",
    )  # fmt: skip
    assert _cells(raw) == [("4.5", 450_000_000), ("1.5", 150_000_000), ("3", 300_000_000)]


def test_a_caption_ending_in_the_unit_makes_every_column_money():
    raw = _text(
        "年度投资计划（万元）", "年度", "合计", "道路", "供水",
        "2025年", "300", "100", "200",
        "2026年", "50", "0", "50",
    )  # fmt: skip
    assert [v for _, v in _cells(raw)] == [3e6, 1e6, 2e6, 5e5, 0, 5e5]


def test_the_pipeline_writes_them_as_amounts():
    raw = _text("类别", "投资（万元）", "道路", "120", "供水", "80")
    rows = _run({"text": raw, "rows": []})[1]["amounts"]
    assert [(r["text"], r["value_cny"]) for r in rows] == [("120", 1_200_000), ("80", 800_000)]


@pytest.mark.parametrize(
    "lines",
    [
        ("类别", "数量（个）", "占比", "道路", "10", "0.3"),  # no money unit in the head
        ("序号", "项目名称", "投资（万元）", "1", "道路", "120"),  # a project table: extractors/project_tables.py
        ("类别", "投资（万元）", "贷款（亿元）", "道路", "120", "3"),  # two money units: which is which is unclear
        ("类别", "投资（万元）", "道路", "120", "80", "60"),  # more numbers than columns: not this head's rows
    ],
)
def test_shapes_that_are_no_money_grid(lines):
    assert money_grid_sums(_text(*lines)) == ()


def test_a_unit_in_prose_is_no_head():
    raw = "项目总投资（万元）按照批复金额计列，据实结算，单列预算并报送审核。\n道路\n120\n"
    assert money_grid_sums(raw) == ()
