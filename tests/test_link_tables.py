"""The publish hook of target_links (pipeline.storage.links), on real Parquet folders.

A linking bug fails the whole publish (exit 4, the previous version kept), so
the hook is tested by property: any targets polex could extract (any
indicator text, unit, missing values, regions or none), any edit of the
corpus, and the nightly version written from the previous one equals a build
from scratch, block file by block file; blocks no change touches are the
previous version's files (hard links), not rewritten.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.linking import PER_LEVEL, assign_target_ids, link_all
from pipeline.linking.keys import BLOCKS
from pipeline.storage.links import TARGET_SCHEMA, LinkInputs, block_file, write_link_tables

WORDS = ["高新技术企业", "专精特新企业", "规上工业增加值", "智能工厂", "智能制造工厂", "营业收入", "研发投入强度"]
SCOPES = ["", "全省", "全市", "济南市", "国家级", "省级以上", "新增", "比2020年"]
UNITS = ["家", "户", "个", "%", "亿元", "万千瓦", "", None, "个百分点", "km²"]
REGIONS = [
    {"province": None, "city": None, "county": None, "admin_level": "national"},
    {"province": "山东省", "city": None, "county": None, "admin_level": "province"},
    {"province": "山东省", "city": "济南市", "county": None, "admin_level": "city"},
    {"province": "山东省", "city": "济宁市", "county": "汶上县", "admin_level": "county"},
    {"province": "福建省", "city": "厦门市", "county": None, "admin_level": "city"},
    {"province": None, "city": None, "county": None, "admin_level": None},
]

_indicator = st.one_of(
    st.builds(
        lambda scope, word, tail: scope + word + tail,
        st.sampled_from(SCOPES),
        st.sampled_from(WORDS),
        st.sampled_from(["", "数量", "（含新建）", "营业收入"]),
    ),
    st.text(alphabet="企业工厂收入比重高新（）()、和 总制造%0-9ａ", max_size=12),  # anything an extractor might leave
    st.none(),
)
_target = st.fixed_dictionaries(
    {
        "indicator": _indicator,
        "value": st.one_of(st.sampled_from([5.0, 800.0, 5000.0]), st.just(math.nan), st.none()),
        "unit": st.sampled_from(UNITS),
        "deadline_year": st.sampled_from([2025, 2027, None]),
        "section_id": st.sampled_from([1, 2, None]),
    }
)
DOC_NAMES = [f"doc{i}.txt" for i in range(8)]
_corpus = st.dictionaries(st.sampled_from(DOC_NAMES), st.lists(_target, max_size=6), max_size=8)


def _rows(docs: dict[str, list[dict]]) -> list[dict]:
    rows = []
    for doc_id, targets in docs.items():
        doc_rows = [
            {**t, "doc_id": doc_id, "norm_start": 10 * i, "norm_end": 10 * i + 5, "value_max": None, "comparator": ">="}
            for i, t in enumerate(targets)
        ]
        assign_target_ids(doc_rows)
        rows += doc_rows
    return rows


def _stage(folder: Path, docs: dict[str, list[dict]], regions: dict[str, dict] | None) -> Path:
    folder.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(_rows(docs), schema=TARGET_SCHEMA), folder / "targets.parquet")
    if regions is not None:
        documents = [{"doc_id": doc, **regions[doc]} for doc in docs]
        schema = pa.schema([(c, pa.string()) for c in ("doc_id", "province", "city", "county", "admin_level")])
        pq.write_table(pa.Table.from_pylist(documents, schema=schema), folder / "documents.parquet")
    return folder


def _inputs(previous: Path | None, kept: set[str], staged: list[Path], carried: Path | None = None) -> LinkInputs:
    targets = [f / "targets.parquet" for f in staged]
    documents = [f / "documents.parquet" for f in staged if (f / "documents.parquet").exists()]
    inputs = LinkInputs(previous, previous is not None, kept, targets, documents)
    if carried is not None:  # the published targets and documents tables, for a build from scratch
        inputs.carried_targets, inputs.carried_documents = carried / "targets.parquet", carried / "documents.parquet"
    return inputs


def _table(version: Path, table: str) -> pa.Table:
    return pa.concat_tables([pq.read_table(version / f"{table}.parquet" / block_file(b)) for b in range(BLOCKS)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    old=_corpus,
    edits=_corpus,
    removed=st.sets(st.sampled_from(DOC_NAMES)),
    places=st.none() | st.lists(st.sampled_from(REGIONS), min_size=len(DOC_NAMES), max_size=len(DOC_NAMES)),
)
def test_nightly_version_equals_a_build_from_scratch(old, edits, removed, places):
    regions = None if places is None else dict(zip(DOC_NAMES, places))
    new = {doc: items for doc, items in old.items() if doc not in removed} | edits
    kept = {doc for doc in new if doc in old and doc not in edits}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first = _stage(root / "staged1", old, regions)
        write_link_tables(_inputs(None, set(), [first]), root / "v1")
        edited = _stage(root / "staged2", edits, regions)
        nightly = _inputs(root / "v1", kept, [edited])
        write_link_tables(nightly, root / "v2")
        scratch = _stage(root / "staged3", new, regions)
        write_link_tables(_inputs(None, set(), [scratch]), root / "v3")

        for table in ("target_links", "target_keys"):
            for block in range(BLOCKS):
                name = f"{table}.parquet/{block_file(block)}"
                assert pq.read_table(root / "v2" / name).equals(pq.read_table(root / "v3" / name)), name
        targets = pq.read_table(scratch / "targets.parquet")
        documents = pq.read_table(scratch / "documents.parquet") if regions is not None else None
        assert _table(root / "v2", "target_links").equals(link_all(targets, documents))
        # untouched blocks are the previous version's files, not copies
        carried = [
            b
            for b in range(BLOCKS)
            if (root / "v2/target_links.parquet" / block_file(b)).stat().st_ino
            == (root / "v1/target_links.parquet" / block_file(b)).stat().st_ino
        ]
        assert len(carried) == nightly.stats["blocks_carried"]


def test_a_build_from_scratch_reads_the_published_targets_of_kept_documents(tmp_path):
    """No reusable version (other linking code): kept documents' targets are keyed again
    from the published tables, beside this run's staged ones."""
    docs = {
        f"d{i}.txt": [
            {"indicator": "高新技术企业", "value": 10.0 * i, "unit": "家", "deadline_year": 2025, "section_id": 1}
        ]
        for i in range(6)
    }
    regions = {doc: REGIONS[5] for doc in docs}
    published = _stage(tmp_path / "published", {d: t for d, t in docs.items() if d != "d5.txt"}, regions)
    staged = _stage(tmp_path / "staged", {"d5.txt": docs["d5.txt"]}, regions)
    inputs = _inputs(None, {f"d{i}.txt" for i in range(4)}, [staged], carried=published)  # d4 removed
    counts = write_link_tables(inputs, tmp_path / "v")
    links = _table(tmp_path / "v", "target_links")
    linked = set(links.column("doc_id_a").to_pylist()) | set(links.column("doc_id_b").to_pylist())
    assert linked == {"d0.txt", "d1.txt", "d2.txt", "d3.txt", "d5.txt"}
    assert counts["target_keys"] == 5 and counts["target_links"] == links.num_rows
    # five documents of unknown region: each target keeps its PER_LEVEL best, pairs either chose
    assert PER_LEVEL * 5 // 2 <= links.num_rows <= 10


def test_every_block_file_is_written_and_pandas_reads_the_folders(tmp_path):
    staged = _stage(
        tmp_path / "s",
        {
            "a.txt": [
                {"indicator": "高新技术企业", "value": 5.0, "unit": "家", "deadline_year": None, "section_id": None}
            ],
            "b.txt": [
                {"indicator": "全市高新技术企业", "value": 8.0, "unit": "家", "deadline_year": 2025, "section_id": 1}
            ],
        },
        None,
    )
    write_link_tables(_inputs(None, set(), [staged]), tmp_path / "v")
    for table in ("target_links", "target_keys"):
        assert len(list((tmp_path / "v" / f"{table}.parquet").iterdir())) == BLOCKS
    links = pd.read_parquet(tmp_path / "v" / "target_links.parquet")
    assert len(links) == 1 and str(links.deadline_year_a.dtype) == "Int64"
    assert not (tmp_path / "v" / ".new-target-keys").exists()
