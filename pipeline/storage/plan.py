"""Incremental planning (orchestration-free): which files to process this run.

A document is reused from the published version when its path, sha256 and
the extractors' version all match the manifest; otherwise it is (re)processed.
Quarantined documents are remembered the same way, so a file that fails
deterministically is not retried until it or the extractors change, or, for
a quarantine, the read limit it was refused under (``--max-bytes``) changes.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.fingerprint import fingerprint
from pipeline.reading.reader import hash_file, list_corpus

INGESTED = "ingested"
QUARANTINED = "quarantined"
# Default batch size: Prefect pays ~30 ms per task run, documents ~10 ms per 20 KB.
BATCH_BYTES = 2 * 1024 * 1024
BATCH_DOCS = 200


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


def _scan_one(root: Path, rel_path: str) -> ScannedFile:
    path = root / rel_path
    try:
        return ScannedFile(rel_path, hash_file(path), path.stat().st_size)
    except OSError as exc:
        return ScannedFile(rel_path, None, 0, f"cannot read file: {exc.strerror or exc}")


def hash_files(corpus_root: Path, paths: list[str], threads: int = 4) -> list[ScannedFile]:
    """Hash each file; hashing releases the GIL, so threads overlap the I/O."""
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(lambda rel: _scan_one(corpus_root, rel), paths))


def scan_corpus(corpus_root: Path, threads: int = 4) -> list[ScannedFile]:
    """Every file of the corpus (documents, and the files that become quarantine rows), hashed."""
    return hash_files(corpus_root, list_corpus(corpus_root).files, threads)


def cache_version() -> str:
    """What a cached result depends on besides the file's bytes: the fingerprint of the
    code and data that shape the tables (``pipeline.fingerprint``)."""
    return fingerprint()


def _reusable(prev: dict | None, f: ScannedFile, version: str, max_bytes: int | None) -> bool:
    if not prev or prev["sha256"] != f.sha256 or prev.get("cache_version") != version:
        return False
    # A quarantine may be the size limit's doing ("raise --max-bytes"): keep it only
    # under the limit it was refused with.  Ingested documents do not depend on it.
    return prev["status"] == INGESTED or max_bytes is None or prev.get("max_bytes") == max_bytes


def make_plan(
    files: list[ScannedFile], previous: dict | None, version: str, reusable: bool, max_bytes: int | None = None
) -> Plan:
    """Compare the scan with the previous manifest.  ``reusable`` is False when the
    published tables cannot be carried over (missing, or another schema).
    ``max_bytes``: this run's read limit (None: do not compare limits)."""
    prev_docs = (previous or {}).get("documents", {}) if reusable else {}
    plan = Plan()
    for f in files:
        if f.sha256 is None:
            plan.unreadable.append(f)
            continue
        prev = prev_docs.get(f.path)
        if _reusable(prev, f, version, max_bytes):
            (plan.kept_ingested if prev["status"] == INGESTED else plan.kept_quarantined).add(f.path)
            continue
        plan.to_process.append(f)
        if f.path in ((previous or {}).get("documents", {})):
            plan.changed += 1
        else:
            plan.added += 1
    seen = {f.path for f in files}
    plan.removed = sum(1 for path in (previous or {}).get("documents", {}) if path not in seen)
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
