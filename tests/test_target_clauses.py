"""The clause-kind decision (extractors/target_clauses.py): goal, rule or result for a figure in its sentence.

The end-to-end cases are in extractors/examples/targets.jsonl (notes `clause kind`); these pin the decision itself,
one shape of official documents per case, with the figure's position found in the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.target_clauses import (
    _NORMS,
    CHRONICLE_ENTRY,
    GOAL,
    RESULT,
    RULE,
    chronicle_entries,
    chronicle_parts,
    clause_kind,
)


def _kind(sentence: str, figure: str, goal_framed: bool = False) -> str:
    start = sentence.index(figure)
    clause_start = max(sentence.rfind(sep, 0, start) for sep in "，、；") + 1
    return clause_kind(sentence, 0, clause_start, start, start + len(figure), goal_framed)


@pytest.mark.parametrize(
    "sentence, figure, kind",
    [
        # a norm on a class: the modal governs every specification after it in the sentence
        ("新上光伏制造项目应满足单晶硅光伏电池转换效率不低于20%、多晶硅光伏电池转换效率不低于18%。", "18%", RULE),
        # a bound on a property of each member of a class of changed or new things
        ("规范资源整合，整合后矿井规模不低于30万吨/年，回采率不低于国家规定。", "30万吨", RULE),
        ("新建矿井规模原则上不低于60万吨/年。", "60万吨", RULE),
        # an applicant class: its thresholds run to the sentence's end
        ("申报企业年营业收入不低于2000万元，研发人员占比不低于10%。", "10%", RULE),
        # an obligation on private actors
        ("（四）企业应建立监测预警机制，并按照规定留存相关的网络日志不少于6个月。", "6个月", RULE),
        # a standard stated as such
        ("验收标准为合格率不低于95%。", "95%", RULE),
        # a goal counts the class; a norm bounds each member
        ("新建城市绿道不少于500公里。", "500公里", GOAL),
        ("申报企业数量不少于100家。", "100家", GOAL),
        # assignees a plan names are no class a norm binds
        ("重点企业应完成智能化改造100家以上。", "100家", GOAL),
        ("企业应用工业互联网平台达到100家。", "100家", GOAL),
        # a resolve frames the clause as a goal whatever its words
        ("力争新上光伏制造项目转换效率不低于25%。", "25%", GOAL),
        # a condition: a `的`-phrase closing its clause, a bound a consequence waits for
        ("机构在有效期内年均培训该职业数字技术人才少于200人次的，视为主动放弃。", "200人次", RULE),
        ("综合评分达到80分以上方可通过验收。", "80分以上", RULE),
        ("50%以上的园区创建生态工业园区。", "50%以上", GOAL),
        # a result: the figure right after what was done
        ("全省已发布12项智能制造地方标准。", "12项", RESULT),
    ],
)
def test_clause_kind(sentence: str, figure: str, kind: str) -> None:
    assert _kind(sentence, figure) == kind


def test_a_goal_frame_beats_a_norm_but_not_a_result() -> None:
    """A time frame, a goals part or a deadline in the sentence (``goal_framed``) makes a norm-shaped clause a
    goal (the plan sets it by then); a figure reported as done stays a result under any frame."""
    assert _kind("新上光伏制造项目应满足电池转换效率不低于25%。", "25%", goal_framed=True) == GOAL
    assert _kind("新上光伏制造项目应满足电池转换效率不低于25%。", "25%") == RULE
    assert _kind("全省已发布12项地方标准。", "12项", goal_framed=True) == RESULT


def test_a_norm_reaches_specification_clauses_not_tasks() -> None:
    """A norm of an earlier clause governs the specification clauses after it (a subject and its bound), not a clause
    an action verb opens (``acts``): that is a task of its own."""
    sentence = "建设项目应符合国土空间规划，建成标准厂房10万平方米。"
    start = sentence.index("10万")
    clause_start = sentence.index("建成")
    assert clause_kind(sentence, 0, clause_start, start, start + 5, False, acts=True) == GOAL
    assert clause_kind(sentence, 0, clause_start, start, start + 5, False, acts=False) == RULE
    spec = "新上光伏制造项目应满足电池转换效率不低于20%，多晶硅生产综合电耗不高于100千瓦时/千克。"
    start = spec.index("100")
    assert clause_kind(spec, 0, spec.index("多晶硅"), start, start + 6, False, acts=False) == RULE


def test_a_past_chronology_entry_narrates_results_unless_a_goal_frame_governs() -> None:
    """A figure under a chronology's past entry (``reported``) reports what was done; what the event set for a time
    frame (``goal_framed``) or with a resolve stays a goal."""
    sentence = "根据定性定量划分，全省列出深度贫困县14个、极度贫困乡镇20个。"
    start = sentence.index("14个")
    clause_start = sentence.index("全省")
    assert clause_kind(sentence, 0, clause_start, start, start + 3, False, reported=True) == RESULT
    assert clause_kind(sentence, 0, clause_start, start, start + 3, False) == GOAL
    assert clause_kind(sentence, 0, clause_start, start, start + 3, True, reported=True) == GOAL
    resolve = "会议要求，力争全省减少贫困人口100万人。"
    start = resolve.index("100万")
    assert clause_kind(resolve, 0, resolve.index("力争"), start, start + 4, False, reported=True) == GOAL


def _past_before(year: int):
    return lambda entry_year: entry_year < year


CHRONICLE = (
    "第二 我省的要求\n"
    "·2016年10月（成立工作指挥部）\n"
    "指挥长（省委常委）\n"
    "·2017年8月（全省推进大会）\n"
    "8月6日，大会在贵阳召开。全省列出深度贫困县14个。\n"
)


def test_chronicle_parts_run_from_each_past_entry_to_the_next() -> None:
    first, second = CHRONICLE.index("·2016"), CHRONICLE.index("·2017")
    assert chronicle_parts(CHRONICLE, _past_before(2018), []) == [(first, second), (second, len(CHRONICLE))]
    # a heading of a new part ends the narration
    heading = CHRONICLE.index("8月6日")
    assert chronicle_parts(CHRONICLE, _past_before(2018), [heading])[-1] == (second, heading)


@pytest.mark.parametrize(
    "text",
    [
        CHRONICLE.replace("·2017年8月（全省推进大会）\n", ""),  # one dated line is a caption, no chronology
        "2020年（已整治）\n河道\n2021年（已整治）\n水闸\n",  # a bare year in brackets: a table's column head
        "2024年3月—4月（动员部署阶段）\n召开动员会议\n2024年5月—10月（组织实施阶段）\n新建100个\n",  # a schedule
    ],
)
def test_no_chronology(text: str) -> None:
    assert chronicle_parts(text, _past_before(2030), []) == []


def test_entries_of_a_later_year_are_a_schedule() -> None:
    assert chronicle_parts(CHRONICLE, _past_before(2016), []) == []


# a line: bullet, year, month, day, range, blanks, the event in brackets, text after (each part may be missing)
ENTRY_LINE_PARTS = (
    ("", "·", " "),
    ("", "2016年", "1999年", "年", "2017"),
    ("", "10月", "8月", "1"),
    ("", "6日"),
    ("", "—4月", "至2018年2月"),
    ("", " ", "\u3000"),
    ("", "（成立指挥部）", "(大会)", "（动员部署阶段）", "（）"),
    ("", "召开", " "),
)
entry_lines = st.tuples(*(st.sampled_from(part) for part in ENTRY_LINE_PARTS)).map("".join)


@settings(max_examples=1500, deadline=None)
@given(lines=st.lists(entry_lines, max_size=6))
def test_chronicle_entries_are_the_patterns_matches(lines) -> None:
    """chronicle_entries tries CHRONICLE_ENTRY only at the lines holding a 年…月: the matches of its whole-text scan."""
    text = "\n".join(lines)
    plain = [m.span() for m in CHRONICLE_ENTRY.finditer(text)]
    assert [m.span() for m in chronicle_entries(text)] == plain


NORM_FRAGMENTS = [
    *"，。\n（1）、应须得不当必",
    *"企业 项目 新建 申报企业 原则上 应当 满足 不低于 不得 超过 标准为 目标 门槛 规模 率 条".split(),
]


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(NORM_FRAGMENTS), max_size=10))
def test_every_norm_holds_the_characters_its_search_needs(pieces) -> None:
    """ClauseKinds searches a norm only in a sentence holding one of the characters beside it in _NORMS."""
    text = "".join(pieces)
    for pattern, needed in _NORMS:
        for pos in range(len(text) + 1):
            if needed is not None and (m := pattern.search(text, pos)):
                assert needed.search(m.group()), (pattern.pattern, m.group())
