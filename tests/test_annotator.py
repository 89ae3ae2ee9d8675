"""The gold-writing tool refuses what a builder's author cannot have meant."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))

from annotator import Annotator  # noqa: E402


def _annotator(tmp_path: Path, text: str) -> Annotator:
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "d.txt").write_text(text, encoding="utf-8")
    return Annotator(docs, gold, "d.txt")


def test_the_same_span_typed_twice_is_refused(tmp_path):
    a = _annotator(tmp_path, "到2025年，甲达到5个。到2025年，乙达到6个。")
    a.D("到2025年", "by", 2025)
    a.D("到2025年", "by", 2025)  # meant the second occurrence; lands on the first
    with pytest.raises(SystemExit, match="written twice"):
        a.write()


def test_the_next_occurrence_written_with_within_is_kept(tmp_path):
    a = _annotator(tmp_path, "到2025年，甲达到5个。到2025年，乙达到6个。")
    a.D("到2025年", "by", 2025)
    a.D("到2025年", "by", 2025, within="到2025年，乙")
    path = a.write()
    assert path.read_text(encoding="utf-8").count('"deadline"') == 2


def test_an_amount_inside_a_target_is_not_a_duplicate(tmp_path):
    a = _annotator(tmp_path, "产业规模达到100亿元。")
    a.T("产业规模达到100亿元", "产业规模", 100, "亿元", ">=")
    a.A("100亿元", 10_000_000_000)
    assert a.write().exists()
