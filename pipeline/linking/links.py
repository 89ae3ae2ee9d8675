"""The ``target_links`` table: targets of different documents on the same indicator.

Pure functions of tables, no I/O.  ``link_all(targets, documents)`` is the
whole table from scratch; ``update_links`` the incremental form publish uses
(block by block, ``keys.py``); ``pair_links`` every link of two documents
(``polex compare``).

What a link is.  Two targets *may* link when the rules of ``similarity.py``
call their indicators the same and their documents are on one
administrative chain (``regions.py``: one's region contains the other's, or
the same region; a document of unknown region is on every chain).  Of those,
the table keeps, for each target, **at most ``PER_LEVEL`` counterparts per
level of document** (national, province, city, county, unknown region),
at most one per document:

- the most similar wording first, then the closer deadline year, then the
  document (by ``doc_id``) and text order;
- a pair is in the table when either side chose the other;
- then, per pair of documents, each target is in at most one link (the most
  alike wording, then the closer deadline year, then text order).

So a county's target links with its city's, its province's and the national
goal for the same indicator (the best ``PER_LEVEL`` documents of each), a
province's target with the national ones and with ``PER_LEVEL`` of its cities
and counties of its own choosing, and every city that chose it: the table
has at most ``5 x PER_LEVEL`` links per target, whatever the corpus size
(it grows linearly, not with the square of the documents).

Not linked: targets whose indicator is a bare generic head (``营业收入``), and
*per-part* targets: a document that states one indicator with the same
deadline in two or more sections with different values (a figure for each
cluster, county or industry under its own heading) uses the indicator for
each section's subject, which its text alone does not name (``keys.py``).

How, without comparing pairs.  Targets are grouped by key (``keys.py``);
each pair of groups is judged once (``similarity.py``, looked up through the
reduced forms of the cores, the only pairs the rule can accept).  A target's
candidates at one level are the targets of a *pool*: one group, one level,
one region (the ancestor at that level, or the target's own region for its
own and lower levels).  Each pool is ranked once per deadline year, keeping
its first ``PER_LEVEL + 1`` documents (enough to skip one's own), and
targets asking the same pool with the same year share one answer: work and
memory grow with the number of targets.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Collection, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.linking.indicators import IndicatorKey
from pipeline.linking.keys import BLOCKS, KEY_SCHEMA, TARGET_COLUMNS, block_of, stored_key, target_keys
from pipeline.linking.regions import UNKNOWN_LEVEL
from pipeline.linking.similarity import core_similarity, key_similarity, reduced_forms

PICK_SLICE_ROWS = (
    20_000  # targets whose choices are computed together (memory: docs/performance-log.md, `PICK_SLICE_ROWS`)
)
PER_LEVEL = 3  # counterparts a target keeps per level of document (national, province, city, county, unknown)
LEVEL_COUNT = UNKNOWN_LEVEL + 1
NO_YEAR = -1
NO_YEAR_GAP = 1e6  # a deadline year missing on either side: the farthest
_SIDE_COLUMNS = ["doc_id", "target_id", "indicator", "value", "value_max", "unit", "comparator", "deadline_year"]


def _side_fields(side: str) -> list[pa.Field]:
    return [
        pa.field(f"doc_id_{side}", pa.string(), nullable=False),
        pa.field(f"target_id_{side}", pa.string(), nullable=False),
        pa.field(f"indicator_{side}", pa.string()),
        pa.field(f"value_{side}", pa.float64()),
        pa.field(f"value_max_{side}", pa.float64()),
        pa.field(f"unit_{side}", pa.string()),
        pa.field(f"comparator_{side}", pa.string()),
        pa.field(f"deadline_year_{side}", pa.int64()),
    ]


TARGET_LINKS = pa.schema(
    _side_fields("a")
    + _side_fields("b")
    + [
        pa.field("indicator_key", pa.string(), nullable=False),  # the shared core (the shorter of the two)
        pa.field("similarity", pa.float64(), nullable=False),  # 1 = same core; see similarity.py
    ]
)


@lru_cache(maxsize=1)
def linking_version() -> str:
    """A hash of this package's code and examples: publish keeps the previous links
    and keys only while it is unchanged, so a new rule recomputes every block by itself."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".jsonl") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# ------------------------------------------------------------- the tables
