"""What every extractor is: a table, its columns, what it reads, and how it finds and writes rows.

Finding is separated from writing, as in spaCy's ``Matcher``/``EntityRuler``
(``match()`` then ``set_annotations()``):

- ``find(ctx) -> list`` collects candidates (for rule-based extractors, the
  :class:`extractors.rules.Found` matches) and decides nothing about columns;
- ``write(ctx, found) -> list[dict]`` turns them into rows: one dict per span
  with ``norm_start``/``norm_end`` (offsets into ``ctx.text``) and the table's
  own columns, plus any pass over all rows (ids, links between rows).

The pipeline then adds ``doc_id``, ``section_id``, raw offsets and ``text``.
``requires`` names the extractors whose rows this one reads from
``ctx.results`` (``ctx.results["deadlines"]``); it sees no others, and the
registry runs extractors in an order where every requirement comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

import pyarrow as pa

from extractors.rules import RuleSet
from pipeline.core.document import ExtractContext

Rows = list[dict[str, Any]]


def rows_as_found(ctx: ExtractContext, found: Sequence[Any]) -> Rows:
    """The ``write`` of an extractor whose ``find`` already returns finished rows."""
    return list(found)


@dataclass(frozen=True)
class Extractor:
    name: str  # also the key of its rows in ctx.results
    table: str
    columns: list[pa.Field]
    find: Callable[[ExtractContext], Any]  # a list of candidates (Found, Unit, or finished rows)
    write: Callable[[ExtractContext, Any], Rows] = rows_as_found
    requires: tuple[str, ...] = ()
    rules: RuleSet | None = None  # for rule-record extractors: their rules and examples

    def extract(self, ctx: ExtractContext) -> Rows:
        return self.write(ctx, self.find(ctx))


def resolve_order(extractors: Sequence[Extractor]) -> list[Extractor]:
    """The extractors in an order where each comes after everything it ``requires``;
    ties keep the given order.  ValueError on an unknown requirement or a cycle."""
    by_name = {ex.name: ex for ex in extractors}
    for ex in extractors:
        unknown = [name for name in ex.requires if name not in by_name]
        if unknown:
            raise ValueError(f"extractor {ex.name!r} requires unknown extractor(s) {unknown}")
    ordered: list[Extractor] = []
    done: set[str] = set()
    pending = list(extractors)
    while pending:
        ready = next((ex for ex in pending if done.issuperset(ex.requires)), None)
        if ready is None:
            raise ValueError(f"extractors require each other in a cycle: {sorted(ex.name for ex in pending)}")
        ordered.append(ready)
        done.add(ready.name)
        pending.remove(ready)
    return ordered
