"""Section tree from GB/T 9704 heading markers (GUIDE label ``heading``).

Levels are fixed by the marker (GUIDE.md): ``一、`` 1, ``（一）`` 2, ``1.``/``1、``
3, ``（1）`` 4, ``①`` 5, also when a document skips a level (``一、`` then
``1.`` is level 3).  Article style: ``第一章`` 1, ``第一节`` 2 (our decision: a
节 sits between its chapter and its articles), ``第N条`` one level below the
nearest enclosing 章/节, 3 when there is none; numbered items inside an
article are one level below the article (``（一）`` under a level-3 ``第三条``
is 4, a ``1.`` under that ``（一）`` 5).  ``第 1 0 条`` (digits spaced out) is
an article too.

A heading's span is its marker plus the title up to, not including, the first
``。``/``；`` or the line end, or the start of the next heading when that comes
first (text whose line breaks were lost: ``一、总体要求（一）指导思想``).
Markers are found by two regexes (at a line start; anywhere else), each
marker's context decides whether it may start a heading there, and a single
pass checks the candidates against the document's numbering sequence so
that numbers in running text, PDF line breaks and cross-references
(``第五条第（二）项``) do not become headings.

Decisions, documented:
- Numbering restarts under each parent or runs on across parents (``（一）…（四）`` under
  ``一、``, ``（五）…`` under ``二、``): a marker is accepted when it continues either its
  parent's sequence or the document's sequence of its kind.
- A marker inside a line starts a heading after a closing bracket or ``。`` (a heading
  glued to the previous paragraph, ``…（责任单位：市科技局）（二）提升…``, or a PDF or Word
  text that lost a line break, ``…全面融通。2.加强标准研制``: a ``1.`` only when it continues
  the ``1.`` items of its parent); an article also after ``；``.  In a document without line
  breaks (``is_flat``) it may follow any character, but then only the exact next number of
  its sequence is accepted.  There a ``1.`` may follow a ``、`` (a paragraph's end), ``。第十七条，`` is an article, a ``（一）``
  list restarts after a sentence's end, and a ``①`` follows a colon or a ``；`` (LY5).  An item's two
  digits a PDF spaced out inside a line (``9.金 1 0.银``) are one number when it is the next one.
- Garbled markers (GUIDE: they still start headings), accepted only as the exact next number under their
  parent: a ``（三）`` that lost its opening bracket (``三)科学设置…``, at a line start or after ``。``), and a part's
  ``三、`` glued after a ``，`` when its title is the short rest of the line (``…智能化水平，三、优化…流程⏎``).
- Garbled and run-together markers of a text with line breaks, decided by their siblings (the numbering so far and
  the next line-start marker of the kind): a first ``一)`` without its bracket or run in after a colon
  (``…建设：一）合理布局…``) when ``（二）`` starts a later line; ``第二十-条`` and an article run into the line of the
  one before it (``…负责解释第二十三条本办法…``) as the exact next article; ``1.3人户家庭`` items (see _siblings_agree).
- ``专栏`` boxes: the box's title line is not a heading; numbered items inside it are
  (CONVENTIONS), numbered on their own; the main sequence resuming closes the box and
  its numbering continues where it stopped.
- A bare ``附件`` / ``附件1`` / ``附件1：名称`` line starts an appendix: the numbering sequence and
  the tree restart there (the appendix's own ``一、`` are level-1 roots).  The
  numbered attachment list after ``附件：`` is not headings.
- The entries of a table of contents (``目 录``, ``一、总体要求……4``) are no headings (CONVENTIONS;
  ``pipeline.structure.contents``).
- Decimal clauses (``1　总则``, ``1.1　编制目的``, ``3.2.1　预警分级``: the 章条 numbering of an 应急预案 or a standard)
  are headings of the level of their number's depth, numbered by its last part, when the text numbers its sections
  so as a whole (``pipeline.structure.clauses``: a 目录 listing them first is no heading; BL17).
- The document's title, 发文字号, addressee, signature and date lines never
  match a marker and so are never sections.
"""

from __future__ import annotations

import re as stdlib_re
from dataclasses import dataclass, replace

import numpy as np
import regex as re

from pipeline.core.document import NormalizedText, Section
from pipeline.core.numerals import NUMERAL_CLASS, cn_to_int
from pipeline.core.scans import first_class_finditer
from pipeline.core.spans import inside
from pipeline.structure.clauses import decimal_clauses
from pipeline.structure.contents import contents_spans

_NUM = f"[{NUMERAL_CLASS}]"
_SP = r"[ \t\u3000]"
_SP_CHARS = " \t\u3000"
_TITLE_BLANKS = _SP_CHARS + "\u00a0"  # skipped between a marker and its title
# Markers a line may start with; Word bookmarks and markdown bold that the
# normalisers delete are tolerated so the parser also works on raw text.
_LINE_PREFIX_BODY = rf"{_SP}*(?:(?:\[bookmark:[^\]\n]*\]|\*\*){_SP}*)*"
_LINE_START = rf"(?m)^{_LINE_PREFIX_BODY}"
# `第十条`, `第 1 0 条`; a 条 is followed by a space, a character of its title or an
# opening quote/bracket (`第十四条《办法》第五条中…`).
_ARTICLE = (
    rf"第{_SP}*(?P<art>{_NUM}+|\d(?:{_SP}?\d){{0,2}}){_SP}*(?P<art_kind>[章节条])"
    r"(?=[ \t\u3000\u00a0\u4e00-\u9fff《“\"（(【，,]|$)"
)
# After `1.`: not a decimal (`1.5个`), but a year may follow (`3.2020年底前完成…`), also one whose digits the
# source garbled (`4.0402年启动…`: four digits before 年 are a year, never a decimal's fraction).
_NOT_DECIMAL = r"(?:(?!\d)|(?=\d{4}年))"
# `三)科学设置…`: a `(三)` whose opening bracket the source lost (GUIDE: a garbled marker still starts a heading);
# accepted only as the exact next （N） under its parent (_plausible), never as a first item.
_HALF_OPEN = r"(?<![（(\d])(?P<l2h>[一二三四五六七八九十]{1,3})[）)]"
_MARKERS = (
    _ARTICLE
    + rf"|(?P<l1>{_NUM}+){_SP}*(?:、|[.．﹒](?!\d))"
    + rf"|[（(]{_SP}*(?P<l2>{_NUM}+){_SP}*[）)]"
    + rf"|{_HALF_OPEN}"
    + rf"|[（(]{_SP}*(?P<l4>\d{{1,3}}){_SP}*[）)]"
    + r"|(?P<l5>[①-⑳])"
)
# A 专栏 box's items numbered in two digits and a blank (`01 关键核心技术`, `02 系统集成技术`: the numbering of the
# boxes in 工信部's and the State Council's 规划, BL14; the normaliser drops the blank, `01关键…`): the leading zero
# marks the item, level 3 as `1.` (the zero-padded number is its own separator), a heading only inside a box
# (CONVENTIONS: items in 专栏 boxes are headings); elsewhere such a line is a table's row or a code. Items from `10`
# on carry no zero: they are read as any `1.` item without separator (the exact next number only). A PDF's character
# spacing may split the two digits (`0 1 关键…`), as it does an item's `1 0.`.
# A private-use character right after a line-start number, before the title (`1\ue010突破…`, BL11): a symbol-font
# glyph of the separator (`．`) that the conversion could not map; it separates as the glyph did (has_sep).
_GARBLED_SEPARATOR = "\ue000-\uf8ff"
_LINE_MARKER_BODY = (
    _LINE_PREFIX_BODY
    + rf"(?P<marker>{_MARKERS}"
    + rf"|(?P<l3z>0{_SP}?[1-9])(?={_SP}*[\u4e00-\u9fff])"
    + rf"|(?P<l3>\d{{1,3}})(?!\d)(?:{_SP}*(?P<l3sep>[.．﹒、]|[{_GARBLED_SEPARATOR}](?=[\u4e00-\u9fff])){_NOT_DECIMAL}"
    + r"|(?=[\u4e00-\u9fff]))"
    + ")"
)
_LINE_MARKER = re.compile("(?m)^" + _LINE_MARKER_BODY)
# The same after a line break (a literal first: the engine skips from one break to the next, where `^` was tested at
# every character), and on the text's first line; (?m) kept for the `$` of an article's look-ahead (_line_markers).
_BREAK_LINE_MARKER = re.compile("(?m)\n" + _LINE_MARKER_BODY)
_FIRST_LINE_MARKER = re.compile("(?m)" + _LINE_MARKER_BODY)


