"""The nightly deployment: serve the ingest_corpus flow on a cron schedule.

Uses ``Flow.serve``: it registers a deployment with the Prefect API (the local
SQLite-backed server by default, or whatever PREFECT_API_URL points at) and
runs scheduled flow runs in this process until interrupted.
"""

from __future__ import annotations

from pathlib import Path

from prefect.client.schemas.schedules import CronSchedule
from prefect.deployments.runner import EntrypointType
from prefect.schedules import Cron

from flows.ingest import ingest_corpus

DEFAULT_CRON = "0 2 * * *"
DEPLOYMENT_NAME = "polex-nightly"


def check_cron(cron: str, timezone: str | None) -> None:
    """ValueError when Prefect would refuse the cron expression."""
    CronSchedule(cron=cron, timezone=timezone or "UTC")


def serve_nightly(corpus: Path, out: Path, cron: str, name: str, timezone: str | None) -> None:
    """Register the deployment and run its scheduled flow runs until interrupted."""
    # Absolute paths: scheduled runs execute in a subprocess whose cwd may differ.
    ingest_corpus.serve(
        name=name,
        schedules=[Cron(cron, timezone=timezone or "UTC")],
        parameters={"corpus": str(corpus.resolve()), "out": str(out.resolve()), "wait": True},
        tags=["polex"],
        # Runs import flows.ingest from the installed package, whatever the cwd.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
