"""Runs every extractor's example corpus (extractors/examples/*.jsonl) as tests."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

import extractors
from pipeline.core.document import RawDocument
from pipeline.process import process_document

EXAMPLES = Path(extractors.__file__).parent / "examples"


def _cases():
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        name = path.stem
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("//"):
                yield pytest.param(name, json.loads(line), id=f"{name}:{lineno}")


def _same(expected, actual) -> bool:
    if isinstance(expected, str) and isinstance(actual, (dt.date, dt.datetime)):
        return expected == actual.isoformat()  # dates are written as ISO strings in the jsonl
    if isinstance(expected, float) or isinstance(actual, float):
        return expected is not None and actual is not None and math.isclose(float(expected), float(actual), rel_tol=1e-9)
    return expected == actual


def _run(case: dict):
    doc = RawDocument(doc_id="case", source_path="case.txt", sha256="-", raw_text=case["text"], encoding="utf-8")
    meta_override = case.get("meta")
    if meta_override:
        import pipeline.process as proc

        real = proc.extract_meta

        def patched(norm):
            meta = real(norm)
            for key, value in meta_override.items():
                setattr(meta, key, value)
            return meta

        proc.extract_meta = patched
        try:
            return process_document(doc)
        finally:
            proc.extract_meta = real
    return process_document(doc)


@pytest.mark.parametrize("name,case", list(_cases()))
def test_example(name: str, case: dict):
    table = extractors.get(name).table if name in extractors.ORDER else name
    rows = _run(case)[table]
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
        assert not unmatched, f"unexpected rows: {[(r['text'], {k: v for k, v in r.items() if k not in ('doc_id','raw_start','raw_end','norm_start','norm_end','section_id')}) for r in unmatched]}"
