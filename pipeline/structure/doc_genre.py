"""A document's genre (its type in a closed label set), the type word its title uses, its family and status.

What the columns hold, and why (README "Document metadata"; the decisions, case by case: docs/metadata-log.md): ``genre_word`` is the type word the
title itself ends with, what the publisher called the document; ``genre`` is that word in the
closed label set public catalogues of policy documents use (a site's 公文种类, corpus-real's
MANIFEST: ``GENRE_LABEL_OF_WORD``, 若干意见 → 意见, 办法 → 管理办法, 指引 → 指南), so that a
researcher filters by one vocabulary whatever the titles say.

- An established compound the title carries is kept as one type (``_COMPOUNDS``: 实施意见,
  指导意见, 行动计划, 实施方案, 行动方案, 任务分工方案, 若干措施, 管理办法, 管理规定, 实施细则,
  政府工作报告 …); any other modifier is dropped (发展规划 → 规划, 推进方案 → 方案); 若干政策措施
  and 措施 are 若干措施, 政策 is 若干政策 (``tests/fixtures/realdev/CONVENTIONS.md``).
- A notice that issues a document (`关于印发…的通知`, `转发…意见的通知`, `批转…报告的通知`: the
  verbs 印发, 转发, 批转, 下发, 颁布, 颁发, 发布 put the document they wrap in force) takes the
  attached document's type, as CONVENTIONS and the gold sets do: the 实施方案 is what it is.  Not
  so for what no notice puts in force: a 请示, a 函 or a 名单 it forwards, approves or announces
  (`批转…请示的通知`, `公布…名单的通知`: 公布 announces, it wraps no document) leave the 通知.
- A title without a type word may carry it in a bracketed note (`…补贴（政务指引）`).
- A text without a title names its own type (`制定本实施方案`, `现提出以下意见`, `有关事项通知如下`,
  `特此通知`); where it calls itself both ways (`本计划` and `本行动计划`), the full name; a news
  release or 解读 page takes the type of the document it presents.
- A 批复 approving a plan (`同意…实施方案的批复`) is catalogued under the plan (``genre``: corpus-real's
  MANIFEST files 0025 as 实施方案), but its own type word stays 批复 (``genre_word``): CONVENTIONS gives the
  attached type to 印发/转发/批转 notices only, and a 批复 answers, it issues nothing (GB/T 9704 文种).

``genre_family`` is the coarse class a researcher filters by (``FAMILIES``): the 文种 of the
党政机关公文处理工作条例 for official documents (意见, 通知, 报告, 决定, 公告, 批复 …) and, for
the documents notices issue, the class their type names (方案, 计划, 规划, 措施, 办法, 规定,
指南, 标准); a type of no class is 其他.  Sources that name a type more or less finely agree
there (指导意见 / 意见, 管理办法 / 办法, 指引 / 指南, 纲要 / 规划).

``conventions_genre`` maps a genre to CONVENTIONS' vocabulary, in which the gold sets are
written: compounds polex keeps are coarser there (政府工作报告 → 工作报告, 任务分工方案 and
分工方案 → 方案, 管理规定 → 规定, 管理规范 → 规范); ``polex eval`` compares gold's genre with
``genre_word`` through it.

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
    "任务分工方案",
    "分工方案",
    "工作方案",
    "若干措施",
    "若干政策",
    "实施细则",
    "实施办法",
    "管理办法",
    "管理规定",
    "管理规范",
    "政府工作报告",
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
    "预案",
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
    "摘编",
    "须知",
)
TYPE_WORDS = r"若干(?:政策)?措施|" + "|".join(_COMPOUNDS) + "|" + "|".join(sorted(_TYPES, key=len, reverse=True))
_TYPES_LONGEST_FIRST = tuple(sorted(_TYPES, key=len, reverse=True))
# genre_family: each type's class (module docstring); a type not listed is 其他.
FAMILIES = {
    "意见": ("意见", "实施意见", "指导意见", "若干意见"),
    "方案": ("方案", "实施方案", "行动方案", "工作方案", "任务分工方案", "分工方案", "预案"),
    "计划": ("计划", "行动计划", "工作要点", "要点"),
    "规划": ("规划", "纲要", "战略"),
    "措施": ("若干措施", "若干政策"),
    "办法": ("办法", "管理办法", "实施办法", "细则", "实施细则"),
    "规定": ("规定", "管理规定", "管理规范", "条例", "规则", "规程", "章程", "制度"),
    "指南": ("指南", "指引", "须知", "流程", "规范"),
    "标准": ("标准",),
    "通知": ("通知", "通报"),
    "报告": ("报告", "工作报告", "政府工作报告"),
    "决定": ("决定", "决议"),
    "公告": ("公告", "通告"),
    "批复": ("批复", "答复", "函", "请示"),
    "纪要": ("纪要", "会议纪要"),
}
OTHER_FAMILY = "其他"
_FAMILY_OF = {genre: family for family, genres in FAMILIES.items() for genre in genres}
# CONVENTIONS' (and the gold sets') names of the compounds it does not keep.
_CONVENTIONS_NAME = {
    "政府工作报告": "工作报告",
    "任务分工方案": "方案",
    "分工方案": "方案",
    "管理规定": "规定",
    "管理规范": "规范",
}
# ``genre``'s closed label set, the one public catalogues of policy documents use (corpus-real's MANIFEST:
# 意见, 指导意见, 实施意见, 实施方案, 行动计划, 管理办法, 管理规定, 实施细则, 指南, 规划, 政策汇编, 工作流程 …).
# A title's own type word (``genre_word``) that the set names by another or a fuller word maps onto it: the
# set has no bare 方案/计划/办法/细则/规定, it calls an 若干意见 an 意见, a 指引 a 指南 and a 纲要 a 规划; a
# 管理规范 rules (管理规定), any other 规范 guides (伦理规范, 审核规范: 指南).  A word the set lacks stays.
GENRE_LABELS = frozenset(
    "意见 指导意见 实施意见 决定 通知 任务分工方案 实施方案 行动方案 工作方案 报告 规划 若干政策 若干措施 会议纪要 批复 "
    "指南 行动计划 管理规定 答复 管理办法 实施细则 实施办法 通告 公告 政府工作报告 政策汇编 标准 工作流程".split()
)
GENRE_LABEL_OF_WORD = {
    "若干意见": "意见",
    "方案": "实施方案",
    "分工方案": "任务分工方案",
    "计划": "行动计划",
    "办法": "管理办法",
    "细则": "实施细则",
    "规定": "管理规定",
    "管理规范": "管理规定",
    "规则": "管理规定",
    "规程": "管理规定",
    "制度": "管理规定",
    "规范": "指南",
    "指引": "指南",
    "须知": "指南",
    "纲要": "规划",
    "战略": "规划",
    "工作报告": "报告",
    "流程": "工作流程",
    "汇编": "政策汇编",
    "摘编": "政策汇编",
}
_GENRE_END = re.compile(rf"(?P<genre>{TYPE_WORDS})$")
# A bracketed note after the type word: （试行）, （征求意见稿）, （2021—2023年）, （V1.0）, （国发〔2023〕5号）.
_TRAILING_NOTE = re.compile(r"(?:[ \t\u3000]*[（(【\[][^（()）】\]]{0,30}[）)】\]])+[ \t\u3000]*$")
_TRAILING_YEARS = re.compile(r"[（(]?\d{4}\s*[-—–至~]+\s*\d{2,4}年?[）)]?$|\d{4}年?$")
# `关于印发X的通知`, `转发…关于X的通知`, `批转…X的紧急通知`: X's type is the genre (公布 announces, wraps nothing).
_WRAPPER = re.compile(
    r"(?:印发|转发|批转|颁布|颁发|发布|下发|修订)(?P<inner>.+?)的(?:紧急|补充)?(?:通知|通告|公告|决定|令)$"
)
# A 批复 that approves a plan is catalogued under it (`关于同意…试点实施方案的批复`: 原则同意《…方案》，请认真
# 组织实施: ``genre`` 实施方案), its own word staying 批复 (``genre_word``); one that approves an arrangement
# (`同意建立…联席会议制度`) is a 批复 in both.
_APPROVAL = re.compile(r"同意(?P<inner>.+?)的批复$")
_APPROVED_FAMILIES = frozenset({"方案", "计划", "规划", "措施"})
# Types no notice puts in force: what it forwards or announces stays inside the 通知.
_NOT_ISSUED = frozenset({"请示", "函", "名单"})
_BRACKET_NOTE = re.compile(r"[（(【\[](?P<note>[^（()）】\]]{1,30})[）)】\]][ \t\u3000]*$")
# How a text names itself: `本行动计划`, `本实施方案`.
_SELF_NAME = re.compile(rf"本(?P<name>{TYPE_WORDS})")
_SELF_NAMING = re.compile(
    # a line may end right after the name (`制定本办法⏎`): whitespace ends it too
    r"(?:制定|制订|印发|出台)(?:了)?本(?P<genre>[\u4e00-\u9fff]{1,6}?)(?=[。，,；;：:\s]|$)"
    r"|(?:现|特)?(?:提出|就[^。]{1,40}提出)(?:如下|以下)(?P<genre2>(?:实施|指导)?意见|措施|通知)"
    # a notice's own formulas (GB/T 9704 通知): `现将有关事项通知如下`, `有关事项通知如下`, closing `特此通知`
    r"|(?:现(?:将|就)[^。]{0,60}|(?:有关|相关)(?:工作)?事项)(?P<genre3>通知)如下"
    r"|特此(?P<genre7>通知|通告|公告)"
    r"|(?:制定|提出)(?:如下|以下)(?P<genre4>[\u4e00-\u9fff]{1,6}?)(?=[。：:\s])"
    # the name before 如下: `结合我市实际，制定若干政策措施如下。`
    rf"|(?:制定|提出)(?P<genre10>[\u4e00-\u9fff]{{0,8}}?(?:{TYPE_WORDS}))如下"
    rf"|本(?P<genre5>{TYPE_WORDS})自[^。]{{0,20}}(?:施行|实施|执行)"
    # a reply (复函) gives its opinion: `经研究，主要意见回复如下`
    r"|(?:主要)?(?P<genre6>意见)(?:回复|答复|函复)如下"
    # a text citing its own parts by its type: `按照本通知第三条要求`, `本规范所称…`
    rf"|本(?P<genre8>{TYPE_WORDS})(?=第[一二三四五六七八九十百\d]+(?:条|款|项|部分|章)|所称|所指)"
    # a transmittal that presents itself: `现提出智慧物流配送体系建设实施方案，请认真组织实施`
    rf"|现(?:提出|制定|印发)(?P<genre9>[^。，；：\n]{{0,40}}?(?:{TYPE_WORDS}))[，,]请"
)
# A news release or a 政策解读 page is catalogued under the document it presents: `工业和信息化部日前印发了
# 《…行动计划》`, `《…规划》（以下简称《规划》），现解读如下`.
_PRESENTED = re.compile(
    r"(?:日前|近日|近期)(?:正式)?(?:印发|发布|出台)了?《(?P<name>[^《》]{2,80})》"
    r"|《(?P<name2>[^《》]{2,80})》(?:（以下简称[^）]{1,15}）)?[，,]?现(?:就[^。]{0,20})?解读如下"
)
_PRESENTED_HEAD_CHARS = 400
# ... or opens by naming it with a short name it then speaks of (`市政府印发《…若干政策》（以下简称《若干政策》）`, then
# `一、《若干政策》出台背景`, `《若干政策》明确…`; meta_sources reads the effective date such an opening gives).
_PRESENTED_BY_SHORT_NAME = re.compile(
    r"(?:印发|发布|出台|颁布)了?[ \t\u3000]*《(?P<name>[^《》]{2,80})》[ \t\u3000]*"
    r"[（(]以下简称《?(?P<short>[^《》）)]{2,15})》?[）)]"
)
_SHORT_NAME_USES = 3  # more than a text implementing a document says its short name in passing
# A preamble that names what it makes without 本 (`结合实际，制定…补贴资金实施细则。`): read only when the text
# names itself no other way, and only in the preamble, where the sentence is the document's own.
# A task set for others (`各市要结合实际，制定具体实施方案。`) is not the text's own: 具体/配套/相关 … excluded.
_STATES_WHAT_IT_MAKES = re.compile(
    rf"(?<=[，,])(?:特|现)?制定(?:了)?(?!具体|配套|相关|细化|专项|本地)《?[^。《》\n]{{0,60}}?(?P<genre>{TYPE_WORDS})》?(?=。|\n|$)"
)
_PREAMBLE_CHARS = 600
_DRAFT = re.compile(r"征求意见稿|送审稿|草案|讨论稿")
_TRIAL = re.compile(r"试行|暂行")
_TRIAL_PERIOD = re.compile(r"本(?:办法|规定|细则|方案|意见|措施|政策|规范|指南|制度)[^。]{0,30}试行期")
# The text's own commencement clause puts it in force on trial (`本办法自公布之日起试行`, `本规定自2020年1月1日起暂行`):
# where the title is lost (a text saved without it), this is the text saying it is a 试行 one (CONVENTIONS status).
# The clause dates it 自…起 (`各地可参照本办法，从2025年起试行…制度`: others try something, the text is in force).
_SELF_TRIAL = re.compile(
    r"本(?:办法|规定|细则|方案|意见|措施|政策|规范|指南|制度|规则|准则)[^。；\n]{0,30}?自[^。；\n]{0,30}?起(?:试行|暂行)"
)


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
    """The class of a genre (``FAMILIES``: 指导意见 → 意见, 管理办法 → 办法, 指引 → 指南, 政府工作报告 → 报告);
    其他 for a type of no class (名单, 目录, 汇编), None without a genre."""
    if not genre:
        return None
    canonical = genre_word(genre) or genre
    return _FAMILY_OF.get(canonical, OTHER_FAMILY)


def genre_label(word: str | None, title: str | None = None) -> str | None:
    """``genre``: a title's type word in the closed label set (``GENRE_LABEL_OF_WORD``: 若干意见 → 意见,
    方案 → 实施方案, 办法 → 管理办法, 指引 → 指南); a word the set has, or lacks altogether, as it is —
    except that a notice issuing a type the set lacks (`关于印发…应急预案的通知`) is catalogued as the
    notice, the set's word its ``title`` ends with, and a 批复 approving a plan as the plan (``approved_plan``)."""
    if word == "批复" and (approved := approved_plan(title)):
        return GENRE_LABEL_OF_WORD.get(approved, approved)
    label = GENRE_LABEL_OF_WORD.get(word, word) if word else None
    if label and label not in GENRE_LABELS and title:
        own = genre_word(title)  # genre_word strips the trailing notes itself
        if own in GENRE_LABELS:
            return own
    return label


