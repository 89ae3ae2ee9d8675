"""Scores of an OUT folder against gold: per label precision, recall and F1 (scoring.py's definitions)."""

from __future__ import annotations

from pathlib import Path

from pipeline.qa.gold import load_gold_dir
from pipeline.qa.gold_join import CHANGED, join_gold
from pipeline.qa.indicator import SUBLABEL
from pipeline.qa.scoring import match_document, score
from pipeline.qa.tables import load_out


def evaluate(gold_dir: Path, out_dir: Path):
    """Load both sides and score every gold document; returns (report, results).

    Gold joins its document by sha256, then by name (gold_join.py); the report
    names changed, moved and missing documents in ``notes`` and scores a
    changed one after placing its gold spans in the new text."""
    joined = join_gold(load_gold_dir(gold_dir), load_out(out_dir))
    results = [match_document(j.gold, j.out) for j in joined]
    report = score(results)
    report["changed_documents"] = [j.gold.doc for j in joined if j.status == CHANGED]
    report["unscored_spans"] = sum(len(j.lost) for j in joined)  # changed documents: gold text gone
    report["notes"] = [j.note() for j in joined if j.note()]
    report["needs_attrs"] = sum(s.needs_attrs for j in joined for s in j.gold.spans)
    return report, results


def missed_meta_floors(report: dict, floors: dict[str, float]) -> list[str]:
    """``meta FIELD x < floor`` for every meta field (or ``all``) whose accuracy is below its floor; a field
    gold does not have scores nothing and is named as such."""
    misses = []
    meta = report["meta"]
    for name, floor in floors.items():
        if name == "all":
            accuracy = meta["accuracy"]
        elif name in meta["fields"]:
            accuracy = meta["fields"][name]["accuracy"]
        else:
            misses.append(f"meta {name}: no gold file has it")
            continue
        if accuracy < floor:
            misses.append(f"meta {name} accuracy {accuracy:.3f} < {floor:.3f}")
    return misses


def missed_floors(report: dict, floors: dict[str, float]) -> list[str]:
    """``LABEL F1 x < floor`` for every label (or ``micro``, ``target·indicator``) whose F1 is below its floor."""
    misses = []
    for name, floor in floors.items():
        if name == "micro":
            f1 = report["micro_f1"]
        else:
            f1 = report["sublabels"][name]["f1"] if name == SUBLABEL else report["labels"][name]["f1"]
        if f1 < floor:
            misses.append(f"{name} F1 {f1:.3f} < {floor:.3f}")
    return misses
