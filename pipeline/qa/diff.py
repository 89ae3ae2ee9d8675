"""The differences ``polex diff`` shows: a run against gold, or two runs."""

from __future__ import annotations

from pathlib import Path

from pipeline.qa.differences import DocDiff, diff_gold, diff_runs
from pipeline.qa.gold import load_gold_dir
from pipeline.qa.tables import load_out


def collect(out: Path, gold: Path | None = None, base: Path | None = None) -> tuple[list[DocDiff], str]:
    """Per-document differences and the mode (``gold`` or ``base``): OUT against GOLD, else against BASE."""
    if gold is not None:
        return diff_gold(load_gold_dir(gold), load_out(out)), "gold"
    return diff_runs(load_out(base), load_out(out)), "base"
