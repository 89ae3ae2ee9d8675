"""No silent data loss: a run on an empty or wrong corpus folder refuses to
empty the published tables (exit 2, one line), unless ``--allow-removals``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from polex_cli import SEEDS, assert_tables_equal, make_corpus, manifest, read_tables, run_polex

from pipeline.errors import RemovalRefused, UserError
from pipeline.storage.publish import OutputStore
from pipeline.storage.removal_guard import MAX_REMOVED_SHARE, check_removals


# ------------------------------------------------------------------ the check on counts
@pytest.mark.parametrize(
    "published, removed, present, refused",
    [
        (0, 0, 5, False),  # first run
        (5, 0, 5, False),  # nothing removed
        (5, 2, 3, False),  # 40 %: plausible
        (4, 2, 2, False),  # exactly half: still allowed
        (5, 3, 2, True),  # 60 %
        (5, 5, 0, True),  # the emptied folder
        (5, 5, 7, True),  # a wrong folder: all published gone, others present
        (0, 0, 0, True),  # nothing published and nothing to publish: a wrong folder too
    ],
)
def test_refuses_an_empty_corpus_and_removing_more_than_half(published, removed, present, refused):
    if refused:
        with pytest.raises(RemovalRefused) as info:
            check_removals(published, removed, present)
        assert "--allow-removals" in str(info.value) and "\n" not in str(info.value)
        assert isinstance(info.value, UserError)  # exit 2, one line, like every fixable mistake
    else:
        check_removals(published, removed, present)
    check_removals(published, removed, present, allowed=True)  # --allow-removals lifts it


@given(published=st.integers(0, 10_000), data=st.data())
def test_guard_rule(published, data):
    removed = data.draw(st.integers(0, published))
    present = data.draw(st.integers(0, 10_000))
    expected_refusal = present == 0 or removed > published * MAX_REMOVED_SHARE
    try:
        check_removals(published, removed, present)
        refused = False
    except RemovalRefused:
        refused = True
    assert refused == expected_refusal


# ------------------------------------------------------------------ as a user runs it
@pytest.fixture
def published_out(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    first = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
    assert first.returncode == 0, first.stderr
    return corpus, out


def _published_files(out) -> dict[str, tuple[int, int]]:
    """Every file of every published version (tables are folders of part files): inode and mtime."""
    return {
        str(path.relative_to(out)): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in sorted((out / "versions").rglob("*"))
        if path.is_file()
    }


def _assert_refused(result, out, before, tables_before, files_before=None) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("polex run: error: ") and "--allow-removals" in lines[0], (
        result.stderr
    )
    assert manifest(out)["run_id"] == before["run_id"]
    assert_tables_equal(read_tables(out), tables_before)
    if files_before is not None:  # no part file written, removed or replaced, no new version
        assert _published_files(out) == files_before


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_api_url")
def test_an_empty_corpus_folder_changes_nothing(published_out, tmp_path):
    _, out = published_out
    before, tables_before, files_before = manifest(out), read_tables(out), _published_files(out)
    assert any(name.endswith(".parquet") and "/documents.parquet/" in name for name in files_before)  # part files
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\0")  # ignored files are not documents
    result = run_polex("run", str(empty), "--out", str(out), "--no-progress")
    _assert_refused(result, out, before, tables_before, files_before)
    assert "holds no documents" in result.stderr and f"all {len(SEEDS)} published documents" in result.stderr


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_api_url")
def test_removing_most_documents_needs_allow_removals(published_out):
    corpus, out = published_out
    before, tables_before = manifest(out), read_tables(out)
    for seed in SEEDS[:3]:
        (corpus / seed.name).unlink()
    files_before = _published_files(out)
    # The CLI's early check reads the published paths from the version's file index.
    assert sorted(OutputStore(out).current_paths()) == sorted(seed.name for seed in SEEDS)
    refused = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
    _assert_refused(refused, out, before, tables_before, files_before)
    assert f"remove 3 of the {len(SEEDS)} published documents" in refused.stderr

    allowed = run_polex("run", str(corpus), "--out", str(out), "--no-progress", "--allow-removals")
    assert allowed.returncode == 0, allowed.stderr
    assert manifest(out)["counts"]["ingested"] == 2 and manifest(out)["counts"]["removed"] == 3


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_api_url")
def test_the_flow_itself_refuses_so_scheduled_runs_are_guarded_too(published_out, tmp_path):
    """polex serve's runs call the flow without the CLI's early check."""
    from flows.ingest import ingest_corpus

    corpus, out = published_out
    before, tables_before, files_before = manifest(out), read_tables(out), _published_files(out)
    shutil.rmtree(corpus)
    corpus.mkdir()
    with pytest.raises(RemovalRefused):
        ingest_corpus(corpus=str(corpus), out=str(out))
    assert manifest(out)["run_id"] == before["run_id"]
    assert_tables_equal(read_tables(out), tables_before)
    assert _published_files(out) == files_before  # the flow refused under the lock, before any write
    summary = ingest_corpus(corpus=str(corpus), out=str(out), allow_removals=True)
    assert summary["counts"]["ingested"] == 0 and summary["counts"]["removed"] == len(SEEDS)


# --------------------------------------------- upgrading from manifest format 1
def _as_format_one(out: Path) -> None:
    """Turn the published version into what polex wrote before the file index (manifest
    format 1, before a5ac3b8): each document table one Parquet file, no ``index.parquet``,
    and the manifest's ``documents``: path -> sha256, cache_version, status."""
    version = OutputStore(out).current_version_dir()
    index = pq.read_table(version / "index.parquet").to_pylist()
    for folder in version.glob("*.parquet"):
        if folder.is_dir() and folder.name not in ("target_links.parquet", "target_keys.parquet"):
            table = pq.read_table(folder)
            shutil.rmtree(folder)
            pq.write_table(table, folder)
    (version / "index.parquet").unlink()
    old = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
    old = {key: old[key] for key in ("run_id", "corpus", "started_at", "finished_at", "counts", "versions", "tables")}
    old["format"] = 1
    old["documents"] = {
        row["path"]: {"sha256": row["sha256"], "cache_version": row["cache_version"], "status": row["status"]}
        for row in index
    }
    (version / "manifest.json").write_text(json.dumps(old, ensure_ascii=False, indent=1), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_api_url")
def test_a_format_one_out_is_guarded_on_the_first_run_after_upgrading(published_out, tmp_path):
    """A version without a file index still lists its documents in its manifest: the flow
    counts them as published, so a wrong folder is refused instead of replacing them."""
    from flows.ingest import ingest_corpus

    corpus, out = published_out
    _as_format_one(out)
    assert OutputStore(out).current_index() is None and manifest(out)["format"] == 1
    before, tables_before, files_before = manifest(out), read_tables(out), _published_files(out)
    rows_before = read_tables(out, drop_volatile=True, canonical_order=True)
    wrong = tmp_path / "wrong"
    wrong.mkdir()
    shutil.copy(SEEDS[0], wrong / "elsewhere.txt")  # one document, none of the published ones
    with pytest.raises(RemovalRefused, match=f"remove {len(SEEDS)} of the {len(SEEDS)} published"):
        ingest_corpus(corpus=str(wrong), out=str(out))
    assert manifest(out)["run_id"] == before["run_id"]
    assert_tables_equal(read_tables(out), tables_before)
    assert _published_files(out) == files_before
    refused = run_polex("run", str(wrong), "--out", str(out), "--no-progress")  # the CLI's early check too
    _assert_refused(refused, out, before, tables_before, files_before)

    upgraded = run_polex("run", str(corpus), "--out", str(out), "--no-progress")  # the right folder: upgraded
    assert upgraded.returncode == 0, upgraded.stderr
    after = manifest(out)
    assert after["format"] != 1 and after["counts"]["ingested"] == len(SEEDS) and after["counts"]["removed"] == 0
    assert OutputStore(out).current_index().num_rows == len(SEEDS)
    assert_tables_equal(read_tables(out, drop_volatile=True, canonical_order=True), rows_before)
