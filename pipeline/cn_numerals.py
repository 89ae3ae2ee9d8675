"""Chinese numerals as they appear in official documents: heading ordinals
(`十一`, `二十三`), dates written out (`二〇二三年十一月十一日`).
"""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}

# Character class for regexes: every character cn_to_int understands.
NUMERAL_CLASS = "〇零○一二两三四五六七八九十百千"


def cn_to_int(text: str) -> int | None:
    """`十一` -> 11, `二十` -> 20, `一百零五` -> 105, `二〇二三` -> 2023; None if not a numeral.

    Arabic digits (half or full width) are accepted too.
    """
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if not any(ch in UNITS for ch in text):
        # Digit-by-digit form (years: 二〇二三).
        if all(ch in DIGITS for ch in text):
            value = 0
            for ch in text:
                value = value * 10 + DIGITS[ch]
            return value
        return None
    total = 0
    pending = 0
    for ch in text:
        if ch in DIGITS:
            pending = DIGITS[ch]
        elif ch in UNITS:
            total += (pending or 1) * UNITS[ch]  # a bare 十 means 10
            pending = 0
        else:
            return None
    return total + pending
