"""Incremental planning and batch processing, without Prefect."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from scan_helpers import index_of

from pipeline.storage.batch import BatchSpec, run_batch
from pipeline.storage.plan import (
    INGESTED,
    QUARANTINED,
    ScannedFile,
    make_batches,
    make_plan,
    scan_corpus,
    scan_from_files,
)

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "corpus").glob("*.txt"))


def _index(entries: dict[str, tuple[str, str]], version: str = "v1") -> pa.Table:
    return index_of({p: {"sha256": sha, "cache_version": version, "status": st} for p, (sha, st) in entries.items()})


def _plan(files: list[ScannedFile], index, version: str, reusable: bool, max_bytes=None):
    return make_plan(scan_from_files(files), index, version, reusable, max_bytes)


def test_plan_reuses_only_same_sha_and_version():
    files = [
        ScannedFile("a.txt", "A", 10),
        ScannedFile("b.txt", "B2", 10),
        ScannedFile("c.txt", "C", 10),
        ScannedFile("q.txt", "Q", 1),
    ]
    previous = _index(
        {"a.txt": ("A", INGESTED), "b.txt": ("B", INGESTED), "q.txt": ("Q", QUARANTINED), "gone.txt": ("G", INGESTED)}
    )
    plan = _plan(files, previous, "v1", reusable=True)
    assert [f.path for f in plan.to_process] == ["b.txt", "c.txt"]
    assert plan.kept_ingested == {"a.txt"} and plan.kept_quarantined == {"q.txt"}
    assert (plan.added, plan.changed, plan.removed) == (1, 1, 1)


def test_new_version_or_unusable_tables_reprocess_everything():
    files = [ScannedFile("a.txt", "A", 10), ScannedFile("q.txt", "Q", 1)]
    previous = _index({"a.txt": ("A", INGESTED), "q.txt": ("Q", QUARANTINED)})
    for plan in (_plan(files, previous, "v2", reusable=True), _plan(files, previous, "v1", reusable=False)):
        assert [f.path for f in plan.to_process] == ["a.txt", "q.txt"]
        assert not plan.kept_ingested and not plan.kept_quarantined


def test_unreadable_files_are_not_cached():
    plan = _plan([ScannedFile("x.txt", None, 0, "cannot read file")], None, "v1", reusable=False)
    assert [f.path for f in plan.unreadable] == ["x.txt"] and not plan.to_process


def test_batches_respect_byte_and_count_limits():
    files = [ScannedFile(f"{i}.txt", "s", 400) for i in range(10)]
    by_bytes = make_batches(files, max_bytes=1000, max_docs=100)
    assert [len(b) for b in by_bytes] == [2, 2, 2, 2, 2]
    by_count = make_batches(files, max_bytes=10**9, max_docs=3)
    assert [len(b) for b in by_count] == [3, 3, 3, 1]
    assert [f.path for b in by_count for f in b] == [f.path for f in files]
    assert make_batches([ScannedFile("huge.txt", "s", 10**9)], max_bytes=10) == [[ScannedFile("huge.txt", "s", 10**9)]]


def test_run_batch_stages_rows_and_quarantines_bad_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS[0], corpus / "good.txt")
    (corpus / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    scanned = {
        row["path"]: ScannedFile(row["path"], row["sha256"], row["size"]) for row in scan_corpus(corpus).to_pylist()
    }
    assert set(scanned) == {"bad.txt", "good.txt"}
    at = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    spec = BatchSpec(
        str(corpus), [(p, f.sha256) for p, f in sorted(scanned.items())], str(tmp_path / "stage"), 7, at, "vX"
    )
    result = run_batch(spec)
    assert result.ingested == ["good.txt"]
    assert [r["source_path"] for r in result.quarantined] == ["bad.txt"]
    assert result.quarantined[0]["stage"] == "decode"
    folder = Path(result.folder)
    assert folder.name == "batch-00007"
    documents = pq.read_table(folder / "documents.parquet").to_pylist()
    assert [d["doc_id"] for d in documents] == ["good.txt"]
    assert documents[0]["extractor_version"] == "vX"
    assert documents[0]["sha256"] == scanned["good.txt"].sha256
    assert documents[0]["ingested_at"] == at
    assert pq.read_table(folder / "quarantine.parquet").column("source_path").to_pylist() == ["bad.txt"]
    # A retried batch replaces its folder rather than duplicating rows.
    again = run_batch(spec)
    assert pq.read_table(Path(again.folder) / "documents.parquet").num_rows == 1
    assert sorted(p.name for p in folder.parent.iterdir()) == ["batch-00007"]
