"""A temporary local Prefect API server that dies with the ``polex`` process that started it.

With no server configured, Prefect 3.8.8 starts its own temporary server
(``SubprocessASGIServer``: a plain ``Popen`` of uvicorn, stopped only by an
``atexit`` hook).  A SIGKILLed ``polex run`` never runs that hook, so the
server lived on as an orphan, holding the caller's stdout/stderr pipes open.
Prefect offers no in-process mode and no hook into that ``Popen``, so polex
starts the same server itself (same app factory, same environment flags)
through this module, whose watchdog thread (``flows.orphan_guard``) exits
as soon as the parent is gone; the run then points Prefect at it with
``temporary_settings``.

    python -m flows.local_server --parent-pid PID --port PORT   (the server side)
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from typing import Iterator

import uvicorn
from prefect.events.worker import EventsWorker
from prefect.logging.handlers import APILogWorker
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

from flows.orphan_guard import exit_with_parent

# What Prefect's own temporary server sets (prefect/server/api/server.py): no UI,
# no background services, one app per process.
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
# What `prefect server start` runs (polex serve): every background service, among them
# the scheduler that turns a deployment's schedule into flow runs.  Without it (Prefect's
# ephemeral mode) a schedule never fires.
SCHEDULING_SERVER_ENV = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_FINAL": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}
# On a fresh PREFECT_HOME the server first creates and migrates its SQLite database:
# measured over 20 s (Prefect's default start-up timeout) on a loaded 2-core machine.
# polex allows at least this long; a server that fails exits sooner and is reported.
START_TIMEOUT_FLOOR_S = 60.0
START_ATTEMPTS = 3  # a port taken between choosing and binding it: try another
POLL_SECONDS = 0.1


class LocalServer:
    """One started server process and its API URL."""

    def __init__(self, process: subprocess.Popen, port: int):
        self.process = process
        self.port = port

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _launch(port: int, env: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "-m", "flows.local_server", "--parent-pid", str(os.getpid()), "--port", str(port)]
    # stdout is not the caller's (it carries polex's results); server errors still reach stderr.
    # Its own session: a terminal's Ctrl-C (SIGINT to the foreground process group) must not
    # kill the API while the interrupted run still records its end; polex stops it afterwards
    # (and the orphan guard, should polex be SIGKILLed).
    return subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, start_new_session=True
    )


def start_local_server(timeout_s: float, scheduling: bool = False) -> LocalServer:
    """Start the server and wait until its API answers; RuntimeError if it does not within ``timeout_s``.

    ``scheduling``: with Prefect's background services (scheduler, late runs, ...),
    as ``prefect server start`` runs them.
    """
    # The child reads the same settings the parent resolved (profile, env), as Prefect's own server does.
    settings_env = get_current_settings().to_environment_variables(exclude_unset=True)
    env = {**os.environ, **settings_env, **(SCHEDULING_SERVER_ENV if scheduling else SERVER_ENV)}
    env.pop("PREFECT_API_URL", None)  # the server is the API, it points at no other
    deadline = time.monotonic() + timeout_s
    for _ in range(START_ATTEMPTS):
        port = _free_port()
        server = LocalServer(_launch(port, env), port)
        atexit.register(server.stop)  # a normal exit (or an exception) never leaves it running
        while time.monotonic() < deadline and server.process.poll() is None:
            if _healthy(server.api_url):
                return server
            time.sleep(POLL_SECONDS)
        if server.process.poll() is None:
            break  # still starting after the deadline: give up below
    server.stop()
    raise RuntimeError(
        f"the temporary Prefect server did not start within {timeout_s:.0f} s "
        f"(exit status {server.process.returncode}); set PREFECT_API_URL to a running server, or raise "
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
    )


@contextlib.contextmanager
def prefect_api(scheduling: bool = False) -> Iterator[str | None]:
    """Within the block Prefect talks to a configured API, or else to a guarded local server.

    Yields the local server's API URL, or None when a server is configured.
    ``scheduling`` (polex serve): the local server runs Prefect's scheduler, and child
    processes (the scheduled flow runs) get its URL through the environment.
    """
    settings = get_current_settings()
    if settings.api.url or not (settings.server.ephemeral.enabled or scheduling):
        yield None  # a configured server; or none allowed, and Prefect says so itself
        return
    timeout_s = max(settings.server.ephemeral.startup_timeout_seconds, START_TIMEOUT_FLOOR_S)
    server = start_local_server(timeout_s, scheduling=scheduling)
    try:
        with (
            temporary_settings(updates={PREFECT_API_URL: server.api_url}),
            _api_url_in_environment(server.api_url if scheduling else None),
        ):
            try:
                yield server.api_url
            finally:
                _drain_prefect_workers()
    finally:
        server.stop()


@contextlib.contextmanager
def _api_url_in_environment(url: str | None) -> Iterator[None]:
    """PREFECT_API_URL for the child processes started within the block (none if ``url`` is None)."""
    if url is None:
        yield
        return
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before


def _drain_prefect_workers() -> None:
    """Send the run's buffered logs and events while the server is still up
    (they would otherwise be flushed at exit, to a stopped server)."""
    APILogWorker.drain_all(timeout=10)
    EventsWorker.drain_all(timeout=10)


def _serve(parent_pid: int, port: int) -> None:
    exit_with_parent(parent_pid)  # the point of this module: no orphan when polex is SIGKILLed
    uvicorn.run(
        "prefect.server.api.server:create_app",
        factory=True,
        host="127.0.0.1",
        port=port,
        log_level="error",
        lifespan="on",
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parent-pid", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    cli_args = parser.parse_args()
    _serve(cli_args.parent_pid, cli_args.port)
