"""Held-out real documents: scored in aggregate only.

``tests/fixtures/realheld`` holds five corpus-real documents with gold that
the engineers who write extraction rules never read. Their aggregate score
says how the rules do on documents their writers have not seen; it is never
printed per document, and nothing in the rules may be fitted to it (see
``tests/fixtures/realdev/CONVENTIONS.md``). The floors are a ratchet like
realdev's, measured on 2026-12-01 before any real-document rule work.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from devset_checks import check_f1_floor

from pipeline.qa.evaluate import evaluate
from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import validate_dir
from pipeline.qa.labels import EXTRA_META_FIELDS, LABELS, META_FIELDS

REALHELD = Path(__file__).resolve().parent / "fixtures" / "realheld"

F1_FLOORS = {
    "heading": 0.97,  # 1.000 after the issue-11 heading rules (0.898 before)
    "target": 0.95,  # 0.839 at the baseline; 0.974 on 2026-12-01 (targets branch)
    "amount": 0.97,  # 1.000 after the issue-11 amount rules (0.977 before)
    "deadline": 0.90,  # 0.929 after BL2's garbled-year rules (0.852 after the issue-11 rules, 0.769 before)
    "responsible_unit": 0.95,  # 0.977
    "micro": 0.90,  # 0.936 after headings, amounts and deadlines (0.894 before)
}


# Meta fields in aggregate (issue 17): GUIDE's four, and the researcher's fields gold writes.
META_FLOORS = {"guide": 0.95, "extra": 0.95}  # measured 19/20 and 45/45 on 2026-12-01


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = run_core(REALHELD / "docs", tmp_path_factory.mktemp("realheld_out"))
    scores, _ = evaluate(REALHELD / "gold", out)
    return scores


def test_held_out_gold_is_valid():
    assert validate_dir(REALHELD / "gold", REALHELD / "docs") == []


@pytest.mark.parametrize("label", [*LABELS, "micro"])
def test_held_out_f1_floor(report, label):
    # Aggregate only: the message names the label and the score, never a document or span.
    check_f1_floor(report, label, F1_FLOORS, "realheld")


def test_held_out_meta_in_aggregate(report):
    fields = report["meta"]["fields"]
    guide = [fields[name] for name in META_FIELDS]
    extra = [fields[name] for name in EXTRA_META_FIELDS if name in fields]
    for group, scored in (("guide", guide), ("extra", extra)):
        accuracy = sum(s["right"] for s in scored) / sum(s["total"] for s in scored)
        # Aggregate only: never a field of one document.
        assert accuracy >= META_FLOORS[group], f"realheld meta ({group} fields): {accuracy:.3f}"
