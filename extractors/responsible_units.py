"""Responsible units: who carries out each task (GUIDE ``responsible_unit``).

A responsibility note is found by its shape, and each of its items is
accepted by its form:

- **where it sits and what marks it**: a bracket closing a task item
  (``……产业化。（省工业和信息化厅、省科技厅）``), a label ending in
  单位/部门/处室 with a role word and a colon, in brackets or on its own line
  (``（牵头单位：市发展改革委；责任单位：市财政局）``, ``牵头考核单位：``,
  ``责任处室：``, ``参加单位：``), a heading that is such a label with the units
  under it (``（一）试点单位。`` + ``北京工业大学。``), a role verb closing a
  group (``（省商务厅牵头，合肥海关配合）``, ``A、B按职责分工负责``), a task
  table's unit column (extractors.org_tables: separated cells, or one cell per
  line as a scraped page gives them);
- **its items**, split at ``、，；。``: ``、`` joins the items of one group, so a
  trailing verb (``B、C配合``) gives its role to the whole group; an item is a
  unit when its form says so (an organ suffix, extractors.org_lexicon).  An
  item that is not a unit is dropped and the rest of the note kept, as long as
  the note's units outnumber such items (otherwise the bracket is prose);
- **the document's own role rules**, stated once for the rest of it:
  ``列第一位者为牵头单位``, ``第一个逗号前为牵头单位``, ``其余为配合单位``.

Rule records (extractors.rules): ``square_label`` (``【责任单位】…``), ``bracket``
(``（…）``) and ``label`` (``责任单位：…`` to the end of its line) scan the text
once, each producing a :class:`Note`; ``find`` returns their matches, ``write``
adds the notes of the document's structure (labelled headings, task tables),
applies the document's role rules and writes one row per unit, with its note's
span for the tasks extractor (the private key ``_note``).  ``find_notes`` and
``find_units`` do the same on a bare text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, NamedTuple

import pyarrow as pa
import regex

from extractors.base import Extractor
from extractors.char_positions import CharSet, code_points
from extractors.org_lexicon import MAX_NAME_LEN, NAME_FINALS, STRONG, classify, is_bare_suffix, is_government
from extractors.org_tables import table_cells
from extractors.rules import Found, Rule, RuleSet, example
from pipeline.core.document import ExtractContext

LEAD, RESPONSIBLE, SUPPORT = "lead", "responsible", "support"

# ---------------------------------------------------------------- labels
# A label is a short phrase ending in a unit-kind word, holding a role word:
# 牵头单位, 责任部门, 牵头考核单位, 主体责任单位, 责任处室, 参加单位, 试点单位.
# The role words decide its role (lead words first: 牵头责任单位 is lead).
_LEAD_WORDS = ("牵头", "主办", "主责", "主导")
_SUPPORT_WORDS = ("配合", "协办", "参与", "参加", "协助", "协同", "协作", "支持", "联办")
_RESPONSIBLE_WORDS = ("责任", "负责", "落实", "实施", "承办", "执行", "考核", "督办", "主体", "试点", "承担")
_HEADS = ("单位", "部门", "处室", "科室", "司局", "机构", "主体")
_ROLE_WORDS = _LEAD_WORDS + _SUPPORT_WORDS + _RESPONSIBLE_WORDS
# The bare role words that are labels on their own: 牵头：市商务局；配合：市财政局.
_BARE_LABELS = ("牵头", "配合", "责任", "协办", "参与", "参加", "主办", "主责")
_ASIDE = r"(?:[（(][^（()）\n]{1,8}[）)])?"  # 责任单位（部门）
LABEL_SHAPE = regex.compile(
    rf"(?:[\u4e00-\u9fff]{{0,6}}?(?:{'|'.join(_ROLE_WORDS)})[\u4e00-\u9fff]{{0,6}}?(?:{'|'.join(_HEADS)})"
    rf"|{'|'.join(_BARE_LABELS)}){_ASIDE}"
)
_NOT_LABEL = regex.compile(r"联系|咨询|填报|申报|推荐|盖章")  # contact offices, form fields
MAX_LABEL_LEN = 12
_JUNK = r"[\s*\u3000]"  # whitespace and markdown bold around labels and names
# Where a label may end: its last word, an aside, bold marks, a colon.  This
# scans the whole text, so it uses the stdlib engine (2x faster here: it skips
# ahead to a possible first character); the label's start is found by walking
# back.  Its \s would also match U+001C-001F, so the whitespace of `regex`'s
# \s is spelled out (tests/test_scan_guards.py).
_JUNK_STDLIB = "[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000*]"
# A label also stands in square brackets, without a colon: 【责任单位】省发展改革委.
LABEL_END = re.compile(rf"(?:{'|'.join(_HEADS + _BARE_LABELS)}){_ASIDE}{_JUNK_STDLIB}*(?:[：:]|[】］\]])")
_LABEL_BRACKETS = "【［["


@lru_cache(maxsize=4096)  # labels recur (责任单位, 牵头单位) and so do the runs before them
def label_role(label: str) -> str | None:
    """The role a label gives (``牵头单位`` -> lead), or None if it is no responsibility label."""
    if len(label) > MAX_LABEL_LEN or not LABEL_SHAPE.fullmatch(label) or _NOT_LABEL.search(label):
        return None
    for role, words in ((LEAD, _LEAD_WORDS), (SUPPORT, _SUPPORT_WORDS)):
        if any(w in label for w in words):
            return role
    return RESPONSIBLE


@dataclass(frozen=True)
class Label:
    start: int
    end: int  # after the colon and any junk
    role: str


_HAN_RUN_END = re.compile(rf"[\u4e00-\u9fff]{{1,{MAX_LABEL_LEN + 1}}}$")


def _label_start_floor(text: str, end: int, floor: int) -> int:
    """Start of the run of Han characters ending at ``end`` (one past the longest label, at most)."""
    run = _HAN_RUN_END.search(text, max(floor, end - MAX_LABEL_LEN - 1), end)
    return run.start() if run else end


def _label_start(text: str, head: int, word_end: int, run_start: int) -> int | None:
    """Where the label ending in the word at ``head`` starts, or None if there is none.

    The run of Han characters before it may hold a unit's name when the
    normaliser dropped the blank between them (``市发展改革委责任单位：``): the
    label starts where the run's rest is a unit; otherwise it is the longest
    label the run ends in (``牵头考核单位``, not ``考核单位``).
    """
    offset = _label_offset(text[run_start:word_end], head - run_start)
    return None if offset is None else run_start + offset


@lru_cache(maxsize=4096)
def _label_offset(run: str, head: int) -> int | None:
    longest = None
    for pos in range(head, -1, -1):
        if label_role(run[pos:]) is None:
            continue
        if pos > 0 and classify(run[:pos]):
            return pos
        longest = pos
    return longest


def find_labels(text: str, start: int = 0, end: int | None = None) -> Iterator[Label]:
    """Every responsibility label in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    for m in LABEL_END.finditer(text, start, end):
        word_end = m.start() + len(_word_at(text, m.start(), m.end()))
        label_start = _label_start(text, m.start(), word_end, _label_start_floor(text, m.start(), start))
        if label_start is None:
            continue
        if text[m.end() - 1] not in "：:":  # 【责任单位】: the bracket opens right before the label
            if label_start == 0 or text[label_start - 1] not in _LABEL_BRACKETS:
                continue
            label_start -= 1
        yield Label(label_start, m.end(), label_role(text[label_start:word_end].lstrip(_LABEL_BRACKETS)))