def _line_markers(text: str) -> list:
    """``_LINE_MARKER.finditer(text)``'s matches, read after each line break (a match holds none, so the next
    one starts after a break at or after its end) and on the first line."""
    first = _FIRST_LINE_MARKER.match(text)
    rest = list(_BREAK_LINE_MARKER.finditer(text, first.end() if first else 0))
    return [first, *rest] if first else rest


# The same markers inside a line (the context decides, see _INLINE_CONTEXTS);
# `1.` only with its separator, never after a digit or a decimal point.
_INLINE_ALTERNATIVES = (  # the marker group left open, so that the flat variant can add one alternative
    rf"(?P<marker>{_ARTICLE}|(?P<l1>{_NUM}+)、|[（(]{_SP}*(?P<l2>{_NUM}+){_SP}*[）)]|{_HALF_OPEN}"
    rf"|(?<![\d.．])(?P<l3>\d{{1,3}})(?P<l3sep>[.．﹒、]|[{_GARBLED_SEPARATOR}](?=[\u4e00-\u9fff])){_NOT_DECIMAL}"
    rf"|[（(]{_SP}*(?P<l4>\d{{1,3}}){_SP}*[）)]"
)
_INLINE_BODY = _INLINE_ALTERNATIVES + ")"
_INLINE_MARKER = re.compile(_INLINE_BODY)
# In a text without line breaks a circled item (`…符合以下条件之一：①…；②…`) is found inside the line too.
_FLAT_INLINE_MARKER = re.compile(_INLINE_ALTERNATIVES + r"|(?P<l5>[①-⑳]))")
# Every character a match of it may start with (第, a numeral, a bracket, a digit, a circled number): its alternatives
# open with look-behinds and groups, so the engine entered it at every character of a flat text (~200 ns each); the
# class scan (stdlib re, a class first: it skips ahead) finds the starts and the pattern is matched there
# (pipeline.core.scans; tests/test_sections_scans.py).  Astral characters all pass: regex's \d knows digits of newer
# Unicode versions than stdlib's.
_FLAT_INLINE_FIRST = stdlib_re.compile(rf"[第（(①-⑳{NUMERAL_CLASS}\d\U00010000-\U0010ffff]")
# The same after a closing bracket or a stop (a heading glued to the previous paragraph).
# The punctuation is matched, not looked behind at: a literal first character lets the
# scan skip ahead.  Two markers sharing that character (`（二）（四）`) are a
# cross-reference, never headings, so nothing is lost.
# (stdlib re: it skips from one of the punctuation marks to the next at half regex's cost; the look-ahead of the
# characters a marker starts with fails at once after most of them, which hold a sentence, not a marker, where the
# marker group's six alternatives were each tried: the scan -44%.  It requires nothing the marker does not.)
_GLUED_MARKER = stdlib_re.compile(rf"[）)〕。；：:]{_SP}*(?=[第（({NUMERAL_CLASS}\d])" + _INLINE_BODY)
# A part heading glued after a comma where a line break was lost (`…智能化水平，三、优化智能审核和监控流程⏎`): a `一、`
# marker, the exact next part (_plausible), its title the rest of the line and short (_comma_candidates).
_COMMA_MARKER = stdlib_re.compile(rf"，(?={_SP}*[{NUMERAL_CLASS}]{{1,3}}、){_SP}*" + _INLINE_BODY)
_COMMA_TITLE_MAX = 40
_STOPS = re.compile(r"[\n\r。；;]")
# A text that lost its line breaks keeps each paragraph's two-character indent (GB/T 9704: `　　`, two spaces
# once normalised): a heading of such a text ends where the next paragraph's indent starts.
_FLAT_STOPS = re.compile(r"[\n\r。；;]|[ \u3000]{2}")
_RAW_BREAK = re.compile(r"[\n\r]")

# What may come right before a marker inside a line, per marker kind, in a
# document with line breaks and in one without (flat).  "other" = any character.
_CLOSE, _STOP, _COLON = "）)〕", "。", "：:"
_INLINE_CONTEXTS = {
    False: {1: _CLOSE + _STOP, 2: _CLOSE + _STOP, 3: "）)" + _STOP, "条": "。；"},
    # flat: a `（1）` item after a sentence, a clause or a colon (`其职责是：（1）…。（2）…；（3）…`), never
    # glued to a word (`包括（1）`: an inline enumeration); a circled `①` after a colon or a clause only
    # (`符合以下条件之一：①…；②…`; `…完成。①新增…。②…` is a paragraph's own enumeration)
    True: {
        1: None,
        2: None,
        3: _CLOSE + _STOP + "；" + _COLON,
        4: _CLOSE + _STOP + "；;" + _COLON,
        5: "；;" + _COLON,
        "条": None,
        "章": None,
        "节": None,
    },
}
# A cross-reference, not a heading: `第（二）项`, `（二）、（三）`, `第五条第（二）项`.
_REFERENCE_BEFORE = frozenset("第、和或至及与")
_REFERENCE_AFTER = re.compile(r"项(?!目)|款|[、，和或至及与][（(]|[（(]")
_ENUMERATED_AFTER = frozenset("、产级类期年等和及至")
_ARTICLE_REFERENCE_AFTER = re.compile(r"第|规定|[中的、，和或至及与]")

