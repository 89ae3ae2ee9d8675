"""Layout robustness: per-label F1 of every gold set of .txt documents under the layouts real crawls produce.

    python benchmarks/layout_robustness.py [--sets realdev,realblind2] [--layouts one_line,hard_wrap] [--json F]

Each gold set (every row of ``SETS`` in tests/test_realblind.py, realdev, realdeadline; never realheld, nor
realblind9, the blind set held out) is perturbed by each layout of ``pipeline.qa.layouts`` (its gold carried
along through the perturbation's origin map), run through the real core path (no Prefect) and scored with
``polex eval``'s scorer; headings whose line the layout changed are compared on their start only
(``pipeline.qa.layouts``' docstring says why).  Prints, per label, F1 unperturbed (``none``) and under each
layout, over all sets pooled, then per set.  For development: the tables of docs/layout-robustness-log.md (README "Layout robustness"
sums them up).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pipeline.qa.fixtures import HELD_OUT_SETS  # noqa: E402
from pipeline.qa.labels import LABELS  # noqa: E402
from pipeline.qa.layout_scores import run_layout  # noqa: E402
from pipeline.qa.layouts import PERTURBATIONS  # noqa: E402
from pipeline.qa.scoring import DocResult, score  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
NEVER = frozenset(HELD_OUT_SETS)  # held out (realblind8 released to TG11 in the session of 05:38)
EXTRA_SETS = {"realdev": None, "realdeadline": ("deadline",)}  # set -> the labels its gold annotates


def gold_sets() -> dict[str, tuple[str, ...] | None]:
    """Every set to measure -> the labels scored (None: all)."""
    from test_realblind import SETS  # the blind and development rows (tests/ is on sys.path)

    # each row's own labels, as test_realblind scores it (the work reports' gold: targets and deadlines only)
    sets: dict[str, tuple[str, ...] | None] = {s.name: s.labels for s in SETS if s.name not in NEVER}
    sets.update(EXTRA_SETS)
    return sets


def measure(sets: dict[str, tuple[str, ...] | None], layouts: list[str]) -> dict[str, dict[str, dict]]:
    """set -> layout -> polex eval's report (labels, micro); ``all`` pools every set."""
    reports: dict[str, dict[str, dict]] = {"all": {}}
    pooled: dict[str, list[DocResult]] = {layout: [] for layout in layouts}
    with tempfile.TemporaryDirectory(prefix="polex-layouts-") as tmp:
        for name, labels in sets.items():
            reports[name] = {}
            for layout in layouts:
                results = run_layout(FIXTURES / name, layout, Path(tmp) / name / layout, labels)
                reports[name][layout] = _scores(score(results), labels)
                pooled[layout] += results
                print(f"{name:13} {layout:18} micro {reports[name][layout]['micro']:.3f}", file=sys.stderr)
    for layout in layouts:
        reports["all"][layout] = _scores(score(pooled[layout]), None)
    return reports


def _scores(report: dict, labels: tuple[str, ...] | None) -> dict:
    kept = labels or LABELS
    return {
        "labels": {label: round(report["labels"][label]["f1"], 3) for label in kept},
        "gold": {label: report["labels"][label]["gold"] for label in kept},
        "micro": round(report["micro_f1"], 3),
    }


def table(reports: dict[str, dict[str, dict]], layouts: list[str]) -> str:
    """Markdown: one row per set and label (and micro), one column per layout."""
    lines = ["| set | label | " + " | ".join(layouts) + " |", "|---|---|" + "---:|" * len(layouts)]
    for name, by_layout in reports.items():
        labels = list(by_layout[layouts[0]]["labels"]) + ["micro"]
        for label in labels:
            cells = [_cell(by_layout[layout], by_layout[layouts[0]], label) for layout in layouts]
            lines.append(f"| {name} | {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(scores: dict, base: dict, label: str) -> str:
    value = scores["micro"] if label == "micro" else scores["labels"][label]
    reference = base["micro"] if label == "micro" else base["labels"][label]
    delta = value - reference
    return f"{value:.3f}" if abs(delta) < 0.0005 else f"{value:.3f} ({delta:+.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", help="comma-separated set names (default: every set)")
    parser.add_argument("--layouts", help="comma-separated layouts (default: all); `none` is always first")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    sets = gold_sets()
    if args.sets:
        wanted = args.sets.split(",")
        if NEVER & set(wanted):
            parser.error(f"never measured here: {', '.join(sorted(NEVER & set(wanted)))}")
        sets = {name: sets.get(name) for name in wanted}
    layouts = ["none"] + (args.layouts.split(",") if args.layouts else list(PERTURBATIONS))
    reports = measure(sets, layouts)
    print(table(reports, layouts))
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
