"""The visible text of an HTML page, one line per block, as a reader sees it.

``visible_text(markup)`` is what ``raw_text`` holds for an HTML document: the
text a browser renders, with block elements (p, div, li, tr, h1-h6, ...) and
``<br>`` on lines of their own, table cells separated by a tab, inline
elements joined without spaces (``自<span>2019</span>年`` -> ``自2019年``),
entities decoded, scripts/styles/comments and hidden elements dropped.

Built on the stdlib ``html.parser`` tokenizer, which is iterative (10,000-deep
nesting costs nothing) and tolerant of junk; our own element stack is a plain
list, and unmatched end tags are ignored in O(1).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

# Elements that start and end a line of their own (HTML's block-level and table-row elements).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main "
    "menu nav ol p pre section summary table tbody thead tfoot tr ul option".split()
)
CELL_TAGS = frozenset(("td", "th"))
# Elements whose content is never rendered as text.
SKIPPED_TAGS = frozenset(
    ("script", "style", "noscript", "template", "title", "svg", "math", "iframe", "object", "select")
)
# An open element (key) that a new start tag (value) closes implicitly, as HTML's tree builder does.
CLOSED_BY = {
    "p": BLOCK_TAGS - {"option"} | {"p"},
    "li": frozenset(("li",)),
    "dt": frozenset(("dt", "dd")),
    "dd": frozenset(("dt", "dd")),
    "td": frozenset(("td", "th", "tr", "tbody", "thead", "tfoot")),
    "th": frozenset(("td", "th", "tr", "tbody", "thead", "tfoot")),
    "tr": frozenset(("tr", "tbody", "thead", "tfoot")),
    "option": frozenset(("option",)),
}
# Elements with no end tag: never pushed on the element stack.
VOID_TAGS = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr basefont frame isindex".split()
)
PRE_TAGS = frozenset(("pre", "textarea", "listing", "plaintext", "xmp"))

_CELL_SEP = "\x1f"  # stands for "next table cell" until the line is assembled (control chars never survive as text)
_CELL_BREAK = "\x1e"  # a block or <br> inside a table cell, until the row's line is assembled
# (TB1) A data table's row stays one line, its cells' paragraphs joined by a space, as the .docx reader joins a Word
# cell's paragraphs: a CMS page pasted from Word holds every cell's text in a <p>, a cell of two values splits them by
# <br>. A layout table (a whole article in one <td>, beside a menu) is no data table: a row with one cell, or with a
# cell longer than a data cell, keeps its paragraphs a line each.
_DATA_CELL_MAX = 200
# Elements that keep their line breaks inside a cell: a nested table's rows.
_TABLE_STRUCTURE = frozenset(("table", "tbody", "thead", "tfoot", "tr", "caption"))
MAX_SPAN = 64  # a rowspan/colspan above this is junk markup (as the .docx reader caps gridSpan)


class _Grid:
    """One open table's grid: which columns the rowspans of rows above still cover, where the row's next cell
    goes, and how many empty cells the last cell's colspan still owes."""

    __slots__ = ("covered", "column", "owed", "row_covered")

    def __init__(self) -> None:
        self.covered: dict[int, int] = {}  # column -> rows below this one that a rowspan still covers
        self.row_covered: set[int] = set()  # columns a rowspan from above covers in the current row
        self.column = 0
        self.owed = 0

    def start_row(self) -> None:
        self.row_covered = {c for c, n in self.covered.items() if n > 0}
        self.column = self.owed = 0

    def end_row(self) -> None:
        for c in self.row_covered:
            self.covered[c] -= 1
        self.row_covered = set()

    def cell(self, rowspan: int, colspan: int) -> int:
        """Separators to write for a new cell: its own, the last cell's colspan's, those of the columns a rowspan
        from above covers before it."""
        seps = 1 + self.owed
        self.column += self.owed
        while self.column in self.row_covered:
            seps += 1
            self.column += 1
        for c in range(self.column, self.column + colspan):
            if rowspan > 1:
                self.covered[c] = rowspan - 1
        self.column += 1
        self.owed = colspan - 1
        return seps


