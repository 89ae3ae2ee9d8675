"""Real processes and real signals for the stop tests: a ``polex`` started as a
terminal starts it (its own process group, so a signal to the group is what
Ctrl-C sends), its whole process tree, and the check that none of it is left."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import psutil
from polex_cli import POLEX, polex_env


def start_in_own_group(
    *args: str, env: dict[str, str] | None = None, stderr_to: Path | None = None
) -> subprocess.Popen:
    """``polex ARGS`` as the leader of a new process group (a terminal's foreground job).

    stderr goes to ``stderr_to`` (a file: a pipe nobody reads could fill and block the
    process), stdout is captured.
    """
    err = open(stderr_to, "w") if stderr_to is not None else subprocess.PIPE
    try:
        return subprocess.Popen(
            [str(POLEX), *args],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=env if env is not None else polex_env(),
            start_new_session=True,
        )
    finally:
        if stderr_to is not None:
            err.close()


def env_without_server(**extra: str) -> dict[str, str]:
    """The test environment without PREFECT_API_URL: polex must start its own server."""
    env = {k: v for k, v in polex_env().items() if k != "PREFECT_API_URL"}
    env.update(extra)
    return env


def descendants(proc: subprocess.Popen) -> list[psutil.Process]:
    try:
        return psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def signal_group(proc: subprocess.Popen, signum: int) -> float:
    """Send ``signum`` to the process group (Ctrl-C in a terminal); return the time it was sent."""
    os.killpg(proc.pid, signum)
    return time.monotonic()


def wait_exit(proc: subprocess.Popen, timeout_s: float) -> tuple[int | None, float]:
    """(exit status or None if still running after ``timeout_s``, seconds waited)."""
    started = time.monotonic()
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - started
    return proc.returncode, time.monotonic() - started


def still_alive(processes: list[psutil.Process], grace_s: float = 3.0) -> list[psutil.Process]:
    """Those of ``processes`` still running after ``grace_s`` (zombies count as gone)."""
    deadline = time.monotonic() + grace_s
    while True:
        alive = []
        for process in processes:
            try:
                if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                    alive.append(process)
            except psutil.NoSuchProcess:
                pass
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def kill_tree(proc: subprocess.Popen, processes: list[psutil.Process]) -> None:
    """Clean-up after a failed assertion: only what this test started."""
    for process in [*processes, *descendants(proc)]:
        try:
            process.kill()
        except psutil.Error:
            pass
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def wait_for(predicate, timeout_s: float, proc: subprocess.Popen | None = None, what: str = "condition") -> None:
    """Poll ``predicate`` until true; fail if ``proc`` exits first or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"polex exited with {proc.returncode} before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {timeout_s:.0f} s")
        time.sleep(0.2)


def signal_name(signum: int) -> str:
    return signal.Signals(signum).name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_prefect_server(home: Path, log_path: Path, timeout_s: float = 120.0) -> tuple[subprocess.Popen, str]:
    """A real ``prefect server start`` (scheduler included) with its own PREFECT_HOME and log."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in polex_env().items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [str(POLEX.parent / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )

    def healthy() -> bool:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    wait_for(healthy, timeout_s, proc, "healthy Prefect server")
    return proc, url


def stop_group(proc: subprocess.Popen) -> None:
    """Stop a process started with start_new_session (it and its children)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
