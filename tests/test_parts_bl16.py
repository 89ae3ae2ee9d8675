"""BL16's situation parts (realblind15's class): a part whose heading states the situation the measures answer
(`（二）面临形势`, `一、发展形势`, `（二）环境形势依然十分严峻`) sets no goal and bounds no task: its figures and spans are
the present or what the text expects of it (`未来15年…经济总量将再翻两番`). The real pipeline reads each text."""

from __future__ import annotations

import pytest

from extractors.target_parts import is_review_title
from pipeline.core.document import RawDocument
from pipeline.process import extract_rows, structure

GOALS = "二、发展目标\n到2025年，数字经济核心产业增加值达到500亿元。\n"
FORECAST = "未来五年，全球数据总量将增长10倍，我国数据中心机架将增加到100万架。\n"
# a decision in one line with paragraph indents (a scraped State Council text), long enough to be flat
FILLER = "各地区、各部门要高度重视，认真研究，切实加强组织领导，抓好各项工作落实。" * 12


def rows(text: str) -> dict[str, list[dict]]:
    doc = RawDocument(doc_id="t", source_path="t.txt", sha256="-", raw_text=text, encoding="utf-8")
    return extract_rows(doc, structure(doc))


def texts(text: str, table: str) -> list[str]:
    return [r["text"] for r in rows(text)[table]]


@pytest.mark.parametrize(
    "title",
    [
        "形势",
        "面临形势",
        "面临的形势",
        "发展形势",
        "国内外形势",
        "面临的形势与挑战",
        "环境形势依然十分严峻",
        "形势更加复杂",
        "安全生产形势依然严峻复杂",
    ],
)
def test_a_situation_title_opens_a_part_without_goals(title):
    assert is_review_title(title)
    text = f"一、{title}\n{FORECAST}{GOALS}"
    assert texts(text, "targets") == ["数字经济核心产业增加值达到500亿元"]
    assert texts(text, "deadlines") == ["到2025年"]


@pytest.mark.parametrize("title", ["发展形势与总体要求", "适应新形势，加快发展", "把握形势新变化", "形势与任务"])
def test_a_title_that_also_sets_goals_or_is_a_task_opens_no_situation_part(title):
    assert not is_review_title(title)
    text = f"一、{title}\n到2025年，建成5G基站1万个。\n"
    assert texts(text, "targets") == ["5G基站1万个"]


def test_a_situation_part_ends_at_the_next_heading_of_its_rank():
    text = f"（一）发展形势\n{FORECAST}（二）发展目标\n未来五年，全市数据中心机架增加到10万架。\n"
    assert texts(text, "targets") == ["全市数据中心机架增加到10万架"]
    assert texts(text, "deadlines") == ["未来五年"]


def test_a_flat_decisions_situation_paragraph_holds_no_goal_and_no_bound():
    text = (
        f"　　（一）工作取得积极进展。{FILLER}"
        "　　（二）环境形势依然十分严峻。未来15年我国人口将继续增加，经济总量将再翻两番。"
        f"　　（三）环境目标。到2010年，城市污水处理率不低于70%。{FILLER}"
    )
    assert texts(text, "targets") == ["城市污水处理率不低于70%"]
    assert texts(text, "deadlines") == ["到2010年"]


def test_amounts_in_a_situation_part_are_still_amounts():
    text = f"一、面临形势\n未来五年，全球数字经济规模将超过50万亿元。\n{GOALS}"
    assert texts(text, "amounts") == ["50万亿元", "500亿元"]
