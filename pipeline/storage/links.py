"""Publishing ``target_links``: the one place storage meets pipeline.linking.

A version holds two folders of part files, one file per block of indicator
heads (``pipeline.linking.keys``: every link lies inside one block):

    <version>/target_links.parquet/block-NN.parquet   the links of block NN
    <version>/target_keys.parquet/block-NN.parquet    the keys of its linkable targets

``write_link_tables`` fills them for the version being written:

- the keys of this run's new and changed documents are computed (whole
  documents, a chunk at a time) and spilled by block;
- a block where no document gained, lost or changed a row is carried: both
  files are hard links of the published version's (no row is read);
- every other block is recomputed from the published keys of its unchanged
  documents plus the new keys: one block in memory at a time.

With no usable previous version (the first run, a version without keys, or
other linking code: the manifest's ``versions.linking``) every target is
keyed again, streamed from the published targets of the unchanged documents
and this run's staged ones, and every block is linked.  Either way the
result is what ``pipeline.linking.link_all`` gives on all the targets.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.core.schema import with_pandas_metadata
from pipeline.linking import KEY_SCHEMA, TARGET_LINKS, linking_version, target_keys
from pipeline.linking.keys import BLOCKS
from pipeline.linking.links import link_block
from pipeline.linking.regions import REGION_COLUMNS, DocumentRegions
from pipeline.storage.plan import cpu_count
from pipeline.storage.publish import PublishContext

LINKS_TABLE, KEYS_TABLE = "target_links", "target_keys"
DOCUMENT_COLUMNS = ["doc_id", *REGION_COLUMNS, "admin_level"]
CHUNK_ROWS = 50_000  # targets keyed at a time (whole documents)
WORKERS_ENV = "POLEX_LINK_WORKERS"  # processes keying and linking blocks; 1 (the default): in the publishing process
COMPRESSION = "zstd"
TARGET_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("target_id", pa.string()),
        ("section_id", pa.int32()),
        ("norm_start", pa.int64()),
        ("indicator", pa.string()),
        ("value", pa.float64()),
        ("value_max", pa.float64()),
        ("unit", pa.string()),
        ("comparator", pa.string()),
        ("deadline_year", pa.int64()),
    ]
)


def block_file(block: int) -> str:
    return f"block-{block:02d}.parquet"


def spill_file(block: int) -> str:
    """A spill file's name ending: Arrow IPC, not Parquet. A full run spills one file per
    (staged part, block) — 64 per part, tens of thousands at national scale — and opening,
    writing and reading a Parquet file costs ~1.5 ms of fixed work each (footer, Thrift
    metadata, compression set-up), which made keying the serial tail of a full run."""
    return f"block-{block:02d}.arrow"


@dataclass
class LinkInputs:
    """What the links of a new version are made from.

    ``previous_dir``: the published version (None on a first run); ``reuse``: its keys
    and links were made by this linking code; ``kept``: doc_ids carried unchanged;
    ``new_targets`` / ``new_documents``: this run's staged files (new and changed
    documents); ``carried_targets`` / ``carried_documents``: the published tables
    (a file or a folder of parts), read for the kept documents only when every
    target must be keyed again.
    """

    previous_dir: Path | None
    reuse: bool
    kept: set[str]
    new_targets: list[Path]
    new_documents: list[Path]
    carried_targets: Path | None = None
    carried_documents: Path | None = None
    stats: dict[str, int] = field(default_factory=dict)

    @cached_property
    def kept_values(self) -> pa.Array:
        """``kept`` as the value set every filter of kept rows uses (sorted once, not per block)."""
        return pa.array(sorted(self.kept), type=pa.string())

    def previous_file(self, table: str, block: int) -> Path | None:
        if self.previous_dir is None:
            return None
        path = self.previous_dir / f"{table}.parquet" / block_file(block)
        return path if path.is_file() else None

    @property
    def can_reuse(self) -> bool:
        """Reuse needs every block's files in the previous version."""
        return self.reuse and all(
            self.previous_file(t, b) is not None for t in (LINKS_TABLE, KEYS_TABLE) for b in range(BLOCKS)
        )


