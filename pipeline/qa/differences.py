"""Span-level differences between two annotated versions of the same documents.

Pure: gold vs prediction (``polex diff --gold``) or base run vs new run
(``polex diff --base``).  Kinds: ``missed`` (only on the left: gold or base),
``spurious`` (only on the right: prediction or new), ``changed`` (matched, an
attribute differs), ``indicator`` (gold mode: matched and correct, but the
target's indicator is not gold's: ``target·indicator`` fails), ``boundary``
(matched, attributes agree, other offsets).

Base vs new aligns the two texts first (:mod:`pipeline.qa.align`) and matches
the base spans at their place in the new text, so an edit shows only the
spans it added, removed or changed.  Each side's context is read from that
side's own text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Any

from pipeline.qa.align import TextAlignment, map_spans
from pipeline.qa.gold_join import join_gold
from pipeline.qa.indicator import indicator_agrees
from pipeline.qa.labels import ATTRS, DIFF_KINDS, KEY_ATTRS, LABELS
from pipeline.qa.model import AnnotatedDoc, Span, clean_attrs
from pipeline.qa.scoring import match_document
from pipeline.qa.tables import index_by_name

KINDS = DIFF_KINDS
CONTEXT_CHARS = 20


@dataclass
class Difference:
    label: str
    kind: str
    left: Span | None
    right: Span | None
    attrs: tuple[str, ...] = ()  # attributes that differ (changed, indicator)
    heading: str = ""  # the section heading holding the span
    before: str = ""  # up to CONTEXT_CHARS characters either side, from the span's own side
    after: str = ""

    @property
    def span(self) -> Span:
        return self.left if self.left is not None else self.right


@dataclass
class DocDiff:
    doc: str
    left_text: str | None
    right_text: str | None
    left: AnnotatedDoc | None
    right: AnnotatedDoc | None
    differences: list[Difference] = field(default_factory=list)
    # (side, label, start, end) -> kind ("ok" for spans without a difference)
    span_kinds: dict[tuple[str, str, int, int], str] = field(default_factory=dict)
    note: str = ""  # what the reviewer must know first (a changed document, an aligned text)

    @property
    def raw_text(self) -> str | None:
        return self.right_text if self.right_text is not None else self.left_text


class _HeadingIndex:
    """The last heading at or before a position, from one side's heading spans."""

    def __init__(self, doc: AnnotatedDoc | None):
        heads = sorted((s for s in (doc.spans if doc else []) if s.label == "heading"), key=lambda s: s.start)
        self.starts = [s.start for s in heads]
        self.texts = [s.text.strip() for s in heads]

    def at(self, pos: int) -> str:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.texts[i] if i >= 0 else ""


class _Side:
    """One side's text and headings, for the context of its spans."""

    def __init__(self, doc: AnnotatedDoc | None, text: str | None, fallback_headings: AnnotatedDoc | None):
        has_headings = doc is not None and any(s.label == "heading" for s in doc.spans)
        self.text = text
        self.headings = _HeadingIndex(doc if has_headings else fallback_headings)

    def context(self, diff: Difference, span: Span) -> None:
        diff.heading = self.headings.at(span.start)
        if self.text is not None:
            diff.before = self.text[max(0, span.start - CONTEXT_CHARS) : span.start]
            diff.after = self.text[span.end : span.end + CONTEXT_CHARS]


def _texts(left: AnnotatedDoc | None, right: AnnotatedDoc | None) -> tuple[str | None, str | None]:
    left_text = left.raw_text if left is not None else None
    right_text = right.raw_text if right is not None else None
    # gold carries no text: it annotates the text the prediction was read from
    return (left_text if left_text is not None else right_text), (right_text if right_text is not None else left_text)


def _pair_kind(pair, all_attrs: bool) -> tuple[str, tuple[str, ...]]:
    if pair.wrong:
        return "changed", pair.wrong
    if not all_attrs and pair.gold.label == "target" and not indicator_agrees(pair.gold.attrs, pair.pred.attrs):
        return "indicator", ("indicator",)
    return ("ok" if pair.same_bounds else "boundary"), ()


