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
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any, Callable

import prefect
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from flows.shutdown import init_pool_worker
from pipeline.core.schema import with_pandas_metadata
from pipeline.errors import UserError
from pipeline.fingerprint import fingerprint
from pipeline.linking import KEY_SCHEMA, linking_version
from pipeline.process import published_schemas
from pipeline.reading.reader import DEFAULT_MAX_BYTES, list_corpus
from pipeline.storage.batch import BatchResult, BatchSpec, quarantine_row, run_batch
from pipeline.storage.index import build_index
from pipeline.storage.links import KEYS_TABLE, LINKS_TABLE, write_target_links
from pipeline.storage.parts import PartSource, plan_parts, renamed_sources, staged_part_id
from pipeline.storage.plan import (
    BATCH_BYTES,
    BATCH_DOCS,
    INGESTED,
    QUARANTINED,
    Plan,
    cache_version,
    cpu_count,
    make_batches,
    make_plan,
    scan_corpus,
    utc_now,
)
from pipeline.storage.publish import DerivedTable, OutputStore, new_run_id
from pipeline.storage.removal_guard import check_removals

DASK_ADDRESS_ENV = "POLEX_DASK_ADDRESS"
# Test hooks (acceptance tests drive the real CLI): SIGKILL the run after N
# finished batches; or hold before publishing until a file appears.
CRASH_AFTER_BATCHES_ENV = "POLEX_TEST_CRASH_AFTER_BATCHES"
HOLD_BEFORE_PUBLISH_ENV = "POLEX_TEST_HOLD_BEFORE_PUBLISH"

MANIFEST_FORMAT = 2  # tables as folders of parts, the file index in index.parquet
# Cross-document tables computed at publish from the new version's parts, by name
# (``pipeline.storage.publish.DerivedTable``); e.g. ``target_links``.
# ``target_links`` writes its folder of block files itself, and its side table
# ``target_keys`` (each target's indicator key, reused by the next run).
DERIVED_TABLES: dict[str, DerivedTable] = {
    LINKS_TABLE: DerivedTable(
        published_schemas()[LINKS_TABLE],
        version=linking_version(),
        write=write_target_links,
        side_tables={KEYS_TABLE: with_pandas_metadata(KEY_SCHEMA)},
    ),
}

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
def scan_task(corpus_root: str, out: str, rehash: bool) -> tuple[pa.Table, list[str]]:
    """Stat every file; hash only those whose stat differs from the published index (all
    with ``rehash``); and the ignored (hidden, OS junk) files by path.  Plain
    parameters: Prefect records a task's inputs."""
    listing = list_corpus(Path(corpus_root))
    scan = scan_corpus(Path(corpus_root), OutputStore(out).current_index(), rehash, paths=listing.files)
    return scan, listing.ignored


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


def _previous_sources(
    store: OutputStore, previous: dict, plan: Plan, scan: pa.Table, tables: list[str]
) -> list[PartSource]:
    """The published version's parts, each with the documents it keeps (none: dropped)."""
    kept = pa.table(
        {"part": plan.previous_rows.column("part"), "path": scan.column("path"), "size": scan.column("size")}
    )
    kept = kept.filter(plan.reuse)
    by_part = {
        row["part"]: row for row in kept.group_by("part").aggregate([("size", "sum"), ("size", "count")]).to_pylist()
    }
    partial = {part for part, row in by_part.items() if row["size_count"] < previous["parts"][part]["docs"]}
    keep: dict[str, set[str]] = {part: set() for part in partial}
    if partial:
        rows = kept.filter(pc.is_in(kept.column("part"), value_set=pa.array(sorted(partial), pa.string())))
        for part, path in zip(rows.column("part").to_pylist(), rows.column("path").to_pylist()):
            keep[part].add(path)
    sources = []
    for part, info in sorted(previous["parts"].items()):
        counted = by_part.get(part, {"size_sum": 0, "size_count": 0})
        files = {t: store.current_part_file(t, part) for t in tables if info["rows"].get(t)}
        whole = part not in partial
        sources.append(
            PartSource(
                part,
                files,
                counted["size_count"],
                counted["size_sum"] or 0,
                keep=None if whole else frozenset(keep[part]),
                rows=info["rows"] if whole else None,
            )
        )
    return sources


def _staged_sources(run_id: str, results: list[BatchResult], sizes: dict[str, int]) -> list[PartSource]:
    sources = []
    for result in results:
        files = {t: Path(result.folder) / f"{t}.parquet" for t, n in result.row_counts.items() if n}
        paths = result.ingested + [row["source_path"] for row in result.quarantined]
        name = staged_part_id(run_id, result.batch_no)
        sources.append(PartSource(name, files, len(paths), sum(sizes[p] for p in paths), rows=dict(result.row_counts)))
    return sources