def link_all(all_targets: pa.Table, documents: pa.Table | None = None) -> pa.Table:
    """Every link of a corpus, from scratch: the blocks in order (``link_keys``)."""
    return link_keys(target_keys(all_targets, documents))


def link_keys(keys: pa.Table, per_level: int | None = PER_LEVEL) -> pa.Table:
    """The links of ``keys`` (KEY_SCHEMA rows), block after block, each block sorted."""
    links = [link_block(block, per_level) for _, block in blocks_of(keys)]
    return pa.concat_tables(links or [TARGET_LINKS.empty_table()])


def blocks_of(keys: pa.Table) -> list[tuple[int, pa.Table]]:
    """(block, its rows) for every block ``keys`` has rows in, in block order."""
    present = pc.unique(keys.column("block")).to_pylist()
    return [(block, keys.filter(pc.equal(keys.column("block"), block))) for block in sorted(present)]


def update_links(
    previous_links: pa.Table | None,
    previous_keys: pa.Table | None,
    changed_keys: pa.Table,
    kept: Collection[str],
) -> tuple[pa.Table, pa.Table]:
    """(links, keys) of the next version, recomputing only the blocks a change touches.

    ``previous_*``: the published tables (None: recompute every block);
    ``changed_keys``: the keys of the new and changed documents (``target_keys``);
    ``kept``: the doc_ids carried unchanged.  A block is recomputed when a document
    gained, lost or changed a row in it; the others are carried as they were.
    The result is what ``link_keys`` gives on the new keys.
    """
    kept_set = pa.array(sorted(kept), type=pa.string())
    if previous_keys is None or previous_links is None:
        previous_keys, previous_links = KEY_SCHEMA.empty_table(), TARGET_LINKS.empty_table()
        touched = set(range(BLOCKS))
    else:
        gone = pc.invert(pc.is_in(previous_keys.column("doc_id"), value_set=kept_set))
        touched = set(pc.unique(previous_keys.filter(gone).column("block")).to_pylist())
    touched |= set(pc.unique(changed_keys.column("block")).to_pylist())
    previous_links, previous_keys = previous_links.cast(TARGET_LINKS), previous_keys.cast(KEY_SCHEMA)
    carried = previous_keys.filter(pc.is_in(previous_keys.column("doc_id"), value_set=kept_set))
    keys = pa.concat_tables([carried, changed_keys.cast(KEY_SCHEMA)])
    link_blocks = link_block_numbers(previous_links)
    links = []
    for block in range(BLOCKS):
        if block in touched:
            links.append(link_block(keys.filter(pc.equal(keys.column("block"), block))))
        else:
            links.append(previous_links.filter(pc.equal(link_blocks, block)))
    return pa.concat_tables(links), _sorted_keys(keys)


def link_block_numbers(links: pa.Table) -> pa.Array:
    """The block of each link: its ``indicator_key``'s (both sides share the head)."""
    return pa.array([block_of(key) for key in links.column("indicator_key").to_pylist()], type=pa.int16())


def pair_links(targets: pa.Table, documents: pa.Table | None = None) -> pa.Table:
    """Every link between the documents of ``targets`` with no limit per level and no
    chain (``polex compare``: two sibling cities still show what they share)."""
    keys = target_keys(targets, documents)
    return pa.concat_tables(
        [link_block(block, per_level=None) for _, block in blocks_of(keys)] or [TARGET_LINKS.empty_table()]
    )


def link_block(keys: pa.Table, per_level: int | None = PER_LEVEL) -> pa.Table:
    """The links among ``keys`` (usually one block): the rule of the module doc;
    ``per_level=None`` keeps every candidate pair, on a chain or not."""
    if keys.num_rows == 0:
        return TARGET_LINKS.empty_table()
    block = _Block.of(keys)
    verdicts = _verdicts(block)
    pairs = _all_pairs(block, verdicts) if per_level is None else _picks(block, verdicts, per_level)
    return _link_table(block, _in_table_order(block, _one_to_one(block, pairs)))


