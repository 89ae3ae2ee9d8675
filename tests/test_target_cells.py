"""Targets in task tables of web pages: a span stays inside its cell.

The real reader renders ``<td>`` cells of a row with tabs (pipeline.reading.html_text). A
task table (序号 | 重点任务 | 目标 | 牵头单位 | 完成时限) is not an indicator table (those
are read by column, target_tables): each cell is a sentence of its own for the scan, so no
span runs from a row number or an item cell into the value cell, and a completion-time
cell (2024年) does not make the goal cell a statement of the past.  A value cell without
a subject (森林覆盖率 | 达到45%) takes the item cell before it as its indicator.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import targets
from pipeline.core.document import DocumentMeta, ExtractContext, NormalizedText
from pipeline.core.offsets import OffsetMap
from pipeline.qa.fixtures import run_core

TASK_TABLE = (
    "<html><body><p>重点任务分工表</p><table>"
    "<tr><td>序号</td><td>重点任务</td><td>目标</td><td>牵头单位</td><td>完成时限</td></tr>"
    "<tr><td>1</td><td>培育企业</td><td>高新技术企业达到500家</td><td>市工信局</td><td>2024年</td></tr>"
    "<tr><td>2</td><td>森林覆盖率</td><td>达到45%</td><td>市林业局</td><td>2025年</td></tr>"
    "<tr><td>3</td><td>实施重点项目200个</td><td>市发展改革委</td><td>2025年底</td></tr>"
    "</table></body></html>"
)


def test_a_task_table_in_a_web_page_keeps_every_target_inside_its_cell(tmp_path):
    (tmp_path / "plan.html").write_text(TASK_TABLE, encoding="utf-8")
    out = run_core(tmp_path, tmp_path / "out")
    rows = pd.read_parquet(out / "targets.parquet")
    got = [(r.text, r.indicator, r.comparator, r.value, r.unit) for r in rows.itertuples()]
    assert got == [
        ("高新技术企业达到500家", "高新技术企业", ">=", 500, "家"),
        ("达到45%", "森林覆盖率", ">=", 45, "%"),
        ("重点项目200个", "重点项目", "=", 200, "个"),
    ]
    assert not any("\t" in text for text in rows.text)


def _ctx(text: str) -> ExtractContext:
    norm = NormalizedText(raw_text=text, text=text, offsets=OffsetMap.identity(len(text)))
    return ExtractContext(doc_id="t", norm=norm, sections=[], meta=DocumentMeta(issue_date="2023-06-01"))


# cells of task tables: no indicator-table header (指标 | 2025年目标) among them
_CELLS = st.sampled_from(
    [
        "1",
        "12",
        "培育企业",
        "森林覆盖率",
        "达到45%",
        "新增100家",
        "到2025年建成5G基站1万个",
        "高新技术企业达到500家以上",
        "市工信局",
        "2024年",
        "2025年底",
        "年均增长6%",
        "",
        "持续推进",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=6), max_size=6))
def test_no_target_span_crosses_a_cell_of_a_task_table(grid):
    text = "重点任务\n" + "".join("\t".join(row) + "\n" for row in grid)
    for row in targets.extract(_ctx(text)):
        assert "\t" not in text[row["norm_start"] : row["norm_end"]], row
        assert row["indicator"] is None or "\t" not in row["indicator"], row
