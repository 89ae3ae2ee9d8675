"""Amounts: sums of money (GUIDE label ``amount``).

Span = the numeral and its money unit only (``100万元``, ``5000元``); qualifiers
(最高, 不超过, 以上, 左右 ...) stay outside and become ``comparator``.
Decisions beyond the GUIDE:

- scale classes ``千亿级``, ``300亿级``, ``百亿级``, ``千万元级`` are ``kind="scale"``
  (a bare 级 needs 亿 before it: ``百万千瓦级``, ``万吨级`` are not money);
- lists: one row per item; with the unit written once (``5、10、20万元``) the
  earlier items are bare-numeral spans (``5``, ``10``) valued with the last
  item's multiplier;
- ranges with the unit written once (``3-5万元``, ``五至六万元``, ``二至三元``) are ONE span with
  ``value_cny`` = lower and ``value_max_cny`` = upper bound (the upper bound's 万/亿 is the lower's too); with the unit on
  both bounds (``1000万元及以上至5000万元``) they are two spans, the first
  ``>=``, the second ``<=``;
- per-unit rates (``100元/亩``, ``5元/人/夜``): the span includes the
  denominator (its money unit is 元/亩); ``per`` holds ``亩`` / ``人/夜``.
  With the unit written first (``每亩补助100元``, ``每人每月500元``) the span
  is the amount alone and ``per`` comes from the 每X of its clause (``亩``,
  ``人/月``); ``50万元/年`` and ``每年安排50万元`` both give ``年``;
- approximate numerals: ``100余万元``/``10多万元`` are the written floor with
  ``>`` (more than); ``上千万元`` is ``>=``; ``数千万元``/``几十万元`` write no
  number and are skipped;
- a bare ``亿元``/``万亿元`` is one of it (``实施亿元以上项目`` 1e8 ``>=``, ``超亿元项目``
  ``>``, ``近万亿元`` ``~``, ``亿元级`` a scale), but not a table's unit label (``（亿元）``,
  a unit column); bare 万元 / 百元 as an intensity base (``万元工业增加值能耗``) is not money;
- ``元`` elided after a comparator in a money context is money (``产业规模过千亿`` 1e11
  ``>``, ``村集体收入破百万``; ``人口破百万`` is not); sums in 分 (``2分钱`` 0.02,
  ``每度电六分`` 0.06 per 度); sums wholly in Chinese numerals with 角/分 (``二元七角五分`` 2.75,
  ``十八元七角四分`` 18.74), a lone digit + 元/角 only after a rate's base or a money verb (``吨煤六元``,
  ``拨款五角``; ``二元结构``, ``五角星`` are none);
- ``不低于50万元（含50万元）``: the bracket restates the bound, no second amount;
- foreign currencies (美元, 港元, 欧元) are not extracted: ``value_cny`` would
  need an exchange rate, and a ``currency`` column would make every consumer
  of ``value_cny`` filter on it (devset2's gold leaves 美元 sums out too).

``amount_id`` is the 1-based ordinal of the row in the document; ``role`` is
``scale``/``reward``/``condition``/``fund``/``investment``/``revenue`` or null,
and a reward's ``condition_amount_id`` points to the amount its sentence sets
as the condition (``对…突破5亿元、10亿元的企业，分别给予5万元、10万元``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from extractors.base import Extractor
from extractors.money_grids import money_grid_sums
from extractors.project_tables import project_tables
from extractors.rules import Found, Row, Rule, RuleSet, example
from extractors.table_text import same_cell
from pipeline.core.document import ExtractContext
from pipeline.core.numerals import (
    ARABIC_MULT_RE,
    ARABIC_RE,
    CN_PAIR_RANGES,
    NUMBER_RE,
    RANGE_SEP_RE,
    multiplier,
    parse_number,
    try_parse,
)

_S = r"[ \u3000]*"
_PER_UNIT = (
    r"(?:亩|平方米|㎡|m²|m2|立方米|吨|公斤|千克|人次|人|户|家|个|次|天|日|月|年|千瓦时|千瓦|kWh|kW|度"
    r"|套|台|辆|张|间|床|项|件|株|头|只|小时|夜|学时|课时|标箱|箱|公里|米)"
)
# 元 that is not money: 一元化, 二元结构, 元旦 ...
_YUAN = r"元(?!化|素|件|器|旦|宵|首|老|宇宙|结构|年|月)"
_INTENSITY_AFTER = re.compile(rf"{_S}(?:工业)?(?:增加值|GDP|地区生产总值|营业收入|营收|产值|能耗)")
_HEAD_ITEM = re.compile(rf"(?:{ARABIC_RE}){ARABIC_MULT_RE}?")
_BIG_SUFFIX = re.compile(r"[十百千]?[万亿]+$|千(?=万)")
_TRAILING_BIG = re.compile(r"[万亿]+$")
_PAIR_NUM = re.compile(rf"({'|'.join(CN_PAIR_RANGES)})([十百千]?[万亿]*)")
# 数千万元, 几十万元: no number is written; 上千万元: at least that much
_VAGUE_BEFORE = "数几"
_CN_MULT_START = "十百千万亿"
# 每亩补助100元 / 每人每月500元: the rate's denominators, unit first
_PER_LEFT = re.compile(rf"每{_S}(?:个|名|位)?(?P<unit>{_PER_UNIT})")

# comparators: the qualifier after the amount wins over the words before it
_RIGHT_CMP = re.compile(
    rf"{_S}(?:（含）|\(含\)|含)?{_S}(?:(?P<ge>及以上|以上)|(?P<le>及以下|以下|以内|封顶|为上限)|(?P<approx>左右))"
)
# words that qualify an amount a few characters away (最高奖励500万元); 迈上300亿元台阶 reaches a level (>=)
_LEFT_BROAD = re.compile(r"(?P<le>最高|最多|不超过|不高于|不大于|上限|封顶)|(?P<ge>不低于|不少于|至少)")
_LEFT_ADJ = re.compile(
    rf"(?:(?P<le>最高不超过|不超过|不高于|最高|最多)|(?P<ge>不低于|不少于|至少|首次突破|突破|破|达到|高达|达|迈上|跨上|站上|迈过|跨过)"
    rf"|(?P<gt>超过|高于|(?<![通经])过|逾|超)|(?P<approx>大约|约|近|接近))[“\"]?{_S}$"
)
_CLAUSE_BREAK = re.compile(r"[，。；：！？\n,;:（）()]")
_SENTENCE_MARKS = "。；！？\n;"
_SENTENCE_BREAK = re.compile(f"[{_SENTENCE_MARKS}]")
_REWARD_WORDS = re.compile(r"给予|奖励|补助|补贴|奖补|资助|贴息|扶持")
_REWARD_AFTER = re.compile(rf"{_S}的?(?:一次性)?(?:奖励|补助|补贴|奖补|资助)")
_FUND_AFTER = re.compile(r"[^，。；]{0,8}?(?:资金|基金)")
_FUND_BEFORE = re.compile(r"设立|安排|统筹|筹集|出资|预算")
_INVEST_BEFORE = re.compile(r"投资")
_REVENUE_BEFORE = re.compile(r"营业收入|营收|收入|产值|销售额|销售收入|规模")


def _window(text: str, start: int, width: int = 12) -> str:
    """The clause before ``start``, at most ``width`` chars."""
    left = text[max(0, start - width) : start]
    cut = None
    for cut in _CLAUSE_BREAK.finditer(left):
        pass
    return left[cut.end() :] if cut else left


def _comparator(text: str, start: int, end: int, inherited: str | None) -> str:
    right = _RIGHT_CMP.match(text, end, min(len(text), end + 8))
    if right:
        return {"ge": ">=", "le": "<=", "approx": "~"}[right.lastgroup]
    window = _window(text, start)
    broad = _LEFT_BROAD.search(window)
    if broad and broad.lastgroup == "le":
        return "<="  # 最高可达500万元: the cap wins over 达
    adj = _LEFT_ADJ.search(window)
    if adj:
        return {"le": "<=", "ge": ">=", "gt": ">", "approx": "~"}[adj.lastgroup]
    if broad:
        return ">="
    return inherited or "="


def _sentence_window(text: str, start: int, width: int = 24) -> str:
    left = text[max(0, start - width) : start]
    cut = None
    for cut in _SENTENCE_BREAK.finditer(left):
        pass
    return left[cut.end() :] if cut else left


def _role(text: str, start: int, end: int, comparator: str) -> str | None:
    window = _window(text, start, 24)
    after = text[end : end + 12]
    if _REWARD_AFTER.match(after) or _REWARD_WORDS.search(_window(text, start, 10)):
        return "reward"
    if comparator == "<=" and _REWARD_WORDS.search(_sentence_window(text, start)):
        return "reward"  # 给予补助，最高不超过100万元: the cap of a reward
    if _FUND_BEFORE.search(window) or _FUND_AFTER.match(after):
        return "fund"
    if _INVEST_BEFORE.search(window):
        return "investment"
    if _REVENUE_BEFORE.search(window):
        return "revenue"
    return None


def _row(start, end, value, comparator, kind="sum", value_max=None, per=None, role=None):
    return {
        "norm_start": start,
        "norm_end": end,
        "value_cny": value,
        "value_max_cny": value_max,
        "comparator": comparator,
        "kind": kind,
        "per": per,
        "role": role,
    }


def _per_left(text: str, start: int) -> str | None:
    """每亩补助100元 -> 亩; 每人每月500元 -> 人/月 (the 每X of the amount's clause)."""
    # 每个园区: 个 is only a classifier there, the denominator is a noun we do not list
    units = [u.group("unit") for u in _PER_LEFT.finditer(_window(text, start, 14)) if u.group("unit") != "个"]
    return "/".join(units) if units else None


# ----------------------------------------------------------------- the rules
# In scan order: where two rules could match at one position, the earlier wins.
# ``produce(match, text)`` gets the whole norm text (the match's string).


def _scale(m: re.Match, text: str) -> Row | None:
    snum = m.group("snum")
    if not (snum.endswith("亿") or m.group("syuan")):
        return None  # 百万千瓦级, 万吨级: not money
    if snum[0] in _CN_MULT_START and m.start() > 0 and text[m.start() - 1] in _VAGUE_BEFORE:
        return None  # 数百亿级: no number written
    value = {"万亿": 1e12, "亿": 1e8}.get(snum) or try_parse(snum)
    if value is None:
        return None
    start, end = m.span()
    return _row(start, end, value, _comparator(text, start, end, None), kind="scale", role="scale")


SCALE = Rule(
    "scale",
    rf"(?P<snum>{NUMBER_RE}|万亿|(?<![\d零〇一二两三四五六七八九十百千万])亿(?=元)){_S}(?P<syuan>元)?{_S}级",
    _scale,
    examples=(
        example(
            "建设一批规模达到千亿级的产业集群。",
            {"text": "千亿级", "value_cny": 1e11, "comparator": ">=", "kind": "scale"},
        ),
        example(
            "培育形成300亿级产业集群4个。", {"text": "300亿级", "value_cny": 3e10, "kind": "scale", "role": "scale"}
        ),
        example("千万元级项目不少于10个。", {"text": "千万元级", "value_cny": 1e7, "kind": "scale"}),
        example("推进1965个亿元级项目。", {"text": "亿元级", "value_cny": 1e8, "kind": "scale"}),
        example("建设百万千瓦级风电基地和万吨级码头。", note="级 without 亿 or 元 is not money"),
    ),
)


_CN_DIGIT = "一二两三四五六七八九"


def _not_money(m: re.Match, text: str, num: str) -> bool:
    """Numeral + 元 that is not a sum: 二元酸, 每百元营业收入, 数千万元, 十多元."""
    if len(num) == 1 and not m.group("mult") and num in _CN_DIGIT and not m.group("lo"):
        return True  # 二元酸, 一元化: a lone Chinese digit before 元 is not money (二至三元 is: a range)
    before = text[m.start() - 1 : m.start()]
    if m.group("mult"):
        num += m.group("mult")
    if _INTENSITY_AFTER.match(text, m.end()) and (num in ("十", "百", "千") or before == "每"):
        return True  # 每百元营业收入 / 百元产值: an intensity base, not money
    if num[0] in _CN_MULT_START and before and before in _VAGUE_BEFORE:
        return True  # 数千万元, 几十万元: no number written
    # 十多元 reads as 多元 (pluralistic) more often than as money; a numeral that writes a digit before its place is a
    # sum (三十多元, 二百余元, 一千二百五十多元)
    digit_first = len(num) > 1 and num[0] in _CN_DIGIT
    return bool(m.group("more")) and not m.group("mult") and not num[0].isdigit() and not digit_first


def _pair_range(m: re.Match) -> Row | None:
    """两三万元, 三五千元: two digits side by side and the multiplier they share are a range (numerals.CN_PAIR_RANGES),
    as 2-3万元; none with a lower bound or a list before it."""
    pair = _PAIR_NUM.fullmatch(m.group("num"))
    if pair is None or m.group("lo") or m.group("head") or m.group("more"):
        return None
    lo, hi = CN_PAIR_RANGES[pair.group(1)]
    factor = multiplier(pair.group(2) + (m.group("mult") or ""))
    start, end = m.start("num"), m.end()
    return _row(start, end, lo * factor, "=", value_max=hi * factor, per=m.group("per"))


def _money(m: re.Match, text: str) -> list[Row]:
    num = m.group("num")
    value = try_parse(num)
    if value is None:
        pair = _pair_range(m)
        return [pair] if pair is not None else []
    if _not_money(m, text, num):
        return []
    if m.group("mult"):  # "30 亿元": a space between numeral and multiplier
        value *= multiplier(m.group("mult"))
        num += m.group("mult")
    start, end = m.start("num"), m.end()
    per = m.group("per") or _per_left(text, m.start())
    if m.group("more") or (num[0] in _CN_MULT_START and text[m.start() - 1 : m.start()] == "上"):
        cmp_ = _comparator(text, start, end, None)
        if cmp_ == "=":
            cmp_ = ">" if m.group("more") else ">="
        return [_row(start, end, value, cmp_, per=per)]
    if m.group("head"):
        return _listed(m, text, num, value, per)
    if m.group("lo"):
        row = _range(m, text, num, value, per)
        if row is not None:
            return [row]
    return [_row(start, end, value, _comparator(text, start, end, None), per=per)]


def _listed(m: re.Match, text: str, num: str, value: float, per: str | None) -> list[Row]:
    """5、10、20万元: one row per item; bare items take the last item's multiplier."""
    factor = _BIG_SUFFIX.search(num)
    factor_value = parse_number("1" + factor.group(0)) if factor and num[0].isdigit() else 1.0
    rows = []
    first_cmp = None
    for item in _HEAD_ITEM.finditer(m.group("head")):
        item_value = parse_number(item.group(0))
        if not _BIG_SUFFIX.search(item.group(0)):
            item_value *= factor_value
        a, b = m.start("head") + item.start(), m.start("head") + item.end()
        cmp_ = _comparator(text, a, b, first_cmp)
        first_cmp = first_cmp or cmp_
        rows.append(_row(a, b, item_value, cmp_, per=per))
    start, end = m.start("num"), m.end()
    rows.append(_row(start, end, value, _comparator(text, start, end, first_cmp), per=per))
    return rows


def _range(m: re.Match, text: str, num: str, value: float, per: str | None) -> Row | None:
    """3-5万元: one row from the lower to the upper bound (None: not a range after all)."""
    lo_text = m.group("lo")
    lo = try_parse(lo_text)
    if lo is None:
        return None
    if lo_text[0].isdigit() == num[0].isdigit() and not _BIG_SUFFIX.search(lo_text):
        # the upper bound's multiplier is the lower's too: 3-5千万元, 五至六万元, 五千到七千万元 (a Chinese numeral's
        # 十/百/千 are its own digits' places, only its trailing 万/亿 is shared)
        big = (_BIG_SUFFIX if num[0].isdigit() else _TRAILING_BIG).search(num)
        if big and lo * parse_number("1" + big.group(0)) <= value:
            lo *= parse_number("1" + big.group(0))
    if lo > value:
        return None
    return _row(m.start("lo"), m.end(), lo, "=", value_max=value, per=per)


MONEY = Rule(
    "money",
    rf"(?:(?P<head>(?:(?:{ARABIC_RE}){ARABIC_MULT_RE}?{_S}、{_S})+)"
    rf"|(?P<lo>{NUMBER_RE}){_S}{RANGE_SEP_RE}{_S})?"
    rf"(?P<num>{NUMBER_RE})(?P<more>余|多)?(?:{_S}(?P<mult>[十百千]?万|亿|万亿))?{_S}{_YUAN}"
    rf"(?:{_S}[/／](?P<per>{_PER_UNIT}(?:[/／]{_PER_UNIT})?))?",
    _money,
    examples=(
        example(
            "给予龙头企业10万元一次性补贴。", {"text": "10万元", "value_cny": 1e5, "comparator": "=", "role": "reward"}
        ),
        example("对符合条件的项目，给予最高500万元奖励。", {"text": "500万元", "value_cny": 5e6, "comparator": "<="}),
        example(
            "投资 30 亿元以上的项目。", {"text": "30 亿元", "value_cny": 3e9, "comparator": ">=", "role": "investment"}
        ),
        example(
            "分别给予5、10、20万元奖励。",
            {"text": "5", "value_cny": 5e4},
            {"text": "10", "value_cny": 1e5},
            {"text": "20万元", "value_cny": 2e5},
        ),
        example("给予3-5万元补助。", {"text": "3-5万元", "value_cny": 3e4, "value_max_cny": 5e4}),
        example(
            "到2025年，县域经济总量迈上300亿元台阶。",
            {"text": "300亿元", "value_cny": 3e10, "comparator": ">="},
            note="迈上N台阶: a level reached, a floor (as the target)",
        ),
        example("按100元/亩的标准给予补贴。", {"text": "100元/亩", "value_cny": 100.0, "per": "亩"}),
        example("每人每月补贴300元。", {"text": "300元", "value_cny": 300.0, "per": "人/月"}),
        example("全年兑现奖补资金100余万元。", {"text": "100余万元", "value_cny": 1e6, "comparator": ">"}),
        example("扩充二元酸品种，推进一元化管理。", note="一元, 二元: not money"),
        example("每百元营业收入成本下降。", note="an intensity base"),
        example("争取上级资金数千万元。", note="no number written"),
        example("吸引外资100万美元。", note="foreign currencies are left out"),
    ),
)


# A bare 亿元/万亿元 means one of it (超亿元项目, 过亿元的企业, 近万亿元, 亿元以上项目, 亿元税收楼宇);
# a unit label (`（亿元）`, `单位：亿元`) is no amount, nor 数亿元/几亿元 (no number written).
_UNIT_LABEL_BEFORE = re.compile(r"(?:单位|金额|规模|投资)?[：:（(][ \u3000]*$")


def _bare(m: re.Match, text: str) -> Row | None:
    start, end = m.span()
    if _UNIT_LABEL_BEFORE.search(text, max(0, start - 4), start) or text[start - 1 : start] in _VAGUE_BEFORE:
        return None
    value = 1e12 if m.group("bunit") == "万亿" else 1e8
    comparator = _comparator(text, start, end, None)
    return _row(start, end, value, comparator)


BARE = Rule(
    "bare",
    r"(?<![\d零〇一二两三四五六七八九十百千万 \u3000\t])(?P<bunit>万亿|亿)元(?![级/／]|[ \u3000\t]*(?:\n|\t|[ \u3000]{2}))",
    _bare,
    examples=(
        example("每年实施亿元以上重点项目。", {"text": "亿元", "value_cny": 1e8, "comparator": ">="}),
        example("新签约超亿元项目100个以上。", {"text": "亿元", "value_cny": 1e8, "comparator": ">"}),
        example("培育5家年产值过亿元的供应商。", {"text": "亿元", "value_cny": 1e8, "comparator": ">"}),
        example("固定资产投资近万亿元。", {"text": "万亿元", "value_cny": 1e12, "comparator": "~"}),
        example("新增亿元税收楼宇30个。", {"text": "亿元", "value_cny": 1e8, "comparator": "="}),
        example("投资规模（亿元）", note="a table's unit label"),
        example("1\t跨境电商进出口额\t亿元\t海关总署", note="a table's unit column"),
        example("争取上级资金数亿元。", note="no number written"),
    ),
)


def _elided(m: re.Match, text: str) -> Row | None:
    start, end = m.span("enum")
    if not _MONEY_SUBJECT.search(_window(text, start, 14)):
        return None  # 人口破百万: not money
    value = try_parse(m.group("enum"))
    if value is None:
        return None
    return _row(start, end, value, _comparator(text, start, end, None))


# 元 elided in a money context (CONVENTIONS): 产业规模过千亿, 资金破百亿, 村集体收入破百万; also as an attribute
# before its noun (`规模超百亿的产业集群`, `年营收过亿的企业`: a class's money threshold, BL16).
_MONEY_SUBJECT = re.compile(r"规模|产值|收入|营收|资金|投资|销售额|增加值|税收|交易额|融资")
ELIDED = Rule(
    "elided",
    r"(?<=[过破超逾])(?P<enum>[一二两三四五六七八九十百千]?[百千万]?[万亿])(?=[，。；、）)的\s]|$)",
    _elided,
    examples=(
        example("全省集成电路产业规模过千亿。", {"text": "千亿", "value_cny": 1e11, "comparator": ">"}),
        example("村集体经营性收入破百万。", {"text": "百万", "value_cny": 1e6, "comparator": ">="}),
        example("常住人口破百万。", note="not money"),
        example(
            "形成若干个规模超百亿的创新型产业集群。",
            {"text": "百亿", "value_cny": 1e10, "comparator": ">"},
            note="the threshold as an attribute before its noun (realdev6t 0044)",
        ),
        example("培育年营收过亿的科技型企业。", {"text": "亿", "value_cny": 1e8, "comparator": ">"}),
        example("建设人口超百万的中心城市。", note="not money"),
    ),
)


def _fen(m: re.Match, text: str) -> Row | None:
    group = "fnum" if m.group("fnum") else "fnum2"
    value = try_parse(m.group(group))
    if value is None:
        return None
    start, end = m.start(group), m.end()
    return _row(start, end, value / 100, _comparator(text, start, end, None), per=m.group("fper"))


# Sums in 分 (a hundredth of a yuan): `2分钱`, and per-kWh rates `每度电六分`, `每千瓦时2分`.
FEN = Rule(
    "fen",
    rf"(?P<fnum>{NUMBER_RE}){_S}分钱"
    rf"|每{_S}(?P<fper>千瓦时|度)电?{_S}(?P<fnum2>{NUMBER_RE}){_S}分(?![之钟析类级配别期批段值])",
    _fen,
    examples=(
        example("每千瓦时售电量收取2分钱的还贷资金。", {"text": "2分钱", "value_cny": 0.02}),
        example("加收电力建设附加费每度电六分。", {"text": "六分", "value_cny": 0.06, "per": "度"}),
        example("得分达到80分以上。", note="points, not money"),
    ),
)


# What makes a lone Chinese digit before 元/角 a sum (二元结构, 一元化, 五角星 are none): a rate's base
# just before it (`吨煤六元`, `每吨煤二元`, `每度五角`) or a money verb (`用户负担二元`, `拨款五角`).
_CN_SUM_BEFORE = re.compile(r"(?:每[^，。；、\s]{0,3}|吨煤|负担|拨款|收取|收费|加价|提价|补贴|补助|价格|票价)$")


def _cn_yuan_jiao(m: re.Match, text: str) -> Row | None:
    yuan = m.group("cyn") or m.group("cy")  # a numeral of several characters only with its 角 (MONEY's otherwise)
    jiao = m.group("cjn") or m.group("cj") or m.group("cj2")
    fen = m.group("cfn") or m.group("cf") or m.group("cf2")
    has_fraction = bool(fen) or (bool(yuan) and bool(jiao))
    if not has_fraction and not _CN_SUM_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return None
    value = sum((try_parse(d) or 0) * w for d, w in ((yuan, 1.0), (jiao, 0.1), (fen, 0.01)) if d)
    start, end = m.start(), m.end()
    return _row(start, end, round(value, 2), _comparator(text, start, end, None))


# Sums written wholly in Chinese numerals with 元/角/分 (texts of the 1980s: `二元七角五分`, `吨煤一元五角`), a lone
# digit before 元 only with a rate's base or a money verb before it (MONEY leaves every lone digit + 元 alone).
CN_YUAN_JIAO = Rule(
    "cn_yuan_jiao",
    rf"(?P<cyn>[{_CN_DIGIT}十百千零〇]{{2,8}})元(?P<cjn>[{_CN_DIGIT}])角(?:(?P<cfn>[{_CN_DIGIT}])分)?"
    rf"|(?P<cy>[{_CN_DIGIT}十])元(?:(?P<cj>[{_CN_DIGIT}])角)?(?:(?P<cf>[{_CN_DIGIT}])分)?(?![酸化论次维素])"
    rf"|(?P<cj2>[{_CN_DIGIT}])角(?:(?P<cf2>[{_CN_DIGIT}])分)?(?![形星度落色钱])",
    _cn_yuan_jiao,
    examples=(
        example("维简费由二元七角五分提高到四元。", {"text": "二元七角五分", "value_cny": 2.75}),
        example("是按吨煤六元的标准解决的。", {"text": "六元", "value_cny": 6.0}),
        example(
            "国家经委更改资金拨款五角和用户负担二元。",
            {"text": "五角", "value_cny": 0.5},
            {"text": "二元", "value_cny": 2.0},
        ),
        example("解决矿井的开拓延深工程支出（吨煤一元五角）。", {"text": "一元五角", "value_cny": 1.5}),
        example("吨煤售价平均为十八元七角四分。", {"text": "十八元七角四分", "value_cny": 18.74}),
        example("打破城乡二元结构，推进一元化管理。", note="二元, 一元: not money"),
        example("悬挂五角星，测量三角形。", note="五角, 三角: not money"),
    ),
)


# Every alternative starts with a numeral character (or 万亿/亿元, 每 of a per-kWh rate);
# testing that first lets the scan skip all other positions ~10x faster.
_FIRST_CHARS = r"[\d一二两三四五六七八九十百千万亿每]"
# Every match holds 元 or 级 (or 亿/万 of an elided 元, 钱/度/瓦 of a sum in 分, 角) and no clause
# stop; the second lookahead drops a candidate whose clause holds none before trying the
# branches (2.5x faster scan; tests/test_scan_guards.py checks the matches stay the same).
_REQUIRED = "元级亿万钱度瓦角"
RULES = RuleSet([SCALE, CN_YUAN_JIAO, MONEY, BARE, FEN, ELIDED], _FIRST_CHARS, _REQUIRED)


_RESTATED_GAP = re.compile(rf"{_S}[（(]{_S}含{_S}")


def _drop_restated(rows: list[Row], text: str) -> list[Row]:
    """不低于50万元(含50万元): the bracket restates the bound, it is no second amount (CONVENTIONS)."""
    kept: list[Row] = []
    for row in rows:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and prev["value_cny"] == row["value_cny"]
            and _RESTATED_GAP.fullmatch(text, prev["norm_end"], row["norm_start"])
        ):
            continue
        kept.append(row)
    return kept