def conventions_genre(genre: str | None) -> str | None:
    """A genre in CONVENTIONS' vocabulary, the gold sets' (政府工作报告 → 工作报告, 任务分工方案 → 方案)."""
    return _CONVENTIONS_NAME.get(genre, genre) if genre else genre


def genre_of_title(title: str | None) -> str | None:
    """The genre of a title; for a notice that issues a document, the attached document's."""
    if not title:
        return None
    core = _TRAILING_NOTE.sub("", title.strip()).strip()
    wrapped = _WRAPPER.search(core)
    if wrapped:
        inner = genre_word(wrapped.group("inner").strip('《》“”"'))
        if inner and inner not in _NOT_ISSUED:
            return inner
    own = genre_word(core)
    if own is None and (note := _BRACKET_NOTE.search(title.strip())):
        return genre_word(note.group("note"))  # `…一次性创业补贴（政务指引）`
    return own


def approved_plan(title: str | None) -> str | None:
    """The type of the plan a 批复 approves (`国务院关于同意…试点实施方案的批复` → 实施方案), None for another
    批复 (`同意建立…联席会议制度`) or another title."""
    approved = _APPROVAL.search(_TRAILING_NOTE.sub("", title.strip()).strip()) if title else None
    inner = genre_word(approved.group("inner").strip('《》“”"')) if approved else None
    return inner if genre_family(inner) in _APPROVED_FAMILIES else None


