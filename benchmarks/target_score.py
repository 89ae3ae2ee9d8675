"""Targets on a gold set: F1, target·indicator, and every error with context.

    python benchmarks/target_score.py tests/fixtures/realdev [--errors] [--doc 0178]

Runs the real core path (no Prefect) over ``SET/docs``, scores it against
``SET/gold`` with ``polex eval``'s scorer and reports, for the ``target`` label,
P/R/F1 and target·indicator: a correct match whose indicator has a
bag-of-characters F1 >= 0.6 against gold's (``pipeline.qa.indicator``, what
``polex eval`` reports as target·indicator).  ``--errors`` lists missed, spurious, wrong and bad-indicator
spans with their context.  For development; never point it at realheld.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.qa.evaluate import evaluate  # noqa: E402
from pipeline.qa.fixtures import run_core  # noqa: E402
from pipeline.qa.indicator import INDICATOR_F1_FLOOR, char_f1  # noqa: E402

INDICATOR_F1 = INDICATOR_F1_FLOOR


def _context(raw: str, start: int, end: int, width: int = 20) -> str:
    before = raw[max(0, start - width) : start].replace("\n", "⏎")
    after = raw[end : end + width].replace("\n", "⏎")
    return f"{before}【{raw[start:end]}】{after}"


def _attrs(span) -> str:
    a = span.attrs
    return f"{a.get('indicator')!s} | {a.get('comparator')} {a.get('value')} {a.get('unit')} y={a.get('deadline_year')} r={a.get('recurring')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("set", type=Path)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--doc", default="")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if "realheld" in str(args.set):
        parser.error("realheld is scored in aggregate by its test only")
    out = args.out or Path(tempfile.mkdtemp(prefix="target_score_"))
    if not (out / "documents.parquet").exists():
        run_core(args.set / "docs", out)
    report, results = evaluate(args.set / "gold", out)
    t = report["labels"]["target"]
    good_ind = 0
    lines: list[str] = []
    for result in results:
        if args.doc and not result.doc.startswith(args.doc):
            continue
        raw = None
        for pair in result.pairs:
            if pair.gold.label != "target":
                continue
            f1 = char_f1(pair.gold.attrs.get("indicator"), pair.pred.attrs.get("indicator"))
            if pair.correct and f1 >= INDICATOR_F1:
                good_ind += 1
                continue
            raw = raw or _raw(result, args.set)
            kind = "WRONG" if not pair.correct else f"IND {f1:.2f}"
            lines.append(
                f"{result.doc[:4]} {kind}: gold {_context(raw, pair.gold.start, pair.gold.end)}\n"
                f"      gold: {_attrs(pair.gold)}\n      pred: {raw[pair.pred.start : pair.pred.end]} :: {_attrs(pair.pred)}"
            )
        for span in result.missed:
            if span.label == "target":
                raw = raw or _raw(result, args.set)
                lines.append(
                    f"{result.doc[:4]} MISSED: {_context(raw, span.start, span.end)}\n      gold: {_attrs(span)}"
                )
        for span in result.spurious:
            if span.label == "target":
                raw = raw or _raw(result, args.set)
                lines.append(
                    f"{result.doc[:4]} SPURIOUS: {_context(raw, span.start, span.end)}\n      pred: {_attrs(span)}"
                )
    if args.errors:
        print("\n".join(lines))
    ip = good_ind / t["pred"] if t["pred"] else 1.0
    ir = good_ind / t["gold"] if t["gold"] else 1.0
    ind = 2 * ip * ir / (ip + ir) if ip + ir else 0.0
    print(
        f"target P {t['p']:.3f} R {t['r']:.3f} F1 {t['f1']:.3f}  gold {t['gold']} pred {t['pred']} correct {t['correct']}"
        f"  target·indicator P {ip:.3f} R {ir:.3f} F1 {ind:.3f}"
    )
    for label, s in report["labels"].items():
        print(f"  {label:18s} F1 {s['f1']:.3f}")
    return 0


def _raw(result, set_dir: Path) -> str:
    from pipeline.reading.reader import read_document

    return read_document(set_dir / "docs", result.doc).raw_text


if __name__ == "__main__":
    raise SystemExit(main())
