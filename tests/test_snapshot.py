"""benchmarks/snapshot.py: one digest per table, stable across runs, moved by any row change."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import snapshot  # noqa: E402


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted((REPO / "corpus").glob("*.txt"))[:2]:
        shutil.copy(seed, corpus / seed.name)
    return corpus


def test_digests_are_stable_and_cover_every_table(tmp_path):
    corpus = _corpus(tmp_path)
    first, second = snapshot.snapshot(corpus), snapshot.snapshot(corpus)
    assert first == second
    assert set(first["tables"]) == {
        "documents",
        "sections",
        "deadlines",
        "amounts",
        "targets",
        "responsible_units",
        "tasks",
        "quarantine",
    }


def test_a_changed_document_moves_its_tables_digests(tmp_path):
    corpus = _corpus(tmp_path)
    before = snapshot.snapshot(corpus)["tables"]
    doc = sorted(corpus.glob("*.txt"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n到2030年，新增企业100家。\n", encoding="utf-8")
    after = snapshot.snapshot(corpus)["tables"]
    assert after["documents"] != before["documents"]
    assert after["deadlines"] != before["deadlines"]
    assert after["quarantine"] == before["quarantine"]


def test_a_quarantined_file_is_a_quarantine_row(tmp_path):
    corpus = _corpus(tmp_path)
    before = snapshot.snapshot(corpus)["tables"]["quarantine"]
    (corpus / "empty.txt").write_bytes(b"")
    assert snapshot.snapshot(corpus)["tables"]["quarantine"] != before


def test_check_reports_a_difference(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    expected = tmp_path / "expected.json"
    assert snapshot.main([str(corpus), "--out", str(expected)]) == 0
    assert snapshot.main([str(corpus), "--out", str(tmp_path / "same.json"), "--check", str(expected)]) == 0
    data = json.loads(expected.read_text(encoding="utf-8"))
    data[str(corpus)]["tables"]["targets"] = "0" * 64
    expected.write_text(json.dumps(data), encoding="utf-8")
    assert snapshot.main([str(corpus), "--out", str(tmp_path / "new.json"), "--check", str(expected)]) == 1
    assert f"snapshot differs: {corpus} targets" in capsys.readouterr().err
