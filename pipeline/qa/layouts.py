"""Layout perturbations: the same words of a gold document under the layouts real crawls produce.

polex is scored on documents whose layout we have not seen: the same text arrives as one line (every line
break lost), hard-wrapped every ~35 characters as PDF text is, with PDF page furniture between its pages
(``— 3 —`` and a running header), in half-width punctuation (``(一)``, ``,``, ``;``), with full-width digits
(``２０２５年``), with PDF character spacing (``第 1 0 条``, ``到 2 0 2 5 年``), with a table's cells one per
line (a scraped page), in traditional characters (a Hong Kong or Taiwan mirror), wrapped in a government
site's page chrome (breadcrumb, page info table, share bar, footer) or as Word's text export (every paragraph
indented with ``　　`` and a blank line between paragraphs).  Each perturbation here is a pure function of a document's raw text that returns
the new text with its ``origin``: for every new character, the index of the raw character it came from
(``-1`` for an inserted one: a line break, a space, a page's furniture).  Gold spans are carried through
``origin`` (:meth:`Perturbed.remap`): a span starts at the first and ends after the last of its surviving
characters, and its ``text`` is re-sliced from the new text, so it may hold inserted characters between
its own (a wrapped line's break, a page's furniture), as polex's raw spans do.

Scoring decision (``ambiguous``): GUIDE ends a heading at its line end.  Where a perturbation inserts or
deletes a line break inside a heading or at its end (one-line text, hard wraps), gold's end is no longer a
reading of the new text: a one-line text has no line end, a wrapped one has several.  Such headings are
compared on their start (and their level and number) only: :func:`start_only` gives them the end of the
prediction that starts where they do.  Every other span, and every heading whose line is intact, keeps
gold's exact end.  Targets, amounts and deadlines match by overlap and need no such rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

import numpy as np
import opencc

from normalizers.linebreaks import HEADING_MARKER
from pipeline.qa.model import AnnotatedDoc

WRAP_WIDTH = 35  # characters per line of a PDF text's column (A4, 16 pt 仿宋: 28; smaller fonts: 35-40)
PAGE_CHARS = 1200  # characters per page (GB/T 9704: 22 lines of 28 characters; a dense page more)
_LINE_BREAKS = "\r\n"
_TRAILING_BLANKS = " \t\u3000\xa0"


@dataclass(frozen=True)
class Perturbed:
    """A perturbed text and, per character, the index of the source character it came from (-1: inserted)."""

    text: str
    origin: np.ndarray

    def remap(self, start: int, end: int) -> tuple[int, int] | None:
        """The new span of the source span ``start:end``: its first to its last surviving character (None: all
        of it was deleted)."""
        kept = np.flatnonzero(self.origin >= 0)
        sources = self.origin[kept]
        first = int(np.searchsorted(sources, start, side="left"))
        last = int(np.searchsorted(sources, end, side="left")) - 1
        if last < first:
            return None
        return int(kept[first]), int(kept[last]) + 1


def identity(text: str) -> Perturbed:
    return Perturbed(text, np.arange(len(text), dtype=np.int64))


def _build(text: str, edits: list[tuple[int, int, str]]) -> Perturbed:
    """Apply edits ``(start, end, replacement)``, sorted and non-overlapping: ``start == end`` inserts
    (origin -1), a replacement of the same length substitutes character by character, an empty one deletes."""
    pieces: list[str] = []
    origins: list[np.ndarray] = []
    pos = 0
    for start, end, replacement in edits:
        pieces.append(text[pos:start])
        origins.append(np.arange(pos, start, dtype=np.int64))
        if start == end:
            origins.append(np.full(len(replacement), -1, dtype=np.int64))
        elif len(replacement) == end - start:
            origins.append(np.arange(start, end, dtype=np.int64))
        elif replacement:
            raise ValueError(f"edit {start}:{end} -> {replacement!r}: replace char by char, insert or delete")
        pieces.append(replacement)
        pos = end
    pieces.append(text[pos:])
    origins.append(np.arange(pos, len(text), dtype=np.int64))
    return Perturbed("".join(pieces), np.concatenate(origins) if origins else np.zeros(0, dtype=np.int64))


def then(first: Perturbed, second: Callable[[str], Perturbed]) -> Perturbed:
    """``second`` applied to ``first``'s text, its origin carried back to ``first``'s source."""
    later = second(first.text)
    origin = np.where(later.origin >= 0, first.origin[np.maximum(later.origin, 0)], -1)
    return Perturbed(later.text, origin)


def one_line(text: str) -> Perturbed:
    """Every line break lost (a page whose paragraphs were saved without breaks)."""
    return _build(text, [(m.start(), m.end(), "") for m in re.finditer(r"[\r\n]+", text)])


def _one_line_text(text: str) -> bool:
    """A text whose line breaks were already lost (lines averaging over 800 characters, as sections judge it)."""
    return len(text) >= 1000 and text.count("\n") * 800 < len(text)


def hard_wrap(text: str, width: int = WRAP_WIDTH) -> Perturbed:
    """A line break wherever a line reaches the column's width, ``width`` Chinese characters (PDF text:
    mid-sentence, mid-number; a digit or a Latin letter takes half a character's width, as in a PDF).

    A text that already lost its line breaks is left as it is: a PDF's lines wrap its paragraphs, and a text
    without paragraphs wrapped every 35 characters is a layout no PDF produces."""
    if _one_line_text(text):
        return identity(text)
    edits = []
    for line in re.finditer(r"[^\r\n]+", text):
        used = 0
        for pos in range(line.start(), line.end()):
            char_width = 2 if unicodedata.east_asian_width(text[pos]) in "WF" else 1
            if used + char_width > 2 * width:  # the column is full: this character starts the next line
                edits.append((pos, pos, "\n"))
                used = 0
            used += char_width
    return _build(text, edits)


def _furniture(page: int, header: str) -> str:
    return f"\n\n— {page} —\n\n{header}\n\n"


_TITLE_WORD = re.compile(r"通知|意见|方案|办法|规划|计划|决定|细则|规定|报告|指南|措施|纲要|政策|批复|公告")


def _running_header(text: str) -> str:
    """The running header a PDF's pages repeat: the first line's first 18 characters when it is a title (a
    document type's word, no sentence punctuation), else a gazette's name (a running header is never a
    sentence nor a heading)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    # a text that opens with its first article or item (`第一条　为深入贯彻落实《…规划》…`: no title line) has none
    if _TITLE_WORD.search(first) and not re.search(r"[，。；：,;:]", first) and not HEADING_MARKER.match(first):
        return first[:18]
    return "人民政府公报"


def page_furniture(text: str, page_chars: int = PAGE_CHARS) -> Perturbed:
    """A page number and the running header between pages (``— 3 —`` / title), every ``page_chars``
    characters, at the next line end: a page ends with its last line."""
    header = _running_header(text)
    edits = []
    page, pos = 1, page_chars
    while pos < len(text):
        cut = text.find("\n", pos)
        if cut < 0:
            break
        edits.append((cut, cut, _furniture(page, header)))
        page, pos = page + 1, cut + page_chars
    return _build(text, edits)


def pdf_text(text: str) -> Perturbed:
    """PDF text: hard wraps, and page furniture where a page's last line ends, mostly a wrap (between two
    halves of a sentence), never inside a line: a heading marker opening its line (``（一）``) is never cut
    from its number, as it was when a page ended at any character (``（`` / page furniture / ``一）…``).
    A text that already lost its line breaks is left as it is (a scraped page, never a PDF's text)."""
    if _one_line_text(text):
        return identity(text)
    return then(hard_wrap(text), page_furniture)


_TO_HALF = str.maketrans("（）：；，！？", "():;,!?")
_DIGITS_FULL = str.maketrans("0123456789%", "０１２３４５６７８９％")


def _substitute(text: str, table: dict[int, int]) -> Perturbed:
    """A one-for-one character substitution: the text changes, every character keeps its origin."""
    return Perturbed(text.translate(table), np.arange(len(text), dtype=np.int64))


def half_width(text: str) -> Perturbed:
    """Half-width brackets and punctuation (``(一)``, ``,``, ``;``, ``:``): texts typed on ASCII keyboards."""
    return _substitute(text, _TO_HALF)


def full_width_digits(text: str) -> Perturbed:
    """Full-width digits and percent (``２０２５年``, ``３０％``)."""
    return _substitute(text, _DIGITS_FULL)


_SPACED = re.compile(r"(?<=\d)(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=\d)")


def char_spacing(text: str) -> Perturbed:
    """PDF character spacing around and inside numbers (``第 1 0 条``, ``到 2 0 2 5 年``)."""
    return _build(text, [(m.start(), m.start(), " ") for m in _SPACED.finditer(text)])


def cells_per_line(text: str) -> Perturbed:
    """A table's cells one per line (a scraped page): every tab becomes a line break."""
    return _substitute(text, str.maketrans("\t", "\n"))


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=8192)
def _traditional_char(char: str) -> str:
    """The character's traditional form, or the character itself where OpenCC makes it several."""
    out = _s2t().convert(char)
    return out if len(out) == 1 else char