def _word_at(text: str, start: int, end: int) -> str:
    """The label's last word and aside at ``start`` (without junk and colon)."""
    return text[start:end].rstrip("：:】］]").rstrip("\t\n\x0b\x0c\r \x85\xa0\u3000*")


# ---------------------------------------------------------------- role verbs
# A role verb closing an item: 省科技厅牵头, 省有关部门按职责分工负责, 各地区按职能分工负责,
# 各有关部门分头落实, 省有关部门具体实施, A、B按职责分工牵头, 省财政厅（配合）.
_DUTY = r"(?:按(?:照)?(?:各自)?职(?:责|能)(?:分工)?)?(?:分工|分头|分别|共同|具体|联合|组织)?"
_VERBS = {
    LEAD: rf"{_DUTY}牵头(?:负责|落实|推进|抓总|实施)?|[（(]牵头(?:单位|部门)?[）)]",
    RESPONSIBLE: rf"{_DUTY}(?:负责|落实|实施|承办)(?:落实|推进|实施)?|[（(]负责[）)]",
    SUPPORT: rf"{_DUTY}(?:配合|参与|协助|协办|协同|参加|支持)(?:落实|推进|实施)?|[（(](?:配合|参与|协办)[）)]",
}
VERB_AT_END = regex.compile("(?:" + "|".join(f"(?P<{role}>{pat})" for role, pat in _VERBS.items()) + rf"){_JUNK}*$")

# ---------------------------------------------------------------- items and names
# What is stripped from a name's end: a trailing 等 (市科技局、教育局等), bold, blanks.
TRAILING_JUNK = regex.compile(rf"(?:等|{_JUNK})+$")
# A bracket after a name that is not part of it: 省财政厅（列第一位的为牵头单位）.
# Place-class brackets (各县（市、区）) and qualifiers (各区人民政府（含开发区、长江新区,下同）)
# belong to the name.
TRAILING_ASIDE = regex.compile(
    r"[（(〔〈](?![市县区旗州盟镇乡街道办、，]+[）)〕〉])(?!含|包括|不含|下同)[^（()）〔〕〈〉]*[）)〕〉]\s*$"
)
# (DU2, lead ruling 4) A bracket holding the organ's second name, the 挂牌 name of the same organ
# (`市发展改革委（市能源局）`, `市市场监管局（市知识产权局）`, `市委统战部（市侨办）`): one unit to the closing bracket, as
# a qualifier is (CONVENTIONS). The second name is an organ's own: a level prefix and an organ's head.
SECOND_NAME = regex.compile(
    r"[（(〔〈](?:省|市|县|区|州|盟|旗|自治区|国家|中共)(?:委|政府)?[\u4e00-\u9fff]{1,16}?"
    r"(?:局|委|办|办公室|厅|署|中心|委员会)[）)〕〉]\s*$"
)


def _second_name(text: str, start: int, end: int) -> bool:
    """Is the bracket ``text[start:end]`` after a name the organ's second name (DU2 ruling 4)?"""
    if start == 0 or not SECOND_NAME.match(text, start, end):
        return False
    inner = text[start + 1 : end].rstrip()[:-1]
    return classify(inner) == STRONG


