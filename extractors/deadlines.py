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
from typing import Any

import pyarrow as pa

from extractors.base import Extractor
from pipeline.core.numerals import NUMBER_RE, RANGE_SEP_RE, parse_number, try_parse
from extractors.scan_guard import guarded_pattern
from pipeline.core.document import ExtractContext

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
_BODY = (
    "|".join(
        [
            # until: 有效期至2025年12月23日 / 实施期限至…
            rf"(?P<until>(?:有效期限?|执行期限?|实施期限?)(?:为|是)?{_S}(?:至|到|截至){_S}{_date('u')}(?:止)?)",
            # within: 有效期3年 / 有效期为五年
            rf"(?P<valid>有效期限?(?:为|是)?{_S}(?P<vn>{NUMBER_RE}){_S}(?P<vu>年|个月))",
            # from: 自印发之日起
            rf"(?P<issue>自(?:印发|发布|公布|颁布|发文|施行)之日起(?:{_S}(?P<idn>{NUMBER_RE}){_S}(?:日|天)后)?)",
            # plan period 2023—2025年 (kept only outside brackets and titles)
            rf"(?P<span>(?P<sy0>{_YEAR}){_S}年?{_S}(?:{RANGE_SEP_RE}){_S}(?P<sy1>{_YEAR}){_S}年)",
            # within: 3年内 / 三年之内 (and 2025年内 -> by 2025); 近3年内 looks back
            rf"(?P<within>(?P<wpre>近|过去|前|最近)?(?P<wn>{_SMALL}){_S}(?P<wu>年|个月|个?工作日|日|天){_S}(?:左右{_S})?(?:之内|以内|内))",
            # within: 利用三年的时间 / 用3-5年时间 / 经过3年努力
            rf"(?P<effort>(?:利用|用|花|通过|经过){_S}(?:大约|约)?{_S}(?P<en>{_SMALL}){_S}(?P<eu>年|个月){_S}(?:左右{_S})?的?{_S}(?:时间|努力))",
            # by / from / until around a written date
            rf"(?P<dated>(?:(?P<pre>截至|截止到|截止|力争到|到|至|从|自){_S})?{_date('d')}{_S}"
            rf"(?P<suf>前后|{_BEFORE}|起(?![步草点源来])|开始|止|以来)?)",
            # recurring: 每年 / 每三年 / 每季度, absorbing a "每年6月底前" date
            rf"(?P<recur>每{_S}(?P<rn>[两二三四五六七八九十\d]{{1,2}})?{_S}(?P<ru>年|季度?|半年|月)"
            rf"(?:{_S}(?:(?:{_MONTH}){_S}月(?:{_S}(?:{_DAY}){_S}[日号])?(?:底|末)?|年?底){_BEFORE})?)",
            # recurring: 按季度发布 / 按月调度 (按年度 is too often 按年度计划)
            r"(?P<per>按(?P<pu>季度?|月度?|半年度?)(?![份末初底节]))",
            # recurring: 一年一评估 / 三年一轮 / 两年一次 (not 2023年一次性)
            rf"(?P<cycle>(?<![\d〇○零一二三四五六七八九十两])(?P<cn>[一两二三四五\d]){_S}(?P<cu>年|个月|季度)"
            r"一(?:次(?!性)|轮|度|届|评估?|考核?|审|检|换|调整|复核|认定|修订))",
            # by: 到“十四五”末 / “十四五”末 / “十四五”期间
            r"(?P<fyp>(?:(?:到|至)“?|“)?(?P<plan>十[三四五六]五)”?(?:(?:时期|期)?末|期间))",
            # month-only: 6月底前 / 9月30日前 / 到10月底
            rf"(?P<month>(?:(?P<mpre>到|截至|至){_S})?(?P<mm>{_MONTH}){_S}月(?:{_S}(?P<md>{_DAY}){_S}[日号])?"
            rf"(?P<mend>底|末)?(?P<msuf>{_BEFORE})?)",
            # by: 今年底前 / 年底前 / 明年内 (a digit before 年 was taken above)
            rf"(?P<rel>(?P<rw>今年|本年度?|明年)(?P<rsuf>年?底{_BEFORE}?|内"
            rf"|{_S}(?P<rm>{_MONTH}){_S}月(?:{_S}(?P<rd>{_DAY}){_S}[日号])?(?:底|末)?{_BEFORE})?"
            rf"|(?<![\d一二三四五六七八九十两每百千万去前上当全])年(?:底{_BEFORE}|内))",
        ]
    )
)
# Every alternative starts with one of these characters; testing them first
# lets the scan skip all other positions ~10x faster than trying each branch.
_FIRST_CHARS = r"[\d一二两三四五六七八九十百千有执实自近过前最利用花通经截力到至从每今本明年按“]"
# Every match holds one of 年月日季末天间 and no clause stop; the second lookahead
# drops a candidate whose clause holds none before trying the branches (2x
# faster scan; tests/test_scan_guards.py checks the matches stay the same).
_REQUIRED = "年月日季末天间"
_PATTERN = guarded_pattern(_BODY, _FIRST_CHARS, _REQUIRED)
_CITED_TITLE = re.compile(r"《[^》\n]*》")
_BRACKETED = re.compile(r"（[^）\n]{0,40}）|\([^)\n]{0,40}\)|〔[^〕\n]{0,20}〕")
_PLAN_END = {"十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}
_RECUR_MONTHS = {"年": 12, "季": 3, "季度": 3, "半年": 6, "半年度": 6, "月": 1, "月度": 1, "个月": 1}
_DAY_UNITS = ("日", "天", "工作日", "个工作日")
# 压缩至3个工作日以内, 控制在3个月以内: a value to reach, not a time bound
_VALUE_BEFORE = re.compile(r"(?:至|到|控制在|压缩在|缩短在|不超过|不多于|低于|少于)[ \u3000]*$")
# the bare-year rule (module docstring): what follows the year, the opening, the sentence
_OPENING_BEFORE = re.compile(r"(?:^|[。；！？，;,!?\n])[ \u3000]*$")
_SELF_PREDICATE = re.compile(r"[ \u3000]*(?:是|为|以来|以前|以后|前|后|起|度|的|全年|上半年|下半年|第|和|与|及|、|至|到|[-－—–~～〜]|（|\(|\d|[一二三四五六七八九十]月)")
_SENTENCE_END = re.compile(r"[。；！？;!?\n]")
_GOAL_WORDS = re.compile(r"达到|力争|突破|增长|新增|完成|建成|实现|提高到|提升到|提高至|提升至|超过|不低于|不少于|争取|确保|形成|累计")
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


def _row(m: re.Match, doc_year: int | None, issue: dt.date | None) -> dict[str, Any] | None:
    g = m.group
    kind = m.lastgroup
    start, end = m.span()
    if kind == "until":
        year = _year(g("uy"))
        return _mk(start, end, "until", year, _iso(year, g("um"), g("ud")))
    if kind == "valid":
        n = try_parse(g("vn"))
        if not n:
            return None
        return _mk(start, end, "within", None, None, int(n * (12 if g("vu") == "年" else 1)))
    if kind == "issue":
        if g("idn") and issue is not None:  # 自发布之日起30日后施行
            days = try_parse(g("idn"))
            if days is None or days > 3650:
                return None
            issue = issue + dt.timedelta(days=int(days))
            return _mk(start, end, "from", issue.year, issue)
        return _mk(start, end, "from", doc_year, issue)
    if kind == "span":
        year = _year(g("sy1"))
        if doc_year and year < doc_year:
            return None  # 2019—2021年，全市累计…: a past period
        return _mk(start, end, "by", year, None)
    if kind == "within":
        if g("wpre") or _VALUE_BEFORE.search(m.string, max(0, start - 6), start):
            return None
        n = _small_max(g("wn"))
        if n is None or n <= 0:
            return None
        unit = g("wu")
        if unit in _DAY_UNITS:  # 15日内, 30个工作日内: a bound shorter than a month
            return _mk(start, end, "within", None, None) if n <= 366 else None
        if unit == "年" and n >= 1900:  # 2025年内: by the end of that year
            return _mk(start, end, "by", int(n), None)
        if n > 30:
            return None
        return _mk(start, end, "within", None, None, int(n * (12 if unit == "年" else 1)))
    if kind == "effort":
        n = _small_max(g("en"))
        if not n or n > 30:
            return None
        return _mk(start, end, "within", None, None, int(n * (12 if g("eu") == "年" else 1)))
    if kind == "dated":
        return _dated(m, doc_year)
    if kind == "recur":
        n = try_parse(g("rn")) if g("rn") else 1
        if not n:
            return None
        return _mk(start, end, "recurring", None, None, int(n * _RECUR_MONTHS[g("ru")]))
    if kind == "per":
        return _mk(start, end, "recurring", None, None, _RECUR_MONTHS[g("pu")])
    if kind == "cycle":
        n = try_parse(g("cn"))
        if not n:
            return None
        return _mk(start, end, "recurring", None, None, int(n * _RECUR_MONTHS[g("cu")]))
    if kind == "fyp":
        year = _PLAN_END[g("plan")]
        if doc_year and year < doc_year:
            return None  # “十三五”期间，全省累计…: a past period
        return _mk(start, end, "by", year, None)
    if kind == "month":
        if not (g("msuf") or (g("mpre") and g("mend"))):
            return None  # 6月 alone is not a bound
        if g("mpre") is None:
            start = m.start("mm")
        return _mk(start, end, "by", doc_year, _iso(doc_year, g("mm"), g("md")))
    if kind == "rel":
        if g("rw") == "明年":
            year = doc_year + 1 if doc_year else None
        else:
            year = doc_year
        if g("rw") and not g("rsuf") and not _opens_goal(m.string, start, end, year, doc_year):
            return None  # bare 今年/明年 only where it opens a goal
        return _mk(start, end, "by", year, _iso(year, g("rm"), g("rd")))
    return None


def _dated(m: re.Match, doc_year: int | None) -> dict[str, Any] | None:
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
        if pre in ("从", "自") and suf is None and not g("dd"):
            return None  # 从2021年 alone is usually a comparison baseline
        start = m.start("pre") if pre in ("从", "自") else m.start("dy")
        return _mk(start, end, "from", year, date)
    if suf == "止" and pre in ("至", "到"):
        return _mk(start, end, "until", year, date)
    if pre in ("截至", "截止到", "截止", "力争到", "到", "至") or (suf and suf != "止") or g("dend"):
        if pre == "力争到":
            start += 2  # 力争 is a qualifier, not part of the bound
        if doc_year and year < doc_year:
            return None  # a past state (截至2022年底，全市已有…)
        return _mk(start, end, "by", year, date)
    if pre is None and suf is None and not g("dm") and _opens_goal(m.string, start, end, year, doc_year):
        return _mk(start, end, "by", year, None)  # 2024年，全市…达到… (module docstring)
    return None  # a bare date: issue-date line, past event, baseline year


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


def extract(ctx: ExtractContext) -> list[dict[str, Any]]:
    text = ctx.text
    doc_year = ctx.doc_year
    issue = dt.date.fromisoformat(ctx.meta.issue_date) if ctx.meta.issue_date else None
    titles = _spans(_CITED_TITLE, text)
    brackets = None  # computed only when a year range shows up
    rows = []
    for m in _PATTERN.finditer(text):
        if titles[0] and _inside(titles, m.start()):
            continue
        if m.lastgroup == "span":
            brackets = brackets or _spans(_BRACKETED, text)
            if _inside(brackets, m.start()):
                continue
        row = _row(m, doc_year, issue)
        if row is not None:
            rows.append(row)
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
    extract=extract,
)
