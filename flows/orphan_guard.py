"""Make pool worker processes exit when the process that started them dies.

If ``polex run`` is killed (SIGKILL, OOM killer), its process-pool workers
would otherwise live on, blocked on their task queue, holding the terminal's
pipes open and memory.  A daemon thread in each worker polls the parent.
"""

from __future__ import annotations

import os
import threading
import time

import psutil

POLL_SECONDS = 0.5


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE  # a killed, unreaped parent is a zombie
    except psutil.NoSuchProcess:
        return False


def _watch(pid: int) -> None:
    while _alive(pid):
        time.sleep(POLL_SECONDS)
    os._exit(70)


def exit_with_parent(parent_pid: int) -> None:
    """Pool initializer: start the watchdog for ``parent_pid``."""
    threading.Thread(target=_watch, args=(parent_pid,), name="orphan-guard", daemon=True).start()
