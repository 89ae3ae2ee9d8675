"""`polex eval` scores every meta field gold has (GUIDE's four, and the researcher's fields of issue 17),
per field, with `--min-meta` floors; run as a reviewer runs it on the real core path's Parquet output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from paths import GOLD
from polex_cli import run_subcommand

from pipeline.cli import eval as cli_eval
from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import validate_dir

REALDEV = Path(__file__).resolve().parent / "fixtures" / "realdev"
# Three realdev documents: a county's work report, a province's 意见 with a 文号, a city's 办法 from a web page.
PICKED = (
    "0178_厦门市2024年政府工作报告",
    "0148_Guiding_Opinions_of_Shandong_Provincial_People_s",
    "0171_广州市引进人才入户管理办法穗府办规202010号",
)


@pytest.fixture(scope="module")
def realdev_subset(tmp_path_factory):
    """(docs, gold, OUT): three realdev documents, their gold, and the tables `polex run`'s core writes."""
    tmp = tmp_path_factory.mktemp("meta_eval")
    docs, gold = tmp / "docs", tmp / "gold"
    docs.mkdir()
    gold.mkdir()
    for stem in PICKED:
        source = next((REALDEV / "docs").glob(stem + ".*"))
        shutil.copy(source, docs / source.name)
        shutil.copy(REALDEV / "gold" / f"{stem}.json", gold / f"{stem}.json")
    return docs, gold, run_core(docs, tmp / "out")


def _eval(capsys, gold: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    code = run_subcommand(cli_eval, ["--gold", str(gold), "--out", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_meta_field_gold_has_is_scored_per_field(realdev_subset, capsys):
    _, gold, out = realdev_subset
    code, stdout, _ = _eval(capsys, gold, out, "--json")
    assert code == 0
    fields = json.loads(stdout)["meta"]["fields"]
    assert set(fields) == {
        "title", "doc_number", "issuer", "issue_date", "issuers", "province", "city", "county", "admin_level",
        "genre", "status", "effective_date", "expiry_date",
    }  # fmt: skip
    assert all(s["total"] == 3 for s in fields.values())
    assert fields["province"]["accuracy"] == 1.0 and fields["admin_level"]["accuracy"] == 1.0
    code, stdout, _ = _eval(capsys, gold, out)  # the human view: one row per field, then all
    assert "meta fields" in stdout and "admin_level" in stdout and "expiry_date" in stdout


def test_a_wrong_field_lowers_its_accuracy_and_fails_its_floor(realdev_subset, tmp_path, capsys):
    _, gold, out = realdev_subset
    changed = tmp_path / "gold"
    shutil.copytree(gold, changed)
    path = changed / f"{PICKED[0]}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"]["city"] = "泉州市"  # gold now disagrees with polex's 厦门市
    data["meta"]["issuers"] = ["厦门市人民政府", "另一机关"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, stdout, _ = _eval(capsys, changed, out, "--json")
    meta = json.loads(stdout)["meta"]
    assert meta["fields"]["city"] == {"right": 2, "total": 3, "accuracy": 2 / 3}
    assert meta["fields"]["issuers"]["right"] == 2  # a list compares as a list
    assert meta["wrong_by_field"] == {"city": 1, "issuers": 1}
    code, _, stderr = _eval(capsys, changed, out, "--min-meta", "city=0.9", "province=0.9")
    assert code == 1
    assert "meta city accuracy 0.667 < 0.900" in stderr and "province" not in stderr
    assert _eval(capsys, changed, out, "--min-meta", "province=0.9", "all=0.9")[0] == 0


def test_genre_is_compared_in_golds_vocabulary(realdev_subset, tmp_path, capsys):
    """polex's 政府工作报告 is gold's 工作报告 (CONVENTIONS' name); a finer or other type is still wrong."""
    _, gold, out = realdev_subset
    docs = pd.read_parquet(out / "documents.parquet").set_index("source_path")
    report = docs.loc[next(p for p in docs.index if p.startswith(PICKED[0]))]
    assert (report.genre, report.genre_family) == ("政府工作报告", "报告")
    assert json.loads((gold / f"{PICKED[0]}.json").read_text(encoding="utf-8"))["meta"]["genre"] == "工作报告"
    assert json.loads(_eval(capsys, gold, out, "--json")[1])["meta"]["fields"]["genre"]["right"] == 3
    for written, right in (("政府工作报告", 3), ("报告", 2)):  # gold in polex's words agrees too; the family does not
        changed = tmp_path / written
        shutil.copytree(gold, changed)
        path = changed / f"{PICKED[0]}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["meta"]["genre"] = written
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert json.loads(_eval(capsys, changed, out, "--json")[1])["meta"]["fields"]["genre"]["right"] == right


def test_gold_with_guides_four_fields_only_is_scored_on_those(tmp_path, capsys):
    out = run_core(Path(__file__).resolve().parent.parent / "corpus", tmp_path / "out")
    code, stdout, _ = _eval(capsys, GOLD, out, "--json")
    assert set(json.loads(stdout)["meta"]["fields"]) == {"title", "doc_number", "issuer", "issue_date"}
    code, _, stderr = _eval(capsys, GOLD, out, "--min-meta", "genre=0.5")
    assert code == 1 and "meta genre: no gold file has it" in stderr
    code, _, stderr = _eval(capsys, GOLD, out, "--min-meta", "colour=0.5")
    assert code == 2 and "--min-meta 'colour=0.5'" in stderr


def test_gold_validation_checks_the_extra_fields(realdev_subset, tmp_path):
    docs, gold, _ = realdev_subset
    bad = tmp_path / "gold"
    shutil.copytree(gold, bad)
    path = bad / f"{PICKED[1]}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"]["issuers"] = "山东省人民政府"  # a string, not a list
    data["meta"]["effective_date"] = "2023年1月1日"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    errors = validate_dir(bad, docs)
    assert any("meta.issuers must be a list of strings" in e for e in errors)
    assert any("meta.effective_date must be YYYY-MM-DD" in e for e in errors)
    assert validate_dir(gold, docs) == []


def test_gold_genre_is_the_titles_word_and_documents_keep_both(tmp_path, capsys):
    """documents.genre is the closed label set (若干意见 → 意见), documents.genre_word the title's own word;
    gold, written to CONVENTIONS, names the title's word, and `polex eval` compares it with genre_word."""
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    text = "国务院关于促进光伏产业健康发展的若干意见\n国发〔2013〕24号\n各省、自治区、直辖市人民政府：\n一、充分认识促进光伏产业健康发展的重要性\n"
    (docs / "opinions.txt").write_text(text, encoding="utf-8")
    out = run_core(docs, tmp_path / "out")
    row = pd.read_parquet(out / "documents.parquet").iloc[0]
    assert (row.genre, row.genre_word, row.genre_family) == ("意见", "若干意见", "意见")
    meta = {"title": row.title, "doc_number": row.doc_number, "issuer": row.issuer, "issue_date": None}
    for written, right in (("若干意见", 1), ("意见", 0)):  # gold's word is the title's, not the label
        record = {"doc": "opinions.txt", "sha256": row.sha256, "meta": {**meta, "genre": written}, "spans": []}
        (gold / "opinions.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        assert json.loads(_eval(capsys, gold, out, "--json")[1])["meta"]["fields"]["genre"]["right"] == right
