"""``polex serve``: serve the ingest_corpus flow on a schedule (default nightly at 02:00 Asia/Shanghai).

The deployment and the process that runs it are ``flows.serve``; this module
parses and checks the arguments, prints where it serves and when the next run
is, and turns Ctrl-C/SIGTERM into an orderly stop and exit 130/143.

Two processes: ``polex serve`` in the terminal is a small supervisor; it starts
the same command again as the serving worker, in a session of its own.  Prefect
starts each scheduled run as a ``multiprocessing`` child of the worker, where
polex cannot set signal handling before it imports (a Ctrl-C reaching a run
half-way through its start-up printed a KeyboardInterrupt traceback and left
its logs to a stopped server).  In its own session the worker and its runs
never see the terminal's signals: the supervisor forwards the signal to the
worker alone, which stops its runs, then its server, then itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import available_timezones

from pipeline.cli.run import DASK_ADDRESS_ENV, check_out_outside_corpus, prefect_environment
from pipeline.errors import Stopped, UserError
from pipeline.storage.publish import OutputStore

# The same values as flows.serve (imported only once Prefect may start).
DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Asia/Shanghai"  # the documents' users
DEPLOYMENT_NAME = "polex-nightly"
# The whole orderly stop (runner, a running flow run, the local server) fits in this;
# the supervisor kills the worker's session if it has not exited a few seconds later.
STOP_DEADLINE_S = 15.0
SUPERVISOR_GRACE_S = 4.0
# Set in the worker's environment: the supervisor's pid (the worker exits if it dies).
SUPERVISOR_ENV = "POLEX_SERVE_SUPERVISOR"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, required=True, help="folder of documents to ingest on each run")
    parser.add_argument("--out", type=Path, required=True, help="output folder for the Parquet tables")
    schedule = parser.add_mutually_exclusive_group()  # one schedule: `--cron X --interval N` is refused
    schedule.add_argument("--cron", default=None, help=f"cron schedule (default: nightly, {DEFAULT_CRON!r})")
    schedule.add_argument(
        "--interval",
        type=float,
        default=None,
        metavar="SECONDS",
        help="run every SECONDS instead of on the cron schedule (frequent syncs, tests)",
    )
    parser.add_argument(
        "--timezone",
        default=DEFAULT_TIMEZONE,
        help=f"IANA timezone of the cron schedule (default {DEFAULT_TIMEZONE})",
    )
    parser.add_argument("--name", default=DEPLOYMENT_NAME, help=f"deployment name (default {DEPLOYMENT_NAME})")
    parser.add_argument(
        "--dask-address",
        default=os.environ.get(DASK_ADDRESS_ENV),
        help="run every scheduled run's batches on this Dask scheduler (env POLEX_DASK_ADDRESS)",
    )


def _check_arguments(args) -> None:
    """Refuse mistakes before Prefect starts (Prefect would blame the cron for a bad timezone).
    Prefect's schedules accept exactly ``zoneinfo.available_timezones()``."""
    if args.timezone not in available_timezones():
        raise UserError(f"invalid --timezone {args.timezone!r}: expected an IANA timezone such as 'Asia/Shanghai'")
    if args.interval is not None and not (math.isfinite(args.interval) and args.interval >= 1):
        raise UserError(f"--interval must be a number of seconds, at least 1, got {args.interval}")
    if not args.corpus.is_dir():
        raise UserError(
            f"corpus folder {args.corpus} does not exist or is not a folder; pass --corpus with the documents folder"
        )
    check_out_outside_corpus(args.corpus, args.out)
    OutputStore(args.out).prepare()


def _announce(schedule):
    def on_ready(deployment: str, where: str, next_run: dt.datetime) -> None:
        when = next_run.strftime("%Y-%m-%d %H:%M:%S %Z")
        print(
            f"polex serve: serving {deployment} on {where}: {schedule.describe()}, next run {when}; Ctrl-C stops",
            file=sys.stderr,
            flush=True,
        )

    return on_ready


def _serve(args) -> None:
    # Deferred: importing Prefect costs 1.2 s (measured); the other commands must not pay it,
    # and the environment set by prefect_environment must be in place before it is imported.
    from flows import serve
    from flows.dask_cluster import check_scheduler

    schedule = serve.ServeSchedule(timezone=args.timezone, cron=_cron(args), interval_s=args.interval)
    try:
        schedule.check()
    except ValueError as exc:
        raise UserError(f"invalid --cron {args.cron!r}: expected five fields such as {DEFAULT_CRON!r}") from exc
    if args.dask_address:
        check_scheduler(args.dask_address)
    serve.serve(args.corpus, args.out, schedule, args.name, args.dask_address, on_ready=_announce(schedule))


def _cron(args) -> str | None:
    """The cron schedule asked for: none under ``--interval``, the nightly default when neither is given."""
    if args.interval is not None:
        return None
    return args.cron if args.cron is not None else DEFAULT_CRON


def _worker_command(args) -> list[str]:
    """This same ``polex serve`` command line, for the worker: the one schedule the user asked for."""
    command = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main())"]
    command += ["--verbose"] if args.verbose else []
    command += ["serve", "--corpus", str(args.corpus), "--out", str(args.out)]
    cron = _cron(args)
    command += ["--cron", cron] if cron is not None else ["--interval", repr(args.interval)]
    command += ["--timezone", args.timezone, "--name", args.name]
    command += ["--dask-address", args.dask_address] if args.dask_address else []
    return command


def _supervise(args) -> int:
    """Run the worker in its own session; forward Ctrl-C/SIGTERM to it alone; its exit status."""
    env = {**os.environ, SUPERVISOR_ENV: str(os.getpid())}
    worker = subprocess.Popen(_worker_command(args), env=env, stdin=subprocess.DEVNULL, start_new_session=True)
    received: list[tuple[int, float]] = []  # (signal, when)

    def forward(signum: int, frame) -> None:
        if not received:  # the worker's orderly stop is under way: once is enough
            received.append((signum, time.monotonic()))
            worker.send_signal(signum)

    previous = {signum: signal.signal(signum, forward) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not received or time.monotonic() < received[0][1] + STOP_DEADLINE_S + SUPERVISOR_GRACE_S:
            try:
                return worker.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                continue
        os.killpg(worker.pid, signal.SIGKILL)  # the worker's session: its runs and pool workers
        worker.wait()
        print("polex serve: the serving process did not stop in time and was killed", file=sys.stderr)
        return 128 + received[0][0]
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _work(args) -> int:
    """The serving worker: serve until stopped, then say what stayed published."""
    # Deferred like every flows import: the CLI's start-up loads no flows module (tests/test_layers.py).
    from flows.orphan_guard import exit_with_parent
    from flows.shutdown import stop_on_signals

    exit_with_parent(int(os.environ[SUPERVISOR_ENV]))
    try:
        with stop_on_signals(deadline_s=STOP_DEADLINE_S):
            _serve(args)
    except Stopped as stop:
        published = OutputStore(args.out).current_manifest()
        kept = (
            f"{args.out} holds version {published['run_id']}" if published else f"nothing was published to {args.out}"
        )
        print(f"polex serve: stopped by {stop.signal_name}; {kept}", file=sys.stderr)
        return stop.exit_status
    return 0


def main(args) -> int:
    _check_arguments(args)
    prefect_environment(args.verbose)
    return _work(args) if os.environ.get(SUPERVISOR_ENV) else _supervise(args)
