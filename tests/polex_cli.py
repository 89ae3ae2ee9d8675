"""Helpers for the acceptance tests that drive the real ``polex`` CLI in subprocesses."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

from pipeline.errors import EXIT_USER_ERROR, UserError
from pipeline.process import all_schemas

REPO = Path(__file__).resolve().parents[1]
POLEX = Path(sys.executable).parent / "polex"
SEEDS = sorted((REPO / "corpus").glob("*.txt"))
RUN_TIMEOUT_S = 240
VOLATILE = ("ingested_at", "quarantined_at")  # run clocks: differ between two independent runs


def polex_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env


def run_polex(*args: str, timeout: float = RUN_TIMEOUT_S, **env_extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(POLEX), *args], capture_output=True, text=True, timeout=timeout, env=polex_env(**env_extra)
    )


def start_polex(*args: str, **env_extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(POLEX), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=polex_env(**env_extra)
    )


def make_corpus(root: Path, copies: int = 0) -> Path:
    """The seeds, plus ``copies`` extra copies of each under sub<i>/ (distinct doc_ids)."""
    root.mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, root / seed.name)
    for i in range(copies):
        sub = root / f"sub{i}"
        sub.mkdir()
        for seed in SEEDS:
            shutil.copy(seed, sub / seed.name)
    return root


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


SUMMARY = re.compile(
    r"^polex run: (?P<what>published|nothing changed, nothing published: kept) .* \(version (?P<run_id>\S+)\): "
    r"(?P<ingested>\d+) documents, (?P<quarantined>\d+) quarantined; processed (?P<processed>\d+) "
    r"\(added (?P<added>\d+), changed (?P<changed>\d+)\), unchanged (?P<unchanged>\d+), removed (?P<removed>\d+); "
    r"hashed (?P<hashed>\d+) of (?P<files>\d+) files",
    re.M,
)


def run_summary(stderr: str) -> dict:
    """The summary line of `polex run` as a user reads it: {"published": bool, "run_id", "counts"}.
    An unchanged corpus publishes nothing, so the manifest still holds the last published run's counts."""
    found = SUMMARY.search(stderr)
    assert found, stderr[-3000:]
    fields = found.groupdict()
    counts = {k: int(v) for k, v in fields.items() if k not in ("what", "run_id")}
    return {"published": fields["what"] == "published", "run_id": fields["run_id"], "counts": counts}


def read_tables(out: Path, drop_volatile: bool = False, canonical_order: bool = False) -> dict[str, pd.DataFrame]:
    tables = {}
    for name in all_schemas():
        df = pd.read_parquet(out / f"{name}.parquet")
        if drop_volatile:
            df = df.drop(columns=[c for c in VOLATILE if c in df.columns])
        if canonical_order:
            keys = [
                c
                for c in ("doc_id", "source_path", "section_id", "raw_start", "raw_end", "norm_start", "text")
                if c in df.columns
            ]
            df = df.sort_values(keys, kind="stable").reset_index(drop=True)
        tables[name] = df
    return tables


def rows_of(tables: dict[str, pd.DataFrame], doc_id: str) -> dict[str, pd.DataFrame]:
    """Every table's rows for one document, in a canonical order."""
    out = {}
    for name, df in tables.items():
        key = "source_path" if name == "quarantine" else "doc_id"
        part = df[df[key] == doc_id]
        out[name] = part.sort_values(list(part.columns[:4])).reset_index(drop=True)
    return out


def assert_tables_equal(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=f"table {name}")


def run_subcommand(module, argv: list[str]) -> int:
    """``polex <cmd> ARGV`` in-process for one subcommand module of ``pipeline.cli``,
    as ``pipeline.cli.main`` runs it (a UserError prints one line to stderr, exit status 2)."""
    parser = argparse.ArgumentParser(prog="polex")
    module.add_arguments(parser)
    args = parser.parse_args(argv)
    args.verbose = False
    try:
        return int(module.main(args) or 0)
    except UserError as exc:
        print(f"polex: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
