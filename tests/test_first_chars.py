"""First characters of a rule (extractors/first_chars.py) and the look-ahead each deadlines branch opens
with: which characters a pattern may start with, read from its parsed form, and the alternation with
the look-aheads finds exactly what the plain one finds (span, rule, every group), on documents,
examples and fragment mixes (astral digits and lone surrogates too)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import amounts, deadlines
from extractors.first_chars import first_char_guard, first_chars
from extractors.rules import MIN_RULES_FOR_GUARDS
from extractors.scan_guard import guarded_pattern
from tests.test_scan_guards import DOCUMENTS, FRAGMENTS, _example_texts

FIRST = r"[\d到至每年月前一二三]"


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"(?P<n>\d+)年内", set("0123456789\uff11٣")),  # \d: every decimal digit, full-width and Arabic-Indic too
        (r"(?:到|至)\d{4}年", {"到", "至"}),
        (r"(?<![第])(?:每|前)?[一二三]年", {"每", "前", "一", "二", "三"}),  # a look-behind narrows nothing
        (r"(?=\d)(?:\d|年)+", set("0123456789\uff11٣年")),  # a look-ahead neither
        (r"(?:年)?(?:月)?前", {"年", "月", "前"}),  # optional items let the next one start the match
        (r"[^年月]", None),  # (checked below: everything the guard lets through but 年 and 月)
    ],
)
def test_first_characters_are_read_from_the_pattern(pattern, expected):
    found = first_chars(pattern, FIRST)
    assert found is not None
    if expected is None:
        assert "年" not in found and "月" not in found and {"到", "1", "一"} <= found
    else:
        assert expected <= found and found <= expected | set(re.findall(r"\d", "".join(map(chr, range(0x10000)))))


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:年)?",  # may match the empty string: at any position
        r"(?P<a>年)(?P=a)?|(?P=a)",  # a back-reference first
        r"(?i:年)",  # flags switched inside the pattern
    ],
)
def test_a_pattern_whose_first_characters_cannot_be_read_gets_no_guard(pattern):
    assert first_chars(pattern, FIRST) is None
    assert first_char_guard(pattern, FIRST) == ""


def test_the_guard_lets_every_astral_character_through():
    guard = re.compile(first_char_guard(r"\d年", FIRST))
    assert guard.match("3") and guard.match("\U0001d7d1") and not guard.match("年")


def test_only_large_rule_sets_open_their_branches_with_guards():
    assert len(deadlines.RULES.rules) >= MIN_RULES_FOR_GUARDS > len(amounts.RULES.rules)
    assert deadlines.RULES.body.startswith("(?=[") and amounts.RULES.body.startswith("(?P<")


def _plain() -> re.Pattern:
    """The deadlines alternation without the branches' look-aheads, behind the same set guards."""
    rules = deadlines.RULES
    body = "|".join(f"(?P<{r.name}>{r.pattern})" for r in rules.rules)
    return guarded_pattern(body, rules.first_chars, rules.required)


PLAIN = _plain()


def _found(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)]


def test_the_guarded_branches_find_what_the_plain_ones_find_on_documents_and_examples():
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in DOCUMENTS] + _example_texts(deadlines)
    found = 0
    for text in texts:
        expected = _found(PLAIN, text)
        found += len(expected)
        assert _found(deadlines.RULES.pattern, text) == expected, text[:80]
    assert found > 0


@settings(max_examples=400, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS + ["\U0001d7d1", "\ud800", "\uff11", "٣", "年", "月"]), max_size=40))
def test_the_guarded_branches_on_fragment_mixes(pieces):
    text = "".join(pieces)
    assert _found(deadlines.RULES.pattern, text) == _found(PLAIN, text)
