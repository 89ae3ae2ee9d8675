"""Patterns re-spelled for speed find exactly what their plain spelling finds.

The core path must stay fast (README Performance; docs/performance-log.md), and the extractors' patterns are
spelled for the stdlib engine: a pattern that starts with a literal or a character
class lets a search skip ahead to a candidate, one that starts with a look-behind is
tried at every position; a long alternation of words is tried word by word.  Each
re-spelling here is compared with the plain one it replaced, on the bundled and devset
documents (whole texts, and windows the extractors search: sentences, the few
characters before a number) and on random mixes of the characters the patterns read.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import responsible_units, target_clauses, target_parts, targets
from extractors import target_patterns as P

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests/fixtures/devset/docs").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8", errors="replace") for p in DOCUMENTS]

# The spellings before the speed-up (git history: main 766cccf).
PLAIN = {
    "CN_YEAR": r"(?<![〇零一二三四五六七八九十])([一二三四五六七八九][〇零一二三四五六七八九]{3})年(?!底?前|以前|之前|起|内|以来)",
    "BARE_YEAR": r"(?<![到至比较与\d\-—～~])((?:19|20)\d{2})年"
    r"(?!底?前|以前|之前|起|内|以来|后|基础上|的基础上|水平|[-—～~）)])",
    "OPENING_YEAR": r"(?=(?:19|20)\d\d年)(?<![^。；！？，;,!?\n])((?:19|20)\d{2})年"
    r"(?![ \u3000]*(?:是|为|以来|以前|以后|前|后|起|度|底|末|初|内|的|全年|上半年|下半年|第|和|与|及|、|至|到|"
    r"[-－—–~～〜]|（|\(|\d|[一二三四五六七八九十]月))",
    "DEFINITION": r"是指|系指|指的是|本办法所称|本细则所称|本规定所称|本措施所称|所称的|[=＝][ \u3000]*[（(]|[×x][ \u3000]*100[%％]",
    "GOALS_SENTENCE": r"(?:主要)?预期目标(?:是|为|：|:)|主要目标(?:是|为)",
    "CONNECTOR": r"等|以及|及|和|与|[ \u3000]+",
    # (main 8a04b73: 现在's guard before it, so no literal opening)
    "PRESENT": r"已经|已有|已达|已建|已形成|已累计|现有|目前(?:(?<!项目前)|(?![期景置]))|当前|同比|比上年|较上年|上年"
    r"|去年|今年以来|共有|多达"  # (BL24: 目前 not in 项目前期)
    r"|已[^，,；;。、\n]{0,12}?(?:达到|达(?!标)|超过|突破|拥有)"
    r"|[还仍尚]有(?=百分之|\d|[零〇两三四五六七八九十百千]|一(?![批些]))"  # (lead, 12-03)
    r"|(?<![\d个家项座处条户名])已(?:批准|完成|实现|开工|投产|投运|竣工|关停|淘汰|下达|签约|开通|获批|新增)"
    r"(?![^，,；;。\n]{0,6}的)"
    r"|(?<![\u4e00-\u9fff])现在(?=[\u4e00-\u9fff])|以来[，,]"
    r"|过去(?:的)?(?:[一二两三四五六七八九十几\d]+)年(?:来|里|中|间)?[，,]|(?<=[一二两三四五六七八九十几多\d近])年来[，,]",
    "NORM_STATEMENT": r"(?<!目)(?:标准|门槛)(?:为|是)",
}
CHARS = list(
    "2019202520三〇二一九七四年月底前内以来起是为的和至到主要预期目标：:-—~，。；！？,;!?\n 　（(=＝×x指是系所称本办法100%％"
    "达到超过不低于以及与和等 　控制在为占每周百亩万亿元个家项均都分别实现要将力争争取确保新增培育建设推进和与及、KkK"
    "现在体已有达标上年以来标准门槛目项前期"
)


def _spans(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> list:
    endpos = len(text) if endpos is None else endpos
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]


def _sentences(text: str) -> list[tuple[int, int]]:
    ends = [m.start() for m in re.finditer("[。！？!?\n\t]", text)]
    starts = [0, *(e + 1 for e in ends)]
    return list(zip(starts, [*ends, len(text)]))


def _same_scans(text: str) -> None:
    for name, plain in PLAIN.items():
        fast, slow = (
            getattr(next(m for m in (P, target_parts, target_clauses, responsible_units) if hasattr(m, name)), name),
            re.compile(plain),
        )
        assert _spans(fast, text) == _spans(slow, text), name
        for a, b in _sentences(text):
            assert _spans(fast, text, a, b) == _spans(slow, text, a, b), (name, text[a:b])


def _same_comparators(text: str) -> None:
    for end in range(len(text) + 1):
        for width in (P.MAX_VERB_LEN, P.MAX_VERB_LEN + P.PER_RATE_WIDTH + 2):
            lo = max(0, end - width)
            slow = P.CMP_BEFORE.search(text, lo, end)
            fast = P.comparator_before(text, lo, end)
            assert (fast and (fast.span(), fast.lastgroup)) == (slow and (slow.span(), slow.lastgroup)), text[lo:end]


def _same_trailing_words(text: str) -> None:
    for a, b in _sentences(text):
        for cut in range(a, b + 1, 3):
            s = text[a:cut].strip()
            assert P.strip_trailing_words(s) == P.INDICATOR_TRAILING.sub("", s), s


def _unguarded_alternations() -> tuple[re.Pattern, re.Pattern]:
    """The targets scan and the action-verb chain without the first-character guards."""
    units = P._first_char_guard(P.MEASURE_UNITS, any_case=True)
    verbs = P._first_char_guard(P.ACTION_VERBS)
    assert units in targets.RULES.pattern.pattern and verbs in P._LEADING_CHAIN.pattern
    return (
        re.compile(targets.RULES.pattern.pattern.replace(units, "")),
        re.compile(P._LEADING_CHAIN.pattern.replace(verbs, "")),
    )


def _same_alternations(text: str) -> None:
    scan, chain = _unguarded_alternations()
    assert _spans(targets.RULES.pattern, text) == _spans(scan, text)
    for pos in range(len(text)):
        fast, slow = P._LEADING_CHAIN.match(text, pos), chain.match(text, pos)
        assert (fast and fast.span()) == (slow and slow.span())


def test_documents_are_read():
    assert len(TEXTS) >= 5
    assert sum(len(_spans(P.BARE_YEAR, t)) for t in TEXTS) > 10  # the documents do exercise the patterns
    assert sum(P.comparator_before(t, max(0, m.start() - 6), m.start()) is not None for t in TEXTS for m in
               re.finditer(r"\d+", t)) > 10  # fmt: skip


def test_year_and_definition_scans_on_documents():
    for text in TEXTS:
        _same_scans(text)


def test_comparator_search_on_documents():
    for text in TEXTS:
        _same_comparators(text[:20000])


def test_trailing_words_on_documents():
    for text in TEXTS:
        _same_trailing_words(text)


def test_guarded_alternations_on_documents():
    for text in TEXTS:
        _same_alternations(text)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from(CHARS), max_size=40))
def test_every_re_spelling_on_character_mixes(text):
    _same_scans(text)
    _same_comparators(text)
    _same_trailing_words(text)
    _same_alternations(text)


def test_unit_guard_keeps_the_kelvin_sign():
    """(?i:) units match K as the Kelvin sign too; the guard before them must let it through."""
    units = P._first_char_guard(["kW", "个"], any_case=True)
    assert re.match(units, "\u212aW") and re.match(units, "KW") and re.match(units, "个")
    assert not re.match(units, "吨")


HEADER_PIECES = [
    "指标",
    "指标名称",
    "2025",
    "2020年",
    "19",
    "单位",
    " ",
    "\u3000",
    "\t",
    "|",
    "\n",
    "目标值",
    "（%）",
    "52",
]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(HEADER_PIECES), max_size=30))
def test_spaced_table_headers_only_on_lines_with_the_word(pieces):
    from extractors import target_tables

    raw = "".join(pieces)
    expected = [m.span() for m in target_tables._SPACED_HEADER.finditer(raw)]
    assert [m.span() for m in target_tables._spaced_headers(raw)] == expected


def test_role_rule_word_tests_cover_every_statement():
    """Each statement the role rules read names 牵头 and a first place (the word tests before the searches)."""
    from extractors import responsible_units as R

    for statement in ("列第一位者为牵头单位", "排在第一位的为牵头单位", "牵头单位列第一位", "牵头单位排在最前",
                      "第一个逗号前为牵头单位", "首个分号前的单位为牵头", "首位为牵头"):  # fmt: skip
        hit = R.FIRST_IS_LEAD.search(statement) or R.FIRST_GROUP_IS_LEAD.search(statement)
        assert hit is not None, statement
        group = R.FIRST_GROUP_IS_LEAD.search(statement) is not None
        assert R._may_state(statement, ("第一个", "首个") if group else ("第一", "首位", "最前"))
