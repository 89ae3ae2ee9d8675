"""Scan speed-ups that must not change what the patterns find.

1. The amounts and deadlines patterns carry guard lookaheads (extractors.scan_guard:
   a first character, and a clause that must hold 元/级, resp. one of 年月日季末天间,
   before its next ，。；：！？ or line break).
   That is only a speed-up if every match of the unguarded pattern satisfies
   it: guarded and unguarded scans must find exactly the same matches, on the
   bundled documents, on the extractors' example corpora and on random mixes
   of the fragments the patterns are made of.  A new pattern branch that breaks the guard's assumption fails here.
2. Boundary positions found with numpy (extractors.char_positions) are the
   positions a character-class regex finds.
3. The responsible-unit note scans run on the stdlib engine; they must find
   what the `regex` module finds with the original patterns.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractors import amounts, deadlines, responsible_units, target_patterns, targets
from extractors.char_positions import CharSet, NestedCharSets, code_points

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests/fixtures/devset/docs").glob("*.txt"))

FRAGMENTS = [
    # numbers, numerals, ranges, units, money, scale classes
    "2025",
    "1,000",
    "3.5",
    "12",
    "五",
    "十四五",
    "两",
    "百",
    "千",
    "万",
    "亿",
    "万亿",
    "〇",
    "二〇二五",
    "-",
    "—",
    "～",
    "至",
    "到",
    "、",
    "元",
    "万元",
    "亿元",
    "级",
    "千亿级",
    "/",
    "亩",
    "（含）",
    "以上",
    "及",
    "以下",
    "左右",
    "元化",
    "单元",
    "省级",
    # dates and time words
    "年",
    "月",
    "日",
    "号",
    "底",
    "末",
    "季度",
    "半年",
    "每",
    "前",
    "之前",
    "以前",
    "起",
    "止",
    "以来",
    "内",
    "之内",
    "以内",
    "有效期",
    "有效期为",
    "执行期限",
    "自",
    "印发",
    "之日起",
    "截至",
    "力争到",
    "今年",
    "明年",
    "本年度",
    "近",
    "过去",
    "利用",
    "经过",
    "时间",
    "努力",
    "“",
    "”",
    "时期",
    "期",
    # text around them and clause stops
    "企业",
    "资金",
    "奖励",
    "给予",
    "投资",
    " ",
    "\u3000",
    "，",
    "。",
    "；",
    "：",
    "！",
    "？",
    "\n",
    "(",
    "）",
]

SCANS = [
    pytest.param(amounts, id="amounts"),
    pytest.param(deadlines, id="deadlines"),
    pytest.param(responsible_units, id="responsible_units"),
    pytest.param(targets, id="targets"),
]


def _unguarded(module) -> re.Pattern:
    """The bare alternation: without the first-character and required-character lookaheads."""
    return re.compile(module.RULES.body)


def _example_texts(module) -> list[str]:
    """The texts of the module's Duckling-style example corpus and of its rules' examples."""
    path = ROOT / "extractors" / "examples" / f"{module.__name__.rsplit('.', 1)[1]}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip() and not line.lstrip().startswith("//")]
    return texts + [example.text for rule in module.RULES.rules for example in rule.examples]


def _matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("module", SCANS)
def test_guard_keeps_every_match_on_documents(module):
    unguarded = _unguarded(module)
    assert DOCUMENTS
    found = 0
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = _matches(unguarded, text)
        found += len(expected)
        assert _matches(module.RULES.pattern, text) == expected, path.name
    assert found > 0  # the documents do exercise the pattern


@pytest.mark.parametrize("module", SCANS)
def test_guard_keeps_every_match_on_examples(module):
    texts = _example_texts(module)
    assert texts
    for text in texts:
        assert _matches(module.RULES.pattern, text) == _matches(_unguarded(module), text), text


@pytest.mark.parametrize("module", SCANS)
@settings(max_examples=400, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_guard_keeps_every_match_on_fragment_mixes(module, pieces):
    text = "".join(pieces)
    assert _matches(module.RULES.pattern, text) == _matches(_unguarded(module), text)


def _rule_matches(module, text: str) -> list:
    """What the rule set's own scan finds (by positions where it is on)."""
    return [(f.match.span(), f.match.groups(), f.rule.name) for f in module.RULES.finditer(text)]


