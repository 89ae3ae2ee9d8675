"""The ``target_links`` table: targets of different documents on the same indicator.

``update_links(previous, changed_targets, all_targets)`` is the whole hook
publish calls: a pure function of tables, no I/O.

What a link is: for each pair of documents, the targets of one are matched
one-to-one with the targets of the other whose indicators the rules of
``similarity.py`` call the same; where a target could pair with several
(``规模以上企业`` by 2023 and by 2025 against one target by 2025), the most
similar wording wins, then the closer deadline year, then text order.  So a
link depends on the two documents' targets only, which is what makes the
table incremental: pairs between unchanged documents are carried as they
were, pairs involving a new or changed document are computed again, and a
removed document's pairs are dropped; the result equals a full recompute.

Not linked: targets whose indicator is a bare generic head (``营业收入``), and
*per-part* targets: a document that states one indicator with the same
deadline in two or more sections with different values (a figure for each
cluster, county or industry under its own heading) uses the indicator for
each section's subject, which its text alone does not name.

Blocking, so that a national corpus is not compared pair by pair: targets are
grouped by (indicator key, unit dimension); each group's core is looked up
in a hash index of cores and of their forms with one stretch of
non-restrictive words removed (``similarity.reduced_forms``), which are the
only pairs ``similarity.py`` can accept, so no candidate is wasted.  Row
pairs are then built by joins on the province when documents have regions
(``regions.py``: links stay on one administrative chain).  Work grows with
the number of links, not with the square of the corpus.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Collection, Iterator, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.linking.indicators import IndicatorKey, indicator_key
from pipeline.linking.regions import UNKNOWN, DocumentRegions, on_one_chain
from pipeline.linking.similarity import core_similarity, key_similarity, reduced_forms
from pipeline.linking.units import unit_info

TARGET_COLUMNS = [
    "doc_id",
    "target_id",
    "section_id",
    "norm_start",
    "indicator",
    "value",
    "value_max",
    "unit",
    "comparator",
    "deadline_year",
]
PARTITION_ABOVE_ROWS = 100_000  # changed targets from which links are computed province by province
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


def update_links(
    previous: pa.Table | None,
    changed_targets: pa.Table,
    all_targets: pa.Table,
    documents: pa.Table | None = None,
    chain: bool = True,
) -> pa.Table:
    """The new ``target_links`` table.

    ``all_targets``: every target of the version being published (changed
    documents included); ``changed_targets``: those of the documents new or
    changed in it (only their ``doc_id`` matters; a changed document left
    with no targets simply drops out of ``all_targets``).  ``previous``: the
    published links, or None to recompute every pair (first run, or a new
    ``linking_version()``).  ``documents``: the documents table, read only for
    its ``province``/``city``/``county``/``admin_level`` columns when it has
    them (``regions.py``: region names are scope; links stay on one chain,
    unless ``chain`` is False).
    """
    present = set(pc.unique(all_targets.column("doc_id")).to_pylist())
    if previous is None:
        changed = present
        carried = TARGET_LINKS.empty_table()
    else:
        changed = set(pc.unique(changed_targets.column("doc_id")).to_pylist()) & present
        carried = _carried(previous, present - changed)
    records = _prepare(all_targets.select(TARGET_COLUMNS), DocumentRegions.from_documents(documents), chain)
    is_changed = records.frame["doc_id"].isin(changed).to_numpy()
    verdicts = _verdicts(records, is_changed)
    # only rows whose group is on either side of a verdict: a nightly update touches
    # a few groups, and the joins should not walk every partition's every row
    wanted = np.isin(records.arrays["group"], np.union1d(verdicts["g"].to_numpy(), verdicts["h"].to_numpy()))
    fresh = [
        _link_table(records, _one_to_one(records, _candidate_pairs(records, is_changed, verdicts, rows & wanted, skip)))
        for rows, skip in _partitions(records, int((wanted & is_changed).sum()))
        if (rows & wanted & is_changed).any()
    ]
    return _sorted(pa.concat_tables([carried.select(TARGET_LINKS.names).cast(TARGET_LINKS), *fresh]))


def _partitions(records: _Records, changed_rows: int) -> Iterator[tuple[np.ndarray, bool]]:
    """(rows, skip pairs of two unknown-province documents) to link one after the other.
    Links on one chain never join two provinces, so for a big build each province is
    linked with the documents of unknown province (national ones) on its own, and
    those among themselves once: memory follows the largest province, not the
    country.  A small update is linked in one go (same result, less overhead)."""
    if records.regions is None or changed_rows < PARTITION_ABOVE_ROWS:
        yield np.ones(len(records.frame), dtype=bool), False
        return
    province = records.regions[:, 0]
    unknown = province == UNKNOWN
    for code in np.unique(province[~unknown]):
        yield (province == code) | unknown, True
    yield unknown, False


@lru_cache(maxsize=1)
def linking_version() -> str:
    """A hash of this package's code and examples: publish keeps the previous links
    only while it is unchanged, so a new rule recomputes every pair by itself."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".jsonl") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def link_all(all_targets: pa.Table, documents: pa.Table | None = None, chain: bool = True) -> pa.Table:
    """Every link of a corpus, from scratch (``chain=False``: every pair of documents)."""
    return update_links(None, all_targets, all_targets, documents, chain)


