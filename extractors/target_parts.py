"""Parts of a document that review the past (or list an application's conditions): no goal is set there.

A 政府工作报告 opens with a review of the year before (``一、2023年工作回顾``,
``2023年工作回顾``, ``一、过去五年工作回顾``) and then sets the coming year's
预期目标 and tasks (``二、2024年工作安排``, ``2024年重点工作``); a 规划 or 行动计划
often opens with its starting point (``一、发展现状``, ``（一）发展基础``).  Every
number in such a part is a result already reached, however it is phrased
(``新增就业5.2万人``, ``建成5G基站1.4万个``).  A part that states the situation the measures
answer (``（二）面临形势``, ``（一）发展形势``, ``（二）环境形势依然十分严峻``: SITUATION_TITLE) sets no goal
either: its figures are the present or what the text expects of it (``未来15年…经济总量将再翻两番``).

A review part starts at a heading line whose title says so (REVIEW_TITLE) and
ends at the first of:
- a heading of the same or a higher rank (``二、`` after ``一、…回顾``; ``（二）`` or
  ``二、`` after ``（一）发展现状``);
- a heading that opens the plan (PLAN_TITLE: ``2024年工作安排``, ``今后五年的主要
  任务``), whatever its marker (an unnumbered review heading ends only so);
- the sentence that states the coming year's goals (``主要预期目标是：``), which never
  belongs to a review even where the plan heading was lost.

Headings are heading-shaped lines; a text whose line breaks were lost (a scraped page in one line,
``pipeline.structure.sections.is_flat``) has none, so there they are the numbered sections' spans
(``一、`` ``（一）`` ``第一章``) the section tree found inline.  The tree ends such a title at ``。``/``；``,
the next heading or a paragraph's indent; where none comes (``一、2023年工作回顾2023年是全面贯彻…``)
it runs on into the first sentence, longer than any heading line: then the title is its longest
start that is a review title, or one that opens the plan (``二、2024年主要工作2024年是…``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pipeline.core.document import Section
from pipeline.structure.sections import is_flat

_CN = "一二三四五六七八九十"
# a heading line: an optional marker, then a title without sentence punctuation
_HEADING_LINE = re.compile(
    rf"(?m)^[ \u3000\t]*(?P<marker>[{_CN}]+[、.．]|[（(][{_CN}]+[）)]|第[{_CN}]+(?:部分|章))?[ \u3000]*"
    r"(?P<title>[^\n。；;！？!?]{2,36}?)[ \u3000\t]*$"
)
# A part stating the situation (GB/T-style plans and decisions open with it: `（二）面临形势`, `一、发展形势`,
# `国内外形势`, `面临的形势与挑战`, a predicate on it `环境形势依然十分严峻`), its title ending there; not a part that
# also sets goals (`二、发展形势与总体要求`) nor a task on the situation in a longer title (`适应新形势，…`)
SITUATION_TITLE = (
    r"[^，,：:]{0,10}?形势(?:[和与及](?:挑战|机遇|问题)"
    r"|(?:依然|仍然|仍|更加|日趋|日益|十分|非常|相当|极为|越来越)*(?:严峻|复杂|紧迫|严重)+)?"
)
_PERIOD = r"(?:[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期间)?|过去[一二三四五]年|近年来|(?:19|20)\d{2}年)?"
REVIEW_TITLE = re.compile(
    r"^(?:[^，,：:]{0,16}(?:工作|发展)?回顾"  # 2023年工作回顾, 过去五年工作回顾, "十三五"时期发展回顾
    r"|(?:发展)?(?:现状|基础)(?:[和与及](?:面临的?)?(?:形势|评价|问题|挑战))?"  # 发展现状, 现状与评价
    r"|(?:现实|工作|发展)基础|基本情况"
    rf"|{_PERIOD}(?:主要|取得的|发展|工作)?(?:成效|成就)(?:[和与及](?:经验|问题|不足))?"
    # a reply's or a report's account of results (一、推进解决…工作的主要进展; as deadlines' review headings)
    r"|[^，,：:]{0,30}?(?:主要|取得的)(?:进展|成效|成绩)(?:[和与及](?:进展|成效|成绩|经验))?"
    # an application's conditions (三、申请条件, （二）申报条件, 认定标准和条件): thresholds an applicant must meet,
    # no goal of the issuer either (issue 11: eligibility thresholds are no targets)
    r"|[^，,：:]{0,12}?(?:申请|申报|认定|评选|评审|遴选|入选|准入|资格)(?:标准|范围|对象)?[和与及]?条件"
    r"(?:[和与及](?:程序|要求|标准))?"
    # an application's quotas (（二）申报限额, 推荐名额): how many each applicant may file, a rule of the procedure
    r"|[^，,：:]{0,12}?(?:申请|申报|推荐)(?:限额|名额|数量)"
    # the situation the measures answer: the present and what the text expects of it, no goal (BL16)
    rf"|{SITUATION_TITLE})$"
)
# every alternative of REVIEW_TITLE holds one of these words: a title without any is no review
# (one search instead of the pattern's backtracking over its first 16 characters)
REVIEW_WORDS = re.compile(r"回顾|现状|基础|情况|成效|成就|进展|成绩|条件|限额|名额|数量|形势")


def is_review_title(title: str) -> bool:
    """``REVIEW_TITLE.match(title) is not None``, tried only where a review word occurs."""
    return REVIEW_WORDS.search(title) is not None and REVIEW_TITLE.match(title) is not None


PLAN_TITLE = re.compile(
    r"(?:(?:19|20)\d{2}年|今年|明年|新的一年|今后[一二三四五]年|未来[一二三四五]年|[“\"]?十[一二三四五六七八九]五[”\"]?时期)"
    r"[^，,]{0,14}(?:工作|任务|目标|安排|重点|建议|思路)"
    # a one-year plan's own title (数字山东2021行动方案, 2023年度…实施方案): the whole text sets that year's work
    r"|(?<![\d—\-－~～至])(?:19|20)\d{2}(?:年度?)?(?![\d—\-－~～至年])[^，,（(\d]{0,8}(?:行动方案|行动计划|工作要点|工作计划)"
)
# every PLAN_TITLE match holds one of these words (its first alternative's nouns; 行动 or 工作 in the second's):
# a title without any is no plan heading (one search with a literal opening instead of the pattern at every position)
PLAN_WORDS = re.compile(r"工作|任务|目标|安排|重点|建议|思路|行动")


def is_plan_title(title: str) -> bool:
    """``PLAN_TITLE.search(title) is not None``, tried only where a plan word occurs."""
    return PLAN_WORDS.search(title) is not None and PLAN_TITLE.search(title) is not None


# (spelled with three literal openings, in the order the engine tries them at a position, so that a
# search over a long part skips ahead to a 主 or 预 instead of entering the pattern everywhere)
GOALS_SENTENCE = re.compile(r"主要预期目标(?:是|为|：|:)|预期目标(?:是|为|：|:)|主要目标(?:是|为)")
_RANK = {"part": 0, "top": 1, "sub": 2, None: 3}
# a line short enough to be a heading (marker + title of at most 36 characters, blanks around)
_SHORT_LINE_MAX = 48
_SHORT_LINE = re.compile(rf"(?m)^[^\n]{{2,{_SHORT_LINE_MAX}}}$")
# a section's marker of the ranks above (a heading line's), at the section's start
_MARKER = re.compile(rf"[ \u3000\t]*(?P<marker>[{_CN}]+[、.．]|[（(][{_CN}]+[）)]|第[{_CN}]+(?:部分|章))[ \u3000]*")
_INDENT = re.compile(r"[ \u3000]{2,}|\n")  # where a flat text's paragraph starts (or a line break it kept)
_TITLE_MAX = 36
_RUN_ON_REVIEW_MIN = 4  # 发展现状, 现状与评价, 2023年工作回顾; never a bare 基础 or 现状  # a heading line's longest title: a section title beyond it ran on into its first sentence


def _rank(marker: str | None) -> int:
    if not marker:
        return _RANK[None]
    if marker.startswith("第"):
        return _RANK["part"]
    if marker[0] in "（(":
        return _RANK["sub"]
    return _RANK["top"]


def _part_headings(text: str, line_ends: list[int] | None = None) -> list[tuple[int, int, str | None, str, bool]]:
    """(start, end, marker, title, whether the title opens a review) of every heading-shaped line,
    in order (short lines only: fast; REVIEW_TITLE judged once for both kinds of part).
    ``line_ends``: the positions of the text's line breaks, where the caller has them."""
    headings = []
    if line_ends is None:
        lines = ((m.start(), m.end()) for m in _SHORT_LINE.finditer(text))
    else:
        starts = [0, *(e + 1 for e in line_ends)]
        ends = [*line_ends, len(text)]
        lines = ((a, b) for a, b in zip(starts, ends) if 2 <= b - a <= _SHORT_LINE_MAX)
    for start, end in lines:
        m = _HEADING_LINE.match(text, start, end)
        if m is not None:
            title = m.group("title")
            headings.append((m.start(), m.end(), m.group("marker"), title, is_review_title(title)))
    return headings


