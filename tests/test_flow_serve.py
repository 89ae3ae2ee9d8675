"""`polex serve` registers a deployment with its cron schedule on a real Prefect server."""

from __future__ import annotations

import asyncio
import datetime as dt
import signal
from zoneinfo import ZoneInfo

import pytest
from polex_cli import make_corpus, start_polex
from process_tree import descendants, kill_tree, signal_group, start_in_own_group, wait_exit, wait_for

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api_url")]
DEPLOYMENT = "ingest_corpus/polex-nightly"


async def _read_deployment():
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    async with get_client() as client:
        try:
            return await client.read_deployment_by_name(DEPLOYMENT)
        except ObjectNotFound:
            return None


def test_serve_registers_cron_deployment(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    stderr_path = tmp_path / "stderr.txt"
    proc = start_in_own_group(
        "serve", "--corpus", str(corpus), "--out", str(out), "--cron", "15 3 * * 1", stderr_to=stderr_path
    )
    try:
        # The start line comes once the deployment is registered and serving has begun.
        wait_for(lambda: "Ctrl-C stops" in stderr_path.read_text(), 120, proc, "serving line")
        deployment = asyncio.run(_read_deployment())
        assert [s.schedule.cron for s in deployment.schedules] == ["15 3 * * 1"]
        assert [s.schedule.timezone for s in deployment.schedules] == ["Asia/Shanghai"]  # the default
        assert deployment.parameters["corpus"] == str(corpus.resolve())
        assert deployment.parameters["out"] == str(out.resolve())
        assert proc.poll() is None  # still serving
        signal_group(proc, signal.SIGINT)
        status, _ = wait_exit(proc, 30)
    finally:
        kill_tree(proc, [])
    err = stderr_path.read_text()
    assert status == 130, err
    # The start line names the next run, in the schedule's timezone: next Monday 03:15 in Shanghai.
    assert f"cron '15 3 * * 1' (Asia/Shanghai), next run {_next_monday_0315_shanghai()} CST" in err, err


def _next_monday_0315_shanghai() -> str:
    shanghai = ZoneInfo("Asia/Shanghai")
    now = dt.datetime.now(shanghai)
    candidate = now.replace(hour=3, minute=15, second=0, microsecond=0)
    while candidate.weekday() != 0 or candidate <= now:
        candidate += dt.timedelta(days=1)
    return candidate.strftime("%Y-%m-%d %H:%M:%S")


def test_serve_rejects_bad_cron_and_missing_corpus(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    bad = start_polex("serve", "--corpus", str(corpus), "--out", str(tmp_path / "o"), "--cron", "not a cron")
    _, err = bad.communicate(timeout=120)
    assert bad.returncode == 2 and "--cron" in err
    missing = start_polex("serve", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    _, err = missing.communicate(timeout=60)
    assert missing.returncode == 2 and str(tmp_path / "nope") in err


def _worker_schedule(tmp_path, *schedule: str) -> list[str]:
    """Start ``polex serve`` with ``schedule`` as a user would; the schedule flags of its serving worker."""
    corpus = make_corpus(tmp_path / "corpus")
    stderr_path = tmp_path / "stderr.txt"
    proc = start_in_own_group(
        "serve", "--corpus", str(corpus), "--out", str(tmp_path / "out"), *schedule, stderr_to=stderr_path
    )
    try:
        wait_for(lambda: "Ctrl-C stops" in stderr_path.read_text(), 120, proc, "serving line")
        (worker,) = [p for p in descendants(proc) if "serve" in p.cmdline() and p.ppid() == proc.pid]
        command = worker.cmdline()
        signal_group(proc, signal.SIGINT)
        wait_exit(proc, 30)
    finally:
        kill_tree(proc, [])
    return [flag for flag in command if flag in ("--cron", "--interval")]


def test_serve_passes_its_worker_only_the_schedule_asked_for(tmp_path):
    """`polex serve --interval N` serves every N s; its worker got `--cron '0 2 * * *'` beside it."""
    assert _worker_schedule(tmp_path / "interval", "--interval", "3600") == ["--interval"]
    assert _worker_schedule(tmp_path / "default") == ["--cron"]


def test_serve_refuses_a_cron_and_an_interval_together(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    stderr_path = tmp_path / "stderr.txt"
    both = start_in_own_group(
        "serve", "--corpus", str(corpus), "--out", str(tmp_path / "o"), "--cron", "15 3 * * 1", "--interval", "60",
        stderr_to=stderr_path,
    )  # fmt: skip
    try:
        status, _ = wait_exit(both, 60)
    finally:
        kill_tree(both, [])  # before the fix it served (every 60 s, the cron dropped)
    err = stderr_path.read_text()
    assert status == 2, err
    assert "--interval: not allowed with argument --cron" in err
    assert not (tmp_path / "o").exists()
