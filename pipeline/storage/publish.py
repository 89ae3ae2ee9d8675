"""Versioned, atomic publishing of the output tables (orchestration-free).

Layout of OUT::

    OUT/.polex.lock                  flock: one run at a time
    OUT/versions/<run_id>/           one complete version:
        <table>.parquet/<part>.parquet   each table a folder of part files (SPEC: "a folder of part files")
        index.parquet                    one row per corpus file: stat, sha256, status, part (storage.index)
        manifest.json                    run id, counts, versions, row counts, parts
    OUT/current -> versions/<run_id> the published version (swapped in one os.replace)
    OUT/<table>.parquet -> current/<table>.parquet   (relative links, created once)
    OUT/manifest.json   -> current/manifest.json
    OUT/staging/<run_id>/            per-batch staging files of a run in progress

A part holds the rows of one group of documents in every table
(``pipeline.storage.parts``).  A new version hard-links the part files of
unchanged groups from the published version (no row is read), rewrites the
parts that lost documents, links this run's staged batches in as new parts
and merges small parts.  Part files are never modified once written, and a
part id names the same rows in every version that has it.

A run writes ``versions/.<run_id>.partial``, renames it to ``versions/<run_id>``
when complete and then swaps ``current``: readers see the old version or the
new one, never a mix.  A crash at any point (even SIGKILL) leaves ``current``
on the last good version; the next run removes the debris.  The previous
``KEEP_PREVIOUS`` versions stay on disk so readers that resolved the old
links keep working.
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
import signal
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.errors import OutputLocked, UserError
from pipeline.storage.index import INDEX_NAME, read_index, write_index
from pipeline.storage.parts import STAGED_KIND, Part, PartSource
from pipeline.storage.plan import cpu_count

KEEP_PREVIOUS = 2
LOCK_NAME = ".polex.lock"
MANIFEST_NAME = "manifest.json"
PARQUET_COMPRESSION = "zstd"
# Test hook: name of a table whose write fails with ENOSPC (simulates a full disk).
FAIL_TABLE_ENV = "POLEX_TEST_FAIL_PUBLISH"
# Test hook: SIGKILL the run after placing N parts of the new version (kill -9 mid-publish).
CRASH_IN_PUBLISH_ENV = "POLEX_TEST_CRASH_IN_PUBLISH"


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


def _replace_symlink(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` in one atomic step (temp link + rename)."""
    tmp = link.with_name(f".{link.name}.{secrets.token_hex(4)}.tmp")
    os.symlink(target, tmp)
    os.replace(tmp, link)


def rows_per_batch(schema: pa.Schema) -> int:
    """Rows per streamed batch (and so per row group written): whole documents
    (large_string columns, ~100 KB a row) in small groups to keep memory flat."""
    return 64 if any(pa.types.is_large_string(f.type) for f in schema) else 8192


def key_column(schema: pa.Schema) -> str:
    """The column naming a row's document: ``doc_id``, or ``source_path`` (quarantine)."""
    return "doc_id" if "doc_id" in schema.names else "source_path"


def part_files(table_path: Path) -> list[Path]:
    """The part files of a published table, in the order readers see them (a single-file
    table of an older version is its own one part)."""
    if table_path.is_file():
        return [table_path]
    return sorted(p for p in table_path.iterdir() if p.suffix == ".parquet" and not p.name.startswith((".", "_")))


def write_table(path: Path, schema: pa.Schema, parts: Iterable[pa.Table | pa.RecordBatch]) -> int:
    """Stream ``parts`` into one Parquet file with ``schema``; return the row count.

    Always writes a file, with the schema, even when there are no rows.
    """
    rows = _stream_to(path, schema, parts)
    if rows == 0:
        pq.write_table(schema.empty_table(), path, compression=PARQUET_COMPRESSION)
    return rows


def _stream_to(path: Path, schema: pa.Schema, parts: Iterable[pa.Table | pa.RecordBatch]) -> int:
    """Stream ``parts`` into a new file at ``path``; no file at all when there are no rows."""
    rows = 0
    writer = None
    try:
        for part in parts:
            if part.num_rows == 0:
                continue
            if isinstance(part, pa.RecordBatch):
                part = pa.Table.from_batches([part])
            if writer is None:
                writer = pq.ParquetWriter(path, schema, compression=PARQUET_COMPRESSION)
            writer.write_table(part.select(schema.names).cast(schema))
            rows += part.num_rows
    finally:
        if writer is not None:
            writer.close()
    return rows


