"""QA fixtures: write an OUT folder (SPEC.md tables) from annotated documents or
from the core pipeline.

Turning gold into a "prediction" must score 1.0, and hand-made tables make
scoring tests independent of the extractors.  Not the production publisher
(that is `polex run`'s flow).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core.schema import DOCUMENTS, SECTIONS, SPAN_FIELDS
from pipeline.linking import link_all
from pipeline.process import all_schemas, process_document, published_schemas
from pipeline.qa.labels import ATTRS, COLUMN_OF_META, EXTRA_META_FIELDS, TABLE_OF_LABEL
from pipeline.qa.model import AnnotatedDoc
from pipeline.reading.reader import discover, read_document

_FLOAT_ATTRS = {"value", "value_max", "value_cny"}
# The gold sets held out from development (the lead measures them, aggregate only).
HELD_OUT_SETS = ("realheld", "realblind9")
_INT_ATTRS = {"level", "number", "deadline_year", "year", "months"}


def _attr_type(name: str):
    if name in _FLOAT_ATTRS:
        return pa.float64()
    if name in _INT_ATTRS:
        return pa.int64()
    if name == "date":
        return pa.date32()
    return pa.string()


def _span_schema(label: str):
    if label == "heading":
        return SECTIONS
    return pa.schema(SPAN_FIELDS + [pa.field(n, _attr_type(n)) for n in ATTRS[label]])


def _attr_value(name: str, value: Any) -> Any:
    if name == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if name in _FLOAT_ATTRS and value is not None:
        return float(value)
    return value


def _extra_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """The researcher's fields a gold file has, as the documents table holds them (dates as dates)."""
    extra = {name: meta[name] for name in EXTRA_META_FIELDS if name in meta}
    for name, column in COLUMN_OF_META.items():  # gold's genre is the title's type word: documents' genre_word
        if name in extra:
            extra[column] = extra[name]
    for name in ("effective_date", "expiry_date"):
        if extra.get(name):
            extra[name] = dt.date.fromisoformat(extra[name])
    return extra


def write_out(out_dir: Path, docs: list[AnnotatedDoc]) -> Path:
    """Write documents + every span table for ``docs`` (``raw_text`` must be set)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    doc_rows: list[dict[str, Any]] = []
    span_rows: dict[str, list[dict[str, Any]]] = {label: [] for label in TABLE_OF_LABEL}
    for n, doc in enumerate(docs):
        doc_id = f"d{n}"
        issue = doc.meta.get("issue_date")
        doc_rows.append(
            {
                "doc_id": doc_id,
                "source_path": doc.doc,
                "sha256": doc.sha256 or "",
                "raw_text": doc.raw_text,
                "norm_text": doc.raw_text,
                "title": doc.meta.get("title"),
                "doc_number": doc.meta.get("doc_number"),
                "issuer": doc.meta.get("issuer"),
                "issue_date": dt.date.fromisoformat(issue) if issue else None,
                "encoding": "utf-8",
                **_extra_meta(doc.meta),
            }
        )
        for k, s in enumerate(sorted(doc.spans, key=lambda s: (s.start, s.end))):
            row = {
                "doc_id": doc_id,
                "section_id": s.section_id,
                "raw_start": s.start,
                "raw_end": s.end,
                "norm_start": s.start,
                "norm_end": s.end,
                "text": s.text,
            }
            if s.label == "heading":
                row.update(section_id=k + 1, parent_id=None, heading=s.text)
            row.update({name: _attr_value(name, s.attrs.get(name)) for name in ATTRS[s.label]})
            span_rows[s.label].append(row)
    pq.write_table(pa.Table.from_pylist(doc_rows, schema=DOCUMENTS), out_dir / "documents.parquet")
    for label, rows in span_rows.items():
        pq.write_table(
            pa.Table.from_pylist(rows, schema=_span_schema(label)), out_dir / f"{TABLE_OF_LABEL[label]}.parquet"
        )
    return out_dir


def run_core(corpus: Path, out_dir: Path) -> Path:
    """Stand-in for `polex run` without Prefect: the real reader and core on every
    document under ``corpus``, one Parquet file per table in ``out_dir``."""
    schemas = all_schemas()
    rows: dict[str, list] = {name: [] for name in schemas}
    for rel in discover(Path(corpus)):
        for table, table_rows in process_document(read_document(Path(corpus), rel)).items():
            rows.setdefault(table, []).extend(table_rows)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {table: pa.Table.from_pylist(rows.get(table, []), schema=schema) for table, schema in schemas.items()}
    tables["target_links"] = link_all(tables["targets"], tables["documents"]).cast(published_schemas()["target_links"])
    for table, arrow_table in tables.items():
        pq.write_table(arrow_table, out_dir / f"{table}.parquet")
    return out_dir


def held_out_ids(fixtures: Path) -> frozenset[str]:
    """The corpus-real ids (a file name's leading four digits) of the held-out sets' documents under ``fixtures``
    (tests/fixtures), from their file names only: a script that must skip them reads nothing of them."""
    return frozenset(
        path.name[:4]
        for name in HELD_OUT_SETS
        for path in (fixtures / name / "docs").iterdir()
        if path.name[:4].isdigit()
    )
