"""Keep a reviewer's corrections when an annotation tool's export comes back as gold.

The tools edit spans, not polex's attributes: Label Studio has no way to drag
a span's boundary (a reviewer deletes the region and draws a new one, which
carries no attributes), doccano keys nothing to a span but its offsets, and a
span added by hand has no attributes in either.  Each imported span whose
attributes did not travel with it is settled here, against the spans polex
exported into the tool (``AnnotatedDoc.reference``: Label Studio's
``predictions`` of the task, doccano's ``span_attrs``):

* the same label and boundaries as an exported span: its attributes;
* overlapping an exported span of the same label that the reviewer no longer
  has (a moved boundary): that span's attributes, re-derived where the text
  changed (the extractor's reading of the new text wins, the old attribute
  stays where the new text alone says nothing, e.g. a target's deadline year);
* otherwise (added by hand): the extractor's reading of the span, and when
  the extractor finds nothing there the span is kept with null attributes and
  marked ``needs_attrs`` for `polex gold validate` to report.

"Running the extractor on it" means: the core on the whole document (a
prediction with these boundaries has the document's context), else the core
on the span's text alone, else a prediction overlapping most of the span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.core.document import RawDocument
from pipeline.process import process_document
from pipeline.qa.labels import ATTRS, REQUIRED_ATTRS, TABLE_OF_LABEL
from pipeline.qa.model import AnnotatedDoc, Span, clean_value
from pipeline.qa.ruby import RubySnapper

# A prediction lends its attributes to a hand-drawn span it covers at least this share of.
MIN_COVER = 0.5

KEPT, MOVED, MOVED_REDERIVED, ADDED, NEEDS_ATTRS = "kept", "moved", "moved, re-derived", "added", "needs attributes"


def rows_to_spans(rows: dict[str, list[dict[str, Any]]]) -> list[Span]:
    """``process_document``'s rows as spans with their GUIDE attributes."""
    spans = []
    for label, table in TABLE_OF_LABEL.items():
        for row in rows.get(table, []):
            attrs = {name: clean_value(row.get(name)) for name in ATTRS[label]}
            spans.append(Span(label, row["raw_start"], row["raw_end"], row["text"], attrs))
    return spans


def _extract(raw_text: str, name: str) -> list[Span]:
    doc = RawDocument(doc_id="reconcile", source_path=name, sha256="", raw_text=raw_text, encoding="utf-8")
    try:
        return rows_to_spans(process_document(doc))
    except Exception:  # noqa: BLE001 - an IngestError or a bug: no reading here, the span needs attrs
        return []


class AttrDeriver:
    """The extractor's attributes for spans of one document (the core runs once, lazily)."""

    def __init__(self, raw_text: str, name: str):
        self.raw_text, self.name = raw_text, name
        self.snapper = RubySnapper(raw_text)
        self._predictions: list[Span] | None = None

    @property
    def predictions(self) -> list[Span]:
        if self._predictions is None:
            self._predictions = _extract(self.raw_text, self.name)
        return self._predictions

    def derive(self, span: Span) -> dict[str, Any] | None:
        bounds = self.snapper.snap(span.start, span.end)
        same_label = [p for p in self.predictions if p.label == span.label]
        for p in same_label:
            if self.snapper.snap(p.start, p.end) == bounds:
                return dict(p.attrs)
        alone = [p for p in _extract(span.text, self.name) if p.label == span.label]
        if alone:
            return dict(max(alone, key=lambda p: p.end - p.start).attrs)
        width = max(1, bounds[1] - bounds[0])
        covering = [(min(bounds[1], p.end) - max(bounds[0], p.start), p) for p in same_label]
        covering = [(overlap, p) for overlap, p in covering if overlap >= MIN_COVER * width]
        return dict(max(covering, key=lambda c: c[0])[1].attrs) if covering else None


@dataclass
class Reconciled:
    doc: str
    outcomes: list[tuple[str, Span]] = field(default_factory=list)  # (how its attrs were settled, span)

    def count(self, outcome: str) -> int:
        return sum(1 for o, _ in self.outcomes if o == outcome)


def _attrs_fit(span: Span) -> bool:
    return span.attrs_known and set(span.attrs) <= set(ATTRS[span.label])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def reconcile(doc: AnnotatedDoc, raw_text: str, deriver: AttrDeriver | None = None) -> Reconciled:
    """Give every span of ``doc`` whose attributes did not come from the tool its attributes (in place)."""
    deriver = deriver or AttrDeriver(raw_text, doc.doc or "")
    snap = deriver.snapper.snap
    result = Reconciled(doc.doc or "")
    reviewed = {(s.label, *snap(s.start, s.end)) for s in doc.spans}
    exported = {(r.label, *snap(r.start, r.end)): r for r in doc.reference}
    # exported spans the reviewer no longer has at their place: a boundary moved, or a span deleted
    replaced = [r for key, r in exported.items() if key not in reviewed]
    for span in doc.spans:
        if _attrs_fit(span):
            continue
        bounds = snap(span.start, span.end)
        same = exported.get((span.label, *bounds))
        if same is not None:
            _settle(span, dict(same.attrs), KEPT, result)
            continue
        overlapping = [r for r in replaced if r.label == span.label and _overlap(bounds, snap(r.start, r.end)) > 0]
        if overlapping:
            old = max(overlapping, key=lambda r: _overlap(bounds, snap(r.start, r.end)))
            replaced.remove(old)
            _settle_moved(span, old, deriver, result)
            continue
        derived = deriver.derive(span)
        if derived is not None:
            _settle(span, derived, ADDED, result)
        else:
            span.attrs = {name: None for name in REQUIRED_ATTRS[span.label]}
            span.needs_attrs = True
            span.attrs_known = True
            result.outcomes.append((NEEDS_ATTRS, span))
    return result


def _settle(span: Span, attrs: dict[str, Any], outcome: str, result: Reconciled) -> None:
    span.attrs, span.attrs_known, span.needs_attrs = attrs, True, False
    result.outcomes.append((outcome, span))


def _settle_moved(span: Span, old: Span, deriver: AttrDeriver, result: Reconciled) -> None:
    old_text = deriver.raw_text[slice(*deriver.snapper.snap(old.start, old.end))]
    new_text = deriver.raw_text[slice(*deriver.snapper.snap(span.start, span.end))]
    if old_text == new_text:  # only moved across a ruby annotation: the same characters
        _settle(span, dict(old.attrs), MOVED, result)
        return
    derived = deriver.derive(span) or {}
    attrs = {**old.attrs, **{k: v for k, v in derived.items() if v is not None}}
    _settle(span, attrs, MOVED_REDERIVED, result)
