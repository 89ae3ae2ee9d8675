"""Scores of an OUT folder against gold: per label precision, recall and F1 (scoring.py's definitions)."""

from __future__ import annotations

from pathlib import Path

from pipeline.qa.gold import load_gold_dir
from pipeline.qa.gold_join import CHANGED, join_gold
from pipeline.qa.indicator import SUBLABEL
from pipeline.qa.labels import LABELS
from pipeline.qa.scoring import DocResult, match_document, score
from pipeline.qa.tables import load_out

META = "meta"  # in --labels: score the document metadata too (alone: a meta-only gold set)


def evaluate(gold_dir: Path, out_dir: Path, labels: tuple[str, ...] | None = None):
    """Load both sides and score every gold document; returns (report, results).

    Gold joins its document by sha256, then by name (gold_join.py); the report
    names changed, moved and missing documents in ``notes`` and scores a
    changed one after placing its gold spans in the new text.  ``labels``
    restricts scoring to those labels (a gold set annotating only some, e.g.
    tests/fixtures/realdeadline): the others and meta are left out of the report, unless ``labels`` names
    ``meta`` (``META``: a meta-only set such as tests/fixtures/realmeta is ``("meta",)``)."""
    joined = join_gold(load_gold_dir(gold_dir), load_out(out_dir))
    results = [match_document(j.gold, j.out) for j in joined]
    if labels is not None:
        span_labels = tuple(label for label in labels if label != META)
        results = [restrict_labels(r, span_labels, keep_meta=META in labels) for r in results]
    report = score(results)
    if labels is not None:
        report = _report_only(report, labels)
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
        elif name not in report["labels"] and name not in report["sublabels"]:
            misses.append(f"{name}: not scored (--labels)")
            continue
        else:
            f1 = report["sublabels"][name]["f1"] if name == SUBLABEL else report["labels"][name]["f1"]
        if f1 < floor:
            misses.append(f"{name} F1 {f1:.3f} < {floor:.3f}")
    return misses


def restrict_labels(result: DocResult, labels: tuple[str, ...], keep_meta: bool = False) -> DocResult:
    """``result`` with only the pairs, misses and spurious spans of ``labels``; meta scored only if ``keep_meta``."""
    keep = set(labels)
    return DocResult(
        result.doc,
        result.found,
        pairs=[p for p in result.pairs if p.gold.label in keep],
        missed=[s for s in result.missed if s.label in keep],
        spurious=[s for s in result.spurious if s.label in keep],
        meta_wrong=result.meta_wrong if keep_meta else (),
        meta_scored=result.meta_scored if keep_meta else (),
    )


def _report_only(report: dict, labels: tuple[str, ...]) -> dict:
    """The report's label tables cut to ``labels`` (micro is already theirs alone: the others count 0)."""
    report["labels"] = {k: v for k, v in report["labels"].items() if k in labels}
    if "target" not in labels:
        report["sublabels"] = {}
    for doc in report["documents"].values():
        doc["labels"] = {k: v for k, v in doc["labels"].items() if k in labels}
    report["scored_labels"] = list(labels)
    return report


def parse_labels(text: str) -> tuple[str, ...]:
    """``deadline``, ``deadline,amount`` or ``meta`` -> the labels, in GUIDE order (``meta`` last); ValueError
    names a bad one."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    bad = [n for n in names if n not in (*LABELS, META)]
    if bad or not names:
        raise ValueError(f"{text!r}: write one or more of {', '.join((*LABELS, META))}, comma-separated")
    return tuple(label for label in (*LABELS, META) if label in names)
