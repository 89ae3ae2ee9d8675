"""Parts, the file index and stat-first scanning, without Prefect (real files, real Parquet)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.storage.index import INDEX_SCHEMA
from pipeline.storage.parts import Part, PartSource, plan_parts, renamed_sources, staged_part_id
from pipeline.storage.plan import RACY_WINDOW_NS, scan_corpus
from pipeline.storage.publish import DerivedTable, OutputStore, new_run_id

SCHEMA = pa.schema([pa.field("doc_id", pa.string(), nullable=False), pa.field("value", pa.int64())])
COUNTS = pa.schema([pa.field("docs", pa.int64())])


def _source(name: str, docs: int, keep: frozenset[str] | None = None) -> PartSource:
    return PartSource(name, {}, docs, docs * 1000, keep=keep)


# ------------------------------------------------------------------ plan_parts
def test_whole_parts_keep_their_id_partial_ones_are_rewritten_small_ones_merged():
    sources = [
        _source("old-a", 10),  # untouched: linked under its id
        _source("old-b", 9, keep=frozenset({"x"})),  # lost a document: rewritten
        _source("old-c", 0, keep=frozenset()),  # every document gone: dropped
        _source("old-d", 2),  # small
        _source("run-b00000", 3),  # small (this run's batch)
        _source("run-b00001", 10),  # this run's full batch: linked from staging under its id
    ]
    parts = plan_parts("run", sources, target_docs=10, target_bytes=10**9)
    by_sources = {tuple(s.name for s in p.sources): p for p in parts}
    assert by_sources[("old-a",)].linked and by_sources[("old-a",)].part_id == "old-a"
    assert by_sources[("run-b00001",)].linked
    rewritten = by_sources[("old-b",)]
    assert not rewritten.linked and rewritten.part_id.startswith("run-r")
    merged = by_sources[("old-d", "run-b00000")]
    assert merged.part_id.startswith("run-c") and merged.docs == 5
    assert not any("old-c" in names for names in by_sources)
    renamed = renamed_sources(parts)
    assert renamed == {"old-b": rewritten.part_id, "old-d": merged.part_id, "run-b00000": merged.part_id}
    assert [p.part_id for p in parts] == sorted(p.part_id for p in parts)


def test_merging_stops_at_the_target_size():
    parts = plan_parts("run", [_source(f"p{i}", 4) for i in range(7)], target_docs=10, target_bytes=10**9)
    assert sorted(p.docs for p in parts) == [4, 8, 8, 8]  # groups of <= 10 documents
    lone = [p for p in parts if p.docs == 4]
    assert lone[0].linked and lone[0].part_id == "p6"  # a lone last one is left as it is


# ------------------------------------------------------------------ publishing parts
def _write(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), path)
    return path


def test_publish_links_whole_parts_filters_rewritten_ones_and_feeds_derived_tables(tmp_path):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    a = _write(tmp_path / "stage" / "a.parquet", [{"doc_id": "d1", "value": 1}, {"doc_id": "d2", "value": 2}])
    b = _write(tmp_path / "stage" / "b.parquet", [{"doc_id": "d3", "value": 3}, {"doc_id": "d4", "value": 4}])
    run_id = new_run_id()
    rewritten, staged = f"{run_id}-r00000", staged_part_id(run_id, 0)
    c = _write(tmp_path / "stage" / "c.parquet", [{"doc_id": "d5", "value": 5}])
    parts = [
        Part("pa", [PartSource("pa", {"t": a}, 2, 20)]),
        Part(rewritten, [PartSource("pb", {"t": b}, 1, 10, keep=frozenset({"d4"}))]),
        Part(staged, [PartSource(staged, {"t": c}, 1, 10)]),
    ]
    seen = {}

    def count_docs(context):
        seen["new"] = [pd.read_parquet(f)["doc_id"].tolist() for f in context.new_files("t")]
        docs = pd.concat(pd.read_parquet(f) for f in context.part_files("t"))
        yield pa.table({"docs": [len(docs)]}, schema=COUNTS)

    counts = store.publish(
        run_id, {"t": (SCHEMA, [])}, {"run_id": run_id}, parts, derived={"n": DerivedTable(COUNTS, count_docs)}
    )
    out = tmp_path / "out"
    assert counts == {"t": 4, "n": 1}
    assert (out / "current" / "t.parquet" / "pa.parquet").stat().st_ino == a.stat().st_ino  # a hard link
    assert sorted(pd.read_parquet(out / "t.parquet")["doc_id"]) == ["d1", "d2", "d4", "d5"]
    assert pd.read_parquet(out / "n.parquet")["docs"].tolist() == [4]
    assert seen["new"] == [["d5"]]  # this run's batch: the new and changed documents alone
    assert store.current_manifest()["parts"][rewritten] == {"docs": 1, "bytes": 10, "rows": {"t": 1}}


# ------------------------------------------------------------------ stat-first scanning
def _index_from_scan(scan: pa.Table) -> pa.Table:
    n = scan.num_rows
    extra = {
        "cache_version": ["v"] * n,
        "status": ["ingested"] * n,
        "stage": [None] * n,
        "max_bytes": [None] * n,
        "part": ["p"] * n,
    }
    columns = {
        name: scan.column(name) for name in ("path", "size", "mtime_ns", "ctime_ns", "ino", "stat_trusted", "sha256")
    }
    return pa.table({**columns, **extra}, schema=INDEX_SCHEMA)


def test_only_files_whose_stat_changed_are_hashed_and_racy_stats_are_not_trusted(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    old = time.time_ns() - 10 * RACY_WINDOW_NS
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(f"文件{name}", encoding="utf-8")
        os.utime(corpus / name, ns=(old, old))
    (corpus / "fresh.txt").write_text("刚写的文件", encoding="utf-8")  # within the racy window

    first = scan_corpus(corpus)
    assert first.column("hashed").to_pylist() == [True] * 4
    trusted = dict(zip(first.column("path").to_pylist(), first.column("stat_trusted").to_pylist()))
    # ctime is the moment of writing, always recent here: no file's stat can vouch for it yet.
    assert not any(trusted.values())

    time.sleep(RACY_WINDOW_NS / 1e9 + 0.2)
    second = scan_corpus(corpus, _index_from_scan(first))
    assert all(second.column("hashed").to_pylist())  # untrusted entries are hashed again ...
    assert all(second.column("stat_trusted").to_pylist())  # ... and now vouched for

    # Same size, mtime put back: the content changed and ctime says so.
    (corpus / "b.txt").write_text("文件c.txt", encoding="utf-8")
    os.utime(corpus / "b.txt", ns=(old, old))
    third = scan_corpus(corpus, _index_from_scan(second))
    hashed = dict(zip(third.column("path").to_pylist(), third.column("hashed").to_pylist()))
    assert hashed == {"a.txt": False, "b.txt": True, "c.txt": False, "fresh.txt": False}
    sha = dict(zip(third.column("path").to_pylist(), third.column("sha256").to_pylist()))
    assert sha["b.txt"] == sha["c.txt"] and sha["a.txt"] == second.column("sha256")[0].as_py()
    rehashed = scan_corpus(corpus, _index_from_scan(third), rehash=True)
    assert all(rehashed.column("hashed").to_pylist())


def test_a_derived_table_is_carried_when_no_part_changed_and_recomputed_otherwise(tmp_path):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    a = _write(tmp_path / "stage" / "a.parquet", [{"doc_id": "d1", "value": 1}])
    calls = []

    def count_docs(context):
        calls.append(1)
        yield pa.table({"docs": [sum(pq.read_metadata(f).num_rows for f in context.part_files("t"))]}, schema=COUNTS)

    def publish(parts, version="v1"):
        run_id = new_run_id()
        derived = {"n": DerivedTable(COUNTS, count_docs, version)}
        return store.publish(run_id, {"t": (SCHEMA, [])}, {"run_id": run_id}, parts, derived=derived)

    publish([Part("pa", [PartSource("pa", {"t": a}, 1, 10)])])
    carried = store.current_part_file("t", "pa")
    derived_file = next((tmp_path / "out" / "n.parquet").iterdir())
    assert publish([Part("pa", [PartSource("pa", {"t": carried}, 1, 10, rows={"t": 1})])]) == {"t": 1, "n": 1}
    assert len(calls) == 1  # nothing changed: carried, not computed
    assert next((tmp_path / "out" / "n.parquet").iterdir()).stat().st_ino == derived_file.stat().st_ino
    publish([Part("pa", [PartSource("pa", {"t": store.current_part_file("t", "pa")}, 1, 10)])], version="v2")
    assert len(calls) == 2  # another version of the code computing it
    b = _write(tmp_path / "stage" / "b.parquet", [{"doc_id": "d2", "value": 2}])
    parts = [Part("pa", [PartSource("pa", {"t": store.current_part_file("t", "pa")}, 1, 10)])]
    publish([*parts, Part("pb", [PartSource("pb", {"t": b}, 1, 10)])], version="v2")
    assert len(calls) == 3 and pd.read_parquet(tmp_path / "out" / "n.parquet")["docs"].tolist() == [2]
