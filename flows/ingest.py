"""The ``ingest_corpus`` Prefect flow: scan, plan, process batches, publish.

The work itself lives in orchestration-free modules (pipeline.storage: plan,
batch, publish); this module only adds tasks, retries,
parallelism and run logging.  Batches (not documents) are tasks because a
Prefect task run costs ~30 ms.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import signal
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any, Callable

import prefect
import pyarrow as pa
import pyarrow.parquet as pq
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows.shutdown import init_pool_worker
from pipeline.errors import UserError
from pipeline.fingerprint import fingerprint
from pipeline.linking import linking_version
from pipeline.process import published_schemas
from pipeline.reading.reader import DEFAULT_MAX_BYTES, list_corpus
from pipeline.storage.batch import BatchResult, BatchSpec, quarantine_row, run_batch
from pipeline.storage.links import LINKS_TABLE, link_tables_writer
from pipeline.storage.plan import (
    BATCH_BYTES,
    BATCH_DOCS,
    INGESTED,
    QUARANTINED,
    ScannedFile,
    cache_version,
    cpu_count,
    hash_files,
    make_batches,
    make_plan,
    utc_now,
)
from pipeline.storage.publish import OutputStore, iter_parquet, iter_rows_with_keys, new_run_id, rows_per_batch
from pipeline.storage.removal_guard import check_removals

DASK_ADDRESS_ENV = "POLEX_DASK_ADDRESS"
# Test hooks (acceptance tests drive the real CLI): SIGKILL the run after N
# finished batches; or hold before publishing until a file appears.
CRASH_AFTER_BATCHES_ENV = "POLEX_TEST_CRASH_AFTER_BATCHES"
HOLD_BEFORE_PUBLISH_ENV = "POLEX_TEST_HOLD_BEFORE_PUBLISH"

# The CLI registers a callback(event, info) here to drive its progress bar.
PROGRESS_LISTENERS: list[Callable[[str, dict[str, Any]], None]] = []


def _progress(event: str, **info: Any) -> None:
    for listener in PROGRESS_LISTENERS:
        listener(event, info)


# Local parallelism.  Measured on 2 cores: Prefect's ProcessPoolTaskRunner spawns
# workers that import Prefect and connect to the API (~10 s fixed cost per run
# against the ephemeral server).  Instead, batch tasks run on threads that only
# wait, while the CPU work goes to a forkserver process pool of plain
# ``run_batch`` workers (no Prefect in them, ~0.5 s start-up).  Set per run by
# the flow; None on Dask workers, where batches run in the worker process.
_LOCAL_POOL: concurrent.futures.ProcessPoolExecutor | None = None


def default_task_runner():
    """Dask when POLEX_DASK_ADDRESS is set, else threads feeding the local process pool."""
    address = os.environ.get(DASK_ADDRESS_ENV)
    if address:
        return dask_task_runner(address)
    return ThreadPoolTaskRunner(max_workers=cpu_count())


def _start_local_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.storage.batch", "flows.shutdown"])  # workers fork with these imported
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=init_pool_worker, initargs=(os.getpid(),)
    )


def _stop_local_pool_now(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """Interrupted or failed: cancel queued batches and end the running ones now, instead
    of waiting for them (their half-written staging folders are debris the next run
    removes).  SIGKILL: the workers ignore SIGINT/SIGTERM (``init_pool_worker``)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public API before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join(timeout=5)


def dask_task_runner(address: str):
    # Deferred: prefect-dask is the optional `dask` extra, and importing it costs 1.25 s (measured).
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        raise UserError(f"--dask-address needs the dask extra ({exc}): pip install 'polex[dask]'") from exc

    return DaskTaskRunner(address=address)


def _retry_on_os_error(task, task_run, state) -> bool:
    """Retry only transient I/O errors; anything else already became quarantine rows."""
    try:
        state.result()
    except OSError:
        return True
    except BaseException:
        return False
    return False


@task(name="scan-corpus", cache_policy=NO_CACHE, persist_result=False)
def scan_task(corpus_root: str) -> tuple[list[ScannedFile], list[str]]:
    """Every file hashed, and the ignored (hidden, OS junk) ones by path."""
    listing = list_corpus(Path(corpus_root))
    return hash_files(Path(corpus_root), listing.files), listing.ignored


