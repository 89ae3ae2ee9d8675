"""Versioned, atomic publishing of the output tables (orchestration-free).

Layout of OUT::

    OUT/.polex.lock                  flock: one run at a time
    OUT/versions/<run_id>/           one complete version: <table>.parquet + manifest.json
    OUT/current -> versions/<run_id> the published version (swapped in one os.replace)
    OUT/<table>.parquet -> current/<table>.parquet   (relative links, created once)
    OUT/manifest.json   -> current/manifest.json
    OUT/staging/<run_id>/            per-batch staging files of a run in progress

A run writes ``versions/.<run_id>.partial``, renames it to ``versions/<run_id>``
when complete and then swaps ``current``: readers see the old version or the
new one, never a mix.  A crash at any point leaves ``current`` on the last
good version; the next run removes the debris.  The previous ``KEEP_PREVIOUS``
versions stay on disk so readers that resolved the old links keep working.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import secrets
import shutil
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.errors import OutputLocked, UserError

KEEP_PREVIOUS = 2
LOCK_NAME = ".polex.lock"
MANIFEST_NAME = "manifest.json"
PARQUET_COMPRESSION = "zstd"
# Test hook: name of a table whose write fails with ENOSPC (simulates a full disk).
FAIL_TABLE_ENV = "POLEX_TEST_FAIL_PUBLISH"


def new_run_id(now: dt.datetime | None = None) -> str:
    """Sortable by time (GC keeps the newest), unique thanks to the random suffix."""
    now = now or dt.datetime.now(dt.timezone.utc)
    return now.strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    """fsync every file under ``folder``, then each folder (children first)."""
    for child in folder.iterdir():
        if child.is_dir():
            _fsync_tree(child)
        else:
            with open(child, "rb") as fh:
                os.fsync(fh.fileno())
    _fsync_dir(folder)


def _replace_symlink(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` in one atomic step (temp link + rename)."""
    tmp = link.with_name(f".{link.name}.{secrets.token_hex(4)}.tmp")
    os.symlink(target, tmp)
    os.replace(tmp, link)


def rows_per_batch(schema: pa.Schema) -> int:
    """Rows per streamed batch (and so per row group written): whole documents
    (large_string columns, ~100 KB a row) in small groups to keep memory flat."""
    return 64 if any(pa.types.is_large_string(f.type) for f in schema) else 8192


def write_table(path: Path, schema: pa.Schema, parts: Iterable[pa.Table | pa.RecordBatch]) -> int:
    """Stream ``parts`` into one Parquet file with ``schema``; return the row count.

    Always writes a file, with the schema, even when there are no rows.
    """
    rows = 0
    with pq.ParquetWriter(path, schema, compression=PARQUET_COMPRESSION) as writer:
        for part in parts:
            if part.num_rows == 0:
                continue
            if isinstance(part, pa.RecordBatch):
                part = pa.Table.from_batches([part])
            writer.write_table(part.select(schema.names).cast(schema))
            rows += part.num_rows
        if rows == 0:
            writer.write_table(schema.empty_table())
    return rows


def iter_rows_with_keys(
    path: Path, key_column: str, keys: set[str], batch_rows: int = 1024
) -> Iterator[pa.RecordBatch]:
    """Stream the rows of a Parquet file whose ``key_column`` is in ``keys``."""
    if not keys or not path.exists():
        return
    key_set = pa.array(sorted(keys), type=pa.string())
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=batch_rows):
        mask = pc.is_in(batch.column(key_column), value_set=key_set)
        kept = batch.filter(mask)
        if kept.num_rows:
            yield kept


def iter_parquet(paths: Iterable[Path], batch_rows: int = 1024) -> Iterator[pa.RecordBatch]:
    for path in paths:
        yield from pq.ParquetFile(path).iter_batches(batch_size=batch_rows)


