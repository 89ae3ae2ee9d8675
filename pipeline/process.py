"""The orchestration-free core: one decoded document in, rows for every table out.

``process_document`` is a pure function of the document (plus the clock for
``ingested_at``): normalise -> structure (metadata, sections) -> extract ->
rows with provenance.  The Prefect flow only batches, caches and publishes it.
``all_schemas`` is the set of tables those rows fill; ``published_schemas``
adds ``target_links``, which publish computes across documents.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter, lt
from time import perf_counter
from typing import Any, Sequence

import numpy as np
import pyarrow as pa

from extractors import all_extractors
from normalizers import normalize, step_order
from pipeline.core.document import ExtractContext, NormalizedText, RawDocument, Section
from pipeline.core.offsets import OffsetMap
from pipeline.core.schema import table_schemas, with_pandas_metadata
from pipeline.core.spans import inside
from pipeline.errors import IngestError
from pipeline.fingerprint import fingerprint
from pipeline.linking.target_ids import assign_target_ids
from pipeline.structure.contents import contents_spans
from pipeline.structure.doc_meta import document_meta
from pipeline.structure.sections import build_sections

Rows = dict[str, list[dict[str, Any]]]
# documents columns copied from DocumentMeta as they are (the dates are parsed).
REGION_AND_GENRE = (
    "issuers",
    "province",
    "city",
    "county",
    "division_code",
    "admin_level",
    "genre",
    "genre_word",
    "genre_family",
    "status",
)


# Columns the core adds to an extractor's table: ids computed over a document's rows.
ROW_ID_FIELDS = {"targets": [pa.field("target_id", pa.string(), nullable=False)]}
ROW_IDS = {"targets": assign_target_ids}


@lru_cache(maxsize=1)
def all_schemas() -> dict[str, pa.Schema]:
    """Every table ``process_document`` fills (and quarantine), by name."""
    return table_schemas({ex.table: ROW_ID_FIELDS.get(ex.table, []) + ex.columns for ex in all_extractors()})


@lru_cache(maxsize=1)
def published_schemas() -> dict[str, pa.Schema]:
    """Every table polex publishes: ``all_schemas`` and ``target_links``, which
    publish fills across documents (pipeline.linking)."""
    from pipeline.linking.links import TARGET_LINKS  # here: pandas stays out of the pool workers

    return {**all_schemas(), "target_links": with_pandas_metadata(TARGET_LINKS)}


def _stage(name: str, fn, *args, timings: dict[str, float] | None = None):
    started = perf_counter()
    try:
        return fn(*args)
    except IngestError:
        raise
    except Exception as exc:  # a bug or an unforeseen input: quarantine, don't crash the run
        raise IngestError(name, f"{type(exc).__name__}: {exc}") from exc
    finally:
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + perf_counter() - started


def _raw_spans(offsets: OffsetMap, norm_starts: Sequence[int], norm_ends: Sequence[int]) -> tuple[list, list] | None:
    """Raw spans of many norm spans in one numpy gather; None unless all are non-empty and in bounds."""
    if len(norm_starts) and (
        min(norm_starts) < 0 or max(norm_ends) > offsets.target_len or not all(map(lt, norm_starts, norm_ends))
    ):
        return None  # the per-span path handles (or reports) these exactly as to_source does
    raw_starts, raw_ends = offsets.sources_of(np.asarray(norm_starts), np.asarray(norm_ends))
    return raw_starts.tolist(), raw_ends.tolist()


def _pages(page_starts: list[int] | None, raw_starts: Sequence[int]) -> list[int | None]:
    """1-based page holding each raw offset (``bisect_right`` of the page starts); None without pages."""
    if page_starts is None:
        return [None] * len(raw_starts)
    return np.searchsorted(
        np.asarray(page_starts, dtype=np.int64), np.asarray(raw_starts, dtype=np.int64), side="right"
    ).tolist()


_NORM_START, _NORM_END = itemgetter("norm_start"), itemgetter("norm_end")


def _with_provenance(rows: list[dict[str, Any]], ctx: ExtractContext, section_starts, doc: RawDocument) -> None:
    # Plain lists and bisect, one numpy gather: an extractor returns tens of rows, where each
    # numpy call's fixed cost is more than the work it does.
    if not rows:
        return
    norm_starts, norm_ends = list(map(_NORM_START, rows)), list(map(_NORM_END, rows))
    spans: Sequence[Sequence[int]] | None = _raw_spans(ctx.norm.offsets, norm_starts, norm_ends)
    if spans is None:
        to_raw = ctx.norm.to_raw
        spans = tuple(zip(*(to_raw(start, end) for start, end in zip(norm_starts, norm_ends))))
    # Sections are in text order and each runs to the next heading, so the last heading at or
    # before a span is the innermost section holding it (none: before the first, index 0 here).
    section_ids = [None, *(s.section_id for s in ctx.sections)]
    doc_id, raw_text = doc.doc_id, doc.raw_text
    pages = _pages(doc.page_starts, spans[0])
    for row, norm_start, raw_start, raw_end, page in zip(rows, norm_starts, spans[0], spans[1], pages):
        row["doc_id"] = doc_id
        row["raw_start"] = raw_start
        row["raw_end"] = raw_end
        row["text"] = raw_text[raw_start:raw_end]
        row["section_id"] = section_ids[bisect_right(section_starts, norm_start)]
        row["page"] = page


def _section_rows(doc: RawDocument, norm: NormalizedText, sections: list[Section]) -> list[dict[str, Any]]:
    spans = _raw_spans(norm.offsets, [s.norm_start for s in sections], [s.norm_end for s in sections])
    raw_spans = list(zip(*spans)) if spans else [norm.to_raw(s.norm_start, s.norm_end) for s in sections]
    pages = _pages(doc.page_starts, [start for start, _ in raw_spans])
    return [
        {
            "doc_id": doc.doc_id,
            "section_id": s.section_id,
            "parent_id": s.parent_id,
            "level": s.level,
            "number": s.number,
            "heading": s.heading,
            "page": page,
            "raw_start": raw_start,
            "raw_end": raw_end,
            "norm_start": s.norm_start,
            "norm_end": s.norm_end,
            "text": doc.raw_text[raw_start:raw_end],
        }
        for s, (raw_start, raw_end), page in zip(sections, raw_spans, pages)
    ]


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def _document_row(doc: RawDocument, ctx: ExtractContext, ingested_at: dt.datetime | None) -> dict[str, Any]:
    meta = ctx.meta
    return {
        "doc_id": doc.doc_id,
        "source_path": doc.source_path,
        "sha256": doc.sha256,
        "raw_text": doc.raw_text,
        "norm_text": ctx.norm.text,
        "title": meta.title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "issue_date": _date(meta.issue_date),
        "addressee": meta.addressee,
        "cc": meta.cc,
        **{name: getattr(meta, name) for name in REGION_AND_GENRE},
        "effective_date": _date(meta.effective_date),
        "expiry_date": _date(meta.expiry_date),
        "encoding": doc.encoding,
        "media_type": doc.media_type,
        "pages": doc.pages,
        "extractor_version": fingerprint(),
        "ingested_at": ingested_at or dt.datetime.now(dt.timezone.utc),
    }


def structure(doc: RawDocument, timings: dict[str, float] | None = None) -> ExtractContext:
    """Normalise and structure one document: what every extractor reads."""
    if not doc.raw_text or doc.raw_text.isspace():  # (``not text.strip()`` without copying the text)
        raise IngestError("decode", "document has no text (empty file or nothing visible in the page)")
    steps = step_order(paged=doc.page_starts is not None)
    norm = _stage("normalize", normalize, doc.raw_text, steps, timings, timings=timings)
    if not norm.text or norm.text.isspace():
        raise IngestError("normalize", "document is only boilerplate: nothing left after normalisation")
    meta = _stage("metadata", document_meta, norm, timings=timings)
    # found once: the section tree and every extractor's rows leave a 目录 out
    contents = _stage("sections", contents_spans, norm.text, timings=timings)
    sections = _stage("sections", build_sections, norm, doc.page_starts is None, contents, timings=timings)
    return ExtractContext(doc_id=doc.doc_id, norm=norm, sections=sections, meta=meta, contents=contents)


def process_document(
    doc: RawDocument, ingested_at: dt.datetime | None = None, timings: dict[str, float] | None = None
) -> Rows:
    """Normalise, structure and extract one document.  Raises IngestError on failure.

    ``timings`` (optional) accumulates seconds per stage, for the benchmark.
    """
    return extract_rows(doc, structure(doc, timings), ingested_at, timings)


def extract_rows(
    doc: RawDocument,
    ctx: ExtractContext,
    ingested_at: dt.datetime | None = None,
    timings: dict[str, float] | None = None,
) -> Rows:
    """Every table's rows for a structured document: each extractor (seeing only the
    rows of the extractors it requires) and the provenance of every span."""
    out: Rows = {"sections": _section_rows(doc, ctx.norm, ctx.sections)}
    section_starts = [s.norm_start for s in ctx.sections]
    contents = contents_spans(ctx.norm.text) if ctx.contents is None else ctx.contents
    for ex in all_extractors():
        view = replace(ctx, results={name: ctx.results[name] for name in ex.requires})
        rows = _stage(f"extract:{ex.name}", ex.extract, view, timings=timings)
        if contents:  # a 目录 repeats the body's headings: its figures and years are the body's, not spans
            rows = [row for row in rows if not inside(row["norm_start"], contents)]
        ctx.results[ex.name] = rows
        _with_provenance(rows, ctx, section_starts, doc)
        if ex.table in ROW_IDS:
            ROW_IDS[ex.table](rows)
        out[ex.table] = rows
    _assign_tasks(out, out.get("tasks", []))
    out["documents"] = [_document_row(doc, ctx, ingested_at)]
    return out


def _assign_tasks(out: Rows, tasks: list[dict[str, Any]]) -> None:
    """Give every span row the ``task_id`` of the innermost task holding its span
    (null outside any task), like ``section_id``; drop the extractors' private
    ``_`` keys (what one extractor hands the next, never published)."""
    tasks = sorted(tasks, key=lambda t: (t["norm_start"], -t["norm_end"]))
    # Plain lists and bisect: a document has tens of tasks (see _with_provenance)
    starts = [t["norm_start"] for t in tasks]
    ends = [t["norm_end"] for t in tasks]
    ids = [t["task_id"] for t in tasks]
    reach = list(accumulate(ends, max))  # furthest end of any task so far
    for table, rows in out.items():
        if table in ("sections", "tasks") or not rows:
            continue
        private = [k for k in rows[0] if k.startswith("_")]  # a table's rows share their keys
        for row in rows:
            i = bisect_right(starts, row["norm_start"]) - 1
            end = row["norm_end"]
            # the task starting last at or before the span holds it, as a rule (tasks nest or are
            # disjoint); otherwise an outer one may, while some task before reaches that far
            while i >= 0 and ends[i] < end and reach[i] >= end:
                i -= 1
            row["task_id"] = ids[i] if i >= 0 and ends[i] >= end else None
            for key in private:
                row.pop(key, None)
