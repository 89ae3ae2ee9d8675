"""``polex serve``: serve the ingest_corpus flow on a cron schedule (default nightly).

Uses ``Flow.serve``: it registers a deployment with the Prefect API (the local
SQLite-backed server by default, or whatever PREFECT_API_URL points at) and
runs scheduled flow runs in this process until interrupted.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pipeline.cli import UserError

DEFAULT_CRON = "0 2 * * *"
DEPLOYMENT_NAME = "polex-nightly"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, required=True, help="folder of documents to ingest on each run")
    parser.add_argument("--out", type=Path, required=True, help="output folder for the Parquet tables")
    parser.add_argument("--cron", default=DEFAULT_CRON, help=f"cron schedule (default: nightly, {DEFAULT_CRON!r})")
    parser.add_argument("--name", default=DEPLOYMENT_NAME, help=f"deployment name (default {DEPLOYMENT_NAME})")
    parser.add_argument("--timezone", default=None, help="IANA timezone of the cron schedule (default UTC)")


def _check_timezone(name: str | None) -> None:
    """Refuse an unknown IANA name before Prefect starts (Prefect would blame the cron).
    Prefect's schedules accept exactly ``zoneinfo.available_timezones()``."""
    if name is None:
        return
    from zoneinfo import available_timezones

    if name not in available_timezones():
        raise UserError(f"invalid --timezone {name!r}: expected an IANA timezone such as 'Asia/Shanghai'")


def main(args) -> int:
    _check_timezone(args.timezone)
    if not args.corpus.is_dir():
        raise UserError(f"corpus folder {args.corpus} does not exist or is not a folder; pass --corpus with the documents folder")
    from pipeline.publish import OutputStore

    OutputStore(args.out).prepare()
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from flows.ingest import ingest_corpus

    try:
        CronSchedule(cron=args.cron, timezone=args.timezone or "UTC")  # validates the expression
    except ValueError as exc:
        raise UserError(f"invalid --cron {args.cron!r}: expected five fields such as {DEFAULT_CRON!r}") from exc
    # Absolute paths: scheduled runs execute in a subprocess whose cwd may differ.
    ingest_corpus.serve(
        name=args.name,
        schedules=[Cron(args.cron, timezone=args.timezone or "UTC")],
        parameters={"corpus": str(args.corpus.resolve()), "out": str(args.out.resolve()), "wait": True},
        tags=["polex"],
        # Runs import flows.ingest from the installed package, whatever the cwd.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
    return 0
