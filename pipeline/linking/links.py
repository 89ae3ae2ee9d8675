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
grouped by (indicator, unit); each group's indicator core is looked up only
against cores that could match it (the same core, cores ending with it or
that it ends with, and cores with its first character and its last two: the
only shapes ``similarity.py`` accepts).  Work grows with the number of
similar pairs, not with the square of the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.linking.indicators import IndicatorKey, indicator_key
from pipeline.linking.similarity import MIN_CONTAINED_CHARS, core_similarity, key_similarity
from pipeline.linking.units import unit_info

LINKING_VERSION = "1"  # bump when a rule changes: publish then recomputes every pair
TARGET_COLUMNS = [
    "doc_id", "target_id", "section_id", "norm_start", "indicator", "value", "value_max", "unit", "comparator",
    "deadline_year",
]
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
    region_names: Mapping[str, tuple[str, ...]] | None = None,
) -> pa.Table:
    """The new ``target_links`` table.

    ``all_targets``: every target of the version being published (changed
    documents included); ``changed_targets``: those of the documents new or
    changed in it (only their ``doc_id`` matters; a changed document left
    with no targets simply drops out of ``all_targets``).  ``previous``: the
    published links, or None to recompute every pair (first run, or a new
    ``LINKING_VERSION``).  ``region_names``: doc_id -> the document's own
    province/city/county names, removed from indicators like ``全省``.
    """
    present = set(pc.unique(all_targets.column("doc_id")).to_pylist())
    if previous is None:
        changed = present
        carried = TARGET_LINKS.empty_table()
    else:
        changed = set(pc.unique(changed_targets.column("doc_id")).to_pylist()) & present
        carried = _carried(previous, present - changed)
    records = _prepare(all_targets.select(TARGET_COLUMNS), region_names or {})
    pairs = _candidate_pairs(records, changed)
    fresh = _link_table(records.frame, _one_to_one(records.frame, pairs))
    return _sorted(pa.concat_tables([carried.select(TARGET_LINKS.names).cast(TARGET_LINKS), fresh]))


def link_all(all_targets: pa.Table, region_names: Mapping[str, tuple[str, ...]] | None = None) -> pa.Table:
    """Every link of a corpus, from scratch."""
    return update_links(None, all_targets, all_targets, region_names)


def _carried(previous: pa.Table, unchanged: Collection[str]) -> pa.Table:
    keep = pa.array(sorted(unchanged), type=pa.string())
    mask = pc.and_(pc.is_in(previous.column("doc_id_a"), value_set=keep), pc.is_in(previous.column("doc_id_b"), value_set=keep))
    return previous.filter(mask)


def _sorted(table: pa.Table) -> pa.Table:
    order = [("doc_id_a", "ascending"), ("doc_id_b", "ascending"), ("target_id_a", "ascending"), ("target_id_b", "ascending")]
    return table.sort_by(order)


# ----------------------------------------------------------------- records
@dataclass
class _Records:
    frame: pd.DataFrame  # one row per target (RangeIndex: labels are positions), with its group
    keys: list[IndicatorKey]  # by group
    units: list[str | None]  # by group


def _prepare(targets: pa.Table, region_names: Mapping[str, tuple[str, ...]]) -> _Records:
    """One row per target with its group (indicator, unit, regions) and whether it may link."""
    frame = targets.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int64Dtype()}.get)
    frame["doc"] = pd.Categorical(frame["doc_id"], categories=sorted(frame["doc_id"].unique()))
    frame["regions"] = frame["doc_id"].map(lambda doc: tuple(region_names.get(doc, ())))
    frame["group"] = frame.groupby(["indicator", "unit", "regions"], dropna=False, sort=False).ngroup()
    groups = frame.drop_duplicates("group").set_index("group").sort_index()
    keys = [indicator_key(ind if isinstance(ind, str) else None, reg) for ind, reg in zip(groups["indicator"], groups["regions"])]
    units = [unit if isinstance(unit, str) else None for unit in groups["unit"]]
    group = frame["group"].to_numpy()
    frame["core"] = np.array([key.core for key in keys], dtype=object)[group]
    frame["qualified_core"] = np.array([_qualified(key) for key in keys], dtype=object)[group]
    frame["dimension"] = np.array([unit_info(unit).dimension for unit in units], dtype=object)[group]
    linkable = np.array([key.linkable for key in keys], dtype=bool)[group]
    frame["linkable"] = linkable & ~_per_part(frame)
    return _Records(frame, keys, units)


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
    """Linkable groups by core, with the lookups the head-final rule needs."""

    def __init__(self, cores: Mapping[str, list[int]]):
        self.groups_by_core = cores
        self.longer_by_suffix: dict[str, set[str]] = defaultdict(set)  # suffix -> cores ending with it
        self.by_ends: dict[tuple[str, str], set[str]] = defaultdict(set)  # (first char, last two) -> cores
        for core in cores:
            for start in range(1, len(core) - MIN_CONTAINED_CHARS + 1):
                self.longer_by_suffix[core[start:]].add(core)
            self.by_ends[(core[:1], core[-2:])].add(core)

    def candidates(self, core: str) -> set[str]:
        found = {core} | self.longer_by_suffix.get(core, set()) | self.by_ends.get((core[:1], core[-2:]), set())
        for start in range(1, len(core) - MIN_CONTAINED_CHARS + 1):
            if core[start:] in self.groups_by_core:
                found.add(core[start:])
        return found


