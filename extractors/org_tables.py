"""Responsibility tables: a header row names the columns (牵头单位, 配合单位 ...),
every following row holds one task with its units in those columns.

Tables are read from a *layout* text whose lines are the table's rows: the raw
text (normalisation joins rows that do not end a sentence into one paragraph),
or any text that kept its lines.  Cells are separated by

- tabs: how pipeline.reading.html_text renders ``<td>``; empty cells stay in place;
- ``|``: markdown tables (the ``|---|`` rule row is skipped);
- column gaps: runs of 2+ spaces / full-width spaces between contents, as a
  plain-text table aligned with ``　``.  Leading indentation is not a gap.

Rows align to the header by cell index when they have as many cells; a
gap-separated row with fewer or more cells (an empty cell leaves no trace)
aligns each cell to the header column starting nearest to it, by display
width (CJK and full-width characters count two columns, ASCII one).

A table runs from its header over the following lines that have cells;
blank lines inside are skipped, any other line ends it.

A scraped page may give a table one cell per line (every ``<td>`` its own
line, no separator left).  Such a table is read from its header, a run of
short lines from ``序号`` to the line before the first row number, over rows
that each start at a line holding the next row number (1, 2, 3 ...): a row with
one line per column aligns by index; with more lines (a long task cell broken
over lines) the columns after the task column align from the row's end; with
fewer (an empty cell leaves no line) from its start.  (TB2) A head cell may
end in its unit in brackets (``2024年计划投资（万元）``).  A two-row header
comes out row after row: ``责任单位`` among the first row's cells, then
``牵头单位``/``配合单位`` under it at the header's end; a run of two or more
unit-kind cells (…单位, …部门) closing the header, after another cell, with an
earlier unit-kind cell followed by a different one, are that cell's sub-columns
and take its place.  A total row (``合计``, ``总计``, ``小计``) is no task: it
ends the row before it, and its lines are skipped up to the next row number.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, NamedTuple

from extractors.table_grid import split_cells, trim_cell

# Any cell separator; a gap needs content on both sides, so indentation is not one.
SEPARATOR = re.compile(r"[\t|]|(?<=[^\s|])[ \u3000\xa0]{2,}(?=[^\s|])")
_GAP = re.compile(r"[ \u3000\xa0]{2,}")
_RULE_ROW = re.compile(r"[\s|:\-－—=]*")
_BLANK_LINES = re.compile(r"[ \t\u3000\xa0\r\n]*")
# The closing block of an official document (版记) ends any table before it.
_CLOSING_BLOCK = re.compile(r"[ \t\u3000\xa0*]*(?:抄送|抄报|主送|印发|联系人|联系电话|附件)")
# How far (display columns) a gap-separated cell may start from its header's column.
MAX_COLUMN_DRIFT = 4

Cell = tuple[int, int, int]  # (start, end, display column of start)
RoleOf = Callable[[int, int], "str | None"]


class TableCell(NamedTuple):
    """A cell under a responsibility column: its span, the column's role, its row's span."""

    start: int
    end: int
    role: str
    row: tuple[int, int]


# What may stand right before a header cell's text: a separator, padding, a line start.
_CELL_START = frozenset("\t| \u3000\xa0\n*")


def _width(text: str) -> int:
    """Display width: plain-text tables are aligned for a CJK font, where every
    non-ASCII character (Han, full-width digit, 　) takes two columns."""
    ascii_count = len(text.encode("ascii", "ignore"))
    return 2 * len(text) - ascii_count


def _trimmed(text: str, start: int, end: int, line_start: int) -> Cell | None:
    s, e = trim_cell(text, start, end)
    return (s, e, _width(text[line_start:s])) if e > s else None


def _split(text: str, start: int, end: int, separator: str) -> list[Cell | None]:
    return [(s, e, _width(text[start:s])) if e > s else None for s, e in split_cells(text, start, end, separator)]


def _cells(text: str, start: int, end: int) -> tuple[list[Cell | None], bool]:
    """The cells of one line (None: an empty cell) and whether they are gap-separated."""
    line = text[start:end]
    if "\t" in line:
        return _split(text, start, end, "\t"), False
    if "|" in line:
        if _RULE_ROW.fullmatch(line):
            return [], False
        cells = _split(text, start, end, "|")
        while cells and cells[0] is None:  # border pipes leave empty first/last cells
            cells.pop(0)
        while cells and cells[-1] is None:
            cells.pop()
        return cells, False
    cells, pos = [], start
    for gap in _GAP.finditer(text, start, end):
        cells.append(_trimmed(text, pos, gap.start(), start))
        pos = gap.end()
    cells.append(_trimmed(text, pos, end, start))
    return [c for c in cells if c], True


def _line_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, end if end >= 0 else len(text)


def _aligned(cells: list[Cell | None], header: list[Cell | None]) -> bool:
    """Whether every cell of a gap-separated row starts near a header column."""
    starts = [h[2] for h in header if h]
    return all(min(abs(c[2] - h) for h in starts) <= MAX_COLUMN_DRIFT for c in cells if c)


def _align(cells: list[Cell | None], header: list[Cell | None], by_position: bool) -> Iterator[tuple[int, Cell]]:
    """(header column index, cell) for every non-empty cell of a row."""
    if not by_position or len(cells) == len(header):
        for i, cell in enumerate(cells):
            if cell and i < len(header):
                yield i, cell
        return
    columns = [(h[2], i) for i, h in enumerate(header) if h]
    for cell in cells:
        if cell:
            yield min(columns, key=lambda col: abs(col[0] - cell[2]))[1], cell


def _header(text: str, start: int, end: int, header_role: RoleOf):
    """(cells, roles by column, gap-separated) when the line is a header naming a responsibility column."""
    if text.find("\t", start, end) < 0 and text.find("|", start, end) < 0 and not _GAP.search(text, start, end):
        return None  # no separator: one cell at most (most hint lines are sentences that name a unit)
    cells, gaps = _cells(text, start, end)
    if len(cells) < 2:
        return None
    roles = {i: header_role(c[0], c[1]) for i, c in enumerate(cells) if c}
    roles = {i: role for i, role in roles.items() if role}
    return (cells, roles, gaps) if roles else None


def _rows(text: str, pos: int, header, header_role: RoleOf) -> Iterator[TableCell]:
    """Cells under the responsibility columns of the rows from ``pos`` on, to the table's end."""
    columns, roles, by_position = header
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        start, pos = pos, end + 1
        if _BLANK_LINES.fullmatch(text, start, end) or _RULE_ROW.fullmatch(text, start, end):
            continue
        if _CLOSING_BLOCK.match(text, start, end) or not SEPARATOR.search(text, start, end):
            return
        next_header = _header(text, start, end, header_role)
        if next_header:  # a new header (a second table, or a repeated header after a page break)
            columns, roles, by_position = next_header
            continue
        cells, gaps = _cells(text, start, end)
        if len(cells) < 2 or gaps and len(cells) != len(columns) and not _aligned(cells, columns):
            return  # text that merely has wide spaces, not a row of this table
        for i, (s, e, _) in _align(cells, columns, by_position or gaps):
            if i in roles:
                yield TableCell(s, e, roles[i], (start, end))