def _section_headings(text: str, sections: Sequence[Section]) -> list[tuple[int, int, str | None, str, bool]]:
    """_part_headings' tuples for the numbered sections of a text without line breaks (module docstring)."""
    headings = []
    starts = [section.norm_start for section in sections]
    for i, section in enumerate(sections):
        m = _MARKER.match(text, section.norm_start, section.norm_end)
        if m is None:
            continue  # 1. （1） 第一条: items and articles, no parts
        title = text[m.end() : section.norm_end].rstrip(" \u3000\t")
        next_start = starts[i + 1] if i + 1 < len(starts) else len(text)
        if not is_review_title(title) and _may_run_on(text, section.norm_end, next_start, m.group("marker")):
            title = _run_on_title(title[:_TITLE_MAX])
        headings.append((section.norm_start, m.end() + len(title), m.group("marker"), title, is_review_title(title)))
    return headings


def _may_run_on(text: str, end: int, next_start: int, marker: str) -> bool:
    """Whether a part's title (``一、``, ``第一章``) may hold the first sentence after it: it ends neither at
    the next heading (``一、发展现状和总体要求（一）…``: a whole title), nor at an indent or a line break.
    A ``（一）`` title is taken whole: a paragraph's heading ends at its ``。`` (``（一）基础设施建设。``)."""
    if _rank(marker) > _RANK["top"] or not text[end:next_start].strip(" \u3000\t"):
        return False
    return _INDENT.match(text, end) is None


