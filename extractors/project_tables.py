"""Project tables exported one cell a line (the 重点项目表 of a 规划 or 实施方案, taken from a PDF or a Word table).

    序号 / 项目名称 / 建设性质 / 建设内容与规模 / 建设地点 / 项目起止 / 总投资 / （万元） / "十四五" / 投资（万元）
    1 / 某河清淤工程 / 新建 / 清淤河段长约2600米 / 某区 / 2021-2022 / 240 / 240

Official texts write a column's money unit once, in its head (`总投资（万元）`), and a project's years as a bare range
(`2021-2022`) under a head such as `项目起止` or `建设年限`. When the table is exported one cell a line, a header
block (from its `序号` line: short lines, one a cell or a part of one) that names a years column and, after it, one
or more money columns tells how every row ends: its years cell, then one sum cell per money column (`/` or `-` when
none is written). Rows are found by that ending, not by counting cells (merged content cells are written once, on
the first row that shares them): a years cell (a line that is only a year or a year range, after a place cell)
followed by the sum cells; a 小计/合计 row (its label, then the total's cells, the last ones its sums); a row that
groups sub-rows (its number, its name, its sums). What this module gives:

- every years cell: a deadline `by` its last year (a written year range is `by` its end year, CONVENTIONS DL8);
- every sum cell: an amount, the cell's number times the head's unit;
- the table's body: every other cell states a listed project's content and scale (`新建1座泵站`), its specification
  and not a goal of the plan (the plan's goals are its totals, in its text): targets leave it alone.

The table's body runs from its header to the next header, table or attachment title, numbered section heading or the
end of the text.  (TB1) The money columns may stand before the years column (`总投资（万元） | 年度计划投资（万元） |
建设年限 | 责任单位`): a row's sums are then the cells right before its years cell.  A table whose rows are lines with
tab-separated cells (a Word table, a ruled PDF table) is read by column from its `序号` header row the same way. Offsets are raw-text offsets; the extractors map them to the normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.table_text import compact, folded

# heads of a project's years column; of a money column (its unit in brackets, the head's last line)
_PERIOD_HEAD = re.compile(r"(?:项目|建设|实施)?(?:起止|起止年限|起止时间|年限|期限|周期|起止年份)")
_MONEY_HEAD = re.compile(r"[（(](万元|亿元|元)[）)]$")
_MULTIPLIER = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
_HEADER_CELL_MAX = 16  # a header cell or a part of one is short; the first longer line ends the header
_YEARS = re.compile(r"((?:19|20)\d\d)(?:\s*[-—–~～至]\s*((?:19|20)\d\d))?年?")
_SUM = re.compile(r"\d+(?:\.\d+)?")
_NONE = frozenset({"/", "-", "—", "／", "－"})
_TOTAL = re.compile(r"[小合总]\s*计")
_ROW_NUMBER = re.compile(r"\d{1,3}")
_TITLE = re.compile(r"(?:附表|附件|表)\s*\d|附表|附件")
_HEADING = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]")
_LINE = re.compile(r"[^\r\n]+")

Span = tuple[int, int]


def _number(text: str) -> bool:
    """A number cell (its PDF spacing aside: ``2 4 0``)."""
    return bool(_SUM.fullmatch(compact(text)))


def _years(text: str) -> re.Match | None:
    """A years cell (``2021-2022``, ``2 0 2 1-2 0 2 2``)."""
    return _YEARS.fullmatch(compact(text))


def _row_number(text: str) -> bool:
    return bool(_ROW_NUMBER.fullmatch(compact(text)))


@dataclass
class ProjectTable:
    body: Span
    years: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, last year)
    sums: list[tuple[int, int, float]] = field(default_factory=list)  # (start, end, value in yuan)


def nonblank_lines(raw: str) -> list[tuple[int, str]]:
    """(offset, text) of every non-blank line, the text stripped and the offset where it starts."""
    out = []
    for m in _LINE.finditer(raw):
        text = m.group()
        stripped = text.strip(" \t\u3000\xa0")
        if stripped:
            out.append((m.start() + len(text) - len(text.lstrip(" \t\u3000\xa0")), stripped))
    return out


def _header(lines: list[tuple[int, str]], i: int) -> tuple[int, float, int, bool] | None:
    """At a `序号` line: (money columns after the years column or closing the header, the unit's multiplier, index
    after the header, whether a years column ends each row before its sums)."""
    j = i + 1
    while j < len(lines) and len(compact(lines[j][1])) <= _HEADER_CELL_MAX and not _number(lines[j][1]):
        j += 1
    cells = [t for _, t in lines[i + 1 : j]]
    period = next((k for k, t in enumerate(cells) if _PERIOD_HEAD.fullmatch(t)), None)
    if period is None and not (cells and _MONEY_HEAD.search(cells[-1])):
        return None  # neither a years column nor money columns closing the header
    units = [m.group(1) for t in cells[(period or 0) + 1 :] if (m := _MONEY_HEAD.search(t))]
    before = False
    if not units and period is not None:  # (TB1) the money columns stand before the years column
        units, before = [m.group(1) for t in cells[:period] if (m := _MONEY_HEAD.search(t))], True
    if not units or len(set(units)) != 1:
        return None
    return len(units) * (-1 if before else 1), _MULTIPLIER[units[0]], j, period is not None


def _ends_body(lines: list[tuple[int, str]], k: int) -> bool:
    """Does line ``k`` end a table's body: the next header (`序号`), a table or attachment title, or a numbered
    section heading (one that a row number does not follow: `一、河道工程` then `1` is a category row)?"""
    text = lines[k][1]
    if text == "序号" or _TITLE.match(text):
        return True
    following = lines[k + 1][1] if k + 1 < len(lines) else ""
    return bool(_HEADING.match(text)) and not _row_number(following)


def _is_sum(text: str) -> bool:
    return _number(text) or text in _NONE


def _add_sums(table: ProjectTable, cells: list[tuple[int, str]], multiplier: float) -> None:
    for off, text in cells:
        if _number(text):
            table.sums.append((off, off + len(text), round(float(compact(text)) * multiplier, 2)))


def _sums_of(rows: list[tuple[int, str]], i: int, n: int) -> list[tuple[int, str]] | None:
    """The sum cells of the row whose years cell is ``rows[i]``: the ``n`` cells after it, or (``n`` < 0: the money
    columns stand before the years column, TB1) the ``-n`` cells before it, after the row's content cell."""
    if n > 0:
        if not i or _is_sum(rows[i - 1][1]) or _years(rows[i - 1][1]):
            return None  # a years cell follows a place cell
        ending = rows[i + 1 : i + 1 + n]
    else:
        if i + n < 1 or _is_sum(rows[i + n - 1][1]):
            return None  # the sums follow a content cell
        ending = rows[i + n : i]
    return ending if len(ending) == abs(n) and all(_is_sum(t) for _, t in ending) else None