_BOX_LINE = re.compile(rf"(?m)^{_SP}*专栏{_SP}*(?:\d+|{_NUM}+)?")
# Without line breaks the box's label follows the paragraph before it (`…更多原创发现。专栏1　基础理论1.大数据…`):
# after a sentence's end, a bracket or a blank, and numbered (`开设专栏` in prose is no box).
_FLAT_BOX = re.compile(rf"(?<=[。；）)]|{_SP})专栏{_SP}*(?:\d{{1,2}}|{_NUM}{{1,3}})")
# `附件` / `附件2` / `附件2：重点任务清单` alone on a line starts an appendix;
# `附件：1.xxx` (no number before the colon) is the attachment list instead.
_APPENDIX_LINE = re.compile(rf"(?m)^{_SP}*附件{_SP}*(?:(?:\d+|{_NUM}+){_SP}*(?:[:：][^\n]{{0,40}})?)?{_SP}*$")
# `附件：1.xxx` and the numbered lines that continue the list; (BL31) also a plan's list of attached tables,
# `附表：1．…`, its continuation lines indented under the first item in a PDF.
_ATTACHMENT_LIST = re.compile(rf"(?m)^{_SP}*附[件表]{_SP}*[:：][^\n]*(?:\n{_SP}*\d{{1,2}}{_SP}*[.．、][^\n]*)*")

# Without line breaks: `附件：1.甲 2.乙附件1甲…` — the list runs to the first `。` or to
# the first attachment's own `附件1`, where that attachment (an appendix) starts.
_FLAT_ATTACHMENT_LIST = re.compile(rf"附件{_SP}*[:：]{_SP}*(?=[1一（(])")
_FLAT_TITLED_APPENDIX = re.compile(rf"附件{_SP}*[:：](?!{_SP}*[1一（(])")
_FLAT_APPENDIX = re.compile(rf"附件{_SP}*(?:\d{{1,2}}|{_NUM}{{1,3}})(?![\d:：])")
# A PDF's last page number, then the attachment's own label and title (`…不能被篡改。17附件4名词解释一、…`): a page
# of its own starts with the label, so a sentence's end and a page number before it make it an appendix start.
_FLAT_PAGE_APPENDIX = re.compile(rf"[。；]{_SP}*\d{{1,3}}{_SP}*(?P<label>附件{_SP}*\d{{1,2}})(?=[\u4e00-\u9fff])")

# A number directly followed by one of these is a quantity, not a heading
# whose separator went missing (`19加强组织领导` vs `20家企业`).
_UNIT_CHARS = frozenset(
    "年月日号个家项亿万千百十元%％倍次人名所座条台套辆吨亩天周岁只届批期版类种点组户栋层米度分秒小批余多"
)

_DISTINCTIVE_SLACK = 4  # skipped numbers tolerated after a line-start 一、/（一）/（1）
_NUMBERED_SLACK = 3  # same for 1. items, whose numbers also occur in running text
_FIRST_NUMBER_MAX = 30  # a first marker numbered higher is running text, not an excerpt's heading
_FLAT_MIN_CHARS = 500  # a document this long (a short standard of 600 characters scraped into one line) ...
_FLAT_LINE_CHARS = 800  # ... whose lines average more than this lost its line breaks
# Marker kinds from outermost to innermost; deeper numbering restarts under a new parent.
_RANK = {"章": 0, "节": 1, "条": 2, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7}
# Decimal clauses (`1`, `1.1`, `3.2.1`: pipeline.structure.clauses), by depth: ranked as the GB/T 9704 kinds of their
# level, so that a clause restarts the `（1）` items under it; decided as a numbering of their own (_plausible).
_CLAUSE_KINDS = {depth: f"clause{depth}" for depth in range(1, 6)}
_CLAUSE_LEVEL = {kind: depth for depth, kind in _CLAUSE_KINDS.items()}
_RANK.update({kind: _RANK[depth] for depth, kind in _CLAUSE_KINDS.items()})
_DIVISIONS = ("章", "节", "条")
_TITLE_HOLDERS = frozenset(("章", "节", 1, 2))  # kinds whose title line may hold the next heading


@dataclass(slots=True)
class _Candidate:
    start: int
    title_start: int
    end: int
    kind: int | str  # 1..5, or "章"/"节"/"条"
    number: int
    inline: bool  # inside a line, not at its start
    strict: bool  # only the exact next number of its sequence makes it a heading
    has_sep: bool
    sibling_rule: str = ""  # a garbled or run-in marker its siblings decide (_siblings_agree)
    box_item: bool = False  # a `01 ` item: a heading only inside a 专栏 box
    next_sibling: int | None = None  # number of the next line-start marker of its kind (_link_siblings)


def is_flat(text: str) -> bool:
    """A document whose line breaks were lost (scraped into one or a few long lines)."""
    return len(text) >= _FLAT_MIN_CHARS and text.count("\n") * _FLAT_LINE_CHARS < len(text)


# In this order (the inline pattern has an l4 too: `（1）` items of a flat text, _INLINE_CONTEXTS).
_KIND_GROUPS = (("l1", 1), ("l2", 2), ("l2h", 2), ("l3", 3), ("l4", 4))


def _kind_and_number(match) -> tuple[int | str, int] | None:
    group = match.group
    art = group("art")
    if art:
        kind, raw_number = group("art_kind"), art.replace(" ", "").replace("\t", "").replace("\u3000", "")
    else:
        kind = raw_number = None
        for name, k in _KIND_GROUPS:
            raw_number = group(name)
            if raw_number:
                kind = k
                break
        if kind is None:
            found = match.groupdict()
            if found.get("l3z"):
                return 3, int(found["l3z"][-1])  # a 专栏 box's `01 ` item (`0 1`: a PDF's character spacing)
            circled = found.get("l5")
            return (5, ord(circled) - ord("①") + 1) if circled else None
    number = cn_to_int(raw_number)
    return (kind, number) if number is not None and number >= 1 else None


def _candidate(match, inline: bool, strict: bool, found: tuple | None = None, flat: bool = False) -> _Candidate | None:
    """``found``: ``_kind_and_number(match)`` when the caller has it already; ``flat``: the text lost its breaks."""
    found = found or _kind_and_number(match)
    if found is None:
        return None
    kind, number = found
    text = match.string
    marker_end = match.end("marker")
    box_item = kind == 3 and "l3z" in match.re.groupindex and match.group("l3z") is not None
    if kind in _DIVISIONS:
        has_sep = marker_end < len(text) and text[marker_end] in " \t\u3000\u00a0\n\r"
    else:
        has_sep = (kind != 3 or box_item or match.group("l3sep") is not None) and match.group("l2h") is None
    title_start, end = _title_bounds(text, marker_end, flat)
    if end == title_start:
        end = marker_end  # a marker alone on its line: the span is the marker
    cand = _Candidate(match.start("marker"), title_start, end, kind, number, inline, strict, has_sep)
    cand.box_item = box_item
    return cand


