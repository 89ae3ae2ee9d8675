"""The targets' speed-ups find exactly what their plain forms find.

1. ``targets._SCAN`` (extractors/target_scan.py) tries the rule alternation only at the
   positions a match can start at (by the character before and what follows the numeral); it
   must find what ``RULES.pattern.finditer`` finds, on the bundled, devset and realdev
   documents, the rules' examples and random mixes of the fragments the patterns read (astral
   characters, lone surrogates and full-width digits among them).
2. ``_DocIndex.in_deadline_span`` (one bisect) answers what a pass over every deadline span did.
3. ``qualifier`` reads the qualifier group of the rule that matched, not all six in turn;
   ``is_size_unit`` remembers its answers; ``deadline_year`` and ``in_goal_section`` remember
   theirs per section: each answers what its plain form answers.
4. Whole-text scans found by ``str.find`` (opening years at each 年, condition intros at each
   以下/下列/如下) and the word prechecks before REVIEW_TITLE and _ENUMERATION_END find what the
   patterns find; so do the prechecks before PLAN_TITLE and RULE_BEFORE (a plan word, RULE_BEFORE's last characters).
5. The look-aheads that let SCALE, ELIDED and BARE fail at once keep every match of the rules
   (at every position, not only finditer's).
6. A sentence's past years, matched where they would end at each of its 年, rule it out exactly
   when the three scans of the sentence did.
7. A count's numeral parses as before (spaces and % removed only where present, Chinese
   numerals told by their first character, their values remembered).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import deadlines, target_clauses, target_parts, targets
from extractors import target_patterns as P
from extractors.char_positions import code_points
from pipeline.core.document import RawDocument
from pipeline.core.numerals import parse_range
from pipeline.process import structure

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = (
    sorted((ROOT / "corpus").glob("*.txt"))
    + sorted((ROOT / "tests/fixtures/devset/docs").glob("*.txt"))
    + sorted((ROOT / "tests/fixtures/devset2/docs").glob("*.txt"))
    + sorted((ROOT / "tests/fixtures/realdev/docs").glob("*.txt"))
)
FRAGMENTS = [
    *"0123456789",
    "2025",
    "1,000",
    "3.5",
    *"一二两三四五六七八九十百千万亿〇零",
    "第",
    "前",
    "前三",
    "前10",
    "PUE",
    "5G",
    "P2P",
    "a",
    "Z",
    ".",
    ",",
    "，",
    "。",
    "\n",
    "\t",
    " ",
    "家",
    "个",
    "%",
    "亿元",
    "万元",
    "百亿级",
    "百分之",
    "左右",
    "以上",
    "达到",
    "不高于",
    "稳居全国",
    "年",
    "元",
    "千瓦",
    "瓦",
    "级",
    "亿级",
    "万亿级",
    "批",
    "流",
    "代",
    "余",
    "多",
    "分",
    "点",
    "个百分点",
    "Mbps",
    "G",
    "k",
    "\u212a",  # the Kelvin sign: K in any letter case
    "-",
    "～",
    "至",
    "到",
    "三至四个",
    "两三",
    "数",
    "几",
    "以内",
    "、",
    "）",
    "人员",  # TG13: a count of people with 万 and no measure word (12万城镇…人员), its modifier and 的
    "城镇",
    "农村劳动力",
    "的",
    "类",
    "\uff11",  # a full-width digit: \d
    "\u0663",  # an Arabic-Indic digit: \d
    "\U00020000",
    "\ud800",
]


def _plain(text: str) -> list:
    return [(m.span(), m.groups(), m.lastgroup) for m in targets.RULES.pattern.finditer(text)]


def _scanned(text: str) -> list:
    return [(m.span(), m.groups(), m.lastgroup) for m in targets._SCAN.finditer(text)]


def test_scan_finds_what_the_pattern_finds_on_documents():
    assert len(DOCUMENTS) > 10
    found = 0
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = _plain(text)
        found += len(expected)
        assert _scanned(text) == expected, path.name
        candidates = set(targets._SCAN.starts.positions(code_points(text)))
        match = targets.RULES.pattern.match
        assert all(pos in candidates for pos in range(len(text)) if match(text, pos)), path.name
    assert found > 1000  # the comparison is not an empty one


def test_scan_finds_what_the_pattern_finds_on_examples():
    for rule in targets.RULES.rules:
        for ex in rule.examples:
            assert _scanned(ex.text) == _plain(ex.text), ex.text


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_scan_finds_what_the_pattern_finds_on_fragment_mixes(pieces):
    text = "".join(pieces)
    assert _scanned(text) == _plain(text)


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_every_position_a_rule_matches_at_is_a_candidate(pieces):
    """Stronger than the same scan: every position where the alternation matches (not only the
    starts finditer reaches after skipping earlier matches) is among the candidates."""
    text = "".join(pieces)
    candidates = set(targets._SCAN.starts.positions(code_points(text)))
    for pos in range(len(text)):
        if targets.RULES.pattern.match(text, pos) is not None:
            assert pos in candidates, (text, pos)


def _context():
    doc = RawDocument(
        "t", "t.txt", "-", "规模以上企业达到800家，培育3个世界级集群。\n" * 4, "utf-8", "text/plain", None
    )
    return structure(doc)


CONTEXT = _context()


@settings(max_examples=300, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=12),
    pos=st.integers(0, 90),
)
def test_in_deadline_span_is_a_pass_over_every_span(spans, pos):
    rows = [{"norm_start": a, "norm_end": a + n, "kind": "within"} for a, n in spans]
    index = targets._DocIndex(replace(CONTEXT, results={"deadlines": rows}))
    plain = any(r["norm_start"] <= pos < r["norm_end"] for r in rows)
    assert index.in_deadline_span(pos) == plain


def _plain_qualifier(m) -> str | None:
    for group in P.QUAL_GROUPS:
        if m.group(group):
            return m.group(group)
    return None


def test_each_rule_names_its_qualifier_group():
    quantity_rules = [r for r in targets.RULES.rules if r.name != "rank"]
    assert sorted(P.RULE_QUAL_GROUP) == sorted(r.name for r in quantity_rules)
    for rule in quantity_rules:
        assert f"(?P<{P.RULE_QUAL_GROUP[rule.name]}>" in rule.pattern, rule.name


def test_qualifier_by_rule_is_the_first_qualifier_group_set():
    seen = set()
    for path in DOCUMENTS:
        for m in targets.RULES.pattern.finditer(path.read_text(encoding="utf-8", errors="replace")):
            if m.lastgroup != "rank":
                assert P.qualifier(m) == _plain_qualifier(m), m.group(0)
                seen.add(P.qualifier(m))
    assert {"以上", "左右", None} <= seen  # qualified and bare quantities both compared


def test_size_unit_cache_answers_what_the_plain_test_does():
    units = [*P.MEASURE_UNITS, *(mult + u for mult in ("万", "亿", "千万") for u in P.MEASURE_UNITS), "万亩", "亿元"]
    for unit in units * 2:  # the second round reads the cache
        assert P.is_size_unit(unit) == (P.base_unit(unit) in P.SIZE_UNITS), unit
    assert P.is_size_unit("万亩") and not P.is_size_unit("家") and not P.is_size_unit(None)
    # a size per time is a size (a plant's capacity, a flow): 30万吨/年的煤矿 is a class of mines
    assert P.is_size_unit("万吨/年") and P.is_size_unit("立方米每秒") and P.is_size_unit("万m³/小时")


def _structured(path: Path):
    text = path.read_text(encoding="utf-8", errors="replace")
    ctx = structure(RawDocument(path.name, path.name, "-", text, "utf-8", "text/plain", None))
    return replace(ctx, results={"deadlines": deadlines.EXTRACTOR.extract(ctx)})


def test_section_caches_answer_what_a_fresh_index_does():
    """deadline_year and in_goal_section remember their answer per section: the same answer as
    an index that computes it at that position alone."""
    compared = with_year = 0
    for path in DOCUMENTS[:12]:
        ctx = _structured(path)
        shared = targets._DocIndex(ctx)
        for f in targets.find(ctx):
            pos = f.match.start()
            fresh = targets._DocIndex(ctx)
            assert shared.deadline_year(pos) == fresh.deadline_year(pos), (path.name, pos)
            assert shared.in_goal_section(pos) == targets._DocIndex(ctx).in_goal_section(pos), (path.name, pos)
            compared += 1
            with_year += shared.deadline_year(pos) is not None
    assert compared > 300 and with_year > 50


# ------------------------------------------------------------------ whole-text scans found by str.find
WHOLE_TEXT_FRAGMENTS = [
    *"0123456789",
    "19",
    "20",
    "2024",
    "年",
    "，",
    "。",
    "\n",
    "是",
    "以来",
    "符合",
    "具备",
    "满足",
    "具有",
    "以下",
    "下列",
    "如下",
    "条件",
    "情形",
    "要求",
    "之一的",
    "：",
    ":",
    "家庭",
    "\u0663",
]


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def test_whole_text_scans_on_documents():
    years = intros = 0
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = _spans(P.OPENING_YEAR.finditer(text))
        assert _spans(P.opening_years(text)) == expected, path.name
        years += len(expected)
        expected = _spans(P.CONDITION_INTRO.finditer(text))
        assert _spans(P._condition_intros(text)) == expected, path.name
        intros += len(expected)
    assert years > 3 and intros > 0  # (realdev holds four condition lists)


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(WHOLE_TEXT_FRAGMENTS), max_size=40))
def test_whole_text_scans_on_fragment_mixes(pieces):
    text = "".join(pieces)
    assert _spans(P.opening_years(text)) == _spans(P.OPENING_YEAR.finditer(text))
    assert _spans(P._condition_intros(text)) == _spans(P.CONDITION_INTRO.finditer(text))


TITLE_FRAGMENTS = [*"一二、（）", "2023年", "过去五年", "工作", "发展", "回顾", "现状", "基础", "情况", "基本", "现实"]
TITLE_FRAGMENTS += [
    "成效",
    "成就",
    "主要",
    "取得的",
    "和",
    "与",
    "面临的",
    "形势",
    "问题",
    "经验",
    "，",
    "“十三五”时期",
    "申报",
    "推荐",
    "限额",
    "名额",
    "数量",
]


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(TITLE_FRAGMENTS), max_size=8))
def test_review_title_precheck_is_the_pattern(pieces):
    title = "".join(pieces)
    assert target_parts.is_review_title(title) == (target_parts.REVIEW_TITLE.match(title) is not None)


PLAN_FRAGMENTS = [*"一二、（），—", *"2024年 2021 年度 今年 明年 今后五年 “十四五”时期 十四五 的 主要 数字山东".split()]
PLAN_FRAGMENTS += "工作 任务 目标 安排 重点 建议 思路 行动方案 行动计划 工作要点".split()


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(PLAN_FRAGMENTS), max_size=8))
def test_plan_title_precheck_is_the_pattern(pieces):
    title = "".join(pieces)
    assert target_parts.is_plan_title(title) == (target_parts.PLAN_TITLE.search(title) is not None)


RULE_BEFORE_FRAGMENTS = [*"满为共报请荐送名圆充饱限可数 \u3000\n，", *"名额 招生计划 总数 最多 申报 报送 年".split()]


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(RULE_BEFORE_FRAGMENTS), max_size=8))
def test_rule_before_ends_on_its_last_characters(pieces):
    """ClauseKinds.kind searches RULE_BEFORE only after one of _RULE_BEFORE_LAST: every match ends so."""
    text = "".join(pieces)
    for end in range(len(text) + 1):
        if target_clauses.RULE_BEFORE.search(text, 0, end):
            assert end > 0 and text[end - 1] in target_clauses._RULE_BEFORE_LAST


def _plain_enumeration_end(text: str, start: int, end: int) -> int | None:
    last = None
    for last in P._ENUMERATION_END.finditer(text, start, end):
        pass
    return last.end() if last else None


@settings(max_examples=800, deadline=None)
@given(
    pieces=st.lists(st.sampled_from([*"等一批更多若干企业个", "等一批", "等更多"]), max_size=16), cut=st.integers(0, 8)
)
def test_enumeration_end_precheck_is_the_scan(pieces, cut):
    text = "".join(pieces)
    for start in range(min(cut, len(text)) + 1):
        assert P.last_enumeration_end(text, start, len(text)) == _plain_enumeration_end(text, start, len(text))


# ------------------------------------------------------------------ rule guards
def _unguarded_rules() -> re.Pattern:
    body = targets.RULES.body
    for guard in (P.SCALE_GUARD, P.ELIDED_GUARD, P.BARE_GUARD):
        assert guard in body
        body = body.replace(guard, "")
    return re.compile(body)


UNGUARDED = _unguarded_rules()
GUARDED = re.compile(targets.RULES.body)


def _all_matches(pattern: re.Pattern, text: str) -> list:
    """The match at every position (not only finditer's): a guard must keep each one."""
    found = []
    for pos in range(len(text)):
        m = pattern.match(text, pos)
        found.append(m and (m.span(), m.groups(), m.lastgroup))
    return found


def test_rule_guards_keep_every_match_on_documents():
    for path in DOCUMENTS[:20]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert _all_matches(GUARDED, text) == _all_matches(UNGUARDED, text), path.name


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_rule_guards_keep_every_match_on_fragment_mixes(pieces):
    text = "".join(pieces)
    assert _all_matches(GUARDED, text) == _all_matches(UNGUARDED, text)


# ------------------------------------------------------------------ past years at each 年
def _plain_has_past_year(index, start: int, end: int) -> bool:
    """_DocIndex._has_past_year as it was written: three scans of the sentence (main 37eb625)."""
    text, doc_year = index.text, index.doc_year
    if doc_year is not None:
        for r in P.YEAR_RANGE.finditer(text, start, end):
            if int(r.group("end")) < doc_year:
                return True
        if "年" in text[start:end]:
            for m in P.CN_YEAR.finditer(text, start, end):
                if P.cn_year(m.group(1)) < doc_year:
                    return True
    for m in P.BARE_YEAR.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in zip(index.deadline_starts, index.deadline_ends)):
            continue
        year = int(m.group(1))
        if doc_year is not None:
            if year <= doc_year:
                return True
        elif index.first_by_year is None or year < index.first_by_year:
            return True
    return False


