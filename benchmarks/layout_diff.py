"""Layout differential check: the target and heading rows a document gives in one layout only (gold-free).

    python benchmarks/layout_diff.py [--layout one_line] [--docs DIR] [--only 0012,0040] [--context 30] [--json F]

Every .txt and .html document of ``--docs`` (default ../shared/corpus-real/docs; the held-out documents are
skipped by their file name's id before anything is read) is run through the real core path (no Prefect) twice:
as its raw text (an HTML page's visible text, as ``polex`` decodes it and as ``run_layout`` perturbs it) and as
that text under ``--layout`` (``pipeline.qa.layouts``).  The perturbed rows are carried back to raw offsets
through the layout's origin map.  A target is in one form only when no target of the other form overlaps it; a
heading when no heading of the other form starts where it does.  Prints per document the counts (extra: the
layout's rows no raw row matches; missing: raw rows the layout lost) and each row with its raw context.  No gold
is needed: the unperturbed output is the reference, so any document shows what a layout changes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.errors import IngestError  # noqa: E402
from pipeline.process import process_document  # noqa: E402
from pipeline.qa.fixtures import held_out_ids, run_core  # noqa: E402
from pipeline.qa.gold import read_document_text  # noqa: E402
from pipeline.qa.layouts import PERTURBATIONS, Perturbed  # noqa: E402
from pipeline.qa.model import Span  # noqa: E402
from pipeline.qa.tables import find_document, index_by_name, load_out  # noqa: E402
from pipeline.reading.reader import read_document  # noqa: E402

# ../shared/corpus-real beside the repository, or beside the folder of worktrees (as benchmarks/scale.py looks)
DOCS = next(
    (b / "shared" / "corpus-real" / "docs" for b in (ROOT.parent, ROOT.parent.parent) if (b / "shared").is_dir()),
    ROOT.parent / "shared" / "corpus-real" / "docs",
)
# Held out (realblind9, realheld): never read, decided by the file name's id alone.
HELD_OUT = held_out_ids(ROOT / "tests" / "fixtures")
SUFFIXES = (".txt", ".html")
LABELS = ("target", "heading")


@dataclass(frozen=True)
class Row:
    label: str
    start: int  # raw offsets
    end: int
    text: str  # as the form that found it wrote it


def allowed_documents(docs: Path, only: tuple[str, ...]) -> list[Path]:
    """Every .txt/.html document under ``docs`` whose id is not held out (``only``: these ids)."""
    paths = []
    for path in sorted(docs.rglob("*")):
        doc_id = re.match(r"\d{4}", path.name)
        if not path.is_file() or path.suffix.lower() not in SUFFIXES or not doc_id:
            continue
        if doc_id.group() in HELD_OUT or (only and doc_id.group() not in only):
            continue
        paths.append(path)
    return paths


def raw_rows(spans: list[Span]) -> list[Row]:
    return [Row(s.label, s.start, s.end, s.text) for s in spans if s.label in LABELS]


def carried_rows(spans: list[Span], perturbed: Perturbed) -> list[Row]:
    """The perturbed form's rows at raw offsets: from the source of their first to after that of their last
    source character (an inserted character has none)."""
    rows = []
    for span in spans:
        if span.label not in LABELS:
            continue
        sources = [int(o) for o in perturbed.origin[span.start : span.end] if o >= 0]
        if sources:
            rows.append(Row(span.label, sources[0], sources[-1] + 1, span.text))
    return rows


def _matches(row: Row, other: Row) -> bool:
    if row.label != other.label:
        return False
    if row.label == "heading":  # a heading's end is its line's end, which one_line text has not
        return row.start == other.start
    return row.start < other.end and other.start < row.end


def only_in(rows: list[Row], others: list[Row]) -> list[Row]:
    return [row for row in rows if not any(_matches(row, other) for other in others)]


def diff_document(raw: str, base: list[Span], changed: list[Span], perturbed: Perturbed, context: int) -> dict:
    """The rows of one form only, with their raw context."""
    before, after = raw_rows(base), carried_rows(changed, perturbed)

    def shown(row: Row) -> dict:
        left = raw[max(0, row.start - context) : row.start].replace("\n", "⏎")
        right = raw[row.end : row.end + context].replace("\n", "⏎")
        return {"label": row.label, "start": row.start, "text": row.text, "context": f"{left}【{row.text}】{right}"}

    return {"extra": [shown(r) for r in only_in(after, before)], "missing": [shown(r) for r in only_in(before, after)]}


def _processable(tmp: Path, name: str, forms: tuple[str, ...]) -> bool:
    """Whether the core reads ``name`` in every form; a document it refuses (only boilerplate) is dropped."""
    try:
        for form in forms:
            process_document(read_document(tmp / form, name))
    except IngestError as exc:
        print(f"skipped {name}: {exc.message}", file=sys.stderr)
        for form in forms:
            (tmp / form / name).unlink()
        return False
    return True


def run(docs: Path, layout: str, only: tuple[str, ...], context: int) -> dict[str, dict]:
    """doc name -> its rows in one form only."""
    perturb = PERTURBATIONS[layout]
    texts: dict[str, tuple[str, Perturbed]] = {}
    with tempfile.TemporaryDirectory(prefix="polex-layout-diff-") as tmp:
        for path in allowed_documents(docs, only):
            raw, _ = read_document_text(path)
            perturbed = perturb(raw)
            name = path.stem + ".txt"  # both forms as text: the layout is of the decoded text
            for form, text in (("raw", raw), (layout, perturbed.text)):
                (Path(tmp) / form).mkdir(exist_ok=True)
                (Path(tmp) / form / name).write_text(text, encoding="utf-8")
            if _processable(Path(tmp), name, ("raw", layout)):
                texts[name] = (raw, perturbed)
        outs = {
            form: index_by_name(load_out(run_core(Path(tmp) / form, Path(tmp) / f"out-{form}")))
            for form in ("raw", layout)
        }
    report = {}
    for name, (raw, perturbed) in texts.items():
        base, changed = find_document(outs["raw"], name), find_document(outs[layout], name)
        report[name] = diff_document(
            raw, base.spans if base else [], changed.spans if changed else [], perturbed, context
        )
    return report


def _print(report: dict[str, dict]) -> None:
    totals = {(kind, label): 0 for kind in ("extra", "missing") for label in LABELS}
    for name, diff in report.items():
        for kind in ("extra", "missing"):
            for label in LABELS:
                totals[kind, label] += sum(1 for r in diff[kind] if r["label"] == label)
        if not diff["extra"] and not diff["missing"]:
            continue
        counts = " ".join(f"{k}:{len(diff[k])}" for k in ("extra", "missing"))
        print(f"== {name}  {counts}")
        for kind in ("extra", "missing"):
            for row in diff[kind]:
                print(f"  {kind:7} {row['label']:7} @{row['start']:<6} {row['context']}")
    print("TOTAL", " ".join(f"{k}-{label}:{n}" for (k, label), n in totals.items()), f"docs:{len(report)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", default="one_line", choices=sorted(PERTURBATIONS))
    parser.add_argument("--docs", type=Path, default=DOCS)
    parser.add_argument("--only", default="", help="comma-separated document ids")
    parser.add_argument("--context", type=int, default=30)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    only = tuple(i for i in args.only.split(",") if i)
    report = run(args.docs, args.layout, only, args.context)
    _print(report)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