def diff_document(
    doc: str, left: AnnotatedDoc | None, right: AnnotatedDoc | None, all_attrs: bool, note: str = ""
) -> DocDiff:
    """Differences of one document.  ``all_attrs``: compare every GUIDE attribute (base vs new),
    else only the scoring keys and the target indicator (gold vs prediction).

    When both sides carry their text and the texts differ, the left spans are
    matched at their place in the right text (an aligned diff)."""
    left_text, right_text = _texts(left, right)
    result = DocDiff(doc, left_text, right_text, left, right, note=note)
    empty = AnnotatedDoc(doc, None, {}, [])
    keys = ATTRS if all_attrs else KEY_ATTRS
    left_spans, lost, original = _left_spans_in_right_text(left, left_text, right_text)
    # A document missing on one side is an empty document there: all missed or all spurious.
    matched = match_document(replace(left or empty, spans=left_spans), right or empty, right_text or "", key_attrs=keys)
    sides = {"left": _Side(left, left_text, right), "right": _Side(right, right_text, left)}
    placed = {id(left_span): moved for moved, left_span in zip(left_spans, (original[id(m)] for m in left_spans))}
    position: dict[int, int] = {}  # id(difference) -> where it is in the right text, for the order

    def add(kind: str, side: str, left_span, right_span, attrs=()):
        span = left_span if left_span is not None else right_span
        diff = Difference(span.label, kind, left_span, right_span, attrs)
        sides[side].context(diff, span)
        anchor = right_span if right_span is not None else placed.get(id(left_span), left_span)
        position[id(diff)] = anchor.start
        result.differences.append(diff)

    for span in [*(original[id(s)] for s in matched.missed), *lost]:
        add("missed", "left", span, None)
        result.span_kinds[("left", *span.key())] = "missed"
    for span in matched.spurious:
        add("spurious", "right", None, span)
        result.span_kinds[("right", *span.key())] = "spurious"
    for pair in matched.pairs:
        gold = original[id(pair.gold)]
        kind, attrs = _pair_kind(pair, all_attrs)
        if kind != "ok":
            add(kind, "left", gold, pair.pred, attrs)
        result.span_kinds[("left", *gold.key())] = kind
        result.span_kinds[("right", *pair.pred.key())] = kind
    result.differences.sort(key=lambda d: (position[id(d)], LABELS.index(d.label), KINDS.index(d.kind)))
    return result


def _left_spans_in_right_text(left: AnnotatedDoc | None, left_text: str | None, right_text: str | None):
    """The left spans as matched against the right side: moved into the right text when
    the two texts differ.  Returns (spans to match, spans whose text is gone, id(match span) -> left span)."""
    spans = list(left.spans) if left is not None else []
    if left_text is None or right_text is None or left_text == right_text:
        return spans, [], {id(s): s for s in spans}
    alignment = TextAlignment(left_text, right_text)
    moved, lost = [], []
    original: dict[int, Span] = {}
    for span in spans:
        placed, gone = map_spans(alignment, [span], right_text)
        if gone:
            lost.append(span)
        else:
            moved.append(placed[0])
            original[id(placed[0])] = span
    return moved, lost, original


def diff_gold(gold_docs: list[AnnotatedDoc], out_docs: dict[str, AnnotatedDoc]) -> list[DocDiff]:
    """Every gold document against its OUT document, joined by sha256 then name (gold_join.py);
    a changed document is compared after its gold spans are placed in the new text."""
    diffs = []
    for joined in join_gold(gold_docs, out_docs):
        d = diff_document(joined.gold.doc, joined.gold, joined.out, all_attrs=False, note=joined.note())
        for span in joined.lost:  # gold spans whose text is no longer in the document
            d.differences.append(Difference(span.label, "missed", span, None))
        diffs.append(d)
    return diffs


def diff_runs(base_docs: dict[str, AnnotatedDoc], new_docs: dict[str, AnnotatedDoc]) -> list[DocDiff]:
    base, new = index_by_name(base_docs), index_by_name(new_docs)
    diffs = []
    for path in sorted(set(base) | set(new)):
        left, right = base.get(path), new.get(path)
        changed = left is not None and right is not None and left.raw_text != right.raw_text
        note = "text changed between the runs: base spans matched at their place in the new text" if changed else ""
        diffs.append(diff_document(path, left, right, all_attrs=True, note=note))
    return diffs


def filter_differences(doc_diffs: list[DocDiff], labels: set[str] | None, kinds: set[str] | None) -> None:
    for d in doc_diffs:
        d.differences = [
            x for x in d.differences if (not labels or x.label in labels) and (not kinds or x.kind in kinds)
        ]


def describe_attrs(diff: Difference) -> str:
    """``comparator '>=' -> '='`` for each differing attribute."""
    if not diff.attrs or diff.left is None or diff.right is None:
        return ""
    return "; ".join(f"{a} {diff.left.attrs.get(a)!r} → {diff.right.attrs.get(a)!r}" for a in diff.attrs)


def _span_json(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text, "attrs": clean_attrs(span.attrs)}


def differences_json(doc_diffs: list[DocDiff]) -> dict[str, Any]:
    """``polex diff --json``: one object per difference; ``base`` is the gold or base span,
    ``new`` the predicted or new one, ``context`` read from the side the span is on."""
    rows = []
    for d in doc_diffs:
        for x in d.differences:
            rows.append(
                {
                    "doc": d.doc,
                    "label": x.label,
                    "kind": x.kind,
                    "base": _span_json(x.left),
                    "new": _span_json(x.right),
                    "attrs": list(x.attrs),
                    "context": {"heading": x.heading, "before": x.before, "after": x.after},
                }
            )
    notes = [{"doc": d.doc, "note": d.note} for d in doc_diffs if d.note]
    return {"differences": rows, "notes": notes}