def _read_body(table: ProjectTable, rows: list[tuple[int, str]], n: int, multiplier: float) -> None:
    """The years and sums of the body's rows (module docstring); ``n`` < 0: the sums stand before the years."""
    taken: set[int] = set()
    for i, (off, text) in enumerate(rows):
        years = _years(text)
        if years and (ending := _sums_of(rows, i, n)) is not None:
            table.years.append((off, off + len(text), int(years.group(2) or years.group(1))))
            _add_sums(table, ending, multiplier)
            taken.update(range(i + 1, i + 1 + n) if n > 0 else range(i + n, i))
        elif _TOTAL.fullmatch(text):
            j = i + 1
            while j < len(rows) and _is_sum(rows[j][1]):
                j += 1
            _add_sums(table, rows[max(i + 1, j - abs(n)) : j], multiplier)
            taken.update(range(i + 1, j))
    n = abs(n)
    for i, (_, text) in enumerate(rows[: -n - 1] if n + 1 < len(rows) else []):
        name, ending = rows[i + 1][1], rows[i + 2 : i + 2 + n]
        if (
            _row_number(text)
            and not _is_sum(name)
            and not _TOTAL.fullmatch(name)
            and i + 2 not in taken
            and all(_number(t) for _, t in ending)
        ):
            _add_sums(table, ending, multiplier)
            taken.update(range(i + 2, i + 2 + n))
    table.sums.sort()


