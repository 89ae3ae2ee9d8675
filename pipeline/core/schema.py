"""Arrow schemas of the published tables (SPEC.md's contract, plus extras).

The tables the extractors add are declared by each extractor (its
``columns``); ``pipeline.process.all_schemas`` puts them together.
"""

from __future__ import annotations

import json
from importlib.metadata import version

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


def _pandas_column(field: pa.Field) -> dict:
    """One column's entry in the pandas metadata, as ``pa.Schema.from_pandas`` writes it for
    an empty column of the dtype ``pandas.read_parquet`` should give it: nullable integers
    ``Int64``, floats ``float64``, timestamps ``datetime64[us]`` (with their zone), the
    rest ``object``."""
    pandas_type, numpy_type, metadata = "empty", "object", None
    if pa.types.is_integer(field.type):
        pandas_type, numpy_type = "int64", "Int64" if field.nullable else "int64"
    elif pa.types.is_floating(field.type):
        pandas_type = numpy_type = "float64"
    elif pa.types.is_timestamp(field.type):
        numpy_type = "datetime64[us]"
        pandas_type, metadata = ("datetimetz", {"timezone": field.type.tz}) if field.type.tz else ("datetime", None)
    return {
        "name": field.name,
        "field_name": field.name,
        "pandas_type": pandas_type,
        "numpy_type": numpy_type,
        "metadata": metadata,
    }


def with_pandas_metadata(schema: pa.Schema) -> pa.Schema:
    """Attach pandas metadata so ``pandas.read_parquet`` gives nullable ``Int64``
    (not float64) for integer columns that may be null, as SPEC promises.

    Written out here, byte for byte what ``pa.Schema.from_pandas`` gives for empty
    columns of those dtypes (``tests/test_schema_metadata.py`` compares the two),
    so that the processes which write tables (the pool workers) need not import
    pandas: ~50 MB of RSS in each of them."""
    pandas_meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [_pandas_column(f) for f in schema],
        "attributes": {},
        "creator": {"library": "pyarrow", "version": pa.__version__},
        "pandas_version": version("pandas"),
    }
    return schema.with_metadata({b"pandas": json.dumps(pandas_meta).encode("utf-8")})


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