LEADING_JUNK = regex.compile(rf"(?:{_JUNK}|由|请)+")
# Where one item may hold two names: 省科技厅和省财政厅, A等B, names parted by blanks.
# (the blank run spelled as two literal openings, so that a search skips ahead to a candidate)
CONNECTOR = re.compile(r"等|以及|及|和|与| [ \u3000]*|\u3000[ \u3000]*")
# 等 + a collective sums up the list before it and is no unit of its own:
# 省财政厅等有关部门, 司法部等国务院相关部门, A、B等省直有关部门, 银保监会等相关单位.
GENERIC_AFTER_DENG = regex.compile(
    r"(?:国务院|中央|国家|省|市|县|区|省直|市直|县直|区直|省级|市级|县级|区级|省政府|市政府|县政府|区政府|省委|市委|县委)?"
    r"(?:其他|其它)?(?:各)?(?:有关|相关)?(?:[0-9０-９]+|[一二三四五六七八九十]+)?(?:个|家)?(?:部门|单位|机构)+(?:和(?:部门|单位))?"
)
MAX_JOINED_LEN = 4 * MAX_NAME_LEN
# 各 and 政府 written once for two place classes: 各区、市政府, 有关县、区人民政府.
SHARED_CLASS_FIRST = regex.compile(r"(?:各|有关|相关)[市县区镇乡旗]")
SHARED_CLASS_REST = regex.compile(r"[市县区镇乡旗](?:人民)?政府")
SHARED_ORGAN = regex.compile(r"(?:人民)?政府|党委")
SHARED_ORGAN_BEFORE = regex.compile(r"..(?:党委|(?:人民)?政府)$")
# Places written without their class when the list's last item names it once
# for all: 济南、青岛、烟台市政府 (济南市政府 …), 郑州、洛阳市 (郑州市 …).
PLACE_NAME = regex.compile(r"[\u4e00-\u9fff]{2,3}")
SHARED_HEAD = regex.compile(r"[\u4e00-\u9fff]{2,3}(?:市|县|区|州|盟)(?:人民)?(?:政府|党委和政府|委|)$")
# Items that are neither units nor running text: a time limit inside a note
# (2024年底前完成), the document's role rule (列第一位者为牵头单位), 下同.
NEUTRAL_ITEM = regex.compile(
    r"\d{4}年|\d{1,2}月|年底|年内|长期|持续|每年|逐年|完成时限|下同|排名不分先后|不分先后|牵头单位|配合单位|责任单位"
)

# One item of a list (stdlib: no \s here, so the engines agree, and it is 1.5x faster
# on these short spans): anything up to a separator, keeping a short inner
# bracket (各县（市、区）, also written 各县〔市、区〕 or 〈含开发区、长江新区,下同〉) inside it.
ITEM = re.compile(r"(?:[^、，,；;。（()）〔〕〈〉\n]|[（(〔〈][^（()）〔〕〈〉\n]{0,20}[）)〕〉])+")
GROUP_SEPARATORS = "，,；;。"  # end a group; 、 joins items inside one

# A bracketed note (content may hold one level of short inner brackets) ...
BRACKET = re.compile(
    r"[（(〔【［]((?:[^（()）〔〕【】［］〈〉\n]|[（(〔〈][^（()）〔〕【】［］〈〉\n]{0,20}[）)〕〉])*)[）)〕】］]"
)
# ... and the extent of an unbracketed labelled note: to the end of its line, sentence or table cell.
LINE_NOTE = regex.compile(r"(?:[^\n\t|。（()）〔〕【】]|[（(〔〈][^\n（()）〔〕〈〉]{0,20}[）)〕〉])*")
# An unlabelled list must close a task item: a sentence end before it, or its line ends after it.
_ENDS_SENTENCE = "。；;！!？?\n"
LINE_END_AFTER = regex.compile(r"[。；;.]?[ \t\u3000*]*(?:\r?\n|$)")
# A bracket glossing the organ just named is no list: 及时报我部（教师工作司）,
# 并报工业和信息化部装备工业二司（国家重大技术装备办公室）: a clause that sends
# something to an organ names it, and the bracket says which office that is.
GLOSSED_ORGAN = regex.compile(r"(?:我|本)(?:部|委|厅|局|办|司|处|中心|单位|部门)$")
SENT_TO = regex.compile(
    r"(?:并|请|须|需|要|应|及时|统一|均|分别|一并)*(?:报送|上报|报至|报|送交|送|抄送|联系|咨询|函告)"
)
_CLAUSE_BOUNDARY = "，。；：,;:\n"


def _glosses_an_organ(text: str, bracket_start: int) -> bool:
    if GLOSSED_ORGAN.search(text, max(0, bracket_start - 4), bracket_start):
        return True
    clause = bracket_start
    while clause > 0 and bracket_start - clause < 40 and text[clause - 1] not in _CLAUSE_BOUNDARY:
        clause -= 1
    return SENT_TO.match(text, clause, bracket_start) is not None


BLANK_TO_LINE_END = regex.compile(r"[ \t\u3000*]*\n")
# A site's footer names who runs the page (主办单位：…⏎承办单位：…Copyright ©): no note.
SITE_LABEL = regex.compile(r"主办|承办|协办")
_SITE_CHROME = regex.compile(r"版权所有|Copyright|ICP备|网站标识码|技术支持")

# A table header cell naming a responsibility column: "牵头单位", "责任单位（部门）".
# HEADER_HINT finds where one may stand in the raw text (a bare stdlib
# alternation, so the engine skips ahead to a first character); unit_tables
# then judges the whole cell with header_role.
HEADER_HINT = re.compile(
    f"(?:{'|'.join(w for w in _ROLE_WORDS if w not in ('主体', '试点'))})[\u4e00-\u9fff]{{0,6}}?(?:{'|'.join(_HEADS)})"
)

# ---------------------------------------------------------------- the document's role rules
# "列第一位者为牵头单位" / "排在第一位的为牵头单位（部门）" / "牵头单位列第一位": the
# first unit of each note leads.
FIRST_IS_LEAD = regex.compile(
    r"(?:第一位|第一个|首位|排名第一|列第一|排第一)(?:的|者|单位|部门)*(?:为|是)牵头"
    r"|牵头(?:单位|部门)(?:均|一般)?(?:为|是)?(?:排在|列在|列于|位于|排|列)(?:第一位|首位|第一个|最前)"
)
# "第一个逗号前为牵头单位": the first group (up to the first ，) leads.
FIRST_GROUP_IS_LEAD = regex.compile(
    r"(?:第一个|首个)(?:逗号|“，”|，|分号|“；”)(?:前|之前)(?:的|者)?(?:单位|部门)*(?:为|是)牵头"
)
# "其余为配合单位" / "逗号后为配合单位": the role of the units after the lead.
REST_ROLE = regex.compile(
    r"(?:其余|其他|其它|逗号后|之后)(?:的|者)?(?:单位|部门)*(?:为|是)(?P<role>配合|参与|协办|责任)"
)