def traditional(text: str) -> Perturbed:
    """The text in traditional characters, one for one per character (OpenCC ``s2t``; a character it maps to
    several is kept): what a Hong Kong or Taiwan mirror serves, or a page re-encoded from Big5 (the Binzhou
    seed 001, ``濱州市人民政府辦公室關于…``).  Per character, so the origin map stays the identity."""
    return Perturbed("".join(map(_traditional_char, text)), np.arange(len(text), dtype=np.int64))


# A scraped government page around its document (a 政府信息公开 page template).  Every value is the template's
# own, none taken from the document: gold says nothing of the chrome, so nothing in it may become a row (the
# footer's 主办单位 is no responsible unit, its dates and years no deadline, its codes no amount).
_BREADCRUMB = "首页 > 政务公开 > 政策文件\n"
# The page info table: label and value on one line in some rows, on consecutive lines in others (table cells)
_INFO_ROWS = (
    ("索引号", "11371600MB2850571X/2023-00087", True),
    ("主题分类", "综合政务", False),
    ("发文机关", "临江市人民政府办公室", False),
    ("成文日期", "2023年05月12日", True),
    ("文号", "临政办发〔2023〕7号", False),
    ("发布日期", "2023-05-16", True),
)
_SHARE_BAR = "【打印】【关闭】\n扫一扫在手机打开当前页\n"
_FOOTER = (
    "主办单位：临江市人民政府办公室　　承办单位：临江市大数据中心\n"
    "网站标识码：3716000012　　鲁ICP备05012345号-1　　鲁公网安备 37160202000123号\n"
    "Copyright © 2023 All Rights Reserved\n"
)


