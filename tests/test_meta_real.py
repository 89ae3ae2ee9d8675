"""Metadata of real documents: per-field accuracy on realdev's gold, realheld's (aggregate only),
and agreement with corpus-real's MANIFEST on the corpus-real documents the repo has.

Floors are set from the measurement (docs/metadata-log.md; README "Document metadata" has the
current figures); the core
path's metadata stages run as ``polex run`` runs them: reader → normalisers →
``extract_meta`` → ``complete_meta``.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from normalizers import normalize
from pipeline.qa.labels import COLUMN_OF_META
from pipeline.qa.scoring import meta_agrees
from pipeline.reading.reader import read_document
from pipeline.structure.doc_meta import complete_meta
from pipeline.structure.metadata import extract_meta

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MANIFEST = ROOT / "tests" / "data" / "corpus-real-manifest.csv"
GUIDE_FIELDS = ("title", "doc_number", "issuer", "issue_date")
NEW_FIELDS = (
    "issuers",
    "province",
    "city",
    "county",
    "admin_level",
    "genre",
    "status",
    "effective_date",
    "expiry_date",
)

REALDEV_FLOORS = {
    "title": 0.95,
    "doc_number": 0.95,
    "issuer": 0.95,
    "issue_date": 0.95,
    "issuers": 0.95,
    "province": 0.95,
    "city": 0.95,
    "county": 0.95,
    "admin_level": 0.95,  # 26/26 (25/26 before a ranking `达到全省平均水平` stopped being a province cue)
    "genre": 0.95,  # 25/26: the same excerpt, which has no title (gold reads 标准 from its headings)
    "status": 0.95,
    "effective_date": 0.95,
    "expiry_date": 0.95,
}
REALHELD_FLOORS = {"guide": 0.95, "new": 0.95}  # aggregate only: 19/20 and 45/45 measured (issue 17: aim >= 0.95)
# The 31 corpus-real documents the repo has: province 30/31, level 30/31, genre 21/31 (the MANIFEST's genre as
# written; 18/31 before `genre` took the closed label set), genre_family 27/31 measured.
MANIFEST_FLOORS = {"province": 0.95, "level": 0.95, "genre": 0.65, "genre_family": 0.85}
# All 205 of corpus-real: province 200/205, level 201/205 (0.980), genre 167/205 (0.815; 166/205 at 7059fa1,
# 132/205 when genre was the title's own word), genre_title 94/101 (0.931), genre_family 180/205 (0.878)
# measured (docs/metadata-log.md: why the rest of the MANIFEST's genre cannot be read from the text;
# benchmarks/meta_agreement.py --show lists every disagreement).
FULL_MANIFEST_FLOORS = {"province": 0.95, "level": 0.97, "genre": 0.81, "genre_title": 0.92, "genre_family": 0.87}


def _completed(docs: Path, name: str):
    doc = read_document(docs, name)
    norm = normalize(doc.raw_text, None, None)
    meta = extract_meta(norm)
    return complete_meta(norm.text, doc.raw_text, meta.title, meta.doc_number, meta.issuer, meta.issue_date)


def _field_accuracy(devset: Path) -> tuple[Counter, Counter]:
    right, total = Counter(), Counter()
    for gold_path in sorted((devset / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        done = _completed(devset / "docs", gold["doc"])
        for name, value in gold["meta"].items():
            if name in GUIDE_FIELDS + NEW_FIELDS:
                total[name] += 1
                right[name] += meta_agrees(name, value, getattr(done, COLUMN_OF_META.get(name, name)))  # as polex eval
    return right, total


def test_realdev_meta_fields_meet_their_floors():
    right, total = _field_accuracy(FIXTURES / "realdev")
    assert set(total) == set(REALDEV_FLOORS), "gold carries the fields the floors name"
    low = {n: f"{right[n]}/{total[n]}" for n in total if right[n] / total[n] < REALDEV_FLOORS[n]}
    assert not low, f"below the floor: {low}"


def test_realheld_meta_in_aggregate():
    right, total = _field_accuracy(FIXTURES / "realheld")
    guide = sum(right[n] for n in GUIDE_FIELDS) / sum(total[n] for n in GUIDE_FIELDS)
    new = sum(right[n] for n in NEW_FIELDS if n in total) / sum(total[n] for n in NEW_FIELDS if n in total)
    assert guide >= REALHELD_FLOORS["guide"], f"GUIDE meta fields {guide:.3f} on realheld"
    assert new >= REALHELD_FLOORS["new"], f"new meta fields {new:.3f} on realheld"


def _agreement_module():
    spec = importlib.util.spec_from_file_location("meta_agreement", ROOT / "benchmarks" / "meta_agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_manifest_agreement_on_the_repos_corpus_real_documents():
    agreement = _agreement_module()
    files = {p.name: (p.parent, p.name) for d in ("realdev", "realheld") for p in (FIXTURES / d / "docs").iterdir()}
    report, _ = agreement.agreement(MANIFEST, files)
    assert report["province"]["total"] == len(files) == 31
    for field, floor in MANIFEST_FLOORS.items():
        assert report[field]["rate"] >= floor, f"{field}: {report[field]}"


@pytest.mark.parametrize(
    "level, expected",
    [("国务院", "national"), ("部委", "national"), ("省级", "province"), ("市级", "city"), ("区县级", "county")],
)
def test_manifest_level_words(level, expected):
    row = {"province": "全国", "level": level, "genre": "管理办法", "title": "广州市地下空间开发利用管理办法"}
    want = _agreement_module().expected(row)
    assert (want["province"], want["level"], want["genre"], want["genre_title"], want["genre_family"]) == (
        None,
        expected,
        "管理办法",
        "管理办法",  # the MANIFEST's genre is its title's
        "办法",
    )
    english = {**row, "title": "Measures for the Administration of …（英文标题，据来源）", "genre": "管理办法"}
    assert _agreement_module().expected(english)["genre_title"] is None  # no Chinese title to follow


def test_manifest_agreement_on_all_of_corpus_real():
    """Issue 17's check: province and level agree with the MANIFEST on >= 95% of corpus-real."""
    agreement = _agreement_module()
    corpus = agreement._default_corpus()
    if not (corpus / "MANIFEST.csv").is_file():
        pytest.skip(f"{corpus} is not beside the repository")
    manifest = corpus / "MANIFEST.csv"
    report, _ = agreement.agreement(manifest, agreement.corpus_files(corpus, manifest))
    assert report["province"]["total"] >= 200
    for field, floor in FULL_MANIFEST_FLOORS.items():
        assert report[field]["rate"] >= floor, f"{field}: {report[field]}"