def _pattern_matches(module, text: str) -> list:
    rules = module.RULES.by_name
    return [(m.span(), m.groups(), rules[m.lastgroup].name) for m in module.RULES.pattern.finditer(text)]


@pytest.mark.parametrize("module", SCANS)
def test_scan_by_positions_finds_what_the_pattern_finds(module):
    """RuleSet.finditer tries only the positions the guards pass (scan_guard.GuardedScan): on the
    documents and the example texts it finds exactly what the guarded pattern's finditer finds."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in DOCUMENTS] + _example_texts(module)
    found = 0
    for text in texts:
        expected = _pattern_matches(module, text)
        found += len(expected)
        assert _rule_matches(module, text) == expected, text[:80]
    assert found > 0


@pytest.mark.parametrize("module", SCANS)
@settings(max_examples=400, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS + ["\U00020000", "\ud800", "\uff11"]), max_size=40))
def test_scan_by_positions_on_fragment_mixes(module, pieces):
    text = "".join(pieces)  # astral characters, a lone surrogate and a full-width digit too
    assert _rule_matches(module, text) == _pattern_matches(module, text)


def test_deadlines_and_amounts_scan_by_positions():
    """The two rule sets whose guards are selective use the positions lookup; a text whose only
    required character comes after the clause stop gives no candidate at all."""
    assert deadlines.RULES.by_positions and amounts.RULES.by_positions
    assert not targets.RULES.by_positions and not responsible_units.RULES.by_positions
    scan = amounts.RULES._scan
    assert scan is not None and scan.finditer("投资100，万元") == []
    assert [m.group() for m in scan.finditer("投资100万元")] == ["100万元"]


# ---------------------------------------------------------------- char positions
@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from(list("，,；;：:。！？!?\n\t\r 年a1\uffff\U00020000\U0001f600"))))
def test_char_positions_are_the_regex_hits(text):
    for char_set in (
        target_patterns.CLAUSE_END_CHARS,
        target_patterns.SENTENCE_END_CHARS,
        target_patterns.LINE_END_CHARS,
    ):
        expected = [m.start() for m in re.finditer(f"[{re.escape(char_set.chars)}]", text)]
        assert char_set.positions(code_points(text)) == expected


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from(list("，,；;：:。！？!?\n\t\r 年a1\uffff\U00020000\U0001f600"))))
def test_nested_char_sets_find_what_each_set_finds(text):
    sets = (target_patterns.CLAUSE_END_CHARS, target_patterns.SENTENCE_END_CHARS, target_patterns.LINE_END_CHARS)
    points = code_points(text)
    assert target_patterns.BOUNDARY_CHARS.positions(points) == [s.positions(points) for s in sets]


def test_nested_char_sets_refuse_sets_that_do_not_nest():
    with pytest.raises(ValueError):
        NestedCharSets("。\n", "\t")


def test_char_set_refuses_astral_characters():
    with pytest.raises(ValueError):
        CharSet("\U00020000")


# ---------------------------------------------------------------- responsible units
NOTE_FRAGMENTS = [
    "（",
    "）",
    "(",
    ")",
    "〔",
    "〕",
    "【",
    "】",
    "［",
    "］",
    "牵头单位",
    "责任单位",
    "配合",
    "牵头",
    "责任",
    "：",
    ":",
    "省科技厅",
    "、",
    "，",
    "\n",
    " ",
    "\t",
    "\u3000",
    "*",
    "\x1c",
    "\x1f",
    "\x85",
    "\u2028",
    "各县（市、区）",
    "部门",
    "处室",
    "（部门）",
    "〈",
    "〉",
    "含开发区",
    "按职责分工负责",
    "。",
]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(NOTE_FRAGMENTS), max_size=30))
@example(pieces=["牵头单位", "\x1c", "：", "省科技厅"])  # stdlib \s would take U+001C
@example(pieces=["（", "牵头单位", "\u2028", "：", "省科技厅", "）"])
@example(pieces=["【", "责任单位", "】", "省科技厅", "\n", "（", "牵头单位", "：", "省科技厅", "）"])
def test_stdlib_note_scan_matches_the_regex_module_unguarded(pieces):
    """The note rules' one guarded stdlib scan finds what the bare alternation finds on the
    `regex` engine (whose whitespace the patterns spell out)."""
    import regex

    text = "".join(pieces)
    reference = regex.compile(responsible_units.RULES.body)
    assert _matches(responsible_units.RULES.pattern, text) == _matches(reference, text)
