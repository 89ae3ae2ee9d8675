"""Tasks (issue 16): one row per task a document assigns, and ``task_id`` on every
span table.  Beyond the example corpus (extractors/examples/tasks.jsonl): the
invariants on generated documents (hypothesis), the done-when on the seeds
through real Parquet, and a researcher's question answered with pandas."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import CORPUS

from pipeline.core.document import RawDocument
from pipeline.process import process_document
from pipeline.qa.fixtures import run_core

SPAN_TABLES = ["targets", "amounts", "deadlines", "responsible_units"]


def _process(raw: str) -> dict:
    return process_document(RawDocument(doc_id="d", source_path="d.txt", sha256="-", raw_text=raw, encoding="utf-8"))


def test_task_id_on_every_span_table_is_the_task_holding_the_span():
    raw = (
        "一、主要目标\n到2025年，全市规模以上工业企业达到800家。\n二、重点任务\n"
        "（一）建设平台。到2024年底建成创新平台10个，给予100万元奖励。（牵头单位：市科技局；责任单位：市财政局）\n"
        "（二）保障用地。每年安排用地指标。\n责任单位：市自然资源局\n"
    )
    out = _process(raw)
    tasks = {t["task_id"]: t for t in out["tasks"]}
    assert [t["text"] for t in out["tasks"]] == [
        "（一）建设平台。到2024年底建成创新平台10个，给予100万元奖励。（牵头单位：市科技局；责任单位：市财政局）",
        "（二）保障用地。每年安排用地指标。\n责任单位：市自然资源局",
    ]
    for table in SPAN_TABLES:
        for row in out[table]:
            assert "task_id" in row and not any(k.startswith("_") for k in row), (table, row)
            task = tasks.get(row["task_id"])
            if task is None:  # outside every task: the 主要目标 before any note
                assert row["norm_start"] < out["tasks"][0]["norm_start"], (table, row)
            else:
                assert task["norm_start"] <= row["norm_start"] and row["norm_end"] <= task["norm_end"], (table, row)
    by_text = {r["text"]: r["task_id"] for table in SPAN_TABLES for r in out[table]}
    assert by_text["100万元"] == 1 and by_text["市科技局"] == 1 and by_text["市自然资源局"] == 2
    assert by_text["每年"] == 2
    assert by_text["到2025年"] is None


ITEM = st.sampled_from(
    [
        "加快建设创新平台。",
        "到2025年建成10个产业园区。",
        "给予最高100万元奖励。",
        "（省科技厅牵头，省财政厅配合）",
        "（责任单位：市商务局、各县（市、区））",
        "\n责任单位：市发展改革委\n",
        "（试行）",
        "（2021—2023年）",
        "推进园区建设（市商务局负责）。",
    ]
)
HEADING = st.sampled_from(["一、重点任务\n", "（一）强化保障。", "1.完善机制。", "第三条 ", ""])


@settings(max_examples=150, deadline=None, derandomize=True)
@given(parts=st.lists(st.tuples(HEADING, st.lists(ITEM, max_size=5)), max_size=6))
def test_every_unit_lies_inside_its_task_and_tasks_nest_or_are_disjoint(parts):
    raw = "前言。\n" + "".join(h + "".join(items) + "\n" for h, items in parts)
    out = _process(raw)
    tasks = out["tasks"]
    assert [t["task_id"] for t in tasks] == list(range(1, len(tasks) + 1))
    assert [t["norm_start"] for t in tasks] == sorted(t["norm_start"] for t in tasks)
    for a in tasks:
        assert raw[a["raw_start"] : a["raw_end"]] == a["text"]
        for b in tasks:
            if a["norm_start"] < b["norm_start"] < a["norm_end"]:
                assert b["norm_end"] <= a["norm_end"], (a, b)  # nested, never crossing
    by_id = {t["task_id"]: t for t in tasks}
    for unit in out["responsible_units"]:
        task = by_id[unit["task_id"]]  # a unit always has a task ...
        assert task["norm_start"] <= unit["norm_start"] and unit["norm_end"] <= task["norm_end"]  # ... holding it


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory):
    return run_core(CORPUS, tmp_path_factory.mktemp("tasks_seeds"))


def test_seeds_units_lie_inside_their_tasks_and_tasks_name_units(seeds_out):
    # Issue 16's done-when, measured on the five seeds through real Parquet.
    units = pd.read_parquet(seeds_out / "responsible_units.parquet")
    tasks = pd.read_parquet(seeds_out / "tasks.parquet")
    joined = units.merge(tasks, on=["doc_id", "task_id"], how="left", suffixes=("", "_task"))
    inside = (joined.norm_start >= joined.norm_start_task) & (joined.norm_end <= joined.norm_end_task)
    assert inside.mean() >= 0.95, inside.mean()
    naming = units.dropna(subset=["task_id"]).groupby(["doc_id", "task_id"]).ngroups
    assert naming >= 60, naming
    assert tasks.task_id.dtype == "Int64" and set(tasks.kind) <= {"note", "table", "block"}


def test_a_researcher_asks_who_leads_the_task_with_this_target(seeds_out):
    """Which unit leads the task holding a target, and by when (the README's question)."""
    targets = pd.read_parquet(seeds_out / "targets.parquet")
    units = pd.read_parquet(seeds_out / "responsible_units.parquet")
    docs = pd.read_parquet(seeds_out / "documents.parquet")
    seed_002 = docs.loc[docs.source_path == "002_d4a341c0482e1261.txt", "doc_id"].item()
    in_task = targets[(targets.doc_id == seed_002) & targets.task_id.notna()]
    leads = units[units.role.isin(["lead", "responsible"])].groupby(["doc_id", "task_id"]).name.first()
    answer = in_task.join(leads, on=["doc_id", "task_id"])
    assert len(answer) > 0 and answer.name.notna().all()
    assert "省工业和信息化厅" in set(answer.name)


def test_a_task_table_in_a_web_page_gives_a_task_per_row(tmp_path):
    # The real reader renders <td> cells with tabs; every row is a task, its units inside it.
    (tmp_path / "plan.html").write_text(
        "<html><body><p>重点任务分工表</p><table>"
        "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>1</td><td>建设创新平台</td><td>市科技局</td><td>市财政局、市教育局</td></tr>"
        "<tr><td>2</td><td>保障项目用地</td><td>市自然资源局</td><td>各县（市、区）人民政府</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    out = run_core(tmp_path, tmp_path / "out")
    tasks = pd.read_parquet(out / "tasks.parquet")
    units = pd.read_parquet(out / "responsible_units.parquet")
    assert list(tasks.kind) == ["table", "table"]
    assert [t.split("\t")[1] for t in tasks.text] == ["建设创新平台", "保障项目用地"]
    by_task = {int(k): list(zip(g["name"], g["role"])) for k, g in units.groupby("task_id")}
    assert by_task == {
        1: [("市科技局", "lead"), ("市财政局", "support"), ("市教育局", "support")],
        2: [("市自然资源局", "lead"), ("各县（市、区）人民政府", "support")],
    }
