"""Deadlines on real documents whose gold was written blind: a deadline-only gold set.

``tests/fixtures/realdeadline`` holds 11 corpus-real documents in neither realdev nor
realheld (State Council notices without line breaks, 第X条 rules, provincial plans, a PDF
indicator table, two saved web pages, a 政府工作报告), with deadline gold written from the
raw text before polex ran on them (builder ``build/deadlines.py``, decisions in
``notes/deadlines.md``). It is scored with ``polex eval --labels deadline``: the other labels
are not annotated there.

The first score, before any rule was changed for it, is the honest measure of how the
deadline rules generalise: 0.860 (P 0.942, R 0.790; 2026-12-01). The floor is the score
after the rules of issue 11 item 3 less 0.02, a ratchet like realdev's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.qa.evaluate import evaluate
from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import load_gold_file, text_errors, validate_dir
from pipeline.reading.reader import discover, read_document

REALDEADLINE = Path(__file__).resolve().parent / "fixtures" / "realdeadline"
DOCS = REALDEADLINE / "docs"
GOLD = REALDEADLINE / "gold"

DEADLINE_F1_FLOOR = 0.97  # 0.992 (62/62 gold, 63 predicted) after DL7 (0017 `10年共`, 0167 `即将到期`); 0.860 before


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = run_core(DOCS, tmp_path_factory.mktemp("realdeadline_out"))
    scores, _ = evaluate(GOLD, out, ("deadline",))
    return scores


def test_at_least_ten_documents_each_with_gold():
    docs = discover(DOCS)
    assert len(docs) >= 10
    assert sorted(Path(d).stem for d in docs) == sorted(p.stem for p in GOLD.glob("*.json"))


def test_gold_is_valid_deadline_only_and_matches_the_reader_text():
    assert validate_dir(GOLD, DOCS) == []
    for path in GOLD.glob("*.json"):
        gold = load_gold_file(path)
        assert {s.label for s in gold.spans} <= {"deadline"}, path.name
        doc = read_document(DOCS, gold.doc)
        assert text_errors(str(path), gold, doc.raw_text, doc.sha256) == []


def test_no_document_is_in_another_real_gold_set():
    others = {p.name for name in ("realdev", "realheld") for p in (REALDEADLINE.parent / name / "docs").iterdir()}
    assert not others & {p.name for p in DOCS.iterdir()}


def test_deadline_f1_floor(report):
    s = report["labels"]["deadline"]
    assert list(report["labels"]) == ["deadline"]
    assert s["f1"] >= DEADLINE_F1_FLOOR, f"realdeadline deadline F1 {s['f1']:.3f} < {DEADLINE_F1_FLOOR}"
