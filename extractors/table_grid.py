"""The table-grid reader shared by the table extractors: a row's cells by separator.

A row is one line of a *layout* text; its cells are separated by tabs (how
``pipeline.reading.html_text`` renders ``<td>``) and/or ``|`` (markdown).  A
cell's span leaves out the padding around its content (spaces, full-width
spaces, no-break spaces, markdown ``*``, a stray ``\\r``); an empty cell is a
zero-length span where its content would start, so the columns stay aligned.

Used by ``org_tables`` (responsibility tables: tabs, else ``|``) and
``target_tables`` (indicator tables: tabs and ``|`` alike).  What each adds on
top stays there: org_tables' gap-separated plain-text columns (aligned by
display width) and ``|---|`` rule rows, target_tables' space-separated PDF rows.
"""

from __future__ import annotations

import re
from functools import lru_cache

CELL_PADDING = " *\t\u3000\r\xa0"

Span = tuple[int, int]


@lru_cache(maxsize=8)
def _separator(separators: str) -> re.Pattern:
    return re.compile(f"[{re.escape(separators)}]")


def trim_cell(text: str, start: int, end: int) -> Span:
    """The cell ``text[start:end]`` without its padding (zero-length when it is all padding)."""
    cell = text[start:end]
    start += len(cell) - len(cell.lstrip(CELL_PADDING))
    return start, max(start, start + len(cell.strip(CELL_PADDING)))


def split_cells(text: str, start: int, end: int, separators: str = "\t|") -> list[Span]:
    """Every cell of the row ``text[start:end]``, empty ones included, split at any of ``separators``."""
    bounds = [start, *(m.start() for m in _separator(separators).finditer(text, start, end)), end]
    return [trim_cell(text, a + 1 if i else a, b) for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]
