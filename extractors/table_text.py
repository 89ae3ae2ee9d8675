"""The raw text as the table readers compare it: the normalised characters, one for one, at raw offsets.

The table readers (``extractors/project_tables.py``, ``extractors/money_grids.py``) read a table's cells from the
raw text's lines, since its line breaks are the cells' bounds (the normalisers join lines).  The characters of a
cell, though, come in the forms every crawl can bring: full-width digits (``１２００``, a Word text typed in
full-width mode), a traditional page (``總投資（萬元）``, ``合計``: a Hong Kong or Taiwan mirror, a page re-encoded
from Big5) and a PDF's character spacing inside numbers (``2 4 0``, ``2 0 2 1-2 0 2 2``).  :func:`folded` gives the
raw text with the normalisers' character forms (``normalizers.width``'s half-width digits and decimal point,
``normalizers.chinese_script``'s simplified characters), one character for one, so every offset stays a raw
offset; :func:`compact` drops the blanks between a number's characters, as ``normalizers.spacing`` does, so a cell
compares with its normalised text (:func:`same_text`).  Brackets keep their width: the readers' patterns take both (``（万元）``,
``(万元)``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from normalizers.chinese_script import CHANGING_CHARS, simplified_char

# full-width digits and decimal point -> ASCII (normalizers.width: the forms the normalised text holds)
_WIDTH = {0xFF10 + k: ord("0") + k for k in range(10)} | {ord("．"): ord(".")}
# blanks between a number's characters, or between a number and the Han character it touches (PDF spacing)
_NUMBER_BLANKS = re.compile(r"(?<=[\d.])[ \u3000\xa0]+(?=[\d.])|(?<=\d)[ \u3000\xa0]+(?=年)")


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    """Every character t2s changes, to its simplified form (a character it makes several is kept), and the widths."""
    table = dict(_WIDTH)
    lines = CHANGING_CHARS.read_text(encoding="utf-8").splitlines()
    for char in "".join(line for line in lines if not line.startswith("#")):
        if (simple := simplified_char(char)) != char:
            table[ord(char)] = ord(simple)
    return table


@lru_cache(maxsize=4)
def folded(raw: str) -> str:
    """``raw`` with half-width digits and simplified characters, one character for one (module docstring)."""
    return raw.translate(_table())


def compact(cell: str) -> str:
    """A folded cell without the blanks inside its numbers (``2 0 2 1-2 0 2 2`` -> ``2021-2022``)."""
    return _NUMBER_BLANKS.sub("", cell)


def same_text(norm_cell: str, cell: str) -> bool:
    """Does the normalised text's ``norm_cell`` write the folded raw cell ``cell``: the same characters once both
    are compacted and in NFKC (``normalizers.width`` may give a unit's ``（％）`` ASCII marks beside digits), and a
    cell of spaced digits alone on its line (``2 4 0``) compacted on both sides: ``normalizers.spacing`` keeps it,
    since it cannot tell it from three number cells, where the table reader knows it is one."""
    return _nfkc(compact(norm_cell)) == _nfkc(compact(cell))


def same_cell(norm_cell: str, raw: str, start: int, end: int) -> bool:
    """:func:`same_text` for the raw cell ``raw[start:end]``."""
    return same_text(norm_cell, folded(raw)[start:end])


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