def _in_table_order(block: _Block, chosen: pd.DataFrame) -> pd.DataFrame:
    """The chosen pairs in the table's order: doc_id_a, doc_id_b, target_id_a, target_id_b.
    Sorted on the rows' integer ranks, which order as those strings do (doc codes and
    id ranks are ranks of the block's sorted values), before any string is copied."""
    if chosen.empty:
        return chosen
    a, b = chosen["a"].to_numpy(dtype=np.int64), chosen["b"].to_numpy(dtype=np.int64)
    doc, id_rank, rows = block.arrays["doc"], block.arrays["id_rank"], len(block.arrays["doc"])
    order = np.lexsort((id_rank[a] * rows + id_rank[b], doc[a] * rows + doc[b]))
    return chosen.iloc[order].reset_index(drop=True)


def _sorted_keys(keys: pa.Table) -> pa.Table:
    return keys.sort_by([(name, "ascending") for name in ("block", "doc_id", "norm_start", "target_id")])


# ----------------------------------------------------------------- a block
@dataclass
class _Block:
    table: pa.Table  # the key rows, sorted by doc_id, norm_start, target_id: row order is rank order
    arrays: dict[str, np.ndarray]  # by row: doc, group, level, year, position, id_rank
    prefix: np.ndarray  # by row and length m = 0..3: an id of the region's first m parts (-1: none)
    keys: list[IndicatorKey]  # by group
    units: list[str | None]  # by group: one unit of the group's dimension (all a verdict needs)

    @classmethod
    def of(cls, keys: pa.Table) -> "_Block":
        table = _in_key_order(keys)
        frame = table.select(["doc_id", "core", "levels", "relative", "increment", "dimension", "unit"]).to_pandas()
        group_columns = ["core", "levels", "relative", "increment", "dimension"]
        group = frame.groupby(group_columns, sort=True).ngroup().to_numpy(dtype=np.int64)
        firsts = frame.assign(group=group).drop_duplicates("group").sort_values("group")
        level = table.column("level").to_numpy().astype(np.int64)
        id_rank = np.empty(table.num_rows, dtype=np.int64)
        id_rank[np.argsort(table.column("target_id").to_numpy(zero_copy_only=False), kind="stable")] = np.arange(
            table.num_rows
        )
        arrays = {
            "doc": pd.factorize(frame["doc_id"], sort=True)[0].astype(np.int64),
            "group": group,
            "level": level,
            "year": table.column("deadline_year").to_numpy(zero_copy_only=False).astype("float64"),
            "position": table.column("norm_start").fill_null(0).to_numpy().astype(np.int64),
            "id_rank": id_rank,
            "core": frame["core"].to_numpy(dtype=object),
            "core_length": pc.utf8_length(table.column("core")).to_numpy().astype(np.int64),
        }
        return cls(
            table,
            arrays,
            _prefixes(table, level),
            [
                stored_key(*row)
                for row in zip(firsts["core"], firsts["levels"], firsts["relative"], firsts["increment"])
            ],
            [u if isinstance(u, str) else None for u in firsts["unit"]],
        )


def _in_key_order(keys: pa.Table) -> pa.Table:
    """``keys`` sorted by doc_id, norm_start, target_id, in one chunk (taking the links'
    rows from it is then a plain gather); the same table when it already is (publish
    sorts a block's keys to write them: no second copy of the block)."""
    order = pc.sort_indices(keys, sort_keys=[(name, "ascending") for name in ("doc_id", "norm_start", "target_id")])
    if not np.array_equal(order.to_numpy(), np.arange(keys.num_rows)):
        keys = keys.take(order)
    return keys if keys.column("doc_id").num_chunks <= 1 else keys.combine_chunks()


def _prefixes(table: pa.Table, level: np.ndarray) -> np.ndarray:
    """Ids of each row's region cut to its first m parts (m = 0..3); -1 where the
    row's region has fewer known parts (or none is known: level unknown).  Only which
    rows share an id matters (a missing part counts as an empty name)."""
    prefix = np.full((table.num_rows, 4), -1, dtype=np.int64)
    prefix[:, 0] = 0
    joined = np.zeros(table.num_rows, dtype=np.int64)  # an id of the first m parts, all rows
    known = level != UNKNOWN_LEVEL
    for m, column in enumerate(("province", "city", "county"), start=1):
        names = pc.dictionary_encode(pc.fill_null(table.column(column).combine_chunks(), ""))
        part = names.indices.to_numpy().astype(np.int64)
        joined = pd.factorize(joined * (len(names.dictionary) + 1) + part)[0].astype(np.int64)
        has = known & (level >= m)
        prefix[has, m] = joined[has]
    return prefix