@lru_cache(maxsize=500_000)
def _cores_match(a: str, b: str) -> bool:
    return core_similarity(a, b).similarity is not None


def _group_verdicts(records: _Records, changed_groups: Collection[int], index: _CoreIndex) -> list[tuple[int, int, float]]:
    """(changed group, any group, similarity) for every pair of groups that may link."""
    keys, units = records.keys, records.units
    verdicts = []
    for g in changed_groups:
        core = keys[g].core
        for other_core in index.candidates(core):
            if not _cores_match(core, other_core):
                continue
            for h in index.groups_by_core[other_core]:
                similarity = key_similarity(keys[g], keys[h], units[g], units[h]).similarity
                if similarity is not None:
                    verdicts.append((g, h, similarity))
    return verdicts


def _candidate_pairs(records: _Records, changed: Collection[str]) -> pd.DataFrame:
    """Every pair of linkable targets in different documents, one of them changed,
    whose groups may link: columns a, b (row positions, a in the smaller doc_id), similarity."""
    frame = records.frame
    linkable = frame[frame["linkable"]]
    positions = linkable.index.to_numpy()  # frame has a RangeIndex: labels are row positions
    rows_by_group = {g: positions[rows] for g, rows in linkable.groupby("group").indices.items()}
    is_changed = frame["doc_id"].isin(changed).to_numpy()
    cores: dict[str, list[int]] = defaultdict(list)
    for g in rows_by_group:
        cores[records.keys[g].core].append(g)
    changed_groups = [g for g, rows in rows_by_group.items() if is_changed[rows].any()]
    doc_codes = frame["doc"].cat.codes.to_numpy()
    lefts, rights, sims = [], [], []
    for g, h, similarity in _group_verdicts(records, changed_groups, _CoreIndex(cores)):
        left = rows_by_group[g][is_changed[rows_by_group[g]]]
        right = rows_by_group[h]
        lefts.append(np.repeat(left, len(right)))
        rights.append(np.tile(right, len(left)))
        sims.append(np.full(len(left) * len(right), similarity))
    if not lefts:
        return pd.DataFrame({"a": np.array([], dtype=np.int64), "b": np.array([], dtype=np.int64), "similarity": []})
    a, b, similarity = np.concatenate(lefts), np.concatenate(rights), np.concatenate(sims)
    keep = doc_codes[a] != doc_codes[b]
    a, b, similarity = a[keep], b[keep], similarity[keep]
    swap = doc_codes[a] > doc_codes[b]  # side a is the document with the smaller doc_id
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    pairs = pd.DataFrame({"a": a, "b": b, "similarity": similarity})
    return pairs.drop_duplicates(["a", "b"], ignore_index=True)


# ---------------------------------------------------------------- matching
def _one_to_one(frame: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """Per document pair, each target in at most one link: greedy on (similarity,
    closer deadline year, text order, target_id), done as rounds of mutual best."""
    if pairs.empty:
        return pairs
    years_a = frame["deadline_year"].to_numpy(dtype="float64", na_value=np.nan)[pairs["a"]]
    years_b = frame["deadline_year"].to_numpy(dtype="float64", na_value=np.nan)[pairs["b"]]
    codes = frame["doc"].cat.codes.to_numpy()
    pairs = pairs.assign(
        doc_a=codes[pairs["a"]],
        doc_b=codes[pairs["b"]],
        gap=np.nan_to_num(np.abs(years_a - years_b), nan=1e6),
        pos_a=frame["norm_start"].to_numpy()[pairs["a"]],
        pos_b=frame["norm_start"].to_numpy()[pairs["b"]],
        tid_a=frame["target_id"].to_numpy()[pairs["a"]],
        tid_b=frame["target_id"].to_numpy()[pairs["b"]],
    )
    pairs = pairs.sort_values(
        ["similarity", "gap", "pos_a", "pos_b", "tid_a", "tid_b"], ascending=[False, True, True, True, True, True], kind="stable"
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


def _link_table(frame: pd.DataFrame, chosen: pd.DataFrame) -> pa.Table:
    columns: dict[str, object] = {}
    for side in ("a", "b"):
        rows = frame.iloc[chosen[side].to_numpy(dtype=np.int64)] if len(chosen) else frame.iloc[[]]
        for name in _SIDE_COLUMNS:
            columns[f"{name}_{side}"] = rows[name].tolist()
    core_a = frame["core"].to_numpy()[chosen["a"].to_numpy(dtype=np.int64)] if len(chosen) else []
    core_b = frame["core"].to_numpy()[chosen["b"].to_numpy(dtype=np.int64)] if len(chosen) else []
    columns["indicator_key"] = [a if len(a) <= len(b) else b for a, b in zip(core_a, core_b)]
    columns["similarity"] = chosen["similarity"].tolist() if len(chosen) else []
    columns = {name: [None if _missing(v) else v for v in values] for name, values in columns.items()}
    return pa.table(columns, schema=TARGET_LINKS)


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)