def _link_ranges(rows: list[dict[str, Any]], text: str) -> None:
    """1000万元及以上至5000万元: the second bound is a ceiling."""
    for prev, cur in zip(rows, rows[1:]):
        gap = text[prev["norm_end"] : cur["norm_start"]]
        if len(gap) <= 6 and re.fullmatch(rf"{_S}(?:（含）)?(?:及以上|以上)?{_S}(?:{RANGE_SEP_RE}){_S}", gap):
            if prev["comparator"] == "=":
                prev["comparator"] = ">="
            cur["comparator"] = "<="


def _inherit_list_comparators(rows: list[dict[str, Any]], text: str) -> None:
    """突破5亿元、10亿元、20亿元: later items share the first item's qualifier."""
    for prev, cur in zip(rows, rows[1:]):
        if cur["comparator"] == "=" and text[prev["norm_end"] : cur["norm_start"]].strip(" \u3000") == "、":
            cur["comparator"] = prev["comparator"]


def _pair_conditions(rows: list[dict[str, Any]], text: str) -> None:
    """In a sentence that grants rewards, the amounts before the first reward are its conditions."""
    if not any(r["role"] == "reward" for r in rows):
        return
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        start = row["norm_start"]
        # bounded look-back: an absent mark must not cost a scan of the whole text
        floor = max(0, start - 400)
        sentence_start = max(max(text.rfind(mark, floor, start) for mark in _SENTENCE_MARKS), floor)
        by_sentence.setdefault(sentence_start, []).append(row)
    for group in by_sentence.values():
        rewards = [r for r in group if r["role"] == "reward"]
        if not rewards:
            continue
        first_reward = rewards[0]["norm_start"]
        conditions = [r for r in group if r["norm_start"] < first_reward and r["kind"] == "sum" and r["role"] != "fund"]
        for r in conditions:
            r["role"] = "condition"
        pairs: Iterable[tuple[Row, Row]]
        if len(conditions) == len(rewards):
            pairs = zip(rewards, conditions)
        elif len(conditions) == 1:
            pairs = ((r, conditions[0]) for r in rewards)
        else:
            continue
        for reward, condition in pairs:
            reward["condition_amount_id"] = condition["amount_id"]


