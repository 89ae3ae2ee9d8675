"""``polex serve`` fires: a real scheduled run publishes the tables, on the
embedded default (no PREFECT_API_URL: polex keeps its own local server) and on
a ``prefect server start`` this test starts itself, whose log must stay free
of errors (SQLAlchemy 2.1 broke its scheduler on every loop).  Then Ctrl-C /
SIGTERM stops serve within 20 s with nothing left running.

The schedule is ``--interval 10`` (a cron fires at most once a minute).
"""

from __future__ import annotations

import asyncio
import re
import signal
import time
from pathlib import Path

import pandas as pd
import pytest
from polex_cli import SEEDS, make_corpus, manifest
from process_tree import (
    descendants,
    env_without_server,
    kill_tree,
    signal_group,
    start_in_own_group,
    start_prefect_server,
    still_alive,
    stop_group,
    wait_exit,
    wait_for,
)

pytestmark = pytest.mark.slow

PUBLISH_WITHIN_S = 120.0  # the issue: a scheduled run publishes within two minutes
STOP_WITHIN_S = 20.0
DEPLOYMENT = "ingest_corpus/polex-nightly"


def _serve_until_published(
    tmp_path: Path, env: dict[str, str], signum: int, out_name: str = "out", then_unchanged: bool = False
) -> tuple[str, dict]:
    """Start serve, wait for a scheduled run to publish (and with ``then_unchanged`` for the next run, over
    the same corpus, to publish nothing), stop it with ``signum``; (stderr, manifest)."""
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        make_corpus(corpus)
    out = tmp_path / out_name
    stderr_path = tmp_path / f"serve-stderr-{out_name}.txt"
    proc = start_in_own_group(
        "serve", "--corpus", str(corpus), "--out", str(out), "--interval", "10", env=env, stderr_to=stderr_path
    )
    tree = []
    started = time.monotonic()
    try:
        wait_for(lambda: (out / "manifest.json").exists(), PUBLISH_WITHIN_S, proc, "scheduled run published")
        published_after = time.monotonic() - started
        published = manifest(out)
        docs = pd.read_parquet(out / "documents.parquet")
        assert sorted(docs.doc_id) == sorted(seed.name for seed in SEEDS)
        wait_for(lambda: "published version" in stderr_path.read_text(), 30, proc, "run line on stderr")
        if then_unchanged:  # the next night over an unchanged crawl: no new version, and it says so
            kept = f"nothing changed, kept version {published['run_id']}: 5 documents, 0 quarantined"
            wait_for(lambda: kept in stderr_path.read_text(), 60, proc, "unchanged run line on stderr")
            assert manifest(out)["run_id"] == published["run_id"]
            assert [p.name for p in (out / "versions").iterdir()] == [published["run_id"]]
        tree = descendants(proc)
        assert tree, "serve keeps child processes (the local server or the flow runs)"
        signal_group(proc, signum)
        status, waited = wait_exit(proc, STOP_WITHIN_S)
        assert status is not None, f"serve still running {STOP_WITHIN_S} s after {signum.name}"
        assert status == 128 + signum, stderr_path.read_text()[-3000:]
        print(
            f"serve: first scheduled run published {published_after:.1f} s after start; {signum.name} stop {waited:.1f} s"
        )
        assert still_alive(tree) == []
    finally:
        kill_tree(proc, tree)
    return stderr_path.read_text(), published


def _assert_quiet(stderr: str) -> None:
    lines = stderr.strip().splitlines()
    assert all(line.startswith("polex serve: ") for line in lines), stderr[-3000:]
    assert re.search(r"^polex serve: run '[^']+' published version \S+: 5 documents, 0 quarantined$", stderr, re.M), (
        stderr
    )


def test_scheduled_run_fires_on_the_embedded_local_server(tmp_path):
    home = tmp_path / "prefect-home"  # this test's own: SQLite under PREFECT_HOME, nobody else's server
    env = env_without_server(PREFECT_HOME=str(home))
    stderr, published = _serve_until_published(tmp_path, env, signal.SIGINT, then_unchanged=True)
    first = stderr.splitlines()[0]
    assert first.startswith(f"polex serve: serving {DEPLOYMENT} on a local Prefect server (http://127.0.0.1:")
    assert ": every 10 s, next run " in first
    assert (home / "prefect.db").exists()
    _assert_quiet(stderr)
    assert stderr.strip().splitlines()[-1].startswith("polex serve: stopped by SIGINT; ")

    # Served again on the same PREFECT_HOME, to another OUT: the runs the first serve left
    # scheduled (late by now, and for the first OUT) are dropped, not run all at once.
    stderr, _ = _serve_until_published(tmp_path, env, signal.SIGINT, out_name="out2")
    _assert_quiet(stderr)
    assert manifest(tmp_path / "out")["run_id"] == published["run_id"]


