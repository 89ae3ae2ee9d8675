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
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Word's downlevel-revealed conditionals (<![if !supportLists]>1.<![endif]>) hide nothing in a browser;
# the tokenizer's marked-section code is the one part of html.parser that can raise on junk, so drop them.
_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[)[^>]{0,200}\]?>")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
# CSS Text 3 segment-break rule: a line break between two East Asian wide characters vanishes.
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff"
_CJK_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*[\n][ \t\r\n\f]*(?=[{_WIDE}])")
_COLLAPSIBLE = re.compile(r"[ \t\r\n\f]+")  # not U+00A0 / U+3000: browsers keep those
_CELL_SPACES = re.compile(rf" ?{_CELL_SEP}[ {_CELL_SEP}]*")
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

    # ------------------------------------------------------------------ lines
    def _flush(self) -> None:
        if not self._pieces:
            return
        text = "".join(self._pieces)
        self._pieces.clear()
        if self._line_is_pre:
            self._line_is_pre = False
            text = text.replace(_CELL_SEP, "\t").rstrip()
        else:
            text = _CJK_BREAK.sub("", text)
            text = _COLLAPSIBLE.sub(" ", text)
            text = _CELL_SPACES.sub("\t", text).strip(" \t")
        if text:
            self.lines.append(text)

    def _line_break(self) -> None:
        self._flush()

    def _pop(self) -> str:
        open_tag, hides = self._stack.pop()
        self._open[open_tag] -= 1
        self._hidden_depth -= hides
        self._pre_depth -= open_tag in PRE_TAGS
        return open_tag

    # ------------------------------------------------------------------ tags
    def handle_starttag(self, tag: str, attrs) -> None:
        while self._stack and tag in CLOSED_BY.get(self._stack[-1][0], ()):
            self._pop()
        hides = tag in SKIPPED_TAGS or _is_hidden(attrs)
        if tag not in VOID_TAGS:
            self._stack.append((tag, hides))
            self._open[tag] += 1
            self._hidden_depth += hides
            self._pre_depth += tag in PRE_TAGS
        if self._hidden_depth:
            return
        if tag in BLOCK_TAGS or tag == "br":
            self._line_break()
        elif tag in CELL_TAGS:
            self._pieces.append(_CELL_SEP)

    def handle_startendtag(self, tag: str, attrs) -> None:
        # <br/>, <div/>: a self-closed element has no content; only its line break matters.
        if not self._hidden_depth and (tag in BLOCK_TAGS or tag == "br"):
            self._line_break()

    def handle_endtag(self, tag: str) -> None:
        if not self._open[tag]:
            # End tag without a start: ignored by browsers, except </br> and </p> which act as <br>/<p></p>.
            if tag in ("br", "p") and not self._hidden_depth:
                self._line_break()
            return
        # Pop up to and including the matching element (implicitly closing unclosed children).
        while self._stack and self._pop() != tag:
            pass
        if not self._hidden_depth and (tag in BLOCK_TAGS):
            self._line_break()

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
