"""A PDF's bare page numbers (BL14, realblind13 0073): `5` alone on its line, numbered on one by one a page apart.

PDF text keeps each page's number on a line of its own; where a page ends mid-sentence the number lands inside it
(`…建成 120 个以` / `5` / `上具有…`), and once the lines are joined it reads `以5上`. A run of such lines numbered
n, n+1, n+2…, each at least a page after the one before, is page furniture (``normalizers.page_furniture``:
``bare_page_number_spans``); a lone number line, or one of a table laid out one cell per line, is content.
"""

from __future__ import annotations

from normalizers import normalize
from normalizers.page_furniture import MIN_PAGE_CHARS, bare_page_number_spans

FILLER = "推动制造业数字化转型，提升企业生产效率和产品质量，加快构建现代产业体系，"  # 38 characters
WIDTH = 26  # a PDF's line: the text wrapped at the column's width


def page(n_fillers: int) -> str:
    return FILLER * n_fillers


def wrapped(paragraph: str) -> str:
    return "\n".join(paragraph[i : i + WIDTH] for i in range(0, len(paragraph), WIDTH))


def cut_page(sentence: str, after: str, number: int) -> str:
    """A page of wrapped lines whose last line ends right after ``after`` in ``sentence``, the page's number alone on
    the next line, then the rest of the sentence (a PDF's page break inside a sentence)."""
    head = sentence[: sentence.index(after) + len(after)]
    body = page(10)
    body = body[: len(body) - (len(body) + len(head)) % WIDTH]  # the page's last line ends with ``after``
    return wrapped(body + head) + f"\n{number}\n" + sentence[len(head) :] + "\n"


def pdf_text() -> str:
    """Three pages cut mid-sentence, each page's number alone on its line between the halves."""
    return (
        "一、总体要求\n"
        + cut_page("到二〇二五年，建成一百个以上示范工厂。", "以", 2)
        + cut_page("培育50家骨干企业。", "骨干", 3)
        + cut_page("形成一批标准成果。", "标准", 4)
        + "二、重点任务\n"
        + wrapped(page(10))
        + "\n5\n（一）加强创新。\n"
    )


def test_bare_page_numbers_running_on_a_page_apart_are_deleted():
    text = normalize(pdf_text()).text
    assert "建成一百个以上示范工厂" in text  # the page cut `以上`: joined again
    assert "培育50家骨干企业" in text
    assert "形成一批标准成果" in text
    assert "以2上" not in text and "\n5\n" not in text


def test_a_run_of_two_stays_content():
    two_pages = pdf_text().replace("\n4\n", "\n").replace("\n5\n", "\n")  # only pages 2 and 3 numbered
    text = normalize(two_pages).text
    assert "一百个以上" not in text and "以2上" in text.replace("\n", "")


def test_the_spans_are_the_number_lines_content_only():
    raw = pdf_text()
    spans = bare_page_number_spans(raw)
    assert [raw[a:b] for a, b in spans] == ["2", "3", "4", "5"]


def test_a_table_laid_out_one_cell_per_line_keeps_its_row_numbers():
    table = "序号\n项目名称\n1\n智能工厂改造\n2\n数字车间建设\n3\n供应链平台\n4\n工业互联网平台\n"
    assert bare_page_number_spans(table) == []  # numbered one by one, but not a page apart
    assert "\n3\n" in normalize(table).text or "3供应链平台" not in normalize(table).text


def test_two_page_numbers_or_numbers_out_of_sequence_are_content():
    body = page(10)
    assert len(body) >= MIN_PAGE_CHARS
    assert bare_page_number_spans(f"{body}\n2\n{body}\n3\n{body}") == []  # a run of two
    assert bare_page_number_spans(f"{body}\n3\n{body}\n7\n{body}\n12\n{body}") == []  # no sequence


def test_a_stray_number_inside_a_page_run_does_not_break_it():
    body = page(10)
    raw = f"{body}\n1\n{body}\n2\n数量\n3\n{body}\n3\n{body}\n4\n{body}"  # a table cell `3` right after page 2
    spans = bare_page_number_spans(raw)
    assert [raw[a:b] for a, b in spans] == ["1", "2", "3", "4"]
    cell = raw.index("\n3\n") + 1
    assert cell not in [a for a, _ in spans]  # the page's `3`, not the cell's