def _title_bounds(text: str, title_start: int, flat: bool) -> tuple[int, int]:
    """A marker's title: from ``title_start`` with the blanks after the marker skipped, to the first stop of the
    text's kind (a flat text's stops are its sentence ends), trailing blanks and bold left out."""
    while title_start < len(text) and text[title_start] in _TITLE_BLANKS:
        title_start += 1
    stop = (_FLAT_STOPS if flat else _STOPS).search(text, title_start)
    return title_start, _rstrip(text, title_start, stop.start() if stop else len(text))


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\u3000\u00a0*":
        end -= 1
    return end


def _inline_context(text: str, match, kind, flat: bool) -> bool | None:
    """May this inline marker start a heading here?  None: no; False: yes; True: only strictly.

    Strictly: after a word character it must be the exact next number of its
    sequence, and in a text with line breaks it must also sit in the title of
    the heading just before it, one kind deeper (``第七章 法律责任 第四十二条 …``).
    """
    start = match.start("marker")
    before = start - 1
    while before >= 0 and text[before] in _SP_CHARS:
        before -= 1
    prev = text[before] if before >= 0 else "\n"
    if prev == "\n":
        return None  # a line start: the line-start scan has it
    after = match.end("marker")
    if prev == "、" and flat and kind == 3 and match.group("l3sep") in ".．﹒":
        return True  # `…流程和周期、3.质量管理…`: a clause's end glued to the item, only the exact next one
    if prev in _REFERENCE_BEFORE or _reference_after(text, after, kind, flat and prev in _STOP + "；"):
        return None
    punctuation = prev in _CLOSE + _STOP + "；" + _COLON
    if kind == 5 and not punctuation:
        return None  # a circled number glued to a word is a note's mark (`…规定①`), never an item
    allowed = _INLINE_CONTEXTS[flat].get(kind, "")
    if allowed is None:  # flat: after punctuation as a glued heading, else strictly
        return not punctuation
    if prev in allowed:
        return False
    return None if punctuation else True


def _reference_after(text: str, after: int, kind, opens_sentence: bool = False) -> bool:
    """``opens_sentence``: the marker follows a sentence's end in a text without line breaks, where
    ``。第十七条，培训机构…`` is an article whose marker a comma separates from its text, not a reference."""
    if kind in _DIVISIONS:
        found = _ARTICLE_REFERENCE_AFTER.match(text, after)
        return found is not None and not (opens_sentence and found.group() in "，,")
    if kind == 1:  # `一、二、三产业`, `一、二级`, not `四、一般突发环境事件`
        return text[after : after + 1] in NUMERAL_CLASS and text[after + 1 : after + 2] in _ENUMERATED_AFTER
    return kind in (2, 4) and _REFERENCE_AFTER.match(text, after) is not None


def _inline_candidates(text: str, matches, flat: bool, seen: set[int]) -> list[_Candidate]:
    found = []
    for m in matches:
        if m.start("marker") in seen:
            continue
        kind_number = _kind_and_number(m)
        if kind_number is None:
            continue
        strict = _inline_context(text, m, kind_number[0], flat)
        if strict is not None and (c := _candidate(m, True, strict, kind_number, flat)):
            found.append(c)
            seen.add(c.start)
    return found


def _comma_candidates(text: str, seen: set[int]) -> list[_Candidate]:
    found = []
    for m in _COMMA_MARKER.finditer(text):
        kind_number = _kind_and_number(m)
        if kind_number is None or kind_number[0] != 1 or _reference_after(text, m.end("marker"), 1):
            continue  # `其中，一、二、三产增加值`: an enumeration
        c = _candidate(m, True, False, kind_number)
        if (
            c
            and c.start not in seen
            and text[c.end : c.end + 1] in ("\n", "\r", "")
            and c.end - c.title_start <= _COMMA_TITLE_MAX
        ):
            found.append(replace(c, has_sep=False))  # has_sep False: only the exact next number (_plausible)
            seen.add(c.start)
    return found


# A `（八）` glued to the last word of the paragraph before it, where a line break was lost (`…对系统的可控性（八）明确
# 系统边界`): with both brackets it is no garbled number, and only the exact next item under its parent (strict)
# makes it a heading; `第（八）项` and `（八）项` are references (_inline_context).
_WORD_GLUED_ITEM = re.compile(rf"(?<=[\u4e00-\u9fff])[（(]{_NUM}{{1,3}}[）)]")


# `9.金 1 0.银`, `…）1 0．大力…`: an item's two digits a PDF spaced out inside a line (normalizers.spacing keeps
# the space there: `。3 5.强化` may be a page number and the item 5), read as the number they make when it is
# the next item (_plausible; the item 5 is a candidate of its own).
_SPACED_ITEM = re.compile(r"(?<![\d.．])(\d) (\d)[.．](?=[\u4e00-\u9fff])")


def _spaced_item_candidates(text: str, flat: bool, seen: set[int]) -> list[_Candidate]:
    found = []
    for m in _SPACED_ITEM.finditer(text):
        before = m.start() - 1
        while before >= 0 and text[before] in _SP_CHARS:
            before -= 1
        glued = before >= 0 and text[before] in _CLOSE + _STOP + "；" + _COLON  # a heading glued after a stop
        if m.start() in seen or before < 0 or text[before] == "\n" or not (flat or glued):
            continue
        _, end = _title_bounds(text, m.end(), flat)  # the title opens right after the dot (the pattern's look-ahead)
        found.append(_Candidate(m.start(), m.end(), end, 3, int(m[1] + m[2]), True, not glued, True))
        seen.add(m.start())
    return found


# In a text without line breaks a PDF's page number runs into the item after it (`…架构 2⏎1. 生命周期` →
# `架构21. 生命周期`, `子体系101. 通用标准`): the number's last one or two digits are also a candidate, strict (only
# the exact next item; the whole number, an earlier candidate, wins when it is the next one).
_RUN_ON_ITEM = re.compile(r"(?<![\d.．])\d{2,4}(?=[.．] ?[\u4e00-\u9fff])")


def _page_glued_item_candidates(text: str, seen: set[int]) -> list[_Candidate]:
    found = []
    for m in _RUN_ON_ITEM.finditer(text):
        title_start, end = _title_bounds(text, m.end() + 1, True)
        for start in (m.end() - 1, m.end() - 2):
            if start > m.start() and text[start] != "0" and start not in seen:
                found.append(_Candidate(start, title_start, end, 3, int(text[start : m.end()]), True, True, True))
                seen.add(start)
    return found


