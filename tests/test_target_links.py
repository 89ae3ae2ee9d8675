"""target_id, target_links and `polex compare` as users meet them: the real
`polex run` on the bundled corpus, incremental re-runs, the compare command.

The links on the seeds were checked by hand (README, "Targets across
documents"): every one is a pair a reader calls the same indicator.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from polex_cli import SEEDS, make_corpus, run_polex

from pipeline.process import process_document
from pipeline.reading.reader import read_document

pytestmark = pytest.mark.usefixtures("prefect_api_url")

JINING, BINZHOU, SHANDONG, WENSHANG, JINAN = (seed.name for seed in SEEDS)

# (doc a, indicator a, doc b, indicator b), doc a < doc b: checked by hand against the texts.
# Province <-> city: on one administrative chain, so they stay linked once documents carry regions.
CHAIN_LINKS = {
    (
        JINING,
        "智能工厂",
        SHANDONG,
        "国家智能制造工厂",
    ),  # 16 smart factories / 30 national smart-manufacturing factories
    (BINZHOU, "智能工厂、数字化车间", SHANDONG, "省级智能工厂和数字化车间"),  # 100 / 350
    (BINZHOU, "集群内高新技术企业", SHANDONG, "集群内高新技术企业"),  # 850 by 2027 / 5000 by 2025 (the example)
    (SHANDONG, "集群内高新技术企业", JINAN, "高新技术企业数量"),  # 5000 / 8000
    (SHANDONG, "国家级单项冠军企业", JINAN, "单项冠军企业数量"),  # 100 / 50
    (SHANDONG, "省级以上专精特新企业", JINAN, "专精特新企业数量"),  # 2500 / 2000
}
# Sibling cities: linked while documents say nothing of their regions.
SIBLING_LINKS = {
    (JINING, "国家级先进制造业产业集群", JINAN, "国家先进制造业集群"),  # 2 / 2
    (BINZHOU, "集群内高新技术企业", JINAN, "高新技术企业数量"),  # 850 / 8000
}
# Pairs a reader would not call the same indicator, though their words overlap.
MUST_NOT_LINK = [
    (
        SHANDONG,
        "规上企业平均研发投入强度高于全省平均水平",
        JINAN,
        "规模以上工业企业研究与试验发展经费支出占营业收入比重",
    ),
    (JINING, "高新技术产业产值占比", SHANDONG, "高新技术产品占比"),
    (JINING, "规模以上企业", JINAN, "规上工业企业数量"),  # Jining's figure per cluster, under each cluster's heading
    (JINING, "营业收入", JINAN, "规模以上工业营业收入"),
    (BINZHOU, "省级及以上绿色制造体系", JINAN, "省级以上绿色工厂"),
    (BINZHOU, "制造业企业", SHANDONG, "制造业领航企业"),
    (JINAN, "省级以上绿色工厂", JINAN, "市级及以上绿色工厂"),
]


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("links")
    corpus, out = make_corpus(root / "corpus"), root / "out"
    result = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _pairs(links: pd.DataFrame) -> set[tuple[str, str, str, str]]:
    return set(zip(links.doc_id_a, links.indicator_a, links.doc_id_b, links.indicator_b))


def test_seed_links_are_the_hand_checked_pairs(seeds_out):
    links = pd.read_parquet(seeds_out / "target_links.parquet")
    pairs = _pairs(links)
    assert CHAIN_LINKS <= pairs
    assert pairs <= CHAIN_LINKS | SIBLING_LINKS, f"unchecked links: {pairs - CHAIN_LINKS - SIBLING_LINKS}"
    assert len(pairs) >= 5
    for a, indicator_a, b, indicator_b in MUST_NOT_LINK:
        assert not {(a, indicator_a, b, indicator_b), (b, indicator_b, a, indicator_a)} & pairs
    # every link names two real targets, in different documents, and carries both sides' figures
    targets = pd.read_parquet(seeds_out / "targets.parquet").set_index("target_id")
    for link in links.itertuples():
        assert link.doc_id_a < link.doc_id_b
        for side in ("a", "b"):
            target = targets.loc[getattr(link, f"target_id_{side}")]
            assert target.doc_id == getattr(link, f"doc_id_{side}")
            assert (target.indicator, target.value, target.unit) == (
                getattr(link, f"indicator_{side}"),
                getattr(link, f"value_{side}"),
                getattr(link, f"unit_{side}"),
            )
    headline = links[
        (links.doc_id_a == BINZHOU) & (links.doc_id_b == SHANDONG) & (links.indicator_a == "集群内高新技术企业")
    ]
    row = headline.iloc[0]
    assert (row.value_a, row.unit_a, row.deadline_year_a, row.value_b, row.unit_b, row.deadline_year_b) == (
        850.0,
        "家",
        2027,
        5000.0,
        "家",
        2025,
    )
    assert row.similarity == 1.0


def test_target_ids_are_unique_and_pandas_reads_the_links(seeds_out):
    targets = pd.read_parquet(seeds_out / "targets.parquet")
    assert targets.target_id.is_unique and targets.target_id.str.match(r"^t[0-9a-f]{16}$").all()
    links = pd.read_parquet(seeds_out / "target_links.parquet")
    assert str(links.deadline_year_a.dtype) == "Int64" and links.similarity.between(0, 1).all()


def test_target_id_survives_an_edit_elsewhere_in_the_document(tmp_path):
    """A paragraph added at the top shifts every offset; the ids of the targets stay."""
    seed = SEEDS[1]
    edited = tmp_path / seed.name
    edited.write_text(
        "（此件公开发布）\n\n根据工作安排，印发如下意见。\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8"
    )
    before = process_document(read_document(seed.parent, seed.name))["targets"]
    after = process_document(read_document(tmp_path, seed.name))["targets"]
    assert [r["raw_start"] for r in before] != [r["raw_start"] for r in after]
    assert {r["target_id"]: r["indicator"] for r in before} == {r["target_id"]: r["indicator"] for r in after}


def test_incremental_runs_recompute_only_pairs_of_changed_documents(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert run_polex("run", str(corpus), "--out", str(out), "--no-progress").returncode == 0
    first = pd.read_parquet(out / "target_links.parquet")

    # Binzhou gets a paragraph on top, Jining is removed, a second copy of the province's plan arrives.
    binzhou = corpus / BINZHOU
    binzhou.write_text("（此件公开发布）\n" + binzhou.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / JINING).unlink()
    shutil.copy(corpus / SHANDONG, corpus / "zz_province_copy.txt")
    assert run_polex("run", str(corpus), "--out", str(out), "--no-progress").returncode == 0
    second = pd.read_parquet(out / "target_links.parquet")
    assert json.loads((out / "manifest.json").read_text())["counts"]["processed"] == 2

    assert JINING not in set(second.doc_id_a) | set(second.doc_id_b)
    untouched = first[(first.doc_id_a == SHANDONG) & (first.doc_id_b == JINAN)].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        second[(second.doc_id_a == SHANDONG) & (second.doc_id_b == JINAN)].reset_index(drop=True), untouched
    )
    # Binzhou's target_ids did not change, so its links are the same rows
    for other in (SHANDONG, JINAN):
        cols = ["target_id_a", "target_id_b", "similarity"]
        assert (
            first[(first.doc_id_a == BINZHOU) & (first.doc_id_b == other)][cols].values.tolist()
            == second[(second.doc_id_a == BINZHOU) & (second.doc_id_b == other)][cols].values.tolist()
        )
    copy_links = second[(second.doc_id_a == SHANDONG) & (second.doc_id_b == "zz_province_copy.txt")]
    assert len(copy_links) >= 3 and (copy_links.indicator_a == copy_links.indicator_b).all()

    # the incremental result is what a run from scratch gives
    assert run_polex("run", str(corpus), "--out", str(fresh), "--no-progress").returncode == 0
    pd.testing.assert_frame_equal(second, pd.read_parquet(fresh / "target_links.parquet"))


def test_compare_prints_the_linked_targets_side_by_side(seeds_out):
    result = run_polex("compare", str(seeds_out), BINZHOU, SHANDONG, COLUMNS="160")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("滨州市人民政府办公室关于加快发展先进制造业集群的实施意见" in line for line in lines)
    row = next(line for line in lines if "集群内高新技术企业" in line)
    assert "≥ 850 家" in row and "2027" in row and "≥ 5,000 家" in row and "2025" in row
    assert "2 linked targets" in result.stdout


def test_readme_shows_what_compare_prints(seeds_out):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Targets across documents") :]
    shown = section.split("```\n", 3)[2].rstrip("\n").splitlines()  # the block after the sh block
    result = run_polex("compare", str(seeds_out), "001", "002", COLUMNS="110")
    assert result.returncode == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [line.rstrip() for line in shown]


def test_compare_json_matches_the_table_and_takes_source_paths(seeds_out):
    result = run_polex("compare", str(seeds_out), f"corpus/{SHANDONG}", JINAN, "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    links = pd.read_parquet(seeds_out / "target_links.parquet")
    pair = links[(links.doc_id_a == SHANDONG) & (links.doc_id_b == JINAN)]
    assert sorted((r["target_id_a"], r["target_id_b"]) for r in rows) == sorted(zip(pair.target_id_a, pair.target_id_b))
    # sibling cities are not on one chain, but compare still shows what they share
    siblings = run_polex("compare", str(seeds_out), JINAN, BINZHOU, "--json")
    assert any(json.loads(line)["indicator_a"] == "高新技术企业数量" for line in siblings.stdout.splitlines())


@pytest.mark.parametrize(
    "args, message",
    [(("no_such.txt", JINAN), "no document 'no_such.txt'"), ((JINAN, JINAN), "the same document")],
)
def test_compare_refuses_with_one_line(seeds_out, args, message):
    result = run_polex("compare", str(seeds_out), *args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_compare_on_an_empty_out_says_what_to_do(tmp_path):
    result = run_polex("compare", str(tmp_path), JINAN, BINZHOU)
    assert result.returncode == 2 and "polex run" in result.stderr


def test_run_core_links_like_polex_run(seeds_out, tmp_path):
    """The test stand-in for `polex run` (pipeline.qa.fixtures.run_core) fills target_links the same way."""
    from pipeline.qa.fixtures import run_core

    out = run_core(SEEDS[0].parent, tmp_path / "core")
    assert _pairs(pd.read_parquet(out / "target_links.parquet")) == _pairs(
        pd.read_parquet(seeds_out / "target_links.parquet")
    )


def test_compare_takes_the_start_of_a_path_in_a_corpus_of_folders(tmp_path):
    """A crawl kept in one folder per source (corpus-real: `hfs/0001_….txt`, `xvshiting/0148_….txt`):
    a researcher names a document by its folder and number, `sub0/001`; the file name's start alone
    (`001`) is ambiguous there, and says so."""
    corpus, out = make_corpus(tmp_path / "corpus", copies=1), tmp_path / "out"
    assert run_polex("run", str(corpus), "--out", str(out), "--no-progress").returncode == 0
    by_path = run_polex("compare", str(out), "sub0/001", "sub0/002", "--json")
    assert by_path.returncode == 0, by_path.stderr
    rows = [json.loads(line) for line in by_path.stdout.splitlines()]
    assert rows and {(r["doc_id_a"], r["doc_id_b"]) for r in rows} == {(f"sub0/{BINZHOU}", f"sub0/{SHANDONG}")}
    ambiguous = run_polex("compare", str(out), "001", "sub0/002")
    assert ambiguous.returncode == 2 and "starts 2 documents' names" in ambiguous.stderr
