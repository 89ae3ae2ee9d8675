"""`polex compare OUT DOC_A DOC_B`: the two documents' linked targets side by side."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from rich.markup import escape
from rich.table import Table

from pipeline.cli.console import report_console
from pipeline.errors import UserError
from pipeline.linking import TARGET_COLUMNS
from pipeline.linking.compare import compare_documents
from pipeline.linking.regions import REGION_COLUMNS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, metavar="OUT", help="OUT folder written by `polex run`")
    parser.add_argument(
        "doc_a",
        metavar="DOC_A",
        help="a document: its doc_id or source_path, or a unique start of its file name or path",
    )
    parser.add_argument("doc_b", metavar="DOC_B", help="the other document")
    parser.add_argument("--json", action="store_true", help="print the linked pairs as JSON lines instead of a table")


def _table(out: Path, name: str) -> Path:
    path = out / f"{name}.parquet"
    if not out.is_dir():
        raise UserError(f"{out}: not a folder; pass the OUT folder `polex run` wrote")
    if not path.exists():
        raise UserError(f"{path}: missing; run `polex run CORPUS --out {out}` first")
    return path.resolve()  # once: the version current now, even if a run publishes meanwhile


def _resolve(documents: pa.Table, given: str) -> str:
    """The doc_id a user means: a doc_id, a source_path, a unique path ending
    (``corpus/002_….txt``), a unique start of a file name (``002``) or of a path (``hfs/0001``)."""
    doc_ids, paths = documents.column("doc_id").to_pylist(), documents.column("source_path").to_pylist()
    for doc_id, path in zip(doc_ids, paths):
        if given in (doc_id, path):
            return doc_id
    tail = given.replace("\\", "/").lstrip("./")
    endings = [
        doc_id
        for doc_id, path in zip(doc_ids, paths)
        if tail and (path.endswith("/" + tail) or tail.endswith("/" + path))
    ]
    if len(endings) == 1:
        return endings[0]
    # `002` starts a file name; `xvshiting/0148` (a folder of the corpus and a file's start) starts a path
    starts = [
        doc_id
        for doc_id, path in zip(doc_ids, paths)
        if tail and (path.rsplit("/", 1)[-1].startswith(tail) or ("/" in tail and path.startswith(tail)))
    ]
    if len(starts) == 1:
        return starts[0]
    if starts:
        raise UserError(
            f"{given!r} starts {len(starts)} documents' names ({', '.join(starts[:3])}, …); give more of the name"
        )
    close = difflib.get_close_matches(given, paths, n=3, cutoff=0.3)
    hint = (
        f"; did you mean {', '.join(close)}?"
        if close
        else f"; `polex compare` takes a doc_id or source_path of {len(paths)} documents"
    )
    raise UserError(f"no document {given!r} in the documents table{hint}")


def main(args: argparse.Namespace) -> int:
    doc_columns = ["doc_id", "source_path", "title", *REGION_COLUMNS, "admin_level"]
    documents_path = _table(args.out, "documents")
    present = [c for c in doc_columns if c in pq.ParquetDataset(documents_path).schema.names]  # a folder of parts
    documents = pq.read_table(documents_path, columns=present)
    doc_a, doc_b = _resolve(documents, args.doc_a), _resolve(documents, args.doc_b)
    if doc_a == doc_b:
        raise UserError(f"DOC_A and DOC_B are the same document ({doc_a}); name two documents")
    targets = pq.read_table(
        _table(args.out, "targets"), columns=TARGET_COLUMNS, filters=[("doc_id", "in", [doc_a, doc_b])]
    )
    rows = compare_documents(targets, doc_a, doc_b, documents)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    titles = dict(zip(documents.column("doc_id").to_pylist(), documents.column("title").to_pylist()))
    counts = {doc: sum(1 for d in targets.column("doc_id").to_pylist() if d == doc) for doc in (doc_a, doc_b)}
    print_table(rows, (doc_a, titles.get(doc_a), counts[doc_a]), (doc_b, titles.get(doc_b), counts[doc_b]))
    return 0


def print_table(rows: list[dict], a: tuple[str, str | None, int], b: tuple[str, str | None, int]) -> None:
    console = report_console(highlight=False)
    for label, (doc_id, title, count) in (("A", a), ("B", b)):
        console.print(f"[bold]{label}[/] {escape(doc_id)}  {escape(title or '(no title)')}  [dim]{count} targets[/]")
    if not rows:
        console.print(
            "[dim]No linked targets: no indicator of A is one of B's (see README, Targets across documents).[/]"
        )
        return
    table = Table(title=f"{len(rows)} linked targets", show_lines=False)
    table.add_column("indicator (A)", overflow="fold")
    table.add_column("A", justify="right", no_wrap=True)
    table.add_column("by", justify="right", no_wrap=True)
    table.add_column("indicator (B)", overflow="fold")
    table.add_column("B", justify="right", no_wrap=True)
    table.add_column("by", justify="right", no_wrap=True)
    table.add_column("sim", justify="right", no_wrap=True)
    for row in rows:
        table.add_row(
            escape(row["indicator_a"] or ""),
            escape(row["target_a"]),
            _year(row["deadline_year_a"]),
            escape(row["indicator_b"] or ""),
            escape(row["target_b"]),
            _year(row["deadline_year_b"]),
            f"{row['similarity']:.2f}",
        )
    console.print(table)


def _year(year: int | None) -> str:
    return str(year) if year is not None else "—"


if __name__ == "__main__":
    sys.exit(main(argparse.Namespace()))
