"""Extractors: one module per table, behind a small registry (spaCy-style).

Each extractor module defines, at import time, an :class:`extractors.base.Extractor`::

    EXTRACTOR = Extractor(name="amounts", table="amounts",
                          columns=[pa.field("value_cny", pa.float64()), ...],
                          find=find, write=write, rules=RULES)

``find`` / ``write`` / ``requires``: see ``extractors/base.py``; rule records
(a pattern, the function that turns a match into a row, its examples): see
``extractors/rules.py``; how to add or convert an extractor: ``extractors/README.md``.

Beside each module lives ``examples/<name>.jsonl``: text -> expected rows,
Duckling-style; ``tests/test_extractor_examples.py`` runs them all, and the
examples of every rule record.
"""

from __future__ import annotations

from extractors import amounts, deadlines, responsible_units, targets, tasks
from extractors.base import Extractor, resolve_order

# Every extractor by name.  The order they run in follows from their ``requires``
# (ties keep this order); process_document reads it through all_extractors().
REGISTRY: dict[str, Extractor] = {
    ex.name: ex
    for ex in (deadlines.EXTRACTOR, amounts.EXTRACTOR, targets.EXTRACTOR, responsible_units.EXTRACTOR, tasks.EXTRACTOR)
}


def get(name: str) -> Extractor:
    return REGISTRY[name]


def all_extractors() -> list[Extractor]:
    """Every extractor, each after the ones it requires."""
    return resolve_order(list(REGISTRY.values()))


ORDER = [ex.name for ex in all_extractors()]
