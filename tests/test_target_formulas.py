"""Numbered political formulas are names, not counts (issue 11: idioms are no targets; IDM1).

The rule's examples run in tests/test_extractor_examples.py (extractors/examples/targets.jsonl, corpus-real 0013);
here every line of extractors/data/numbered_formulas.txt after a goal verb and a deadline, against the same words
counted in Arabic digits, which stay a target.
"""

from __future__ import annotations

import pytest

import extractors.target_patterns as P
from pipeline.core.numerals import parse_number
from tests.test_extractor_examples import _run


def _targets(text: str) -> list[str]:
    _, rows = _run({"text": text, "rows": []})
    return [row["text"] for row in rows["targets"]]


@pytest.mark.parametrize("formula", P.NUMBERED_FORMULAS)
def test_a_formula_after_a_goal_verb_is_no_count_its_arabic_form_is(formula):
    arabic = f"{parse_number(formula[0]):.0f}{formula[1:]}"
    assert _targets(f"到2025年，全面实现{formula}。") == []
    assert _targets(f"到2025年，全面实现{arabic}。") == [f"全面实现{arabic[:2]}"]


@pytest.mark.parametrize("formula", P.NUMBERED_FORMULAS)
def test_each_line_opens_with_a_count_a_target_would_read(formula):
    """The list holds only forms whose numeral and measure word read as a count (the others need no line)."""
    assert P.QUANTITY.match(formula) is not None, formula
