"""The numeral parser: Arabic, Chinese and mixed numerals, ranges, percentages, ordinals.

Two readings of one table of digits and units:

- quantities (:func:`parse_number`, :func:`parse_range`, the ``*_RE`` sources)
  for amounts, targets and deadlines: strict positional reading, ``十四五``
  and ``三五`` are refused;
- ordinals and written-out dates (:func:`cn_to_int`) for heading markers
  (``十一、``, ``（二十三）``) and date lines (``二〇二三年十一月十一日``):
  lenient, as markers are written (``Ｏ``/``O`` for 〇 in date lines), never
  raises.  The two differ on malformed input only (``十四五`` is 15 here), and
  sections/metadata depend on that leniency, so they stay two functions.

Embed the regex *sources* (``NUMBER_RE``, ``RANGE_RE``, ``PERCENT_RE``) in
your own patterns -- they contain no capturing groups, so they never shift
your group numbers -- then turn the matched text into a value with
:func:`parse_number` / :func:`parse_range`.

Examples: ``800``, ``1.5``, ``1,000``, ``两``, ``一百``, ``二十五``, ``百`` (as
in 百亿级), ``1.5万``, ``3000万``, ``5亿``, ``3千万``, ``千亿``; ranges
``3-5``, ``3—5``, ``3～5``, ``3至5``, ``三到五``, ``3-5万`` (= 3万..5万), and (ranges only) two
neighbouring digits written without a separator, ``两三`` (2..3), ``三五`` (3..5).

The pattern is deliberately permissive (``十四五`` matches, ``一`` in
``一体化`` matches): it is meant to be anchored by the unit that follows it in
the caller's pattern.  :func:`parse_number` raises ``ValueError`` on strings
that are not well-formed numerals, and :func:`iter_numbers` skips them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

# --------------------------------------------------------------- tables
CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
# Multipliers written after a numeral (``1.5万``, ``3千万``, ``2万亿``); the
# product of their characters is the factor.
MULTIPLIERS = {
    "十": 10.0,
    "百": 100.0,
    "千": 1_000.0,
    "万": 1e4,
    "亿": 1e8,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "万亿": 1e12,
}

# Ordinals and dates also accept the letter O standing in for 〇 (scanned date lines).
ORDINAL_DIGITS = {**CN_DIGITS, "Ｏ": 0, "O": 0}
# Character class for regexes: every character cn_to_int understands (besides digits).
NUMERAL_CLASS = "〇零○一二两三四五六七八九十百千"

# --------------------------------------------------------------- patterns
# 1,000 / 1.5 / 800 ; thousands separators only in groups of three so that
# a list like "5,10,20" is not read as one number.
ARABIC_RE = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Multiplier suffix after an Arabic numeral.  A lone 千/百 is left out on
# purpose: ``100千瓦`` is 100 kW, not 100,000 瓦.
ARABIC_MULT_RE = r"(?:[十百千]万|万亿|亿|万|千(?=万|亿))"
# Chinese numerals: must start with a digit or 十/百/千; 千 followed by a
# unit that begins with 千 (千瓦, 千克, 千米) is not the numeral 千.
_CN_CHAR = r"(?:[零〇○一二两三四五六七八九十百万亿]|千(?![瓦克米卡伏帕焦]))"
CHINESE_RE = r"(?=[一二两三四五六七八九十百千])" + _CN_CHAR + "+"

NUMBER_RE = rf"(?:(?:{ARABIC_RE}){ARABIC_MULT_RE}?|{CHINESE_RE})"
RANGE_SEP_RE = r"(?:[-－—–~～〜]{1,2}|至|到)"
RANGE_RE = rf"(?:{NUMBER_RE}{RANGE_SEP_RE}{NUMBER_RE})"
PERCENT_UNIT_RE = r"(?:%|％|个百分点|百分点)"
PERCENT_RE = rf"(?:百分之{NUMBER_RE}|{NUMBER_RE}(?:{RANGE_SEP_RE}{NUMBER_RE})?{PERCENT_UNIT_RE})"

NUMBER_PATTERN = re.compile(NUMBER_RE)
_ARABIC_FULL = re.compile(rf"({ARABIC_RE})([十百千万亿]*)")
_RANGE_SPLIT = re.compile(rf"({NUMBER_RE}){RANGE_SEP_RE}({NUMBER_RE})")
_TRAILING_BIG = re.compile(r"[万亿]+$")
_CN_ONLY_DIGITS = re.compile(r"[零〇○一二两三四五六七八九]{2,}")
# Two digits side by side are a range in the spoken style official texts keep (`两三个` two or three, `三五年` three to
# five years, `七八家`); only parse_range reads them, parse_number refuses them (三五 is no 35).  一二 and 二三 stay out:
# they open ordinal series (`一二三产业`, `二三类`).
CN_PAIR_RANGES = {
    "一两": (1.0, 2.0),
    "两三": (2.0, 3.0),
    "三四": (3.0, 4.0),
    "四五": (4.0, 5.0),
    "五六": (5.0, 6.0),
    "六七": (6.0, 7.0),
    "七八": (7.0, 8.0),
    "八九": (8.0, 9.0),
    "三五": (3.0, 5.0),
}


# the places a pair of digits may stand before (`两三百名` two or three hundred, `七八千家`)
_PAIR_PLACES = {"十": 10.0, "百": 100.0, "千": 1000.0}


# --------------------------------------------------------------- parsing
def _parse_chinese(s: str) -> float:
    """Positional Chinese numeral -> value (``一亿二千万`` -> 1.2e8)."""
    if _CN_ONLY_DIGITS.fullmatch(s):
        # 二〇二五 (years) reads digit by digit; 三五 ("three to five") does not.
        if len(s) < 3:
            raise ValueError(f"not a numeral: {s!r}")
        return float("".join(str(CN_DIGITS[c]) for c in s))
    total = 0  # completed 亿-groups
    mid = 0  # completed 万-group
    section = 0  # below 万
    digit: int | None = None
    last_small = 10_000  # small units must decrease within a section (十四五 fails)
    for ch in s:
        if ch in CN_DIGITS:
            if ch in "零〇○":
                digit = None
                continue
            if digit is not None:
                raise ValueError(f"not a numeral: {s!r}")
            digit = CN_DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if unit >= last_small:
                raise ValueError(f"not a numeral: {s!r}")
            section += (1 if digit is None else digit) * unit
            digit = None
            last_small = unit
        elif ch == "万":
            value = section + (digit or 0)
            mid = (mid + (value or (0 if (mid or total) else 1))) * 10_000
            section, digit, last_small = 0, None, 10_000
        elif ch == "亿":
            value = mid + section + (digit or 0)
            total = (total + (value or (0 if total else 1))) * 100_000_000
            mid, section, digit, last_small = 0, 0, None, 10_000
        else:
            raise ValueError(f"not a numeral: {s!r}")
    return float(total + mid + section + (digit or 0))


def multiplier(suffix: str) -> float:
    """Factor of a multiplier suffix (``万`` -> 1e4, ``千万`` -> 1e7, ``""`` -> 1)."""
    factor = 1.0
    for ch in suffix:
        factor *= MULTIPLIERS[ch]
    return factor


# Cached by string: quantities repeat within and across documents (years, 10, 100, 50%),
# the value is immutable, and a refused string (ValueError) is simply not cached.
@lru_cache(maxsize=8192)
def parse_number(s: str) -> float:
    """``"1.5万"`` -> 15000.0, ``"二十五"`` -> 25.0, ``"1,000"`` -> 1000.0.

    Raises ``ValueError`` when ``s`` is not one well-formed numeral.
    """
    s = s.strip()
    m = _ARABIC_FULL.fullmatch(s)
    if m:
        return float(m.group(1).replace(",", "")) * multiplier(m.group(2))
    if not s:
        raise ValueError("empty numeral")
    return _parse_chinese(s)


@lru_cache(maxsize=8192)
def parse_range(s: str) -> tuple[float, float | None]:
    """``"3-5"`` -> (3, 5); ``"3-5万"`` -> (30000, 50000); ``"两三"`` -> (2, 3); ``"两三百"`` -> (200, 300);
    ``"800"`` -> (800, None).

    A 万/亿 written only on the upper bound applies to both bounds (``3-5万``,
    ``三到五亿``) unless that would put the lower bound above the upper.
    """
    s = s.strip()
    pair = CN_PAIR_RANGES.get(s)
    if pair is not None:
        return pair
    place = _PAIR_PLACES.get(s[2:]) if len(s) == 3 else None
    if place is not None and (pair := CN_PAIR_RANGES.get(s[:2])) is not None:
        return pair[0] * place, pair[1] * place  # (TG2) 两三百 200-300, 七八千 7000-8000: the pair before its place
    m = _RANGE_SPLIT.fullmatch(s)
    if not m:
        return parse_number(s), None
    lo_text, hi_text = m.group(1), m.group(2)
    lo, hi = parse_number(lo_text), parse_number(hi_text)
    hi_big = _TRAILING_BIG.search(hi_text)
    if hi_big and not re.search("[万亿]", lo_text):
        factor = multiplier(hi_big.group(0))
        if lo * factor <= hi:
            lo *= factor
    return lo, hi


def try_parse(s: str) -> float | None:
    """:func:`parse_number` that returns ``None`` instead of raising."""
    try:
        return parse_number(s)
    except ValueError:
        return None


def iter_numbers(text: str) -> Iterator[tuple[int, int, float]]:
    """Every well-formed numeral in ``text`` as ``(start, end, value)``."""
    for m in NUMBER_PATTERN.finditer(text):
        value = try_parse(m.group(0))
        if value is not None:
            yield m.start(), m.end(), value


# --------------------------------------------------------------- ordinals
def cn_to_int(text: str) -> int | None:
    """`十一` -> 11, `二十` -> 20, `一百零五` -> 105, `二〇二三` -> 2023; None if not a numeral.

    Arabic digits (half or full width) are accepted too.
    """
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if not any(ch in SMALL_UNITS for ch in text):
        # Digit-by-digit form (years: 二〇二三).
        if all(ch in ORDINAL_DIGITS for ch in text):
            value = 0
            for ch in text:
                value = value * 10 + ORDINAL_DIGITS[ch]
            return value
        return None
    total = 0
    pending = 0
    for ch in text:
        if ch in ORDINAL_DIGITS:
            pending = ORDINAL_DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (pending or 1) * SMALL_UNITS[ch]  # a bare 十 means 10
            pending = 0
        else:
            return None
    return total + pending
