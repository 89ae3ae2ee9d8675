"""A blind measurement: 4 national documents of corpus-real in no other gold set, gold written blind.

``tests/fixtures/realblind4`` holds three 国务院/国务院办公厅 texts whose line breaks were all lost (a 通知 on
environmental enforcement, a 若干意见 on the coal industry, a notice forwarding a 实施意见 on power reform) and a
national 指导意见 on AI scenarios with its breaks but no title or signature (issue 11, task BL4). Their gold was
written from the raw text and committed before polex ran on them (``notes/realblind4.md``); the builder in
``build/`` regenerates it.

No document has a money amount or a responsibility note (organs are named in prose): for ``amount`` and
``responsible_unit`` the set measures false positives, and the test asserts there are none.

The real core path runs on every document, the tables go through Parquet and ``polex eval``'s scorer
compares them with gold. The floors are the blind measurement (main 97f7e31, no rule changed for these
documents) less a margin: a ratchet, raised as the extractors improve, never lowered to let a change through.
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

REALBLIND = Path(__file__).resolve().parent / "fixtures" / "realblind4"
DOCS = REALBLIND / "docs"
GOLD = REALBLIND / "gold"
BUILD = REALBLIND / "build"

# Blind F1 measured on 2026-12-01 (main 97f7e31), less a margin (measured figure in the comment).
F1_FLOORS = {
    "heading": 0.97,  # blind 0.947 (89/94: the five 一、 headings of 0005 ran over the `　　` paragraph indent); 1.000 since the lead's flat-text indent stop
    "target": 0.88,  # 0.909 (5/6: 0026 `…等13个大型煤炭基地` missed)
    "deadline": 0.97,  # blind 0.811; 1.000 after DL6 (phase schedule `“十一五”期间前两年`; gold of `“十一五”期间，要…` moved to `within`)
    "micro": 0.90,  # 0.924
}
TARGET_INDICATOR_FLOOR = 0.88  # 0.909 (5/6)
META_ACCURACY_FLOOR = 0.97  # 1.000, 52/52
META_FIELD_FLOOR = 1.0  # 4 documents, every field right: one miss (0.75) would be a regression
UNSEEN_LABELS = ("amount", "responsible_unit")  # gold has none of them: polex must predict none


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = run_core(DOCS, tmp_path_factory.mktemp("realblind4_out"))
    scores, _ = evaluate(GOLD, out)
    return scores


def test_realblind4_has_4_documents_each_with_gold():
    docs = discover(DOCS)
    assert len(docs) == 4
    assert sorted(Path(d).stem for d in docs) == sorted(p.stem for p in GOLD.glob("*.json"))


def test_gold_files_have_valid_shape_and_offsets():
    assert validate_dir(GOLD, None) == []
    assert validate_dir(GOLD, DOCS) == []


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem[:4])
def test_gold_offsets_match_reader_text(gold_path):
    check_gold_offsets_match_reader_text(gold_path, DOCS)


def test_every_label_but_amounts_and_units_is_represented_in_gold():
    labels = {s.label for p in GOLD.glob("*.json") for s in load_gold_file(p).spans}
    assert labels == set(LABELS) - set(UNSEEN_LABELS)


def test_gold_is_what_the_builder_writes():
    """CONVENTIONS: the JSON is never edited by hand; running the builder gives it back."""
    check_gold_is_what_the_builders_write(GOLD, BUILD, "realblind4.py")


def test_realblind4_documents_are_all_found_in_out(report):
    assert report["missing_documents"] == []


@pytest.mark.parametrize("label", [*F1_FLOORS])
def test_realblind4_f1_floor(report, label):
    check_f1_floor(report, label, F1_FLOORS, "realblind4")


@pytest.mark.parametrize("label", UNSEEN_LABELS)
def test_realblind4_names_no_amount_and_no_unit_in_national_prose(report, label):
    """Organs named in prose (`环境保护部等有关部门要加强督促`, `…等部门和单位要配合人民法院`) are no units."""
    scored = report["labels"][label]
    assert (scored["gold"], scored["pred"]) == (0, 0), scored


def test_realblind4_target_indicator_floor(report):
    check_indicator_floor(report, TARGET_INDICATOR_FLOOR, "realblind4")


def test_realblind4_meta_accuracy_floor(report):
    assert report["meta"]["accuracy"] >= META_ACCURACY_FLOOR


@pytest.mark.parametrize("field", META_FIELDS)
def test_realblind4_meta_field_floor(report, field):
    check_meta_field_floor(report, field, 4, META_FIELD_FLOOR, "realblind4")
