"""`polex eval --gold GOLD --out OUT`: per label precision, recall and F1 (scoring.py's definitions)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pipeline.cli.console import report_console
from pipeline.cli.thresholds import parse_thresholds
from pipeline.errors import GoldError, OutError, UserError
from pipeline.qa.evaluate import META, evaluate, missed_floors, missed_meta_floors, parse_labels
from pipeline.qa.indicator import SUBLABEL
from pipeline.qa.labels import LABELS, SCORED_META_FIELDS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, type=Path, help="folder of gold .json files (shared/gold/GUIDE.md)")
    parser.add_argument("--out", required=True, type=Path, help="OUT folder written by `polex run`")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON on stdout")
    parser.add_argument(
        "--min-f1",
        nargs="+",
        default=[],
        metavar="LABEL=X",
        help="exit 1 when a label's F1 (or micro=X, target·indicator=X) is below X, e.g. --min-f1 heading=0.9 micro=0.5",
    )
    parser.add_argument(
        "--min-meta",
        nargs="+",
        default=[],
        metavar="FIELD=X",
        help="exit 1 when a meta field's accuracy (or all=X, over every field gold has) is below X, "
        "e.g. --min-meta title=0.95 province=0.95",
    )
    parser.add_argument("--per-doc", action="store_true", help="also show the per-document breakdown (human view)")
    parser.add_argument(
        "--labels",
        metavar="LABEL[,LABEL]",
        help="score only these labels (a gold set that annotates only some, e.g. --labels deadline); "
        "meta is then not scored unless named: --labels meta scores the metadata alone (a meta-only gold set)",
    )


FLOOR_NAMES = (*LABELS, SUBLABEL, "micro")
_ALIASES = {"target.indicator": SUBLABEL}  # the same, typed without the middle dot


def parse_floors(items: list[str]) -> dict[str, float]:
    return parse_thresholds("--min-f1", items, FLOOR_NAMES, "LABEL", _ALIASES)


META_FLOOR_NAMES = (*SCORED_META_FIELDS, "all")


def parse_meta_floors(items: list[str]) -> dict[str, float]:
    return parse_thresholds("--min-meta", items, META_FLOOR_NAMES, "FIELD")


def _meta_table(meta: dict) -> Table:
    table = Table(title="meta fields (exact match with gold)")
    for col in ("field", "right", "gold", "accuracy"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name in SCORED_META_FIELDS:
        if name in meta["fields"]:
            s = meta["fields"][name]
            table.add_row(name, str(s["right"]), str(s["total"]), f"{s['accuracy']:.3f}")
    table.add_row("[bold]all[/]", str(meta["right"]), str(meta["total"]), f"[bold]{meta['accuracy']:.3f}[/]")
    return table


def _score_row(name: str, s: dict, bold_f1: bool = False) -> list[str]:
    f1 = f"[bold]{s['f1']:.3f}[/]" if bold_f1 else f"{s['f1']:.3f}"
    matched = str(s["matched"]) if "matched" in s else ""
    return [name, f"{s['p']:.3f}", f"{s['r']:.3f}", f1, str(s["gold"]), str(s["pred"]), matched, str(s["correct"])]


def _scores_table(report: dict) -> Table:
    table = Table(title="polex eval", show_lines=False)
    for col in ("label", "P", "R", "F1", "gold", "pred", "matched", "correct"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for label, s in report["labels"].items():
        table.add_row(*_score_row(label, s))
    for name, s in report["sublabels"].items():  # beside the labels, not in the micro average
        table.add_row(*_score_row(f"[dim]{name}[/]", s))
    table.add_row(*_score_row("[bold]micro[/]", report["micro"], bold_f1=True))
    return table


def _per_doc_table(report: dict) -> Table:
    docs = Table(title="per document (F1)")
    docs.add_column("document")
    labels = list(report["labels"])  # LABELS, or the --labels subset
    for label in labels:
        docs.add_column(label, justify="right")
    docs.add_column("micro", justify="right")
    for name, d in report["documents"].items():
        docs.add_row(name, *(f"{d['labels'][l]['f1']:.2f}" for l in labels), f"{d['micro_f1']:.2f}")
    return docs


def _print_meta(console: Console, meta: dict) -> None:
    wrong = ", ".join(f"{k} {v}" for k, v in sorted(meta["wrong_by_field"].items())) or "none"
    console.print(f"meta accuracy: {meta['accuracy']:.3f} ({meta['right']}/{meta['total']} fields; wrong: {wrong})")
    if meta["fields"]:
        console.print(_meta_table(meta))


def print_human(report: dict, per_doc: bool) -> None:
    console = report_console()
    if report["labels"]:  # none under --labels meta
        console.print(_scores_table(report))
        console.print(f"[dim]{SUBLABEL}: targets also naming gold's indicator (character F1 >= 0.6); not in micro[/]")
    for note in report["notes"]:
        console.print(f"[yellow]{escape(note)}[/]")
    if report["needs_attrs"]:
        console.print(
            f"[yellow]{report['needs_attrs']} gold spans still need attributes (`polex gold validate`); "
            "they are scored with null attributes[/]"
        )
    scored = report.get("scored_labels")
    if scored is not None:
        unscored = "" if META in scored else "; meta not scored"
        console.print(f"[dim]scored labels: {', '.join(scored)} (--labels){unscored}[/]")
    if scored is None or META in scored:
        _print_meta(console, report["meta"])
    if report["attr_errors"]:
        console.print("attribute errors among matched spans (* = key attribute, decides correctness):")
        for name, count in report["attr_errors"].items():
            star = "*" if name in report["key_attr_errors"] else " "
            console.print(f"  {star} {name} wrong: {count}")
    if per_doc:
        console.print(_per_doc_table(report))


def main(args: argparse.Namespace) -> int:
    floors = parse_floors(args.min_f1)
    meta_floors = parse_meta_floors(args.min_meta)
    try:
        labels = parse_labels(args.labels) if args.labels else None
    except ValueError as exc:
        raise UserError(f"--labels {exc}") from None
    try:
        report, _ = evaluate(args.gold, args.out, labels)
    except (GoldError, OutError) as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_human(report, args.per_doc)
    misses = missed_floors(report, floors) + missed_meta_floors(report, meta_floors)
    for miss in misses:
        print(f"polex eval: below floor: {miss}", file=sys.stderr)
    return 1 if misses else 0