def write_link_tables(inputs: LinkInputs, version_dir: Path, workers: int | None = None) -> dict[str, int]:
    """Write ``target_links.parquet/`` and ``target_keys.parquet/`` into ``version_dir``;
    return their row counts.  ``inputs.stats`` gets the blocks recomputed and carried.
    ``workers``: processes keying sources and linking blocks (default ``POLEX_LINK_WORKERS``
    or 1: each worker process costs its imports and holds a block of its own, measured
    in docs/performance-log.md, ``POLEX_LINK_WORKERS``)."""
    reuse = inputs.can_reuse
    links_dir, keys_dir = version_dir / f"{LINKS_TABLE}.parquet", version_dir / f"{KEYS_TABLE}.parquet"
    spill = version_dir / ".new-target-keys"
    for folder in (links_dir, keys_dir, spill):
        folder.mkdir(parents=True, exist_ok=True)
    workers = workers or min(cpu_count(), int(os.environ.get(WORKERS_ENV, "1") or 1))
    try:
        regions = _regions(inputs, reuse)
        sources = [(i, path, keep, regions, spill) for i, (path, keep) in enumerate(_target_sources(inputs, reuse))]
        spilled = set().union(*_map(_spill_source, sources, workers))
        touched = set(range(BLOCKS)) if not reuse else spilled | _blocks_losing_documents(inputs)
        jobs = [(inputs, reuse, block, spill, version_dir) for block in sorted(touched)]
        counts = {LINKS_TABLE: 0, KEYS_TABLE: 0}
        for job_counts in _map(_link_one_block, jobs, workers):
            for table, rows in job_counts.items():
                counts[table] += rows
        for block in sorted(set(range(BLOCKS)) - touched):
            for table, folder in ((KEYS_TABLE, keys_dir), (LINKS_TABLE, links_dir)):
                source = inputs.previous_file(table, block)
                assert source is not None  # can_reuse checked every block's files
                _link_or_copy(source, folder / block_file(block))
                counts[table] += pq.ParquetFile(folder / block_file(block)).metadata.num_rows
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    inputs.stats.update(blocks_recomputed=len(touched), blocks_carried=BLOCKS - len(touched))
    return counts


def _map(function: Callable, jobs: list, workers: int) -> list:
    """``function`` over ``jobs``, on ``workers`` processes when there is more than one
    job (forkserver: a clean child, whatever threads the caller runs)."""
    if workers <= 1 or len(jobs) <= 1:
        return [function(job) for job in jobs]
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        return list(pool.map(function, jobs))


def _link_one_block(job: tuple[LinkInputs, bool, int, Path, Path]) -> dict[str, int]:
    """Recompute one block and write its two files: their row counts."""
    inputs, reuse, block, spill, version_dir = job
    keys, links = _recompute(inputs, reuse, block, sorted(spill.glob(f"*-{spill_file(block)}")))
    _write(version_dir / f"{KEYS_TABLE}.parquet" / block_file(block), KEYS_TABLE, keys)
    _write(version_dir / f"{LINKS_TABLE}.parquet" / block_file(block), LINKS_TABLE, links)
    return {KEYS_TABLE: keys.num_rows, LINKS_TABLE: links.num_rows}


# ------------------------------------------------------------------ keys
def _spill_source(job: tuple[int, Path, pa.Array | None, DocumentRegions, Path]) -> set[int]:
    """Key one source of targets (a file or a folder of parts; only ``keep``'s documents
    unless None), a chunk of whole documents at a time, into a spill file per block
    (``<source>-block-NN.arrow``, Arrow IPC: see ``spill_file``); the blocks written."""
    number, path, keep, regions, spill = job
    writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}
    try:
        for chunk in _whole_documents(_read_rows(path, TARGET_SCHEMA, keep)):
            keys = target_keys(chunk, regions)
            if keys.num_rows == 0:
                continue
            blocks = keys.column("block")
            for block in pc.unique(blocks).to_pylist():
                if block not in writers:
                    name = f"{number:05d}-{spill_file(block)}"
                    writers[block] = pa.ipc.new_file(spill / name, KEY_SCHEMA)
                writers[block].write_table(keys.filter(pc.equal(blocks, block)))
    finally:
        for writer in writers.values():
            writer.close()
    return set(writers)


def _target_sources(inputs: LinkInputs, reuse: bool) -> list[tuple[Path, pa.Array | None]]:
    """The targets to key: this run's staged files, and without reuse the kept documents'
    published ones (each part file of a folder a source of its own)."""
    sources: list[tuple[Path, pa.Array | None]] = []
    carried = inputs.carried_targets
    if not reuse and carried is not None:
        files = sorted(p for p in carried.iterdir() if p.suffix == ".parquet") if carried.is_dir() else [carried]
        sources += [(file, inputs.kept_values) for file in files]
    return sources + [(path, None) for path in inputs.new_targets]


def _regions(inputs: LinkInputs, reuse: bool) -> DocumentRegions:
    """The regions of the documents being keyed (nothing known when the table has no region columns)."""
    parts = []
    if not reuse and inputs.carried_documents is not None:
        parts += list(_read_rows(inputs.carried_documents, None, inputs.kept_values, DOCUMENT_COLUMNS))
    for path in inputs.new_documents:
        parts += list(_read_rows(path, None, None, DOCUMENT_COLUMNS))
    parts = [p for p in parts if p.num_rows]
    return DocumentRegions.from_documents(pa.concat_tables(parts, promote_options="default") if parts else None)


