"""``polex serve``: serve the ingest_corpus flow on a cron schedule (default nightly).

The deployment itself is ``flows.serve``; this module parses and checks the
arguments before Prefect starts.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from zoneinfo import available_timezones

from pipeline.errors import UserError
from pipeline.storage.publish import OutputStore

# The same values as flows.serve (imported only once Prefect may start).
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
    if name is not None and name not in available_timezones():
        raise UserError(f"invalid --timezone {name!r}: expected an IANA timezone such as 'Asia/Shanghai'")


def main(args) -> int:
    _check_timezone(args.timezone)
    if not args.corpus.is_dir():
        raise UserError(
            f"corpus folder {args.corpus} does not exist or is not a folder; pass --corpus with the documents folder"
        )
    OutputStore(args.out).prepare()
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Deferred: importing Prefect costs 1.2 s (measured); the other commands must not pay it,
    # and the environment above must be set before it is imported.
    from flows import serve

    try:
        serve.check_cron(args.cron, args.timezone)
    except ValueError as exc:
        raise UserError(f"invalid --cron {args.cron!r}: expected five fields such as {DEFAULT_CRON!r}") from exc
    serve.serve_nightly(args.corpus, args.out, args.cron, args.name, args.timezone)
    return 0
