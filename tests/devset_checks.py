"""Checks the gold sets (tests/fixtures/devset*, realdev, realblind*) run the same way.

Each test file keeps its own documents, floors and layout checks and calls
these for the shared part: gold offsets against the reader's text, label
coverage, gold equal to what its builders write, and the F1 / indicator /
meta floors of a scored report.
"""

from __future__ import annotations

import importlib
import json
import sys
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


# Every meta field GUIDE lists, as `polex eval` scores them.
META_FIELDS = ("title", "doc_number", "issuer", "issue_date", "issuers", "province", "city", "county", "admin_level",
               "genre", "status", "effective_date", "expiry_date")  # fmt: skip


def built_gold(build_dir: Path, modules: str) -> dict[str, dict]:
    """What the gold builders ``build_dir/<modules glob>`` write, by document: {doc: {"meta", "spans"}}."""
    saved = list(sys.path)  # the builders put their folder and tests/fixtures (the annotator) on the path
    sys.path.insert(0, str(build_dir))
    try:
        built = {}
        for part in sorted(build_dir.glob(modules)):
            for build in importlib.import_module(part.stem).BUILDERS:
                a = build()
                spans = sorted(a.spans, key=lambda s: (s["start"], s["end"], s["label"]))
                built[a.name] = {"meta": a.meta, "spans": spans}
        return built
    finally:
        sys.path[:] = saved


def check_gold_is_what_the_builders_write(gold_dir: Path, build_dir: Path, modules: str) -> None:
    """CONVENTIONS: the JSON is never edited by hand; running the builders gives it back."""
    built = built_gold(build_dir, modules)
    stored_files = [json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json")]
    assert sorted(built) == sorted(stored["doc"] for stored in stored_files)
    for stored in stored_files:
        assert built[stored["doc"]] == {"meta": stored["meta"], "spans": stored["spans"]}, stored["doc"]


def check_indicator_floor(report: dict, floor: float, name: str) -> None:
    f1 = report["sublabels"]["target·indicator"]["f1"]
    assert f1 >= floor, f"{name} target·indicator F1 {f1:.3f} < {floor}"


def check_meta_field_floor(report: dict, field: str, documents: int, floor: float, name: str) -> None:
    scored = report["meta"]["fields"][field]
    assert scored["total"] == documents, f"every {name} gold file writes every meta field"
    assert scored["accuracy"] >= floor, f"{field}: {scored['right']}/{scored['total']}"
