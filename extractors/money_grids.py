"""Statistics tables exported one cell a line whose head carries the money unit, without a `序号` column.

    项目类型 / 项目个数（项） / 投资规模 / （亿元） / 占总投资比例      (the head: one line a cell, or a cell's last part)
    合计 / 191 / 10.581 / 1                                        (a row: its label, then one number per column)
    交  通 / 40 / 0.7828 / 0.074

    分年度投资计划（万元） / 年度 / 合  计 / 交通 / 水利             (a caption ending in the unit: every column)
    2016年 / 820 / 775 / 45

Official tables write a money column's unit once, in its head (`投资规模（亿元）`), or once for the whole table at the
end of its caption (`分年度投资计划（万元）`); the cells under it are bare numbers (CONVENTIONS "Lead rulings" 2: each is
an amount, its value from the head's unit, its span the numeral; a 合计/总计 cell too). The head is the run of short
lines around the unit's line that no number line, sentence end or table title interrupts; it ends before the first
row's label (the line before the first number). A row is a label line and then exactly one number cell per column
after the label column; rows run until a line breaks that shape. The project tables with a `序号` column
(`extractors/project_tables.py`) are left to that module. Offsets are raw-text offsets.

(TB2) The same tables kept a row a line, cells split by tabs (a Word table, an HTML table whose row keeps its grid
places, empty cells and the columns a merged cell covers included), are read by column from their head row: a head
cell ending in the unit is a money column, a caption ending in it (the first cell, the only one with a unit) makes every
column after the label column one; a row is a line of as many cells or fewer whose money cells are bare numbers (or
empty), at least one a number; rows run until a line breaks that shape.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.project_tables import nonblank_lines
from extractors.table_text import compact, folded

_UNIT = re.compile(r"[（(](万元|亿元|元)[）)]$")
_BARE_UNIT = re.compile(r"[（(][^（）()]{1,6}[）)]")  # a head cell's last part on its own line: `（亿元）`, `（项）`
_MULTIPLIER = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CELL_MAX = 16  # a head cell is short; a longer line (a table's title, prose) bounds the head
_BOUNDS_HEAD = re.compile(r"[。；;：:]$|表$|^(?:附表|表)\s*\d")

Sum = tuple[int, int, float]


def _number(text: str) -> bool:
    """A number cell (its PDF spacing aside: ``1 0 . 5 8 1``)."""
    return bool(_NUMBER.fullmatch(compact(text)))


def _sum(off: int, cell: str, multiplier: float) -> Sum:
    return off, off + len(cell), round(float(compact(cell)) * multiplier, 2)


def _is_head_line(text: str) -> bool:
    """A head cell: short, no number, no sentence's end and no table's title (`…统计表`, `表2`)."""
    return len(compact(text)) <= _CELL_MAX and not _number(text) and not _BOUNDS_HEAD.search(text)


def _head(lines: list[tuple[int, str]], u: int) -> tuple[list[str], int] | None:
    """The head's cells around the unit's line ``u`` (a bare bracket joined to the cell before it) and the index of
    the first row's label; None without a row after it or with a `序号` column."""
    first = u
    while first > 0 and _is_head_line(lines[first - 1][1]):
        first -= 1
    label = u + 1
    while label < len(lines) and _is_head_line(lines[label][1]):
        label += 1
    label -= 1  # the line before the first number is the first row's label
    if label <= u or label + 1 >= len(lines) or not _number(lines[label + 1][1]):
        return None
    cells: list[str] = []
    for _, text in lines[first:label]:
        if cells and _BARE_UNIT.fullmatch(text):
            cells[-1] += text
        else:
            cells.append(text)
    if "序号" in cells:
        return None
    return cells, label


def _money_columns(cells: list[str], unit: str) -> list[int] | None:
    """Indices, among a row's number cells, of the columns in ``unit``: all of them when the head opens with a
    caption ending in it, else those whose head ends in it (None when another money unit is written too)."""
    units = [m.group(1) if (m := _UNIT.search(c)) else None for c in cells]
    if {u for u in units if u} != {unit}:
        return None
    if units[0] and not any(units[1:]):
        return list(range(len(cells) - 2))  # the caption, then the label column and the number columns
    return [k - 1 for k, u in enumerate(units) if u and k > 0]


