"""Label Studio bridge: gold/OUT -> tasks (pre-annotations) and exports -> gold.

Task shape (labeling config: ``<Labels name="label" toName="text">`` over
``<Text name="text" value="$text">``)::

    {"data": {"text": RAW, "doc": NAME, "sha256": HEX, "meta": {...gold meta}},
     "annotations"|"predictions": [{"result": [REGION, ...]}]}
    REGION = {"id", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start", "end", "text", "labels": [LABEL]},
              "meta": {"text": [JSON of the span's attrs]}}

Attributes travel in the region's ``meta.text`` (Label Studio's per-region
"meta" info, editable in its UI and kept in exports) as one JSON string, and
every exported span is also in ``data.polex_spans`` (task data Label Studio
keeps as it was): a region the reviewer draws anew has no meta, and
:mod:`pipeline.qa.reconcile` finds the span it replaced there.  A task whose
only results are ``predictions`` (nobody submitted an annotation) imports as
unreviewed.
Offsets: Label Studio counts JavaScript string positions (UTF-16 code units);
polex counts code points, so characters beyond the BMP are converted both ways.
"""

from __future__ import annotations

import json
from typing import Any

from pipeline.errors import ImportFormatError
from pipeline.qa.labels import LABELS, gold_meta_of
from pipeline.qa.model import AnnotatedDoc, Span, clean_attrs

FROM_NAME, TO_NAME = "label", "text"


def utf16_offsets(text: str) -> list[int]:
    """Code-point offset -> UTF-16 offset, for every position 0..len(text)."""
    table, pos = [0] * (len(text) + 1), 0
    for i, ch in enumerate(text):
        pos += 2 if ord(ch) > 0xFFFF else 1
        table[i + 1] = pos
    return table


def _to_js(text: str):
    if text.isascii() or max(map(ord, text), default=0) <= 0xFFFF:
        return lambda i: i
    table = utf16_offsets(text)
    return lambda i: table[i]


def _from_js(text: str):
    if text.isascii() or max(map(ord, text), default=0) <= 0xFFFF:
        return lambda i: i
    inverse = {u: i for i, u in enumerate(utf16_offsets(text))}
    return lambda u: inverse[u]


def to_task(doc: AnnotatedDoc, as_predictions: bool = False, model_version: str = "polex") -> dict[str, Any]:
    """One Label Studio task; ``as_predictions`` for pre-annotations of OUT."""
    if doc.raw_text is None:
        raise ValueError(f"{doc.doc}: the document text is needed for a Label Studio task")
    js = _to_js(doc.raw_text)
    regions = []
    for n, s in enumerate(sorted(doc.spans, key=lambda s: (s.start, s.end, s.label))):
        regions.append(
            {
                "id": f"s{n}",
                "from_name": FROM_NAME,
                "to_name": TO_NAME,
                "type": "labels",
                "value": {"start": js(s.start), "end": js(s.end), "text": s.text, "labels": [s.label]},
                "meta": {"text": [json.dumps(clean_attrs(s.attrs), ensure_ascii=False, sort_keys=True)]},
            }
        )
    exported = [
        {"label": s.label, "start": s.start, "end": s.end, "attrs": clean_attrs(s.attrs)}
        for s in sorted(doc.spans, key=lambda s: (s.start, s.end, s.label))
    ]
    task: dict[str, Any] = {
        "data": {
            "text": doc.raw_text,
            "doc": doc.doc,
            "sha256": doc.sha256,
            "meta": dict(doc.meta),
            "polex_spans": exported,
        }
    }
    if as_predictions:
        task["predictions"] = [{"model_version": model_version, "result": regions}]
    else:
        task["annotations"] = [{"result": regions}]
    return task