# --------------------------------------------------------------- verdicts
class _CoreIndex:
    """Groups by core, and each core under every form it takes with one stretch of
    non-restrictive words removed: exactly the pairs the rule can accept."""

    def __init__(self, cores: Mapping[str, list[int]]):
        self.groups_by_core = cores
        self.longer_by_reduced: dict[str, set[str]] = defaultdict(set)  # reduced form -> cores it came from
        for core in cores:
            for reduced in reduced_forms(core):
                self.longer_by_reduced[reduced].add(core)

    def candidates(self, core: str) -> set[str]:
        found = {core} | self.longer_by_reduced.get(core, set())
        found.update(reduced for reduced in reduced_forms(core) if reduced in self.groups_by_core)
        return found


def _verdicts(block: _Block) -> pd.DataFrame:
    """(g, h, similarity) for every ordered pair of groups that may link (g == h included)."""
    keys, units = block.keys, block.units
    cores: dict[str, list[int]] = defaultdict(list)
    for g, key in enumerate(keys):
        cores[key.core].append(g)
    index = _CoreIndex(cores)
    found = []
    for g, key in enumerate(keys):
        for other_core in index.candidates(key.core):
            if other_core != key.core and core_similarity(key.core, other_core).similarity is None:
                continue
            for h in index.groups_by_core[other_core]:
                similarity = key_similarity(key, keys[h], units[g], units[h]).similarity
                if similarity is not None:
                    found.append((g, h, similarity))
    return pd.DataFrame(found, columns=["g", "h", "similarity"]).astype({"g": np.int64, "h": np.int64})


# ------------------------------------------------------------ candidates
def _all_pairs(block: _Block, verdicts: pd.DataFrame) -> pd.DataFrame:
    """Every pair of rows in different documents whose groups may link: a, b, similarity."""
    rows = pd.DataFrame({"row": np.arange(len(block.arrays["doc"])), "g": block.arrays["group"]})
    pairs = rows.rename(columns={"row": "a"}).merge(verdicts, on="g")
    pairs = pairs.merge(rows.rename(columns={"row": "b", "g": "h"}), on="h")
    return _as_pairs(block, pairs["a"].to_numpy(), pairs["b"].to_numpy(), pairs["similarity"].to_numpy())


def _as_pairs(block: _Block, a: np.ndarray, b: np.ndarray, similarity: np.ndarray) -> pd.DataFrame:
    """Pairs in different documents, side a in the smaller doc_id, each pair once."""
    doc = block.arrays["doc"]
    keep = doc[a] != doc[b]
    a, b, similarity = a[keep], b[keep], similarity[keep]
    swap = doc[a] > doc[b]
    pairs = pd.DataFrame({"a": np.where(swap, b, a), "b": np.where(swap, a, b), "similarity": similarity})
    return pairs.drop_duplicates(["a", "b"], ignore_index=True)


def _year_keys(block: _Block) -> np.ndarray:
    year = block.arrays["year"]
    return np.where(np.isnan(year), NO_YEAR, year).astype(np.int64)


def _pool_entries(block: _Block, per_level: int) -> pd.DataFrame:
    """The rows of each pool's first ``per_level + 1`` documents per deadline year:
    columns h, L, m, pk (the pool: group, level, region prefix length and id), year_b,
    doc_b, b (row).  A row is in the pools of its group and level at every prefix of its
    region.  Rows are in doc_id order, so a pool's documents are runs of rows."""
    level, prefix = block.arrays["level"], block.prefix
    parts = []
    for m in range(4):
        rows = np.flatnonzero((level >= m) & (level != UNKNOWN_LEVEL)) if m else np.arange(len(level))
        parts.append(pd.DataFrame({"b": rows, "m": m, "pk": prefix[rows, m]}))
    entries = pd.concat(parts, ignore_index=True)
    rows = entries["b"].to_numpy()
    entries["h"] = block.arrays["group"][rows]
    entries["L"] = level[rows]
    entries["year_b"] = _year_keys(block)[rows]
    entries["doc_b"] = block.arrays["doc"][rows]
    pool = ["h", "L", "m", "pk", "year_b"]
    entries = entries.sort_values([*pool, "b"], kind="stable")
    entries["first"] = ~entries.duplicated([*pool, "doc_b"])
    doc_rank = entries.groupby(pool, sort=False)["first"].cumsum() - 1
    return entries[doc_rank.to_numpy() <= per_level].drop(columns="first")


