"""Read an OUT folder (SPEC.md tables) as annotated documents, one per source file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import OutError
from pipeline.qa.labels import ATTRS, SCORED_META_FIELDS, TABLE_OF_LABEL, meta_column
from pipeline.qa.model import AnnotatedDoc, Span, clean_value, meta_value


def _read_table(out_dir: Path, table: str, columns: list[str] | None = None):
    # Resolved once: a table is a folder of part files, and a run publishing meanwhile
    # must not switch the folder between listing its parts and opening them.
    path = (out_dir / f"{table}.parquet").resolve()
    if not path.exists():
        return None
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for a broken file
        raise OutError(f"{path}: cannot read Parquet ({type(exc).__name__}: {exc}); re-run `polex run`") from exc
    return frame if columns is None else frame[[c for c in columns if c in frame.columns]]


def _records(frame) -> list[dict[str, Any]]:
    # to_dict(records) is fine here: tables hold hundreds of rows per document, not millions.
    return frame.to_dict("records") if frame is not None and len(frame) else []


def load_documents_frame(out_dir: Path, columns: list[str] | None = None):
    """The documents table of OUT as a DataFrame (``columns`` only, when given)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise OutError(f"{out_dir}: not a folder; pass the OUT folder `polex run` wrote")
    frame = _read_table(out_dir, "documents", columns)
    if frame is None:
        raise OutError(f"{out_dir}: no documents.parquet; run `polex run CORPUS --out {out_dir}` first")
    return frame


def load_span_frame(out_dir: Path, table: str):
    """``doc_id``, ``norm_start``, ``norm_end`` of every row of a span table of OUT."""
    frame = _read_table(Path(out_dir), table, ["doc_id", "norm_start", "norm_end"])
    if frame is None:
        raise OutError(
            f"{Path(out_dir) / (table + '.parquet')}: table missing from OUT; re-run `polex run CORPUS --out {out_dir}`"
        )
    return frame


def load_out(out_dir: Path) -> dict[str, AnnotatedDoc]:
    """All documents of OUT keyed by ``doc_id``, with their spans and meta."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise OutError(f"{out_dir}: not a folder; pass the OUT folder `polex run` wrote")
    documents = _read_table(out_dir, "documents")
    if documents is None:
        raise OutError(f"{out_dir}: no documents.parquet; run `polex run CORPUS --out {out_dir}` first")
    docs: dict[str, AnnotatedDoc] = {}
    for row in _records(documents):
        meta = {name: meta_value(row.get(meta_column(name, row))) for name in SCORED_META_FIELDS if name in row}
        docs[row["doc_id"]] = AnnotatedDoc(
            doc=row["source_path"], sha256=row.get("sha256"), meta=meta, spans=[], raw_text=row.get("raw_text")
        )
    for label, table in TABLE_OF_LABEL.items():
        frame = _read_table(out_dir, table)
        if frame is None:
            # `polex run` always publishes every table: a missing one is a broken OUT, not "no spans"
            # (scoring it as empty would report recall 0 and exit 0).
            raise OutError(
                f"{out_dir / (table + '.parquet')}: table missing from OUT; re-run `polex run CORPUS --out {out_dir}`"
            )
        for row in _records(frame):
            doc = docs.get(row["doc_id"])
            if doc is None:
                continue  # a span of a document not in documents: not publishable, ignore
            attrs = {name: clean_value(row.get(name)) for name in ATTRS[label] if name in row}
            section_id = clean_value(row.get("section_id"))
            doc.spans.append(
                Span(label, int(row["raw_start"]), int(row["raw_end"]), row["text"], attrs, section_id=section_id)
            )
    for doc in docs.values():
        doc.spans.sort(key=lambda s: (s.start, s.end, s.label))
    return docs


def index_by_name(docs: dict[str, AnnotatedDoc]) -> dict[str, AnnotatedDoc]:
    """OUT documents keyed by source_path, for matching gold ``doc`` names."""
    return {d.doc: d for d in docs.values()}


def find_document(by_path: dict[str, AnnotatedDoc], gold_doc: str) -> AnnotatedDoc | None:
    """The OUT document whose source_path equals ``gold_doc`` or ends with ``/`` + it."""
    if gold_doc in by_path:
        return by_path[gold_doc]
    suffix = "/" + gold_doc
    matches = sorted(path for path in by_path if path.endswith(suffix))
    return by_path[matches[0]] if matches else None
