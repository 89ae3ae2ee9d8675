"""The file index of a published version: one row per corpus file (orchestration-free).

``versions/<run_id>/index.parquet`` says, for every file the version
accounts for, what was seen (size, mtime, ctime, inode), what its bytes
hash to, under which code fingerprint it was processed, how it ended
(ingested or quarantined) and which part holds its rows.  The next run
stats each file and hashes only those whose stat differs (git's index,
rsync's quick check); planning compares hashes and fingerprints.

Parquet rather than JSON: at 500,000 files it is ~30 MB instead of ~120 MB,
reads in a fraction of a second, and is joined column-wise instead of being
turned into half a million Python dicts (``benchmarks/bench.py --manifest``).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

INDEX_NAME = "index.parquet"

INDEX_SCHEMA = pa.schema(
    [
        pa.field("path", pa.string(), nullable=False),  # relative POSIX path = doc_id / source_path
        pa.field("size", pa.int64(), nullable=False),
        pa.field("mtime_ns", pa.int64(), nullable=False),
        pa.field("ctime_ns", pa.int64(), nullable=False),
        pa.field("ino", pa.int64(), nullable=False),
        # False: the stat was taken too close to a change to vouch for the bytes (git's
        # "racily clean" entries); the next run hashes the file whatever its stat says.
        pa.field("stat_trusted", pa.bool_(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("cache_version", pa.string(), nullable=False),
        pa.field("status", pa.string(), nullable=False),  # plan.INGESTED / plan.QUARANTINED
        pa.field("stage", pa.string()),  # the quarantine's stage
        pa.field("max_bytes", pa.int64()),  # the read limit a quarantine was refused under
        pa.field("part", pa.string()),  # the part holding the file's rows in every table
    ]
)


def empty_index() -> pa.Table:
    return INDEX_SCHEMA.empty_table()


def write_index(path: Path, index: pa.Table) -> None:
    # Dictionary encoding squeezes the repeated columns (cache_version, status, part).
    pq.write_table(index.select(INDEX_SCHEMA.names).cast(INDEX_SCHEMA), path, compression="zstd")


def read_index(path: Path) -> pa.Table:
    return pq.read_table(path, schema=INDEX_SCHEMA)


def build_index(
    scan: pa.Table,
    reuse: pa.ChunkedArray,
    previous_rows: pa.Table,
    processed: dict[str, tuple[str, str | None, str]],
    renamed_parts: dict[str, str],
    cache_version: str,
    max_bytes: int | None,
) -> pa.Table:
    """The index of the version being published, sorted by path.

    ``scan``: this run's scan; ``reuse``/``previous_rows``: the plan's carried-over mask
    and the previous index rows aligned with the scan; ``processed``: path ->
    (status, stage, part) of every file processed this run; ``renamed_parts``: old part
    id -> the part now holding its carried rows (parts rewritten or compacted).
    """
    stat = scan.select(["path", "size", "mtime_ns", "ctime_ns", "ino", "stat_trusted", "sha256"])
    kept = stat.filter(reuse)
    kept_prev = previous_rows.filter(reuse)
    old_parts = kept_prev.column("part")
    if renamed_parts:
        moved = pc.index_in(old_parts, value_set=pa.array(list(renamed_parts), pa.string()))
        new_names = pa.array(list(renamed_parts.values()), pa.string()).take(moved.fill_null(0))
        old_parts = pc.if_else(pc.is_valid(moved), new_names, old_parts)
    kept_table = pa.table(
        {
            **{name: kept.column(name) for name in kept.column_names},
            "cache_version": kept_prev.column("cache_version"),
            "status": kept_prev.column("status"),
            "stage": kept_prev.column("stage"),
            "max_bytes": kept_prev.column("max_bytes"),
            "part": old_parts,
        }
    )
    mask = pc.is_in(scan.column("path"), value_set=pa.array(sorted(processed), pa.string()))
    fresh = stat.filter(mask)
    entries = [processed[p] for p in fresh.column("path").to_pylist()]
    fresh_table = pa.table(
        {
            **{name: fresh.column(name) for name in fresh.column_names},
            "cache_version": pa.array([cache_version] * fresh.num_rows, pa.string()),
            "status": pa.array([e[0] for e in entries], pa.string()),
            "stage": pa.array([e[1] for e in entries], pa.string()),
            "max_bytes": pa.array([max_bytes if e[1] is not None else None for e in entries], pa.int64()),
            "part": pa.array([e[2] for e in entries], pa.string()),
        }
    )
    both = pa.concat_tables([kept_table.cast(INDEX_SCHEMA), fresh_table.cast(INDEX_SCHEMA)])
    return both.sort_by("path")
