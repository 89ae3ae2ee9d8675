"""Two documents' linked targets side by side (what ``polex compare`` prints).

The pair is linked here from the two documents' targets with the rules of
the published table (``similarity.py``, one link per target per document
pair), but with no limit per level and for any two documents: the table
keeps each target's best counterparts on its administrative chain, a
comparison shows everything two documents share, sibling cities too.
"""

from __future__ import annotations

import math
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.linking.links import pair_links

COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈", "=": ""}


def format_number(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def describe_target(comparator: str | None, value: float | None, value_max: float | None, unit: str | None) -> str:
    """``>=``, 5000, None, ``家`` -> ``≥ 5,000 家``; a range as ``3–5 个百分点``."""
    number = format_number(value)
    if value_max is not None and not (isinstance(value_max, float) and math.isnan(value_max)):
        number = f"{number}–{format_number(value_max)}"
    sign = COMPARATOR_SIGNS.get(comparator or "=", comparator or "")
    return " ".join(part for part in (sign, number, unit or "") if part)


def compare_documents(
    targets: pa.Table, doc_a: str, doc_b: str, documents: pa.Table | None = None
) -> list[dict[str, Any]]:
    """One row per linked pair, ``doc_a``'s side first, in ``doc_a``'s text order."""
    pair = targets.filter(pc.is_in(targets.column("doc_id"), value_set=pa.array([doc_a, doc_b])))
    links = pair_links(pair, documents).to_pylist()
    position = dict(zip(pair.column("target_id").to_pylist(), pair.column("norm_start").to_pylist()))
    rows = []
    for link in links:
        first, second = ("a", "b") if link["doc_id_a"] == doc_a else ("b", "a")
        rows.append(
            {
                "position": position.get(link[f"target_id_{first}"], 0),
                "similarity": link["similarity"],
                "indicator_key": link["indicator_key"],
                **{f"{field}_a": link[f"{field}_{first}"] for field in _FIELDS},
                **{f"{field}_b": link[f"{field}_{second}"] for field in _FIELDS},
            }
        )
    rows.sort(key=lambda row: (row["position"], row["target_id_a"]))
    for row in rows:
        for side in ("a", "b"):
            row[f"target_{side}"] = describe_target(
                row[f"comparator_{side}"], row[f"value_{side}"], row[f"value_max_{side}"], row[f"unit_{side}"]
            )
    return rows


_FIELDS = ("doc_id", "target_id", "indicator", "value", "value_max", "unit", "comparator", "deadline_year")