def _read_rows(
    path: Path, schema: pa.Schema | None, value_set: pa.Array | None, columns: list[str] | None = None
) -> Iterator[pa.Table]:
    """The rows of a Parquet file or folder of part files (only ``columns`` where it has
    them), only those whose doc_id is in ``value_set`` unless it is None, cast to ``schema``."""
    wanted = columns or (schema.names if schema is not None else None)
    files = sorted(p for p in path.iterdir() if p.suffix == ".parquet") if path.is_dir() else [path]
    for file in files:
        parquet = pq.ParquetFile(file)
        present = [c for c in wanted or parquet.schema_arrow.names if c in parquet.schema_arrow.names]
        for batch in parquet.iter_batches(batch_size=CHUNK_ROWS, columns=present):
            table = pa.Table.from_batches([batch])
            if value_set is not None:
                table = table.filter(pc.is_in(table.column("doc_id"), value_set=value_set))
            yield table.select(schema.names).cast(schema) if schema is not None else table


def _whole_documents(tables: Iterable[pa.Table]) -> Iterator[pa.Table]:
    """Chunks of about CHUNK_ROWS rows that never split a document's rows (tables hold
    each document's rows together, as the targets table is written)."""
    pending: list[pa.Table] = []
    rows = 0
    for table in tables:
        if table.num_rows == 0:
            continue
        pending.append(table)
        rows += table.num_rows
        if rows >= CHUNK_ROWS:
            whole = pa.concat_tables(pending)
            last = whole.column("doc_id")[-1]
            tail = pc.equal(whole.column("doc_id"), last)
            yield whole.filter(pc.invert(tail))
            pending, rows = [whole.filter(tail)], int(pc.sum(tail).as_py() or 0)
    if pending:
        yield pa.concat_tables(pending)


def _blocks_losing_documents(inputs: LinkInputs) -> set[int]:
    """Blocks of the published keys holding a document that is not kept (changed or removed)."""
    kept = inputs.kept_values
    found = set()
    for block in range(BLOCKS):
        path = inputs.previous_file(KEYS_TABLE, block)
        doc_ids = pq.read_table(path, columns=["doc_id"]).column("doc_id") if path is not None else None
        if doc_ids is not None and len(doc_ids) and not pc.all(pc.is_in(doc_ids, value_set=kept)).as_py():
            found.add(block)
    return found


# ----------------------------------------------------------------- links
def _recompute(inputs: LinkInputs, reuse: bool, block: int, spilled: list[Path]) -> tuple[pa.Table, pa.Table]:
    """(keys, links) of one block: the published keys of kept documents plus the spilled new ones."""
    parts = []
    previous = inputs.previous_file(KEYS_TABLE, block) if reuse else None
    if previous is not None:
        parts += list(_read_rows(previous, KEY_SCHEMA, inputs.kept_values))
    parts += [_read_spill(path) for path in spilled]
    keys = pa.concat_tables(parts) if parts else KEY_SCHEMA.empty_table()
    del parts  # one copy of the block's keys at a time (memory follows the largest block)
    keys = keys.sort_by([(name, "ascending") for name in ("doc_id", "norm_start", "target_id")]).combine_chunks()
    return keys, link_block(keys)  # sorted and in one chunk: linking uses this table as it is


def _read_spill(path: Path) -> pa.Table:
    """A spill file's rows, read whole (an Arrow IPC file: no decoding, a copy of its buffers)."""
    with pa.OSFile(str(path), "rb") as source:
        return pa.ipc.open_file(source).read_all().cast(KEY_SCHEMA)


_WITH_PANDAS_METADATA = {
    name: with_pandas_metadata(schema) for name, schema in ((LINKS_TABLE, TARGET_LINKS), (KEYS_TABLE, KEY_SCHEMA))
}


def _write(path: Path, table_name: str, table: pa.Table) -> None:
    """One block file; the pandas metadata makes nullable integers load as Int64."""
    schema = _WITH_PANDAS_METADATA[table_name]
    pq.write_table(table.select(schema.names).cast(schema), path, compression=COMPRESSION)


def _link_or_copy(source: Path, dest: Path) -> None:
    """Hard-link a carried block file (same inode, no byte copied); copy where the
    filesystem refuses links."""
    try:
        os.link(source, dest)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        shutil.copyfile(source, dest)


def write_target_links(context: PublishContext) -> dict[str, int]:
    """The publish hook (``target_links``'s ``DerivedTable.write``): both folders written
    into the version being published; the blocks recomputed and carried go to the
    manifest's ``link_blocks``.

    ``context.carried``: doc_ids carried unchanged from the published version;
    ``context.new_files``: this run's staged batches (the new and changed documents'
    targets and documents).  The published keys and links are reused only when made
    by the same linking code (the manifest's ``versions.linking``).
    """
    previous_manifest = context.previous_manifest or {}
    same_rules = (previous_manifest.get("versions") or {}).get("linking") == linking_version()
    inputs = LinkInputs(
        previous_dir=context.previous_dir,
        reuse=same_rules,
        kept=set(context.carried),
        new_targets=context.new_files("targets"),
        new_documents=context.new_files("documents"),
        carried_targets=context.previous_table("targets"),
        carried_documents=context.previous_table("documents"),
    )
    counts = write_link_tables(inputs, context.version_dir)
    context.manifest_notes["link_blocks"] = inputs.stats
    return counts
