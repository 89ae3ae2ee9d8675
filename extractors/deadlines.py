"""Deadlines: time bounds on goals and tasks (GUIDE label ``deadline``).

The rules below (rule records, :mod:`extractors.rules`) scan the text in one
guarded alternation; each rule's function turns a match into a row or drops
it, and :func:`write` then resolves the year of month-only bounds.  Kinds:

- ``by``: 到/至/截至 + date, date + 前/之前/底前/前后 (a bracketed weekday between: ``4月26日（周五）前``),
  ``到“十四五”末``, a plan's phase schedule (``“十一五”期间前两年`` 2007, ``后三年`` 2010),
  a window of months for a task or a phase (``组织实施阶段（2023年8月—2024年6月）``, ``于6月至7月组织自查``) at its last
  month's year (a year written in it, a phase's bracket or 于/在 before it: ``1-6月，…增长`` is a statistic's),
  ``年底前``/``今年年底前``/``明年内``, ``明年6月底前`` (the document's year + 1),
  month-only bounds with a completion verb (``5月底完成``, ``6月份启动``, ``12月建成``),
  quarters (``一季度末前``), ``完成2024年…任务``, festivals and the flood season with a
  completion verb (``“十一”前建成``, ``汛前完成``), a season's arrival (``在迎峰度夏来临前``,
  ``台风来临前的电煤抢运``) or its eve with a completion verb (``入冬前完成``), a schedule's steps opening their line
  (``7月2日，区教育局…公布``), date windows with or without a written year
  (``6月27日10：00—7月1日15:00``: its last day), a completion-time label or a task table's
  completion-time column in any layout ``org_tables`` reads, one cell a line too (``完成时限：2024年6月``, a cell
  ``2025年`` or ``6月``; ``长期坚持``/``持续推进`` there name no time), an inspection's
  eve bounding a task (``确保检查验收前入住…``: year null), a dated schedule's first step (``一九八八年先在…试点``)
  and a decision's content (``会议讨论决定，一九八七年发行…``), a plan's vision year (``展望2035年，…``), a year right
  before a completion verb in a plan's clause (``某某项目2025年开工，2027年建成``)
- ``from``: 从/自 + date + 起/开始, date + 起, ``从今年起``/``自明年开始``, ``自印发之日起``/``自本办法实施之日起``/``即日起``/``本意见开始实施之日起``
  (the issue date; ``自发布之日起30日后施行`` adds the days), ``自…起`` anchored on
  an event (``自受理之日起``, ``自认定当年起``, ``自…次月开始``: year null), and a plan's stage after its horizon
  opening a clause (``第二阶段，2020年后，…``)
- ``within``: ``3年内``, ``半年内``, ``24小时内``, ``利用三年的时间``, ``用3-5年时间``,
  ``今后五年``, ``有效期3年``/``试行期一年``/``暂定3年`` (of the policy itself),
  ``连续3年`` before 每年 and ``连续实施三年`` (a programme's length), ``“六五”``…``“十六五”期间``/``时期`` (60 months,
  year its end; the plans before 十一五 only in quotes, ``党的十五大`` is none; in prose framing
  a clause, also where the title names the period: CONVENTIONS "plan periods in prose"), ``再用５年左右时间``;
  durations in days or hours have ``months`` null
- ``recurring``: ``每年``, ``每三年``, ``每季度``, ``每半年``, ``每7个月``, ``每个合同年``, ``每学期``, ``每学年``,
  ``按季度``, ``按月``, and cycles ``一年一评估``/``三年一轮``/``一年至少进行一次`` (年均 is a rate, and
  ``逐年`` a trend, not a time bound: left to targets); a due date after 每年
  (``每年12月底之前``, ``每年年底前``, ``每年6月、12月向…报告``) is a ``by`` of its own with year null,
  and so is a month after ``次年``/``当年`` (counted from an event)
- ``until``: ``有效期至2025年12月23日``, ``至2025年12月31日止``

The year of a month-only bound, ``年底前`` or ``年内`` (CONVENTIONS): a dated bound
earlier in its sentence, a heading above it that names a year, the document's year
(its date or title, else its 印发 or signature line), the nearest dated bound of
its section, else the document's earliest explicit bound; a year before the
document's is the past and the row is dropped.

Bare year opening a goal (decision, 2026-11-21).  ``2024年，全市数字经济增加值
达到2万亿元`` is ``by 2024`` (also after a modal of intent, ``力争2026年实现…``): the year opens a clause, is not before the
document's year, is not followed by a predicate about itself (``2024年是…``,
``2024年以来``) and its sentence states a goal with no sign of a report
(已/同比/比上年).  Without a year of the document its earliest explicit bound
stands in, and then only a year followed by intent (``2020年要有所突破``) counts.
Bare ``今年``/``明年`` are no deadline spans (CONVENTIONS).

Not deadlines: bare dates (issue-date lines, ``比2020年降低``), ``2020年以来``,
look-backs (``近3年内``, ``几十年内``), ``N年内`` of a category or a condition
(``离校5年内的``, ``企业3年内成功上市的，``, ``3年内未发生事故的企业``), 每年/每月 as the period of a cap or a
rate (``每年最高补贴``, ``补贴上限为每年``, ``每人每月3000元``, ``每年两度``, ``每年5000万千瓦的制造能力``), in an indicator's
formula (``每年因事故死亡的人数/…``) or naming a category (``按月领取待遇的参保人``), state
reports (``截至2022年底，全市已有…``), values to reach (``压缩至3个工作日以内``:
targets'), years in 《cited titles》 or a bracketed plan period ``（2023-2025年）``,
a plan period that is a title's topic (``关于“十三五”期间实施…``), names a goal or tasks
(``实现“十一五”时期…的目标``, ``把“十一五”期间…的各项任务落到实处``) or is older than the
latest plan the text names, schedules in an agreement (``本协议书自签署之日起生效``),
anything in a work report's review part (``一、2023年工作回顾``) or a plan's starting point (``一、现状与评价``),
an undated text's narrated ``2008年底IBM首次提出…``, ``N年内`` + a modal of capability (``一年内可以完工投产的项目``),
a quoted programme name (``“每月一题”``), and ``by`` dates
before the document's own year.  A bare year range ``2023—2025年`` outside brackets
is ``by`` its end year unless that year is past.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple

import pyarrow as pa

from extractors.base import Extractor
from extractors.org_tables import table_cells
from extractors.project_tables import project_tables
from extractors.rules import Found, Row, Rule, RuleSet, example
from extractors.table_text import same_cell
from extractors.target_parts import SITUATION_TITLE
from pipeline.core.document import ExtractContext, Section
from pipeline.core.numerals import CN_PAIR_RANGES, NUMBER_RE, RANGE_SEP_RE, parse_number, try_parse
from pipeline.core.plans import PLAN_END
from pipeline.core.spans import inside

_S = r"[ \u3000]*"  # normalisation may leave spaces around numbers: "到 2025 年"
_YEAR = r"(?:19|20)\d{2}|[一二][〇○零九][〇○零一二三四五六七八九]{2}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_SMALL = rf"{NUMBER_RE}(?:{RANGE_SEP_RE}{NUMBER_RE})?"  # 3 / 三 / 3-5


def _date(p: str, year: str = _YEAR) -> str:
    """A written date with groups ``<p>y``, ``<p>m``, ``<p>d``, ``<p>end`` (底/末)."""
    return (
        rf"(?P<{p}y>{year}){_S}年"
        rf"(?:{_S}(?P<{p}m>{_MONTH}){_S}月(?:{_S}(?P<{p}d>{_DAY}){_S}[日号])?)?"
        rf"(?P<{p}end>年?底|末)?"
    )


# Any four digits before 年: a year whose digits the source garbled (`到4549年`, `0403年底前`) is kept as written
# (CONVENTIONS: garbled digits are never decoded), in the frames that say it is a year (_dated_garbled).
_WRITTEN_YEAR = rf"{_YEAR}|(?<!\d)\d{{4}}(?!\d)"
_BEFORE = r"(?:之前|以前|前(?![一二三四五六七八九十两\d]|列|沿|期|置|景))"
# `于4月26日（周五）前报…`: notices write the weekday in brackets between a due date and its 前
_WEEKDAY = rf"(?:[（(](?:周|星期)[一二三四五六日天][）)]{_S}(?={_BEFORE}))?"

_CITED_TITLE = re.compile(r"《[^》\n]*》")
_BRACKETED = re.compile(r"（[^）\n]{0,40}）|\([^)\n]{0,40}\)|〔[^〕\n]{0,20}〕")
_RECUR_MONTHS = {
    "年": 12,
    "季": 3,
    "季度": 3,
    "半年": 6,
    "半年度": 6,
    "月": 1,
    "月度": 1,
    "个月": 1,
    "学期": 6,
    "个学期": 6,
    "学年": 12,  # (BL15) the school year: the cycle of education plans' recurring tasks
    "个学年": 12,
}
_DAY_UNITS = ("日", "天", "工作日", "个工作日")
# 压缩至3个工作日以内, 控制在3个月以内: a value to reach, not a time bound
_VALUE_BEFORE = re.compile(r"(?:至|到|控制在|压缩在|缩短在|不超过|不多于|低于|少于)[ \u3000]*$")
# the bare-year rule (module docstring): what follows the year, the opening, the sentence
# a clause's start, also right after an item's marker (`4.2022年启动…试点`: the item's title opens with its year)
_OPENING_BEFORE = re.compile(r"(?:^|[。；！？，;,!?\n])[ \u3000]*(?:\d{1,2}[.．、][ \u3000]*)?$")
# `力争2026年实现…`, `确保2025年全面完成…`: a modal of intent between the opening and the year (as 力争 stands before
# 到2027年): the year still opens the goal's clause, and the intent says it is the plan's, as `2020年要…` does after it
_INTENT_OPENING = re.compile(
    r"(?:^|[。；！？，;,!?\n])[ \u3000]*(?:\d{1,2}[.．、][ \u3000]*)?(?:力争|争取|确保|力求)[ \u3000]*(?:在|于)?[ \u3000]*$"
)
_SELF_PREDICATE = re.compile(
    r"[ \u3000]*(?:是|为|以来|以前|以后|前|后|起|度|的|全年|上半年|下半年|第|和|与|及|、|至|到|[-－—–~～〜]|（|\(|\d|[一二三四五六七八九十]月)"
)
_SENTENCE_END = re.compile(r"[。；！？;!?\n]")
_GOAL_WORDS = re.compile(
    r"达到|力争|突破|增长|新增|完成|建成|实现|提高到|提升到|提高至|提升至|超过|不低于|不少于|争取|确保|形成|累计"
    r"|全面(?:推广|推行|实施|落实|建立|铺开|推开)|启动|组织开展"
    # a plan's figure for the year: `2005年开工规模按6500万千瓦安排`, `2025年能耗总量控制在…`
    r"|按[^，。；！？\n]{0,16}?安排|控制在"
)
# 完成2024年目标任务, 保证完成一九八七年投产…的任务: the year of the task to complete
_COMPLETE_BEFORE = re.compile(r"(?:完成|实现)[ \u3000]*$")
_TASK_AFTER = re.compile(r"[^。；！？\n]{0,30}?(?:任务|目标|计划)")
_REPORT_WORDS = re.compile(r"已|同比|比上年|较上年|比去年|较去年")
# (BL22) an obligation the sentence lays on its addressees (`一九七九年，凡有资源的省…都要…安排一批…项目`): a task
# of that year, as a goal word makes one; `要` alone is too common a word to say so
_OBLIGATION_WORDS = re.compile(r"都要|均要|必须|务必|应当")


def _year(text: str) -> int:
    return int(text) if text.isdigit() else int(parse_number(text))


def _small_max(text: str) -> float | None:
    """Upper bound of ``3`` / ``三`` / ``3-5`` (durations take the longest)."""
    parts = re.split(RANGE_SEP_RE, text)
    values = [try_parse(p) for p in parts]
    return None if None in values else max(values)


def _iso(year: int | None, month: str | None, day: str | None) -> dt.date | None:
    if year is None or not month or not day:
        return None
    try:
        return dt.date(year, int(parse_number(month)), int(parse_number(day)))
    except ValueError:
        return None


class _Env(NamedTuple):
    """What a rule needs besides its match: the document's year and issue date, and the
    year before which a bare year is the past when the document states no year of its own."""

    doc_year: int | None
    issue: dt.date | None
    goal_year: int | None = None
    plan_year: int | None = None  # end of the latest five-year plan the text names (_latest_plan)
    goal_parts: tuple[tuple[int, int], ...] = ()  # sections whose heading names goals (主要目标…)
    time_cells: frozenset[tuple[int, int]] = frozenset()  # cells of a task table's completion-time column (_time_cells)


# Without a year of its own the document's earliest bound stands in (_Env.goal_year), and then
# only a year followed by a modal of intent is a bound: `2020年要有所突破`.
# the year introduces that year's goals, or names the year of a title (`2026年…招生工作方案`)
_ABOUT_THE_YEAR = re.compile(
    r"[^，。；：\n]{0,20}?(?:目标是|预期目标|总体要求|工作安排|主要任务)"
    r"|[^，。；：\n]{0,24}?(?:方案|计划|规划|要点|意见|办法|细则|通知)(?=[\n（(《]|根据|$)"
)
_INTENT_AFTER = re.compile(r"[ \u3000]*(?:要|将|力争|争取|确保|计划|拟|力求|努力)")


def _opens_goal(text: str, start: int, end: int, year: int | None, env: _Env, garbled: bool = False) -> bool:
    """A bare year that opens a clause of a goal sentence for a year not yet past (a garbled year is never past)."""
    doc_year = env.doc_year or env.goal_year
    in_goals = env.doc_year is None and inside(start, env.goal_parts)  # undated, in its goals part
    if year is None or (doc_year and year < doc_year and not garbled) or not (doc_year or in_goals):
        return False
    intent_before = _INTENT_OPENING.search(text, max(0, start - 12), start) is not None
    opens = intent_before or _OPENING_BEFORE.search(text, max(0, start - 8), start) is not None
    if not opens or _SELF_PREDICATE.match(text, end):
        return False
    if _ABOUT_THE_YEAR.match(text, end):
        return False  # 2024年全市经济社会发展主要预期目标是：… introduces the year's goals
    stop = _SENTENCE_END.search(text, end, end + 400)
    sentence = text[end : stop.start() if stop else end + 400]
    if _REPORT_WORDS.search(sentence):
        return False
    if env.doc_year is None and stop and _TASK_NOTE_AFTER.match(text, stop.end()) and _GOAL_WORDS.search(sentence):
        return True  # `…，2021年全面推广无纸化单证备案。（税务总局…按职责分工负责）`: a task the note assigns
    if env.doc_year and _DECIDED_BEFORE.search(text, max(0, start - 6), start):
        return True  # 国务院会议讨论决定，一九八七年发行…债券五十五亿元: what a decision sets for the year
    if env.doc_year and _STEP_FIRST_AFTER.match(text, end):
        return True  # 一九八八年先在华东电网试点，…一九八九年起逐步实施: the first step of a dated plan's schedule
    if env.doc_year is None and not in_goals and not intent_before and not _INTENT_AFTER.match(text, end):
        # an undated plan's paragraph opening with a year whose own sentence then sets a bound of that year
        # (`2023年，聚焦…建设，…到2023年底前全部统筹地区上线…`): the year is the plan's, not a report's
        return bool(_OPENING_LINE.search(text, max(0, start - 8), start) and _same_year_bound(sentence, year))
    return bool(in_goals or _GOAL_WORDS.search(sentence) or (env.doc_year and _OBLIGATION_WORDS.search(sentence)))


_OPENING_LINE = re.compile(r"(?:^|\n)[ \u3000]*$")
# A responsibility note closing the sentence (`（海关总署牵头，…按职责分工负责）`, GB/T task lists): the sentence is a
# task the document assigns, so an undated text's year in it is the task's year, not a report's.
_TASK_NOTE_AFTER = re.compile(r"[ \u3000]*[（(][^（）()\n]{2,80}?(?:牵头|负责|配合)[^（）()\n]{0,20}[）)]")
# The content of a decision (`会议讨论决定，一九八七年发行…`): what the decision sets for the year it names, a plan.
_DECIDED_BEFORE = re.compile(r"决定[ \u3000]*[，,：:][ \u3000]*$")
# A plan's schedule opens its first step with the year and an adverb of order (`一九八八年先在华东电网试点`,
# `2024年率先在…开展`, `2025年首先完成…`): the year of that step, a `by` as a goal's year is.
_STEP_FIRST_AFTER = re.compile(r"[ \u3000]*(?:先|首先|率先|先行)(?:在|于|从|对|行|开展|启动|试点|完成|实施|推进)")


# A plan's goals introduced by the year they are set for (`2025 年的主要目标是：` + a `——` list, 工信部's and the State
# Council's 规划): the plan's horizon, a `by` as `到2025年` is (CONVENTIONS: a bare year opening a sentence of a plan),
# and the year its items take (docs/extraction-conventions.md, `deadline_year`). Only a year after the document's own (a work report's
# `2024年…主要预期目标是` names its year, no bound: _ABOUT_THE_YEAR); in an undated text only the horizon a `到YYYY年`
# before it named.
_PLAN_GOALS_AFTER = re.compile(rf"{_S}(?:的{_S})?(?:主要|发展|总体|具体|阶段性?)?目标(?:是|为){_S}[：:]")
_HORIZON_LOOKBACK = 600


def _names_plan_goals(text: str, start: int, end: int, year: int, env: _Env) -> bool:
    if not _PLAN_GOALS_AFTER.match(text, end) or not _OPENING_BEFORE.search(text, max(0, start - 8), start):
        return False
    if env.doc_year is not None:
        return year > env.doc_year
    return _same_year_bound(text[max(0, start - _HORIZON_LOOKBACK) : start], year)


def _same_year_bound(sentence: str, year: int) -> bool:
    return re.search(rf"(?:到|至){_S}{year}{_S}年", sentence) is not None


# Bounds of a plausible policy deadline; beyond them a "year" or duration is
# a misread number (and would overflow the int64 columns).
_YEAR_RANGE = (1900, 2200)
_WRITTEN_RANGE = (1, 9999)  # a garbled year kept as written (_dated_garbled): any year a date can hold
_MAX_MONTHS = 100 * 12


def _mk(
    start: int,
    end: int,
    kind: str,
    year: int | None,
    date: dt.date | None,
    months: int | None = None,
    written: bool = False,
):
    low, high = _WRITTEN_RANGE if written else _YEAR_RANGE
    if year is not None and not low <= year <= high:
        return None
    if months is not None and not 0 < months <= _MAX_MONTHS:
        return None
    return {"norm_start": start, "norm_end": end, "kind": kind, "year": year, "date": date, "months": months}


def _spans(pattern: re.Pattern, text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in pattern.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside(spans: tuple[list[int], list[int]], pos: int) -> bool:
    i = bisect.bisect_right(spans[0], pos) - 1
    return i >= 0 and pos < spans[1][i]


def _months(n: float, unit: str) -> int:
    return int(n * (12 if unit == "年" else 1))


# 每年/每月 as the period of a cap or a per-unit rate, not a time bound (CONVENTIONS):
# another 每X before it in its clause (每人每月, 每家企业每年), a cap word before or after
# it (补贴上限为每年, 每年最高补贴, 每年获支持企业数量最多不超过), a sum or rate right after
# it (每年两度, 每年3000元, 每年偿还本金的20%), or a condition clause (…、每年保持稳定增长的，).
_RATE_BEFORE = re.compile(r"每[^，。；：\n]{0,8}$|(?:上限|限额|标准|额度|最高|最多|不超过)(?:为|是)?[ \u3000]*$")
# (a budget act of the issuer before the cap keeps 每年 a cycle: 每年安排最高100万元经费; a grant's cap does not, DU2
# ruling 3: `每年给予最高10万元的生活补贴`, `每月给予不超过2000元的租房补贴` state the rule's amount per period for each
# member of a class, CONVENTIONS' `每月不超过2000元`)
_CAP_AFTER = re.compile(
    r"(?:(?!安排|投入|拨付|统筹|设立|下达)[^，。；：\n]){0,8}?(?:最高|最多|不超过|不高于|不得超过|上限|限额|封顶)"
    # (DU2) `连续3年每年分别给予5000元、3000元的生活补贴`: amounts for the classes of a rule, each per period
    r"|[ \u3000]*分别(?:给予|补贴|奖励|资助|发放)"
)
_RATE_AFTER = re.compile(
    rf"{_S}(?:{NUMBER_RE}){_S}(?:[十百千]?[万亿]?元|度|千瓦时|%|％)|[^，。；：\n]{{0,10}}?的{_S}(?:{NUMBER_RE}){_S}[%％]"
)
# 发电设备每年5000万—6000万千瓦的制造能力: a quantity per year that qualifies a noun (a capacity, an output),
# the period of a rate, not a cycle of a task
_RATE_OF_NOUN_AFTER = re.compile(
    rf"{_S}(?:{NUMBER_RE})[万亿]?(?:{RANGE_SEP_RE}(?:{NUMBER_RE})[万亿]?)?{_S}[^\d，。；：！？、\n的]{{1,4}}的"
)
_CONDITION_CLAUSE = re.compile(r"[^，。；：！？\n]{0,24}?的(?=[，,；;])")
# (BL31) 清疏每年不得少于2次: the period of a norm's least frequency (a modal forbidding fewer), as a cap's period
_NORM_FLOOR_AFTER = re.compile(r"(?:均|都)?(?:不得|不应|不宜)(?:少于|低于)")
# 每年的排矸量有五千到七千万吨: the period of a quantity the text states (a state report), no recurring act; (BL22)
# also without 的 and with the land a quantity takes (今后每年排矸量占地三千多亩)
_QUANTITY_STATE_AFTER = re.compile(r"的?[^，。；：！？\n\d]{0,6}?量(?:约|大约)?(?:有|为|在|占地|占用)")
# (BL22) 每年排出的矸石还有百分之八十没有利用起来: what each year's output still is (a problem stated, as targets read
# 还有/仍有 before a figure), no recurring act
_REMNANT_AFTER = re.compile(
    r"[^，。；：！？\n\d]{0,8}?的[^，。；：！？\n\d]{0,6}?[还仍尚]有(?=百分之|\d|[零〇两三四五六七八九十百千半])"
)
# An eligibility list (`年纳税额达到200万元以上、每年保持稳定增长的企业`): after a threshold, 每年 + a steady
# state is one more condition on the applicant, not a recurring act.
_THRESHOLD_BEFORE = re.compile(r"(?:以上|以下|不低于[^，。；\n]{0,10}|不少于[^，。；\n]{0,10})[、，,或且和]$")
_STEADY_AFTER = re.compile(r"[^，。；：！？\n]{0,4}?(?:保持|持续|实现)[^，。；：！？\n]{0,6}?增长")


# ----------------------------------------------------------------- the rules
# In scan order: where two rules could match at one position, the earlier wins.


def _until(m: re.Match, env: _Env) -> Row | None:
    if m.group("ubad"):  # 有效期至5355年65月06日: an impossible date gives year and date null (CONVENTIONS)
        return _mk(*m.span(), "until", None, None)
    year = _year(m.group("uy"))
    written = not _YEAR_RANGE[0] <= year < _YEAR_RANGE[1]  # a garbled year, kept as written
    return _mk(*m.span(), "until", year, _iso(year, m.group("um"), m.group("ud")), written=written)


UNTIL = Rule(
    "until",
    rf"(?:有效期限?|执行期限?|实施期限?)(?:为|是)?{_S}(?:至|到|截至){_S}{_date('u', _WRITTEN_YEAR)}"
    rf"(?P<ubad>(?<=年){_S}\d+{_S}月(?:{_S}\d+{_S}[日号])?)?(?:止)?",
    _until,
    examples=(
        example(
            "有效期至3136年6月9日。",
            {"text": "有效期至3136年6月9日", "kind": "until", "year": 3136, "date": "3136-06-09"},
            note="garbled digits, a valid calendar date: kept as written (CONVENTIONS)",
        ),
        example(
            "有效期至5355年65月06日。",
            {"text": "有效期至5355年65月06日", "kind": "until", "year": None},
            note="an impossible date: year and date null (CONVENTIONS)",
        ),
        example(
            "有效期至2025年12月23日。",
            {"text": "有效期至2025年12月23日", "kind": "until", "year": 2025, "date": "2025-12-23"},
        ),
        example(
            "实施期限为至2026年6月30日止。",
            {"text": "实施期限为至2026年6月30日止", "kind": "until", "year": 2026, "date": "2026-06-30"},
        ),
    ),
)


# 有效期 of the policy itself (本措施有效期3年, …施行，有效期5年), not of a thing it governs
# (用电指标有效期限为二十年, 资格有效期3年: a property, not a time bound of the document).
_VALID_OWNER = re.compile(
    r"(?:^|[，。；：,;:\n（(])[ \u3000]*(?:第[一二三四五六七八九十百零\d]+条[ \u3000]*)?(?:(?:本|该|此)[\u4e00-\u9fff]{0,8}(?:办法|措施|政策|细则|规定|通知|方案|意见"
    r"|规划|计划|文件|规范|标准|指引|条例|决定|公告|通告|指南))?[ \u3000]*(?:的)?[ \u3000]*$"
)


# 有效期 glossing a thing named before it, inside a bracket (`（在领对象的《核对报告》，有效期为1年）`) or right after a
# document's title (`《…报告》，有效期为1年`): that thing's validity, not the text's own term (BL19); a bracket holding the
# term alone (`…起施行（有效期5年）`) is the text's.
_GLOSSED_BEFORE = re.compile(r"(?:[（(][^（）()。\n]+|》[ \u3000]*[，,][ \u3000]*)$")


def _valid(m: re.Match, env: _Env) -> Row | None:
    n = try_parse(m.group("vn"))
    if not n:
        return None
    start = m.start()
    if not _VALID_OWNER.search(m.string, max(0, start - 20), start):
        return None
    if _GLOSSED_BEFORE.search(m.string, max(0, start - 60), start):
        return None
    return _mk(start, m.end(), "within", None, None, _months(n, m.group("vu")))


VALID = Rule(
    "valid",
    rf"(?:有效期限?(?:暂定)?|试行期?(?:暂定)?|暂定(?:执行|实施|试行)?)(?:为|是)?{_S}(?P<vn>{NUMBER_RE}){_S}(?P<vu>年|个月)",
    _valid,
    examples=(
        example("本措施有效期3年。", {"text": "有效期3年", "kind": "within", "months": 36}),
        example("有效期为六个月。", {"text": "有效期为六个月", "kind": "within", "months": 6}),
        example(
            "本规定自印发之日起执行，试行期一年。", {"text": "试行期一年", "kind": "within", "months": 12}, partial=True
        ),
        example("本办法暂定3年。", {"text": "暂定3年", "kind": "within", "months": 36}),
        example(
            "本办法暂定执行3年。",
            {"text": "暂定执行3年", "kind": "within", "months": 36},
            note="the verb of the term between 暂定 and its length (CONVENTIONS: 暂定N年)",
        ),
        example("本措施有效期暂定为2年。", {"text": "有效期暂定为2年", "kind": "within", "months": 24}),
        example("本办法试行2年。", {"text": "试行2年", "kind": "within", "months": 24}),
        example("用电指标有效期限为二十年。", note="the validity of a thing the rule governs"),
        example(
            "申请人须提交核对报告（在领对象的《核对报告》，有效期为1年）。",
            note="a bracket glossing a named thing (BL19)",
        ),
        example(
            "申请人须提交《家庭经济状况核对报告》，有效期为1年。", note="right after a document's title: its validity"
        ),
        example(
            "本办法自印发之日起施行（有效期5年）。",
            {"text": "有效期5年", "kind": "within", "months": 60},
            partial=True,
            note="a bracket holding the term alone is the text's own (BL19)",
        ),
    ),
)


def _issue(m: re.Match, env: _Env) -> Row | None:
    start, end = m.span()
    if m.group("idn") and env.issue is not None:  # 自发布之日起30日后施行
        days = try_parse(m.group("idn"))
        if days is None or days > 3650:
            return None
        date = env.issue + dt.timedelta(days=int(days))
        return _mk(start, end, "from", date.year, date)
    return _mk(start, end, "from", env.doc_year, env.issue)


ISSUE = Rule(
    "issue",
    rf"(?:自(?:(?:本[\u4e00-\u9fff]{{1,8}}?)?(?:开始)?(?:印发|发布|发出|下发|公布|颁布|发文|施行|实施)之日|即日)"
    rf"|(?<![\u4e00-\u9fff])即日|(?<![\u4e00-\u9fff])本(?:(?!自)[\u4e00-\u9fff]){{1,8}}?(?:开始)?(?:印发|发布|施行|实施)之日)起"
    rf"(?:{_S}(?P<idn>{NUMBER_RE}){_S}(?:日|天)后)?",
    _issue,
    examples=(
        example(
            "本措施自印发之日起施行。",
            {"text": "自印发之日起", "kind": "from", "year": 2023, "date": "2023-05-01"},
            meta={"issue_date": "2023-05-01"},
        ),
        example(
            "本通知自发出之日起施行。",
            {"text": "自发出之日起", "kind": "from", "year": 2023, "date": "2023-05-01"},
            meta={"issue_date": "2023-05-01"},
            note="发出/下发 of a notice are its issuance, as 印发",
        ),
        example(
            "本通知自即日起施行。",
            {"text": "自即日起", "kind": "from", "year": 2024, "date": "2024-03-01"},
            meta={"issue_date": "2024-03-01"},
        ),
        example(
            "受理时间：即日起至2025年6月30日。",
            {"text": "即日起", "kind": "from", "year": 2025, "date": "2025-03-01"},
            meta={"issue_date": "2025-03-01"},
            partial=True,  # and 至2025年6月30日 (by, rule dated)
            note="notices open a window `即日起至…` without 自",
        ),
        example(
            "自本实施方案发布之日起，新设探矿权实行有偿取得。",
            {"text": "自本实施方案发布之日起", "kind": "from", "year": 2006, "date": "2006-09-30"},
            meta={"issue_date": "2006-09-30"},
        ),
        example(
            "本意见开始实施之日起，山西省境内不再设置由社会投资的普查程度以下的探矿权。",
            {"text": "本意见开始实施之日起", "kind": "from", "year": 2006},
            meta={"issue_date": "2006-06-15"},
            note="the document's own start without 自 (and with 开始): the issue date, as 自本办法实施之日起 (realblind7 0027)",
        ),
        example(
            "自发布之日起30日后施行。",
            {"text": "自发布之日起30日后", "kind": "from", "year": 2024, "date": "2024-02-14"},
            meta={"issue_date": "2024-01-15"},
        ),
    ),
)


_AGREEMENT_BEFORE = re.compile(r"(?:协议书?|合同|承诺书)[^，。；\n]{0,6}$")


def _event(m: re.Match, env: _Env) -> Row | None:
    if _AGREEMENT_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # 本协议书自签署之日起生效: a schedule inside an agreement (CONVENTIONS)
    return _mk(*m.span(), "from", None, None)


# `自…起` anchored on an event, not a date (CONVENTIONS): 自受理之日起, 自认定当年起, 自领取资助起.
# The event is a short verb phrase; 自主/自行/自然… are words, not 自 = from.
EVENT = Rule(
    "event",
    r"(?<![来各独亲擅私出源])自(?![主行然身己发愿治动筹费查营律〇○零一二三四五六七八九十两]|今年|明年|本年)(?P<ev>[\u4e00-\u9fff“”]{2,12}?)"
    r"(?:(?:之日|当[年月日]|次[年月日]|之月)?起(?![步草点源来])|(?:之日|当[年月日]|次[年月日]|之月)开始)",
    _event,
    examples=(
        example(
            "人力资源社会保障部门应当自受理之日起15个工作日内完成审核。",
            {"text": "自受理之日起", "kind": "from", "year": None},
            partial=True,
        ),
        example("自认定当年起给予三年补贴。", {"text": "自认定当年起", "kind": "from", "year": None}, partial=True),
        example("自领取资助起两年内。", {"text": "自领取资助起", "kind": "from", "year": None}, partial=True),
        example(
            "认证周期自最近一次认证通过时间的次月开始计算。",
            {"text": "自最近一次认证通过时间的次月开始", "kind": "from", "year": None},
            note="开始 after an anchor day or month says 起 too",
        ),
        example("鼓励企业自主创新，自行组织实施。", note="自主, 自行: words, not a start"),
        example("本协议书自签署之日起生效。", note="a schedule inside an agreement"),
    ),
)


# The same anchor written with 在, 于 or 从 for 自 before a procedure's window (`应在申请材料收齐之日起3个工作日内`, `在收到…
# 之日起2个工作日内`, `应于收到通知之日起15日内`, BL19): `from` the event, year null, the span from after the preposition
# (the scan starts at 之日起: 在 and 于 open too many clauses to be first characters). Without the window after it
# (`在…之日起生效`), inside a word (`存在`, `由于`, `自从`) or with 自 (EVENT's) none.
_AT_EVENT_BEFORE = re.compile(
    r"(?:(?<![存现正所实])在|(?<![由对关等属位基鉴至终处用在便利过易趋])于|(?<![自服听顺跟])从)(?P<ev>[\u4e00-\u9fff“”《》]{2,12})$"
)
_WINDOW_AFTER = re.compile(rf"{_S}(?:\d{{1,3}}|[一二三四五六七八九十两]{{1,3}}){_S}个?{_S}(?:工作日|日|天|月|年)内")


def _at_event(m: re.Match, env: _Env) -> Row | None:
    text, start = m.string, m.start()
    before = _AT_EVENT_BEFORE.search(text, max(0, start - 13), start)
    if before is None or "自" in before.group("ev") or not _WINDOW_AFTER.match(text, m.end()):
        return None
    return _mk(before.start("ev"), m.end(), "from", None, None)


AT_EVENT = Rule(
    "at_event",
    r"之日起",
    _at_event,
    examples=(
        example(
            "异地户籍申请的，应在申请材料收齐之日起3个工作日内推送至受理窗口。",
            {"text": "申请材料收齐之日起", "kind": "from", "year": None},
            partial=True,
        ),
        example(
            "镇（街）在收到不予批准之日起2个工作日内，书面告知申请人。",
            {"text": "收到不予批准之日起", "kind": "from", "year": None},
            partial=True,
        ),
        example(
            "当事人应于收到通知之日起15日内提出复核申请。",
            {"text": "收到通知之日起", "kind": "from", "year": None},
            partial=True,
        ),
        example(
            "申请人从收到通知之日起10日内补正材料。",
            {"text": "收到通知之日起", "kind": "from", "year": None},
            partial=True,
        ),
        example("本合同在双方签字之日起生效。", note="no window after the anchor: a commencement clause, none"),
    ),
)


_CATEGORY_AFTER = re.compile(r"[ \u3000]*(?:期间|之间)?[^，。；\n]{0,4}?(?:出生|注册|成立|登记)?的")


# The term of the policy itself written as a period (`本政策执行期为2023年1月1日至2025年12月31日`,
# `实施期限为2023年至2025年`): GUIDE's `until` (有效期至…), at the period's end.
_TERM_BEFORE = re.compile(
    r"(?:有效|执行|实施|施行|试行|政策)期限?[ \u3000]*(?:为|是|[：:])?[ \u3000]*(?:从|自)?[ \u3000]*$"
)


# `摇出房屋后3个工作日内（即3月31日-4月2日内）`: a bracket opened by 即 right after a bound glosses it (the same
# days written as dates): the bound is one, written once.
_GLOSS_BEFORE = re.compile(r"(?:内|前|底|止)[ \u3000]*[（(][ \u3000]*即[ \u3000]*$")


def _window(m: re.Match, env: _Env) -> Row | None:
    if _CATEGORY_AFTER.match(m.string, m.end()):
        return None  # 2022年9月1日至2023年8月31日期间出生的幼儿: a category, not a bound
    if _GLOSS_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return None  # 3个工作日内（即3月31日-4月2日内）: the gloss of the bound before it
    written = m.group("ey") or m.group("sy")
    last_month = m.group("em") or m.group("sm")  # `2025年3月20日-27日`: the end's month is the start's
    if m.group("em") is None and parse_number(m.group("ed")) < parse_number(m.group("sd")):
        last_month = None  # `3月28日-2日`: an end before its start names no day of the start's month (date null)
    if written:
        year = _year(written)
        last_day = _iso(year, last_month, m.group("ed"))
        if env.issue and last_day and last_day < env.issue:
            return None  # 于一九七八年十二月五日至十四日在…召开了…会: a window past when the text was issued
        kind = "until" if _TERM_BEFORE.search(m.string, max(0, m.start() - 10), m.start()) else "by"
        return _mk(m.start(), m.end(), kind, year, last_day)
    stop = _SENTENCE_END.search(m.string, m.end(), m.end() + 120)
    sentence = m.string[m.end() : stop.start() if stop else m.end() + 120]
    if _REPORT_WORDS.search(sentence) or _HELD.search(sentence):
        return None  # 1月1日至6月30日，全市已…; 8月6日至8月7日，…推进大会在…召开: a report, a past meeting
    if _EVERY_YEAR_BEFORE.search(m.string, max(0, m.start() - 4), m.start()):
        return _mk(m.start(), m.end(), "by", None, None)  # 于每年4月1日至6月20日组织: recurring, year null
    row = _mk(m.start(), m.end(), "by", env.doc_year, _iso(env.doc_year, last_month, m.group("ed")))
    if row is not None:
        row["_resolve"] = (last_month, m.group("ed"))  # the year the document makes clear (_resolve_years)
    return row


# a meeting reported (`…大会在贵阳召开`), unless its date is announced (`定于6月1日至2日在…召开`)
_HELD = re.compile(r"^(?:(?!定于|将于|拟于|计划于|将在).)*?(?:召开|举行|举办)")
_CLOCK = rf"(?:{_S}(?:[上下]午{_S}\d{{1,2}}{_S}[时点]|\d{{1,2}}{_S}[:：]{_S}\d{{2}}))?"
# A date window for a task (`申请时间：2025年8月11日至8月22日`, `请于2026年5月24日至5月26日带齐资料`):
# one span, a bound at its last day.  Without a written year (`6月27日10：00—7月1日15:00`, the
# window of a guide for the year its title names) it takes the year the document makes clear.
WINDOW = Rule(
    "window",
    rf"(?:(?P<sy>{_YEAR}){_S}年{_S})?(?P<sm>{_MONTH}){_S}月{_S}(?P<sd>{_DAY}){_S}[日号]{_CLOCK}"
    rf"{_S}(?:至|到|—|－|-|～|~){_S}(?:(?P<ey>{_YEAR}){_S}年{_S})?(?:(?P<em>{_MONTH}){_S}月{_S})?(?P<ed>{_DAY}){_S}[日号]"
    rf"{_CLOCK}",
    _window,
    examples=(
        example(
            "申请时间：2025年8月11日至8月22日。",
            {"text": "2025年8月11日至8月22日", "kind": "by", "year": 2025, "date": "2025-08-22"},
        ),
        example(
            "6月27日10：00—7月1日15:00，申请人登录系统填报志愿。",
            {"text": "6月27日10：00—7月1日15:00", "kind": "by", "year": 2026, "date": "2026-07-01"},
            meta={"issue_date": "2026-05-20"},
            note="no written year: the document's",
        ),
        example(
            "上网不便的申请家庭可在2025年3月20日-27日到保障房小区服务窗口提交申请。",
            {"text": "2025年3月20日-27日", "kind": "by", "year": 2025, "date": "2025-03-27"},
            note="the end's month left out: the start's (realblind10 0163)",
        ),
        example(
            "请于3月28日-2日到服务窗口办理。",
            {"text": "3月28日-2日", "kind": "by", "year": 2025, "date": None},
            meta={"issue_date": "2025-02-19"},
            note="the end's month left out and its day before the start's: no day of that month, date null",
        ),
        example(
            "国家经济委员会于一九七八年十二月五日至十四日在湖南常德召开了经验交流会。",
            meta={"issue_date": "1979-03-12"},
            note="a window ended before the text's issue date: a past event (corpus-real 0020)",
        ),
        example("新生应为2022年9月1日至2023年8月31日期间出生的适龄幼儿。", note="a category, not a bound"),
        example(
            "本政策执行期为2023年1月1日至2025年12月31日。",
            {"text": "2023年1月1日至2025年12月31日", "kind": "until", "year": 2025, "date": "2025-12-31"},
            meta={"issue_date": "2022-12-01"},
            note="the policy's own term: until its end (GUIDE: 有效期至)",
        ),
        example("1月1日至6月30日，全市已新增企业500家。", meta={"issue_date": "2026-07-10"}, note="a report"),
        example(
            "8月6日至8月7日，全省脱贫攻坚推进大会在贵阳召开。", meta={"issue_date": "2026-07-10"}, note="a meeting held"
        ),
        example(
            "于每年4月1日至6月20日组织开展资格审核。",
            {"text": "4月1日至6月20日", "kind": "by", "year": None},
            meta={"issue_date": "2026-07-10"},
            partial=True,
            note="after 每年 a recurring window: year null",
        ),
    ),
)


# A task's or a phase's window in months (`（二）组织实施阶段（2023年8月—2024年6月）`, `定于6月至8月开展…`): a
# bound at its last month, as a window of days is (WINDOW). Only where it is a schedule's, not a statistic's period
# (`1-6月，全市…增长8%`): a year written in it, a bracket right after a phase's name, or 于/在 before it.
_PHASE_BEFORE = re.compile(r"(?:阶段|步骤|时间|期限)[ \u3000]*[（(][ \u3000]*$")
_SCHEDULED_BEFORE = re.compile(r"(?:于|在|从|自)[ \u3000]*$")


# A chronology's entry: its date, then the event in brackets closing the line (`·2017年1月-10月（春季攻势…）`)
_ENTRY_EVENT_AFTER = re.compile(r"[ \u3000]*[（(][^（）()\n]*[）)][ \u3000]*$", re.MULTILINE)


def _month_window(m: re.Match, env: _Env) -> Row | None:
    string, start = m.string, m.start()
    if _CATEGORY_AFTER.match(string, m.end()) or _ENTRY_EVENT_AFTER.match(string, m.end()):
        return None  # 2022年9月至2023年8月期间出生的: a category; ·2017年1月-10月（春季攻势）: a past entry
    written = m.group("xy") or m.group("wy")
    if not (
        written
        or _PHASE_BEFORE.search(string, max(0, start - 8), start)
        or _SCHEDULED_BEFORE.search(string, max(0, start - 3), start)
    ):
        return None  # 1-6月，…: a statistic's months, no schedule
    stop = _SENTENCE_END.search(string, m.end(), m.end() + 120)
    if _REPORT_WORDS.search(string, m.end(), stop.start() if stop else m.end() + 120):
        return None  # 2023年1月至6月，全市已…: a report
    kind = "until" if _TERM_BEFORE.search(string, max(0, start - 10), start) else "by"
    if written:
        year = _year(written)
        if _month_window_past(year, m.group("xm"), env):
            return None  # 2023年1月至10月，全省…: a window past when the text was issued
        return _mk(start, m.end(), kind, year, None)
    row = _mk(start, m.end(), kind, env.doc_year, None)
    if row is not None:
        row["_resolve"] = (None, None)  # the year the document makes clear (_resolve_years)
    return row


def _month_window_past(year: int, end_month: str, env: _Env) -> bool:
    """Whether a window ending in ``end_month`` of ``year`` ended before the document's year or issue month."""
    if env.doc_year and year < env.doc_year:
        return True
    issue = env.issue
    return issue is not None and year == issue.year and int(parse_number(end_month)) < issue.month


