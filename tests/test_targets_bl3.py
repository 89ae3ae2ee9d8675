"""The BL3 target rules beyond their examples: the guards that keep them from firing where they must not, and a
property test over composed goal sentences (offsets exact, the pivot predicate joined only where it should be)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import target_patterns as P
from extractors.targets import _introduces_list, _previous_clause_subject, _restates_list, _with_pivot_predicate
from pipeline.core.document import RawDocument
from pipeline.process import extract_rows, structure


def _targets(text: str) -> list[dict]:
    doc = RawDocument(doc_id="t", source_path="t.txt", sha256="-", raw_text=text, encoding="utf-8")
    return extract_rows(doc, structure(doc)).get("targets", [])


def test_pivot_predicate_is_joined_only_when_short_and_without_a_count():
    text = "企业入驻孵化基地，"
    assert _with_pivot_predicate(text, 2, len(text) - 1, "企业") == "入驻孵化基地的企业"
    with_count = "企业入驻3个孵化基地，"
    assert _with_pivot_predicate(with_count, 2, len(with_count) - 1, "企业") == "企业"
    long = "企业入驻" + "国家级" * 10 + "基地，"
    assert _with_pivot_predicate(long, 2, len(long) - 1, "企业") == "企业"
    no_predicate = "企业在全省布局，"
    assert _with_pivot_predicate(no_predicate, 2, len(no_predicate) - 1, "企业") == "企业"


def test_a_list_is_restated_only_by_its_own_length():
    text = "开展甲、乙、丙和丁4个方面"
    start = text.index("4")
    assert _restates_list(text, text.index("甲"), start, start + 2, 4)
    assert not _restates_list(text, text.index("甲"), start, start + 2, 5)
    two_joins = "开展甲、乙和丙和丁5个方面"
    start = two_joins.index("5")
    assert not _restates_list(two_joins, two_joins.index("甲"), start, start + 2, 5)


def test_a_colon_list_is_counted_by_its_semicolons():
    text = "实现三项功能：甲，说明；乙；丙。"
    colon = text.index("：")
    assert _introduces_list(text, colon, 3)
    assert not _introduces_list(text, colon, 4)
    assert not _introduces_list("实现三项功能，甲；乙；丙。", text.index("："), 3)


def test_the_previous_subject_is_taken_only_from_a_whole_change_clause():
    text = "服务业对经济增长的贡献显著增强，达到60%以上"
    clause = text.index("达到")
    assert _previous_clause_subject(text, 0, clause) == "服务业对经济增长的贡献"
    assert _previous_clause_subject("坚持创新驱动，达到60%以上", 0, 7) is None


def test_premise_words_only_open_a_sentence():
    assert P.PREMISE_OPEN.match("立足现有基础")
    assert not P.PREMISE_OPEN.match("全市立足现有基础")


PIVOTS = st.sampled_from(["推动", "吸引", "带动", "引导", "支持"])
OTHERS = st.sampled_from(["培育", "建设", "打造"])
NOUNS = st.sampled_from(["企业", "重点项目", "医疗机构", "科技型企业"])
PREDICATES = st.sampled_from(["入驻产业园区", "实施数字化转型", "建成投运", "纳入上市培育库"])


@settings(max_examples=40, deadline=None)
@given(verb=PIVOTS | OTHERS, count=st.integers(2, 9999), noun=NOUNS, predicate=PREDICATES, unit=st.sampled_from("家个"))
def test_composed_goal_sentences(verb, count, noun, predicate, unit):
    text = f"到2025年，{verb}{count}{unit}{noun}{predicate}。"
    rows = [r for r in _targets(text) if r["value"] == count]
    assert len(rows) == 1, rows
    row = rows[0]
    assert text[row["raw_start"] : row["raw_end"]] == row["text"]
    assert row["text"].startswith(str(count))  # number-first: the verb stays outside (GUIDE)
    if verb in ("推动", "吸引", "带动", "引导", "支持"):
        assert row["indicator"] == f"{predicate}的{noun}"
    else:
        assert row["indicator"] == noun or row["indicator"].startswith(noun)
