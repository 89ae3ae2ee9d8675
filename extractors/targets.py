"""Targets: quantified goals (GUIDE ``target``, SPEC ``targets``).

How a goal is found in one document's norm_text:

1. ``target_patterns.QUANTITY`` finds every numeral that carries a unit
   (家, 个, %, 亿元 ...), a money scale class (百亿级) or a bare numeral with
   以上/左右.
2. Each quantity is judged in its clause (text between ，；：。 and line ends)
   and its sentence (。！？ or line end).  Dropped: subsidy rules, statements
   of the present or past, budget commitments, start values (从百亿级向…),
   money that only qualifies a later count (营收过5500亿级…集群1个), numbers
   in brackets or cited titles.  What is left needs a goal context: a
   comparator verb before the number, a leading action verb (培育, 打造…), a
   governing deadline, 每年/年均, a 目标/指标 section, or a preceding target
   of the same sentence (list continuation).
3. Span and indicator come from the clause: indicator-first
   (规模以上企业达到800家) or number-first (培育3个世界级集群); items of a
   分别 or 均 list give one target each.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import pyarrow as pa

from extractors import target_patterns as P
from extractors.base import Extractor
from extractors.char_positions import code_points
from extractors.target_tables import spaced_table_targets, table_targets
from pipeline.core.document import ExtractContext, Section
from pipeline.core.numerals import CN_DIGITS, parse_number, parse_range

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
        self.clause_ends = P.CLAUSE_END_CHARS.positions(points)
        self.sentence_ends = P.SENTENCE_END_CHARS.positions(points)
        self.line_ends = P.LINE_END_CHARS.positions(points)
        deadlines = sorted(ctx.results.get("deadlines", []) + _opening_years(ctx), key=lambda r: r["norm_start"])
        self.by_deadlines = [r for r in deadlines if r.get("kind") == "by" and r.get("year") is not None]
        self.by_starts = [r["norm_start"] for r in self.by_deadlines]
        # spans of every deadline: a year inside one is a deadline, not a bare (past) year
        self.deadline_spans = [(r["norm_start"], r["norm_end"]) for r in deadlines]
        self.deadline_starts = [r["norm_start"] for r in deadlines]
        self.deadline_ends = [r["norm_end"] for r in deadlines]
        # 3年内 / 每年 / 从2024年起 bound a task: a quantity after one in its sentence is a goal
        self.bound_starts = [r["norm_start"] for r in deadlines if r.get("kind") in _BOUNDING_KINDS]
        self.doc_year = ctx.doc_year
        self.first_by_year = min((r["year"] for r in self.by_deadlines), default=None)
        self.sections = ctx.sections
        self.section_starts = [s.norm_start for s in ctx.sections]
        self.section_by_id = {s.section_id: s for s in ctx.sections}
        self._sentence_verdicts: dict[int, bool] = {}
        self._subsidy_starts: dict[int, int | None] = {}

    # ------------------------------------------------------------ boundaries
    @staticmethod
    def _around(ends: list[int], pos: int, length: int) -> tuple[int, int]:
        i = bisect.bisect_left(ends, pos)
        start = ends[i - 1] + 1 if i > 0 else 0
        end = ends[i] if i < len(ends) else length
        return start, end

    def clause(self, pos: int) -> tuple[int, int]:
        return self._around(self.clause_ends, pos, len(self.text))

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._around(self.sentence_ends, pos, len(self.text))

    def line(self, pos: int) -> tuple[int, int]:
        return self._around(self.line_ends, pos, len(self.text))

    # ------------------------------------------------------------ sentences
    def sentence_is_excluded(self, start: int, end: int) -> bool:
        """A subsidy rule or a statement of the present/past: no target in it."""
        verdict = self._sentence_verdicts.get(start)
        if verdict is None:
            text = self.text
            verdict = bool(P.PRESENT.search(text, start, end) or self._has_past_year(start, end))
            self._sentence_verdicts[start] = verdict
        return verdict

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
        grant = P.SUBSIDY.search(self.text, start, end)
        rule_start = None
        if grant is not None:
            rule_start, _ = self.clause(grant.start())
            while rule_start > start:
                before_start, before_end = self.clause(rule_start - 1)
                before_start = max(before_start, start)
                if not P.SUBSIDY_CONDITION.match(self.text, before_start, before_end):
                    break
                rule_start = before_start
        self._subsidy_starts[start] = rule_start
        return rule_start

    def in_deadline(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a deadline span (6个月内, 3天内 are deadlines, not targets)."""
        i = bisect.bisect_right(self.deadline_starts, pos) - 1
        return i >= 0 and pos < max(self.deadline_ends[max(0, i - 2) : i + 1])

    def bound_before(self, sent_start: int, pos: int) -> bool:
        """Whether a within/recurring/from deadline precedes ``pos`` in its sentence (三年内培养…5000名)."""
        i = bisect.bisect_left(self.bound_starts, pos) - 1
        return i >= 0 and self.bound_starts[i] >= sent_start

    def _has_past_year(self, start: int, end: int) -> bool:
        for m in P.BARE_YEAR.finditer(self.text, start, end):
            if any(a <= m.start() < b for a, b in self.deadline_spans):
                continue
            year = int(m.group(1))
            if self.doc_year is not None:
                if year <= self.doc_year:
                    return True
            elif self.first_by_year is None or year < self.first_by_year:
                return True
        return False

    # ------------------------------------------------------------ deadlines
    def deadline_year(self, pos: int) -> int | None:
        """Year of the 到YYYY年-style deadline before ``pos`` in its paragraph, else
        of one opening the paragraph of an enclosing section."""
        line_start, _ = self.line(pos)
        i = bisect.bisect_left(self.by_starts, pos) - 1
        if i >= 0 and self.by_starts[i] >= line_start:
            return int(self.by_deadlines[i]["year"])
        for section in self._section_chain(pos):
            opening = section.norm_end
            j = bisect.bisect_left(self.by_starts, opening)
            if j < len(self.by_starts) and self.by_starts[j] - opening <= P.OPENING_WINDOW:
                between = self.text[opening : self.by_starts[j]]
                if "\n" not in between.strip("\n") and not P.HAS_DIGIT.search(between):
                    return int(self.by_deadlines[j]["year"])
        return None

    def _section_chain(self, pos: int) -> list[Section]:
        i = bisect.bisect_right(self.section_starts, pos) - 1
        chain: list[Section] = []
        section = self.sections[i] if i >= 0 else None
        while section is not None and len(chain) < 8:
            chain.append(section)
            section = self.section_by_id.get(section.parent_id) if section.parent_id is not None else None
        return chain

    def in_goal_section(self, pos: int) -> bool:
        return any(P.GOAL_HEADING.search(s.heading or "") for s in self._section_chain(pos))


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
    for m in P.OPENING_YEAR.finditer(ctx.text):
        year = int(m.group(1))
        if year >= doc_year and m.start(1) not in taken:
            rows.append({"norm_start": m.start(1), "norm_end": m.end(), "kind": "by", "year": year})
    return rows


