"""`polex eval` joins gold to documents by sha256, then by name, and says so (real documents)."""

from __future__ import annotations

import json
import shutil

import pytest
from paths import ROOT
from polex_cli import run_polex

from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import load_gold_dir, read_document_text

REALDEV = ROOT / "tests" / "fixtures" / "realdev"
CHANGED = "0048_制造业数字化转型行动方案推动数字技术加快赋能轻.txt"
RENAMED = "0157_广州市地下空间开发利用管理办法.txt"
REMOVED = "0158_中共上海市委上海市人民政府关于提高我市自然灾害防.txt"
PREFACE = "（本文件根据2026年修订意见重新印发。）\n"


def eval_json(gold, out):
    result = run_polex("eval", "--gold", str(gold), "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("join")
    same = tmp / "same"
    shutil.copytree(REALDEV / "docs", same)
    edited = tmp / "edited"
    shutil.copytree(REALDEV / "docs", edited)
    text = read_document_text(edited / CHANGED)[0]
    (edited / CHANGED).write_bytes((PREFACE + text).encode("utf-8"))  # every offset shifts
    (edited / "renamed").mkdir()
    (edited / RENAMED).rename(edited / "renamed" / "地下空间管理办法.txt")  # same bytes, other name
    (edited / REMOVED).unlink()
    return run_core(same, tmp / "out_same"), run_core(edited, tmp / "out_edited")


def test_changed_document_is_named_and_scored_after_aligning(corpora):
    out_same, out_edited = corpora
    before, after = eval_json(REALDEV / "gold", out_same), eval_json(REALDEV / "gold", out_edited)
    assert before["changed_documents"] == [] and before["notes"] == []
    assert after["changed_documents"] == [CHANGED]
    assert any(note.startswith(CHANGED) and "scored after aligning" in note for note in after["notes"])
    # aligned: the edited document scores as it did, though every gold offset is off by the preface
    assert after["documents"][CHANGED]["labels"] == before["documents"][CHANGED]["labels"]
    assert after["unscored_spans"] == 0


def test_renamed_document_is_found_by_sha256_and_removed_one_is_missing(corpora):
    out_same, out_edited = corpora
    before, after = eval_json(REALDEV / "gold", out_same), eval_json(REALDEV / "gold", out_edited)
    assert after["documents"][RENAMED] == before["documents"][RENAMED]
    assert any(RENAMED in note and "found by sha256" in note for note in after["notes"])
    assert after["missing_documents"] == [REMOVED]


def test_terminal_names_the_changed_document(corpora):
    _, out_edited = corpora
    result = run_polex("eval", "--gold", str(REALDEV / "gold"), "--out", str(out_edited))
    assert result.returncode == 0
    flat = " ".join(result.stdout.split())  # rich wraps long lines
    assert f"{CHANGED}: document changed since its gold was written" in flat
    assert f"{REMOVED}: missing from OUT" in flat
    assert "target·indicator" in result.stdout


def test_spans_whose_text_is_gone_are_counted_not_scored(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    gold = next(g for g in load_gold_dir(REALDEV / "gold") if g.doc == CHANGED)
    text = read_document_text(REALDEV / "docs" / CHANGED)[0]
    first = min((s for s in gold.spans if s.label == "target"), key=lambda s: s.start)
    (corpus / CHANGED).write_bytes((text[: first.start] + "（删去）" + text[first.end :]).encode("utf-8"))
    out = run_core(corpus, tmp_path / "out")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    shutil.copy(REALDEV / "gold" / (CHANGED[:-4] + ".json"), gold_dir)
    report = eval_json(gold_dir, out)
    assert report["changed_documents"] == [CHANGED]
    # the deleted target (and any span inside it) is not scored; every other gold span is
    inside = [s for s in gold.spans if s.start >= first.start and s.end <= first.end]
    assert report["unscored_spans"] == len(inside)
    assert report["labels"]["target"]["gold"] == sum(s.label == "target" for s in gold.spans) - 1
    assert any("whose text is gone are not scored" in note for note in report["notes"])
