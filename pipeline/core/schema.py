"""Arrow schemas of the published tables (SPEC.md's contract, plus extras).

The tables the extractors add are declared by each extractor (its
``columns``); ``pipeline.process.all_schemas`` puts them together.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

SPAN_FIELDS = [
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("section_id", pa.int32()),  # innermost section holding the span; null before the first heading
    pa.field("task_id", pa.int32()),  # innermost task holding the span (tasks: its own id); null outside any task
    pa.field("page", pa.int32()),  # 1-based page holding raw_start; null for formats without pages
    pa.field("raw_start", pa.int64(), nullable=False),
    pa.field("raw_end", pa.int64(), nullable=False),
    pa.field("norm_start", pa.int64(), nullable=False),
    pa.field("norm_end", pa.int64(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
]

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("raw_text", pa.large_string()),
        pa.field("norm_text", pa.large_string()),
        pa.field("title", pa.string()),
        pa.field("doc_number", pa.string()),
        pa.field("issuer", pa.string()),
        pa.field("issue_date", pa.date32()),
        pa.field("addressee", pa.string()),
        pa.field("cc", pa.string()),
        pa.field("issuers", pa.list_(pa.string())),
        pa.field("province", pa.string()),
        pa.field("city", pa.string()),
        pa.field("county", pa.string()),
        pa.field("division_code", pa.string()),
        pa.field("admin_level", pa.string()),
        pa.field("genre", pa.string()),  # the closed label set (pipeline.structure.doc_genre.GENRE_LABEL_OF_WORD)
        pa.field("genre_word", pa.string()),  # the title's own type word
        pa.field("genre_family", pa.string()),  # genre's class (pipeline.structure.doc_genre.FAMILIES)
        pa.field("status", pa.string()),
        pa.field("effective_date", pa.date32()),
        pa.field("expiry_date", pa.date32()),
        pa.field("encoding", pa.string()),
        pa.field("media_type", pa.string()),  # text/plain, text/html, application/pdf, ...
        pa.field("pages", pa.int32()),  # PDF: its page count; null for formats without pages
        pa.field("extractor_version", pa.string()),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC")),
    ]
)

SECTIONS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("section_id", pa.int32(), nullable=False),
        pa.field("parent_id", pa.int32()),
        pa.field("level", pa.int32(), nullable=False),
        pa.field("number", pa.int32()),
        pa.field("heading", pa.string()),
        pa.field("page", pa.int32()),  # 1-based page holding the heading's start; null without pages
        pa.field("raw_start", pa.int64(), nullable=False),
        pa.field("raw_end", pa.int64(), nullable=False),
        pa.field("norm_start", pa.int64(), nullable=False),
        pa.field("norm_end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
    ]
)

QUARANTINE = pa.schema(
    [
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("sha256", pa.string()),
        pa.field("error", pa.string(), nullable=False),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("quarantined_at", pa.timestamp("us", tz="UTC")),
    ]
)


def with_pandas_metadata(schema: pa.Schema) -> pa.Schema:
    """Attach pandas metadata so ``pandas.read_parquet`` gives nullable ``Int64``
    (not float64) for integer columns that may be null, as SPEC promises."""
    columns = {}
    for f in schema:
        if pa.types.is_integer(f.type):
            dtype = "Int64" if f.nullable else "int64"
        elif pa.types.is_floating(f.type):
            dtype = "float64"
        elif pa.types.is_timestamp(f.type):
            dtype = pd.DatetimeTZDtype(unit="us", tz="UTC") if f.type.tz else "datetime64[us]"
        else:
            dtype = "object"
        columns[f.name] = pd.Series([], dtype=dtype)
    pandas_meta = pa.Schema.from_pandas(pd.DataFrame(columns), preserve_index=False).metadata
    return schema.with_metadata(pandas_meta)


def span_table_schema(extra: list[pa.Field]) -> pa.Schema:
    return pa.schema(SPAN_FIELDS + list(extra))


def table_schemas(span_tables: dict[str, list[pa.Field]]) -> dict[str, pa.Schema]:
    """Every published table by name: documents, sections, one span table per
    entry of ``span_tables`` (name -> its own columns), quarantine."""
    schemas = {"documents": DOCUMENTS, "sections": SECTIONS}
    for name, columns in span_tables.items():
        schemas[name] = span_table_schema(columns)
    schemas["quarantine"] = QUARANTINE
    return {name: with_pandas_metadata(schema) for name, schema in schemas.items()}
