"""Extractors: one module per table, behind a small registry (spaCy-style).

Each extractor module defines, at import time::

    EXTRACTOR = Extractor(name="amounts", table="amounts",
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

from extractors import amounts, deadlines, responsible_units, targets
from extractors.base import Extractor

ORDER = ["deadlines", "amounts", "targets", "responsible_units"]

REGISTRY: dict[str, Extractor] = {
    module.EXTRACTOR.name: module.EXTRACTOR for module in (deadlines, amounts, targets, responsible_units)
}


def get(name: str) -> Extractor:
    return REGISTRY[name]


def all_extractors() -> list[Extractor]:
    return [get(name) for name in ORDER]
