"""GUIDE.md's scoring, as pure functions of gold and predicted spans.

Definitions (the contract ``polex eval`` reports):

* Boundaries: gold and predicted offsets are first snapped out of pinyin
  ruby annotations (:mod:`pipeline.qa.ruby`).
* Matching is one-to-one within a document and label: each gold span pairs
  with at most one prediction and vice versa.
  - ``heading`` and ``responsible_unit``: a pair needs identical snapped
    start and end.  Among several candidates at the same offsets (duplicates)
    one whose attributes agree is preferred.
  - ``target``, ``amount``, ``deadline``: a pair needs overlapping snapped
    spans (at least one shared character).  Pairs are chosen greedily over
    all overlapping candidates ordered by (key attributes agree first, longer
    overlap, closer start, text order); with the sparse, rarely nested spans
    of these labels this equals the optimal assignment in practice.
* A pair is *correct* when its key attributes agree (``level``+``number``,
  ``role``, ``value``+``unit``+``comparator``, ``value_cny``, ``kind``+``year``).
  Numbers agree within a relative tolerance of 1e-6 (and absolute 1e-6);
  strings exactly; ``null`` only with ``null``.
* TP = correct pairs.  P = TP / predicted spans, R = TP / gold spans,
  F1 = 2PR / (P + R).  A matched pair with a wrong attribute therefore costs
  both precision and recall, like a miss plus a spurious span.  With nothing
  predicted P = 1; with no gold R = 1; F1 = 0 when P + R = 0.
* Micro average: TP, predicted and gold summed over all labels, then P/R/F1.
* ``target·indicator`` (:mod:`pipeline.qa.indicator`), reported beside the
  labels in ``sublabels`` and not in the micro average: TP = correct target
  pairs whose indicator has a bag-of-characters F1 >= 0.6 against gold's;
  P and R over the same predicted and gold targets as ``target``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipeline.qa.indicator import SUBLABEL, indicator_correct
from pipeline.qa.labels import ATTRS, KEY_ATTRS, LABELS, STRICT_LABELS, scored_meta_fields
from pipeline.qa.model import AnnotatedDoc, Span
from pipeline.qa.ruby import RubySnapper
from pipeline.structure.doc_genre import conventions_genre

REL_TOL = 1e-6
ABS_TOL = 1e-6


def values_agree(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL)
    return str(a) == str(b)


# Meta fields compared in gold's vocabulary: polex's genre keeps three compounds CONVENTIONS does not
# (政府工作报告, 任务分工方案, 管理规定), which gold, written to CONVENTIONS, names 工作报告, 方案, 规定.
META_IN_GOLD_TERMS = {"genre": conventions_genre}


def meta_agrees(name: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted meta value is gold's, in gold's vocabulary (``META_IN_GOLD_TERMS``)."""
    in_gold_terms = META_IN_GOLD_TERMS.get(name)
    if in_gold_terms is not None:
        gold, pred = in_gold_terms(gold), in_gold_terms(pred)
    return values_agree(gold, pred)


def differing_attrs(label: str, a: dict[str, Any], b: dict[str, Any], names=None) -> tuple[str, ...]:
    names = ATTRS[label] if names is None else names
    return tuple(n for n in names if not values_agree(a.get(n), b.get(n)))


@dataclass
class Pair:
    gold: Span
    pred: Span
    gold_bounds: tuple[int, int]  # snapped
    pred_bounds: tuple[int, int]
    wrong: tuple[str, ...]  # key attributes that disagree

    @property
    def correct(self) -> bool:
        return not self.wrong

    @property
    def same_bounds(self) -> bool:
        return self.gold_bounds == self.pred_bounds


@dataclass
class DocResult:
    doc: str
    found: bool  # False: the gold document is missing from OUT
    pairs: list[Pair] = field(default_factory=list)
    missed: list[Span] = field(default_factory=list)
    spurious: list[Span] = field(default_factory=list)
    meta_wrong: tuple[str, ...] = ()
    meta_scored: tuple[str, ...] = ()  # the meta fields gold has (scored_meta_fields)


