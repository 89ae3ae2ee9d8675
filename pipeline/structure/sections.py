"""Section tree from GB/T 9704 heading markers (GUIDE label ``heading``).

Levels are fixed by the marker (GUIDE.md): ``一、`` 1, ``（一）`` 2, ``1.``/``1、``
3, ``（1）`` 4, ``①`` 5.  Article style: ``第一章`` 1, ``第一节`` 2 (our
decision: a 节 sits between its chapter and its articles), ``第N条`` one level
below the nearest enclosing 章/节, 3 when there is none.

A heading's span is its marker plus the title up to, not including, the first
``。``/``；`` or the line end.  Candidates are found by two compiled regexes
(line-start markers, and level-1/2 markers glued after a closing bracket or a
full stop); a single pass over the candidates then checks them against the
document's numbering sequence so that numbers in running text, PDF line
breaks and list items in boxes do not become headings.

Decisions, documented:
- Numbering restarts under each parent or runs on across parents (``（一）…（四）`` under
  ``一、``, ``（五）…`` under ``二、``): a marker is accepted when it continues either its
  parent's sequence or the document's sequence of its kind.
- ``专栏`` boxes are not sections: their title line is not a heading and numbered
  items inside a box are skipped until the main sequence resumes (a level-1/2
  marker, or the next expected level-3 number).
- A bare ``附件`` / ``附件1`` / ``附件1：名称`` line starts an appendix: the numbering sequence and
  the tree restart there (the appendix's own ``一、`` are level-1 roots).  The
  numbered attachment list after ``附件：`` is not headings.
- The document's title, 发文字号, addressee, signature and date lines never
  match a marker and so are never sections.
"""

from __future__ import annotations

import regex as re

from pipeline.core.document import NormalizedText, Section
from pipeline.core.numerals import NUMERAL_CLASS, cn_to_int

_NUM = f"[{NUMERAL_CLASS}]"
_SP = r"[ \t\u3000]"
# Markers a line may start with; Word bookmarks and markdown bold that the
# normalisers delete are tolerated so the parser also works on raw text.
_LINE_START = rf"(?m)^{_SP}*(?:(?:\[bookmark:[^\]\n]*\]|\*\*){_SP}*)*"
_TITLE = r"(?P<title>[^\n\r。；;]*)"

_LINE_MARKER = re.compile(
    _LINE_START
    + r"(?P<marker>"
    + rf"第{_SP}*(?P<art>{_NUM}+|\d{{1,3}}){_SP}*(?P<art_kind>[章节条])(?={_SP}|[\u4e00-\u9fff]|$)"
    + rf"|(?P<l1>{_NUM}+){_SP}*[、.．﹒](?!\d)"
    + rf"|[（(]{_SP}*(?P<l2>{_NUM}+){_SP}*[）)]"
    + rf"|[（(]{_SP}*(?P<l4>\d{{1,3}}){_SP}*[）)]"
    + r"|(?P<l5>[①-⑳])"
    + rf"|(?P<l3>\d{{1,3}})(?!\d)(?:{_SP}*(?P<l3sep>[.．﹒、])(?!\d)|(?=[\u4e00-\u9fff]))"
    + rf"){_SP}*"
    + _TITLE
)

# A heading glued to the end of the previous paragraph, e.g.
# `…（责任单位：市科技局）（二）提升先进制造水平`.  Level 1/2 markers after a
# closing bracket or a full stop; `1.` items only after a closing bracket (a
# responsibility note), since after `。`/`；` they are usually enumerations.
# The bracket or stop before the marker is matched, not looked behind at: a
# literal first character lets the scan skip ahead (2x faster).  The matches
# are the same, because a match's title runs to a line end or 。/；, so the
# character before the next marker never belongs to the previous match
# (tests/test_scan_guards.py compares with the look-behind form).
_GLUED_MARKER = re.compile(
    rf"(?:[）)〕。]{_SP}*(?P<marker>(?P<l1>{_NUM}+)、|[（(]{_SP}*(?P<l2>{_NUM}+){_SP}*[）)])"
    rf"|[）)]{_SP}*(?P<marker3>(?P<l3>\d{{1,3}})(?P<l3sep>[.．﹒、])(?!\d))){_SP}*" + _TITLE
)

