"""Acceptance tests: `polex run` as a user runs it, against a real local Prefect server."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from polex_cli import (
    SEEDS,
    assert_tables_equal,
    make_corpus,
    manifest,
    read_tables,
    rows_of,
    run_polex,
    run_summary,
    start_polex,
)

from pipeline.fingerprint import fingerprint
from pipeline.process import all_schemas

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api_url")]

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _run_ok(corpus: Path, out: Path, *extra: str, expect: int = 0, **env):
    result = run_polex("run", str(corpus), "--out", str(out), "--no-progress", *extra, **env)
    assert result.returncode == expect, result.stdout + result.stderr
    return result


def test_incremental_runs_update_exactly_the_changed_documents(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    changed, deleted = SEEDS[0].name, SEEDS[1].name
    unchanged = [s.name for s in SEEDS[2:]]

    _run_ok(corpus, out)
    first = read_tables(out)
    assert manifest(out)["counts"]["processed"] == len(SEEDS)
    assert sorted(first["documents"]["doc_id"]) == [s.name for s in SEEDS]
    assert set(first["documents"]["extractor_version"]) == {fingerprint()}
    for name, schema in all_schemas().items():
        assert pq.ParquetDataset(out / f"{name}.parquet").schema.names == schema.names

    # Unchanged corpus: nothing is extracted, nothing published (the version stays), identical tables.
    first_id = manifest(out)["run_id"]
    second_run = _run_ok(corpus, out)
    second = run_summary(second_run.stderr)
    assert (second["counts"]["processed"], second["counts"]["unchanged"]) == (0, len(SEEDS))
    assert not second["published"] and second["run_id"] == first_id == manifest(out)["run_id"]
    assert_tables_equal(read_tables(out), first)
    assert "QUARANTINED" not in second_run.stdout

    # One file changed, one deleted, one binary added.
    with open(corpus / changed, "a", encoding="utf-8") as fh:
        fh.write("\n到2030年，全省新增就业岗位10万个。\n")
    (corpus / deleted).unlink()
    (corpus / "scan.txt").write_bytes(PNG_BYTES)
    third_run = _run_ok(corpus, out, expect=1)
    assert "QUARANTINED scan.txt [decode]" in third_run.stdout
    counts = manifest(out)["counts"]
    assert (counts["processed"], counts["added"], counts["changed"], counts["removed"]) == (2, 1, 1, 1)
    third = read_tables(out)
    for doc_id in unchanged:
        assert_tables_equal(rows_of(third, doc_id), rows_of(first, doc_id))
    assert all(len(df) == 0 for df in rows_of(third, deleted).values())
    new_doc = third["documents"].set_index("doc_id").loc[changed]
    assert new_doc["raw_text"].endswith("10万个。\n")
    assert new_doc["ingested_at"] > first["documents"].set_index("doc_id").loc[changed, "ingested_at"]
    assert third["quarantine"]["source_path"].tolist() == ["scan.txt"]
    assert sorted(third["documents"]["doc_id"]) == sorted(unchanged + [changed])

    # The quarantined file is remembered: not reprocessed, still reported, still non-zero.
    fourth_run = _run_ok(corpus, out, expect=1)
    assert "QUARANTINED scan.txt [decode]" in fourth_run.stdout
    assert run_summary(fourth_run.stderr)["counts"]["processed"] == 0
    assert_tables_equal(read_tables(out), third)


def test_killed_run_leaves_last_version_and_rerun_completes(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    _run_ok(corpus, out)
    before = read_tables(out)
    make_corpus(tmp_path / "more", copies=2)
    for sub in ("sub0", "sub1"):
        (tmp_path / "more" / sub).rename(corpus / sub)

    killed = run_polex(
        "run",
        str(corpus),
        "--out",
        str(out),
        "--no-progress",
        "--batch-docs",
        "2",
        POLEX_TEST_CRASH_AFTER_BATCHES="2",
    )
    assert killed.returncode == -9, killed.stderr
    assert any((out / "staging").iterdir())  # the crash left staged batches behind
    assert_tables_equal(read_tables(out), before)

    _run_ok(corpus, out, "--batch-docs", "2")
    assert not any((out / "staging").iterdir())
    assert not [p for p in (out / "versions").iterdir() if p.name.startswith(".")]
    fresh = tmp_path / "fresh"
    _run_ok(corpus, fresh, "--batch-docs", "2")
    # ingested_at differs for the 5 documents published before the crash (carried over), so ignore it.
    assert_tables_equal(
        read_tables(out, drop_volatile=True, canonical_order=True),
        read_tables(fresh, drop_volatile=True, canonical_order=True),
    )
    assert len(read_tables(out)["documents"]) == 3 * len(SEEDS)


def _wait_for(path: Path, proc, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.1)


def test_concurrent_runs_never_interleave_and_readers_see_previous_version(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    _run_ok(corpus, out)
    before = read_tables(out)
    with open(corpus / SEEDS[2].name, "a", encoding="utf-8") as fh:
        fh.write("\n到2027年底，建成示范园区5个。\n")

    release = tmp_path / "release"
    holder = start_polex(
        "run", str(corpus), "--out", str(out), "--no-progress", POLEX_TEST_HOLD_BEFORE_PUBLISH=str(release)
    )
    try:
        _wait_for(Path(f"{release}.waiting"), holder)
        # Mid-run (batches done, not yet published): readers see the previous version.
        assert_tables_equal(read_tables(out), before)
        refused = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
        assert refused.returncode == 3, refused.stderr
        assert "--wait" in refused.stderr and str(out) in refused.stderr
        # The waiter holds too, before its own publish: while it holds, OUT shows exactly the
        # holder's version (no race with the waiter publishing, whatever the GC keeps).
        waiter_release = tmp_path / "waiter_release"
        waiter = start_polex(
            "run",
            str(corpus),
            "--out",
            str(out),
            "--no-progress",
            "--wait",
            POLEX_TEST_HOLD_BEFORE_PUBLISH=str(waiter_release),
        )
        time.sleep(3)
        assert waiter.poll() is None  # blocked on the lock
        assert not Path(f"{waiter_release}.waiting").exists()  # never past the lock while the holder has it
        release.write_text("go")
        holder_out, holder_err = holder.communicate(timeout=120)
        assert holder.returncode == 0, holder_err
        holder_version = re.search(r"\(version (\S+)\)", holder_err).group(1)
        _wait_for(Path(f"{waiter_release}.waiting"), waiter)
        first = manifest(out)
        assert first["run_id"] == holder_version
        waiter_release.write_text("go")
        waiter_out, waiter_err = waiter.communicate(timeout=180)
        assert waiter.returncode == 0, waiter_err
        waited = run_summary(waiter_err)
    finally:
        for proc in (holder, locals().get("waiter")):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    assert first["counts"]["changed"] == 1
    # It saw the first run's published result: nothing left to process, nothing to publish.
    assert waited["counts"]["processed"] == 0
    assert not waited["published"] and waited["run_id"] == first["run_id"] == manifest(out)["run_id"]


def test_write_error_during_publish_keeps_previous_version(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    _run_ok(corpus, out)
    before = read_tables(out)
    current = os.readlink(out / "current")
    with open(corpus / SEEDS[3].name, "a", encoding="utf-8") as fh:
        fh.write("\n安排专项资金3亿元。\n")

    failed = run_polex("run", str(corpus), "--out", str(out), "--no-progress", POLEX_TEST_FAIL_PUBLISH="targets")
    assert failed.returncode == 4, failed.stderr
    assert "No space left on device" in failed.stderr and "previous version" in failed.stderr
    assert os.readlink(out / "current") == current
    assert_tables_equal(read_tables(out), before)
    assert not [p for p in (out / "versions").iterdir() if p.name.startswith(".")]

    _run_ok(corpus, out)
    assert manifest(out)["counts"]["changed"] == 1
    assert read_tables(out)["documents"].set_index("doc_id").loc[SEEDS[3].name, "raw_text"].endswith("3亿元。\n")


def test_user_errors_exit_2_with_one_clear_line(tmp_path):
    missing = run_polex("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert missing.returncode == 2
    assert str(tmp_path / "nope") in missing.stderr and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    corpus = make_corpus(tmp_path / "corpus")
    unwritable = run_polex("run", str(corpus), "--out", str(blocker / "out"))
    assert unwritable.returncode == 2
    assert str(blocker / "out") in unwritable.stderr and "--out" in unwritable.stderr
    assert len(unwritable.stderr.strip().splitlines()) == 1


def _processes_with_marker(marker: str) -> list:
    import psutil

    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get("POLEX_TEST_MARKER") == marker:
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


def test_killed_run_without_a_server_leaves_no_temporary_server_behind(tmp_path):
    """No PREFECT_API_URL: the run starts a temporary Prefect server; SIGKILL must not orphan it."""
    import secrets
    import subprocess

    from polex_cli import POLEX

    corpus = make_corpus(tmp_path / "corpus")
    marker = secrets.token_hex(8)  # inherited by every process the run starts
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(POLEX_TEST_MARKER=marker, POLEX_TEST_CRASH_AFTER_BATCHES="1")
    try:
        # An orphan would hold the captured pipes open: run() would then time out instead of returning.
        killed = subprocess.run(
            [str(POLEX), "run", str(corpus), "--out", str(tmp_path / "out"), "--no-progress", "--batch-docs", "2"],
            capture_output=True,
            text=True,
            timeout=180,
            env=env,
        )
        assert killed.returncode == -9, killed.stderr[-2000:]
        deadline = time.monotonic() + 10
        while (left := _processes_with_marker(marker)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not left, [p.cmdline() for p in left]
    finally:
        for proc in _processes_with_marker(marker):  # only what this test started
            proc.kill()
