"""The characters a rule's match may start with, read from its parsed pattern, as a look-ahead.

A rule set is one alternation of named groups (``(?P<within>…)|(?P<total>…)|…``, extractors/rules.py).
``re`` skips a branch at once where the character does not fit only when the branch opens with a
literal or a class; a branch that opens with a group is entered at every position it is tried, so
each of the deadlines' 22 rules was entered at every candidate position (about a third of that
scan's time).  ``first_char_guard`` gives the look-ahead (``(?=[…])``) a rule's branch can open with:
the characters its pattern can start with, so a branch fails on one class test where its rule
cannot start.  A look-ahead adds no group and implies nothing the rule does not require, so the
alternation finds the same matches with the same groups (tests/test_first_chars.py and
tests/test_scan_guards.py).

Read from ``re``'s own parser (the ``re._parser`` module of Python 3.11+).  A pattern whose first
characters it cannot tell (a back-reference, inline flags, a pattern that may match the empty
string) gets no look-ahead; characters past the Basic Multilingual Plane always pass it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # (private, but the parser ``re`` compiles with: Python 3.11+)
    from re import _compiler, _parser  # type: ignore[attr-defined]
    from re import _constants as sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: no look-aheads, the same matches
    _parser = None

_BMP = 0x10000
_ASTRAL = "\U00010000-\U0010ffff"  # every astral character passes: the candidates are BMP characters


class _Unknown(Exception):
    """A node whose first characters are not read here."""


@lru_cache(maxsize=16)
def _candidates(first_class: str) -> str:
    """The BMP characters a rule set's first-character guard lets through (lone surrogates too)."""
    return "".join(re.findall(first_class, "".join(map(chr, range(_BMP)))))


def _one_char(op: Any, av: Any, flags: int, candidates: str) -> frozenset[str]:
    state = _parser.State()
    state.flags = flags
    node = _compiler.compile(_parser.SubPattern(state, [(op, av)]), flags)
    return frozenset(node.findall(candidates))


def _sequence(items: Any, flags: int, candidates: str) -> tuple[frozenset[str], bool]:
    """(the characters a match of the sequence may start with, whether it may match empty)."""
    found: frozenset[str] = frozenset()
    for op, av in items:
        first, may_be_empty = _node(op, av, flags, candidates)
        found |= first
        if not may_be_empty:
            return found, False
    return found, True


def _node(op: Any, av: Any, flags: int, candidates: str) -> tuple[frozenset[str], bool]:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return _one_char(op, av, flags, candidates), False
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags or del_flags:
            raise _Unknown(op)
        return _sequence(body, flags, candidates)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, flags, candidates)
    if op is sre.BRANCH:
        found: frozenset[str] = frozenset()
        any_empty = False
        for alternative in av[1]:
            first, may_be_empty = _sequence(alternative, flags, candidates)
            found |= first
            any_empty |= may_be_empty
        return found, any_empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        first, may_be_empty = _sequence(body, flags, candidates)
        return first, may_be_empty or low == 0
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset(), True  # consumes nothing: the next node decides (a look-around only narrows)
    raise _Unknown(op)


def first_chars(pattern: str, first_class: str) -> frozenset[str] | None:
    """Of the BMP characters ``first_class`` lets through, those a match of ``pattern`` may start
    with; None when that cannot be read."""
    if _parser is None:
        return None
    candidates = _candidates(first_class)
    try:
        parsed = _parser.parse(pattern)
        found, may_be_empty = _sequence(parsed, parsed.state.flags, candidates)
    except _Unknown:
        return None
    return None if may_be_empty else found


def _char_class(chars: frozenset[str]) -> str:
    points = sorted(map(ord, chars))
    ranges: list[list[int]] = []
    for point in points:
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    spans = (re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return "[" + "".join(spans) + _ASTRAL + "]"


def first_char_guard(pattern: str, first_class: str) -> str:
    """``(?=[…])`` of the characters ``pattern`` may start with (of those ``first_class`` lets
    through, and every astral one), or "" when they cannot be read."""
    chars = first_chars(pattern, first_class)
    return "" if chars is None else f"(?={_char_class(chars)})"