YEAR_FRAGMENTS = [
    "2019",
    "2023",
    "2025",
    "2030",
    "19",
    "20",
    *"0123456789",
    "年",
    "底",
    "前",
    "以来",
    "起",
    "内",
    "-",
    "—",
]
YEAR_FRAGMENTS += [
    "至",
    "到",
    "比",
    "较",
    "一九七九",
    "二〇二五",
    "〇",
    "十",
    "，",
    "。",
    "达到",
    "基础上",
    "）",
    "\u0663",
]


@settings(max_examples=1500, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(YEAR_FRAGMENTS), max_size=30),
    doc_year=st.one_of(st.none(), st.integers(2018, 2031)),
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=4),
    bounds=st.tuples(st.integers(0, 12), st.integers(0, 12)),
)
def test_past_year_at_each_nian_is_the_three_scans(pieces, doc_year, spans, bounds):
    text = "".join(pieces)
    doc = RawDocument("t", "t.txt", "-", text or "。", "utf-8", "text/plain", None)
    ctx = replace(
        CONTEXT,
        norm=replace(CONTEXT.norm, text=doc.raw_text),
        results={"deadlines": [{"norm_start": a, "norm_end": a + n, "kind": "within"} for a, n in spans]},
        meta=replace(CONTEXT.meta, issue_date=f"{doc_year}-06-01" if doc_year else None),
    )
    index = targets._DocIndex(ctx)
    assert index.doc_year == doc_year
    start, end = bounds[0], len(index.text) - bounds[1]
    assert index._has_past_year(start, end) == _plain_has_past_year(index, start, end)


