"""Spaces that split numbers and words: ``到 2025 年``→``到2025年``, ``200 万元``→``200万元``,
``1.5 个百分点``, ``（二） 高端化工``, ``2. 主攻方向``, ``战略新 兴``→``战略新兴``.

A single space inside a line is deleted when
- one side is Chinese punctuation (``，。、；：（）“”《》〔〕【】…``), or
- it separates a Han character and a digit (either order), or a digit/``%`` and a Han character, or
  a digit and ``%``, or follows a ``1.``/``1、`` list marker at the line start, or
- it separates two Han characters on a body line (one holding ``，。；：、``).  Title,
  signature and table-cell lines keep theirs: ``中共济宁市委 济宁市人民政府 关于…的意见``
  separates joint issuers, not the halves of a word.  So does an article marker at the
  line start (``第一条 为了规范……``) or opening a sentence (``…。第十九条 第三方…``, a text that
  lost its line breaks): there the space separates the marker from its text.
- it separates two single digits of a run framed by a Han character or punctuation (or a decimal point) on
  its left and a Han character, ``%``, a unit's letters or a decimal point on its right (``第 1 0 条``,
  ``到 2 0 2 5 年``, ``。2 0 2 3 年底``, ``增长 3 0 %``, ``达到 9 9.8%``, ``不低于 2 0Mbps``), also by the
  letters of a code on its left (``AED3 0 0 0 台``, ``S1 0 1 户外``) and by a clause's end (``达 4 7。``) on its
  right, or of
  a four-digit year anywhere (``2 0 2 2 年 3 月`` opening a date line, also after the run of blanks that right-aligns a
  signature's date in a text without line breaks, ``国务院办公厅    2 0 1 4 年 1 2 月 2 9 日``; never after another
  number, ``1 2 0 2 0 年``), or of an item's number opening its
  line (``1 0．保留…``, also with its separator garbled to a private-use character, ``1 0\ue010强化…``): a PDF's character spacing (its text layer places every glyph on its own, and the
  extractor writes a space between them), never two numbers (``1 1 信息技术``: a table's two cells; ``。3 5.强化``
  inside a line, a PDF's page number before an item, as ``9.金 1 0.银`` may be the item 10: no item's dot frames it).
Spaces between ASCII words or between ASCII letters and Chinese (``5G 智能化``,
``LNG 燃料``) and between two numbers stay.  Spaces at line ends and zero-width
characters (ZWSP, ZWJ, BOM inside the text, soft hyphen) always go.

Table layout survives (responsibility tables are read by their columns):
- a tab is a cell separator (how an HTML ``<td>`` is rendered), never part of a
  word: it is never deleted; spaces padding it are;
- a run of two or more spaces between two non-punctuation characters (width has
  made ``　　　`` ASCII spaces) is a column gap of a plain-text table
  (``1   突破关键核心技术     市科委``): it is kept whole, so a second pass sees the
  same run and keeps it again (idempotence).
"""

from __future__ import annotations

import regex as re

from normalizers.edits import deleted, replaced_one_for_one
from pipeline.core.offsets import OffsetMap

