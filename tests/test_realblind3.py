"""A third honest measurement: 8 provincial and city documents of corpus-real in no other gold set, gold written blind.

``tests/fixtures/realblind3`` holds what issue 11 found weakest on unseen local plans (targets and their
indicator): four Shandong province plans (a 行动计划 whose 引领区 items repeat `每年…不少于…` counts, a three-year
retrofit plan, a pilot-zone 实施方案 with garbled years, a 行动方案 whose every year is garbled and every item closes
with a `（牵头单位：…，参加单位：…）` note), two 青岛 city plans, a 济南 subsidy 实施细则 and a Guizhou student-aid
HTML fragment. Their gold was written from the raw text and committed before polex ran on them
(``notes/realblind3.md``); the builders in ``build/`` regenerate it.

The real core path runs on every document, the tables go through Parquet and ``polex eval``'s scorer compares
them with gold. The blind figures (before any rule was changed for these documents) are in the notes; the floors
below are the measurement after the rules of task BL3, less a margin: a ratchet, raised as the extractors
improve, never lowered to let a change through.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from devset_checks import (
    META_FIELDS,
    check_every_label_is_represented,
    check_f1_floor,
    check_gold_is_what_the_builders_write,
    check_gold_offsets_match_reader_text,
    check_indicator_floor,
    check_meta_field_floor,
)

from pipeline.qa.evaluate import evaluate
from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import validate_dir
from pipeline.qa.labels import LABELS
from pipeline.reading.reader import discover

REALBLIND = Path(__file__).resolve().parent / "fixtures" / "realblind3"
DOCS = REALBLIND / "docs"
GOLD = REALBLIND / "gold"
BUILD = REALBLIND / "build"

# F1 measured on 2026-12-01 after the BL3 target rules, less 0.02 (blind figures, main 7059fa1, in brackets).
F1_FLOORS = {
    "heading": 0.96,  # 0.987 (blind 0.987: six `N.` items whose title opens with a garbled year, `总体要求-、`)
    "target": 0.96,  # 0.985 (blind 0.969 against the first gold, 0.977 against the reviewed one)
    "amount": 0.98,  # 1.000 (blind 1.000)
    "deadline": 0.68,  # 0.705 (blind 0.705: garbled years `0403年底前`, `到4549年`; BL2's, notes/for_bl2.md)
    "responsible_unit": 0.98,  # 1.000 (blind 1.000, 301 units)
    "micro": 0.95,  # 0.975 (blind 0.974)
}
TARGET_INDICATOR_FLOOR = 0.96  # 0.985 (blind 0.815 against the first gold, 0.824 against the reviewed one)
META_ACCURACY_FLOOR = 0.95  # 0.971, 101/104 (blind the same)
META_FIELD_FLOOR = 0.85  # 8 documents: one miss is 0.875 (issuer/issuers of 0125 from its 印发 line; genre of 0120)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = run_core(DOCS, tmp_path_factory.mktemp("realblind3_out"))
    scores, _ = evaluate(GOLD, out)
    return scores


def test_realblind3_has_8_documents_each_with_gold():
    docs = discover(DOCS)
    assert len(docs) == 8
    assert sorted(Path(d).stem for d in docs) == sorted(p.stem for p in GOLD.glob("*.json"))


def test_gold_files_have_valid_shape_and_offsets():
    assert validate_dir(GOLD, None) == []
    assert validate_dir(GOLD, DOCS) == []


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem[:4])
def test_gold_offsets_match_reader_text(gold_path):
    check_gold_offsets_match_reader_text(gold_path, DOCS)


def test_every_label_is_represented_in_gold():
    check_every_label_is_represented(GOLD)


def test_gold_is_what_the_builders_write():
    """CONVENTIONS: the JSON is never edited by hand; running the builders gives it back."""
    check_gold_is_what_the_builders_write(GOLD, BUILD, "realblind3_*.py")


def test_realblind3_documents_are_all_found_in_out(report):
    assert report["missing_documents"] == []


@pytest.mark.parametrize("label", [*LABELS, "micro"])
def test_realblind3_f1_floor(report, label):
    check_f1_floor(report, label, F1_FLOORS, "realblind3")


def test_realblind3_target_indicator_floor(report):
    check_indicator_floor(report, TARGET_INDICATOR_FLOOR, "realblind3")


def test_realblind3_meta_accuracy_floor(report):
    assert report["meta"]["accuracy"] >= META_ACCURACY_FLOOR


@pytest.mark.parametrize("field", META_FIELDS)
def test_realblind3_meta_field_floor(report, field):
    check_meta_field_floor(report, field, 8, META_FIELD_FLOOR, "realblind3")
