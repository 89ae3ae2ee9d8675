"""A gold set scored under a layout of :mod:`pipeline.qa.layouts`: the perturbed documents through the real core
path (no Prefect), scored with ``polex eval``'s scorer, ambiguous headings on their start only."""

from __future__ import annotations

from pathlib import Path

from pipeline.qa.evaluate import restrict_labels
from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import load_gold_dir, read_document_text
from pipeline.qa.layouts import PERTURBATIONS, identity, page_chrome_of, perturb_gold, start_only
from pipeline.qa.scoring import DocResult, match_document
from pipeline.qa.tables import find_document, index_by_name, load_out


def run_layout(
    set_dir: Path, layout: str, work: Path, labels: tuple[str, ...] | None, only: tuple[str, ...] = ()
) -> list[DocResult]:
    """Every gold document of ``set_dir`` under ``layout`` (``only``: those whose name starts so), run
    through the core and scored."""
    fixed = identity if layout == "none" else PERTURBATIONS[layout]
    docs = work / "docs"
    docs.mkdir(parents=True)
    carried = []
    for gold in load_gold_dir(set_dir / "gold"):
        if not gold.doc.endswith(".txt") or (only and not gold.doc.startswith(only)):
            continue  # HTML, PDF, Word: their reader makes the layout, not the crawl
        raw, _ = read_document_text(set_dir / "docs" / gold.doc)
        # a real page's info table is the document's catalogue entry: its own date, number and issuer
        perturb = page_chrome_of(gold.meta) if layout == "page_chrome" else fixed
        perturbed = perturb(raw)
        (docs / gold.doc).write_text(perturbed.text, encoding="utf-8")
        carried.append(perturb_gold(gold, raw, perturbed))
    by_name = index_by_name(load_out(run_core(docs, work / "out")))
    results = []
    for gold, ambiguous in carried:
        predicted = find_document(by_name, gold.doc)
        result = match_document(start_only(gold, predicted, ambiguous), predicted)
        results.append(restrict_labels(result, labels) if labels else result)
    return results
