"""TG7's dev set for targets round 2 (issue 11): 5 corpus-real documents in no other gold set.

``tests/fixtures/realdev7t`` holds a poverty-exit work procedure (HTML), the 最高人民法院办公厅 smart-court work
plan, the national smart-car strategy and two State Council coal documents (a 2006 批复 with its plan, a 1984
批转 notice of a 请示 with its list of units). Procedures and approvals are full of numbers that are no goals:
the set measures precision as much as recall. The gold was written from the raw text and committed before polex
ran on them (``notes/realdev7t.md``, the blind figures there); the builder in ``build/`` regenerates it.

The floors are the figures after TG7's rules less a margin: a ratchet, raised as the extractors improve.
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
from pipeline.qa.gold import validate_dir
from pipeline.reading.reader import discover

REALDEV = Path(__file__).resolve().parent / "fixtures" / "realdev7t"
DOCS = REALDEV / "docs"
GOLD = REALDEV / "gold"
BUILD = REALDEV / "build"

# F1 after the TG7 rules (2026-12-02), less a margin; the blind figure in brackets (notes/realdev7t.md).
F1_FLOORS = {
    "heading": 0.98,  # 1.000 (113 headings; blind 1.000)
    "target": 0.45,  # 0.500 (3 gold, 1 pred: 0019's two `将由19%上升到45%` projections missed; blind 0.400)
    "deadline": 0.97,  # 1.000 after DL7 (`2006年10月，…启动试点工作`: a schedule step); blind 0.957
    "micro": 0.93,  # 0.958 (blind 0.954)
}
TARGET_INDICATOR_FLOOR = 0.45  # 0.500 (blind 0.000)
# meta 65/65 after MT7 (blind 60/65): 0019's issuers (批转) and effective_date (a rule's start inside the 请示)
# and 0025's genre (批复) by rules; 0093's genre (战略) and 0201's admin_level (county) by the gold moved to the
# convention after measurement (the builder's comments): 63/65 against the blind gold.
META_ACCURACY_FLOOR = 0.98  # 1.000, 65/65: one miss fails
META_FIELD_FLOOR = 0.8  # 5 documents: 0.8 is one miss


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = run_core(DOCS, tmp_path_factory.mktemp("realdev7t_out"))
    scores, _ = evaluate(GOLD, out)
    return scores


def test_realdev7t_has_5_documents_each_with_gold():
    docs = discover(DOCS)
    assert len(docs) == 5
    assert sorted(Path(d).stem for d in docs) == sorted(p.stem for p in GOLD.glob("*.json"))


def test_gold_files_have_valid_shape_and_offsets():
    assert validate_dir(GOLD, None) == []
    assert validate_dir(GOLD, DOCS) == []


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem[:4])
def test_gold_offsets_match_reader_text(gold_path):
    check_gold_offsets_match_reader_text(gold_path, DOCS)


def test_gold_is_what_the_builder_writes():
    """CONVENTIONS: the JSON is never edited by hand; running the builder gives it back."""
    check_gold_is_what_the_builders_write(GOLD, BUILD, "realdev7t_*.py")


def test_realdev7t_documents_are_all_found_in_out(report):
    assert report["missing_documents"] == []


@pytest.mark.parametrize("label", [*F1_FLOORS])
def test_realdev7t_f1_floor(report, label):
    check_f1_floor(report, label, F1_FLOORS, "realdev7t")


def test_realdev7t_target_indicator_floor(report):
    check_indicator_floor(report, TARGET_INDICATOR_FLOOR, "realdev7t")


def test_realdev7t_precision_on_numbers_that_are_no_goals(report):
    """The strategy, the procedure and the approval set no quantified goal: every target polex writes is gold's
    (blind: 0025's `山西省等8个煤炭主产省（区）`, the pilot's scope the plan lists in full, was one)."""
    assert report["labels"]["target"]["p"] == 1.0


def test_realdev7t_meta_accuracy_floor(report):
    assert report["meta"]["accuracy"] >= META_ACCURACY_FLOOR


@pytest.mark.parametrize("field", META_FIELDS)
def test_realdev7t_meta_field_floor(report, field):
    check_meta_field_floor(report, field, 5, META_FIELD_FLOOR, "realdev7t")