def _processed_entries(run_id: str, results: list[BatchResult], renamed: dict[str, str]) -> dict[str, tuple]:
    """path -> (status, stage, part) of every file processed this run."""
    entries: dict[str, tuple] = {}
    for result in results:
        name = staged_part_id(run_id, result.batch_no)
        part = renamed.get(name, name)
        for path in result.ingested:
            entries[path] = (INGESTED, None, part)
        for row in result.quarantined:
            entries[row["source_path"]] = (QUARANTINED, row["stage"], part)
    return entries


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
    rehash: bool = False,
) -> dict[str, Any]:
    """Ingest every document under ``corpus`` and publish the tables to ``out`` atomically.

    ``allow_removals``: publish even when most published documents are gone from
    the corpus (``pipeline.storage.removal_guard``); otherwise the run refuses.
    ``rehash``: hash every file, even those whose size and mtime match the index.
    """
    corpus_root = Path(corpus).resolve()
    if not corpus_root.is_dir():
        raise UserError(
            f"corpus folder {corpus} does not exist or is not a folder; pass the folder holding the documents"
        )
    store = OutputStore(out)
    store.prepare()
    with store.lock(wait=wait):
        return _ingest_locked(
            corpus_root, store, RunOptions(batch_bytes, batch_docs, max_bytes, rehash, allow_removals)
        )


@dataclass
class RunOptions:
    batch_bytes: int = BATCH_BYTES
    batch_docs: int = BATCH_DOCS
    max_bytes: int = DEFAULT_MAX_BYTES
    rehash: bool = False
    allow_removals: bool = False


def document_schemas() -> dict[str, pa.Schema]:
    """The tables made of per-document rows (the derived ones are computed at publish)."""
    return {name: schema for name, schema in published_schemas().items() if name not in DERIVED_TABLES}


def _plan_run(
    store: OutputStore, corpus_root: Path, options: RunOptions
) -> tuple[dict | None, pa.Table, list[str], Plan]:
    """The published manifest, this run's scan, the ignored files and the plan."""
    previous = store.current_manifest()
    index = store.current_index()  # even when its rows cannot be reused, its hashes can
    reusable = (
        previous is not None
        and previous.get("format") == MANIFEST_FORMAT
        and index is not None
        and store.current_schemas_match(document_schemas())
    )
    scan, ignored = scan_task(str(corpus_root), str(store.out), options.rehash)
    plan = make_plan(scan, index, cache_version(), reusable, options.max_bytes)
    # Before any work: an emptied or wrong corpus folder must not empty the published tables.
    published, plan.removed = _published_and_removed(store, index, scan, plan)
    check_removals(published, plan.removed, scan.num_rows, options.allow_removals)
    return (previous if reusable else None), scan, ignored, plan


def _published_and_removed(store: OutputStore, index: pa.Table | None, scan: pa.Table, plan: Plan) -> tuple[int, int]:
    """The published documents and how many of them this run removes: from the file index,
    or, for a version written before it (manifest format 1, upgrading), from the document
    list of its manifest, which otherwise would count as none published."""
    if index is not None:
        return index.num_rows, plan.removed
    published = pa.array(store.current_paths(), pa.string())
    present = pc.is_in(published, value_set=scan.column("path").combine_chunks())
    return len(published), len(published) - int(pc.sum(present).as_py() or 0)


def _counts(
    scan: pa.Table, ignored: list[str], plan: Plan, results: list[BatchResult], unreadable_rows: list[dict]
) -> dict[str, int]:
    return {
        "files": scan.num_rows,
        "ignored": len(ignored),
        "hashed": int(pc.sum(scan.column("hashed")).as_py() or 0),
        "added": plan.added,
        "changed": plan.changed,
        "removed": plan.removed,
        "unchanged": len(plan.kept_ingested) + len(plan.kept_quarantined),
        "processed": len(plan.to_process),
        "ingested": len(plan.kept_ingested) + sum(len(r.ingested) for r in results),
        "quarantined": len(plan.kept_quarantined) + len(unreadable_rows) + sum(len(r.quarantined) for r in results),
        "chars_processed": sum(r.chars for r in results),
    }


