"""Targets written as an indicator table (主要指标表 of a 规划 or 行动计划).

    指标名称 | 单位 | 2022年 | 2025年目标 | 属性
    规上工业增加值 | 亿元 | 1000 | 1500 | 预期性

A header row names an 指标 column and one or more year / 目标 columns; the
target column is the one with the latest year (else the one saying 目标), the
earlier years are baselines.  Every following row with a number in the target
column is one target: span from the indicator cell to the end of the value (GUIDE:
from the indicator to the quantity), unit from a 单位 column, the value cell or a
bracket in the indicator (``研发投入强度（%）``), deadline year from the header.

Rows are lines whose cells are separated by tabs (how pipeline.reading.html_text renders
``<td>``) or ``|`` (markdown); a line without separators ends the table.  Text
taken from a PDF separates cells by spaces (``序号 指标 2022年 2025年``): a header
line naming 指标 and a year, then every following line with as many
space-separated cells; any other line ends such a table.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from extractors.table_grid import split_cells
from extractors.table_text import folded, same_text
from pipeline.core.numerals import ARABIC_RE, RANGE_SEP_RE, parse_range

_ROW = re.compile(r"(?m)^[^\n]*[\t|][^\n]*$")
_PAD = " \u3000\xa0*\r"
_INDICATOR_HEADER = re.compile(r"指标")
_UNIT_HEADER = re.compile(r"^(?:计量)?单位$")
_YEAR = re.compile(r"((?:19|20)\d{2})年?")
_TARGET_HEADER = re.compile(r"目标|预期")
# brackets at the end of an indicator or header name the unit: 研发投入强度（%）
_BRACKET_UNIT = re.compile(r"[（(]([^（）()]{1,6})[）)]\s*$")
# a value in square brackets is a 规划 table's cumulative total over the plan period (城镇新增就业 | [5]): the value
_VALUE = re.compile(
    rf"""^(?P<pre>≥|≧|>=|＞=|>|＞|≤|≦|<=|<|＜|不低于|不少于|超过|达到|约|控制在)?\s*[\[［【]?\s*
    (?P<num>(?:{ARABIC_RE})(?:\s*{RANGE_SEP_RE}\s*(?:{ARABIC_RE}))?)\s*[\]］】]?\s*
    (?P<unit>%|％|‰|[^\d\s以左约<>≤≥]{{0,6}}?)\s*
    (?P<qual>以上|以下|以内|左右)?\s*$""",
    re.X,
)
_PRE_COMPARATOR = {
    "≥": ">=",
    "≧": ">=",
    ">=": ">=",
    "＞=": ">=",
    "不低于": ">=",
    "不少于": ">=",
    "达到": ">=",
    ">": ">",
    "＞": ">",
    "超过": ">",
    "≤": "<=",
    "≦": "<=",
    "<=": "<=",
    "<": "<",
    "＜": "<",
    "控制在": "<=",
    "约": "~",
}
_QUAL_COMPARATOR = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}

# (TB1) A value cell of several values, one per class of its subjects (`重点城市≥30` / `一般城市≥15`, `地级城市≥90
# 县城≥70`): each a target, its class in the indicator (`重点城市市政排水管网智能化监测率`). A class value is a class
# word of Han characters, a comparator sign and the number; a cell is read so only when two such values cover it
# (Word and HTML join the cell's lines by a space, a PDF by nothing; a one-cell-a-line export writes them a line each).
_CLASS_VALUE = re.compile(
    rf"(?P<cls>[\u4e00-\u9fff]{{1,10}}?)\s*(?P<pre>≥|≧|>=|＞=|>|＞|≤|≦|<=|<|＜)\s*(?P<num>{ARABIC_RE})\s*(?P<unit>%|％)?"
)
_CLASS_SEPARATOR = re.compile(r"[\s、，,；;]*")


def class_values(text: str, start: int = 0) -> list[re.Match]:
    """The class values covering ``text`` from ``start`` (above), none when anything else is in it."""
    out: list[re.Match] = []
    pos = start
    while pos < len(text):
        m = _CLASS_VALUE.match(text, pos)
        if m is None:
            return []
        out.append(m)
        pos = _CLASS_SEPARATOR.match(text, m.end()).end()
    return out


def _class_target(m: re.Match, indicator: str, unit: str | None, start: int, year: int | None) -> dict[str, Any]:
    return {
        "norm_start": start,
        "norm_end": m.end(),
        "indicator": (m.group("cls") + indicator).strip(_PAD),
        "value": float(m.group("num").replace(",", "")),
        "value_max": None,
        "unit": "%" if (m.group("unit") or unit) in ("％", "%") else (m.group("unit") or unit),
        "comparator": _PRE_COMPARATOR[m.group("pre")],
        "deadline_year": year,
        "recurring": "annual" if "年均" in indicator else None,
    }


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every cell of a row, empty ones included (an empty 单位 cell keeps the columns aligned)."""
    return split_cells(text, start, end, "\t|")