def _glued_item(cand: _Candidate) -> bool:
    return cand.kind == 2 and cand.has_sep and cand.number >= 2


def _may_hold_marker(title: str) -> bool:
    return "、" in title or "）" in title or ")" in title or "条" in title or "." in title


def _candidates(text: str, flat: bool) -> list[_Candidate]:
    found = [c for m in _line_markers(text) if (c := _candidate(m, False, False, flat=flat))]
    seen = {c.start for c in found}
    inline = _inline_candidates(text, _GLUED_MARKER.finditer(text), flat, seen)
    if flat:  # a marker may follow any character
        flat_markers = first_class_finditer(_FLAT_INLINE_MARKER, _FLAT_INLINE_FIRST, text)
        inline += _inline_candidates(text, flat_markers, flat, seen)
        inline += _page_glued_item_candidates(text, seen)
    else:  # after a word character only inside the title line of a shallower heading, or a `（八）` (feed)
        inline += _comma_candidates(text, seen)
        word_glued = (_INLINE_MARKER.match(text, m.start()) for m in _WORD_GLUED_ITEM.finditer(text))
        inline += _inline_candidates(text, (m for m in word_glued if m), flat, seen)
        for c in list(found):  # (_Parser._in_previous_title): `一、总体要求（一）…`, `第七章 法律责任 第四十二条`
            if c.kind in _TITLE_HOLDERS and _may_hold_marker(text[c.title_start : c.end]):
                inline += _inline_candidates(text, _INLINE_MARKER.finditer(text, c.title_start, c.end), flat, seen)
        inline += _sibling_candidates(text, seen) + _run_on_items(text, found, seen)
    found += inline + _spaced_item_candidates(text, flat, seen)
    clauses = _clause_candidates(text, flat)
    if clauses:  # a clause's number is no `1`-without-separator item (`1总则` once normalised)
        starts = {c.start for c in clauses}
        found = [c for c in found if c.start not in starts] + clauses
    found.sort(key=lambda c: c.start)
    if not flat:
        _link_siblings(found)
    return found


def _clause_candidates(text: str, flat: bool) -> list[_Candidate]:
    """The decimal clauses of an 应急预案 or a standard (``1　总则``, ``1.1　编制目的``), decided by their numbering."""
    return [
        _Candidate(c.start, c.title_start, c.end, _CLAUSE_KINDS[c.level], c.number, False, False, True)
        for c in decimal_clauses(text, flat)
    ]


# Garbled and run-together markers of a text with line breaks (OCR, scraped pages), decided by their siblings: the
# marker of the same kind before (the numbering so far) and the next one at a line start.  A stray `一)` or `1.3` in
# prose has no such siblings and stays no heading.
# - `first`: a first `（一）` that lost its opening bracket (`一)工程指导…` at a line start), or one run into the line
#   before after its colon (`第十一条 …建设：一）合理布局…`): a heading when `（二）` starts a following line.
# - `decimal`: a `1.` item whose title opens with a digit (`1.3人户家庭；` after a line ending in `：`, then `2.2人户中…`):
#   not a decimal when the line starts run 1., 2., 3.; the first only after a colon line and when `2.` follows.
# - `article`: a garbled article number (`第二十-条`, OCR's `-` for `一`) at a line start, or an article run into the
#   line of the article before it after a lost `。` (`第二十二条 …负责解释第二十三条本办法自公布之日起试行`): the exact
#   next article, and the next article at a line start (if any) is the one after it.
# - `run_on`: the items of a numbered list written on one line after its first (`1.死亡的；2.失踪的；3.…`, `（1）…；（2）…`,
#   a list of conditions whose items a page did not break into lines): each right after the `；` closing the item
#   before it, numbered the next, its marker of the same form, the list's first item a heading at a line start (an
#   enumeration opening inside a line, `…以下内容：（一）…；（二）…`, stays prose).
# (stdlib re with a literal or class opening, the line start checked after: a `(?m)^` scan enters every line)
_RUN_ON_NEXT: dict[int | str, stdlib_re.Pattern[str]] = {
    3: stdlib_re.compile(rf"{_SP}*[；;]{_SP}*(?P<marker>(?P<number>\d{{1,2}})[.．])(?=[\u4e00-\u9fff《“（(])"),
    4: stdlib_re.compile(rf"{_SP}*[；;]{_SP}*(?P<marker>[（(](?P<number>\d{{1,2}})[）)])(?=[\u4e00-\u9fff《“])"),
}
_COLON_FIRST_ITEM = stdlib_re.compile(rf"[：:]{_SP}*(?P<marker>[（(]?{_SP}*一{_SP}*[）)])")
_DECIMAL_BODY = _LINE_PREFIX_BODY + r"(?P<marker>(?P<number>[0-9]{1,2})[.．])(?=[0-9]{1,2}[\u4e00-\u9fff])"
_DECIMAL_ITEM = stdlib_re.compile("\n" + _DECIMAL_BODY)  # at a line start: a literal opening
_DECIMAL_FIRST_LINE = stdlib_re.compile(_DECIMAL_BODY)
_COLON_LINE_END = re.compile(rf"[：:]{_SP}*$")
_ARTICLE_LOOKAHEAD = r"(?=[ \t\u3000\u00a0\u4e00-\u9fff《“\"（(【，,]|$)"
_GARBLED_ONE = re.compile("[-－‐]")
_GARBLED_ARTICLE = stdlib_re.compile(
    rf"(?P<marker>第{_SP}*(?P<number>[{NUMERAL_CLASS}]*[-－‐][{NUMERAL_CLASS}]*){_SP}*条){_ARTICLE_LOOKAHEAD}"
)
_RUN_IN_ARTICLE = stdlib_re.compile(rf"(?P<marker>第(?P<number>[{NUMERAL_CLASS}]+)条){_ARTICLE_LOOKAHEAD}")
# what a line may hold before its marker (_LINE_START's blanks, Word bookmarks, markdown bold)
_LINE_PREFIX = re.compile(_LINE_PREFIX_BODY)
_LINE_ARTICLE = re.compile(_LINE_START + rf"第{_SP}*(?P<number>{_NUM}+){_SP}*条")


def _sibling_candidate(text: str, m, kind, number: int | None, rule: str, inline: bool) -> _Candidate | None:
    if number is None or number < 1:
        return None
    marker_end = m.end("marker")
    title_start, end = _title_bounds(text, marker_end, False)
    has_sep = kind != 2 or text[m.start("marker")] in "（("
    return _Candidate(m.start("marker"), title_start, max(end, marker_end), kind, number, inline, False, has_sep, rule)


def _previous_line(text: str, pos: int) -> str:
    line_start = text.rfind("\n", 0, pos)
    return text[text.rfind("\n", 0, max(line_start, 0)) + 1 : max(line_start, 0)]