def iter_rows_with_keys(
    path: Path, key_column: str, keys: set[str], batch_rows: int = 1024
) -> Iterator[pa.RecordBatch]:
    """Stream the rows of a Parquet file, or a folder of part files, whose ``key_column`` is in ``keys``."""
    if not keys or not path.exists():
        return
    key_set = pa.array(sorted(keys), type=pa.string())
    for file in part_files(path):
        for batch in pq.ParquetFile(file).iter_batches(batch_size=batch_rows):
            kept = batch.filter(pc.is_in(batch.column(key_column), value_set=key_set))
            if kept.num_rows:
                yield kept


def iter_parquet(paths: Iterable[Path], batch_rows: int = 1024) -> Iterator[pa.RecordBatch]:
    for path in paths:
        yield from pq.ParquetFile(path).iter_batches(batch_size=batch_rows)


def _link_or_copy(source: Path, dest: Path) -> bool:
    """Hard-link ``source`` at ``dest`` (same inode, no byte copied); copy the file where
    the filesystem refuses links.  True when it had to copy (the copy needs an fsync)."""
    try:
        os.link(source, dest)
        return False
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
    shutil.copyfile(source, dest)
    return True


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


@dataclass
class PublishContext:
    """What a derived table (``DerivedTable``) sees while a version is written.

    ``version_dir``: the version being written: its ``<table>.parquet/`` folders already
    hold every part of the per-document tables; ``previous_dir``: the published version
    (None on a first run) and ``previous_manifest`` its manifest; ``new_sources``: this
    run's batches (the new and changed documents, whatever part they went to);
    ``carried``: the doc_ids carried unchanged from the published version.
    ``manifest_notes``: what a derived table reports (merged into the manifest).
    """

    version_dir: Path
    previous_dir: Path | None
    new_sources: list[PartSource]
    previous_manifest: dict | None = None  # the published version's manifest.json
    carried: frozenset[str] = frozenset()
    manifest_notes: dict = field(default_factory=dict)

    def part_files(self, table: str) -> list[Path]:
        """Every part file of ``table`` in the new version (all its rows)."""
        return part_files(self.version_dir / f"{table}.parquet")

    def new_files(self, table: str) -> list[Path]:
        """The rows of ``table`` for this run's new and changed documents only."""
        return [s.files[table] for s in self.new_sources if table in s.files]

    def previous_table(self, table: str) -> Path | None:
        """The published version's ``table`` (a folder of parts), if it has one."""
        path = self.previous_dir / f"{table}.parquet" if self.previous_dir is not None else None
        return path if path is not None and path.exists() else None


@dataclass
class DerivedTable:
    """A cross-document table computed at publish from the new version's parts (e.g.
    ``target_links``), in one of two forms: ``compute(context)`` yields its rows,
    written as one part; or ``write(context)`` writes the ``<name>.parquet/`` folder
    itself (and those of its ``side_tables``, kept in the version but given no link in
    OUT) into ``context.version_dir`` and returns the row count of each.

    When every part of the per-document tables is carried unchanged and ``version``
    (the code computing the table) is the one recorded in the published manifest,
    the published folders are carried by hard link instead: an unchanged rerun
    computes nothing.
    """

    schema: pa.Schema
    compute: Callable[[PublishContext], Iterable[pa.Table | pa.RecordBatch]] | None = None
    version: str = ""
    write: Callable[[PublishContext], dict[str, int]] | None = None
    side_tables: dict[str, pa.Schema] = field(default_factory=dict)


