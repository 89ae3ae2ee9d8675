"""``polex run CORPUS --out OUT``: run the ingest_corpus flow once.

Exit status: 0 every document ingested; 1 some quarantined (the others are
published); 2 user error (missing corpus, unwritable OUT, unreachable Dask
scheduler, a run that would remove most published documents); 3 another run
holds the lock on OUT (use --wait); 4 the run failed (e.g. disk full while
publishing) and the previous version stays published; 130/143 stopped by
Ctrl-C/SIGTERM, the previous version stays published.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from pipeline.errors import EXIT_FAILED, EXIT_LOCKED, EXIT_OK, EXIT_QUARANTINED, OutputLocked, Stopped, UserError
from pipeline.reading.formats import OFFICE_SIZE_FACTOR
from pipeline.reading.reader import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, list_corpus
from pipeline.storage.publish import OutputStore
from pipeline.storage.removal_guard import check_removals

DASK_ADDRESS_ENV = "POLEX_DASK_ADDRESS"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "corpus",
        type=Path,
        help=f"folder of documents ({', '.join(SUPPORTED_SUFFIXES)}), read recursively; any other file is a"
        " quarantine row",
    )
    parser.add_argument("--out", type=Path, required=True, help="output folder for the Parquet tables")
    parser.add_argument(
        "--wait", action="store_true", help="wait for another run on OUT to finish instead of exiting with status 3"
    )
    parser.add_argument(
        "--dask-address",
        default=os.environ.get(DASK_ADDRESS_ENV),
        help="run batches on this Dask scheduler (e.g. tcp://host:8786; env POLEX_DASK_ADDRESS)",
    )
    parser.add_argument("--batch-docs", type=int, default=None, help="at most this many documents per batch task")
    parser.add_argument("--batch-mb", type=float, default=None, help="at most ~this many MB of input per batch task")
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help=f"quarantine text and HTML files larger than this (bytes, default"
        f" {DEFAULT_MAX_BYTES // 2**20} MB); PDF and Word files may be"
        f" {OFFICE_SIZE_FACTOR} times larger",
    )
    parser.add_argument(
        "--allow-removals",
        action="store_true",
        help="publish even if the corpus no longer holds most published documents (an emptied folder)",
    )
    parser.add_argument(
        "--rehash",
        action="store_true",
        help="hash every file (by default only files whose size, mtime or ctime changed since the last run are hashed)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


# Size options: each must be a positive number (0 or less would make empty batches or refuse every file).
_POSITIVE_OPTIONS = {"max_bytes": "--max-bytes", "batch_docs": "--batch-docs", "batch_mb": "--batch-mb"}


def _check_sizes(args) -> None:
    for attr, option in _POSITIVE_OPTIONS.items():
        value = getattr(args, attr)
        # not (value > 0) also refuses NaN, which argparse's float() accepts.
        if value is not None and not value > 0:
            raise UserError(f"{option} must be a positive number, got {value}")


def check_out_outside_corpus(corpus: Path, out: Path) -> None:
    """OUT inside CORPUS (`polex run . --out out`): the next run would read OUT's own Parquet
    files and manifest as documents, each a quarantine row, more with every run. Refused."""
    corpus_dir, out_dir = corpus.resolve(), out.resolve()
    if out_dir == corpus_dir or corpus_dir in out_dir.parents:
        raise UserError(
            f"OUT {out_dir} is inside the corpus folder {corpus_dir}: every run would read the tables it "
            "published as documents; choose an OUT outside the corpus folder"
        )


def _check_user_input(args) -> None:
    """Fail fast, before paying Prefect's start-up, on mistakes the user can fix."""
    _check_sizes(args)
    if not args.corpus.is_dir():
        raise UserError(
            f"corpus folder {args.corpus} does not exist or is not a folder; pass the folder holding the documents"
        )
    check_out_outside_corpus(args.corpus, args.out)
    store = OutputStore(args.out)
    store.prepare()
    _check_removals_early(args, store)


def _check_removals_early(args, store: OutputStore) -> None:
    """The removal guard on file names alone (no hashing), so an emptied corpus folder is
    refused in a second; the flow checks again, under the lock, with the full plan."""
    published = set(store.current_paths())
    present = list_corpus(args.corpus).files
    check_removals(len(published), len(published - set(present)), len(present), args.allow_removals)


def _progress_listener(progress, task_id):
    def on_event(event: str, info: dict) -> None:
        if event == "planned":
            progress.update(
                task_id,
                total=max(info["to_process"], 1),
                description=f"processing {info['to_process']} of {info['total']} files",
            )
            if info["to_process"] == 0:
                progress.update(task_id, completed=1)
        elif event == "batch_done":
            progress.advance(task_id, info["docs"])
        elif event == "publishing":
            progress.update(task_id, description="publishing")

    return on_event


