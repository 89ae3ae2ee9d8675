"""Annotated documents: the one shape gold files, OUT tables and tool exports share."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Span:
    label: str
    start: int  # raw offsets, code points, end exclusive
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    section_id: int | None = None  # predictions only: the innermost section
    attrs_known: bool = True  # False: a tool's export carried no attributes for it (reconcile.py settles them)
    needs_attrs: bool = False  # kept without attributes: `polex gold validate` reports it until they are written

    def key(self) -> tuple[str, int, int]:
        return (self.label, self.start, self.end)


@dataclass
class AnnotatedDoc:
    doc: str  # file name (gold) or source_path (OUT)
    sha256: str | None
    meta: dict[str, Any]
    spans: list[Span]
    raw_text: str | None = None  # known for OUT documents and tool imports
    # Tool imports only: the spans polex exported into the tool, with their attributes
    # (Label Studio's predictions, doccano's span_attrs), and whether a person reviewed it.
    reference: list[Span] = field(default_factory=list)
    reviewed: bool = True

    def to_gold_json(self) -> dict[str, Any]:
        """The gold file form (GUIDE.md), spans in text order."""
        spans = sorted(self.spans, key=lambda s: (s.start, s.end, s.label))
        return {
            "doc": self.doc,
            "sha256": self.sha256,
            "meta": dict(self.meta),
            "spans": [_span_json(s) for s in spans],
        }


def _span_json(span: Span) -> dict[str, Any]:
    data = {
        "label": span.label,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "attrs": clean_attrs(span.attrs),
    }
    if span.needs_attrs:
        data["needs_attrs"] = True  # GUIDE extension: a span a reviewer added whose attributes nobody wrote yet
    return data


def clean_value(value: Any) -> Any:
    """JSON-friendly attribute value: NaN/NA -> None, integral floats -> int, numpy -> Python."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()  # numpy scalar
        except (ValueError, AttributeError):
            pass
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas missing values, without importing pandas
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()[:10]
    return value


def meta_value(value: Any) -> Any:
    """A documents-table value as gold writes it: a list of strings (``issuers``), an ISO date, or clean_value."""
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and getattr(value, "ndim", 0) == 1):
        return [str(item) for item in list(value)]
    return clean_value(value)


def clean_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: clean_value(v) for k, v in attrs.items()}
