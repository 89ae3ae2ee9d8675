"""A document's genre (the type word its title ends with) and status (draft, trial, final).

Genre, as ``tests/fixtures/realdev/CONVENTIONS.md`` defines it: the document
type word the title ends with (意见, 实施意见, 行动计划, 办法, 通知, 规划,
工作报告 …).  A compound is kept where it is an established type of its own
(``_COMPOUNDS``: 实施意见, 指导意见, 行动计划, 实施方案, 若干措施, 管理办法, 实施细则 …);
any other modifier is dropped (发展规划 → 规划, 推进方案 / 分工方案 → 方案,
政府工作报告 → 工作报告); 若干政策措施 and 措施 are 若干措施, 政策 is 若干政策.  For a notice that issues, forwards or approves
another document (`关于印发…的通知`, `转发…意见的通知`, `批转…报告的通知`) the
genre is the attached document's.  A text without a title names its own type
in its preamble (`制定本实施方案`, `现提出以下意见`, `特制定本政策`).

Status: ``draft`` when the title or head says 征求意见稿 (or 草案), ``trial``
for 试行 / 暂行, else ``final``.
"""

from __future__ import annotations

import regex as re

# Established compound types, longest first where one ends another (任务分工方案 before 分工方案).
_COMPOUNDS = (
    "实施意见",
    "指导意见",
    "若干意见",
    "行动计划",
    "实施方案",
    "行动方案",
    "工作方案",
    "若干措施",
    "若干政策",
    "实施细则",
    "实施办法",
    "管理办法",
    "工作报告",
    "工作要点",
    "会议纪要",
)
# Single type words (GB/T 9704 文种 and the plan / rule types of policy texts), longest first.
_TYPES = (
    "意见",
    "通知",
    "通报",
    "办法",
    "方案",
    "计划",
    "规划",
    "决定",
    "规定",
    "细则",
    "措施",
    "条例",
    "纲要",
    "指引",
    "指南",
    "公告",
    "通告",
    "批复",
    "报告",
    "要点",
    "清单",
    "标准",
    "规范",
    "规则",
    "政策",
    "决议",
    "目录",
    "名单",
    "规程",
    "章程",
    "答复",
    "纪要",
    "函",
    "请示",
    "制度",
    "战略",
    "流程",
    "汇编",
    "须知",
)
TYPE_WORDS = r"若干(?:政策)?措施|" + "|".join(_COMPOUNDS) + "|" + "|".join(sorted(_TYPES, key=len, reverse=True))
_TYPES_LONGEST_FIRST = tuple(sorted(_TYPES, key=len, reverse=True))
_GENRE_END = re.compile(rf"(?P<genre>{TYPE_WORDS})$")
# A bracketed note after the type word: （试行）, （征求意见稿）, （2021—2023年）, （V1.0）, （国发〔2023〕5号）.
_TRAILING_NOTE = re.compile(r"(?:[ \t\u3000]*[（(【\[][^（()）】\]]{0,30}[）)】\]])+[ \t\u3000]*$")
_TRAILING_YEARS = re.compile(r"[（(]?\d{4}\s*[-—–至~]+\s*\d{2,4}年?[）)]?$|\d{4}年?$")
# `关于印发X的通知`, `转发…关于X的通知`, `批转…X的通知`: X's type is the genre.
_WRAPPER = re.compile(r"(?:印发|转发|批转|颁布|发布|公布|下发|修订)(?P<inner>.+?)的(?:通知|通告|公告|决定|令)$")
_SELF_NAMING = re.compile(
    r"(?:制定|制订|印发|出台)(?:了)?本(?P<genre>[\u4e00-\u9fff]{1,6}?)(?:[。，,；;：:]|$)"
    r"|现(?:提出|就[^。]{1,40}提出)(?:如下|以下)(?P<genre2>(?:实施|指导)?意见|措施|通知)"
    r"|现(?:将|就)[^。]{0,60}(?P<genre3>通知)如下"
    r"|(?:制定|提出)(?:如下|以下)(?P<genre4>[\u4e00-\u9fff]{1,6}?)[。：:]"
    r"|本(?P<genre5>措施|政策|办法|细则|实施细则|方案|实施方案|规定|意见)自[^。]{0,20}(?:施行|实施|执行)"
    # a reply (复函) gives its opinion: `经研究，主要意见回复如下`
    r"|(?:主要)?(?P<genre6>意见)(?:回复|答复|函复)如下"
)
_DRAFT = re.compile(r"征求意见稿|送审稿|草案|讨论稿")
_TRIAL = re.compile(r"试行|暂行")
_TRIAL_PERIOD = re.compile(r"本(?:办法|规定|细则|方案|意见|措施|政策|规范|指南|制度)[^。]{0,30}试行期")


def genre_word(phrase: str | None) -> str | None:
    """The type word a title (or a genre phrase such as `管理办法`) ends with, canonical form."""
    if not phrase:
        return None
    text = phrase.strip()
    for _ in range(3):  # notes and years may stack: 方案（2021—2023年）（试行）
        stripped = _TRAILING_NOTE.sub("", text)
        stripped = _TRAILING_YEARS.sub("", stripped).rstrip(' \t\u3000》“”"')
        if stripped == text:
            break
        text = stripped
    match = _GENRE_END.search(text)
    if not match:
        return None
    genre = match.group("genre")
    # CONVENTIONS: 若干政策措施 and a bare 措施 are 若干措施; a bare 政策 is 若干政策.
    if genre.endswith("措施"):
        return "若干措施"
    return "若干政策" if genre == "政策" else genre


def genre_family(genre: str | None) -> str | None:
    """The single type word a genre ends with (指导意见 → 意见, 管理办法 → 办法, 行动计划 → 计划, 工作报告 → 报告):
    to compare with a source that names types more coarsely or more finely than CONVENTIONS."""
    if not genre:
        return None
    return next((word for word in _TYPES_LONGEST_FIRST if genre.endswith(word)), genre)


def genre_of_title(title: str | None) -> str | None:
    """The genre of a title; for an 印发/转发/批转 notice, the attached document's."""
    if not title:
        return None
    core = _TRAILING_NOTE.sub("", title.strip()).strip()
    wrapped = _WRAPPER.search(core)
    if wrapped:
        inner = genre_word(wrapped.group("inner").strip('《》“”"'))
        if inner:
            return inner
    return genre_word(core)


def genre_of_preamble(text: str) -> str | None:
    """The type a title-less text gives itself in its first paragraphs: `制定本实施方案` → 实施方案."""
    for match in _SELF_NAMING.finditer(text[:3000] + "\n" + text[-3000:]):
        named = next(g for g in match.groups() if g)
        genre = genre_word(named)
        if genre:
            return genre
    return None


def status_of(title: str | None, head: str = "", text: str = "") -> str:
    """``draft`` (征求意见稿), ``trial`` (试行/暂行 in the title, or a 试行期 the text sets itself) or ``final``."""
    where = f"{title or ''}\n{head}"
    if _DRAFT.search(where):
        return "draft"
    if _TRIAL.search(title or "") or ("试行期" in text and _TRIAL_PERIOD.search(text)):
        return "trial"
    return "final"
