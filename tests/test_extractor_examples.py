"""Runs every extractor's example corpus (extractors/examples/*.jsonl) and the
examples of every rule record (extractors/rules.py) as tests."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

import extractors
from pipeline.core.document import RawDocument
from pipeline.process import extract_rows, structure

EXAMPLES = Path(extractors.__file__).parent / "examples"


def _jsonl_cases():
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        name = path.stem
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("//"):
                yield pytest.param(name, json.loads(line), id=f"{name}:{lineno}")


def _rule_cases():
    for ex in extractors.all_extractors():
        for rule in ex.rules.rules if ex.rules else ():
            for n, example in enumerate(rule.examples, 1):
                yield pytest.param(ex.name, rule, example, id=f"{ex.name}.{rule.name}:{n}")


def _same(expected, actual) -> bool:
    if isinstance(expected, str) and isinstance(actual, (dt.date, dt.datetime)):
        return expected == actual.isoformat()  # dates are written as ISO strings in the jsonl
    if isinstance(expected, float) or isinstance(actual, float):
        return (
            expected is not None and actual is not None and math.isclose(float(expected), float(actual), rel_tol=1e-9)
        )
    return expected == actual


def _run(case: dict):
    """The case's text through the real pipeline, its metadata overridden by the case's ``meta``."""
    doc = RawDocument(doc_id="case", source_path="case.txt", sha256="-", raw_text=case["text"], encoding="utf-8")
    ctx = structure(doc)
    for key, value in (case.get("meta") or {}).items():
        setattr(ctx.meta, key, value)
    return ctx, extract_rows(doc, ctx)


def _check_rows(case: dict, rows: list[dict]) -> None:
    raw = case["text"]
    for row in rows:
        assert raw[row["raw_start"] : row["raw_end"]] == row["text"]
    unmatched = list(rows)
    for want in case["rows"]:
        hit = next(
            (r for r in unmatched if all(_same(v, r.get(k)) for k, v in want.items())),
            None,
        )
        assert hit is not None, f"expected row {want} not in {[{k: r.get(k) for k in want} for r in unmatched]}"
        unmatched.remove(hit)
    if not case.get("partial"):
        hidden = ("doc_id", "raw_start", "raw_end", "norm_start", "norm_end", "section_id")
        assert not unmatched, (
            f"unexpected rows: {[(r['text'], {k: v for k, v in r.items() if k not in hidden}) for r in unmatched]}"
        )


@pytest.mark.parametrize("name,case", list(_jsonl_cases()))
def test_example(name: str, case: dict):
    table = extractors.get(name).table if name in extractors.ORDER else name
    _, rows = _run(case)
    _check_rows(case, rows[table])


@pytest.mark.parametrize("name,rule,example", list(_rule_cases()))
def test_rule_example(name, rule, example):
    case = example.as_case()
    ctx, rows = _run(case)
    table_rows = rows[extractors.get(name).table]
    _check_rows(case, table_rows)
    # Each expected row comes from a match of this very rule.
    found = [f.match.span() for f in extractors.get(name).find(ctx) if f.rule is rule]
    for want in case["rows"]:
        row = next(r for r in table_rows if all(_same(v, r.get(k)) for k, v in want.items()))
        assert any(a < row["norm_end"] and row["norm_start"] < b for a, b in found), (
            f"row {want['text']!r} is not from rule {rule.name!r}"
        )


def test_every_rule_has_examples():
    for ex in extractors.all_extractors():
        for rule in ex.rules.rules if ex.rules else ():
            assert rule.examples, f"{ex.name}.{rule.name} has no examples"


def test_every_rule_a_module_defines_is_in_its_rule_set():
    """A Rule left out of RULES would never match, and its examples would never run."""
    import importlib

    from extractors.rules import Rule

    for ex in extractors.all_extractors():
        if not ex.rules:
            continue
        module = importlib.import_module(f"extractors.{ex.name}")
        defined = {name for name, value in vars(module).items() if isinstance(value, Rule)}
        listed = {name for name, value in vars(module).items() if isinstance(value, Rule) and value in ex.rules.rules}
        assert defined == listed, f"{ex.name}: rules not in RULES: {sorted(defined - listed)}"
