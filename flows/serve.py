"""``polex serve``: the ingest_corpus deployment on a schedule, and the process that runs it.

Prefect's ``Flow.serve`` printed "polling for scheduled runs!" whether or not
anything could ever fire (with no server configured Prefect has no
scheduler), swallowed Ctrl-C into exit 0, and offered no way to see the next
run.  polex drives the same parts itself:

- the API: ``PREFECT_API_URL`` when set; otherwise a local Prefect server with
  its scheduler, SQLite under ``PREFECT_HOME``, kept for as long as polex
  serves (``flows.local_server``, SIGKILL-safe);
- a ``prefect.runner.Runner`` that registers the deployment and runs each
  scheduled flow run in a subprocess, on an event loop in a thread, so the
  main thread keeps the signals (``flows.shutdown``) and stops everything in
  order: the runner, the flow-run processes, then the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, cast

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    FlowRunFilter,
    FlowRunFilterDeploymentId,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy, StateType
from prefect.client.schemas.schedules import CronSchedule
from prefect.deployments.runner import EntrypointType
from prefect.runner import Runner
from prefect.schedules import Cron, Interval
from prefect.server.schemas import schedules as server_schedules
from prefect.settings import PREFECT_API_URL
from prefect.states import Cancelled

from flows.ingest import dask_task_runner, ingest_corpus
from flows.local_server import prefect_api
from flows.shutdown import child_pids, terminate_children

DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Asia/Shanghai"  # the documents' users
DEPLOYMENT_NAME = "polex-nightly"
RUNNER_STOP_TIMEOUT_S = 8.0


@dataclass(frozen=True)
class ServeSchedule:
    """A cron expression, or (for tests and frequent syncs) an interval in seconds, in a timezone."""

    timezone: str
    cron: str | None = None
    interval_s: float | None = None

    def check(self) -> None:
        """ValueError when Prefect would refuse the cron expression."""
        if self.cron is not None:
            CronSchedule(cron=self.cron, timezone=self.timezone)

    def to_prefect(self, anchor: dt.datetime):
        if self.interval_s is not None:
            return Interval(dt.timedelta(seconds=self.interval_s), anchor_date=anchor, timezone=self.timezone)
        return Cron(self.cron, timezone=self.timezone)

    def describe(self) -> str:
        if self.interval_s is not None:
            return f"every {self.interval_s:g} s"
        return f"cron {self.cron!r} ({self.timezone})"

    def next_run(self, after: dt.datetime, anchor: dt.datetime) -> dt.datetime:
        """When the server's scheduler will next fire, in the schedule's timezone (the server's own rules)."""
        schedule: server_schedules.IntervalSchedule | server_schedules.CronSchedule
        if self.interval_s is not None:
            schedule = server_schedules.IntervalSchedule(
                # pydantic validates the datetime into Prefect's own DateTime type
                interval=dt.timedelta(seconds=self.interval_s),
                anchor_date=cast(Any, anchor),
                timezone=self.timezone,
            )
        else:
            schedule = server_schedules.CronSchedule(cron=self.cron, timezone=self.timezone)
        (first,) = asyncio.run(schedule.get_dates(n=1, start=after))
        return first


def _report_run(flow, flow_run, state) -> None:
    """Flow-run hook (runs in the flow-run process): one line per scheduled run on serve's stderr."""
    if state.is_completed():
        summary = state.result(raise_on_failure=False)
        counts = summary.get("counts", {}) if isinstance(summary, dict) else {}
        published = "published" if not counts or summary.get("published", True) else "nothing changed, kept"
        line = (
            f"{published} version {summary.get('run_id')}: {counts.get('ingested')} documents, "
            f"{counts.get('quarantined')} quarantined"
            if counts
            else "completed"
        )
    else:
        line = f"{state.name.lower()}: {state.message or 'see the Prefect API for its logs'}"
    print(f"polex serve: run {flow_run.name!r} {line}", file=sys.stderr, flush=True)


async def _drop_stale_runs(deployment_id, parameters: dict[str, Any]) -> None:
    """Delete the deployment's scheduled runs left from an earlier serve: those already late
    (missed while nobody served: the runner would start them all at once) and those with
    other parameters (another corpus or OUT).  The server schedules the next runs anew."""
    now = dt.datetime.now(dt.timezone.utc)
    async with get_client() as client:
        runs = await client.read_flow_runs(
            flow_run_filter=FlowRunFilter(
                deployment_id=FlowRunFilterDeploymentId(any_=[deployment_id]),
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])),
            )
        )
        for run in runs:
            late = run.expected_start_time is not None and run.expected_start_time < now
            if late or run.parameters != parameters:
                await client.delete_flow_run(run.id)


async def _cancel_unfinished_runs(deployment_id) -> None:
    """Record Cancelled every run of the deployment still Pending, Running or Cancelling once this
    serve has stopped its runner and its flow-run processes: nobody runs them any more, and such a
    run holds the deployment's one concurrency slot (every run due is cancelled as a collision
    until the slot's 5-minute lease expires).  ``Runner.astop`` does this itself when its runs stop
    in time; a run slower to stop (a loaded machine) is recorded here."""
    unfinished = [StateType.PENDING, StateType.RUNNING, StateType.CANCELLING]
    async with get_client() as client:
        runs = await client.read_flow_runs(
            flow_run_filter=FlowRunFilter(
                deployment_id=FlowRunFilterDeploymentId(any_=[deployment_id]),
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=unfinished)),
            )
        )
        for run in runs:
            message = "polex serve stopped during the run; the next run does its work"
            await client.set_flow_run_state(run.id, Cancelled(message=message), force=True)


