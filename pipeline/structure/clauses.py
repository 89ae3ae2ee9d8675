"""Decimal clause numbering (章条编号): ``1　总则``, ``1.1　编制目的``, ``3.2.1　预警分级`` (BL17, realblind16).

The numbering an 应急预案 and a standard (GB/T 1.1's 章条) use for their sections instead of GB/T 9704's
``一、``/``（一）``/``1.``: a number of one to five parts joined by dots, a blank, and the clause's title alone on its
line (in a text that lost its line breaks: alone between two paragraph indents ``　　``).  A clause is a heading of
the level of its number's depth (``1`` level 1, ``1.1`` level 2, ``3.2.1`` level 3, ``5.1.1.1`` level 4) and
numbered by its last part; the ``（1）`` items inside a clause keep their own level (4).

Found by form and decided by the numbering as a whole, since a number and a blank open many lines of a table or a
PDF page:
- a clause's title is alone on its line, at most ``_TITLE_MAX`` characters, and opens with no unit (``5 年``, ``1.5
  亿元`` are figures);
- a 目录 lists the clauses before the body repeats them: an entry has no text of its own, so a clause followed only by
  blanks and then a clause other than its first child (``1.1　编制目的　　　　1.2　编制依据``), or by an empty one, is
  a contents entry, no heading;
- the clauses left must run as one numbering from ``1``: each the next sibling of one of the last clause's levels or
  its first child (``3.2.4`` → ``3.3`` or ``4`` or ``3.2.5`` or ``3.2.4.1``); one that does not is skipped;
- a text uses the numbering only with at least ``_MIN_SUBCLAUSES`` clauses of two or more parts (a line ``1 总则``
  alone is no numbering).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.scans import matches_at

_MAX_DEPTH = 5  # GB/T 1.1: a 章 and its 条 down to the fifth level (`5.1.1.1.1`), GUIDE's levels 1–5
_TITLE_MAX = 30
_MIN_SUBCLAUSES = 3
_NUMBER = r"(?P<number>\d{1,2}(?:[.．]\d{1,2}){0,4})(?![\d.．])"
# the blank after the number, which the normaliser deletes between a digit and a Chinese character (`1总则`)
_AFTER = r"[ \u3000\u00a0]*(?=[\u4e00-\u9fff])"
# at a line start; in a text without line breaks also after a paragraph's indent (two blanks), or after the
# paragraph's last stop where the normaliser deleted the indent between the stop and the number (`…发展。1.2编制依据`)
_LINE_CLAUSE = re.compile(rf"(?m)^[ \t\u3000]*{_NUMBER}{_AFTER}")
# Where a _LINE_CLAUSE match can start after the first line: a break, blanks, a digit.  A literal first lets the
# engine skip from one break to the next, where the (?m)^ of _LINE_CLAUSE was tested at every character.
_CLAUSE_LINE_START = re.compile(r"\n[ \t\u3000]*\d")
_FLAT_CLAUSE = re.compile(rf"(?m)(?:^|(?<=[ \u3000\u00a0]{{2}})|(?<=[。；;]))[ \t\u3000\u00a0]*{_NUMBER}{_AFTER}")
_LINE_TITLE_END = re.compile(r"[\r\n]|$")
_FLAT_TITLE_END = re.compile(r"[ \u3000\u00a0]{2}|[\r\n]|$")
_BLANKS = " \t\r\n\u3000\u00a0"
# a unit right after the number makes it a figure (`1.5 亿元`, `3 年`); words a title opens with stay allowed
# (`人员疏散与安置`, `次生灾害防范`, `个人信息保护`, `组织指挥体系`, `分级响应`)
_NOT_TITLE_START = frozenset("年月日号亿万千百元%％倍吨亩岁")
_NOT_IN_TITLE = frozenset("。；;，,：:")


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # the number's first character
    title_start: int
    end: int  # the title's end (trailing blanks out)
    parts: tuple[int, ...]  # (3, 2, 1) for 3.2.1

    @property
    def level(self) -> int:
        return len(self.parts)

    @property
    def number(self) -> int:
        return self.parts[-1]


def decimal_clauses(text: str, flat: bool) -> list[Clause]:
    """The text's decimal clauses that are headings, in text order (none when the text does not number so)."""
    if "1" not in text:
        return []
    found = _forms(text, flat)
    body = [c for c, entry in zip(found, _contents_entries(text, found)) if not entry]
    chain = _numbering(body)
    return chain if sum(c.level >= 2 for c in chain) >= _MIN_SUBCLAUSES else []


def _forms(text: str, flat: bool) -> list[Clause]:
    """Every number + blank + short title alone on its line (or between indents)."""
    found = []
    for m in _FLAT_CLAUSE.finditer(text) if flat else line_clause_matches(text):
        parts = tuple(int(p) for p in re.split(r"[.．]", m.group("number")))
        title_start = m.end()
        stop = (_FLAT_TITLE_END if flat else _LINE_TITLE_END).search(text, title_start)
        end = stop.start() if stop else len(text)
        while end > title_start and text[end - 1] in _BLANKS:
            end -= 1
        title = text[title_start:end]
        if len(parts) > _MAX_DEPTH or not title or len(title) > _TITLE_MAX or 0 in parts:
            continue
        if title[0] in _NOT_TITLE_START or any(ch in _NOT_IN_TITLE for ch in title):
            continue
        found.append(Clause(m.start("number"), title_start, end, parts))
    return found


def line_clause_matches(text: str) -> list[re.Match]:
    """``_LINE_CLAUSE.finditer(text)``, tried only at the text's start and at the line starts a digit opens."""
    return matches_at(_LINE_CLAUSE, text, [0, *(m.start() + 1 for m in _CLAUSE_LINE_START.finditer(text))])


def _contents_entries(text: str, found: list[Clause]) -> list[bool]:
    """Which clauses are a 目录's entries: followed by nothing but blanks and then a clause that is not their first
    child, or an entry (read from the last clause back)."""
    entry = [False] * len(found)
    for i in range(len(found) - 2, -1, -1):
        here, after = found[i], found[i + 1]
        if text[here.end : after.start].strip(_BLANKS):
            continue  # text of its own between them: a clause of the body
        entry[i] = after.parts != here.parts + (1,) or entry[i + 1]
    return entry


def _numbering(found: list[Clause]) -> list[Clause]:
    """The clauses that run as one numbering from 1 (each the next of the last accepted one)."""
    chain: list[Clause] = []
    for clause in found:
        if _follows(chain[-1].parts if chain else None, clause.parts):
            chain.append(clause)
    return chain


def _follows(last: tuple[int, ...] | None, parts: tuple[int, ...]) -> bool:
    if last is None:
        return parts == (1,)
    if parts == last + (1,):
        return True  # its first child
    depth = len(parts)
    return depth <= len(last) and parts == last[: depth - 1] + (last[depth - 1] + 1,)
