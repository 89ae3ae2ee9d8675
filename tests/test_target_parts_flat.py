"""A work report that lost its line breaks and indents: its unnumbered part titles, glued between two
sentences, still open its review and its plan (extractors/target_parts.py, _GLUED_PART)."""

from __future__ import annotations

import pytest

from extractors.target_parts import document_parts

OPENING = "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。"
REVIEW = "2023年，是全面贯彻党的二十大精神的开局之年。全年新增城镇就业5.2万人，建成5G基站1.4万个。" * 12
PLAN = "2024年是中华人民共和国成立75周年。新增城镇就业5万人以上，新建5G基站1万个。" * 12


@pytest.mark.parametrize(
    ("review_title", "plan_title"),
    [
        ("2023年工作回顾", "2024年重点工作"),
        ("2023年政府工作回顾", "2024年工作安排建议"),
        ("过去五年工作回顾", "2024年工作安排"),
    ],
)
def test_glued_part_titles_open_the_review_and_the_plan(review_title, plan_title):
    text = OPENING + review_title + REVIEW + plan_title + PLAN
    reviews, plans = document_parts(text)
    review_start = text.index(review_title)
    plan_start = text.index(plan_title)
    assert reviews == [(review_start, plan_start)]
    assert plans == [(plan_start, len(text))]


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年工作回顾显示，全年新增城镇就业5.2万人。",  # the words inside a sentence: followed by no new sentence
        "我们对2023年工作回顾2023年的成绩。",  # not at a sentence's start
    ],
)
def test_part_title_words_inside_a_sentence_open_no_part(sentence):
    text = OPENING + sentence + PLAN
    reviews, _ = document_parts(text)
    assert reviews == []