def _at_line_start(text: str, pos: int) -> bool:
    return _LINE_PREFIX.fullmatch(text, text.rfind("\n", 0, pos) + 1, pos) is not None


def _decimal_items(text: str) -> list[_Candidate]:
    found = []
    first_line = _DECIMAL_FIRST_LINE.match(text)
    for m in ([first_line] if first_line else []) + list(_DECIMAL_ITEM.finditer(text)):
        number = int(m.group("number"))
        if number == 1 and not _COLON_LINE_END.search(_previous_line(text, m.start("marker"))):
            continue  # a list's first item follows the line that announces it
        if c := _sibling_candidate(text, m, 3, number, "decimal", False):
            found.append(c)
    return found


def _garbled_articles(text: str) -> list[_Candidate]:
    found = []
    for m in _GARBLED_ARTICLE.finditer(text):
        if not _at_line_start(text, m.start()):
            continue
        number = cn_to_int(_GARBLED_ONE.sub("一", m.group("number")))  # OCR reads `一` as a dash
        if c := _sibling_candidate(text, m, "条", number, "article", False):
            found.append(c)
    return found


def _run_in_articles(text: str) -> list[_Candidate]:
    found = []
    for m in _RUN_IN_ARTICLE.finditer(text):
        if not "\u4e00" <= text[m.start() - 1 : m.start()] <= "\u9fff":
            continue  # run into a word of the line before it (an article after a stop is _GLUED_MARKER's)
        number = cn_to_int(m.group("number"))
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_article = _LINE_ARTICLE.match(text, line_start)
        if number is None or line_article is None or cn_to_int(line_article.group("number")) != number - 1:
            continue  # only inside the line of the article just before it
        if text[m.start() - 1] in _REFERENCE_BEFORE or _reference_after(text, m.end("marker"), "条"):
            continue  # `第二十条第（二）项`, `依照第十二条规定`: a cross-reference
        if c := _sibling_candidate(text, m, "条", number, "article", True):
            found.append(c)
    return found


def _run_on_items(text: str, line_starts: list[_Candidate], seen: set[int]) -> list[_Candidate]:
    """The items run on after a line-start item of a numbered list (``run_on`` above), in a text with line breaks."""
    found = []
    for first in line_starts:
        pattern = _RUN_ON_NEXT.get(first.kind) if first.has_sep and not first.inline else None
        item = first
        while (
            pattern is not None and (m := pattern.match(text, item.end)) and int(m.group("number")) == item.number + 1
        ):
            if m.start("marker") in seen or not (
                nxt := _sibling_candidate(text, m, first.kind, item.number + 1, "run_on", True)
            ):
                break
            found.append(nxt)
            seen.add(nxt.start)
            item = nxt
    return found


def _sibling_candidates(text: str, seen: set[int]) -> list[_Candidate]:
    """The garbled and run-in markers of a text with line breaks (see above), not found by the other scans."""
    found = [c for m in _COLON_FIRST_ITEM.finditer(text) if (c := _sibling_candidate(text, m, 2, 1, "first", True))]
    found += _garbled_articles(text) + _decimal_items(text) + _run_in_articles(text)
    found = [c for c in found if c.start not in seen]
    seen.update(c.start for c in found)
    return found


def _link_siblings(candidates: list[_Candidate]) -> None:
    """Record, for each candidate a sibling rule decides, its next sibling: the next line-start marker of its kind, before a
    line-start marker of a shallower kind (articles run on across chapters)."""
    for i, cand in enumerate(candidates):
        if cand.kind == 2 and not cand.has_sep and cand.number == 1 and not cand.sibling_rule:
            cand.sibling_rule = "first"  # `一)` at a line start
        if not cand.sibling_rule:
            continue
        for later in candidates[i + 1 :]:
            if later.inline or not (later.has_sep or later.kind in _DIVISIONS):
                continue
            if later.kind == cand.kind:
                cand.next_sibling = later.number
                break
            if cand.kind not in _DIVISIONS and _RANK[later.kind] < _RANK[cand.kind]:
                break


def _siblings_agree(cand: _Candidate, local: int, global_: int) -> bool:
    n, following = cand.number, cand.next_sibling
    if cand.sibling_rule == "first":
        return n == 1 and local == 0 and following == 2
    if cand.sibling_rule == "run_on":
        return n == local + 1  # the item before it on its line was read
    if cand.sibling_rule == "decimal":
        return (local == 0 and following == 2) if n == 1 else (local == n - 1 and following in (n + 1, None))
    return n == global_ + 1 and following in (n + 1, None)  # article


# A table laid out one cell per line (a scraped page): a row number alone on its line right
# after a numeric cell of the previous row (`522500\n345700\n（1）\n北排一通道工程`) is no heading.
_NUMERIC_CELL = re.compile(r"[\d.,%％\-–—~～ \t\u3000]+")


def _table_row_number(text: str, cand: _Candidate) -> bool:
    if cand.end > cand.title_start:
        return False  # the marker has a title on its line
    line_start = text.rfind("\n", 0, cand.start)
    if line_start <= 0:
        return False
    previous_start = text.rfind("\n", 0, line_start) + 1
    previous = text[previous_start:line_start].strip()
    return bool(previous) and _NUMERIC_CELL.fullmatch(previous) is not None


def _plausible(cand: _Candidate, local: int, global_: int, flat: bool) -> bool:
    """Does the candidate's number fit the numbering sequence so far?"""
    n = cand.number
    if cand.kind in _CLAUSE_LEVEL:
        return True  # decided with the clauses' whole numbering (pipeline.structure.clauses)
    if cand.sibling_rule:
        return _siblings_agree(cand, local, global_)
    if cand.kind in (1, 2) and not cand.has_sep:
        # `三)` missing its `(`, `，三、` glued after a comma: only the exact next item under its parent
        return n == local + 1 and n >= 2
    if cand.strict:
        # a marker after a word character of a flat text: only the exact next number
        return n == local + 1 or (local == 0 and n == global_ + 1)
    if cand.inline:
        if cand.kind in _DIVISIONS:
            return n == global_ + 1 or n == local + 1
        if cand.kind == 3 and local < 1:
            # flat: a first item, or one running on from the previous parent's items (`（二）…。4.增强…`)
            return flat and (n == 1 or (global_ > 0 and n == global_ + 1))
        if flat and cand.kind == 1 and n == 1:
            return True  # `。一、` in a flat text: a new part starts (an attached plan)
        if flat and cand.kind == 4 and n == 1:
            return True  # `其职责是：（1）…`: a new list of items, also a second one under the same parent
        if flat and cand.kind == 2 and n == 1:
            # `…以下九个方面工作。（一）坚定不移…`: a part without a numbered heading (a work report's
            # `2024年工作安排`) restarts its `（一）` list after a sentence's end
            return True
        # the first item under a new parent may run on from the previous parent's items; one
        # number may be skipped (a garbled or missing marker, `-、` for `一、`)
        return n in (local + 1, local + 2) or (local == 0 and global_ > 0 and n == global_ + 1)
    if not cand.has_sep:
        # `19加强组织领导`, `第2条基础上`: only the exact next number of a running
        # sequence (or a first article) makes a heading of a marker without separator.
        if cand.kind in _DIVISIONS:
            return n == global_ + 1 or n == local + 1
        return (n == local + 1 or n == global_ + 1) and n >= 2
    if local == 0 and global_ == 0:
        return n <= _FIRST_NUMBER_MAX  # the first marker of its kind: nothing to compare with
    slack = _NUMBERED_SLACK if cand.kind in (3, "条") else _DISTINCTIVE_SLACK
    # restarts under its parent, or runs on from the previous parent's items
    # (若干措施: （一）…（四） under 一、, then （五）…（二十二） under 二、…)
    return n == 1 or local - 1 <= n <= local + slack or global_ < n <= global_ + slack