def _indented_headings(text: str) -> list[tuple[int, int, str | None, str, bool]]:
    """_part_headings' tuples for the paragraphs of a text without line breaks: what lies between two
    paragraph indents (``　　``, two blanks once normalised), heading-shaped when short (the document's
    title, ``数字山东2021行动方案``, an unnumbered ``2023年工作回顾``)."""
    headings = []
    start = 0
    for gap in [*_INDENT.finditer(text), None]:
        end = gap.start() if gap else len(text)
        if 2 <= end - start <= _SHORT_LINE_MAX:
            m = _HEADING_LINE.fullmatch(text[start:end])
            if m is not None:
                title = m.group("title")
                headings.append((start, end, m.group("marker"), title, is_review_title(title)))
        start = gap.end() if gap else end
    return headings


# A work report's unnumbered part heading (``2023年工作回顾``, ``2024年重点工作``, ``2024年工作安排建议``) in a text that
# lost its line breaks and its indents: glued between the sentence before it and the part's first sentence, which
# opens with a year or a period (``…提出意见。2023年工作回顾2023年，是…``).  Only the report's own part titles (a
# year or period + 工作回顾 / 工作安排 / 重点工作 / 主要目标和重点任务), whose words start no sentence of a report.
_GLUED_PART = re.compile(
    r"(?:(?<=[。！？：:!?])|^)(?P<title>(?:(?:19|20)\d{2}年|过去[一二三四五]年|今后[一二三四五]年)"
    r"(?:政府)?(?:工作回顾|工作安排(?:建议)?|重点工作|主要目标和重点任务))"
    r"(?=(?:19|20)\d{2}年|过去|今年|各位代表)"
)


