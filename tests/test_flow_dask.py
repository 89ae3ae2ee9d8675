"""Scale-out: batches on a Dask cluster give the same tables as the local run."""

from __future__ import annotations

import pytest
from polex_cli import assert_tables_equal, make_corpus, manifest, read_tables, run_polex

# Prefect, the CLI in subprocesses or a property-based fuzz suite: left out of `make test-fast`.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api_url")]


def test_dask_run_matches_local_run(tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus = make_corpus(tmp_path / "corpus", copies=1)
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"

    local = run_polex("run", str(corpus), "--out", str(local_out), "--no-progress", "--batch-docs", "3")
    assert local.returncode == 1, local.stderr
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        with distributed.Client(cluster) as client:
            remote = run_polex(
                "run",
                str(corpus),
                "--out",
                str(dask_out),
                "--no-progress",
                "--batch-docs",
                "3",
                "--dask-address",
                cluster.scheduler_address,
            )
            assert remote.returncode == 1, remote.stderr
            # The batches really ran on the cluster's workers.
            assert any(client.run(lambda: "pipeline.storage.batch" in __import__("sys").modules).values())
    assert manifest(dask_out)["counts"] == manifest(local_out)["counts"]
    assert "QUARANTINED broken.txt" in remote.stdout
    assert_tables_equal(
        read_tables(dask_out, drop_volatile=True, canonical_order=True),
        read_tables(local_out, drop_volatile=True, canonical_order=True),
    )


def test_one_batch_corpus_runs_on_the_cluster_too(tmp_path):
    """A corpus small enough for one batch used to run inline, never touching the cluster."""
    distributed = pytest.importorskip("distributed")
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    with distributed.LocalCluster(
        n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        with distributed.Client(cluster) as client:
            result = run_polex(
                "run", str(corpus), "--out", str(out), "--no-progress", "--dask-address", cluster.scheduler_address
            )
            assert result.returncode == 0, result.stderr
            assert any(client.run(lambda: "pipeline.storage.batch" in __import__("sys").modules).values())
    assert manifest(out)["counts"]["ingested"] == 5


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nobody listens once the socket is closed


@pytest.mark.parametrize(
    "address, says",
    [
        (f"tcp://127.0.0.1:{_closed_port()}", "cannot reach the Dask scheduler at tcp://127.0.0.1:"),
        ("scheduler-without-port", "invalid --dask-address 'scheduler-without-port'"),
    ],
)
def test_unreachable_dask_scheduler_is_refused_before_any_work(tmp_path, address, says):
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    result = run_polex("run", str(corpus), "--out", str(out), "--no-progress", "--dask-address", address, timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"polex run: error: {says}"), result.stderr
    assert not (out / "manifest.json").exists()
