"""pipeline.core.numerals: the one numeral parser."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.core.numerals import (
    NUMBER_RE,
    PERCENT_RE,
    RANGE_RE,
    iter_numbers,
    multiplier,
    parse_number,
    parse_range,
    try_parse,
)

NUMBER = re.compile(NUMBER_RE)


@pytest.mark.parametrize(
    "text,value",
    [
        ("800", 800),
        ("1.5", 1.5),
        ("1,000", 1000),
        ("12,345.5", 12345.5),
        ("两", 2),
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十五", 25),
        ("一百", 100),
        ("一百零五", 105),
        ("三千", 3000),
        ("一千五百", 1500),
        ("百", 100),
        ("千", 1000),
        ("1.5万", 15_000),
        ("3000万", 3e7),
        ("5亿", 5e8),
        ("3千万", 3e7),
        ("2万亿", 2e12),
        ("千亿", 1e11),
        ("百亿", 1e10),
        ("两千万", 2e7),
        ("一亿二千万", 1.2e8),
        ("一万亿", 1e12),
        ("十万", 1e5),
        ("百万", 1e6),
        ("二〇二五", 2025),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["十四五", "三五", "", "万元", "abc", "五五五五万十"])
def test_malformed_numerals_raise(text):
    with pytest.raises(ValueError):
        parse_number(text)
    assert try_parse(text) is None


@pytest.mark.parametrize(
    "text,lo,hi",
    [
        ("3-5", 3, 5),
        ("3—5", 3, 5),
        ("3～5", 3, 5),
        ("3~5", 3, 5),
        ("3至5", 3, 5),
        ("三到五", 3, 5),
        ("3-5万", 3e4, 5e4),
        ("三到五亿", 3e8, 5e8),
        ("1000万至5000万", 1e7, 5e7),
        ("800", 800, None),
        ("9-2万", 9, 2e4),
        ("三至四", 3, 4),
        ("十至十五", 10, 15),
        ("五千到七千万", 5e7, 7e7),
        ("两三", 2, 3),
        ("三五", 3, 5),
        ("七八", 7, 8),
        ("两三百", 200, 300),  # (TG2) a pair before its place
        ("七八千", 7000, 8000),
        ("二〇三五", 2035, None),
    ],
)
def test_parse_range(text, lo, hi):
    got_lo, got_hi = parse_range(text)
    assert got_lo == pytest.approx(lo)
    assert got_hi == (None if hi is None else pytest.approx(hi))


def test_range_pattern_matches_whole_range():
    assert re.fullmatch(RANGE_RE, "3—5") and re.fullmatch(RANGE_RE, "三到五")
    assert not re.fullmatch(RANGE_RE, "35")


def test_pattern_leaves_units_outside():
    # 千瓦 is a unit, not the numeral 千; 万元 keeps 元 outside.
    found = [m.group(0) for m in NUMBER.finditer("新增300万千瓦，千瓦时，百亿级，5、10、20万元")]
    assert found == ["300万", "百亿", "5", "10", "20万"]


def test_iter_numbers_skips_malformed():
    text = "十四五期间投资1.5万亿元"
    assert [(text[a:b], v) for a, b, v in iter_numbers(text)] == [("1.5万亿", 1.5e12)]


def test_percent_pattern():
    found = re.findall(PERCENT_RE, "提高到45%，提高3-5个百分点，占比百分之二十，达到60％")
    assert found == ["45%", "3-5个百分点", "百分之二十", "60％"]


def test_multiplier_table():
    assert multiplier("") == 1 and multiplier("千万") == 1e7 and multiplier("万亿") == 1e12


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", "万", "亿"]))
def test_arabic_roundtrip(n, suffix):
    assert parse_number(f"{n}{suffix}") == n * multiplier(suffix)


_CN = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """Reference formatter for 1..99999999 (standard written form)."""

    def below_10k(x: int, leading: bool) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, x = divmod(x, unit)
            if d:
                if zero and out:
                    out += "零"
                out += _CN[d] + name
                zero = False
            elif out or not leading:
                zero = True
        return out

    hi, lo = divmod(n, 10_000)
    text = (below_10k(hi, True) + "万") if hi else ""
    if lo:
        if hi and lo < 1000:
            text += "零"
        text += below_10k(lo, True)
    return text


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_roundtrip(n):
    assert parse_number(_to_chinese(n)) == n


@pytest.mark.parametrize("text", ["一二", "二三", "五三", "九十九十", "一二百", "二三千", "两三万"])
def test_only_neighbouring_digits_and_three_five_are_ranges(text):
    """`两三个` two or three, `三五年` three to five; `一二`/`二三` open ordinal series (一二三产业), others are no numerals."""
    with pytest.raises(ValueError):
        parse_range(text)