def _read_runs(table: ProjectTable, rows: list[tuple[int, str]], n: int, multiplier: float) -> None:
    """A summary table without years (`序号 | 项目类别 | 单位 | 数量 | 总投资（万元） | …投资（万元）`): every run of
    number cells ends its row with the sums, unless the run's last cell is the next row's number (a name follows)."""
    i = 0
    while i < len(rows):
        if not _number(rows[i][1]):
            i += 1
            continue
        j = i
        while j < len(rows) and _number(rows[j][1]):
            j += 1
        end = j
        if j < len(rows) and not _TOTAL.fullmatch(rows[j][1]) and end - i > n and _row_number(rows[j - 1][1]):
            end -= 1  # the next row's number
        if end - i >= n:
            _add_sums(table, rows[end - n : end], multiplier)
        i = j
    table.sums.sort()


_TAB_ROW = re.compile(r"[^\r\n]*\t[^\r\n]*")


def _tab_cells(raw: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, text) of every cell of the tab row ``raw[start:end]``, each stripped, empty ones included."""
    out, pos = [], start
    for piece in raw[start:end].split("\t"):
        stripped = piece.strip(" \u3000\xa0\r")
        out.append((pos + len(piece) - len(piece.lstrip(" \u3000\xa0\r")), stripped))
        pos += len(piece) + 1
    return out


def _tab_table(raw: str, head: re.Match) -> ProjectTable | None:
    """(TB1) A project table whose rows are lines, its cells split by tabs (a Word table, a ruled PDF table, an HTML
    table kept a row a line): the header row names the years column and the money columns, every row is read by
    column (a merged cell is an empty cell there, so the columns stay aligned)."""
    names = [t for _, t in _tab_cells(raw, head.start(), head.end())]
    if not names or names[0] != "序号":
        return None
    period = next((k for k, t in enumerate(names) if _PERIOD_HEAD.fullmatch(t)), None)
    money = [(k, m.group(1)) for k, t in enumerate(names) if (m := _MONEY_HEAD.search(t))]
    if not money or len({u for _, u in money}) != 1:
        return None
    multiplier = _MULTIPLIER[money[0][1]]
    table = ProjectTable((head.end(), head.end()))
    pos = head.end() + 1
    while (row := _TAB_ROW.match(raw, pos)) is not None and row.end() > row.start():
        cells = _tab_cells(raw, row.start(), row.end())
        if period is not None and period < len(cells) and (years := _years(cells[period][1])):
            off, text = cells[period]
            table.years.append((off, off + len(text), int(years.group(2) or years.group(1))))
        _add_sums(table, [cells[k] for k, _ in money if k < len(cells)], multiplier)
        table.body = (head.end(), row.end())
        pos = row.end() + 1
    return table if table.sums or table.years else None


@lru_cache(maxsize=4)
def project_tables(raw: str) -> tuple[ProjectTable, ...]:
    """Every project table of the raw text (module docstring), read in its normalised characters (full-width
    digits, traditional characters, either bracket width: ``extractors/table_text.py``) at raw offsets."""
    raw = folded(raw)
    if "序号" not in raw or ("元）" not in raw and "元)" not in raw):
        return ()
    tabbed = [t for m in re.finditer(r"(?m)^[ \u3000]*序号\t[^\r\n]*", raw) if (t := _tab_table(raw, m))]
    lines = nonblank_lines(raw)
    tables = tabbed
    i = 0
    while i < len(lines):
        found = _header(lines, i) if lines[i][1] == "序号" else None
        if found is None:
            i += 1
            continue
        n, multiplier, j, has_years = found
        k = j
        while k < len(lines) and not _ends_body(lines, k):
            k += 1
        body_end = lines[k][0] if k < len(lines) else len(raw)
        table = ProjectTable((lines[j][0] if j < len(lines) else len(raw), body_end))
        (_read_body if has_years else _read_runs)(table, lines[j:k], n, multiplier)
        tables.append(table)
        i = k
    return tuple(sorted(tables, key=lambda t: t.body))
