"""BL16's selecting verbs (realdev 0116's class): the issuer's choice of a pilot's scope (`选取3—5个重点领域开展…试点`,
`选择10个城市开展…试点`) counts what the pilot covers, as `遴选`/`优选` do; an option a rule offers (`可选择3种支付方式`)
and an applicant's choice (`选择1所学校进行报名`) stay none. The real pipeline reads each text."""

from __future__ import annotations

import pytest

from pipeline.core.document import RawDocument
from pipeline.process import extract_rows, structure


def targets(text: str) -> list[tuple[str, str, float, float | None, str | None]]:
    doc = RawDocument(doc_id="t", source_path="t.txt", sha256="-", raw_text=text, encoding="utf-8")
    rows = extract_rows(doc, structure(doc))["targets"]
    return [(r["text"], r["indicator"], r["value"], r.get("value_max"), r.get("recurring")) for r in rows]


@pytest.mark.parametrize("verb", ["选取", "选择"])
def test_the_issuers_choice_of_a_pilots_scope_is_a_target_with_its_predicate(verb):
    got = targets(f"进一步规范政务信息资源目录，{verb}3—5个重点领域开展目录规范化建设试点。")
    assert got == [("3—5个重点领域", "开展目录规范化建设试点的重点领域", 3.0, 5.0, None)]


@pytest.mark.parametrize(
    "text",
    [
        "企业可选择以下2种方式之一申报。",
        "消费者可选择3种支付方式。",
        "家长可以选择1所幼儿园。",
        "申请人登录服务平台选择1所学校进行报名。",
    ],
)
def test_an_option_a_rule_offers_or_an_applicants_choice_is_none(text):
    assert targets(text) == []


def test_every_part_of_a_yearly_sets_qizhong_sentence_is_annual():
    text = (
        "（二）实施步骤\n每年确定50个以上智能制造示范项目。其中：在离散制造领域选择10个以上智能工厂，"
        "选择10个以上集成应用项目，选择20个左右远程运维服务项目。\n"
    )
    got = targets(text)
    assert [row[0] for row in got] == [
        "50个以上智能制造示范项目",
        "10个以上智能工厂",
        "10个以上集成应用项目",
        "20个左右远程运维服务项目",
    ]
    assert {row[4] for row in got} == {"annual"}
