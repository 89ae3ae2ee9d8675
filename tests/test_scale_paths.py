"""Issue 18 as a user meets it: every nightly path through the real CLI and Prefect flow.

Tables are folders of part files; unchanged parts are carried by hard link,
changed ones rewritten; files are hashed only when their stat changed; a
SIGKILL mid-publish leaves the last version whole; and after any sequence of
runs the tables equal a clean full run's.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.dataset as ds
import pytest
from polex_cli import SEEDS, assert_tables_equal, make_corpus, manifest, read_tables, run_polex, run_summary

from pipeline.process import all_schemas, published_schemas
from pipeline.storage.plan import RACY_WINDOW_NS

pytestmark = pytest.mark.usefixtures("prefect_api_url")

SMALL_BATCHES = ("--batch-docs", "2")  # 15 documents -> 8 parts: enough parts to carry, rewrite and merge


def _run(corpus: Path, out: Path, *extra: str, expect: int = 0, **env):
    """The run's summary: the published manifest, or, when nothing changed (nothing is
    published), the run's own counts from its summary line."""
    result = run_polex("run", str(corpus), "--out", str(out), "--no-progress", *SMALL_BATCHES, *extra, **env)
    assert result.returncode == expect, result.stdout + result.stderr[-3000:]
    summary = run_summary(result.stderr)
    published = manifest(out)
    if summary["published"]:
        assert published["run_id"] == summary["run_id"] and published["counts"]["hashed"] == summary["counts"]["hashed"]
        return {**published, "published": True}
    assert published["run_id"] == summary["run_id"]  # the version kept
    return {**published, "counts": summary["counts"], "published": False}


def _settle() -> None:
    """Wait out the racy window after changing the corpus: a stat taken within it is not
    trusted (plan.RACY_WINDOW_NS, git's "racily clean"), so that file would be hashed again
    next run, and the hashed counts below would depend on how fast a run starts."""
    time.sleep(RACY_WINDOW_NS / 1e9 + 0.2)


def _part_inodes(out: Path) -> dict[str, int]:
    """table/part file -> inode, for the published version (not the empty tables' schema files,
    written anew each run)."""
    version = (out / "current").resolve()
    return {
        f"{table}/{f.name}": f.stat().st_ino
        for table in published_schemas()
        for f in sorted((version / f"{table}.parquet").iterdir())
        if not f.name.endswith("-empty.parquet")
    }


def _same_as_fresh(corpus: Path, out: Path, fresh: Path) -> None:
    _run(corpus, fresh)
    assert_tables_equal(
        read_tables(out, drop_volatile=True, canonical_order=True),
        read_tables(fresh, drop_volatile=True, canonical_order=True),
    )


