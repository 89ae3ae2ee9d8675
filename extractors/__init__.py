"""Extractors: one module per table, behind a small registry (spaCy-style).

Each extractor module defines, at import time::

    EXTRACTOR = Extractor(name="amounts", table="amounts", version="1",
                          columns=[pa.field("value_cny", pa.float64()), ...],
                          extract=extract)

``extract(ctx: ExtractContext) -> list[dict]`` returns one dict per span with
``norm_start``/``norm_end`` (offsets into ``ctx.text``) and the table's own
columns.  The pipeline adds ``doc_id``, ``section_id``, raw offsets and
``text``.  Extractors run in ``ORDER``; each sees earlier tables' rows in
``ctx.results`` (targets read deadlines, for example).

Beside each module lives ``examples/<name>.jsonl``: text -> expected rows,
Duckling-style; ``tests/test_extractor_examples.py`` runs them all.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from typing import Any, Callable

import pyarrow as pa

from pipeline.document import ExtractContext

ORDER = ["deadlines", "amounts", "targets", "responsible_units"]


@dataclass(frozen=True)
class Extractor:
    name: str
    table: str
    version: str
    columns: list[pa.Field]
    extract: Callable[[ExtractContext], list[dict[str, Any]]]


_LOADED: dict[str, Extractor] = {}


def get(name: str) -> Extractor:
    if name not in _LOADED:
        module = importlib.import_module(f"extractors.{name}")
        _LOADED[name] = module.EXTRACTOR
    return _LOADED[name]


def all_extractors() -> list[Extractor]:
    return [get(name) for name in ORDER]


def extractors_version() -> str:
    """One string that changes whenever any extractor or normaliser version changes."""
    from normalizers.pipeline import VERSION as NORMALIZERS_VERSION
    from pipeline.metadata import VERSION as METADATA_VERSION
    from pipeline.sections import VERSION as SECTIONS_VERSION

    parts = [
        f"normalizers={NORMALIZERS_VERSION}",
        f"sections={SECTIONS_VERSION}",
        f"metadata={METADATA_VERSION}",
    ]
    parts += [f"{ex.name}={ex.version}" for ex in all_extractors()]
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:12]
