"""`polex audit OUT`: per document, the cues no extraction covers, and coverage figures (pipeline/qa/audit.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from pipeline.cli.console import report_console
from pipeline.cli.thresholds import parse_thresholds
from pipeline.errors import OutError, UserError
from pipeline.qa.audit import KINDS, audit_out, coverage, report_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, metavar="OUT", help="OUT folder written by `polex run`")
    parser.add_argument("--json", action="store_true", help="print coverage and uncovered cues as JSON on stdout")
    parser.add_argument("--kind", action="append", choices=KINDS, help="only this kind of cue (repeatable)")
    parser.add_argument("--limit", type=int, default=0, help="list at most N uncovered cues per document (0: all)")
    parser.add_argument("--summary", action="store_true", help="only the coverage figures, no per-document list")
    parser.add_argument(
        "--min-coverage",
        nargs="+",
        default=[],
        metavar="KIND=X",
        help="exit 1 when a kind's coverage is below X, e.g. --min-coverage responsibility=0.95",
    )


def parse_floors(items: list[str]) -> dict[str, float]:
    return parse_thresholds("--min-coverage", items, KINDS, "KIND")


def _one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", "⏎")


def print_human(audits, kinds, limit: int, summary: bool) -> None:
    console = report_console(highlight=False)
    if not summary:
        for a in audits:
            if not a.uncovered:
                continue
            console.rule(f"[bold]{escape(a.doc)}[/] — {len(a.uncovered)} uncovered")
            shown = a.uncovered[:limit] if limit else a.uncovered
            for c in shown:
                where = f"{c.raw_start}" if c.raw_start is not None else f"norm {c.norm_start}"
                console.print(
                    f"[bold]{c.kind:<14}[/] [dim]{escape(c.cue):<16}[/] {where:>6}  "
                    f"{escape(_one_line(c.before))}[reverse]{escape(_one_line(c.text))}[/]{escape(_one_line(c.after))}"
                )
            if len(shown) < len(a.uncovered):
                console.print(f"[dim]… {len(a.uncovered) - len(shown)} more (raise --limit)[/]")
    table = Table(title=f"polex audit: coverage over {len(audits)} documents")
    for col in ("kind", "cue", "cues", "covered", "ratio"):
        table.add_column(col, justify="left" if col in ("kind", "cue") else "right")
    for kind, figures in coverage(audits, kinds).items():
        table.add_row(
            f"[bold]{kind}[/]",
            "[bold]all[/]",
            str(figures["cues"]),
            str(figures["covered"]),
            f"[bold]{figures['ratio']:.3f}[/]",
        )
        for cue, f in figures["by_cue"].items():
            table.add_row("", escape(cue), str(f["cues"]), str(f["covered"]), f"{f['ratio']:.3f}")
    console.print(table)


def main(args: argparse.Namespace) -> int:
    floors = parse_floors(args.min_coverage)
    kinds = tuple(args.kind or KINDS)
    try:
        audits = audit_out(args.out, kinds)
    except OutError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print(json.dumps(report_json(audits, kinds), ensure_ascii=False, indent=1))
    else:
        print_human(audits, kinds, args.limit, args.summary)
    figures = coverage(audits, kinds)
    misses = [
        f"{k} {figures[k]['ratio']:.3f} < {x}" for k, x in floors.items() if k in figures and figures[k]["ratio"] < x
    ]
    for miss in misses:
        print(f"polex audit: below floor: {miss}", file=sys.stderr)
    return 1 if misses else 0