class _VersionWriter:
    """Fills one partial version folder: part files linked or written, then the empty tables."""

    def __init__(self, root: Path, run_id: str, schemas: dict[str, pa.Schema]):
        self.root, self.run_id, self.schemas = root, run_id, schemas
        self.row_counts = {name: 0 for name in schemas}
        self.parts_info: dict[str, dict] = {}
        self.written: list[Path] = []
        self._operations = 0
        self._crash_after = int(os.environ.get(CRASH_IN_PUBLISH_ENV, "0") or 0)
        self._fail_table = os.environ.get(FAIL_TABLE_ENV)
        for name in schemas:
            (root / f"{name}.parquet").mkdir()

    def check_writable(self, table: str) -> None:
        if table == self._fail_table:
            raise OSError(errno.ENOSPC, f"No space left on device (test hook {FAIL_TABLE_ENV})")

    def _dest(self, table: str, part_id: str) -> Path:
        self.check_writable(table)
        return self.root / f"{table}.parquet" / f"{part_id}.parquet"

    def _done(self, part_id: str, rows: dict[str, int], docs: int = 0, input_bytes: int = 0) -> None:
        for name, count in rows.items():
            self.row_counts[name] = self.row_counts.get(name, 0) + count
        self.parts_info[part_id] = {"docs": docs, "bytes": input_bytes, "rows": {k: v for k, v in rows.items() if v}}
        self._operations += 1
        if self._crash_after and self._operations >= self._crash_after:
            os.kill(os.getpid(), signal.SIGKILL)  # test hook: a real SIGKILL mid-publish

    def _link_part(self, part: Part) -> dict[str, int]:
        source = part.sources[0]
        rows = {}
        for table, path in source.files.items():
            dest = self._dest(table, part.part_id)
            if _link_or_copy(path, dest):
                self.written.append(dest)
            known = (source.rows or {}).get(table)
            rows[table] = known if known is not None else pq.ParquetFile(dest).metadata.num_rows
        return rows

    def _write_part(self, part: Part) -> dict[str, int]:
        rows = {}
        for table, schema in self.schemas.items():
            inputs = [(s.files[table], s.keep) for s in part.sources if table in s.files]
            if not inputs:
                continue
            dest = self._dest(table, part.part_id)
            rows[table] = _stream_to(dest, schema, _filtered(inputs, key_column(schema), rows_per_batch(schema)))
            if rows[table]:
                self.written.append(dest)
        return rows

    def place_parts(self, parts: Sequence[Part]) -> None:
        for part in parts:
            if part.linked:
                self._done(part.part_id, self._link_part(part), part.docs, part.input_bytes)
        rewrites = [p for p in parts if not p.linked]
        # Parquet decoding and zstd release the GIL: rewrites overlap on threads, each
        # holding one part's rows at a time.
        with ThreadPoolExecutor(max_workers=max(1, min(cpu_count(), len(rewrites)))) as pool:
            for part, rows in zip(rewrites, pool.map(self._write_part, rewrites)):
                self._done(part.part_id, rows, part.docs, part.input_bytes)

    def write_loose(self, table: str, part_id: str, rows: Iterable[pa.Table | pa.RecordBatch]) -> None:
        dest = self._dest(table, part_id)
        count = _stream_to(dest, self.schemas[table], rows)
        if count:
            self.written.append(dest)
            self.row_counts[table] = self.row_counts.get(table, 0) + count

    def finish(self) -> None:
        """Every table folder gets at least one file (readers need its schema)."""
        for name, schema in self.schemas.items():
            folder = self.root / f"{name}.parquet"
            if not any(folder.iterdir()):
                pq.write_table(
                    schema.empty_table(), folder / f"{self.run_id}-empty.parquet", compression=PARQUET_COMPRESSION
                )
                self.written.append(folder / f"{self.run_id}-empty.parquet")

    def sync(self, extra: Iterable[Path]) -> None:
        """Make the version durable: the files this run wrote (linked ones already are), then the folders."""
        for path in [*self.written, *extra]:
            _fsync_file(path)
        for name in self.schemas:
            _fsync_dir(self.root / f"{name}.parquet")
        _fsync_dir(self.root)