_BOX_LINE = re.compile(rf"(?m)^{_SP}*专栏{_SP}*(?:\d+|{_NUM}+)?")
# `附件` / `附件2` / `附件2：重点任务清单` alone on a line starts an appendix;
# `附件：1.xxx` (no number before the colon) is the attachment list instead.
_APPENDIX_LINE = re.compile(rf"(?m)^{_SP}*附件{_SP}*(?:(?:\d+|{_NUM}+){_SP}*(?:[:：][^\n]{{0,40}})?)?{_SP}*$")
# `附件：1.xxx` and the numbered lines that continue the list.
_ATTACHMENT_LIST = re.compile(rf"(?m)^{_SP}*附件{_SP}*[:：][^\n]*(?:\n{_SP}*\d{{1,2}}{_SP}*[.．、][^\n]*)*")

# A number directly followed by one of these is a quantity, not a heading
# whose separator went missing (`19加强组织领导` vs `20家企业`).
_UNIT_CHARS = frozenset(
    "年月日号个家项亿万千百十元%％倍次人名所座条台套辆吨亩天周岁只届批期版类种点组户栋层米度分秒小批余多"
)

_DISTINCTIVE_SLACK = 4  # skipped numbers tolerated after a line-start 一、/（一）/（1）
_NUMBERED_SLACK = 3  # same for 1. items, whose numbers also occur in running text
_FIRST_NUMBER_MAX = 30  # a first marker numbered higher is running text, not an excerpt's heading


class _Candidate:
    __slots__ = ("start", "title_start", "end", "level_kind", "number", "glued", "has_sep")

    def __init__(self, start, title_start, end, level_kind, number, glued, has_sep):
        self.start = start
        self.title_start = title_start
        self.end = end
        self.level_kind = level_kind  # 1..5, or "章"/"节"/"条"
        self.number = number
        self.glued = glued
        self.has_sep = has_sep


def _candidate(match, glued: bool) -> _Candidate | None:
    groups = match.groupdict()
    has_sep = True
    if groups.get("art"):
        kind, raw_number = groups["art_kind"], groups["art"]
        has_sep = match.end("marker") < len(match.string) and match.string[match.end("marker")] in " \t\u3000\n\r"
    elif groups.get("l1"):
        kind, raw_number = 1, groups["l1"]
    elif groups.get("l2"):
        kind, raw_number = 2, groups["l2"]
    elif groups.get("l4"):
        kind, raw_number = 4, groups["l4"]
    elif groups.get("l5"):
        kind, raw_number = 5, None
    elif groups.get("l3"):
        kind, raw_number = 3, groups["l3"]
        has_sep = groups["l3sep"] is not None
    else:
        return None
    number = ord(groups["l5"]) - ord("①") + 1 if kind == 5 else cn_to_int(raw_number)
    if number is None or number < 1:
        return None
    title_start = match.start("title")
    end = match.end("title")
    text = match.string
    while end > title_start and text[end - 1] in " \t\u3000*":
        end -= 1
    # (a marker alone on its line: the span is the marker)
    marker = "marker3" if groups.get("marker3") else "marker"
    if end == title_start:
        end = match.end(marker)
    return _Candidate(match.start(marker), title_start, end, kind, number, glued, has_sep)


def _plausible(cand: _Candidate, local: int, global_: int) -> bool:
    """Does the candidate's number fit the numbering sequence so far?"""
    n = cand.number
    if cand.glued:
        if cand.level_kind == 3 and local < 1:
            return False
        # the first item under a new parent may run on from the previous parent's items
        return n == local + 1 or (local == 0 and global_ > 0 and n == global_ + 1)
    if not cand.has_sep:
        # `19加强组织领导`, `第2条基础上`: only the exact next number of a running
        # sequence (or a first article) makes a heading of a marker without separator.
        if cand.level_kind in ("章", "节", "条"):
            return n == global_ + 1 or n == local + 1
        return (n == local + 1 or n == global_ + 1) and n >= 2
    if local == 0 and global_ == 0:
        return n <= _FIRST_NUMBER_MAX  # the first marker of its kind: nothing to compare with
    if cand.level_kind in (3, "条"):
        return n == 1 or local - 1 <= n <= local + _NUMBERED_SLACK or global_ < n <= global_ + _NUMBERED_SLACK
    # restarts under its parent, or runs on from the previous parent's items
    # (若干措施: （一）…（四） under 一、, then （五）…（二十二） under 二、…)
    return n == 1 or local - 1 <= n <= local + _DISTINCTIVE_SLACK or global_ < n <= global_ + _DISTINCTIVE_SLACK