class _Header:
    """Column roles of an indicator table's header row."""

    def __init__(self, indicator: int, target: int, unit: int | None, year: int | None, header_unit: str | None):
        self.indicator = indicator
        self.target = target
        self.unit = unit
        self.year = year
        self.header_unit = header_unit  # 2025年目标（亿元）: one unit for the whole column


def _header(text: str, cells: list[tuple[int, int]], doc_year: int | None) -> _Header | None:
    names = [text[a:b] for a, b in cells]
    if sum(1 for n in names if n) < 2:
        return None
    indicator = next((i for i, n in enumerate(names) if _INDICATOR_HEADER.search(n) and not _YEAR.search(n)), None)
    if indicator is None:
        return None
    unit = next((i for i, n in enumerate(names) if _UNIT_HEADER.match(n)), None)
    years = [(int(m.group(1)), i) for i, n in enumerate(names) if i != indicator and (m := _YEAR.search(n))]
    if years:
        year, target = max(years)
        if not _TARGET_HEADER.search(names[target]) and doc_year is not None and year <= doc_year:
            return None  # the latest year is past and no column says 目标: a table of present values
    else:
        target = next((i for i, n in enumerate(names) if i != indicator and _TARGET_HEADER.search(n)), None)
        if target is None:
            return None
        year = None
    bracket = _BRACKET_UNIT.search(names[target])
    return _Header(indicator, target, unit, year, bracket.group(1) if bracket else None)


def _indicator_unit(
    text: str, cells: list[tuple[int, int]], header: _Header, ind_start: int, ind_end: int, unit: str | None
) -> tuple[str, str | None]:
    """A row's indicator cell and its unit: ``unit`` as written with the value, else the unit column's cell, else a
    unit in brackets closing the indicator (cut from it), else the value column's header unit."""
    indicator = text[ind_start:ind_end]
    if unit is None and header.unit is not None and header.unit < len(cells):
        a, b = cells[header.unit]
        unit = text[a:b] if text[a:b] not in ("-", "—", "/") else None
    bracket = _BRACKET_UNIT.search(indicator)
    if bracket is not None:
        indicator = indicator[: bracket.start()].rstrip()
        unit = unit or bracket.group(1)
    return indicator, unit or header.header_unit


def _row_target(text: str, cells: list[tuple[int, int]], header: _Header) -> dict[str, Any] | None:
    if max(header.indicator, header.target) >= len(cells):
        return None
    ind_start, ind_end = cells[header.indicator]
    val_start, val_end = cells[header.target]
    if val_start <= ind_end:
        return None
    m = _VALUE.match(text[val_start:val_end])
    if m is None:
        return None
    try:
        value, value_max = parse_range(re.sub(r"\s+", "", m.group("num")))
    except ValueError:
        return None
    indicator, unit = _indicator_unit(text, cells, header, ind_start, ind_end, m.group("unit") or None)
    if unit == "％":
        unit = "%"
    comparator = "="
    if m.group("qual"):
        comparator = _QUAL_COMPARATOR[m.group("qual")]
    elif m.group("pre"):
        comparator = _PRE_COMPARATOR[m.group("pre")]
    return {
        "norm_start": ind_start,
        "norm_end": val_end,
        "indicator": indicator.strip(_PAD) or None,
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "comparator": comparator,
        "deadline_year": header.year,
        "recurring": "annual" if "年均" in indicator else None,
    }


