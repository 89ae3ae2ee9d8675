"""Responsible units: who carries out each task (GUIDE ``responsible_unit``).

Chinese policy documents close a task item with a responsibility note:

- labelled, in brackets or on their own line:
  ``（牵头单位：市发展改革委；责任单位：市财政局、各县市区）``,
  ``责任单位：省发展改革委、省工业和信息化厅，各市人民政府``;
- inline verbs: ``（省商务厅牵头，合肥海关配合）``, ``（合肥海关负责）``;
- an unlabelled bracketed list of units at the end of an item:
  ``……产业化。（省工业和信息化厅、省科技厅）``.
- a task table whose header names the columns (``序号　重点任务　牵头单位　配合单位``):
  every cell under a responsibility column, with that column's role
  (extractors.org_tables; read from the raw lines, since normalisation joins
  table rows that do not end a sentence).

A note is read as a sequence of items split at ``、，；``; ``、`` joins
items of one group, so a trailing verb (``B、C配合``) gives its role to the
whole group.  Every item must look like a unit (extractors.org_lexicon):
in a labelled list non-units are skipped, an unlabelled bracket with a
non-unit is running text and yields nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import pyarrow as pa
import regex

from extractors.base import Extractor
from extractors.org_lexicon import MAX_NAME_LEN, STRONG, classify, is_bare_suffix, is_government
from extractors.org_tables import table_cells
from pipeline.core.document import ExtractContext

LEAD, RESPONSIBLE, SUPPORT = "lead", "responsible", "support"

# Responsibility labels, by role.  Longer variants first inside the regex.
LABELS = {
    LEAD: [
        "牵头单位",
        "牵头部门",
        "牵头责任单位",
        "责任牵头单位",
        "牵头处室",
        "主责单位",
        "主责部门",
        "主办单位",
        "主办部门",
        "牵头",
    ],
    RESPONSIBLE: [
        "责任单位",
        "责任部门",
        "责任主体",
        "主体责任单位",
        "工作责任单位",
        "落实单位",
        "实施单位",
        "实施主体",
        "承办单位",
        "负责单位",
        "负责部门",
        "责任处室",
        "责任科室",
        "责任",
    ],
    SUPPORT: [
        "配合单位",
        "配合部门",
        "参与单位",
        "参与部门",
        "协办单位",
        "协办部门",
        "协同单位",
        "协作单位",
        "协助单位",
        "支持单位",
        "配合",
        "参与",
        "协办",
    ],
}
_ROLE_OF_LABEL = {label: role for role, labels in LABELS.items() for label in labels}
_LABEL_ALT = "|".join(sorted(_ROLE_OF_LABEL, key=len, reverse=True))
_JUNK = r"[\s*\u3000]"  # whitespace and markdown bold around labels and names
# A label with its colon and bold marks: "**责任单位:**" -> group "label".
LABEL_AT_ANYWHERE = regex.compile(rf"{_JUNK}*(?P<label>{_LABEL_ALT}){_JUNK}*[：:]{_JUNK}*")
# A label anywhere (for notes outside brackets).  This and BRACKET scan the
# whole text: they use the stdlib engine, 2x faster here (it skips ahead to a
# possible first character).  Its \s would also match U+001C-001F, so the
# whitespace of `regex`'s \s is spelled out (tests/test_scan_guards.py).
_JUNK_STDLIB = "[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000*]"
LABEL_ANY = re.compile(rf"(?:{_LABEL_ALT}){_JUNK_STDLIB}*[：:]")

# A role verb closing an item: "省科技厅牵头", "省有关部门按职责分工负责", "省财政厅（配合）".
_VERBS = {
    LEAD: r"牵头(?:负责|落实|推进|抓总)?|[（(]牵头(?:单位|部门)?[）)]",
    RESPONSIBLE: r"(?:按(?:照)?(?:各自)?职责(?:分工)?)?(?:分别|共同|具体)?(?:负责|落实)(?:落实|推进)?|[（(]负责[）)]",
    SUPPORT: r"(?:按(?:照)?职责(?:分工)?)?(?:配合|参与|协助|协办|协同)(?:落实|推进)?|[（(](?:配合|参与)[）)]",
}
VERB_AT_END = regex.compile("(?:" + "|".join(f"(?P<{role}>{pat})" for role, pat in _VERBS.items()) + rf"){_JUNK}*$")
# What is stripped from a name's end: a trailing 等 (市科技局、教育局等), bold, blanks.
TRAILING_JUNK = regex.compile(rf"(?:等|{_JUNK})+$")
# A bracket after a name that is not part of it: 省财政厅（列第一位的为牵头单位）.
# Place-class brackets belong to the name: 各县（市、区）.
TRAILING_ASIDE = regex.compile(r"[（(〔](?![市县区旗州盟镇乡街道办、，]+[）)〕])[^（()）〔〕]*[）)〕]\s*$")
LEADING_JUNK = regex.compile(rf"(?:{_JUNK}|由)+")
# Where one item may hold two names: 省科技厅和省财政厅, A等B, names parted by blanks.
CONNECTOR = regex.compile(r"等|以及|及|和|与|[ \u3000]+")
# 等 + a bare collective sums up the list before it: 省财政厅等有关部门.
GENERIC_AFTER_DENG = regex.compile(r"(?:其他|其它)?(?:有关|相关)?(?:部门|单位)+")
MAX_JOINED_LEN = 4 * MAX_NAME_LEN
# A time limit inside a note: （省发展改革委牵头，2024年底前完成）.
TIME_ITEM = regex.compile(r"\d{4}年|\d{1,2}月|年底|年内|长期|持续|每年|逐年|完成时限")

# One item of a list: anything up to a separator, keeping a short inner
# bracket (各县（市、区）, also written 各县〔市、区〕) inside the item.
ITEM = regex.compile(r"(?:[^、，,；;（()）〔〕\n]|[（(〔][^（()）〔〕\n]{0,20}[）)〕])+")
GROUP_SEPARATORS = "，,；;"  # end a group; 、 joins items inside one

# A bracketed note (content may hold one level of short inner brackets) ...
BRACKET = re.compile(r"[（(〔【［]((?:[^（()）〔〕【】［］\n]|[（(〔][^（()）〔〕\n]{0,20}[）)〕])*)[）)〕】］]")
# ... and the extent of an unbracketed labelled note: to the end of its line, sentence or table cell.
LINE_NOTE = regex.compile(r"(?:[^\n\t|。（()）〔〕【】]|[（(〔][^\n（()）〔〕]{0,20}[）)〕])*")
# An unlabelled list must close a task item: a sentence end before it, or its line ends after it.
_ENDS_SENTENCE = "。；;！!？?\n"
LINE_END_AFTER = regex.compile(r"[。；;.]?[ \t\u3000*]*(?:\r?\n|$)")

# A table header cell naming a responsibility column: "牵头单位", "责任单位（部门）".
# HEADER_HINT finds where one may stand; it scans the whole raw text, so it is a
# bare stdlib alternation (the engine skips ahead to a label's first character;
# a cell-start lookbehind would defeat that, org_tables checks it instead) of
# the long labels only: headers write 牵头单位, and inline notes are full of "X牵头".
_COLUMN_LABELS = [label for label in sorted(_ROLE_OF_LABEL, key=len, reverse=True) if len(label) >= 4]
HEADER_HINT = re.compile("|".join(_COLUMN_LABELS))
HEADER_CELL = regex.compile(rf"(?P<label>{_LABEL_ALT})(?:[（(][^（()）]{{0,8}}[）)])?[：:]?")

# The document's own rule "列第一位者为牵头单位" / "排在第一位的为牵头单位（部门）".
FIRST_IS_LEAD = regex.compile(r"(?:第一位|第一个|首位|排名第一|列第一|排第一)(?:的|者|单位|部门)*(?:为|是)牵头")


@dataclass
class Unit:
    start: int
    end: int
    role: str | None  # None until a label, verb or the note's default decides
    strong: bool


def _split_names(text: str, s: int, e: int) -> list[Unit] | None:
    """The unit(s) of one item, or None if it names none.

    Items joined without a list separator are split where both sides are
    units: ``省科技厅和省财政厅``, ``市发改委 市财政局``,
    ``市工业和信息化局等市直有关部门``; ``县住房和城乡建设局`` and
    ``高等院校`` stay whole because their halves are not units.  A bare
    ``等有关部门`` after a unit only sums up the list and is dropped.
    """
    if e - s > MAX_JOINED_LEN:  # running text, not a few names run together
        return None
    for joint in CONNECTOR.finditer(text, s + 1, e):
        left = classify(text[s : joint.start()])
        if not left:
            continue
        if joint.group() == "等" and GENERIC_AFTER_DENG.fullmatch(text, joint.end(), e):
            return [Unit(s, joint.start(), None, left == STRONG)]
        rest = _split_names(text, joint.end(), e)
        # 各市党委和政府: a bare right half shares the left's qualifier, one unit.
        if rest and not is_bare_suffix(text[rest[0].start : rest[0].end]):
            return [Unit(s, joint.start(), None, left == STRONG)] + rest
    kind = classify(text[s:e]) if e > s else None
    return [Unit(s, e, None, kind == STRONG)] if kind else None


def _segments(text: str, start: int, end: int, label_role: str | None):
    """Split a note at its labels: (start, end, role of the label before it)."""
    pos, role = start, label_role
    for label in LABEL_AT_ANYWHERE.finditer(text, start, end):
        if label.start() > pos:
            yield pos, label.start(), role
        pos, role = label.end(), _ROLE_OF_LABEL[label.group("label")]
    if end > pos:
        yield pos, end, role


def _parse_items(
    text: str, start: int, end: int, strict: bool, label_role: str | None = None
) -> tuple[list[Unit], bool, bool] | None:
    """Read the units of the note ``text[start:end]``.

    ``label_role`` is the role a label outside the text gives (a table
    column's header).  Returns (units, labelled, has_verb), or None when
    ``strict`` and an item outside any label is not a unit, i.e. the
    bracket is running text.
    """
    units: list[Unit] = []
    has_verb = labelled = False
    for seg_start, seg_end, role in _segments(text, start, end, label_role):
        labelled = labelled or role is not None
        group: list[Unit] = []  # items joined by 、 that wait for a role
        for m in ITEM.finditer(text, seg_start, seg_end):
            s, e = m.span()
            lead_junk = LEADING_JUNK.match(text, s, e)
            if lead_junk:
                s = lead_junk.end()
            verb_role = None
            verb = VERB_AT_END.search(text, s, e)
            if verb:
                verb_role = verb.lastgroup
                e = verb.start()
            aside = TRAILING_ASIDE.search(text, s, e)
            if aside:
                e = aside.start()
            junk = TRAILING_JUNK.search(text, s, e)
            if junk:
                e = junk.start()
            names = _split_names(text, s, e)
            if names is None:
                # Outside labels, a non-unit means running text, except for an
                # empty item before a verb or a time limit (2024年底前完成).
                if strict and role is None and e > s and not TIME_ITEM.search(text, s, e):
                    return None
            else:
                units.extend(names)
                group.extend(names)
            if verb_role:
                has_verb = True
                for unit in group:
                    unit.role = verb_role
                group.clear()
            if m.end() < seg_end and text[m.end()] in GROUP_SEPARATORS or m.end() >= seg_end:
                for unit in group:
                    unit.role = unit.role or role
                group.clear()
    return units, labelled, has_verb


def _closes_item(text: str, open_at: int, close_end: int) -> bool:
    before = text[open_at - 1] if open_at > 0 else "\n"
    return before in _ENDS_SENTENCE or LINE_END_AFTER.match(text, close_end) is not None


def _note_units(text: str, start: int, end: int, bracket: tuple[int, int] | None) -> list[Unit]:
    parsed = _parse_items(text, start, end, strict=True)
    if parsed is None:
        return []
    units, labelled, has_verb = parsed
    if not units:
        return []
    if not labelled:
        # Without a label, only units a government document assigns count ...
        if not any(is_government(text[u.start : u.end]) for u in units):
            return []
        # ... and a bare list needs a specific unit and must close a task item.
        if not has_verb and (
            bracket is None
            or not any(u.strong and not is_bare_suffix(text[u.start : u.end]) for u in units)
            or not _closes_item(text, *bracket)
        ):
            return []
    for unit in units:
        if unit.role is None:
            unit.role = RESPONSIBLE
    return units


def _inside(spans_start: list[int], spans_end: list[int], pos: int) -> bool:
    i = bisect.bisect_right(spans_start, pos) - 1
    return i >= 0 and pos < spans_end[i]


def _identity(start: int, end: int) -> tuple[int, int]:
    return start, end


def _table_notes(text: str, layout: str, to_text: Callable[[int, int], tuple[int, int]]) -> Iterator[list[Unit]]:
    """Units of every responsibility-table cell, with its column's role.

    Cells are found in ``layout`` (lines = rows) and read in ``text`` at the
    span ``to_text`` maps them to: headers are judged on normalised text
    (牽頭單位 is 牵头单位 there) and names come out in norm offsets.
    """

    def header_role(start: int, end: int) -> str | None:
        m = HEADER_CELL.fullmatch(text, *to_text(start, end))
        return _ROLE_OF_LABEL[m.group("label")] if m else None

    for cell_start, cell_end, role in table_cells(layout, header_role, HEADER_HINT):
        start, end = to_text(cell_start, cell_end)
        parsed = _parse_items(text, start, end, strict=False, label_role=role) if end > start else None
        if parsed and parsed[0]:
            yield parsed[0]


def find_units(
    text: str, layout: str | None = None, to_text: Callable[[int, int], tuple[int, int]] = _identity
) -> list[Unit]:
    """Units in ``text``.  ``layout`` is the text whose lines are table rows (the raw
    text, whose rows the normaliser may have joined) and ``to_text`` maps its spans
    into ``text``; by default ``text`` is its own layout."""
    notes: list[list[Unit]] = []
    bracket_starts: list[int] = []
    bracket_ends: list[int] = []
    for m in BRACKET.finditer(text):
        bracket_starts.append(m.start())
        bracket_ends.append(m.end())
        units = _note_units(text, m.start(1), m.end(1), (m.start(), m.end()))
        if units:
            notes.append(units)
    # Labelled notes outside brackets, e.g. a "责任单位：……" line under a task.
    pos = 0
    for m in LABEL_ANY.finditer(text):
        if m.start() < pos or _inside(bracket_starts, bracket_ends, m.start()):
            continue
        extent = LINE_NOTE.match(text, m.start())
        pos = extent.end()
        units = _note_units(text, m.start(), pos, None)
        if units:
            notes.append(units)
    notes.extend(_table_notes(text, text if layout is None else layout, to_text))
    if FIRST_IS_LEAD.search(text):
        for units in notes:
            if all(u.role != LEAD for u in units):
                units[0].role = LEAD
    # A span reached twice (a labelled cell inside a table) is reported once.
    by_span: dict[tuple[int, int], Unit] = {}
    for units in notes:
        for u in units:
            by_span.setdefault((u.start, u.end), u)
    return [by_span[span] for span in sorted(by_span)]


def find(ctx: ExtractContext) -> list[Unit]:
    return find_units(ctx.text, ctx.norm.raw_text, ctx.norm.to_norm)


def write(ctx: ExtractContext, units: list[Unit]) -> list[dict[str, Any]]:
    text = ctx.text
    return [{"norm_start": u.start, "norm_end": u.end, "name": text[u.start : u.end], "role": u.role} for u in units]


EXTRACTOR = Extractor(
    name="responsible_units",
    table="responsible_units",
    columns=[pa.field("name", pa.string()), pa.field("role", pa.string())],
    find=find,
    write=write,
)