class OutputStore:
    """One OUT folder: its lock, its published version and the writing of new ones."""

    def __init__(self, out: Path | str):
        self.out = Path(out)
        self.versions = self.out / "versions"
        self.staging_root = self.out / "staging"
        self.current = self.out / "current"

    # ------------------------------------------------------------- checks
    def prepare(self) -> None:
        """Create OUT and check it is writable; UserError with the fix otherwise."""
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self.versions.mkdir(exist_ok=True)
            self.staging_root.mkdir(exist_ok=True)
            probe = self.out / f".polex-write-test.{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise UserError(
                f"output folder {self.out} is not writable ({exc.strerror or exc}); "
                "choose another --out folder or fix its permissions"
            ) from exc

    # --------------------------------------------------------------- lock
    @contextlib.contextmanager
    def lock(self, wait: bool = False) -> Iterator[None]:
        """Hold an exclusive flock on OUT/.polex.lock; released on exit or process death."""
        fd = os.open(self.out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError as exc:
                raise OutputLocked(
                    f"another polex run is writing to {self.out} (lock {self.out / LOCK_NAME}); "
                    "wait for it to finish or pass --wait"
                ) from exc
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the flock

    # ------------------------------------------------------ current state
    def current_version_dir(self) -> Path | None:
        if not self.current.is_symlink() and not self.current.is_dir():
            return None
        target = self.current.resolve()
        return target if target.is_dir() else None

    def current_manifest(self) -> dict | None:
        version_dir = self.current_version_dir()
        if version_dir is None or not (version_dir / MANIFEST_NAME).exists():
            return None
        return json.loads((version_dir / MANIFEST_NAME).read_text(encoding="utf-8"))

    def current_table_path(self, table: str) -> Path | None:
        version_dir = self.current_version_dir()
        if version_dir is None:
            return None
        path = version_dir / f"{table}.parquet"
        return path if path.exists() else None

    def current_schemas_match(self, schemas: dict[str, pa.Schema]) -> bool:
        """False when a published table's schema differs from ours (rows cannot be carried over)."""
        for name, schema in schemas.items():
            path = self.current_table_path(name)
            files = sorted(path.glob("*.parquet")) if path is not None and path.is_dir() else [path]
            if not files or files[0] is None or not pq.read_schema(files[0]).remove_metadata().equals(schema):
                return False
        return True

    # ------------------------------------------------------------ staging
    def staging_dir(self, run_id: str) -> Path:
        path = self.staging_root / run_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    # ------------------------------------------------------------ publish
    def publish(
        self,
        run_id: str,
        tables: dict[str, tuple[pa.Schema, Iterable[pa.Table | pa.RecordBatch]]],
        manifest: dict,
        folders: dict[str, Callable[[Path], dict[str, int]]] | None = None,
        linked: Iterable[str] = (),
    ) -> dict[str, int]:
        """Write every table and the manifest as version ``run_id`` and switch to it.

        ``tables`` maps name -> (schema, parts streamed in order); ``folders`` maps a
        name to a function that writes tables as folders of part files into the
        version folder and returns their row counts (``target_links``); ``linked``:
        the names of those that get a link in OUT.  On any error the partial version
        is removed and ``current`` is untouched.  Returns row counts.
        """
        top_links = [f"{name}.parquet" for name in [*tables, *linked]] + [MANIFEST_NAME]
        self._check_top_links(top_links)
        partial = self.versions / f".{run_id}.partial"
        final = self.versions / run_id
        fail_table = os.environ.get(FAIL_TABLE_ENV)
        partial.mkdir(parents=True)
        try:
            row_counts = {}
            for name, (schema, parts) in tables.items():
                if name == fail_table:
                    raise OSError(errno.ENOSPC, f"No space left on device (test hook {FAIL_TABLE_ENV})")
                row_counts[name] = write_table(partial / f"{name}.parquet", schema, parts)
            for name, write_folders in (folders or {}).items():
                if name == fail_table:
                    raise OSError(errno.ENOSPC, f"No space left on device (test hook {FAIL_TABLE_ENV})")
                row_counts.update(write_folders(partial))
            manifest = {**manifest, "tables": row_counts}
            (partial / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            _fsync_tree(partial)
            os.rename(partial, final)
            _fsync_dir(self.versions)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        # The one step that publishes: readers resolving OUT/<table>.parquet now see `final`.
        _replace_symlink(self.current, f"versions/{run_id}")
        self._ensure_top_links(top_links)
        _fsync_dir(self.out)
        return row_counts

    def _check_top_links(self, file_names: list[str]) -> None:
        for file_name in file_names:
            link = self.out / file_name
            if link.exists() and not link.is_symlink():
                raise UserError(f"{link} exists and is not a polex link; use an empty --out folder or move it away")

    def _ensure_top_links(self, file_names: list[str]) -> None:
        for file_name in file_names:
            link = self.out / file_name
            target = f"current/{file_name}"
            if not link.is_symlink() or os.readlink(link) != target:
                _replace_symlink(link, target)

    # ----------------------------------------------------------------- gc
    def collect_garbage(self, active_run_id: str | None = None) -> list[str]:
        """Remove versions older than the newest 1 + KEEP_PREVIOUS, partial versions and
        staging folders of other (dead) runs.  Call only while holding the lock."""
        removed = []
        current = self.current_version_dir()
        complete = sorted(p for p in self.versions.iterdir() if p.is_dir() and not p.name.startswith("."))
        keep = set(complete[-(1 + KEEP_PREVIOUS) :])
        if current is not None:
            keep.add(current)
        for path in self.versions.iterdir():
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(str(path))
        for path in self.staging_root.iterdir() if self.staging_root.exists() else []:
            if path.name != active_run_id:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(str(path))
        return removed