async def _deployment(api_url: str):
    from prefect.client.orchestration import PrefectClient

    async with PrefectClient(api_url) as client:
        return await client.read_deployment_by_name(DEPLOYMENT)


def test_scheduled_run_fires_on_a_prefect_server_start(tmp_path):
    home = tmp_path / "server-home"
    log_path = tmp_path / "prefect-server.log"
    server, api_url = start_prefect_server(home, log_path)
    try:
        env = env_without_server(PREFECT_API_URL=api_url, PREFECT_HOME=str(tmp_path / "client-home"))
        stderr, _ = _serve_until_published(tmp_path, env, signal.SIGTERM)
        deployment = asyncio.run(_deployment(api_url))
    finally:
        stop_group(server)
    assert stderr.splitlines()[0].startswith(
        f"polex serve: serving {DEPLOYMENT} on the Prefect server at PREFECT_API_URL ({api_url}): "
    )
    _assert_quiet(stderr)
    assert stderr.strip().splitlines()[-1].startswith("polex serve: stopped by SIGTERM; ")
    assert [s.schedule.interval.total_seconds() for s in deployment.schedules] == [10.0]
    assert deployment.paused, "stopping serve pauses the deployment's schedule (README)"
    # The server's own services (the scheduler above all) ran without a single error.
    server_log = log_path.read_text(errors="replace")
    assert not re.search(r"ERROR|Traceback|Exception", server_log), server_log[-5000:]


async def _runs_of_deployment(api_url: str) -> tuple[object, list]:
    from prefect.client.orchestration import PrefectClient
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterDeploymentId

    async with PrefectClient(api_url) as client:
        deployment = await client.read_deployment_by_name(DEPLOYMENT)
        runs = await client.read_flow_runs(
            flow_run_filter=FlowRunFilter(deployment_id=FlowRunFilterDeploymentId(any_=[deployment.id]))
        )
        return deployment, runs


def test_ctrl_c_during_a_scheduled_run_leaves_no_run_holding_the_deployment(tmp_path):
    """Ctrl-C while a scheduled run works: the run ends Cancelled (not left Pending or Running,
    which would hold the deployment's one concurrency slot: runs due meanwhile are cancelled as
    collisions until its 5-minute lease expires), the slot is free and the schedule paused.
    Before, the runner's shutdown was skipped (a signal inside Thread.join marks a live thread
    stopped on Python < 3.13, CPython gh-90882): the schedule stayed active with nobody serving."""
    home = tmp_path / "server-home"
    server, api_url = start_prefect_server(home, tmp_path / "prefect-server.log")
    corpus = make_corpus(tmp_path / "corpus", copies=60)  # 305 documents: a run of several seconds
    out = tmp_path / "out"
    stderr_path = tmp_path / "serve-stderr.txt"
    env = env_without_server(PREFECT_API_URL=api_url, PREFECT_HOME=str(tmp_path / "client-home"))
    proc = start_in_own_group(
        "serve", "--corpus", str(corpus), "--out", str(out), "--interval", "10", env=env, stderr_to=stderr_path
    )
    tree = []
    try:

        def running() -> bool:
            _, runs = asyncio.run(_runs_of_deployment(api_url))
            return any(run.state.type.value == "RUNNING" for run in runs)

        wait_for(lambda: "Ctrl-C stops" in stderr_path.read_text(), 120, proc, "serving line")
        wait_for(running, 120, proc, "a scheduled run running")
        tree = descendants(proc)
        signal_group(proc, signal.SIGINT)
        status, _ = wait_exit(proc, STOP_WITHIN_S)
        assert status == 130, stderr_path.read_text()[-3000:]
        assert still_alive(tree) == []
        deployment, runs = asyncio.run(_runs_of_deployment(api_url))
    finally:
        kill_tree(proc, tree)
        stop_group(server)
    states = {run.name: run.state.type.value for run in runs if run.state.type.value != "SCHEDULED"}
    assert "CANCELLED" in states.values() or "COMPLETED" in states.values(), states
    assert not {"RUNNING", "PENDING", "CANCELLING"} & set(states.values()), states
    assert deployment.paused
    assert deployment.global_concurrency_limit.active_slots == 0
    assert not (out / "manifest.json").exists() or manifest(out)["counts"]["ingested"] == 305