@dataclass
class Unit:
    start: int
    end: int
    role: str | None  # None until a label, verb or the note's default decides
    strong: bool
    group: int = 0  # index of the item's group (parted by ，；) in its note


@dataclass
class Note:
    """A responsibility note: its span (the bracket, the labelled line, the
    table row, the labelled heading's body), how it was found, its units."""

    start: int
    end: int
    kind: str  # "bracket" | "line" | "heading" | "table"
    units: list[Unit] = field(default_factory=list)
    row: tuple[int, int] | None = None  # table notes: the row's span in the text


def _split_names(text: str, s: int, e: int) -> list[Unit] | None:
    """The unit(s) of one item, or None if it names none.

    Items joined without a list separator are split where both sides are
    units: ``省科技厅和省财政厅``, ``市发改委 市财政局``, ``银保监会及各地区``;
    ``县住房和城乡建设局`` and ``高等院校`` stay whole because their halves
    are not units.  A collective after ``等`` (``等国务院相关部门``) only sums
    up the list and is dropped; what follows it (``及各地区``) is read on.
    """
    if e - s > MAX_JOINED_LEN:  # running text, not a few names run together
        return None
    for joint in CONNECTOR.finditer(text, s + 1, e):
        left = classify(text[s : joint.start()])
        if not left:
            continue
        head = [Unit(s, joint.start(), None, left == STRONG)]
        if joint.group() == "等":
            generic = GENERIC_AFTER_DENG.match(text, joint.end(), e)
            if generic and generic.end() == e:
                return head
            if generic:
                after = CONNECTOR.match(text, generic.end(), e)
                rest = _split_names(text, after.end(), e) if after else None
                if rest:
                    return head + rest
        rest = _split_names(text, joint.end(), e)
        # 各市党委和政府: a bare right half shares the left's qualifier, one unit.
        if rest and not is_bare_suffix(text[rest[0].start : rest[0].end]):
            return head + rest
    kind = classify(text[s:e]) if e > s else None
    return [Unit(s, e, None, kind == STRONG)] if kind else None


def _segments(text: str, start: int, end: int, label_role_: str | None):
    """Split a note at its labels: (start, end, role of the label before it)."""
    if all(text.find(c, start, end) < 0 for c in "：:】］]"):
        yield start, end, label_role_  # no colon or closing square bracket: no label
        return
    pos, role = start, label_role_
    for label in find_labels(text, start, end):
        if label.start < pos:
            continue
        if label.start > pos:
            yield pos, label.start, role
        pos, role = label.end, label.role
    if end > pos:
        yield pos, end, role


@dataclass
class _Parsed:
    units: list[Unit]
    labelled: bool = False
    has_verb: bool = False
    unknown: int = 0  # items outside any label that are neither units nor neutral


# Last characters of what _trim_item strips; the regexes run only where one stands.
_VERB_LAST = frozenset("头责实施办合与助同加持总进）) \u3000*\t")
_ASIDE_LAST = frozenset("）)〕〉")
_JUNK_LAST = frozenset("等 \u3000*\t\n\r")
_LEAD_FIRST = frozenset("由请 \u3000*\t\n")


def _trim_item(text: str, s: int, e: int) -> tuple[int, int, str | None]:
    """An item's name span without leading 由, a closing verb (returned), an aside, a trailing 等."""
    if s < e and text[s] in _LEAD_FIRST:
        s = LEADING_JUNK.match(text, s, e).end()
    verb_role = None
    if s < e and text[e - 1] in _VERB_LAST:
        verb = VERB_AT_END.search(text, s, e)
        if verb:
            verb_role = verb.lastgroup
            e = verb.start()
    if s < e and text[e - 1] in _ASIDE_LAST:
        aside = TRAILING_ASIDE.search(text, s, e)
        if aside and not _second_name(text, aside.start(), e):
            e = aside.start()
    if s < e and text[e - 1] in _JUNK_LAST:
        e = TRAILING_JUNK.search(text, s, e).start()
    return s, e, verb_role


def _shares_class(text: str, group: list[Unit], s: int, e: int) -> bool:
    """``各区、市政府``: the item ``市政府`` completes the unit ``各区`` before it;
    ``各县市区党委、政府``: ``政府`` shares the qualifier of the unit before it."""
    if not group or text[s - 1 : s] != "、" or group[-1].end != s - 1:
        return False
    before = group[-1]
    if SHARED_CLASS_REST.fullmatch(text, s, e) and SHARED_CLASS_FIRST.fullmatch(text, before.start, before.end):
        return True
    return (
        SHARED_ORGAN.fullmatch(text, s, e) is not None
        and SHARED_ORGAN_BEFORE.search(text, before.start, before.end) is not None
    )


class _ItemReading(NamedTuple):
    """What an item's own characters say, offsets relative to its start (see ``_read_item``)."""

    start: int  # the name's span, without a leading 由, a closing verb, an aside, a trailing 等
    end: int
    verb_role: str | None  # the role of a closing verb (B、C配合)
    names: tuple[tuple[int, int, bool], ...] | None  # (start, end, strong) of its unit(s), or None
    place: bool  # no unit, but a bare place name that may wait for a shared head (济南、青岛市政府)
    shared_head: bool  # its last unit ends in a place class and organ that earlier places share
    unknown: bool  # no unit and no neutral item (a time limit, 下同): counts against the note


