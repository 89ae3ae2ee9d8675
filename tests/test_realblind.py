"""A second honest measurement: 8 real documents of corpus-real in no other gold set, gold written blind.

``tests/fixtures/realblind`` holds documents chosen for what realdev lacks (a county plan in a saved web
page, a 令 with articles, a ministry plan in broken-line PDF text, a State Council text without line
breaks, a national 实施方案 whose tasks close with unit notes, a county Word-style HTML fragment, a
province's 若干措施, a city's 若干政策措施 in full-width digits). Their gold was written from the raw text
and committed before polex ran on them (``notes/realblind.md``); the builders in ``build/`` regenerate it.

The real core path runs on every document, the tables go through Parquet and ``polex eval``'s scorer
compares them with gold. The blind figures (before any rule was changed for these documents) are in the
notes and the README; the floors below are the measurement after the rules of task BLD, less a margin:
a ratchet, raised as the extractors improve, never lowered to let a change through.
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

REALBLIND = Path(__file__).resolve().parent / "fixtures" / "realblind"
DOCS = REALBLIND / "docs"
GOLD = REALBLIND / "gold"
BUILD = REALBLIND / "build"

# F1 measured on 2026-12-01 after the BLD (and, for targets and micro, TG) rules, less 0.02 (blind figures in brackets).
F1_FLOORS = {
    "heading": 0.98,  # 1.000 (blind 0.998: `。2.加强标准研制` glued in PDF text)
    "target": 0.98,  # 1.000 after the TG target rules (0.873 after BLD; blind 0.852)
    "amount": 0.98,  # 1.000 (blind 0.971 against the first gold; 1.000 against the reviewed one)
    "deadline": 0.98,  # 1.000 (blind 0.914; 0.928 against the reviewed gold)
    "responsible_unit": 0.98,  # 1.000 (blind 1.000, 148 units)
    "micro": 0.98,  # 1.000 after TG (0.993 after BLD; blind 0.980)
}
TARGET_INDICATOR_FLOOR = 0.94  # 0.962 after TG (0.764 after BLD; blind 0.778 against the first gold)
META_ACCURACY_FLOOR = 0.95  # 0.971, 101/104 (blind 0.933)
META_FIELD_FLOOR = 0.85  # 8 documents: one miss is 0.875 (issuer of 0117 from its 印发 line; genre of 0117)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = run_core(DOCS, tmp_path_factory.mktemp("realblind_out"))
    scores, _ = evaluate(GOLD, out)
    return scores


def test_realblind_has_8_documents_each_with_gold():
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
    check_gold_is_what_the_builders_write(GOLD, BUILD, "realblind_*.py")


def test_realblind_documents_are_all_found_in_out(report):
    assert report["missing_documents"] == []


@pytest.mark.parametrize("label", [*LABELS, "micro"])
def test_realblind_f1_floor(report, label):
    check_f1_floor(report, label, F1_FLOORS, "realblind")


def test_realblind_target_indicator_floor(report):
    check_indicator_floor(report, TARGET_INDICATOR_FLOOR, "realblind")


def test_realblind_meta_accuracy_floor(report):
    assert report["meta"]["accuracy"] >= META_ACCURACY_FLOOR


@pytest.mark.parametrize("field", META_FIELDS)
def test_realblind_meta_field_floor(report, field):
    check_meta_field_floor(report, field, 8, META_FIELD_FLOOR, "realblind")