def _glued_headings(text: str) -> list[tuple[int, int, str | None, str, bool]]:
    """_part_headings' tuples for a flat text's unnumbered work-report part titles (_GLUED_PART)."""
    return [(m.start(), m.end(), None, m["title"], is_review_title(m["title"])) for m in _GLUED_PART.finditer(text)]


def _holds(starts: list[int], heading: tuple[int, int, str | None, str, bool]) -> bool:
    """Whether a section heading starts inside ``heading`` (the same heading, found twice)."""
    i = bisect.bisect_left(starts, heading[0])
    return i < len(starts) and starts[i] < heading[1]


def _run_on_title(start: str) -> str:
    """The title a run-on section title begins with: its longest start that is a review title, else
    the plan heading it opens with (``2024年主要工作``), else none (``""``: a heading opening nothing).
    A bare two-character word glued to the text after it starts a longer title (``（一）基础共性标准…``)."""
    for size in range(len(start), _RUN_ON_REVIEW_MIN - 1, -1):
        if is_review_title(start[:size]):
            return start[:size]
    plan = PLAN_TITLE.match(start)
    return plan.group() if plan else ""


def document_parts(
    text: str, line_ends: list[int] | None = None, sections: Sequence[Section] = ()
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(review parts, plan parts) of ``text``: see review_parts and plan_parts.  ``sections``: the
    document's section tree, whose headings stand in for heading lines where the text has none."""
    if is_flat(text):  # the few lines it kept are paragraphs of _indented_headings too
        numbered = _section_headings(text, sections)
        starts = [start for start, *_ in numbered]
        unnumbered = _indented_headings(text) + _glued_headings(text)
        headings = sorted(numbered + [h for h in set(unnumbered) if not _holds(starts, h)])
    else:
        headings = _part_headings(text, line_ends)
    return _review_parts(text, headings), _plan_parts(text, headings)


def plan_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parts that set the coming year's or years' work (``二、2024年工作安排``):
    from such a heading line to the next review heading or the end.  Every number there is
    a goal or a task's quantity, so none needs a deadline or a verb to count as one."""
    return _plan_parts(text, _part_headings(text))


def review_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of every review part of ``text`` (module docstring), in order."""
    return _review_parts(text, _part_headings(text))


def _plan_parts(text: str, headings) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    for start, _, _, title, review in headings:
        open_part = bool(parts) and parts[-1][1] == len(text)
        if review:
            if open_part:
                parts[-1] = (parts[-1][0], start)
        elif not open_part and is_plan_title(title):
            parts.append((start, len(text)))
    return parts


def _review_parts(text: str, headings) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    i = 0
    while i < len(headings):
        start, end, marker, _, review = headings[i]
        i += 1
        if not review:
            continue
        rank = _rank(marker)
        part_end = len(text)
        while i < len(headings):
            h_start, _, h_marker, h_title, _ = headings[i]
            if is_plan_title(h_title) or (h_marker and rank < _RANK[None] and _rank(h_marker) <= rank):
                part_end = h_start
                break
            i += 1
        goals = GOALS_SENTENCE.search(text, end, part_end)
        if goals is not None:
            part_end = max(end, text.rfind("\n", end, goals.start()) + 1, text.rfind("。", end, goals.start()) + 1)
        parts.append((start, part_end))
    return parts
