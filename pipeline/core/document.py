"""The document model shared by every stage (no I/O, no orchestration)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.core.offsets import OffsetMap

_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass
class RawDocument:
    """A file as read from the corpus, decoded but not normalised."""

    doc_id: str
    source_path: str  # relative to the corpus root, POSIX separators
    sha256: str  # of the file's bytes
    raw_text: str
    encoding: str  # e.g. "utf-8", "utf-8-sig", "gb18030", "utf-16"; "pdf", "docx", "doc" for those
    media_type: str = "text/plain"  # or "text/html", "application/pdf", ... (pipeline.reading.formats)
    # Paged formats (PDF): raw offset where each page starts; page k (1-based) holds
    # raw_text[page_starts[k-1]:page_starts[k]], pages joined by "\f".  None: not paged.
    page_starts: list[int] | None = None

    @property
    def pages(self) -> int | None:
        return len(self.page_starts) if self.page_starts is not None else None


@dataclass
class NormalizedText:
    """``norm_text`` plus the composed map back to ``raw_text``."""

    raw_text: str
    text: str
    offsets: OffsetMap

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_source(start, end)

    def to_norm(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        return self.offsets.to_target(raw_start, raw_end)


@dataclass
class Section:
    section_id: int  # 1-based ordinal within the document, in text order
    parent_id: int | None
    level: int
    number: int | None  # the ordinal the marker shows; None when garbled/missing
    heading: str  # the title, simplified, without the marker
    norm_start: int  # span of marker + title in norm_text
    norm_end: int
    body_end: int = -1  # norm offset where this section's content ends (next heading at <= level)


@dataclass
class DocumentMeta:
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issue_date: str | None = None  # ISO YYYY-MM-DD
    addressee: str | None = None
    cc: str | None = None  # 抄送
    # What researchers filter by (pipeline.structure.doc_meta): every issuer of a 联合发文, the region
    # (simplified names with their suffix, GB/T 2260 code), the level, the type word and the status.
    issuers: list[str] = field(default_factory=list)
    province: str | None = None
    city: str | None = None
    county: str | None = None
    division_code: str | None = None  # six digits
    admin_level: str | None = None  # national / province / city / county
    genre: str | None = None  # in the closed label set: 实施意见, 行动计划, 管理办法, 指南 …
    genre_word: str | None = None  # the type word the title itself uses: 若干意见, 办法, 指引 …
    genre_family: str | None = None  # its class: 意见, 方案, 计划, 办法, 规定, 通知, 报告 … 其他
    status: str = "final"  # draft / trial / final
    effective_date: str | None = None  # ISO YYYY-MM-DD
    expiry_date: str | None = None


@dataclass
class ExtractContext:
    """What an extractor sees: the normalised text and what earlier stages found."""

    doc_id: str
    norm: NormalizedText
    sections: list[Section] = field(default_factory=list)
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    # where the document's tables of contents (目录) run, sorted; None: not computed (extract_rows finds them)
    contents: list[tuple[int, int]] | None = None
    # rows produced by extractors that ran earlier, by table name
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def doc_year(self) -> int | None:
        """The year the document makes clear: its date, else the first year in its
        title (``…2024年工作要点``); for month-only deadlines and bare years."""
        if self.meta.issue_date:
            return int(self.meta.issue_date[:4])
        found = _TITLE_YEAR.search(self.meta.title or "")
        return int(found.group(0)) if found else None