def _carried(previous: pa.Table, unchanged: Collection[str]) -> pa.Table:
    keep = pa.array(sorted(unchanged), type=pa.string())
    mask = pc.and_(
        pc.is_in(previous.column("doc_id_a"), value_set=keep), pc.is_in(previous.column("doc_id_b"), value_set=keep)
    )
    return previous.filter(mask)


def _sorted(table: pa.Table) -> pa.Table:
    order = [
        ("doc_id_a", "ascending"),
        ("doc_id_b", "ascending"),
        ("target_id_a", "ascending"),
        ("target_id_b", "ascending"),
    ]
    return table.sort_by(order)


# ----------------------------------------------------------------- records
@dataclass
class _Records:
    table: pa.Table  # the targets (TARGET_COLUMNS), rows as in frame
    frame: pd.DataFrame  # one row per target (RangeIndex: labels are positions), with its match group
    keys: list[IndicatorKey]  # by match group
    units: list[str | None]  # by match group: one unit of the group's dimension (all a verdict needs)
    regions: np.ndarray | None  # by row of frame: province, city, county codes; None when no document says
    arrays: dict[str, np.ndarray]  # by row of frame: the columns the pair steps read, as numpy arrays


def _prepare(targets: pa.Table, regions: DocumentRegions, chain: bool) -> _Records:
    """One row per target with its match group (indicator key, unit dimension) and
    whether it may link.  Verdicts are taken once per pair of match groups."""
    frame = targets.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int64Dtype()}.get)
    doc_ids = sorted(frame["doc_id"].unique())
    frame["doc"] = pd.Categorical(frame["doc_id"], categories=doc_ids)
    names = {doc_id: regions.names(doc_id) for doc_id in doc_ids}
    # A document's names matter only to an indicator that starts with one (济南市…);
    # keying every other row by them would split its group per document.
    if any(names.values()):
        frame["regions"] = [
            found if found and isinstance(indicator, str) and indicator.startswith(found) else ()
            for indicator, found in zip(frame["indicator"].to_numpy(dtype=object), frame["doc_id"].map(names))
        ]
    else:
        frame["regions"] = [()] * len(frame)
    spelled = frame.groupby(["indicator", "unit", "regions"], dropna=False, sort=False).ngroup().to_numpy()
    firsts = frame.drop_duplicates(["indicator", "unit", "regions"])  # in ngroup order (sort=False)
    spelled_keys = [
        indicator_key(ind if isinstance(ind, str) else None, reg)
        for ind, reg in zip(firsts["indicator"], firsts["regions"])
    ]
    spelled_units = [unit if isinstance(unit, str) else None for unit in firsts["unit"]]
    match_ids: dict[tuple[IndicatorKey, str], int] = {}
    keys: list[IndicatorKey] = []
    units: list[str | None] = []
    match_of_spelled: list[int] = []
    for key, unit in zip(spelled_keys, spelled_units):
        match = match_ids.setdefault((key, unit_info(unit).dimension), len(match_ids))
        if match == len(keys):
            keys.append(key)
            units.append(unit)
        match_of_spelled.append(match)
    group = np.asarray(match_of_spelled, dtype=np.int64)[spelled]
    frame["group"] = group
    frame["core"] = np.array([key.core for key in keys], dtype=object)[group]
    frame["qualified_core"] = np.array([_qualified(key) for key in keys], dtype=object)[group]
    frame["dimension"] = np.array([unit_info(unit).dimension for unit in units], dtype=object)[group]
    linkable = np.array([key.linkable for key in keys], dtype=bool)[group]
    frame["linkable"] = linkable & ~_per_part(frame)
    # ranks keep the target_ids' order, all a tie-break needs, in eight bytes
    id_rank = np.empty(len(frame), dtype=np.int64)
    id_rank[np.argsort(frame["target_id"].to_numpy(dtype=object), kind="stable")] = np.arange(len(frame))
    frame["id_rank"] = id_rank
    doc_codes = frame["doc"].cat.codes.to_numpy()
    region_codes = regions.codes(doc_ids)[doc_codes] if chain and regions.known else None
    arrays = {
        "doc": doc_codes,
        "group": group,
        "linkable": frame["linkable"].to_numpy(dtype=bool),
        "core": frame["core"].to_numpy(dtype=object),
        "year": frame["deadline_year"].to_numpy(dtype="float64", na_value=np.nan),
        "position": frame["norm_start"].to_numpy(dtype=np.int64),
        "id_rank": id_rank,
    }
    return _Records(targets, frame, keys, units, region_codes, arrays)


