"""Look-alike ideographs from PDF text layers → the unified ideographs, one for one.

A PDF's text is what its fonts' ToUnicode maps say, and CJK fonts draw some
characters with the glyph they also use for a radical or a compatibility
ideograph.  A map that picks the wrong code point yields ``⼭东省⼈民政府`` for
山东省人民政府, and no pattern, lexicon or gold span matches it.  This step maps,
one code point for one (the offset map is the identity):

- Kangxi radicals U+2F00–U+2FD5 (``⼭``→山, ``⼈``→人, ``⾏``→行) by their NFKC form;
- CJK Radicals Supplement forms that stand for a whole character, above all the
  simplified ones (``⻔``→门, ``⻅``→见, ``⻓``→长, ``⻢``→马, ``⺠``→民); component-only forms
  (``⺡`` 氵, ``⻏`` 阝) are mapped where a unified ideograph for them exists;
- CJK compatibility ideographs U+F900–U+FAFF and U+2F800–U+2FA1D (``行``→行, ``﨑``→崎) by
  their canonical decomposition, except the twelve that are unified ideographs themselves
  (``﨎﨏﨑﨓﨔﨟﨡﨣﨤﨧﨨﨩``, which have none).

Run it right after ``newlines`` (phase 2 registers it there): before ``t2s``, which
would not count ``⾏`` as a character at all, and before ``boilerplate``, so a running
header printed as ``⼭东省⼈民政府公报`` on one page and ``山东省人民政府公报`` on the next is one line.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from normalizers.edits import replaced_one_for_one
from pipeline.core.offsets import OffsetMap

# Supplement radicals (U+2E80–U+2EF3) → the ideograph they stand for.  Only U+2E9F and
# U+2EF3 have a decomposition in Unicode; the rest follow the radicals' names.
_SUPPLEMENT = {
    "⺁": "厂",
    "⺇": "几",
    "⺌": "小",
    "⺍": "小",
    "⺎": "兀",
    "⺏": "尢",
    "⺐": "尢",
    "⺑": "尢",
    "⺒": "巳",
    "⺓": "幺",
    "⺔": "彑",
    "⺖": "忄",
    "⺗": "心",
    "⺘": "扌",
    "⺙": "攵",
    "⺛": "旡",
    "⺜": "日",
    "⺝": "月",
    "⺞": "歺",
    "⺟": "母",
    "⺠": "民",
    "⺡": "氵",
    "⺢": "氺",
    "⺣": "灬",
    "⺤": "爫",
    "⺥": "爫",
    "⺦": "丬",
    "⺧": "牛",
    "⺨": "犭",
    "⺩": "王",
    "⺪": "疋",
    "⺫": "目",
    "⺬": "示",
    "⺭": "礻",
    "⺮": "竹",
    "⺯": "糸",
    "⺰": "纟",
    "⺲": "罒",
    "⺳": "网",
    "⺴": "网",
    "⺵": "网",
    "⺶": "羊",
    "⺷": "羊",
    "⺸": "羊",
    "⺹": "耂",
    "⺺": "肀",
    "⺻": "聿",
    "⺼": "月",
    "⺽": "臼",
    "⺾": "艹",
    "⺿": "艹",
    "⻀": "艹",
    "⻁": "虎",
    "⻂": "衤",
    "⻃": "襾",
    "⻄": "西",
    "⻅": "见",
    "⻆": "角",
    "⻇": "角",
    "⻈": "讠",
    "⻉": "贝",
    "⻊": "足",
    "⻋": "车",
    "⻌": "辶",
    "⻍": "辶",
    "⻎": "辶",
    "⻏": "阝",
    "⻐": "钅",
    "⻑": "長",
    "⻒": "镸",
    "⻓": "长",
    "⻔": "门",
    "⻕": "阝",
    "⻖": "阝",
    "⻗": "雨",
    "⻘": "青",
    "⻙": "韦",
    "⻚": "页",
    "⻛": "风",
    "⻜": "飞",
    "⻝": "食",
    "⻟": "食",
    "⻠": "饣",
    "⻡": "首",
    "⻢": "马",
    "⻣": "骨",
    "⻤": "鬼",
    "⻥": "鱼",
    "⻦": "鸟",
    "⻧": "卤",
    "⻨": "麦",
    "⻩": "黄",
    "⻪": "黾",
    "⻫": "斉",
    "⻬": "齐",
    "⻭": "歯",
    "⻮": "齿",
    "⻯": "竜",
    "⻰": "龙",
    "⻱": "龜",
    "⻲": "亀",
    "⻳": "龟",
}


def _table() -> dict[int, int]:
    table: dict[int, int] = {}
    ranges = [range(0x2F00, 0x2FD6), range(0xF900, 0xFB00), range(0x2F800, 0x2FA1E)]
    for block in ranges:
        for cp in block:
            mapped = unicodedata.normalize("NFKC", chr(cp))
            if len(mapped) == 1 and mapped != chr(cp):
                table[cp] = ord(mapped)
    for radical, ideograph in _SUPPLEMENT.items():
        table[ord(radical)] = ord(ideograph)
    return table


def _char_class(code_points: list[int]) -> str:
    """A regex class of these code points as ranges (``[a-b...]``): sre scans a class of
    1,400 single characters a hundred times slower than one of a few ranges."""
    ranges: list[list[int]] = []
    for cp in sorted(code_points):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


TABLE = _table()
_ANY = re.compile(_char_class(list(TABLE)))
_BMP = 0x10000
# The look-alikes of the Basic Multilingual Plane, and (index _BMP) every astral character: a text none of whose
# code points is here holds no look-alike.  ``_ANY.search`` tests its ~20 ranges at every character (~10 ns a
# character, 2% of the core path on corpus-real), where one table lookup over the code points is a fraction of it.
_LOOKALIKE_OR_ASTRAL = np.zeros(_BMP + 1, dtype=bool)
_LOOKALIKE_OR_ASTRAL[[cp for cp in TABLE if cp < _BMP] + [_BMP]] = True


def unified_char(char: str) -> str:
    """The unified ideograph a look-alike stands for (the character itself otherwise)."""
    return chr(TABLE.get(ord(char), ord(char))) if len(char) == 1 else char


def _may_hold_lookalikes(text: str) -> bool:
    """Whether a code point of ``text`` is a look-alike of the BMP or astral (``_ANY`` decides those)."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return bool(_LOOKALIKE_OR_ASTRAL.take(np.minimum(points, _BMP)).any())


def unify_ideographs(text: str) -> tuple[str, OffsetMap]:
    """Map Kangxi radicals, supplement radicals and compatibility ideographs to unified ideographs."""
    if not (_may_hold_lookalikes(text) and _ANY.search(text)):
        return replaced_one_for_one(text, text)
    return replaced_one_for_one(text, text.translate(TABLE))
