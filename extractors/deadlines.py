"""Deadlines: time bounds on goals and tasks (GUIDE label ``deadline``).

One compiled pattern scans the whole text; each alternative carries named
groups and :func:`_row` turns a match into a row (or drops it).  Kinds:

- ``by``: 到/至/截至 + date, date + 前/之前/底前/前后, ``到“十四五”末``,
  ``“十四五”期间`` (the plan's end year), ``年底前``/``今年年底前``/``明年内``,
  ``明年6月底前`` (the document's year + 1)
- ``from``: 从/自 + date + 起/开始, date + 起, ``自印发之日起`` (the issue
  date; ``自发布之日起30日后施行`` adds the days to it)
- ``within``: ``3年内``, ``利用三年的时间``, ``用3-5年时间``, ``有效期3年``;
  durations in days (``15日内``, ``30个工作日内``) have ``months`` null
- ``recurring``: ``每年``, ``每三年``, ``每季度``, ``每半年``, ``每月``, ``按季度``,
  ``按月``, and cycles ``一年一评估``/``三年一轮``/``两年一次`` (年均 is a rate, and
  ``逐年`` a trend, not a time bound: left to targets)
- ``until``: ``有效期至2025年12月23日``, ``至2025年12月31日止``

Bare year opening a goal (decision, 2026-11-21).  ``2024年，全市数字经济增加值
达到2万亿元`` (a work plan's yearly goal) is ``by 2024`` although GUIDE lists
no such example, because GUIDE's exclusion is "dates of past events": the
year is a bound only when (1) it opens a clause (after 。；！？，, a line
start or the text start), (2) the document's year is known (its date, else a
year in its title) and the year is not before it, (3) it is not followed by
a predicate about the year itself (``2024年是…``, ``2024年以来``, ``2024年全年``)
and (4) its sentence states a goal (达到/力争/突破/增长/新增/完成/建成/实现…)
with no sign of a report (已/同比/比上年).  ``今年``/``明年`` opening such a
clause follow the same rule.  Unknown document year: never.

Not goal bounds either: ``压缩至3个工作日以内``, ``控制在3个月以内`` (a value
to reach: targets'), ``近3年内`` and ``前30日内`` (look-backs).

Not deadlines: bare dates (``2022年，全市…``, issue-date lines, ``比2020年降低``),
``2020年以来``, ``近3年内`` (look-back windows), years in 《cited titles》 or in a
bracketed plan period ``（2023-2025年）``, and ``by`` dates before the
document's own year (``截至2022年底，全市已有…`` in a 2023 document, or
``“十三五”期间`` in a 2022 one, describes the past).  A bare year range
``2023—2025年`` outside brackets is kept as ``by`` its end year unless that
year is past.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple

import pyarrow as pa

from extractors.base import Extractor
from extractors.rules import Found, Row, Rule, RuleSet, example
from pipeline.core.document import ExtractContext
from pipeline.core.numerals import NUMBER_RE, RANGE_SEP_RE, parse_number, try_parse

_S = r"[ \u3000]*"  # normalisation may leave spaces around numbers: "到 2025 年"
_YEAR = r"(?:19|20)\d{2}|[一二][〇○零九][〇○零一二三四五六七八九]{2}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_SMALL = rf"{NUMBER_RE}(?:{RANGE_SEP_RE}{NUMBER_RE})?"  # 3 / 三 / 3-5


def _date(p: str) -> str:
    """A written date with groups ``<p>y``, ``<p>m``, ``<p>d``, ``<p>end`` (底/末)."""
    return (
        rf"(?P<{p}y>{_YEAR}){_S}年"
        rf"(?:{_S}(?P<{p}m>{_MONTH}){_S}月(?:{_S}(?P<{p}d>{_DAY}){_S}[日号])?)?"
        rf"(?P<{p}end>底|末)?"
    )


_BEFORE = r"(?:之前|以前|前(?![一二三四五六七八九十两\d]|列|沿|期|置|景))"

_CITED_TITLE = re.compile(r"《[^》\n]*》")
_BRACKETED = re.compile(r"（[^）\n]{0,40}）|\([^)\n]{0,40}\)|〔[^〕\n]{0,20}〕")
_PLAN_END = {"十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}
_RECUR_MONTHS = {"年": 12, "季": 3, "季度": 3, "半年": 6, "半年度": 6, "月": 1, "月度": 1, "个月": 1}
_DAY_UNITS = ("日", "天", "工作日", "个工作日")
# 压缩至3个工作日以内, 控制在3个月以内: a value to reach, not a time bound
_VALUE_BEFORE = re.compile(r"(?:至|到|控制在|压缩在|缩短在|不超过|不多于|低于|少于)[ \u3000]*$")
# the bare-year rule (module docstring): what follows the year, the opening, the sentence
_OPENING_BEFORE = re.compile(r"(?:^|[。；！？，;,!?\n])[ \u3000]*$")
_SELF_PREDICATE = re.compile(
    r"[ \u3000]*(?:是|为|以来|以前|以后|前|后|起|度|的|全年|上半年|下半年|第|和|与|及|、|至|到|[-－—–~～〜]|（|\(|\d|[一二三四五六七八九十]月)"
)
_SENTENCE_END = re.compile(r"[。；！？;!?\n]")
_GOAL_WORDS = re.compile(
    r"达到|力争|突破|增长|新增|完成|建成|实现|提高到|提升到|提高至|提升至|超过|不低于|不少于|争取|确保|形成|累计"
)
_REPORT_WORDS = re.compile(r"已|同比|比上年|较上年|比去年|较去年")


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


def _opens_goal(text: str, start: int, end: int, year: int | None, doc_year: int | None) -> bool:
    """A bare year (or 今年/明年) that opens a clause of a goal sentence for a year not yet past."""
    if not doc_year or year is None or year < doc_year:
        return False
    if not _OPENING_BEFORE.search(text, max(0, start - 4), start) or _SELF_PREDICATE.match(text, end):
        return False
    stop = _SENTENCE_END.search(text, end, end + 400)
    sentence = text[end : stop.start() if stop else end + 400]
    return bool(_GOAL_WORDS.search(sentence)) and not _REPORT_WORDS.search(sentence)


# Bounds of a plausible policy deadline; beyond them a "year" or duration is
# a misread number (and would overflow the int64 columns).
_YEAR_RANGE = (1900, 2200)
_MAX_MONTHS = 100 * 12


def _mk(start: int, end: int, kind: str, year: int | None, date: dt.date | None, months: int | None = None):
    if year is not None and not _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
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


class _Env(NamedTuple):
    """What a rule needs besides its match: the document's year and issue date."""

    doc_year: int | None
    issue: dt.date | None


