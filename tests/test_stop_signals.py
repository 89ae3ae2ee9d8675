"""Ctrl-C and SIGTERM stop a real ``polex run`` mid-way, as a terminal sends them.

The run is started as a terminal's foreground job (its own process group),
with no Prefect server configured, so it starts its own; the signal goes to
the whole group, the way Ctrl-C does.  Measured here: it exits 130/143 within
15 s, prints one line that says what stayed published, leaves the previous
version untouched and no process behind, and the next run completes.

The corpus size is ``POLEX_STOP_TEST_DOCS`` (default 1,500: a few seconds of
batches on CI's 2 cores; the issue's measurement used 5,000).
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest
from polex_cli import SEEDS, assert_tables_equal, make_corpus, manifest, read_tables, run_polex
from process_tree import (
    descendants,
    env_without_server,
    kill_tree,
    signal_group,
    start_in_own_group,
    still_alive,
    wait_exit,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api_url")]

EXTRA_DOCS = int(os.environ.get("POLEX_STOP_TEST_DOCS", "1500"))
STOP_WITHIN_S = 15.0
START_TIMEOUT_S = 180.0


def _add_documents(corpus: Path, count: int) -> None:
    """``count`` distinct documents (each copy of a seed gets its own closing line)."""
    texts = [seed.read_bytes() for seed in SEEDS]
    for i in range(count):
        sub = corpus / f"more{i // 500:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}.txt").write_bytes(texts[i % len(texts)] + f"\n（副本第{i}号）\n".encode())


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """OUT holding a published version of the seeds, and a corpus of the seeds plus EXTRA_DOCS."""
    root = tmp_path_factory.mktemp("stop")
    corpus = make_corpus(root / "corpus")
    out = root / "published"
    first = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
    assert first.returncode == 0, first.stderr
    _add_documents(corpus, EXTRA_DOCS)
    return corpus, out


def _batch_finished(out: Path) -> bool:
    """A batch of this run is staged: the run is past start-up, mid-way through the batches."""
    return any((out / "staging").glob("*/batch-[0-9][0-9][0-9][0-9][0-9]"))


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_signal_mid_run_stops_quickly_and_keeps_the_published_version(published, tmp_path, signum):
    corpus, published_out = published
    out = tmp_path / "out"
    shutil.copytree(published_out, out, symlinks=True)
    before = manifest(out)
    tables_before = read_tables(out)
    stderr_path = tmp_path / "stderr.txt"

    proc = start_in_own_group(
        "run", str(corpus), "--out", str(out), "--no-progress", env=env_without_server(), stderr_to=stderr_path
    )
    tree = []
    try:
        wait_for(lambda: _batch_finished(out), START_TIMEOUT_S, proc, "finished batch")
        tree = descendants(proc)  # the local Prefect server, the pool workers, ...
        assert tree, "a run mid-way has child processes"
        signal_group(proc, signum)
        status, waited = wait_exit(proc, STOP_WITHIN_S)
        assert status is not None, f"still running {STOP_WITHIN_S} s after {signum.name}"
        assert status == 128 + signum, stderr_path.read_text()
        print(f"{signum.name}: exit {status} {waited:.1f} s after the signal ({EXTRA_DOCS} documents to process)")
        assert still_alive(tree) == []
    finally:
        kill_tree(proc, tree)

    stderr = stderr_path.read_text()
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr[-3000:]  # quiet: no Prefect traceback, no event-loop noise
    assert lines[0] == (
        f"polex run: stopped by {signum.name}; {out} still holds version {before['run_id']} "
        f"({len(SEEDS)} documents), unchanged"
    )
    assert manifest(out)["run_id"] == before["run_id"]
    assert_tables_equal(read_tables(out), tables_before)

    if signum == signal.SIGINT:  # the next run completes the work (once is enough)
        rerun = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
        assert rerun.returncode == 0, rerun.stderr
        assert manifest(out)["counts"]["ingested"] == len(SEEDS) + EXTRA_DOCS