# Bounded like classify: unit names and whole items recur across notes and documents
# (on corpus-real three items in four are repeats), running text does not.
@lru_cache(maxsize=8192)
def _read_item(item: str) -> _ItemReading:
    """One item of a note read once, from its characters alone: every pattern here is
    matched inside the item's span, so its reading is the same wherever it stands
    (tests/test_responsible_units_speed.py checks it against reading it in place)."""
    s, e, verb_role = _trim_item(item, 0, len(item))
    units = _split_names(item, s, e)
    names = tuple((u.start, u.end, u.strong) for u in units) if units else None
    return _ItemReading(
        s,
        e,
        verb_role,
        names,
        place=names is None and PLACE_NAME.fullmatch(item, s, e) is not None,
        shared_head=bool(names) and SHARED_HEAD.search(item, names[-1][0], names[-1][1]) is not None,
        unknown=names is None and e > s and not NEUTRAL_ITEM.search(item, s, e),
    )


class _Group:
    """The items of one group (joined by 、) while a note is read: they wait
    for a closing verb or the group's end to get their role."""

    def __init__(self, parsed: _Parsed, role: str | None, number: int):
        self.parsed, self.role, self.number = parsed, role, number
        self.units: list[Unit] = []
        self.places: list[Unit] = []  # bare place names that wait for a shared head

    def add(self, text: str, base: int, item: _ItemReading) -> None:
        """Add the item read as ``item`` that starts at ``base`` in ``text``."""
        s, e = base + item.start, base + item.end
        if self.units and _shares_class(text, self.units, s, e):
            self.units[-1].end = e
            return
        names = [Unit(base + a, base + b, None, strong) for a, b, strong in item.names] if item.names else None
        if names is None and item.place:
            self.places.append(Unit(s, e, None, False, self.number))
            return
        if self.places:
            if names and item.shared_head:
                names = self.places + names  # 济南、青岛、烟台市政府: three city governments
                self.places = []
            else:
                self.drop_places()
        if names is None:
            if self.role is None and item.unknown:
                self.parsed.unknown += 1
            return
        if self.number:
            for unit in names:
                unit.group = self.number
        self.parsed.units.extend(names)
        self.units.extend(names)

    def drop_places(self) -> None:
        if self.places and self.role is None:
            self.parsed.unknown += len(self.places)
        self.places = []

    def give(self, role: str | None, keep: bool = False) -> None:
        """Give ``role`` to the group's units (``keep``: only to those without one)."""
        for unit in self.units:
            unit.role = (unit.role or role) if keep else role
        self.units = []

    def close(self, role: str | None) -> None:
        """The group ends (a ，/； or the segment's end): its units get the label's role."""
        if self.places:
            self.drop_places()
        if self.units:
            self.give(role, keep=True)
        self.number += 1


def _parse_items(text: str, start: int, end: int, label_role_: str | None = None) -> _Parsed:
    """Read the units of the note ``text[start:end]``.

    ``label_role_`` is the role a label outside the text gives (a table
    column's header, a labelled heading).  A note's reading depends on its
    characters alone, so it is read once per string (``_read_note``) and placed
    at ``start``: notes recur (``责任单位：各县市区人民政府`` under every task; on
    corpus-real two notes in five are repeats).  (The one look outside, at the
    character before a label closed by ``】``, decides nothing for a label at the
    note's start: with the ``【`` it would start before the note, which
    ``_segments`` skips, and without it it is no label.)
    """
    units, labelled, has_verb, unknown = _read_note(text[start:end], label_role_)
    return _Parsed(
        [Unit(start + s, start + e, role, strong, group) for s, e, role, strong, group in units],
        labelled,
        has_verb,
        unknown,
    )


_NoteReading = tuple[tuple[tuple[int, int, str | None, bool, int], ...], bool, bool, int]


# Bounded: a few thousand notes (tens of characters each) cover a province's recurring ones.
@lru_cache(maxsize=4096)
def _read_note(note: str, label_role_: str | None) -> _NoteReading:
    """``_parse_note(note, 0, len(note), label_role_)`` as immutable values (the caller places them)."""
    parsed = _parse_note(note, 0, len(note), label_role_)
    units = tuple((u.start, u.end, u.role, u.strong, u.group) for u in parsed.units)
    return units, parsed.labelled, parsed.has_verb, parsed.unknown


def _parse_note(text: str, start: int, end: int, label_role_: str | None = None) -> _Parsed:
    """The plain reading of the note ``text[start:end]`` (see ``_parse_items``)."""
    parsed = _Parsed([])
    group = _Group(parsed, label_role_, 0)
    for seg_start, seg_end, role in _segments(text, start, end, label_role_):
        parsed.labelled = parsed.labelled or role is not None
        group.role = role
        for m in ITEM.finditer(text, seg_start, seg_end):
            item = _read_item(m.group())
            group.add(text, m.start(), item)
            if item.verb_role:
                parsed.has_verb = True
                group.give(item.verb_role)
            if m.end() >= seg_end or text[m.end()] in GROUP_SEPARATORS:
                group.close(role)
        group.drop_places()
    return parsed


def _closes_item(text: str, open_at: int, close_end: int) -> bool:
    before = text[open_at - 1] if open_at > 0 else "\n"
    return before in _ENDS_SENTENCE or LINE_END_AFTER.match(text, close_end) is not None


def _is_note(text: str, parsed: _Parsed, bracket: tuple[int, int] | None) -> bool:
    """Whether what was read is a responsibility note rather than prose."""
    units = parsed.units
    if not units:
        return False
    if parsed.labelled:
        return True
    # Without a label, only units a government document assigns count, and the
    # units must outnumber the items that are neither units nor time limits ...
    if not any(is_government(text[u.start : u.end]) for u in units):
        return False
    if parsed.has_verb:
        return len(units) >= parsed.unknown
    # ... and a bare list needs a specific unit and must close a task item.
    return (
        bracket is not None
        and not _glosses_an_organ(text, bracket[0])
        and 2 * parsed.unknown <= len(units)
        and any(u.strong and not is_bare_suffix(text[u.start : u.end]) for u in units)
        and _closes_item(text, *bracket)
    )