def _months(n: float, unit: str) -> int:
    return int(n * (12 if unit == "年" else 1))


# ----------------------------------------------------------------- the rules
# In scan order: where two rules could match at one position, the earlier wins.


def _until(m: re.Match, env: _Env) -> Row | None:
    year = _year(m.group("uy"))
    return _mk(*m.span(), "until", year, _iso(year, m.group("um"), m.group("ud")))


UNTIL = Rule(
    "until",
    rf"(?:有效期限?|执行期限?|实施期限?)(?:为|是)?{_S}(?:至|到|截至){_S}{_date('u')}(?:止)?",
    _until,
    examples=(
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


def _valid(m: re.Match, env: _Env) -> Row | None:
    n = try_parse(m.group("vn"))
    if not n:
        return None
    return _mk(*m.span(), "within", None, None, _months(n, m.group("vu")))


VALID = Rule(
    "valid",
    rf"有效期限?(?:为|是)?{_S}(?P<vn>{NUMBER_RE}){_S}(?P<vu>年|个月)",
    _valid,
    examples=(
        example("本措施有效期3年。", {"text": "有效期3年", "kind": "within", "months": 36}),
        example("有效期为六个月。", {"text": "有效期为六个月", "kind": "within", "months": 6}),
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
    rf"自(?:印发|发布|公布|颁布|发文|施行)之日起(?:{_S}(?P<idn>{NUMBER_RE}){_S}(?:日|天)后)?",
    _issue,
    examples=(
        example(
            "本措施自印发之日起施行。",
            {"text": "自印发之日起", "kind": "from", "year": 2023, "date": "2023-05-01"},
            meta={"issue_date": "2023-05-01"},
        ),
        example(
            "自发布之日起30日后施行。",
            {"text": "自发布之日起30日后", "kind": "from", "year": 2024, "date": "2024-02-14"},
            meta={"issue_date": "2024-01-15"},
        ),
    ),
)


def _plan_period(m: re.Match, env: _Env) -> Row | None:
    year = _year(m.group("sy1"))
    if env.doc_year and year < env.doc_year:
        return None  # 2019—2021年，全市累计…: a past period
    return _mk(*m.span(), "by", year, None)


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
        example("2021—2022年，全市累计投入技改资金30亿元。", meta={"issue_date": "2024-01-10"}, note="a past period"),
        example("行动计划（2023-2025年）", meta={"issue_date": "2023-06-30"}, note="a bracketed plan period"),
    ),
)


def _within(m: re.Match, env: _Env) -> Row | None:
    start, end = m.span()
    if m.group("wpre") or _VALUE_BEFORE.search(m.string, max(0, start - 6), start):
        return None
    n = _small_max(m.group("wn"))
    if n is None or n <= 0:
        return None
    unit = m.group("wu")
    if unit in _DAY_UNITS:  # 15日内, 30个工作日内: a bound shorter than a month
        return _mk(start, end, "within", None, None) if n <= 366 else None
    if unit == "年" and n >= 1900:  # 2025年内: by the end of that year
        return _mk(start, end, "by", int(n), None)
    if n > 30:
        return None
    return _mk(start, end, "within", None, None, _months(n, unit))


WITHIN = Rule(
    "within",
    rf"(?P<wpre>近|过去|前|最近)?(?P<wn>{_SMALL}){_S}(?P<wu>年|个月|个?工作日|日|天){_S}(?:左右{_S})?(?:之内|以内|内)",
    _within,
    examples=(
        example("3 年内引进 2 家企业。", {"text": "3 年内", "kind": "within", "months": 36}),
        example("15日内书面告知。", {"text": "15日内", "kind": "within", "months": None}),
        example(
            "2025年内完成验收。", {"text": "2025年内", "kind": "by", "year": 2025}, meta={"issue_date": "2020-08-15"}
        ),
        example("近3年内未发生重大安全事故。", note="a look back"),
        example("时间压缩至1个工作日以内。", note="a value to reach (targets')"),
    ),
)


def _effort(m: re.Match, env: _Env) -> Row | None:
    n = _small_max(m.group("en"))
    if not n or n > 30:
        return None
    return _mk(*m.span(), "within", None, None, _months(n, m.group("eu")))


EFFORT = Rule(
    "effort",
    rf"(?:利用|用|花|通过|经过){_S}(?:大约|约)?{_S}(?P<en>{_SMALL}){_S}(?P<eu>年|个月){_S}(?:左右{_S})?的?{_S}(?:时间|努力)",
    _effort,
    examples=(
        example("利用三年的时间，建设智能工厂。", {"text": "利用三年的时间", "kind": "within", "months": 36}),
        example("力争用3-5年时间培育。", {"text": "用3-5年时间", "kind": "within", "months": 60}),
    ),
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
    if pre in ("从", "自") or suf in ("起", "开始"):
        return _dated_from(m, year, date, end)
    if suf == "止" and pre in ("至", "到"):
        return _mk(start, end, "until", year, date)
    if pre in ("截至", "截止到", "截止", "力争到", "到", "至") or (suf and suf != "止") or g("dend"):
        if pre == "力争到":
            start += 2  # 力争 is a qualifier, not part of the bound
        if env.doc_year and year < env.doc_year:
            return None  # a past state (截至2022年底，全市已有…)
        return _mk(start, end, "by", year, date)
    if pre is None and suf is None and not g("dm") and _opens_goal(m.string, start, end, year, env.doc_year):
        return _mk(start, end, "by", year, None)  # 2024年，全市…达到… (module docstring)
    return None  # a bare date: issue-date line, past event, baseline year


def _dated_from(m: re.Match, year: int, date: dt.date | None, end: int) -> Row | None:
    pre = m.group("pre")
    if pre in ("从", "自") and m.group("suf") is None and not m.group("dd"):
        return None  # 从2021年 alone is usually a comparison baseline
    start = m.start("pre") if pre in ("从", "自") else m.start("dy")
    return _mk(start, end, "from", year, date)


DATED = Rule(
    "dated",
    rf"(?:(?P<pre>截至|截止到|截止|力争到|到|至|从|自){_S})?{_date('d')}{_S}"
    rf"(?P<suf>前后|{_BEFORE}|起(?![步草点源来])|开始|止|以来)?",
    _dated,
    examples=(
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
        example("截至2022年底，全市已有高新技术企业500家。", meta={"issue_date": "2023-06-30"}, note="a past state"),
        example("2020年以来，累计完成投资。", meta={"issue_date": "2023-06-30"}, note="a look back"),
    ),
)


def _recur(m: re.Match, env: _Env) -> Row | None:
    n = try_parse(m.group("rn")) if m.group("rn") else 1
    if not n:
        return None
    return _mk(*m.span(), "recurring", None, None, int(n * _RECUR_MONTHS[m.group("ru")]))


RECUR = Rule(
    "recur",
    rf"每{_S}(?P<rn>[两二三四五六七八九十\d]{{1,2}})?{_S}(?P<ru>年|季度?|半年|月)"
    rf"(?:{_S}(?:(?:{_MONTH}){_S}月(?:{_S}(?:{_DAY}){_S}[日号])?(?:底|末)?|年?底){_BEFORE})?",
    _recur,
    examples=(
        example("每年组织合作发展活动。", {"text": "每年", "kind": "recurring", "months": 12}),
        example("每三年复核一次。", {"text": "每三年", "kind": "recurring", "months": 36}),
        example("每年6月底前报送年度进展。", {"text": "每年6月底前", "kind": "recurring", "months": 12}),
    ),
)


def _per(m: re.Match, env: _Env) -> Row | None:
    return _mk(*m.span(), "recurring", None, None, _RECUR_MONTHS[m.group("pu")])


PER = Rule(
    "per",
    r"按(?P<pu>季度?|月度?|半年度?)(?![份末初底节])",
    _per,
    examples=(
        example("各市按季度报送工作进展。", {"text": "按季度", "kind": "recurring", "months": 3}),
        example("按月调度重点项目。", {"text": "按月", "kind": "recurring", "months": 1}),
        example("按月份统计。", note="按月份 is not a cycle"),
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
    r"一(?:次(?!性)|轮|度|届|评估?|考核?|审|检|换|调整|复核|认定|修订)",
    _cycle,
    examples=(
        example("科技型企业评价实行一年一评。", {"text": "一年一评", "kind": "recurring", "months": 12}),
        example("创新平台实行三年一轮考核。", {"text": "三年一轮", "kind": "recurring", "months": 36}),
        example("2023年一次性奖励不再执行。", meta={"issue_date": "2023-05-01"}, note="一次性 is not a cycle"),
    ),
)


def _five_year_plan(m: re.Match, env: _Env) -> Row | None:
    year = _PLAN_END[m.group("plan")]
    if env.doc_year and year < env.doc_year:
        return None  # “十三五”期间，全省累计…: a past period
    return _mk(*m.span(), "by", year, None)


FIVE_YEAR_PLAN = Rule(
    "fyp",
    r"(?:(?:到|至)“?|“)?(?P<plan>十[三四五六]五)”?(?:(?:时期|期)?末|期间)",
    _five_year_plan,
    examples=(
        example(
            "到“十四五”末，占比达到10%。",
            {"text": "到“十四五”末", "kind": "by", "year": 2025},
            meta={"issue_date": "2022-01-01"},
        ),
        example(
            "“十四五”期间，累计培育企业100家。",
            {"text": "“十四五”期间", "kind": "by", "year": 2025},
            meta={"issue_date": "2022-03-01"},
        ),
        example("“十三五”期间，全县累计完成投资80亿元。", meta={"issue_date": "2022-03-01"}, note="a past period"),
    ),
)


def _month(m: re.Match, env: _Env) -> Row | None:
    if not (m.group("msuf") or (m.group("mpre") and m.group("mend"))):
        return None  # 6月 alone is not a bound
    start = m.start() if m.group("mpre") is not None else m.start("mm")
    return _mk(start, m.end(), "by", env.doc_year, _iso(env.doc_year, m.group("mm"), m.group("md")))


MONTH = Rule(
    "month",
    rf"(?:(?P<mpre>到|截至|至){_S})?(?P<mm>{_MONTH}){_S}月(?:{_S}(?P<md>{_DAY}){_S}[日号])?"
    rf"(?P<mend>底|末)?(?P<msuf>{_BEFORE})?",
    _month,
    examples=(
        example(
            "各地于6月底前报送名单。",
            {"text": "6月底前", "kind": "by", "year": 2024},
            meta={"issue_date": "2024-03-01"},
        ),
        example(
            "9月30日前完成。",
            {"text": "9月30日前", "kind": "by", "year": 2024, "date": "2024-09-30"},
            meta={"issue_date": "2024-03-01"},
        ),
        example("6月召开推进会。", meta={"issue_date": "2024-03-01"}, note="6月 alone is not a bound"),
    ),
)


def _relative(m: re.Match, env: _Env) -> Row | None:
    word = m.group("rw")
    if word == "明年":
        year = env.doc_year + 1 if env.doc_year else None
    else:
        year = env.doc_year
    if word and not m.group("rsuf") and not _opens_goal(m.string, m.start(), m.end(), year, env.doc_year):
        return None  # bare 今年/明年 only where it opens a goal
    return _mk(*m.span(), "by", year, _iso(year, m.group("rm"), m.group("rd")))


RELATIVE = Rule(
    "rel",
    rf"(?P<rw>今年|本年度?|明年)(?P<rsuf>年?底{_BEFORE}?|内"
    rf"|{_S}(?P<rm>{_MONTH}){_S}月(?:{_S}(?P<rd>{_DAY}){_S}[日号])?(?:底|末)?{_BEFORE})?"
    rf"|(?<![\d一二三四五六七八九十两每百千万去前上当全])年(?:底{_BEFORE}|内)",
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
    ),
)

# Every alternative starts with one of these characters; testing them first
# lets the scan skip all other positions ~10x faster than trying each branch.
_FIRST_CHARS = r"[\d一二两三四五六七八九十百千有执实自近过前最利用花通经截力到至从每今本明年按“]"
# Every match holds one of 年月日季末天间 and no clause stop; the second lookahead
# drops a candidate whose clause holds none before trying the branches (2x
# faster scan; tests/test_scan_guards.py checks the matches stay the same).
_REQUIRED = "年月日季末天间"
RULES = RuleSet(
    [UNTIL, VALID, ISSUE, PLAN_PERIOD, WITHIN, EFFORT, DATED, RECUR, PER, CYCLE, FIVE_YEAR_PLAN, MONTH, RELATIVE],
    _FIRST_CHARS,
    _REQUIRED,
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
        if f.rule is PLAN_PERIOD:
            brackets = brackets or _spans(_BRACKETED, text)
            if _inside(brackets, start):
                continue
        found.append(f)
    return found


def write(ctx: ExtractContext, found: list[Found]) -> list[Row]:
    """One row per match its rule keeps."""
    env = _Env(ctx.doc_year, dt.date.fromisoformat(ctx.meta.issue_date) if ctx.meta.issue_date else None)
    rows: list[Row] = []
    for f in found:
        rows.extend(RuleSet.produce(f, env))
    return rows


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