def _match_strict(gold, pred, key_attrs):
    by_bounds: dict[tuple[int, int], list[tuple[Span, tuple[int, int]]]] = {}
    for span, bounds in pred:
        by_bounds.setdefault(bounds, []).append((span, bounds))
    pairs, missed = [], []
    for g, gb in gold:
        candidates = by_bounds.get(gb)
        if not candidates:
            missed.append(g)
            continue
        best = min(
            range(len(candidates)),
            key=lambda i: len(differing_attrs(g.label, g.attrs, candidates[i][0].attrs, key_attrs)),
        )
        p, pb = candidates.pop(best)
        pairs.append(Pair(g, p, gb, pb, differing_attrs(g.label, g.attrs, p.attrs, key_attrs)))
    spurious = [p for group in by_bounds.values() for p, _ in group]
    return pairs, missed, spurious


def _match_overlap(gold, pred, key_attrs):
    candidates = []
    for gi, (g, (gs, ge)) in enumerate(gold):
        for pi, (p, (ps, pe)) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                wrong = differing_attrs(g.label, g.attrs, p.attrs, key_attrs)
                candidates.append((bool(wrong), -overlap, abs(gs - ps), gi, pi, wrong))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for _, _, _, gi, pi, wrong in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(Pair(gold[gi][0], pred[pi][0], gold[gi][1], pred[pi][1], wrong))
    missed = [g for i, (g, _) in enumerate(gold) if i not in used_gold]
    spurious = [p for i, (p, _) in enumerate(pred) if i not in used_pred]
    return pairs, missed, spurious


def match_spans(label: str, gold: list[Span], pred: list[Span], snapper: RubySnapper | None, key_attrs=None):
    """One-to-one pairs, missed gold spans and spurious predictions of one label."""
    key_attrs = KEY_ATTRS[label] if key_attrs is None else key_attrs

    def snapped(spans):
        return [(s, snapper.snap(s.start, s.end) if snapper else (s.start, s.end)) for s in spans]

    matcher = _match_strict if label in STRICT_LABELS else _match_overlap
    return matcher(snapped(gold), snapped(pred), key_attrs)


def match_document(
    gold: AnnotatedDoc, pred: AnnotatedDoc | None, raw_text: str | None = None, key_attrs=None
) -> DocResult:
    """Score one document.  ``raw_text`` (for ruby snapping) defaults to the prediction's."""
    if pred is None:
        fields = scored_meta_fields(gold.meta)
        return DocResult(gold.doc, found=False, missed=list(gold.spans), meta_wrong=fields, meta_scored=fields)
    text = raw_text if raw_text is not None else (pred.raw_text or gold.raw_text or "")
    snapper = RubySnapper(text)
    result = DocResult(gold.doc, found=True)
    for label in LABELS:
        g = [s for s in gold.spans if s.label == label]
        p = [s for s in pred.spans if s.label == label]
        keys = None if key_attrs is None else key_attrs[label]
        pairs, missed, spurious = match_spans(label, g, p, snapper, keys)
        result.pairs += pairs
        result.missed += missed
        result.spurious += spurious
    result.meta_scored = scored_meta_fields(gold.meta)
    result.meta_wrong = tuple(n for n in result.meta_scored if not meta_agrees(n, gold.meta.get(n), pred.meta.get(n)))
    return result


def prf(correct: int, gold: int, pred: int) -> dict[str, float]:
    p = correct / pred if pred else 1.0
    r = correct / gold if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1}