def genre_of_preamble(text: str) -> str | None:
    """The type a title-less text gives itself in its first paragraphs: `制定本实施方案` → 实施方案; the
    full name where it also says it (`制定本计划` … `本行动计划实施期间` → 行动计划)."""
    window = text[:3000] + "\n" + text[-3000:]
    for match in _SELF_NAMING.finditer(window):
        named = next(g for g in match.groups() if g)
        genre = genre_word(named)
        if genre:
            return _full_self_name(genre, window)
    stated = _STATES_WHAT_IT_MAKES.search(text[:_PREAMBLE_CHARS])
    return genre_word(stated.group("genre")) if stated else _genre_presented(text)


def _genre_presented(text: str) -> str | None:
    """The type of the document a news release or an interpretation page presents (``_PRESENTED``)."""
    head = text[:_PRESENTED_HEAD_CHARS]
    found = _PRESENTED.search(head)
    if found:
        return genre_of_title(found.group("name") or found.group("name2"))
    named = presented_by_short_name(head, text)
    return genre_of_title(named.group("name")) if named else None


def presented_by_short_name(opening: str, text: str) -> re.Match[str] | None:
    """The match in ``opening`` of a document named with a short name (``_PRESENTED_BY_SHORT_NAME``) that
    ``text`` goes on to speak of, as a 解读 page does; None otherwise."""
    named = _PRESENTED_BY_SHORT_NAME.search(opening)
    return named if named and text.count(f"《{named.group('short')}》") > _SHORT_NAME_USES else None


def _full_self_name(genre: str, text: str) -> str:
    """The longest name ending with ``genre`` the text calls itself by (本行动计划 for 本计划), in its head
    and tail, where a text names itself."""
    if genre not in _TYPES:
        return genre  # already a compound
    fuller = {word for m in _SELF_NAME.finditer(text) if (word := genre_word(m.group("name"))) and word.endswith(genre)}
    return max(fuller, key=len, default=genre) if fuller else genre


def status_of(title: str | None, head: str = "", text: str = "") -> str:
    """``draft`` (征求意见稿), ``trial`` (试行/暂行 in the title, a 试行期 the text sets itself, or its own
    commencement clause `本办法自…起试行`) or ``final``."""
    where = f"{title or ''}\n{head}"
    if _DRAFT.search(where):
        return "draft"
    if _TRIAL.search(title or "") or ("试行期" in text and _TRIAL_PERIOD.search(text)):
        return "trial"
    if "起" in text and _SELF_TRIAL.search(text):
        return "trial"
    return "final"
