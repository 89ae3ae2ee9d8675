"""Scores of an OUT folder against gold: per label precision, recall and F1 (scoring.py's definitions)."""

from __future__ import annotations

from pathlib import Path

from pipeline.qa.gold import load_gold_dir
from pipeline.qa.scoring import match_document, score
from pipeline.qa.tables import find_document, index_by_name, load_out


def evaluate(gold_dir: Path, out_dir: Path):
    """Load both sides and score every gold document; returns (report, results)."""
    gold_docs = load_gold_dir(gold_dir)
    by_path = index_by_name(load_out(out_dir))
    results = [match_document(g, find_document(by_path, g.doc)) for g in gold_docs]
    return score(results), results


def missed_floors(report: dict, floors: dict[str, float]) -> list[str]:
    """``LABEL F1 x < floor`` for every label (or ``micro``) whose F1 is below its floor."""
    misses = []
    for name, floor in floors.items():
        f1 = report["micro_f1"] if name == "micro" else report["labels"][name]["f1"]
        if f1 < floor:
            misses.append(f"{name} F1 {f1:.3f} < {floor:.3f}")
    return misses