def _note_units(text: str, start: int, end: int, bracket: tuple[int, int] | None) -> list[Unit]:
    parsed = _parse_items(text, start, end)
    if not _is_note(text, parsed, bracket):
        return []
    for unit in parsed.units:
        if unit.role is None:
            unit.role = RESPONSIBLE
    return parsed.units


def _inside(spans_start: list[int], spans_end: list[int], pos: int) -> bool:
    i = bisect.bisect_right(spans_start, pos) - 1
    return i >= 0 and pos < spans_end[i]


def _identity(start: int, end: int) -> tuple[int, int]:
    return start, end


# A bracket can be a note only if an item of it ends like a unit name, a role
# verb or an aside, or it holds a colon (a label): most brackets are prose
# (（试行）, （2021—2023年）, （以下简称…）) and this one C-level search skips them.
_ESCAPED_FINALS = re.escape(NAME_FINALS + "头责实施办合与助同加持总进")
MAY_BE_NOTE = re.compile(rf"[{_ESCAPED_FINALS}][）)〕〉]?(?:等|{_JUNK_STDLIB})*(?:[、，,；;。]|$)|[：:]")


# ---------------------------------------------------------------- the rules (one scan of the text)
@dataclass
class _Env:
    """What the rules' produce functions read: the text being scanned."""

    text: str


# A bracket right after a date glosses the date: the event of a chronology's entry (`·2016年10月（成立工作指挥部）`),
# a weekday (`4月26日（周五）`). A unit note closes a task's words (GUIDE), so such a bracket names units only with
# a role word or a label of its own (`2024年底前（市发展改革委牵头）`).
DATE_BEFORE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[月日][底初末]?$|(?:19|20)\d{2}年[底初末]?$")
ROLE_IN_NOTE = re.compile("|".join(_ROLE_WORDS) + r"|[：:]")


def _bracket_note(m: re.Match, env: _Env) -> Note | None:
    """A bracket that is a note: labelled, closed by role verbs, or a list of units closing an item."""
    text = env.text
    if not MAY_BE_NOTE.search(text, m.start("inner"), m.end("inner")):
        return None
    if DATE_BEFORE.search(text, max(0, m.start() - 6), m.start()) and not ROLE_IN_NOTE.search(
        text, m.start("inner"), m.end("inner")
    ):
        return None  # ·2016年10月（成立工作指挥部）: the event of a dated entry, no note
    units = _note_units(text, m.start("inner"), m.end("inner"), (m.start(), m.end()))
    return Note(m.start(), m.end(), "bracket", units) if units else None


def _line_note(text: str, label_start: int, label_end: int, end: int) -> Note | None:
    if SITE_LABEL.search(text, label_start, label_end) and _SITE_CHROME.search(text, label_start, end + 80):
        return None
    units = _note_units(text, label_start, end, None)
    return Note(label_start, end, "line", units) if units else None


def _label_note(m: re.Match, env: _Env) -> Note | None:
    """A labelled note outside brackets: a "责任单位：……" line under a task, up to its line's,
    sentence's or cell's end (the next line when the label ends its own)."""
    text = env.text
    head = m.start()
    word_end = head + len(_word_at(text, head, m.end("colon")))
    label_start = _label_start(text, head, word_end, _label_start_floor(text, head, 0))
    if label_start is None:
        return None
    return _line_note(text, label_start, m.end("colon"), m.end())


def _square_label_note(m: re.Match, env: _Env) -> Note | None:
    """``【责任单位】省发展改革委、省财政厅``: a label in square brackets, the units after it."""
    text = env.text
    inner_start, inner_end = m.span("square")
    head_at = _HEAD_AT_END.search(text, inner_start, inner_end)
    if head_at is None or _label_start(text, head_at.start(), inner_end, inner_start) != inner_start:
        return None
    return _line_note(text, m.start(), m.end("square") + 1, m.end())


_BRACKET_SRC = BRACKET.pattern.replace("((?:", "(?P<inner>(?:", 1)
_LINE_NOTE_SRC = rf"(?:[ \t\u3000*]*\n)?{LINE_NOTE.pattern}"  # the units, on the next line if the label ends its own
_LABEL_WORDS = "|".join(_HEADS + _BARE_LABELS)
_HEAD_AT_END = regex.compile(rf"(?:{_LABEL_WORDS}){_ASIDE}$")

