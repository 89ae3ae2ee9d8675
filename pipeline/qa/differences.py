"""Span-level differences between two annotated versions of the same documents.

Pure: gold vs prediction (``polex diff --gold``) or base run vs new run
(``polex diff --base``).  Kinds: ``missed`` (only on the left: gold or base),
``spurious`` (only on the right: prediction or new), ``changed`` (matched, an
attribute differs), ``boundary`` (matched, attributes agree, other offsets).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from pipeline.qa.labels import ATTRS, DIFF_KINDS, KEY_ATTRS, LABELS
from pipeline.qa.model import AnnotatedDoc, Span
from pipeline.qa.scoring import match_document
from pipeline.qa.tables import find_document, index_by_name

KINDS = DIFF_KINDS
CONTEXT_CHARS = 20


@dataclass
class Difference:
    label: str
    kind: str
    left: Span | None
    right: Span | None
    attrs: tuple[str, ...] = ()  # attributes that differ (changed)
    heading: str = ""  # the section heading holding the span
    before: str = ""  # up to CONTEXT_CHARS raw characters either side
    after: str = ""

    @property
    def span(self) -> Span:
        return self.left if self.left is not None else self.right


@dataclass
class DocDiff:
    doc: str
    raw_text: str | None
    left: AnnotatedDoc | None
    right: AnnotatedDoc | None
    differences: list[Difference] = field(default_factory=list)
    # (side, label, start, end) -> kind ("ok" for spans without a difference)
    span_kinds: dict[tuple[str, str, int, int], str] = field(default_factory=dict)


class _HeadingIndex:
    """The last heading at or before a position, from one side's heading spans."""

    def __init__(self, doc: AnnotatedDoc | None):
        heads = sorted((s for s in (doc.spans if doc else []) if s.label == "heading"), key=lambda s: s.start)
        self.starts = [s.start for s in heads]
        self.texts = [s.text.strip() for s in heads]

    def at(self, pos: int) -> str:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.texts[i] if i >= 0 else ""


def diff_document(doc: str, left: AnnotatedDoc | None, right: AnnotatedDoc | None, all_attrs: bool) -> DocDiff:
    """Differences of one document.  ``all_attrs``: compare every GUIDE attribute (base vs new),
    else only the scoring keys (gold vs prediction)."""
    raw = (right.raw_text if right else None) or (left.raw_text if left else None)
    result = DocDiff(doc, raw, left, right)
    empty = AnnotatedDoc(doc, None, {}, [])
    keys = ATTRS if all_attrs else KEY_ATTRS
    # A document missing on one side is an empty document there: all missed or all spurious.
    matched = match_document(left or empty, right or empty, raw or "", key_attrs=keys)
    headings = _HeadingIndex(left if left and any(s.label == "heading" for s in left.spans) else right)

    def add(kind: str, span: Span, left_span, right_span, attrs=()):
        diff = Difference(span.label, kind, left_span, right_span, attrs, headings.at(span.start))
        if raw is not None:
            diff.before = raw[max(0, span.start - CONTEXT_CHARS) : span.start]
            diff.after = raw[span.end : span.end + CONTEXT_CHARS]
        result.differences.append(diff)

    for span in matched.missed:
        add("missed", span, span, None)
        result.span_kinds[("left", *span.key())] = "missed"
    for span in matched.spurious:
        add("spurious", span, None, span)
        result.span_kinds[("right", *span.key())] = "spurious"
    for pair in matched.pairs:
        if pair.wrong:
            kind = "changed"
            add(kind, pair.gold, pair.gold, pair.pred, pair.wrong)
        elif not pair.same_bounds:
            kind = "boundary"
            add(kind, pair.gold, pair.gold, pair.pred)
        else:
            kind = "ok"
        result.span_kinds[("left", *pair.gold.key())] = kind
        result.span_kinds[("right", *pair.pred.key())] = kind
    result.differences.sort(key=lambda d: (d.span.start, LABELS.index(d.label), KINDS.index(d.kind)))
    return result


def diff_gold(gold_docs: list[AnnotatedDoc], out_docs: dict[str, AnnotatedDoc]) -> list[DocDiff]:

    by_path = index_by_name(out_docs)
    return [diff_document(g.doc, g, find_document(by_path, g.doc), all_attrs=False) for g in gold_docs]


def diff_runs(base_docs: dict[str, AnnotatedDoc], new_docs: dict[str, AnnotatedDoc]) -> list[DocDiff]:

    base, new = index_by_name(base_docs), index_by_name(new_docs)
    return [diff_document(path, base.get(path), new.get(path), all_attrs=True) for path in sorted(set(base) | set(new))]


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
