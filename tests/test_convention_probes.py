"""Constructed probes of the deadline and responsibility-note conventions (issue 11, task DU1).

Each line of ``tests/data/deadline_probes.jsonl`` and ``tests/data/unit_probes.jsonl`` is a sentence or a
task item written the way GB/T 9704 documents of any province and level write them, with the rows a careful
reader extracts by GUIDE and CONVENTIONS, written before polex was run on it (``first``: the expectation as
first written where a ruling later corrected it, ``note`` says which). Each case runs through the real
pipeline (``tests/test_extractor_examples._run``) and must give exactly its rows; a case the conventions leave
undecided carries ``xfail`` with the question for the lead (strict: it fails loudly once polex agrees).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_extractor_examples import _check_rows, _run

DATA = Path(__file__).parent / "data"


def _cases(name: str):
    for lineno, line in enumerate((DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        case = json.loads(line)
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=f"{name}:{lineno}", marks=marks)


@pytest.mark.parametrize("case", list(_cases("deadline_probes")))
def test_deadline_probe(case: dict):
    _check_rows(case, _run(case)[1]["deadlines"])


@pytest.mark.parametrize("case", list(_cases("unit_probes")))
def test_unit_probe(case: dict):
    _check_rows(case, _run(case)[1]["responsible_units"])


def test_probes_cover_the_brief():
    """At least 90 deadline probes and 60 responsibility-note probes, with negatives among both."""
    deadlines = [json.loads(line) for line in (DATA / "deadline_probes.jsonl").read_text(encoding="utf-8").splitlines()]
    units = [json.loads(line) for line in (DATA / "unit_probes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(deadlines) >= 90 and len(units) >= 60
    assert sum(not c["rows"] for c in deadlines) >= 20 and sum(not c["rows"] for c in units) >= 10