def _quantity(m: re.Match) -> tuple[float, float | None, str | None, bool] | None:
    """(value, value_max, unit, written in Chinese numerals) of a QUANTITY match."""
    try:
        if m.group("scale_mult"):
            number = m.group("scale_num")
            value = parse_number(number) if number else 1.0
            return value, None, m.group("scale_mult") + "元", False
        if m.group("pct"):
            return _chinese_decimal(m.group("pct")), None, "%", False
        if m.group("index"):
            return parse_number(m.group("index")), None, None, False
        if m.group("bare"):
            low, high = parse_range(P.SPACES.sub("", m.group("bare")))
            return low, high, None, False
        number = P.SPACES.sub("", m.group("num"))
        chinese = not P.HAS_DIGIT.search(number)
        low, high = (parse_number(number), None) if chinese else parse_range(number)
        return low, high, (m.group("mult") or "") + m.group("unit"), chinese
    except ValueError:
        return None


def _chinese_decimal(number: str) -> float:
    """百分之六点五 -> 6.5: the part after 点 reads digit by digit."""
    whole, _, decimals = number.partition("点")
    value = parse_number(whole)
    if decimals:
        value += float("0." + "".join(str(CN_DIGITS[c]) for c in decimals))
    return value


def _comparator(m: re.Match, verb: str | None) -> str:
    qualifier = m.group("qual")
    if qualifier:
        return P.QUALIFIER_COMPARATOR[qualifier]
    if m.group("approx"):
        return ">"
    if verb:
        return P.VERB_COMPARATOR.get(verb, "=")
    return "="