def prefect_environment(verbose: bool) -> None:
    """Settings Prefect reads once, at import (and the flow-run processes of serve inherit)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if not verbose:
        # Quiet by default: every log still reaches the Prefect API, but the terminal shows
        # polex's own lines only (its summary says what happened; errors are one line).
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
        # A log handler that fails (Prefect's API client once the local server has
        # stopped, at exit) stays silent instead of writing "--- Error logging to API ---".
        logging.raiseExceptions = False


def _run(args, run_ingest) -> dict:
    """The flow's summary; OutputLocked, UserError or the run's failure otherwise."""
    # The bar is for the terminal, on stderr: stdout holds only the QUARANTINED lines a script reads.
    # Off when stderr is a file or a pipe (cron's log, CI): there it only left a blank first line.
    console = Console(stderr=True)
    with Progress(transient=True, disable=args.no_progress or not console.is_terminal, console=console) as progress:
        task_id = progress.add_task("starting Prefect", total=None)
        return run_ingest(
            str(args.corpus),
            str(args.out),
            wait=args.wait,
            dask_address=args.dask_address,
            batch_docs=args.batch_docs,
            batch_bytes=max(1, int(args.batch_mb * 1024 * 1024)) if args.batch_mb is not None else None,
            max_bytes=args.max_bytes,
            allow_removals=args.allow_removals,
            rehash=args.rehash,
            on_progress=_progress_listener(progress, task_id),
        )


def _print_summary(args, summary: dict) -> None:
    for row in summary["quarantined"]:
        print(f"QUARANTINED {row['source_path']} [{row['stage']}] {row['error']}")
    counts = summary["counts"]
    ignored = counts.get("ignored", 0)
    # An unchanged corpus publishes no new version (the same tables under another name).
    what = "published" if summary.get("published", True) else "nothing changed, nothing published: kept"
    print(
        f"polex run: {what} {args.out} (version {summary['run_id']}): {counts['ingested']} documents, "
        f"{counts['quarantined']} quarantined; processed {counts['processed']} "
        f"(added {counts['added']}, changed {counts['changed']}), unchanged {counts['unchanged']}, removed {counts['removed']}; "
        f"hashed {counts.get('hashed', counts['files'])} of {counts['files']} files"
        + (f"; ignored {ignored} hidden or system file{'s' if ignored != 1 else ''}" if ignored else ""),
        file=sys.stderr,
    )
    # Side tables (target_keys) stay in the version folder with no link in OUT: not for readers.
    linked = {name: count for name, count in summary["tables"].items() if (args.out / f"{name}.parquet").exists()}
    rows = ", ".join(f"{name} {count}" for name, count in linked.items())
    print(f"polex run: tables in {args.out.resolve()}/<table>.parquet, rows: {rows}", file=sys.stderr)


def _published_run_id(out: Path) -> str | None:
    manifest = OutputStore(out).current_manifest()
    return manifest["run_id"] if manifest else None


def _kept(out: Path, run_id_before: str | None) -> str:
    """What an interrupted run left published."""
    current = OutputStore(out).current_manifest()
    if current is None:
        return f"nothing was published to {out}"
    held = f"version {current['run_id']} ({current['counts']['ingested']} documents)"
    if current["run_id"] == run_id_before:
        return f"{out} still holds {held}, unchanged"
    return f"this run had already published {held} to {out}"  # the signal came after the swap


def _run_until_stopped(args, run_ingest) -> dict:
    """``_run`` with Ctrl-C/SIGTERM turned into ``Stopped`` and an orderly stop."""
    # Deferred like every flows import: the CLI's start-up loads no flows module (tests/test_layers.py).
    from flows.shutdown import stop_on_signals

    with stop_on_signals():
        return _run(args, run_ingest)


def main(args) -> int:
    _check_user_input(args)
    prefect_environment(args.verbose)
    if args.dask_address:
        from flows.dask_cluster import check_scheduler  # deferred: see _run_until_stopped

        check_scheduler(args.dask_address)  # before any work: exit 2 in seconds, not a traceback later
    # Deferred: importing Prefect costs 1.2 s (measured); `polex eval` and the other commands
    # must not pay it, and the environment above must be set before it is imported.
    from flows.run import run_ingest

    run_id_before = _published_run_id(args.out)
    try:
        summary = _run_until_stopped(args, run_ingest)
    except Stopped as stop:
        print(f"polex run: stopped by {stop.signal_name}; {_kept(args.out, run_id_before)}", file=sys.stderr)
        return stop.exit_status
    except OutputLocked as exc:
        if args.verbose:
            raise
        print(f"polex run: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except UserError:
        raise
    except Exception as exc:  # disk full, a dead worker pool, an unreachable Dask scheduler...
        if args.verbose:
            raise
        print(
            f"polex run: error: the run failed ({type(exc).__name__}: {exc}); nothing was published, "
            f"the previous version in {args.out} is intact. Fix the cause and re-run.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    _print_summary(args, summary)
    return EXIT_QUARANTINED if summary["counts"]["quarantined"] else EXIT_OK
