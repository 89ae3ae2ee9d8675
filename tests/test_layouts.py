"""The layout perturbations of pipeline.qa.layouts: the text each makes, and gold carried through its origin."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.qa.layouts import (
    PERTURBATIONS,
    blank_paragraphs,
    char_spacing,
    full_width_digits,
    half_width,
    hard_wrap,
    one_line,
    page_chrome,
    page_chrome_of,
    page_furniture,
    pdf_text,
    perturb_gold,
    start_only,
    traditional,
)
from pipeline.qa.model import AnnotatedDoc, Span

ALPHABET = "一二三、（）()，。；：\n\r\t 0123456789年第条到企业达家%发展规划"
texts = st.text(alphabet=ALPHABET, min_size=1, max_size=400)


def _survivors(text: str, start: int, end: int, deleted: str) -> str:
    return "".join(c for c in text[start:end] if c not in deleted)


@settings(max_examples=200, deadline=None)
@given(texts, st.data(), st.sampled_from(sorted(PERTURBATIONS)))
def test_any_span_maps_to_the_same_characters(text, data, layout):
    """A remapped span holds exactly its source characters that survived, in order, plus inserted ones."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    perturbed = PERTURBATIONS[layout](text)
    assert len(perturbed.origin) == len(perturbed.text)
    span = perturbed.remap(start, end)
    survivors = [i for i in range(start, end) if i in set(perturbed.origin.tolist())]
    if not survivors:
        assert span is None
        return
    new_start, new_end = span
    origins = perturbed.origin[new_start:new_end]
    assert [int(o) for o in origins if o >= 0] == survivors
    kept = perturbed.origin >= 0
    assert np.all(np.diff(perturbed.origin[kept]) > 0)  # order kept
    inserting = ("one_line", "hard_wrap", "furniture", "pdf_text", "char_spacing", "page_chrome", "blank_paragraphs")
    if layout in inserting:  # nothing substituted
        assert all(perturbed.text[i] == text[o] for i, o in enumerate(perturbed.origin) if o >= 0)


def test_one_line_deletes_every_break():
    assert one_line("一、总体要求\r\n（一）目标。\n到2025年").text == "一、总体要求（一）目标。到2025年"


def test_hard_wrap_breaks_every_width_characters_mid_number():
    assert hard_wrap("到2025年建成100家", width=3).text == "到2025\n年建成\n100家"


def test_page_furniture_puts_a_page_number_and_the_running_header_between_pages():
    text = "关于印发方案的通知\n" + "第一段。\n" * 10
    assert page_furniture(text, page_chars=20).text.count("— 1 —\n\n关于印发方案的通知\n") == 1


def test_pdf_text_ends_a_page_at_a_wrapped_line_and_leaves_a_one_line_text_alone():
    paragraphs = "\n".join(["字" * 90 + "。"] * 30)
    out = pdf_text("关于印发实施方案的通知\n" + paragraphs).text
    assert "字\n\n— 1 —\n\n关于印发实施方案的通知\n\n\n字" in out  # after a wrapped line: mid-sentence
    assert "\n\n— 1 —\n\n人民政府公报\n\n" in pdf_text("各区县：\n" + paragraphs).text  # no title: a gazette
    # a text opening with its first article has no title line: its wrapped first line is no running header
    first_article = "第一条　为深入贯彻落实《智能制造发展规划》《山东省制造业发展规划》要求制定本办法。\n"
    assert "\n\n— 1 —\n\n人民政府公报\n\n" in pdf_text(first_article + paragraphs).text
    one_line_text = "字" * 3000
    assert pdf_text(one_line_text).text == hard_wrap(one_line_text).text == one_line_text


def test_width_and_spacing_layouts():
    assert half_width("（一）目标：甲，乙；丙").text == "(一)目标:甲,乙;丙"
    assert full_width_digits("到2025年30%").text == "到２０２５年３０％"
    assert char_spacing("第10条到2025年").text == "第 1 0 条到 2 0 2 5 年"


def _heading_gold(text: str, start: int, end: int) -> AnnotatedDoc:
    span = Span("heading", start, end, text[start:end], {"level": 1, "number": 1})
    return AnnotatedDoc("d.txt", None, {"title": "t"}, [span])


