"""normalizers.spacing keeps table layout: tabs and column gaps are cell separators."""

from __future__ import annotations

import pytest

from normalizers import normalize
from normalizers.spacing import remove_spaces


def _spaced(raw: str) -> str:
    return remove_spaces(raw)[0]


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a tab between two Han characters on a body line (one with 、) stays
        ("1\t建设平台\t省科技厅\t省财政厅、省教育厅", "1\t建设平台\t省科技厅\t省财政厅、省教育厅"),
        # spaces padding a tab go, the tab stays
        ("省科技厅 \t 省财政厅、省教育厅", "省科技厅\t省财政厅、省教育厅"),
        # a column gap (2+ spaces between contents) stays whole, even beside a digit
        ("1   建设平台     省科技厅     省财政厅、省教育厅", "1   建设平台     省科技厅     省财政厅、省教育厅"),
        # single spaces are judged as before
        ("加快发展战略新 兴产业，到 2025 年", "加快发展战略新兴产业，到2025年"),
        # a run touching Chinese punctuation is no column gap
        ("加快发展，  推动转型", "加快发展，推动转型"),
        # line-edge runs always go
        ("   建设平台，推动转型   ", "建设平台，推动转型"),
    ],
)
def test_table_separators_survive(raw, expected):
    assert _spaced(raw) == expected


def test_full_width_column_gaps_survive_the_whole_normaliser_and_are_stable():
    raw = "重点任务。\n序号　　任务　　　　牵头单位\n１　　　建设平台、园区　　　　省科技厅\n"
    norm = normalize(raw).text
    assert "建设平台、园区    省科技厅" in norm  # width made the gap ASCII; it was not deleted
    assert normalize(norm).text == norm