_CN_PUNCT = r"，。、；：！？（）“”‘’《》〔〕【】…·"
# One space, not part of a longer run: only single spaces are judged by their
# neighbours; longer runs are either at a line edge, beside a tab, or a column gap.
_ONE = r"(?<![ ])[ ](?![ ])"  # bracketed: the pattern is compiled with re.X
# A PDF's character spacing: single digits one space apart (``2 0 2 5``), framed on the left by a Han
# character and a space, punctuation, a decimal point or a code's letters (``AED3 0 0 0``), and on the right by
# a Han character, ``%``, a bracket, a dash, a clause's end, a unit's letters or a decimal point (``通用1 1 信息技术``,
# a Han character right before the run, is a joined table row's two cells, not a spaced number).
_DIGIT_RUN = r"\d(?:[ ]\d)*"
_LEFT_MARK = rf"[{_CN_PUNCT};,:(\-—－~～]"
_SPACED_LEFT = rf"(?:\p{{Han}}[ ]|{_LEFT_MARK}[ ]?|\d\.[ ]?|[A-Za-z])"
_SPACED_RIGHT = r"[\p{Han}%）)—－~～\-。；，]"
_ALWAYS = re.compile(
    rf"""
      [\u200b-\u200d\u2060\ufeff\u00ad]+
    | ^[ ]+ | [ ]+$
    | [ ]+(?=\t) | (?<=\t)[ ]+
    | (?<=[{_CN_PUNCT}])[ ]+ | [ ]+(?=[{_CN_PUNCT}])
    | (?<=\p{{Han}}){_ONE}(?=\d)
    | (?<=[\d%]){_ONE}(?=[\p{{Han}}%])
    | (?<=^\d{{1,3}}[.、]){_ONE}(?=\p{{Han}})
    | (?<={_SPACED_LEFT}{_DIGIT_RUN})[ ](?={_DIGIT_RUN}(?:[ ]?{_SPACED_RIGHT}|[A-Za-z]|\.\d))
    | (?<=^[ \t]*\d)[ ](?=\d(?:[.．、](?!\d)|[\ue000-\uf8ff](?=\p{{Han}})))
    | (?<=(?<!\d)(?<!\d[ ])\d(?:[ ]\d){{0,2}})[ ](?=\d(?:[ ]\d){{0,2}}(?<=(?<!\d)(?<!\d[ ])\d(?:[ ]\d){{3}})[ ]?年)
    """,
    re.M | re.X,
)
_HAN_GAP = re.compile(rf"(?<=\p{{Han}}){_ONE}(?=\p{{Han}})")
_BODY_PUNCT = re.compile(r"[，。；：、]")
_ARTICLE_MARKER_END = re.compile(r"第[一二三四五六七八九十百零〇两\d]+[章节条款编]$")
_ARTICLE_MARKER_CHARS = 12  # `第一百二十三条` and more
_SENTENCE_END = frozenset("。；：！？")


# Every alternative of _ALWAYS starts on one of these characters (a space or a zero-width one).
_ALWAYS_FIRST = " \u200b\u200c\u200d\u2060\ufeff\u00ad"


def _char_positions(text: str, chars: str) -> list[int]:
    """Ascending positions of ``chars`` in ``text``: substring tests and finds (C scans)."""
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def always_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _ALWAYS.finditer(text)]``, with the pattern matched only where a match
    can start (_ALWAYS_FIRST), after the end of the last match, as ``finditer`` goes on: the scan
    otherwise enters the alternation at every character (about a tenth of the normalisers' work)."""
    match = _ALWAYS.match
    spans: list[tuple[int, int]] = []
    after = 0
    for pos in _char_positions(text, _ALWAYS_FIRST):
        if pos < after:
            continue  # inside the last match
        m = match(text, pos)
        if m is not None:  # (never empty: every alternative consumes a character)
            spans.append(m.span())
            after = m.end()
    return spans


def space_spans(text: str) -> list[tuple[int, int]]:
    spans = always_spans(text)
    line_is_body: dict[int, bool] = {}
    for m in _HAN_GAP.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if line_start not in line_is_body:
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            line_is_body[line_start] = bool(_BODY_PUNCT.search(line))
        if line_is_body[line_start] and not _opening_article(text, line_start, m.start()):
            spans.append(m.span())
    return spans


def _opening_article(text: str, line_start: int, gap: int) -> bool:
    """Is the text before the space at ``gap`` an article's marker opening its line, its sentence or its
    indented paragraph (``第一条 为了…``, ``…。第十九条 第三方…``, ``…认定条件　　第五条 申报…``: a text that lost
    its line breaks)?  Its space separates the
    marker from its text, and sections read a glued ``第十九条第三方`` as a reference (``第五条第（二）项``)."""
    marker = _ARTICLE_MARKER_END.search(text, max(line_start, gap - _ARTICLE_MARKER_CHARS), gap)
    if marker is None:
        return False
    before = marker.start()
    while before > line_start and text[before - 1] == " ":
        before -= 1
    indented = marker.start() - before >= 2  # a paragraph's indent (`　　`, two spaces once width ran)
    return before == line_start or indented or text[before - 1] in _SENTENCE_END


def remove_spaces(text: str) -> tuple[str, OffsetMap]:
    spans = space_spans(text)
    if not spans:
        return replaced_one_for_one(text, text)
    return deleted(text, spans)
