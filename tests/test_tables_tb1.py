"""Tables as real crawls carry them (task TB1): one cell a line, HTML ``<table>``, Word tables, PDF tables.

The rules here are conventions of official documents' tables, each with constructed examples and negatives; the
fixture set ``tests/fixtures/tablefmt`` (three constructed documents in four formats, gold written before polex ran
on them) is scored in ``test_tablefmt_floors``.
"""

from __future__ import annotations

from normalizers import normalize
from normalizers.page_furniture import bare_page_number_spans

FILLER = "推动制造业数字化转型，提升企业生产效率和产品质量，加快构建现代产业体系，"  # 38 characters


def _pages(*numbers: int) -> str:
    """Prose pages, each followed by its bare page number on a line of its own (a PDF's text)."""
    return "".join(f"{FILLER * 10}\n{n}\n" for n in numbers)


# ---------------------------------------------------------------------------------------------- page numbers
def test_a_run_of_bare_page_numbers_between_prose_is_still_dropped():
    raw = _pages(3, 4, 5, 6)
    assert [raw[a:b] for a, b in bare_page_number_spans(raw)] == ["3", "4", "5", "6"]
    assert "\n4\n" not in normalize(raw).text


def test_number_cells_of_a_one_cell_a_line_table_stay():
    """A project table exported one cell a line: its sums and row numbers chain into n, n+1, n+2 a page apart by
    chance; beside a number cell (`2021-2025`, `240`) a number line is a cell, not a page number."""
    row = "某河道综合治理工程\n新建\n" + "新建堤防及护岸工程，配套建设排涝闸站，" * 18 + "\n某区\n2021-2025\n{}\n{}\n"
    raw = "序号\n项目名称\n" + "".join(row.format(n, n + 30) for n in (12, 13, 14, 15))
    assert bare_page_number_spans(raw) == []
    text = normalize(raw).text
    assert all(f"\n{n}\n" in text for n in (12, 13, 14, 15))


def test_a_document_with_gb9704_page_numbers_has_no_bare_ones():
    raw = _pages(3, 4, 5) + "— 6 —\n"
    assert bare_page_number_spans(raw) == []
    assert "\n4\n" in normalize(raw).text  # a number line such a document holds is its content (a table's cell)


def test_the_page_number_after_an_empty_page_is_still_a_page_number():
    """`2` then `3` on consecutive lines (an empty page, corpus-real 0048): `3` is `2`'s next page, not a cell
    beside it, and the run 3, 4, 5 goes on as before."""
    raw = f"{FILLER * 10}\n2\n3\n{FILLER * 10}\n4\n{FILLER * 10}\n5\n"
    assert [raw[a:b] for a, b in bare_page_number_spans(raw)] == ["3", "4", "5"]


def test_a_number_line_in_prose_stays_prose():
    raw = f"{FILLER}\n2025\n{FILLER}"
    assert bare_page_number_spans(raw) == []
    assert "2025" in normalize(raw).text
