"""The extraction (or gold) as spaCy ``Doc`` objects and ``DocBin`` files.

One token per character, so every span maps exactly, whatever the offsets.
Spans live in ``doc.spans[label]``; ``span._.polex`` is the attribute dict.
spaCy keys custom Span values by character offsets only, so two labels on
the same characters would share one value; the attributes are therefore
kept in ``doc.user_data["polex_attrs"]`` keyed by ``label:start:end`` and
``span._.polex`` is a getter over it.  ``doc._.polex`` holds doc name,
sha256 and meta.  ``DocBin(store_user_data=True)`` carries both.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import DocBin
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from pipeline.qa.labels import LABELS
from pipeline.qa.model import AnnotatedDoc, Span, clean_attrs

ATTRS_KEY = "polex_attrs"
DOC_KEY = "polex_doc"


def _attr_key(label: str, start: int, end: int) -> str:
    return f"{label}:{start}:{end}"


def _span_attrs(span) -> dict[str, Any] | None:
    return span.doc.user_data.get(ATTRS_KEY, {}).get(_attr_key(span.label_, span.start_char, span.end_char))


def _doc_info(doc) -> dict[str, Any] | None:
    return doc.user_data.get(DOC_KEY)


def register_extensions() -> None:
    """Register ``Span._.polex`` and ``Doc._.polex`` (idempotent)."""
    if not SpacySpan.has_extension("polex"):
        SpacySpan.set_extension("polex", getter=_span_attrs)
    if not SpacyDoc.has_extension("polex"):
        SpacyDoc.set_extension("polex", getter=_doc_info)


_VOCAB = None


def shared_vocab():
    """One blank vocabulary for all docs (no per-document re-initialisation)."""
    global _VOCAB
    if _VOCAB is None:
        _VOCAB = Vocab()
    return _VOCAB


def to_spacy(doc: AnnotatedDoc, vocab=None, as_predictions: bool = False):
    if doc.raw_text is None:
        raise ValueError(f"{doc.doc}: the document text is needed for a spaCy Doc")
    register_extensions()
    text = doc.raw_text
    sdoc = SpacyDoc(vocab or shared_vocab(), words=list(text), spaces=[False] * len(text))
    attrs = {}
    for label in LABELS:
        group = [s for s in doc.spans if s.label == label]
        sdoc.spans[label] = [SpacySpan(sdoc, s.start, s.end, label=label) for s in group]
        attrs.update({_attr_key(label, s.start, s.end): clean_attrs(s.attrs) for s in group})
    sdoc.user_data[ATTRS_KEY] = attrs
    sdoc.user_data[DOC_KEY] = {
        "doc": doc.doc,
        "sha256": doc.sha256,
        "meta": dict(doc.meta),
        "origin": "predictions" if as_predictions else "gold",
    }
    return sdoc


def from_spacy(sdoc) -> AnnotatedDoc:
    register_extensions()
    info = sdoc._.polex or {}
    spans = []
    for label in LABELS:
        for span in sdoc.spans.get(label, []):
            spans.append(Span(label, span.start_char, span.end_char, span.text, dict(span._.polex or {})))
    spans.sort(key=lambda s: (s.start, s.end, s.label))
    # A DocBin is written by polex or by a model, not edited by a reviewer: predictions stay unreviewed.
    return AnnotatedDoc(
        doc=info.get("doc"),
        sha256=info.get("sha256"),
        meta=dict(info.get("meta") or {}),
        spans=spans,
        raw_text=sdoc.text,
        reviewed=info.get("origin") != "predictions",
    )


def to_docbin_bytes(docs: list[AnnotatedDoc], as_predictions: bool = False) -> bytes:
    # Only ORTH: the tokens are characters; no other annotation to keep.
    docbin = DocBin(attrs=["ORTH"], store_user_data=True)
    for doc in docs:
        docbin.add(to_spacy(doc, as_predictions=as_predictions))
    return docbin.to_bytes()


def from_docbin_bytes(data: bytes) -> list[AnnotatedDoc]:
    docbin = DocBin(store_user_data=True).from_bytes(data)
    return [from_spacy(d) for d in docbin.get_docs(shared_vocab())]
