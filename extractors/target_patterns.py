"""Compiled patterns and word lists for the targets extractor (extractors/targets.py).

Everything here is built once at import.  Word lists that a reader may want
to extend for other provinces' wording live in extractors/data/target_*.txt and measure_units.txt.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractors.char_positions import CharSet, NestedCharSets
from pipeline.core.numerals import ARABIC_RE, RANGE_SEP_RE

_DATA = Path(__file__).parent / "data"


def _word_list(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    words = {w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")}
    return sorted(words, key=len, reverse=True)  # longest first: 个百分点 before 个


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _first_char_guard(words, any_case: bool = False) -> str:
    """A look-ahead for the first characters of ``words`` (``any_case``: Latin ones in either case),
    put before a long alternation of them that a scan tries often and that usually fails: the
    engine tries the alternatives one by one (100 units: about 0.5 µs each time, again after
    each backtrack of the number before them); the class test fails at once.  Same matches."""
    exact: set[str] = set()
    folded: set[str] = set()
    for w in words:
        # as _unit_alternation spells them: Latin words of two letters or more in any case
        (folded if any_case and w.isascii() and len(w) > 1 and any(c.isalpha() for c in w) else exact).add(w[0])
    classes = [f"[{''.join(re.escape(c) for c in sorted(exact))}]"] if exact else []
    if folded:  # (?i:) as the words themselves: K also matches the Kelvin sign
        classes.append(f"(?i:[{''.join(re.escape(c) for c in sorted(folded))}])")
    return f"(?={'|'.join(classes)})"


# (BL30) a unit whose last character opens a word of time when more follows: `1000人年均增收…` is 1000 人 whose yearly
# average rises, not 1000 person-years (`人年` stays the unit before a qualifier or the clause's end: `36万人年以上`)
_UNIT_RUN_ON = {"人年": "(?![均度内底前初末中起来])"}


def _unit_alternation(words) -> str:
    """Longest first.  Latin units (EFLOPS, Gbps) match in any letter case, except a
    single letter (5000P); none may run on into a Latin word (5000PUE, 2P2P), also after a hyphen or blank (10G-PON, 1T OPS)."""

    def one(w: str) -> str:
        if w in _UNIT_RUN_ON:
            return re.escape(w) + _UNIT_RUN_ON[w]
        if not (w.isascii() and any(c.isalpha() for c in w)):
            return re.escape(w)
        body = re.escape(w) if len(w) == 1 else f"(?i:{re.escape(w)})"
        # (TG2) nor across a hyphen or a blank into one: 10G-PON端口 names a technology, 1T OPS/w is a split unit
        return body + "(?![-－ ]?[A-Za-z])"

    return (
        _first_char_guard(words, any_case=True)
        + "(?:"
        + "|".join(one(w) for w in sorted(words, key=len, reverse=True))
        + ")"
    )


MEASURE_UNITS = _word_list("measure_units.txt")  # units of measure of a target (家, 个, %, 亿元); not organisations
ACTION_VERBS = _word_list("target_action_verbs.txt")

# ------------------------------------------------------------------ quantity
_SP = r"[ \u3000]?"  # normalisation removes spaces in numbers; tolerate one anyway
# Chinese numerals without 万/亿 (those become part of the unit: 500万千瓦);
# 千 before 瓦/米/克 is the unit prefix, not the numeral.
_CN_DIGIT = r"(?:[一二两三四五六七八九十百]|千(?![瓦米克卡]))"
_CN_NUM = rf"{_CN_DIGIT}(?:[零〇]|{_CN_DIGIT})*"
# 三至四个, 五到十家, 十至十五个百分点: a range in Chinese numerals, read as its Arabic form (3-4个: value 3, value_max 4);
# two digits side by side (两三个, 三五家) are one run of _CN_NUM that numerals.parse_range reads as a range.  数十个,
# 几百家, 数千万: no number is written (as amounts: 数千万元 is none), so a 十/百/千 right after 数/几 opens none.
_CN_RANGE_SEP = r"(?:[-－—–~～〜]|至|到)"
# (BL12) a range whose multiplier is written on both numbers (五百五十万至六百万千瓦, 550万至600万千瓦) is the range of
# the multiplier's unit, as 550-600万千瓦: the first 万/亿 only where the second number has one too (targets._quantity
# drops it, and refuses two different ones)
_RANGE_MULT = r"(?:万|亿)"
_CN_RANGE = (
    rf"(?!(?<=[数几])[十百千]){_CN_NUM}"
    rf"(?:(?:{_RANGE_MULT}(?={_SP}{_CN_RANGE_SEP}{_SP}{_CN_NUM}{_RANGE_MULT}))?{_SP}{_CN_RANGE_SEP}{_SP}{_CN_NUM})?"
)
# 3-5, and 6%-7% (a % before the separator only where the second number has one too)
_ARABIC_RANGE = (
    rf"(?:{ARABIC_RE})(?:(?:%(?={_SP}{RANGE_SEP_RE}{_SP}(?:{ARABIC_RE})%)"
    rf"|{_RANGE_MULT}(?={_SP}{RANGE_SEP_RE}{_SP}(?:{ARABIC_RE}){_RANGE_MULT}))?{_SP}{RANGE_SEP_RE}{_SP}(?:{ARABIC_RE}))?"
)
_SCALE = rf"(?:{ARABIC_RE}|{_CN_NUM})?(?:万亿|亿)级"
_MULT = r"万亿|千万|百万|十万|万|亿"
_QUALIFIER = r"及以上|以上|及以下|以下|以内|之内|左右"  # what may follow a quantity and qualify it
# (TG2) a Chinese numeral composed with a place (a digit, then 十/百/千: 二十, 一百五十, 三千) before 万/亿 writes a
# number, as its Arabic form would (`新增城镇就业二十万人`): idioms and names are written with a bare place or one
# digit (十万火急, 百万工匠, 千万, 一万), which stay plain numerals (CONVENTIONS NUM1)
COMPOSED_CN_NUMBER = re.compile(r"[一二两三四五六七八九][十百千][零〇一二两三四五六七八九十百千]*")
# (lead) the second number of a range whose unit is written on both numbers (2500万吨到3000万吨, 800亿元至1000亿元, as
# 2500-3000万吨): targets._repeated_unit_range checks that the unit after it is the first one's
RANGE_HIGH_AFTER = re.compile(rf"{_SP}{RANGE_SEP_RE}{_SP}(?P<high>{ARABIC_RE}|{_CN_NUM})(?P<mult>{_MULT})?")
RANGE_QUALIFIER_AFTER = re.compile(rf"{_SP}(?:{_QUALIFIER})")

# (TG13) A noun of people: what a count of people counts (人员, 劳动力, 老年人 …); a work report writes such counts with
# `万` and no measure word before the noun (`促进12万城镇就业困难人员实现就业`, `为14万持证残疾人缴纳…`), read as
# `万人` (realdev notes/set_e.md: 0185's gold).  Between the number and the people noun a short modifier only, at most
# eight characters without punctuation, digit or 的 (城镇就业困难, 农村, 持证); a measure word written after 万 is
# matched first, as the unit (12万名, 10万户居民).
PEOPLE_NOUN = r"(?:人员|人口|劳动力|残疾人|老年人|老人|儿童|学生|青少年|青年|毕业生|农民工|农民|职工|居民|群众|妇女|人才|患者|游客)"
_PEOPLE_MODIFIER = r"(?:(?!的)[\u4e00-\u9fff]){0,8}?"
PEOPLE_AFTER_WAN = rf"(?<=万)(?={_PEOPLE_MODIFIER}{PEOPLE_NOUN})"
PEOPLE_COUNT_UNIT = "万人"
# the noun phrase of such a count ends at its people noun: what follows is its predicate (实现就业), which a pivot
# verb or the subject position adds to the indicator up to the next item of its 、-list
PEOPLE_PHRASE = re.compile(rf"{_PEOPLE_MODIFIER}{PEOPLE_NOUN}")
# The alternatives of a quantity, one rule record each in targets.py (RULES); QUANTITY joins
# them for the look-ahead scans of a noun phrase.  Each pattern carries the shared guards: not
# inside a number or a Latin word (P2P, PM2.5), not after 第/前; each ends with its own qualifier.
NOT_INSIDE_CLASS = r"[\d.,第前A-Za-z]"  # (also read by targets._SCAN: where no quantity starts)
_NOT_INSIDE = rf"(?<!{NOT_INSIDE_CLASS})"
QUAL_GROUPS = ("scale_qual", "count_qual", "elided_qual", "pct_qual", "bare_qual", "index_qual", "wan_qual")


def _qualified(body: str, group: str) -> str:
    return rf"{_NOT_INSIDE}(?:{body})(?:{_SP}(?P<{group}>{_QUALIFIER}))?"


# Look-aheads that let a rule fail at once where it cannot match, instead of after trying every
# length of the number before it: the run of characters its number is made of (possessive: a
# multiplier or a qualifier is none of them, so the run ends where the number does), then what
# must follow the number.  Same matches (tests/test_target_scan.py compares them without).
_NUMERAL_RUN = r"[\d,.零〇一二两三四五六七八九十百千]*+"  # ARABIC_RE or _CN_NUM
_RANGE_RUN = r"[\d,.%\-－—–~～〜至到 \u3000]*+"  # _ARABIC_RANGE and the blank after it
SCALE_GUARD = rf"(?={_NUMERAL_RUN}(?:万亿|亿)级)"
ELIDED_GUARD = rf"(?={_NUMERAL_RUN}(?:万亿|亿))"
BARE_GUARD = rf"(?={_RANGE_RUN}(?:左右|以上))"
SCALE_PATTERN = _qualified(  # 百亿级
    rf"{SCALE_GUARD}(?P<scale_num>{ARABIC_RE}|{_CN_NUM})?(?P<scale_mult>万亿|亿)级", "scale_qual"
)
COUNT_PATTERN = _qualified(  # 800家, 500万千瓦, 两个百亿级, 12万城镇就业困难人员 (people: no unit written, 万人)
    rf"(?P<num>{_ARABIC_RANGE}|{_CN_RANGE}){_SP}(?P<mult>{_MULT})?(?P<approx>余|多)?{_SP}"
    # (a unit 人 opening the noun 人口 is no unit: 7万人口集聚 is 万 people, the noun 人口)
    rf"(?:(?P<unit>{_unit_alternation(MEASURE_UNITS)})(?!(?<=人)口)(?P<cls>(?<=个)[“\"]?{_SCALE})?"
    rf"|(?P<people>{PEOPLE_AFTER_WAN}))",
    "count_qual",
)
ELIDED_PATTERN = _qualified(  # 产业规模过千亿: money, 元 elided
    # (also before 的 after 超/过: 形成若干个规模超百亿的…产业集群, a money class the goal builds, as 千亿级的…)
    rf"{ELIDED_GUARD}(?P<enum>{ARABIC_RE}|{_CN_NUM})(?P<emult>万亿|亿)"
    r"(?:(?![\u4e00-\u9fff\dA-Za-z%])|(?<=[超过][一二两三四五六七八九十百千\d]亿)(?=的))",
    "elided_qual",
)
_PCT_NUM = rf"{_CN_NUM}(?:点[零〇一二两三四五六七八九]+)?"
# (TG2) a share written as a fraction (`三分之一以上`, `超过1/3`, `三分之二`) reads as percent, as 百分之N does: N分之M is
# the same construction with another base, and a researcher filters shares in one unit (value rounded to 2 decimals:
# 33.33 %; the span keeps the fraction as written). Denominators 2-10 and a smaller numerator only (24/7 is none).
_FRACTION = (
    r"(?P<frac_den>[二三四五六七八九十])分之(?P<frac_num>[一二两三四五六七八九])"
    r"|(?<![/\d])(?P<afrac_num>[1-9])/(?P<afrac_den>[2-9]|10)(?![\d/.])"
)
PERCENT_PATTERN = _qualified(  # 百分之六十, 百分之八到十 (a range: 8-10%), 百分之五至百分之八; 三分之一, 1/3
    rf"百分之(?P<pct>{_PCT_NUM}|{ARABIC_RE})(?:{_CN_RANGE_SEP}(?:百分之)?(?P<pct_max>{_PCT_NUM}))?|{_FRACTION}",
    "pct_qual",
)
BARE_PATTERN = _qualified(rf"{BARE_GUARD}(?P<bare>{_ARABIC_RANGE})(?={_SP}(?:左右|以上))", "bare_qual")  # 项目800左右
INDEX_PATTERN = _qualified(  # 指数达到110, PUE不高于1.25
    r"(?:(?<=达到)|(?<=突破)|(?<=超过)|(?<=不低于)|(?<=达)|(?<=不高于)|(?<=不超过)|(?<=不大于)"
    r"|(?<=低于)|(?<=控制在)|(?<=降至)|(?<=降到)|(?<=降低到)|(?<=下降到))"  # right after the verb
    rf"(?P<index>{ARABIC_RE})(?=[，,；;。、）)\n]|{_SP}(?:以上|以下|以内|左右))",
    "index_qual",
)
# 万 alone as the number, right after a goal's verb (信息领域科技型企业群体达到万家以上, 每年完成万项技改): one 万
# of the unit; only after a comparator verb or 完成/新增, where no idiom (千家万户) or programme name (实施万家社会
# 组织“双创”促就业计划, 实施万项技改) stands; `万亿元` alone closing a clause is one 万亿元 (`带动相关产业规模超万亿元`,
# CONVENTIONS `超` `>`), not `万亿元级`/`万亿元产业`
WAN_PATTERN = _qualified(
    r"(?:(?<=达到)|(?<=突破)|(?<=超过)|(?<=完成)|(?<=新增)|(?<=达)|(?<=超)|(?<=过))"
    r"(?P<wan>万)(?P<wunit>家|项|个|户|名|人|台|套|件|所|亿元(?![\u4e00-\u9fff\dA-Za-z]))",
    "wan_qual",
)
# What may follow the numeral a quantity opens with (targets._SCAN skips the other positions; each
# set is read off the patterns above, tests/test_target_scan.py checks the scan finds every match):
# a unit's first character (the guard before the unit alternation), then, after Arabic digits, the
# number going on (1,000 3.5), a range (3-5, 6%-7%), a multiplier, 余/多, a blank, a qualifier
# (BARE, INDEX: 以上 左右) or the punctuation INDEX looks ahead to; after a one-character Chinese
# numeral a blank, 万/亿, 余/多, 分 (百分之) or a range's separator (三至四个); after 万/亿 opening a scale class, 亿 or 级.
UNIT_FIRST_GUARD = _first_char_guard(MEASURE_UNITS, any_case=True)
AFTER_DIGITS_CLASS = r"[,. \u3000%\-－—–~～〜至到万亿千百十余多左以，;；。、）)\n/]"
AFTER_CN_NUMERAL_CLASS = r"[ \u3000万亿余多分\-－—–~～〜至到]"
CN_NUMERAL_CLASS = r"[零〇一二两三四五六七八九十百千]"  # the characters of a Chinese numeral (_CN_NUM)
AFTER_SCALE_MULT_CLASS = r"[亿级家项个户名人台套件所]"  # (亿级, or a unit after 万 alone: WAN_PATTERN)
QUANTITY_PATTERNS = (
    SCALE_PATTERN,
    COUNT_PATTERN,
    ELIDED_PATTERN,
    PERCENT_PATTERN,
    BARE_PATTERN,
    INDEX_PATTERN,
    WAN_PATTERN,
)
# every quantity starts with a numeral: the look-ahead lets a scan skip other positions fast (8x)
NUMERAL_FIRST = r"[\d一二两三四五六七八九十百千万亿]"
QUANTITY = re.compile(rf"(?={NUMERAL_FIRST})(?:{'|'.join(QUANTITY_PATTERNS)})")


# The qualifier group of each rule of targets.RULES, which wraps every alternative in a group
# named after its rule (so that ``lastgroup`` of its matches is the rule's name).
RULE_QUAL_GROUP = {
    "scale_class": "scale_qual",
    "counted": "count_qual",
    "elided_money": "elided_qual",
    "percent_cn": "pct_qual",
    "bare_number": "bare_qual",
    "bound_index": "index_qual",
    "wan_alone": "wan_qual",
}


def qualifier(m: re.Match) -> str | None:
    """The qualifier after a quantity (以上, 左右 …), whichever alternative matched."""
    group = RULE_QUAL_GROUP.get(m.lastgroup or "")
    if group is not None:  # a match of targets.RULES: its rule's group, not all six in turn
        return m.group(group) or None
    for group in QUAL_GROUPS:
        found = m.group(group)
        if found:
            return found
    return None


# units that describe who or what is counted (3岁以下婴幼儿) rather than a goal, unless a verb sets them
MODIFIER_UNITS = frozenset({"岁"})
# (BL29) prepositions of a beneficiary that may be read as the verb before a count (为60岁以上独居老人…): they set nothing
BENEFICIARY_PREPOSITIONS = frozenset({"为", "向", "对"})
# (BL21) hours or minutes right before a noun describe a name (144小时过境免签政策, 15分钟社区生活圈), unless a verb
# adding up a total stands right before them (新增3000小时志愿服务, 累计…)
NAMING_DURATION_UNITS = frozenset({"小时", "分钟"})
DURATION_TOTAL_BEFORE = re.compile(r"(?:新增|增加|累计|完成|开展)[ \u3000]*$")
# 三至四个各拥有|4000万千瓦…的企业: after a count, 各 + a verb of holding sizes each member of the set (GUIDE: sizes
# naming what is counted are no targets); 各达到/各建成 distribute a goal instead (one target per item)
EACH_HOLDS_BEFORE = re.compile(r"各(?:拥有|具有|具备|有)[ \u3000]*$")
# a numbered political formula (四个现代化, 两个一百年, 八项规定: data/numbered_formulas.txt): its numeral counts the
# formula's parts, so a plain Chinese count opening one is a name, whatever verb stands before (为四个现代化…服务)
NUMBERED_FORMULAS = _word_list("numbered_formulas.txt")
NUMBERED_FORMULA = re.compile(_alternation(NUMBERED_FORMULAS))
# ... and so the 各-clause is no modifier of what is counted: `三至四个|各拥有…装机容量的|全国性发电企业` counts 全国性发电企业
_EACH_HOLDS = re.compile(r"各(?:拥有|具有|具备|有)")
# a measure word that is the first character of the word after it (`30 30支持模块化…`, a standards table's row
# numbers before a title; `第2-4部分`): no count of that unit
# (BL23) 人 before 民 is the word 人民 (`团结全市360万人民群众`: the people, no count of 人) and before 制 a format
# (`3人制篮球场`, `5人制足球场`: a kind of court, no count of people)
UNIT_OPENS_WORD = {"支": "持撑付出援柱", "部": "分门署", "人": "民制", "万人": "民"}
# a duration followed by 内 bounds a task (3天内反馈), unless a verb makes it a goal (控制在3天以内)
DURATION_UNITS = frozenset({"天", "个月", "小时", "分钟", "秒", "工作日", "个工作日"})
WITHIN_AFTER = re.compile(r"[ \u3000]?(?:之内|以内|内)")
HAS_NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千]")
HAS_DIGIT = re.compile(r"\d")
SPACES = re.compile(r"[ \u3000]+")

# ------------------------------------------------------------------ comparators
# the joins of a list of values (550万亩|和|75万亩以上, 30%|、|20%)
VALUE_LIST_JOINS = frozenset("、和及与")
QUALIFIER_COMPARATOR = {
    "及以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "左右": "~",
}
# whom or what a clause addresses, closing it (面向|自然人和法人组织，分别形成…): the items of a 分别 that follows
ADDRESSED_ITEMS = re.compile(
    r"(?:面向|针对|对|为)(?P<items>[^，,；;。、和与及]{1,12}(?:[、和与及][^，,；;。、和与及]{1,12}){1,5})(?=[，,])"
)
# A text that lost its line breaks keeps each paragraph's two-character indent (GB/T 9704 `　　`, two spaces once
# normalised; as sections._FLAT_STOPS): past this many characters of one line, a paragraph starts at the last one
FLAT_LINE_MIN = 400
PARAGRAPH_INDENTS = ("  ", "\u3000\u3000")
# a goal that builds members of a money class written as a scale word, 元 elided (形成若干个规模超百亿的…产业集群):
# the lead's decision, as 打造千亿级的…基地 (a scale class with a build verb and no count is a target)
BUILDS_CLASS = re.compile(r"形成|打造|培育|建成|壮大")
# a 、 before one of these verbs joins the next act of a chain (完成万项技改、|推动万企转型、完成4000亿元投资), not
# the next noun of a list
NEXT_ACT = re.compile(r"、(?=推动|推进|完成|实现|打造|培育|引进|开展|实施)")
# how far back a list closed by 等 before a count is read (…神东、陕北、晋中等|13个…)
LISTED_MEMBERS_WIDTH = 80
_LIST_JOINS = re.compile(r"[和及与]")
# targets._listed_in_full_elsewhere: how many characters of the counted noun identify the set (等8个|煤炭主产),
# and where the clause of the other mention starts (its last separator before the list)
LISTED_ELSEWHERE_NOUN = 4
CLAUSE_START_BEFORE = re.compile(r"[，,；;：:。！？!?\n](?=[^，,；;：:。！？!?\n]*$)")


# (BL26) names in quotes or book-title marks listed side by side: GB/T 15834 (标点符号用法) writes no 、 between
# coordinate items that carry their own quotes or 《》 (`新打造“企业服务一平台”“城市安全数字底座”“基层治理一掌通”3项应用`)
QUOTED_NAMES = re.compile(r"[ \u3000]*((?:“[^“”，,；;。\n]{1,30}”|《[^《》，,；;。\n]{1,30}》)[ \u3000]*){2,12}")


def count_quoted_names(text: str, start: int, end: int) -> int:
    """How many quoted (or 《》) names text[start:end] lists side by side with nothing else between them, else 0."""
    m = QUOTED_NAMES.fullmatch(text, start, end)
    return (text.count("“", start, end) + text.count("《", start, end)) if m else 0


def list_length(text: str, start: int, end: int) -> int:
    """How many members the 、-list ending at ``end`` names: its 、 outside brackets plus one, and one more for a
    last member joined by 和/及/与 (生命周期、系统层级和智能特征: 3)."""
    items = split_items(text, start, end)
    count = len(items)
    if items and _LIST_JOINS.search(text, items[-1][0], items[-1][1]):
        count += 1
    return count


# what each person or household gets: a rule's standard when it is capped outside a goal's time frame
PER_HEAD = re.compile(r"人均|户均|每人|每户")
# a noun right after a count (突破50项|建材…技术), not a qualifier, a particle or punctuation
CJK_NOUN_START = re.compile(r"(?![的和及与或等以左约、])[\u4e00-\u9fff]")
VERB_COMPARATOR = {
    **dict.fromkeys(["达到", "达", "突破", "不低于", "不少于", "不小于"], ">="),
    **dict.fromkeys(["超过", "超", "过", "高于", "大于", "多于"], ">"),
    **dict.fromkeys(["破"], ">="),
    # 县域经济总量迈上300亿元台阶: reaching a level (台阶/大关) is a floor
    **dict.fromkeys(["迈上", "跨上", "站上", "迈过", "跨过"], ">="),
    **dict.fromkeys(["不超过", "不高于", "不多于", "不大于", "控制在", "控制到"], "<="),
    **dict.fromkeys(["低于", "少于", "小于"], "<"),  # CONVENTIONS: strictly below
    # (TG2) 约为/约占: an approximation before the copula (森林覆盖率约为46%): `~`, and 约 stays out of the indicator
    **dict.fromkeys(["约", "大约", "近", "约为", "约占"], "~"),
    # neutral verbs: the number is the goal itself ("=")
    **dict.fromkeys(
        [
            "保持在",
            "稳定在",
            "提升到",
            "提升至",
            "提高到",
            "提高至",
            "增长到",
            "增加到",
            "增至",
            "升至",
            "降至",
            "降到",
            "降低到",
            "降低至",
            "下降到",
            "下降至",
            "压缩到",
            "压缩至",
            "缩短到",
            "缩短至",
            "增加至",
            "减少至",
            "减至",
            "压减至",
            "压减到",
            "提升为",
            "减少到",
            "扩大到",
            "扩大至",
            # (BL12) the rest of the change verbs with 到/至, as the ones above (上升至 read as 升至 left `上` in the
            # indicator): CHANGE_TO_VERBS
            "上升到",
            "上升至",
            "增长至",
            "缩小到",
            "缩小至",
            "缩减到",
            "缩减至",
            "削减到",
            "削减至",
            # (BL26) a recovery to a level (`境外航班数恢复到疫情前的90%`): the level is the goal
            "恢复到",
            "恢复至",
            "为",
            "占",
            "增长",
            "下降",
            "降低",
            "减少",
            "增加",
            "提高",
            "提升",
            "实现",
            "向",
            "翻",
        ],
        "=",
    ),
}
MAX_VERB_LEN = max(map(len, VERB_COMPARATOR))
# verbs of a change, not of a level: the indicator keeps them (地区生产总值增长5%: the growth is
# measured; 普及率提高到87.5%: the level is)
DIRECTION_VERBS = frozenset({"增长", "下降", "降低", "减少", "增加", "提高", "提升", "翻"})
# the verb right before the number ("均" / "都" may sit before it: A、B均达到90%)
# a rate may sit between a verb and its number (达到每百亩1.5公里, 达到每周1000架次): two-character verbs only,
# so that 为/占 before 每… do not become comparators
# a base between a bound and its number: 占比不超过服务资源总量的30%, 达到全国平均水平的90%
_OF_VERBS = ("不超过", "不低于", "不高于", "不少于", "超过", "低于", "高于", "达到", "恢复到", "恢复至")
CMP_BEFORE = re.compile(
    rf"(?P<verb>{_alternation(VERB_COMPARATOR)}){_SP}$"
    rf"|(?P<rate_verb>{_alternation(v for v in VERB_COMPARATOR if len(v) > 1)}){_SP}每[^\d，,；;。：:\n]{{1,3}}$"
)
PER_RATE_WIDTH = 4
# The characters a CMP_BEFORE match can end on without a blank or a line break after it.
_VERB_LAST_CHARS = frozenset(v[-1] for v in VERB_COMPARATOR)
# ... and the ones it starts on (both alternatives open with a verb): the search starts at the first of them, since
# the pattern (its alternatives open with groups) has no literal opening for the engine to skip ahead to
_VERB_FIRST = re.compile("[" + "".join(sorted({v[0] for v in VERB_COMPARATOR})) + "]")


def comparator_before(text: str, lo: int, end: int) -> re.Match | None:
    """``CMP_BEFORE.search(text, lo, end)``, skipped where no match can end at ``end``.

    Every match ends at ``end`` (``$``; before a final line break), so the character before
    ``end`` is a verb's last one, a blank or a break, or a 每 stands 1 to 3 characters before
    it (a rate).  The search itself tries every position of its window against every verb
    (about 3 µs); the test costs a set lookup and most numbers fail it.
    """
    if end <= lo:
        return None
    last = text[end - 1]
    if last in _VERB_LAST_CHARS or last in " \u3000\n" or text.find("每", max(lo, end - 4), end - 1) >= 0:
        first = _VERB_FIRST.search(text, lo, end)
        return CMP_BEFORE.search(text, first.start(), end) if first else None
    return None


# (BL28) a split bound verb: 保持/稳定/维持 + the indicator + 在 + the value (`保持粮食播种面积在600万亩以上`, `稳定森林
# 覆盖率在60%`): 在 closes the verb 保持在/稳定在 written around its object, so the value has its verb (`=` unless a
# qualifier); searched only where 在 stands right before the number
HELD_AT_BEFORE = re.compile(r"(?:保持|稳定|维持)[^\d，,；;。：:、\n在]{2,16}在[ \u3000]*$")
HELD_AT = re.compile(r"(?P<held_at>在)")
HELD_AT_WIDTH = 2 + 16 + 1
# searched only where 的 stands right before the number (the bound's base between): its own, wider window
CMP_OF_BEFORE = re.compile(rf"(?P<of_verb>{_alternation(_OF_VERBS)})[^\d，,；;。：:、\n]{{1,12}}的{_SP}$")
OF_WIDTH = 3 + 12 + 2
# 面积达到50万亩，占耕地面积的|60%以上: a share of a base, tried where no bound verb stands before the base; the
# share alone is no sign of a goal (煤炭…占一次能源消费的70%左右 states the present)
SHARE_OF_BEFORE = re.compile(rf"(?P<share_verb>约?占)[^\d，,；;。：:、\n]{{1,12}}的{_SP}$")
# the verb a 分别 list shares: the one right before its first number (分别占比达|30%: 达, not 占)
CMP_AFTER_FENBIE = re.compile(
    rf"分别[^\d，,；;。\n]{{0,6}}?(?P<verb>{_alternation(VERB_COMPARATOR)}){_SP}(?=[\d一二两三四五六七八九十百])"
)
ACTION_VERB = re.compile(_alternation(ACTION_VERBS))
# a floor or ceiling written between the action and its count (形成不少于|100个…案例): number-first
FLOOR_VERBS = frozenset({"不少于", "不低于", "超过", "多于", "不超过", "达到", "约"})
# an action ending right before a floor verb: the object follows the number (促进|不少于200项新技术新产品首用首试);
# 促进 only here, not among the action verbs: 促进|年产200万吨…装置扩能 names a project's size
# (BL12) 安排 too: 每年安排|不少于3000亩新增建设用地指标 (a budget in 元 stays an amount: 安排不低于50亿元专项资金)
ACTION_VERB_END = re.compile(rf"(?:{_alternation(ACTION_VERBS)}|开展|形成|推出|制定|选取|选派|促进|安排){_SP}$")
# 5米|远场识别率超过92%: a quantity that qualifies the indicator of a later comparison in its clause
# (checked at the clause's next digit only: a verb of two characters or more right before it)
LATER_WIDTH = 20
# (BL23) also the verbs that hold a level (`30户以上|自然村寨生活垃圾收运覆盖率保持95%以上`): the bound before them
# names the class whose rate is held (the comparator comes from the qualifier, as `保持在`)
LATER_VERB = re.compile(rf"(?:{_alternation(v for v in VERB_COMPARATOR if len(v) > 1)}|保持|稳定|维持){_SP}$")


def later_comparison(text: str, end: int, clause_end: int) -> bool:
    """5米|远场识别率超过92%: within LATER_WIDTH characters of the clause, a comparator verb and a number."""
    digit = HAS_DIGIT.search(text, end + 1, min(clause_end, end + LATER_WIDTH + 3))
    return (
        digit is not None
        and LATER_VERB.search(text, max(end + 1, digit.start() - MAX_VERB_LEN - 1), digit.start()) is not None
    )


# 至少建设1个…: a floor written before the verb
AT_LEAST_BEFORE = re.compile(r"(?:至少|最少|不少于)[^，,；;。\n]{0,4}$")
# (BL15) ... also before a plain Chinese numeral: `每个乡镇至少建成一所公办中心幼儿园` is a count with its comparator
# (CONVENTIONS: `至少` is `>=`; NUM1 leaves a plain numeral none only without one), not of how often a thing is done
# (`每年至少开展一次检查`: a cycle, deadlines read it)
AT_LEAST_WIDTH = 8
FREQUENCY_UNITS = frozenset({"次", "遍", "轮", "届", "期", "回", "场", "批"})

# ------------------------------------------------------------------ boundaries
# A tab separates the cells of a table row (pipeline.reading.html_text renders <td> so):
# a cell is a sentence of its own, and no span of the scan crosses into the next cell.
CLAUSE_END_CHARS = CharSet("，,；;：:。！？!?\n\t")
SENTENCE_END_CHARS = CharSet("。！？!?\n\t")
LINE_END_CHARS = CharSet("\n")
# all three found in one pass over the text (each set lies inside the one before)
BOUNDARY_CHARS = NestedCharSets(CLAUSE_END_CHARS.chars, SENTENCE_END_CHARS.chars, LINE_END_CHARS.chars)
# The item cell before a value cell (森林覆盖率 | 达到45%): a name, no number, no clause in it.
_ROW_ITEM = re.compile(r"[ \u3000]*(?P<item>[^\t\n\d，,；;：:。！？!?]{2,30}?)[ \u3000]*")


def row_item(text: str, cell_start: int) -> str | None:
    """The name in the cell before the cell at ``cell_start``, when that cell opens after a tab."""
    if cell_start == 0 or text[cell_start - 1] != "\t":
        return None
    item_start = max(text.rfind("\t", 0, cell_start - 1), text.rfind("\n", 0, cell_start - 1)) + 1
    m = _ROW_ITEM.fullmatch(text, item_start, cell_start - 1)
    return m.group("item") if m else None


NP_STOP = re.compile(r"[，,；;：:。！？!?\n\t（(“\"《]")
NP_HARD_STOP = re.compile(r"[，,；;：:。！？!?\n\t]")
NP_AFTER = re.compile(r"的")
# a noun right after a count: the target is number-first (抓好87条|支流排污口溯源整治), whatever
# stands before the number; not a list mark, a bracket or a closing quote
NOUN_AFTER = re.compile(r"[ \u3000]*[\u4e00-\u9fff“\"A-Za-z](?<![的和及与或等并且而但])")
# only a qualifier or the clause's end after a quantity: 年均增长20%以上【；】 (50%以上的园区: the noun follows)
CLAUSE_END_AFTER = re.compile(r"[ \u3000]*(?:[，,；;：:。！？!?\n\t（(]|$)")

# ------------------------------------------------------------------ exclusions
# Granting money makes a subsidy rule: from the clause that grants it to the end of the
# sentence (the grant and its caps), plus the condition clauses right before it.
# A goal earlier in the same sentence stays a goal (每年新建X20个，对新建X按…给予补助).
SUBSIDY = re.compile(r"给予|予以|奖励|补助|补贴|奖补|资助|贴息|一次性")
# (BL21) a grant word that names a policy grants nothing (完善职业培训补贴等稳就业政策，城镇新增就业…; 完善…信贷奖补政策):
# the word, an optional 等 and a few characters, then 政策/制度/机制/办法 closing the clause or a list item
GRANT_NAMES_POLICY = re.compile(r"等?[\u4e00-\u9fff]{0,6}?(?:政策|制度|机制|办法)(?=[，,；;。、和与及]|$)")
# (BL29) a grant word made an adjective by 性 before a noun (补贴性职业技能培训) classes it, grants nothing; before a kind
# of pay or funds (奖励性绩效占比不低于…70%) it still speaks of money paid under a rule
GRANT_AS_CLASS = re.compile(r"性(?=[\u4e00-\u9fff])(?!绩效|工资|薪酬|津贴|补贴|奖金|收入|资金)")
# (BL18) the people a grant reaches, counted right after 为/向 (`为4510户住房困难家庭发放租赁补贴`): how many it covers
# is a goal (docs/extraction-conventions.md: counts after 为), not the grant's terms; a clause with a sum (`为…发放补贴500元`) stays a rule
BENEFICIARIES_BEFORE = re.compile(r"(?:为|向)$")
BENEFICIARY_UNITS = frozenset({"户", "人", "名", "万户", "万人", "万名", "人次", "万人次"})
# a clause that states the condition of a grant: 对新认定的…, 首次突破10亿元的
SUBSIDY_CONDITION = re.compile(
    r"[ \u3000]*(?:对|凡|针对|按照|按|依据|根据|符合|经|获得|获批|首次|新认定|被认定|被评为)|.*的[ \u3000]*$"
)
# A rule with a condition: 对年用电量500万千瓦时以上的企业，电价下降…
# Its condition never holds a goal; a bound set for what it covers (…的贷款，担保费率降至1%以下)
# is one: a quantity after the condition, with a comparator verb, not money (电价下降0.05元/千瓦时).
CONDITIONAL_RULE = re.compile(r"[ \u3000]*(?:对|凡)[^，。\n]*的[^，。\n]{0,6}，")
# Statements of the present or past.
PRESENT = re.compile(
    # (BL24) not the 目前 of `项目前期`/`项目前景`/`项目前置` (a project's early stage, outlook or prior step: 项目 + 前期,
    # word segmentation); `事项目前正在…` (事项 + 目前) stays the present
    r"已经|已有|已达|已建|已形成|已累计|现有|目前(?:(?<!项目前)|(?![期景置]))|当前|同比|比上年|较上年|上年|去年|今年以来"
    r"|共有|多达"
    r"|已[^，,；;。、\n]{0,12}?(?:达到|达(?!标)|超过|突破|拥有)"  # 全国已关停的地方国营煤矿达三百多处
    # 每年排出的矸石还有百分之八十没有利用起来, 仍有120个村未通客车: what is still so (a problem stated), not a goal;
    # only before the figure (…，还有一批企业进入全国百强: 还有 adds a goal)
    r"|[还仍尚]有(?=百分之|\d|[零〇两三四五六七八九十百千]|一(?![批些]))"
    # a completed act (2004年已批准新开工发电项目6000万千瓦以上, 已完成改造120个): a result reported, not set; not 已 right
    # after a count (66个已签约项目开工建设: the projects' attribute, DONE_ATTRIBUTE) nor an attribute (已完成的项目)
    r"|已(?<![\d个家项座处条户名]已)(?:批准|完成|实现|开工|投产|投运|竣工|关停|淘汰|下达|签约|开通|获批|新增)"
    r"(?![^，,；;。\n]{0,6}的)"
    # 现在全国…积存的煤矸石约有十亿吨 (as 目前; not 体现在, 实现在线); the guard on the character before is a
    # look-behind after 现, so that every alternative opens with a literal and a search skips ahead to one
    r"|现(?<![\u4e00-\u9fff]现)在(?=[\u4e00-\u9fff])"
    r"|以来[，,]"  # 平台上线以来，实现…20个监管部门的审管互动: what happened since an event (a report of results)
    # a look-back framing the sentence (过去五年，…; 五年来，…; 近年来，…; 一年来，…): the years behind the text
    r"|过去(?:的)?(?:[一二两三四五六七八九十几\d]+)年(?:来|里|中|间)?[，,]"
    r"|年(?<=[一二两三四五六七八九十几多\d近]年)来[，,]"
    # (TG2) also inside its clause, before the act it sums up (`江苏徐州市建材局十四年来利用煤矸石二百万吨`): N years
    # up to now, a look-back (CONVENTIONS: `近3年共` looks back); not 来 opening a word (来华, 来访, 来源)
    r"|年(?<=[一二两三四五六七八九十几多\d]年)来(?=[\u4e00-\u9fff])(?![华访源自看说])"
)
# (BL15) a year-on-year comparison (`同比增长`, `比上年增长`, `较上年下降`) after a resolve earlier in its sentence
# (`力争全年货物进出口总额同比增长15%左右`, `确保…比上年增长6%左右`, `力争…达到500亿元，同比增长10%以上`) is the baseline
# the goal is set against, as in the 预期目标 sentence (`地区生产总值同比增长8%左右`): no statement of the present. A
# resolve reported done (`确保了`) frames none.
YEAR_ON_YEAR = re.compile(r"同比|比上年|较上年")
RESOLVE = re.compile(r"(?:力争|争取|确保)(?!了)")
# A past five-year plan's period framing a sentence (`“十三五”时期，全省…年均增长6.5%`): its years are behind a text
# issued after the plan's end (targets.py compares the plan's end with the document's year)
PLAN_FRAME = re.compile(r"“(十[一二三四五六]?五|[六七八九]五)”(?:规划)?(?:时期|期间|以来)[，,]")
# (BL12) a verb of remedy whose object the present names (缓解|目前严重缺电局面, 改变|当前…的状况, 扭转|目前…的局面): the
# present word after it is the object's attribute, no statement of the present
REMEDY_VERB_END = re.compile(r"(?:缓解|解决|改变|扭转|改善|弥补|消除)$")
# (BL25) 现有 right after a verb or preposition acting on its object (`支持现有龙头骨干企业开展…整合`, `对现有园区进行改造`):
# the object's attribute (the existing ones), no statement that something now is (`现有企业100家`)
EXISTING_OBJECT_VERB_END = re.compile(
    r"(?:支持|鼓励|引导|推动|推进|促进|帮助|扶持|利用|盘活|整合|改造|提升|优化|完善|用好|[对将把])$"
)
# a premise clause opening a sentence (立足现有产业基础，…, 结合目前…的制造能力，综合考虑…，): the present it names is
# the basis of the goal that follows, not the sentence's statement.  (BL12) The genre's commonest premise is the
# base a goal builds on, `在…（的）基础上，` and `以…为基础/依托，` (在现有试点示范的基础上，再培育100个以上示范企业):
# 在/以 open it only where the base's word closes the same clause
PREMISE_OPEN = re.compile(
    r"[ \u3000]*(?:立足|结合|根据|依据|鉴于|考虑到|综合考虑|针对|基于|依托|面对|着眼"
    r"|在(?=[^，,；;。：:\n]{1,40}?基础上[ \u3000]*[，,])|以(?=[^，,；;。：:\n]{1,40}?为(?:基础|依托)[ \u3000]*[，,]))"
)
# (BL12) a responsibility note after a figure in its sentence (`…，全省50%以上的文化馆具备数字服务能力；推进…（省文化和
# 旅游厅牵头，各有关部门配合）。`, the task lists of GB/T 9704 plans) closes the task that holds the figure: the note makes
# it an assignment, a goal context for its figures (as deadlines read a year in such a task, CONVENTIONS DL8)
TASK_NOTE = re.compile(r"[（(][^（）()\n]{2,80}?(?:牵头|负责|配合)[^（）()\n]{0,20}[）)]")
# ... and where such a note opens: no predicate or indicator runs into it (推动50%以上的规上企业|实施数字化改造|（市工信局
# 牵头，…）: the clause's comma inside the note is no end of the predicate)
NOTE_OPEN = re.compile(r"[（(](?=[^（）()\n]{2,80}?(?:牵头|负责|配合))")
# 2005年开工规模按|6500万千瓦|安排: the figure a plan arranges for the subject before 按 (not a number-first noun)
ARRANGED_AFTER = re.compile(r"[ \u3000]*(?:安排|执行|控制|部署|落实|下达|分解)")
# an action verb followed only by a rate's noun is part of a compound (标准化建设|达标率, 建成|区绿地率): no action
RATE_NOUN_END = re.compile(r"(?:率|比重|占比|比例|指数)$")
RATE_NOUN_MAX = 8
# (BL12) an action verb that names an event's content followed only by the event's noun is part of that noun
# (举办专场|招聘会|70场, 每年组织|培训活动|不少于1000场: the events are counted, nobody is hired or trained); the verbs
# that organise events (举办, 开展, 组织 …) stay verbs (举办|活动100场)
EVENT_NOUN = re.compile(r"(?:会|活动|班|大会|会议)")
ORGANISING_VERBS = frozenset(
    {"举办", "举行", "召开", "开展", "组织", "组织开展", "承办", "主办", "实施", "启动", "推广"}
)
# a baseline or a share opening an indicator (较2020年翻|一番, 占GDP比重|达到10%): the comparison continues the
# previous target's measure (…增加值达到500亿元，占GDP比重达到10%)
# (BL15) `同比` opens one too (`…达到500亿元，同比增长10%以上`: the sales' growth over last year)
BASELINE_START = re.compile(r"(?:较|比|与)[^，,；;。]{0,8}?年|占|同比")
# a deadline left between a subject and its bound (机架数|2025年底前|超过45万个): it is no part of the indicator
TRAILING_DEADLINE = re.compile(r"(?:到|至)?(?:19|20)\d{2}年(?:底|末)?(?:前|之前)?$")
# …等6个方面试点示范培育行动: aspects frame how the work is organised, a later check verifies none (GUIDE)
ASPECT_AFTER = re.compile(r"[ \u3000]*方面")
# 公示不低于7天, 7天后批复确认, 间隔7天: a procedure's period in a 流程 (not a reform's 压缩/缩短 to N days)
PROCEDURE_WORDS = re.compile(r"公示|公告|公布|批复|间隔")
PROCEDURE_GOAL_VERBS = frozenset({"压缩到", "压缩至", "缩短到", "缩短至", "减少到", "减至", "降至", "控制在"})
# a stock reached, not a flow per year: 每年新增10家，|总数达到100家 does not repeat 每年
_STOCK = r"总数|总量|总计|累计|合计|总规模|存量"
STOCK_WORDS = re.compile(rf"{_STOCK}|保有量")
# an indicator that is a stock word alone (…，总数达到3000家) names the stock of the previous target's objects, whose
# verb of addition (新增, 新建…) it drops
STOCK_ONLY = re.compile(_STOCK)
ADDED_LEAD = re.compile(r"^(?:新增|新建|新认定|新培育|新引进|新开工|增加)")
QUOTA_VERBS = frozenset({"不少于", "不低于"})  # the floor verbs of a yearly quota
# a specification list (…诊断系统对…的检出率超过95%，|假阴性率低于1%): a bare measure after the first item
# continues the product the first one names
BARE_MEASURE = re.compile(r"^[\u4e00-\u9fff]{1,5}(?:率|精度|误差|角度|时延|功耗)$")
MEASURE_END = re.compile(r"(?:率|精度|误差|角度|时延|功耗)$")
ITEM_BREAK = re.compile(r"[；;。\n]")
# (BL12) a specification right before its value and qualifier, then 的 and the product it is set for
# (`绝对精度100Pa以内、噪音水平0.6Pa以内的|压力传感器|实现量产`): the measure is the indicator, not a number-first count
SPEC_MEASURE_END = re.compile(r"(?:率|精度|误差|角度|时延|功耗|水平|灵敏度|功率|带宽|寿命)$")
PRODUCT_OWNER = re.compile(
    r"^(?P<owner>[^，,；;。\n]{2,30}?(?:系统|设备|传感器|产品|装置|无人机|机器人|芯片|终端|模型))(?=对|的|[\u4e00-\u9fff])"
)
# 其中新增|20家: a part of the previous target's set, named by the verb and that target's measure
OF_WHICH = re.compile(r"[ \u3000]*其中[ \u3000]*")
# the leading verb 实现 frames what follows (实现|营业收入超百亿元): it stays out of the indicator (GUIDE)
INDICATOR_LEAD_VERB = re.compile(r"^(?:实现|达成)(?=[\u4e00-\u9fff]{2})")
# 经发展改革委汇总统计…，违规开工项目总计达1.25亿千瓦: a finding of a count or survey reports the present
# (经 the preposition: not 经过/经济/经营/经验/经费/经典/经纬, as in 做好全国经济普查)
STATS_REPORT = re.compile(r"经(?![过济营验费典纬])[^，,；;。\n]{0,20}?(?:统计|汇总|核查|普查|调查|排查|摸底|清查)")
# a year written in Chinese numerals (一九七九年): a past year like 1979年 when before the document's
# (The guard on the character before is written after the first digit, as a look-behind over
# both: a pattern that starts with a character class lets the engine skip ahead to a candidate,
# one that starts with a look-behind is tried at every position.  Same matches.)
CN_YEAR = re.compile(
    r"([一二三四五六七八九](?<![〇零一二三四五六七八九十].)[〇零一二三四五六七八九]{3})年(?!底?前|以前|之前|起|内|以来)"
)
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def cn_year(digits: str) -> int:
    return int(digits.translate(_CN_YEAR_DIGITS))


# 预计投产5100万千瓦: a forecast, not a goal; 当电煤价格波动幅度超过5%时: the condition of a rule
FORECAST = re.compile(r"预计|预测|预期将")
WHEN_CLAUSE = re.compile(r"[ \u3000]*(?:当|如|若|凡)[^，,；;。\n]{1,30}?时")
# 1000元起付线, 50万吨/年的煤矿: a parameter or class right after the quantity
# (money may be written 五百万元人民币: 每车不低于五百万元人民币的…保险凭证 is a requirement's threshold)
# (BL24) not the 标准 that opens a compound noun of what is built (`200万平方米标准厂房`, `2000亩标准地`, the
# `标准化厂房` of industrial parks): the size of the buildings or land, a goal
PARAMETER_AFTER = re.compile(
    r"(?:/[年月日时]|人民币)?[ \u3000]?(?:的|起付线|封顶线|标准(?!厂房|地|化厂房|化车间)|限额|上限|下限|门槛)"
)
# (BL15) a bounded size before `规模的` + a noun names a class of that size (`超过1000人规模的学校必须配备专职教师`, `500人
# 以上规模的企业`, `年产值不低于1亿元规模的…`): the threshold of who is meant, no count (README: thresholds and classes);
# an unbounded size is the size of what is built (`组建一支1000人规模的救援队伍`)
CLASS_SIZE_AFTER = re.compile(r"[ \u3000]?规模(?:以上|以下)?的")
CLASS_BOUND_VERBS = frozenset(
    {"超过", "超", "不低于", "不少于", "高于", "低于", "少于", "不超过", "不足", "大于", "小于"}
)
BOUND_QUALIFIER_END = re.compile(r"(?:以上|以下)$")
# (BL12) the task or goal a figure is the size of (`完成…发电装机550万千瓦的任务`, `完成造林100万亩任务`): the figure is the
# goal's, its measure before it (indicator-first), not a class or a parameter of the noun after it
ITEM_COUNT_UNITS = frozenset("项个条件批类")  # counts of items: 280项任务 counts the tasks
TASK_NOUN_AFTER = re.compile(r"[ \u3000]?的?(?:目标任务|任务|目标)(?=[，,；;。\n]|$)")
# 面积超过300平方米（含）: an inclusive bound is written for a rule's threshold, never for a goal
INCLUSIVE_AFTER = re.compile(r"[ \u3000]?[（(]含[^）)\n]{0,10}[）)]")
# A year not introduced as a deadline (到/至), a baseline (比/较/与) or a range.
# (not after 到/至/比/…: the look-behind spans the century digits, so that a scan skips ahead to a 1 or 2)
BARE_YEAR = re.compile(
    r"((?:19|20)(?<![到至比较与\d\-—～~]..)\d{2})年(?!底?前|以前|之前|起|内|以来|后|基础上|的基础上|水平|[-—～~）)])"
)
# (BL20) what follows a year that introduces the goals set for it (a work report's `2024年经济社会发展主要预期目标是：`):
# the goals' year (CONVENTIONS: their deadline_year), not a year of the past the sentence reports
GOALS_OF_THE_YEAR = re.compile(r"[^，,。；;：:\n]{0,24}?预期目标(?:是|为|[：:])")
GOALS_YEAR_OPENING = re.compile(r"[ \u3000]*((?:19|20)\d{2})[ \u3000]*年(?=" + GOALS_OF_THE_YEAR.pattern + ")")
BARE_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})[ \u3000]*年")
# a parameter of a rule, not a goal: 单次交易限值提高至5000元, 补助标准提高到每人1000元
# (BL30) a measured quality whose figure is written in classes (`近岸海域水质达到二类以上`, `地表水水质达到3类`,
# `土壤环境质量达到二类`): the grade of a national standard's scale, as `Ⅲ类` is, not a count of kinds
QUALITY_BEFORE = re.compile(r"水质|水体|质量|水环境|地表水|海水")
# (BL30) `限额以上`/`限额以下` name the statistics' size classes of units (`新增限额以上网络零售额300亿元`), no limit
RULE_PARAMETER = re.compile(r"限值|限额(?!以[上下])|上限|下限|额度|标准|门槛|起付线|封顶线")
# (BL18) consumption vouchers a government issues (`发放消费券2500万元`, `投放政府消费券1000万元`): its outlay. Not the
# business-start loans it guarantees (`发放创业担保贷款15亿元`): banks lend them, a volume a later check verifies, as
# `新增贷款800亿元以上` (BL25's rule reading them as an outlay was reverted by the lead: it lost a held-out target)
# (TG3) the government's own bonds, issued or obtained from the level above (`发行地方政府专项债券300亿元`, `争取专项债券
# 50亿元以上`, `争取超长期特别国债资金`): the issuer's financing of its budget, as `争取上级资金` (CONVENTIONS "Lead rulings" 4:
# `发行…专项债` is an amount only); a company's bond financing (`企业债券融资规模`) is a market statistic and stays out
BUDGET = re.compile(
    r"资金|基金|财政|预算|安排|设立|筹集|拨付|补助|奖励|补贴|奖补|计划投资"
    r"|[发投]放[^，,；;。\d]{0,6}消费券"
    r"|(?:专项|一般|地方政府|政府|再融资)债(?!务)|国债"
)
# (BL18) funds an investment drive brings in, named right before their figure (`招商引资到位资金达到80亿元`,
# `签约资金达到120亿元以上`, `实际到位资金50亿元`): an outcome of 招商引资 a check verifies, as 吸引/带动 investment
# is (GOAL_MONEY), not money set aside (`安排招商引资奖励资金100万元` stays a budget)
ATTRACTED_FUNDS = re.compile(
    r"(?:到位|签约)(?:内资|外资)?资金(?:总额|额|规模)?[ \u3000]*"
    r"(?:力争|确保)?(?:达到|达|突破|超过|超|不低于|不少于)?[ \u3000]*$"
)
# a total investment stated of a set of projects, the figure right after it (`共实施项目191项，总投资规模10.581亿元`,
# `项目总投资约12亿元`): what the projects cost, a budget (docs/extraction-conventions.md: `计划投资…`), no outcome a check verifies; an
# investment to be made or leveraged has its verb (`完成投资4000亿元`, `带动总投资超过…`) and stays a goal
INVESTMENT_TOTAL = re.compile(
    r"(?<!完成)(?<!带动)(?<!拉动)(?<!撬动)(?<!吸引)总投资(?:规模|额)?[ \u3000]*(?:约|共|共计|合计|为)?[ \u3000]*$"
)
# (BL25) an outlay opening its sentence as a clause of its own, before the task it funds (`投资8亿元，深入实施…重点县城建设
# 项目40个`, `投资1.5亿元，实施农村电网巩固提升工程`): the money spent on that task, a budget (GUIDE: an amount), as
# `计划投资…`; an investment completed has its verb (`完成投资100亿元以上`) and stays a goal
OUTLAY_OPENING = re.compile(r"[ \u3000]*(?:计划|拟|预计)?投资[ \u3000]*(?:约|共|共计|合计)?[ \u3000]*")
# (BL22) a company's registered capital stated right before its figure (`注册资本为1049亿元`, `注册资本金是50亿元`): the
# capital it is founded with, set aside as a fund is (GUIDE: `设立2亿元专项资金` is an amount, not a target); a level
# to reach has its verb (`市场主体注册资本达到5000亿元` stays a goal)
REGISTERED_CAPITAL = re.compile(r"注册资本金?[ \u3000]*(?:为|是|共计|合计)[ \u3000]*$")
# Money whose clause says it is an outcome (leveraged investment, output, revenue) is a
# goal even when an earlier clause of the sentence sets up a fund: 基金安排100亿元，带动社会资本投入超过1000亿元.
# (BL21) credit banks extend (`“信易贷”授信规模突破3000亿元`) is an outcome of a lending programme, not money set aside
# (BL26) what the whole society spends, R&D above all (`全社会研发经费投入800亿元` after `完善科研经费拨付…机制`): a
# statistic of the economy's outlays a check reads off, not the government's money
# (BL30) banks' new lending (`新增普惠小微贷款、绿色贷款超8000亿元` after `新设立…产业基金`): a statistic of the credit
# market, as 授信 is; loans the government issues stay a budget (`新增发放创业担保贷款27亿元`: no `发放`, no `担保`);
# assets revitalised (`盘活…政府资产100亿元`): a result of the year's asset management a check verifies
GOAL_MONEY = re.compile(
    r"带动|撬动|拉动|吸引|产值|营业收入|营收|收入|增加值|销售额|交易额|进出口|出口额|税收|社会资本|社会投资|投资额|总投资"
    r"|授信|全社会|研发(?:经费)?投入"
    r"|新增(?![^，,；;。]{0,6}发放)[^，,；;。]{0,30}?(?<!担保)贷款|盘活[^，,；;。]{0,12}资产"
)
START_VALUE_BEFORE = "从由"  # right before a quantity: it is where a goal starts from, if START_VALUE_AFTER follows
# (BL12) every change verb of the genre with 到/至 closes a start value (由20天缩短到10天, 从50%升至60%, 由19%上升到45%:
# the goal is the end value), not only the ones first met; 调整为 too (ADJUSTMENT then says it is a rule's parameter)
CHANGE_VERBS = r"提高|提升|增长|增加|扩大|上升|下降|降低|减少|缩小|缩短|缩减|压缩|压减|削减|调整|[升降增减]"
START_VALUE_AFTER = re.compile(rf"(?:向|到|(?:{CHANGE_VERBS})[到至]|调整为)")
# 由30%调整为10%: an adjustment of a rule's parameter, a measure taken, not a goal
ADJUSTMENT = re.compile(r"(?:由|从)[^，,；;。]{0,14}?(?:调整为|调整到|调整至|上调至|下调至|上调为|下调为)")
# a range of past years (继2001—2003年分别开工…): the end year before the document's
# (TG2) the date a status is taken at (`截至2022年底，全省累计完成造林面积120万亩`): a year before the document's makes
# the sentence a report of results (CONVENTIONS: `累计完成` describing what happened), as a bare past year does; a later
# one (`截至2025年，建成…`) bounds a goal (GUIDE: 截至 is `by`)
STATUS_YEAR = re.compile(r"截[至止](?:到)?[ \u3000]*((?:19|20)\d{2})[ \u3000]*年")
YEAR_RANGE = re.compile(r"(?:19|20)\d{2}[-—～~至到](?P<end>(?:19|20)\d{2})年(?!底?前|以前|之前|起|内)")
# 符合以下条件之一的家庭：（一）…；（二）…: the items after such an intro are eligibility conditions
CONDITION_INTRO = re.compile(
    r"(?:符合|具备|满足|具有)(?:以下|下列|如下)[^，,；;。\n]{0,8}?(?:条件|情形|要求|标准)[^，,；;。\n]{0,8}?[：:]"
)
_ITEM_LINE = re.compile(
    r"[ \u3000\t]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．]|[①-⑳])"
)
# after money or a scale class, a count in the same clause (…产业集群2个, …企业达到20家)
COUNT_LATER = re.compile(rf"(?:(?!亿级|亿元|万元).)*?(?:\d+|[一二两三四五六七八九十]+){_SP}[个家]")
CONDITION_HEAD = re.compile(r"对|凡是|凡|针对|鼓励|支持|引导")
# (TG2) 年均/年平均 before a statistic's noun names an annual mean, not a yearly rate: `PM2.5年均浓度不超过32微克/立方米`
# is one year's level (realwr12's gold: recurring null), as GB 3095 names its annual-mean limits
_ANNUAL_MEAN = r"(?!浓度|气温|温度|降水|降雨)"
RECURRING = re.compile(rf"每年|年均{_ANNUAL_MEAN}|年平均{_ANNUAL_MEAN}|每一年")
# A sentence's opening clause that is only a yearly time frame (`期间每年10月底前，`, `今后每年，`).
RECURRING_FRAME = re.compile(
    r"[\s\u3000]*[^\d，,；;。\s]{0,3}(?:每年|每一年)(?:\d{1,2}月(?:\d{1,2}日)?|[一二三四五六七八九十]{1,2}月)?"
    r"(?:底|末|上旬|中旬|下旬)?(?:前|之前|以前)?[，,]"
)
# The rate, threshold or cap of a reimbursement or subsidy rule (GUIDE: a rule for a subsidy is no target;
# CONVENTIONS: rates/caps/thresholds of a subsidy rule; issue 11 item 4). A sentence naming one of these
# words sets what the rule pays: `门诊不设起付线，报销比例提高5个百分点，村乡两级报销比例达到65%`, and the
# coverage it grants beside them, `将19项残疾人医疗康复项目纳入基本医保保障范围`, are no targets. Only where no
# goal's time frame governs (targets._goal): `到2025年，住院费用报销比例提高到70%` and a 主要目标 section's
# `政策范围内住院费用报销比例稳定在75%左右` set goals by GUIDE (deadline_year / goal part) and stay targets.
REIMBURSEMENT_RULE = re.compile(
    r"报销|起付线|起付标准|封顶线|补偿比例|救助比例|支付比例|补助标准|补贴标准|救助标准|资助标准"
)
# What an applicant may do in a procedure, not a goal (GUIDE: a goal a later check could verify):
# `家长登录…平台选择1所教育部门办幼儿园进行报名`, `限报1个专业`, `每人可申报1个项目`. The count follows a
# verb of choosing and an act of applying closes its clause. Counter-example, an issuer's goal that stays a
# target: `选择10个县开展试点` (the act is no application).
CHOICE_BEFORE = re.compile(r"(?:选择|选报|限报|限选|可报|可选|可申报|只能报|只能选)$")
APPLYING_AFTER = re.compile(r"[^，。；;\n]{0,24}?(?:报名|申报|填报|申请|志愿)")
# An option a rule offers (`企业可选择以下2种方式之一申报`, `消费者可选择3种支付方式`): a permission, no goal of the
# issuer's (the issuer's own choice of a pilot's scope, `选取3—5个重点领域开展试点`, stays a target; BL16)
PERMITTED_CHOICE_BEFORE = re.compile(r"(?:可|可以|均可|也可|自主|自行|自愿|只能)(?:选择|选取)(?:以下|下列|其中)?$")
# The period of a procedure a rule sets, written without a verb: `公示期5个工作日`, `异议期限10天`
# (as `公示时间为5个工作日`, targets._compared). A goal shortens a period with a verb and stays a target
# (`审批时限压缩至3个工作日以内`).
PERIOD_BEFORE = re.compile(r"(?:期|期限|时限|时间)$")

GOAL_HEADING = re.compile(r"目标|指标")
# A heading names its part up to its first clause mark or the 包括 that opens a list of what it covers: in a flat
# text a heading's title runs on to its `。` (`5. 评价标准主要包括指标体系、…等4个部分`), and a word of that run-on
# (`指标`) names no goal part (the part is `评价标准`).
OWN_TITLE_END = re.compile(r"[，。；：,;:]|(?:主要)?包括")


def own_title(heading: str) -> str:
    """The part of a heading that names its part (``OWN_TITLE_END``)."""
    end = OWN_TITLE_END.search(heading)
    return heading if end is None else heading[: end.start()]


# A bare year opening a clause of a plan (2024年，全市…达到…) bounds its goals like 到2024年
# when it is not before the document's year (checked in targets.py); not when the year is the
# subject (2024年是…) or a look-back (2024年以来) -- the same rule as extractors/deadlines.py.
OPENING_YEAR = re.compile(
    r"((?:19|20)(?<![^。；！？，;,!?\n]..)\d{2})年"  # the digits first, the clause start behind them: a fast scan
    r"(?![ \u3000]*(?:是|为|以来|以前|以后|前|后|起|度|底|末|初|内|的|全年|上半年|下半年|第|和|与|及|、|至|到|[-－—–~～〜]|（|\(|\d|[一二三四五六七八九十]月))",
)


def char_positions(text: str, char: str) -> list[int]:
    """Every index of ``char`` in ``text``, ascending (``str.find``: fast where the character is rare)."""
    found = []
    at = text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


def opening_years(text: str) -> list[re.Match]:
    """``OPENING_YEAR.finditer(text)``: every match is four digits and 年, so the pattern is matched
    four characters before each 年 (``str.find``: a 年 is rarer than the 1s and 2s the pattern's own
    scan enters at).  Two matches cannot overlap (each ends at its 年, four digits after its start)."""
    found = []
    at = text.find("年", 4)
    while at >= 0:
        m = OPENING_YEAR.match(text, at - 4)
        if m is not None:
            found.append(m)
        at = text.find("年", at + 1)
    return found


# A year phrase that is a clause of its own (`到2027年，`, `力争到2025年,`): it may lead a paragraph's goals.
LEAD_YEAR_CLAUSE = re.compile(r"(?:底|末)?[，,]")
# What may come before it at the start of a paragraph's first sentence: an indent, `力争`/`预计`, `到`.
LEAD_YEAR_OPENING = re.compile(r"[\s\u3000]*[^\d，,；;：:。\s]{0,4}")
OPENING_WINDOW = 8  # a deadline this close to a section's heading end opens its first paragraph
# a dash item of a goal list (——创新能力。打造…, --场景创新生态加快起势。…): the items take the year of the
# lead paragraph that introduces them (CONVENTIONS: `到2025年，…` + `——` items)
DASH_ITEM = re.compile(r"[ \u3000\t]*(?:——|--|－－|—|－)")
DASH_LIST_MAX_LINES = 40  # lines walked back over a list's items to its lead paragraph
# 均/都 right before the verb: A、B均达到90% is one target per item
# (a count in 人次 ends an item: `旅游收入、接待游客人次均增长20%`; 次均 alone is per visit)
LIST_SHARED = re.compile(
    rf"(?<![人户年村亩平日月台家])(?<!(?<!人)次)[均都](?=(?:{_alternation(VERB_COMPARATOR)}))"
    r"|(?<![人户年亩平日月次台家])(?<![每各]村)各(?=$|[\d一二两三四五六七八九十])"  # 国家级、省级龙头企业各|2家 (the search ends at the number)
)  # not 人均, 户均; (BL29) an item ending in 村 takes 各 (先行村、重点村各50个), a per-village 每村各 does not
# `各` + a choosing or building verb right before a count: the items before it each get the count
# (`在离散和流程制造领域各选择10个以上…`); the items are one 和/、 list, a leading 在 outside them
EACH_VERB_BEFORE = re.compile(
    r"(?:在|对|从)?(?P<items>[^\d，,；;。：:\s在]{2,24}?(?:[和、与及][^\d，,；;。：:\s]{1,20}?)+)各"
    r"(?:选择|选取|遴选|培育|建设|打造|认定|创建|建成|确定|支持|评选|布局|实施)$"
)
# 每成功推荐1个…: one item of a per-unit rule, not a goal
# (每个县 / 每家企业 / 每年 distribute a goal: 每个县打造1个…)
PER_EACH_BEFORE = re.compile(r"每(?![个家县市区乡镇村所条项类种年月日季周天人户名位])[^，,；;。：:\d\n]{1,6}$")
CLASS_QUALIFIERS = frozenset({"以上", "及以上", "以下", "及以下"})
# 实施千头以上肉牛养殖项目15个: a bound right before a noun that the clause then counts is the class of that noun (the
# count is the goal; README: thresholds and classes), the noun one phrase (no 和/及/与/、 joining another)
CLASS_THEN_COUNTED = re.compile(
    r"[ \u3000]*(?:(?![和及与或、])[\u4e00-\u9fff]){2,12}?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)[ \u3000]*"
    r"[个家项座处所条](?![\u4e00-\u9fff])"
)
# 基本实现20人以上的自然村4G网络覆盖: a population bound before a settlement or organisation names a class of it
POPULATION_UNITS = frozenset({"人", "户", "万人"})
CLASS_OF_PLACE = re.compile(
    r"[ \u3000]*的[^，,；;。\n的]{0,6}?(?:村|镇|乡|社区|小区|企业|学校|园区|单位|机构|医院|城市|县|区)"
)
# (TG3) a count's noun written before its verb (`接待游客人次突破1.5亿`, `服务人口达到1亿`): 亿/万亿 closing the figure
# with no measure word is a count of it (unit `亿` as written, GUIDE), not money with 元 elided
COUNT_NOUN_END = re.compile(rf"(?:人次|人数|户数|次数|件数|吨数|人口|{PEOPLE_NOUN})[ \u3000]*$")
# 元 may be elided only where the clause measures money (产业规模过千亿, 产值突破100亿)
MONEY_CONTEXT = re.compile(r"规模|产值|收入|营收|增加值|销售额|交易额|投资|税收|总额|营业额|融资|贷款|基金")
# sentences that define a term or state alternatives set conditions, not goals:
# 港澳青年企业是指…比例达25%以上的企业; 年营业收入达到2000万元以上或年纳税额达到200万元以上
# (every alternative starts with a literal character, so that a search skips ahead to one: = and ＝,
# × and x are spelled as alternatives of their own rather than one class)
DEFINITION = re.compile(
    r"是指|系指|指的是|本办法所称|本细则所称|本规定所称|本措施所称|所称的"
    r"|=[ \u3000]*[（(]|＝[ \u3000]*[（(]|×[ \u3000]*100[%％]|x[ \u3000]*100[%％]"
)
ALTERNATIVE = re.compile(
    r"(?:以上|以下|以内|[\d%元](?![.．、]))[^，,；;。\n]{0,4}或[^，,；;。\n]{0,24}?\d"
    r"|[\d元%](?![.．、])[^，,；;。\n]{0,24}或[^，,；;。\n]{0,10}?(?:不少于|不低于|不超过|达到|超过|低于|高于|大于|小于)[ \u3000]?"
    r"[\d一二两三四五六七八九十百千]"
    r"|或以上|或以下"
)
# a rule's modal before the number (原则上不超过30个月, 可以延长10个工作日, 应当…不少于240小时), or a
# sanction's verb (…的可暂停其道路测试18个月, 吊销…): a penalty a rule sets, not a goal
RULE_MODAL = re.compile(r"原则上|可以|可予|应当|必须|不得|不宜|应以|应在|应按|应具备|须具备|须满足|暂停|吊销")
# Numbers describing a plan, not goals of it (targets._Scan._describes_plan): a count of indicators, with what
# it counts (`4类共25项指标`, `10项体现济南特色的指标`); a margin over another target; a set the document disposed of;
# `24小时` of how something works (无人值守, 不间断, 在线)
INDICATOR_COUNT_AFTER = re.compile(r"(?:共\d+项)?[^，,；;。\d]{0,12}?指标(?:体系)?(?=$|[，,；;。）)])")
TARGET_MARGIN_BEFORE = re.compile(
    r"比[^，,；;。\d]{0,10}(?:目标|目标值|计划|规划)[^，,；;。\d]{0,2}(?:高出|高|超出|多出|提高)$"
)
DISPOSAL_BEFORE = re.compile(r"[把将对]")
DISPOSED_AFTER = re.compile(r"[^，,；;。]{0,16}?(?:进行了|作了|作出了|做了)")
ROUND_THE_CLOCK = re.compile(
    r"(?:7[×xX*])?24小时[ \u3000]*(?:无人值守|不间断|不停机|全天候|在线|值守|值班|营业|不打烊)"
)
# a numbered line of a standard's criteria (`1.错评率或漏评率不大于1%`, `（2）…`): its marker, before the rate
CRITERION_MARKER = re.compile(r"[ \u3000\t]*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[①-⑳])[ \u3000]*")
STANDARD_MODALS = frozenset({"必须", "应当"})  # what a standard demands of what it checks
# a deadline clause after a grant opens the goals again: 对…给予奖补，到2025年，建成5G基站25万个
DEADLINE_CLAUSE = re.compile(r"[，,；;][ \u3000]*(?:力争|争取|确保)?(?:到|至)(?:19|20)\d{2}年")
# 稳居全球前三: a rank set as a goal (CONVENTIONS), value 3, comparator <=; 保持全球第一, 位居全国第三: one rank held
# (an ordinal, not a 前N range: comparator =; realblind8 0047). Official plans set a leading position both ways.
# (the rule matches from 前/第, rarer characters than the verbs, so the scan stays fast; the verb and
# scope before it are checked by RANK_BEFORE; an ordinal closes its word: 第一批, 第二条, 第三方 are none)
RANK_PATTERN = (
    r"前(?P<rank_n>[一二三四五六七八九十]{1,3}|\d{1,3})(?:位|名|强)?"
    r"|第(?P<rank_nth>[一二三四五六七八九十]{1,3}|\d{1,3})(?:位|名)?(?=[，,；;。、\n]|$)"
)
RANK_BEFORE = re.compile(
    r"(?P<rank_verb>稳居|位居|居于|保持|进入|跻身|迈入|位列|居)"
    r"(?P<rank_scope>全国|全球|全省|全市|世界|国内|国际|同类城市|中西部)?$"
)
RANK_BEFORE_WIDTH = 6
# (TG3) verbs of a rank to reach or to keep (`进入全国前十`, `保持全省前三`): read by the test a count after its goal verb
# (`达到800家`, `稳定在95%以上`) takes, a goal wherever no review, past or result governs it; the stative ones (`位居`,
# `居`, `位列`, `稳居`: where something stands) and any rank in a report's words need a goal's frame (a year, a goals or
# plan part, 力争/确保/争取)
RANK_AIM_VERBS = frozenset({"保持", "进入", "跻身", "迈入"})
# a report of the rank reached or held (`连续3年保持全省第一`, `首次跻身全球第五`, `均位居全国第一`, `已进入`; not 人均)
RANK_REPORTED = re.compile(r"连续|首次|首度|已|(?<![人户亩年日月村])均|分别|(?<![为除])了(?![解结])")
# units of size (not counts): before a noun with no verb that sets them they describe it
# (30万吨PGA项目, 20.2平方公里先行区), they are no goal of their own
SIZE_UNITS = frozenset(
    {
        "亩",
        "公顷",
        "平方公里",
        "平方千米",
        "平方米",
        "立方米",
        "公里",
        "千米",
        "米",
        "吨",
        "吨标准煤",
        "千瓦",
        "千瓦时",
        "兆瓦",
        "吉瓦",
        "兆瓦时",
        "吉瓦时",
        "千伏安",
        "斤",
        "公斤",
        "千克",
        "标箱",
        "标准箱",
    }
)
_MULT_PREFIX = re.compile(rf"^(?:{_MULT})")


# the head of a noun phrase that a size names (年产30万吨|PGA项目): the size describes it
SIZED_HEAD = re.compile(r"(?:项目|装置|生产线|工程|电站|基地|园区|片区|先行区|示范区)$")
# (BL18) an output in 万/亿 pieces before the facility that makes them (`3亿只先进功率半导体封装基地等项目`, `年产1亿片
# 芯片生产线`): the capacity names the facility, as `30万吨PGA项目` does; pieces are never what a facility counts
OUTPUT_PIECES_UNIT = re.compile(r"^[万亿](?:只|片|颗|件|支)$")
FACILITY_NOUN = re.compile(r"项目|装置|生产线|工程|基地|工厂")
# (BL23) a subject before 完成/实现 and a bare output measure (`现代化工产业集群完成产值500亿元`): whose output it is
OUTPUT_VERBS = frozenset({"完成", "实现"})
OUTPUT_MEASURE = re.compile(
    r"[ \u3000]*(?:总产值|产值|营业收入|主营业务收入|销售收入|营收|投资|增加值|交易额|销售额)[ \u3000]*"
)
SUBJECT_NOUN = re.compile(r"[\u4e00-\u9fff“”A-Za-z]{2,24}")
# (BL23) a herd's size in 万/亿 head before the farm that holds it (`建成投用正缘4万头奶牛养殖园区`, `10万头生猪养殖基地`):
# the capacity names the farm, as `30万吨PGA项目` does; the herd a goal adds is written after its noun (`新增奶牛6万头`)
HERD_CAPACITY_UNIT = re.compile(r"^[万亿](?:头|只|羽)$")
FARM_FACILITY = re.compile(r"(?:园区|基地|牧场|养殖场|场|小区|项目|工程)$")
# (BL23) a list item with its own indicator and quantity after a bound (`完成交通投资103亿元以上|、水利投资10亿元以上`,
# `274万亩以上|、35.5万亩以上`): the bound closes an item of the list, it qualifies no noun as a class
OWN_QUANTITY_ITEM = re.compile(
    r"[ \u3000]*、[ \u3000]*(?:(?![和及与或的、])[\u4e00-\u9fff“”]){0,12}?\d+(?:\.\d+)?[ \u3000]*"
    r"(?P<unit>[万亿]?[\u4e00-\u9fffA-Za-z]{1,3}?)(?:以上|以下|左右|以内)?(?=[，,；;。、\n]|$)"
)
# (BL21) the head of a work done on what a size measures (…不成套旧住房改造, …高标准农田建设): the size is the work's
WORK_HEAD = re.compile(r"(?:改造|建设|整治|修复|治理|整理)$")
# 第十二条第3、81项, 第2-4部分: the later numbers of an enumeration or range of ordinals are ordinals too (a citation, no goal)
ORDINAL_LIST_BEFORE = re.compile(
    r"第[\d０-９一二三四五六七八九十百]+(?:[、，,和及至\-－—~～][\d０-９一二三四五六七八九十百]+)*[、，,和及至\-－—~～]$"
)
ORDINAL_LIST_WIDTH = 16
# 为 as the preposition of a beneficiary (为不少于1万名老年人提供…, 再为1600户以上牧户…): the count is
# number-first; not the copula of 成为/作为/认定为/调整为/改为/分为/列为/评为/设为/核定为/是为 (比例调整为30%).
# (BL12) 面向, the genre's preposition of the scope a measure serves, the same way (面向不少于10个应用场景，…)
FOR_BEFORE = re.compile(r"(?:(?<![成作定整改视分列评设核变是])为|面向)[ \u3000]*$")
# the last item of A、B、C和D is joined by 和/及/与 (the enumeration comma's convention): one item more
LAST_ITEM_JOIN = re.compile(r"[和及与]")
# 实现五项基本功能：统一门户管理，…；统一用户管理，…: a count whose noun opens the list it counts (after the
# colon, items separated by ；) restates that list's length
LIST_AFTER_COLON = re.compile(r"[^。\n]{1,600}")
# (BL26) a count's clause followed by the 、-list that names its members (`形成12件民生实事，分别是“…”在杭州、…`): the
# count restates that list, as before a colon; the list ends at the sentence's or clause's end
ENUMERATION_AFTER = re.compile(r"[，,][ \u3000]*(?:分别是|分别为|依次是|依次为|包括)[：:]?")
ENUMERATION_END = re.compile(r"[。；;！？!?\n]")
# (BL25) a count closing its sentence (or clause before a colon) whose paragraph then enumerates as many items by the
# genre's ordinals (`今年重点办好10件民生实事。一是…；二是…；…十是…`): the count restates the list that follows
ORDINAL_LIST_OPENING = re.compile(r"[ \u3000]*一是")
CN_ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三")
# 兼语 (pivot) verbs, causative and selecting: their object is also the subject of what follows
# (吸引|95家企业|入驻孵化基地, 优选|244家服务业企业|纳入…工程): the
# predicate says which of the counted are meant, so it joins the indicator (realblind: 推动超过2万家规模以上工业
# 企业实施数字化转型 -> 实施数字化转型的规模以上工业企业)
_PIVOT_VERBS = r"推动|吸引|带动|引导|促进|鼓励|支持|组织|帮助|动员|引领|指导|遴选|优选|选取|选择|推荐|选派"
PIVOT_VERB_END = re.compile(rf"(?:{_PIVOT_VERBS}){_SP}$")
# (BL12) ... also with a scope word between the verb and the count (推动|全省|5万家规上企业实施数字化改造, 选派|市县|400名医师
# 开展…): the scope says where the counted are, the verb still makes them the subject of what follows
PIVOT_SCOPE_END = re.compile(
    rf"(?:{_PIVOT_VERBS}){_SP}(?:全省|全市|全县|全区|全国|我省|我市|各地|各市|省市县|市县|县乡|县区|省市"
    rf"|首批|第[一二三四五六七八九十]+批){_SP}$"  # 指导|首批|158家网站和手机APP按期完成改造: a batch, as a scope
)
PIVOT_PREDICATE_MAX = 24  # a predicate longer than this is a task of its own, not a qualifier of the count
# an adverb between the counted noun and its predicate belongs to the predicate (247个项目|全面|开工)
NP_ADVERB = r"(?:全面|全部|基本|顺利|如期|按期|同步|陆续|相继|率先|加快|提前|尽早|春季早|早)"
NP_ADVERB_END = re.compile(rf"{NP_ADVERB}$")
NP_ADVERB_START = re.compile(NP_ADVERB)
# the clause before a subject-less comparison (服务业对经济增长的贡献显著增强，|达到60%以上): its subject and the
# change it reports; the later clause continues that subject (a topic chain, 话题链)
PREVIOUS_SUBJECT = re.compile(
    r"(?P<subject>[^，,；;。\n\t]{2,30}?)(?:显著|明显|进一步|大幅|持续|稳步|不断|逐步|全面)?"
    r"(?:增强|提高|提升|增加|扩大|加快|改善|优化|上升|壮大|增长|(?:实现)?(?:翻番|翻一番|倍增))$"
)
# Words of intent opening a subject-less comparison (`…，力争达到70%`): they frame the goal, they measure nothing
INTENT_LEAD = re.compile(r"^(?:力争|争取|确保|努力|预计)+")
# N条清单 / 十条措施: a count that names a policy, not a goal
POLICY_HEAD = re.compile(r"^(?:[^，。；]{0,6})(?:清单|措施|举措|政策|意见|规定|细则|办法|条例|禁令)$")
_CONJUNCTION = re.compile(r"[和及与、]")


def first_conjunct(noun: str) -> str:
    """The noun up to its first 和/及/与/、 (`硬措施和自治区135条硬措施` → `硬措施`): a count names its own noun, the one
    before the join (落实国务院15条硬措施和自治区135条硬措施: two policies, each named by its size) (BL26)."""
    m = _CONJUNCTION.search(noun)
    return noun[: m.start()] if m else noun


# 34种重要矿产目录: a count in the name of a list
# (BL18) a policy in force named by its article count after its noun, the object of carrying it out (`深入落实人才新政
# 27条`, `用足用好稳增长政策措施20条`): a name, as `18条清单` is (a count set as a goal has its own act: `出台…措施10条`)
POLICY_BY_COUNT_BEFORE = re.compile(
    r"(?:落实|贯彻|执行|兑现|用好|用足)[^，,；;。\d]{0,12}?(?:新政|政策|措施|举措|意见|条例|规定|细则|办法)[ \u3000]*$"
)
# (BL18) a count inside `发挥…作用`: the role of what exists is put to use (`发挥5个国家级园区引领作用`), no count of
# a goal's output (what the text builds has its own verb: `新建10个示范基地，发挥示范作用`)
ROLE_OF_BEFORE = re.compile(r"发挥[^，,；;。\d]{0,10}$")
ROLE_OF_AFTER = re.compile(r"[^，,；;。\d]{0,24}?(?:作用|优势|功能|效应)")
# (BL21) what exists put to use by 用好/用活 (`用好用活航空、气象等86个科普场馆、…64个文化场馆`): its count is the stock
# used, as with 发挥…作用, no count of a goal's output (盘活 a stock's idle part stays a goal: 盘活闲置土地1000亩)
PUT_TO_USE_BEFORE = re.compile(r"用好|用活")
# (BL28) what exists supported to grow: 支持/推动 + a count + its noun + a verb of the noun's own growth (`支持8家实验室
# 多出成果`, `支持29家研发机构加快发展`, `推动4个副城产城融合`, a pivot: the count names the units the text backs, as
# 用好 names what is there); an outcome after the noun stays a goal (`支持10家企业上市`, `推动100家企业上云`)
SUPPORTED_BEFORE = re.compile(r"(?:支持|扶持|推动|鼓励|引导)[ \u3000]*$")
SUPPORTED_AFTER = re.compile(
    r"[^\d，,；;。：:、\n]{1,14}?(?:加快发展|发展壮大|做[强大优](?!\d)|多出成果|高质量发展|产城融合|以[^\d，,；;。]{1,8}赋能)"
)
# (BL24) the set a work focuses on (`聚焦20项重大工程，…谋划实施一批…重大项目`, `围绕10个重点领域`): 聚焦/围绕/紧扣/瞄准
# name the priorities the tasks after them serve, as 用好 names what is there, no count of an output; (BL29) also past a
# longer list closed by 等 (`聚焦新一代信息技术、生物医药大健康、新材料等10个产业集群`)
FOCUS_BEFORE = re.compile(r"(?:聚焦|围绕|紧扣|瞄准)(?:[^，,；;。\d\n]{0,12}|[^，,；;。\d\n]{13,40}?等)$")
# (BL29) the counts before a count in one list of sets (`2个国家级和|12个省级…`, `10个产业集群|30条产业链`): the verb
# before the first governs them all
COUNT_CHAIN_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?[个条项家所座处][^，,；;。\d\n]{0,16}?[和、与及]?)+$")
# (BL29) a verb that works on what there is, right before its count (`深化24个重点片区规划`, `深化打造11个…知识经济圈`,
# realwr5's `提质扩量6个…集群`, `高质量运营10个…中心`): the existing set named by its size, no count of an output.
# (TG3) `迭代升级`/`迭代更新`/`迭代优化` (`迭代升级1926项城市运行数字体征`): a new version of what is there, never a set formed,
# so its count is the existing set's size (GUIDE: a number that describes the present), as 深化; upgrade works on
# facilities (`改造提升100个老旧小区`) and enterprises (`提升改造20家龙头企业`: 20 works) keep their counts (GR1 ruling 1)
STOCK_WORKED_BEFORE = re.compile(r"(?:深化|深化打造|提质扩量|高质量运营|迭代(?:升级|更新|优化))[ \u3000]*$")
# (GR1, CONVENTIONS "upgrade verbs") an upgrade verb right before the count of a set of the economy's structure
# (`做优做强12条重点产业链`, `提升10个产业集群`, `巩固提升3个省级…基地`): the chains, clusters, industries and bases
# exist, the count is the region's inventory and the goal qualitative (GUIDE: a number that describes the present).
# A verb that forms or adds the set right before it keeps the count (`培育壮大`, `打造提升`); so do the objects of
# works on facilities (`提档升级20个乡镇消防救援站`, `改造提升100个老旧小区`: the quantity of works done).
UPGRADE_BEFORE = re.compile(
    r"(?<!培育)(?<!打造)(?<!新建)(?<!建成)(?<!形成)(?<!新增)"
    r"(?:(?:做[优强大精实]){1,3}|发展壮大|壮大|改造提升|巩固提升|优化提升|提质升级|提档升级|转型升级|提升)[ \u3000]*$"
)
# (GR1) the counted noun phrase, from its count, ends in a set of the economy's structure (the last of a chain of
# counts: `2个国家级和12个省级战略性新兴产业集群`), before the clause ends or a next list item
INDUSTRY_SET_AFTER = re.compile(r"[^，,；;。、\n]{0,30}?(?:产业链|集群|产业|示范带|基地)(?=[，,；;。、\n]|$)")
# (GR1) the work of chains on themselves closing the clause after a count of chains (`推动10条重点产业链融链延链`,
# `抓好…等20个产业链延链补链强链`, `推动17条产业链建设走深走实`, `推动…等11条全产业链发展`): the 链长制 vocabulary of
# 延链/补链/强链 names work on the region's designated chains, which exist (CONVENTIONS "Lead rulings" 1: a count
# of an industrial set worked on is its inventory); a verb that forms the chains before the count keeps it
CHAINS_WORKED_AFTER = re.compile(
    r"\d+[条个][^，,；;。、\d\n]{0,12}?产业链(?:(?:[融延补强建固]链){1,4}|建设走深走实|(?:高质量)?发展)(?=[，,；;。\n]|$)"
)
CHAIN_BUILT_BEFORE = re.compile(r"(?:培育|新建|建成|打造|新增|形成|构建)[ \u3000]*$")
# (BL24) candidates put to a choice (`筛选出12件民生实事候选项目，提交大会票决`, the work reports' 票决制 of livelihood
# projects; `推荐候选企业20家`): the pool to choose from, no count the text commits to; what is chosen from it is
CANDIDATES_AFTER = re.compile(r"[^，,；;。\d\n]{0,12}?候选")
CANDIDATES_BEFORE = re.compile(r"候选[\u4e00-\u9fff]{0,4}$")
# (BL25) the support given to what exists, named right after its count (`抓好69个易地搬迁点后续扶持`, `做好5个国家区域
# 医疗中心服务保障`): the count is the stock served (as 用好/发挥…作用), no count of a goal's output
SERVED_AFTER = re.compile(r"[^，,；;。、\d]{0,16}?(?:后续扶持|服务保障)(?=[，,；;。\n]|$)")
# (BL18) a scale class right after a set's count in `N大` (`A、B两大百亿级工程`, `三大千亿级产业集群`): it qualifies
# that count, as `2个百亿级工程` does (a plain Chinese count, CONVENTIONS: none), no target of its own
SET_COUNT_BEFORE = re.compile(r"[两二三四五六七八九十]大$")
LIST_NAME_HEAD = re.compile(r"(?:目录|名录|名单|清单)$")
CLASS_AFTER = re.compile(r"[ \u3000]*(?:的|[和及与、][^，,；;。\n]{0,12}[\u4e00-\u9fff])")


_CONDITION_VERBS = ("符合", "具备", "满足", "具有")
_CONDITION_ANCHORS = ("以下", "下列", "如下")


def _condition_intros(text: str) -> list[re.Match]:
    """``CONDITION_INTRO.finditer(text)``: every match opens with a verb right before 以下/下列/如下,
    so the pattern is matched only two characters before each of those (found by ``str.find``,
    much faster than the pattern's own scan of the whole text), each after the end of the last
    match, as finditer."""
    starts = set()
    for anchor in _CONDITION_ANCHORS:
        at = text.find(anchor, 2)
        while at >= 0:
            if text[at - 2 : at] in _CONDITION_VERBS:
                starts.add(at - 2)
            at = text.find(anchor, at + 1)
    found: list[re.Match] = []
    after = 0
    for start in sorted(starts):
        if start >= after and (m := CONDITION_INTRO.match(text, start)) is not None:
            found.append(m)
            after = m.end()
    return found


def condition_lists(text: str) -> list[tuple[int, int]]:
    """(start, end) of the item lists that follow a condition intro (符合以下条件之一的家庭：):
    the intro's own line, then every following line that opens with an item marker."""
    spans = []
    for intro in _condition_intros(text):
        end = text.find("\n", intro.end())
        end = len(text) if end < 0 else end
        while end < len(text):
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            if not _ITEM_LINE.match(text, end + 1, nxt):
                break
            end = nxt
        spans.append((intro.end(), end))
    return spans


_SIZE_UNIT: dict[str, bool] = {}  # unit -> is_size_unit: the units are few, the calls many
# a size per time (30万吨/年, 80立方米每秒) is a size of a plant or a flow: a size too (低于30万吨/年的煤矿: a class)
_PER_TIME = re.compile(r"(?:/|每)(?:秒|s|小时|h|日|天|年)$")


def is_size_unit(unit: str | None) -> bool:
    if unit is None:
        return False
    known = _SIZE_UNIT.get(unit)
    if known is None:
        known = _SIZE_UNIT[unit] = base_unit(unit) in SIZE_UNITS
    return known


def base_unit(unit: str) -> str:
    """The unit without its multiplier and per-time part: 万吨/年 -> 吨, 万m³/小时 -> 立方米."""
    return _PER_TIME.sub("", _MULT_PREFIX.sub("", unit)).replace("m³", "立方米")


# the rest of the clause allocates the quantity: 新增用地指标65%用于…
ALLOCATION = re.compile(r"用于|用来|投向")
# (BL28) ... unless the quantity is what a 盘活 frees (`争取年内资产盘活300亿元用于支持产业发展`, `盘活闲置土地500亩用于
# 产业项目`): the stock revived is the goal (BL21: 盘活 stays a goal), 用于 names its use afterwards
REVIVED_BEFORE = re.compile(r"盘活")

# a leading verb that is part of its indicator: 新增上市企业 counts new listings (gold keeps it)
KEPT_VERBS = ("新增", "储备")
# (BL18) acts that open a list item of their own (`新增…20家、新招收博士后…`, `…、完善扩繁群20处`): it takes no kept verb
SHARED_LEVEL = re.compile(r"[\u4e00-\u9fff]{0,3}级(?:及?以上)?")  # 县级以上, 市级以上, 国家级: a level a list shares
ITEM_OWN_ACT = re.compile(rf"新(?:招收|认定|培育|引进|建|开工)|完善|招收|{_alternation(ACTION_VERBS)}")
# (BL18) 完成 before investment is the measure's name (完成投资, 完成政府投资: investment made), kept as 新增 is
INVESTMENT_MADE = re.compile(r"(?:政府|固定资产|社会|项目)?投资(?![项计])")
VERB_COORDINATION = re.compile(r"[和与及、或]")
# Adverbs that may precede a clause's leading verb (加快培育, 每年滚动推进), and 并 between two (建成并开通).
_LEAD_ADVERBS_BODY = (
    r"(?:加快|大力|积极|着力|重点|全力|持续|进一步|加速|深入|继续|稳步|有序|全面|统筹|滚动|新|再|共|计|并|"
    r"全省|全市|全县|全区|全国|我省|我市|我县|我区)"
)
_LEAD_ADVERBS = re.compile(rf"(?:[ \u3000]|{_LEAD_ADVERBS_BODY})+")
# A predicate after a number-first noun phrase ends it: 推动5万家规模以上工业企业【数字化转型】.
NP_PREDICATE = re.compile(
    r"提供|开展|实施|完成|实现|进行|参与|参加|接受|加入|接入|上线|签约|入驻|落户|落地|投产|建成|通过|获得|纳入|"
    r"开工|竣工|投运|通车|开园|运行"
)
NEXT_ITEM_VERB_MAX = 4  # the verb of the next item after a noun-less count's 、 (启动3000户、|完成|2000户…)
# (BL12) 已/未 right after a count, before a predicate (66个|已签约|项目开工建设): the predicate qualifies the noun (the
# projects already signed), the count's own predicate comes later
DONE_ATTRIBUTE = re.compile(r"[ \u3000]*(?:已经|已|尚未|未)")
# an object opening with a quantifier after the predicate (2—3家标杆企业率先建成|若干具有…的智能单元): the 的 inside
# it belongs to the object, the predicate ends the counted noun (not 2家实现…的企业, a relative clause)
OBJECT_QUANTIFIER = re.compile(r"[ \u3000]*(?:若干|一批|一系列|一些|多个|多种|多项)")
# predicates that also modify a noun (数字化转型优秀案例, 上云企业, 应用示范项目): they end the noun
# phrase only where nothing follows them (推动5万家规模以上工业企业|数字化转型)
_NOMINAL_PREDICATES = (
    r"数字化转型|智能化改造|网络化改造|数字化改造|绿色化改造|转型升级|改造升级|上云|用云|上平台|用平台|应用|使用"
)
NP_PREDICATE_NOMINAL = re.compile(_NOMINAL_PREDICATES)
# (BL12) a chain of them closing the phrase (10万家中小企业|上云用云, …企业|上平台用平台): the whole chain is the predicate
NP_PREDICATE_NOMINAL_CHAIN = re.compile(rf"(?:{_NOMINAL_PREDICATES})+$")
# ... and the ones that are a pivot's predicate whole (带动…中小企业|上云用云, 推动…企业|数字化转型); not 应用/使用 alone,
# which close a noun (…电子证照全国标准化|应用)
PIVOT_NOMINAL_PREDICATE = re.compile(
    r"(?:数字化转型|智能化改造|网络化改造|数字化改造|绿色化改造|转型升级|改造升级|上云|用云|上平台|用平台)+"
)
# A share of a set written number-first (CONVENTIONS; seed 002, realdev notes set_c):
# 50%以上的园区|创建生态工业园区, 90%以上地区|的宽带接入速率…满足…需求.  The span ends with the set;
# the indicator is what its members do, 的, the set, 占比 (创建生态工业园区的园区占比).
_SHARE_VERB = re.compile(
    rf"{NP_PREDICATE.pattern}|{_alternation(ACTION_VERBS)}|具备|具有|拥有|达到|采用|满足|转化为|配备|使用|应用"
    r"|超过|高于|不低于|不少于"
)
_SHARE_SET = re.compile(
    r"的?(?P<set>[\u4e00-\u9fff（）()、]{1,16}?)(?:(?P<de>的)(?P<attr>[^，,；;。！？\n的]{1,20}?))?(?:基本|全部|全面|普遍|要|将|都|均|能|可)*"
)
_SHARE_PREDICATE_MAX = 30
# the next share of a list of shares written first (90%的市和|70%的县…): the sets share the predicate after the last
_NEXT_SHARE = re.compile(r"[和及与、](?=\d+(?:\.\d+)?%(?:以上|以下|左右)?的)")


def share_of(text: str, start: int, limit: int) -> tuple[int, str] | None:
    """(end of the set, indicator) for a percentage followed by a set and what its members do, else None."""
    found = share_with_predicate(text, start, limit)
    return (found[0], found[1]) if found else None


def share_with_predicate(text: str, start: int, limit: int) -> tuple[int, str, int] | None:
    """share_of and where the predicate ends.  The predicate is in the indicator: a figure in it (`70%以上的行政村|
    实现集体经济年收入20万元以上`) is the bar that defines the class counted, no target of its own (TG3)."""
    parts = _share_parts(text, start, limit)
    if parts is None:
        return None
    m, predicate, predicate_end = parts
    return m.end("set"), f"{m.group('attr') or ''}{predicate}的{m.group('set')}占比", predicate_end


def _share_parts(text: str, start: int, limit: int) -> tuple[re.Match, str, int] | None:
    """share_of's set match, the predicate its members share and where it ends (the set's end where the next share
    of a list shares it: `90%的市|和70%的县（市、区）达到…`, the later share reads the predicate itself)."""
    verb = _SHARE_VERB.search(text, start + 1, min(limit, start + 40))
    if verb is None:
        return None
    note = NOTE_OPEN.search(text, verb.start(), limit) if text.find("（", verb.start(), limit) >= 0 else None
    limit = note.start() if note else limit  # (BL12) …实施数字化改造|（市工信局牵头，…）: the note is no predicate
    if limit - verb.start() > _SHARE_PREDICATE_MAX:
        return None
    m = _SHARE_SET.fullmatch(text, start, verb.start())
    predicate_end = limit
    if m is None:
        joined = _NEXT_SHARE.search(text, start, verb.start())  # 90%的市|和70%的县（市、区）达到…: a shared predicate
        m = _SHARE_SET.fullmatch(text, start, joined.start()) if joined is not None else None
        predicate_end = m.end() if m is not None else limit
    if m is None or _SHARE_VERB.match(text, m.start("set")):
        return None  # 100%纳入教联体建设: no set is named after the number (its subject is before it)
    return m, SPACES.sub("", text[verb.start() : limit]).rstrip("）)"), predicate_end


# 选取30-50个…统筹地区|作为|“…示范”, 遴选10家企业|作为|示范企业: the role the counted are chosen for
AS_ROLE = re.compile(r"作为")
_ROLE_MAX = 20


def role_after(text: str, start: int, limit: int) -> str | None:
    """The role after 作为, up to the clause's end: short, with no digit (else None: no role phrase)."""
    stop = NP_HARD_STOP.search(text, start, limit)
    role = INDICATOR_STRIP.sub("", text[start : stop.start() if stop else limit])
    if not role or len(role) > _ROLE_MAX or any(ch.isdigit() for ch in role):
        return None
    return role


_SHARE_FIGURE = re.compile(r"\d+(?:\.\d+)?%(?:以上|以下|左右)?")


def parallel_share_of(text: str, start: int, clause_end: int, sent_end: int) -> tuple[int, str] | None:
    """(end of the set, indicator) for shares written first whose clause ends before any predicate, where the
    next clause of the sentence is parallel to it and closes with the predicate they share (承后省略, the
    ellipsis of parallel clauses: 省级部门每年要对30%以上的市和5%以上的县，市级部门每年要对30%以上的县|开展环境
    稽查: each set is a share of those the 稽查 covers)."""
    if text[clause_end : clause_end + 1] not in ("，", ","):
        return None
    own = _SHARE_SET.fullmatch(text, start, clause_end)
    if own is None:
        joined = _NEXT_SHARE.search(text, start, clause_end)
        own = _SHARE_SET.fullmatch(text, start, joined.start()) if joined is not None else None
    if own is None or _SHARE_VERB.search(text, start, clause_end):
        return None
    figures = list(_SHARE_FIGURE.finditer(text, clause_end + 1, sent_end))
    if not figures:
        return None
    other = _share_parts(text, figures[-1].end(), sent_end)
    if other is None or other[0].group("attr") or "，" in other[1] or "," in other[1]:
        return None  # the last clause's predicate only, one the sets can share (no attribute of its own set)
    return own.end("set"), f"{other[1]}的{own.group('set')}占比"


# a bracket or a quoted name inside a noun phrase belongs to it: 智能工厂（数字化车间）, 20个“5G+…”场景
# A quoted name is closed by ”, or by an ASCII " where the source pairs “ with it (`50家左右“数字经济总部"`,
# `10家左右省“一企一技术"研发中心`: GB/T 9704 quotes, typed half-width at the close); `"…"` in ASCII too.
# Still no quote across a sentence mark: `“5351"…` opening a name spans no `，`.
NP_INNER = re.compile(
    r"（[^（）\n，。；]*）|\([^()\n，。；]*\)|“[^“”\"\n，。；]*[”\"]|\"[^“”\"\n，。；]*[”\"]|《[^《》\n]*》"
)
# The measure a 分别 list shares, written on its last item only: A、B、C产业【产值】分别达到…
SHARED_MEASURE = re.compile(
    r"(?:产业)?(?:产值|营业收入|营收|主营业务收入|收入|规模|增加值|产量|产能|销售额|交易额|投资额|比重|占比|比例|"
    r"覆盖率|普及率|利用率|渗透率|装机容量|装机规模|数量|"
    # quantities of stock, traffic and land (肉牛、白鹅、生猪饲养量; 高铁、高速公路通车里程); (BL12) 客运量, 货运量 …;
    # (BL23) 种植面积 (粮食、油菜种植面积274万亩以上、35.5万亩以上)
    r"饲养量|出栏量|存栏量|吞吐量|发电量|用电量|通车里程|里程|播种面积|种植面积|人数|户数|客运量|货运量|运量|客流量)$"
)
_FILLERS_BODY = (
    r"(?:[ \u3000]|力争|争取|确保|努力|其中|同时|每年|年均|全年|到\d{4}年底?|\d{4}年底?前|(?:19|20)\d{2}年(?![\d度])|"
    r"(?:将|把)(?![来军乐近要会])|"  # 将矿工入井时间缩短到…: the object marker opens the clause, not the indicator
    r"(?:\d+|[一二两三四五六七八九十]+)年内|"
    r"年内|今年|明年|"  # a year named by the text's own (年内实现…, 今年地区生产总值增长…): a deadline span of its own
    r"(?<![^\n。；：:])(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[、.．](?!\d))|"  # a list item's marker
    r"(?<![^\n。；：:，,\u3000 ])[一二三四五六七八九十]是(?:要)?(?=[\u4e00-\u9fff])|"  # 一是…二是…: an item's ordinal
    r"[，、。；：]|"
    r"—{1,2}|[·•●▪■◆◇]"  # a list's dash or bullet opening the line (`——数字经济…比重达到10%`): no part of the indicator
    r")"
)
_FILLERS = re.compile(_FILLERS_BODY + "+")
# fillers, adverbs, then a verb not coordinated with another (新增和更新的…), repeated:
# one regex call; the match ends after the last verb of the chain
_LEADING_CHAIN = re.compile(
    rf"(?:(?:{_FILLERS_BODY}|{_LEAD_ADVERBS_BODY})*{_first_char_guard(ACTION_VERBS)}(?:{_alternation(ACTION_VERBS)})"
    rf"(?!{VERB_COORDINATION.pattern}))+"
)
_SEPARATORS = re.compile(r"(?:（[^（）\n]*）|\([^()\n]*\)|[、和及与 \u3000])+")
# (not the 等 of a word: 等级, 等次, 等同, 等于 — 新增等级旅游民宿10家 counts 等级旅游民宿)
_ENUMERATION_END = re.compile(r"等(?![级次同于])(?:更多|一批|若干)?|一批|更多|若干")
INDICATOR_STRIP = re.compile(r"[“”\"‘’《》 \u3000]")
INDICATOR_TRAILING = re.compile(
    r"(?:年均|每年|(?<![人户村亩平日月次台家])均|都|分别|实现|要|将|力争|争取|确保|加快|全部|"
    # a change verb with its 至/到 is the comparator phrase, not the measure (处方用药量|放宽至3个月, as
    # CONVENTIONS' 矿工入井时间|缩短到八小时以内): the verbs VERB_COMPARATOR does not list
    r"(?:放宽|延长|放开)[至到])+$"
)
_TRAILING_LAST = frozenset("均年都别现要将争取保快部至到")  # the last characters of INDICATOR_TRAILING's words


def strip_trailing_words(s: str) -> str:
    """``INDICATOR_TRAILING.sub("", s)`` for a stripped ``s``: only where its last character can
    end one of the words (the ``$``-anchored search otherwise tries every position in vain)."""
    return INDICATOR_TRAILING.sub("", s) if s[-1:] in _TRAILING_LAST else s


# a list item's marker before its indicator (2.错退率不大于2%, （一）家庭保障人口…)
MARKER_FIRST = frozenset("（(一二三四五六七八九十0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
INDICATOR_MARKER = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．](?!\d)|[①-⑳]|[一二三四五六七八九十]是)"
)  # (三是实现…参合率: 一是/二是 enumerate the tasks of a paragraph)
# framing that says which part of a whole is meant, not what is measured: 以大数据为代表的|数字经济规模
INDICATOR_FRAME = re.compile(r"^[^，,；;。]{0,4}以[^，,；;。的]{1,24}为(?:代表|重点|主体|核心|引领|龙头|主)的")
# 每个县市区至少引进1个外资项目: the distribution is part of what is measured; (BL15) a bracketed list of the place's
# kinds is one element of its name (每个县（市、区）至少建成一所…: the 、 inside the bracket ends no distribution)
DISTRIBUTIVE = re.compile(
    r"每(?:个|家|所|条|一个)(?:[\u4e00-\u9fff]|[（(][^（）()\n]{1,8}[）)]){1,8}?"
    r"(?=至少|力争|均|都|要|分别|[^\u4e00-\u9fff（）()])"
    r"|(?:[省市县区乡镇村][、和及]?){1,4}各级"  # 省、市、县各级100个高频事项
)
# a level alone (市、县级不低于70%) inherits the measure of the target before it
LEVEL_ONLY = re.compile(r"^(?:[省市县区乡镇村][、和及与]?)+级?$")
LEVEL_PREFIX = re.compile(r"^(?:[省市县区乡镇村][、和及与]?)+级")
# a list item that is a level alone (国家级、省级龙头企业各2家): it counts the last item's noun at its own level
# (BL28) also 自治区级 (a province's level: `新增2家国家级、20家自治区级创新创业平台`) and a scale class alone
# (`储备87个百亿元级、964个十亿元级、1965个亿元级项目`): the noun is written once, on the last item
_LEVELS = r"国家|自治区|自治州|省|市|县|区|乡镇|村"
_SCALE_LEVEL = r"[十百千万]*亿元?级"
LEVEL_ITEM = re.compile(rf"^(?:(?:{_LEVELS})级?|{_SCALE_LEVEL})$")
LEVEL_ITEM_PREFIX = re.compile(rf"^(?P<level>{_SCALE_LEVEL}|{_LEVELS})(?:[两三四]?级)?")
# the urban and rural halves of a population or an area, written once for the shared noun after the last
_URBAN_RURAL = r"城镇|城市|城区|县城|农村|乡村"  # (TG2) 县城: 城市和县城生活污水处理率
URBAN_RURAL = re.compile(_URBAN_RURAL)
URBAN_RURAL_PREFIX = re.compile(rf"(?:{_URBAN_RURAL})(?=[\u4e00-\u9fff]{{2}})")
LEVEL_NOUN_MAX = 12  # the shared noun of a level list is short (科技人才, 龙头企业)
# (BL12) a list of places whose measure is written on the last one only (`海淀区、朝阳区、北京经济技术开发区数字经济增加
# 值占地区生产总值比重均达到50%以上`): every place has that measure, as a 分别 list's shared measure (CONVENTIONS)
PLACE_ITEM = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|盟|旗)")
# (lead) a 分别 list of thresholds of one class (集体经济年收入30万元、50万元、100万元以上的村分别达到…, 营业收入超10亿元、
# 50亿元的企业分别达到…): the first item writes the measure before its value, the last the class after it; the items
# between are values alone. Each item is the class at its own threshold.
THRESHOLD_VALUE = (
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:万亿|亿|千万|百万|万|千)?(?:元|人|户|家|吨|亩|个)?"
)
THRESHOLD_FIRST = re.compile(rf"(?P<head>[\u4e00-\u9fff]{{2,}}?(?:超过|超|达到|达|在)?)(?P<value>{THRESHOLD_VALUE})")
THRESHOLD_MIDDLE = re.compile(THRESHOLD_VALUE)
THRESHOLD_LAST = re.compile(rf"(?P<value>{THRESHOLD_VALUE})(?P<tail>(?:及以上|以上|以下)?的[\u4e00-\u9fff]{{1,12}})")
# ... and what follows a threshold up to the list's 分别: the next values, the class (…、50亿元的企业|分别): no goal of its own
THRESHOLD_TO_FENBIE = re.compile(
    rf"(?:[、和及与]{THRESHOLD_VALUE})+(?:及以上|以上|以下)?的[\u4e00-\u9fff]{{1,12}}?[ \u3000]*分别"
)
# the product a list of specifications is set for: 信噪比达到70dB、…的|声学传感器|实现量产
OWNER_AFTER = re.compile(
    r"(?:[（(][^）)\n]{0,12}[）)])?(?:[、][^，,；;。\n]{0,30}?)?的(?P<owner>[^，,；;。、的\n]{2,14}?)(?=实现|在|[，,；;。\n]|$)"
)
OWNER_NOT = re.compile(r"目标|水平|要求|标准|任务|基础|规模|比重|能力")
# 和/及 before another count starts the next item of a number-first list
NEXT_ITEM = re.compile(
    r"[和及与、](?=(?:\d|[一二两三四五六七八九十百千]+[个家项条所座名]|多[个家项条所座名]|若干|一批))"
)
# an earlier item of a 、 list that is a task of its own (ends in its predicate), not a shared noun
DONE_ITEM = re.compile(r"(?:实现|完成)[^、，,；;。]{0,4}、|(?:运营|运行|清零|达标|全覆盖|投产|开工|竣工|通车)、")
# 企业用电成本|由2.44万元|下降至: the start value is context, not part of the indicator; it holds a
# number (自由贸易试验区, 从业人员 are words, not a start value)
INDICATOR_FROM = re.compile(
    r"(?<![自理经缘])(?:由|从)(?=[^，,；;。由从]*[\d一二两三四五六七八九十百千万亿])[^，,；;。由从]*$"
)
# the words one of which a rule clause holds (a quick test before the three patterns below)
RULE_CLAUSE_WORDS = re.compile(r"由|从|预计|预测|预期将|放宽")  # (放宽: RULE_RELAXED, TG13)
# 由2.44万元下降至1.708万元: a cut of a price or fee (a measure taken, CONVENTIONS), not a goal
FEE_CUT = re.compile(r"(?:由|从)[^，,；;。]{0,12}?元[^，,；;。]{0,4}?(?:下降|降低|减少|下调|降)")
# targets._named_places_before: a 、-list of two or more place names sharing a region word at its end
NAMED_PLACES = re.compile(
    r"[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+(?:经济圈|都市圈|城市群|经济区|经济带|片区|地区|市|县|区)"
)
INDICATOR_SCOPE = re.compile(r"^(?:全省|全市|全县|全区|全国|我省|我市|我县|我区)")
_ITEM_SPLIT_COMMA = re.compile(r"、")
_ITEM_SPLIT_WORD = re.compile(r"[和与]")
_DE = "的"


