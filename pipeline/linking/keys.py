"""Each target's indicator key, computed once and kept: the ``target_keys`` side table.

Linking compares indicator keys (``indicators.py``), and computing them is
most of what linking costs (``indicator_key`` runs a dozen regexes over each
spelling).  A target's key depends only on its own document: its indicator,
its unit, the document's region names (scope words of its own indicators) and
its other targets (a figure given per section is not linked, ``_per_part``).
So the keys of a document are computed when it is new or changed and kept
with the published version for the next run; a nightly run keys only the
documents it processed.

One row per *linkable* target (an unlinkable one never links, so it is not
kept): the columns a link copies from the target, the key (``core``,
``levels``, ``relative``, ``increment``, the unit's ``dimension``), the
document's place in the chain (``level``, ``province``, ``city``,
``county``: ``regions.py``) and the target's ``block``.

**Blocks.** Two targets can only link when their cores end in the same
``HEAD_CHARS`` characters (``similarity.core_similarity``: identical cores,
or one core with words added in front or inside, never at the end).  So the
block of a target, a hash of its core's last two characters into
``BLOCKS`` buckets, holds every target it can link with: links are computed
block by block, each block on its own (memory follows the largest block,
not the corpus), and a block none of whose documents changed is carried.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline.linking.indicators import IndicatorKey, indicator_key
from pipeline.linking.regions import REGION_COLUMNS, DocumentRegions
from pipeline.linking.similarity import HEAD_CHARS
from pipeline.linking.units import unit_info

BLOCKS = 64  # buckets of cores by their head; a part file of target_links and target_keys each
# The targets' columns linking reads (all a link copies of either side, plus text order).
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

KEY_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("target_id", pa.string(), nullable=False),
        pa.field("norm_start", pa.int64()),
        pa.field("indicator", pa.string()),
        pa.field("value", pa.float64()),
        pa.field("value_max", pa.float64()),
        pa.field("unit", pa.string()),
        pa.field("comparator", pa.string()),
        pa.field("deadline_year", pa.int64()),
        pa.field("core", pa.string(), nullable=False),  # IndicatorKey.core
        pa.field("levels", pa.string(), nullable=False),  # IndicatorKey.levels, sorted, comma-separated
        pa.field("relative", pa.bool_(), nullable=False),
        pa.field("increment", pa.bool_(), nullable=False),
        pa.field("dimension", pa.string(), nullable=False),  # units.unit_info(unit).dimension
        pa.field("level", pa.int8(), nullable=False),  # regions: 0 national .. 3 county, 4 unknown
        pa.field("province", pa.string()),
        pa.field("city", pa.string()),
        pa.field("county", pa.string()),
        pa.field("block", pa.int16(), nullable=False),  # block_of(core)
    ]
)


def block_of(core: str) -> int:
    """The block of a core: a stable hash of its head (last HEAD_CHARS characters)."""
    return zlib.crc32(core[-HEAD_CHARS:].encode("utf-8")) % BLOCKS


def stored_key(core: str, levels: str, relative: bool, increment: bool) -> IndicatorKey:
    """The IndicatorKey a target_keys row holds (every stored row is linkable)."""
    return IndicatorKey(
        core, frozenset(levels.split(",")) if levels else frozenset(), bool(relative), bool(increment), True
    )


def target_keys(targets: pa.Table, documents: pa.Table | DocumentRegions | None = None) -> pa.Table:
    """The keys of the linkable ``targets`` (KEY_SCHEMA).  ``targets`` must hold whole
    documents (a figure per section is judged across the document's targets);
    ``documents``: the documents table, read for its region columns when it has them
    (or those columns already read, ``DocumentRegions``)."""
    if targets.num_rows == 0:
        return KEY_SCHEMA.empty_table()
    regions = documents if isinstance(documents, DocumentRegions) else DocumentRegions.from_documents(documents)
    frame = targets.select(TARGET_COLUMNS).to_pandas(
        types_mapper={pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int64Dtype()}.get
    )
    names = {doc_id: regions.names(doc_id) for doc_id in frame["doc_id"].unique()}
    keys = _keys(frame, names)
    dimensions = [unit_info(unit if isinstance(unit, str) else None).dimension for unit in frame["unit"]]
    linkable = np.array([key.linkable for key in keys], dtype=bool)
    frame["core"] = [key.core for key in keys]
    frame["levels"] = [",".join(sorted(key.levels)) for key in keys]
    frame["relative"] = [key.relative for key in keys]
    frame["increment"] = [key.increment for key in keys]
    frame["dimension"] = dimensions
    linkable &= ~_per_part(frame)
    frame = frame[linkable].reset_index(drop=True)
    doc_ids = frame["doc_id"].to_numpy(dtype=object)
    frame["level"] = np.array([regions.level(doc_id) for doc_id in doc_ids], dtype=np.int8)
    places = [regions.region(doc_id) for doc_id in doc_ids]
    for i, column in enumerate(REGION_COLUMNS):
        frame[column] = [place[i] for place in places]
    frame["block"] = np.array([block_of(core) for core in frame["core"]], dtype=np.int16)
    return pa.Table.from_pandas(frame[KEY_SCHEMA.names], schema=KEY_SCHEMA, preserve_index=False)


def _keys(frame: pd.DataFrame, names: dict[str, tuple[str, ...]]) -> list[IndicatorKey]:
    """indicator_key of every row, once per distinct spelling.  A document's region names
    matter only to an indicator that starts with one (济南市…)."""
    keys = []
    for indicator, doc_id in zip(frame["indicator"].to_numpy(dtype=object), frame["doc_id"].to_numpy(dtype=object)):
        text = indicator if isinstance(indicator, str) else None
        found = names.get(doc_id, ())
        scoped = found if found and text is not None and text.startswith(found) else ()
        keys.append(indicator_key(text, scoped))
    return keys


def _per_part(frame: pd.DataFrame) -> np.ndarray:
    """Targets whose indicator a document states, for one deadline, in two or more
    sections with different values: a figure per section subject, whose subject the
    indicator does not name (``links.py``)."""
    qualified = frame["core"] + "|" + frame["levels"] + "|" + frame["relative"].astype(str)
    probe = pd.DataFrame(
        {
            "doc_id": frame["doc_id"],
            "core": qualified + "|" + frame["increment"].astype(str),
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
