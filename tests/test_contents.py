"""A table of contents (目录) is no heading and holds no span (pipeline.structure.contents; CONVENTIONS: numbered
lines of a 目录 are not headings), with and without line breaks; and in a text without line breaks a year frame
reaches no further than its section, as the line does where the text has breaks (extractors/targets.py)."""

from __future__ import annotations

from pipeline.core.document import RawDocument
from pipeline.process import extract_rows, structure
from pipeline.structure.contents import contents_spans

CONTENTS = (
    "目 录\n"
    "一、总体要求..............................1\n"
    "二、建设10个智能工厂......................4\n"
    "（一）基本原则…………………………………4\n"
    "三、保障措施·····························9\n"
    "附件 1：名词术语.......................... 12\n"
)
FILLER = "坚持市场主导，强化标准引领。" * 30  # long enough for a one-line text to be read as one (sections.is_flat)
BODY = (
    "一、总体要求\n到2025年，智能工厂达到100家。\n"
    f"二、建设10个智能工厂\n（一）基本原则\n{FILLER}\n三、保障措施\n加强组织领导。{FILLER}\n"
)


def _rows(raw: str) -> tuple[str, list, dict]:
    """The normalised text, the sections and every table's rows of ``raw`` through the real core."""
    doc = RawDocument(doc_id="t", source_path="t.txt", sha256="-", raw_text=raw, encoding="utf-8")
    ctx = structure(doc)
    return ctx.norm.text, ctx.sections, extract_rows(doc, ctx)


def test_contents_with_line_breaks_run_from_the_label_to_the_last_entry():
    raw = "国家智能工厂建设指南\n（2021 版）\n\n" + CONTENTS + "\n1\n" + BODY
    (start, end), *rest = contents_spans(raw)
    assert not rest
    assert raw[start:end] == CONTENTS.rstrip("\n")


def test_contents_run_together_in_a_text_without_line_breaks():
    flat = CONTENTS.replace("\n", "")
    raw = "国家智能工厂建设指南" + flat + "1" + BODY.replace("\n", "")
    (start, end), *rest = contents_spans(raw)
    assert not rest
    assert raw[start:end].startswith("目 录一、总体要求") and raw[start:end].endswith(
        "名词术语.......................... 121"
    )
    assert raw[end:].startswith("一、总体要求到2025年")


def test_entries_with_spaces_for_leaders_under_the_label_and_dotted_entries_without_it():
    spaced = "目录\n一、总体要求    1\n二、主要任务    3\n"
    assert contents_spans(spaced) == [(0, len(spaced) - 1)]
    dotted = "一、总体要求......1\n二、主要任务......3\n三、保障措施......5\n"
    assert contents_spans(dotted) == [(0, len(dotted) - 1)]


def test_running_text_that_names_a_catalogue_or_uses_an_ellipsis_is_no_contents():
    for prose in (
        "修订《产业结构调整指导目录》，淘汰落后产能。\n",
        "目录\n本目录自发布之日起施行。\n",
        "一、总体要求……\n二、主要任务\n",  # an ellipsis ends a sentence: no page number after it
    ):
        assert contents_spans(prose) == [], prose


def test_the_body_headings_are_numbered_from_one_and_the_entries_hold_no_target():
    for raw in (CONTENTS + BODY, CONTENTS.replace("\n", "") + BODY.replace("\n", "")):
        text, sections, rows = _rows(raw)
        body_start = text.index("一、总体要求到") if "\n" not in raw else text.index("一、总体要求\n")
        assert [(s.level, s.number) for s in sections] == [(1, 1), (1, 2), (2, 1), (1, 3)]
        assert all(s.norm_start >= body_start for s in sections)
        # the body's figures only (its heading's 10 too), not the entry's `二、建设10个智能工厂......4`
        assert [(r["value"], r["norm_start"] >= body_start) for r in rows["targets"]] == [(100, True), (10, True)]


def test_a_year_frame_of_a_text_without_line_breaks_reaches_the_end_of_its_section_only():
    """realdev6d 0052 as one line: `到2030年，` of the goals would become the year of every later task's figure."""
    goals = "一、主要目标　　到2030年，全市森林覆盖率达到45%以上。" + "坚持生态优先，推动绿色发展。" * 40
    tasks = "二、重点任务（一）加强保护建设10个湿地公园，新增绿地500公顷。" + "完善制度体系，落实各方责任。" * 40
    for raw in (goals + tasks, goals + "\n" + tasks):
        _, _, rows = _rows(raw)
        years = {r["value"]: r["deadline_year"] for r in rows["targets"]}
        assert years[45] == 2030
        assert years[10] is None and years[500] is None, years
