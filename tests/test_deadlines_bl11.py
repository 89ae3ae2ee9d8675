"""BL11's deadline conventions (realblind11's classes): the years of work a plan's goals open with, a bare year in
an undated call's 总体要求 part, and 按月 as a person's instalments. The real pipeline reads each text."""

from __future__ import annotations

import pytest

from pipeline.core.document import RawDocument
from pipeline.process import extract_rows, structure


def deadlines(text: str) -> list[tuple[str, str, int | None, int | None]]:
    doc = RawDocument(doc_id="t", source_path="t.txt", sha256="-", raw_text=text, encoding="utf-8")
    rows = extract_rows(doc, structure(doc))["deadlines"]
    return [(r["text"], r["kind"], r.get("year"), r.get("months")) for r in rows]


@pytest.mark.parametrize("work", ["发展", "建设", "奋斗", "攻坚"])
def test_years_of_work_opening_a_plans_goals_are_within(work):
    got = deadlines(f"（二）发展目标\n经过三年{work}，我省产业取得明显突破。\n")
    assert (f"经过三年{work}", "within", None, 36) in got


@pytest.mark.parametrize(
    "text",
    [
        "一、发展现状\n经过5年发展，全市已形成较为完整的产业链。\n",  # 已: a result
        "一、发展现状\n经过三年建设，形成了完整的工业体系。\n",  # 了: a result
        "一、发展现状\n改革开放以来，经过40年发展，全市产业体系完备。\n",  # decades: the past
        "（二）发展目标\n用三年建设一批示范工厂。\n",  # the work noun only after 经过
    ],
)
def test_years_of_work_narrating_the_past_or_without_jingguo_are_none(text):
    assert not [row for row in deadlines(text) if row[1] == "within"]


CALL = "各普通本科高校：\n一、{part}\n以服务国家重大战略为目标，2024 年，围绕主题，立项打造 10 个左右本科专业高质量发展共同体。\n"


def test_bare_year_in_an_undated_calls_general_requirements_part_is_its_goals_year():
    assert ("2024 年", "by", 2024, None) in deadlines(CALL.format(part="总体要求"))


def test_bare_year_in_an_undated_texts_rules_part_stays_none():
    assert deadlines(CALL.format(part="申报要求")) == []


def test_monthly_instalments_of_a_person_are_no_cycle_but_the_issuers_monthly_work_is():
    assert deadlines("可以申请办理延缴业务，即按月继续缴费；") == []
    assert deadlines("参保人员可按月领取失业保险金。") == []
    assert ("按月", "recurring", None, 1) in deadlines("按月调度重点项目。")


def test_month_only_window_of_an_undated_call_takes_the_year_its_goals_are_set_for():
    text = CALL.format(part="总体要求") + "二、申报要求\n请于 9 月 16 日— 23 日登录平台填报。\n"
    assert ("9 月 16 日— 23 日", "by", 2024, None) in deadlines(text)


def test_month_only_window_of_an_undated_text_without_any_year_stays_without_one():
    assert ("9 月 16 日— 23 日", "by", None, None) in deadlines("二、申报要求\n请于 9 月 16 日— 23 日登录平台填报。\n")