def _askers(block: _Block, rows: np.ndarray) -> pd.DataFrame:
    """One row per target of ``rows`` and level it asks (every level the block has): a,
    cls (target, level, pool prefix and year shared by all who get the same answer), g,
    L, m, pk, year."""
    level, prefix = block.arrays["level"], block.prefix
    parts = []
    for asked in np.unique(level):
        unknown = (level[rows] == UNKNOWN_LEVEL) | (asked == UNKNOWN_LEVEL)
        m = np.where(unknown, 0, np.minimum(level[rows], asked))
        parts.append(pd.DataFrame({"a": rows, "L": asked, "m": m, "pk": prefix[rows, m]}))
    askers = pd.concat(parts, ignore_index=True)
    askers["g"] = block.arrays["group"][askers["a"].to_numpy()]
    askers["year"] = _year_keys(block)[askers["a"].to_numpy()]
    askers["cls"] = askers.groupby(["g", "L", "m", "pk", "year"], sort=False).ngroup()
    return askers


def _answers(askers: pd.DataFrame, verdicts: pd.DataFrame, entries: pd.DataFrame, per_level: int) -> pd.DataFrame:
    """Per class of askers, the candidate rows of its best ``per_level + 1`` documents:
    cls, b, doc_b, similarity, doc_rank (documents ranked by their best row: similarity,
    then deadline-year gap, then doc_id and text order)."""
    classes = askers.drop_duplicates("cls")[["cls", "g", "L", "m", "pk", "year"]]
    candidates = classes.merge(verdicts, on="g").merge(entries, on=["h", "L", "m", "pk"])
    both = (candidates["year"] != NO_YEAR) & (candidates["year_b"] != NO_YEAR)
    candidates["gap"] = np.where(both, (candidates["year"] - candidates["year_b"]).abs(), NO_YEAR_GAP)
    candidates = candidates.sort_values(["cls", "similarity", "gap", "b"], ascending=[True, False, True, True])
    documents = candidates.drop_duplicates(["cls", "doc_b"])[["cls", "doc_b"]]
    documents["doc_rank"] = documents.groupby("cls", sort=False).cumcount()
    documents = documents[documents["doc_rank"] <= per_level]
    return candidates[["cls", "b", "doc_b", "similarity"]].merge(documents, on=["cls", "doc_b"])


def _picks(block: _Block, verdicts: pd.DataFrame, per_level: int) -> pd.DataFrame:
    """Each target's best ``per_level`` documents at each level (module doc), with every
    candidate pair between the target and those documents, as pairs.

    A target's choice depends only on its class, and a class on one group, so the
    choices are computed for slices of whole groups (about ``PICK_SLICE_ROWS`` targets):
    memory follows the slice, not the block.  The slices' picks are put back in the
    order one pass over the block gives (level asked, then target), which decides the
    similarity a pair chosen by both sides keeps."""
    entries = _pool_entries(block, per_level)
    slices = _group_slices(block, PICK_SLICE_ROWS)
    picked = [_slice_picks(block, verdicts, entries, per_level, rows) for rows in slices]
    a, b, similarity, asked = (np.concatenate([p[i] for p in picked]) for i in range(4))
    order = np.lexsort((a, asked))  # stable: within a target and level, the slice's order
    return _as_pairs(block, a[order], b[order], similarity[order])