def test_every_nightly_path_carries_parts_by_link_and_ends_equal_to_a_clean_run(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", copies=2)
    out = tmp_path / "out"
    _settle()
    first = _run(corpus, out)
    assert first["counts"]["hashed"] == 15 and len(first["parts"]) == 8
    before = _part_inodes(out)
    assert all(not name.endswith("-empty.parquet") for name in before if name.startswith("documents/"))

    # Unchanged: nothing hashed, nothing processed, no new version published (the same
    # tables under another name): the first version stays, every part file the same inode.
    versions = sorted(p.name for p in (out / "versions").iterdir())
    unchanged = _run(corpus, out)
    assert (unchanged["counts"]["hashed"], unchanged["counts"]["processed"]) == (0, 0)
    assert not unchanged["published"] and unchanged["run_id"] == first["run_id"]
    assert sorted(p.name for p in (out / "versions").iterdir()) == versions
    assert _part_inodes(out) == before
    assert any(name.startswith("target_links/") for name in before)

    # Touched, same bytes: hashed again (its stat changed), not reprocessed, nothing published;
    # its new stat is recorded, so the next run does not hash it again.
    os.utime(corpus / SEEDS[0].name)
    _settle()
    touched = _run(corpus, out)
    assert (touched["counts"]["hashed"], touched["counts"]["processed"]) == (1, 0)
    assert not touched["published"] and _part_inodes(out) == before
    assert _run(corpus, out)["counts"]["hashed"] == 0

    # One document changed: only its part is rewritten; the others stay linked.
    with open(corpus / "sub1" / SEEDS[2].name, "a", encoding="utf-8") as fh:
        fh.write("\n到2030年，全省新增就业岗位10万个。\n")
    _settle()
    changed = _run(corpus, out)
    assert (changed["counts"]["hashed"], changed["counts"]["processed"], changed["counts"]["changed"]) == (1, 1, 1)
    after = _part_inodes(out)
    kept = {name for name in before if name in after and after[name] == before[name]}
    assert (
        len({name.split("/")[1] for name in kept}) >= 6
    )  # of 8 parts, at most the changed one and its merge partner left
    assert set(before) - set(after)  # the part that held the changed document is gone

    # Several removed: their parts are rewritten or merged; the removed rows are gone.
    for path in (corpus / SEEDS[1].name, corpus / "sub0" / SEEDS[3].name, corpus / "sub0" / SEEDS[4].name):
        path.unlink()
    removed = _run(corpus, out)
    assert removed["counts"]["removed"] == 3 and removed["counts"]["processed"] == 0
    assert len(read_tables(out)["documents"]) == 12

    # --rehash hashes every file, and finds nothing changed: nothing published.
    rehashed = _run(corpus, out, "--rehash")
    assert (rehashed["counts"]["hashed"], rehashed["counts"]["processed"]) == (12, 0)
    assert not rehashed["published"] and rehashed["run_id"] == removed["run_id"]
    _same_as_fresh(corpus, out, tmp_path / "fresh")


def test_tables_read_as_one_table_with_pandas_pyarrow_and_duckdb(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", copies=1)
    out = tmp_path / "out"
    _run(corpus, out)
    targets = pd.read_parquet(out / "targets.parquet")
    assert len(list((out / "targets.parquet").iterdir())) > 1  # several parts, read as one table
    assert str(targets["deadline_year"].dtype) == "Int64"
    assert ds.dataset(out / "targets.parquet").count_rows() == len(targets)
    sql = f"select count(*), count(distinct doc_id) from read_parquet('{out}/targets.parquet/*.parquet')"
    assert duckdb.connect().execute(sql).fetchone() == (len(targets), targets["doc_id"].nunique())
    documents = pd.read_parquet(out / "documents.parquet")
    assert sorted(documents["doc_id"]) == sorted(
        targets["doc_id"].unique().tolist() + _docs_without_targets(documents, targets)
    )
    # An empty table is a folder holding one file with the schema.
    quarantine = pd.read_parquet(out / "quarantine.parquet")
    assert len(quarantine) == 0 and list(quarantine.columns) == all_schemas()["quarantine"].names


def _docs_without_targets(documents: pd.DataFrame, targets: pd.DataFrame) -> list[str]:
    return sorted(set(documents["doc_id"]) - set(targets["doc_id"]))


@pytest.mark.parametrize("path", ["full", "unchanged", "changed"])
def test_sigkill_mid_publish_leaves_the_last_version_whole(tmp_path, path):
    corpus = make_corpus(tmp_path / "corpus", copies=2)
    out = tmp_path / "out"
    if path != "full":
        _run(corpus, out)
    before = read_tables(out) if path != "full" else None
    if path == "changed":
        for sub in ("sub0", "sub1"):
            with open(corpus / sub / SEEDS[0].name, "a", encoding="utf-8") as fh:
                fh.write("\n安排专项资金3亿元。\n")

    # A real SIGKILL of the run after it placed 3 parts of the new version.
    killed = run_polex(
        "run", str(corpus), "--out", str(out), "--no-progress", *SMALL_BATCHES, POLEX_TEST_CRASH_IN_PUBLISH="3"
    )
    if path == "unchanged":  # nothing to publish, so no publish to kill: the run ends, the version stays
        assert killed.returncode == 0 and not run_summary(killed.stderr)["published"], killed.stderr[-2000:]
        assert not [p for p in (out / "versions").iterdir() if p.name.startswith(".")]
        assert_tables_equal(read_tables(out), before)
        return
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert [p for p in (out / "versions").iterdir() if p.name.endswith(".partial")]  # it died mid-publish
    if before is None:
        assert not (out / "current").exists() and not (out / "documents.parquet").exists()
    else:
        assert_tables_equal(read_tables(out), before)

    _run(corpus, out)
    assert not [p for p in (out / "versions").iterdir() if p.name.startswith(".")]
    _same_as_fresh(corpus, out, tmp_path / "fresh")
