"""Hand-made file indexes for planning tests."""

from __future__ import annotations

import pyarrow as pa

from pipeline.storage.index import INDEX_SCHEMA


def index_of(entries: dict[str, dict]) -> pa.Table:
    """An index (``pipeline.storage.index``) of ``path -> {sha256, cache_version, status, ...}``;
    stat fields zero and untrusted, so a scan always hashes."""
    rows = [
        {
            "size": 0,
            "mtime_ns": 0,
            "ctime_ns": 0,
            "ino": 0,
            "stat_trusted": False,
            "stage": None,
            "max_bytes": None,
            "part": None,
            **entry,
            "path": path,
        }
        for path, entry in entries.items()
    ]
    return pa.Table.from_pylist(rows, schema=INDEX_SCHEMA)