SQUARE_LABEL = Rule(
    "square_label",
    rf"[【［\[](?P<square>[\u4e00-\u9fff（()）]{{2,{MAX_LABEL_LEN + 8}}})[】］\]]{_LINE_NOTE_SRC}",
    _square_label_note,
    examples=(
        example(
            "1.加快项目建设。\n【责任单位】省发展改革委、省财政厅\n",
            {"text": "省发展改革委", "role": "responsible"},
            {"text": "省财政厅", "role": "responsible"},
        ),
        example(
            "推动企业上云。【牵头单位】省工业和信息化厅【配合单位】省财政厅",
            {"text": "省工业和信息化厅", "role": "lead"},
            {"text": "省财政厅", "role": "support"},
        ),
        example("【重点任务】推进园区建设。\n", note="a bracketed title that is no label"),
    ),
)
BRACKET_NOTE = Rule(
    "bracket",
    _BRACKET_SRC,
    _bracket_note,
    examples=(
        example(
            "推动跨境贸易便利化。（省商务厅牵头，合肥海关配合）\n",
            {"text": "省商务厅", "role": "lead"},
            {"text": "合肥海关", "role": "support"},
        ),
        example(
            "完善要素保障。（牵头单位：市发展改革委；配合单位：市财政局、市自然资源局）\n",
            {"text": "市发展改革委", "role": "lead"},
            {"text": "市财政局", "role": "support"},
            {"text": "市自然资源局", "role": "support"},
        ),
        example(
            "推广应用及产业化。（省工业和信息化厅、省科技厅）\n",
            {"text": "省工业和信息化厅", "role": "responsible"},
            {"text": "省科技厅", "role": "responsible"},
        ),
        example(
            "落实支持政策。（省发展改革委、省工业和信息化厅按职责分工牵头，省财政厅等省直有关部门配合）\n",
            {"text": "省发展改革委", "role": "lead"},
            {"text": "省工业和信息化厅", "role": "lead"},
            {"text": "省财政厅", "role": "support"},
        ),
        example(
            "推进标准研制。（工业和信息化部牵头，国家电投、各省级工业和信息化主管部门配合）\n",
            {"text": "工业和信息化部", "role": "lead"},
            {"text": "各省级工业和信息化主管部门", "role": "support"},
            note="an item whose form says nothing is dropped, the rest of the note kept",
        ),
        example("印发《山东省制造业行动计划（2021-2023年）》（鲁政发〔2021〕5号）。\n", note="years, document numbers"),
        example("支持龙头企业（链主企业）牵头组建创新联合体（由龙头企业牵头）。\n", note="prose brackets"),
        example("有关情况及时报我部（教师工作司）。\n", note="a bracket glossing the organ a report goes to"),
        example(
            "·2016年10月（成立工作指挥部）\n指挥长（省委常委）、常务副指挥长（省机关事务管理局局长）\n",
            note="a bracket after a date names the entry's event (realblind8 0199), no unit note",
        ),
        example(
            "完成清查。2024年底前（市发展改革委牵头）\n",
            {"text": "市发展改革委", "role": "lead"},
            note="a bracket after a date with a role word stays a note",
        ),
    ),
)
LABEL_NOTE = Rule(
    "label",
    rf"(?:{_LABEL_WORDS}){_ASIDE}{_JUNK_STDLIB}*(?P<colon>[：:]){_LINE_NOTE_SRC}",
    _label_note,
    examples=(
        example(
            "5.强化金融支持。\n责任单位：省发展改革委、省工业和信息化厅，各市人民政府\n",
            {"text": "省发展改革委", "role": "responsible"},
            {"text": "省工业和信息化厅", "role": "responsible"},
            {"text": "各市人民政府", "role": "responsible"},
        ),
        example(
            "建立月度调度机制。牵头考核单位：市统计局；责任单位：市发展改革委\n",
            {"text": "市统计局", "role": "lead"},
            {"text": "市发展改革委", "role": "responsible"},
        ),
        example(
            "（三）推进改革。\n责任处室：\n规划处、财务处\n",
            {"text": "规划处", "role": "responsible"},
            {"text": "财务处", "role": "responsible"},
        ),
        example("各县（市、区）人民政府，市政府各部门：\n现将方案印发给你们。\n", note="an addressee line"),
        example("（联系科室：规划处，联系电话：12345678）\n", note="a contact office"),
    ),
)
# Every match starts with a bracket or a label word, and holds a closing bracket
# or a colon; the required set holds the clause stops too, so the guard only
# skips positions and never drops a match (tests/test_scan_guards.py).
_FIRST_CHARS = "[" + re.escape("（(〔【［[" + "".join(sorted({w[0] for w in _HEADS + _BARE_LABELS}))) + "]"
_REQUIRED = re.escape("）)〕】］]：:，。；！？\n")
# (the required set holds the clause stops, so the guard passes almost everywhere: the plain scan is faster)
RULES = RuleSet([SQUARE_LABEL, BRACKET_NOTE, LABEL_NOTE], _FIRST_CHARS, _REQUIRED, by_positions=False)

# Where a match may start: an opening bracket, or the first character of a label word
# followed by the word's rest.  Both scans start with a character class or a literal, so
# the engine skips ahead to a candidate; the rules' own scan opens with look-aheads and
# is entered at every position (13-18 ns a character).  Each word consumes one character
# only, so that no word hides another starting inside it (主责任: 主责 and 责任).
_BRACKET_AT = re.compile(r"[（(〔【［\[]")
# The same brackets by one table lookup over the text's code points (the other extractors of the document have
# them already, extractors.char_positions): no match object per bracket.
_BRACKETS = CharSet("（(〔【［[")
_LABEL_WORD_AT = re.compile(
    "|".join(re.escape(w[0]) + f"(?={re.escape(w[1:])})" for w in sorted(set(_HEADS + _BARE_LABELS)))
)


def scan(text: str) -> list[Found]:
    """``RULES.finditer(text)``, trying the rules only where a match may start
    (tests/test_responsible_units_speed.py: the same matches)."""
    starts = _BRACKETS.positions(code_points(text)) + [m.start() for m in _LABEL_WORD_AT.finditer(text)]
    starts.sort()
    match, by_name = RULES.pattern.match, RULES.by_name
    found: list[Found] = []
    after = 0
    for pos in starts:
        if pos < after:
            continue  # inside the last match, as finditer goes on after it
        m = match(text, pos)
        if m is not None:  # (never empty: every rule consumes its bracket or label word)
            found.append(Found(by_name[m.lastgroup], m))
            after = m.end()
    return found


# A labelled heading's body is a note only while it is short: the units, a verb.
MAX_HEADING_NOTE = 200


def _heading_notes(text: str, headings: Iterable[tuple[int, int, str, int]]) -> Iterator[Note]:
    """Units under a heading that is a responsibility label: ``（一）试点单位。`` then
    ``北京工业大学。``; ``（二）试点指导单位。`` then ``A牵头，B、C配合。``."""
    for start, title_end, title, body_end in headings:
        role = label_role(title.strip().rstrip("。：:").strip())
        if role is None or body_end - title_end > MAX_HEADING_NOTE:
            continue
        body_start = title_end
        while body_start < body_end and text[body_start] in "。：: \t\n\u3000":
            body_start += 1
        parsed = _parse_items(text, body_start, body_end, role)
        for unit in parsed.units:
            unit.role = unit.role or role
        if parsed.units:
            yield Note(start, body_end, "heading", parsed.units)


