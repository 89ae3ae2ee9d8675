"""Gold and predictions in and out of annotation tools: Label Studio, doccano, spaCy DocBin.

``polex gold export`` / ``import`` are argument parsing around these.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Callable

from pipeline.errors import GoldError, UserError
from pipeline.qa import doccano, labelstudio
from pipeline.qa.gold import find_in_corpus, load_gold_dir, read_document_text, shape_errors, text_errors
from pipeline.qa.model import AnnotatedDoc

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
        to.write_text(doccano.dumps(docs), encoding="utf-8")
    else:
        to.write_bytes(_spacy_bridge().to_docbin_bytes(docs))


def read_export(path: Path, fmt: str) -> list[AnnotatedDoc]:
    """The documents of a tool's export file; ImportFormatError when it cannot be read."""
    if fmt == "docbin":
        return _spacy_bridge().from_docbin_bytes(path.read_bytes())
    module = labelstudio if fmt == "labelstudio" else doccano
    return module.loads(path.read_text(encoding="utf-8"), str(path))


def corpus_by_text(corpus: Path) -> dict[str, Path]:
    """Corpus files by the sha256 of their decoded text, for imports that lost the doc name."""
    index: dict[str, Path] = {}
    for path in sorted(corpus.rglob("*.txt")):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        index.setdefault(hashlib.sha256(text.encode()).hexdigest(), path)
    return index


def _match_one(doc: AnnotatedDoc, where: str, corpus: Path, by_text: Callable[[], dict[str, Path]]) -> list[str]:
    """Tie one imported document to its corpus file (sets ``doc``/``sha256``); its problems."""
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
    return shape_errors(where, doc.to_gold_json()) or text_errors(where, doc, raw_text, sha)


def match_import(docs: list[AnnotatedDoc], source: Path, corpus: Path) -> tuple[list[AnnotatedDoc], list[str]]:
    """The imported documents that are valid gold for ``corpus``, and the problems of the others."""
    by_text = cache(lambda: corpus_by_text(corpus))  # read only when a name does not match
    problems: list[str] = []
    ready: list[AnnotatedDoc] = []
    for n, doc in enumerate(docs):
        where = f"{source}: document {doc.doc or n}"
        errors = _match_one(doc, where, corpus, by_text)
        if errors:
            problems.extend(errors)
        else:
            ready.append(doc)
    return ready, problems
