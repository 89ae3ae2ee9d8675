"""pipeline.linking: the matching rule's examples, target_id stability and the
incremental target_links update (equal to a full recompute, by property)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Collection
from unittest import mock

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.linking import (
    PER_LEVEL,
    TARGET_LINKS,
    assign_target_ids,
    link_all,
    link_keys,
    pair_links,
    target_keys,
    update_links,
)
from pipeline.linking import links as links_module
from pipeline.linking.indicators import indicator_key
from pipeline.linking.links import link_block
from pipeline.linking.similarity import key_similarity
from pipeline.linking.target_ids import make_target_id, target_key
from pipeline.linking.units import unit_info

EXAMPLES = Path(__file__).resolve().parents[1] / "pipeline" / "linking" / "examples"


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


LINK_EXAMPLES = _jsonl("links.jsonl")
INDICATOR_EXAMPLES = _jsonl("indicators.jsonl")


@pytest.mark.parametrize("example", LINK_EXAMPLES, ids=lambda e: f"{e['a']}~{e['b']}")
def test_link_examples(example):
    verdict = key_similarity(
        indicator_key(example["a"]), indicator_key(example["b"]), example["unit_a"], example["unit_b"]
    )
    assert (verdict.similarity is not None) == example["link"], f"{example['note']}: {verdict.reason}"
    # the rule is symmetric
    reverse = key_similarity(
        indicator_key(example["b"]), indicator_key(example["a"]), example["unit_b"], example["unit_a"]
    )
    assert reverse.similarity == verdict.similarity


def test_link_examples_cover_both_outcomes():
    assert sum(e["link"] for e in LINK_EXAMPLES) >= 10
    assert sum(not e["link"] for e in LINK_EXAMPLES) >= 10


@pytest.mark.parametrize("example", INDICATOR_EXAMPLES, ids=lambda e: e["indicator"] or "(empty)")
def test_indicator_examples(example):
    key = indicator_key(example["indicator"])
    assert key.core == example["core"]
    assert sorted(key.levels) == example["levels"]
    assert (key.relative, key.increment, key.linkable) == (
        example["relative"],
        example["increment"],
        example["linkable"],
    )


def test_region_names_of_the_document_are_scope():
    assert indicator_key("济南市高新技术企业").core == "济南市高新技术企业"
    assert indicator_key("济南市高新技术企业", ("济南",)).core == "高新技术企业"
    assert indicator_key("济南高新技术企业", ("济南",)).core == "高新技术企业"


@pytest.mark.parametrize(
    "unit, dimension, scale",
    [
        ("万亿元", "money", 1e12),
        ("亿元", "money", 1e8),
        ("万千瓦", "power", 1e4),
        ("千瓦时", "energy", 1),
        ("个百分点", "points", 1),
        ("%", "percent", 1),
        ("万人次", "person_times", 1e4),
        ("户", "count", 1),
        (None, "none", 1),
        ("TFLOPS", "unit:TFLOPS", 1),
    ],
)
def test_unit_info(unit, dimension, scale):
    info = unit_info(unit)
    assert (info.dimension, info.scale) == (dimension, scale)


# ------------------------------------------------------------------ target_id
def _row(doc_id: str, indicator: str, value: float, unit: str, start: int) -> dict:
    return {
        "doc_id": doc_id,
        "indicator": indicator,
        "value": value,
        "unit": unit,
        "norm_start": start,
        "norm_end": start + 5,
    }


def test_target_id_ignores_offsets_order_and_other_targets():
    rows = [_row("d", "高新技术企业", 5000, "家", 100), _row("d", "瞪羚企业", 800, "家", 200)]
    assign_target_ids(rows)
    ids = {r["indicator"]: r["target_id"] for r in rows}
    # the same targets after a paragraph was added above, another target inserted, rows in another order
    edited = [
        _row("d", "瞪羚企业", 800, "家", 950),
        _row("d", "独角兽企业", 15, "家", 400),
        _row("d", "高新技术企业", 5000, "家", 900),
    ]
    assign_target_ids(edited)
    assert {r["indicator"]: r["target_id"] for r in edited if r["indicator"] in ids} == ids


def test_target_id_repeats_get_occurrence_numbers():
    rows = [_row("d", "规模以上企业", 800, "家", 10), _row("d", "规模以上企业", 800, "家", 50)]
    assign_target_ids(rows)
    assert rows[0]["target_id"] != rows[1]["target_id"]
    assert rows[0]["target_id"] == make_target_id("d", target_key("规模以上企业", 800, "家"), 0)


def test_target_id_changes_with_the_target_and_the_document():
    base = make_target_id("d", target_key("高新技术企业", 5000, "家"), 0)
    assert make_target_id("d", target_key("高新技术企业", 5000.0, " 家"), 0) == base  # spelling of value and unit
    assert make_target_id("d", target_key("高新技术企业", 5001, "家"), 0) != base
    assert make_target_id("d", target_key("高新技术企业", 5000, "万家"), 0) != base
    assert make_target_id("e", target_key("高新技术企业", 5000, "家"), 0) != base


@given(st.lists(st.sampled_from(["高新技术企业", "瞪羚企业", "规模以上企业"]), min_size=1, max_size=8), st.randoms())
def test_target_ids_unique_and_order_free(indicators, rnd):
    rows = [_row("d", ind, 1, "家", 10 * i) for i, ind in enumerate(indicators)]
    assign_target_ids(rows)
    ids = [r["target_id"] for r in rows]
    assert len(set(ids)) == len(ids)
    shuffled = [dict(r) for r in rows]
    rnd.shuffle(shuffled)
    assign_target_ids(shuffled)
    assert sorted(r["target_id"] for r in shuffled) == sorted(ids)


# ---------------------------------------------------------------- the table
VOCABULARY = [
    ("集群内高新技术企业", "家"),
    ("高新技术企业数量", "家"),
    ("国家高新技术企业", "万家"),
    ("高新技术企业营业收入", "亿元"),
    ("省级以上专精特新企业", "家"),
    ("专精特新中小企业", "户"),
    ("国家级单项冠军企业", "家"),
    ("省级单项冠军企业", "家"),
    ("全省规上工业增加值", "%"),
    ("规模以上工业增加值", "%"),
    ("营业收入", "亿元"),
    ("研发投入强度", "%"),
]


def _targets(docs: dict[str, list[tuple[int, int, int, int]]]) -> pa.Table:
    """docs: doc_id -> [(vocabulary index, value, deadline year, section)]."""
    rows = []
    for doc_id, items in docs.items():
        doc_rows = []
        for position, (word, value, year, section) in enumerate(items):
            indicator, unit = VOCABULARY[word]
            row = _row(doc_id, indicator, float(value), unit, 100 * position)
            row.update(section_id=section, value_max=None, comparator=">=", deadline_year=year)
            doc_rows.append(row)
        assign_target_ids(doc_rows)
        rows += doc_rows
    schema = pa.schema(
        [
            ("doc_id", pa.string()),
            ("target_id", pa.string()),
            ("section_id", pa.int32()),
            ("norm_start", pa.int64()),
            ("norm_end", pa.int64()),
            ("indicator", pa.string()),
            ("value", pa.float64()),
            ("value_max", pa.float64()),
            ("unit", pa.string()),
            ("comparator", pa.string()),
            ("deadline_year", pa.int64()),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def _documents(rows: list[tuple[str, str | None, str | None, str | None, str | None]]) -> pa.Table:
    names = ["doc_id", "province", "city", "county", "admin_level"]
    return pa.table({name: [row[i] for row in rows] for i, name in enumerate(names)})


_item = st.tuples(
    st.integers(0, len(VOCABULARY) - 1),
    st.sampled_from([50, 800, 5000]),
    st.sampled_from([2025, 2027]),
    st.integers(1, 3),
)
_corpus = st.dictionaries(st.sampled_from([f"doc{i}.txt" for i in range(6)]), st.lists(_item, max_size=5), max_size=6)


_REGIONS = [
    (None, None, None, "national"),
    ("山东省", None, None, "province"),
    ("山东省", "济南市", None, "city"),
    ("山东省", "滨州市", None, "city"),
    ("山东省", "济宁市", "汶上县", "county"),
    ("福建省", "厦门市", None, "city"),
    (None, None, None, None),
]


def _update(old: dict, new: dict, edited: Collection[str], documents=None) -> tuple[pa.Table, pa.Table]:
    """What publish does: the previous version's keys and links, the keys of the edited
    documents only, and the doc_ids carried unchanged."""
    previous_keys = target_keys(_targets(old), documents)
    previous_links = link_keys(previous_keys)
    changed = target_keys(_targets({doc: new[doc] for doc in edited if doc in new}), documents)
    kept = {doc for doc in new if doc in old and doc not in edited}
    return update_links(previous_links, previous_keys, changed, kept)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    old=_corpus,
    edits=_corpus,
    removed=st.sets(st.sampled_from([f"doc{i}.txt" for i in range(6)])),
    regions=st.none() | st.lists(st.sampled_from(_REGIONS), min_size=6, max_size=6),
)
def test_incremental_update_equals_full_recompute(old, edits, removed, regions):
    documents = None if regions is None else _documents([(f"doc{i}.txt", *region) for i, region in enumerate(regions)])
    new = {doc: items for doc, items in old.items() if doc not in removed}
    new.update(edits)
    links, keys = _update(old, new, set(edits), documents)
    assert links.equals(link_all(_targets(new), documents))
    assert keys.equals(update_links(None, None, target_keys(_targets(new), documents), set())[1])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    docs=_corpus,
    regions=st.none() | st.lists(st.sampled_from(_REGIONS), min_size=6, max_size=6),
    slice_rows=st.integers(1, 6),
)
def test_choices_made_in_slices_of_groups_give_the_same_links(docs, regions, slice_rows):
    """A block's choices are computed for slices of whole groups (memory): any slice size
    gives the links of one pass over the block, similarity included."""
    documents = None if regions is None else _documents([(f"doc{i}.txt", *region) for i, region in enumerate(regions)])
    keys = target_keys(_targets(docs), documents)
    whole = link_keys(keys)
    with mock.patch.object(links_module, "PICK_SLICE_ROWS", slice_rows):
        assert link_keys(keys).equals(whole)
        if keys.num_rows > slice_rows:  # the slices: every row once, a group in one slice only
            block = links_module._Block.of(keys)
            slices = links_module._group_slices(block, slice_rows)
            assert sorted(np.concatenate(slices).tolist()) == list(range(keys.num_rows))
            groups = [set(block.arrays["group"][rows].tolist()) for rows in slices]
            assert sum(map(len, groups)) == len(set().union(*groups))
            if slice_rows == 1:
                assert len(slices) == len(set(block.arrays["group"].tolist()))


def test_blocks_never_split_a_link():
    """Linking block by block gives what linking every key at once gives."""
    rnd = random.Random(3)
    regions = [_REGIONS[i % len(_REGIONS)] for i in range(14)]
    documents = _documents([(f"doc{i}.txt", *region) for i, region in enumerate(regions)])
    docs = {f"doc{i}.txt": [(rnd.randrange(len(VOCABULARY)), 10 * i, 2025, 1) for _ in range(5)] for i in range(14)}
    keys = target_keys(_targets(docs), documents)
    assert len(set(keys.column("block").to_pylist())) >= 3
    by_block, at_once = link_keys(keys), link_block(keys)
    assert by_block.num_rows > 0
    assert sorted(map(str, by_block.to_pylist())) == sorted(map(str, at_once.to_pylist()))


def test_links_are_one_to_one_per_document_pair_and_never_within_a_document():
    targets = _targets(
        {
            "a.txt": [(0, 5000, 2025, 1), (1, 800, 2027, 2)],
            "b.txt": [(1, 8000, 2025, 1), (2, 1, 2025, 1)],
            "c.txt": [(3, 100, 2025, 1), (0, 850, 2027, 1)],
        }
    )
    links = link_all(targets).to_pylist()
    assert links, "高新技术企业 should link across a, b and c"
    assert all(link["doc_id_a"] < link["doc_id_b"] for link in links)
    for side in ("a", "b"):
        keys = [(link["doc_id_a"], link["doc_id_b"], link[f"target_id_{side}"]) for link in links]
        assert len(keys) == len(set(keys))
    # a.txt's two 高新技术企业 targets against b.txt's two: 5000 by 2025 takes the same-level,
    # same-year 8000; 800 by 2027 is left the 国家高新技术企业 (1 万家)
    ab = [link for link in links if (link["doc_id_a"], link["doc_id_b"]) == ("a.txt", "b.txt")]
    assert sorted((link["value_a"], link["value_b"]) for link in ab) == [(800.0, 1.0), (5000.0, 8000.0)]
    assert not any("营业收入" in (link["indicator_a"] + link["indicator_b"]) for link in links)


def test_per_part_targets_do_not_link():
    """One indicator, one deadline, different values under different sections: a figure per cluster."""
    targets = _targets(
        {
            "city.txt": [(0, 650, 2025, 7), (0, 280, 2025, 11)],
            "province.txt": [(1, 5000, 2025, 1)],
        }
    )
    assert link_all(targets).num_rows == 0
    same_figure_twice = _targets(
        {"city.txt": [(0, 650, 2025, 2), (0, 650, 2025, 9)], "province.txt": [(1, 5000, 2025, 1)]}
    )
    assert link_all(same_figure_twice).num_rows == 1


def test_empty_inputs_give_the_empty_table():
    empty = _targets({})
    assert link_all(empty).schema.equals(TARGET_LINKS)
    links, keys = update_links(TARGET_LINKS.empty_table(), target_keys(empty), target_keys(empty), set())
    assert links.num_rows == 0 and keys.num_rows == 0


def test_removed_document_recomputes_its_blocks_and_carries_the_others():
    # 高新技术企业 (a, b, c) and 规模以上工业增加值 (c, d) are in two blocks
    old = {
        "a.txt": [(0, 5000, 2025, 1)],
        "b.txt": [(1, 8000, 2025, 1)],
        "c.txt": [(2, 1, 2025, 1), (9, 7, 2025, 2)],
        "d.txt": [(8, 6, 2025, 1)],
    }
    previous_keys = target_keys(_targets(old))
    previous = link_keys(previous_keys)
    assert previous.num_rows == 4
    marked = previous.set_column(previous.schema.get_field_index("similarity"), "similarity", pa.array([0.5] * 4))
    gone_d = update_links(marked, previous_keys, target_keys(_targets({})), {"a.txt", "b.txt", "c.txt"})[0]
    # the 企业 block is carried as it was (0.5 proves it was not recomputed), the 增加值 one is recomputed: empty
    assert sorted((r["doc_id_a"], r["doc_id_b"], r["similarity"]) for r in gone_d.to_pylist()) == [
        ("a.txt", "b.txt", 0.5),
        ("a.txt", "c.txt", 0.5),
        ("b.txt", "c.txt", 0.5),
    ]
    gone_c = update_links(marked, previous_keys, target_keys(_targets({})), {"a.txt", "b.txt", "d.txt"})[0]
    assert [(r["doc_id_a"], r["doc_id_b"], r["similarity"]) for r in gone_c.to_pylist()] == [("a.txt", "b.txt", 1.0)]


def test_random_corpus_links_satisfy_the_rule():
    rnd = random.Random(7)
    docs = {f"d{i}.txt": [(rnd.randrange(len(VOCABULARY)), 10 * i, 2025, 1) for _ in range(4)] for i in range(12)}
    for link in link_all(_targets(docs)).to_pylist():
        verdict = key_similarity(
            indicator_key(link["indicator_a"]), indicator_key(link["indicator_b"]), link["unit_a"], link["unit_b"]
        )
        assert verdict.similarity == link["similarity"]


# ------------------------------------------------------------ regions, chain
CHAIN = _documents(
    [
        ("nation.txt", None, None, None, "national"),
        ("province.txt", "山东省", None, None, "province"),
        ("jinan.txt", "山东省", "济南市", None, "city"),
        ("binzhou.txt", "山东省", "滨州市", None, "city"),
        ("wenshang.txt", "山东省", "济宁市", "汶上县", "county"),
        ("jining.txt", "山东省", "济宁市", None, "city"),
        ("fujian.txt", "福建省", None, None, "province"),
    ]
)


def test_links_stay_on_one_administrative_chain():
    docs = {row["doc_id"]: [(0, 100, 2025, 1)] for row in CHAIN.to_pylist()}
    pairs = {(link["doc_id_a"], link["doc_id_b"]) for link in link_all(_targets(docs), CHAIN).to_pylist()}
    assert ("jinan.txt", "province.txt") in pairs and ("jining.txt", "wenshang.txt") in pairs
    assert ("nation.txt", "wenshang.txt") in pairs and ("fujian.txt", "nation.txt") in pairs
    assert ("binzhou.txt", "jinan.txt") not in pairs  # sibling cities
    assert ("jinan.txt", "wenshang.txt") not in pairs  # a county of another city
    assert ("fujian.txt", "province.txt") not in pairs
    # without region columns nothing is known, so nothing is blocked: each target keeps its
    # PER_LEVEL best documents (the first by doc_id, all else equal), and the pairs either chose
    unknown = link_all(_targets(docs)).to_pylist()
    chosen = {(a, b) for i, a in enumerate(sorted(docs)) for b in [d for d in sorted(docs) if d != a][:PER_LEVEL]}
    assert {(link["doc_id_a"], link["doc_id_b"]) for link in unknown} == {tuple(sorted(pair)) for pair in chosen}
    # polex compare links any two documents
    assert pair_links(_targets({"jinan.txt": docs["jinan.txt"], "binzhou.txt": docs["binzhou.txt"]})).num_rows == 1


def test_incremental_update_equals_full_recompute_on_a_chain():
    docs = {row["doc_id"]: [(0, 100, 2025, 1), (4, 5, 2025, 2)] for row in CHAIN.to_pylist()}
    edited = {"jinan.txt": [(1, 300, 2027, 1), (5, 9, 2025, 3)]}
    new = {doc: items for doc, items in docs.items() if doc != "binzhou.txt"} | edited
    links, _ = _update(docs, new, set(edited), CHAIN)
    assert links.equals(link_all(_targets(new), CHAIN))


def test_document_region_names_are_scope_in_its_indicators():
    documents = _documents(
        [("jinan.txt", "山东省", "济南市", None, "city"), ("province.txt", "山东省", None, None, "province")]
    )
    targets = _targets({"province.txt": [(0, 5000, 2025, 1)]})
    extra = pa.Table.from_pylist(
        [
            {
                "doc_id": "jinan.txt",
                "target_id": "t1",
                "section_id": 1,
                "norm_start": 0,
                "norm_end": 5,
                "indicator": "济南市高新技术企业",
                "value": 800.0,
                "value_max": None,
                "unit": "家",
                "comparator": ">=",
                "deadline_year": 2025,
            }
        ],
        schema=targets.schema,
    )
    both = pa.concat_tables([targets, extra])
    assert link_all(both).num_rows == 0  # 济南市 unknown: a qualifier
    assert link_all(both, documents).num_rows == 1


CORES = [
    "智能工厂",
    "智能制造工厂",
    "旅游收入",
    "旅游总收入",
    "高新技术企业",
    "高新技术企业营业收入",
    "制造业企业",
    "制造业领航企业",
    "先进制造业集群",
    "全部先进制造业集群",
    "各类群众文化活动",
    "群众文化活动",
    "研发投入强度",
]


@given(st.sampled_from(CORES), st.sampled_from(CORES))
def test_blocking_finds_exactly_the_pairs_the_rule_accepts(a, b):
    """The index looks cores up by their reduced forms: it must miss no pair the rule accepts."""
    from pipeline.linking.similarity import core_similarity, reduced_forms

    accepted = core_similarity(a, b).similarity is not None
    assert accepted == (a == b or a in reduced_forms(b) or b in reduced_forms(a))


def test_each_target_keeps_its_best_per_level_and_the_table_stays_linear():
    """Six national documents, a province and twelve of its cities, one indicator each: a
    city keeps the province's goal and its 3 nearest national goals (by deadline year, then
    doc_id), and is linked to more nations only when they chose it; the province keeps 3
    cities and is kept by all twelve; siblings never link."""
    nations = [(f"n{i}.txt", None, None, None, "national") for i in range(6)]
    cities = [(f"c{i:02d}.txt", "山东省", f"城{i}市", None, "city") for i in range(12)]
    documents = _documents([*nations, ("p.txt", "山东省", None, None, "province"), *cities])
    years = {"n0.txt": 2030, "n1.txt": 2027, "n2.txt": 2025, "n3.txt": 2025, "n4.txt": 2021, "n5.txt": 2026}
    docs = {doc: [(1, 100, years.get(doc, 2025), 1)] for doc in documents.column("doc_id").to_pylist()}
    links = link_all(_targets(docs), documents).to_pylist()
    pairs = {(link["doc_id_a"], link["doc_id_b"]) for link in links}
    chosen_by_nations = {"c00.txt", "c01.txt", "c02.txt"}  # each nation's 3 cities: all alike, so doc_id order
    for city, *_ in cities:
        assert (city, "p.txt") in pairs
        linked_nations = {n for n, *_ in nations if (city, n) in pairs}
        if city in chosen_by_nations:
            assert linked_nations == {n for n, *_ in nations}
        else:
            assert linked_nations == {"n2.txt", "n3.txt", "n5.txt"}  # the city's own choice: year gaps 0, 0, 1
        assert not any((city, other) in pairs for other, *_ in cities)
    assert len(links) <= 15 * len(docs)
    # a bigger corpus of the same shape: links grow with the documents, not their square
    many = {f"c{i:03d}.txt": [(1, 100, 2025, 1)] for i in range(120)}
    wide = _documents(
        [(doc, "山东省", f"城{i}市", None, "city") for i, doc in enumerate(many)]
        + [("p.txt", "山东省", None, None, "province")]
    )
    assert link_all(_targets(many | {"p.txt": [(1, 100, 2025, 1)]}), wide).num_rows == 120
