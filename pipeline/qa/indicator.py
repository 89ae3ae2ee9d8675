"""``target·indicator``: a target match that also names the right indicator (GUIDE's Scoring).

A matched target counts here when its key attributes agree (it is correct)
AND the bag-of-characters F1 of its ``indicator`` against gold's is at least
``INDICATOR_F1_FLOOR``, whitespace ignored.  Characters, not words: Chinese
indicators have no spaces, and a reviewer's `规模以上企业数量` against the
extractor's `规模以上企业` should pass while `企业` against `专精特新企业` should not.

It is reported beside the labels (precision over predicted targets, recall
over gold targets), never in the micro average.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

SUBLABEL = "target·indicator"
INDICATOR_F1_FLOOR = 0.6


def _chars(text: Any) -> Counter:
    return Counter("".join(str(text).split())) if text is not None else Counter()


def char_f1(gold: Any, pred: Any) -> float:
    """Bag-of-characters F1 of two indicator strings, whitespace ignored.

    Two missing (or blank) indicators agree (1.0); one missing against a written one is 0.0.
    """
    g, p = _chars(gold), _chars(pred)
    if not g and not p:
        return 1.0
    common = sum((g & p).values())
    total = sum(g.values()) + sum(p.values())
    return 2 * common / total if total else 0.0


def indicator_agrees(gold_attrs: dict[str, Any], pred_attrs: dict[str, Any]) -> bool:
    return char_f1(gold_attrs.get("indicator"), pred_attrs.get("indicator")) >= INDICATOR_F1_FLOOR


def indicator_correct(pair) -> bool:
    """A scoring Pair of targets counts for ``target·indicator``: key attributes right and indicator close."""
    return pair.gold.label == "target" and pair.correct and indicator_agrees(pair.gold.attrs, pair.pred.attrs)