def _plain_count_quantity(m):
    """_quantity's numeral-and-unit branch as it was written (main 37eb625), with NUM1's flag: a plain Chinese numeral
    is one without a range, 余/多 or a qualifier (三条; not 三至四个, 两三个, 百余家, 十家左右)."""
    number = P.SPACES.sub("", m.group("num")).replace("%", "")
    for inner in ("亿", "万"):  # BL12: 550万至600 (万千瓦), the multiplier written on both numbers is the unit's
        if inner in number:
            if inner != m.group("mult"):
                raise ValueError(number)
            number = number.replace(inner, "", 1)
            break
    low, high = parse_range(number)
    plain_chinese = (
        not P.HAS_DIGIT.search(number) and high is None and not m.group("approx") and not m.group("count_qual")
    )
    if m.group("unit") is None:  # TG13: a count of people written with 万 and no measure word (12万城镇…人员)
        return low, high, P.PEOPLE_COUNT_UNIT, plain_chinese
    return low, high, (m.group("mult") or "") + m.group("unit"), plain_chinese


def _either(fn, m):
    try:
        return fn(m)
    except ValueError:
        return None  # (_quantity's own answer to a numeral that does not parse)


@settings(max_examples=800, deadline=None)
@given(pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=30))
def test_count_quantity_is_the_plain_parse_on_fragment_mixes(pieces):
    for m in targets.RULES.pattern.finditer("".join(pieces)):
        if m.group("num") is not None:
            assert targets._quantity(m) == _either(_plain_count_quantity, m), m.group(0)


def test_count_quantity_is_the_plain_parse_on_documents():
    counted = chinese = 0
    for path in DOCUMENTS:
        for m in targets.RULES.pattern.finditer(path.read_text(encoding="utf-8", errors="replace")):
            if m.group("num") is not None:
                assert targets._quantity(m) == _either(_plain_count_quantity, m), m.group(0)
                counted += 1
                chinese += not m.group("num")[0].isdigit()
    assert counted > 1000 and chinese > 50
