"""Process one batch of corpus files into staged Parquet files (orchestration-free).

A batch reads and processes its documents one by one, writes one staging
Parquet file per non-empty table and returns a small summary: rows never
travel back to the orchestrator, so memory stays flat whatever the corpus size.
A document that fails deterministically becomes a quarantine row; an OSError
while reading (a transient I/O problem) propagates so the caller can retry
the whole batch.  Rows are checked against the table schemas before writing:
one value the schema refuses (an int64 overflow, a null in a required column)
quarantines its document (stage ``publish-schema``), not the batch.
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

from pipeline.errors import IngestError
from pipeline.process import all_schemas, process_document
from pipeline.reading.reader import DEFAULT_MAX_BYTES, prepare_conversions, read_document
from pipeline.storage.publish import PARQUET_COMPRESSION, rows_per_batch


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


def _process_one(
    spec: BatchSpec, rel_path: str, sha256: str, converted: dict[str, bytes]
) -> dict[str, list[dict[str, Any]]]:
    doc = read_document(Path(spec.corpus_root), rel_path, max_bytes=spec.max_bytes, sha256=sha256, converted=converted)
    try:
        rows = process_document(doc, ingested_at=spec.ingested_at)
    except IngestError:
        raise
    except Exception as exc:  # a bug in a stage outside process_document's guards: quarantine, keep going
        raise IngestError("process", f"{type(exc).__name__}: {exc}") from exc
    for doc_row in rows.get("documents", []):
        doc_row["extractor_version"] = spec.extractor_version
    return rows


def _column_fault(rows: list[dict[str, Any]], field: pa.Field) -> str | None:
    """Why ``field``'s values in ``rows`` do not fit it, or None (cold path: only after a failure)."""
    values = [row.get(field.name) for row in rows]
    try:
        pa.array(values, type=field.type)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    if not field.nullable and any(v is None for v in values):
        return "null in a required column"
    return None


def document_tables(rows: dict[str, list[dict[str, Any]]], schemas: dict[str, pa.Schema]) -> dict[str, pa.Table]:
    """One document's rows as Arrow tables with the published schemas.

    Raises IngestError("publish-schema") naming the table and column whose
    values do not fit, so the document is quarantined instead of failing the
    write of its whole batch.
    """
    tables: dict[str, pa.Table] = {}
    for name, schema in schemas.items():
        table_rows = rows.get(name)
        if not table_rows:
            continue
        try:
            table = pa.Table.from_pylist(table_rows, schema=schema)
            # from_pylist accepts nulls in non-nullable fields; the Parquet writer would not.
            valid = all(table.column(f.name).null_count == 0 for f in schema if not f.nullable)
        except Exception:
            valid, table = False, None
        if not valid:
            faults = ((f.name, _column_fault(table_rows, f)) for f in schema)
            column, fault = next(((c, why) for c, why in faults if why), ("?", "does not fit the schema"))
            raise IngestError("publish-schema", f"{name}.{column}: value does not fit the table schema ({fault})")
        tables[name] = table
    return tables


def _batch_tables(docs: list[tuple[str, str, dict]], schemas: dict[str, pa.Schema]) -> dict[str, pa.Table] | None:
    """Every table of the batch in one ``from_pylist`` each; None if any value does not fit."""
    tables: dict[str, pa.Table] = {}
    for name, schema in schemas.items():
        table_rows = [row for _, _, rows in docs for row in rows.get(name, ())]
        if not table_rows:
            continue
        try:
            table = pa.Table.from_pylist(table_rows, schema=schema)
        except Exception:
            return None
        if any(table.column(f.name).null_count for f in schema if not f.nullable):
            return None
        tables[name] = table
    return tables


def lean_worker() -> None:
    """For a process that only runs batches (the local pool's workers): Arrow allocates from
    the system allocator, which cuts its resident memory without changing a byte it writes:
    the default (mimalloc) keeps the pages of every batch's tables, ~20 MB per worker, for the
    next batch that never needs them.

    pandas is not blocked here (it was, briefly: ``sys.modules["pandas"] = None`` saved ~35 MB
    a worker, but pyarrow's pandas shim then failed on some documents, ``'NoneType' object has
    no attribute '__version__'``, and the whole run with them: tests/test_cli_bad_corpus.py).
    """
    pa.set_memory_pool(pa.system_memory_pool())


def run_batch(spec: BatchSpec) -> BatchResult:
    schemas = all_schemas()
    quarantined: list[dict[str, Any]] = []
    docs: list[tuple[str, str, dict]] = []  # (relative path, sha256, rows) of processed documents

    def quarantine(rel_path: str, sha256: str, exc: IngestError) -> None:
        quarantined.append(quarantine_row(rel_path, sha256, exc.stage, exc.message, spec.ingested_at))

    # .doc/.wps files: one LibreOffice run for the batch (it takes seconds to start)
    converted = prepare_conversions(Path(spec.corpus_root), [rel for rel, _ in spec.items], spec.max_bytes)
    for rel_path, sha256 in spec.items:
        try:
            docs.append((rel_path, sha256, _process_one(spec, rel_path, sha256, converted)))
        except IngestError as exc:
            quarantine(rel_path, sha256, exc)
    # Fast path: one table per name for the whole batch.  Only when a value does not
    # fit are the documents checked one by one, so the culprit is quarantined alone.
    tables = _batch_tables(docs, schemas)
    if tables is None:
        fitting = []
        for rel_path, sha256, rows in docs:
            try:
                document_tables(rows, schemas)
            except IngestError as exc:
                quarantine(rel_path, sha256, exc)
                continue
            fitting.append((rel_path, sha256, rows))
        docs = fitting
        tables = _batch_tables(docs, schemas)
        if tables is None:  # cannot happen: each document fits on its own
            raise RuntimeError("batch rows do not fit the schemas although every document does")
    quarantined.sort(key=lambda row: row["source_path"])  # the batch's (sorted) order
    if quarantined:
        tables["quarantine"] = pa.Table.from_pylist(quarantined, schema=schemas["quarantine"])

    result = BatchResult(batch_no=spec.batch_no, folder="", quarantined=quarantined)
    result.ingested = [rel_path for rel_path, _, _ in docs]
    result.chars = sum(len(row["raw_text"]) for _, _, rows in docs for row in rows.get("documents", ()))

    # Write to a temp folder and rename: a retried or killed batch never leaves half a batch.
    folder = Path(spec.staging_dir) / f"batch-{spec.batch_no:05d}"
    tmp = folder.with_name(folder.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    for name in schemas:
        table = tables.get(name)
        result.row_counts[name] = table.num_rows if table is not None else 0
        if table is not None:
            # Written as the published parts are (the flow links these files into the
            # version): zstd, whole documents in small row groups, durable before use.
            path = tmp / f"{name}.parquet"
            pq.write_table(table, path, compression=PARQUET_COMPRESSION, row_group_size=rows_per_batch(table.schema))
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
    if folder.exists():
        shutil.rmtree(folder)
    os.rename(tmp, folder)
    result.folder = str(folder)
    return result
