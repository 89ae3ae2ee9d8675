"""`polex gold`: validate gold files; export to / import from Label Studio, doccano, spaCy DocBin.

polex gold validate GOLD --corpus CORPUS
polex gold export (--out OUT | --gold GOLD --corpus CORPUS) --format F --to FILE
polex gold import --format F FILE --corpus CORPUS --to GOLD [--accept-predictions]
polex gold config --format labelstudio|doccano
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.errors import GoldError, ImportFormatError, OutError, UserError
from pipeline.qa.exchange import FORMATS, gold_with_text, match_import, read_export, summary_lines, write_export
from pipeline.qa.gold import gold_files, validate_dir, write_gold
from pipeline.qa.tables import load_out
from pipeline.qa.tool_config import doccano_labels, labelstudio_config


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="gold_command", required=True)
    v = sub.add_parser("validate", help="check gold files: shape, labels, attrs, offsets, text, sha256")
    v.add_argument("gold", type=Path, help="folder of gold .json files")
    v.add_argument("--corpus", type=Path, help="corpus folder: also check offsets, text and sha256 against it")

    e = sub.add_parser("export", help="write OUT (as pre-annotations) or gold for an annotation tool")
    src = e.add_mutually_exclusive_group(required=True)
    src.add_argument("--out", type=Path, help="OUT folder written by `polex run`: exported as predictions")
    src.add_argument("--gold", type=Path, help="gold folder (needs --corpus): exported as annotations")
    e.add_argument("--corpus", type=Path, help="corpus folder holding the gold documents")
    e.add_argument("--format", required=True, choices=FORMATS)
    e.add_argument("--to", required=True, type=Path, help="file to write (.json, .jsonl or .spacy)")

    i = sub.add_parser("import", help="turn an annotation tool's export into gold files")
    i.add_argument("file", type=Path, help="the tool's export file")
    i.add_argument("--format", required=True, choices=FORMATS)
    i.add_argument("--corpus", required=True, type=Path, help="corpus folder holding the annotated documents")
    i.add_argument("--to", required=True, type=Path, help="gold folder to write <doc>.json files into")
    i.add_argument(
        "--accept-predictions",
        action="store_true",
        help="also write documents nobody reviewed (the tool's file holds only polex's predictions)",
    )

    c = sub.add_parser("config", help="print the annotation tool's project settings for polex's labels")
    c.add_argument(
        "--format",
        required=True,
        choices=("labelstudio", "doccano"),
        help="labelstudio: the labeling config XML; doccano: the label list to import",
    )


def _check_corpus(corpus: Path | None) -> None:
    """One line for a wrong --corpus, instead of one "not found" line per gold document."""
    if corpus is not None and not corpus.is_dir():
        raise UserError(
            f"corpus folder {corpus} does not exist or is not a folder; pass --corpus with the documents folder"
        )


def _validate(args) -> int:
    _check_corpus(args.corpus)
    errors = validate_dir(args.gold, args.corpus)
    for line in errors:
        print(line)
    n = len(gold_files(args.gold))
    checked = "shape, offsets, text and sha256" if args.corpus else "shape only (pass --corpus for offsets)"
    print(f"{n} gold files, {len(errors)} problems ({checked})")
    return 1 if errors else 0


def _export(args) -> int:
    as_predictions = args.out is not None
    if as_predictions:
        docs = list(load_out(args.out).values())
    else:
        if args.corpus is None:
            raise UserError("export --gold needs --corpus CORPUS (the tools need the document text)")
        _check_corpus(args.corpus)
        docs = gold_with_text(args.gold, args.corpus)
    write_export(docs, args.format, args.to, as_predictions)
    print(f"wrote {len(docs)} documents, {sum(len(d.spans) for d in docs)} spans to {args.to} ({args.format})")
    return 0


def _import(args) -> int:
    _check_corpus(args.corpus)
    result = match_import(read_export(args.file, args.format), args.file, args.corpus, args.accept_predictions)
    for line in result.problems:
        print(line)
    if result.problems:
        raise UserError(f"{len(result.problems)} problems in {args.file}; nothing written (fix the export and retry)")
    for line in summary_lines(result):
        print(line)
    if not result.ready and result.unreviewed:
        raise UserError(
            f"{args.file}: every document is unreviewed predictions, nothing written; review them in the "
            "tool and export again, or pass --accept-predictions to take them as gold"
        )
    for doc in result.ready:
        write_gold(doc, args.to)
    print(f"wrote {len(result.ready)} gold files to {args.to}")
    return 0


def _config(args) -> int:
    print(labelstudio_config() if args.format == "labelstudio" else doccano_labels(), end="")
    return 0


def main(args: argparse.Namespace) -> int:
    handlers = {"validate": _validate, "export": _export, "import": _import, "config": _config}
    try:
        return handlers[args.gold_command](args)
    except (GoldError, OutError, ImportFormatError) as exc:
        raise UserError(str(exc)) from exc