def test_a_heading_whose_line_end_is_lost_is_compared_on_its_start_only():
    text = "序言。\n一、总体要求\n正文。"
    gold, ambiguous = perturb_gold(_heading_gold(text, 4, 10), text, one_line(text))
    assert gold.spans[0].text == "一、总体要求" and gold.meta == {"title": "t"}
    assert ambiguous == {gold.spans[0].key()}
    predicted = AnnotatedDoc("d.txt", None, {}, [Span("heading", 3, 12, "一、总体要求正文。", {})])
    assert start_only(gold, predicted, ambiguous).spans[0].end == 12


def test_a_heading_whose_line_ends_in_blanks_is_compared_on_its_start_only_when_its_break_goes():
    # `（一）指导思想 ⏎`: gold ends before the trailing blank; deleting the break after it changes the line
    text = "序言。\n（一）指导思想 \u3000\n正文。"
    gold, ambiguous = perturb_gold(_heading_gold(text, 4, 11), text, one_line(text))
    assert gold.spans[0].text == "（一）指导思想"
    assert ambiguous == {gold.spans[0].key()}
    _, intact = perturb_gold(_heading_gold(text, 4, 11), text, half_width(text))
    assert intact == set()


def test_a_heading_whose_line_is_intact_keeps_its_exact_end():
    text = "序言。\n一、总体要求\n正文。"
    gold, ambiguous = perturb_gold(_heading_gold(text, 4, 10), text, half_width(text))
    assert ambiguous == set()


def test_traditional_converts_each_character_one_for_one():
    out = traditional("滨州市人民政府办公室关于加快发展先进制造业集群的实施意见")
    assert out.text == "濱州市人民政府辦公室關於加快發展先進制造業集羣的實施意見"
    assert out.origin.tolist() == list(range(len(out.text)))


@given(st.text(alphabet="发展干部里面后于台制造业着头理念", max_size=60))
def test_traditional_keeps_the_length_whatever_opencc_makes_of_a_phrase(text):
    assert len(traditional(text).text) == len(text)


def test_page_chrome_wraps_the_text_in_a_government_page_template_of_its_own_values():
    text = "关于印发方案的通知\n到2025年，建成100家。"
    out = page_chrome(text)
    head, body, tail = out.text.partition(text)
    assert head.startswith("首页 > 政务公开 > 政策文件\n") and "发文机关：\n" in head and "索引号：" in head
    assert "【打印】【关闭】" in tail and "主办单位：" in tail and "ICP备" in tail and "公网安备" in tail
    assert (out.origin[: len(head)] == -1).all() and (out.origin[len(head) + len(text) :] == -1).all()
    assert "2025" not in head + tail and "100" not in head + tail  # nothing of the document copied


def test_page_chrome_of_a_document_catalogues_its_own_date_number_and_issuer():
    text = "关于印发方案的通知\n到2025年，建成100家。"
    meta = {"issuer": "某省人民政府办公厅", "issue_date": "2021-03-09", "doc_number": "某政办发〔2021〕5号"}
    head = page_chrome_of(meta)(text).text.partition(text)[0]
    assert "发文机关：\n某省人民政府办公厅\n" in head and "成文日期：2021年03月09日\n" in head
    assert "文号：\n某政办发〔2021〕5号\n" in head and "临江市" not in head.split("发布日期")[0]
    # a document without a date or number of its own: no row for them (never the template's 2023)
    bare = page_chrome_of({"issuer": None, "issue_date": None, "doc_number": None})(text).text.partition(text)[0]
    assert "成文日期" not in bare and "文号" not in bare and "发文机关" not in bare and "索引号：" in bare
    assert page_chrome_of(None) is page_chrome


def test_blank_paragraphs_indents_every_paragraph_and_parts_them_with_a_blank_line():
    out = blank_paragraphs("一、总体要求\n　　到2025年。\n\n（一）目标\r\n正文")
    assert out.text == "　　一、总体要求\n\n　　到2025年。\n\n　　（一）目标\r\n\r\n　　正文"
