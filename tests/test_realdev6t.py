"""TG6's target dev set: 6 corpus-real documents in no other gold set (issue 11, task TG6).

``tests/fixtures/realdev6t`` holds a ministry 行动计划 on sensors (2013), two drafts of a ministry plan on the
building-materials industry (`——` goal groups of counts, `到2023年` and `通过三年的努力`), the 中国地震局 AI 规划, a
ministry 方案 in broken PDF lines and a city bureau's forwarding notice. Their gold was written from the raw text
and committed before polex ran on them (``notes/realdev6t.md``); the builder in ``build/`` regenerates it.

Blind figures, measured before any rule was changed for them: heading 1.000, target 0.897, amount 0.941, deadline
0.778, target·indicator 0.828, micro 0.972, meta 78/78. The TG6 target rules were fitted to them afterwards, so the
floors below (the figures after the rules, less a margin) are a ratchet, not a generalisation figure.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from devset_checks import (
    META_FIELDS,
    check_f1_floor,
    check_gold_is_what_the_builders_write,
    check_gold_offsets_match_reader_text,
    check_indicator_floor,
    check_meta_field_floor,
)

from pipeline.qa.evaluate import evaluate
from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import load_gold_file, validate_dir
from pipeline.qa.labels import LABELS
from pipeline.reading.reader import discover

DEVSET = Path(__file__).resolve().parent / "fixtures" / "realdev6t"
DOCS = DEVSET / "docs"
GOLD = DEVSET / "gold"
BUILD = DEVSET / "build"

# After the TG6 rules (2026-12-02), less a margin (the figure in brackets; blind figures in the docstring).
F1_FLOORS = {
    "heading": 0.98,  # 1.000 (148 headings)
    "target": 0.95,  # 1.000 (30 gold, 30 pred)
    "amount": 0.90,  # 0.941 (9 gold, 8 pred): `规模超百亿` (元 elided before 的) missed
    "deadline": 0.97,  # blind 0.778; 1.000 after DL6 (`4月26日（周五）前`) and DL7 (0044 own term `until`, `未来5-15年，是…`, a German plan)
    "micro": 0.96,  # 0.987
}
TARGET_INDICATOR_FLOOR = 0.95  # 1.000
META_ACCURACY_FLOOR = 0.98  # 1.000, 78/78
META_FIELD_FLOOR = 0.83  # 6 documents: one miss is 0.833
UNSEEN_LABELS = ("responsible_unit",)  # no note in any of the six: polex must predict none


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = run_core(DOCS, tmp_path_factory.mktemp("realdev6t_out"))
    scores, _ = evaluate(GOLD, out)
    return scores


def test_realdev6t_has_6_documents_each_with_gold():
    docs = discover(DOCS)
    assert len(docs) == 6
    assert sorted(Path(d).stem for d in docs) == sorted(p.stem for p in GOLD.glob("*.json"))


def test_gold_files_have_valid_shape_and_offsets():
    assert validate_dir(GOLD, None) == []
    assert validate_dir(GOLD, DOCS) == []


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem[:4])
def test_gold_offsets_match_reader_text(gold_path):
    check_gold_offsets_match_reader_text(gold_path, DOCS)


def test_every_label_but_units_is_represented_in_gold():
    labels = {s.label for p in GOLD.glob("*.json") for s in load_gold_file(p).spans}
    assert labels == set(LABELS) - set(UNSEEN_LABELS)


def test_gold_is_what_the_builder_writes():
    """CONVENTIONS: the JSON is never edited by hand; running the builder gives it back."""
    check_gold_is_what_the_builders_write(GOLD, BUILD, "realdev6t_*.py")


def test_realdev6t_documents_are_all_found_in_out(report):
    assert report["missing_documents"] == []


@pytest.mark.parametrize("label", [*F1_FLOORS])
def test_realdev6t_f1_floor(report, label):
    check_f1_floor(report, label, F1_FLOORS, "realdev6t")


def test_realdev6t_names_no_unit_where_no_note_assigns_one(report):
    """`中国信息通信研究院、中国互联网协会要牵头设立…`, `成立局领导牵头，…工作组`: organs in prose are no units."""
    scored = report["labels"]["responsible_unit"]
    assert (scored["gold"], scored["pred"]) == (0, 0), scored


def test_realdev6t_target_indicator_floor(report):
    check_indicator_floor(report, TARGET_INDICATOR_FLOOR, "realdev6t")


def test_realdev6t_meta_accuracy_floor(report):
    assert report["meta"]["accuracy"] >= META_ACCURACY_FLOOR


@pytest.mark.parametrize("field", META_FIELDS)
def test_realdev6t_meta_field_floor(report, field):
    check_meta_field_floor(report, field, 6, META_FIELD_FLOOR, "realdev6t")
