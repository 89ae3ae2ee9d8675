"""amounts: ids, reward/condition pairing and the Arrow schema."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import get
from pipeline.core.document import ExtractContext, NormalizedText
from pipeline.core.offsets import OffsetMap

EXTRACTOR = get("amounts")


def _rows(text: str):
    norm = NormalizedText(text, text, OffsetMap.identity(len(text)))
    return EXTRACTOR.extract(ExtractContext(doc_id="t", norm=norm))


def test_amount_ids_are_document_ordinals():
    rows = _rows("设立2亿元专项资金。对营业收入首次突破1000万元的企业，给予10万元奖励。")
    assert [r["amount_id"] for r in rows] == [1, 2, 3]


def test_single_condition_serves_every_reward_of_its_sentence():
    rows = _rows("对年纳税额超过500万元的企业，给予10万元奖励和5万元人才补贴。另设立1亿元基金。")
    by_text = {(r["norm_start"], r["value_cny"]): r for r in rows}
    cond = next(r for r in rows if r["value_cny"] == 5e6)
    assert cond["role"] == "condition"
    rewards = [r for r in rows if r["role"] == "reward"]
    assert [r["value_cny"] for r in rewards] == [1e5, 5e4]
    assert all(r["condition_amount_id"] == cond["amount_id"] for r in rewards)
    fund = next(r for r in by_text.values() if r["value_cny"] == 1e8)
    assert fund["role"] == "fund" and fund["condition_amount_id"] is None


def test_pairing_stays_inside_the_sentence():
    rows = _rows("全市营业收入突破5亿元。对认定企业给予20万元奖励。")
    assert rows[1]["role"] == "reward" and rows[1]["condition_amount_id"] is None
    assert rows[0]["role"] != "condition"


def test_rows_fit_the_declared_arrow_schema():
    rows = _rows("分别给予5、10、20万元奖励，按100元/亩补贴，给予3-5万元补助，百亿级集群。")
    schema = pa.schema([pa.field("norm_start", pa.int64()), pa.field("norm_end", pa.int64())] + EXTRACTOR.columns)
    table = pa.Table.from_pylist([{k: r[k] for k in schema.names} for r in rows], schema=schema)
    assert table.num_rows == 6
    assert table.column("value_max_cny").to_pylist()[4] == 5e4
    assert table.column("per").to_pylist()[3] == "亩"


def test_rate_with_the_unit_first_takes_per_from_its_clause():
    rows = _rows("每亩补助800元，每人每年补贴2000元，对企业给予50万元奖励。")
    assert [(r["value_cny"], r["per"]) for r in rows] == [(800.0, "亩"), (2000.0, "人/年"), (500000.0, None)]


def test_vague_and_approximate_numerals():
    rows = _rows("争取资金数千万元，投入几十万元，兑现奖补资金200余万元，带动投资上千万元。")
    assert [(r["value_cny"], r["comparator"]) for r in rows] == [(2e6, ">"), (1e7, ">=")]
    assert _rows("建立多元化投入机制，推动十多元主体参与。") == []


def test_foreign_currency_is_not_an_amount():
    assert _rows("引进外资5000万美元、2亿港元和300万欧元。") == []


NEW_FRAGMENTS = [
    "余",
    "多",
    "万",
    "元",
    "美元",
    "数",
    "几",
    "上",
    "十",
    "千",
    "100",
    "3",
    "每",
    "亩",
    "人",
    "月",
    "，",
    "级",
    "亿",
    " ",
]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(NEW_FRAGMENTS), max_size=30))
def test_guard_keeps_every_match_of_the_new_branches(pieces):
    import re

    import extractors.amounts as mod

    text = "".join(pieces)
    unguarded = re.compile(f"(?:{mod.RULES.body})")
    assert [(m.span(), m.groups()) for m in mod.RULES.pattern.finditer(text)] == [
        (m.span(), m.groups()) for m in unguarded.finditer(text)
    ]


def test_classifier_alone_is_no_denominator():
    rows = _rows("每个园区引进投资30亿元以上的项目，每个项目补助50万元。")
    assert [r["per"] for r in rows] == [None, "项"]


def test_a_chinese_numeral_sum_takes_its_jiao_and_fen_and_leaves_whole_yuan_to_money():
    """`十八元七角四分` is one sum (18.74); `十八元` alone stays MONEY's, `二元结构` is none (cn_yuan_jiao)."""
    text = "售价平均为十八元七角四分，总额达十八元，打破城乡二元结构，每吨煤二元。"
    rows = _rows(text)
    found = [(text[r["norm_start"] : r["norm_end"]], r["value_cny"]) for r in rows]
    assert found == [("十八元七角四分", 18.74), ("十八元", 18.0), ("二元", 2.0)]
