"""Load and validate gold files (GUIDE.md's format).

Errors are one line each, naming the file and the span, so a reviewer can fix
them without reading a traceback.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from pipeline.errors import GoldError, IngestError
from pipeline.qa.labels import (
    ATTRS,
    ENUMS,
    EXTRA_META_FIELDS,
    INT_ATTRS,
    LABELS,
    META_FIELDS,
    NUMBER_ATTRS,
    REQUIRED_ATTRS,
)
from pipeline.qa.model import AnnotatedDoc, Span
from pipeline.reading.reader import decode

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def read_document_text(path: Path) -> tuple[str, str]:
    """The raw text as polex decodes it (GUIDE's UTF-8 text for UTF-8 files; the
    detected encoding otherwise; an HTML page's visible text; a PDF's or Word file's
    text as ``pipeline.reading.formats`` defines it), and the sha256 of the bytes.

    Raises UnicodeDecodeError when the file cannot be decoded at all.
    """

    data = path.read_bytes()
    try:
        raw_text = decode(data, path.suffix.lower()).text
    except IngestError as exc:
        raise UnicodeDecodeError("polex", data[:1], 0, 1, exc.message) from exc
    return raw_text, hashlib.sha256(data).hexdigest()


def _span_errors(where: str, i: int, item: Any) -> list[str]:
    at = f"{where}: spans[{i}]"
    if not isinstance(item, dict):
        return [f"{at}: must be an object with label, start, end, text, attrs"]
    errors = []
    missing = [k for k in ("label", "start", "end", "text") if k not in item]
    if missing:
        return [f"{at}: missing key(s) {', '.join(missing)}"]
    label, start, end = item["label"], item["start"], item["end"]
    at = f"{at} ({label} {start}:{end})"
    if label not in LABELS:
        errors.append(f"{at}: unknown label {label!r}; use one of {', '.join(LABELS)}")
        return errors
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or not 0 <= start < end:
        errors.append(f"{at}: start/end must be integers with 0 <= start < end")
    if not isinstance(item["text"], str):
        errors.append(f"{at}: text must be a string")
    attrs = item.get("attrs", {})
    if not isinstance(attrs, dict):
        return errors + [f"{at}: attrs must be an object"]
    unknown = sorted(set(attrs) - set(ATTRS[label]))
    if unknown:
        errors.append(f"{at}: unknown attr(s) {', '.join(unknown)} for {label}; allowed: {', '.join(ATTRS[label])}")
    absent = [a for a in REQUIRED_ATTRS[label] if a not in attrs]
    if absent:
        errors.append(f"{at}: missing attr(s) {', '.join(absent)} (write null when the text has none)")
    for name, value in attrs.items():
        if value is None:
            continue
        if name in INT_ATTRS and (not isinstance(value, int) or isinstance(value, bool)):
            errors.append(f"{at}: attr {name} must be an integer or null, got {value!r}")
        elif name in NUMBER_ATTRS and (not isinstance(value, (int, float)) or isinstance(value, bool)):
            errors.append(f"{at}: attr {name} must be a number or null, got {value!r}")
        elif (label, name) in ENUMS and value not in ENUMS[(label, name)]:
            allowed = ", ".join(sorted(ENUMS[(label, name)]))
            errors.append(f"{at}: attr {name}={value!r} is not one of {allowed}")
        elif name == "date" and not (isinstance(value, str) and _ISO_DATE.match(value)):
            errors.append(f"{at}: attr date must be YYYY-MM-DD or null, got {value!r}")
    return errors


def _extra_meta_errors(where: str, meta: dict) -> list[str]:
    """The researcher's fields, where a gold file writes them: ``issuers`` a list of strings, the others
    a string or null."""
    errors = []
    for name in EXTRA_META_FIELDS:
        value = meta.get(name)
        if name == "issuers" and name in meta:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors.append(f"{where}: meta.issuers must be a list of strings")
        elif value is not None and not isinstance(value, str):
            errors.append(f"{where}: meta.{name} must be a string or null")
    return errors


def shape_errors(where: str, data: Any) -> list[str]:
    """Problems with the JSON shape alone (no document text needed)."""
    if not isinstance(data, dict):
        return [f"{where}: top level must be an object with doc, sha256, meta, spans"]
    errors = []
    for key, kind in (("doc", str), ("sha256", str), ("meta", dict), ("spans", list)):
        if not isinstance(data.get(key), kind):
            errors.append(f"{where}: key {key!r} missing or not a {kind.__name__}")
    if errors:
        return errors
    meta = data["meta"]
    for name in META_FIELDS:
        if name not in meta:
            errors.append(f"{where}: meta.{name} missing (write null when the document lacks it)")
        elif meta[name] is not None and not isinstance(meta[name], str):
            errors.append(f"{where}: meta.{name} must be a string or null")
    errors.extend(_extra_meta_errors(where, meta))
    for name in ("issue_date", "effective_date", "expiry_date"):
        if isinstance(meta.get(name), str) and not _ISO_DATE.match(meta[name]):
            errors.append(f"{where}: meta.{name} must be YYYY-MM-DD, got {meta[name]!r}")
    for i, item in enumerate(data["spans"]):
        errors.extend(_span_errors(where, i, item))
    return errors


def text_errors(where: str, doc: AnnotatedDoc, raw_text: str, sha256: str | None) -> list[str]:
    """Problems found against the document itself: hash, offsets, span text."""
    errors = []
    if sha256 is not None and doc.sha256 != sha256:
        errors.append(
            f"{where}: sha256 {doc.sha256[:12]}… does not match the document ({sha256[:12]}…): "
            "the document changed; re-check the offsets and update sha256"
        )
    n = len(raw_text)
    for i, s in enumerate(doc.spans):
        at = f"{where}: spans[{i}] ({s.label} {s.start}:{s.end})"
        if s.end > n:
            errors.append(f"{at}: end is past the end of the document ({n} chars)")
        elif raw_text[s.start : s.end] != s.text:
            errors.append(f"{at}: text {s.text!r} but the document has {raw_text[s.start : s.end]!r} there")
    return errors


def review_errors(where: str, doc: AnnotatedDoc) -> list[str]:
    """Spans a reviewer added whose attributes no one has written yet (``needs_attrs``)."""
    return [
        f"{where}: spans[{i}] ({s.label} {s.start}:{s.end} {s.text!r}): needs attributes (drawn or relabelled by hand, the extractor "
        f'reads none there): write {", ".join(REQUIRED_ATTRS[s.label])} in attrs, then delete "needs_attrs"'
        for i, s in enumerate(doc.spans)
        if s.needs_attrs
    ]


def parse_gold(data: dict[str, Any]) -> AnnotatedDoc:
    spans = [
        Span(
            d["label"],
            d["start"],
            d["end"],
            d["text"],
            dict(d.get("attrs") or {}),
            needs_attrs=bool(d.get("needs_attrs")),
        )
        for d in data["spans"]
    ]
    return AnnotatedDoc(doc=data["doc"], sha256=data["sha256"], meta=dict(data["meta"]), spans=spans)


def load_gold_file(path: Path) -> AnnotatedDoc:
    """Parse one gold file; GoldError on bad JSON or a bad shape."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not valid UTF-8 JSON ({exc}); fix the file or re-export it") from exc
    errors = shape_errors(str(path), data)
    if errors:
        more = f" (and {len(errors) - 1} more; run `polex gold validate`)" if len(errors) > 1 else ""
        raise GoldError(errors[0] + more)
    return parse_gold(data)