def _spans(pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


class _TreeBuilder:
    """The single pass over the candidates: numbering state, the open sections, boxes and appendices."""

    def __init__(self, text: str):
        self.text = text
        self.sections: list[Section] = []
        self.stack: list[Section] = []
        self.local: dict = {}  # level kind -> last number under the current parent
        self.global_: dict = {}  # level kind -> last number anywhere (numbering that runs on across parents)
        self.division_level: int | None = None  # level of the enclosing 章/节, for 条
        self.in_box = False
        # Events that change the parser's state, in text order.
        self.box_starts = [m.start() for m in _BOX_LINE.finditer(text)]
        self.appendix_starts = [m.start() for m in _APPENDIX_LINE.finditer(text)]
        self.attachment_lists = _spans(_ATTACHMENT_LIST, text)
        self.box_i = self.appendix_i = 0

    def advance_to(self, pos: int) -> None:
        """Apply the appendix starts and box lines before ``pos``."""
        while self.appendix_i < len(self.appendix_starts) and self.appendix_starts[self.appendix_i] < pos:
            for open_section in self.stack:
                open_section.body_end = self.appendix_starts[self.appendix_i]
            self.stack.clear()
            self.local.clear()
            self.global_.clear()
            self.division_level, self.in_box = None, False
            self.appendix_i += 1
        while self.box_i < len(self.box_starts) and self.box_starts[self.box_i] < pos:
            self.in_box = True
            self.box_i += 1

    def accepts(self, cand: _Candidate, level: int) -> bool:
        """Is the candidate a heading here?  (Leaving a 专栏 box when the main sequence resumes.)"""
        if self.attachment_lists and _inside(cand.start, self.attachment_lists):
            return False
        if self.sections and cand.start < self.sections[-1].norm_end:
            return False  # inside the previous heading's own title
        kind = cand.level_kind
        if not cand.glued and kind == 3 and cand.has_sep is False and cand.end - cand.title_start < 2:
            return False
        if not cand.has_sep and self.text[cand.title_start : cand.title_start + 1] in _UNIT_CHARS:
            return False
        if not _plausible(cand, self.local.get(kind, 0), self.global_.get(kind, 0)):
            return False
        if self.in_box:
            # Inside a 专栏 only the main sequence resuming ends the box.
            last3 = self.global_.get(3, 0)
            if not (level <= 2 or (kind == 3 and last3 > 0 and cand.number == last3 + 1)):
                return False
            self.in_box = False
        return True

    def add(self, cand: _Candidate, level: int) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop().body_end = cand.start
        section = Section(
            section_id=len(self.sections) + 1,
            parent_id=self.stack[-1].section_id if self.stack else None,
            level=level,
            number=cand.number,
            heading=self.text[cand.title_start : cand.end].strip(" \t\u3000").lstrip("、，,.．"),
            norm_start=cand.start,
            norm_end=cand.end,
        )
        self.sections.append(section)
        self.stack.append(section)
        kind = cand.level_kind
        if kind in ("章", "节"):
            self.division_level = level
        self.local[kind] = cand.number
        self.global_[kind] = cand.number
        # Deeper numbering restarts under a new parent.
        for other in list(self.local):
            if other != kind and _depth(other, self.division_level) > level:
                self.local[other] = 0

    def close(self) -> list[Section]:
        for section in self.stack:
            section.body_end = len(self.text)
        return self.sections


def build_sections(norm: NormalizedText) -> list[Section]:
    text = norm.text
    candidates = [c for m in _LINE_MARKER.finditer(text) if (c := _candidate(m, glued=False))]
    candidates += [c for m in _GLUED_MARKER.finditer(text) if (c := _candidate(m, glued=True))]
    candidates.sort(key=lambda c: c.start)
    if not candidates:
        return []
    tree = _TreeBuilder(text)
    for cand in candidates:
        tree.advance_to(cand.start)
        level = _depth(cand.level_kind, tree.division_level)
        if tree.accepts(cand, level):
            tree.add(cand, level)
    return tree.close()


def _depth(kind, division_level: int | None) -> int:
    """The level of a marker kind (1..5, 章, 节, 条) given the enclosing 章/节's level."""
    if kind == "章":
        return 1
    if kind == "节":
        return 2
    if kind == "条":
        return (division_level + 1) if division_level else 3
    return kind
