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