def _spans(pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


class _Numbering:
    """Last number seen per marker kind: under the current parent, and anywhere."""

    __slots__ = ("local", "global_")

    def __init__(self):
        self.local: dict = {}
        self.global_: dict = {}

    def plausible(self, cand: _Candidate, flat: bool) -> bool:
        return _plausible(cand, self.local.get(cand.kind, 0), self.global_.get(cand.kind, 0), flat)

    def copy(self) -> _Numbering:
        twin = _Numbering()
        twin.local, twin.global_ = dict(self.local), dict(self.global_)
        return twin

    def continues(self, cand: _Candidate) -> bool:
        n = cand.number
        return n == self.local.get(cand.kind, 0) + 1 or n == self.global_.get(cand.kind, 0) + 1

    def seen(self, cand: _Candidate) -> None:
        self.local[cand.kind] = cand.number
        self.global_[cand.kind] = cand.number
        for other in list(self.local):
            if _RANK[other] > _RANK[cand.kind]:
                self.local[other] = 0  # deeper numbering restarts under a new parent


class _Parser:
    """One pass over the candidates in text order, building the tree."""

    def __init__(self, text: str, norm: NormalizedText | None = None):
        self.text = text
        self.norm = norm
        self.open_articles = 0
        self.flat = is_flat(text)
        self.sections: list[Section] = []
        self.title_starts: list[int] = []
        self.stack: list[Section] = []
        self.kinds: list = []  # marker kind of each section, by section_id - 1
        self.numbering = _Numbering()
        self.main_numbering: _Numbering | None = None  # saved while inside a 专栏 box
        self.division_level: int | None = None  # level of the enclosing 章/节, for 条
        self._tentative: _Numbering | None = None  # numbering before a tentative `一、` (see _drop_tentative)

    def start_appendix(self, pos: int) -> None:
        for open_section in self.stack:
            open_section.body_end = pos
        self.stack.clear()
        self.open_articles = 0
        self.numbering, self.main_numbering, self.division_level = _Numbering(), None, None

    def start_box(self) -> None:
        self.main_numbering = self.main_numbering or self.numbering
        self.numbering = _Numbering()

    def _leaves_box(self, cand: _Candidate) -> bool:
        main = self.main_numbering
        return main is not None and main.continues(cand) and not self.numbering.continues(cand)

    def feed(self, cand: _Candidate) -> None:
        if cand.box_item and self.main_numbering is None:
            return  # a `01 ` line outside a 专栏 box
        if not cand.inline and not cand.has_sep:
            if cand.kind == 3 and cand.end - cand.title_start < 2:
                return
            if self.text[cand.title_start : cand.title_start + 1] in _UNIT_CHARS:
                return
        if self.sections and cand.start < self.sections[-1].norm_start:
            return
        if not cand.inline and _table_row_number(self.text, cand):
            return
        if cand.strict and not self.flat and not _glued_item(cand) and not self._in_previous_title(cand):
            return
        if self.flat and cand.kind == 1 and cand.number == 1 and self._tentative is not None:
            self._drop_tentative()
        if self._leaves_box(cand):
            self.numbering, self.main_numbering = self.main_numbering, None
        if not self.numbering.plausible(cand, self.flat):
            return
        self._accept(cand, self._level(cand.kind))

    def _drop_tentative(self) -> None:
        """A `一、` after a word character (`方案一、…` or `统一、规范`) is confirmed by what follows
        it; another `一、` before anything else follows means it was a word, not a heading."""
        dropped = self.sections.pop()
        self.title_starts.pop()
        self.kinds.pop()
        self.stack.remove(dropped)
        self.numbering = self._tentative
        self._tentative = None

    def _in_previous_title(self, cand: _Candidate) -> bool:
        """Inside the title of the heading just before, and of a deeper kind than it."""
        if not self.sections:
            return False
        previous = self.sections[-1]
        return cand.start < previous.norm_end and _RANK[cand.kind] > _RANK[self.kinds[-1]]

    def _level(self, kind) -> int:
        if kind in _CLAUSE_LEVEL:
            return _CLAUSE_LEVEL[kind]
        if kind == "章":
            return 1
        if kind == "节":
            return 2
        if kind == "条":
            return (self.division_level + 1) if self.division_level else 3
        if not self.open_articles:
            return kind
        # inside an article: one level below the nearest open article or shallower marker
        for open_section in reversed(self.stack):
            open_kind = self.kinds[open_section.section_id - 1]
            if open_kind == "条" or _RANK[open_kind] < _RANK[kind]:
                return open_section.level + 1
        return kind

    def _accept(self, cand: _Candidate, level: int) -> None:
        if self.sections and cand.start < self.sections[-1].norm_end:
            # a heading inside the previous one's title line: that title ends here
            previous = self.sections[-1]
            previous.norm_end = max(_rstrip(self.text, previous.norm_start, cand.start), previous.norm_start + 1)
        while self.stack and self.stack[-1].level >= level:
            closed = self.stack.pop()
            closed.body_end = cand.start
            self.open_articles -= self.kinds[closed.section_id - 1] == "条"
        section = Section(
            section_id=len(self.sections) + 1,
            parent_id=self.stack[-1].section_id if self.stack else None,
            level=level,
            number=cand.number,
            heading="",
            norm_start=cand.start,
            norm_end=self._raw_line_end(cand),
        )
        self.sections.append(section)
        self.title_starts.append(cand.title_start)
        self.kinds.append(cand.kind)
        self.stack.append(section)
        self.open_articles += cand.kind == "条"
        if cand.kind in ("章", "节"):
            self.division_level = level
        # a strict first `一、` stays tentative until another heading follows it
        self._tentative = self.numbering.copy() if cand.strict and cand.kind == 1 and cand.number == 1 else None
        self.numbering.seen(cand)

    def _raw_line_end(self, cand: _Candidate) -> int:
        """The title ends at a line break of the raw text too (a PDF line the normaliser joined)."""
        norm = self.norm
        if norm is None or cand.end <= cand.title_start or norm.offsets.is_identity:
            return cand.end
        src_start = norm.offsets.src_start
        raw_start, raw_last = int(src_start[cand.title_start]), int(src_start[cand.end - 1])
        if raw_last - raw_start == cand.end - 1 - cand.title_start:
            return cand.end  # nothing was deleted inside the title: no joined line
        found = _RAW_BREAK.search(norm.raw_text, raw_start, raw_last)
        if found is None:
            return cand.end
        cut = int(np.searchsorted(norm.offsets.src_end, found.start(), side="right"))  # first char after it
        return _rstrip(self.text, cand.title_start, cut) if cut > cand.title_start else cand.end

    def finish(self) -> list[Section]:
        for open_section in self.stack:
            open_section.body_end = len(self.text)
        for section, title_start in zip(self.sections, self.title_starts):
            title = self.text[title_start : section.norm_end] if title_start < section.norm_end else ""
            section.heading = title.strip(" \t\u3000\u00a0").lstrip("、，,.．")
        return self.sections


def _flat_attachments(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Attachment lists and the appendix starts that end them, in a text without line breaks."""
    lists, appendices = [], []
    for m in _FLAT_ATTACHMENT_LIST.finditer(text):
        stop = text.find("。", m.end())
        end = stop if stop >= 0 else len(text)
        appendix = _FLAT_APPENDIX.search(text, m.end(), end)
        if appendix is not None:
            end = appendix.start()
            appendices.append(end)
        lists.append((m.start(), end))
    appendices += [m.start() for m in _FLAT_TITLED_APPENDIX.finditer(text)]  # `附件：某某名单一、…`
    appendices += [m.start("label") for m in _FLAT_PAGE_APPENDIX.finditer(text)]
    return lists, sorted(appendices)


def attachment_list_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the numbered attachment lists after ``附件：`` (GUIDE: not headings)."""
    # (every list opens with its label)
    spans = _spans(_ATTACHMENT_LIST, text) if "附件" in text or "附表" in text else []
    if is_flat(text):
        spans += _flat_attachments(text)[0]
    return spans


# A table's or form's note (GB/T 9704 prints 注 under a table): `注：1.…；` and the points numbered on from it, one a line
# (`2.…`, `3.…`; blank lines between), also after `备注：` or `说明：` opening a line. Its points explain the table
# above: no headings (the first point, inside the label's line, is prose already). A `说明：` inside a line
# (`填写说明：1.…`) or a next number out of sequence ends nothing and continues nothing.
# (stdlib re with a literal opening, the line start checked after: a `(?m)^` scan enters every line)
_NOTE_OPENING = stdlib_re.compile(rf"(?:备注|注|说明){_SP}*[:：]{_SP}*(?P<marker>[（(]?1[）).．、])")
_NOTE_NEXT_POINT = stdlib_re.compile(rf"(?:\n{_SP}*)+(?P<marker>[（(]?(?P<number>\d{{1,2}})[）).．、])")


def _same_form(marker: str, first: str) -> bool:
    """Whether ``marker`` (`2.`, `（2）`) is written as ``first`` (`1.`, `（1）`): the same brackets or separator."""
    return marker[0].isdigit() == first[0].isdigit() and marker[-1] == first[-1]


def _note_end(text: str, opening: stdlib_re.Match[str]) -> int:
    """The end of the line of a note's last point: the points numbered on from the opening's `1.`, one a line."""
    end, number = opening.end(), 2
    while (line_end := text.find("\n", end)) >= 0:
        point = _NOTE_NEXT_POINT.match(text, line_end)
        if not point or int(point.group("number")) != number or not _same_form(point["marker"], opening["marker"]):
            return line_end
        end, number = point.end(), number + 1
    return len(text)


def note_list_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the numbered points of a table's note (_NOTE_OPENING above): no headings."""
    spans = []
    for m in _NOTE_OPENING.finditer(text) if "注" in text or "说明" in text else ():
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t\u3000"):  # `填写说明：1.…`: the label opens no line
            spans.append((m.start(), _note_end(text, m)))
    return spans


_ALONE_MARKER = re.compile(
    rf"(?m)^{_SP}*(?:[（(]{_SP}*(?:{_NUM}+|\d{{1,3}}){_SP}*[）)]|\d{{1,3}}[.．、]?|{_NUM}+、){_SP}*$"
)


def non_heading_spans(text: str) -> list[tuple[int, int]]:
    """Where numbered markers are not headings by the genre's conventions: attachment lists
    and the row numbers of a table laid out one cell per line (for ``polex audit``)."""
    spans = attachment_list_spans(text) + contents_spans(text) + note_list_spans(text)
    for m in _ALONE_MARKER.finditer(text):
        previous_start = text.rfind("\n", 0, max(0, m.start() - 1)) + 1
        previous = text[previous_start : max(previous_start, m.start() - 1)].strip()
        if previous and _NUMERIC_CELL.fullmatch(previous):
            spans.append(m.span())
    return spans


def build_sections(
    norm: NormalizedText, raw_line_ends: bool = True, contents: list[tuple[int, int]] | None = None
) -> list[Section]:
    """The document's section tree.  ``raw_line_ends``: a title also ends at a line break
    of the raw text that a normaliser joined (text extracted from a PDF); False for a
    PDF read by polex, whose joined breaks are its layout's wraps (``pdf_wraps``), not
    the document's line ends.  ``contents``: the text's ``contents_spans``, if the caller
    has them (found here otherwise)."""
    text = norm.text
    parser = _Parser(text, norm if raw_line_ends else None)
    candidates = _candidates(text, parser.flat)
    if not candidates:
        return []
    # Events that change the parser's state, in text order.
    # (each match holds its word: a text without it is not scanned, line start by line start)
    box_starts = [m.start() for m in (_FLAT_BOX if parser.flat else _BOX_LINE).finditer(text)] if "专栏" in text else []
    appendix_starts = [m.start() for m in _APPENDIX_LINE.finditer(text)] if "附件" in text else []
    if contents is None:
        contents = contents_spans(text)
    # a 目录's entries and a table note's points are no headings either
    attachment_lists = attachment_list_spans(text) + contents + note_list_spans(text)
    if parser.flat:
        appendix_starts = sorted(appendix_starts + _flat_attachments(text)[1])
    box_i = appendix_i = 0
    for cand in candidates:
        while appendix_i < len(appendix_starts) and appendix_starts[appendix_i] < cand.start:
            parser.start_appendix(appendix_starts[appendix_i])
            appendix_i += 1
        while box_i < len(box_starts) and box_starts[box_i] < cand.start:
            parser.start_box()
            box_i += 1
        if attachment_lists and inside(cand.start, attachment_lists):
            continue
        parser.feed(cand)
    return parser.finish()
