"""Session-wide test environment: Prefect offline, in its own home, no analytics.

The environment is set at import time, before any test imports Prefect.
``prefect_api_url`` starts one real local ``prefect server start`` for the
whole session (only when a test asks for it), exports PREFECT_API_URL so the
CLI subprocesses talk to it instead of each paying an ephemeral server
start-up, and kills it at the end of the session.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SERVER_START_TIMEOUT_S = 90

_PREFECT_HOME = tempfile.mkdtemp(prefix="polex-test-prefect-home-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_SERVER_UI_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
# A temporary server gets 20 s to start by default; on a loaded 2-core CI machine its
# start measured 15-22 s (before and after the refactor alike): give the tests' runs more.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
# A configured API URL from the developer's profile must not leak into tests.
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("PREFECT_PROFILE", None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"prefect server not healthy after {timeout} s")


def _drain_prefect_workers() -> None:
    """Flush logs/events of in-process flow runs while the server is still up."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)
    EventsWorker.drain_all(timeout=10)


@pytest.fixture(scope="session")
def prefect_api_url():
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = open(Path(_PREFECT_HOME) / "server.log", "wb")
    proc = subprocess.Popen(
        [
            str(BIN / "prefect"),
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-ui",
            "--analytics-off",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: we kill exactly it and its children
    )
    try:
        _wait_healthy(url, proc, SERVER_START_TIMEOUT_S)
        os.environ["PREFECT_API_URL"] = url
        yield url
    finally:
        _drain_prefect_workers()
        os.environ.pop("PREFECT_API_URL", None)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
