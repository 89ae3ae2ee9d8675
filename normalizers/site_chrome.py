"""A government site's page template around a scraped document: its page information table and its footer.

A 政府信息公开 page shows, above the document, a table of the catalogue's fields (``索引号``, ``主题分类``,
``发文机关``, ``成文日期``, ``文号``, ``发布日期``), label and value on one line (``索引号：1137…/2023-00087``) or,
as the table's cells come out of a crawl, on consecutive lines (``发文机关：`` / ``临江市人民政府办公室``); and
below it the site's footer (``主办单位：XX市人民政府办公室``, ``网站标识码``, ``鲁ICP备…号``, ``鲁公网安备…号``,
``版权所有``).  Neither is part of the document: the table's dates would be read as the document's date, its
lines as the title; the footer's organ and year are no unit and no deadline.  Both are found by the template's
own labels, never by the values:

- the table is a run of at least ``MIN_TABLE_LABELS`` lines opening with a catalogue label, in the text's
  head (``HEAD_LINES``), each label line followed by its value's line when the label stands alone.  Metadata
  reads the table from the raw text (``pipeline.structure.meta_sources.info_table``), so nothing is lost;
- the footer starts at a line holding a site's registration mark (``ICP备``, ``公网安备``, ``网站标识码``,
  ``版权所有``, ``Copyright``) in the text's second half, or at the run of footer-field lines
  (``主办单位：``, ``承办单位：``, ``联系电话：``, ``地址：``, ``技术支持：``) right before it, and runs to the end.
"""

from __future__ import annotations

import re
from itertools import accumulate
from operator import add

_SP = "[ \\t\\u3000]"
_LABELS = (
    "索引号", "主题分类", "信息分类", "组配分类", "体裁分类", "服务对象", "发文机关", "发布机构", "发文单位", "成文日期",
    "发文日期", "发布日期", "公开日期", "文号", "发文字号", "标题", "名称", "有效性", "时效性", "公开方式", "公开范围",
    "生效日期", "实施日期", "废止日期",
)  # fmt: skip
# A label may be letter-spaced (`文 号`, `索 引 号`) and bracketed (`【发文机关】`)
_LABEL = "|".join(f"{_SP}?".join(label) for label in sorted(_LABELS, key=len, reverse=True))
_LABEL_LINE = re.compile(rf"{_SP}*[【\[]?(?:{_LABEL}){_SP}*[】\]]?{_SP}*[:：](?P<value>.*)")
MIN_TABLE_LABELS = 3  # a document's own head has a 文号 or a 标题 line at most, never three catalogue fields
HEAD_LINES = 40  # the table stands above the document (a title and a breadcrumb may come before it)
_VALUE_CHARS = 60  # a value's own line: an organ, a date, a number; no paragraph

_REGISTRATION = re.compile(
    rf"ICP[备证]{_SP}*\d|公网安备{_SP}*\d|网站标识码{_SP}*[:：]|版权所有{_SP}*[:：©(（]|Copyright{_SP}*©|©{_SP}*\d{{4}}"
)
_FOOTER_TAIL_CHARS = 300  # what may follow the registration line: the rest of the footer, no document text
_FOOTER_FIELD = re.compile(
    rf"{_SP}*(?:主办单位|承办单位|主办|承办|协办单位|维护单位|技术支持|联系电话|联系方式|联系地址|地址|邮编|电子邮箱|网站地图|联系我们)"
    rf"{_SP}*[:：|]?"
)


def _lines(text: str, max_lines: int = -1) -> list[tuple[int, int]]:
    """(start, end) of every line (of the first ``max_lines`` only, when given: the head's)."""
    parts = text.split("\n", max_lines)
    if 0 <= max_lines < len(parts):
        parts.pop()  # the rest of the text after the first max_lines lines
    lengths = list(map(len, parts))
    starts = list(accumulate((length + 1 for length in lengths[:-1]), initial=0))
    return list(zip(starts, map(add, starts, lengths)))


def info_table_spans(text: str) -> list[tuple[int, int]]:
    """The lines of a page information table in the text's head (its labels, see the module docstring)."""
    lines = _lines(text, HEAD_LINES)
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    labels = 0
    expect_value = False
    for start, end in lines:
        line = text[start:end]
        label = _LABEL_LINE.match(line)
        if label is None and expect_value and line.strip() and len(line.strip()) <= _VALUE_CHARS:
            run.append((start, end))  # the value of the label above (a table cell a line of its own)
            expect_value = False
            continue
        if label is None:
            if line.strip():  # a line of the document ends the run (blank lines do not)
                spans += run if labels >= MIN_TABLE_LABELS else []
                run, labels = [], 0
            expect_value = False
            continue
        run.append((start, end))
        labels += 1
        expect_value = not label.group("value").strip()
    return spans + (run if labels >= MIN_TABLE_LABELS else [])


def footer_spans(text: str) -> list[tuple[int, int]]:
    """The site's footer: from its first field line before a registration mark in the second half, to the end.

    The marks are searched from the first line starting in the second half on (a mark holds no line
    break: each match lies in one line), and lines are read around a match only."""
    half = len(text) // 2
    first_start = 0 if half == 0 else text.find("\n", half - 1) + 1
    if first_start == 0 and half > 0:
        return []  # no line starts in the second half
    for mark in _REGISTRATION.finditer(text, first_start):
        end = text.find("\n", mark.end())
        if len(text) - (len(text) if end < 0 else end) > _FOOTER_TAIL_CHARS:
            continue  # text follows: a mark inside the document (the page's own footer may still come below)
        start = text.rfind("\n", 0, mark.start()) + 1
        while start > 0:  # the field lines right above it
            above = text.rfind("\n", 0, start - 1) + 1
            if not _FOOTER_FIELD.match(text, above, start - 1):
                break
            start = above
        return [(start, len(text))]
    return []


def site_chrome_spans(text: str) -> list[tuple[int, int]]:
    """Both parts; each scan only where its marks occur (most texts have neither)."""
    spans = info_table_spans(text) if "：" in text[:3000] or ":" in text[:3000] else []
    if "备" in text or "网站标识码" in text or "版权所有" in text or "©" in text or "Copyright" in text:
        spans += footer_spans(text)
    return spans