def skip_fillers(text: str, pos: int, limit: int) -> int:
    """Skip time phrases and framing words (力争, 全省…) that open a clause."""
    m = _FILLERS.match(text, pos, limit)
    return m.end() if m else pos


def leading_verbs_end(text: str, pos: int, limit: int) -> int | None:
    """End of the chain of action verbs (and adverbs) that opens a clause (每年滚动推进|技术改造项目…),
    or None when the clause does not open with one."""
    m = _LEADING_CHAIN.match(text, pos, limit)
    return m.end() if m else None


def skip_lead_adverbs(text: str, pos: int, limit: int) -> int:
    m = _LEAD_ADVERBS.match(text, pos, limit)
    return m.end() if m else pos


def skip_separators(text: str, pos: int, limit: int) -> int:
    m = _SEPARATORS.match(text, pos, limit)
    return m.end() if m else pos


def last_match(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The last of ``pattern``'s (non-overlapping) matches in ``text[start:end]``, or None."""
    last = None
    for last in pattern.finditer(text, start, len(text) if end is None else end):
        pass
    return last


def last_enumeration_end(text: str, start: int, end: int) -> int | None:
    """End of the last 等/一批 before the number (…智能家电等3个…, 等一批规模达到…)."""
    if not (
        text.find("等", start, end) >= 0
        or text.find("一批", start, end) >= 0
        or text.find("更多", start, end) >= 0
        or text.find("若干", start, end) >= 0
    ):
        return None  # every match holds one of the four (most windows: no scan at all)
    last = last_match(_ENUMERATION_END, text, start, end)
    return last.end() if last else None


# a generic noun after …等 (项目, 工程): the list before it says what is counted; a specific one (泵站, 地铁, 水库)
# says it itself, and the list only samples its members (将军路、竹林湖等5座泵站: 泵站)
GENERIC_HEADS = frozenset(
    ("工程", "项目", "任务", "行动", "工作", "活动", "事项", "举措", "措施", "领域", "方面", "类")
)


def list_names_generic(text: str, cut: int, noun: str) -> bool:
    """滦河生态修复、潮河总氮治理等|工程: a bare 等 before a generic noun (GENERIC_HEADS)."""
    return text[cut - 1] == "等" and noun in GENERIC_HEADS


def split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of a 、-separated (else 和/与-separated) list in text[start:end].

    Separators inside brackets belong to an item: 绿色工业园区（产业集群、产业集聚区）.
    """
    items = []
    pos = start
    splitter = _ITEM_SPLIT_COMMA if _ITEM_SPLIT_COMMA.search(text, start, end) else _ITEM_SPLIT_WORD
    for sep in splitter.finditer(text, start, end):
        if inside_brackets(text, start, sep.start()):
            continue
        if sep.start() > pos:
            items.append((pos, sep.start()))
        pos = sep.end()
    if end > pos:
        items.append((pos, end))
    return items


def split_at_ji(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(BL28) The two items of `A及B` before 各 (`示范性高中及特色高中各1所`: 各 gives each its count), one 及 outside
    brackets, each side a noun of two characters or more; else the whole span as one item."""
    at = text.find("及", start, end)
    if at < 0 or text.find("及", at + 1, end) >= 0 or inside_brackets(text, start, at):
        return [(start, end)]
    if at - start < 2 or end - at - 1 < 2:
        return [(start, end)]
    return [(start, at), (at + 1, end)]


# (TG2) quoted names written side by side without a separator (`“微改革”“微应用”各50项`): each quote is an item
_QUOTED_RUN = re.compile(r"(?:[“\"][^“”\"\n]{1,16}[”\"]){2,}")
_QUOTED_ITEM = re.compile(r"[“\"][^“”\"\n]{1,16}[”\"]")


def split_quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted names of ``text[start:end]`` when it is only a run of two or more of them, else the whole span."""
    if not _QUOTED_RUN.fullmatch(text, start, end):
        return [(start, end)]
    return [m.span() for m in _QUOTED_ITEM.finditer(text, start, end)]


BRACKET_CHARS = re.compile(r"[（()《]")
QUOTE_CHARS = re.compile(r"[“\"]")


def inside_quotes(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` sits inside a quoted name (“24小时不打烊”, “1个专班+8个工作组”) opened after ``start``.

    An ASCII " may close a “ (`每年新培育10家左右省“一企一技术"研发中心、10家左右…`: the source types the
    closing quote half-width, see NP_INNER), so after a “ left open it counts as its close first.
    """
    unclosed = text.count("“", start, pos) - text.count("”", start, pos)
    ascii_quotes = text.count('"', start, pos)
    if unclosed > 0:
        inside = ascii_quotes < unclosed or (ascii_quotes - unclosed) % 2 == 1
        return inside and _QUOTE_CLOSE.search(text, pos).group() in ("”", '"')
    return ascii_quotes % 2 == 1


# what comes first after a position: a closing quote, or the end of the sentence.  A quoted name closes in its
# sentence; a “ the sentence never closes is a garbled character of the source (PDF text: `《A》“《B》等在内的20项
# 以上急需标准`, where a 、 became “), and the figures after it are not inside a name.
_QUOTE_CLOSE = re.compile(r'[”"。；;！？!?]|\Z')


# (BL25) a bracket right after a count that names a part of the set with its own count (`建成示范村100个（精品村20个）`,
# `新建学校10所（其中高中2所）`, counted by the same measure word): the part's count is a goal as `，其中新增20家` is
# (docs/extraction-conventions.md); other brackets hold notes, and a measure of the same works (`拓浚河道14条（治理河长35.4公里）`) is no part
PART_IN_BRACKET = re.compile(
    r"\d[万亿]?(?P<unit>[个家项所座处条户名套张台])[（(](?:其中)?(?!含)[^（）()，,。；;：:\d]{1,12}$"
)
PART_BRACKET_CLOSE = re.compile(r"[ \u3000]*[）)]")
PART_BRACKET_OPEN = re.compile(r"[（(](?:[ \u3000]*其中)?[ \u3000]*(?=[^（）()]*$)")


def inside_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` sits inside （…） or 《…》 opened after ``start``."""
    count = text.count
    return (count("（", start, pos) + count("(", start, pos) > count("）", start, pos) + count(")", start, pos)) or (
        count("《", start, pos) > count("》", start, pos)
    )


MODIFIER_MAX = 16
# (BL14) An act written as the noun after 的 (`完成200项以上国家、行业标准的制修订`, `30个以上省级、市级平台的建设`): the
# count counts the act's object, the modifier before 的, and the act says what is done to it; the head alone is a
# fragment (README: an indicator is never one), so the modifier stays even where it is a list or a long clause.
ACT_NOUN_HEAD = re.compile(
    r"制修订|制定|修订|编制|建设|改造|改造提升|提升改造|升级|创建|认定|认证|培育|推广|应用|部署|实施|治理|整治|修复"
)


# a field the counted things are in, opening the noun phrase (100个|在研发设计、…等领域单项应用取得突出成效的
# 典型项目): where, not what; the indicator starts after it
_LOCATIVE_LEAD = re.compile(r"^在[^，,；;。的]{1,40}?(?:领域|方面|行业|环节)(?=[\u4e00-\u9fff“])")
# the members a `…等` list names before the class it counts (10个左右|新型智能终端、超高清视频等数字产业集群,
# “银龄数字课堂”等数字技术应用教学活动): the class is the indicator (GUIDE: as short as stays unambiguous).  The
# list is 、-joined or quoted; 等 of a word (高等, 中等, 同等, 等级) is not its end.
_LISTED_CLASS_MIN = 4  # a class shorter than this (标准, 项目) says too little alone: the members stay
_LISTED_MEMBERS = re.compile(
    r"^(?=[^等]*?[、”\"》])[^，,；;。]*[^高中初平同均对相上优特一二三四五六七八九十]等(?![级次同于])"
)


def head_noun(noun_phrase: str) -> str | None:
    """What a number-first noun phrase counts: the noun with the 的-modifier that says which
    (具有行业或区域影响力的公共服务平台, 收入过200亿元的软件产业集群: CONVENTIONS, a researcher's
    column header), but not a list of praise or a long clause (建设水平突出、发展成效明显的|数字产业园区)."""
    noun_phrase = noun_phrase.strip()
    noun_phrase = _LOCATIVE_LEAD.sub("", noun_phrase, count=1) or noun_phrase
    # (every match ends with its 等: the match, ~10 µs a phrase, only where the phrase holds one)
    listed = _LISTED_MEMBERS.match(noun_phrase) if "等" in noun_phrase else None
    if listed and len(noun_phrase) - listed.end() >= _LISTED_CLASS_MIN:
        noun_phrase = noun_phrase[listed.end() :]
    noun = INDICATOR_STRIP.sub("", noun_phrase).strip()
    if noun.startswith(_DE):
        noun = noun[1:]
    if _DE in noun:
        modifier, head = noun.rsplit(_DE, 1)
        long_or_listed = "、" in modifier or len(modifier) > MODIFIER_MAX
        if head and ((long_or_listed and not ACT_NOUN_HEAD.fullmatch(head)) or _EACH_HOLDS.match(modifier)):
            noun = head
    return noun or None


# ------------------------------------------------------------------ TG13 (realwr: 政府工作报告 conventions)
# A count of classes of people (`推进7类特殊困难老年人探访关爱服务`, `N类人员`): the categories a policy defines
# for whom it serves (a scope), not an output a later check counts (README: thresholds and classes); a count of
# classes of things stays (`推进120类高频电子证照“免提交”`: what is to be covered).
PEOPLE_CLASSES_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?{PEOPLE_NOUN}|[^，,；;。]{{0,4}}?(?:群体|人群|对象)")
# `A、B各新增1000家`: 各 then a kept verb right before the count distributes it over the items (as 各N); the verb
# stays in each item's indicator (`国家高新技术企业新增`)
EACH_KEPT_VERB = re.compile(rf"各(?P<verb>{'|'.join(KEPT_VERBS)})$")
# A rule's limit relaxed or extended (`将处方用药量放宽至3个月`, `…期限延长至…`): the new cap of a rule (CONVENTIONS:
# caps of a rule are no targets), as 由…调整为
RULE_RELAXED = re.compile(r"放宽(?:至|到|为)$")
# An area of land written before the land it measures (`完成50万亩以上高标准农田建设任务`, `建设10万亩以上高标准农田`):
# the extent of the work, not a class of members by their size (`产能120万吨以上煤矿`, `30万亩以上大型灌区`: a
# countable noun after the bound); land is a mass noun, measured, not counted
LAND_AFTER = re.compile(r"[ \u3000]*[\u4e00-\u9fff]{0,6}?(?:农田|耕地|林地|草地|草原|草场|湿地|绿地|土地|造林|森林)")
AREA_UNITS = frozenset({"亩", "公顷", "平方公里", "平方千米"})
# (BL23) land measured in 亩/公顷 before the 项目/工程 an act does on it (`完成20万亩高标准农田建设项目`): the works' extent;
# (BL25) also before a base's construction (`、16.53万亩国家储备林基地建设`), the land the work plants or builds
LAND_AREA_UNITS = frozenset({"亩", "公顷"})
WORKS_HEAD = re.compile(r"(?:项目|工程)$")
# A plant's capacity right after the name of its owner or site (`推动中石化南港120万吨乙烯投产`, `国能化工30万吨PGA…`): the
# size names one plant (docs/extraction-conventions.md: sizes naming a project, `30万吨PGA项目`), whether or not 项目 follows; a capacity right
# after the verb (`新增装机容量200万千瓦`, `建设120万吨…`) is not inside a name
PLANT_CAPACITY_UNITS = frozenset({"吨", "千瓦", "兆瓦", "吉瓦", "千伏安", "标箱", "标准箱", "GW", "MW"})
NAME_BEFORE_SIZE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}$")
# a project's milestone (开工, 完工, 竣工, 投产 …) as a whole indicator after a previous target of its list
# (`老旧小区综合整治新开工300个、完工200个`): the milestone of the same subject, which it shares
# (targets._continued_measure); the previous indicator's own milestone, if it kept one, is left out
MILESTONE = r"(?:新开工|开工|完工|竣工|建成|投产|投运|投用|开通|交付)"
BARE_MILESTONE = re.compile(MILESTONE)
# an act on the objects of the previous target of its list, written without them (`新建高标准农田14.5万亩、提升改造13万亩`,
# `保障性租赁住房3万套、配租1.5万套`, `开工70个、续建130个`): the objects are shared, the act is the item's own
BARE_ACT = re.compile(r"(?:续建|改建|扩建|提升改造|改造提升|改造|配租|配售|供应|出让|收储)")
LEADING_ACT = re.compile(r"^(?:新开工|开工|新建|新增|建设|筹集建设|筹集|筹建|整备|新整备|实施)+")
TRAILING_MILESTONE = re.compile(rf"{MILESTONE}$")
# (BL25) the act or milestone opening the previous target's indicator, left out where `其中` + a milestone names a
# part of the same set (`开工70个、续建130个，其中竣工50个`: 竣工 + the projects)
LEADING_STAGE = re.compile(rf"^(?:{MILESTONE}|{BARE_ACT.pattern}|{LEADING_ACT.pattern[1:-1]})+")