def gold_files(gold_dir: Path) -> list[Path]:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a folder of gold .json files")
    return sorted(gold_dir.glob("*.json"))


def load_gold_dir(gold_dir: Path) -> list[AnnotatedDoc]:
    files = gold_files(gold_dir)
    if not files:
        raise GoldError(f"{gold_dir}: no .json gold files found")
    return [load_gold_file(p) for p in files]


def validate_dir(gold_dir: Path, corpus: Path | None) -> list[str]:
    """Every problem in every gold file of ``gold_dir`` (empty list: all valid)."""
    errors: list[str] = []
    for path in gold_files(gold_dir):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            errors.append(f"{path}: not valid UTF-8 JSON ({exc})")
            continue
        problems = shape_errors(str(path), data)
        if problems:
            errors.extend(problems)
            continue
        doc = parse_gold(data)
        errors.extend(review_errors(str(path), doc))
        if path.stem != Path(doc.doc).stem:
            errors.append(f"{path}: file name should be {Path(doc.doc).stem}.json to match doc {doc.doc!r}")
        if corpus is None:
            continue
        doc_path = find_in_corpus(Path(corpus), doc.doc)
        if doc_path is None:
            errors.append(f"{path}: document {doc.doc!r} not found under {corpus}")
            continue
        try:
            raw_text, sha = read_document_text(doc_path)
        except UnicodeDecodeError:
            errors.append(f"{path}: {doc_path} cannot be decoded as text; check the file, gold offsets need its text")
            continue
        errors.extend(text_errors(str(path), doc, raw_text, sha))
    return errors


def find_in_corpus(corpus: Path, doc_name: str) -> Path | None:
    """The corpus file a gold ``doc`` names: the same relative path, else the same file name."""
    direct = corpus / doc_name
    if direct.is_file():
        return direct
    matches = sorted(p for p in corpus.rglob(Path(doc_name).name) if p.is_file())
    return matches[0] if matches else None


def write_gold(doc: AnnotatedDoc, gold_dir: Path) -> Path:
    gold_dir.mkdir(parents=True, exist_ok=True)
    path = gold_dir / (Path(doc.doc).stem + ".json")
    path.write_text(json.dumps(doc.to_gold_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