def _span(attrs, name: str) -> int:
    for key, value in attrs:
        if key == name and value:
            digits = re.match(r"\s*(\d+)", value)
            return max(1, min(int(digits.group(1)), MAX_SPAN)) if digits else 1
    return 1


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Word's downlevel-revealed conditionals (<![if !supportLists]>1.<![endif]>) hide nothing in a browser;
# the tokenizer's marked-section code is the one part of html.parser that can raise on junk, so drop them.
_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[)[^>]{0,200}\]?>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
# CSS Text 3 segment-break rule: a line break between two East Asian wide characters vanishes.
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff"
_CJK_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*[\n][ \t\r\n\f]*(?=[{_WIDE}])")
_COLLAPSIBLE = re.compile(r"[ \t\r\n\f]+")  # not U+00A0 / U+3000: browsers keep those
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1e\x7f]")
_PRE_NEWLINE = re.compile(r"\r\n?|\n")
_TAG_FALLBACK = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._pieces: list[str] = []  # data of the line being built
        self._stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self._open: Counter[str] = Counter()  # tag -> how many are on the stack: O(1) check for stray end tags
        self._hidden_depth = 0  # open elements that hide their content
        self._pre_depth = 0
        self._line_is_pre = False  # the line being built is preformatted text: keep its spaces
        self._cells: list[bool] = []  # per open td/th/table: True for a cell (its breaks are _CELL_BREAK)
        self._grids: list[_Grid] = []  # per open table

    # ------------------------------------------------------------------ lines
    def _flush(self) -> None:
        if not self._pieces:
            return
        text = "".join(self._pieces)
        self._pieces.clear()
        if self._line_is_pre:
            text = text.replace(_CELL_SEP, "\t").rstrip()
        elif _CELL_BREAK in text:
            for line in _row_lines(text):
                self._append(line)
            return
        self._append(text)

    def _append(self, text: str) -> None:
        if not self._line_is_pre:
            text = _CJK_BREAK.sub("", text)
            text = _COLLAPSIBLE.sub(" ", text)
            text = _cells_line(text)
        self._line_is_pre = False
        if text:
            self.lines.append(text)

    def _line_break(self, tag: str = "br") -> None:
        if self._cells and self._cells[-1] and tag not in _TABLE_STRUCTURE and not self._pre_depth:
            self._pieces.append(_CELL_BREAK)  # inside a cell: the row's line decides (_row_lines)
            return
        self._flush()

    def _pop(self) -> str:
        open_tag, hides = self._stack.pop()
        if (open_tag in CELL_TAGS or open_tag == "table") and self._cells:
            self._cells.pop()
        if open_tag == "table" and self._grids:
            self._grids.pop()
        elif open_tag == "tr" and self._grids:
            self._grids[-1].end_row()
        self._open[open_tag] -= 1
        self._hidden_depth -= hides
        self._pre_depth -= open_tag in PRE_TAGS
        return open_tag

    # ------------------------------------------------------------------ tags
    def handle_starttag(self, tag: str, attrs) -> None:
        while self._stack and tag in CLOSED_BY.get(self._stack[-1][0], ()):
            self._pop()
        hides = tag in SKIPPED_TAGS or _is_hidden(attrs)
        if tag in CELL_TAGS or tag == "table":
            self._cells.append(tag != "table")
        if tag == "table":
            self._grids.append(_Grid())
        elif tag == "tr" and self._grids:
            self._grids[-1].start_row()
        if tag not in VOID_TAGS:
            self._stack.append((tag, hides))
            self._open[tag] += 1
            self._hidden_depth += hides
            self._pre_depth += tag in PRE_TAGS
        if self._hidden_depth:
            return
        if tag in BLOCK_TAGS or tag == "br":
            self._line_break(tag)
        elif tag in CELL_TAGS:
            seps = self._grids[-1].cell(_span(attrs, "rowspan"), _span(attrs, "colspan")) if self._grids else 1
            self._pieces.append(_CELL_SEP * seps)

    def handle_startendtag(self, tag: str, attrs) -> None:
        # <br/>, <div/>: a self-closed element has no content; only its line break matters.
        if not self._hidden_depth and (tag in BLOCK_TAGS or tag == "br"):
            self._line_break(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self._open[tag]:
            # End tag without a start: ignored by browsers, except </br> and </p> which act as <br>/<p></p>.
            if tag in ("br", "p") and not self._hidden_depth:
                self._line_break(tag)
            return
        # Pop up to and including the matching element (implicitly closing unclosed children).
        while self._stack and self._pop() != tag:
            pass
        if not self._hidden_depth and (tag in BLOCK_TAGS):
            self._line_break(tag)

    # ------------------------------------------------------------------ text
    def handle_data(self, data: str) -> None:
        if self._hidden_depth or not data:
            return
        data = _CONTROL.sub("", data)
        if self._pre_depth:  # preformatted: keep spaces, every newline is a line break
            for i, part in enumerate(_PRE_NEWLINE.split(data)):
                if i:
                    self._flush()
                if part:
                    self._pieces.append(part)
                    self._line_is_pre = True
            return
        self._pieces.append(data)

    def handle_comment(self, data: str) -> None:
        pass

    def close_text(self) -> str:
        self.close()
        self._flush()
        return "\n".join(self.lines)


def _row_lines(text: str) -> list[str]:
    """A row's text whose cells hold breaks: one line, the breaks a space, for a data table's row (two cells or more,
    none longer than a data cell); else a line per paragraph, as outside tables."""
    cells = [c for c in text.split(_CELL_SEP) if c.replace(_CELL_BREAK, "").strip()]
    if len(cells) >= 2 and all(len(c) <= _DATA_CELL_MAX for c in cells):
        return [re.sub(rf"[ {_CELL_BREAK}]*{_CELL_BREAK}[ {_CELL_BREAK}]*", " ", text)]
    return text.split(_CELL_BREAK)


def _cells_line(text: str) -> str:
    """A line's cells joined by tabs. A row of two filled cells or more keeps every cell in its grid place, empty ones
    too (an empty cell, the columns a colspan or a rowspan from above covers), as the .docx reader writes a Word row:
    the cells stay under their header's column. A line of one filled cell (a layout table's text) is that text."""
    parts = [part.strip(" ") for part in text.split(_CELL_SEP)]
    filled = [part for part in parts if part]
    if len(filled) < 2:
        return "".join(filled).strip(" \t")
    if not parts[0]:
        parts.pop(0)  # nothing before the first cell
    while not parts[-1]:
        parts.pop()
    return "\t".join(parts)


def _is_hidden(attrs) -> bool:
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
    return False


def visible_text(markup: str) -> str:
    """The page's visible text: one line per block, no blank lines, no trailing newline."""
    markup = _MARKED_SECTION.sub("", markup)
    markup = _CDATA.sub(lambda m: m.group(1).replace("<", "&lt;"), markup)
    collector = _TextCollector()
    try:
        collector.feed(markup)
        return collector.close_text()
    except Exception:  # html.parser asserts on a few malformed declarations: degrade, never crash
        return _fallback_text(markup)


def _fallback_text(markup: str) -> str:
    text = _TAG_FALLBACK.sub("\n", markup)
    lines = (_COLLAPSIBLE.sub(" ", html.unescape(line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
