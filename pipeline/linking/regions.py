"""Where documents come from, as linking uses it: region names and the chain.

Read from the documents table's ``province``, ``city``, ``county`` and
``admin_level`` columns when it has them (the document-metadata reader fills
them); a table without them, or a document with them all null, tells nothing.

Two uses:

- **names**: a document's own region names, full and short (``济南市``,
  ``济南``), are scope in its indicators (``济南市高新技术企业`` is the city's
  ``高新技术企业``), like ``全市``;
- **the chain**: policy is made in chains, a county's plan under its city's,
  the city's under its province's, and linking a national corpus pair by pair
  would make a table that grows with the square of the corpus.  So documents
  link when one's region contains the other's (a national document contains
  every region, a province its cities and counties, a city its counties) or
  both are the same region.  Two sibling cities do not link in the table
  (``polex compare`` still shows their common targets).  A document whose
  region is unknown contains every region: nothing known, nothing blocked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import regex

REGION_COLUMNS = ("province", "city", "county")
# A document's level in the chain: how many of its region parts are known (national: 0,
# a province: 1, a city: 2, a county: 3), UNKNOWN_LEVEL when nothing is known of it.
NATIONAL_LEVEL, UNKNOWN_LEVEL = 0, 4
_SUFFIX = regex.compile(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|自治州|自治县|省|市|县|区|州|盟|旗)$")
UNKNOWN = -1


def short_name(name: str) -> str | None:
    """``济南市`` -> ``济南``; None when nothing of two characters or more is left."""
    short = _SUFFIX.sub("", name)
    return short if len(short) >= 2 and short != name else None


@dataclass
class DocumentRegions:
    """doc_id -> (province, city, county), None where unknown."""

    by_doc: dict[str, tuple[str | None, str | None, str | None]] = field(default_factory=dict)
    national: frozenset[str] = frozenset()  # doc_ids whose admin_level is national

    @classmethod
    def from_documents(cls, documents: pa.Table | None) -> "DocumentRegions":
        if documents is None or not all(name in documents.column_names for name in REGION_COLUMNS):
            return cls()
        columns = [documents.column(name).to_pylist() for name in ("doc_id", *REGION_COLUMNS)]
        levels = (
            documents.column("admin_level").to_pylist()
            if "admin_level" in documents.column_names
            else [None] * documents.num_rows
        )
        by_doc, national = {}, set()
        for doc_id, province, city, county, level in zip(*columns, levels):
            region = (None, None, None) if level == "national" else (province or None, city or None, county or None)
            by_doc[doc_id] = _top_down(region)
            if level == "national":
                national.add(doc_id)
        return cls(by_doc, frozenset(national))

    @property
    def known(self) -> bool:
        return any(any(region) for region in self.by_doc.values())

    def names(self, doc_id: str) -> tuple[str, ...]:
        found = []
        for name in self.by_doc.get(doc_id, (None, None, None)):
            if name:
                found.append(name)
                short = short_name(name)
                if short:
                    found.append(short)
        return tuple(found)

    def region(self, doc_id: str) -> tuple[str | None, str | None, str | None]:
        return self.by_doc.get(doc_id, (None, None, None))

    def level(self, doc_id: str) -> int:
        """NATIONAL_LEVEL .. 3 by the known parts; UNKNOWN_LEVEL when nothing is known."""
        if doc_id in self.national:
            return NATIONAL_LEVEL
        known = sum(1 for part in self.region(doc_id) if part)
        return known if known else UNKNOWN_LEVEL

    def codes(self, doc_ids: list[str]) -> np.ndarray:
        """One row per document: integer codes of province, city, county (UNKNOWN = -1)."""
        vocabulary: dict[str, int] = {}
        rows = np.full((len(doc_ids), len(REGION_COLUMNS)), UNKNOWN, dtype=np.int64)
        for i, doc_id in enumerate(doc_ids):
            for j, name in enumerate(self.by_doc.get(doc_id, (None, None, None))):
                if name:
                    rows[i, j] = vocabulary.setdefault(f"{j}:{name}", len(vocabulary))
        return rows


def _top_down(region: tuple[str | None, str | None, str | None]) -> tuple[str | None, str | None, str | None]:
    """A county known without its city (or a city without its province) says less than it
    seems: keep only the parts above the first unknown one, so containment stays a prefix test."""
    kept: list[str | None] = []
    for part in region:
        if part is None:
            break
        kept.append(part)
    return tuple(kept + [None] * (len(REGION_COLUMNS) - len(kept)))  # type: ignore[return-value]


def on_one_chain(codes_a: np.ndarray, codes_b: np.ndarray) -> np.ndarray:
    """Mask of row pairs where one region contains the other (prefix of known parts)."""
    return _contains(codes_a, codes_b) | _contains(codes_b, codes_a)


def _contains(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    ok = np.ones(len(outer), dtype=bool)
    for level in range(outer.shape[1]):
        ok &= (outer[:, level] == UNKNOWN) | (outer[:, level] == inner[:, level])
    return ok