_SPACED_HEADER = re.compile(r"(?m)^[^\n\t|]{0,12}指标[^\n\t|]*?(?:19|20)\d{2}[^\n\t|]*$")
_SPACED_CELL = re.compile(r"[^\s\u3000\xa0]+")
_LINE = re.compile(r"[^\n]*")


def _spaced_headers(raw: str) -> Iterator[re.Match]:
    """``_SPACED_HEADER.finditer(raw)``, tried only at the start of each line holding 指标: a
    match is one whole line, and a ``(?m)^`` pattern would be entered at every position."""
    at = raw.find("指标")
    while at >= 0:
        line_start = raw.rfind("\n", 0, at) + 1
        line_end = raw.find("\n", at)
        head = _SPACED_HEADER.match(raw, line_start)
        if head is not None:
            yield head
        if line_end < 0:
            return
        at = raw.find("指标", line_end)


def spaced_table_targets(norm: Any, doc_year: int | None = None) -> Iterator[tuple[dict[str, Any], int, int]]:
    """Indicator tables of PDF text, cells separated by spaces (module docstring).

    Normalisation removes the spaces between CJK and digits (``…（%） 52 80`` becomes
    ``…（%）52 80``), so cells are found in ``norm.raw_text`` and mapped to norm_text
    (``norm`` is a pipeline.core.document.NormalizedText); (row, line_start, line_end) in norm offsets.
    """
    raw, text = norm.raw_text, norm.text
    if "指标" not in raw:
        return

    def cells_of(start: int, end: int) -> list[tuple[int, int]]:
        return [norm.to_norm(*m.span()) for m in _SPACED_CELL.finditer(raw, start, end)]

    for head in _spaced_headers(raw):
        raw_cells = _SPACED_CELL.findall(raw, head.start(), head.end())
        header = _header(text, cells_of(head.start(), head.end()), doc_year) if len(raw_cells) >= 3 else None
        if header is None:
            continue
        pos = head.end() + 1
        while pos < len(raw):
            line = _LINE.match(raw, pos)
            row_cells = cells_of(line.start(), line.end())
            if len(row_cells) != len(raw_cells):
                break
            row = _row_target(text, row_cells, header)
            if row is None:
                break
            yield row, row_cells[0][0], row_cells[-1][1]
            pos = line.end() + 1


def table_targets(text: str, doc_year: int | None = None) -> Iterator[tuple[dict[str, Any], int, int]]:
    """(row, line_start, line_end) for every target of every indicator table in ``text``."""
    if "\t" not in text and "|" not in text:
        return
    header: _Header | None = None
    last_end = -1
    for line in _ROW.finditer(text):
        if line.start() != last_end + 1:
            header = None  # a line without cells (or a blank one) ended the table
        last_end = line.end()
        cells = _cells(text, line.start(), line.end())
        found = _header(text, cells, doc_year)
        if found is not None:
            header = found
            continue
        if header is None:
            continue
        row = _row_target(text, cells, header)
        if row is not None:
            yield row, line.start(), line.end()
        else:
            for row in _class_row_targets(text, cells, header):
                yield row, line.start(), line.end()


def _class_row_targets(text: str, cells: list[tuple[int, int]], header: _Header) -> Iterator[dict[str, Any]]:
    """A row whose target cell holds class values: one target each, the first spanned from the indicator cell."""
    if max(header.indicator, header.target) >= len(cells):
        return
    (ind_start, ind_end), (val_start, val_end) = cells[header.indicator], cells[header.target]
    values = class_values(text[:val_end], val_start) if val_start > ind_end else []
    if len(values) < 2:
        return
    indicator, unit = _indicator_unit(text, cells, header, ind_start, ind_end, None)
    for k, m in enumerate(values):
        yield _class_target(m, indicator, unit, ind_start if k == 0 else m.start(), header.year)


