"""Versioned atomic publishing: OutputStore without any orchestration."""

from __future__ import annotations

import json
import os
import threading
import time

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.errors import OutputLocked, UserError
from pipeline.storage.publish import (
    FAIL_TABLE_ENV,
    KEEP_PREVIOUS,
    OutputStore,
    iter_rows_with_keys,
    new_run_id,
    write_table,
)

SCHEMA = pa.schema([pa.field("doc_id", pa.string(), nullable=False), pa.field("value", pa.int64())])
OTHER = pa.schema([pa.field("source_path", pa.string(), nullable=False)])


def _publish(store: OutputStore, values: list[int], run_id: str | None = None) -> str:
    run_id = run_id or new_run_id()
    rows = pa.Table.from_pylist([{"doc_id": f"d{v}", "value": v} for v in values], schema=SCHEMA)
    store.publish(run_id, {"t": (SCHEMA, [rows]), "q": (OTHER, [])}, {"run_id": run_id})
    return run_id


def test_publish_writes_every_table_with_schema_even_when_empty(tmp_path):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    _publish(store, [1, 2])
    assert pd.read_parquet(tmp_path / "out" / "t.parquet")["value"].tolist() == [1, 2]
    empty = pq.read_table(tmp_path / "out" / "q.parquet")
    assert empty.num_rows == 0 and empty.schema.names == ["source_path"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["tables"] == {"t": 2, "q": 0}


def test_switch_is_a_symlink_swap_and_old_readers_keep_working(tmp_path):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    first = _publish(store, [1])
    resolved = (tmp_path / "out" / "t.parquet").resolve()  # a reader that resolved the first version
    _publish(store, [2, 3])
    assert os.readlink(tmp_path / "out" / "current") != f"versions/{first}"
    assert pd.read_parquet(resolved)["value"].tolist() == [1]
    assert pd.read_parquet(tmp_path / "out" / "t.parquet")["value"].tolist() == [2, 3]


def test_garbage_collection_keeps_current_and_previous_versions(tmp_path):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    run_ids = [_publish(store, [i]) for i in range(KEEP_PREVIOUS + 3)]
    (store.staging_root / "dead-run").mkdir()
    (store.versions / ".dead-run.partial").mkdir()
    store.collect_garbage()
    kept = sorted(p.name for p in store.versions.iterdir())
    assert kept == run_ids[-(KEEP_PREVIOUS + 1) :]
    assert list(store.staging_root.iterdir()) == []


def test_failed_publish_leaves_previous_version_intact(tmp_path, monkeypatch):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    good = _publish(store, [1])
    monkeypatch.setenv(FAIL_TABLE_ENV, "q")
    with pytest.raises(OSError):
        _publish(store, [7, 8])
    assert os.readlink(tmp_path / "out" / "current") == f"versions/{good}"
    assert pd.read_parquet(tmp_path / "out" / "t.parquet")["value"].tolist() == [1]
    assert sorted(p.name for p in store.versions.iterdir()) == [good]  # partial version removed


def test_lock_is_exclusive_and_wait_blocks_until_release(tmp_path):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    acquired_at = []
    with store.lock():
        with pytest.raises(OutputLocked):
            with OutputStore(tmp_path / "out").lock(wait=False):
                pass

        def waiter():
            with OutputStore(tmp_path / "out").lock(wait=True):
                acquired_at.append(time.monotonic())

        thread = threading.Thread(target=waiter)
        thread.start()
        time.sleep(0.3)
        assert acquired_at == []  # still blocked
        released_at = time.monotonic()
    thread.join(5)
    assert acquired_at and acquired_at[0] >= released_at


def test_unwritable_out_is_a_user_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="not writable"):
        OutputStore(blocker / "out").prepare()


def test_foreign_file_at_table_path_is_refused(tmp_path):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    (tmp_path / "out" / "t.parquet").write_text("not ours")
    with pytest.raises(UserError, match="not a polex link"):
        _publish(store, [1])
    assert not (tmp_path / "out" / "current").exists()  # refused before switching anything


def test_carry_over_filters_rows_by_key_in_batches(tmp_path):
    path = tmp_path / "t.parquet"
    table = pa.Table.from_pylist([{"doc_id": f"d{i % 5}", "value": i} for i in range(50)], schema=SCHEMA)
    write_table(path, SCHEMA, [table])
    kept = pa.Table.from_batches(list(iter_rows_with_keys(path, "doc_id", {"d1", "d3"}, batch_rows=7)))
    assert sorted(set(kept.column("doc_id").to_pylist())) == ["d1", "d3"]
    assert kept.num_rows == 20
    assert list(iter_rows_with_keys(path, "doc_id", set())) == []


def test_schema_mismatch_is_detected(tmp_path):
    store = OutputStore(tmp_path / "out")
    store.prepare()
    _publish(store, [1])
    assert store.current_schemas_match({"t": SCHEMA, "q": OTHER})
    wider = SCHEMA.append(pa.field("extra", pa.string()))
    assert not store.current_schemas_match({"t": wider, "q": OTHER})
