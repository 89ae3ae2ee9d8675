"""The flow in-process: transient OSErrors are retried, deterministic failures quarantined once."""

from __future__ import annotations

import errno

import pandas as pd
import pytest
from polex_cli import SEEDS, make_corpus

import pipeline.storage.batch as batch

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api_url")]


def _ingest(corpus, out):
    from flows.ingest import ingest_corpus

    return ingest_corpus(corpus=str(corpus), out=str(out))


def test_transient_read_error_is_retried(tmp_path, monkeypatch):
    corpus = make_corpus(tmp_path / "corpus")
    real_read = batch.read_document
    calls = {"n": 0}

    def flaky_read(root, rel_path, **kwargs):
        if rel_path == SEEDS[1].name:
            calls["n"] += 1
            if calls["n"] == 1:
                raise OSError(errno.EIO, "Input/output error (test)")
        return real_read(root, rel_path, **kwargs)

    monkeypatch.setattr(batch, "read_document", flaky_read)
    summary = _ingest(corpus, tmp_path / "out")
    assert calls["n"] == 2  # failed once, retried once
    assert summary["counts"]["ingested"] == len(SEEDS) and summary["quarantined"] == []


def test_deterministic_failure_is_quarantined_not_retried(tmp_path, monkeypatch):
    corpus = make_corpus(tmp_path / "corpus")
    real_process = batch.process_document
    calls = {"n": 0}

    def buggy_process(doc, ingested_at=None):
        if doc.doc_id == SEEDS[2].name:
            calls["n"] += 1
            raise ValueError("extractor bug (test)")
        return real_process(doc, ingested_at=ingested_at)

    monkeypatch.setattr(batch, "process_document", buggy_process)
    out = tmp_path / "out"
    summary = _ingest(corpus, out)
    assert calls["n"] == 1
    assert summary["quarantined"] == [
        {"source_path": SEEDS[2].name, "stage": "process", "error": "ValueError: extractor bug (test)"}
    ]
    assert sorted(pd.read_parquet(out / "documents.parquet")["doc_id"]) == sorted(
        s.name for s in SEEDS if s != SEEDS[2]
    )
    # Remembered: the next run does not call process_document for it again.
    again = _ingest(corpus, out)
    assert calls["n"] == 1 and again["counts"]["processed"] == 0 and len(again["quarantined"]) == 1