# NO_CACHE: our cache is the manifest (sha256 + the code fingerprint); a Prefect
# result cache could hand back a staging folder that no longer exists.
@task(
    name="process-batch",
    retries=2,
    retry_delay_seconds=1,
    retry_condition_fn=_retry_on_os_error,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def process_batch_task(spec: BatchSpec) -> BatchResult:
    pool = _LOCAL_POOL
    if pool is None:
        return run_batch(spec)
    return pool.submit(run_batch, spec).result()


def _run_batches(specs: list[BatchSpec]) -> list[BatchResult]:
    crash_after = int(os.environ.get(CRASH_AFTER_BATCHES_ENV, "0") or 0)
    results: list[BatchResult] = []

    def collect(result: BatchResult) -> None:
        results.append(result)
        _progress("batch_done", docs=len(result.ingested) + len(result.quarantined))
        if crash_after and len(results) >= crash_after:
            os.kill(os.getpid(), signal.SIGKILL)

    global _LOCAL_POOL
    local = isinstance(FlowRunContext.get().task_runner, ThreadPoolTaskRunner)
    if local and len(specs) == 1:
        collect(process_batch_task(specs[0]))  # inline: no worker start-up for a small corpus
        return results
    if local:  # on Dask every batch, even a single one, goes to the cluster
        _LOCAL_POOL = _start_local_pool(min(cpu_count(), len(specs)))
    try:
        for future in as_completed([process_batch_task.submit(spec) for spec in specs]):
            collect(future.result())
    except BaseException:
        if local:
            _stop_local_pool_now(_LOCAL_POOL)
        raise
    finally:
        if local:
            _LOCAL_POOL.shutdown(wait=True, cancel_futures=True)
            _LOCAL_POOL = None
    return sorted(results, key=lambda r: r.batch_no)


def _hold_before_publish() -> None:
    marker = os.environ.get(HOLD_BEFORE_PUBLISH_ENV)
    if not marker:
        return
    Path(marker + ".waiting").write_text(str(os.getpid()))
    deadline = time.monotonic() + 120
    while not Path(marker).exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def _table_streams(store: OutputStore, plan, results: list[BatchResult], unreadable_rows: list[dict]) -> dict:
    """name -> (schema, parts): carried-over rows of the current version, then this run's batches;
    ``target_links`` (and its side table ``target_keys``) is computed across documents and
    written block by block (pipeline.storage.links)."""
    tables = {}
    for name, schema in published_schemas().items():
        if name == LINKS_TABLE:
            continue  # folders of part files, written by link_tables_writer
        key, keys = ("source_path", plan.kept_quarantined) if name == "quarantine" else ("doc_id", plan.kept_ingested)
        previous = store.current_table_path(name)
        staged = [Path(r.folder) / f"{name}.parquet" for r in results if r.row_counts.get(name)]

        def parts(previous=previous, key=key, keys=keys, staged=staged, name=name, schema=schema):
            batch_rows = rows_per_batch(schema)
            if previous is not None:
                yield from iter_rows_with_keys(previous, key, keys, batch_rows)
            yield from iter_parquet(staged, batch_rows)
            if name == "quarantine" and unreadable_rows:
                yield pa.Table.from_pylist(unreadable_rows, schema=schema)

        tables[name] = (schema, parts())
    return tables


def _manifest_documents(
    previous: dict | None, plan, results: list[BatchResult], sha_by_path: dict, cached_as: str, max_bytes: int
) -> dict:
    prev_docs = (previous or {}).get("documents", {})
    docs = {path: prev_docs[path] for path in sorted(plan.kept_ingested | plan.kept_quarantined)}
    for result in results:
        for path in result.ingested:
            docs[path] = {"sha256": sha_by_path[path], "cache_version": cached_as, "status": INGESTED}
        for row in result.quarantined:
            docs[row["source_path"]] = {
                "sha256": row["sha256"],
                "cache_version": cached_as,
                "status": QUARANTINED,
                "stage": row["stage"],
                "max_bytes": max_bytes,  # make_plan retries the quarantine under another limit
            }
    return dict(sorted(docs.items()))


def _versions() -> dict[str, str]:
    return {
        "polex": version("polex"),
        "extractors_version": fingerprint(),
        "linking": linking_version(),  # publish keeps the previous target_links only under the same rules
        "prefect": prefect.__version__,
    }


@flow(name="ingest_corpus", task_runner=default_task_runner(), log_prints=False)
def ingest_corpus(
    corpus: str,
    out: str,
    wait: bool = False,
    batch_bytes: int = BATCH_BYTES,
    batch_docs: int = BATCH_DOCS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_removals: bool = False,
) -> dict[str, Any]:
    """Ingest every document under ``corpus`` and publish the tables to ``out`` atomically.

    ``allow_removals``: publish even when most published documents are gone from
    the corpus (``pipeline.storage.removal_guard``); otherwise the run refuses.
    """
    corpus_root = Path(corpus).resolve()
    if not corpus_root.is_dir():
        raise UserError(
            f"corpus folder {corpus} does not exist or is not a folder; pass the folder holding the documents"
        )
    store = OutputStore(out)
    store.prepare()
    with store.lock(wait=wait):
        return _ingest_locked(corpus_root, store, (batch_bytes, batch_docs), max_bytes, allow_removals)


def _plan(corpus_root: Path, store: OutputStore, cached_as: str, max_bytes: int, allow_removals: bool):
    """Scan the corpus and compare it with the published version: (files, ignored, previous manifest, plan)."""
    files, ignored = scan_task(str(corpus_root))
    previous = store.current_manifest()
    reusable = previous is not None and store.current_schemas_match(published_schemas())
    plan = make_plan(files, previous, cached_as, reusable, max_bytes)
    # Before any work: an emptied or wrong corpus folder must not empty the published tables.
    check_removals(len((previous or {}).get("documents", {})), plan.removed, len(files), allow_removals)
    return files, ignored, previous, plan


def _log_planned(logger, run_id: str, files: list[ScannedFile], plan, batches: list) -> None:
    logger.info(
        "run %s: %d files, %d to process in %d batches (%d added, %d changed), %d unchanged, %d removed",
        run_id,
        len(files),
        len(plan.to_process),
        len(batches),
        plan.added,
        plan.changed,
        len(plan.kept_ingested) + len(plan.kept_quarantined),
        plan.removed,
    )


def _counts(
    files: list[ScannedFile], ignored: list[str], plan, results: list[BatchResult], unreadable_rows: list[dict]
) -> dict[str, int]:
    return {
        "files": len(files),
        "ignored": len(ignored),
        "added": plan.added,
        "changed": plan.changed,
        "removed": plan.removed,
        "unchanged": len(plan.kept_ingested) + len(plan.kept_quarantined),
        "processed": len(plan.to_process),
        "ingested": len(plan.kept_ingested) + sum(len(r.ingested) for r in results),
        "quarantined": len(plan.kept_quarantined) + len(unreadable_rows) + sum(len(r.quarantined) for r in results),
        "chars_processed": sum(r.chars for r in results),
    }


def _log_published(logger, run_id: str, counts: dict, row_counts: dict, quarantined: list[dict]) -> None:
    logger.info(
        "published version %s: %s; rows %s",
        run_id,
        ", ".join(f"{k}={v}" for k, v in counts.items()),
        row_counts,
    )
    if quarantined:
        logger.warning("%d documents quarantined (see the quarantine table)", len(quarantined))
    for row in quarantined:
        logger.info("QUARANTINED %s [%s] %s", row["source_path"], row["stage"], row["error"])


def _ingest_locked(
    corpus_root: Path, store: OutputStore, sizes: tuple[int, int], max_bytes: int, allow_removals: bool
) -> dict:
    logger = get_run_logger()
    started = utc_now()
    run_id = new_run_id(started)
    store.collect_garbage()  # debris of killed runs (we hold the lock, so none is alive)
    version = fingerprint()  # the documents table's extractor_version column
    cached_as = cache_version()  # the manifest's cache key, with each document's sha256 (the same fingerprint)
    files, ignored, previous, plan = _plan(corpus_root, store, cached_as, max_bytes, allow_removals)
    batches = make_batches(plan.to_process, *sizes)
    _progress("planned", total=len(files), to_process=len(plan.to_process), batches=len(batches))
    _log_planned(logger, run_id, files, plan, batches)

    staging = store.staging_dir(run_id)
    specs = [
        BatchSpec(str(corpus_root), [(f.path, f.sha256) for f in batch], str(staging), no, started, version, max_bytes)
        for no, batch in enumerate(batches)
    ]
    results = _run_batches(specs) if specs else []
    unreadable_rows = [quarantine_row(f.path, None, "read", f.error, started) for f in plan.unreadable]
    counts = _counts(files, ignored, plan, results, unreadable_rows)
    manifest = {
        "format": 1,
        "run_id": run_id,
        "corpus": str(corpus_root),
        "started_at": started.isoformat(),
        "finished_at": None,
        "counts": counts,
        "versions": _versions(),
        "documents": _manifest_documents(
            previous, plan, results, {f.path: f.sha256 for f in files}, cached_as, max_bytes
        ),
    }
    _hold_before_publish()
    _progress("publishing")
    manifest["finished_at"] = utc_now().isoformat()
    tables = _table_streams(store, plan, results, unreadable_rows)
    write_links, manifest["link_blocks"] = link_tables_writer(
        store, plan.kept_ingested, [Path(r.folder) for r in results], previous
    )
    # Not a task: the table streams are generators, read in this process.
    row_counts = store.publish(run_id, tables, manifest, folders={LINKS_TABLE: write_links}, linked=[LINKS_TABLE])
    store.collect_garbage()
    quarantine_path = store.current_table_path("quarantine")
    quarantined = pq.read_table(quarantine_path, columns=["source_path", "stage", "error"]).to_pylist()
    _log_published(logger, run_id, counts, row_counts, quarantined)
    return {"run_id": run_id, "counts": counts, "tables": row_counts, "quarantined": quarantined}
