"""`polex gold`: validate gold files; export to / import from Label Studio, doccano, spaCy DocBin.

    polex gold validate GOLD --corpus CORPUS
    polex gold export (--out OUT | --gold GOLD --corpus CORPUS) --format F --to FILE
    polex gold import --format F FILE --corpus CORPUS --to GOLD
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

FORMATS = ("labelstudio", "doccano", "docbin")


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


def _check_corpus(corpus: Path | None) -> None:
    """One line for a wrong --corpus, instead of one "not found" line per gold document."""
    from pipeline.cli import UserError

    if corpus is not None and not corpus.is_dir():
        raise UserError(f"corpus folder {corpus} does not exist or is not a folder; pass --corpus with the documents folder")


def _validate(args) -> int:
    from pipeline.qa.gold import gold_files, validate_dir

    _check_corpus(args.corpus)

    errors = validate_dir(args.gold, args.corpus)
    for line in errors:
        print(line)
    n = len(gold_files(args.gold))
    checked = "shape, offsets, text and sha256" if args.corpus else "shape only (pass --corpus for offsets)"
    print(f"{n} gold files, {len(errors)} problems ({checked})")
    return 1 if errors else 0


def _gold_with_text(gold_dir: Path, corpus: Path | None):
    from pipeline.cli import UserError
    from pipeline.qa.gold import find_in_corpus, load_gold_dir, read_document_text

    if corpus is None:
        raise UserError("export --gold needs --corpus CORPUS (the tools need the document text)")
    _check_corpus(corpus)
    docs = load_gold_dir(gold_dir)
    for doc in docs:
        path = find_in_corpus(corpus, doc.doc)
        if path is None:
            raise UserError(f"{gold_dir}: document {doc.doc!r} not found under {corpus}")
        doc.raw_text = read_document_text(path)[0]
    return docs


def _export(args) -> int:
    from pipeline.qa.tables import load_out

    as_predictions = args.out is not None
    docs = list(load_out(args.out).values()) if as_predictions else _gold_with_text(args.gold, args.corpus)
    args.to.parent.mkdir(parents=True, exist_ok=True)
    if args.format == "labelstudio":
        from pipeline.qa import labelstudio

        args.to.write_text(labelstudio.dumps(docs, as_predictions=as_predictions), encoding="utf-8")
    elif args.format == "doccano":
        from pipeline.qa import doccano

        args.to.write_text(doccano.dumps(docs), encoding="utf-8")
    else:
        from pipeline.qa import spacy_bridge

        args.to.write_bytes(spacy_bridge.to_docbin_bytes(docs))
    print(f"wrote {len(docs)} documents, {sum(len(d.spans) for d in docs)} spans to {args.to} ({args.format})")
    return 0


def _read_import(args):
    if args.format == "docbin":
        from pipeline.qa import spacy_bridge

        return spacy_bridge.from_docbin_bytes(args.file.read_bytes())
    from pipeline.qa import doccano, labelstudio

    module = labelstudio if args.format == "labelstudio" else doccano
    return module.loads(args.file.read_text(encoding="utf-8"), str(args.file))


def _corpus_by_text(corpus: Path) -> dict[str, Path]:
    """Corpus files by the sha256 of their decoded text, for imports that lost the doc name."""
    index = {}
    for path in sorted(corpus.rglob("*.txt")):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        index.setdefault(hashlib.sha256(text.encode()).hexdigest(), path)
    return index


def _import(args) -> int:
    from pipeline.cli import UserError
    from pipeline.qa.gold import find_in_corpus, read_document_text, shape_errors, text_errors, write_gold

    _check_corpus(args.corpus)
    docs = _read_import(args)
    by_text = None
    problems, ready = [], []
    for n, doc in enumerate(docs):
        where = f"{args.file}: document {doc.doc or n}"
        path = find_in_corpus(args.corpus, doc.doc) if doc.doc else None
        if path is None:
            by_text = by_text if by_text is not None else _corpus_by_text(args.corpus)
            path = by_text.get(hashlib.sha256((doc.raw_text or "").encode()).hexdigest())
        if path is None:
            problems.append(f"{where}: no corpus file under {args.corpus} has this name or this exact text")
            continue
        raw_text, sha = read_document_text(path)
        if doc.raw_text is not None and doc.raw_text != raw_text:
            problems.append(f"{where}: the tool's text differs from {path} (line endings changed?); "
                            "re-import the task from the corpus file")
            continue
        doc.doc = path.relative_to(args.corpus).as_posix()
        doc.sha256 = sha
        data = doc.to_gold_json()
        errors = shape_errors(where, data) or text_errors(where, doc, raw_text, sha)
        if errors:
            problems.extend(errors)
            continue
        ready.append(doc)
    for line in problems:
        print(line)
    if problems:
        raise UserError(f"{len(problems)} problems in {args.file}; nothing written (fix the export and retry)")
    for doc in ready:
        write_gold(doc, args.to)
    print(f"wrote {len(ready)} gold files to {args.to}")
    return 0


def main(args: argparse.Namespace) -> int:
    from pipeline.cli import UserError
    from pipeline.qa.gold import GoldError
    from pipeline.qa.labelstudio import ImportFormatError
    from pipeline.qa.tables import OutError

    handlers = {"validate": _validate, "export": _export, "import": _import}
    try:
        return handlers[args.gold_command](args)
    except (GoldError, OutError, ImportFormatError) as exc:
        raise UserError(str(exc)) from exc
