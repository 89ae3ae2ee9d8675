"""Properties of the metadata stage on any text: it never fails, and what it says is coherent
(a region is one GB/T 2260 division with its own province and city, dates are real dates, an issuer
whenever issuers names one)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers import normalize
from pipeline.structure.divisions import all_divisions
from pipeline.structure.doc_meta import document_meta

# Pieces real heads, bodies and signatures are made of, so that the readers' rules fire.
PIECES = [
    "山东省人民政府办公厅", "包头市", "柳河县人民政府", "天河区", "国务院", "工业和信息化部", "关于", "印发", "的通知",
    "实施意见", "行动计划（试行）", "（征求意见稿）", "鲁政办字〔2023〕185号", "赣府厅", "令", "第52号", "文 号:",
    "发文机关：", "成文日期：2023-02-30", "2023年5月1日", "二〇二三年十二月三十一日", "自2024年1月1日起施行",
    "有效期至2025年13月1日", "有效期至2026年12月31日", "我省", "本市", "全县", "市科技局负责", "结合济南实际",
    "本办法由省工业和信息化厅负责解释", "我代表市人民政府向大会报告工作", "XX市市", "场监管局", "重大理论",
    "\n", "\n\n", "。", "，", "：", " ", "\u3000", "一、", "（一）", "第一条", "<", "&", "〔", "号",
]  # fmt: skip
LEVELS = {None, "national", "province", "city", "county"}


def _valid_iso(value: str | None) -> bool:
    if value is None:
        return True
    dt.date.fromisoformat(value)
    return True


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60))
def test_metadata_of_any_text_is_coherent(pieces):
    meta = document_meta(normalize("".join(pieces)))
    assert meta.admin_level in LEVELS
    assert meta.status in {"draft", "trial", "final"}
    assert all(_valid_iso(v) for v in (meta.issue_date, meta.effective_date, meta.expiry_date))
    assert isinstance(meta.issuers, list) and all(isinstance(i, str) and i for i in meta.issuers)
    assert (meta.issuer is None) == (meta.issuers == []), "issuers names the issuer whenever there is one"
    if meta.division_code is None:
        assert (meta.province, meta.city, meta.county) == (None, None, None)
        return
    division = all_divisions()[meta.division_code]
    assert division.level == meta.admin_level
    assert meta.province == all_divisions()[division.province_code].name
    expected_city = division if division.level == "city" else all_divisions().get(division.city_code or "")
    assert meta.city == (expected_city.name if expected_city else None)
    assert meta.county == (division.name if division.level == "county" else None)
