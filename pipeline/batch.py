"""Process one batch of corpus files into staged Parquet files (orchestration-free).

A batch reads and processes its documents one by one, writes one staging
Parquet file per non-empty table and returns a small summary: rows never
travel back to the orchestrator, so memory stays flat whatever the corpus size.
A document that fails deterministically becomes a quarantine row; an OSError
while reading (a transient I/O problem) propagates so the caller can retry
the whole batch.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.document import IngestError
from pipeline.process import process_document
from pipeline.reader import DEFAULT_MAX_BYTES, read_document
from pipeline.schema import all_schemas


@dataclass
class BatchSpec:
    corpus_root: str
    items: list[tuple[str, str]]  # (relative path, sha256)
    staging_dir: str  # this run's staging folder; the batch writes into batch-<no>/
    batch_no: int
    ingested_at: dt.datetime
    extractor_version: str
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class BatchResult:
    batch_no: int
    folder: str  # holds <table>.parquet for each table with rows
    ingested: list[str] = field(default_factory=list)  # relative paths
    quarantined: list[dict[str, Any]] = field(default_factory=list)  # quarantine rows
    row_counts: dict[str, int] = field(default_factory=dict)
    chars: int = 0


def quarantine_row(source_path: str, sha256: str | None, stage: str, error: str, at: dt.datetime) -> dict[str, Any]:
    return {"source_path": source_path, "sha256": sha256, "error": error, "stage": stage, "quarantined_at": at}


def _process_one(spec: BatchSpec, rel_path: str, sha256: str) -> dict[str, list[dict[str, Any]]]:
    doc = read_document(Path(spec.corpus_root), rel_path, max_bytes=spec.max_bytes, sha256=sha256)
    try:
        rows = process_document(doc, ingested_at=spec.ingested_at)
    except IngestError:
        raise
    except Exception as exc:  # a bug in a stage outside process_document's guards: quarantine, keep going
        raise IngestError("process", f"{type(exc).__name__}: {exc}") from exc
    for doc_row in rows.get("documents", []):
        doc_row["extractor_version"] = spec.extractor_version
    return rows


def run_batch(spec: BatchSpec) -> BatchResult:
    schemas = all_schemas()
    rows_by_table: dict[str, list[dict[str, Any]]] = {name: [] for name in schemas}
    result = BatchResult(batch_no=spec.batch_no, folder="")
    for rel_path, sha256 in spec.items:
        try:
            rows = _process_one(spec, rel_path, sha256)
        except IngestError as exc:
            row = quarantine_row(rel_path, sha256, exc.stage, exc.message, spec.ingested_at)
            rows_by_table["quarantine"].append(row)
            result.quarantined.append(row)
            continue
        for table, table_rows in rows.items():
            rows_by_table.setdefault(table, []).extend(table_rows)
        result.ingested.append(rel_path)
        result.chars += sum(len(r["raw_text"]) for r in rows.get("documents", []))

    # Write to a temp folder and rename: a retried or killed batch never leaves half a batch.
    folder = Path(spec.staging_dir) / f"batch-{spec.batch_no:05d}"
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    for table, schema in schemas.items():
        table_rows = rows_by_table.get(table) or []
        result.row_counts[table] = len(table_rows)
        if table_rows:
            pq.write_table(pa.Table.from_pylist(table_rows, schema=schema), tmp / f"{table}.parquet")
    if folder.exists():
        shutil.rmtree(folder)
    os.rename(tmp, folder)
    result.folder = str(folder)
    return result
