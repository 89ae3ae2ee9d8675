"""`polex diff`: every missed, spurious and changed span with its context.

``--gold GOLD --out OUT`` compares a run with the gold files; ``--base OUT_A
--out OUT_B`` compares two runs.  Terminal view by default; ``--html FILE``
also writes a self-contained report (report_html.py).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.markup import escape

from pipeline.cli.console import report_console
from pipeline.errors import GoldError, OutError, UserError
from pipeline.qa.diff import collect
from pipeline.qa.differences import describe_attrs, differences_json, filter_differences
from pipeline.qa.labels import DIFF_KINDS, LABELS

KIND_STYLE = {
    "missed": "bold red",
    "spurious": "bold yellow",
    "changed": "bold magenta",
    "indicator": "magenta",
    "boundary": "cyan",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    side = parser.add_mutually_exclusive_group(required=True)
    side.add_argument("--gold", type=Path, help="folder of gold .json files: compare OUT with them")
    side.add_argument("--base", type=Path, help="an earlier OUT folder: compare OUT with it")
    parser.add_argument("--out", required=True, type=Path, help="OUT folder written by `polex run`")
    parser.add_argument("--label", action="append", choices=LABELS, help="only this label (repeatable)")
    parser.add_argument("--kind", action="append", choices=DIFF_KINDS, help="only this kind of difference (repeatable)")
    parser.add_argument("--html", type=Path, metavar="FILE", help="also write a self-contained HTML report")
    parser.add_argument("--limit", type=int, default=0, help="show at most N differences per document (0: all)")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"differences": [{"doc", "label", "kind", "base", "new", "context"}, ...]} instead',
    )


def _one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", "⏎")


def print_terminal(doc_diffs, mode: str, limit: int) -> None:
    console = report_console(highlight=False)
    left_name, right_name = ("gold", "predicted") if mode == "gold" else ("base", "new")
    total = 0
    for d in doc_diffs:
        if not d.differences:
            continue
        missing = "" if d.right is not None else f" [red](no {right_name} document)[/]"
        if d.left is None:
            missing = f" [yellow](no {left_name} document)[/]"
        console.rule(f"[bold]{escape(d.doc)}[/] — {len(d.differences)} differences{missing}")
        if d.note:
            console.print(f"[yellow]{escape(d.note)}[/]")
        shown = d.differences[:limit] if limit else d.differences
        for x in shown:
            span = x.span
            line = (
                f"[{KIND_STYLE[x.kind]}]{x.kind:<8}[/] [bold]{x.label:<16}[/] {span.start}:{span.end} "
                f"[dim]{escape(_one_line(x.heading)[:24])} ›[/] "
                f"{escape(_one_line(x.before))}[reverse]{escape(_one_line(span.text))}[/]{escape(_one_line(x.after))}"
            )
            if x.kind in ("changed", "indicator", "boundary") and x.right is not None and x.left is not None:
                if (x.left.start, x.left.end) != (x.right.start, x.right.end):
                    line += f"  [dim]{right_name}:[/] {x.right.start}:{x.right.end} {escape(_one_line(x.right.text))}"
                detail = describe_attrs(x)
                if detail:
                    line += f"  [magenta]{escape(detail)}[/]"
            console.print(line)
        if len(shown) < len(d.differences):
            console.print(f"[dim]… {len(d.differences) - len(shown)} more (raise --limit)[/]")
        total += len(d.differences)
    console.print(f"[bold]{total}[/] differences in {sum(1 for d in doc_diffs if d.differences)} documents")


def check_report_path(path: Path) -> None:
    """Fail before any diff is printed when the report cannot be written: a file in
    the way of its folder, or the path is a folder.  Nothing is created here."""

    if path.is_dir():
        raise UserError(f"--html {path} is a folder; pass a file path such as {path / 'diff.html'}")
    ancestor = path.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise UserError(f"{ancestor} is a file, not a folder: cannot write --html {path} under it; choose another path")


def main(args: argparse.Namespace) -> int:

    if args.html:
        check_report_path(args.html)
    try:
        doc_diffs, mode = collect(args.out, gold=args.gold, base=args.base)
    except (GoldError, OutError) as exc:
        raise UserError(str(exc)) from exc
    if args.html:
        # Deferred: the report renders with spaCy's displaCy, whose import costs 0.8 s
        # (measured) and which is the optional `qa` extra; the terminal view needs neither.
        try:
            from pipeline.qa.report_html import render_report
        except ImportError as exc:
            raise UserError(f"--html needs spaCy's displaCy ({exc}): pip install 'polex[qa]'") from exc

        # The HTML keeps every difference; its own filters hide them client-side.
        args.html.parent.mkdir(parents=True, exist_ok=True)
        args.html.write_text(render_report(doc_diffs, mode), encoding="utf-8")
    filter_differences(doc_diffs, set(args.label or []), set(args.kind or []))
    if args.json:
        print(json.dumps(differences_json(doc_diffs), ensure_ascii=False, indent=1))
        return 0
    print_terminal(doc_diffs, mode, args.limit)
    if args.html:
        print(f"HTML report: {args.html}")
    return 0
