"""Whether two targets measure the same indicator, and how alike their wording is.

Chinese noun phrases put the head last and narrow it with every word put in
front: ``高新技术企业营业收入`` measures revenue, ``高新技术企业`` enterprises;
``研发投入强度`` an intensity, ``研发投入`` an amount; ``制造业领航企业`` and
``数字经济领域高新技术企业`` are subsets of ``制造业企业`` and ``高新技术企业``.
So two cores (``indicators.py`` has already removed scope, levels, fillers
and spelling variants) are the same indicator when:

- they are identical: similarity 1;
- or one is the other with one stretch of non-restrictive words added in
  front or inside, never at the end (``智能工厂`` / ``智能制造工厂``,
  ``旅游收入`` / ``旅游总收入``): the character Dice
  ``2·|short| / (|short| + |long|)``.

Anything else (two different qualifiers ``农村``/``城乡`` 居民人均可支配收入, a
restrictive word added, a different head) does not match.

Then the qualifiers must agree: units of one dimension (``units.py``; ``%``
with ``个百分点`` only on identical cores, at ``LIKE_UNITS_PENALTY``), both
relative or both absolute, both increments or both stocks, and designation
levels not disjoint (``国家级`` never meets ``省级``; a side without a level, or
levels that only overlap, cost ``LEVEL_PENALTY``).

``examples/links.jsonl`` beside this module holds the pairs that link and
those that must not; they run as tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.linking.indicators import IndicatorKey
from pipeline.linking.units import unit_info

MIN_CONTAINED_CHARS = 3
HEAD_CHARS = 2  # a contained core must keep the longer one's last HEAD_CHARS characters
LEVEL_PENALTY = 0.9
LIKE_UNITS_PENALTY = 0.8
# Words that name the same thing when added (总产值 = 产值, 智能制造工厂 = 智能工厂);
# any other added word narrows the indicator.
NON_RESTRICTIVE = regex.compile(r"(?:制造|总|全部|整体|合计|各类|主导)+")
# Dimensions that may meet only on identical cores (a share and its change).
_LIKE_ONLY = frozenset({frozenset({"percent", "points"})})


@dataclass(frozen=True)
class Verdict:
    similarity: float | None  # None: not the same indicator
    reason: str


def core_similarity(a: str, b: str) -> Verdict:
    """Similarity of two cores by the head-final rule above (qualifiers not considered)."""
    if a == b:
        return Verdict(1.0, "same core")
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_CONTAINED_CHARS:
        return Verdict(None, f"core {short!r} too short to be contained in another")
    added = _added_stretches(short, long)
    if not added:
        if long.startswith(short):
            return Verdict(None, f"{long!r} adds {long[len(short) :]!r} at the end: another head")
        return Verdict(None, "different wording")
    same = [stretch for stretch in added if NON_RESTRICTIVE.fullmatch(stretch)]
    if not same:
        return Verdict(None, f"{long!r} narrows {short!r} by {added[0]!r}")
    return Verdict(2 * len(short) / (len(short) + len(long)), f"{long!r} adds {same[0]!r} to {short!r}")


def _added_stretches(short: str, long: str) -> list[str]:
    """Every stretch ``long`` may add to ``short`` in front or inside, ``short``
    keeping ``long``'s last HEAD_CHARS characters (``先进制造业集群`` in
    ``先进制造业产业集群``: ``业产`` or ``产业``)."""
    stretches = []
    for split in range(len(short) - HEAD_CHARS + 1):
        if long.startswith(short[:split]) and long.endswith(short[split:]):
            stretches.append(long[split : len(long) - (len(short) - split)])
    return stretches


_NON_RESTRICTIVE_FIRST = frozenset("制总全整合各主")
_NON_RESTRICTIVE_LONGEST = 6  # 制造制造 … in practice 4; a bound for the scan below


def reduced_forms(core: str) -> set[str]:
    """``core`` with one stretch of non-restrictive words removed, anywhere but its
    last HEAD_CHARS characters: the shorter cores ``core_similarity`` can accept
    against it (``智能制造工厂`` -> ``智能工厂``)."""
    forms = set()
    for start, char in enumerate(core[: len(core) - HEAD_CHARS]):
        if char not in _NON_RESTRICTIVE_FIRST:
            continue
        for end in range(start + 1, min(len(core) - HEAD_CHARS, start + _NON_RESTRICTIVE_LONGEST) + 1):
            if NON_RESTRICTIVE.fullmatch(core, start, end):
                forms.add(core[:start] + core[end:])
    return {form for form in forms if len(form) >= MIN_CONTAINED_CHARS}


def key_similarity(a: IndicatorKey, b: IndicatorKey, unit_a: str | None, unit_b: str | None) -> Verdict:
    """The full rule: cores, then units, baseline, increment and level qualifiers."""
    if not (a.linkable and b.linkable):
        return Verdict(None, "generic indicator")
    dims = frozenset({unit_info(unit_a).dimension, unit_info(unit_b).dimension})
    if len(dims) > 1 and (dims not in _LIKE_ONLY or a.core != b.core):
        return Verdict(None, f"units measure different things ({unit_a} / {unit_b})")
    if a.relative != b.relative:
        return Verdict(None, "one is against a baseline, the other absolute")
    if a.increment != b.increment:
        return Verdict(None, "one counts additions, the other the stock")
    if a.levels and b.levels and not (a.levels & b.levels):
        return Verdict(None, f"different levels ({'/'.join(sorted(a.levels))} vs {'/'.join(sorted(b.levels))})")
    verdict = core_similarity(a.core, b.core)
    if verdict.similarity is None:
        return verdict
    similarity, reason = verdict.similarity, verdict.reason
    if len(dims) > 1:
        similarity, reason = similarity * LIKE_UNITS_PENALTY, reason + f", {unit_a} against {unit_b}"
    if a.levels != b.levels:
        similarity, reason = similarity * LEVEL_PENALTY, reason + ", levels differ in part"
    return Verdict(round(similarity, 6), reason)