def _results(task: dict[str, Any], where: str) -> tuple[list[dict[str, Any]], bool]:
    """The regions of the latest submitted annotation (reviewed), else of the first prediction (not)."""
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if annotations:
        return annotations[-1].get("result") or [], True
    predictions = task.get("predictions") or []
    if predictions:
        return predictions[0].get("result") or [], False
    raise ImportFormatError(f"{where}: no annotations or predictions in the task")


def _region_span(region: dict[str, Any], text: str, py, at: str) -> Span:
    value = region.get("value") or {}
    labels = value.get("labels") or []
    if len(labels) != 1 or labels[0] not in LABELS:
        raise ImportFormatError(f"{at}: needs exactly one label of {', '.join(LABELS)}, got {labels}")
    try:
        start, end = py(int(value["start"])), py(int(value["end"]))
    except (KeyError, ValueError, TypeError):
        raise ImportFormatError(f"{at}: value.start/end missing or not character offsets") from None
    meta_text = (region.get("meta") or {}).get("text") or []
    try:
        attrs = json.loads(meta_text[0]) if meta_text else None
    except json.JSONDecodeError:
        raise ImportFormatError(f"{at}: meta text is not the JSON of the span's attrs: {meta_text[0]!r}") from None
    if attrs is not None and not isinstance(attrs, dict):
        raise ImportFormatError(f"{at}: meta text must be a JSON object of the span's attrs, got {meta_text[0]!r}")
    # No meta: drawn in Label Studio (or its meta deleted); reconcile.py settles its attributes.
    return Span(labels[0], start, end, text[start:end], attrs or {}, attrs_known=attrs is not None)


def _spans_of(regions: list[dict[str, Any]], text: str, py, where: str) -> list[Span]:
    spans = []
    for k, region in enumerate(regions):
        if region.get("type") not in (None, "labels"):
            continue  # other control tags (choices, textarea) are not spans
        spans.append(_region_span(region, text, py, f"{where}: region {region.get('id', k)}"))
    return spans


def _reference(task: dict[str, Any], text: str, py, where: str) -> list[Span]:
    """The spans polex exported into the task: ``data.polex_spans``, else the predictions' regions with meta."""
    exported = (task.get("data") or {}).get("polex_spans")
    if isinstance(exported, list):
        try:
            return [
                Span(d["label"], d["start"], d["end"], text[d["start"] : d["end"]], dict(d.get("attrs") or {}))
                for d in exported
                if d.get("label") in LABELS
            ]
        except (KeyError, TypeError):
            raise ImportFormatError(
                f"{where}: data.polex_spans is not the list polex exported; re-export the task"
            ) from None
    predictions = task.get("predictions") or []
    regions = predictions[0].get("result") or [] if predictions else []
    return [s for s in _spans_of(regions, text, py, f"{where}: prediction") if s.attrs_known]


def from_task(task: dict[str, Any], where: str) -> AnnotatedDoc:
    """A Label Studio task (export form) as an AnnotatedDoc; ``doc``/``sha256`` may be None."""
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise ImportFormatError(f"{where}: data.text missing; export the tasks as JSON (not JSON_MIN or CSV)")
    py = _from_js(text)
    regions, reviewed = _results(task, where)
    spans = _spans_of(regions, text, py, where)
    meta = gold_meta_of(data.get("meta") or {})
    return AnnotatedDoc(
        doc=data.get("doc"),
        sha256=data.get("sha256"),
        meta=meta,
        spans=spans,
        raw_text=text,
        reference=_reference(task, text, py, where),
        reviewed=reviewed,
    )


def dumps(docs: list[AnnotatedDoc], as_predictions: bool = False) -> str:
    return json.dumps([to_task(d, as_predictions) for d in docs], ensure_ascii=False, indent=1)


def loads(payload: str, source: str) -> list[AnnotatedDoc]:
    try:
        tasks = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"{source}: not JSON ({exc}); export from Label Studio as JSON") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    return [from_task(t, f"{source}: task {t.get('id', i)}") for i, t in enumerate(tasks)]