def _table_notes(text: str, layout: str, to_text: Callable[[int, int], tuple[int, int]]) -> Iterator[Note]:
    """Units of every responsibility-table cell, with its column's role.

    Cells are found in ``layout`` (lines = rows) and read in ``text`` at the
    span ``to_text`` maps them to: headers are judged on normalised text
    (牽頭單位 is 牵头单位 there) and names come out in norm offsets.
    """

    def header_role(start: int, end: int) -> str | None:
        return label_role(text[slice(*to_text(start, end))].rstrip("：:"))

    for cell in table_cells(layout, header_role, HEADER_HINT):
        start, end = to_text(cell.start, cell.end)
        parsed = _parse_items(text, start, end, label_role_=cell.role) if end > start else None
        if parsed and parsed.units:
            row = to_text(*cell.row)
            yield Note(start, end, "table", parsed.units, row=row)


def _may_state(text: str, firsts: tuple[str, ...]) -> bool:
    """Whether ``text`` holds 牵头 and one of ``firsts``, as every role rule's statement does."""
    return "牵头" in text and any(word in text for word in firsts)


def _apply_role_rules(text: str, notes: list[Note]) -> None:
    """The document's own rule for roles, applied to every note without a named lead."""
    # (each rule names 牵头 and a first place: the word tests skip the whole-text searches in most documents)
    first_group = FIRST_GROUP_IS_LEAD.search(text) if _may_state(text, ("第一个", "首个")) else None
    first_unit = first_group is None and _may_state(text, ("第一", "首位", "最前")) and FIRST_IS_LEAD.search(text)
    if not (first_group or first_unit):
        return
    rest = REST_ROLE.search(text)
    rest_role = (
        {"配合": SUPPORT, "参与": SUPPORT, "协办": SUPPORT, "责任": RESPONSIBLE}.get(rest["role"]) if rest else None
    )
    for note in notes:
        units = note.units
        if note.kind == "table" and any(u.role != RESPONSIBLE for u in units):
            continue  # a column named its role
        if any(u.role == LEAD for u in units):
            continue
        lead_group = units[0].group
        for i, unit in enumerate(units):
            leads = unit.group == lead_group if first_group else i == 0
            if leads:
                unit.role = LEAD
            elif rest_role:
                unit.role = rest_role


def _structure_notes(text: str, layout: str, to_text: Callable[[int, int], tuple[int, int]], headings) -> list[Note]:
    """The notes the document's structure gives: under labelled headings, in task tables."""
    return list(_heading_notes(text, headings)) + list(_table_notes(text, layout, to_text))


def find_notes(
    text: str,
    layout: str | None = None,
    to_text: Callable[[int, int], tuple[int, int]] = _identity,
    headings: Iterable[tuple[int, int, str, int]] = (),
) -> list[Note]:
    """Every responsibility note in ``text``, in text order, roles settled.

    ``layout`` is the text whose lines are table rows (the raw text, whose rows
    the normaliser may have joined) and ``to_text`` maps its spans into
    ``text``; by default ``text`` is its own layout.  ``headings`` are
    (start, title end, title, body end) of the document's headings, for notes
    under a labelled heading.
    """
    env = _Env(text)
    notes = [note for f in scan(text) for note in RuleSet.produce(f, env)]
    return _settled(text, notes + _structure_notes(text, text if layout is None else layout, to_text, headings))


def _settled(text: str, notes: list[Note]) -> list[Note]:
    notes.sort(key=lambda n: (n.start, n.end))
    _apply_role_rules(text, notes)
    return notes


def units_of(notes: Iterable[Note]) -> list[tuple[Unit, Note]]:
    """Each unit once (a labelled cell inside a table is reached twice), in text order, with its note."""
    by_span: dict[tuple[int, int], tuple[Unit, Note]] = {}
    for note in notes:
        for unit in note.units:
            by_span.setdefault((unit.start, unit.end), (unit, note))
    return [by_span[span] for span in sorted(by_span)]


def find_units(
    text: str, layout: str | None = None, to_text: Callable[[int, int], tuple[int, int]] = _identity
) -> list[Unit]:
    """Units in ``text`` (see ``find_notes``)."""
    return [unit for unit, _ in units_of(find_notes(text, layout, to_text))]


def _headings(ctx: ExtractContext) -> list[tuple[int, int, str, int]]:
    sections = ctx.sections
    out = []
    for i, s in enumerate(sections):
        next_start = sections[i + 1].norm_start if i + 1 < len(sections) else len(ctx.text)
        out.append((s.norm_start, s.norm_end, s.heading or "", next_start))
    return out


def find(ctx: ExtractContext) -> list[Found]:
    return scan(ctx.text)


def write(ctx: ExtractContext, found: list[Found]) -> list[dict[str, Any]]:
    """The notes of the rules' matches and of the document's structure (labelled
    headings, task tables), the document's role rules applied, one row per unit."""
    text = ctx.text
    env = _Env(text)
    notes = [note for f in found for note in RuleSet.produce(f, env)]
    notes = _settled(text, notes + _structure_notes(text, ctx.norm.raw_text, ctx.norm.to_norm, _headings(ctx)))
    return [
        {
            "norm_start": u.start,
            "norm_end": u.end,
            "name": text[u.start : u.end],
            "role": u.role,
            # private to the extractors (the tasks extractor closes a task at
            # its note); pipeline.process drops "_" keys before publishing
            "_note": (note.start, note.end, note.kind, note.row),
        }
        for u, note in units_of(notes)
    ]


EXTRACTOR = Extractor(
    name="responsible_units",
    table="responsible_units",
    columns=[pa.field("name", pa.string()), pa.field("role", pa.string())],
    find=find,
    write=write,
    rules=RULES,
)