def _with_table_sums(rows: list[Row], ctx: ExtractContext) -> list[Row]:
    """(BL31) The sum cells of project tables exported one cell a line, their money unit in the column head
    (`总投资（万元）` over `240`: 2400000 yuan; ``extractors/project_tables.py``), and (GR1) those of statistics tables
    without a `序号` column (`投资规模（亿元）`, a caption `分年度投资计划（万元）`; ``extractors/money_grids.py``), in
    text order among the rows."""
    raw = ctx.norm.raw_text
    sums = [s for table in project_tables(raw) for s in table.sums] + list(money_grid_sums(raw))
    if not sums:
        return rows
    text, taken = ctx.text, {(r["norm_start"], r["norm_end"]) for r in rows}
    for raw_start, raw_end, value in sums:
        start, end = ctx.norm.to_norm(raw_start, raw_end)
        if same_cell(text[start:end], raw, raw_start, raw_end) and (start, end) not in taken:
            taken.add((start, end))
            rows.append(_row(start, end, float(value), "="))
    return sorted(rows, key=lambda r: (r["norm_start"], r["norm_end"]))


def find(ctx: ExtractContext) -> list[Found]:
    return list(RULES.finditer(ctx.text))


def write(ctx: ExtractContext, found: list[Found]) -> list[Row]:
    """The rows of every match, then the passes over all rows: ranges, shared
    comparators, ``amount_id``, roles, reward conditions."""
    text = ctx.text
    rows: list[Row] = []
    for f in found:
        rows.extend(RuleSet.produce(f, text))
    rows = _drop_restated(rows, text)
    _link_ranges(rows, text)
    _inherit_list_comparators(rows, text)
    rows = _with_table_sums(rows, ctx)
    for i, row in enumerate(rows, 1):
        row["amount_id"] = i
        row["condition_amount_id"] = None
        if row["role"] is None:
            row["role"] = _role(text, row["norm_start"], row["norm_end"], row["comparator"])
    _pair_conditions(rows, text)
    return rows


EXTRACTOR = Extractor(
    name="amounts",
    table="amounts",
    columns=[
        pa.field("amount_id", pa.int32()),
        pa.field("value_cny", pa.float64()),
        pa.field("value_max_cny", pa.float64()),
        pa.field("comparator", pa.string()),
        pa.field("kind", pa.string()),
        pa.field("per", pa.string()),
        pa.field("role", pa.string()),
        pa.field("condition_amount_id", pa.int32()),
    ],
    find=find,
    write=write,
    rules=RULES,
)