class _RunnerThread(threading.Thread):
    """The runner's event loop, off the main thread (which keeps the signal handlers)."""

    def __init__(self, runner: Runner, register: Any):
        super().__init__(name="polex-serve-runner", daemon=True)
        self.runner = runner
        self.register = register
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task | None = None
        self.registered = threading.Event()
        # Set when run() returns.  Not Thread.is_alive(): on Python < 3.13 a signal's exception
        # (Ctrl-C, SIGTERM's Stopped) raised inside Thread.join() marks the thread stopped
        # while it still runs (CPython gh-90882), so stop() skipped the runner's shutdown and
        # the deployment's schedule was never paused.  An Event's wait is safe to interrupt.
        self.finished = threading.Event()
        self.error: BaseException | None = None
        # Prefect's settings (the API URL of prefect_api) live in context variables,
        # which a new thread does not inherit: without them the runner's clients would
        # start a second, ephemeral server of their own.
        self.context = contextvars.copy_context()

    def run(self) -> None:
        try:
            self.context.run(asyncio.run, self._main())
        except asyncio.CancelledError:
            pass  # stop() cancelled the runner
        except BaseException as exc:  # reported by the main thread
            self.error = exc
        finally:
            self.registered.set()
            self.finished.set()

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.task = asyncio.current_task()
        await self.register(self.runner)
        self.registered.set()
        await self.runner.start()

    def stop(self, timeout_s: float) -> None:
        """Stop the runner and wait for its shutdown.  ``Runner.astop`` cancels the flow runs it
        started (each recorded Cancelled, which frees the deployment's concurrency slot: a run
        left Pending or Running would hold it, and every later run would be cancelled as a
        collision), then ends its loops; ``Runner.__aexit__`` pauses the schedule.  Should that
        not finish in three quarters of the time, the runner's task is cancelled."""
        if self.loop is None or self.task is None or self.finished.is_set():
            self.finished.wait(timeout_s)
            return
        deadline = time.monotonic() + timeout_s
        if self.runner.started:
            asyncio.run_coroutine_threadsafe(self.runner.astop(), self.loop)
            if self.finished.wait(timeout_s * 0.75):
                return
        self.loop.call_soon_threadsafe(self.task.cancel)
        self.finished.wait(max(0.0, deadline - time.monotonic()))


def _stop_serving(thread: _RunnerThread, spare: Any, registered: list[Any]) -> None:
    """The runner, then a flow run still going (SIGTERM), then what the API still shows unfinished."""
    thread.stop(RUNNER_STOP_TIMEOUT_S)
    # While the API (the local server, spared here) is still up to hear it.
    terminate_children(spare=spare)
    if registered:
        with contextlib.suppress(Exception):  # the API gone: nothing left to record
            asyncio.run(_cancel_unfinished_runs(registered[0]))


# on_ready(deployment name, where the API is, next run time)
ReadyListener = Callable[[str, str, dt.datetime], None]


def serve(
    corpus: Path,
    out: Path,
    schedule: ServeSchedule,
    name: str = DEPLOYMENT_NAME,
    dask_address: str | None = None,
    on_ready: ReadyListener | None = None,
) -> None:
    """Register the deployment and run its scheduled flow runs until interrupted (``Stopped``)."""
    anchor = dt.datetime.now(dt.timezone.utc)
    hooks: list[Any] = [_report_run]
    flow = ingest_corpus.with_options(on_completion=hooks, on_failure=hooks, on_crashed=hooks)
    if dask_address:
        flow = flow.with_options(task_runner=dask_task_runner(dask_address))
    # Absolute paths: scheduled runs execute in a subprocess whose cwd may differ.
    parameters = {"corpus": str(corpus.resolve()), "out": str(out.resolve()), "wait": True}

    registered: list[Any] = []  # the deployment's id, once registered

    async def register(runner: Runner) -> None:
        deployment_id = await runner.aadd_flow(
            flow,
            name=name,
            schedules=[schedule.to_prefect(anchor)],
            parameters=parameters,
            tags=["polex"],
            # One run at a time: a run due while the previous one still works (an interval
            # shorter than a run) is cancelled, not queued behind OUT's lock.
            concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
            # Runs import flows.ingest from the installed package, whatever the cwd.
            entrypoint_type=EntrypointType.MODULE_PATH,
        )
        await _drop_stale_runs(deployment_id, parameters)
        registered.append(deployment_id)

    with prefect_api(scheduling=True) as local_api:
        before_runner = child_pids()  # the local server: stopped last, by prefect_api
        thread = _RunnerThread(Runner(name=f"polex-serve-{name}", pause_on_shutdown=True), register)
        thread.start()
        try:
            thread.registered.wait()
            if thread.error is not None:
                raise thread.error
            if on_ready is not None:
                where = (
                    f"a local Prefect server ({local_api})"
                    if local_api
                    else f"the Prefect server at PREFECT_API_URL ({PREFECT_API_URL.value()})"
                )
                on_ready(f"{flow.name}/{name}", where, schedule.next_run(dt.datetime.now(dt.timezone.utc), anchor))
            while not thread.finished.wait(0.5):
                pass
            if thread.error is not None:
                raise thread.error
        finally:
            _stop_serving(thread, before_runner, registered)