def _info_table(rows: tuple[tuple[str, str, bool], ...] = _INFO_ROWS) -> str:
    return "".join(f"{label}：{value}\n" if one_line else f"{label}：\n{value}\n" for label, value, one_line in rows)


def page_chrome(text: str) -> Perturbed:
    """A scraped government page's chrome around the text: the breadcrumb and the page info table
    (索引号/主题分类/发文机关/成文日期/文号/发布日期) before it, the share and print bar and the site's footer
    (主办单位, 网站标识码, ICP备, 公网安备) after it; every inserted character has origin -1.  The table's values
    are the template's own, so they conflict with what the text says of itself (the text's own must win)."""
    return _chrome_around(text, _INFO_ROWS)


# The info table's rows a real page fills from the document's catalogue entry: gold meta field -> label
_CATALOGUE_ROWS = {"issuer": "发文机关", "issue_date": "成文日期", "doc_number": "文号"}


def page_chrome_of(meta: dict | None) -> Callable[[str], Perturbed]:
    """``page_chrome`` as a real page serves the document: its info table's 发文机关, 成文日期 and 文号 are the
    document's own (``meta``, its gold metadata), a row left out where the document has none.  The template's
    values would judge a text without a date of its own by the template's year (its earlier deadlines past)."""
    if not meta:
        return page_chrome
    rows = []
    for label, value, one_line in _INFO_ROWS:
        field = next((name for name, row_label in _CATALOGUE_ROWS.items() if row_label == label), None)
        if field is None:
            rows.append((label, value, one_line))
        elif meta.get(field):
            rows.append((label, _catalogue_value(field, str(meta[field])), one_line))
    return lambda text: _chrome_around(text, tuple(rows))


