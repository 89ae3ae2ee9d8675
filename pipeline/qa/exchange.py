"""Gold and predictions in and out of annotation tools: Label Studio, doccano, spaCy DocBin.

``polex gold export`` / ``import`` are argument parsing around these.

Import ties each document to its corpus file (by name, else by its exact
text), checks it against the file's text, and settles the spans whose
attributes the tool did not carry (:mod:`pipeline.qa.reconcile`: a moved
boundary keeps its span's attributes, a span added by hand gets the
extractor's).  A document nobody reviewed (Label Studio: only predictions, no
submitted annotation; doccano: exactly the exported predictions; a DocBin of
predictions) is left out unless ``accept_predictions``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.errors import GoldError, UserError
from pipeline.qa import doccano, labelstudio
from pipeline.qa.gold import find_in_corpus, load_gold_dir, read_document_text, shape_errors, text_errors
from pipeline.qa.model import AnnotatedDoc
from pipeline.qa.reconcile import ADDED, KEPT, MOVED, MOVED_REDERIVED, NEEDS_ATTRS, Reconciled, reconcile

FORMATS = ("labelstudio", "doccano", "docbin")


def _spacy_bridge():
    # Deferred: spaCy is the optional `qa` extra and its import costs 0.8 s (measured);
    # only the docbin format needs it.
    try:
        from pipeline.qa import spacy_bridge
    except ImportError as exc:
        raise UserError(f"the docbin format needs spaCy ({exc}): pip install 'polex[qa]'") from exc
    return spacy_bridge


def gold_with_text(gold_dir: Path, corpus: Path) -> list[AnnotatedDoc]:
    """The gold documents of ``gold_dir`` with their text read from ``corpus``."""
    docs = load_gold_dir(gold_dir)
    for doc in docs:
        path = find_in_corpus(corpus, doc.doc)
        if path is None:
            raise GoldError(f"{gold_dir}: document {doc.doc!r} not found under {corpus}")
        doc.raw_text = read_document_text(path)[0]
    return docs


def write_export(docs: list[AnnotatedDoc], fmt: str, to: Path, as_predictions: bool) -> None:
    """Write ``docs`` to the file ``to`` in the tool format ``fmt``."""
    to.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "labelstudio":
        to.write_text(labelstudio.dumps(docs, as_predictions=as_predictions), encoding="utf-8")
    elif fmt == "doccano":
        to.write_text(doccano.dumps(docs, as_predictions=as_predictions), encoding="utf-8")
    else:
        to.write_bytes(_spacy_bridge().to_docbin_bytes(docs, as_predictions=as_predictions))


def read_export(path: Path, fmt: str) -> list[AnnotatedDoc]:
    """The documents of a tool's export file; ImportFormatError when it cannot be read."""
    if fmt == "docbin":
        return _spacy_bridge().from_docbin_bytes(path.read_bytes())
    module = labelstudio if fmt == "labelstudio" else doccano
    return module.loads(path.read_text(encoding="utf-8"), str(path))


@dataclass
class ImportResult:
    ready: list[AnnotatedDoc] = field(default_factory=list)  # valid gold, to be written
    problems: list[str] = field(default_factory=list)  # any problem: nothing is written
    unreviewed: list[str] = field(default_factory=list)  # documents left out: predictions nobody reviewed
    reconciled: list[Reconciled] = field(default_factory=list)


def corpus_by_text(corpus: Path) -> dict[str, Path]:
    """Corpus files by the sha256 of their decoded text, for imports that lost the doc name."""
    index: dict[str, Path] = {}
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        try:
            text = read_document_text(path)[0]
        except (UnicodeDecodeError, OSError):
            continue
        index.setdefault(hashlib.sha256(text.encode()).hexdigest(), path)
    return index


def _match_one(doc: AnnotatedDoc, where: str, corpus: Path, by_text, result: ImportResult) -> list[str]:
    """Tie one imported document to its corpus file (sets ``doc``/``sha256``), settle its
    attributes; its problems."""
    path = find_in_corpus(corpus, doc.doc) if doc.doc else None
    if path is None:
        path = by_text().get(hashlib.sha256((doc.raw_text or "").encode()).hexdigest())
    if path is None:
        return [f"{where}: no corpus file under {corpus} has this name or this exact text"]
    raw_text, sha = read_document_text(path)
    if doc.raw_text is not None and doc.raw_text != raw_text:
        return [
            f"{where}: the tool's text differs from {path} (line endings changed?); "
            "re-import the task from the corpus file"
        ]
    doc.doc = path.relative_to(corpus).as_posix()
    doc.sha256 = sha
    errors = text_errors(where, doc, raw_text, sha)  # offsets first: reconciling needs them right
    if errors:
        return errors
    result.reconciled.append(reconcile(doc, raw_text))
    return shape_errors(where, doc.to_gold_json())


def match_import(docs: list[AnnotatedDoc], source: Path, corpus: Path, accept_predictions: bool) -> ImportResult:
    """The imported documents that are valid gold for ``corpus``, the problems of the others,
    and the unreviewed ones left out."""
    by_text = cache(lambda: corpus_by_text(corpus))  # read only when a name does not match
    result = ImportResult()
    for n, doc in enumerate(docs):
        where = f"{source}: document {doc.doc or n}"
        if not doc.reviewed and not accept_predictions:
            result.unreviewed.append(doc.doc or f"#{n}")
            continue
        errors = _match_one(doc, where, corpus, by_text, result)
        if errors:
            result.problems.extend(errors)
        else:
            result.ready.append(doc)
    return result


def summary_lines(result: ImportResult) -> list[str]:
    """What the import did with the reviewer's corrections, for the terminal."""
    lines = []
    for name in result.unreviewed:
        lines.append(
            f"skipped {name}: only polex's predictions, nobody reviewed them "
            "(review it in the tool and export again, or pass --accept-predictions)"
        )
    totals: Counter = Counter()
    for rec in result.reconciled:
        for outcome, span in rec.outcomes:
            totals[outcome] += 1
            if outcome == NEEDS_ATTRS:
                lines.append(
                    f"{rec.doc}: {span.label} {span.start}:{span.end} {span.text!r} drawn or relabelled by hand, the "
                    "extractor reads no attributes there: kept with needs_attrs (see `polex gold validate`)"
                )
    if totals:
        parts = [f"{totals[o]} {o}" for o in (KEPT, MOVED, MOVED_REDERIVED, ADDED, NEEDS_ATTRS) if totals[o]]
        lines.append("spans without attributes from the tool: " + (", ".join(parts) or "none"))
    return lines