def _rows(lines: list[tuple[int, str]], label: int, width: int) -> list[list[tuple[int, str]]]:
    """The rows from the first row's label: a label line and exactly ``width`` number lines, while the shape holds."""
    rows = []
    i = label
    while i + width < len(lines):
        numbers = lines[i + 1 : i + 1 + width]
        after = lines[i + 1 + width][1] if i + 1 + width < len(lines) else ""
        if _number(lines[i][1]) or not all(_number(t) for _, t in numbers):
            break
        if _number(after):
            break  # more numbers than columns: not this table's row
        rows.append(numbers)
        i += 1 + width
    return rows


_TAB_LINE = re.compile(r"[^\r\n]*\t[^\r\n]*")


def _tab_cells(raw: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, text) of every cell of the tab row ``raw[start:end]``, each stripped, empty ones included."""
    cells, pos = [], start
    for piece in raw[start:end].split("\t"):
        lead = len(piece) - len(piece.lstrip(" \u3000\xa0"))
        cells.append((pos + lead, piece.strip(" \u3000\xa0")))
        pos += len(piece) + 1
    return cells


def _tab_money_columns(head: list[str]) -> tuple[list[int], str] | None:
    """The money columns of a tab head row and their unit; None unless one money unit is written, or with 序号."""
    units = [m.group(1) if len(c) <= _CELL_MAX and (m := _UNIT.search(c)) else None for c in head]
    if len({u for u in units if u}) != 1 or "序号" in head:
        return None
    unit = next(u for u in units if u)
    if units[0] and not any(units[1:]):
        return list(range(2, len(head))), unit  # a caption: every column after the label column
    return [k for k, u in enumerate(units) if u and k > 0], unit


def _tab_sums(raw: str) -> list[Sum]:
    sums: list[Sum] = []
    lines = list(_TAB_LINE.finditer(raw))
    i = 0
    while i < len(lines):
        head = [t for _, t in _tab_cells(raw, lines[i].start(), lines[i].end())]
        found = _tab_money_columns(head) if "元" in lines[i].group() else None
        i += 1
        if found is None or not found[0]:
            continue
        columns, unit = found
        while i < len(lines) and raw.count("\n", lines[i - 1].end(), lines[i].start()) == 1:
            cells = _tab_cells(raw, lines[i].start(), lines[i].end())
            money = [cells[k] for k in columns if k < len(cells) and cells[k][1]]
            if len(cells) > len(head) or not money or not all(_number(t) for _, t in money):
                break
            sums += [_sum(off, t, _MULTIPLIER[unit]) for off, t in money]
            i += 1
    return sums


@lru_cache(maxsize=4)
def money_grid_sums(raw: str) -> tuple[Sum, ...]:
    """Every money cell of the text's statistics tables (module docstring): (start, end, value in yuan), read in
    its normalised characters (full-width digits, traditional characters: ``extractors/table_text.py``)."""
    raw = folded(raw)
    if "元）" not in raw and "元)" not in raw:
        return ()
    lines = nonblank_lines(raw)
    sums: list[Sum] = []
    for u, (_, text) in enumerate(lines):
        m = _UNIT.search(text)
        found = _head(lines, u) if m and len(text) <= _CELL_MAX else None
        if found is None:
            continue
        cells, label = found
        caption = bool(_UNIT.search(cells[0])) and not any(_UNIT.search(c) for c in cells[1:])
        width = len(cells) - 1 - caption
        columns = _money_columns(cells, m.group(1)) if width > 0 else None
        if not columns:
            continue
        for numbers in _rows(lines, label, width):
            for k in columns:
                off, cell = numbers[k]
                sums.append(_sum(off, cell, _MULTIPLIER[m.group(1)]))
    return tuple(sorted(set(sums + _tab_sums(raw))))