def _catalogue_value(field: str, value: str) -> str:
    if field == "issue_date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{value[:4]}年{value[5:7]}月{value[8:]}日"
    return value


def _chrome_around(text: str, rows: tuple[tuple[str, str, bool], ...]) -> Perturbed:
    head = _BREADCRUMB + _info_table(rows)
    tail = ("" if text.endswith("\n") else "\n") + _SHARE_BAR + _FOOTER
    return _build(text, [(0, 0, head), (len(text), len(text), tail)])


_PARAGRAPH_INDENT = "\u3000\u3000"
_INDENTED = re.compile(r"[ \t\u3000]")


def blank_paragraphs(text: str) -> Perturbed:
    """Word's text export: every paragraph indented with two ideographic spaces (``　　``) and a blank line
    between paragraphs (a .txt saved from a .doc, or a page whose paragraphs are ``<p>`` with a text indent).
    A line already indented keeps its indent; paragraphs already apart get no second blank line."""
    edits: list[tuple[int, int, str]] = []
    lines = list(re.finditer(r"[^\r\n]+", text))
    for line, following in zip(lines, lines[1:] + [None]):
        if line.group().strip() and not _INDENTED.match(line.group()):
            edits.append((line.start(), line.start(), _PARAGRAPH_INDENT))
        gap = text[line.end() : following.start()] if following is not None else ""
        if gap and gap.count("\n") == 1 and gap.count("\r") <= 1 and following.group().strip():
            edits.append((line.end(), line.end(), gap))  # the same break once more: a blank line
    return _build(text, edits)


PERTURBATIONS: dict[str, Callable[[str], Perturbed]] = {
    "one_line": one_line,
    "hard_wrap": hard_wrap,
    "furniture": page_furniture,
    "pdf_text": pdf_text,
    "half_width": half_width,
    "full_width_digits": full_width_digits,
    "char_spacing": char_spacing,
    "cells_per_line": cells_per_line,
    "traditional": traditional,
    "page_chrome": page_chrome,
    "blank_paragraphs": blank_paragraphs,
}


def _line_changed(old: str, new: Perturbed, start: int, end: int, span: tuple[int, int]) -> bool:
    """Whether the perturbation added or removed a line break inside ``start:end`` or right after it (after the
    blanks that may trail a heading's line: `（一）指导思想 ⏎` ends its title before the blank, GUIDE)."""
    new_start, new_end = span
    before = sum(c in _LINE_BREAKS for c in old[start : _past_blanks(old, end) + 1])
    return before != sum(c in _LINE_BREAKS for c in new.text[new_start : _past_blanks(new.text, new_end) + 1])


def _past_blanks(text: str, end: int) -> int:
    """The first position at or after ``end`` that holds no horizontal blank."""
    while end < len(text) and text[end] in _TRAILING_BLANKS:
        end += 1
    return end


def perturb_gold(gold: AnnotatedDoc, raw_text: str, perturbed: Perturbed) -> tuple[AnnotatedDoc, set[tuple]]:
    """Gold carried to the perturbed text (meta kept), and the keys of the headings compared on their start
    only (``ambiguous``: their line changed)."""
    spans, ambiguous = [], set()
    for span in gold.spans:
        new = perturbed.remap(span.start, span.end)
        if new is None:
            continue
        moved = replace(span, start=new[0], end=new[1], text=perturbed.text[new[0] : new[1]])
        spans.append(moved)
        if span.label == "heading" and _line_changed(raw_text, perturbed, span.start, span.end, new):
            ambiguous.add(moved.key())
    return replace(gold, spans=spans, raw_text=perturbed.text, sha256=None), ambiguous


def start_only(gold: AnnotatedDoc, predicted: AnnotatedDoc | None, ambiguous: set[tuple]) -> AnnotatedDoc:
    """Gold with each ambiguous heading ending where the predicted heading that starts at its start ends."""
    if predicted is None or not ambiguous:
        return gold
    ends = {s.start: s for s in predicted.spans if s.label == "heading"}
    spans = []
    for span in gold.spans:
        pred = ends.get(span.start) if span.key() in ambiguous else None
        spans.append(replace(span, end=pred.end, text=pred.text) if pred is not None else span)
    return replace(gold, spans=spans)
