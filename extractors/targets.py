"""Targets: quantified goals (GUIDE ``target``, SPEC ``targets``), written as rule records.

``find`` scans the text once with ``RULES`` (extractors/rules.py): one rule per alternative of a
quantity (a scale class 百亿级, a count with its unit 800家, money with 元 elided 过千亿, 百分之六十,
a bare number with 左右/以上, an index after its verb PUE不高于1.25) and a rank (稳居全球前三), each
beside its examples.  ``write`` judges every match in context, in text order (``_Scan``):

1. where it sits: review parts hold no goals (target_parts: a work report's 回顾, a plan's 发展现状),
   nor do subsidy rules, conditions, definitions, alternatives, statements of the past, brackets;
2. its own form: budgets, fee cuts, thresholds and classes (…元的项目, 1亿元以上企业), quoted names,
   idioms, per-unit rules, counts restating a list, sizes naming a project;
3. the comparator verb before it and what it rules out (a rule's modal, a deadline, a forecast);
4. a goal context: a comparator or action verb, a deadline, 每年/年均, a 目标/指标 section, a plan
   part (二、2024年工作安排), or a target before it in its sentence (a list going on);
5. span and indicator from the clause: indicator-first (规模以上企业达到800家), number-first
   (培育3个世界级集群), a 分别 or 均 list (one target per item), an elided subject; the indicator
   keeps what a researcher puts in a column header (direction, distribution, product, base).

Indicator tables (指标名称 | 2022年 | 2025年目标) are read by column first (target_tables).  In any
other table (cells separated by tabs) a cell is a sentence: no span crosses into the next cell,
and a value cell without a subject takes the item cell before it as its indicator.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

import pyarrow as pa

from extractors import target_patterns as P
from extractors.base import Extractor
from extractors.char_positions import code_points
from extractors.project_tables import project_tables
from extractors.rules import Found, Rule, RuleSet, example
from extractors.target_clauses import GOAL, RULE_HEADING, ClauseKinds, chronicle_parts
from extractors.target_parts import GOALS_SENTENCE, document_parts
from extractors.target_scan import StartPositions, StartScan
from extractors.target_tables import line_table_targets, spaced_table_targets, table_targets
from pipeline.core.document import ExtractContext, Section
from pipeline.core.numerals import CN_DIGITS, parse_number, parse_range
from pipeline.core.plans import PLAN_END
from pipeline.structure.sections import is_flat

_BOUNDING_KINDS = ("within", "recurring", "from")
_DE = "的"

COLUMNS = [
    pa.field("indicator", pa.string()),
    pa.field("value", pa.float64()),
    pa.field("value_max", pa.float64()),
    pa.field("unit", pa.string()),
    pa.field("comparator", pa.string()),
    pa.field("deadline_year", pa.int64()),
    pa.field("recurring", pa.string()),
]


class _DocIndex:
    """Boundaries, deadlines and sections of one document, for O(log n) lookups."""

    def __init__(self, ctx: ExtractContext):
        text = ctx.text
        self.text = text
        points = code_points(text)
        self.clause_ends, self.sentence_ends, self.line_ends = P.BOUNDARY_CHARS.positions(points)
        deadlines = sorted(ctx.results.get("deadlines", []) + _opening_years(ctx), key=lambda r: r["norm_start"])
        self.by_deadlines = [r for r in deadlines if r.get("kind") == "by" and r.get("year") is not None]
        self.by_starts = [r["norm_start"] for r in self.by_deadlines]
        self.deadline_starts = [r["norm_start"] for r in deadlines]
        self.deadline_ends = [r["norm_end"] for r in deadlines]
        # a year inside a deadline span is a deadline, not a bare (past) year: the furthest end of
        # the spans starting at or before each (spans nest and overlap), for one bisect a year
        self.deadline_reach = list(itertools.accumulate(self.deadline_ends, max))
        self.year_marks = P.char_positions(text, "年")  # where a year can end (a past year rules a sentence out)
        # 3年内 / 每年 / 从2024年起 bound a task: a quantity after one in its sentence is a goal
        self.bound_starts = [r["norm_start"] for r in deadlines if r.get("kind") in _BOUNDING_KINDS]
        self.doc_year = ctx.doc_year
        self.first_by_year = min((r["year"] for r in self.by_deadlines), default=None)
        self.sections = ctx.sections
        self.section_starts = [s.norm_start for s in ctx.sections]
        self.flat = is_flat(text)
        self.section_by_id = {s.section_id: s for s in ctx.sections}
        # a work report's 回顾, a plan's 发展现状: results of the past, never goals
        self.review_parts, self.plan_parts = document_parts(text, self.line_ends, ctx.sections)
        self.review_starts = [a for a, _ in self.review_parts]
        # eligibility conditions listed after 符合以下条件…：
        self.condition_lists = P.condition_lists(text) if "条件" in text or "情形" in text else []
        self.condition_starts = [a for a, _ in self.condition_lists]
        self._sentence_verdicts: dict[int, bool] = {}
        self._subsidy_starts: dict[int, int | None] = {}
        self._subsidy_ends: dict[int, int | None] = {}
        self._bracketed: dict[int, bool] = {}
        self._facts: dict[Any, tuple[int, int, int | None, int | None, int, bool] | None] = {}
        self._quoted: dict[int, bool] = {}
        self._reimbursing: dict[int, int] = {}  # sentence start -> first rule word (or its end)
        self._premise_ends: dict[int, Any] = {}  # sentence start -> premise_end
        self._notes: dict[int, list[int]] = {}  # sentence start -> where its responsibility notes start
        self._opening_year_of: dict[int, Any] = {}  # section index -> _section_opening_year
        self._goal_section: dict[int, bool] = {}  # section index -> in_goal_section
        self._rule_section: dict[int, bool] = {}  # section index -> in_rule_section
        self.clause_kinds = ClauseKinds(text)  # goal, rule or result of each figure (target_clauses)
        # the narration under a chronology's past entries (·2017年8月（…推进大会）): results (target_clauses)
        part_starts = [s.norm_start for s in ctx.sections if s.level <= 2]
        self.chronicle_parts = chronicle_parts(text, self._entry_is_past, part_starts)
        self.chronicle_starts = [a for a, _ in self.chronicle_parts]
        if self.chronicle_parts:  # an entry's line is no heading of a year's work (`2016年10月（成立工作指挥部）`)
            self.plan_parts = [part for part in self.plan_parts if part[0] not in self.chronicle_starts]
        self.plan_starts = [a for a, _ in self.plan_parts]
        self._lead_year_of: dict[int, Any] = {}  # line start of a dash item -> _list_lead_year

    # ------------------------------------------------------------ boundaries
    @staticmethod
    def _around(ends: list[int], pos: int, length: int) -> tuple[int, int]:
        i = bisect.bisect_left(ends, pos)
        start = ends[i - 1] + 1 if i > 0 else 0
        end = ends[i] if i < len(ends) else length
        return start, end

    def clause(self, pos: int) -> tuple[int, int]:
        bounds = self._around(self.clause_ends, pos, len(self.text))
        return self._within_section(bounds, pos) if self.flat else bounds

    def sentence(self, pos: int) -> tuple[int, int]:
        bounds = self._around(self.sentence_ends, pos, len(self.text))
        return self._within_section(bounds, pos) if self.flat else bounds

    def line(self, pos: int) -> tuple[int, int]:
        bounds = self._around(self.line_ends, pos, len(self.text))
        return self._within_section(bounds, pos) if self.flat else bounds

    def _within_section(self, bounds: tuple[int, int], pos: int) -> tuple[int, int]:
        """In a text without line breaks (``is_flat``) a heading starts a line and a sentence, as it does where the
        text has breaks: ``三、建设思路（一）…结构包括…等3个部分`` is no sentence of 建设 (the bounds clamped to the
        innermost section holding ``pos`` and the next heading after it)."""
        i = bisect.bisect_right(self.section_starts, pos) - 1
        start = max(bounds[0], self.section_starts[i]) if i >= 0 else bounds[0]
        end = min(bounds[1], self.section_starts[i + 1]) if i + 1 < len(self.section_starts) else bounds[1]
        return start, end

    # ------------------------------------------------------------ sentences
    def sentence_is_excluded(self, start: int, end: int) -> bool:
        """A subsidy rule or a statement of the present/past: no target in it."""
        verdict = self._sentence_verdicts.get(start)
        if verdict is None:
            text = self.text
            verdict = bool(
                (
                    (
                        self._states_present(start, end)
                        or (text.find("经", start, end) >= 0 and P.STATS_REPORT.search(text, start, end))
                    )
                    and not GOALS_SENTENCE.search(text, start, end)
                )
                or P.DEFINITION.search(text, start, end)
                or (text.find("或", start, end) >= 0 and P.ALTERNATIVE.search(text, start, end))
                or self._has_past_year(start, end)
                or self._frames_past_plan(start, end)
            )
            self._sentence_verdicts[start] = verdict
        return verdict

    def _states_present(self, start: int, end: int) -> bool:
        """Whether the sentence states the present (已有, 目前…) outside a premise that opens it (立足现有产业基础，
        到2025年…达到800家: the premise is the goal's basis)."""
        found = self._present_statement(start, end)
        if found is None:
            return False
        premise = self.premise_end(start, end)
        return premise is None or found >= premise or self._present_statement(premise, end) is not None

    def _present_statement(self, start: int, end: int) -> int | None:
        """Where the first word of the present in ``start``–``end`` states it; not `目前`/`当前`/`现有` as the object's
        attribute right after a verb of remedy (缓解|目前严重缺电局面, 改变|当前…的状况: the goal acts on the present, BL12),
        nor `现有` right after a verb acting on its object (支持|现有龙头企业…, BL25)."""
        for found in P.PRESENT.finditer(self.text, start, end):
            if P.REMEDY_VERB_END.search(self.text, max(start, found.start() - 2), found.start()):
                continue
            if found.group() == "现有" and P.EXISTING_OBJECT_VERB_END.search(
                self.text, max(start, found.start() - 2), found.start()
            ):
                continue  # 支持|现有龙头企业…: the object's attribute (BL25)
            if not self._resolved_baseline(start, found):
                return found.start()
        return None

    def _resolved_baseline(self, start: int, found: re.Match) -> bool:
        """(BL15) Whether the word of the present is a year-on-year comparison after a resolve opened earlier in its
        sentence (`力争全年货物进出口总额同比增长15%左右`): the goal's baseline, as in the 预期目标 sentence."""
        return P.YEAR_ON_YEAR.fullmatch(found.group()) is not None and bool(
            P.RESOLVE.search(self.text, start, found.start())
        )

    def closed_by_note(self, pos: int, start: int, end: int) -> bool:
        """Whether a responsibility note (`（…牵头…）`) follows ``pos`` in its sentence ``start``–``end``: it closes
        the task that holds ``pos``.  The notes are found once per sentence."""
        notes = self._notes.get(start)
        if notes is None:
            text = self.text
            bracketed = text.find("（", start, end) >= 0 or text.find("(", start, end) >= 0
            notes = self._notes[start] = (
                [m.start() for m in P.TASK_NOTE.finditer(text, start, end)] if bracketed else []
            )
        return bool(notes) and notes[-1] >= pos

    def premise_end(self, start: int, end: int) -> int | None:
        """End of the premise clauses (立足…，结合…，综合考虑…，) opening the sentence ``start``–``end`` where they
        name the present and a clause follows them; else None.  Once per sentence (every quantity asks)."""
        premise = self._premise_ends.get(start, self)
        if premise is self:
            premise = self._premise_ends[start] = self._premise_end(start, end)
        return premise

    def _premise_end(self, start: int, end: int) -> int | None:
        text, pos, premise = self.text, start, None
        while pos < end:
            opened = P.PREMISE_OPEN.match(text, pos, end)
            if opened is None:
                break
            _, clause_end = self.clause(opened.end())
            if clause_end >= end - 1:
                break  # the premise is the whole sentence: nothing it is the basis of
            premise = pos = clause_end + 1
        if premise is None or P.PRESENT.search(text, start, premise) is None:
            return None
        return premise

    def sentence_facts(self, pos: int) -> tuple[int, int, int | None, int | None, int, bool] | None:
        """What the sentence at ``pos`` says for every quantity in it, computed once: None when it
        holds no goal, else (start, end, condition end, subsidy rule start, its end, has brackets)."""
        i: Any = bisect.bisect_left(self.sentence_ends, pos)
        if self.flat:  # a sentence is cut at the headings in it (_within_section)
            i = (i, bisect.bisect_right(self.section_starts, pos))
        if i in self._facts:
            return self._facts[i]
        start, end = self.sentence(pos)
        facts = None
        if not self.sentence_is_excluded(start, end):
            rule_start = self.subsidy_start(start, end)
            rule_end = (self.subsidy_end(start) or end) if rule_start is not None else end
            facts = (
                start,
                end,
                self.condition_end(start, end),
                rule_start,
                rule_end,
                self.sentence_has_brackets(start, end),
            )
        self._facts[i] = facts
        return facts

    def sentence_has_brackets(self, start: int, end: int) -> bool:
        has = self._bracketed.get(start)
        if has is None:
            has = self._bracketed[start] = P.BRACKET_CHARS.search(self.text, start, end) is not None
        return has

    def sentence_has_quotes(self, start: int, end: int) -> bool:
        has = self._quoted.get(start)
        if has is None:
            has = self._quoted[start] = P.QUOTE_CHARS.search(self.text, start, end) is not None
        return has

    def reimbursement_before(self, start: int, end: int, pos: int) -> bool:
        """Whether the sentence ``start``–``end`` names a reimbursement or subsidy rule's rate
        (P.REIMBURSEMENT_RULE) before ``pos``: the rule then frames what follows it (`…起付线，报销比例提高
        5个百分点，将19项…纳入…`), while a goal before the rule's words stays one (`三是实现…参合率达100%，
        并落实“四重医疗保障”，…报销比例达到政策要求`). The first such word is looked up once per sentence."""
        first = self._reimbursing.get(start)
        if first is None:
            found = P.REIMBURSEMENT_RULE.search(self.text, start, end)
            first = self._reimbursing[start] = found.start() if found else end
        return first < pos

    def condition_end(self, start: int, end: int) -> int | None:
        """End of the condition (对…的企业，) that opens a rule sentence, else None."""
        m = P.CONDITIONAL_RULE.match(self.text, start, end)
        return m.end() if m else None

    def subsidy_start(self, start: int, end: int) -> int | None:
        """Where the subsidy rule of a sentence starts (None: it grants nothing).

        The rule is the clause that grants money, what follows it in the sentence
        (caps: 最高不超过100万元), and the condition clauses right before it.
        """
        if start in self._subsidy_starts:
            return self._subsidy_starts[start]
        grant = self._first_grant(start, end)
        rule_start = rule_end = None
        if grant is not None:
            reopened = P.DEADLINE_CLAUSE.search(self.text, grant.end(), end)
            rule_end = reopened.start() if reopened else end
            rule_start, _ = self.clause(grant.start())
            while rule_start > start:
                before_start, before_end = self.clause(rule_start - 1)
                before_start = max(before_start, start)
                if not P.SUBSIDY_CONDITION.match(self.text, before_start, before_end):
                    break
                rule_start = before_start
        self._subsidy_starts[start] = rule_start
        self._subsidy_ends[start] = rule_end
        return rule_start

    def _first_grant(self, start: int, end: int) -> re.Match | None:
        """The first word of the sentence ``start``–``end`` that grants money; a name grants nothing: a quoted one
        (提高“两项补贴”标准) or one naming a policy (完善职业培训补贴等稳就业政策, P.GRANT_NAMES_POLICY); (BL29) a grant
        word made an adjective by 性 classes the noun after it (开展补贴性职业技能培训13万人次: the subsidised kind)."""
        grant = P.SUBSIDY.search(self.text, start, end)
        while grant is not None and (
            P.inside_quotes(self.text, start, grant.start())
            or P.GRANT_NAMES_POLICY.match(self.text, grant.end(), end)
            or P.GRANT_AS_CLASS.match(self.text, grant.end(), end)
        ):
            grant = P.SUBSIDY.search(self.text, grant.end(), end)
        return grant

    def subsidy_end(self, start: int) -> int | None:
        """End of the subsidy rule of the sentence at ``start`` (after subsidy_start)."""
        return self._subsidy_ends.get(start)

    def in_review(self, pos: int) -> bool:
        i = bisect.bisect_right(self.review_starts, pos) - 1
        return i >= 0 and pos < self.review_parts[i][1]

    def in_chronicle(self, pos: int) -> bool:
        i = bisect.bisect_right(self.chronicle_starts, pos) - 1
        return i >= 0 and pos < self.chronicle_parts[i][1]

    def _year_is_past(self, year: int) -> bool:
        """A year of the past for this document, by the test a bare year of a sentence takes (_has_bare_past_year)."""
        if self.doc_year is not None:
            return year <= self.doc_year
        return self.first_by_year is None or year < self.first_by_year

    def _entry_is_past(self, year: int) -> bool:
        """A chronology entry's year of the past: before the document's year (an entry of its own year may be a
        step of its schedule), else as a bare year (_year_is_past)."""
        return year < self.doc_year if self.doc_year is not None else self._year_is_past(year)

    def in_conditions(self, pos: int) -> bool:
        i = bisect.bisect_right(self.condition_starts, pos) - 1
        return i >= 0 and pos < self.condition_lists[i][1]

    def in_plan(self, pos: int) -> bool:
        i = bisect.bisect_right(self.plan_starts, pos) - 1
        return i >= 0 and pos < self.plan_parts[i][1]

    def in_deadline_span(self, pos: int) -> bool:
        """Whether some deadline span holds ``pos`` (a <= pos < b for one of them): 6个月内, 3天内 are
        deadlines, not targets.  (The running furthest end, so a long span opened before shorter ones counts.)"""
        i = bisect.bisect_right(self.deadline_starts, pos)
        return i > 0 and self.deadline_reach[i - 1] > pos

    def deadline_in(self, start: int, end: int) -> bool:
        """Whether a deadline span starts in ``start``–``end`` (a sentence bounded in time sets a task, not a norm)."""
        i = bisect.bisect_left(self.deadline_starts, start)
        return i < len(self.deadline_starts) and self.deadline_starts[i] < end

    def bound_before(self, sent_start: int, pos: int) -> bool:
        """Whether a within/recurring/from deadline precedes ``pos`` in its sentence (三年内培养…5000名)."""
        i = bisect.bisect_left(self.bound_starts, pos) - 1
        return i >= 0 and self.bound_starts[i] >= sent_start

    def _frames_past_plan(self, start: int, end: int) -> bool:
        """A sentence framed by a five-year plan's period that ended before the document's year (PLAN_FRAME)."""
        if self.doc_year is None or self.text.find("五”", start, end) < 0:
            return False
        frame = P.PLAN_FRAME.search(self.text, start, end)
        return frame is not None and PLAN_END[frame.group(1)] < self.doc_year

    def _has_past_year(self, start: int, end: int) -> bool:
        """A range of past years, or a past year (in Chinese numerals, or bare: not in a deadline)."""
        # Every year pattern is of fixed length and ends with 年: each is matched where it would
        # end at one of the sentence's 年 (none overlaps another, so these are finditer's matches)
        i = bisect.bisect_left(self.year_marks, start)
        j = bisect.bisect_left(self.year_marks, end, i)
        if i == j:
            return False
        marks = self.year_marks[i:j]
        text, doc_year = self.text, self.doc_year
        if doc_year is not None:
            for at in marks:
                r = P.YEAR_RANGE.match(text, at - 9, end) if at - 9 >= start else None
                if r is not None and int(r.group("end")) < doc_year:
                    return True  # 继2001—2003年分别开工…: a range of past years
            for at in marks:
                m = P.CN_YEAR.match(text, at - 4, end) if at - 4 >= start else None
                if m is not None and P.cn_year(m.group(1)) < doc_year:
                    return True  # 一九七九年提高到…: a year of the past, in Chinese numerals
            if text.find("截", start, end) >= 0 and any(
                int(m.group(1)) < doc_year for m in P.STATUS_YEAR.finditer(text, start, end)
            ):
                return True  # 截至2022年底，…累计完成…: the status at a past date
        return self._has_bare_past_year(marks, start, end)

    def _has_bare_past_year(self, marks: list[int], start: int, end: int) -> bool:
        for at in marks:
            m = P.BARE_YEAR.match(self.text, at - 4, end) if at - 4 >= start else None
            if m is None or self.in_deadline_span(m.start()):
                continue
            year = int(m.group(1))
            if self._year_is_past(year) and not self._sets_goals_of(year, m.end()):
                return True
        return False

    def _sets_goals_of(self, year: int, year_end: int) -> bool:
        """(BL20) `2024年…主要预期目标是：`: the year the sentence sets goals for (a work report's own), not a past year
        it reports; one before the document's year stays past."""
        if (self.doc_year is not None and year < self.doc_year) or self._reviewed_before(year, year_end):
            return False
        return P.GOALS_OF_THE_YEAR.match(self.text, year_end) is not None

    def _reviewed_before(self, year: int, pos: int) -> bool:
        """Whether a review part before ``pos`` reviews ``year`` or a later one (`一、2023年工作回顾` … `2022年…预期目标是`:
        the past year's goals the review recalls)."""
        for start, _ in self.review_parts:
            if start >= pos:
                break
            m = P.BARE_YEAR_IN_TITLE.search(self.text, start, start + 16)
            if m is not None and int(m.group(1)) >= year:
                return True
        return False

    def _goals_year(self, line_start: int) -> int | None:
        """(BL20) The year a paragraph opening `2024年…主要预期目标是：` sets its goals for (CONVENTIONS: their
        deadline_year, `2024年…主要预期目标是`)."""
        m = P.GOALS_YEAR_OPENING.match(self.text, line_start)
        if m is None or not self._sets_goals_of(int(m.group(1)), m.end()):
            return None
        return int(m.group(1))

    # ------------------------------------------------------------ deadlines
    def deadline_year(self, pos: int) -> int | None:
        """Year of the 到YYYY年-style deadline before ``pos`` in its paragraph, else
        of one opening the paragraph of an enclosing section."""
        line_start = self._paragraph_start(pos)
        i = bisect.bisect_left(self.by_starts, pos) - 1
        if i >= 0 and self.by_starts[i] >= line_start:
            year = self._governing_year(i, line_start, pos)
            if year is not None:
                return year
        year = self._goals_year(line_start)
        if year is not None:
            return year  # 2024年经济社会发展主要预期目标是：地区生产总值增长7.5%左右
        item_start = line_start if P.DASH_ITEM.match(self.text, line_start) else self._inside_dash_list(line_start)
        if item_start is not None:
            year = self._list_lead_year(item_start)
            if year is not None:
                return year  # ——创新能力。打造2—3个…: the year of the paragraph that leads the list
        # the rest depends on the innermost section only: once per section
        section_index = bisect.bisect_right(self.section_starts, pos) - 1
        year = self._opening_year_of.get(section_index, self)
        if year is self:
            year = self._opening_year_of[section_index] = self._section_opening_year(section_index)
        return year

    def _paragraph_start(self, pos: int) -> int:
        """Start of the paragraph holding ``pos``: its line's, or in a line that holds several paragraphs (a text
        that lost its line breaks) the last indent's; in a text without line breaks (``is_flat``) never before the
        innermost section's heading either, as a heading starts a line where the text has breaks (a one-line
        text's `到2030年，` opening its goals does not reach the figures of its later task sections)."""
        line_start, _ = self.line(pos)
        if pos - line_start > P.FLAT_LINE_MIN:
            line_start = max(line_start, *(self.text.rfind(indent, line_start, pos) for indent in P.PARAGRAPH_INDENTS))
            if self.flat:
                section_index = bisect.bisect_right(self.section_starts, pos) - 1
                if section_index >= 0:
                    line_start = max(line_start, self.section_starts[section_index])
        return line_start

    def _governing_year(self, i: int, line_start: int, pos: int) -> int | None:
        """Year of the ``i``-th by-bound (the last before ``pos`` in the paragraph from ``line_start``) when it
        governs ``pos`` (CONVENTIONS: the target's own sentence, or the lead sentence of its paragraph): in the
        sentence of ``pos``; the paragraph's only year phrase before ``pos`` (`…，到2025年年底，…突破2.2万亿元。…新培育
        高新技术企业超过1000家`); among several, one that leads (``_leads``: `力争到2027年，…全面拓展。在…取得10项以上`).
        Where a paragraph states several years, a neighbouring goal sentence's does not carry (`定性目标提出：到2025年，
        …。定量指标提出：到2025年，…达到20%。同时提出建设300个…`), nor a schedule's (`2016年启动…，2017年…，2018年…。
        三年计划培育…`)."""
        start = self.by_starts[i]
        sent_start, _ = self.sentence(pos)
        only_one = i == 0 or self.by_starts[i - 1] < line_start
        if start >= sent_start or only_one or self._leads(i):
            return int(self.by_deadlines[i]["year"])
        return None

    def _leads(self, i: int) -> bool:
        """Whether the ``i``-th by-bound leads the sentences after it in its paragraph: a clause of its own
        (`到2027年，`) opening the paragraph's first sentence (`　　到2025年，全省…达到30万辆以上。全省累计建成…`) or
        in a sentence that states no figure after it (`…。到2027年，…数字化转型取得明显成效。一是…`)."""
        start, phrase_end = self.by_starts[i], self.by_deadlines[i]["norm_end"]
        if not P.LEAD_YEAR_CLAUSE.match(self.text, phrase_end):
            return False
        sent_start, sent_end = self.sentence(start)
        line_start, _ = self.line(start)
        if sent_start == line_start and P.LEAD_YEAR_OPENING.fullmatch(self.text, sent_start, start):
            return True
        return not P.HAS_DIGIT.search(self.text, phrase_end, sent_end)

    def _nonblank_line(self, pos: int, step: int) -> tuple[int, int] | None:
        """The first line holding text before (step -1) or after (+1) the line at ``pos``."""
        start, end = self.line(pos)
        while True:
            if (step < 0 and start == 0) or (step > 0 and end >= len(self.text)):
                return None
            start, end = self.line(start - 1) if step < 0 else self.line(end + 1)
            if self.text[start:end].strip():
                return start, end

    def _inside_dash_list(self, line_start: int) -> int | None:
        """(BL14) A paragraph between two `——` items that opens with none (`——供给能力明显增强。…。⏎培育150家…。⏎——基础
        支撑…`: the item goes on where a PDF broke its line at a sentence's end): the line start of the item before it,
        else None."""
        before, after = self._nonblank_line(line_start, -1), self._nonblank_line(line_start, 1)
        if before is None or after is None or not P.DASH_ITEM.match(self.text, after[0]):
            return None
        return before[0] if P.DASH_ITEM.match(self.text, before[0]) else None

    def _list_lead_year(self, line_start: int) -> int | None:
        """Year of the last 到YYYY年-style deadline of the paragraph that leads the dash list holding the line
        at ``line_start`` (到2026年，…更加完善。⏎——创新能力。…⏎——集群发展。…), else None; once per line."""
        year = self._lead_year_of.get(line_start, self)
        if year is not self:
            return year
        year, start = None, line_start
        for _ in range(P.DASH_LIST_MAX_LINES):
            if start == 0:
                break
            start, end = self.line(start - 1)
            if not self.text[start:end].strip() or P.DASH_ITEM.match(self.text, start):
                continue  # an earlier item of the list, or a blank line between items
            i = bisect.bisect_left(self.by_starts, end) - 1
            if i >= 0 and self.by_starts[i] >= start:
                year = int(self.by_deadlines[i]["year"])
            elif self._inside_dash_list(start) is not None:
                continue  # (BL14) an item's paragraph that opens with no dash: the list goes on before it
            break
        self._lead_year_of[line_start] = year
        return year

    def _section_opening_year(self, section_index: int) -> int | None:
        """Year of the 到YYYY年-style deadline opening the paragraph of the section at
        ``section_index`` or of one enclosing it (the nearest), else None."""
        for section in self._section_chain(section_index):
            opening = section.norm_end
            j = bisect.bisect_left(self.by_starts, opening)
            if j < len(self.by_starts) and self.by_starts[j] - opening <= P.OPENING_WINDOW:
                between = self.text[opening : self.by_starts[j]]
                if "\n" not in between.strip("\n") and not P.HAS_DIGIT.search(between) and self._leads(j):
                    return int(self.by_deadlines[j]["year"])
        return None

    def _section_chain(self, i: int) -> list[Section]:
        """The section at index ``i`` of ``sections`` (-1: none) and those enclosing it, innermost first."""
        chain: list[Section] = []
        section = self.sections[i] if i >= 0 else None
        while section is not None and len(chain) < 8:
            chain.append(section)
            section = self.section_by_id.get(section.parent_id) if section.parent_id is not None else None
        return chain

    def in_rule_section(self, pos: int) -> bool:
        """Whether a heading over ``pos`` names the rules of an application or an access standard (``（二）申报限额``,
        ``三、申请条件``, ``（三）提高煤矿准入标准``): its figures are thresholds, quotas, standards (target_clauses)."""
        i = bisect.bisect_right(self.section_starts, pos) - 1
        verdict = self._rule_section.get(i)
        if verdict is None:  # once per section, as in_goal_section
            verdict = self._rule_section[i] = any(RULE_HEADING.search(s.heading or "") for s in self._section_chain(i))
        return verdict

    def in_goal_section(self, pos: int) -> bool:
        i = bisect.bisect_right(self.section_starts, pos) - 1
        verdict = self._goal_section.get(i)
        if verdict is None:  # once per section: it depends on the section alone
            verdict = self._goal_section[i] = any(
                P.GOAL_HEADING.search(P.own_title(s.heading or "")) for s in self._section_chain(i)
            )
        return verdict


def _opening_years(ctx: ExtractContext) -> list[dict[str, Any]]:
    """``by`` bounds of bare years opening a clause (2024年，全市…达到…), found here rather
    than taken from the deadlines extractor so the goal rule does not hinge on it; years
    before the document's own are past events, and unknown document years give none.
    A deadline row at the same place (the deadlines extractor's own) wins."""
    doc_year = ctx.doc_year
    if doc_year is None:
        return []
    taken = {r["norm_start"] for r in ctx.results.get("deadlines", [])}
    rows = []
    for m in P.opening_years(ctx.text):
        year = int(m.group(1))
        if year >= doc_year and m.start(1) not in taken:
            rows.append({"norm_start": m.start(1), "norm_end": m.end(), "kind": "by", "year": year})
    return rows


def _quantity(m: re.Match) -> tuple[float, float | None, str | None, bool] | None:
    """(value, value_max, unit, a plain Chinese numeral) of a QUANTITY match.

    A plain Chinese numeral (三条, 一次, 五位一体) is the one form idioms and names are written in; a range (三至四个,
    两三个), an approximation (百余家, 十多个) or a qualifier (十家左右, 三个以上) in Chinese numerals is a quantity,
    read as its Arabic form (CONVENTIONS: numbers in Chinese numerals)."""
    try:
        number = m.group("num")  # the common case first: a numeral and its unit
        if number is not None:
            if " " in number or "\u3000" in number:
                number = P.SPACES.sub("", number)
            if "%" in number:
                number = number.replace("%", "")  # 6%-7%: a range of percentages
            if "万" in number or "亿" in number:
                number = _without_range_multiplier(number, m.group("mult"))  # 550万至600万千瓦
            low, high = parse_range(number)
            # an Arabic numeral starts with a digit, a Chinese one holds none (isdecimal is re's \d)
            plain_chinese = (
                not number[0].isdecimal()
                and high is None
                and not m.group("approx")
                and not m.group("count_qual")
                and not _composed_count(number, m.group("mult"), m.group("unit"))  # 二十万人 (TG2)
            )
            unit = m.group("unit")
            if unit is None:  # 12万|城镇就业困难人员: a count of people written without its measure word (TG13)
                return low, high, P.PEOPLE_COUNT_UNIT, plain_chinese  # (百万群众: a plain numeral, rhetoric)
            return low, high, (m.group("mult") or "") + unit, plain_chinese
        scale = m.group("scale_mult")
        if scale:
            number = m.group("scale_num")
            value = parse_number(number) if number else 1.0
            if scale == "万亿":
                return value * 10000, None, "亿元", False  # 万亿级 -> 10000 亿元, the unit of every scale class
            return value, None, scale + "元", False
        if m.group("enum"):
            return parse_number(m.group("enum")), None, m.group("emult") + "元", False
        if m.group("pct"):
            high = m.group("pct_max")
            return _chinese_decimal(m.group("pct")), _chinese_decimal(high) if high else None, "%", False
        if m.group("frac_den") or m.group("afrac_den"):
            return _fraction_percent(m), None, "%", False
        if m.group("index"):
            return parse_number(m.group("index")), None, None, False
        if m.group("wan"):
            return 1.0, None, "万" + m.group("wunit"), False  # no numeral written: no idiom of 一
        low, high = parse_range(P.SPACES.sub("", m.group("bare")))
        return low, high, None, False
    except ValueError:
        return None


def _composed_count(number: str, multiplier: str | None, unit: str | None) -> bool:
    """(TG2) 二十万人, 一百五十万亩: a Chinese numeral composed with a place before 万/亿 writes a number
    (P.COMPOSED_CN_NUMBER), not an idiom; money stays a plain numeral there (发行…债券五十五亿元: a sum raised, an
    amount, GUIDE), a target in money needing its bound verb as before."""
    if not multiplier or not P.COMPOSED_CN_NUMBER.fullmatch(number):
        return False
    return not (unit or "").endswith("元")


def _fraction_percent(m: re.Match) -> float:
    """三分之一, 1/3 -> 33.33 (percent, 2 decimals: TG2's ruling, target_patterns._FRACTION); a numerator not below
    its denominator is no share."""
    if m.group("frac_den"):
        numerator, denominator = parse_number(m.group("frac_num")), parse_number(m.group("frac_den"))
    else:
        numerator, denominator = float(m.group("afrac_num")), float(m.group("afrac_den"))
    if numerator >= denominator:
        raise ValueError(m.group())
    return round(100 * numerator / denominator, 2)


def _without_range_multiplier(number: str, multiplier: str | None) -> str:
    """550万至600 (万千瓦): the first number's multiplier is the unit's (BL12); another one is no range of one unit."""
    inner = "亿" if "亿" in number else "万"
    if inner != multiplier:
        raise ValueError(number)
    return number.replace(inner, "", 1)


def _chinese_decimal(number: str) -> float:
    """百分之六点五 -> 6.5: the part after 点 reads digit by digit."""
    whole, _, decimals = number.partition("点")
    value = parse_number(whole)
    if decimals:
        value += float("0." + "".join(str(CN_DIGITS[c]) for c in decimals))
    return value


def _comparator(m: re.Match, verb: str | None) -> str:
    qualifier = P.qualifier(m)
    if qualifier:
        return P.QUALIFIER_COMPARATOR[qualifier]
    if m.group("approx"):
        return ">"
    if verb:
        return P.VERB_COMPARATOR.get(verb, "=")
    return "="


def _list_qualifier(text: str, c: _Candidate) -> str | None:
    """(BL12) The comparator of a qualifier written once after the last value of a 分别 list (`粮食、蔬菜分别稳定播种
    550万亩和75万亩以上`, `分别增长8.5%和11%左右`): it qualifies every value, as a unit written once does; None when the
    value has its own qualifier or the list's last value none."""
    if P.qualifier(c.m):
        return None
    pos, last = c.end, None
    while pos < c.clause_end and text[pos] in P.VALUE_LIST_JOINS:
        following = P.QUANTITY.match(text, pos + 1, c.clause_end)
        if following is None:
            break
        pos, last = following.end(), following
    qualifier = P.qualifier(last) if last is not None else None
    return P.QUALIFIER_COMPARATOR.get(qualifier) if qualifier else None


def _np_stop(text: str, start: int, limit: int) -> int:
    """Where a noun phrase stops: punctuation, or a bracket / quote that is not inside it.

    A bracket or quoted name right inside the phrase belongs to it (智能工厂（数字化车间、
    智能制造场景）, 20个“5G+工业互联网”应用示范场景); at the phrase's start or after it
    ends the phrase only where nothing but punctuation follows it.
    """
    pos = start
    while True:
        stop = P.NP_STOP.search(text, pos, limit)
        if stop is None:
            return limit
        inner = P.NP_INNER.match(text, stop.start(), limit)
        if inner is None:
            return stop.start()
        after = inner.end()
        if after >= limit or P.NP_HARD_STOP.match(text, after):
            # right after the count a quoted name is the noun (新建10个“一刻钟便民生活圈”), a bracket
            # a note (10家（含…）); after a noun a bracket belongs to it (智能工厂（…）), a quote
            # is what is done (20家企业“上云上平台”)
            at_count = stop.start() == start or text[start : stop.start()].strip() in ("", _DE)  # …以上的“数字标签”
            keep = text[stop.start()] in "（(" if not at_count else text[stop.start()] in '“"《'
            return after if keep else stop.start()
        pos = after


def _noun_phrase_end(text: str, start: int, limit: int) -> int:
    """End of the noun phrase after a number-first quantity (培育3个【世界级集群】).

    A later count after a 、 starts the next item of a list (引进2家…、1家…);
    money without one only qualifies this noun (3个超过5000亿元的产业集群).
    """
    end = _np_stop(text, start, limit)
    predicate = P.NP_PREDICATE.search(text, start + 1, end)
    if predicate is not None and P.DONE_ATTRIBUTE.fullmatch(text, start, predicate.start()):
        predicate = P.NP_PREDICATE.search(text, predicate.end(), end)  # (BL12) 66个|已签约项目|开工建设: an attribute
    if predicate is not None and (
        _DE not in text[predicate.end() : end] or P.OBJECT_QUANTIFIER.match(text, predicate.end(), end)
    ):
        end = predicate.start()  # 5万家规模以上工业企业|数字化转型 (but 2家实现…的企业 stays whole)
    elif text.find("上", start + 1, end) >= 0 or text.find("用", start + 1, end) >= 0:
        chain = P.NP_PREDICATE_NOMINAL_CHAIN.search(text, start + 1, end)
        if chain is not None:
            end = chain.start()  # …企业|数字化转型, …企业|上云用云 (a chain), but 数字化转型优秀案例 stays whole
    else:
        for nominal in P.NP_PREDICATE_NOMINAL.finditer(text, start + 1, end):
            if nominal.end() == end:
                end = nominal.start()  # …企业|数字化转型, but 数字化转型优秀案例 stays whole
    joined = P.NEXT_ITEM.search(text, start, end)
    if joined is not None:
        end = joined.start()  # 600家科技小巨人企业|和200家科技领军企业, …集群|和多条精品产业链
    next_act = P.NEXT_ACT.search(text, start, end)
    if next_act is not None:
        end = next_act.start()  # 完成万项技改|、推动万企转型: a 、 before a verb opens the next act, not a noun
    for following in P.QUANTITY.finditer(text, start, end):
        if text[following.start() - 1] == "、":  # 打造百亿级X、百亿级Y: the next item
            return following.start() - 1
        unit = following.group("unit") or ""
        if following.group("scale_mult") or unit.endswith("元"):
            continue
        sep = text.rfind("、", start, following.start())
        if sep >= 0:
            return sep
    return end


def _with_pivot_predicate(text: str, np_end: int, clause_end: int, head: str) -> str:
    """After a pivot verb (吸引|95家企业|入驻国家…孵化基地), the predicate the counted noun is the subject of
    says which of them are counted: 入驻国家…孵化基地的企业 (a researcher's column header)."""
    stop = P.NP_HARD_STOP.search(text, np_end, clause_end)
    end = stop.start() if stop else clause_end
    note = (
        P.NOTE_OPEN.search(text, np_end, end) if text.find("（", np_end, end) >= 0 or "(" in text[np_end:end] else None
    )
    predicate = P.SPACES.sub("", text[np_end : note.start() if note else end])  # (BL12) …改造|（市工信局牵头
    adverb = P.NP_ADVERB_START.match(predicate)  # 247个项目|全面开工
    if (
        not predicate
        or len(predicate) > P.PIVOT_PREDICATE_MAX
        or (
            P.NP_PREDICATE.match(predicate, adverb.end() if adverb else 0) is None
            and P.PIVOT_NOMINAL_PREDICATE.fullmatch(predicate) is None  # (BL12) 带动…企业|上云用云
        )
        or any(ch.isdigit() for ch in predicate)
    ):
        return head
    return predicate + _DE + head


def _opens_clause(text: str, seg_start: int, start: int) -> bool:
    """Whether only fillers and a scope word that says where (CONVENTIONS: 全国, 全省 stay out of the indicator)
    stand before the count in its clause: the count is the subject (全国|12个地区试点法院|完成…建设)."""
    pos = P.skip_fillers(text, seg_start, start)
    scope = P.INDICATOR_SCOPE.match(text[pos:start])
    return (P.skip_fillers(text, pos + scope.end(), start) if scope else pos) >= start


def _named_places_before(text: str, seg_start: int, start: int) -> str | None:
    """A list of named places between the clause's verb and a number-first count (实现|省会、鲁南、胶东经济圈|100项…):
    they say whose count it is, and a researcher's column keeps them apart from another region's; a scope word
    that only says where (全省, 全市) is no such list and stays out (CONVENTIONS)."""
    verb_end = P.leading_verbs_end(text, seg_start, start) or seg_start
    where = P.INDICATOR_LEAD_VERB.sub("", P.SPACES.sub("", text[verb_end:start]))  # 实现 frames, stays out
    return where if P.NAMED_PLACES.fullmatch(where) else None


def _previous_clause_subject(text: str, sent_start: int, clause_start: int) -> str | None:
    """The subject of the clause before a subject-less comparison in its sentence, where that clause reports
    a change of it (服务业对经济增长的贡献显著增强，|达到60%以上 -> 服务业对经济增长的贡献)."""
    if clause_start - 1 <= sent_start:
        return None
    before = text[sent_start : clause_start - 1]
    found = P.PREVIOUS_SUBJECT.search(before)
    if found is None or found.start() != max(before.rfind("，"), before.rfind(","), -1) + 1:
        return None  # only a whole clause: subject + change predicate, nothing before it in the clause
    return _clean_indicator(found.group("subject"))


def _stock_of(added: str, stock_word: str) -> str:
    """The stock of what an addition's indicator adds (新增高新技术企业 + 总数 -> 高新技术企业总数; + 累计, an adverb of
    the level itself -> 上市企业): the verb of addition and a direction verb dropped."""
    stock = P.ADDED_LEAD.sub("", _without_direction(added))
    return stock if stock_word == "累计" else stock + stock_word


def _without_direction(indicator: str) -> str:
    """工业投资增长 -> 工业投资: the measure a later share or baseline of it continues (…，占固定资产投资比重…)."""
    for verb in P.DIRECTION_VERBS:
        if indicator.endswith(verb) and len(indicator) > len(verb):
            return indicator[: -len(verb)]
    return indicator


def _with_direction(indicator: str | None, verb: str | None) -> str | None:
    """地区生产总值 + 增长: a change verb is part of what is measured (CONVENTIONS)."""
    if indicator is None or verb not in P.DIRECTION_VERBS or indicator.endswith(verb):
        return indicator
    return indicator + verb


def _predicate_after_count(text: str, c: _Candidate, ind_start: int) -> str | None:
    """A noun written before its count and a digital plans' predicate right after it, closing the clause (`带动产业链
    上下游企业5000家以上上平台用平台`, BL12): indicator-first, the predicate says which are counted."""
    if ind_start >= c.core_end:
        return None
    stop = P.NP_HARD_STOP.search(text, c.end, c.clause_end)
    chain = P.PIVOT_NOMINAL_PREDICATE.fullmatch(text, c.end, stop.start() if stop else c.clause_end)
    return chain.group(0) if chain else None


def _task_size(text: str, c: _Candidate) -> bool:
    """The figure is the size of the task or goal named right after it (`完成造林100万亩任务`, `…550万千瓦的任务`, BL12);
    not a count of tasks (`明确的280项任务`: what is counted)."""
    return (c.unit or "")[-1:] not in P.ITEM_COUNT_UNITS and P.TASK_NOUN_AFTER.match(text, c.end) is not None


def _specification_before_owner(text: str, c: _Candidate, ind_start: int) -> bool:
    """A specification written before its value and qualifier, closed by 的 and its product (`噪音水平0.6Pa以内的|压力
    传感器`, BL12): indicator-first, its product added by _refine_indicator."""
    return (
        P.qualifier(c.m) is not None
        and P.NP_AFTER.match(text, c.end) is not None
        and ind_start < c.core_end
        and P.SPEC_MEASURE_END.search(text, ind_start, c.core_end) is not None
    )


def _qualified_specification(c: _Candidate, span_start: int, indicator: str | None) -> bool:
    """A specification's measure before its value and qualifier, without a verb (绝对精度|100Pa以内): compared as with
    one, so that the product after 的 joins it (BL12)."""
    return (
        span_start < c.start
        and P.qualifier(c.m) is not None
        and indicator is not None
        and P.SPEC_MEASURE_END.search(indicator) is not None
    )


def _refine_indicator(
    text: str,
    indicator: str | None,
    clause_start: int,
    start: int,
    end: int,
    clause_end: int,
    compared: bool,
    previous: str | None,
) -> str | None:
    """What the clause around the quantity adds to the indicator a researcher would write.

    - a level alone inherits the previous target's measure: 市、县级 + 依申请政务服务事项网上可办率;
    - a distribution is part of it: 每个县市区 + 外资项目;
    - the product a specification is set for: 声学传感器 + 信噪比 (信噪比达到70dB…的声学传感器实现量产).
    """
    if indicator is None:
        return None
    if previous and P.LEVEL_ONLY.match(indicator):
        return indicator + P.LEVEL_PREFIX.sub("", previous)
    each = (
        P.DISTRIBUTIVE.search(text, clause_start, start)
        if (text.find("每", clause_start, start) >= 0 or text.find("各级", clause_start, start) >= 0)
        else None
    )
    if each is not None and each.group(0) not in indicator:
        indicator = each.group(0) + indicator
    if compared and text.find("的", end, clause_end) >= 0:
        owner = P.OWNER_AFTER.match(text, end, clause_end)
        if owner is not None and not P.OWNER_NOT.search(owner.group("owner")) and owner.group("owner") not in indicator:
            indicator = owner.group("owner") + indicator
    return indicator


def _clean_indicator(s: str) -> str | None:
    if "、" in s:
        done = P.last_match(P.DONE_ITEM, s)
        if done is not None:
            s = s[done.end() :]  # 推动已落户央企子公司有效运营、|落地项目: the earlier item is another task
    s = P.strip_trailing_words(P.INDICATOR_STRIP.sub("", s).strip())
    # (each strip is tried only where its first character occurs: this runs for every target)
    if s[:1] in P.MARKER_FIRST:
        s = P.INDICATOR_MARKER.sub("", s) or s
    if s[:1] in "全我":  # every scope word starts with one of the two
        s = P.INDICATOR_SCOPE.sub("", s) or s
    if "以" in s:
        s = P.INDICATOR_FRAME.sub("", s) or s
    if "由" in s or "从" in s:
        # (BL12) …的比重将|由19%上升到45%: the modal the start value followed is a trailing word too
        s = P.strip_trailing_words(P.INDICATOR_FROM.sub("", s).rstrip()) or s
    if s[:1] in "实达":
        s = P.INDICATOR_LEAD_VERB.sub("", s)  # 实现|营业收入: a leading verb stays out (GUIDE)
    return s or None


_DIGIT = re.compile(r"[\d０-９]")  # another quantity in a clause (a 分别 list of one quantity has none)


class _ListItems:
    """The items of a 分别 list, handed out to its quantities in order."""

    def __init__(self, items: list[tuple[int, int]], verb: str | None, measure: str = ""):
        self.items = items
        self.verb = verb
        self.measure = measure  # 分别|占比|达: what every item measures, written once after 分别
        self.taken = 0

    def next_item(self) -> tuple[int, int] | None:
        item = self.items[self.taken] if self.taken < len(self.items) else None
        self.taken += 1
        return item


def _indicator_start(text: str, seg_start: int, core_end: int, compared: bool = False) -> tuple[int, bool]:
    """Where the indicator starts, and whether an action verb (培育…) introduced it.

    The verbs that open the clause win (每年滚动推进|技术改造项目: 改造 inside the
    object is not a verb); without one, the last action verb before the number
    (每个园区引进|龙头项目2个) -- unless a comparator verb (``compared``) follows the
    indicator: then a verb inside it is part of a noun (工程建设项目审批时间控制在…).
    """
    lead_end = P.leading_verbs_end(text, seg_start, core_end)
    if lead_end is not None and _rate_compound(text, lead_end, core_end):
        lead_end = None  # 建成|区绿地率达到38%: 建成区 is a noun
    if lead_end is not None and _event_compound(text, lead_end, core_end):
        lead_end = _chain_before_last_verb(text, seg_start, lead_end)  # 每年组织|培训活动不少于1000场
    if lead_end is not None:
        scope = P.skip_lead_adverbs(text, lead_end, core_end)  # 推动全省|5万家…: number-first
        if scope == core_end:
            return core_end, True
        return _keep_indicator_verb(text, lead_end, P.skip_fillers(text, lead_end, core_end)), True
    if compared:
        return P.skip_fillers(text, seg_start, core_end), False
    action = None
    for found in P.ACTION_VERB.finditer(text, seg_start, core_end):
        # 新增和更新的车辆: coordinated verbs modify a noun; 园区（产业集聚区）: no verb in brackets
        if not (
            P.VERB_COORDINATION.match(text, found.end(), core_end)
            or P.inside_brackets(text, seg_start, found.start())
            or _rate_compound(text, found.end(), core_end)
            or _event_compound(text, found.end(), core_end)
        ):
            action = found
    if action is None:
        return P.skip_fillers(text, seg_start, core_end), False
    subject_start = _subject_of_output(text, seg_start, action, core_end)
    if subject_start is not None:
        return subject_start, True  # 绿色农畜产品加工产业集群|完成|产值600亿元: whose output (BL23)
    return _keep_indicator_verb(text, action.end(), P.skip_fillers(text, action.end(), core_end)), True


def _subject_of_output(text: str, seg_start: int, action: re.Match, core_end: int) -> int | None:
    """A subject noun phrase before 完成/实现 + a bare output measure (`现代化工产业集群完成产值500亿元`, `重点项目完成投资
    1500亿元`): the subject says whose output is measured, so the indicator starts with it (a researcher's column:
    `现代化工产业集群产值`, not `产值`); None when no subject is written or a time phrase stands there (`全年完成投资…`)."""
    if action.group() not in P.OUTPUT_VERBS or not P.OUTPUT_MEASURE.fullmatch(text, action.end(), core_end):
        return None
    start = P.skip_fillers(text, seg_start, action.start())
    if action.start() - start < 2 or P.ACTION_VERB.search(text, start, action.start()):
        return None
    return start if P.SUBJECT_NOUN.fullmatch(text, start, action.start()) else None


def _rate_compound(text: str, verb_end: int, core_end: int) -> bool:
    """An action verb followed only by a rate's noun is part of a compound, not the goal's verb
    (乡镇卫生院标准化建设|达标率100%, 建成|区绿地率达到38%: no rate is built); a pivot verb is never one
    (推动|配送效率提高20%)."""
    rest = text[verb_end:core_end].strip()
    return (
        0 < len(rest) <= P.RATE_NOUN_MAX
        and P.RATE_NOUN_END.search(rest) is not None
        and P.PIVOT_VERB_END.search(text, max(0, verb_end - 2), verb_end) is None
    )


def _event_compound(text: str, verb_end: int, core_end: int) -> bool:
    """An action verb naming an event's content followed only by the event's noun is part of it (BL12: 专场招聘|会,
    培训|活动); an organising verb is none (举办|活动)."""
    rest = text[verb_end:core_end].strip()
    if not rest or P.EVENT_NOUN.fullmatch(rest) is None:
        return False
    verb = P.last_match(P.ACTION_VERB, text, max(0, verb_end - 6), verb_end)
    return verb is not None and verb.end() == verb_end and verb.group(0) not in P.ORGANISING_VERBS


def _chain_before_last_verb(text: str, seg_start: int, chain_end: int) -> int | None:
    """The end of a leading chain without its last verb (组织|培训活动), or None when that verb opens it."""
    last = P.last_match(P.ACTION_VERB, text, seg_start, chain_end)
    if last is None or last.end() != chain_end or P.ACTION_VERB.search(text, seg_start, last.start()) is None:
        return None
    return last.start()


def _keep_indicator_verb(text: str, verb_end: int, indicator_start: int) -> int:
    """Step back over a verb that belongs to the indicator (新增|上市企业 -> 新增上市企业; 完成|投资 -> 完成投资, the
    measure of investment made, as realdev's `开发区完成投资增长` and realblind's `完成投资` read, BL18)."""
    if indicator_start == verb_end:
        for verb in P.KEPT_VERBS:
            if text.startswith(verb, verb_end - len(verb)):
                return verb_end - len(verb)
        if text.startswith("完成", verb_end - 2) and P.INVESTMENT_MADE.match(text, verb_end):
            return verb_end - 2
    return indicator_start


def _shared_list_items(text: str, start: int, list_mark: re.Match | None) -> list[tuple[int, int]]:
    """The items of the 均/都/各 list from ``start`` to its mark: 、- or 和-separated; before 各 also `A及B`
    (示范性高中及特色高中各1所, BL28) and quoted names side by side (“微改革”“微应用”各50项, TG2)."""
    if list_mark is None:
        return []
    items = P.split_items(text, start, list_mark.start())
    if len(items) == 1 and list_mark.group() == "各":
        items = P.split_at_ji(text, start, list_mark.start())
        if len(items) == 1:
            items = P.split_quoted(text, start, list_mark.start())
    return items


def _item_names(text: str, items: list[tuple[int, int]]) -> list[str | None]:
    """Indicators of the items of a 均/各 list; a level alone takes the last item's noun at its level
    (国家级、省级龙头企业各2家 -> 国家级龙头企业, 省级龙头企业)."""
    return _with_level_noun([_clean_indicator(text[a:b]) for a, b in items])


def _with_level_noun(names: list[str | None]) -> list[str | None]:
    """Levels alone before a last item that names its noun (省级、市级示范园区) take that noun at their level; so do
    the urban and rural halves of a population (城镇和农村居民人均可支配收入: 城镇居民人均可支配收入)."""
    last_name = names[-1] or ""
    paired = P.URBAN_RURAL_PREFIX.match(last_name) if len(names) > 1 else None
    halves = [n for n in names[:-1] if n and P.URBAN_RURAL.fullmatch(n)]
    if paired is not None and len(halves) == len(names) - 1:
        return [half + last_name[paired.end() :] for half in halves] + [last_name]
    last = P.LEVEL_ITEM_PREFIX.match(last_name) if len(names) > 1 else None
    if last is None or not all(n and P.LEVEL_ITEM.match(n) for n in names[:-1]):
        return _places_with_shared_measure(names)
    noun = last_name[last.end() :]  # 县两级|政务服务事项网上可办率: each level names its own
    levels = [P.LEVEL_ITEM_PREFIX.match(n or "") for n in names]
    if not noun:
        return names
    return [level.group("level") + "级" + noun if level else name for level, name in zip(levels, names)]


def _kinds_with_shared_measure(names: list[str | None]) -> list[str | None]:
    """(TG2) 县级医院、乡镇卫生院远程医疗服务覆盖率均达到100%: items of one kind (the last character they end on, 院) whose
    measure is written on the last item only each have it (GUIDE: each span from its own indicator to the shared
    quantity; CONVENTIONS: the measure written once joins every item): the last item ends at the first such character
    after its own start (乡镇卫生院), the measure is what follows, a rate's or a quantity's noun."""
    last = names[-1] or ""
    if len(names) < 2 or not all(names[:-1]):
        return names
    cuts = [i for i in (last.find(n[-1], 1) for n in names[:-1] if n) if i > 0]
    measure = last[min(cuts) + 1 :] if cuts else ""
    if len(measure) < 2 or not (P.RATE_NOUN_END.search(measure) or P.SHARED_MEASURE.search(measure)):
        return names
    return [f"{n}{measure}" for n in names[:-1]] + [last]


def _places_with_shared_measure(names: list[str | None]) -> list[str | None]:
    """海淀区、朝阳区、北京经济技术开发区数字经济增加值占…比重均达到…: places whose measure is written on the last one only
    each have it (BL12); the last place ends at its first place word (开发区), the measure is what follows."""
    place = P.PLACE_ITEM.match(names[-1] or "")
    if place is None or not all(n and P.PLACE_ITEM.fullmatch(n) for n in names[:-1]):
        return _kinds_with_shared_measure(names)
    measure = (names[-1] or "")[place.end() :]
    if P.SHARED_MEASURE.search(measure) is None:
        return names
    return [n if n == names[-1] else f"{n}{measure}" for n in names]


def _items_after_fenbie(text: str, fenbie: int, clause_end: int) -> list[tuple[int, int]]:
    """分别 opening its clause before the verb and the list (`分别完成粮食、油菜种植面积274万亩以上、35.5万亩以上`): the
    items are the list after the verb, up to the first quantity, handed out in order as before 分别 (BL23)."""
    first_quantity = P.QUANTITY.search(text, fenbie + 2, clause_end)
    if first_quantity is None:
        return []
    start, _ = _indicator_start(text, fenbie + 2, first_quantity.start())
    items = P.split_items(text, start, first_quantity.start())
    return items if len(items) > 1 else []


def _with_shared_measure(items: list[tuple[int, int]], text: str) -> list[str | None]:
    """Indicators of 分别-list items; a measure written on the last item only is shared
    (新能源汽车、动力电池、光伏产业产值 -> 新能源汽车产值, 动力电池产值, 光伏产业产值)."""
    names = _with_level_noun([_clean_indicator(text[a:b]) for a, b in items])  # 省级、市级示范园区分别达到…
    classes = _threshold_classes(names)
    if classes is not None:
        return classes
    measure = P.SHARED_MEASURE.search(names[-1] or "") if names else None
    if measure is None:
        return names
    return [n if n is None or P.SHARED_MEASURE.search(n) else n + measure.group(0) for n in names]


def _threshold_after(text: str, end: int, clause_end: int) -> bool:
    """What follows the quantity makes it a threshold: a rule's inclusive mark (面积超过300平方米（含）), or the rest of
    a 分别 list of classes (营业收入超10亿元|、50亿元的企业分别达到…)."""
    if P.INCLUSIVE_AFTER.match(text, end):
        return True
    return text.startswith("、", end) and P.THRESHOLD_TO_FENBIE.match(text, end, clause_end) is not None


def _threshold_classes(names: list[str | None]) -> list[str | None] | None:
    """集体经济年收入30万元、50万元、100万元以上的村: the measure written on the first item, the class on the last,
    values alone between: each item is the class at its threshold (集体经济年收入50万元以上的村); else None."""
    if len(names) < 2 or not all(names):
        return None
    first = P.THRESHOLD_FIRST.fullmatch(names[0] or "")
    last = P.THRESHOLD_LAST.fullmatch(names[-1] or "")
    if first is None or last is None or not all(P.THRESHOLD_MIDDLE.fullmatch(n or "") for n in names[1:-1]):
        return None
    head, tail = first.group("head"), last.group("tail")
    values = [first.group("value"), *names[1:-1], last.group("value")]
    return [f"{head}{value}{tail}" for value in values]


def _age_names_class(text: str, c: _Candidate) -> bool:
    """An age describes who is counted (`3岁以下婴幼儿`), unless a verb sets it (`退休年龄提高到65岁`); (BL29) so does
    an age after the preposition of a beneficiary (`为60岁以上独居老人安装…6000户`: 为 sets nothing, the goal is the
    later count)."""
    if c.unit not in P.MODIFIER_UNITS:
        return False
    return c.verb is None or (c.verb in P.BENEFICIARY_PREPOSITIONS and P.NOUN_AFTER.match(text, c.end) is not None)


def _duration_names(text: str, c: _Candidate) -> bool:
    """A number-first duration in hours or minutes before a noun, no verb setting it, describes what the noun names
    (`落实144小时过境免签政策`, `15分钟社区生活圈建设`, `提供24小时便民服务`): no goal; a total added up stays one
    (`新增3000小时志愿服务`, P.DURATION_TOTAL_BEFORE)."""
    return (
        c.verb is None
        and c.unit in P.NAMING_DURATION_UNITS
        and P.NOUN_AFTER.match(text, c.end) is not None
        and P.DURATION_TOTAL_BEFORE.search(text, max(c.clause_start, c.start - 2), c.start) is None
    )


def _sizes_work(noun: str, unit: str | None = None) -> bool:
    """A size before a work on something (`、31万平方米小梁薄板房屋等不成套旧住房改造`, a list item after the verb of the
    first): it measures the work to be done, a goal, not the thing (unless a facility is named: 30万吨PGA项目建设; a
    base sized by its land is the land worked: `16.53万亩国家储备林基地建设`, BL25)."""
    if P.WORK_HEAD.search(noun) is None:
        return False
    facilities = {m.group() for m in P.FACILITY_NOUN.finditer(noun)}
    return not facilities or (facilities == {"基地"} and (unit or "").removeprefix("万") in P.LAND_AREA_UNITS)


def _acted_list_item(text: str, c: _Candidate) -> bool:
    """(BL26) A number-first item after a 、 of a list whose first item is a count right after the clause's opening
    action verb (`改造71个老旧小区、162套危旧房、80公里地下管网`): the verb is written once and governs every item (承前
    省略), so a size as a later item measures what the verb acts on, as the first item's count does."""
    if text[c.start - 1 : c.start] != "、":
        return False
    lead_end = P.leading_verbs_end(text, P.skip_fillers(text, c.clause_start, c.start), c.start)
    if lead_end is None:
        return False
    return P.QUANTITY.match(text, P.skip_lead_adverbs(text, lead_end, c.start), c.start) is not None


def _rule_clause(text: str, c: _Candidate) -> bool:
    """The clause before the number adjusts or relaxes a rule, cuts a fee or forecasts (not a goal)."""
    start = c.start
    return bool(
        P.ADJUSTMENT.search(text, c.clause_start, start)
        or (c.is_money and P.FEE_CUT.search(text, c.clause_start, start))
        or P.FORECAST.search(text, c.clause_start, start)
        or P.RULE_RELAXED.search(text, max(c.clause_start, start - 4), start)  # 放宽至3个月: a rule's new cap (TG13)
    )


def _comparator_before(text: str, seg_start: int, start: int) -> re.Match | None:
    """The comparator verb right before the number (达到|800家), or before a rate (达到每周|1000架次)
    or a base (不超过服务资源总量的|30%) between them."""
    found = P.comparator_before(text, max(seg_start, start - P.MAX_VERB_LEN - P.PER_RATE_WIDTH - 2), start)
    if found is None and text.rfind("的", start - 2, start) >= 0:
        lo = max(seg_start, start - P.MAX_VERB_LEN - P.OF_WIDTH)
        found = P.CMP_OF_BEFORE.search(text, lo, start) or P.SHARE_OF_BEFORE.search(text, lo, start)
    if found is None and text.rfind("在", start - 2, start) >= 0:
        found = _held_at(text, seg_start, start)
    return found


def _held_at(text: str, seg_start: int, start: int) -> re.Match | None:
    """(BL28) `保持粮食播种面积在|600万亩以上`: the 在 of a bound verb written around its indicator, as a verb match."""
    held = P.HELD_AT_BEFORE.search(text, max(seg_start, start - P.HELD_AT_WIDTH - 1), start)
    return P.HELD_AT.match(text, text.rindex("在", held.start(), start)) if held else None


def _floored_count(text: str, seg_start: int, start: int, unit: str | None) -> bool:
    """(BL15) `至少` (a floor) before the action verb of a plain Chinese count of things (`每个乡镇至少建成一所…幼儿园`):
    the count has its comparator (CONVENTIONS `至少` >=); not a frequency (`至少开展一次`), not a count without its
    act (`至少一人就业`)."""
    window = max(seg_start, start - P.AT_LEAST_WIDTH)
    return (
        unit not in P.FREQUENCY_UNITS
        and P.ACTION_VERB_END.search(text, window, start) is not None
        and P.AT_LEAST_BEFORE.search(text, window, start) is not None
    )


def _names_or_qualifies(
    m: re.Match,
    text: str,
    sent_start: int,
    clause_start: int,
    value: float,
    plain_chinese: bool,
    is_money: bool,
    quoted: bool = True,
) -> bool:
    """A quantity that names or qualifies something rather than sets a goal."""
    start, end = m.start(), m.end()

    def compared() -> bool:
        lo = max(sent_start, start - P.MAX_VERB_LEN)
        return P.comparator_before(text, lo, start) is not None or _held_at(text, sent_start, start) is not None

    if quoted and not m.group("cls") and P.inside_quotes(text, sent_start, start) and not compared():
        return True  # “24小时不打烊”, “1个专班+8个工作组”: part of a name
    if plain_chinese and P.NUMBERED_FORMULA.match(text, start):
        return True  # 实现四个现代化, 两个一百年奋斗目标: a formula's name, not a count (CONVENTIONS)
    class_qualified = P.qualifier(m) in P.CLASS_QUALIFIERS  # 以上, 以下 …: asked by three rules, read once
    if (
        class_qualified
        and (P.CLASS_AFTER.match(text, end) or P.NOUN_AFTER.match(text, end))
        and (is_money or P.is_size_unit(m.group("unit") and (m.group("mult") or "") + m.group("unit")))
        and not _item_of_quantity_list(text, end, m)  # 交通投资103亿元以上|、水利投资10亿元以上 (BL23)
        and not (m.group("unit") in P.AREA_UNITS and P.LAND_AFTER.match(text, end))  # 50万亩以上|高标准农田 (TG13)
        and not compared()
    ):
        return True  # 1亿元以上规上工业企业, 产能120万吨以上和…煤矿: a class of the noun, not a goal
    if m.group("unit") in P.POPULATION_UNITS and class_qualified and P.CLASS_OF_PLACE.match(text, end) is not None:
        return True  # 20人以上的自然村: a class of villages by population, whatever verb stands before
    if class_qualified and P.CLASS_THEN_COUNTED.match(text, end) and not compared():
        return True  # 千头以上肉牛养殖项目15个: the class of the noun the clause counts next
    if P.EACH_HOLDS_BEFORE.search(text, max(clause_start, start - 4), start):
        return True  # 形成三至四个各拥有4000万千瓦左右装机容量的…企业: the size each counted member holds, a class
    if value == 1 and (
        plain_chinese
        and not m.group("cls")
        and m.group("unit") != "番"
        and not _floored_count(text, clause_start, start, m.group("unit"))  # 每个乡镇至少建成一所… (BL15)
        or P.PER_EACH_BEFORE.search(text, clause_start, start)
    ):
        return True  # 一次申报, 整合为一张; 每成功推荐1个…: idioms and per-unit rules
    return False


def _item_of_quantity_list(text: str, end: int, m: re.Match) -> bool:
    """A bound closing an item of a `、` list whose next item has its own quantity in the same unit (`完成交通投资
    103亿元以上、水利投资10亿元以上`, `分别完成粮食、油菜种植面积274万亩以上、35.5万亩以上`): the bound is the item's
    qualifier, not a class of the noun after it (BL23)."""
    item = P.OWN_QUANTITY_ITEM.match(text, end)
    return item is not None and item.group("unit") == (m.group("mult") or "") + (m.group("unit") or "")


def _restates_list(text: str, ind_start: int, start: int, end: int, value: float) -> bool:
    """钒、钛、磷、特钢装备4条产业链: a count right before its noun that is the length of the list
    just named (CONVENTIONS).  Not after 等 (动力装备、高端铝业、智能家电等3个…集群: the list is
    an example, the count the goal), not after the noun (…食品加工、智能纺织产业集群2个: the goal)."""
    if value < 2 or value > 12 or value != int(value) or ind_start >= start:
        return False
    if text[start - 1 : start] == "等" or P.NOUN_AFTER.match(text, end) is None:
        return False
    items = P.split_items(text, ind_start, start)
    if len(items) == int(value):
        return True
    if len(items) == 1 and P.count_quoted_names(text, ind_start, start) == int(value):
        return True  # “A”“B”“C”3项应用: quoted names listed without 、 (GB/T 15834) (BL26)
    # 电子证照、药品追溯、…和化妆品监管5个方面: the last item joined by 和/及/与 counts too
    last_start, last_end = items[-1] if items else (ind_start, start)
    joins = list(P.LAST_ITEM_JOIN.finditer(text, last_start, last_end))
    return len(items) > 1 and len(joins) == 1 and len(items) + 1 == int(value)


def _introduces_list(text: str, clause_end: int, value: float) -> bool:
    """实现五项基本功能：统一门户管理，…；统一用户管理，…: the count's clause ends at a colon and the
    ；-separated items after it are as many as it counts (README: counts restating a list); also a clause that names
    them in a 、-list after `，分别是`/`，包括` (`形成12件民生实事，分别是A、B、…`, BL26), or a count closing its sentence
    whose paragraph enumerates as many `一是…二是…` items (BL25)."""
    if value < 2 or value > 12 or value != int(value):
        return False
    named = P.ENUMERATION_AFTER.match(text, clause_end)
    if named is not None:  # 形成12件民生实事，分别是A、B、…: the 、-list after it names them (BL26)
        end = P.ENUMERATION_END.search(text, named.end())
        return P.list_length(text, named.end(), end.start() if end else len(text)) == int(value)
    if text[clause_end : clause_end + 1] not in ("：", ":", "。"):
        return False
    if P.ORDINAL_LIST_OPENING.match(text, clause_end + 1):
        return _ordinals_count(text, clause_end + 1, int(value))
    if text[clause_end] == "。":
        return False
    items = P.LIST_AFTER_COLON.match(text, clause_end + 1)
    return items is not None and items.group(0).count("；") + items.group(0).count(";") + 1 == int(value)


def _ordinals_count(text: str, start: int, value: int) -> bool:
    """(BL25) The paragraph from ``start`` (opening with `一是`) enumerates exactly ``value`` items by `N是`."""
    end = text.find("\n", start)
    paragraph = text[start : len(text) if end < 0 else end]
    last, following = P.CN_ORDINALS[value - 1] + "是", P.CN_ORDINALS[value] + "是"
    return last in paragraph and following not in paragraph


def _counts_listed_members(text: str, clause_start: int, start: int, value: float) -> bool:
    """A count right after a `、`-list closed by 等 that names more than the list does (加快神东、陕北、晋中等13个
    大型煤炭基地建设): a task naming the set of objects it covers by some members and their number (CONVENTIONS:
    a count after 等 is a target).  A count equal to the list's length only closes it (包括A、B、C等3个部分: 等
    ends a complete enumeration, CONVENTIONS' restated list); a smaller one is no count of it (a table's row
    number: …包古图（铜金）等|2天山…)."""
    if not (start > clause_start and text[start - 1] == "等"):
        return False
    first = max(clause_start, start - P.LISTED_MEMBERS_WIDTH)
    if "、" not in text[first:start]:
        return False
    return value > P.list_length(text, first, start - 1)


def _closes_list(text: str, clause_start: int, start: int, value: float) -> bool:
    """主要包括指标体系、能力成熟度、评价方法、实施指南等4个部分: outside a goal's time frame or part, a count after
    等 equal to the length of the 、-list before it closes a complete enumeration (CONVENTIONS: a count restating a
    list is no target).  Framed as a goal (到2025年，打造动力装备、高端铝业、智能家电等3个…产业集群) the count is what
    is to be built; a larger count (加快神东、陕北等13个大型煤炭基地建设) counts members the list only samples."""
    if value < 2 or value > 12 or value != int(value):
        return False
    first = max(clause_start, start - P.LISTED_MEMBERS_WIDTH)
    return "、" in text[first:start] and P.list_length(text, first, start - 1) == int(value)


def _listed_in_full_elsewhere(text: str, start: int, end: int, value: float) -> bool:
    """选择山西省等8个煤炭主产省（区）进行…试点 where the document names all eight elsewhere (选择山西、内蒙古、…、陕西
    等8个煤炭主产省（区）): the count is the length of a list the document gives for the same set (CONVENTIONS'
    restated list), a scope already fixed, not a goal. The other mention is the same 等 + count + noun."""
    noun = P.NOUN_AFTER.match(text, end)
    if noun is None or value < 2 or value != int(value):
        return False
    key = text[start - 1 : end + P.LISTED_ELSEWHERE_NOUN]  # 等8个煤炭主产
    pos = text.find(key)
    while pos >= 0:
        if pos != start - 1:
            clause = P.CLAUSE_START_BEFORE.search(text, max(0, pos - P.LISTED_MEMBERS_WIDTH), pos)
            first = clause.end() if clause else max(0, pos - P.LISTED_MEMBERS_WIDTH)
            if "、" in text[first:pos] and P.list_length(text, first, pos) == int(value):
                return True
        pos = text.find(key, pos + 1)
    return False


def _breaks_through_objects(text: str, c: _Candidate) -> bool:
    """`突破` + a count + the noun it counts (突破50项建材领域智能制造关键共性技术): 突破 is the act of mastering
    those objects, so the count is exact; `突破1万亿元`, `突破300家` end the clause and pass a floor (`>=`)."""
    return (
        P.qualifier(c.m) is None
        and c.verb_match is not None
        and c.verb_match.end() == c.start
        and c.unit is not None
        and c.unit != "%"
        and not c.is_money
        and not P.is_size_unit(c.unit)
        and c.end < c.clause_end
        and P.CJK_NOUN_START.match(text, c.end) is not None
    )


def _totals_list(text: str, c: _Candidate) -> bool:
    """(BL30) A size right after the `等` closing a list of named members (`7号线、15号线等|262公里轨道交通在建项目`): the
    members' total, counted as a count after `等` is (CONVENTIONS `…等7条道路`), not the size naming one project; a
    size before `等` (`50万吨光伏装备制造等项目`) or after a count (`等5个|770万千瓦抽蓄电站`) still names."""
    return text[c.start - 1 : c.start] == "等" and text.find("、", c.clause_start, c.start) >= 0


def _unit_misread(text: str, c: _Candidate) -> bool:
    """A unit that is no unit of a count: 4G, 5G, 6G (generations of mobile networks, not bandwidth); a measure
    word whose character opens the word after it (30支持…, 4部分: 支持, 部分 count nothing)."""
    if c.unit == "G" and c.value < 10:
        return True
    return c.unit in P.UNIT_OPENS_WORD and text[c.end : c.end + 1] in P.UNIT_OPENS_WORD[c.unit]


def _frames_or_names(text: str, c: _Candidate) -> bool:
    """Aspects that frame the work (`6个方面试点示范培育行动`), a policy carried out, named by its article count
    after its noun (`深入落实人才新政|27条`, BL18), a scale qualifying a set's count in `N大` (`两大|百亿级工程`, BL18),
    or what exists whose role is put to use (`发挥|5个国家级园区|引领作用`, BL18): no count of a goal."""
    if c.unit == "个" and P.ASPECT_AFTER.match(text, c.end):
        return True
    if c.unit == "条" and P.POLICY_BY_COUNT_BEFORE.search(text, c.clause_start, c.start):
        return True
    if c.m.group("scale_mult") and P.SET_COUNT_BEFORE.search(text, max(0, c.start - 2), c.start):
        return True  # A、B两大|百亿级工程: the scale qualifies the set's count (BL18)
    if not c.is_money and P.PUT_TO_USE_BEFORE.search(text, c.clause_start, c.start):
        return True  # 用好用活…等86个科普场馆: the stock put to use (BL21)
    if _focused_on(text, c):
        return True  # 聚焦|20项重大工程: the priorities focused on (BL24)
    if _stock_worked_on(text, c):
        return True  # 深化|24个重点片区规划, 提质扩量|6个…集群: the existing set worked on (BL29)
    if _industry_set_upgraded(text, c):
        return True  # 做优做强|12条重点产业链: the existing set upgraded (GR1)
    if _chains_worked_on(text, c):
        return True  # 推动|10条重点产业链融链延链: the designated chains worked on (GR1)
    if _supported_to_grow(text, c):
        return True  # 支持|8家实验室|多出成果: the units backed, no output (BL28)
    if _counts_candidates(text, c):
        return True  # 筛选出12件民生实事候选项目: candidates put to a choice (BL24)
    if not c.is_money and P.SERVED_AFTER.match(text, c.end, c.clause_end):
        return True  # 抓好69个易地搬迁点后续扶持: the stock served (BL25)
    if c.unit == "类" and P.QUALITY_BEFORE.search(text, c.clause_start, c.start):
        return True  # 海域水质稳步实现|四类及以上: a quality grade (GB 3838/3097 classes), no count (BL30)
    return bool(
        P.ROLE_OF_BEFORE.search(text, c.clause_start, c.start) and P.ROLE_OF_AFTER.match(text, c.end, c.clause_end)
    )


def _focused_on(text: str, c: _Candidate) -> bool:
    """(BL24) Whether a count follows 聚焦/围绕/紧扣/瞄准 with no act between (`聚焦|20项重大工程`): the set focused on;
    an act after the focus counts its output (`聚焦主导产业引进|项目30个`)."""
    if c.is_money:
        return False
    first = _chain_start(text, c)
    found = P.FOCUS_BEFORE.search(text, c.clause_start, first)
    return found is not None and P.ACTION_VERB.search(text, found.start() + 2, first) is None


def _stock_worked_on(text: str, c: _Candidate) -> bool:
    """(BL29) Whether a verb that works on what there is stands right before the count or the list it ends
    (`深化|24个重点片区规划`, `提质扩量|3个国家级和8个省级…集群`): the existing set named by its size."""
    if c.is_money:
        return False
    first = _chain_start(text, c)
    return P.STOCK_WORKED_BEFORE.search(text, max(c.clause_start, first - 6), first) is not None


def _industry_set_upgraded(text: str, c: _Candidate) -> bool:
    """(GR1) Whether an upgrade verb stands right before the count, or the list it ends, of chains, clusters,
    industries or bases (`做优做强|12条重点产业链`, `发展壮大|2个国家级和12个省级…集群`): the existing set named by
    its size; a build verb before it (`培育壮大`) or a facility counted (`提档升级|20个…消防救援站`) keeps the goal."""
    if c.is_money or c.unit == "%":
        return False
    first = _chain_start(text, c)
    return bool(
        P.UPGRADE_BEFORE.search(text, max(c.clause_start, first - 6), first)
        and P.INDUSTRY_SET_AFTER.match(text, c.start, c.clause_end)
    )


def _chains_worked_on(text: str, c: _Candidate) -> bool:
    """(GR1) Whether a count of chains is followed by the chains' own work closing its clause (`10条重点产业链|融链
    延链`, `17条产业链|建设走深走实`): the designated chains, which exist; a forming verb before it keeps the goal."""
    if c.is_money or c.unit not in ("条", "个"):
        return False
    return bool(
        P.CHAINS_WORKED_AFTER.match(text, c.start, c.clause_end)
        and not P.CHAIN_BUILT_BEFORE.search(text, max(c.clause_start, c.start - 4), c.start)
    )


def _chain_start(text: str, c: _Candidate) -> int:
    """(BL29) Where the list of counted sets that ends at the count begins (`提质扩量|3个国家级和8个省级…集群`): the
    verb before the first count governs the later ones; the count itself when it opens the list."""
    chain = P.COUNT_CHAIN_BEFORE.search(text, c.clause_start, c.start)
    if chain is None or P.ACTION_VERB.search(text, chain.start(), c.start) is not None:
        return c.start  # 围绕10个重点产业链|引进项目30个: an act between counts starts a goal of its own
    return chain.start()


def _supported_to_grow(text: str, c: _Candidate) -> bool:
    """(BL28) Whether a count right after 支持/推动 names the units backed to grow (`支持|29家新型研发机构|加快发展`)."""
    if c.is_money or c.unit == "%":
        return False
    return bool(
        P.SUPPORTED_BEFORE.search(text, max(c.clause_start, c.start - 3), c.start)
        and P.SUPPORTED_AFTER.match(text, c.end, c.clause_end)
    )


def _counts_candidates(text: str, c: _Candidate) -> bool:
    """(BL24) Whether the count is of candidates put to a choice (`12件民生实事候选项目`, `候选企业20家`)."""
    if c.is_money or text.find("候选", c.clause_start, c.clause_end) < 0:
        return False
    return bool(
        P.CANDIDATES_AFTER.match(text, c.end, c.clause_end)
        or P.CANDIDATES_BEFORE.search(text, max(c.clause_start, c.start - 6), c.start)
    )


def _is_budget(text: str, sent_start: int, clause_start: int, start: int, clause_end: int) -> bool:
    """Money set aside (设立2亿元专项资金), a projects' total investment (总投资规模10.581亿元) or a company's registered
    capital (注册资本为1049亿元), unless its own clause makes it an outcome (带动社会资本投入…, funds attracted:
    招商引资到位资金达到…)."""
    if P.ATTRACTED_FUNDS.search(text, clause_start, start):
        return False
    if P.BUDGET.search(text, clause_start, clause_end) or P.INVESTMENT_TOTAL.search(text, clause_start, start):
        return True
    if P.REGISTERED_CAPITAL.search(text, clause_start, start):
        return True  # 注册资本为1049亿元: the capital a company is founded with
    if _opening_outlay(text, sent_start, clause_start, start, clause_end):
        return True  # 投资8亿元，深入实施…: the outlay of the task after it (BL25)
    return bool(P.BUDGET.search(text, sent_start, clause_start)) and not P.GOAL_MONEY.search(text, clause_start, start)


def _opening_outlay(text: str, sent_start: int, clause_start: int, start: int, clause_end: int) -> bool:
    """(BL25) `投资N亿元，` as the whole first clause of its sentence, before the task it funds: an outlay (with
    no bound: `投资100亿元以上，` may set a level)."""
    return (
        not text[sent_start:clause_start].strip(" \u3000\n\r\t。；;！？!?")
        and P.OUTLAY_OPENING.fullmatch(text, clause_start, start) is not None
        and text.startswith(("，", ","), clause_end)
        and not text.endswith(("以上", "左右", "以内", "以下"), start, clause_end)
    )


class _Candidate:
    """A quantity on its way to rows: where it sits and what its clause says about it."""

    __slots__ = (
        "m", "start", "end", "sent_start", "sent_end", "clause_start", "clause_end", "condition_end",
        "value", "value_max", "unit", "plain_chinese", "is_money", "verb_match", "verb", "seg_start", "core_end",
        "ind_start", "has_action", "recurring", "deadline_year", "comparator", "continues_list",
    )  # fmt: skip
    m: re.Match
    start: int
    end: int
    sent_start: int
    sent_end: int
    clause_start: int
    clause_end: int
    condition_end: int | None
    value: float
    value_max: float | None
    unit: str | None
    plain_chinese: bool  # 三条, 一次 (not 三至四个, 百余家, 十家左右): the form of idioms and names
    is_money: bool
    verb_match: re.Match | None
    verb: str | None
    seg_start: int
    core_end: int
    ind_start: int
    has_action: bool
    recurring: str | None
    deadline_year: int | None
    comparator: str
    continues_list: bool

    def __init__(self, m: re.Match):
        self.m = m
        self.start, self.end = m.start(), m.end()


class _Scan:
    """The left-to-right scan of one document's quantities, and what it remembers between them."""

    def __init__(self, doc: _DocIndex):
        self.doc = doc
        self.text = doc.text
        self.rows: list[dict[str, Any]] = []
        self.covered_until = -1  # end of the last number-first span: quantities inside it belong to it
        self.anchor = -1  # end of the last target: the next item of a list starts after it
        self.last_target_sentence = -1
        self.last_recurring: str | None = None
        self.last_verb: str | None = None
        self.last_indicator: str | None = None
        self.fenbie_lists: dict[int, _ListItems] = {}
        self.table_lines: list[tuple[int, int]] = []
        self.table_starts: list[int] = []

    # ------------------------------------------------------------ tables
    def read_tables(self, ctx: ExtractContext) -> None:
        """Rows of indicator tables (指标名称 | 2022年 | 2025年目标), read by column, not by the scan."""
        doc = self.doc
        for row, line_start, line_end in (
            *table_targets(self.text, doc.doc_year),
            *spaced_table_targets(ctx.norm, doc.doc_year),
            *line_table_targets(ctx.norm, doc.doc_year),
        ):
            if doc.in_review(row["norm_start"]):
                continue
            if row["deadline_year"] is None:
                row["deadline_year"] = doc.deadline_year(row["norm_start"])
            self.rows.append(row)
            self.table_lines.append((line_start, line_end))
        # (BL31) a project table's body: its cells state each listed project's content and scale (`新建1座泵站`),
        # no goal of the plan (extractors/project_tables.py)
        self.table_lines.extend(ctx.norm.to_norm(*t.body) for t in project_tables(ctx.norm.raw_text))
        self.table_lines.sort()
        self.table_starts = [a for a, _ in self.table_lines]

    def _in_table(self, start: int) -> bool:
        i = bisect.bisect_right(self.table_starts, start) - 1
        return i >= 0 and start < self.table_lines[i][1]

    # ------------------------------------------------------------ one quantity
    def quantity(self, m: re.Match) -> list[dict[str, Any]]:
        """The rows of one quantity (none when it is no goal); the scan remembers what lists need."""
        c = _Candidate(m)
        if not (self._placed(c) and self._formed(c) and self._compared(c) and self._goal(c)):
            return []
        spans = self._spans(c)
        return self._write(c, spans) if spans else []

    def _placed(self, c: _Candidate) -> bool:
        """Cheap rejections by where the quantity sits (cached per sentence), before parsing it."""
        doc, start = self.doc, c.start
        if (
            start < self.covered_until
            or (self.table_lines and self._in_table(start))
            or (doc.review_parts and doc.in_review(start))
            or (doc.condition_lists and doc.in_conditions(start))
        ):
            return False  # inside a number-first span, a cell of an indicator table, a review part, conditions
        facts = doc.sentence_facts(start)
        if facts is None:
            return False  # a sentence with no goal in it (past, definition, alternatives)
        c.sent_start, c.sent_end, c.condition_end, rule_start, rule_end, brackets = facts
        if c.condition_end is not None and start < c.condition_end:
            return False  # 对年用电量500万千瓦时以上的企业，…: the condition of a rule
        premise = doc.premise_end(c.sent_start, c.sent_end)
        if premise is not None and start < premise:
            return False  # 结合目前每年5000万千瓦的制造能力，…: the present a premise names
        if rule_start is not None and rule_start <= start < rule_end and not self._grant_reach(start):
            return False  # inside a subsidy rule (its grant, caps and conditions)
        return not (brackets and P.inside_brackets(self.text, c.sent_start, start) and not self._part_in_bracket(c))

    def _part_in_bracket(self, c: _Candidate) -> bool:
        """(BL25) `…示范村100个（精品村20个）`: a count that alone fills a bracket right after a count names a part of
        that set (docs/extraction-conventions.md: `其中新增20家`), no note."""
        text = self.text
        opening = max(text.rfind("（", c.sent_start, c.start), text.rfind("(", c.sent_start, c.start))
        if opening <= c.sent_start or P.PART_BRACKET_CLOSE.match(text, c.end) is None:
            return False
        outer = P.PART_IN_BRACKET.search(text, max(c.sent_start, opening - 3), c.start)
        return outer is not None and text[c.start : c.end].rstrip().endswith(outer.group("unit"))

    def _grant_reach(self, start: int) -> bool:
        """(BL18) A count of households or people right after 为/向 in a grant's clause with no sum in it
        (`为|4510户住房困难家庭发放租赁补贴`): how many the grant reaches, a goal, not the grant's terms."""
        text = self.text
        if not P.BENEFICIARIES_BEFORE.search(text, max(0, start - 1), start):
            return False
        m = P.QUANTITY.match(text, start)
        unit = m.group("unit") if m and m.group("unit") else None
        unit = ((m.group("mult") or "") + unit) if m and unit else None
        clause_start, clause_end = self.doc.clause(start)
        return unit in P.BENEFICIARY_UNITS and text.find("元", clause_start, clause_end) < 0

    def _formed(self, c: _Candidate) -> bool:
        """Rejections by the quantity's own form and the words right around it."""
        text, m, start, end = self.text, c.m, c.start, c.end
        quantity = _quantity(m)
        if quantity is None:
            return False
        c.value, c.value_max, c.unit, c.plain_chinese = quantity
        end = self._repeated_unit_range(c)  # 2500万吨到3000万吨: the span runs on to the second unit
        if _unit_misread(text, c):
            return False
        if start > 0 and text[start - 1] in P.START_VALUE_BEFORE and P.START_VALUE_AFTER.match(text, end):
            return False  # 从百亿级向200亿级: the first is where the goal starts from
        c.clause_start, c.clause_end = self.doc.clause(start)
        if P.ALLOCATION.search(text, end, c.clause_end) and not P.REVIVED_BEFORE.search(text, c.clause_start, start):
            return False  # 新增用地指标65%用于…: a share allocated (but 盘活…300亿元用于…: the stock revived, BL28)
        c.is_money = c.unit is not None and c.unit.endswith("元")
        if P.RULE_CLAUSE_WORDS.search(text, c.clause_start, start) and _rule_clause(text, c):
            return False  # an adjustment (由30%调整为10%), a fee cut, a forecast (预计…)
        if text[start - 1 : start] in ("由", "从") and P.ADJUSTMENT.match(text, start - 1, end + 4):
            return False  # 由30%调整为10%: the start value of an adjustment
        if text.rfind("第", max(0, start - P.ORDINAL_LIST_WIDTH), start) >= 0 and P.ORDINAL_LIST_BEFORE.search(
            text, max(0, start - P.ORDINAL_LIST_WIDTH), start
        ):
            return False  # 第十二条第3、81项规定: an ordinal of a citation
        if _frames_or_names(text, c):
            return False  # 6个方面试点示范培育行动, 深入落实人才新政|27条
        if _threshold_after(text, end, c.clause_end):
            return False  # 面积超过300平方米（含）, 营业收入超10亿元|、50亿元的企业分别达到…: a threshold
        if (
            (c.is_money or P.is_size_unit(c.unit))
            and not m.group("scale_mult")
            and P.PARAMETER_AFTER.match(text, end)
            and not (m.group("enum") and P.BUILDS_CLASS.search(text, c.clause_start, start))
            and not _task_size(text, c)  # (BL12) …550万千瓦的任务: the task's own size
        ):
            return False  # 投资不低于200万元的项目, 低于90万吨/年的矿井, 1000元起付线: a threshold or parameter
        if text.startswith(("当", "如", "若"), c.clause_start) and P.WHEN_CLAUSE.match(
            text, c.clause_start, c.clause_end
        ):
            return False  # 当…超过5%时: a rule's condition
        if c.is_money and P.RULE_PARAMETER.search(text, c.clause_start, start):
            return False  # 单次交易限值提高至5000元: a parameter of a rule, an amount only
        if c.is_money and (
            P.COUNT_LATER.match(text, end, c.clause_end)
            or _is_budget(text, c.sent_start, c.clause_start, start, c.clause_end)
        ):
            return False  # money qualifying a count (营收过5500亿级…集群1个), or a budget
        quoted = self.doc.sentence_has_quotes(c.sent_start, c.sent_end)
        if _names_or_qualifies(m, text, c.sent_start, c.clause_start, c.value, c.plain_chinese, c.is_money, quoted):
            return False
        # 5米|远场识别率超过92%: it qualifies the indicator of the later comparison
        return not (
            P.NOUN_AFTER.match(text, end)
            and P.later_comparison(text, end, c.clause_end)
            and not self._share_before_bar(c)
        )

    def _share_before_bar(self, c: _Candidate) -> bool:
        """(BL20) 推动|70%村集体经济组织收入超过50万元: a share right after a pivot verb, of a set whose members the later
        comparison sets a bar for, is the goal (a share of a set written number-first, docs/extraction-conventions.md), not a qualifier."""
        text = self.text
        return (
            c.unit == "%"
            and P.PIVOT_VERB_END.search(text, max(c.clause_start, c.start - 6), c.start) is not None
            and P.share_of(text, c.end, c.clause_end) is not None
        )

    def _repeated_unit_range(self, c: _Candidate) -> int:
        """2500万吨到3000万吨, 800亿元至1000亿元: a range whose unit is written on both numbers is one quantity, as
        2500-3000万吨 (GUIDE: value and value_max), its span to the second unit; not the start and end of a change
        (由/从2500万吨到3000万吨) nor a second number with a qualifier of its own. Returns the quantity's end."""
        text, end = self.text, c.end
        if c.value_max is not None or not c.unit or c.m.group("num") is None:
            return end
        high = P.RANGE_HIGH_AFTER.match(text, end)
        if high is None or text[c.start - 1 : c.start] in ("由", "从"):
            return end
        base = c.unit[len(c.m.group("mult") or "") :]
        unit_end = high.end() + len(base)
        if (high.group("mult") or "") + base != c.unit or text[high.end() : unit_end] != base:
            return end
        if P.RANGE_QUALIFIER_AFTER.match(text, unit_end):
            return end
        try:
            c.value_max = parse_number(high.group("high"))
        except ValueError:
            return end
        c.end = unit_end
        self.covered_until = max(self.covered_until, unit_end)  # the second number is no quantity of its own
        return unit_end

    def _criterion_rate(self, c: _Candidate) -> bool:
        """A rate opening a numbered line of a standard (`3.帮扶认可度或满意度必须达90%以上。`): the threshold a check
        verifies (GUIDE: a number a later check could verify), so its `必须` is the standard's, not a rule's."""
        line_start, _ = self.doc.line(c.start)
        marker = P.CRITERION_MARKER.match(self.text, line_start)
        return bool(marker and c.clause_start <= marker.end() <= c.start and "%" in c.m.group())

    def _compared(self, c: _Candidate) -> bool:
        """The comparator verb before the number, and the rejections it decides."""
        text, m, start, end = self.text, c.m, c.start, c.end
        c.seg_start = P.skip_separators(text, self.anchor, start) if self.anchor >= c.clause_start else c.clause_start
        opened = P.PART_BRACKET_OPEN.match(text, c.seg_start, start)
        if opened is not None:
            c.seg_start = opened.end()  # 示范村100个|（精品村20个）: the part's own segment (BL25)
        c.verb_match = verb_match = _comparator_before(text, c.seg_start, start)
        c.verb = verb = verb_match.group(verb_match.lastgroup) if verb_match else None
        if m.group("enum") and not (verb and P.MONEY_CONTEXT.search(text, c.clause_start, start)):
            if verb_match is None or not P.COUNT_NOUN_END.search(text, c.seg_start, verb_match.start()):
                return False  # 过千亿 is money only after a verb in a clause that measures money
            c.unit, c.is_money = m.group("emult"), False  # (TG3) 接待游客人次突破|1.5亿: a count of its noun
        modal = P.RULE_MODAL.search(text, c.clause_start, start)
        if modal and not (modal.group() in P.STANDARD_MODALS and self._criterion_rate(c)):
            return False  # 原则上不超过30个月, 可以延长10个工作日: a rule's bound, not a goal
        if c.condition_end is not None and (verb is None or c.is_money):
            return False  # 对…的企业，电价下降0.05元/千瓦时: what the rule grants, not a bound it sets
        c.core_end = verb_match.start() if verb_match else start
        unit = c.unit
        if verb is None and (
            self.doc.in_deadline_span(start) or (unit in P.DURATION_UNITS and P.WITHIN_AFTER.match(text, m.end("unit")))
        ):
            return False  # 6个月内完成, 3天内反馈: a deadline (but 控制在3个月以内 is a goal)
        if c.plain_chinese and not (m.group("cls") or verb or _floored_count(text, c.seg_start, start, unit)):
            return False  # 三条产业链, 一次: small Chinese numerals are rarely goals (三至四个, 百余家 are read)
        if P.CONDITION_HEAD.match(text, c.seg_start) and P.NP_AFTER.match(text, end):
            return False  # 对年产值1亿元以上的企业…: a condition, not a goal
        if unit in P.DURATION_UNITS and (
            verb == "为"
            or (verb is None and P.PERIOD_BEFORE.search(text, start - 2, start))
            or (verb not in P.PROCEDURE_GOAL_VERBS and P.PROCEDURE_WORDS.search(text, c.clause_start, c.clause_end))
        ):
            return False  # 公示时间为5个工作日, 公示期5个工作日, 公示不低于7天: the length of a procedure a rule sets
        if P.CHOICE_BEFORE.search(text, max(c.clause_start, start - 3), start) and P.APPLYING_AFTER.match(
            text, end, c.clause_end
        ):
            return False  # 选择1所…幼儿园进行报名: what an applicant may choose, no goal
        if P.PERMITTED_CHOICE_BEFORE.search(text, max(c.clause_start, start - 8), start):
            return False  # 可选择3种支付方式: an option a rule offers, no goal
        if verb is None and unit == "%" and text.startswith("的", start - 1):
            return False  # 每年偿还本金的20%: a share a rule sets, not a goal
        if P.CLASS_SIZE_AFTER.match(text, end) and (
            verb in P.CLASS_BOUND_VERBS or P.BOUND_QUALIFIER_END.search(text, start, end)
        ):
            return False  # 超过1000人规模的学校, 500人以上规模的企业: a bounded size naming a class (BL15)
        # 3岁以下婴幼儿: an age describes who is counted, unless a verb sets it; so does a duration of a name
        return not _age_names_class(text, c) and not _duration_names(text, c)

    def _describes_plan(self, c: _Candidate) -> bool:
        """Numbers that describe a plan rather than set a goal of it: counts of its indicators (`提出了4类共25项
        指标`, `增设了10项…的指标`: its make-up), a margin of its targets over another's (`比省定目标高出10个百分点`:
        a comparison, the targets themselves are the goals), what it did with a set (`把…的66个重大载体平台和项目进行
        了细化安排`), the round-the-clock of how something works (`实现24小时无人值守加工`)."""
        text, start, end = self.text, c.start, c.end
        if c.verb is None and P.INDICATOR_COUNT_AFTER.match(text, end, c.clause_end):
            return True
        if P.TARGET_MARGIN_BEFORE.search(text, c.clause_start, start):
            return True
        if P.DISPOSED_AFTER.match(text, end, c.clause_end) and P.DISPOSAL_BEFORE.search(text, c.clause_start, start):
            return True
        return P.ROUND_THE_CLOCK.match(text, start) is not None

    def _clause_kind(self, c: _Candidate, goal_framed: bool) -> str:
        """GOAL, RULE or RESULT for the quantity (target_clauses): a norm's or a result's clause, a rule's part, a
        past chronology entry's narration (``reported``)."""
        doc, start = self.doc, c.start
        return doc.clause_kinds.kind(
            (c.sent_start, c.sent_end),
            c.clause_start,
            (start, c.end),
            goal_framed,
            doc.in_rule_section(start),
            acts=c.has_action,
            reported=doc.in_chronicle(start),
        )

    def _goal(self, c: _Candidate) -> bool:
        """Whether a goal context governs the quantity (a verb, an action, a deadline, a goal part)."""
        text, doc, start, verb = self.text, self.doc, c.start, c.verb
        if self._describes_plan(c):
            return False
        c.ind_start, c.has_action = _indicator_start(text, c.seg_start, c.core_end, compared=verb is not None)
        if verb is None and _restates_list(text, c.ind_start, start, c.end, c.value):
            return False
        if _introduces_list(text, c.clause_end, c.value):
            return False
        if text[start - 1 : start] == "等" and _listed_in_full_elsewhere(text, start, c.end, c.value):
            return False
        c.recurring = "annual" if self._recurring_before(c) else None
        c.continues_list = self.last_target_sentence == c.sent_start
        if c.recurring is None and c.continues_list and (not (verb or c.has_action) or self._parallel_quota(c)):
            c.recurring = self.last_recurring
        c.deadline_year = doc.deadline_year(start)
        goal_framed = (
            c.deadline_year is not None
            or doc.in_goal_section(start)
            or doc.in_plan(start)
            or doc.deadline_in(c.sent_start, c.sent_end)
        )
        if self._clause_kind(c, goal_framed) != GOAL:
            return False  # a norm imposed on a class (新上…项目应满足…不低于20%), a result (已发布30…)
        if not goal_framed and text[start - 1 : start] == "等" and _closes_list(text, c.clause_start, start, c.value):
            return False  # 主要包括A、B、C、D等4个部分: the make-up of what is described
        if not (
            (verb and c.verb_match.lastgroup != "share_verb")
            or c.has_action
            or c.recurring
            or c.deadline_year is not None
            or c.continues_list
            or doc.bound_before(c.sent_start, start)
            or doc.in_goal_section(start)
            or doc.in_plan(start)
            or doc.closed_by_note(c.end, c.sent_start, c.sent_end)
            or _counts_listed_members(text, c.clause_start, start, c.value)
            or P.RESOLVE.search(text, c.clause_start, start)
        ):
            return False
        if (
            c.deadline_year is None
            and c.recurring is None
            and doc.reimbursement_before(c.sent_start, c.sent_end, start)
            and not (doc.in_goal_section(start) or doc.in_plan(start))
        ):
            return False  # 报销比例提高5个百分点: a subsidy rule's rate, no goal's time frame governs it
        c.comparator = _comparator(c.m, verb)
        if text.rfind("分别", c.clause_start, start) >= 0:
            c.comparator = _list_qualifier(text, c) or c.comparator  # 分别…550万亩和75万亩以上: both >=
        if c.comparator == "=" and P.AT_LEAST_BEFORE.search(text, max(c.seg_start, start - P.AT_LEAST_WIDTH), start):
            c.comparator = ">="
        elif verb == "突破" and _breaks_through_objects(text, c):
            c.comparator = "="  # 突破50项…关键共性技术: the count of what is mastered, not a floor passed
        if c.comparator in ("<=", "<") and self._rule_standard(c):
            return False
        return True

    def _recurring_before(self, c: _Candidate) -> bool:
        """`每年` in the quantity's clause, or a clause opening its sentence that is a yearly time frame only,
        framing every clause after it (`期间每年10月底前，下发…，11月底前，确定50个以上…项目。`), and a `其中` sentence of such a set; `每年` with an
        act of its own frames that act (`每年滚动遴选发布…清单，推出…20个以上`: not annual, realblind3)."""
        text = self.text
        if P.RECURRING.search(text, c.clause_start, c.start):
            return True
        if P.OF_WHICH.match(text, c.sent_start) and c.sent_start > 0:
            # 确定50个以上…项目。其中：…各选择10个以上…: the parts of the previous sentence's yearly set
            if self.last_target_sentence == c.sent_start:
                return self.last_recurring is not None  # a later part of the 其中 sentence, as its first (…，选择10个…)
            previous_start, _ = self.doc.sentence(c.sent_start - 1)
            return previous_start == self.last_target_sentence and self.last_recurring is not None
        if c.clause_start <= c.sent_start:
            return False
        return P.RECURRING_FRAME.match(text, c.sent_start, c.start) is not None

    def _rule_standard(self, c: _Candidate) -> bool:
        """A cap on what each person or household gets, with no goal's time frame (城镇安置的人均不超过20平方米):
        the standard of a rule (CONVENTIONS: caps of a rule are no targets); a goal's cap has its year or part
        (到2025年，人均日生活用水量控制在…)."""
        doc, start = self.doc, c.start
        return (
            c.deadline_year is None
            and c.recurring is None
            and P.PER_HEAD.search(self.text, c.clause_start, start) is not None
            and not (doc.in_goal_section(start) or doc.in_plan(start))
        )

    # ------------------------------------------------------------ spans and indicators
    def _spans(self, c: _Candidate) -> list[tuple[int, int, str | None]]:
        fenbie = self.text.rfind("分别", c.clause_start, c.start)
        if fenbie >= 0:
            spans = self._fenbie_spans(c, fenbie) or self._fenbie_objects_before(c, fenbie)
            if spans:
                return spans
        return self._plain_spans(c)

    def _fenbie_objects_before(self, c: _Candidate, fenbie: int) -> list[tuple[int, int, str | None]]:
        """A clause opened by 分别 whose items are what the clause before it addresses (面向自然人和法人组织，|
        分别形成1000个以上的“数字标签”): one target per item, each from its item to the shared quantity (GUIDE)."""
        text = self.text
        if c.clause_start - 2 < c.sent_start or P.skip_fillers(text, c.clause_start, fenbie) < fenbie:
            return []
        prev_start, _ = self.doc.clause(c.clause_start - 2)
        addressed = P.ADDRESSED_ITEMS.search(text, prev_start, c.clause_start)
        items = P.split_items(text, addressed.start("items"), addressed.end("items")) if addressed else []
        plain = self._plain_spans(c) if len(items) > 1 else []
        if len(plain) != 1 or not plain[0][2]:
            return []
        head = plain[0][2]
        return [(a, c.end, P.SPACES.sub("", text[a:b]) + head) for a, b in items]

    def _fenbie_spans(self, c: _Candidate, fenbie: int) -> list[tuple[int, int, str | None]]:
        """Items of a 分别 list, handed out to its quantities in order."""
        text = self.text
        items = self.fenbie_lists.get(fenbie)
        if items is None:
            first, _ = _indicator_start(text, c.clause_start, fenbie)
            shared = P.CMP_AFTER_FENBIE.match(text, fenbie)
            items = self.fenbie_lists[fenbie] = _ListItems(
                P.split_items(text, first, fenbie) or _items_after_fenbie(text, fenbie, c.clause_end),
                shared.group("verb") if shared else None,
                P.SPACES.sub("", text[fenbie + 2 : shared.start("verb")]) if shared else "",
            )
        if items.taken == 0 and len(items.items) > 1 and not _DIGIT.search(text, c.end, c.clause_end):
            return self._fenbie_shared_spans(c, items, fenbie)
        taken = order = items.taken  # order: which of the list's quantities this is
        item = items.next_item()
        if item is None and items.items and taken > 0:
            # 城乡居民人均可支配收入分别增长5%和7.5%: fewer items than numbers, the last one goes on
            item, taken = items.items[-1], len(items.items) - 1
        if item is None:
            return []
        name = _with_shared_measure(items.items, text)[taken]
        if name and len(items.items) == 1 and order < 2 and name.startswith("城乡"):
            name = ("城镇", "农村")[order] + name[2:]  # 城乡居民…分别增长5%和7.5%: the urban half first, then the rural
        if name and items.measure and not name.endswith(items.measure):
            name += items.measure  # 一产、二产增加值分别|占比|达30%、20%: 一产增加值占比
        if c.verb is None and items.verb:
            c.comparator = _comparator(c.m, items.verb)
        return [(item[0], c.end, _with_direction(name, c.verb or items.verb))]

    def _fenbie_shared_spans(self, c: _Candidate, items: _ListItems, fenbie: int) -> list[tuple[int, int, str | None]]:
        """(BL18) A 分别 list whose clause holds one quantity (`高新区、经开区分别落位5亿元以上产业项目不少于5个`,
        `工业、服务业增加值分别增长8%`): each item takes it, as with 均/各 (GUIDE: one target per item), its indicator
        the item and what 分别 is followed by up to the comparator verb (`高新区落位5亿元以上产业项目`)."""
        text = self.text
        items.taken = len(items.items)
        verb_start = c.verb_match.start(c.verb_match.lastgroup) if c.verb_match else c.start
        written_once = P.SPACES.sub("", text[fenbie + 2 : verb_start])
        if c.verb is None and items.verb:
            c.comparator = _comparator(c.m, items.verb)
        names = _with_shared_measure(items.items, text)
        verb = c.verb or items.verb
        return [
            (a, c.end, _with_direction((name or "") + written_once, verb)) for (a, _), name in zip(items.items, names)
        ]

    def _each_item_spans(
        self, c: _Candidate, spans: list[tuple[int, int, str | None]]
    ) -> list[tuple[int, int, str | None]]:
        """`各` + a verb before a count distributes it over the items before `各` (GUIDE: one target per item):
        `在离散和流程制造领域各选择10个以上智能工厂` is two targets, `离散制造领域智能工厂` and `流程制造领域智能工厂`
        (a short first item shares the last item's tail: 离散|制造领域)."""
        text = self.text
        # (every match holds its 各: the search, ~12 µs a clause, only where the clause before has one)
        each = len(spans) == 1 and text.find("各", c.clause_start, c.start) >= 0
        found = P.EACH_VERB_BEFORE.search(text, c.clause_start, c.start) if each else None
        if found is None:
            return spans
        items = P.split_items(text, found.start("items"), found.end("items"))
        if len(items) < 2:
            return spans
        # the counted noun after the count (…各选择10个以上|智能工厂); where the count closes the clause (`示范园、美丽园各
        # 建成20个`) the items are what it counts and the indicator came from before it: no noun to add
        noun = (spans[0][2] or "") if spans[0][0] >= c.start else ""
        last_start, last_end = items[-1]
        first_len = items[0][1] - items[0][0]
        tail = text[last_start + first_len : last_end] if last_end - last_start > first_len + 1 else ""
        rows = []
        for a, b in items:
            name = text[a:b] + (tail if b - a <= first_len and (a, b) != items[-1] else "")
            rows.append((a, c.end, _clean_indicator(name + noun)))
        return rows

    def _plain_spans(self, c: _Candidate) -> list[tuple[int, int, str | None]]:
        """Indicator-first (规模以上企业达到800家), number-first (培育3个世界级集群), 均 lists, elided subjects."""
        text, verb, end, core_end = self.text, c.verb, c.end, c.core_end
        ind_start = c.ind_start
        cut = P.last_enumeration_end(text, ind_start, core_end)
        if (
            cut is not None
            and cut < core_end
            and not P.list_names_generic(text, cut, P.SPACES.sub("", text[cut:core_end]))
        ):
            ind_start = cut  # …等一批【规模达到千亿级】 (but 林苗一体化等项目22个 stays whole)
        # 规模突破8000亿元，年均增长20%以上: the subject is the previous target's
        elided_subject = (
            verb is not None
            and ind_start >= core_end
            and cut is None
            and P.CLAUSE_END_AFTER.match(text, end) is not None
        )
        floor_first = self._object_after_count(c)
        number_first = not elided_subject and (
            cut == core_end
            or ind_start >= core_end
            or floor_first
            or (
                verb is None
                and (P.NP_AFTER.match(text, end) is not None or P.NOUN_AFTER.match(text, end) is not None)
                and P.ALLOCATION.match(text, end) is None  # 盘活300亿元|用于…: the use, no noun counted (BL28)
                and not _specification_before_owner(text, c, ind_start)
                and not _task_size(text, c)  # (BL12) 造林|100万亩|任务
                and _predicate_after_count(text, c, ind_start) is None  # (BL12) 带动…企业5000家以上|上平台用平台
            )
        )
        each_verb = self._each_kept_verb_spans(c)
        if each_verb:
            return each_verb
        list_mark = (  # (the pattern opens with a look-behind: entered at every position, so find 均/都 first)
            P.LIST_SHARED.search(text, ind_start, c.start)
            if text.find("均", ind_start, c.start) >= 0
            or text.find("都", ind_start, c.start) >= 0
            or text.find("各", ind_start, c.start) >= 0
            else None
        )
        items = _shared_list_items(text, ind_start, list_mark)
        if len(items) > 1:
            return [(a, end, _with_direction(name, verb)) for (a, _), name in zip(items, _item_names(text, items))]
        if verb is None and text[c.start - 1 : c.start] == "按" and P.ARRANGED_AFTER.match(text, end):
            return [(ind_start, end, _clean_indicator(text[ind_start : c.start - 1]))]  # 开工规模按6500万千瓦安排
        if c.m.group("enum") and text.startswith(_DE, end):  # 形成…规模超|百亿的创新型…产业集群: the class built
            np_end = _noun_phrase_end(text, end + 1, c.clause_end)
            head = P.head_noun(text[end + 1 : np_end])
            if head:
                return [(c.start, np_end, head)]
        if number_first:
            return self._each_item_spans(c, self._number_first_spans(c, cut))
        if elided_subject:
            return self._elided_subject_spans(c)
        return self._indicator_first_spans(c, ind_start)

    def _indicator_first_spans(self, c: _Candidate, ind_start: int) -> list[tuple[int, int, str | None]]:
        """规模以上企业达到800家: from the indicator to the quantity."""
        text, verb = self.text, c.verb
        indicator = _clean_indicator(text[ind_start : c.core_end])
        if indicator and c.continues_list and self.last_indicator:
            indicator = self._continued_measure(c, indicator)
        predicate = _predicate_after_count(text, c, ind_start) if verb is None else None
        if indicator and predicate:
            indicator = predicate + _DE + indicator  # 带动|产业链上下游企业5000家以上|上平台用平台 (BL12)
        if verb in ("占", "约占") and indicator and not P.RATE_NOUN_END.search(indicator):
            indicator += "占比"  # 装配式建筑占70%以上: the share of what is named, its measure (BL15)
        return [(ind_start, c.end, _with_direction(indicator, verb))]

    def _each_kept_verb_spans(self, c: _Candidate) -> list[tuple[int, int, str | None]]:
        """`国家高新技术企业、国家科技型中小企业各新增1000家`: 各 and a kept verb before the count give each item of the
        list before 各 the count (one target per item, as 各N), the verb staying in each indicator (TG13)."""
        text = self.text
        if text.find("各", c.seg_start, c.start) < 0:
            return []
        each = P.EACH_KEPT_VERB.search(text, c.seg_start, c.start)
        if each is None:
            return []
        items = P.split_items(text, P.skip_fillers(text, c.seg_start, each.start()), each.start())
        if len(items) < 2:
            return []
        verb = each.group("verb")
        return [(a, c.end, (name or "") + verb) for (a, _), name in zip(items, _item_names(text, items))]

    def _elided_subject_spans(self, c: _Candidate) -> list[tuple[int, int, str | None]]:
        """规模突破8000亿元，年均增长20%以上: a comparison without subject takes the row's item, the previous
        target's measure, or the subject of the clause before it."""
        text, verb, end, core_end = self.text, c.verb, c.end, c.core_end
        phrase_start = P.skip_separators(text, c.seg_start, core_end)
        predicate = P.INTENT_LEAD.sub("", P.SPACES.sub("", text[phrase_start : c.verb_match.end()]))
        item = P.row_item(text, c.clause_start)
        if item is not None:  # 森林覆盖率 | 达到45%: the row's item cell names what the value measures
            return [(phrase_start, end, item + predicate if predicate != verb else _with_direction(item, verb))]
        inherited = self.last_indicator if c.continues_list else None
        if inherited is None:
            subject = _previous_clause_subject(text, c.sent_start, c.clause_start)
            if subject is not None:  # 服务业对经济增长的贡献显著增强，|达到60%以上
                return [
                    (
                        phrase_start,
                        end,
                        subject + predicate if predicate != verb else _with_direction(subject, verb),
                    )
                ]
        if inherited and P.BASELINE_START.match(predicate):
            inherited = _without_direction(inherited)  # 工业投资增长8%，|占固定资产投资的…
        if inherited and predicate == verb and verb not in P.DIRECTION_VERBS:
            return [(phrase_start, end, _without_direction(inherited))]  # 年均增长10%，|达到1亿人次: the level itself
        stock_word = predicate[: -len(verb)] if verb and predicate.endswith(verb) else ""
        if inherited and P.STOCK_ONLY.fullmatch(stock_word):  # 新增上市企业20家，|累计达到100家: 上市企业
            return [(phrase_start, end, _stock_of(inherited, stock_word))]
        if verb not in P.DIRECTION_VERBS and len(predicate) > len(verb or "") and predicate.endswith(verb or "-"):
            predicate = predicate[: -len(verb or "")]  # 开展培训|不少于3000人次: the act counted, not the bound
            stripped = P.TRAILING_DEADLINE.sub("", predicate)
            predicate = stripped if stripped or inherited else predicate
        return [(phrase_start, end, (inherited or "") + predicate)]

    def _continued_measure(self, c: _Candidate, indicator: str) -> str:
        """A measure without its subject continues the previous target's: a baseline or a share (数量突破1000家，|
        较2020年翻一番, …，|占GDP比重…), a bare specification after a product's first one (…诊断系统对…的检出率
        超过95%，|假阴性率低于1%), unless a 的-owner follows it in its sentence (…、噪音水平…的压力传感器)."""
        last = self.last_indicator or ""
        if P.STOCK_ONLY.fullmatch(indicator) and last:
            return _stock_of(last, indicator)  # 新增高新技术企业200家，|总数达到3000家: 高新技术企业总数
        shared = self._bare_act_of_list(c)
        if shared is not None:
            return shared[2]  # 保障性租赁住房3万套、|配租1.5万套: 配租保障性租赁住房
        if P.BARE_MILESTONE.fullmatch(indicator) and P.OF_WHICH.match(self.text, c.clause_start):
            subject = P.LEADING_STAGE.sub("", last)  # 开工70个、续建130个，其中|竣工50个: 竣工重点项目 (BL25)
            return indicator + subject if subject else indicator
        if P.BARE_MILESTONE.fullmatch(indicator) and self.text.find("、", self.anchor, c.start) >= 0:
            # …综合整治新开工300个、|完工200个: the pair's subject (TG13; not after 其中, a part of the set)
            act = P.TRAILING_MILESTONE.search(last)
            subject = last[: act.start()] if act else last
            return subject + indicator if subject and not subject.endswith(indicator) else indicator
        if P.BASELINE_START.match(indicator):
            return _without_direction(last) + indicator
        kept = self._kept_act_of_list(c, indicator, last)
        if kept:
            return kept + indicator  # 新增县级以上示范家庭农场70个、|示范社30个: 新增县级以上示范社 (BL18)
        if (
            P.BARE_MEASURE.match(indicator)
            and P.MEASURE_END.search(last)  # the first item is a specification of the product too
            and self.text.find(_DE, c.end, c.sent_end) < 0
            and not P.ITEM_BREAK.search(self.text, self.anchor, c.start)  # …；森林覆盖率: another list
        ):
            owner = P.PRODUCT_OWNER.match(last)
            if owner is not None and not indicator.startswith(owner.group("owner")):
                return owner.group("owner") + indicator
        return indicator

    def _kept_act_of_list(self, c: _Candidate, indicator: str, last: str) -> str:
        """(BL18) A 、-item written without its act after one that opens with a kept verb (`新增县级以上示范家庭农场70个、
        示范社30个`): the verb and the level before the shared head are the list's, written once (承前省略); "" if not,
        also where the item has its own act or bound (`…、新招收博士后突破1000人`, `…、完善扩繁群20处`)."""
        verb = next((v for v in P.KEPT_VERBS if last.startswith(v)), None)
        if verb is None or indicator.startswith(verb) or not self.text.startswith("、", self.anchor):
            return ""
        if c.verb is not None or P.ITEM_OWN_ACT.match(indicator):
            return ""
        if P.leading_verbs_end(self.text, self.anchor + 1, self.anchor + 1 + len(indicator)) is not None:
            return ""  # 新增…20家、|培育…10家: the item has its own act
        body = last[len(verb) :]
        shared = body.find(indicator[:2]) if len(indicator) > 1 else -1
        level = body[:shared] if shared > 0 else ""
        return verb + (level if P.SHARED_LEVEL.fullmatch(level) else "")  # 县级以上 (not 农村邻里互助: the item's own)

    def _object_after_count(self, c: _Candidate) -> bool:
        """A verb before the comparator whose object follows the count (形成不少于|100个…案例, 为不少于|1万名老年人
        提供…), or 为/面向 the preposition right before it (再为|1600户以上牧户…, 面向|1000家以上中小企业提供…;
        向 is a comparator verb of its own, `从100家向200家`): the target is number-first."""
        text, verb, end, core_end = self.text, c.verb, c.end, c.core_end
        if P.NOUN_AFTER.match(text, end) is None:
            return False
        if verb in P.FLOOR_VERBS:
            return P.ACTION_VERB_END.search(text, c.seg_start, core_end) is not None or self._for_beneficiary(
                c, core_end
            )
        return verb in ("为", "向") and self._for_beneficiary(c, c.verb_match.end())

    def _level_of_next_item(self, np_end: int, clause_end: int, level: str) -> str:
        """新引育90名国家级、150名省级科技人才: a level alone takes the noun of the next item at its own level."""
        text = self.text
        while text[np_end : np_end + 1] == "、":
            following = P.QUANTITY.match(text, np_end + 1, clause_end)
            if following is None:
                return level
            np_end = _noun_phrase_end(text, following.end(), clause_end)
            noun = text[following.end() : np_end].strip()
            prefix = P.LEVEL_ITEM_PREFIX.match(noun)
            if prefix is not None and prefix.end() == len(noun):
                continue  # 87个百亿元级、964个十亿元级、…项目: a level alone again, the noun further on (BL28)
            if prefix is None or not 0 < len(noun) - prefix.end() <= P.LEVEL_NOUN_MAX or "是" in noun:
                return level  # 4个国家级、5个省级开发区是…主战场: a statement, no short noun to share
            return level + noun[prefix.end() :]
        return level

    def _parallel_quota(self, c: _Candidate) -> bool:
        """每年举办…不少于2场、提供…不少于50次，|促进不少于10项…: a clause of its own act with the same floor verb
        as the previous target of a 每年 sentence repeats 每年; a stock does not (每年新增10家，|总数达到100家), nor
        a clause after a rate (年均增速保持在20%左右，打造100个…)."""
        text, start = self.text, c.start
        return (
            c.verb in P.QUOTA_VERBS
            and self.last_verb == c.verb
            and text.rfind("每年", c.sent_start, start) >= 0
            and not P.STOCK_WORDS.search(text, c.clause_start, start)
        )

    def _for_beneficiary(self, c: _Candidate, for_end: int) -> bool:
        """为 right before ``for_end`` is the preposition of a beneficiary (为不少于1万名老年人|提供…, 再为|1600户
        以上牧户…), with no later count in the clause (共为6740家市场主体…签发电子证照9472余张: one report)."""
        return (
            P.FOR_BEFORE.search(self.text, c.seg_start, for_end) is not None
            and P.HAS_DIGIT.search(self.text, c.end, c.clause_end) is None
        )

    def _number_first_spans(self, c: _Candidate, cut: int | None) -> list[tuple[int, int, str | None]]:
        """培育3个【世界级集群】: from the number to the end of its noun phrase."""
        text, start, end, core_end = self.text, c.start, c.end, c.core_end
        np_end = _noun_phrase_end(text, end, c.clause_end)
        people = P.PEOPLE_PHRASE.match(text, end, np_end) if c.m.group("people") is not None else None
        if people is not None:
            np_end = people.end()  # 12万城镇就业困难人员|实现就业: the people counted, then their predicate
        noun = text[end:np_end].rstrip()
        adverb = P.NP_ADVERB_END.search(noun) if np_end < c.clause_end else None
        if adverb is not None and adverb.start() > 0:
            noun = noun[: adverb.start()]  # 2家标杆企业|率先建成…, 247个项目|全面开工: the adverb opens the predicate
        role = P.AS_ROLE.search(noun)  # 选取|30-50个…统筹地区|作为“…示范”: the count ends before 作为
        if role is not None and role.start() > 0:
            role_text = P.role_after(text, end + role.end(), c.clause_end)
            noun = noun[: role.start()] if role_text else noun
        else:
            role_text = None
        np_end = end + len(noun)
        if self._names_no_count(c, noun.rstrip()):
            return []
        if c.unit == "%" and c.verb is None:
            own = P.share_with_predicate(text, end, c.clause_end)
            share = (own[0], own[1]) if own else P.parallel_share_of(text, end, c.clause_end, c.sent_end)
            if share is not None:  # 50%以上的园区|创建生态工业园区: 创建生态工业园区的园区占比
                # (TG3) a bar in the predicate (…的行政村|实现集体经济年收入20万元以上) is in the indicator: the class's
                self.covered_until = max(self.covered_until, np_end, own[2] if own else 0)
                return [(start, share[0], share[1])]
        if not noun.strip("、 \u3000"):
            next_noun = self._next_item_noun(c)  # (BL12) 启动3000户|、完成2000户特殊困难老年人家庭适老化改造
            if next_noun is not None:
                return [(start, end, next_noun)]
        head = self._counted_head(c, P.head_noun(noun), np_end, cut)
        if head and role_text:
            head = f"作为{role_text}的{head}"  # what the chosen become says which are counted (a column header)
        shared = self._bare_act_of_list(c) if head is None else None
        if shared is not None:
            return [shared]
        if head is None and c.seg_start < core_end:
            # 农村产权交易额完成|18亿元以上: nothing follows, the indicator is before the verb
            verb_end = P.ACTION_VERB_END.search(text, c.seg_start, core_end)
            subject_start = P.skip_fillers(text, c.seg_start, core_end)
            subject = _clean_indicator(text[subject_start : verb_end.start() if verb_end else core_end])
            if subject:
                return [(subject_start, end, subject)]
        if head is None:
            head = self._head_from_context(c)
        self.covered_until = max(self.covered_until, np_end)
        return [(start, np_end, head)]

    def _bare_act_of_list(self, c: _Candidate) -> tuple[int, int, str] | None:
        """A count after a bare act (P.BARE_ACT) in a `、` list on the previous target's objects (新建高标准农田14.5万亩、
        |提升改造13万亩, 保障性租赁住房3万套、|配租1.5万套): the act on those objects (提升改造高标准农田)."""
        last = self.last_indicator
        if not last or self.text.find("、", self.anchor, c.start) < 0:
            return None
        act_start = P.skip_separators(self.text, max(c.seg_start, self.anchor), c.start)
        act = P.SPACES.sub("", self.text[act_start : c.start])
        if P.BARE_ACT.fullmatch(act) is None:
            return None
        milestone = P.TRAILING_MILESTONE.search(last)
        subject = P.LEADING_ACT.sub("", last[: milestone.start()] if milestone else last)
        if not subject or P.BARE_ACT.fullmatch(subject):
            return None  # 收储13000亩、|出让10300亩: no objects written in the list
        return (c.start, c.end, act + subject)  # the act, then its objects (as _head_from_context: 改造高标准农田)

    def _names_no_count(self, c: _Candidate, noun: str) -> bool:
        """A number-first quantity that names or sizes its noun rather than counts a goal's output."""
        if (
            c.verb is None
            and P.is_size_unit(c.unit)
            and (
                not (c.has_action or _sizes_work(noun, c.unit) or _acted_list_item(self.text, c))
                or P.SIZED_HEAD.search(noun)
            )
            and not self._land_of_works(c, noun)
            and not _totals_list(self.text, c)
        ):
            return True  # 30万吨PGA项目, 20.2平方公里先行区: the size describes the noun
        if c.verb is None and P.OUTPUT_PIECES_UNIT.match(c.unit or "") and P.FACILITY_NOUN.search(noun):
            return True  # 加快|3亿只先进功率半导体封装基地等项目建设: the output names the facility (BL18)
        if c.verb is None and P.HERD_CAPACITY_UNIT.match(c.unit or "") and P.FARM_FACILITY.search(noun):
            return True  # 建成投用正缘|4万头奶牛养殖园区: the herd's size names the farm (BL23)
        if c.verb is None and self._names_plant(c):
            return True  # 推动中石化南港|120万吨乙烯投产: a plant named by its owner and capacity (TG13)
        if (c.unit == "条" and P.POLICY_HEAD.match(P.first_conjunct(noun))) or P.LIST_NAME_HEAD.search(noun):
            return True  # 减负18条清单, 民营经济十条措施, 34种重要矿产目录: a count that names a policy or list
        return self._names_set(c)

    def _next_item_noun(self, c: _Candidate) -> str | None:
        """A count with no noun before a 、 whose next item is a short verb, a count and a noun (`启动3000户、完成2000户
        特殊困难老年人家庭适老化改造`): the noun is written once, on the last item (承后省略, as a level alone takes the
        next item's noun); the indicator is this item's verb and that noun (BL12)."""
        text, end = self.text, c.end
        if text[end : end + 1] != "、":
            return None
        following = P.QUANTITY.search(text, end + 1, c.clause_end)
        if (
            following is None
            or following.start() - end - 1 > P.NEXT_ITEM_VERB_MAX
            or P.ACTION_VERB.fullmatch(text, end + 1, following.start()) is None
        ):
            return None
        noun = P.head_noun(text[following.end() : _noun_phrase_end(text, following.end(), c.clause_end)])
        verbs = P.SPACES.sub("", text[P.skip_fillers(text, c.seg_start, c.start) : c.start])
        return (verbs + noun) if noun and P.ACTION_VERB.fullmatch(verbs) else None

    def _land_of_works(self, c: _Candidate, noun: str) -> bool:
        """An area of land right after the clause's act, before the 项目/工程 done on it (`完成20万亩高标准农田建设项目`,
        `实施5万亩盐碱地改良工程`): the extent of the works a check verifies, not a size naming one plant (BL23); a zone
        sized by its area (`建设20平方公里先行区`) still names it."""
        return (
            P.base_unit(c.unit or "") in P.LAND_AREA_UNITS
            and P.WORKS_HEAD.search(noun) is not None
            and P.ACTION_VERB_END.search(self.text, c.seg_start, c.start) is not None
        )

    def _names_set(self, c: _Candidate) -> bool:
        """A number-first count of classes of people a policy serves (`推进7类特殊困难老年人探访关爱服务`): the
        categories it defines, a scope, no output (TG13). (Counts of the objects of upgrade tasks stay targets,
        `做优5条特色产业示范带`, `壮大8个精深加工集群`: realdev notes/set_e.md.)"""
        return c.verb is None and c.unit == "类" and P.PEOPLE_CLASSES_AFTER.match(self.text, c.end) is not None

    def _names_plant(self, c: _Candidate) -> bool:
        """A capacity (万吨, 万千瓦) written right after a name that stands between the clause's verb and it
        (`推动|中石化南港|120万吨乙烯投产`): the owner, site and size name one plant (P.NAME_BEFORE_SIZE)."""
        unit = c.unit or ""
        base = unit[1:] if unit[:1] in ("万", "亿") else unit
        if base not in P.PLANT_CAPACITY_UNITS or c.ind_start >= c.start:
            return False
        name_start = P.skip_fillers(self.text, c.ind_start, c.start)
        return name_start < c.start and P.NAME_BEFORE_SIZE.search(self.text, name_start, c.start) is not None

    def _counted_head(self, c: _Candidate, head: str | None, np_end: int, cut: int | None) -> str | None:
        """What a number-first count counts, from its noun: a level alone shares the next item's noun, a pivot
        verb or the subject position adds the predicate, a scale class and a generic list's names join it."""
        text, start, core_end = self.text, c.start, c.core_end
        if not head:
            return head
        if P.LEVEL_ITEM.match(head):
            head = self._level_of_next_item(np_end, c.clause_end, head)  # 90名国家级、150名省级科技人才
        if (
            P.PIVOT_VERB_END.search(text, c.seg_start, core_end)
            or P.PIVOT_SCOPE_END.search(text, c.seg_start, core_end)
            or _opens_clause(text, c.seg_start, start)
            or (text[start - 1] == "在" and _opens_clause(text, c.seg_start, start - 1))
        ):  # the count is the clause's subject, or where its predicate happens (在|10个以上领域|实现实时汇聚)
            limit = c.clause_end
            if c.unit == P.PEOPLE_COUNT_UNIT and text.find("、", np_end, limit) >= 0:
                limit = text.find("、", np_end, limit)  # …人员实现就业|、4万农村劳动力…: the next item's own
            head = _with_pivot_predicate(text, np_end, limit, head)  # 吸引95家企业|入驻…基地
        places = _named_places_before(text, c.seg_start, start)
        if places:
            head = places + head  # 实现|省会、鲁南、胶东经济圈|100项左右智慧应用打通: which places' count it is
        scale = c.m.group("cls")
        if scale:
            head = P.INDICATOR_STRIP.sub("", scale) + head  # 3个300亿级|产业集群: the class is part of what is counted
        if cut == core_end and (
            P.list_names_generic(text, cut, head) or (text[cut - 1] == "等" and (c.unit or "").endswith(("人", "名")))
        ):
            # …潮河总氮治理等15项|工程; 大学生、科研人员等2万人|创业: who the people counted are
            head = (_clean_indicator(text[c.ind_start : cut]) or "") + head
        return head

    def _head_from_context(self, c: _Candidate) -> str | None:
        """A count with no noun after it: a part of the previous target's set (其中新增|20家), else the item cell
        of its table row (新增规上工业企业 | 100家)."""
        text, start = self.text, c.start
        of_which = P.OF_WHICH.match(text, c.clause_start) if c.continues_list else None
        if of_which is not None and self.last_indicator:
            kept = P.SPACES.sub("", text[of_which.end() : start])
            if kept in P.KEPT_VERBS and not self.last_indicator.startswith(kept):
                return kept + self.last_indicator  # 企业达到100家以上，其中新增|20家: 新增规上工业企业
        if c.continues_list and self.last_indicator and P.leading_verbs_end(text, c.seg_start, start) == start:
            verbs = P.SPACES.sub("", text[P.skip_fillers(text, c.seg_start, start) : start])
            return verbs + self.last_indicator  # 新建高标准农田14.5万亩、|提升改造|13万亩: the same noun, another act
        head = P.row_item(text, c.clause_start)  # 新增规上工业企业 | 100家: the item cell before the value
        kept = P.SPACES.sub("", text[c.clause_start : start])
        if head is not None and kept in P.KEPT_VERBS and not head.startswith(kept):
            head = kept + head  # 规上工业企业 | 新增100家: 新增规上工业企业
        return head

    def _write(self, c: _Candidate, spans: list[tuple[int, int, str | None]]) -> list[dict[str, Any]]:
        base = {
            "value": c.value,
            "value_max": c.value_max,
            "unit": c.unit,
            "comparator": c.comparator,
            "deadline_year": c.deadline_year,
            "recurring": c.recurring,
        }
        previous = self.last_indicator if c.continues_list else None
        rows = []
        for a, b, indicator in spans:
            indicator = _refine_indicator(
                self.text,
                indicator,
                c.clause_start,
                c.start,
                c.end,
                c.clause_end,
                c.verb is not None or _qualified_specification(c, a, indicator),  # (BL12) 精度100Pa以内…的传感器
                previous,
            )
            rows.append({"norm_start": a, "norm_end": b, "indicator": indicator, **base})
        self.anchor = max(b for _, b, _ in spans)
        self.last_target_sentence = c.sent_start
        self.last_recurring = c.recurring
        self.last_verb = c.verb
        self.last_indicator = spans[-1][2]
        return rows

    # ------------------------------------------------------------ ranks
    def rank(self, m: re.Match) -> dict[str, Any] | None:
        """稳居全球前三: a rank set as a goal (CONVENTIONS), where a goal context governs it."""
        text, doc, start = self.text, self.doc, m.start()
        clause_start, _ = doc.clause(start)
        verb = P.RANK_BEFORE.search(text, max(clause_start, start - P.RANK_BEFORE_WIDTH), start)
        if verb is None:
            return None  # 年底前10个, 第一批: 前 closes a deadline, 第 an ordinal here; no rank (checked first: cheap)
        sent_start, sent_end = doc.sentence(start)
        if doc.in_review(start) or doc.sentence_is_excluded(sent_start, sent_end):
            return None
        deadline_year = doc.deadline_year(start)
        if deadline_year is None and not (
            doc.in_plan(start) or doc.in_goal_section(start) or self._rank_aimed(verb, clause_start, sent_start)
        ):
            return None
        subject_start = P.skip_fillers(text, clause_start, verb.start())
        subject = _clean_indicator(text[subject_start : verb.start()])
        if not subject:
            return None
        nth = m.group("rank_nth")
        try:
            rank = parse_number(nth or m.group("rank_n"))
        except ValueError:
            return None
        indicator = subject + (verb.group("rank_scope") or "") + "排名"
        return {
            "norm_start": subject_start,
            "norm_end": m.end(),
            "indicator": indicator,
            "value": rank,
            "value_max": None,
            "unit": None,
            "comparator": "=" if nth else "<=",  # 第一 is one rank, 前三 any of the first three
            "deadline_year": deadline_year,
            "recurring": None,
        }

    def _rank_aimed(self, verb: re.Match, clause_start: int, sent_start: int) -> bool:
        """(TG3) A rank with no year or part framing it is a goal after a verb of reaching or keeping it
        (`主要经济指标增速保持全省前三`) or a resolve (`力争…位居全省前三`), unless its clause reports it (连续, 首次, 均, 已)."""
        text = self.text
        if P.RANK_REPORTED.search(text, clause_start, verb.start()):
            return False
        return (
            verb.group("rank_verb") in P.RANK_AIM_VERBS or P.RESOLVE.search(text, sent_start, verb.start()) is not None
        )


def _judged(m: re.Match, scan: _Scan) -> list[dict[str, Any]]:
    """The produce of every quantity rule: its rows once the scan has judged it in context."""
    return scan.quantity(m)


def _ranked(m: re.Match, scan: _Scan) -> dict[str, Any] | None:
    return scan.rank(m)


# ------------------------------------------------------------------ rule records (Duckling)
# One rule per alternative of a quantity (target_patterns), in the order the scan tries them at a
# position, and the rank rule.  A quantity's rows depend on its clause and on the quantities before
# it (list items, number-first spans), so every quantity rule produces through the same judge.
SCALE = Rule(
    "scale_class",
    P.SCALE_PATTERN,
    _judged,
    examples=(
        example(
            "到2026年，纺织服装产业达到百亿级。",
            {"text": "纺织服装产业达到百亿级", "value": 100, "unit": "亿元", "comparator": ">="},
        ),
        example("到2025年，数字经济产业规模达到万亿级。", {"value": 10000, "unit": "亿元", "comparator": ">="}),
        example(
            "到2026年，推动产业实现从百亿级向200亿级跨越。",
            {"value": 200, "unit": "亿元"},
            note="从…向…: the first is a start",
        ),
    ),
)
COUNT = Rule(
    "counted",
    P.COUNT_PATTERN,
    _judged,
    examples=(
        example(
            "到2025年，规模以上企业达到800家。",
            {"text": "规模以上企业达到800家", "value": 800, "unit": "家", "indicator": "规模以上企业"},
        ),
        example(
            "到2025年，培育3个世界级集群。",
            {"text": "3个世界级集群", "value": 3, "unit": "个", "indicator": "世界级集群"},
        ),
        example("做强三条产业链。", note="a small Chinese numeral without a verb is no goal"),
        example(
            "到2027年，每年促进不少于200项新技术新产品首用首试。",
            {
                "text": "200项新技术新产品首用首试",
                "value": 200,
                "comparator": ">=",
                "indicator": "新技术新产品首用首试",
            },
            note="促进 + a floor verb: the object follows the number",
        ),
        example(
            "到2025年，力争吸引95家左右企业入驻国家健康医疗大数据产业孵化基地。",
            {
                "text": "95家左右企业",
                "value": 95,
                "comparator": "~",
                "indicator": "入驻国家健康医疗大数据产业孵化基地的企业",
            },
            note="a pivot (兼语) verb: the predicate of the counted noun says which are counted",
        ),
        example(
            "优选244家服务业企业纳入山东服务业数字化创新发展与特色品牌工程。",
            {
                "text": "244家服务业企业",
                "value": 244,
                "indicator": "纳入山东服务业数字化创新发展与特色品牌工程的服务业企业",
            },
        ),
        example(
            "到2025年，推动247个项目全面开工。",
            {"text": "247个项目", "value": 247, "indicator": "全面开工的项目"},
            note="an adverb before the predicate goes with it",
        ),
        example(
            "到2025年，全县规上工业企业达到100家以上，其中新增20家。",
            {"text": "全县规上工业企业达到100家以上", "value": 100, "indicator": "规上工业企业"},
            {"text": "20家", "value": 20, "indicator": "新增规上工业企业"},
            note="其中新增N: a part of the previous target's set",
        ),
        example(
            "力争到2025年，全市高新技术企业数量突破1000家，较2020年翻一番。",
            {"text": "全市高新技术企业数量突破1000家", "value": 1000},
            {"text": "较2020年翻一番", "value": 1, "unit": "番", "indicator": "高新技术企业数量较2020年翻"},
            note="a baseline without subject continues the previous target's measure",
        ),
        example(
            "到2025年，高标准农田面积达到50万亩，占耕地面积的60%以上；核心产业增加值达到500亿元，占GDP比重达到10%。",
            {"text": "占耕地面积的60%以上", "value": 60, "comparator": ">=", "indicator": "高标准农田面积占耕地面积的"},
            {"text": "占GDP比重达到10%", "value": 10, "indicator": "核心产业增加值占GDP比重"},
            partial=True,
            note="a share without subject continues the previous target's measure",
        ),
        example("煤炭是我国的基础能源，占一次能源生产和消费的70%左右。", note="a share alone is no sign of a goal"),
        example(
            "到2025年，创建国家级、省级龙头企业各2家，市、县两级政务服务事项网上可办率均达到90%。",
            {"text": "国家级、省级龙头企业各2家", "value": 2, "indicator": "国家级龙头企业"},
            {"text": "省级龙头企业各2家", "value": 2, "indicator": "省级龙头企业"},
            {"text": "市、县两级政务服务事项网上可办率均达到90%", "indicator": "市级政务服务事项网上可办率"},
            {"text": "县两级政务服务事项网上可办率均达到90%", "indicator": "县级政务服务事项网上可办率"},
            note="各N: one target per item (as 均); a level alone takes the noun of the last item",
        ),
        example(
            "到2025年，力争建成并开通5G基站10万个，推动74项“跨省通办”事项全面落地，形成1000个以上的“数字标签”。",
            {"text": "5G基站10万个", "value": 10, "unit": "万个", "indicator": "5G基站"},
            {"text": "74项“跨省通办”事项", "value": 74, "indicator": "全面落地的跨省通办事项"},
            {"text": "1000个以上的“数字标签”", "value": 1000, "indicator": "数字标签"},
            note="并 joins two leading verbs; 落地 is a predicate; a quoted name after 的 is the noun",
        ),
        example("到2025年，基本实现20人以上的自然村4G网络覆盖。", note="a population bound names a class of villages"),
        example(
            "到2027年，新引育90名国家级、150名省级科技人才。",
            {"text": "90名国家级", "value": 90, "indicator": "国家级科技人才"},
            {"text": "150名省级科技人才", "value": 150, "indicator": "省级科技人才"},
            note="a level alone takes the next item's noun at its own level",
        ),
        example("到2025年，分类开展离散型制造、流程型制造等6个方面试点示范行动。", note="N个方面 frames the work"),
        example("评估工作应严格按照公示不低于7天进行，7天后批复确认。", note="a procedure's period, no goal"),
        example(
            "三是实现建档立卡贫困人口参合率达100%。",
            {"value": 100, "indicator": "建档立卡贫困人口参合率"},
            meta={"title": "2024年工作要点"},
            partial=True,
            note="一是/二是/三是 enumerate a paragraph's tasks: no part of the indicator",
        ),
        example(
            "到2027年，每年举办场景对接活动不少于2场、提供场景服务不少于50次，促进不少于10项新技术新产品首用首试。",
            {"text": "场景对接活动不少于2场", "recurring": "annual"},
            {"text": "提供场景服务不少于50次", "recurring": "annual"},
            {"text": "10项新技术新产品首用首试", "recurring": "annual"},
            note="a clause of its own act with the same floor verb repeats 每年 (a yearly quota)",
        ),
        example(
            "到2025年，每年新增高新技术企业不少于10家，总数不少于100家。",
            {"text": "新增高新技术企业不少于10家", "recurring": "annual"},
            {"text": "总数不少于100家", "recurring": None},
            note="a stock reached does not repeat 每年",
        ),
        example(
            "到2025年，新建高标准农田14.5万亩、改造13万亩。",
            {"text": "13万亩", "value": 13, "indicator": "改造高标准农田"},
            partial=True,
            note="a verb alone after 、 acts on the previous target's noun",
        ),
        example(
            "到2025年，开展培训不少于3000人次。",
            {"text": "开展培训不少于3000人次", "value": 3000, "unit": "人次", "indicator": "开展培训"},
            note="only verbs before the bound: the act is counted, the bound is no part of the indicator",
        ),
        example(
            "到2025年，智能巡检机器人的识别准确率达到98%，误报率低于1%；森林覆盖率达到45%，湿地保护率达到50%。",
            {"text": "误报率低于1%", "indicator": "智能巡检机器人误报率"},
            {"text": "湿地保护率达到50%", "indicator": "湿地保护率"},
            partial=True,
            note="a bare specification after a product's first one continues the product; other rates keep theirs",
        ),
        example(
            "到2025年，县域经济总量迈上300亿元台阶。",
            {"text": "县域经济总量迈上300亿元", "value": 300, "comparator": ">=", "indicator": "县域经济总量"},
            note="迈上N台阶: reaching a level is a floor; 台阶 is no noun counted",
        ),
        example(
            "到2025年，建成区绿地率达到38%，乡镇卫生院标准化建设达标率100%。",
            {"text": "建成区绿地率达到38%", "value": 38, "indicator": "建成区绿地率"},
            {"text": "乡镇卫生院标准化建设达标率100%", "value": 100, "indicator": "乡镇卫生院标准化建设达标率"},
            note="an action verb followed only by a rate's noun is part of a compound (建成区, 建设达标率)",
        ),
        example(
            "到2025年，力争实现营业收入超百亿元。",
            {"value": 100, "unit": "亿元", "comparator": ">", "indicator": "营业收入"},
            note="the leading verb 实现 stays out of the indicator",
        ),
        example(
            "到2025年，11个重点物流项目建成投运。",
            {"text": "11个重点物流项目", "value": 11, "indicator": "建成投运的重点物流项目"},
            note="a count in subject position: its predicate says which are counted, as after a pivot verb",
        ),
        example(
            "到2025年，2—3家标杆企业率先建成若干具有国际先进水平的智能单元和智能化车间。",
            {"text": "2—3家标杆企业", "value": 2, "value_max": 3, "indicator": "标杆企业"},
            note="若干 opens the predicate's object: the 的 inside it is the object's, 标杆企业 is counted",
        ),
        example(
            "到2025年，培育10家企业，实施项目100个。",
            {"text": "10家企业", "value": 10, "indicator": "企业"},
            {"text": "项目100个", "value": 100},
            note="培育 is no pivot verb: nothing is added to 企业",
        ),
        example(
            "到2025年，为不少于1万名城市五类老年人提供居家养老服务。",
            {"text": "1万名城市五类老年人", "value": 1, "unit": "万名", "indicator": "城市五类老年人"},
            note="为 the preposition of a beneficiary, not the copula (比例调整为30%): number-first",
        ),
        example("到2025年，按本细则第十二条第3、81项规定提供相关材料。", note="第3、81项: ordinals of a citation"),
        example(
            "到2025年，重点开展电子证照、药品追溯、药品品种档案、医疗器械编码数据库和化妆品监管5个方面20个信息化标准的编制。",
            {"text": "20个信息化标准的编制", "value": 20},
            note="5个方面 restates the list before it, its last item joined by 和; the 20 standards are the goal",
        ),
        example(
            "到2025年，平台实现三项基本功能：统一门户管理，实现单点登录；统一用户管理；统一权限管理。",
            note="a count whose noun opens the ；-list after its colon restates that list",
        ),
        example(
            "立足现有产业基础，到2025年，全市规模以上工业企业达到800家。",
            {"text": "全市规模以上工业企业达到800家", "value": 800, "indicator": "规模以上工业企业"},
            note="a premise opening the sentence (立足/结合/根据…) names the present as the goal's basis",
        ),
        example(
            "结合目前每年5000万千瓦的制造能力，综合考虑配套条件，每年新开工电站规模应控制在6000万千瓦左右。",
            {"value": 6000, "unit": "万千瓦", "comparator": "~"},
            note="the present inside the premise is no target; the goal after it is",
        ),
        example("目前全市已有企业800家。", note="a statement of the present outside any premise"),
        example(
            "到2005年，开工规模按6500万千瓦安排。",
            {"text": "规模按6500万千瓦", "value": 6500, "unit": "万千瓦", "deadline_year": 2005},
            note="按N安排: the figure a plan arranges for the subject before 按",
        ),
        example(
            "经发展改革委汇总统计各地清理上报情况，违规开工项目总计达1.25亿千瓦。",
            note="经…统计: a finding reports the present, no goal",
        ),
        example(
            "申请时提供每车不低于五百万元人民币的交通事故责任保险凭证。",
            note="a requirement's threshold (money written 万元人民币), an amount only",
        ),
        example(
            "到2025年，服务业对经济增长的贡献显著增强，达到60%以上。",
            {"text": "达到60%以上", "value": 60, "unit": "%", "indicator": "服务业对经济增长的贡献"},
            note="a subject-less comparison continues the subject of the clause before it (话题链)",
        ),
        example(
            "一、主要目标\n到2026年，全市产业总体水平处于全国前列。\n——创新能力。打造5个以上公共服务平台。\n"
            "——技术体系。算力总规模达到12EFLOPS。\n",
            {"text": "5个以上公共服务平台", "value": 5, "deadline_year": 2026},
            {"text": "算力总规模达到12EFLOPS", "value": 12, "unit": "EFLOPS", "deadline_year": 2026},
            note="dash items take the year of the paragraph that leads the list (CONVENTIONS)",
        ),
        example(
            "序号\t重点任务\t目标\t牵头单位\t完成时限\n2\t培育企业\t高新技术企业达到500家\t市工信局\t2024年\n",
            {"text": "高新技术企业达到500家", "value": 500, "indicator": "高新技术企业"},
            note="a task table's cell is a sentence: the completion-time cell (2024年) is no past year",
        ),
        example(
            "一、主要目标\n3\t新增规上工业企业\t100家\t市工信局\n",
            {"text": "100家", "value": 100, "unit": "家", "indicator": "新增规上工业企业"},
            note="a value cell: the span stays in its cell, the item cell before it is the indicator",
        ),
        example(
            "一、主要目标\n3\t规上工业企业\t新增100家\t市工信局\n",
            {"text": "100家", "value": 100, "unit": "家", "indicator": "新增规上工业企业"},
            note="新增 in the value cell stays part of the item's indicator",
        ),
    ),
)
ELIDED = Rule(
    "elided_money",
    P.ELIDED_PATTERN,
    _judged,
    examples=(
        example("力争到2025年，全省集成电路产业规模过千亿。", {"value": 1000, "unit": "亿元", "comparator": ">"}),
        example("到2025年，用户数量达到1亿。", note="元 is elided only where the clause measures money"),
        example(
            "按照产业链发展的要求，形成若干个规模超百亿的创新型传感器及智能化仪器仪表产业集群。",
            {
                "text": "百亿的创新型传感器及智能化仪器仪表产业集群",
                "value": 100,
                "unit": "亿元",
                "comparator": ">",
                "indicator": "创新型传感器及智能化仪器仪表产业集群",
            },
            note="a money class written as a scale word that a goal builds (形成): a target, the class built its "
            "indicator (the lead's decision, as 打造千亿级的…基地); realdev6t 0044",
        ),
        example("对年产值超百亿的企业给予奖励。", note="the class a rule selects, no build verb: no target"),
    ),
)
PERCENT = Rule(
    "percent_cn",
    P.PERCENT_PATTERN,
    _judged,
    examples=(example("到2025年，乡村覆盖率达到百分之六十。", {"value": 60, "unit": "%", "comparator": ">="}),),
)
BARE = Rule(
    "bare_number",
    P.BARE_PATTERN,
    _judged,
    examples=(
        example(
            "每年实施山东省技术创新项目800左右。",
            {"text": "山东省技术创新项目800左右", "value": 800, "unit": None, "comparator": "~"},
        ),
    ),
)
INDEX = Rule(
    "bound_index",
    P.INDEX_PATTERN,
    _judged,
    examples=(example("到2025年，新建数据中心PUE不高于1.25。", {"value": 1.25, "unit": None, "comparator": "<="}),),
)
WAN = Rule(
    "wan_alone",
    P.WAN_PATTERN,
    _judged,
    examples=(
        example(
            "到2025年，信息领域科技型企业群体达到万家以上。",
            {"text": "信息领域科技型企业群体达到万家以上", "value": 1, "unit": "万家", "comparator": ">="},
        ),
        example(
            "力争到2022年底，每年完成万项技改。",
            {"text": "万项技改", "value": 1, "unit": "万项", "comparator": "=", "recurring": "annual"},
        ),
        example(
            "到2025年，让数字服务走进千家万户。", note="万 alone only right after a goal's verb: 千家万户 is an idiom"
        ),
    ),
)
RANK = Rule(
    "rank",
    P.RANK_PATTERN,
    _ranked,
    examples=(
        example(
            "到2023年，服务器产销量稳居全球前三。",
            {"indicator": "服务器产销量全球排名", "value": 3, "unit": None, "comparator": "<="},
        ),
        example("2020年，全市经济总量居全国前十。", note="a rank of the past"),
        example(
            "到2026年，网络零售规模保持全球第一，跨境电商增速快于货物贸易增速。",
            {"text": "网络零售规模保持全球第一", "indicator": "网络零售规模全球排名", "value": 1, "comparator": "="},
            note="an ordinal rank held (realblind8 0047): one rank, comparator =",
        ),
        example("到2025年，认定第一批示范企业，落实第二条规定。", note="an ordinal naming a batch or an article"),
    ),
)
# every match starts with a numeral or 前/第 (a rank) and holds a numeral before its clause ends
_FIRST_CHARS = r"[\d一二两三四五六七八九十百千万亿前第]"
_REQUIRED = r"\d一二两三四五六七八九十百千万亿"
# (the guards pass at nearly every numeral: the plain scan is faster than a positions lookup first)
RULES = RuleSet([SCALE, COUNT, ELIDED, PERCENT, BARE, INDEX, WAN, RANK], _FIRST_CHARS, _REQUIRED, by_positions=False)
# ... but a quantity never starts right after a digit, a Latin letter, 第 or 前 (P.NOT_INSIDE_CLASS;
# the rank, 前…, has no such guard), and its numeral is followed by a unit, a multiplier, a range …
# (a year 2025年, 一批, 一流 are not): about a third of the numerals are left to try
_SCAN = StartScan(
    RULES.pattern,
    StartPositions(
        _FIRST_CHARS,
        P.NOT_INSIDE_CLASS,
        "[前第]",
        lone_class="[一二两三四五六七八九十百千]",
        numeral_class=P.CN_NUMERAL_CLASS,
        scale_class="[万亿]",
        follows={
            "digits": f"(?:{P.UNIT_FIRST_GUARD}|{P.AFTER_DIGITS_CLASS})",
            "numeral": f"(?:{P.UNIT_FIRST_GUARD}|{P.AFTER_CN_NUMERAL_CLASS})",
            "scale": P.AFTER_SCALE_MULT_CLASS,
        },
    ),
)


def find(ctx: ExtractContext) -> list[Found]:
    """Every quantity and rank in the text (judged in context by ``write``)."""
    if not P.HAS_NUMERAL.search(ctx.text):
        return []
    by_name = RULES.by_name
    return [Found(by_name[m.lastgroup], m) for m in _SCAN.finditer(ctx.text)]  # every match is one rule's group


def write(ctx: ExtractContext, found: list[Found]) -> list[dict[str, Any]]:
    """Indicator tables first (read by column), then each match in text order through the scan."""
    if not P.HAS_NUMERAL.search(ctx.text):
        return []  # no numeral: no quantity, no indicator table
    scan = _Scan(_DocIndex(ctx))
    scan.read_tables(ctx)
    rows = scan.rows
    for f in found:
        rows.extend(RuleSet.produce(f, scan))
    if len(rows) > 1:
        rows.sort(key=lambda r: r["norm_start"])
    return rows


def extract(ctx: ExtractContext) -> list[dict[str, Any]]:
    """find, then write: the targets of one document."""
    return write(ctx, find(ctx))


EXTRACTOR = Extractor(
    name="targets",
    table="targets",
    columns=COLUMNS,
    find=find,
    write=write,
    requires=("deadlines",),
    rules=RULES,
)