# ---------------------------------------------------------------- one cell per line
_ROW_NUMBER_HEADER = re.compile(r"[ \t\u3000\xa0*]*(?:序号|编号|序|No\.?)[ \t\u3000\xa0*]*")
_ROW_NUMBER = re.compile(r"[ \t\u3000\xa0*]*(\d{1,3})[.、．]?[ \t\u3000\xa0*]*")
# A header cell on its own line: a few characters, no sentence punctuation.
_SHORT_CELL = re.compile(r"[ \t\u3000\xa0*]*[^\s，。；：,;:、]{1,12}(?:[（(][^\s（）()]{1,6}[）)])?[ \t\u3000\xa0*]*")
# A unit-kind head cell (责任单位, 牵头单位, 配合部门): a two-row header's group cell or one of its sub-columns.
_UNIT_KIND_HEAD = re.compile(r"[^\s]{0,8}(?:单位|部门|处室|科室|机构)")
_SUB_ROLE = re.compile(r"牵头|配合|协办|主办|参与|协助")
_TOTAL_ROW = re.compile(
    r"[ \t\u3000\xa0*]*(?:合[ \u3000\xa0]*计|总[ \u3000\xa0]*计|小[ \u3000\xa0]*计)[ \t\u3000\xa0*]*"
)
MAX_VERTICAL_COLUMNS = 8