@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    indicator_correct: int = 0  # correct target pairs whose indicator agrees too

    def add(self, result: DocResult) -> None:
        for pair in result.pairs:
            label = pair.gold.label
            self.gold[label] += 1
            self.pred[label] += 1
            self.matched[label] += 1
            self.correct[label] += pair.correct
            self.indicator_correct += indicator_correct(pair)
        for span in result.missed:
            self.gold[span.label] += 1
        for span in result.spurious:
            self.pred[span.label] += 1

    def label_scores(self, label: str) -> dict[str, Any]:
        scores = prf(self.correct[label], self.gold[label], self.pred[label])
        return {
            **scores,
            "gold": self.gold[label],
            "pred": self.pred[label],
            "matched": self.matched[label],
            "correct": self.correct[label],
        }

    def sublabel_scores(self) -> dict[str, dict[str, Any]]:
        """``target·indicator``: the target counts with the stricter notion of correct."""
        gold, pred, correct = self.gold["target"], self.pred["target"], self.indicator_correct
        return {
            SUBLABEL: {
                **prf(correct, gold, pred),
                "gold": gold,
                "pred": pred,
                "matched": self.matched["target"],
                "correct": correct,
            }
        }

    def micro(self) -> dict[str, Any]:
        c, g, p = sum(self.correct.values()), sum(self.gold.values()), sum(self.pred.values())
        return {**prf(c, g, p), "gold": g, "pred": p, "correct": c}


def attribute_errors(results: list[DocResult]) -> Counter:
    """``label.attr`` -> how many matched pairs disagree on it (every GUIDE attribute,
    key or not), plus ``label.boundary`` for overlap matches with other offsets."""
    errors: Counter = Counter()
    for result in results:
        for pair in result.pairs:
            label = pair.gold.label
            for name in differing_attrs(label, pair.gold.attrs, pair.pred.attrs):
                if name in pair.gold.attrs or pair.pred.attrs.get(name) is not None:
                    errors[f"{label}.{name}"] += 1
            if not pair.same_bounds:
                errors[f"{label}.boundary"] += 1
    return errors


def meta_scores(scored: Counter, wrong: Counter) -> dict[str, Any]:
    """Meta accuracy over every field gold has, and per field (``fields``: right, total, accuracy)."""
    total = sum(scored.values())
    right = total - sum(wrong.values())
    fields = {
        name: {"right": n - wrong[name], "total": n, "accuracy": (n - wrong[name]) / n} for name, n in scored.items()
    }
    return {
        "accuracy": right / total if total else 1.0,
        "right": right,
        "total": total,
        "wrong_by_field": dict(wrong),
        "fields": fields,
    }


def score(results: list[DocResult]) -> dict[str, Any]:
    """The whole report: per label, micro, per document, attribute errors, meta accuracy."""
    total = Tally()
    per_doc = {}
    meta_scored: Counter = Counter()
    meta_field_wrong: Counter = Counter()
    for result in results:
        doc_tally = Tally()
        doc_tally.add(result)
        total.add(result)
        per_doc[result.doc] = {
            "found": result.found,
            "labels": {label: doc_tally.label_scores(label) for label in LABELS},
            "sublabels": doc_tally.sublabel_scores(),
            "micro_f1": doc_tally.micro()["f1"],
            "meta_wrong": list(result.meta_wrong),
        }
        meta_scored.update(result.meta_scored)
        meta_field_wrong.update(result.meta_wrong)
    micro = total.micro()
    key_names = {f"{label}.{a}" for label in LABELS for a in KEY_ATTRS[label]}
    attr_errors = attribute_errors(results)
    return {
        "labels": {label: total.label_scores(label) for label in LABELS},
        "sublabels": total.sublabel_scores(),  # beside the labels, not in the micro average
        "micro_f1": micro["f1"],
        "micro": micro,
        "meta": meta_scores(meta_scored, meta_field_wrong),
        "attr_errors": dict(sorted(attr_errors.items())),
        "key_attr_errors": {k: v for k, v in sorted(attr_errors.items()) if k in key_names},
        "documents": per_doc,
        "missing_documents": [r.doc for r in results if not r.found],
    }
