"""Responsibility tables: a header row names the columns (牵头单位, 配合单位 ...),
every following row holds one task with its units in those columns.

Rows are lines whose cells are separated by tabs (how pipeline.html_text
renders ``<td>``) or by ``|`` (markdown tables).  Yields the span of every
cell under a responsibility column with that column's header text.
"""

from __future__ import annotations

from typing import Callable, Iterator

import regex

LINE_WITH_CELLS = regex.compile(r"(?m)^[^\n]*[\t|][^\n]*$")
CELL = regex.compile(r"[^\t|\r\n]+")
_CELL_PADDING = " *\u3000\r\xa0"


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for m in CELL.finditer(text, start, end):
        cell = m.group()
        body = cell.strip(_CELL_PADDING)
        if body:
            s = m.start() + len(cell) - len(cell.lstrip(_CELL_PADDING))
            spans.append((s, s + len(body)))
    return spans


def table_cells(text: str, header_role: Callable[[str], str | None]) -> Iterator[tuple[int, int, str]]:
    """(cell_start, cell_end, role) for each responsibility cell of each table.

    ``header_role`` maps a header cell's text to a role, or None for other
    columns.  A table ends at the first line without cell separators.
    """
    if "\t" not in text and "|" not in text:
        return
    columns: dict[int, str] | None = None  # cell index -> role, while inside a table
    last_end = -1
    for line in LINE_WITH_CELLS.finditer(text):
        cells = _cells(text, line.start(), line.end())
        # A gap of other lines (or a blank one) ends the table.
        contiguous = line.start() == last_end + 1
        last_end = line.end()
        if columns is not None and not contiguous:
            columns = None
        header = {i: header_role(text[s:e]) for i, (s, e) in enumerate(cells)}
        header = {i: role for i, role in header.items() if role}
        if header:
            columns = header
            continue
        if columns is None:
            continue
        for i, role in columns.items():
            if i < len(cells):
                yield cells[i][0], cells[i][1], role
