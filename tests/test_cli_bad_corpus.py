"""Issue 7's acceptance: `polex run` over the bad-input corpus exits non-zero, lists
every quarantined file with its reason, and publishes every good document with
valid offsets."""

from __future__ import annotations

import pandas as pd
import pytest
from bad_corpus import make_bad_corpus
from polex_cli import run_polex

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api_url")]  # one shared local server for the session

SPAN_TABLES = ["sections", "targets", "amounts", "deadlines", "responsible_units", "tasks"]


def test_run_over_bad_corpus_quarantines_each_bad_file_and_publishes_the_rest(tmp_path):
    corpus = tmp_path / "bad"
    expected = make_bad_corpus(corpus, big=True)  # includes a 50 MB file
    out = tmp_path / "out"
    result = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
    assert result.returncode == 1, result.stdout + result.stderr

    bad = {rel: outcome.split(":", 1)[1] for rel, outcome in expected.items() if outcome != "ok"}
    good = {rel for rel, outcome in expected.items() if outcome == "ok"}
    printed = result.stdout + result.stderr
    for rel, stage in bad.items():
        line = next((l for l in printed.splitlines() if l.startswith("QUARANTINED ") and f" {rel} " in l), None)
        assert line is not None, f"{rel} not listed as quarantined:\n{printed}"
        assert f"[{stage}]" in line and len(line) > len(f"QUARANTINED {rel} [{stage}] ") + 5, line

    quarantine = pd.read_parquet(out / "quarantine.parquet")
    assert dict(zip(quarantine.source_path, quarantine.stage)) == bad
    for error in quarantine.error:  # a reason a data team can read: one line, no traceback
        assert error.strip() and "\n" not in error and "Traceback" not in error, error

    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    assert set(docs.source_path) == good
    for table in SPAN_TABLES:
        rows = pd.read_parquet(out / f"{table}.parquet")
        assert set(rows.doc_id) <= set(docs.index)
        for row in rows.itertuples():
            raw = docs.loc[row.doc_id, "raw_text"]
            assert raw[row.raw_start : row.raw_end] == row.text
