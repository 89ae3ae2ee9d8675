"""Publishing ``target_links``: the one place storage meets pipeline.linking.

The links of a new version are ``update_links(previous links, changed
targets, all targets, documents)``: the targets carried from the published
version (unchanged documents) plus this run's staged ones, the documents'
region columns where the table has them, and the published links when they
were made by the same linking code (``linking_version`` in the manifest),
else None, so a changed rule recomputes every pair.  Only pairs involving a
new or changed document are computed; the others are carried.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.linking import TARGET_COLUMNS, TARGET_LINKS, linking_version, update_links
from pipeline.linking.regions import REGION_COLUMNS
from pipeline.storage.publish import OutputStore, iter_rows_with_keys

TARGET_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("target_id", pa.string()),
        ("section_id", pa.int32()),
        ("norm_start", pa.int64()),
        ("indicator", pa.string()),
        ("value", pa.float64()),
        ("value_max", pa.float64()),
        ("unit", pa.string()),
        ("comparator", pa.string()),
        ("deadline_year", pa.int64()),
    ]
)
DOCUMENT_COLUMNS = ("doc_id", *REGION_COLUMNS, "admin_level")


def _read(paths: Iterable[Path], columns: list[str], schema: pa.Schema | None = None) -> pa.Table | None:
    tables = []
    for path in paths:
        present = [c for c in columns if c in pq.read_schema(path).names]
        table = pq.read_table(path, columns=present)
        tables.append(table.select(schema.names).cast(schema) if schema is not None else table)
    return pa.concat_tables(tables, promote_options="default") if tables else None


def _carried(store: OutputStore, table: str, kept: set[str], columns: list[str]) -> list[pa.Table]:
    path = store.current_table_path(table)
    if path is None or not kept:
        return []
    present = [c for c in columns if c in pq.read_schema(path).names]
    return [pa.Table.from_batches([batch]).select(present) for batch in iter_rows_with_keys(path, "doc_id", kept)]


def new_target_links(
    store: OutputStore, kept: set[str], staged_folders: list[Path], previous_manifest: dict | None
) -> pa.Table:
    """The ``target_links`` table of the version being published.

    ``kept``: doc_ids carried unchanged from the published version;
    ``staged_folders``: this run's batch folders (their targets.parquet and
    documents.parquet hold the new and changed documents).
    """
    same_rules = ((previous_manifest or {}).get("versions") or {}).get("linking") == linking_version()
    previous_path = store.current_table_path("target_links")
    previous = pq.read_table(previous_path) if same_rules and previous_path is not None else None

    staged_targets = [f / "targets.parquet" for f in staged_folders if (f / "targets.parquet").exists()]
    changed = _read(staged_targets, TARGET_COLUMNS, TARGET_SCHEMA) or TARGET_SCHEMA.empty_table()
    carried = [t.select(TARGET_COLUMNS).cast(TARGET_SCHEMA) for t in _carried(store, "targets", kept, TARGET_COLUMNS)]
    all_targets = pa.concat_tables([*carried, changed])

    staged_documents = [f / "documents.parquet" for f in staged_folders if (f / "documents.parquet").exists()]
    documents_parts = _carried(store, "documents", kept, list(DOCUMENT_COLUMNS))
    new_documents = _read(staged_documents, list(DOCUMENT_COLUMNS))
    if new_documents is not None:
        documents_parts.append(new_documents)
    documents = pa.concat_tables(documents_parts, promote_options="default") if documents_parts else None
    links = update_links(previous, changed, all_targets, documents)
    return links.select(TARGET_LINKS.names)