def _group_slices(block: _Block, size: int) -> list[np.ndarray]:
    """The block's rows in slices of whole groups: the groups starting in each window of
    ``size`` rows (in group order) make one slice; each slice's rows ascending."""
    group = block.arrays["group"]
    if len(group) <= size:
        return [np.arange(len(group))]
    counts = np.bincount(group)
    slice_of_row = ((np.cumsum(counts) - counts) // size)[group]
    order = np.argsort(slice_of_row, kind="stable")
    return np.split(order, np.flatnonzero(np.diff(slice_of_row[order])) + 1)


def _slice_picks(
    block: _Block, verdicts: pd.DataFrame, entries: pd.DataFrame, per_level: int, rows: np.ndarray
) -> tuple[np.ndarray, ...]:
    """(a, b, similarity, level asked) of the pairs the targets of ``rows`` choose."""
    askers = _askers(block, rows)
    chosen = askers[["a", "cls", "L"]].merge(_answers(askers, verdicts, entries, per_level), on="cls")
    own = block.arrays["doc"][chosen["a"].to_numpy()] == chosen["doc_b"].to_numpy()
    own_rank = chosen[own].groupby(["a", "cls"])["doc_rank"].min().rename("own_rank").reset_index()
    chosen = chosen[~own].merge(own_rank, on=["a", "cls"], how="left")
    shift = (chosen["doc_rank"] > chosen["own_rank"].fillna(per_level + 1)).astype(np.int64)
    chosen = chosen[(chosen["doc_rank"] - shift) < per_level]
    return tuple(chosen[name].to_numpy() for name in ("a", "b", "similarity", "L"))


# ---------------------------------------------------------------- matching
def _one_to_one(block: _Block, pairs: pd.DataFrame) -> pd.DataFrame:
    """Per document pair, each target in at most one link: greedy on (similarity,
    closer deadline year, text order, target_id), done as rounds of mutual best."""
    if pairs.empty:
        return pairs
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    years, codes = block.arrays["year"], block.arrays["doc"]
    positions, id_rank = block.arrays["position"], block.arrays["id_rank"]
    order = np.lexsort(  # the greedy's order, last key first
        (
            id_rank[b],
            id_rank[a],
            positions[b],
            positions[a],
            np.nan_to_num(np.abs(years[a] - years[b]), nan=NO_YEAR_GAP),
            -pairs["similarity"].to_numpy(),
        )
    )
    a, b, docs = a[order], b[order], len(codes) + 1
    # A target's place in each other document: (a, doc_b) and (b, doc_a) as dense ids.
    slot_a = pd.factorize(a * docs + codes[b])[0]
    slot_b = pd.factorize(b * docs + codes[a])[0]
    taken_a, taken_b = np.zeros(slot_a.max() + 1, dtype=bool), np.zeros(slot_b.max() + 1, dtype=bool)
    alive, chosen = np.arange(len(a)), []
    while alive.size:
        # Mutual best: the first remaining pair of both its target's slots.
        first_a = ~pd.Series(slot_a[alive]).duplicated().to_numpy()
        first_b = ~pd.Series(slot_b[alive]).duplicated().to_numpy()
        mutual = alive[first_a & first_b]
        chosen.append(mutual)
        taken_a[slot_a[mutual]], taken_b[slot_b[mutual]] = True, True
        alive = alive[~taken_a[slot_a[alive]] & ~taken_b[slot_b[alive]]]
    rows = order[np.concatenate(chosen)]
    return pairs.iloc[rows][["a", "b", "similarity"]].reset_index(drop=True)


def _link_table(block: _Block, chosen: pd.DataFrame) -> pa.Table:
    """The links as rows of TARGET_LINKS, both sides taken from the key rows."""
    if chosen.empty:
        return TARGET_LINKS.empty_table()
    columns: dict[str, pa.Array] = {}
    sides = block.table.select(_SIDE_COLUMNS)
    for side in ("a", "b"):
        rows = sides.take(pa.array(chosen[side].to_numpy(dtype=np.int64), type=pa.int64()))
        for name in _SIDE_COLUMNS:
            columns[f"{name}_{side}"] = rows.column(name)
    a, b = chosen["a"].to_numpy(dtype=np.int64), chosen["b"].to_numpy(dtype=np.int64)
    length = block.arrays["core_length"]
    shorter = np.where(length[a] <= length[b], a, b)  # the shared core: the shorter of the two
    columns["indicator_key"] = block.table.column("core").take(pa.array(shorter, type=pa.int64()))
    columns["similarity"] = pa.array(chosen["similarity"].to_numpy(dtype=np.float64), type=pa.float64())
    return pa.table(columns).cast(TARGET_LINKS)


__all__ = ["TARGET_COLUMNS", "TARGET_LINKS", "link_all", "link_keys", "linking_version", "pair_links", "update_links"]
