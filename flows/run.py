"""One run of the ``ingest_corpus`` flow, as ``polex run`` starts it (no argument parsing here).

With no Prefect server configured, the run gets a temporary local server
that dies with this process (``flows.local_server``).
"""

from __future__ import annotations

from typing import Any, Callable

from flows import ingest
from flows.local_server import prefect_api

ProgressListener = Callable[[str, dict[str, Any]], None]


def run_ingest(
    corpus: str,
    out: str,
    *,
    wait: bool = False,
    dask_address: str | None = None,
    batch_docs: int | None = None,
    batch_bytes: int | None = None,
    max_bytes: int | None = None,
    allow_removals: bool = False,
    rehash: bool = False,
    on_progress: ProgressListener | None = None,
) -> dict[str, Any]:
    """Run the flow once; the flow's summary (run id, counts, tables, quarantined rows).

    ``on_progress(event, info)`` hears ``planned``, ``batch_done`` and ``publishing``.
    """
    flow = ingest.ingest_corpus
    if dask_address:
        flow = flow.with_options(task_runner=ingest.dask_task_runner(dask_address))
    params: dict[str, Any] = {
        "corpus": corpus,
        "out": out,
        "wait": wait,
        "allow_removals": allow_removals,
        "rehash": rehash,
    }
    if batch_docs is not None:
        params["batch_docs"] = batch_docs
    if batch_bytes is not None:
        params["batch_bytes"] = batch_bytes
    if max_bytes is not None:
        params["max_bytes"] = max_bytes
    if on_progress is not None:
        ingest.PROGRESS_LISTENERS.append(on_progress)
    try:
        with prefect_api():  # no server configured: a temporary one that dies with this process
            return flow(**params)
    finally:
        if on_progress is not None:
            ingest.PROGRESS_LISTENERS.remove(on_progress)
