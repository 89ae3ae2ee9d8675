"""Which parts the next version is made of (orchestration-free, pure).

Every table of a version is a folder of part files, ``<table>.parquet/<part>.parquet``.
A *part* holds the rows of one group of documents in every table under the
same part id; the index (``pipeline.storage.index``) says which part holds
each file.  From one version to the next a part is either

- carried by reference (a hard link of its files, no row is read) when every
  document in it is unchanged, keeping its id;
- rewritten under a new id without the rows of its changed or removed
  documents; or
- merged with other small parts (compaction) under a new id;

and this run's batches (new and changed documents) are new parts.  This
module only decides; ``pipeline.storage.publish`` does the file work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# A part counts as small below half of a batch's limits (docs and input bytes); small
# parts are merged, in id order, into parts of up to a batch's size.
SMALL_SHARE = 0.5
STAGED_KIND = "b"  # part ids: <run_id>-b<n> a staged batch, -r<n> a rewrite, -c<n> a merge


def staged_part_id(run_id: str, batch_no: int) -> str:
    return f"{run_id}-{STAGED_KIND}{batch_no:05d}"


@dataclass
class PartSource:
    """Rows going into a new part: one previous part or one staged batch."""

    name: str  # the previous part id, or the staged batch's provisional part id
    files: dict[str, Path]  # table -> the Parquet file holding this source's rows
    docs: int  # documents (ingested or quarantined) taken from it
    input_bytes: int  # their size in the corpus
    keep: frozenset[str] | None = None  # keys (doc_id / source_path) to keep; None: every row
    rows: dict[str, int] | None = None  # rows per table, when known (a source taken whole)


@dataclass
class Part:
    part_id: str
    sources: list[PartSource] = field(default_factory=list)

    @property
    def linked(self) -> bool:
        """Carried by hard links: one source taken whole, under its own id."""
        return len(self.sources) == 1 and self.sources[0].keep is None and self.sources[0].name == self.part_id

    @property
    def docs(self) -> int:
        return sum(s.docs for s in self.sources)

    @property
    def input_bytes(self) -> int:
        return sum(s.input_bytes for s in self.sources)


def _small(source: PartSource, target_docs: int, target_bytes: int) -> bool:
    return source.docs < target_docs * SMALL_SHARE and source.input_bytes < target_bytes * SMALL_SHARE


def _alone(source: PartSource, new_id: str) -> Part:
    return Part(source.name if source.keep is None else new_id, [source])


def plan_parts(run_id: str, sources: list[PartSource], target_docs: int, target_bytes: int) -> list[Part]:
    """The parts of the next version, from ``sources`` in order (previous parts by id,
    then this run's batches).  Sources with no document left are dropped."""
    parts: list[Part] = []
    small: list[PartSource] = []
    counter = iter(range(10**9))

    def new_id(kind: str) -> str:
        return f"{run_id}-{kind}{next(counter):05d}"

    for source in sources:
        if source.docs == 0:
            continue
        if _small(source, target_docs, target_bytes):
            small.append(source)
        else:
            parts.append(_alone(source, new_id("r")))
    group: list[PartSource] = []
    for source in small + [None]:  # None flushes the last group
        full = group and (
            source is None
            or sum(s.docs for s in group) + source.docs > target_docs
            or sum(s.input_bytes for s in group) + source.input_bytes > target_bytes
        )
        if full:
            parts.append(_alone(group[0], new_id("r")) if len(group) == 1 else Part(new_id("c"), group))
            group = []
        if source is not None:
            group.append(source)
    return sorted(parts, key=lambda p: p.part_id)


def renamed_sources(parts: list[Part]) -> dict[str, str]:
    """Source name -> the id of the part its rows went to (only where they differ)."""
    return {s.name: p.part_id for p in parts for s in p.sources if s.name != p.part_id}