# (BL31) An indicator table exported one cell a line (a 规划's 主要指标表 from a PDF): its header block from `序号` to
# the first row number names an 指标 column, value columns and, last, the 指标属性 column; every row ends at its
# 属性 cell (`约束性`/`预期性`, how a 规划 marks each indicator), so rows are read by that ending, not by counting
# cells (a merged 类别 cell is written once, on the first row it covers, and may be split over lines): the cells
# before it are the values, one a value column, after the indicator cell (and its 单位 cell, where the header has one).
_ATTRIBUTE = frozenset({"约束性", "预期性"})
_LINE_HEADER_MAX = 12
_VALUE_COLUMN = re.compile(r"目标|任务|计划|预期|(?:19|20)\d{2}年?")
_PRESENT_COLUMN = re.compile(r"现状|基期|基数|完成|实际")


def _header_lines(lines: list[tuple[int, int, str]], i: int) -> tuple[list[str], int] | None:
    """The header's cells from the `序号` line ``i`` to the first row number, and the index of that number."""
    j = i + 1
    while j < len(lines) and lines[j][2] != "1" and len(lines[j][2]) <= _LINE_HEADER_MAX:
        j += 1
    if j >= len(lines) or lines[j][2] != "1":
        return None
    return [t for _, _, t in lines[i + 1 : j]], j


class _LineHeader:
    def __init__(self, columns: list[tuple[bool, int | None]], unit: bool):
        self.columns = columns  # per value column: (a target column, its year)
        self.unit = unit


def _line_header(names: list[str], doc_year: int | None) -> _LineHeader | None:
    if not any("属性" in n for n in names):
        return None
    indicator = next((k for k, n in enumerate(names) if _INDICATOR_HEADER.search(n) and "属性" not in n), None)
    if indicator is None:
        return None
    unit = any(_UNIT_HEADER.match(n) for n in names[indicator + 1 :])
    heads = []
    for n in names[indicator + 1 :]:
        if "属性" in n or n == "指标":
            break  # the 指标属性 column (its head may be split: `指标` / `属性`)
        if not _UNIT_HEADER.match(n) and _VALUE_COLUMN.search(n):
            year = _YEAR.search(n)
            heads.append((n, int(year.group(1)) if year else None))
    latest = max((y for _, y in heads if y is not None), default=None)
    columns = []
    for n, y in heads:
        # a goal column: it names 目标/任务/计划 or it is the latest year; never the present, nor a past year
        named = _TARGET_HEADER.search(n) or "任务" in n or "计划" in n
        past = y is not None and doc_year is not None and y < doc_year
        columns.append((bool(named or y == latest) and not _PRESENT_COLUMN.search(n) and not past, y))
    return _LineHeader(columns, unit) if any(t for t, _ in columns) else None


_EMPTY_VALUE = frozenset({"——", "—", "-", "－", "/", "／"})


def _value_like(text: str) -> bool:
    return text in _EMPTY_VALUE or bool(_VALUE.match(text))


def _class_cell(text: str) -> bool:
    values = class_values(text)
    return len(values) == 1


def _value_groups(cells: list[tuple[int, str]], k: int) -> tuple[int, list[list[tuple[int, str]]]] | None:
    """The row's ``k`` value columns from its end, and the index of the cell before them: a column is one cell, or a
    run of class-value cells (one cell of several values exported a value a line, TB1); a run that must fill every
    column left (no plain value cell before it) is split evenly between them (`设区市≥25` / `县级市≥20` /
    `设市城市≥55` / `其他县城≥25`: two columns of two)."""
    groups: list[list[tuple[int, str]]] = []
    i = len(cells)
    while i > 0 and len(groups) < k:
        if not _class_cell(cells[i - 1][1]):
            groups.append([cells[i - 1]])
            i -= 1
            continue
        j = i
        while j > 0 and _class_cell(cells[j - 1][1]):
            j -= 1
        run, left = cells[j:i], k - len(groups)
        if left > 1 and not (j > 0 and _value_like(cells[j - 1][1])):
            if len(run) % left:
                return None
            size = len(run) // left
            groups += [run[n : n + size] for n in range(len(run) - size, -1, -size)]
        else:
            groups.append(run)
        i = j
    if len(groups) != k:
        return None
    return i, groups[::-1]