def _per_part(frame: pd.DataFrame) -> np.ndarray:
    """Targets whose indicator a document states, for one deadline, in two or more
    sections with different values: a figure per section subject (see module doc)."""
    probe = pd.DataFrame(
        {
            "doc_id": frame["doc_id"],
            "core": frame["qualified_core"],
            "dimension": frame["dimension"],
            "year": frame["deadline_year"].fillna(-1),
            "section": frame["section_id"].fillna(-1),
            "value": frame["value"].fillna(-1.0),
        }
    )
    grouped = probe.groupby(["doc_id", "core", "dimension", "year"], sort=False)
    sections = grouped["section"].transform("nunique")
    values = grouped["value"].transform("nunique")
    return ((sections >= 2) & (values >= 2)).to_numpy(dtype=bool)


def _qualified(key: IndicatorKey) -> str:
    """The core with its qualifiers: 国家级 and 省级 单项冠军企业 are two indicators, not parts."""
    return "|".join([key.core, ",".join(sorted(key.levels)), str(key.relative), str(key.increment)])


# --------------------------------------------------------------- blocking
class _CoreIndex:
    """Linkable groups by core, and each core under every form it takes with one
    stretch of non-restrictive words removed: exactly the pairs the rule can accept."""

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


def _group_verdicts(
    records: _Records, changed_groups: Collection[int], index: _CoreIndex
) -> list[tuple[int, int, float]]:
    """(changed group, any group, similarity) for every pair of groups that may link."""
    keys, units = records.keys, records.units
    verdicts = []
    for g in changed_groups:
        core = keys[g].core
        for other_core in index.candidates(core):
            if other_core != core and core_similarity(core, other_core).similarity is None:
                continue
            for h in index.groups_by_core[other_core]:
                similarity = key_similarity(keys[g], keys[h], units[g], units[h]).similarity
                if similarity is not None:
                    verdicts.append((g, h, similarity))
    return verdicts


def _verdicts(records: _Records, is_changed: np.ndarray) -> pd.DataFrame:
    """(g, h, similarity) for every changed group g and any group h that may link."""
    linkable, groups = records.arrays["linkable"], records.arrays["group"]
    cores: dict[str, list[int]] = defaultdict(list)
    for g in np.unique(groups[linkable]):
        cores[records.keys[g].core].append(int(g))
    changed_groups = np.unique(groups[linkable & is_changed])
    found = _group_verdicts(records, changed_groups, _CoreIndex(cores))
    return pd.DataFrame(found, columns=["g", "h", "similarity"]).astype({"g": np.int64, "h": np.int64})


def _candidate_pairs(
    records: _Records, is_changed: np.ndarray, verdicts: pd.DataFrame, in_partition: np.ndarray, skip_unknown: bool
) -> pd.DataFrame:
    """Every pair of linkable targets of the partition in different documents (on one
    chain), one of them changed, whose groups may link: columns a, b (row positions,
    a in the smaller doc_id), similarity.  Built as joins: group pairs x rows."""
    rows = pd.DataFrame({"row": np.flatnonzero(records.arrays["linkable"] & in_partition)})
    rows["group"] = records.arrays["group"][rows["row"]]
    rows["changed"] = is_changed[rows["row"]]
    rows["province"] = records.regions[rows["row"], 0] if records.regions is not None else UNKNOWN
    left = rows[rows["changed"]].rename(columns={"row": "a", "group": "g", "province": "province_a"})
    left = left.merge(verdicts, on="g")[["a", "h", "similarity", "province_a"]]
    right = rows.rename(columns={"row": "b", "group": "h"})[["b", "h", "province"]]
    pairs = pd.concat(list(_joins(left, right)), ignore_index=True)
    a, b = pairs["a"].to_numpy(dtype=np.int64), pairs["b"].to_numpy(dtype=np.int64)
    doc_codes = records.arrays["doc"]
    keep = doc_codes[a] != doc_codes[b]
    if records.regions is not None:
        keep &= on_one_chain(records.regions[a], records.regions[b])
        if skip_unknown:  # linked in the partition of unknown-province documents
            keep &= (records.regions[a, 0] != UNKNOWN) | (records.regions[b, 0] != UNKNOWN)
    a, b, similarity = a[keep], b[keep], pairs["similarity"].to_numpy()[keep]
    swap = doc_codes[a] > doc_codes[b]  # side a is the document with the smaller doc_id
    pairs = pd.DataFrame({"a": np.where(swap, b, a), "b": np.where(swap, a, b), "similarity": similarity})
    return pairs.drop_duplicates(["a", "b"], ignore_index=True)


