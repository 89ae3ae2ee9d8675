"""Ctrl-C and SIGTERM: stop within seconds, keep the published version, leave no child behind.

A terminal's Ctrl-C sends SIGINT to the whole foreground process group:
``polex`` and every process it started.  Left to their defaults, the
temporary Prefect server and the pool workers died at once, and the run then
spent minutes retrying a dead API (and printing its errors).  So:

- children ignore the terminal's signals (``ignore_terminal_signals`` in pool
  workers; the local Prefect server runs in its own session) and are stopped
  by polex itself, in order, after the flow has recorded its end;
- ``polex`` turns the first SIGINT/SIGTERM into ``pipeline.errors.Stopped`` (a
  ``KeyboardInterrupt``, which Prefect records as a crash and re-raises), and
  arms a deadline: if the orderly stop has not finished by then, the children
  are killed and the process exits anyway with the same status.

Publishing is atomic (``OUT/current`` swaps in one rename), so an interrupted
run leaves the previous version published whatever moment the signal lands.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from typing import Collection, Iterator

import psutil

from flows.orphan_guard import exit_with_parent
from pipeline.errors import Stopped
from pipeline.storage.batch import lean_worker

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# How long the orderly stop may take before the process exits regardless.
STOP_DEADLINE_S = 10.0
CHILD_TERMINATE_WAIT_S = 3.0


def ignore_terminal_signals() -> None:
    """For child processes polex stops itself: ignore the SIGINT/SIGTERM sent to the process group."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)


def _descendants(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _is_resource_tracker(process: psutil.Process) -> bool:
    """multiprocessing's resource tracker ignores SIGINT/SIGTERM by design and exits by
    itself once this process has gone (it reads EOF): not one to wait for."""
    try:
        return "multiprocessing.resource_tracker" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def child_pids() -> set[int]:
    """The pids of this process's children now."""
    try:
        return {child.pid for child in psutil.Process().children()}
    except psutil.Error:
        return set()


def terminate_children(wait_s: float = CHILD_TERMINATE_WAIT_S, spare: Collection[int] = ()) -> None:
    """SIGTERM every descendant of this process, SIGKILL those still alive after ``wait_s``.

    ``spare``: children (with their own descendants) to leave alone.
    """
    try:
        children = [child for child in psutil.Process().children() if child.pid not in spare]
        children += [grandchild for child in children for grandchild in _descendants(child)]
        children = [child for child in children if not _is_resource_tracker(child)]
    except psutil.Error:
        return
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=wait_s)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()
    psutil.wait_procs(alive, timeout=wait_s)


def _exit_at_deadline(stopping: threading.Event, done: threading.Event, status: int, deadline_s: float) -> None:
    stopping.wait()
    if done.wait(deadline_s):
        return
    print(f"polex: did not stop within {deadline_s:.0f} s; killing its processes", file=sys.stderr, flush=True)
    terminate_children(wait_s=1.0)
    os._exit(status)


@contextlib.contextmanager
def stop_on_signals(deadline_s: float = STOP_DEADLINE_S) -> Iterator[None]:
    """Within the block, SIGINT/SIGTERM raise ``Stopped`` in the main thread (once).

    Later signals are ignored while the stop is under way; if the stop takes
    longer than ``deadline_s`` the process exits with 128 + the signal number.
    """
    stopping, done = threading.Event(), threading.Event()
    received: list[int] = []

    def on_signal(signum: int, frame) -> None:
        if received:
            return  # already stopping: a second Ctrl-C must not interrupt the orderly stop
        received.append(signum)
        threading.Thread(
            target=_exit_at_deadline,
            args=(stopping, done, 128 + signum, deadline_s),
            name="polex-stop-deadline",
            daemon=True,
        ).start()
        stopping.set()
        raise Stopped(signum)

    previous = {signum: signal.signal(signum, on_signal) for signum in STOP_SIGNALS}
    try:
        yield
    except Stopped:
        raise
    except BaseException as exc:
        # Prefect turns a SIGTERM into its own TerminationSignal, and other code may wrap
        # the interrupt; once a signal was received, what leaves the block is that stop.
        if received:
            raise Stopped(received[0]) from exc
        raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if received:
            terminate_children()
        done.set()


def init_pool_worker(parent_pid: int) -> None:
    """Process-pool initializer: exit when ``parent_pid`` dies; leave stopping to polex;
    keep the worker's memory down (``pipeline.storage.batch.lean_worker``)."""
    ignore_terminal_signals()
    exit_with_parent(parent_pid)
    lean_worker()