def _noun_phrase_end(text: str, start: int, limit: int) -> int:
    """End of the noun phrase after a number-first quantity (培育3个【世界级集群】).

    A later count after a 、 starts the next item of a list (引进2家…、1家…);
    money without one only qualifies this noun (3个超过5000亿元的产业集群).
    """
    stop = P.NP_STOP.search(text, start, limit)
    end = stop.start() if stop else limit
    predicate = P.NP_PREDICATE.search(text, start + 1, end)
    if predicate is not None and _DE not in text[predicate.end() : end]:
        end = predicate.start()  # 5万家规模以上工业企业|数字化转型 (but 2家实现…的企业 stays whole)
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


def _clean_indicator(s: str) -> str | None:
    s = P.INDICATOR_TRAILING.sub("", P.INDICATOR_STRIP.sub("", s).strip())
    s = P.INDICATOR_SCOPE.sub("", s) or s
    return s or None


class _ListItems:
    """The items of a 分别 list, handed out to its quantities in order."""

    def __init__(self, items: list[tuple[int, int]], verb: str | None):
        self.items = items
        self.verb = verb
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
            P.VERB_COORDINATION.match(text, found.end(), core_end) or P.inside_brackets(text, seg_start, found.start())
        ):
            action = found
    if action is None:
        return P.skip_fillers(text, seg_start, core_end), False
    return _keep_indicator_verb(text, action.end(), P.skip_fillers(text, action.end(), core_end)), True


def _keep_indicator_verb(text: str, verb_end: int, indicator_start: int) -> int:
    """Step back over a verb that belongs to the indicator (新增|上市企业 -> 新增上市企业)."""
    if indicator_start == verb_end:
        for verb in P.KEPT_VERBS:
            if text.startswith(verb, verb_end - len(verb)):
                return verb_end - len(verb)
    return indicator_start


def _with_shared_measure(items: list[tuple[int, int]], text: str) -> list[str | None]:
    """Indicators of 分别-list items; a measure written on the last item only is shared
    (新能源汽车、动力电池、光伏产业产值 -> 新能源汽车产值, 动力电池产值, 光伏产业产值)."""
    names = [_clean_indicator(text[a:b]) for a, b in items]
    measure = P.SHARED_MEASURE.search(names[-1] or "") if names else None
    if measure is None:
        return names
    return [n if n is None or P.SHARED_MEASURE.search(n) else n + measure.group(0) for n in names]


def _is_budget(text: str, sent_start: int, clause_start: int, start: int, clause_end: int) -> bool:
    """Money set aside (设立2亿元专项资金), unless its own clause makes it an outcome (带动社会资本投入…)."""
    if P.BUDGET.search(text, clause_start, clause_end):
        return True
    return bool(P.BUDGET.search(text, sent_start, clause_start)) and not P.GOAL_MONEY.search(text, clause_start, start)