def _filtered(inputs: list[tuple[Path, frozenset[str] | None]], key: str, batch_rows: int) -> Iterator[pa.RecordBatch]:
    for path, keep in inputs:
        value_set = pa.array(sorted(keep), pa.string()) if keep is not None else None
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
            if value_set is not None:
                batch = batch.filter(pc.is_in(batch.column(key), value_set=value_set))
            if batch.num_rows:
                yield batch


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

    def current_index(self) -> pa.Table | None:
        """The published version's file index (None: none, or a version without one)."""
        version_dir = self.current_version_dir()
        if version_dir is None or not (version_dir / INDEX_NAME).exists():
            return None
        return read_index(version_dir / INDEX_NAME)

    def current_paths(self) -> list[str]:
        """The files the published version accounts for: its index's paths (only that
        column is read), or an older version's manifest entries."""
        version_dir = self.current_version_dir()
        if version_dir is not None and (version_dir / INDEX_NAME).exists():
            return pq.read_table(version_dir / INDEX_NAME, columns=["path"]).column("path").to_pylist()
        return list((self.current_manifest() or {}).get("documents", {}))

    def current_table_path(self, table: str) -> Path | None:
        """The published table: a folder of part files (or a single file, in old versions)."""
        version_dir = self.current_version_dir()
        if version_dir is None:
            return None
        path = version_dir / f"{table}.parquet"
        return path if path.exists() else None

    def current_part_file(self, table: str, part_id: str) -> Path:
        return self.current.resolve() / f"{table}.parquet" / f"{part_id}.parquet"

    def current_schemas_match(self, schemas: dict[str, pa.Schema]) -> bool:
        """False when a published table's schema differs from ours (rows cannot be carried over)."""
        for name, schema in schemas.items():
            path = self.current_table_path(name)
            files = part_files(path) if path is not None else []
            if not files or not pq.read_schema(files[0]).remove_metadata().equals(schema.remove_metadata()):
                return False
        return True

    def refresh_index(self, index: pa.Table) -> bool:
        """Replace the published version's file index by ``index`` when they differ: a run that
        publishes nothing (nothing changed) still records the stats it took, so a file touched
        with the same bytes is hashed once, not every night.  The index is no table a reader
        sees; it is swapped in one ``os.replace``.  Call only while holding the lock."""
        version_dir = self.current_version_dir()
        old = self.current_index()
        if version_dir is None or old is None:
            return False
        new = index.select(old.column_names).cast(old.schema)
        if new.equals(old):
            return False
        tmp = version_dir / f".{INDEX_NAME}.{secrets.token_hex(4)}.tmp"
        try:
            write_index(tmp, new)
            _fsync_file(tmp)
            os.replace(tmp, version_dir / INDEX_NAME)
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_dir(version_dir)
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
        parts: Sequence[Part] = (),
        index: pa.Table | None = None,
        derived: dict[str, DerivedTable] | None = None,
        carried: Iterable[str] = (),
    ) -> dict[str, int]:
        """Write version ``run_id`` and switch to it; return the row count of each table.

        ``tables``: name -> (schema, rows streamed into one part of their own, usually
        none); ``parts``: the document parts (``pipeline.storage.parts``), linked or
        written; ``index``: the file index; ``derived``: tables computed from the new
        version's parts (``DerivedTable``); ``carried``: the doc_ids carried unchanged
        from the published version (what they may reuse).  On any error the partial
        version is removed and ``current`` is untouched.
        """
        derived = derived or {}
        names = list(tables) + [n for n in derived if n not in tables]
        top_links = [f"{name}.parquet" for name in names] + [MANIFEST_NAME]
        self._check_top_links(top_links)
        partial = self.versions / f".{run_id}.partial"
        final = self.versions / run_id
        partial.mkdir(parents=True)
        try:
            writer = _VersionWriter(partial, run_id, {name: schema for name, (schema, _) in tables.items()})
            writer.place_parts(parts)
            for name, (schema, rows) in tables.items():
                writer.write_loose(name, f"{run_id}-loose", rows)
            new_sources = [src for p in parts for src in p.sources if src.name.startswith(f"{run_id}-{STAGED_KIND}")]
            context = PublishContext(
                partial, self.current_version_dir(), new_sources, self.current_manifest(), frozenset(carried)
            )
            for name, table in derived.items():
                self._derive(writer, name, table, context, parts)
            writer.finish()
            manifest = {
                **manifest,
                "tables": writer.row_counts,
                "parts": writer.parts_info,
                "derived": {name: table.version for name, table in derived.items()},
                **context.manifest_notes,
            }
            if index is not None:
                write_index(partial / INDEX_NAME, index)
            (partial / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            writer.sync(partial / name for name in (MANIFEST_NAME, INDEX_NAME) if (partial / name).exists())
            os.rename(partial, final)
            _fsync_dir(self.versions)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        # The one step that publishes: readers resolving OUT/<table>.parquet now see `final`.
        _replace_symlink(self.current, f"versions/{run_id}")
        self._ensure_top_links(top_links)
        _fsync_dir(self.out)
        return writer.row_counts

    @staticmethod
    def _derive(writer: _VersionWriter, name: str, table: DerivedTable, context: PublishContext, parts) -> None:
        """Write derived table ``name`` (and its side tables): carried by link when nothing
        it reads changed, else computed."""
        names = [name, *table.side_tables]
        writer.schemas.update({name: table.schema, **table.side_tables})
        for each in names:
            (writer.root / f"{each}.parquet").mkdir(exist_ok=True)
        previous = context.previous_manifest or {}
        previous_folders = [context.previous_table(each) for each in names]
        unchanged = (
            all(folder is not None for folder in previous_folders)
            and (previous.get("derived") or {}).get(name) == table.version
            and all(p.linked for p in parts)
            and {p.part_id for p in parts} == set(previous.get("parts") or {})
        )
        if unchanged:
            for each, folder in zip(names, previous_folders):
                assert folder is not None  # checked by ``unchanged``
                for file in part_files(folder):
                    dest = writer.root / f"{each}.parquet" / file.name
                    if _link_or_copy(file, dest):
                        writer.written.append(dest)
                writer.row_counts[each] = previous["tables"].get(each, 0)
        elif table.write is not None:
            writer.check_writable(name)
            writer.row_counts.update(table.write(context))
            # Written by the table's own code: fsync them all (the linked ones cost nothing).
            writer.written += [file for each in names for file in part_files(writer.root / f"{each}.parquet")]
        else:
            assert table.compute is not None, f"derived table {name}: neither compute nor write"
            writer.write_loose(name, f"{writer.run_id}-derived", table.compute(context))

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