def _ingest_locked(corpus_root: Path, store: OutputStore, options: RunOptions) -> dict:
    logger = get_run_logger()
    started = utc_now()
    run_id = new_run_id(started)
    store.collect_garbage()  # debris of killed runs (we hold the lock, so none is alive)
    previous, scan, ignored, plan = _plan_run(store, corpus_root, options)
    batches = make_batches(plan.to_process, options.batch_bytes, options.batch_docs)
    _progress("planned", total=scan.num_rows, to_process=len(plan.to_process), batches=len(batches))
    logger.info(
        "run %s: %d files, %d to process in %d batches (%d added, %d changed), %d unchanged, %d removed",
        run_id,
        scan.num_rows,
        len(plan.to_process),
        len(batches),
        plan.added,
        plan.changed,
        len(plan.kept_ingested) + len(plan.kept_quarantined),
        plan.removed,
    )
    staging = store.staging_dir(run_id)
    version = fingerprint()  # the documents table's extractor_version column (= the cache key)
    specs = [
        BatchSpec(
            str(corpus_root), [(f.path, f.sha256) for f in batch], str(staging), no, started, version, options.max_bytes
        )
        for no, batch in enumerate(batches)
    ]
    results = _run_batches(specs) if specs else []
    unreadable_rows = [quarantine_row(f.path, None, "read", f.error, started) for f in plan.unreadable]
    counts = _counts(scan, ignored, plan, results, unreadable_rows)
    manifest: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "run_id": run_id,
        "corpus": str(corpus_root),
        "started_at": started.isoformat(),
        "finished_at": None,
        "counts": counts,
        "versions": _versions(),
    }
    _hold_before_publish()
    if previous is not None and _nothing_changed(store, previous, plan):
        return _report_unchanged(logger, store, previous, scan, plan, counts, options)
    _progress("publishing")
    row_counts = _publish(store, run_id, previous, scan, plan, results, unreadable_rows, manifest, options)
    store.collect_garbage()
    return _report(logger, store, run_id, counts, row_counts)


def _nothing_changed(store: OutputStore, previous: dict, plan: Plan) -> bool:
    """True when the version this run would publish holds exactly the published tables: no
    file added, changed or removed, the same files unreadable for the same reasons, and the
    derived tables computed by the same code.  (Files touched with the same bytes change only
    the index's stat, refreshed in place: ``_report_unchanged``.)"""
    if plan.to_process or plan.removed or plan.added or plan.changed:
        return False
    if (previous.get("derived") or {}) != {name: table.version for name, table in DERIVED_TABLES.items()}:
        return False
    return _unreadable_rows_of(store) == {(f.path, f.error) for f in plan.unreadable}


def _unreadable_rows_of(store: OutputStore) -> set[tuple[str, str]]:
    """(path, error) of the published quarantine rows of files that could not be read (no index row)."""
    path = store.current_table_path("quarantine")
    if path is None:
        return set()
    rows = pq.read_table(path, columns=["source_path", "stage", "error"], filters=[("stage", "=", "read")])
    indexed = set(store.current_paths())
    return {(r["source_path"], r["error"]) for r in rows.to_pylist() if r["source_path"] not in indexed}


def _report_unchanged(logger, store, previous, scan, plan, counts, options) -> dict:
    """Publish nothing: the published version stays; only its file index's stats are refreshed
    (a file touched with the same bytes is not hashed again next run)."""
    index = build_index(scan, plan.reuse, plan.previous_rows, {}, {}, cache_version(), options.max_bytes)
    refreshed = store.refresh_index(index)
    logger.info(
        "nothing changed: version %s stays published (%s)%s",
        previous["run_id"],
        ", ".join(f"{k}={v}" for k, v in counts.items()),
        "; file index stats refreshed" if refreshed else "",
    )
    quarantine_path = store.current_table_path("quarantine")
    quarantined = pq.read_table(quarantine_path, columns=["source_path", "stage", "error"]).to_pylist()
    return {"run_id": previous["run_id"], "published": False, "counts": counts, "tables": previous["tables"],
            "quarantined": quarantined}  # fmt: skip


def _publish(store, run_id, previous, scan, plan, results, unreadable_rows, manifest, options) -> dict[str, int]:
    """Lay out the new version's parts and publish it (not a task: it runs in this process)."""
    schemas = document_schemas()
    sources = _previous_sources(store, previous, plan, scan, list(schemas)) if previous else []
    sizes = {f.path: f.size for f in plan.to_process}
    sources += _staged_sources(run_id, results, sizes)
    parts = plan_parts(run_id, sources, options.batch_docs, options.batch_bytes)
    renamed = renamed_sources(parts)
    index = build_index(
        scan,
        plan.reuse,
        plan.previous_rows,
        _processed_entries(run_id, results, renamed),
        renamed,
        cache_version(),
        options.max_bytes,
    )
    tables: dict[str, tuple[pa.Schema, list[pa.Table]]] = {name: (schema, []) for name, schema in schemas.items()}
    tables["quarantine"] = (
        schemas["quarantine"],
        [pa.Table.from_pylist(unreadable_rows, schema=schemas["quarantine"])],
    )
    manifest["finished_at"] = utc_now().isoformat()
    return store.publish(run_id, tables, manifest, parts, index, DERIVED_TABLES, carried=plan.kept_ingested)


def _report(logger, store: OutputStore, run_id: str, counts: dict, row_counts: dict) -> dict:
    quarantine_path = store.current_table_path("quarantine")
    quarantined = pq.read_table(quarantine_path, columns=["source_path", "stage", "error"]).to_pylist()
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
    return {"run_id": run_id, "published": True, "counts": counts, "tables": row_counts, "quarantined": quarantined}
