"""Incremental planning (orchestration-free): which files to process this run.

The scan stats every file and hashes only those whose size, mtime, ctime or
inode differ from the published version's index (``pipeline.storage.index``),
as git's index and rsync's quick check do; the others keep the sha256 the
index holds.  ``rehash`` hashes every file whatever its stat says.

A document is reused from the published version when its path, sha256 and
the extractors' version all match the index; otherwise it is (re)processed.
Quarantined documents are remembered the same way, so a file that fails
deterministically is not retried until it or the extractors change, or, for
a quarantine, the read limit it was refused under (``--max-bytes``) changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.fingerprint import fingerprint
from pipeline.reading.reader import HASH_CHUNK_BYTES, list_corpus
from pipeline.storage.index import empty_index

INGESTED = "ingested"
QUARANTINED = "quarantined"
# Default batch size: Prefect pays ~30 ms per task run, documents ~10 ms per 20 KB.
BATCH_BYTES = 2 * 1024 * 1024
BATCH_DOCS = 200
# A stat this close to the scan's start cannot vouch for the bytes: a write in the same
# clock tick leaves mtime and ctime as they were (git's "racy clean" problem).  Such an
# entry is marked untrusted and hashed again next run.  Generous for coarse clocks.
RACY_WINDOW_NS = 2_000_000_000

SCAN_SCHEMA = pa.schema(
    [
        pa.field("path", pa.string(), nullable=False),
        pa.field("size", pa.int64(), nullable=False),
        pa.field("mtime_ns", pa.int64(), nullable=False),
        pa.field("ctime_ns", pa.int64(), nullable=False),
        pa.field("ino", pa.int64(), nullable=False),
        pa.field("stat_trusted", pa.bool_(), nullable=False),
        pa.field("sha256", pa.string()),  # null: the file could not be read
        pa.field("error", pa.string()),
        pa.field("hashed", pa.bool_(), nullable=False),  # False: sha256 taken from the index
    ]
)
_STAT_COLUMNS = ("size", "mtime_ns", "ctime_ns", "ino")


@dataclass
class ScannedFile:
    path: str  # relative POSIX path = doc_id
    sha256: str | None  # None when the file could not be read for hashing
    size: int
    error: str | None = None


@dataclass
class Plan:
    to_process: list[ScannedFile] = field(default_factory=list)
    kept_ingested: set[str] = field(default_factory=set)  # doc_ids whose rows are carried over
    kept_quarantined: set[str] = field(default_factory=set)  # source_paths whose quarantine rows are carried over
    unreadable: list[ScannedFile] = field(default_factory=list)
    added: int = 0
    changed: int = 0
    removed: int = 0
    # Aligned with the scan: whether each file is carried over, and its previous index row
    # (null where the file is new); the new index is built from them (``new_index``).
    reuse: pa.ChunkedArray | None = None
    previous_rows: pa.Table | None = None


# ---------------------------------------------------------------- scanning
def _stat_key(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def _hash_one(path: Path) -> tuple[str, tuple[int, int, int, int], bool]:
    """sha256 of the file, its stat, and whether the stat held still while reading."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        before = _stat_key(os.fstat(fh.fileno()))
        while chunk := fh.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
        after = _stat_key(os.fstat(fh.fileno()))
    return digest.hexdigest(), after, before == after


def _positions(paths: pa.Array | list[str], index: pa.Table | None) -> np.ndarray:
    """Row of each path in ``index`` (-1: not there): one vectorised hash lookup."""
    if index is None or index.num_rows == 0:
        return np.full(len(paths), -1, dtype=np.int64)
    found = pc.index_in(
        pa.array(paths, pa.string()) if isinstance(paths, list) else paths, value_set=index.column("path")
    )
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _aligned(index: pa.Table, positions: np.ndarray) -> pa.Table:
    """``index`` rows in scan order, a null row where the path is new."""
    take = pa.array(np.where(positions < 0, 0, positions), mask=positions < 0)
    return index.take(take)


def _stat_all(root: Path, paths: list[str]) -> dict[str, list]:
    cols: dict[str, list] = {name: [] for name in (*_STAT_COLUMNS, "error")}
    for rel in paths:
        try:
            key, error = _stat_key(os.stat(root / rel)), None
        except OSError as exc:
            key, error = (0, 0, 0, 0), f"cannot read file: {exc.strerror or exc}"
        for name, value in zip(_STAT_COLUMNS, key):
            cols[name].append(value)
        cols["error"].append(error)
    return cols


def _unchanged_stat(cols: dict[str, list], known: pa.Table) -> np.ndarray:
    """Files whose stat equals a trusted index entry: their sha256 is the index's."""
    same = known.column("stat_trusted").fill_null(False).to_numpy(zero_copy_only=False).astype(bool)
    for name in _STAT_COLUMNS:
        previous = known.column(name).fill_null(-1).to_numpy()
        same &= previous == np.asarray(cols[name], dtype=np.int64)
    return same & np.array([e is None for e in cols["error"]], dtype=bool)


