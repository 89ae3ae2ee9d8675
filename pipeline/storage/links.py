"""Publishing ``target_links``: the one place storage meets pipeline.linking.

The links of a new version are ``update_links(previous links, changed
targets, all targets, documents)``: every target of the new version's parts
(carried and new), this run's staged ones, the documents' region columns
where the table has them, and the published links when they
were made by the same linking code (``linking_version`` in the manifest),
else None, so a changed rule recomputes every pair.  Only pairs involving a
new or changed document are computed; the others are carried.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.linking import TARGET_COLUMNS, TARGET_LINKS, linking_version, update_links
from pipeline.linking.regions import REGION_COLUMNS
from pipeline.storage.publish import PublishContext

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


def new_target_links(context: PublishContext) -> Iterator[pa.Table]:
    """The ``target_links`` table of the version being published (a ``DerivedTable``).

    Reads only the linking columns: every target of the new version's parts,
    this run's batches' targets (the new and changed documents) and the
    documents' region columns; never a document's text.
    """
    previous_manifest = context.previous_manifest or {}
    same_rules = (previous_manifest.get("versions") or {}).get("linking") == linking_version()
    previous_path = context.previous_table("target_links")
    previous = pq.read_table(previous_path) if same_rules and previous_path is not None else None

    changed = _read(context.new_files("targets"), TARGET_COLUMNS, TARGET_SCHEMA) or TARGET_SCHEMA.empty_table()
    all_targets = _read(context.part_files("targets"), TARGET_COLUMNS, TARGET_SCHEMA) or TARGET_SCHEMA.empty_table()
    documents = _read(context.part_files("documents"), list(DOCUMENT_COLUMNS))
    links = update_links(previous, changed, all_targets, documents)
    yield links.select(TARGET_LINKS.names)
