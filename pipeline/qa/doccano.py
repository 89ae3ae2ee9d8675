"""doccano bridge (sequence labelling JSONL): gold/OUT -> JSONL and JSONL -> gold.

Export, one line per document::

    {"text": RAW, "label": [[start, end, LABEL], ...], "doc": NAME, "sha256": HEX,
     "gold_meta": {...}, "span_attrs": {"start:end:LABEL": {...attrs}},
     "polex_origin": "predictions" | "gold"}

doccano keeps unknown keys as the example's metadata and exports them again
(its JSONL export: ``id``, ``text``, the metadata keys, ``label``,
``Comments``), so attributes (which doccano cannot edit) survive a round
trip, keyed by span rather than by position in the list.  A span whose
boundary the reviewer moved no longer finds its key: :mod:`pipeline.qa.reconcile`
matches it to the exported span it overlaps.  doccano's export says nothing
of review state, so an example exported from predictions whose spans are
exactly the exported ones imports as unreviewed.  Import also reads the
``entities`` form (``[{"start_offset", "end_offset", "label"}]``) and looks
for the extra keys inside ``meta`` too.  Offsets are code points.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.errors import ImportFormatError
from pipeline.qa.labels import LABELS, gold_meta_of
from pipeline.qa.model import AnnotatedDoc, Span, clean_attrs


def _span_key(start: int, end: int, label: str) -> str:
    return f"{start}:{end}:{label}"


def to_line(doc: AnnotatedDoc, as_predictions: bool = False) -> dict[str, Any]:
    if doc.raw_text is None:
        raise ValueError(f"{doc.doc}: the document text is needed for a doccano example")
    spans = sorted(doc.spans, key=lambda s: (s.start, s.end, s.label))
    return {
        "text": doc.raw_text,
        "label": [[s.start, s.end, s.label] for s in spans],
        "doc": doc.doc,
        "sha256": doc.sha256,
        "gold_meta": dict(doc.meta),
        "span_attrs": {_span_key(s.start, s.end, s.label): clean_attrs(s.attrs) for s in spans},
        "polex_origin": "predictions" if as_predictions else "gold",
    }


def _entities(line: dict[str, Any], where: str) -> list[tuple[int, int, str]]:
    if "label" in line and isinstance(line["label"], list):
        items = line["label"]
        try:
            return [(int(s), int(e), str(lab)) for s, e, lab in items]
        except (TypeError, ValueError):
            raise ImportFormatError(f"{where}: label must be a list of [start, end, LABEL]") from None
    if "entities" in line:
        try:
            return [(int(x["start_offset"]), int(x["end_offset"]), str(x["label"])) for x in line["entities"]]
        except (KeyError, TypeError, ValueError):
            raise ImportFormatError(f"{where}: entities need start_offset, end_offset, label") from None
    raise ImportFormatError(
        f"{where}: neither 'label' nor 'entities'; export as JSONL from a sequence labelling project"
    )


def from_line(line: dict[str, Any], where: str) -> AnnotatedDoc:
    text = line.get("text")
    if not isinstance(text, str):
        raise ImportFormatError(f"{where}: 'text' missing")
    extra = {**(line.get("meta") if isinstance(line.get("meta"), dict) else {}), **line}
    attrs_by_span = extra.get("span_attrs") or {}
    spans = []
    for start, end, label in _entities(line, where):
        if label not in LABELS:
            raise ImportFormatError(f"{where}: span {start}:{end} has unknown label {label!r}; use {', '.join(LABELS)}")
        key = _span_key(start, end, label)
        spans.append(
            Span(
                label, start, end, text[start:end], dict(attrs_by_span.get(key) or {}), attrs_known=key in attrs_by_span
            )
        )
    gold_meta = extra.get("gold_meta") or {}
    meta = gold_meta_of(gold_meta)
    reference = _reference(attrs_by_span, text, where)
    unchanged = {s.key() for s in spans} == {r.key() for r in reference}
    reviewed = not (extra.get("polex_origin") == "predictions" and unchanged)
    return AnnotatedDoc(
        doc=extra.get("doc"),
        sha256=extra.get("sha256"),
        meta=meta,
        spans=spans,
        raw_text=text,
        reference=reference,
        reviewed=reviewed,
    )


def _reference(attrs_by_span: dict[str, Any], text: str, where: str) -> list[Span]:
    """The spans polex exported (``span_attrs``), with their attributes."""
    reference = []
    for key, attrs in attrs_by_span.items():
        start, end, label = (key.split(":", 2) + ["", ""])[:3]
        if not (start.isdigit() and end.isdigit()) or label not in LABELS:
            raise ImportFormatError(f"{where}: span_attrs key {key!r} is not start:end:LABEL; re-export from polex")
        reference.append(Span(label, int(start), int(end), text[int(start) : int(end)], dict(attrs or {})))
    return reference


def dumps(docs: list[AnnotatedDoc], as_predictions: bool = False) -> str:
    return "".join(json.dumps(to_line(d, as_predictions), ensure_ascii=False) + "\n" for d in docs)


def loads(payload: str, source: str) -> list[AnnotatedDoc]:
    docs = []
    for n, raw_line in enumerate(payload.splitlines(), 1):
        if not raw_line.strip():
            continue
        try:
            line = json.loads(raw_line)
        except json.JSONDecodeError as exc:
            raise ImportFormatError(f"{source}:{n}: not a JSON line ({exc})") from None
        docs.append(from_line(line, f"{source}:{n}"))
    return docs