def _lines_from(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The non-blank lines from ``pos`` on, as (start, end)."""
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        if not _BLANK_LINES.fullmatch(text, pos, end):
            yield pos, end
        pos = end + 1


def _lines_before(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The non-blank lines before the line starting at ``pos``, nearest first."""
    end = pos - 1
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        if not _BLANK_LINES.fullmatch(text, start, end):
            yield start, end
        end = start - 1


def _vertical_header(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int] | None:
    """The header cells (one per line) around the lone header line ``start..end``,
    and where its first row starts; None unless it runs from 序号 to a row number 1."""
    above: list[tuple[int, int]] = []
    for line in _lines_before(text, start):
        if len(above) >= MAX_VERTICAL_COLUMNS or not _SHORT_CELL.fullmatch(text, *line):
            return None
        above.insert(0, line)
        if _ROW_NUMBER_HEADER.fullmatch(text, *line):
            break
    else:
        return None
    below: list[tuple[int, int]] = []
    for line in _lines_from(text, end + 1):
        number = _ROW_NUMBER.fullmatch(text, *line)
        if number:
            return (above + [(start, end)] + below, line[0]) if number.group(1) == "1" else None
        if len(above) + len(below) >= MAX_VERTICAL_COLUMNS or not _SHORT_CELL.fullmatch(text, *line):
            return None
        below.append(line)
    return None


# What ends a one-cell-per-line table: a heading, the closing block, a paragraph of prose.
_AFTER_TABLE = re.compile(
    r"[ \t\u3000\xa0*]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章节条])"
)
MAX_CELL_LINE = 60  # a cell line longer than this that ends a sentence is prose after the table


def _ends_table(text: str, start: int, end: int) -> bool:
    return (
        _AFTER_TABLE.match(text, start, end) is not None
        or _CLOSING_BLOCK.match(text, start, end) is not None
        or (end - start > MAX_CELL_LINE and text[end - 1] in "。；")
    )


def _vertical_rows(text: str, pos: int, columns: int) -> Iterator[list[tuple[int, int]]]:
    """The rows from ``pos``: each the lines from its row number up to the next number (or a total row)."""
    row: list[tuple[int, int]] = []
    expected = 1
    total = False  # inside a total row: its lines are no task's
    for line in _lines_from(text, pos):
        number = _ROW_NUMBER.fullmatch(text, *line)
        if number and int(number.group(1)) == expected:
            if row:
                yield row
            row, expected, total = [line], expected + 1, False
            continue
        if _ends_table(text, *line) or len(row) > 3 * columns:
            break
        if _TOTAL_ROW.fullmatch(text, *line):
            if row:
                yield row
            row, total = [], True
        elif not total:
            row.append(line)
    if row:
        yield row


def _two_row_header(text: str, header: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The header's columns, a two-row header's sub-columns in their group cell's place (module docstring)."""
    kinds = [_UNIT_KIND_HEAD.fullmatch(text, *trim_line(text, *line)) is not None for line in header]
    subs = len(kinds)
    while subs > 0 and kinds[subs - 1]:
        subs -= 1
    if len(kinds) - subs < 2 or subs == 0:
        return header
    group = next((i for i in range(subs - 1) if kinds[i] and not kinds[i + 1]), None)
    if group is None or _SUB_ROLE.search(text, *header[group]):  # a group cell names no role of its sub-columns
        return header
    return header[:group] + header[subs:] + header[group + 1 : subs]


def _vertical_align(cells: list[tuple[int, int]], columns: int) -> list[tuple[int, tuple[int, int]]]:
    """(column, cell) for the cells of a row (its row-number line first)."""
    if len(cells) <= columns:
        return list(enumerate(cells))  # as many or fewer: from the start
    extra = len(cells) - columns  # a task cell broken over lines: the columns after it from the end
    return [(0, cells[0])] + [(i - extra, cell) for i, cell in enumerate(cells) if i - extra >= 2]


def _vertical_table(text: str, start: int, end: int, header_role: RoleOf) -> Iterator[TableCell]:
    found = _vertical_header(text, start, end)
    if found is None:
        return
    header, rows_from = found
    header = _two_row_header(text, header)
    roles = {i: role for i, line in enumerate(header) if (role := header_role(*trim_line(text, *line)))}
    for row in _vertical_rows(text, rows_from, len(header)):
        span = (row[0][0], row[-1][1])
        for i, (s, e) in _vertical_align(row, len(header)):
            if i in roles:
                yield TableCell(*trim_line(text, s, e), roles[i], span)


def trim_line(text: str, start: int, end: int) -> tuple[int, int]:
    cell = _trimmed(text, start, end, start)
    return (cell[0], cell[1]) if cell else (start, start)


def table_cells(text: str, header_role: RoleOf, header_hint: re.Pattern) -> Iterator[TableCell]:
    """Each responsibility cell of each table in ``text``, with its column's role and its row.

    ``header_hint`` finds the words a responsibility column header holds
    (``牵头``, ``责任``); the line around each hit is tried as a header once,
    so the text is scanned once with that pattern.  ``header_role(start, end)``
    maps a header cell's span to a role, or None for other columns.
    """
    pos = 0
    for hint in header_hint.finditer(text):
        at = hint.start()
        if at < pos:
            continue
        start, end = _line_at(text, at)
        pos = end
        header = _header(text, start, end, header_role)
        if header:
            yield from _rows(text, end + 1, header, header_role)
        elif _SHORT_CELL.fullmatch(text, start, end) and header_role(*trim_line(text, start, end)):
            yield from _vertical_table(text, start, end, header_role)