def _line_row(cells: list[tuple[int, str]], header: _LineHeader, norm: Any) -> Iterator[dict[str, Any]]:
    """The targets of one row: ``cells`` (raw offset, text) before its 属性 cell; a cell normalisation dropped (a
    lone number read as a page number) gives no span."""
    k = len(header.columns)
    found = _value_groups(cells, k)
    if found is None or found[0] < 1 + header.unit:
        return
    before, groups = found
    unit_cell = cells[before - 1][1] if header.unit else None
    ind_raw, indicator = cells[before - 1 - header.unit]
    bracket = _BRACKET_UNIT.search(indicator)
    unit = unit_cell or (bracket.group(1) if bracket else None)
    if bracket is not None:
        indicator = indicator[: bracket.start()].rstrip()
    ind_start = _norm_cell(norm, ind_raw, cells[before - 1 - header.unit][1])
    for n, ((is_target, year), group) in enumerate(zip(header.columns, groups)):
        first = all(not t for t, _ in header.columns[:n])  # the first target column: spanned from the indicator
        if not is_target:
            continue
        if len(group) > 1 or _class_cell(group[0][1]):
            for g, (val_raw, value_text) in enumerate(group):
                val = _norm_cell(norm, val_raw, value_text)
                if val is None:
                    continue
                m = class_values(value_text)[0]
                start = ind_start if first and g == 0 and ind_start is not None else val
                row = _class_target(m, indicator, unit, 0, year)
                row["norm_start"], row["norm_end"] = start, val + m.end()
                yield row
            continue
        val_raw, value_text = group[0]
        m = _VALUE.match(value_text)
        val = _norm_cell(norm, val_raw, value_text)
        if m is None or m.group("unit") or val is None:
            continue
        try:
            value, value_max = parse_range(re.sub(r"\s+", "", m.group("num")))
        except ValueError:
            continue
        comparator = _QUAL_COMPARATOR[m.group("qual")] if m.group("qual") else _PRE_COMPARATOR.get(m.group("pre"), "=")
        yield {
            "norm_start": ind_start if first and ind_start is not None else val,
            "norm_end": val + len(value_text),
            "indicator": indicator.strip(_PAD) or None,
            "value": value,
            "value_max": value_max,
            "unit": "%" if unit == "％" else unit,
            "comparator": comparator,
            "deadline_year": year,
            "recurring": "annual" if "年均" in indicator else None,
        }


def _norm_cell(norm: Any, raw_start: int, text: str) -> int | None:
    """Where the raw cell starts in norm_text, None when normalisation did not keep it as written."""
    start, end = norm.to_norm(raw_start, raw_start + len(text))
    return start if same_text(norm.text[start:end], text) else None


def line_table_targets(norm: Any, doc_year: int | None = None) -> Iterator[tuple[dict[str, Any], int, int]]:
    """Indicator tables of one cell a line (above); offsets mapped to norm_text as ``spaced_table_targets`` does.
    The cells are read in their normalised characters at raw offsets (full-width digits, traditional characters:
    ``extractors/table_text.py``)."""
    raw = folded(norm.raw_text)
    if "序号" not in raw or "属性" not in raw or not _ATTRIBUTE & set(re.findall(r"约束性|预期性", raw)):
        return
    lines = [
        (m.start() + len(m.group()) - len(m.group().lstrip(_PAD)), m.end(), m.group().strip(_PAD))
        for m in re.finditer(r"[^\r\n]+", raw)
        if m.group().strip(_PAD)
    ]
    i = 0
    while i < len(lines):
        found = _header_lines(lines, i) if lines[i][2] == "序号" else None
        header = _line_header(found[0], doc_year) if found else None
        if found is None or header is None:
            i += 1
            continue
        i = found[1]
        row_start = i
        while i < len(lines) and (lines[i][2] in _ATTRIBUTE or len(lines[i][2]) <= 40):
            if lines[i][2] in _ATTRIBUTE:
                for row in _line_row([(a, t) for a, _, t in lines[row_start + 1 : i]], header, norm):
                    yield row, row["norm_start"], row["norm_end"]
                row_start = i + 1
            i += 1
