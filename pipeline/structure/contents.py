"""A document's table of contents (目录): where it runs, so that its entries are neither headings nor spans.

A 规划, 指南 or 白皮书 laid out as a booklet (and the PDF or text crawled from it) opens with ``目 录`` and one
entry per line, each a heading's title, a leader (dots, ``…``, ``·``) or a run of spaces, and its page number:
``一、智能制造系统架构......1``.  The entries repeat the body's headings (CONVENTIONS: numbered lines of a 目录 are
no headings), and the figures and years in them are the body's, not the contents' (no target, amount, deadline).
In a text that lost its line breaks the same entries run together (``…架构......1二、总体要求......4（一）…``).

Found by form only:
- with line breaks: the ``目录`` label alone on its line, then the entry lines (blank lines between them allowed);
  without the label, three entry lines in a row with a dot leader;
- without line breaks: the label followed at once by entries with a dot leader, run together.
"""

from __future__ import annotations

import re

_SP = r"[ \t\u3000\u00a0]"
_LABEL = rf"目{_SP}*录"
_DOTS = r"(?:[.．。…·・•⋯]{2,}|…|⋯)"  # a dot leader: at least two dots, or one ellipsis character
_PAGE_CHAR = "[0-9０-９ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩivxIVX]"
_PAGE = rf"{_PAGE_CHAR}(?: ?{_PAGE_CHAR}){{0,3}}"  # `1 2`: a PDF's character spacing
# A title: no leader in it (a single dot may be an item's marker, `1. 生命周期`).
_TITLE = r"(?:[^\n.．。；;…·・•⋯]|[.．](?![.．]))"
# An entry line: a title, a leader of dots or of two spaces or more, the page.
# A PDF's column may wrap a long leader (`…架构......⏎......1`): the dots run on over the break.
_WRAPPED_DOTS = rf"{_DOTS}(?:{_SP}*\n{_SP}*[.．。…·・•⋯]+)?(?:{_SP}*\n)?"
_LINE_ENTRY = rf"{_SP}*(?!{_SP}){_TITLE}{{1,80}}?(?:{_SP}*{_WRAPPED_DOTS}{_SP}*|{_SP}{{2,}}){_PAGE}{_SP}*"
_DOT_LINE_ENTRY = rf"{_SP}*(?!{_SP}){_TITLE}{{1,80}}?{_SP}*{_WRAPPED_DOTS}{_SP}*{_PAGE}{_SP}*"
_LINED = re.compile(rf"(?m)^{_SP}*{_LABEL}{_SP}*\n(?:{_SP}*\n)*(?:{_LINE_ENTRY}(?:\n|$)(?:{_SP}*\n)*)+")
_UNLABELLED = re.compile(rf"(?m)^(?:{_DOT_LINE_ENTRY}(?:\n|$)(?:{_SP}*\n)*){{3,}}")
# In flat text an entry is a title without a sentence's stop, its dot leader and its page number.
_FLAT_ENTRY = rf"{_TITLE}{{1,80}}?{_SP}*{_DOTS}{_SP}*[0-9](?: ?[0-9]){{0,2}}{_SP}*"
_FLAT = re.compile(rf"{_LABEL}{_SP}*(?:{_FLAT_ENTRY}){{2,}}")
_LABEL_CHECK = re.compile(_LABEL)
_LEADERS = ("..", "．．", "。。", "…", "··", "・・", "••", "⋯")  # str.find first: the regex below tries every position
_LEADER_CHECK = re.compile(rf"{_DOTS}{_SP}*{_PAGE}{_SP}*(?:\n|$)")  # an entry line's end: a leader and its page


def contents_spans(text: str) -> list[tuple[int, int]]:
    """Where the document's tables of contents run: (start, end) of the label and its entries."""
    labelled = _LABEL_CHECK.search(text) is not None
    spans = [(m.start(), _rstrip_newlines(text, m.start(), m.end())) for m in _LINED.finditer(text)] if labelled else []
    if any(leader in text for leader in _LEADERS) and _LEADER_CHECK.search(text):
        spans += [
            (m.start(), _rstrip_newlines(text, m.start(), m.end()))
            for m in _UNLABELLED.finditer(text)
            if not _overlaps(m.start(), m.end(), spans)
        ]
    if labelled:
        spans += [m.span() for m in _FLAT.finditer(text) if not _overlaps(m.start(), m.end(), spans)]
    return sorted(spans)


def _rstrip_newlines(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "\n \t\u3000\u00a0":
        end -= 1
    return end


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)