_MONTH_PART = r"(?:上旬|中旬|下旬|初|底|末|中)?"
MONTH_WINDOW = Rule(
    "month_window",
    rf"(?:(?P<wy>{_YEAR}){_S}年{_S})?(?P<wm>{_MONTH}){_S}月{_MONTH_PART}{_S}(?:至|到|—|－|-|～|~){_S}"
    rf"(?:(?P<xy>{_YEAR}){_S}年{_S})?(?P<xm>{_MONTH}){_S}月{_MONTH_PART}(?![\d一二三四五六七八九十]{{0,2}}{_S}[日号])",
    _month_window,
    examples=(
        example(
            "（二）组织实施阶段（2023年8月—2024年6月）。全面开展整治。",
            {"text": "2023年8月—2024年6月", "kind": "by", "year": 2024},
            meta={"issue_date": "2023-07-01"},
        ),
        example(
            "（一）动员部署阶段（6月—7月）。各地制定实施方案。",
            {"text": "6月—7月", "kind": "by", "year": 2023},
            meta={"issue_date": "2023-05-20"},
            note="a phase's months without a year: the year the document makes clear",
        ),
        example(
            "定于2023年6月至8月开展集中整治行动。",
            {"text": "2023年6月至8月", "kind": "by", "year": 2023},
            meta={"issue_date": "2023-05-20"},
        ),
        example(
            "2024年3月中旬至4月底，完成问题整改。",
            {"text": "2024年3月中旬至4月底", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-02-01"},
        ),
        example("1-6月，全市规模以上工业增加值增长8.5%。", meta={"issue_date": "2023-07-20"}, note="a statistic"),
        example("2023年1月至6月，全市已新建5G基站3000个。", meta={"issue_date": "2023-07-20"}, note="a report"),
        example("2022年9月至2023年8月期间出生的幼儿。", meta={"issue_date": "2023-03-01"}, note="a category"),
        example("·2017年1月-10月（春季攻势、秋季攻势）\n全镇开展攻坚。", note="a chronology's entry (realblind8 0199)"),
        example(
            "2021年3月至5月，省里开展了专项检查。", meta={"issue_date": "2023-03-01"}, note="a window past at issue"
        ),
        example(
            "2023年1月至10月，全省规模以上工业增加值增长6%。",
            meta={"issue_date": "2023-11-20"},
            note="ended before the issue month: a statistic of the past",
        ),
    ),
)


def _plan_period(m: re.Match, env: _Env) -> Row | None:
    year = _year(m.group("sy1"))
    if env.doc_year and year < env.doc_year:
        return None  # 2019—2021年，全市累计…: a past period
    kind = "until" if _TERM_BEFORE.search(m.string, max(0, m.start() - 10), m.start()) else "by"
    return _mk(*m.span(), kind, year, None)


PLAN_PERIOD = Rule(
    "span",
    rf"(?P<sy0>{_YEAR}){_S}年?{_S}(?:{RANGE_SEP_RE}){_S}(?P<sy1>{_YEAR}){_S}年",
    _plan_period,
    examples=(
        example(
            "2024—2026年，新建5G基站1000个。",
            {"text": "2024—2026年", "kind": "by", "year": 2026},
            meta={"issue_date": "2024-01-10"},
        ),
        example(
            "2013—2015年，年均新增光伏发电装机容量1000万千瓦左右。",
            {"text": "2013—2015年", "kind": "by", "year": 2015},
            meta={"issue_date": "2013-07-04"},
            note="a written range framing a clause stays a `by` at its end (CONVENTIONS, DL8: targets take their "
            "deadline_year from `by` bounds; realblind7 0033)",
        ),
        example("2021—2022年，全市累计投入技改资金30亿元。", meta={"issue_date": "2024-01-10"}, note="a past period"),
        example(
            "本细则实施期限为2023年至2025年。",
            {"text": "2023年至2025年", "kind": "until", "year": 2025},
            meta={"issue_date": "2022-12-01"},
            note="the policy's own term",
        ),
        example("行动计划（2023-2025年）", meta={"issue_date": "2023-06-30"}, note="a bracketed plan period"),
        example(
            "（二）全面推广阶段（2024年—2025年）。在全市推开。",
            {"text": "2024年—2025年", "kind": "by", "year": 2025},
            meta={"issue_date": "2023-06-30"},
            note="a phase's window in brackets after its name (实施步骤), as MONTH_WINDOW's months",
        ),
        example(
            "德国地学研究中心计划在2021-2027年间通过人工智能方法推进地震预测。",
            meta={"issue_date": "2022-06-30"},
            note="a foreign body's plan (a clause whose subject is another state): no bound of the issuer",
        ),
    ),
)


# The base a subsidy's rate is computed on (CONVENTIONS: rates of a subsidy rule are no deadline):
# `按照…N年内…的30%给予` measures a quantity over N years, it bounds no task.
_RATE_BASE_BEFORE = re.compile(r"按(?:照)?[^，。；：！？\n]{0,20}$")
_RATE_BASE_AFTER = re.compile(r"[^，。；：！？\n]{0,20}?的[ \u3000]*\d+(?:\.\d+)?[ \u3000]*[%％]")
# 毕业5年内, 退役2年内: counted from a person's own event, the span describes who qualifies (CONVENTIONS)
_LIFE_EVENT_BEFORE = re.compile(r"(?:毕业|离校|退役|退休|出生|入职|领取毕业证|取得学位)后?[ \u3000]*$")
# 3个月内认证即将到期待遇领取人员: the span says whose term is about to end (a category), not when to act
_TERM_ENDING_AFTER = re.compile(r"[^，。；：！？\n]{0,8}?即将(?:到期|届满|期满|过期)")


# 在一年内（少数项目两年内）可以完工投产的项目: a modal of capability (可以/能够) after the span, closed by 的, describes
# which projects qualify (a criterion of selection), not a time the issuer gives a task (CONVENTIONS: `N年内` describing
# a category). The modal must follow the span (a bracketed aside between): `3年内形成月产能10万…` is a goal.
_CAPABLE_AFTER = re.compile(
    r"(?:[（(][^（）()\n]{0,12}[）)]|[）)])?[ \u3000]*(?:可以|能够|可|能)[^，。；：！？\n]{0,10}?的"
)


# (DU1) `3年内未发生重大安全事故的企业`: a clean record over the span (未/无/没有 …) closed by 的 and a class noun says
# which firms or people qualify, a look back as `近3年内未发生…` is (CONVENTIONS: `N年内` describing a category); a
# procedure's window (`5个工作日内未作审查的，自动确定…`) has no class noun after its 的 and stays a `within`
_RECORD_AFTER = re.compile(
    r"[ \u3000]*(?:未|无|没有|不存在)[^，。；：！？\n]{0,20}?的"
    r"(?:企业|单位|机构|项目|人员|个人|申请人|市场主体|主体|法人|纳税人|家庭|园区|学校|医院|社会组织)"
)


# (BL22) 投产后三年内免予上缴, 两年内免征所得税: a tax or fee exemption right after the span says how long a benefit
# lasts (CONVENTIONS: the permitted length of a subsidy, `给予三年…补贴`, is no deadline), not when to act
_EXEMPTION_AFTER = re.compile(r"[ \u3000]*(?:可|暂|一律|均|予以)?(?:免|减)(?:予|于|征|缴|交|收|税|除|半|免)")


# `有效期届满前一个月内`, `到期前30日内`: 前 after the end of a term is the window before that event
# (a `within` like `自受理之日起15日内`), not the look back of `前3年内`.
_TERM_END_BEFORE = re.compile(r"(?:届满|期满|到期|截止|结束)[ \u3000]*$")


def _within(m: re.Match, env: _Env) -> Row | None:
    start, end = m.span()
    pre = m.group("wpre")
    if pre == "前" and _TERM_END_BEFORE.search(m.string, max(0, start - 4), start):
        start, pre = m.start("wn"), None
    if pre or _VALUE_BEFORE.search(m.string, max(0, start - 6), start):
        return None
    if m.string.startswith("的", end) or _CONDITION_CLAUSE.match(m.string, end):
        return None  # 离校5年内的毕业生, 新迁入企业3年内成功上市的，…: a category or a condition
    if _LIFE_EVENT_BEFORE.search(m.string, max(0, start - 6), start):
        return None  # 在校及毕业5年内）, 领取毕业证5年内: the time since a person's event names a category
    if _TERM_ENDING_AFTER.match(m.string, end):
        return None  # 提醒3个月内认证即将到期的人员: whose term ends within the span, a category
    if _RECORD_AFTER.match(m.string, end):
        return None  # 3年内未发生重大安全事故的企业: a clean record names who qualifies
    if _CAPABLE_AFTER.match(m.string, end):
        return None  # 用在…在一年内（少数项目两年内）可以完工投产的项目: what a project can do names its class
    if _EXEMPTION_AFTER.match(m.string, end):
        return None  # 投产后三年内免予上缴: the length of a tax benefit
    if _RATE_BASE_BEFORE.search(m.string, max(0, start - 20), start) and _RATE_BASE_AFTER.match(m.string, end):
        return None  # 按照该产品销售后1年内销售合同累计到账额的30%给予资助: the base of a subsidy's rate
    n = 0.5 if m.group("wn") == "半" else _small_max(m.group("wn"))
    if n is None or n <= 0:
        return None
    unit = m.group("wu")
    if unit in _DAY_UNITS or unit.endswith("小时"):  # 15日内, 30个工作日内, 24小时内: shorter than a month
        return _mk(start, end, "within", None, None) if n <= 366 else None
    if unit == "年" and n >= 1900:  # 2025年内: by the end of that year
        return _mk(start, end, "by", int(n), None)
    if n > 30:
        return None
    return _mk(start, end, "within", None, None, _months(n, unit))


WITHIN = Rule(
    "within",
    rf"(?P<wpre>近|过去|前|最近|几|数)?(?P<wn>{_SMALL}|半(?=年)){_S}(?P<wu>年|个月|个?工作日|日|天|个?小时){_S}(?:左右{_S})?(?:之内|以内|内)",
    _within,
    examples=(
        example("3 年内引进 2 家企业。", {"text": "3 年内", "kind": "within", "months": 36}),
        example("15日内书面告知。", {"text": "15日内", "kind": "within", "months": None}),
        example(
            "2025年内完成验收。", {"text": "2025年内", "kind": "by", "year": 2025}, meta={"issue_date": "2020-08-15"}
        ),
        example("应在24小时内上报。", {"text": "24小时内", "kind": "within", "months": None}),
        example("半年内完成整改。", {"text": "半年内", "kind": "within", "months": 6}),
        example("近3年内未发生重大安全事故。", note="a look back"),
        example(
            "3年内未发生重大安全事故的企业，优先推荐；申报单位2年内无违法失信记录的主体方可申报。",
            note="(DU1) a clean record over the span closed by 的 + a class noun: who qualifies, no bound",
        ),
        example(
            "人力资源社会保障部门5个工作日内未作审查的自动确定第6个工作日为受理时间。",
            {"text": "5个工作日内", "kind": "within", "months": None},
            note="(DU1) a procedure's window (no class noun after 的): a within (realdev 0171 gold)",
        ),
        example(
            "有效期届满前一个月内，老年人可以办理续期手续。",
            {"text": "一个月内", "kind": "within", "months": 1},
            note="the window before a term's end, not a look back",
        ),
        example("企业前3年内未受处罚。", note="前 N年内 without a term's end: a look back"),
        example("这种情况几十年内不可能发生变化。", note="a vague span in prose"),
        example("时间压缩至1个工作日以内。", note="a value to reach (targets')"),
        example("面向离校5年内的高校毕业生。", note="a category (CONVENTIONS)"),
        example("普通高校、技工院校学生（在校及毕业5年内）可申请。", note="a category in brackets"),
        example("新迁入我市企业3年内成功上市的，另给予奖励。", note="a condition of a rule"),
        example(
            "按照该产品销售后1年内销售合同累计到账额的30%给予资助。", note="the base of a subsidy's rate (CONVENTIONS)"
        ),
        example("按照要求，3年内完成全部改造任务。", {"text": "3年内", "kind": "within", "months": 36}),
        example("短信提醒3个月内认证即将到期待遇领取人员办理认证。", note="whose term ends soon: a category"),
        example(
            "国家补助资金只能用在技术上成熟，在一年内（少数项目两年内）可以完工投产的项目。",
            note="what a project can do within the span names the class that qualifies (corpus-real 0020)",
        ),
        example("3年内形成月产能10万片的生产能力。", {"text": "3年内", "kind": "within", "months": 36}),
        example("新办企业投产后两年内免征企业所得税。", note="the length of a tax exemption (a benefit's term)"),
        example("改制企业三年内暂免缴纳土地出让金。", note="the same with 暂 before the exemption"),
        example("三年内减少排污总量百分之十。", {"text": "三年内", "kind": "within", "months": 36}),
        example(
            "申请家庭需在摇出房屋后3个工作日内（即3月31日-4月2日内）选定1套房屋。",
            {"text": "3个工作日内", "kind": "within", "months": None},
            meta={"issue_date": "2025-03-19"},
            note="a bracket opened by 即 glosses the bound before it: one bound, no window (realblind10 0163)",
        ),
    ),
)


def _consecutive(m: re.Match, env: _Env) -> Row | None:
    n = try_parse(m.group("xn"))
    if not n or n > 30:
        return None
    return _mk(*m.span(), "within", None, None, _months(n, m.group("xu")))


# 连续3年每年分别给予…: the span of a recurring act (CONVENTIONS: within 36 plus recurring 12);
# 连续3年营收增长 (a condition) has no 每 after it. 连续实施三年后，…再做调整: the issuer's act of running a programme and
# its length (实施/开展/执行/推进 between 连续 and the span) bound the programme as 利用三年时间 does: `within`.
CONSECUTIVE = Rule(
    "consec",
    rf"连续{_S}(?P<xact>(?:实施|开展|执行|推进){_S})?(?P<xn>{NUMBER_RE}){_S}(?P<xu>年|个月)"
    rf"(?(xact)|(?=[^，。；：\n]{{0,8}}?每))",
    _consecutive,
    examples=(
        example(
            "连续3年每年分别给予5000元、3000元的生活补贴。",
            {"text": "连续3年", "kind": "within", "months": 36},
            partial=True,  # and 每年 (recurring, rule recur)
        ),
        example("连续3年营业收入增长的企业。", note="a condition, no recurring act"),
        example(
            "分类开展6个方面试点示范培育行动。连续实施三年后，根据试点示范情况，再做相应调整。",
            {"text": "连续实施三年", "kind": "within", "months": 36},
            note="the length of the issuer's programme (realblind6 0115)",
        ),
        example(
            "连续三年由市财政每年出资1亿元用于园区建设。",
            {"text": "连续三年", "kind": "within", "months": 36},
            partial=True,  # and 每年 (recurring, rule recur)
            note="the payer between the span and 每年",
        ),
    ),
)


# 未来5-15年，是…关键时期: a predicate about the span (as `“十四五”时期是…`), no bound of a task
_SPAN_PREDICATE_AFTER = re.compile(r"[ \u3000]*[，,]?[ \u3000]*是")
# 照此推算，未来10年…将有4/5…: a forecast the text reasons to, not a span the issuer gives a task
_FORECAST_BEFORE = re.compile(r"(?:推算|预测|预计|估计|测算)[^。；！？\n]{0,6}$")


def _ahead(m: re.Match, env: _Env) -> Row | None:
    if _SPAN_PREDICATE_AFTER.match(m.string, m.end()):
        return None
    if _FORECAST_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None
    n = _small_max(m.group("an"))
    if not n or n > 30:
        return None
    return _mk(*m.span(), "within", None, None, _months(n, m.group("au")))


# 今后五年, 未来三年: the span a plan looks ahead over (within, like 3年内)
AHEAD = Rule(
    "ahead",
    rf"(?:今后|未来|此后){_S}(?P<an>{_SMALL}){_S}(?P<au>年|个月)(?!前|后|来|以前|以来)",
    _ahead,
    examples=(
        example("今后五年，全市生产总值年均增长6%。", {"text": "今后五年", "kind": "within", "months": 60}),
        example("未来三年，新建基站1万个。", {"text": "未来三年", "kind": "within", "months": 36}),
        example("未来5-15年，是我国传感器产业快速发展的关键时期。", note="a predicate about the span, no bound"),
        example("照此推算，未来10年人们的全部工作中将有4/5与信息相关。", note="a forecast, no bound"),
    ),
)


# 10年共部署约100个整装勘查区, 三年累计新增…, 三年计划培育150家…: the years a total is spread over, the plan's own span of the
# task (`within`, as 用3年时间); not a look back (近3年共…, 过去5年累计…), a report (3年共完成了…, 已…) or the
# instalments of a subsidy (分三年共给予60万元: its payment schedule, CONVENTIONS)
_TOTAL_PAST_AFTER = re.compile(r"[^，。；！？\n]{0,20}?(?:已|了)")


def _total(m: re.Match, env: _Env) -> Row | None:
    n = _small_max(m.group("tn"))
    if not n or n > 30 or _TOTAL_PAST_AFTER.match(m.string, m.end()):
        return None
    return _mk(*m.span(), "within", None, None, _months(n, "年"))


TOTAL = Rule(
    "total",
    rf"(?<![\d近去前此这后来分])(?P<tn>{_SMALL}){_S}年(?={_S}(?:(?:共|累计|合计)(?:计)?{_S}[\u4e00-\u9fff]"
    r"|计划(?:培育|建设|新增|完成|打造|引进|改造|推广|实施)))",
    _total,
    examples=(
        example(
            "滚动调整整装勘查区名录，10年共部署约100个整装勘查区。", {"text": "10年", "kind": "within", "months": 120}
        ),
        example("三年累计新增就业岗位1万个。", {"text": "三年", "kind": "within", "months": 36}),
        example(
            "三年计划培育150家以上智能制造试点示范企业。",
            {"text": "三年", "kind": "within", "months": 36},
            partial=True,
        ),
        example("近3年共获得专利10项。", note="a look back"),
        example("5年共完成了投资80亿元。", note="a report of the past"),
        example("对新增规模以上工业企业，分三年共给予60万元奖励。", note="a subsidy paid in instalments (CONVENTIONS)"),
    ),
)


# (DU2, lead ruling 1) A quarter or half year with its year written opening a task's clause (`2024年上半年，完成…`,
# `2024年第三季度，开展…`) is `by` that year, as a bare year opening a plan's clause is (CONVENTIONS); a bare one
# (`一季度`, `上半年`) is a bound only with a completion verb, as `N月份`, `12月` are, in the year the document makes
# clear. Not: a report of the period (`2024年上半年，全市地区生产总值同比增长5%`, 已/了), a year before the document's.
_PERIOD_REPORT = re.compile(r"已|了|去年|上年|前年|同比|比上年|较上年|比去年|较去年")


def _opens_period_clause(text: str, start: int, end: int, year: int, env: _Env) -> bool:
    """`2024年上半年，完成试点评估工作`: a written year's quarter or half year framing a task's clause."""
    if env.doc_year is not None and year < env.doc_year:
        return False
    opening = _OPENING_BEFORE.search(text, max(0, start - 8), start) or _INTENT_OPENING.search(
        text, max(0, start - 12), start
    )
    if opening is None or not _FRAME_AFTER.match(text, end):
        return False
    stop = _SENTENCE_END.search(text, end, end + 120)
    sentence = text[end : stop.start() if stop else end + 120]
    return bool(_STEP_ACTS.search(sentence) or _GOAL_WORDS.search(sentence)) and not _PERIOD_REPORT.search(sentence)


def _quarter(m: re.Match, env: _Env) -> Row | None:
    text, end = m.string, m.end()
    if m.group("qy") and not m.group("qsuf") and _opens_period_clause(text, m.start(), end, _year(m.group("qy")), env):
        return _mk(m.start(), end, "by", _year(m.group("qy")), None)
    clause = None if m.group("qsuf") else _COMPLETION_AFTER.match(text, end)
    if not m.group("qsuf") and (clause is None or _PERIOD_REPORT.search(text, max(0, m.start() - 6), clause.end())):
        return None  # 一季度召开, 去年一季度完成: not a bound
    if m.group("qy"):
        return _mk(m.start(), end, "by", _year(m.group("qy")), None)
    if _EVERY_YEAR_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return _mk(m.start(), end, "by", None, None)  # 每年第一季度完成…: a recurring due date
    row = _mk(m.start(), end, "by", env.doc_year, None)
    if row is not None:
        row["_resolve"] = (None, None)  # the year the document makes clear (_resolve_years)
    return row


# 一季度末前, 2024年第三季度前, 一季度完成: bounds at a quarter of a year
QUARTER = Rule(
    "quarter",
    rf"(?:(?P<qy>{_YEAR}){_S}年{_S})?(?:第?[一二三四1-4]季度|[上下]半年)(?:末|底)?(?P<qsuf>{_BEFORE})?",
    _quarter,
    examples=(
        example(
            "一季度末前完成招标。",
            {"text": "一季度末前", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-01-05"},
        ),
        example("2024年第三季度前完成。", {"text": "2024年第三季度前", "kind": "by", "year": 2024}),
        example(
            "一季度完成摸底调查。", {"text": "一季度", "kind": "by", "year": 2024}, meta={"issue_date": "2024-01-05"}
        ),
        example(
            "上半年开工80%以上。",
            {"text": "上半年", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-01-05"},
            note="(DU2) a bare half year with a completion verb, as 一季度 and N月份: the document's year",
        ),
        example(
            "2024年上半年，完成试点评估工作。",
            {"text": "2024年上半年", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-03-15"},
            note="(DU2) a half year with its year written opening a task's clause",
        ),
        example(
            "2025年第三季度，开展中期评估。",
            {"text": "2025年第三季度", "kind": "by", "year": 2025},
            meta={"issue_date": "2024-03-15"},
            note="(DU2) a quarter with its year opening a clause, the act no completion verb",
        ),
        example(
            "2024年上半年，全市地区生产总值同比增长5.2%。",
            meta={"issue_date": "2024-08-01"},
            note="(DU2) a report of the half year: no bound",
        ),
        example("2023年第三季度，全市开展了专项检查。", meta={"issue_date": "2024-03-15"}, note="(DU2) a past quarter"),
        example(
            "上半年全市经济运行总体平稳。", meta={"issue_date": "2024-08-01"}, note="(DU2) a bare half year, no act"
        ),
        example(
            "全部项目力争上半年能开尽开。",
            {"text": "上半年", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-01-05"},
            note="(DU2) 能开尽开: every project that can start work starts, a completion verb (开工)",
        ),
        example(
            "上半年完成方案制定，下半年全面推开。",
            {"text": "上半年", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-01-05"},
            note="(DU2) 全面推开 spreads a measure, no completion: the bare 下半年 is none",
        ),
        example(
            "应当于每年第一季度完成上一年度绩效自评。",
            {"text": "第一季度", "kind": "by", "year": None},
            meta={"issue_date": "2024-01-05"},
            partial=True,
        ),
        example("一季度召开推进会。", meta={"issue_date": "2024-01-05"}, note="not a bound"),
        example(
            "确保一季度续建项目全部复工。",
            {"text": "一季度", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-01-05"},
            note="复工/完工 complete a task as 竣工 does",
        ),
    ),
)


# `经过三年发展，…取得明显突破` (BL11): a plan's goals opening with the years of work that reach them, the work named
# by its noun (发展, 建设, 奋斗, 攻坚) after 经过, as `经过三年努力` names the effort; the same phrase narrating the past
# (`经过5年发展，我市已建成…`, `…以来`) reports a result: a 已/了/以来 before the sentence's end makes it none.
_EFFORT_WORK_REPORTED = re.compile(r"[^。；\n]*?(?:已|了|以来)")


def _effort(m: re.Match, env: _Env) -> Row | None:
    # 用三五年时间: two digits side by side are a range after 用 (numerals.CN_PAIR_RANGES; 三五 three to five)
    pair = CN_PAIR_RANGES.get(m.group("en"))
    n = pair[1] if pair else _small_max(m.group("en"))
    if not n or n > 30:
        return None
    if m.group("work") and (m.group("lead") != "经过" or n > 10 or _EFFORT_WORK_REPORTED.match(m.string, m.end())):
        return None
    return _mk(*m.span(), "within", None, None, _months(n, m.group("eu")))


EFFORT = Rule(
    "effort",
    rf"(?P<lead>利用|再用|用|花|通过|经过){_S}(?:大约|约)?{_S}(?P<en>{_SMALL}){_S}(?P<eu>年|个月){_S}(?:左右{_S})?的?{_S}"
    r"(?:时间|努力|(?P<work>发展|建设|奋斗|攻坚))",
    _effort,
    examples=(
        example(
            "经过三年发展，我省智能传感器产业取得明显突破。",
            {"text": "经过三年发展", "kind": "within", "months": 36},
            note="(BL11) the goals' frame: the years of work named by their noun, as 经过三年努力",
        ),
        example("经过5年发展，我市已建成完整的产业链。", note="(BL11) a look back (已): a result, no deadline"),
        example("经过40年建设，形成了完整的工业体系。", note="(BL11) a past span (了; decades): none"),
        example("利用三年的时间，建设智能工厂。", {"text": "利用三年的时间", "kind": "within", "months": 36}),
        example("力争用3-5年时间培育。", {"text": "用3-5年时间", "kind": "within", "months": 60}),
        example("力争用三五年时间培育。", {"text": "用三五年时间", "kind": "within", "months": 60}),
        example(
            "用３～５年时间，建设大型煤炭基地；再用５年左右时间，形成新格局。",
            {"text": "用３～５年时间", "kind": "within", "months": 60},
            {"text": "再用５年左右时间", "kind": "within", "months": 60},
            note="a second phase (再用…时间) is a bound of its own; 再 belongs to it",
        ),
    ),
)


# `恢复到2019年同期水平`, `恢复至2019年的水平`: 到/至 + a year + 水平 names the level a figure returns to (a baseline,
# as `较2020年`), not a time by which to act
_LEVEL_AFTER = re.compile(r"[ \u3000]*(?:的|同期|同期的)?[ \u3000]*水平")
_LEVEL_VERB_BEFORE = re.compile(r"(?:恢复|回升|回落|回|达|接近|相当于)[ \u3000]*$")


def _baseline_level(text: str, pre: str | None, start: int, end: int) -> bool:
    return bool(
        pre in ("到", "至")
        and _LEVEL_VERB_BEFORE.search(text, max(0, start - 4), start)
        and _LEVEL_AFTER.match(text, end)
    )


def _dated(m: re.Match, env: _Env) -> Row | None:
    g = m.group
    pre, suf = g("pre"), g("suf")
    year = _year(g("dy"))
    date = _iso(year, g("dm"), g("dd"))
    start = m.start("pre") if pre else m.start("dy")
    # without a suffix the match may end on spaces before the next word
    end = m.end("suf") if suf else len(m.group(0).rstrip(" \u3000")) + m.start()
    if suf == "以来":
        return None  # 2020年以来: a look back
    if suf in ("后", "以后"):
        return _stage_after(m, env, year, start, end)
    if g("dbad"):
        return _impossible_date(m, start, end)
    if not _YEAR_RANGE[0] <= year < _YEAR_RANGE[1]:
        return _dated_garbled(m, env, year, date, start, end)
    return _dated_year(m, env, year, date, start, end)


def _stage_after(m: re.Match, env: _Env, year: int, start: int, end: int) -> Row | None:
    """`第二阶段，2020年后，…全面建成`: a plan's stage after its horizon opens a clause with `YYYY年后，`; it bounds the
    stage's goals from that year on (`from`, like `从2021年起`). Not past, not a report, a calendar year only; a date
    (`2004年6月后投产的`) or a year inside a clause (`2004年后投产的电厂`) is a category, no bound."""
    if m.group("dm") or not _YEAR_RANGE[0] <= year < _YEAR_RANGE[1] or (env.doc_year and year < env.doc_year):
        return None
    if m.group("pre") or not _OPENING_BEFORE.search(m.string, max(0, start - 8), start):
        return None
    if _reports_state(m.string, end):
        return None
    return _mk(start, end, "from", year, None)


def _impossible_date(m: re.Match, start: int, end: int) -> Row | None:
    """`自3133年 6月81日起施行`: garbled digits make no calendar date; the bound keeps its kind, year and date null
    (CONVENTIONS), in the frames that make it a bound (自/从…起, 到/至…, …前)."""
    pre, suf = m.group("pre"), m.group("suf")
    if pre in ("从", "自") and suf in ("起", "开始"):
        return _mk(start, end, "from", None, None)
    if pre in ("截至", "截止到", "力争到", "到", "至") or (suf and suf not in ("起", "开始", "止", "前后")):
        return _mk(start, end, "by", None, None)
    return None


# (DU1) `展望2035年，基本实现社会主义现代化`, `展望二〇三五年，…`: a plan's long-range vision opens its clause with the
# horizon year, a `by` as `到2035年` is (CONVENTIONS DL8 reads `展望2035到2050年` so). Only a year after the document's
# own (a work report's `展望2024年，我们…` looks at its own year, no horizon), or, undated, not before its earliest bound.
_VISION_BEFORE = re.compile(r"(?:^|[。；！？，;,!?\n])[ \u3000]*展望[ \u3000]*$")


def _vision_year(text: str, start: int, end: int, year: int, env: _Env) -> bool:
    if not _VISION_BEFORE.search(text, max(0, start - 8), start) or not _FRAME_AFTER.match(text, end):
        return False
    return year > env.doc_year if env.doc_year else env.goal_year is None or year >= env.goal_year


def _dated_year(m: re.Match, env: _Env, year: int, date: dt.date | None, start: int, end: int) -> Row | None:
    g = m.group
    pre, suf = g("pre"), g("suf")
    if pre in ("从", "自") or suf in ("起", "开始"):
        return _dated_from(m, year, date, end)
    if suf == "止" and pre in ("至", "到"):
        return _mk(start, end, "until", year, date)
    if pre and pre.startswith("截止") and pre[2:3] in ("时", "日"):
        return _mk(m.start("dy"), end, "by", year, date)  # 申报截止时间为2024年8月22日: a due date
    if pre in ("截至", "截止到", "截止", "力争到", "到", "至") or (suf and suf != "止") or g("dend"):
        if pre == "力争到":
            start += 2  # 力争 is a qualifier, not part of the bound
        if (env.doc_year and year < env.doc_year) or _baseline_level(m.string, pre, start, end):
            return None  # a past state (截至2022年底，全市已有…); 恢复至2019年水平的80%: a baseline level's year
        if _states_the_past(m.string, pre, suf, end, year, env):
            return None
        return _mk(start, end, "by", year, date)
    bare_year = pre is None and suf is None and not g("dm")
    if bare_year and (
        _names_plan_goals(m.string, start, end, year, env)
        or _opens_goal(m.string, start, end, year, env)
        or _vision_year(m.string, start, end, year, env)
    ):
        # 2024年，全市…达到… (module docstring); 2025 年的主要目标是：…; 展望2035年，…
        return _mk(start, end, "by", year, None)
    if bare_year and (
        _completes_task(m.string, start, end, year, env.goal_year) or _required_year(m.string, start, end, year, env)
    ):
        return _mk(start, end, "by", year, None)  # 完成2024年目标任务; 要求一九八〇年综合利用煤矸石二千五百万吨…
    if pre is None and suf is None and g("dd") and _appointed_day(m.string, start, end):
        if env.doc_year and year < env.doc_year:
            return None
        return _mk(start, end, "by", year, date)  # 于2026年6月5日发放录取通知书: a task's appointed day
    if pre is None and suf is None and g("dm") and _schedule_step(m, env, year, start, end):
        return _mk(start, end, "by", year, date)  # 2006年10月，…启动试点工作: a schedule's step (its day if written)
    if (
        pre is None
        and suf is None
        and (_scheduled_act(m.string, start, end, year, env) or _completion_time(m.string, start, end, env))
    ):
        if env.doc_year and year < env.doc_year:
            return None
        # 某某项目2025年开工，2027年建成; 完成时限：2024年6月; a task table's 完成时限 cell `2025年`
        return _mk(start, end, "by", year, date)
    return None  # a bare date: issue-date line, past event, baseline year


# Task lists state when each task is due under a completion-time label (`完成时限：2024年6月`) or in a task
# table's completion-time column (`序号 | 重点任务 | 牵头单位 | 完成时限` … `2025年`, cells split by tabs):
# the bare date there is a `by`. `长期坚持`/`持续推进` in that column name no time and are no deadline (GUIDE).
_TIME_LABEL = "完成时限|完成时间|完成期限|时间节点|时限要求|办结时限|时限"
_TIME_LABEL_BEFORE = re.compile(rf"(?:{_TIME_LABEL})[ \u3000]*[：:为][ \u3000]*$")
_TIME_HEADER = re.compile(rf"^(?:{_TIME_LABEL})$")


def _completion_time(text: str, start: int, end: int, env: _Env) -> bool:
    if _TIME_LABEL_BEFORE.search(text, max(0, start - 12), start) or (start, end) in env.time_cells:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    cells = text[line_start:line_end].split("\t")
    if len(cells) < 3 or text[line_start:start].count("\t") != text[line_start:end].count("\t"):
        return False
    column = text[line_start:start].count("\t")
    if cells[column].strip(" \u3000") != text[start:end].strip(" \u3000"):
        return False  # the date is part of a longer cell
    return _header_names_time(text, line_start, column)


_TIME_HINT = re.compile(_TIME_LABEL)


def _time_cells(ctx: ExtractContext) -> frozenset[tuple[int, int]]:
    """The norm spans of the cells under a task table's completion-time column, in every layout the responsibility
    tables are read in (``extractors/org_tables.py``: tabs, ``|``, aligned gaps, and one cell a line as PDF and
    scraped pages give a table, `序号⏎重点任务⏎牵头单位⏎完成时限⏎1⏎…⏎2025年`): a bare date there is the task's due
    time as much as in a tab-separated row."""
    raw, text = ctx.norm.raw_text, ctx.text
    if _TIME_HINT.search(raw) is None:
        return frozenset()

    def header_role(start: int, end: int) -> str | None:
        cell = text[slice(*ctx.norm.to_norm(start, end))].strip(" \u3000*：:")
        return "time" if _TIME_HEADER.match(cell) else None

    return frozenset(ctx.norm.to_norm(c.start, c.end) for c in table_cells(raw, header_role, _TIME_HINT))


def _header_names_time(text: str, before: int, column: int) -> bool:
    """Does the nearest header row above (within 40 rows) name this column a completion time?"""
    pos, rows = before - 1, 0
    while pos > 0 and rows < 40:
        line_start = text.rfind("\n", 0, pos) + 1
        cells = text[line_start:pos].split("\t")
        if len(cells) > column and any(_TIME_HEADER.match(c.strip(" \u3000")) for c in cells):
            return _TIME_HEADER.match(cells[column].strip(" \u3000")) is not None
        pos, rows = line_start - 1, rows + 1
    return False


# (DU1) A plan schedules a task by the year (and month) written right before its completion verb inside a clause:
# `某某高速公路项目2025年开工`, `计划于2025年6月建成投用`, `全市2025年实现县县通高速`, `其中2024年建成2所` (GB/T 9704
# plans date their projects so, as `2027年底建成` and `5月底完成` with their 底/月). Not before the document's year (an
# undated text: its earliest bound), not a forecast or a baseline (预计/比/较 before it), not a report (已/了/同比 in
# the clause), not a class (`对2025年建成投产的项目`: 的 closes the verb phrase).
_YEAR_ACT_AFTER = re.compile(
    r"[ \u3000]*(?:全部|全面|基本|如期|按期|正式|初步|率先|陆续)?"
    r"(?:开工|建成|完工|竣工|投产|投用|投运|通车|完成|实现|启动|上线)(?P<rest>[^，。；：！？\n]{0,8})"
)
_YEAR_ACT_NOT_BEFORE = re.compile(r"(?:预计|预期|预测|估计|比|较|同|与|自|从)[ \u3000]*$")
_YEAR_ACT_REPORT = re.compile(r"已|了|同比|比上年|较上年")


def _scheduled_act(text: str, start: int, end: int, year: int, env: _Env) -> bool:
    own = env.doc_year or env.goal_year
    act = _YEAR_ACT_AFTER.match(text, end)
    if own is None or year < own or act is None or "的" in act.group("rest"):
        return False
    if _YEAR_ACT_NOT_BEFORE.search(text, max(0, start - 4), start):
        return False
    clause_start = max(text.rfind(c, 0, start) for c in "，。；！？,;\n") + 1
    stop = _SENTENCE_END.search(text, end, end + 60)
    clause = text[clause_start : stop.start() if stop else end + 60]
    return _YEAR_ACT_REPORT.search(clause) is None


_STATE_WORDS = re.compile(r"已|共有|现有|拥有|同比|比上年|较上年")
# A schedule (时间进度, 工作步骤) dates its steps by year and month at the opening of a sentence: `2006年10月，由…
# 联合进行试点动员，并启动试点工作。` is a `by` of that year (date null: no day; a notice's step dated to the day,
# `2025年3月20日，市住房保障办…公布…房源`, keeps its date). Only a month not before the document's own issue month, a
# day after its issue day (a dated document; an earlier one is a past event it narrates), with an act of the task in
# the sentence and no sign of a report (已, 了).
_STEP_ACTS = re.compile(r"启动|完成|开展|进行|部署|组织|召开|评估|验收|总结|印发|出台|建成|实施|推广|公布|公示")
_STEP_PAST = re.compile(r"已|了")


def _schedule_step(m: re.Match, env: _Env, year: int, start: int, end: int) -> bool:
    text = m.string
    if env.issue is None or not _OPENING_BEFORE.search(text, max(0, start - 8), start):
        return False
    month = int(parse_number(m.group("dm")))
    day = int(parse_number(m.group("dd"))) if m.group("dd") else None
    if not text.startswith(("，", ","), end) or (year, month) < (env.issue.year, env.issue.month):
        return False
    if day is not None and (year, month, day) <= (env.issue.year, env.issue.month, env.issue.day):
        return False  # on or before the issue day: a past event the notice narrates (or its own date)
    stop = _SENTENCE_END.search(text, end, end + 80)
    sentence = text[end : stop.start() if stop else end + 80]
    return bool(_STEP_ACTS.search(sentence)) and not _STEP_PAST.search(sentence)


_FRAME_AFTER = re.compile(r"[ \u3000]*[，,]")  # `2023年底，…`: the date frames the clause after it


# `2025年3月27日前（即…申请截止之日前）已进入轮候册…的家庭`: a date's 前 followed by 已 (after a gloss in brackets)
# and a `的`-phrase it opens says what already holds by that day, a condition on who qualifies (the class the 的
# names; its conditions may run over commas: `已进入轮候册、轮候号未被注销，且…之一的家庭`), not a time given for a
# task (`要于2025年6月30日前已全部完成`: no class, a task's time).
_ALREADY_AFTER = re.compile(r"(?:[ \u3000]*[（(][^（）()\n]{0,30}[）)])?[ \u3000]*已(?!经?[于在])[^；;。\n]{0,40}?的")


def _states_the_past(text: str, pre: str | None, suf: str | None, end: int, year: int, env: _Env) -> bool:
    if (pre in ("截至", "截止到", "截止") or (pre is None and not suf)) and _reports_state(text, end):
        return True  # 截止2020年底，已累计改造…; 一九八〇年末，全国共有…: a state, not a bound
    if pre is None and suf and suf.endswith("前") and _ALREADY_AFTER.match(text, end):
        return True  # 2025年3月27日前（即…）已进入轮候册的家庭: a state by that day (who qualifies)
    return pre is None and not suf and _narrated_past(text, end, year, env)  # 2008年底IBM首次提出…: an event


def _narrated_past(text: str, end: int, year: int, env: _Env) -> bool:
    """`2008年底IBM首次提出…` in an undated text: a bare `YYYY年底` before the text's earliest bound (its stand-in
    for the document's year: a plan's bounds lie in its future) that neither frames a clause (`2023年底，…`) nor
    takes a completion verb (`2023年底完成…`) dates an event of the past, as a dated text's earlier years do."""
    if env.doc_year is not None or env.goal_year is None or year >= env.goal_year:
        return False
    return not _FRAME_AFTER.match(text, end) and not _COMPLETION_AFTER.match(text, end)


def _reports_state(text: str, end: int) -> bool:
    """Does the sentence after a date report a state (已, 共有, 同比…) rather than set a goal?"""
    stop = _SENTENCE_END.search(text, end, end + 120)
    return _STATE_WORDS.search(text, end, stop.start() if stop else end + 120) is not None


def _completes_task(text: str, start: int, end: int, year: int, goal_year: int | None) -> bool:
    """`完成YYYY年…任务`: the year of a task to complete, not yet past (any year when the
    document states none: the phrase itself sets the task for that year)."""
    if goal_year is not None and year < goal_year:
        return False
    return bool(_COMPLETE_BEFORE.search(text, max(0, start - 3), start) and _TASK_AFTER.match(text, end))


# (BL22) `会议要求一九八〇年综合利用煤矸石二千五百万吨…`: the year a requirement sets its figures for (a figure in the
# year's clause: a digit or a run of Chinese numerals, not `一批`)
_REQUIRED_BEFORE = re.compile(r"要求[ \u3000]*$")
_FIGURE_AFTER = re.compile(r"[^，。；！？\n]{0,24}?(?:\d|[零〇一二两三四五六七八九十百千万亿]{2,})")


def _required_year(text: str, start: int, end: int, year: int, env: _Env) -> bool:
    """A year right after 要求 whose clause has a figure: what the requirement sets for that year, not yet past."""
    own = env.doc_year or env.goal_year
    if own is not None and year < own:
        return False
    return bool(_REQUIRED_BEFORE.search(text, max(0, start - 3), start) and _FIGURE_AFTER.match(text, end))


def _dated_from(m: re.Match, year: int, date: dt.date | None, end: int, written: bool = False) -> Row | None:
    pre = m.group("pre")
    if pre in ("从", "自") and m.group("suf") is None and not m.group("dd"):
        return None  # 从2021年 alone is usually a comparison baseline
    start = m.start("pre") if pre in ("从", "自") else m.start("dy")
    return _mk(start, end, "from", year, date, written=written)


def _dated_garbled(m: re.Match, env: _Env, year: int, date: dt.date | None, start: int, end: int) -> Row | None:
    """A year outside 1900–2199 is one whose digits the source garbled (`到4549年`, `0403年底前`, `0402年起`):
    kept as written and never past (CONVENTIONS), but only in a frame that makes it a year: 到/至/截至 before it,
    底/末, 起/开始 or 年内 after it, or a bare year opening a goal's clause. `5000年前` (ago) and bare numbers are none."""
    pre, suf = m.group("pre"), m.group("suf")
    if pre in ("从", "自") or suf in ("起", "开始"):
        return _dated_from(m, year, date, end, written=True)
    if pre in ("截至", "截止到", "力争到", "到", "至") or m.group("dend") or suf == "年内":
        return _mk(start + (2 if pre == "力争到" else 0), end, "by", year, date, written=True)
    if pre is None and suf is None and not m.group("dm") and _opens_goal(m.string, start, end, year, env, True):
        return _mk(start, end, "by", year, None, written=True)
    return None


DATED = Rule(
    "dated",
    rf"(?:(?P<pre>截止(?:时间|日期)[为是：:]?|截至|截止到|截止|力争到|到|至|从|自){_S})?{_date('d', _WRITTEN_YEAR)}"
    rf"(?P<dbad>(?<=[年月]){_S}\d+{_S}[月日号])?{_S}{_WEEKDAY}"  # an impossible month or day: _impossible_date
    rf"(?P<suf>前后|{_BEFORE}|年内|起(?![步草点源来])|开始|止|以来|(?:以)?后(?={_S}[，,]))?",
    _dated,
    examples=(
        example(
            "到2025年，规模以上企业大部分实现数字化；到2035年，全面普及。\n2025年的主要目标是：\n——建成100个示范工厂。",
            {"text": "到2025年", "kind": "by", "year": 2025},
            {"text": "到2035年", "kind": "by", "year": 2035},
            {"text": "2025年", "kind": "by", "year": 2025},
            note="(BL14) a plan's goals introduced by their year: the horizon a 到2025年 named, a by",
        ),
        example(
            "2025年主要目标为：培育50家骨干企业。",
            {"text": "2025年", "kind": "by", "year": 2025},
            meta={"issue_date": "2022-06-01"},
            note="(BL14) a year after the document's own",
        ),
        example(
            "2024年全市经济社会发展的主要目标是：地区生产总值增长5%左右。",
            meta={"issue_date": "2024-01-20"},
            note="(BL14) a work report's own year introducing its goals: no bound",
        ),
        example(
            "2030年的主要目标是：培育50家骨干企业。",
            note="(BL14) undated, no horizon named before it: no bound",
        ),
        example(
            "（二）时间进度。2006年10月，由财政部联合进行试点动员，并启动试点工作。",
            {"text": "2006年10月", "kind": "by", "year": 2006, "date": None},
            meta={"issue_date": "2006-09-30"},
            note="a schedule's step: year and month opening a sentence with an act of the task",
        ),
        example(
            "2006年3月，国务院召开会议部署试点工作。",
            meta={"issue_date": "2006-09-30"},
            note="a month before the issue date: a past event the document narrates",
        ),
        example("2024年10月，我市启动了试点工作。", meta={"issue_date": "2024-09-01"}, note="了: a report"),
        example(
            "本次分配的对象为2025年3月27日前（即本次申请截止之日前）已进入公共租赁住房轮候册、轮候号未被注销，且符合以下条件之一的家庭：",
            meta={"issue_date": "2025-03-19"},
            note="前 + 已: what already holds by that day, who qualifies (realblind10 0163)",
        ),
        example(
            "各地要于2025年6月30日前已全部完成排查整改。",
            {"text": "2025年6月30日前", "kind": "by", "year": 2025, "date": "2025-06-30"},
            meta={"issue_date": "2025-03-19"},
            note="前 + 已 with no 的-phrase after it: a task's time, no class that qualifies",
        ),
        example(
            "（一）公布房源\n2025年3月20日，市住房保障办、广州安居集团分别在市住房城乡建设局网站公布常态分配房源。",
            {"text": "2025年3月20日", "kind": "by", "year": 2025, "date": "2025-03-20"},
            meta={"issue_date": "2025-03-19"},
            note="a notice's schedule step dated to the day after the notice's date (realblind10 0163)",
        ),
        example(
            "2025年3月19日，市住房保障办公布常态分配房源。",
            meta={"issue_date": "2025-03-19"},
            note="on the issue day: what the notice itself does or narrates, no bound",
        ),
        example(
            "现就相关工作通知如下。\n2023年，聚焦知识库建设，推进系统落地应用，到2023年底前全部统筹地区上线子系统。",
            {"text": "2023年", "kind": "by", "year": 2023},
            {"text": "到2023年底前", "kind": "by", "year": 2023},
            note="undated: a year opening a paragraph whose sentence bounds the same year is the plan's year",
        ),
        example(
            "现就相关工作通知如下。\n2023年，聚焦知识库建设，推进系统落地应用。到2023年底，体系基本建立。",
            {"text": "到2023年底", "kind": "by", "year": 2023},
            note="undated, the bound of the same year in another sentence: the bare year may be a report's",
        ),
        example(
            "到2025年，全市接待游客恢复到2019年同期水平，客流量恢复至2019年的水平。",
            {"text": "到2025年", "kind": "by", "year": 2025},
            meta={"issue_date": None},
            note="a baseline level's year after 恢复到/恢复至: no bound",
        ),
        # garbled digits (the source scrambled them) are kept as written in the frames of a year (CONVENTIONS)
        example("力争到4549年，全省产值达到355亿元左右。", {"text": "到4549年", "kind": "by", "year": 4549}),
        example(
            "0403年底前建设完成10个示范基地。",
            {"text": "0403年底前", "kind": "by", "year": 403},
            meta={"issue_date": "2021-03-01"},
            note="a garbled year is never past",
        ),
        example(
            "0402年起，实施服务业提质工程。",
            {"text": "0402年起", "kind": "from", "year": 402},
            meta={"issue_date": "2021-03-01"},
        ),
        example(
            "自5355年6月6日起施行。",
            {"text": "自5355年6月6日起", "kind": "from", "year": 5355, "date": "5355-06-06"},
            note="a valid calendar date kept as written (CONVENTIONS)",
        ),
        example(
            "发展目标。0402年，全省服务业数字化转型全面推开。",
            {"text": "0402年", "kind": "by", "year": 402},
            meta={"issue_date": "2021-03-01"},
            note="a bare garbled year opening a goal's clause",
        ),
        example(
            "4.2022年启动智慧健康养老应用试点活动。",
            {"text": "2022年", "kind": "by", "year": 2022},
            meta={"issue_date": "2021-03-01"},
            note="an item's title opening with its year: a task scheduled for that year",
        ),
        example("距今5000年前，先民在此定居。", note="前 after a bare number: ago, no bound"),
        example(
            "一、现状与评价\n2013年底，浙江省委省政府做出了“五水共治”的决策部署。\n二、总体要求\n到2025年，基本建成体系。\n",
            {"text": "到2025年", "kind": "by", "year": 2025},
            note="a plan's starting point (现状与评价) narrates the past (corpus-real 0160)",
        ),
        example(
            "一、推进工作的主要进展和成效\n截至2021年1月底，各省民政部门均开展了排查工作。\n二、下一步工作\n2021年底前完成。\n",
            {"text": "2021年底前", "kind": "by", "year": 2021},
            meta={"doc_number": "民函〔2021〕742号"},
            note="a reply's account of results is a review part; the 发文字号 gives the document's year",
        ),
        example(
            "本实施细则自3133年 6月81日起施行。",
            {"text": "自3133年 6月81日起", "kind": "from", "year": None, "date": None},
            note="an impossible day: year and date null (CONVENTIONS)",
        ),
        example("2024年13月召开。", note="an impossible month and no frame of a bound"),
        example("对5355年6月6日前认定的园区，按原政策执行。", meta={"issue_date": "2022-01-01"}, note="a category"),
        example(
            "到2025年，规模以上企业达到800家。",
            {"text": "到2025年", "kind": "by", "year": 2025},
            meta={"issue_date": "2023-11-11"},
        ),
        example(
            "各项任务于2025年底前完成。",
            {"text": "2025年底前", "kind": "by", "year": 2025},
            meta={"issue_date": "2023-11-11"},
        ),
        example(
            "从2021年起，整合设立专项资金。",
            {"text": "从2021年起", "kind": "from", "year": 2021},
            meta={"issue_date": "2020-08-15"},
        ),
        example(
            "2004年年底前投运的燃煤电厂，2025年年底前完成改造。",
            {"text": "2025年年底前", "kind": "by", "year": 2025},
            meta={"issue_date": "2023-11-11"},
            note="2004年年底前: a past date (a category of plants)",
        ),
        example(
            "申报截止时间为2024年8月22日。",
            {"text": "2024年8月22日", "kind": "by", "year": 2024, "date": "2024-08-22"},
            meta={"issue_date": "2024-07-01"},
        ),
        example(
            "审核通过后，于2026年6月5日发放录取通知书。",
            {"text": "2026年6月5日", "kind": "by", "year": 2026, "date": "2026-06-05"},
            meta={"issue_date": "2026-04-20"},
            note="a task's appointed day (于 + date + an act)",
        ),
        example(
            "该项目于2021年3月1日完成验收。",
            meta={"issue_date": "2024-07-01"},
            note="an act on a day before the document's year: the past",
        ),
        example(
            "至2025年12月31日止。",
            {"text": "至2025年12月31日止", "kind": "until", "year": 2025, "date": "2025-12-31"},
            meta={"issue_date": "2022-12-20"},
        ),
        example(
            "力争到2027年，引进一批项目。",
            {"text": "到2027年", "kind": "by", "year": 2027},
            meta={"issue_date": "2024-05-31"},
        ),
        example(
            "2025年，全省新增高新技术企业1000家以上。",
            {"text": "2025年", "kind": "by", "year": 2025},
            meta={"issue_date": "2025-01-10"},
            note="a bare year opening a goal",
        ),
        example(
            "力争2026年实现营业收入100亿元；确保2025年全面完成改造任务。",
            {"text": "2026年", "kind": "by", "year": 2026},
            {"text": "2025年", "kind": "by", "year": 2025},
            meta={"issue_date": "2024-03-15"},
            note="(DU1) a modal of intent between the clause's opening and the year (力争 stays outside, as in 力争到)",
        ),
        example("确保2023年完成。", meta={"issue_date": "2024-03-15"}, note="(DU1) the same with a past year: none"),
        example(
            "展望2035年，全面建成现代化经济体系。展望二〇三五年，基本实现社会主义现代化。",
            {"text": "2035年", "kind": "by", "year": 2035},
            {"text": "二〇三五年", "kind": "by", "year": 2035},
            meta={"issue_date": "2021-03-01"},
            note="(DU1) a plan's long-range vision opening its clause with the horizon year (展望 outside the span)",
        ),
        example(
            "展望2024年，经济增长的有利条件强于不利因素。",
            meta={"issue_date": "2024-01-20"},
            note="(DU1) a work report looking at its own year: no horizon",
        ),
        example(
            "力争2026年是全面建成的关键一年。",
            meta={"issue_date": "2024-03-15"},
            note="(DU1) a predicate about the year (是) after the intent: no bound",
        ),
        example(
            "一九九〇年，凡有条件的地区都要安排一批节能改造项目。",
            {"text": "一九九〇年", "kind": "by", "year": 1990},
            meta={"issue_date": "1990-02-14"},
            note="a year opening a sentence that obliges its addressees (都要, 必须, 应当): that year's task (BL22)",
        ),
        example(
            "会议要求一九九〇年全省植树造林一百万亩，育苗五千亩。",
            {"text": "一九九〇年", "kind": "by", "year": 1990},
            meta={"issue_date": "1989-12-20"},
            note="a year right after 要求 with a figure in its clause: the year the requirement sets it for (BL22)",
        ),
        example("要求1988年全省植树造林100万亩。", meta={"issue_date": "1989-12-20"}, note="a past year: none"),
        example("要求2026年各地抓紧研究一批措施。", meta={"issue_date": "2026-01-20"}, note="no figure (一批): none"),
        example(
            "一九八九年，各地都要安排一批节能改造项目。",
            meta={"issue_date": "1990-02-14"},
            note="the same with a past year: a report, no bound",
        ),
        example(
            "2025年，我们要把扩大内需放在更加突出的位置。",
            meta={"issue_date": "2025-01-10"},
            note="要 alone is no obligation word: no bound",
        ),
        example(
            "保证完成一九八七年投产大中型发电机组五百五十万千瓦的任务。",
            {"text": "一九八七年", "kind": "by", "year": 1987},
            meta={"issue_date": "1987-03-11"},
        ),
        example(
            "（二）改革电网管理体制的工作,一九八八年先在华东电网试点,其他电网要抓紧制订方案,一九八九年起逐步实施。",
            {"text": "一九八八年", "kind": "by", "year": 1988},
            {"text": "一九八九年起", "kind": "from", "year": 1989},
            meta={"issue_date": "1988-10-21"},
            note="a dated plan's schedule: a year opening its first step (先, 首先, 率先) is that step's year",
        ),
        example(
            "国务院：一月七日，国务院会议讨论决定，一九八七年发行国家重点建设债券五十五亿元。",
            {"text": "一九八七年", "kind": "by", "year": 1987},
            meta={"issue_date": "1987-03-11"},
            note="a decision's content sets the year's plan (realdev 0035)",
        ),
        example("2024年先后出台了3项政策。", meta={"issue_date": "2024-01-01"}, note="先后: no step (了: a report)"),
        example(
            "1.2021年底前清理规范涉企收费。\n2.加快出口退税进度，将平均办理时间压减至8个工作日以内，2021年全面推广无纸化"
            "单证备案。（税务总局、海关总署等按职责分工负责）",
            {"text": "2021年底前", "kind": "by", "year": 2021},
            {"text": "2021年", "kind": "by", "year": 2021},
            note="undated: a year in a task a responsibility note closes is the task's year (realdev 0006)",
        ),
        example(
            "1.2020年底前完成清理。\n2.2020年，全市累计建成基站1万个，形成网络。（据市统计局）",
            {"text": "2020年底前", "kind": "by", "year": 2020},
            note="undated, a bracket naming no role: the year may be a report's",
        ),
        example(
            "2021年全面推广无纸化单证备案。",
            {"text": "2021年", "kind": "by", "year": 2021},
            meta={"issue_date": "2020-11-10"},
        ),
        example("截至2022年底，全市已有高新技术企业500家。", meta={"issue_date": "2023-06-30"}, note="a past state"),
        example("据统计，截止2020年底，已累计改造易涝区域100处。", note="a state, the document's year unknown"),
        example("一九八〇年末，全国共有地方煤矿二万零一百处。", note="a state, the document's year unknown"),
        example(
            "2008年底IBM首次提出“智慧地球”新理念。到2020年，智慧林业框架基本建成。",
            {"text": "到2020年", "kind": "by", "year": 2020},
            note="undated: a bare year-end before the earliest bound, narrating an event, is the past (realdev8d 0043)",
        ),
        example(
            "2019年底完成平台建设。到2020年，智慧林业框架基本建成。",
            {"text": "2019年底", "kind": "by", "year": 2019},
            {"text": "到2020年", "kind": "by", "year": 2020},
            note="with a completion verb the year-end is the plan's own milestone",
        ),
        example("2020年以来，累计完成投资。", meta={"issue_date": "2023-06-30"}, note="a look back"),
        example(
            "车联网用户渗透率达到30%以上。第二阶段，2020年后，技术创新、标准体系全面建成。",
            {"text": "2020年后", "kind": "from", "year": 2020},
            meta={"issue_date": "2018-12-25"},
            note="a plan's stage after its horizon: from that year (realblind6 0101, realblind7 0098)",
        ),
        example("2015年后，全市已建成基站1万个。", meta={"issue_date": "2013-01-01"}, note="a report"),
        example(
            "到2025年，基本建成体系。2025年以后，进一步巩固提升。",
            {"text": "到2025年", "kind": "by", "year": 2025},
            {"text": "2025年以后", "kind": "from", "year": 2025},
            meta={"issue_date": "2021-03-01"},
        ),
        example(
            "2024年年内完成。", {"text": "2024年年内", "kind": "by", "year": 2024}, meta={"issue_date": "2023-06-30"}
        ),
        example(
            "序号\t重点任务\t牵头单位\t完成时限\n1\t建设平台\t省科技厅\t2025年\n2\t完善机制\t省财政厅\t长期坚持",
            {"text": "2025年", "kind": "by", "year": 2025},
            meta={"issue_date": "2023-06-30"},
            note="a task table's completion-time column; 长期坚持 names no time",
        ),
        example(
            "序号\n重点任务\n牵头单位\n完成时限\n1\n建设平台\n省科技厅\n2025年\n2\n完善机制\n省财政厅\n2024年12月\n3\n"
            "开展评估\n省统计局\n长期坚持\n",
            {"text": "2025年", "kind": "by", "year": 2025},
            {"text": "2024年12月", "kind": "by", "year": 2024},
            meta={"issue_date": "2023-06-30"},
            note="(DU1) the same table one cell a line (PDF text, scraped pages): the column read as org_tables reads it",
        ),
        example(
            "| 序号 | 任务 | 完成时间 |\n|---|---|---|\n| 1 | 编制专项规划 | 2025年 |\n",
            {"text": "2025年", "kind": "by", "year": 2025},
            meta={"issue_date": "2023-06-30"},
            note="(DU1) a markdown table's completion-time column",
        ),
        example(
            "序号\n指标\n2022年\n2025年\n1\n森林覆盖率\n40%\n45%\n",
            meta={"issue_date": "2023-06-30"},
            note="(DU1) one cell a line, no completion-time column: the year columns of indicators are no bound",
        ),
        example(
            "序号\n任务\n责任单位\n完成时限\n1\n开展培训\n市人社局\n2022年\n",
            meta={"issue_date": "2023-06-30"},
            note="(DU1) a completion time before the document's year: the past",
        ),
        example(
            "某某高速公路项目2025年开工，2027年建成通车；城区污水管网改造工程计划于2025年6月完工，其中2024年建成2所学校。",
            {"text": "2025年", "kind": "by", "year": 2025},
            {"text": "2027年", "kind": "by", "year": 2027},
            {"text": "2025年6月", "kind": "by", "year": 2025},
            {"text": "2024年", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-03-15"},
            note="(DU1) a plan's year (and month) right before a completion verb inside its clause: the task's by",
        ),
        example(
            "对2025年建成投产的项目给予奖励。该项目2023年开工建设。项目预计2026年建成。全市2024年完成投资同比增长8%。",
            meta={"issue_date": "2024-03-15"},
            note="(DU1) a class (…投产的项目), a past year, a forecast (预计), a report (同比): none",
        ),
        example(
            "指标\t2022年\t2025年\n森林覆盖率\t40%\t45%",
            meta={"issue_date": "2023-06-30"},
            note="an indicator table's year columns are no completion time",
        ),
        example(
            "完成时限：2024年6月",
            {"text": "2024年6月", "kind": "by", "year": 2024},
            meta={"issue_date": "2023-06-30"},
        ),
        example(
            "2026年广州市天河区幼儿园招生工作方案根据有关文件，确保招生工作顺利开展。",
            meta={"issue_date": "2026-04-01"},
            note="the year of a title glued to the text",
        ),
    ),
)


# 市辖区每年因道路交通事故死亡的人数/市辖区机动车保有量: an indicator defined as a ratio (A/B), a rate
_FORMULA_AFTER = re.compile(r"[^，。；：！？\n]{0,30}?的[^，。；：！？\n]{0,8}?/")


_QUOTE_CLOSE_AFTER = re.compile(r"[^“”\"，。；\n]{0,6}[”\"]")


def _quoted_name(text: str, start: int, end: int) -> bool:
    """`扎实推进“每月一题”`: the period opens a short quoted name of a programme (as quoted names are no targets)."""
    return text[start - 1 : start] in ("“", '"') and _QUOTE_CLOSE_AFTER.match(text, end, end + 8) is not None


def _rate_period(text: str, start: int, end: int) -> bool:
    """Is this 每年/每月 the period of a cap, a rate or a condition rather than a time bound?"""
    if _RATE_BEFORE.search(text, max(0, start - 10), start) or _FORMULA_AFTER.match(text, end):
        return True
    if _THRESHOLD_BEFORE.search(text, max(0, start - 14), start) and _STEADY_AFTER.match(text, end):
        return True
    return bool(
        _CAP_AFTER.match(text, end)
        or _RATE_AFTER.match(text, end)
        or _RATE_OF_NOUN_AFTER.match(text, end)
        or _CONDITION_CLAUSE.match(text, end)
        or _QUANTITY_STATE_AFTER.match(text, end)
        or _REMNANT_AFTER.match(text, end)
        or _NORM_FLOOR_AFTER.match(text, end)
    )


def _recur(m: re.Match, env: _Env) -> Row | None:
    start, end = m.span()
    if _rate_period(m.string, start, end) or _quoted_name(m.string, start, end):
        return None
    if m.group("rc"):  # 每个合同年, 每个年度
        return _mk(start, end, "recurring", None, None, 12)
    n = try_parse(m.group("rn")) if m.group("rn") else 1
    if not n:
        return None
    return _mk(start, end, "recurring", None, None, int(n * _RECUR_MONTHS[m.group("ru")]))


RECUR = Rule(
    "recur",
    rf"每{_S}(?:(?P<rn>[两二三四五六七八九十\d]{{1,2}})?{_S}(?P<ru>年|季度?|半年|个月|月|个?学期|个?学年)"
    rf"|(?P<rc>个(?:自然|合同|会计|财政|考核)?年度?))",
    _recur,
    examples=(
        example("每年组织合作发展活动。", {"text": "每年", "kind": "recurring", "months": 12}),
        example("每三年复核一次。", {"text": "每三年", "kind": "recurring", "months": 36}),
        example("继续抓好接诉即办改革，扎实推进“每月一题”，深化主动治理。", note="a programme's quoted name"),
        example("全国煤矿积存的煤矸石约有十亿吨，每年的排矸量有五千万吨。", note="the period of a stated quantity"),
        example("矿区今后每年排矸量占地二百多亩。", note="the same without 的, with the land it takes"),
        example("全省每年产生的秸秆仍有30%未得到利用。", note="what each year's output still is: a problem stated"),
        example("每年组织的培训还有待加强。", {"text": "每年", "kind": "recurring", "months": 12}),
        example("每年的新增就业人数达到10万人。", {"text": "每年", "kind": "recurring", "months": 12}),
        example(
            "于每年7月、31月向工业和信息化部报告。",
            {"text": "每年", "kind": "recurring", "months": 12},
            note="a garbled month in the list: 每年 only (realdev 0080's reading)",
        ),
        example("每年6月底前报送年度进展。", {"text": "每年", "kind": "recurring", "months": 12}, partial=True),
        example("主体应每7个月提交阶段性报告。", {"text": "每7个月", "kind": "recurring", "months": 7}),
        example("每个合同年结束后报送。", {"text": "每个合同年", "kind": "recurring", "months": 12}),
        example(
            "学位补贴经费每学期开学后发放到学校。",
            {"text": "每学期", "kind": "recurring", "months": 6},
            note="the school term: the cycle of education rules",
        ),
        example("按照小学每生每学期2500元的标准补贴。", note="a per-pupil rate"),
        example(
            "各校每学年组织一次教学开放周。",
            {"text": "每学年", "kind": "recurring", "months": 12},
            note="(BL15) the school year bounds a recurring task as 每年 does",
        ),
        example("按照每生每学年1000元的标准给予资助。", note="(BL15) a per-pupil rate per school year"),
        example("每年安排不低于50亿元专项资金。", {"text": "每年", "kind": "recurring", "months": 12}, partial=True),
        example("每年安排最高100万元经费。", {"text": "每年", "kind": "recurring", "months": 12}, partial=True),
        example("每个单位每年最高补贴100万元。", note="the period of a cap"),
        example(
            "对新引进的高层次人才，每年给予最高10万元的生活补贴。",
            note="(DU2) a grant's cap for each member of a class: the rule's amount per period",
        ),
        example("对符合条件的人员，每月给予不超过2000元的租房补贴。", note="(DU2) 每月 as a rate's period"),
        example(
            "对新引进的全日制应届博士、硕士，每年分别给予5000元、3000元的生活补贴。",
            note="(DU2) amounts for the classes of a rule, each per year: no cycle",
        ),
        example(
            "根据平台建设运营情况，每年给予平台500万元补贴。",
            {"text": "每年", "kind": "recurring", "months": 12},
            note="(DU2) the issuer's yearly grant to one named body, no cap: a cycle (CONVENTIONS)",
        ),
        example(
            "每年给予各县区不少于200万元工作经费。",
            {"text": "每年", "kind": "recurring", "months": 12},
            note="(DU2) a floor of the issuer's yearly funding is no cap",
        ),
        example("补贴上限为每年200万元。", note="the period of a cap"),
        example("给予每人每月3000元实习补贴。", note="a per-person rate"),
        example("租金补贴每年不超过5万元。", note="a cap"),
        example("每年获支持企业数量最多不超过10个。", note="a cap"),
        example("原则上，小型排水管道清掏每年不得少于2次。", note="(BL31) the period of a norm's least frequency"),
        example("中型管道每2年不得少于3次。", note="(BL31) the same over two years"),
        example(
            "每年开展不少于2次应急演练。",
            {"text": "每年", "kind": "recurring", "months": 12},
            note="(BL31) the issuer's yearly act with its count: a cycle",
        ),
        example("用电指标每年两度，每年偿还本金的20%。", note="rates"),
        example("市辖区每年因道路交通事故死亡的人数/市辖区机动车保有量。", note="an indicator's formula"),
        example("年纳税额达到200万元以上、每年保持稳定增长的，给予补贴。", note="a condition clause"),
        example("年纳税额达到200万元以上、每年保持稳定增长；", note="a condition in an eligibility list"),
        example("结合目前我国发电设备每年5000万—6000万千瓦的制造能力，", note="a capacity per year: a rate"),
        example("建成每年10万吨的处理能力。", note="an output per year qualifying a noun"),
        example(
            "近期每年新开工电站规模应控制在6000万千瓦左右。",
            {"text": "每年", "kind": "recurring", "months": 12},
            note="the yearly cycle of a plan's cap: the quantity follows the verb, not 每年",
        ),
        example(
            "全市地区生产总值每年保持7%以上增长。",
            {"text": "每年", "kind": "recurring", "months": 12},
            note="a goal's cycle, no threshold before it",
        ),
    ),
)


# 按月领取养老保险待遇的参保人: the period names a category of people (like N年内的), no time bound
_CATEGORY_NOUN_AFTER = re.compile(r"[^，。；：！？\n]{0,30}?的(?:人员|参保人|对象|职工|退休人员|人|家庭|学生)")


# 按月继续缴费, 按月缴纳, 按月领取 (BL11): the instalments a person pays or draws under a rule (a rate's period, as
# CONVENTIONS' `每月不超过2000元`), not a cycle of the issuer's work (`按月调度`, `按季度报送`)
_PAYMENT_AFTER = re.compile(r"[ \u3000]*(?:继续|足额|逐月)?(?:缴费|缴纳|缴存|领取|申领|偿还|还款|支付)")


# (BL29) 扩大住房公积金按月直付房租试点范围: the period inside the name of a pilot or a mode (…试点, …模式) says how the
# scheme works; the task acts on the scheme (扩大…范围), it sets no cycle of its own
_SCHEME_NAME_AFTER = re.compile(r"[^，。；：！？\n的]{1,10}?(?:试点|模式)(?:范围|工作)?(?=[，。；：、\n]|$)")


def _per(m: re.Match, env: _Env) -> Row | None:
    if _CATEGORY_NOUN_AFTER.match(m.string, m.end()) or _PAYMENT_AFTER.match(m.string, m.end()):
        return None
    if _SCHEME_NAME_AFTER.match(m.string, m.end()):
        return None
    return _mk(*m.span(), "recurring", None, None, _RECUR_MONTHS[m.group("pu")])


PER = Rule(
    "per",
    r"按(?P<pu>季度?|月度?|半年度?)(?![份末初底节])",
    _per,
    examples=(
        example("各市按季度报送工作进展。", {"text": "按季度", "kind": "recurring", "months": 3}),
        example("按月调度重点项目。", {"text": "按月", "kind": "recurring", "months": 1}),
        example("按月份统计。", note="按月份 is not a cycle"),
        example("按月领取基本养老保险待遇的参保人应进行资格认证。", note="a category of people"),
        example(
            "可以向税务部门申请办理延缴业务，即按月继续缴费；",
            note="(BL11) a person's instalments under a rule: a payment's period, no cycle of the issuer's work",
        ),
        example("参保人员可按月领取失业保险金。", note="(BL11) 按月领取: a payment's period"),
        example("扩大住房租赁补贴按月直发试点范围。", note="(BL29) the period inside a pilot's name: how it works"),
        example("推广按季结算模式，按月调度项目进展。", {"text": "按月", "kind": "recurring", "months": 1}),
    ),
)


def _cycle(m: re.Match, env: _Env) -> Row | None:
    n = try_parse(m.group("cn"))
    if not n:
        return None
    return _mk(*m.span(), "recurring", None, None, int(n * _RECUR_MONTHS[m.group("cu")]))


CYCLE = Rule(
    "cycle",
    rf"(?<![\d〇○零一二三四五六七八九十两])(?P<cn>[一两二三四五\d]){_S}(?P<cu>年|个月|季度)"
    r"(?:一(?:次(?!性)|轮|度|届|评估?|考核?|审|检|换|调整|复核|认定|修订)"
    r"|(?:至少|最少|不少于)[\u4e00-\u9fff]{0,4}?[一1]次(?!性))",
    _cycle,
    examples=(
        example("科技型企业评价实行一年一评。", {"text": "一年一评", "kind": "recurring", "months": 12}),
        example("创新平台实行三年一轮考核。", {"text": "三年一轮", "kind": "recurring", "months": 36}),
        example(
            "待遇领取人员应一年至少进行一次资格认证。",
            {"text": "一年至少进行一次", "kind": "recurring", "months": 12},
            note="a duty's minimum frequency is its cycle",
        ),
        example("2023年一次性奖励不再执行。", meta={"issue_date": "2023-05-01"}, note="一次性 is not a cycle"),
    ),
)


_TOPIC_BEFORE = re.compile(r"(?:关于|就|对)[ \u3000]*$")
# 实现“十一五”时期能源消耗降低…的目标: the period names the goal to reach (an attribute of its noun), no bound
# 把“十一五”期间深化电力体制改革的各项任务落到实处: after 把/将 the period qualifies the object (the tasks of the
# period), as after 实现: an attribute of a noun, no bound (CONVENTIONS, plan periods in prose)
# 要求各地明确提出“十四五”期间，…工作的具体举措: after 提出/制定/编制 the period names what is to be drawn up
# (the measures of the period), the object of the verb, not the time frame of a task
_GOAL_NAME_BEFORE = re.compile(r"(?:实现|完成|落实|达到|确保|把|将|提出|制定|编制)[ \u3000]*$")
# A plan's own phase schedule (`“十一五”期间前两年，集中精力…`, `后三年，进一步完善…`): the first N years end in
# year start+N-1, the last N years at the period's end; a bound (`by`), not the five years.
_PHASE_COUNT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


_PLAN_NAME = re.compile(r"十[一二三四五六]五|(?<=“)[六七八九十]五(?=”)")
_PERIOD_PREDICATE = re.compile(r"[ \u3000]*(?:是|为|以来|的)")


def _latest_plan(text: str) -> int | None:
    """The end year of the latest five-year plan the text names: a document of the 十四五
    era that looks back on 十三五 names both, and 十三五 is then the past."""
    years = [PLAN_END[p] for p in set(_PLAN_NAME.findall(text))]
    return max(years) if years else None


def _five_year_plan(m: re.Match, env: _Env) -> Row | None:
    year = PLAN_END[m.group("plan")]
    if (env.doc_year and year < env.doc_year) or (env.plan_year and year < env.plan_year):
        return None  # “十三五”期间，全省累计…: a past period
    start, end = m.span()
    if m.group("phase"):
        n = _PHASE_COUNT[m.group("pn")]
        return _mk(start, end, "by", year - 5 + n if m.group("phase") in ("前", "头") else year, None)
    if m.group(0).endswith(("期间", "时期")):
        if _TOPIC_BEFORE.search(m.string, max(0, start - 3), start) or _PERIOD_PREDICATE.match(m.string, end):
            return None  # 关于“十三五”期间实施…的意见, “十四五”时期是…: a topic, not a bound
        if _GOAL_NAME_BEFORE.search(m.string, max(0, start - 3), start):
            return None
        return _mk(start, end, "within", year, None, 60)  # the plan's five years (realdev 0032)
    return _mk(start, end, "by", year, None)


FIVE_YEAR_PLAN = Rule(
    "fyp",
    r"(?:(?:到|至)“?|“)?(?P<plan>十[一二三四五六]五|(?<=“)[六七八九十]五(?=”))”?(?:计划|规划)?(?:(?:时期|期)?末|(?:期间|时期)"
    r"(?:(?P<phase>前|头|后|最后)(?P<pn>[一两二三四1-4])年(?!内))?)",
    _five_year_plan,
    examples=(
        example(
            "到“十四五”末，占比达到10%。",
            {"text": "到“十四五”末", "kind": "by", "year": 2025},
            meta={"issue_date": "2022-01-01"},
        ),
        example(
            "“十四五”期间，累计培育企业100家。",
            {"text": "“十四五”期间", "kind": "within", "year": 2025, "months": 60},
            meta={"issue_date": "2022-03-01"},
        ),
        example(
            "“十四五”时期，全省累计新增企业1万家。",
            {"text": "“十四五”时期", "kind": "within", "year": 2025, "months": 60},
            meta={"issue_date": "2021-05-01"},
        ),
        example("“十三五”期间，全县累计完成投资80亿元。", meta={"issue_date": "2022-03-01"}, note="a past period"),
        example(
            "国务院办公厅转发国家发展改革委关于“十三五”期间实施新一轮农村电网改造升级工程意见的通知",
            meta={"issue_date": "2016-02-16"},
            note="the topic of a title",
        ),
        example("现就“十四五”期间推进工作提出以下意见。", meta={"issue_date": "2021-06-01"}, note="the topic"),
        example(
            "一、“十一五”期间，在大电网覆盖范围内逐步关停以下燃煤机组。",
            {"text": "“十一五”期间", "kind": "within", "year": 2010, "months": 60},
            meta={"issue_date": "2007-01-20"},
            note="every five-year plan since 十一五 (2006-2010) names its period the same way",
        ),
        example(
            "（六）“十五”期间电力体制改革的主要任务是：实施厂网分开；…用一年时间组建国家电网公司，到“十五”末，各地区主要的发电企业均应参加统一竞价。",
            {"text": "“十五”期间", "kind": "within", "year": 2005, "months": 60},
            {"text": "到“十五”末", "kind": "by", "year": 2005},
            meta={"issue_date": "2002-02-10"},
            partial=True,  # and 用一年时间 (within, rule effort)
            note="the plans before 十一五 (六五 1981-1985 … 十五 2001-2005) are named the same way, in quotes (realdev8d 0031)",
        ),
        example("按照党的十五大和十五届五中全会精神。", meta={"issue_date": "2002-02-10"}, note="a congress, no plan"),
        example(
            "“十五”计划期间，全国新增发电装机1亿千瓦。",
            {"text": "“十五”计划期间", "kind": "within", "year": 2005, "months": 60},
            meta={"issue_date": "2001-03-01"},
            note="the plan's word between its name and 期间 (`“十五”计划期间`, `“十四五”规划期间`)",
        ),
        example(
            "“十一五”期间前两年，集中精力处理遗留问题；“十一五”期间后三年，进一步完善市场体系。",
            {"text": "“十一五”期间前两年", "kind": "by", "year": 2007},
            {"text": "“十一五”期间后三年", "kind": "by", "year": 2010},
            meta={"issue_date": "2007-04-06"},
            note="a plan's phase schedule: the first two years of 2006-2010 end in 2007, the last three in 2010",
        ),
        example(
            "“十一五”期间，要抓住电力供需矛盾缓解的有利时机。",
            {"text": "“十一五”期间", "kind": "within", "year": 2010, "months": 60},
            meta={"issue_date": "2007-04-06"},
            note="a plan period in prose opening a clause: the frame of its tasks (CONVENTIONS), also in a document "
            "whose title names the period",
        ),
        example(
            "共同把“十一五”期间深化电力体制改革的各项任务落到实处。",
            meta={"issue_date": "2007-04-06"},
            note="after 把 the period qualifies the tasks (the tasks of the period): an attribute, no bound",
        ),
        example(
            "对于实现“十一五”时期能源消耗降低的目标至关重要。",
            meta={"issue_date": "2007-01-20"},
            note="the period names the goal (实现…时期…的目标): an attribute, no bound",
        ),
        example("“十四五”时期是全面建设现代化的关键时期。", meta={"issue_date": "2021-06-01"}, note="about the period"),
        example(
            "要求各地明确提出“十四五”期间，城市排水防涝工作的具体举措和意见建议。",
            meta={"issue_date": "2021-06-01"},
            note="after 提出 the period names the measures to draw up (the object), no bound",
        ),
        example(
            "“十三五”时期，我省主要指标完成良好。“十四五”时期，全省新建管网1万公里。",
            {"text": "“十四五”时期", "kind": "within", "year": 2025, "months": 60},
            note="the document's year unknown: the latest plan named is current",
        ),
    ),
)


def _plan_start(m: re.Match, env: _Env) -> Row | None:
    first = PLAN_END[m.group("splan")] - 4
    if env.doc_year and first < env.doc_year:
        return None  # 从“十一五”开始，我国已累计… in a 2012 text: a period begun before it, narrated
    return _mk(*m.span(), "from", first, None)


# 从“十一五”开始，要将…纳入规划, 自“十四五”起: a task's start named by a plan period, `from` its first year (as 从2006年起;
# BL16, realblind15 0002)
PLAN_START = Rule(
    "fyp_start",
    r"(?:从|自)[ \u3000]*“?(?P<splan>十[一二三四五六]五|(?<=“)[六七八九十]五(?=”))”?(?:计划|规划)?(?:时期|期间)?"
    r"(?:开始|起)",
    _plan_start,
    examples=(
        example(
            "从“十一五”开始，要将国家重点环保工程纳入国民经济和社会发展规划。",
            {"text": "从“十一五”开始", "kind": "from", "year": 2006},
            meta={"issue_date": "2005-12-03"},
        ),
        example(
            "自“十四五”起，逐步推行生活垃圾分类收费制度。",
            {"text": "自“十四五”起", "kind": "from", "year": 2021},
            meta={"issue_date": "2020-11-01"},
        ),
        example(
            "从“十二五”时期开始，全面实行排污许可制度。",
            {"text": "从“十二五”时期开始", "kind": "from", "year": 2011},
            meta={"issue_date": "2010-06-01"},
            note="the period's word between its name and 开始: one span, not a `within` of the period",
        ),
        example(
            "从“十一五”开始，我国已累计关停小火电机组7000万千瓦。",
            meta={"issue_date": "2012-03-01"},
            note="a period begun before the document: narrated, no bound",
        ),
        example("“十一五”开始实施的项目要加快建设。", meta={"issue_date": "2005-12-03"}, note="no 从/自: a class"),
    ),
)

# A month-only date is a bound with a completion verb in its clause (5月底完成, 6月份启动);
# after 每年 it is a recurring due date (每年1月底向…报送): a bound with year null.
_COMPLETION_AFTER = re.compile(
    r"[^，。；：！？\n]{0,10}?(?:完成|建成|出台|印发|上线|投用|投运|投产|开工|竣工|完工|复工|启动|报送|提交|落地|开通|验收|挂牌"
    r"|[应能]开尽开)"  # (DU2) 应开尽开/能开尽开: every project that can start work starts (开工)
)
# 每年6月、12月向…报告: the months of a yearly report (a list after 每年 is due dates, each with year null)
_EVERY_YEAR_BEFORE = re.compile(rf"每{_S}年{_S}(?:的{_S})?(?:(?:{_MONTH}){_S}月(?:底|末)?{_S}[、和及]{_S})*$")
_DUE_AFTER = re.compile(r"[^，。；：！？\n]{0,30}?(?:报告|报送|上报|提交|公布|发布|完成|召开|组织|开展)")
# the rest of such a list: every item must be a month (`每年7月、31月`: a garbled list is no due date)
_MONTH_LIST_AFTER = re.compile(rf"(?:{_S}[、和及]{_S}(\d+|[一二三四五六七八九十]+){_S}月)*")
_WRITTEN_YEAR_BEFORE = re.compile(rf"\d{{2,4}}{_S}年{_S}$")
_EVENT_YEAR_BEFORE = re.compile(rf"(?:次|当|同|上|下)一?年度?{_S}$")
_PAST_MARKS = re.compile(r"已|了|去年|上年|前年")
# A step of a schedule (GB/T 9704 notices and 办事指南 list their procedure one step a line, each opening
# with its day): `7月2日，区教育局…公布录取情况`, `7月1日15:00，系统将自动关闭`.
_LINE_OPENING = re.compile(r"(?:^|\n)[ \u3000\t\xa0]*$")
_STEP_AFTER = re.compile(rf"{_S}(?:\d{{1,2}}{_S}[:：]{_S}\d{{2}}{_S})?[，,]")


# A task's appointed day (GB/T 9704 notices set the day of each step with `于`: `于5月18日向社会公告`,
# `于2026年6月5日发放录取通知书`): a day after `于` with an act of the task in its clause is a `by`.
# Meetings (召开/举行) are left out: `于8月6日召开` is as often a report as an appointment (_HELD).
_APPOINTED_BEFORE = re.compile(r"于[ \u3000]*$")
_APPOINTED_ACT = re.compile(
    r"[^，。；：！？\n]{0,20}?(?:发放|发出|发布|公布|公告|公示|报送|提交|上报|报名|完成|启动|办理|录取|注册|通知|送达)"
)


def _appointed_day(text: str, start: int, end: int) -> bool:
    if not _APPOINTED_BEFORE.search(text, max(0, start - 2), start):
        return False
    act = _APPOINTED_ACT.match(text, end)
    return act is not None and not _PAST_MARKS.search(text, max(0, start - 6), act.end())


def _month_bound(m: re.Match, text: str, start: int, end: int, yearly: bool, env: _Env) -> bool:
    """Is this month-only date a bound (GUIDE: a completion verb; CONVENTIONS: after 每年, a due date)?"""
    if m.group("msuf") or (m.group("mpre") and m.group("mend")) or (start, end) in env.time_cells:
        return True  # (a task table's completion-time cell `6月` is the task's due month)
    if m.group("mpre") is not None:
        return False
    if yearly:
        if m.group("mend") in ("底", "末"):
            return True  # 每年1月底向…报送
        listed = _MONTH_LIST_AFTER.match(text, end)
        months = re.findall(r"(\d+|[一二三四五六七八九十]+)(?=[ \u3000]*月)", listed.group(0))
        return all(1 <= (try_parse(n) or 0) <= 12 for n in months) and _DUE_AFTER.match(text, end) is not None
    if m.group("md") and _LINE_OPENING.search(text, max(0, start - 8), start) and _STEP_AFTER.match(text, end):
        return True  # 7月2日，区教育局…公布: a schedule step
    if m.group("md") and _appointed_day(text, start, end):
        return True  # 于5月18日向社会公告: a task's appointed day
    if not m.group("md") and _month_step(m, text, start, end, env):
        return True  # 11月份，市级开展抽查: a step of the work schedule (DU2)
    clause = _COMPLETION_AFTER.match(text, end)
    return clause is not None and not _PAST_MARKS.search(text, max(0, start - 6), clause.end())


# (DU2, lead ruling 2) A month-only step of a dated document's work schedule (工作安排/进度安排/时间安排 steps, or a
# clause of a task): `2024年10月底前，各县区完成自查；11月份，市级开展抽查`, `6月份，完成…`, `12月，组织验收`. The month
# opens its sentence or clause (after 。；：, a line start or an item's marker, not a 、-list or a comma inside a
# narration) and frames the clause after it (`，`), whose act need not be a completion verb (DL8's schedule step with
# its year: the same acts). Not: a month before the issue month (a past event the text narrates), a clause reporting
# (已/了), a month after 每 (`每月…`: a rate's or a cycle's period, RECUR).
_MONTH_STEP_OPENING = re.compile(
    r"(?:^|[。；！？;!?\n：:])[ \u3000]*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)])?[ \u3000]*$"
)


def _month_step(m: re.Match, text: str, start: int, end: int, env: _Env) -> bool:
    if (
        env.issue is None
        or env.doc_year is None
        or m.group("mend") not in (None, "份", "底", "末", "上旬", "中旬", "下旬")
    ):
        return False
    if not _MONTH_STEP_OPENING.search(text, max(0, start - 8), start) or not _FRAME_AFTER.match(text, end):
        return False
    month = try_parse(m.group("mm"))
    if not month or not 1 <= month <= 12 or (env.doc_year <= env.issue.year and month < env.issue.month):
        return False
    stop = _SENTENCE_END.search(text, end, end + 80)
    sentence = text[end : stop.start() if stop else end + 80]
    return bool(_STEP_ACTS.search(sentence)) and not _STEP_PAST.search(sentence)


# 每年10月底前，各省…上报；11月底前，确定…: the later steps of a yearly schedule's sentence recur too (year null)
_YEARLY_SCHEDULE_BEFORE = re.compile(rf"每{_S}年{_S}(?:的{_S})?(?:{_MONTH}){_S}月[^。！？\n]*$")


def _month(m: re.Match, env: _Env) -> Row | None:
    text, start, end = m.string, m.start(), m.end()
    yearly = _EVERY_YEAR_BEFORE.search(text, max(0, start - 16), start) is not None
    if not _month_bound(m, text, start, end, yearly, env):
        return None  # 6月 alone is not a bound
    if m.group("mpre") is None:
        start = m.start("mm")
    steps_of_a_year = _YEARLY_SCHEDULE_BEFORE.search(text, max(0, start - 80), start) is not None
    if yearly or steps_of_a_year or _WRITTEN_YEAR_BEFORE.search(text, max(0, start - 6), start):
        return _mk(start, end, "by", None, None)  # recurring, or its written year unreadable (5355年6月)
    if _EVENT_YEAR_BEFORE.search(text, max(0, start - 4), start):
        return _mk(start, end, "by", None, None)  # 次年3月底前: the year after an event, not a calendar year
    row = _mk(start, end, "by", env.doc_year, _iso(env.doc_year, m.group("mm"), m.group("md")))
    if row is not None:
        row["_resolve"] = (m.group("mm"), m.group("md"))  # _resolve_years may find the year nearer by
    return row


MONTH = Rule(
    "month",
    rf"(?:(?P<mpre>到|截至|至){_S})?(?P<mm>{_MONTH}){_S}月(?:{_S}(?P<md>{_DAY}){_S}[日号])?"
    rf"(?P<mend>底|末|份|中旬|上旬|下旬)?{_WEEKDAY}(?P<msuf>{_BEFORE})?",
    _month,
    examples=(
        example(
            "每年10月底前，各省份上报试点名单；11月底前，确定试点示范项目。",
            {"text": "10月底前", "kind": "by", "year": None},
            {"text": "11月底前", "kind": "by", "year": None},
            meta={"issue_date": "2016-03-01"},
            partial=True,
            note="the later steps of a yearly schedule recur too: year null",
        ),
        example(
            "各地于6月底前报送名单。",
            {"text": "6月底前", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-03-01"},
        ),
        example(
            "汇总申报材料后于4月26日（周五）前报市工业和信息化局。",
            {"text": "4月26日（周五）前", "kind": "by", "year": 2024, "date": "2024-04-26"},
            meta={"issue_date": "2024-03-01"},
            note="the weekday a notice writes between the due date and its 前 belongs to the bound",
        ),
        example("会议定于4月26日（周五）召开。", meta={"issue_date": "2024-03-01"}, note="a weekday alone: no bound"),
        example(
            "9月30日前完成。",
            {"text": "9月30日前", "kind": "by", "year": 2024, "date": "2024-09-30"},
            meta={"issue_date": "2024-03-01"},
        ),
        example(
            "5月底完成摸底调查。", {"text": "5月底", "kind": "by", "year": 2024}, meta={"issue_date": "2024-03-01"}
        ),
        example(
            "6月份启动申报工作。", {"text": "6月份", "kind": "by", "year": 2024}, meta={"issue_date": "2024-03-01"}
        ),
        example("12月建成投用。", {"text": "12月", "kind": "by", "year": 2024}, meta={"issue_date": "2024-03-01"}),
        example(
            "每年12月底之前向我部报送年度工作总结。",
            {"text": "12月底之前", "kind": "by", "year": None},
            meta={"issue_date": "2022-09-20"},
            partial=True,
            note="a recurring due date: year null (CONVENTIONS)",
        ),
        example(
            "区民政部门应于每年1月底向市民政部门报送。",
            {"text": "1月底", "kind": "by", "year": None},
            meta={"issue_date": "2024-03-01"},
            partial=True,
        ),
        example(
            "省、市级政府相关主管部门于每年6月、12月向工业和信息化部报告辖区内道路测试情况。",
            {"text": "6月", "kind": "by", "year": None},
            {"text": "12月", "kind": "by", "year": None},
            meta={"issue_date": "2018-04-03"},
            partial=True,
            note="the months of a yearly report: due dates, year null (CONVENTIONS: 每年12月底之前)",
        ),
        example(
            "（三）公布结果\n7月2日，区教育局通过系统公布录取情况。\n7月4日，录取学生到学校注册。",
            {"text": "7月2日", "kind": "by", "year": 2026, "date": "2026-07-02"},
            {"text": "7月4日", "kind": "by", "year": 2026, "date": "2026-07-04"},
            meta={"issue_date": "2026-05-20"},
            note="steps of a schedule, one a line opening with its day",
        ),
        example(
            "7月1日15:00，积分入学系统将自动关闭。",
            {"text": "7月1日", "kind": "by", "year": 2026, "date": "2026-07-01"},
            meta={"issue_date": "2026-05-20"},
        ),
        example("会议指出，7月2日，全市召开动员大会。", meta={"issue_date": "2026-05-20"}, note="not a line's opening"),
        example(
            "2024年10月底前，各县区完成自查；11月份，市级开展抽查。",
            {"text": "11月份", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-03-15"},
            partial=True,
            note="(DU2) a month-only step of the schedule opening its clause: the act need not complete",
        ),
        example(
            "（三）时间安排\n6月份，完成方案制定。\n12月，组织验收。",
            {"text": "6月份", "kind": "by", "year": 2024},
            {"text": "12月", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-03-15"},
            note="(DU2) steps of a 时间安排, one a line",
        ),
        example(
            "今年以来，全市扎实推进各项工作。2月，市政府召开动员大会。",
            meta={"issue_date": "2024-03-15"},
            note="(DU2) a month before the issue month: a past event narrated",
        ),
        example("11月份，市级开展了抽查。", meta={"issue_date": "2024-03-15"}, note="(DU2) a report (了)"),
        example("指导企业做好11月份，12月份的生产安排。", meta={"issue_date": "2024-03-15"}, note="(DU2) not opening"),
        example(
            "电脑派位招生计划将于5月18日向社会公告。",
            {"text": "5月18日", "kind": "by", "year": 2026, "date": "2026-05-18"},
            meta={"issue_date": "2026-04-20"},
            note="a task's appointed day: 于 + day + an act",
        ),
        example("已于5月18日向社会公告。", meta={"issue_date": "2026-04-20"}, note="the past"),
        example("定于6月1日召开推进会。", meta={"issue_date": "2026-04-20"}, note="a meeting: left to _HELD's rule"),
        example("6月召开推进会。", meta={"issue_date": "2024-03-01"}, note="6月 alone is not a bound"),
        example(
            "序号\n重点任务\n牵头单位\n完成时限\n1\n建设平台\n省科技厅\n6月\n2\n完善机制\n省财政厅\n12月\n",
            {"text": "6月", "kind": "by", "year": 2024},
            {"text": "12月", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-03-01"},
            note="(DU1) a month alone in a task table's completion-time cell: the task's due month",
        ),
        example(
            "序号\n指标\n6月\n12月\n1\n完成投资（亿元）\n20\n45\n",
            meta={"issue_date": "2024-03-01"},
            note="(DU1) months as the columns of a progress table: no completion-time column, no bound",
        ),
        example("去年6月已建成投用。", meta={"issue_date": "2024-03-01"}, note="the past"),
        example(
            "资金于次年3月底前完成清算。",
            {"text": "3月底前", "kind": "by", "year": None},
            meta={"issue_date": "2024-03-01"},
            note="次年/当年 count from an event: year null (like 自认定当年起)",
        ),
    ),
)


def _relative(m: re.Match, env: _Env) -> Row | None:
    if m.group("fw"):  # 从今年起, 自明年开始: a start in the year the document's date makes (GUIDE from: 从/自……起)
        year = env.doc_year + (m.group("fw") == "明年") if env.doc_year else None
        return _mk(*m.span(), "from", year, None)
    word = m.group("rw")
    if word and not m.group("rsuf"):
        return None  # bare 今年/明年 is no deadline span (CONVENTIONS, consistency review)
    if word == "明年":
        year = env.doc_year + 1 if env.doc_year else None
    else:
        year = env.doc_year
    if not word and _EVERY_YEAR_BEFORE.search(m.string, max(0, m.start() - 4), m.start()):
        return _mk(*m.span(), "by", None, None)  # 每年年底前报送: a recurring due date, year null (CONVENTIONS)
    row = _mk(*m.span(), "by", year, _iso(year, m.group("rm"), m.group("rd")))
    if row is not None and not word:
        row["_resolve"] = (None, None)  # 年底前/年内: the year the document makes clear (_resolve_years)
    return row


RELATIVE = Rule(
    "rel",
    rf"(?:从|自){_S}(?P<fw>今年|本年度?|明年){_S}(?:起(?![步草点源来])|开始)"
    rf"|(?P<rw>今年|本年度?|明年)(?P<rsuf>年?底{_BEFORE}?|内"
    rf"|{_S}(?P<rm>{_MONTH}){_S}月(?:{_S}(?P<rd>{_DAY}){_S}[日号])?(?:底|末)?{_BEFORE})?"
    rf"|(?<![\d一二三四五六七八九十两每百千万去前上当全半多余])年(?:底{_BEFORE}|内)",
    _relative,
    examples=(
        example(
            "今年底前完成摸底，明年底前全面推开。",
            {"text": "今年底前", "kind": "by", "year": 2023},
            {"text": "明年底前", "kind": "by", "year": 2024},
            meta={"issue_date": "2023-02-01"},
        ),
        example(
            "明年6月底前全面完成整改。",
            {"text": "明年6月底前", "kind": "by", "year": 2025},
            meta={"issue_date": "2024-04-01"},
        ),
        example("力争年底前完成。", {"text": "年底前", "kind": "by", "year": 2024}, meta={"issue_date": "2024-04-01"}),
        example(
            "从今年起，每年新增保障性租赁住房1000套；自明年开始，全面推行。",
            {"text": "从今年起", "kind": "from", "year": 2024},
            {"text": "自明年开始", "kind": "from", "year": 2025},
            meta={"issue_date": "2024-04-01"},
            partial=True,
            note="(DU1) 从/自 + 今年/明年 + 起/开始: from the year the document's date makes",
        ),
        example("今年开始试点。", meta={"issue_date": "2024-04-01"}, note="(DU1) without 从/自: bare 今年, no span"),
        example(
            "各市每年年底前报送工作总结。",
            {"text": "年底前", "kind": "by", "year": None},
            meta={"issue_date": "2024-04-01"},
            partial=True,
            note="after 每年 a recurring due date (CONVENTIONS: 每年12月底之前)",
        ),
    ),
)


def _holiday(m: re.Match, env: _Env) -> Row | None:
    clause = _COMPLETION_AFTER.match(m.string, m.end())
    if clause is None or _PAST_MARKS.search(m.string, max(0, m.start() - 6), clause.end()):
        return None  # 汛前、汛期内涝风险研判: a season named, no bound
    row = _mk(*m.span(), "by", env.doc_year, None)
    if row is not None:
        row["_resolve"] = (None, None)  # the year the document makes clear, as for 年底前 (_resolve_years)
    return row


# Work plans bound tasks by the festivals and the flood season of the year (`“十一”前建成运营`,
# `国庆节前完成`, `汛前完成水毁修复`): a `by` of the year the document makes clear, like 年底前,
# when a completion verb follows.
HOLIDAY = Rule(
    "holiday",
    r"(?:“(?:十一|五一)”|国庆节?|春节|元旦|入汛|汛)(?:前|之前)(?![期后])",
    _holiday,
    examples=(
        example(
            "中华巴洛克三期首开区“十一”前建成运营。",
            {"text": "“十一”前", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-02-01"},
        ),
        example(
            "汛前完成43项水毁修复工程。",
            {"text": "汛前", "kind": "by", "year": 2023},
            meta={"issue_date": "2023-03-01"},
        ),
        example("全面提高汛前、汛期内涝风险研判预警能力。", meta={"issue_date": "2023-03-01"}, note="no completion"),
    ),
)

# Notices on seasonal work bound their tasks by the season's arrival (`在迎峰度夏来临前，…开展一次安全生产大检查`,
# `做好台风来临前的电煤抢运工作`, `汛期到来之前完成隐患排查`, `冬季来临前完成供暖设施检修`): `X来临前`/`X到来前`
# names the coming season of the document's year, a `by` like 汛前 (the year the document makes clear). The season
# is named by the genre's words for the year's weather and load peaks; a past mark (已/去年) drops it.
_SEASON = (
    r"(?:主?汛期?|雨季|台风|寒潮|冰冻|低温雨雪|冬季|夏季|春季|秋季|冬春季?|高温|迎峰度[夏冬]|用电高峰|采暖季|供暖季)"
)

_SEASON_PAST = re.compile(r"已|去年|上年|前年")  # not 了 (为了, 了解)


_SEASON_BEFORE = re.compile(rf"(?:在{_S})?{_SEASON}{_S}$")


def _season(m: re.Match, env: _Env) -> Row | None:
    # the rule matches from 来临/到来 (a rare first character keeps the scan fast); the season is looked up before it
    season = _SEASON_BEFORE.search(m.string, max(0, m.start() - 10), m.start())
    if season is None:
        return None  # 新时代的到来前…, 客户到来前: not a season
    return _season_row(m, env, season.start())


def _season_row(m: re.Match, env: _Env, start: int) -> Row | None:
    """A season's eve from ``start`` to the match's end: a `by` of the year the document makes clear, unless
    its sentence reports the past (`去年汛期到来前已完成…`)."""
    stop = _SENTENCE_END.search(m.string, m.end())
    if _SEASON_PAST.search(m.string, max(0, start - 6), stop.start() if stop else m.end() + 40):
        return None
    row = _mk(start, m.end(), "by", env.doc_year, None)
    if row is not None:
        row["_resolve"] = (None, None)  # the year the document makes clear, as for 年底前 (_resolve_years)
    return row


SEASON = Rule(
    "season",
    r"(?:来临|到来)(?:之)?前(?![期后])",
    _season,
    examples=(
        example(
            "在迎峰度夏来临前，安全监管局要开展一次安全生产大检查。",
            {"text": "在迎峰度夏来临前", "kind": "by", "year": 2004},
            meta={"issue_date": "2004-06-07"},
        ),
        example(
            "尤其要做好沿海地区台风来临前的电煤抢运工作。",
            {"text": "台风来临前", "kind": "by", "year": 2004},
            meta={"issue_date": "2004-06-07"},
        ),
        example(
            "汛期到来之前完成隐患排查整治。",
            {"text": "汛期到来之前", "kind": "by", "year": 2023},
            meta={"issue_date": "2023-03-01"},
        ),
        example("去年汛期到来前已完成排查。", meta={"issue_date": "2023-03-01"}, note="a report of the past"),
        example("高温来临时做好防暑降温。", meta={"issue_date": "2023-03-01"}, note="来临时: during, no bound"),
    ),
)

# Work plans also bound tasks by a season's eve with a completion verb (`入冬前完成供暖设施检修`, `主汛期前完成除险
# 加固`, `春耕前完成整修`, `在开学前完成维修`), as `汛前完成` (HOLIDAY): a `by` of the year the document makes clear.
# The rule matches at 前 (already a first character of the scan) after the last two characters of a season word
# (a fixed-width lookbehind keeps the scan in C at every other 前) and looks the whole season up before it.
_EVE_LAST = (
    "入冬|入夏|入春|春耕|秋收|夏收|三夏|三秋|开学|学期|汛期|雨季|冬季|夏季|春季|秋季|台风|寒潮|暖季|度夏|度冬|高峰|旺季"
)
_EVE_BEFORE = re.compile(
    rf"(?:在{_S})?(?:{_SEASON}|入[冬夏春]|春耕|秋收|夏收|三夏|三秋|开学|新学期|旅游旺季){_S}(?:之)?$"
)


def _season_eve(m: re.Match, env: _Env) -> Row | None:
    season = _EVE_BEFORE.search(m.string, max(0, m.start() - 10), m.start())
    if season is None or _COMPLETION_AFTER.match(m.string, m.end()) is None:
        return None  # 目前, 当前, 汛期前后: no season's eve, or no completion
    return _season_row(m, env, season.start())


SEASON_EVE = Rule(
    "season_eve",
    rf"(?:(?<={_EVE_LAST})|(?<={_EVE_LAST.replace('|', '之|')}之))前(?![期后])",
    _season_eve,
    examples=(
        example(
            "入冬前完成供暖设施检修。",
            {"text": "入冬前", "kind": "by", "year": 2023},
            meta={"issue_date": "2023-03-01"},
        ),
        example(
            "主汛期前完成病险水库除险加固。",
            {"text": "主汛期前", "kind": "by", "year": 2023},
            meta={"issue_date": "2023-03-01"},
        ),
        example(
            "各校在开学之前完成校舍维修。",
            {"text": "在开学之前", "kind": "by", "year": 2023},
            meta={"issue_date": "2023-03-01"},
        ),
        example("冬季前后气温变化大，要加强巡查。", meta={"issue_date": "2023-03-01"}, note="前后: no bound"),
        example("入冬前要加强巡查。", meta={"issue_date": "2023-03-01"}, note="no completion verb"),
        example("去年入冬前已完成检修。", meta={"issue_date": "2023-03-01"}, note="a report"),
        example("目前完成改造的小区。", meta={"issue_date": "2023-03-01"}, note="目前: no season"),
    ),
)

# A task bounded by an inspection of the issuer (`确保检查验收前入住安全住房`, `在考核验收前完成整改`): the event's eve, a
# `by` with year null (CONVENTIONS: a bound anchored on an event has no year, as `自受理之日起`). Only where the
# text makes it a bound: a duty word or `在`/`于` before the event, or a completion verb after it; `项目竣工验收前，应当
# 提交…` states a rule's order of steps, and `已`/`了` a report. Like SEASON_EVE the rule matches at 前 after the last
# two characters of the event word and looks the whole event up before it.
_INSPECTION_LAST = "验收|检查|考核|评估|督查|核查|考评"
_INSPECTION_BEFORE = re.compile(
    rf"(?P<duty>确保|务必|必须|须|要|在|于)?{_S}(?P<event>检查验收|考核验收|评估验收|竣工验收|验收|检查|考核|评估|督查|核查|考评)"
    rf"{_S}(?:之)?$"
)
_INSPECTION_DUTY_START = ("在", "于")  # part of the bound's span, as `在开学之前`; a duty word stays outside


def _inspection_eve(m: re.Match, env: _Env) -> Row | None:
    event = _INSPECTION_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
    if event is None:
        return None
    duty = event.group("duty")
    completion = _COMPLETION_AFTER.match(m.string, m.end())
    if duty is None and completion is None:
        return None  # 项目竣工验收前，应当提交…: a rule's order of steps
    stop = _SENTENCE_END.search(m.string, m.end())
    if _SEASON_PAST.search(m.string, max(0, event.start() - 6), stop.start() if stop else m.end() + 40):
        return None
    start = event.start() if duty in _INSPECTION_DUTY_START else event.start("event")
    return _mk(start, m.end(), "by", None, None)


INSPECTION_EVE = Rule(
    "inspection_eve",
    rf"(?:(?<={_INSPECTION_LAST})|(?<={_INSPECTION_LAST.replace('|', '之|')}之))前(?![期后置提])",
    _inspection_eve,
    examples=(
        example(
            "对漏雨的房屋都要有整治措施，确保检查验收前入住安全住房。",
            {"text": "检查验收前", "kind": "by", "year": None},
            meta={"issue_date": "2017-05-01"},
            note="an inspection's eve bounds the task: year null (realblind6 0202)",
        ),
        example(
            "各县在考核验收前完成整改。",
            {"text": "在考核验收前", "kind": "by", "year": None},
            meta={"issue_date": "2017-05-01"},
        ),
        example("项目竣工验收前，建设单位应当组织自查。", note="a rule's order of steps, no bound"),
        example("去年检查验收前已完成整改。", note="a report"),
    ),
)


def _monthly_day(m: re.Match, env: _Env) -> Row | None:
    return _mk(*m.span(), "by", None, None)


# A day of every month bounding a recurring act (`发放时间为每月25日前`, `各区于每月10日前报送上月数据`, BL19): `by` that
# day, year and date null (a recurring frame, as `每年11月底前`'s month); 每月 itself is RECUR's.
MONTHLY_DAY = Rule(
    "monthly_day",
    rf"(?<=每月){_S}(?:{_DAY}){_S}[日号]{_S}{_BEFORE}",
    _monthly_day,
    examples=(
        example(
            "补贴实行按月发放，发放时间为每月25日前。",
            {"text": "25日前", "kind": "by", "year": None, "date": None},
            partial=True,
        ),
        example("各区应于每月10日之前报送上月数据。", {"text": "10日之前", "kind": "by", "year": None}, partial=True),
    ),
)

# Every alternative starts with one of these characters; testing them first
# lets the scan skip all other positions ~10x faster than trying each branch.
# (BL15) Education documents date a measure's start by a school term: `自2022年秋季学期初中一年级学生开始，将艺术类科目纳入
# 中考`, `自2023年秋季学期起`, `从2024年秋季入学的新生开始` (the cohort the measure applies from). 自/从 + a year + a
# spring or autumn term (学期, 学年, 入学, 开学) and 起/开始 later in its clause is a `from` of that year, the span 自…
# to the term; a start the sentence reports (`…开始，已全面推行`) is none.
_TERM = r"[春秋]季?(?:学期|学年|入学|开学)"


def _term_start(m: re.Match, env: _Env) -> Row | None:
    if _reports_state(m.string, m.end()):
        return None
    return _mk(m.start(), m.end(), "from", int(m.group("ty")), None)


TERM_START = Rule(
    "term_start",
    rf"(?:自|从){_S}(?P<ty>(?:19|20)\d{{2}}){_S}年{_S}{_TERM}(?=[^，,；;。\n]{{0,16}}?(?:起(?![步草点源来])|开始))",
    _term_start,
    examples=(
        example(
            "自2023年秋季学期起，全面实施课后服务。",
            {"text": "自2023年秋季学期", "kind": "from", "year": 2023},
            note="(BL15) a start dated by a school term",
        ),
        example(
            "从2024年秋季入学的新生开始，实行新的课程方案。",
            {"text": "从2024年秋季入学", "kind": "from", "year": 2024},
            note="(BL15) the cohort of a term's intake the measure applies from",
        ),
        example("自2019年秋季学期开始，全省已全面推行。", note="(BL15) a start the sentence reports (已)"),
        example("2023年秋季学期，各校要开齐课程。", partial=True, note="(BL15) no 自/从: no start"),
    ),
)

_FIRST_CHARS = (
    r"[\d一二两三四五六七八九十百千有执实自近过前最利用花通经截力到至从每今本明年按“试暂连几数未此第半国春元入汛即再"
    r"来之上下]"
)
# Every match holds one of 年月日季末天间时起期前始 and no clause stop; the second lookahead
# drops a candidate whose clause holds none before trying the branches (2x
# faster scan; tests/test_scan_guards.py checks the matches stay the same).
_REQUIRED = "年月日季末天间时起期前始"
RULES = RuleSet(
    [
        UNTIL,
        VALID,
        ISSUE,
        PLAN_START,  # before EVENT's 自…起 (an event's start, year null)
        EVENT,
        AT_EVENT,
        WINDOW,
        MONTH_WINDOW,
        PLAN_PERIOD,
        WITHIN,
        CONSECUTIVE,
        AHEAD,
        TOTAL,
        QUARTER,
        EFFORT,
        TERM_START,  # before DATED, which takes `自2023年` and drops it (no 起 right after the year)
        DATED,
        RECUR,
        PER,
        CYCLE,
        FIVE_YEAR_PLAN,
        MONTH,
        MONTHLY_DAY,
        RELATIVE,
        HOLIDAY,
        SEASON,
        SEASON_EVE,
        INSPECTION_EVE,
    ],
    _FIRST_CHARS,
    _REQUIRED,
)


# (BL31) a table's column head alone on its line or in its cell: `2025年目标`, `2020年现状`, `其中：2021年任务`
_COLUMN_HEAD = re.compile(
    r"[ \u3000]*(?:其中[：:])?(?:19|20)\d\d年(?:目标值?|现状值?|任务|预期值?|预计)[ \u3000]*(?:\r?\n|\t|\||$)"
)


def find(ctx: ExtractContext) -> list[Found]:
    """Every rule match outside cited titles (and, for plan periods, outside brackets)."""
    text = ctx.text
    titles = _spans(_CITED_TITLE, text)
    brackets = None  # computed only when a year range shows up
    found = []
    for f in RULES.finditer(text):
        start = f.match.start()
        if titles[0] and _inside(titles, start):
            continue
        if _COLUMN_HEAD.match(text, text.rfind("\n", 0, start) + 1):
            continue  # (BL31) a table's column head `2025年目标`: which year the column holds, no bound
        if f.rule is PLAN_PERIOD:
            brackets = brackets or _spans(_BRACKETED, text)
            if _inside(brackets, start) and not _PHASE_BEFORE.search(text, max(0, start - 8), start):
                continue  # 行动计划（2023-2025年）: the plan's period; 试点阶段（2023-2024年）: a phase's window
        found.append(f)
    return found


# The document's printing line (版记): `山东省人民政府办公厅2019年3月15日印发`.
# The signature date of a notice published whole (`国务院办公厅2020年7月15日（此件公开发布）`) too.
_PRINTED = re.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日(?:印发|[ \u3000]*[（(]此件)")
_HEADING_YEAR = re.compile(r"(?:19|20)\d{2}(?=年)")
_SENTENCE_STOPS = re.compile(r"[。；！？;!?\n]")


# GB/T 9704 发文字号 `民函〔2021〕742号`: the year in its bracket is the year the document was issued
_NUMBER_YEAR = re.compile(r"[〔\[［(（]((?:19|20)\d{2})[〕\]］)）]")


def _document_year(ctx: ExtractContext) -> int | None:
    """The year the document makes clear: its date or title (ctx.doc_year), else its 印发 line, else its 发文字号."""
    if ctx.doc_year:
        return ctx.doc_year
    printed = _PRINTED.search(ctx.text)
    if printed:
        return int(printed.group(1))
    numbered = _NUMBER_YEAR.search(ctx.meta.doc_number or "")
    return int(numbered.group(1)) if numbered else None


_BOUND_SUFFIXES = ("前", "之前", "以前")


def _earliest_bound(found: list[Found]) -> int | None:
    """Without a year of the document, its earliest explicit time bound (到2020年, 2021年底前)
    stands in for it in the bare-year rule: a plan's bounds lie in its future."""
    years = []
    for f in found:
        g = f.match.group
        if f.rule is DATED and (
            g("pre") in ("到", "力争到") or g("suf") in _BOUND_SUFFIXES or (g("dend") and g("suf"))
        ):
            years.append(_year(f.match.group("dy")))
    years = [y for y in years if _YEAR_RANGE[0] <= y < _YEAR_RANGE[1]]  # a garbled year (0402) says nothing of when
    return min(years) if years else None


def _heading_year(sections: list[Section], starts: list[int], pos: int) -> int | None:
    """The year named in the innermost heading above ``pos`` that names one (`二、2024年目标任务`)."""
    i = bisect.bisect_right(starts, pos) - 1
    section = sections[i] if i >= 0 else None
    while section is not None:
        found = _HEADING_YEAR.search(section.heading)
        if found:
            return int(found.group(0))
        section = sections[section.parent_id - 1] if section.parent_id else None
    return None


def _section_bound_year(
    sections: list[Section], starts: list[int], pos: int, dated: list[tuple[int, int]]
) -> int | None:
    """The year of the nearest dated bound in the innermost enclosing section that has one
    (a task whose measure sets `2020年底前` gives its own `年底前` that year)."""
    i = bisect.bisect_right(starts, pos) - 1
    section = sections[i] if i >= 0 else None
    while section is not None:
        inside = [(abs(at - pos), year) for at, year in dated if section.norm_start <= at < section.body_end]
        if inside:
            return min(inside)[1]
        section = sections[section.parent_id - 1] if section.parent_id else None
    return None


# A part whose heading names goals or tasks (`二、主要目标`, `工作任务`): a bare year opening a
# sentence there sets the goal of that year (`2016年启动50个以上试点示范项目`).
# `总体要求` (BL11): the part GB/T-style plans and notices open with (指导思想, 基本原则, 目标), where an undated call
# states its year's goals (`一、总体要求 …，2024 年，…立项打造10个左右…共同体`); `申报要求` and other 要求 are rules
_GOAL_HEADING = re.compile(r"目标|任务|总体要求")


def _goal_parts(sections: list[Section]) -> tuple[tuple[int, int], ...]:
    return tuple((s.norm_start, s.body_end) for s in sections if _GOAL_HEADING.search(s.heading))


# A work report's review part (`一、2023年工作回顾`, `过去五年工作回顾`): every date in it is past.
# a review part: `一、2023年工作回顾`, and a reply's or a plan's account of results (`一、…工作的主要进展和成效`,
# `“十三五”以来取得的成效`), and a plan's starting point titled as such alone (`一、现状与评价`, `（一）发展基础`: what
# has been done, as targets read it, extractors/target_parts.py; `发展现状和总体要求` also sets goals, `夯实…基础` is a task);
# a part stating the situation (`（二）面临形势`, `环境形势依然十分严峻`): its spans are the present's or a forecast's
# (`未来15年我国人口将继续增加`), no bound of a task (BL16, as targets read it)
_REVIEW_HEADING = re.compile(
    r"回顾|(?:主要|取得的)(?:进展|成效|成绩)(?:[和与及](?:进展|成效|成绩|经验))?$"
    r"|^(?:发展)?现状(?:[和与及](?:面临的?)?(?:形势|评价|问题|挑战))?$|^(?:现实|工作|发展)基础$"
    rf"|^(?:{SITUATION_TITLE})$"
)


def _review_spans(sections: list[Section]) -> list[tuple[int, int]]:
    return [(s.norm_start, s.body_end) for s in sections if _REVIEW_HEADING.search(s.heading)]


def _sentence_year(text: str, pos: int, dated: list[tuple[int, int]]) -> int | None:
    """The year of the last dated bound before ``pos`` in its sentence (`2021年6月底前…，12月底前`)."""
    i = bisect.bisect_left(dated, (pos, -1)) - 1
    if i < 0 or _SENTENCE_STOPS.search(text, dated[i][0], pos):
        return None
    return dated[i][1]


def _resolve_years(rows: list[Row], ctx: ExtractContext, doc_year: int | None, earliest: int | None) -> list[Row]:
    """Month-only bounds and 年底前/年内 take the year the document makes clear (CONVENTIONS): a
    dated bound earlier in their sentence, a heading above that names a year, the document's
    year, the nearest dated bound of their section, else the document's earliest explicit bound
    (an undated plan's own year); a year before the document's is the past."""
    dated = sorted(
        (r["norm_start"], r["year"]) for r in rows if r["kind"] == "by" and r["year"] and "_resolve" not in r
    )
    # an undated call's only year may be a bare one opening its goals (`一、总体要求 …，2024 年，…`, BL11): the earliest
    # year a kept `by` row names stands in where no explicit bound (到…, …前) gives one
    earliest = earliest or min((year for _, year in dated), default=None)
    starts = [s.norm_start for s in ctx.sections]
    kept = []
    for row in rows:
        month_day = row.pop("_resolve", None)
        if month_day is not None:
            pos = row["norm_start"]
            year = (
                _sentence_year(ctx.text, pos, dated)
                or _heading_year(ctx.sections, starts, pos)
                or doc_year
                or _section_bound_year(ctx.sections, starts, pos, dated)
                or earliest
            )
            if year is not None and doc_year is not None and year < doc_year:
                continue  # 一、2023年工作回顾 … 6月底建成: the past
            row["year"], row["date"] = year, _iso(year, *month_day)
        kept.append(row)
    return kept


# A clause whose subject is a foreign state or body (`德国地学研究中心计划在2021-2027年间…`, `如美国到2030年…`):
# its dates bound another government's plan, not a goal or task of the issuer (GUIDE: a bound on the issuer's
# goals and tasks). The subject opens the clause, so `与德国合作，到2025年…` keeps its bound.
_FOREIGN_SUBJECT = re.compile(
    r"(?:^|[。；！？\n，,：:])[ \u3000]*(?:如|例如|比如|其中)?[，,]?[ \u3000]*(?:美国|英国|法国|德国|日本|韩国|俄罗斯|欧盟"
    r"|欧洲|加拿大|澳大利亚|意大利|荷兰|瑞典|瑞士|芬兰|丹麦|挪威|以色列|印度|新加坡|西班牙|比利时|奥地利|巴西|新西兰"
    r"|国外|境外|发达国家|欧美|联合国)[^，。；！？\n]{0,24}$"
)


def _foreign_clause(text: str, start: int) -> bool:
    return bool(_FOREIGN_SUBJECT.search(text, max(0, start - 32), start))


def write(ctx: ExtractContext, found: list[Found]) -> list[Row]:
    """One row per match its rule keeps, then the years of month-only bounds."""
    doc_year = _document_year(ctx)
    issue = dt.date.fromisoformat(ctx.meta.issue_date) if ctx.meta.issue_date else None
    earliest = _earliest_bound(found)
    plan_year = _latest_plan(ctx.text) if any(f.rule is FIVE_YEAR_PLAN for f in found) else None
    env = _Env(
        doc_year,
        issue,
        doc_year or earliest,
        plan_year,
        () if doc_year else _goal_parts(ctx.sections),
        _time_cells(ctx),
    )
    reviews = _review_spans(ctx.sections)
    rows: list[Row] = []
    for f in found:
        if reviews and any(a <= f.match.start() < b for a, b in reviews):
            continue  # the past (CONVENTIONS: dates of past events are no deadlines)
        if _foreign_clause(ctx.text, f.match.start()):
            continue
        rows.extend(RuleSet.produce(f, env))
    return _with_project_years(_resolve_years(rows, ctx, doc_year, earliest), ctx)


def _with_project_years(rows: list[Row], ctx: ExtractContext) -> list[Row]:
    """(BL31) The years cells of project tables exported one cell a line (`项目起止` over `2021-2023`: `by` 2023,
    a written year range's end, CONVENTIONS DL8; ``extractors/project_tables.py``), in text order among the rows."""
    tables = project_tables(ctx.norm.raw_text)
    if not tables:
        return rows
    text, taken = ctx.text, {(r["norm_start"], r["norm_end"]) for r in rows}
    for table in tables:
        for raw_start, raw_end, year in table.years:
            start, end = ctx.norm.to_norm(raw_start, raw_end)
            row = _mk(start, end, "by", year, None)
            if row and same_cell(text[start:end], ctx.norm.raw_text, raw_start, raw_end) and (start, end) not in taken:
                rows.append(row)
    return sorted(rows, key=lambda r: (r["norm_start"], r["norm_end"]))


EXTRACTOR = Extractor(
    name="deadlines",
    table="deadlines",
    columns=[
        pa.field("kind", pa.string()),
        pa.field("year", pa.int64()),
        pa.field("date", pa.date32()),
        pa.field("months", pa.int64()),
    ],
    find=find,
    write=write,
    rules=RULES,
)