def _joins(left: pd.DataFrame, right: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """left (a, h, province_a) joined with right (b, h, province) where the provinces
    may be on one chain: the same, or either unknown.  Joining on the province
    keeps a big group from being multiplied out across the whole country."""
    yield left.iloc[:0].assign(b=np.array([], dtype=np.int64))  # the columns, for an empty result
    unknown_left = left["province_a"] == UNKNOWN
    yield left[unknown_left].merge(right, on="h")
    known_left = left[~unknown_left]
    yield known_left.merge(right, left_on=["h", "province_a"], right_on=["h", "province"])
    yield known_left.merge(right[right["province"] == UNKNOWN], on="h")


# ---------------------------------------------------------------- matching
def _one_to_one(records: _Records, pairs: pd.DataFrame) -> pd.DataFrame:
    """Per document pair, each target in at most one link: greedy on (similarity,
    closer deadline year, text order, target_id), done as rounds of mutual best."""
    if pairs.empty:
        return pairs
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    years, codes = records.arrays["year"], records.arrays["doc"]
    years_a, years_b = years[a], years[b]
    positions, id_rank = records.arrays["position"], records.arrays["id_rank"]
    pairs = pairs.assign(
        doc_a=codes[a],
        doc_b=codes[b],
        gap=np.nan_to_num(np.abs(years_a - years_b), nan=1e6),
        pos_a=positions[a],
        pos_b=positions[b],
        tid_a=id_rank[a],
        tid_b=id_rank[b],
    )
    pairs = pairs.sort_values(
        ["similarity", "gap", "pos_a", "pos_b", "tid_a", "tid_b"],
        ascending=[False, True, True, True, True, True],
        kind="stable",
    )
    chosen = []
    while not pairs.empty:
        best_a = pairs.drop_duplicates(["a", "doc_b"])  # each target's best partner in each other document
        best_b = pairs.drop_duplicates(["b", "doc_a"])
        mutual = best_a.merge(best_b[["a", "b"]], on=["a", "b"])
        chosen.append(mutual)
        docs = len(codes) + 1
        taken_a = mutual["a"].to_numpy() * docs + mutual["doc_b"].to_numpy()
        taken_b = mutual["b"].to_numpy() * docs + mutual["doc_a"].to_numpy()
        free = ~np.isin(pairs["a"].to_numpy() * docs + pairs["doc_b"].to_numpy(), taken_a) & ~np.isin(
            pairs["b"].to_numpy() * docs + pairs["doc_a"].to_numpy(), taken_b
        )
        pairs = pairs[free]
    return pd.concat(chosen, ignore_index=True)[["a", "b", "similarity"]]


def _link_table(records: _Records, chosen: pd.DataFrame) -> pa.Table:
    """The links as rows of TARGET_LINKS, both sides taken from the targets table."""
    columns: dict[str, pa.Array] = {}
    for side in ("a", "b"):
        rows = records.table.take(pa.array(chosen[side].to_numpy(dtype=np.int64), type=pa.int64()))
        for name in _SIDE_COLUMNS:
            columns[f"{name}_{side}"] = rows.column(name)
    core = records.arrays["core"]
    core_a, core_b = core[chosen["a"].to_numpy(dtype=np.int64)], core[chosen["b"].to_numpy(dtype=np.int64)]
    columns["indicator_key"] = pa.array(
        [a if len(a) <= len(b) else b for a, b in zip(core_a, core_b)], type=pa.string()
    )
    columns["similarity"] = pa.array(chosen["similarity"].to_numpy(dtype=np.float64), type=pa.float64())
    return pa.table(columns).cast(TARGET_LINKS)
