"""Checks both held-out devsets (tests/fixtures/devset, devset2) run the same way.

Each test_devset*.py keeps its own documents, floors and layout checks and
calls these for the shared part: gold offsets against the reader's text,
label coverage, and the F1 / meta floors of a scored report.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.qa.gold import load_gold_file, text_errors
from pipeline.qa.labels import LABELS
from pipeline.reading.reader import read_document


def check_gold_offsets_match_reader_text(gold_path: Path, docs: Path) -> None:
    gold = load_gold_file(gold_path)
    doc = read_document(docs, gold.doc)
    assert gold.spans, "a devset document without spans measures nothing"
    assert text_errors(str(gold_path), gold, doc.raw_text, doc.sha256) == []
    for span in gold.spans:  # GUIDE: attribute values in ASCII digits, never full-width
        assert not any("\uff10" <= ch <= "\uff19" for ch in json.dumps(span.attrs, ensure_ascii=False)), span


def check_every_label_is_represented(gold_dir: Path) -> None:
    labels = {s.label for p in gold_dir.glob("*.json") for s in load_gold_file(p).spans}
    assert labels == set(LABELS)


def check_f1_floor(report: dict, label: str, floors: dict[str, float], name: str) -> None:
    f1 = report["micro_f1"] if label == "micro" else report["labels"][label]["f1"]
    assert f1 >= floors[label], f"{label} F1 {f1:.3f} fell below the {name} floor {floors[label]:.2f}"