def extract(ctx: ExtractContext) -> list[dict[str, Any]]:
    text = ctx.text
    if not P.HAS_NUMERAL.search(text):
        return []
    doc = _DocIndex(ctx)
    rows: list[dict[str, Any]] = []
    covered_until = -1  # end of the last number-first span: quantities inside it belong to it
    anchor = -1  # end of the last target: the next item of a list starts after it
    last_target_sentence = -1
    last_recurring: str | None = None
    last_indicator: str | None = None
    fenbie_lists: dict[int, _ListItems] = {}
    # rows of indicator tables (指标名称 | 2022年 | 2025年目标) are read by column, not by the scan below
    table_lines: list[tuple[int, int]] = []
    for row, line_start, line_end in (
        *table_targets(text, doc.doc_year),
        *spaced_table_targets(ctx.norm, doc.doc_year),
    ):
        if row["deadline_year"] is None:
            row["deadline_year"] = doc.deadline_year(row["norm_start"])
        rows.append(row)
        table_lines.append((line_start, line_end))
    table_starts = [a for a, _ in table_lines]

    for m in P.QUANTITY.finditer(text):
        start, end = m.start(), m.end()
        if start < covered_until:
            continue
        if table_lines:
            i = bisect.bisect_right(table_starts, start) - 1
            if i >= 0 and start < table_lines[i][1]:
                continue  # a cell of an indicator table: already read with its column
        # cheap sentence-level rejections (cached per sentence) before parsing the number
        sent_start, sent_end = doc.sentence(start)
        if doc.sentence_is_excluded(sent_start, sent_end):
            continue
        condition_end = doc.condition_end(sent_start, sent_end)
        if condition_end is not None and start < condition_end:
            continue  # 对年用电量500万千瓦时以上的企业，…: the condition of a rule
        rule_start = doc.subsidy_start(sent_start, sent_end)
        if rule_start is not None and start >= rule_start:
            continue  # inside a subsidy rule (its grant, caps and conditions)
        if P.inside_brackets(text, sent_start, start):
            continue
        quantity = _quantity(m)
        if quantity is None:
            continue
        value, value_max, unit, chinese = quantity
        if P.START_VALUE_BEFORE.search(text, max(0, start - 1), start) and P.START_VALUE_AFTER.match(text, end):
            continue  # 从百亿级向200亿级: the first is where the goal starts from
        clause_start, clause_end = doc.clause(start)
        if P.ALLOCATION.search(text, end, clause_end):
            continue
        is_money = unit is not None and unit.endswith("元")
        if is_money and P.RULE_PARAMETER.search(text, clause_start, start):
            continue  # 单次交易限值提高至5000元: a parameter of a rule, an amount only
        if is_money and (
            P.COUNT_LATER.match(text, end, clause_end) or _is_budget(text, sent_start, clause_start, start, clause_end)
        ):
            continue  # money qualifying a count (营收过5500亿级…集群1个), or a budget
        seg_start = P.skip_separators(text, anchor, start) if anchor >= clause_start else clause_start
        verb_match = P.CMP_BEFORE.search(text, max(seg_start, start - P.MAX_VERB_LEN - P.PER_RATE_WIDTH - 2), start)
        verb = (verb_match.group("verb") or verb_match.group("rate_verb")) if verb_match else None
        if condition_end is not None and (verb is None or is_money):
            continue  # 对…的企业，电价下降0.05元/千瓦时: what the rule grants, not a bound it sets
        core_end = verb_match.start() if verb_match else start
        if verb is None and (
            doc.in_deadline(start) or (unit in P.DURATION_UNITS and P.WITHIN_AFTER.match(text, m.end("unit")))
        ):
            continue  # 6个月内完成, 3天内反馈: a deadline (but 控制在3个月以内 is a goal)
        if chinese and not (m.group("cls") or verb):
            continue  # 三条产业链, 一次: small Chinese numerals are rarely goals
        if P.CONDITION_HEAD.match(text, seg_start) and P.NP_AFTER.match(text, end):
            continue  # 对年产值1亿元以上的企业…: a condition, not a goal
        if unit in P.MODIFIER_UNITS and verb is None:
            continue  # 3岁以下婴幼儿: an age describes who is counted, unless a verb sets it
        ind_start, has_action = _indicator_start(text, seg_start, core_end, compared=verb is not None)

        recurring = "annual" if P.RECURRING.search(text, clause_start, start) else None
        continues_list = last_target_sentence == sent_start
        if recurring is None and not (verb or has_action) and continues_list:
            recurring = last_recurring
        deadline_year = doc.deadline_year(start)
        if not (
            verb
            or has_action
            or recurring
            or deadline_year is not None
            or continues_list
            or doc.bound_before(sent_start, start)
            or doc.in_goal_section(start)
        ):
            continue
        comparator = _comparator(m, verb)
        if comparator == "=" and P.AT_LEAST_BEFORE.search(text, max(seg_start, start - 8), start):
            comparator = ">="

        # ---- span and indicator
        spans: list[tuple[int, int, str | None]] = []
        fenbie = text.rfind("分别", clause_start, start)
        if fenbie >= 0:
            items = fenbie_lists.get(fenbie)
            if items is None:
                first, _ = _indicator_start(text, clause_start, fenbie)
                shared = P.CMP_AFTER_FENBIE.match(text, fenbie)
                items = fenbie_lists[fenbie] = _ListItems(
                    P.split_items(text, first, fenbie), shared.group("verb") if shared else None
                )
            taken = items.taken
            item = items.next_item()
            if item is not None:
                spans.append((item[0], end, _with_shared_measure(items.items, text)[taken]))
                if verb is None and items.verb:
                    comparator = _comparator(m, items.verb)
        if not spans:
            cut = P.last_enumeration_end(text, ind_start, core_end)
            if cut is not None and cut < core_end:
                ind_start = cut  # …等一批【规模达到千亿级】
            no_np_after = P.NP_AFTER.match(text, end) is None
            # 规模突破8000亿元，年均增长20%以上: the subject is the previous target's
            elided_subject = (
                verb is not None
                and ind_start >= core_end
                and cut is None
                and P.CLAUSE_END_AFTER.match(text, end) is not None
            )
            number_first = not elided_subject and (
                cut == core_end or ind_start >= core_end or (verb is None and not no_np_after)
            )
            list_mark = P.LIST_SHARED.search(text, ind_start, start)
            items = P.split_items(text, ind_start, list_mark.start()) if list_mark else []
            if len(items) > 1:
                spans.extend((a, end, _clean_indicator(text[a:b])) for a, b in items)
            elif number_first:
                np_end = _noun_phrase_end(text, end, clause_end)
                noun = text[end:np_end]
                np_end = end + len(noun.rstrip())
                spans.append((start, np_end, P.head_noun(noun)))
                covered_until = max(covered_until, np_end)
            elif elided_subject:
                phrase_start = P.skip_separators(text, seg_start, core_end)
                predicate = P.SPACES.sub("", text[phrase_start : verb_match.end()])
                inherited = last_indicator if continues_list else None
                spans.append((phrase_start, end, (inherited or "") + predicate))
            else:
                spans.append((ind_start, end, _clean_indicator(text[ind_start:core_end])))

        base = {
            "value": value,
            "value_max": value_max,
            "unit": unit,
            "comparator": comparator,
            "deadline_year": deadline_year,
            "recurring": recurring,
        }
        for a, b, indicator in spans:
            rows.append({"norm_start": a, "norm_end": b, "indicator": indicator, **base})
        anchor = max(b for _, b, _ in spans)
        last_target_sentence = sent_start
        last_recurring = recurring
        last_indicator = spans[-1][2]
    if table_lines:
        rows.sort(key=lambda r: r["norm_start"])
    return rows


# Not yet split into rule records: find returns finished rows (the extraction work, issue 11, converts it).
EXTRACTOR = Extractor(name="targets", table="targets", columns=COLUMNS, find=extract, requires=("deadlines",))
