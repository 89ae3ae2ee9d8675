"""Precision of targets on 政府工作报告 (issue 11): a hand-checked sample.

``tests/data/workreport_target_sample.jsonl`` holds 50 targets drawn by
``tests/fixtures/workreports/draw_sample.py`` (seeded) from polex's targets on
the 24 work reports of corpus-real that no gold set holds, each judged by hand
against GUIDE (a goal of the coming year a later check could verify; not a
result of the past, a budget, a class or a name): ``draw: final``.  Lines with
``draw: earlier`` are targets judged wrong in the draws before the last rule
fixes (first draw 46/50 right, second 48/50, see the jsonl): they must stay gone.

The real core path re-runs on the copies in ``tests/fixtures/workreports/docs``;
a sampled span is found again when a target overlaps it with the same value and
unit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.process import process_document
from pipeline.reading.reader import read_document

HERE = Path(__file__).resolve().parent
DOCS = HERE / "fixtures" / "workreports" / "docs"
SAMPLE = [
    json.loads(line)
    for line in (HERE / "data" / "workreport_target_sample.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
PRECISION_FLOOR = 0.90


@pytest.fixture(scope="module")
def targets_by_doc():
    return {name: process_document(read_document(DOCS, name))["targets"] for name in sorted({s["doc"] for s in SAMPLE})}


def _found(entry: dict, rows: list[dict]) -> bool:
    return any(
        r["raw_start"] < entry["raw_end"]
        and entry["raw_start"] < r["raw_end"]
        and r["value"] == entry["value"]
        and r["unit"] == entry["unit"]
        for r in rows
    )


def test_sample_is_fifty_judged_targets_of_unlabelled_work_reports():
    final = [s for s in SAMPLE if s["draw"] == "final"]
    assert len(final) == 50
    assert all(s["verdict"] in ("right", "wrong") and s["reason"] for s in SAMPLE)
    assert all("政府工作报告" in s["doc"] for s in SAMPLE)
    gold = {p.stem for d in ("realdev", "realheld") for p in (HERE / "fixtures" / d / "gold").glob("*.json")}
    assert not {Path(s["doc"]).stem for s in SAMPLE} & gold


def test_sample_texts_match_the_committed_documents():
    for s in SAMPLE:
        raw = read_document(DOCS, s["doc"]).raw_text
        assert raw[s["raw_start"] : s["raw_end"]] == s["text"], s


@pytest.mark.parametrize("entry", SAMPLE, ids=lambda s: f"{s['doc'][:4]}-{s['raw_start']}-{s['verdict']}")
def test_judged_span_is_still_found_or_still_gone(entry, targets_by_doc):
    found = _found(entry, targets_by_doc[entry["doc"]])
    assert found == (entry["verdict"] == "right"), f"{entry['verdict']}: {entry['context']} ({entry['reason']})"


def test_precision_on_the_final_draw_holds(targets_by_doc):
    final = [s for s in SAMPLE if s["draw"] == "final"]
    still_found = [s for s in final if _found(s, targets_by_doc[s["doc"]])]
    right = sum(s["verdict"] == "right" for s in still_found)
    assert right / len(still_found) >= PRECISION_FLOOR