def scan_corpus(
    corpus_root: Path,
    index: pa.Table | None = None,
    rehash: bool = False,
    threads: int = 4,
    paths: list[str] | None = None,
) -> pa.Table:
    """Every file of the corpus (``SCAN_SCHEMA``), in sorted path order: the documents,
    and the files that become quarantine rows (``list_corpus``; or ``paths``, sorted).

    Files whose stat matches ``index`` (the published version's) keep its
    sha256; the others are hashed, on threads (hashing releases the GIL).
    """
    root = Path(corpus_root)
    started_ns = time.time_ns()
    if paths is None:
        paths = list_corpus(root).files
    cols = _stat_all(root, paths)
    positions = _positions(paths, None if rehash else index)
    if index is not None and not rehash and (positions >= 0).any():
        known = _aligned(index, positions)
        same = _unchanged_stat(cols, known)
        sha = known.column("sha256").to_pylist()
    else:
        same, sha = np.zeros(len(paths), dtype=bool), [None] * len(paths)
    trusted = same.copy()
    todo = [i for i in range(len(paths)) if not same[i] and cols["error"][i] is None]

    def hash_row(i: int) -> None:
        try:
            digest, key, steady = _hash_one(root / paths[i])
        except OSError as exc:
            sha[i], cols["error"][i] = None, f"cannot read file: {exc.strerror or exc}"
            return
        sha[i] = digest
        for name, value in zip(_STAT_COLUMNS, key):
            cols[name][i] = value
        trusted[i] = steady and max(key[1], key[2]) < started_ns - RACY_WINDOW_NS

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(hash_row, todo))
    sha = [None if error is not None else digest for digest, error in zip(sha, cols["error"])]
    hashed = ~same
    return pa.table(
        {
            "path": paths,
            **{n: cols[n] for n in _STAT_COLUMNS},
            "stat_trusted": trusted,
            "sha256": sha,
            "error": cols["error"],
            "hashed": hashed,
        },
        schema=SCAN_SCHEMA,
    )


def scan_from_files(files: list[ScannedFile]) -> pa.Table:
    """A scan table of hand-made entries (tests, tools): stat fields zero, untrusted."""
    n = len(files)
    return pa.table(
        {
            "path": [f.path for f in files],
            "size": [f.size for f in files],
            "mtime_ns": [0] * n,
            "ctime_ns": [0] * n,
            "ino": [0] * n,
            "stat_trusted": [False] * n,
            "sha256": [f.sha256 for f in files],
            "error": [f.error for f in files],
            "hashed": [True] * n,
        },
        schema=SCAN_SCHEMA,
    )


def cache_version() -> str:
    """What a cached result depends on besides the file's bytes: the fingerprint of the
    code and data that shape the tables (``pipeline.fingerprint``)."""
    return fingerprint()


# ---------------------------------------------------------------- planning
def _reuse_mask(scan: pa.Table, known: pa.Table, version: str, max_bytes: int | None) -> pa.ChunkedArray:
    same = pc.and_(
        pc.equal(scan.column("sha256"), known.column("sha256")),
        pc.equal(known.column("cache_version"), pa.scalar(version)),
    )
    # A quarantine may be the size limit's doing ("raise --max-bytes"): keep it only under
    # the limit it was refused with.  Ingested documents do not depend on it.
    limit_ok = pc.equal(known.column("status"), INGESTED)
    if max_bytes is None:
        limit_ok = pc.is_valid(known.column("status"))
    else:
        limit_ok = pc.or_kleene(limit_ok, pc.equal(known.column("max_bytes"), pa.scalar(max_bytes, pa.int64())))
    return pc.fill_null(pc.and_kleene(same, limit_ok), False)


def make_plan(
    scan: pa.Table, index: pa.Table | None, version: str, reusable: bool, max_bytes: int | None = None
) -> Plan:
    """Compare the scan with the published version's index.  ``reusable`` is False when
    the published tables cannot be carried over (missing, or another schema).
    ``max_bytes``: this run's read limit (None: do not compare limits)."""
    index = index if index is not None else empty_index()
    positions = _positions(scan.column("path").combine_chunks(), index)
    known = _aligned(index, positions)
    if reusable:
        reuse = _reuse_mask(scan, known, version, max_bytes)
    else:
        reuse = pa.chunked_array([pa.array(np.zeros(scan.num_rows, dtype=bool))])
    readable = pc.is_valid(scan.column("sha256"))
    process = pc.and_(readable, pc.invert(reuse))
    ingested = pc.equal(known.column("status"), INGESTED)
    plan = Plan(reuse=reuse, previous_rows=known)
    plan.kept_ingested = set(scan.column("path").filter(pc.and_kleene(reuse, ingested)).to_pylist())
    plan.kept_quarantined = set(
        scan.column("path").filter(pc.and_(reuse, pc.invert(ingested.fill_null(False)))).to_pylist()
    )
    for row in scan.filter(process).select(["path", "sha256", "size"]).to_pylist():
        plan.to_process.append(ScannedFile(row["path"], row["sha256"], row["size"]))
    for row in scan.filter(pc.invert(readable)).select(["path", "error"]).to_pylist():
        plan.unreadable.append(ScannedFile(row["path"], None, 0, row["error"]))
    was_there = pa.array(positions >= 0)
    plan.changed = int(pc.sum(pc.and_(process, was_there)).as_py() or 0)
    plan.added = len(plan.to_process) - plan.changed
    plan.removed = index.num_rows - int((positions >= 0).sum())
    return plan


def make_batches(
    files: list[ScannedFile], max_bytes: int = BATCH_BYTES, max_docs: int = BATCH_DOCS
) -> list[list[ScannedFile]]:
    """Consecutive (sorted) files grouped up to ~max_bytes of input or max_docs files."""
    batches: list[list[ScannedFile]] = []
    current: list[ScannedFile] = []
    size = 0
    for f in files:
        if current and (size + f.size > max_bytes or len(current) >= max_docs):
            batches.append(current)
            current, size = [], 0
        current.append(f)
        size += f.size
    if current:
        batches.append(current)
    return batches


def utc_now() -> dt.datetime:
    # Microsecond precision matches the tables' timestamp("us") so carried rows compare equal.
    return dt.datetime.now(dt.timezone.utc)


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
