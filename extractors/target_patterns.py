"""Compiled patterns and word lists for the targets extractor (extractors/targets.py).

Everything here is built once at import.  Word lists that a reader may want
to extend for other provinces' wording live in extractors/data/target_*.txt.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractors.char_positions import CharSet
from pipeline.core.numerals import ARABIC_RE, RANGE_SEP_RE

_DATA = Path(__file__).parent / "data"


def _word_list(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    words = {w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")}
    return sorted(words, key=len, reverse=True)  # longest first: 个百分点 before 个


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _unit_alternation(words) -> str:
    """Longest first.  Latin units (EFLOPS, Gbps) match in any letter case, except a
    single letter (5000P); none may run on into a Latin word (5000PUE, 2P2P)."""

    def one(w: str) -> str:
        if not (w.isascii() and any(c.isalpha() for c in w)):
            return re.escape(w)
        body = re.escape(w) if len(w) == 1 else f"(?i:{re.escape(w)})"
        return body + "(?![A-Za-z])"

    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))


MEASURE_UNITS = _word_list("measure_units.txt")  # units of measure of a target (家, 个, %, 亿元); not organisations
ACTION_VERBS = _word_list("target_action_verbs.txt")

# ------------------------------------------------------------------ quantity
_SP = r"[ \u3000]?"  # normalisation removes spaces in numbers; tolerate one anyway
# Chinese numerals without 万/亿 (those become part of the unit: 500万千瓦);
# 千 before 瓦/米/克 is the unit prefix, not the numeral.
_CN_DIGIT = r"(?:[一二两三四五六七八九十百]|千(?![瓦米克卡]))"
_CN_NUM = rf"{_CN_DIGIT}(?:[零〇]|{_CN_DIGIT})*"
_ARABIC_RANGE = rf"(?:{ARABIC_RE})(?:{_SP}{RANGE_SEP_RE}{_SP}(?:{ARABIC_RE}))?"
_SCALE = rf"(?:{ARABIC_RE}|{_CN_NUM})?(?:万亿|亿)级"
_MULT = r"万亿|千万|百万|十万|万|亿"

QUANTITY = re.compile(
    # the leading lookahead lets the scan skip non-numeral positions fast (8x)
    rf"""(?=[\d一二两三四五六七八九十百千万亿])(?<![\d.,第前A-Za-z])  # not in P2P, PM2.5
    (?:
        (?P<scale_num>{ARABIC_RE}|{_CN_NUM})?(?P<scale_mult>万亿|亿)级       # 百亿级, 200亿级
      | (?P<num>{_ARABIC_RANGE}|{_CN_NUM}){_SP}(?P<mult>{_MULT})?(?P<approx>余|多)?{_SP}
        (?P<unit>{_unit_alternation(MEASURE_UNITS)})
        (?P<cls>(?<=个)[“"]?{_SCALE})?                                    # 两个百亿级
      | 百分之(?P<pct>{_CN_NUM}(?:点[零〇一二两三四五六七八九]+)?|{ARABIC_RE})   # 百分之六十
      | (?P<bare>{_ARABIC_RANGE})(?={_SP}(?:左右|以上))                    # 项目800左右
      | (?:(?<=达到)|(?<=突破)|(?<=超过)|(?<=不低于)|(?<=达)|(?<=不高于)|(?<=不超过)|(?<=不大于)
         |(?<=低于)|(?<=控制在)|(?<=降至)|(?<=降到)|(?<=降低到)|(?<=下降到)){_SP}
        (?P<index>{ARABIC_RE})(?=[，,；;。、）)\n]|{_SP}(?:以上|以下|以内|左右))                         # 指数达到110, PUE不高于1.25
    )
    (?:{_SP}(?P<qual>及以上|以上|及以下|以下|以内|之内|左右))?""",
    re.X,
)
# units that describe who or what is counted (3岁以下婴幼儿) rather than a goal, unless a verb sets them
MODIFIER_UNITS = frozenset({"岁"})
# a duration followed by 内 bounds a task (3天内反馈), unless a verb makes it a goal (控制在3天以内)
DURATION_UNITS = frozenset({"天", "个月", "小时", "分钟", "秒", "工作日", "个工作日"})
WITHIN_AFTER = re.compile(r"[ \u3000]?(?:之内|以内|内)")
HAS_NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千]")
HAS_DIGIT = re.compile(r"\d")
SPACES = re.compile(r"[ \u3000]+")

# ------------------------------------------------------------------ comparators
QUALIFIER_COMPARATOR = {
    "及以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "左右": "~",
}
VERB_COMPARATOR = {
    **dict.fromkeys(["达到", "达", "突破", "不低于", "不少于", "不小于"], ">="),
    **dict.fromkeys(["超过", "超", "高于", "大于", "多于"], ">"),
    **dict.fromkeys(["不超过", "不高于", "不多于", "控制在", "控制到", "低于", "少于", "小于"], "<="),
    **dict.fromkeys(["约", "大约", "近"], "~"),
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
            "下降到",
            "压缩到",
            "压缩至",
            "缩短到",
            "缩短至",
            "减少到",
            "扩大到",
            "扩大至",
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
# the verb right before the number ("均" / "都" may sit before it: A、B均达到90%)
# a rate may sit between a verb and its number (达到每百亩1.5公里, 达到每周1000架次): two-character verbs only,
# so that 为/占 before 每… do not become comparators
CMP_BEFORE = re.compile(
    rf"(?P<verb>{_alternation(VERB_COMPARATOR)}){_SP}$"
    rf"|(?P<rate_verb>{_alternation(v for v in VERB_COMPARATOR if len(v) > 1)}){_SP}每[^\d，,；;。：:\n]{{1,3}}$"
)
PER_RATE_WIDTH = 4
CMP_AFTER_FENBIE = re.compile(rf"分别(?P<verb>{_alternation(VERB_COMPARATOR)})")
ACTION_VERB = re.compile(_alternation(ACTION_VERBS))
# 至少建设1个…: a floor written before the verb
AT_LEAST_BEFORE = re.compile(r"(?:至少|最少|不少于)[^，,；;。\n]{0,4}$")

# ------------------------------------------------------------------ boundaries
CLAUSE_END_CHARS = CharSet("，,；;：:。！？!?\n")
SENTENCE_END_CHARS = CharSet("。！？!?\n")
LINE_END_CHARS = CharSet("\n")
NP_STOP = re.compile(r"[，,；;：:。！？!?\n（(“\"《]")
NP_AFTER = re.compile(r"的")
# only a qualifier or the clause's end after a quantity: 年均增长20%以上【；】
CLAUSE_END_AFTER = re.compile(r"[ \u3000]*(?:[，,；;：:。！？!?\n（(]|$)")  # 50%以上的园区: the noun follows the number

# ------------------------------------------------------------------ exclusions
# Granting money makes a subsidy rule: from the clause that grants it to the end of the
# sentence (the grant and its caps), plus the condition clauses right before it.
# A goal earlier in the same sentence stays a goal (每年新建X20个，对新建X按…给予补助).
SUBSIDY = re.compile(r"给予|予以|奖励|补助|补贴|奖补|资助|贴息|一次性")
# a clause that states the condition of a grant: 对新认定的…, 首次突破10亿元的
SUBSIDY_CONDITION = re.compile(
    r"[ \u3000]*(?:对|凡|针对|按照|按|依据|根据|符合|经|获得|获批|首次|新认定|被认定|被评为)|.*的[ \u3000]*$"
)
# A rule with a condition: 对年用电量500万千瓦时以上的企业，电价下降…
# Its condition never holds a goal; a bound set for what it covers (…的贷款，担保费率降至1%以下)
# is one: a quantity after the condition, with a comparator verb, not money (电价下降0.05元/千瓦时).
CONDITIONAL_RULE = re.compile(r"[ \u3000]*(?:对|凡)[^，。\n]*的[^，。\n]{0,6}，")
# Statements of the present or past.
PRESENT = re.compile(r"已经|已有|已达|已建|已形成|已累计|现有|目前|当前|同比|比上年|较上年|上年|去年|今年以来|共有")
# A year not introduced as a deadline (到/至), a baseline (比/较/与) or a range.
BARE_YEAR = re.compile(
    r"(?<![到至比较与\d\-—～~])((?:19|20)\d{2})年(?!底?前|以前|之前|起|内|以来|后|基础上|的基础上|水平|[-—～~）)])"
)
# a parameter of a rule, not a goal: 单次交易限值提高至5000元, 补助标准提高到每人1000元
RULE_PARAMETER = re.compile(r"限值|限额|上限|下限|额度|标准|门槛|起付线|封顶线")
BUDGET = re.compile(r"资金|基金|财政|预算|安排|设立|筹集|拨付|补助|奖励|补贴|奖补")
# Money whose clause says it is an outcome (leveraged investment, output, revenue) is a
# goal even when an earlier clause of the sentence sets up a fund: 基金安排100亿元，带动社会资本投入超过1000亿元.
GOAL_MONEY = re.compile(
    r"带动|撬动|拉动|吸引|产值|营业收入|营收|收入|增加值|销售额|交易额|进出口|出口额|税收|社会资本|社会投资|投资额|总投资"
)
START_VALUE_BEFORE = re.compile(r"[从由]$")
START_VALUE_AFTER = re.compile(r"(?:向|到|提高到|提升到|增长到|增加到|扩大到|提高至|提升至)")
# after money or a scale class, a count in the same clause (…产业集群2个, …企业达到20家)
COUNT_LATER = re.compile(rf"(?:(?!亿级|亿元|万元).)*?(?:\d+|[一二两三四五六七八九十]+){_SP}[个家]")
CONDITION_HEAD = re.compile(r"对|凡是|凡|针对|鼓励|支持|引导")
RECURRING = re.compile(r"每年|年均|年平均|每一年")
GOAL_HEADING = re.compile(r"目标|指标")
# A bare year opening a clause of a plan (2024年，全市…达到…) bounds its goals like 到2024年
# when it is not before the document's year (checked in targets.py); not when the year is the
# subject (2024年是…) or a look-back (2024年以来) -- the same rule as extractors/deadlines.py.
OPENING_YEAR = re.compile(
    r"(?=(?:19|20)\d\d年)(?<![^。；！？，;,!?\n])((?:19|20)\d{2})年"  # lookahead first: a fast scan
    r"(?![ \u3000]*(?:是|为|以来|以前|以后|前|后|起|度|底|末|初|内|的|全年|上半年|下半年|第|和|与|及|、|至|到|[-－—–~～〜]|（|\(|\d|[一二三四五六七八九十]月))",
)
OPENING_WINDOW = 8  # a deadline this close to a section's heading end opens its first paragraph
# 均/都 right before the verb: A、B均达到90% is one target per item
LIST_SHARED = re.compile(rf"[均都](?=(?:{_alternation(VERB_COMPARATOR)}))")
# the rest of the clause allocates the quantity: 新增用地指标65%用于…
ALLOCATION = re.compile(r"用于|用来|投向")

# a leading verb that is part of its indicator: 新增上市企业 counts new listings (gold keeps it)
KEPT_VERBS = ("新增",)
VERB_COORDINATION = re.compile(r"[和与及、或]")
# Adverbs that may precede a clause's leading verb (加快培育, 每年滚动推进).
_LEAD_ADVERBS_BODY = (
    r"(?:加快|大力|积极|着力|重点|全力|持续|进一步|加速|深入|继续|稳步|有序|全面|统筹|滚动|新|再|共|计|"
    r"全省|全市|全县|全区|全国|我省|我市|我县|我区)"
)
_LEAD_ADVERBS = re.compile(rf"(?:[ \u3000]|{_LEAD_ADVERBS_BODY})+")
# A predicate after a number-first noun phrase ends it: 推动5万家规模以上工业企业【数字化转型】.
NP_PREDICATE = re.compile(
    r"数字化转型|智能化改造|网络化改造|数字化改造|绿色化改造|转型升级|改造升级|上云|用云|上平台|"
    r"提供|开展|实施|完成|实现|进行|参与|参加|接受|加入|接入|上线|签约|入驻|落户|投产|建成|通过|获得|纳入|应用|使用"
)
# The measure a 分别 list shares, written on its last item only: A、B、C产业【产值】分别达到…
SHARED_MEASURE = re.compile(
    r"(?:产业)?(?:产值|营业收入|营收|主营业务收入|收入|规模|增加值|产量|产能|销售额|交易额|投资额|比重|占比|比例|"
    r"覆盖率|普及率|利用率|渗透率|装机容量|装机规模|数量)$"
)
_FILLERS_BODY = (
    r"(?:[ \u3000]|力争|争取|确保|努力|其中|同时|每年|年均|全年|到\d{4}年底?|\d{4}年底?前|(?:19|20)\d{2}年(?![\d度])|"
    r"(?:\d+|[一二两三四五六七八九十]+)年内|"
    r"[，、。；：])"
)
_FILLERS = re.compile(_FILLERS_BODY + "+")
# fillers, adverbs, then a verb not coordinated with another (新增和更新的…), repeated:
# one regex call; the match ends after the last verb of the chain
_LEADING_CHAIN = re.compile(
    rf"(?:(?:{_FILLERS_BODY}|{_LEAD_ADVERBS_BODY})*(?:{_alternation(ACTION_VERBS)})(?!{VERB_COORDINATION.pattern}))+"
)
_SEPARATORS = re.compile(r"(?:（[^（）\n]*）|\([^()\n]*\)|[、和及与 \u3000])+")
_ENUMERATION_END = re.compile(r"等(?:更多|一批|若干)?|一批|更多|若干")
INDICATOR_STRIP = re.compile(r"[“”\"‘’《》 \u3000]")
INDICATOR_TRAILING = re.compile(r"(?:年均|每年|均|都|分别|实现|要|将|力争|争取|确保)+$")
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


def last_enumeration_end(text: str, start: int, end: int) -> int | None:
    """End of the last 等/一批 before the number (…智能家电等3个…, 等一批规模达到…)."""
    last = None
    for last in _ENUMERATION_END.finditer(text, start, end):
        pass
    return last.end() if last else None


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


def inside_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` sits inside （…） or 《…》 opened after ``start``."""
    segment = text[start:pos]
    return (segment.count("（") + segment.count("(") > segment.count("）") + segment.count(")")) or (
        segment.count("《") > segment.count("》")
    )


def head_noun(noun_phrase: str) -> str | None:
    """The head of a number-first noun phrase: 具有全球领先水平的世界级集群 -> 世界级集群."""
    noun = INDICATOR_STRIP.sub("", noun_phrase).strip()
    if noun.startswith(_DE):
        noun = noun[1:]
    if _DE in noun:
        noun = noun.rsplit(_DE, 1)[1] or noun
    return noun or None
