"""The responsible-units speed-ups read exactly what their plain forms read.

Three rewrites (docs/performance-log.md, branch spu), each compared with the plain form it stands for,
on the bundled and devset documents and on random mixes of the pieces notes are made of:

- ``scan``: the rules tried only where a match may start (an opening bracket, a label
  word) finds what ``RULES.finditer`` finds;
- ``_read_item``: an item read from its own characters, once per string, gives what
  trimming and splitting it in place gives;
- ``_parse_items``: a note read once per string and placed at its start gives what
  ``_parse_note`` gives reading it in place (whatever stands before it);
- ``org_tables._header``: a line without any separator is refused before it is split.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import org_tables
from extractors import responsible_units as ru

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests/fixtures/devset/docs").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8", errors="replace") for p in DOCUMENTS]

# Pieces of responsibility notes and the prose around them: labels, names, joints,
# brackets, role verbs, time limits, blanks, the role words that overlap (主责任).
PIECES = [
    "牵头单位：",
    "责任单位：",
    "配合单位:",
    "【责任单位】",
    "[牵头单位]",
    "主责任",
    "主责任：",
    "责任处室：",
    "牵头",
    "配合",
    "市财政局",
    "省发展改革委",
    "各县（市、区）",
    "各区人民政府〈含开发区、长江新区,下同〉",
    "济南",
    "青岛",
    "烟台市政府",
    "各区",
    "市政府",
    "人行南昌中心支行",
    "有关部门",
    "等",
    "和",
    "及",
    "与",
    "由",
    "、",
    "，",
    "；",
    "。",
    "（",
    "）",
    "(",
    ")",
    "〔",
    "〕",
    "【",
    "】",
    "［",
    "］",
    "[",
    "]",
    "：",
    "\n",
    "\t",
    " ",
    "　",
    "  ",
    "*",
    "按职责分工负责",
    "负责",
    "落实",
    "2024年底前完成",
    "下同",
    "推进产业发展",
    "企业",
    "龙头企业",
    "中心",
    "列第一位者为牵头单位",
    "第一个逗号前为牵头单位",
    "联系科室：",
    "单位",
    "部门",
    "主办单位：",
    "1",
    "|",
]
NOTE_TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _found(found: list) -> list:
    return [(f.rule.name, f.match.span(), f.match.groups()) for f in found]


def test_scan_finds_what_the_rules_scan_finds_on_documents():
    for text in TEXTS:
        assert _found(ru.scan(text)) == _found(list(ru.RULES.finditer(text)))


@settings(max_examples=600, deadline=None, derandomize=True)
@given(NOTE_TEXT)
def test_scan_finds_what_the_rules_scan_finds(text):
    assert _found(ru.scan(text)) == _found(list(ru.RULES.finditer(text)))


def _in_place(text: str, start: int, end: int) -> ru._ItemReading:
    """The plain reading of the item ``text[start:end]``, in place, offsets made relative."""
    s, e, verb_role = ru._trim_item(text, start, end)
    units = ru._split_names(text, s, e)
    names = tuple((u.start - start, u.end - start, u.strong) for u in units) if units else None
    return ru._ItemReading(
        s - start,
        e - start,
        verb_role,
        names,
        place=names is None and ru.PLACE_NAME.fullmatch(text, s, e) is not None,
        shared_head=bool(units) and ru.SHARED_HEAD.search(text, units[-1].start, units[-1].end) is not None,
        unknown=names is None and e > s and not ru.NEUTRAL_ITEM.search(text, s, e),
    )


@settings(max_examples=600, deadline=None, derandomize=True)
@given(NOTE_TEXT, NOTE_TEXT, NOTE_TEXT)
def test_an_item_reads_the_same_alone_and_in_place(before, text, after):
    whole = before + text + after
    for m in ru.ITEM.finditer(whole, len(before), len(before) + len(text)):
        assert ru._read_item(m.group()) == _in_place(whole, *m.span())


def _units(parsed: ru._Parsed) -> tuple:
    return (
        [(u.start, u.end, u.role, u.strong, u.group) for u in parsed.units],
        parsed.labelled,
        parsed.has_verb,
        parsed.unknown,
    )


@settings(max_examples=600, deadline=None, derandomize=True)
@given(NOTE_TEXT, NOTE_TEXT, NOTE_TEXT, st.sampled_from([None, ru.LEAD, ru.RESPONSIBLE, ru.SUPPORT]))
def test_a_note_reads_the_same_once_and_in_place(before, text, after, role):
    whole = before + text + after
    start, end = len(before), len(before) + len(text)
    assert _units(ru._parse_items(whole, start, end, role)) == _units(ru._parse_note(whole, start, end, role))


# A label closed by a square bracket, without a colon, is one only after its opening
# bracket: the one character outside a note that its plain reading looks at.
OPENING = st.sampled_from(["", "【", "［", "[", "（", "。"])
SQUARE_LABELLED = st.tuples(st.sampled_from(["责任单位】", "牵头单位]", "配合单位］", "牵头】"]), NOTE_TEXT).map(
    "".join
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(OPENING, SQUARE_LABELLED, st.sampled_from([None, ru.RESPONSIBLE]))
def test_a_note_opening_with_a_square_label_reads_the_same_once_and_in_place(before, text, role):
    whole = before + text
    start = len(before)
    assert _units(ru._parse_items(whole, start, len(whole), role)) == _units(
        ru._parse_note(whole, start, len(whole), role)
    )


def test_notes_of_documents_read_the_same_once_and_in_place():
    for text in TEXTS:
        for found in ru.scan(text):
            m = found.match
            start, end = (m.start("inner"), m.end("inner")) if found.rule.name == "bracket" else m.span()
            assert _units(ru._parse_items(text, start, end)) == _units(ru._parse_note(text, start, end))


def _plain_header(text, start, end, header_role):
    cells, gaps = org_tables._cells(text, start, end)
    if len(cells) < 2:
        return None
    roles = {i: header_role(c[0], c[1]) for i, c in enumerate(cells) if c}
    roles = {i: role for i, role in roles.items() if role}
    return (cells, roles, gaps) if roles else None


@settings(max_examples=400, deadline=None, derandomize=True)
@given(NOTE_TEXT)
def test_a_header_line_is_judged_as_before(text):
    def header_role(s, e):
        return ru.label_role(text[s:e].rstrip("：:"))

    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        assert org_tables._header(text, start, end, header_role) == _plain_header(text, start, end, header_role)
        start = end + 1
