"""Section tree: gold headings of the seeds, the seeds' real mess, and
layouts of other provinces written to GB/T 9704 conventions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizers import normalize
from pipeline.structure.sections import build_sections, is_flat

ROOT = Path(__file__).resolve().parents[1]
from paths import GOLD as GOLD_DIR  # noqa: E402

GOLD_FILES = sorted(GOLD_DIR.glob("*.json")) if GOLD_DIR.is_dir() else []


def sections_of(raw: str):
    norm = normalize(raw)
    return norm, build_sections(norm)


def spans(raw: str) -> list[tuple[str, int, int]]:
    """(raw span text, level, number) of every section."""
    norm, sections = sections_of(raw)
    out = []
    for s in sections:
        a, b = norm.to_raw(s.norm_start, s.norm_end)
        out.append((raw[a:b], s.level, s.number))
    return out


def heading_prf(gold_path: Path) -> tuple[float, float, float]:
    """Strict heading scoring as in GUIDE: same raw start/end, level and number agree."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with open(ROOT / "corpus" / gold["doc"], encoding="utf-8", newline="") as f:
        raw = f.read()  # GUIDE: offsets are into the file decoded with no newline translation
    norm, sections = sections_of(raw)
    predicted = {norm.to_raw(s.norm_start, s.norm_end): (s.level, s.number) for s in sections}
    expected = {
        (g["start"], g["end"]): (g["attrs"]["level"], g["attrs"]["number"])
        for g in gold["spans"]
        if g["label"] == "heading"
    }
    correct = sum(1 for span, attrs in predicted.items() if expected.get(span) == attrs)
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_gold_heading_f1(gold_path):
    precision, recall, f1 = heading_prf(gold_path)
    assert f1 >= 0.95, (precision, recall, f1)


# ---------------------------------------------------------------- the seeds' mess


def test_heading_glued_after_closing_bracket():
    raw = (
        "二、重点任务\n（一）增强协同创新能力\n1.建设高水平创新载体。到2027年，企业达850家。"
        "（责任单位：市工业和信息化局、市科技局）（二）提升先进制造水平\n1.推动集群高端化提升。内容。\n"
    )
    got = spans(raw)
    assert ("（二）提升先进制造水平", 2, 2) in got
    assert [n for _, level, n in got if level == 3] == [1, 1]


def test_number_without_separator_continues_sequence():
    raw = (
        "五、保障措施\n\n18.加强人才队伍建设。内容。\n\n19加强组织领导。调整优化领导小组。\n\n20.加强督导考核。内容。\n"
    )
    assert spans(raw) == [
        ("五、保障措施", 1, 5),
        ("18.加强人才队伍建设", 3, 18),
        ("19加强组织领导", 3, 19),
        ("20.加强督导考核", 3, 20),
    ]


def test_skipped_number_still_a_heading():
    raw = "一、总体要求\n内容。\n二、发展目标\n内容。\n三、重点任务\n内容。\n五、保障措施\n内容。\n"
    assert [(level, n) for _, level, n in spans(raw)] == [(1, 1), (1, 2), (1, 3), (1, 5)]


@pytest.mark.parametrize(
    "line",
    [
        "1.5个百分点以上，研发投入持续增加。",
        "3.0版营商环境改革全面推进。",
        "第2条基础上进一步细化。",
        "2.5亿元用于技术改造。",
        "21年起每年安排资金。",
        "20家以上企业入选名单。",
    ],
)
def test_numbers_in_running_text_are_not_headings(line):
    # The line follows a PDF page break inside a paragraph.
    raw = f"一、重点任务\n（一）强化创新。\n1.完善创新网络。支持企业研发投入增长\n\n{line}\n"
    assert [t for t, _, _ in spans(raw)] == ["一、重点任务", "（一）强化创新", "1.完善创新网络"]


def test_item_whose_title_opens_with_a_year_is_a_heading_also_when_the_year_is_garbled():
    """GB/T 9704 items may open with their year (`3.2020年底前完成…`); a garbled year (`4.0402年…`, the source's
    scrambled digits) is still four digits before 年, never a decimal's fraction (`2.5亿元`)."""
    raw = "（二）重点任务\n1.2020年底前完成试点。\n2.建设平台。\n3．0400年底前建立平台。\n4.0402年启动试点活动。\n"
    assert spans(raw) == [
        ("（二）重点任务", 2, 2),
        ("1.2020年底前完成试点", 3, 1),
        ("2.建设平台", 3, 2),
        ("3．0400年底前建立平台", 3, 3),
        ("4.0402年启动试点活动", 3, 4),
    ]


def test_enumeration_inside_paragraph_is_not_a_heading():
    raw = "（一）优化结构。主要包括：（1）发展先进制造；（2）培育新兴产业。同时一、二产业融合。\n"
    assert spans(raw) == [("（一）优化结构", 2, 1)]


def test_marker_forms_and_word_bookmarks():
    raw = (
        "一、总体要求\n(一) 提升集群科技水平，打造一流创新体系。\n"
        "1．做强三大优势产业。内容。\n2. 主攻方向\n3﹒完善资源要素保障。\n"
        "[bookmark: _Toc24069][bookmark: _Toc10722090]4、加快数字产业发展。内容。\n"
    )
    assert spans(raw) == [
        ("一、总体要求", 1, 1),
        ("(一) 提升集群科技水平，打造一流创新体系", 2, 1),
        ("1．做强三大优势产业", 3, 1),
        ("2. 主攻方向", 3, 2),
        ("3﹒完善资源要素保障", 3, 3),
        ("4、加快数字产业发展", 3, 4),
    ]


def test_numbering_runs_on_across_parents_and_restarts():
    raw = (
        "（一）实施升级工程\n1．做强产业。\n2．培育新兴产业。\n"
        "（二）实施培育工程\n3．做强龙头企业。\n"
        "（三）实施数字工程\n1．提升网络能力。\n"
    )
    assert [(level, n) for _, level, n in spans(raw)] == [(2, 1), (3, 1), (3, 2), (2, 2), (3, 3), (2, 3), (3, 1)]


def test_title_doc_number_and_signature_are_not_sections():
    raw = (
        "汶政发〔2022〕9号\n\n汶上县人民政府\n关于推动制造业高质量发展的意见\n\n"
        "各乡镇（街道）人民政府，县政府各部门：\n为全面贯彻……提出以下意见。\n"
        "一、总体要求\n（一）发展思路。内容。\n\n汶上县人民政府\n2022年11月23日\n（此件公开发布）\n"
        "抄送：县委各部门，县法院。\n"
    )
    assert [t for t, _, _ in spans(raw)] == ["一、总体要求", "（一）发展思路"]


# ---------------------------------------------------------------- tree structure


def test_parent_ids_levels_and_body_end():
    raw = "一、总体要求\n（一）指导思想。内容。\n（二）发展目标。内容。\n二、重点任务\n1.强化创新。内容。\n（1）建设平台；\n①国家级平台\n"
    norm, sections = sections_of(raw)
    assert [s.section_id for s in sections] == list(range(1, 8))
    by_id = {s.section_id: s for s in sections}
    assert [(s.level, s.parent_id) for s in sections] == [(1, None), (2, 1), (2, 1), (1, None), (3, 4), (4, 5), (5, 6)]
    # A section's content ends where the next heading at its level or above starts.
    assert by_id[2].body_end == by_id[3].norm_start
    assert by_id[1].body_end == by_id[4].norm_start
    assert by_id[4].body_end == len(norm.text)
    assert by_id[7].heading == "国家级平台"
    assert by_id[2].heading == "指导思想"


def test_article_style_with_chapters_and_sections():
    raw = (
        "某市促进制造业发展条例\n\n第一章 总则\n\n第一条 为了促进制造业高质量发展，根据有关法律，制定本条例。\n"
        "第二条 本条例适用于本市行政区域。\n第二章 产业发展\n第一节 产业布局\n"
        "第三条 市人民政府应当统筹产业布局；区县人民政府负责实施。\n"
    )
    assert spans(raw) == [
        ("第一章 总则", 1, 1),
        ("第一条 为了促进制造业高质量发展，根据有关法律，制定本条例", 2, 1),
        ("第二条 本条例适用于本市行政区域", 2, 2),
        ("第二章 产业发展", 1, 2),
        ("第一节 产业布局", 2, 1),
        ("第三条 市人民政府应当统筹产业布局", 3, 3),
    ]


def test_articles_without_chapters_are_level_3():
    raw = "某区支持企业发展若干规定\n第一条 为支持企业发展，制定本规定。\n第二条 支持对象为区内企业。\n第 3 条 本规定自发布之日起施行。\n"
    assert [(level, n) for _, level, n in spans(raw)] == [(3, 1), (3, 2), (3, 3)]


def test_box_items_are_headings_numbered_on_their_own():
    # CONVENTIONS (consistency review): numbered items in 专栏 boxes are headings; the box's
    # title line is not.  The main sequence resuming (3. after 2.) closes the box.
    raw = (
        "二、重点任务\n（一）发展先进制造\n1.做强高端装备。内容。\n2.培育新兴产业。内容。\n"
        "专栏1 重点产业链\n1.智能制造装备产业链。重点发展工业机器人。\n2.新材料产业链。重点发展碳纤维。\n"
        "3.生物医药产业链。\n4.新能源产业链。\n"
        "3.推动集群发展。内容。\n（二）优化产业生态\n1.强化要素保障。内容。\n"
    )
    got = [(t, level, n) for t, level, n in spans(raw)]
    assert got == [
        ("二、重点任务", 1, 2),
        ("（一）发展先进制造", 2, 1),
        ("1.做强高端装备", 3, 1),
        ("2.培育新兴产业", 3, 2),
        ("1.智能制造装备产业链", 3, 1),
        ("2.新材料产业链", 3, 2),
        ("3.生物医药产业链", 3, 3),
        ("4.新能源产业链", 3, 4),
        ("3.推动集群发展", 3, 3),
        ("（二）优化产业生态", 2, 2),
        ("1.强化要素保障", 3, 1),
    ]


def test_box_items_after_a_level_2_marker_and_the_next_level_2_closes_the_box():
    raw = (
        "（一）培育场景\n1.培育典型场景。内容。\n2.加强方案研发。内容。\n专栏1数字化解决方案研发推广工程\n"
        "1.家用电器行业：个性化定制平台。\n2.家具行业：数字化设计平台。\n3.五金制品行业：自动上下料机器人。\n"
        "（二）深入开展数字化转型改造\n3.梯次推进企业改造。内容。\n"
    )
    assert [(level, n) for _, level, n in spans(raw)] == [
        (2, 1),
        (3, 1),
        (3, 2),
        (3, 1),
        (3, 2),
        (3, 3),
        (2, 2),
        (3, 3),
    ]


def test_notice_with_attachment_list_and_appendix():
    raw = (
        "广州市人民政府办公厅关于印发广州市促进工业投资若干措施的通知\n\n穗府办〔2023〕5号\n\n"
        "各区人民政府，市政府各部门：\n现将《广州市促进工业投资若干措施》印发给你们，请认真贯彻执行。\n\n"
        "附件：1.广州市促进工业投资若干措施\n      2.重点项目清单\n\n广州市人民政府办公厅\n2023年3月1日\n\n"
        "附件1\n\n广州市促进工业投资若干措施\n\n一、加大项目招引力度\n（一）强化招商。内容。\n"
        "二、强化要素保障\n（一）保障用地。内容。\n"
    )
    got = spans(raw)
    assert [t for t, _, _ in got] == ["一、加大项目招引力度", "（一）强化招商", "二、强化要素保障", "（一）保障用地"]
    norm, sections = sections_of(raw)
    assert sections[0].parent_id is None and sections[1].parent_id == 1


# ---------------------------------------------------------------- other provinces


def test_guangdong_style_measures():
    raw = (
        "广东省人民政府印发关于进一步促进制造业高质量发展若干措施的通知\n粤府〔2023〕12号\n"
        "各地级以上市人民政府，省政府各部门、各直属机构：\n"
        "一、加大财政支持力度\n（一）对新建工业项目给予奖励。对投资额5亿元以上的项目，按设备投资的10%给予补助。（省财政厅、省工业和信息化厅负责）\n"
        "（二）支持技术改造。内容。（省工业和信息化厅负责）\n"
        "二、强化用地保障\n（三）保障产业用地。内容。\n"
    )
    assert spans(raw) == [
        ("一、加大财政支持力度", 1, 1),
        ("（一）对新建工业项目给予奖励", 2, 1),
        ("（二）支持技术改造", 2, 2),
        ("二、强化用地保障", 1, 2),
        ("（三）保障产业用地", 2, 3),
    ]


def cn_ordinal(n: int) -> str:
    """1..99 as a heading ordinal: 一, 十, 十一, 二十, 二十二."""
    digits = "零一二三四五六七八九"
    tens, unit = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[unit] if unit else "")


def test_cn_ordinal_helper():
    assert [cn_ordinal(n) for n in (1, 10, 11, 20, 22, 99)] == ["一", "十", "十一", "二十", "二十二", "九十九"]


def test_measures_numbered_on_across_parts():
    # 若干措施: the （N） items run on through the parts instead of restarting at （一）.
    parts = {
        "一、支持企业做大做强": range(1, 5),
        "二、支持企业创新发展": range(5, 13),
        "三、强化要素保障": range(13, 24),
    }
    raw = "各县（市、区）人民政府：\n"
    expected = []
    for part, (k, numbers) in zip(parts, enumerate(parts.values(), 1)):
        raw += part + "\n"
        expected.append((part, 1, k))
        for n in numbers:
            item = f"（{cn_ordinal(n)}）支持措施第{n}项"
            raw += item + "。对符合条件的企业给予奖励。\n"
            expected.append((item, 2, n))
    assert spans(raw) == expected
    assert ("（二十二）支持措施第22项", 2, 22) in expected  # two-character numerals parse


def test_run_on_numbering_still_rejects_stray_markers():
    raw = (
        "一、支持企业做大做强\n（一）增资扩产。内容。\n（二）上规上限。内容。\n"
        "二、支持企业创新发展\n对创新平台给予支持。（三）支持平台建设。内容。\n（四）鼓励研发投入。内容。\n"
        "（九）加强知识产权保护。内容。\n（一）对新认定的平台给予奖励。\n"
    )
    got = [(level, n) for _, level, n in spans(raw)]
    # （三） glued after 。 runs on from the previous part; （九）, 5 past the sequence, is running text
    assert got == [(1, 1), (2, 1), (2, 2), (1, 2), (2, 3), (2, 4), (2, 1)]


def test_numbered_items_run_on_across_level_2_parents():
    raw = (
        "（一）实施升级工程\n1．做强产业。\n2．培育新兴产业。\n"
        "（二）实施培育工程\n3．做强龙头企业。\n4．壮大中小企业。\n"
        "（三）实施数字工程\n5．提升网络能力。\n"
        + "".join(f"（{n}）建设第{n}批。\n" for n in range(1, 6))
        + "（四）实施绿色工程\n（6）推广节能技术。\n9．推进绿色制造。\n"
    )
    got = [(level, n) for _, level, n in spans(raw)]
    level_4 = [(4, n) for n in range(1, 6)]
    assert got == [(2, 1), (3, 1), (3, 2), (2, 2), (3, 3), (3, 4), (2, 3), (3, 5), *level_4, (2, 4), (4, 6)]


def test_zhejiang_style_action_plan_with_full_width_digits():
    raw = (
        "浙江省制造业高质量发展行动计划（2023—2025年）\n"
        "一、主要目标\n到2025年，规上工业增加值达到3万亿元。\n二、重点任务\n"
        "（一）实施产业链提升工程。\n１．打造标志性产业链。聚焦数字安防等领域。\n"
        "２．培育特色产业集群。内容。\n（二）实施创新强基工程。\n３．建设创新平台。内容：（１）省级重点实验室；（２）技术创新中心。\n"
        "（1）强化平台建设\n"
    )
    got = [(level, n) for _, level, n in spans(raw)]
    assert got == [(1, 1), (1, 2), (2, 1), (3, 1), (3, 2), (2, 2), (3, 3), (4, 1)]


def test_articles_without_space_after_marker():
    raw = "第一章总则\n第一条为规范管理，制定本办法。\n第二条本办法适用于全省。\n第二章附则\n第三条本办法自印发之日起施行。\n"
    assert [(level, n) for _, level, n in spans(raw)] == [(1, 1), (2, 1), (2, 2), (1, 2), (2, 3)]


def test_numbered_item_glued_after_responsibility_note():
    raw = (
        "（一）增强创新能力\n1.建设创新载体。内容。（责任单位：市科技局）2.促进技术突破。内容。\n"
        "主要包括：1.智能装备；2.新材料。（见附件）2.5亿元用于奖励。\n"
    )
    assert [(t, n) for t, _, n in spans(raw)] == [
        ("（一）增强创新能力", 1),
        ("1.建设创新载体", 1),
        ("2.促进技术突破", 2),
    ]


def test_numbered_item_glued_after_a_stop_continues_its_list():
    # PDF and Word text that lost a line break: `…融通。2.加强标准研制。` continues the line-start 1.;
    # a `2.` after a stop with no 1. under its parent, or out of sequence, stays running text
    raw = (
        "（四）产业生态优化工程\n1.培育优质企业。内容。促进“七链”全面融通。2.加强标准研制。内容。\n"
        "3.完善产业公共服务。内容。\n（五）其他\n材料如下。2.身份证明。内容。4.其他。\n"
    )
    assert [(t, n) for t, _, n in spans(raw)] == [
        ("（四）产业生态优化工程", 4),
        ("1.培育优质企业", 1),
        ("2.加强标准研制", 2),
        ("3.完善产业公共服务", 3),
        ("（五）其他", 5),
    ]


def test_numbered_appendix_with_title_restarts_numbering():
    raw = (
        "一、总体要求\n内容。\n二、重点任务\n内容。\n三、保障措施\n内容。\n"
        "附件2：重点任务清单\n一、产业链提升\n（一）强链补链。内容。\n"
    )
    norm, sections = sections_of(raw)
    assert [(s.level, s.number, s.parent_id) for s in sections][-2:] == [(1, 1, None), (2, 1, 4)]


def test_crlf_and_lf_give_the_same_sections():
    raw = "一、总体要求\n（一）指导思想。内容。\n1.强化创新。\n\n19加强组织领导。内容。\n"
    lf = [(t, level, n) for t, level, n in spans(raw)]
    crlf = [(t, level, n) for t, level, n in spans(raw.replace("\n", "\r\n"))]
    assert lf == crlf and len(lf) == 3


SEEDS = ROOT / "corpus"


def _seed(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not present")
def test_seed_001_glued_heading_and_ruby():
    norm, sections = sections_of(_seed("001"))
    level2 = [(s.number, s.heading) for s in sections if s.level == 2 and s.parent_id == 5]
    assert [n for n, _ in level2] == [1, 2, 3, 4, 5, 6]
    assert "提升先进制造水平" in [h for _, h in level2]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not present")
def test_seed_004_missing_separator_and_skipped_number():
    raw = _seed("004")
    norm, sections = sections_of(raw)
    assert [s.number for s in sections if s.level == 1] == [1, 2, 3, 5]
    nineteen = next(s for s in sections if s.level == 3 and s.number == 19)
    a, b = norm.to_raw(nineteen.norm_start, nineteen.norm_end)
    assert raw[a:b] == "19加强组织领导"
    assert [s.number for s in sections if s.level == 3] == list(range(1, 23))


# ---------------------------------------------------------------- invariants on arbitrary text

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TOKENS = [
    "一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "19",
    "第一条",
    "第二章",
    "第3节",
    "①",
    "专栏1",
    "附件",
    "附件：",
    "附件2：清单",
    "\n",
    "\n\n",
    "\r\n",
    "。",
    "；",
    "：",
    "内容",
    "加强",
    "家",
    "（责任单位：市科技局）",
    ")",
    "）",
    "1.5",
    "第2条",
    " ",
    "\u3000",
    "[bookmark: _Toc1]",
    "**",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=40))
def test_tree_invariants_on_arbitrary_text(tokens):
    raw = "".join(tokens)
    if not raw.strip():
        return
    norm, sections = sections_of(raw)
    for earlier, later in zip(sections, sections[1:]):
        assert earlier.norm_end <= later.norm_start  # in text order, never overlapping
    for i, s in enumerate(sections, start=1):
        assert s.section_id == i
        assert 0 <= s.norm_start < s.norm_end <= s.body_end <= len(norm.text)
        if s.parent_id is not None:
            parent = sections[s.parent_id - 1]
            assert parent.level < s.level and parent.norm_start < s.norm_start <= parent.body_end
        assert norm.text[s.norm_end - 1] not in "。；\n\r"


def test_marker_with_extra_comma_keeps_span_but_clean_heading():
    norm, sections = sections_of("（一）、加强组织领导。内容。\n")
    assert [(s.level, s.number, s.heading) for s in sections] == [(2, 1, "加强组织领导")]


# ---------------------------------------------------------------- real documents' layouts (issue 11)
# Each case is a convention of GB/T 9704 documents seen in ../shared/corpus-real, reduced to a
# few lines; the real documents are the gate in tests/test_realdev.py.


def test_numbered_items_inside_an_article_are_one_level_below_it():
    # GUIDE: `（一）` under `第三条` is one level below the article; a `1.` under it one more.
    raw = (
        "第一章 总则\n第一条 为规范管理，制定本办法。\n第二章 申报\n第二条 申请人应当符合下列条件：\n"
        "（一）在本市登记注册；\n（二）具备下列能力：\n1. 实时远程监控；\n2. 事件记录；\n（三）其他条件。\n"
        "第三条 申报材料如下：\n1.申请表；\n2.承诺书。\n"
    )
    assert [(level, n) for _, level, n in spans(raw)] == [
        (1, 1),
        (2, 1),
        (1, 2),
        (2, 2),
        (3, 1),
        (3, 2),
        (4, 1),
        (4, 2),
        (3, 3),
        (2, 3),
        (3, 1),
        (3, 2),
    ]


def test_items_inside_articles_without_chapters_are_level_4():
    raw = "第五条 企业培育。具体如下：\n（一）落户补贴。内容。\n（二）租金补贴。内容。\n第六条 离岸孵化。内容。\n"
    assert [(level, n) for _, level, n in spans(raw)] == [(3, 5), (4, 1), (4, 2), (3, 6)]


def test_article_number_written_with_spaces():
    raw = "第八条 资金由区财政统筹。\n第 9 条 本办法由市财政局负责解释。\n第 1 0 条 本办法自印发之日起施行。\n"
    assert spans(raw)[1:] == [("第 9 条 本办法由市财政局负责解释", 3, 9), ("第 1 0 条 本办法自印发之日起施行", 3, 10)]


def test_text_without_line_breaks_headings_end_where_the_next_marker_starts():
    body = "内容内容内容。" * 60  # a long document whose line breaks were lost
    raw = (
        "各省、自治区、直辖市人民政府：为持续深化改革，现提出以下意见。一、持续提升投资建设便利度"
        "（一）优化再造投资项目前期审批流程。" + body + "（国家发展改革委牵头，各地区按职责分工负责）"
        "具体措施：1．2020年底前开展涉企收费专项治理。（市场监管总局牵头）2．简化税费优惠政策适用程序。"
        + body
        + "（二）进一步提升工程建设项目审批效率。"
        + body
        + "二、进一步简化企业生产经营审批和条件（三）进一步降低市场准入门槛。"
    )
    assert spans(raw) == [
        ("一、持续提升投资建设便利度", 1, 1),
        ("（一）优化再造投资项目前期审批流程", 2, 1),
        ("1．2020年底前开展涉企收费专项治理", 3, 1),
        ("2．简化税费优惠政策适用程序", 3, 2),
        ("（二）进一步提升工程建设项目审批效率", 2, 2),
        ("二、进一步简化企业生产经营审批和条件", 1, 2),
        ("（三）进一步降低市场准入门槛", 2, 3),
    ]


def test_articles_of_a_regulation_without_line_breaks():
    body = "各省电力局为本债券的发行单位。" * 80
    raw = (
        "国务院同意，现转发给你们。关于发行电力建设债券的暂行规定第一条为了保证电力建设债券的顺利发行，制定本规定。"
        "第二条本债券实行谁发、谁用、谁还的原则。" + body + "第三条必须提供下列文件：(一)企业主管部门的证明文件；"
        "（二）发行数量的说明。依照本规定第二条规定办理。第四条本规定自发布之日起实行。"
    )
    assert [(t[:6], level, n) for t, level, n in spans(raw)] == [
        ("第一条为了保", 3, 1),
        ("第二条本债券", 3, 2),
        ("第三条必须提", 3, 3),
        ("(一)企业主", 4, 1),
        ("（二）发行数", 4, 2),
        ("第四条本规定", 3, 4),
    ]


def test_flat_text_tentative_first_heading_and_enumerations():
    body = "加快改革，建立统一、规范、高效的管理体制，推动一、二、三产业融合。" * 40
    raw = (
        "电力体制改革方案一、加快电力体制改革的必要性（一）改革开放以来成就巨大。"
        + body
        + "二、改革的指导思想（二）指导思想是什么。"
    )
    got = spans(raw)
    assert [(level, n) for _, level, n in got] == [(1, 1), (2, 1), (1, 2), (2, 2)]
    assert got[0][0] == "一、加快电力体制改革的必要性"
    # a word ending in 一 (`统一、`) before the real first heading is dropped when it comes
    raw2 = "初步建立统一、规范、高效的稀土行业管理体制。" + raw
    assert [(t[:4], n) for t, _, n in spans(raw2)][:2] == [("一、加快", 1), ("（一）改", 1)]


def test_flat_text_heading_ends_at_the_next_paragraphs_indent():
    """Lost line breaks keep each paragraph's two-character indent (`　　`): a heading ends there."""
    body = "各地区要严格执行环境保护法律法规，加强监管。" * 60
    raw = (
        "现就有关要求通知如下：\u3000\u3000一、严格依法保护环境，推动监管执法全覆盖\u3000\u3000有效解决监管缺位问题。"
        + body
        + "\u3000\u3000（一）加快完善环境法律法规标准。"
        + body
    )
    got = spans(raw)
    assert [t for t, _, _ in got] == ["一、严格依法保护环境，推动监管执法全覆盖", "（一）加快完善环境法律法规标准"]
    # With its line breaks kept, two spaces inside a heading line do not end it (a letter-spaced or aligned title).
    kept = "通知如下：\n一、严格依法保护环境  推动监管执法全覆盖\n" + body
    assert spans(kept)[0][0] == "一、严格依法保护环境  推动监管执法全覆盖"


def test_flat_attachment_list_is_not_headings_and_the_attachment_restarts_numbering():
    body = "本预案自印发之日起实施。" * 90
    raw = (
        "一、总则。" + body + "二、附则。现印发给你们。附件：1.突发环境事件分级标准  2.应急指挥部组成及职责"
        "附件1突发环境事件分级标准  一、特别重大突发环境事件：1.因环境污染导致人员死亡的；2.疏散人员5万人以上的。"
        "二、重大突发环境事件：1.导致人员中毒的。"
    )
    assert [(t[:4], level, n) for t, level, n in spans(raw)] == [
        ("一、总则", 1, 1),
        ("二、附则", 1, 2),
        ("一、特别", 1, 1),
        ("1.因环", 3, 1),
        ("2.疏散", 3, 2),
        ("二、重大", 1, 2),
        ("1.导致", 3, 1),
    ]


def test_markers_followed_by_a_year_or_a_numeral_word_still_start_headings():
    raw = (
        "各位代表：\n现在，我代表市人民政府作工作报告。\n一、2023年工作回顾\n过去一年成绩显著。\n"
        "二、2024年主要工作\n（一）抓好项目建设。内容。\n1.2025年底前建成投用。内容。\n"
    )
    assert [t for t, _, _ in spans(raw)] == [
        "一、2023年工作回顾",
        "二、2024年主要工作",
        "（一）抓好项目建设",
        "1.2025年底前建成投用",
    ]


def test_cross_references_are_not_headings():
    raw = (
        "第十二条 按本办法办理。\n"
        "第十三条《办法》第五条第（二）（四）项中的人才，按第（六）项办理。\n"
        "第十四条 符合《办法》第五条（二）、（三）、（四）项条件的。\n"
        "第十五条，培训机构不得违规收费。\n"
    )
    got = spans(raw)
    assert [(level, n) for _, level, n in got] == [(3, 12), (3, 13), (3, 14), (3, 15)]
    assert got[1][0] == "第十三条《办法》第五条第（二）（四）项中的人才，按第（六）项办理"


def test_heading_on_the_line_of_a_chapter_title_and_a_raw_line_end():
    raw = (
        "第六章 管理\n第三十条 本办法所称地下空间。第三十一条 地下空间开发利用应当统一规划、综\n合开发、合理利用。\n"
        "第七章 法律责任 第三十二条 违反本办法的，依法处理。\n"
    )
    got = spans(raw)
    assert got == [
        ("第六章 管理", 1, 6),
        ("第三十条 本办法所称地下空间", 2, 30),
        ("第三十一条 地下空间开发利用应当统一规划、综", 2, 31),  # CONVENTIONS: a PDF line end ends it
        ("第七章 法律责任", 1, 7),
        ("第三十二条 违反本办法的，依法处理", 2, 32),
    ]


def test_glued_heading_whose_title_starts_like_a_reference_word():
    raw = (
        "一、总体要求\n（一）指导思想。内容。（二）基本原则。内容。（三）目标任务。到2020年完成。\n"
        "（四）项目管理。内容。\n"
    )
    assert [t for t, _, _ in spans(raw)] == [
        "一、总体要求",
        "（一）指导思想",
        "（二）基本原则",
        "（三）目标任务",
        "（四）项目管理",
    ]


def test_a_glued_heading_may_skip_one_garbled_number():
    # OCR turned `一、` into `-、` and dropped a `（三）`: the sequence still carries the next markers.
    raw = (
        "现就相关工作通知如下明确目标任务-、\n到2025年底全面建成。确保基金安全。二、加强建设和应用\n"
        "（一）准确把握重点。内容。（二）赋予本地化权限。内容。\n不强的规则要及时停用。（四）持续用好用活。内容。\n"
    )
    assert [(t[:4], n) for t, _, n in spans(raw)] == [
        ("二、加强", 2),
        ("（一）准", 1),
        ("（二）赋", 2),
        ("（四）持", 4),
    ]


def test_row_numbers_of_a_table_one_cell_per_line_are_not_headings():
    raw = (
        "一、重大项目\n（一）城市排洪工程\n序号\n项目名称\n总投资\n1\n北排工程\n522500\n345700\n"
        "（1）\n北排一通道工程\n新建\n96800\n60000\n（2）\n北排二通道工程\n新建\n（二）河道治理工程\n"
    )
    assert [t for t, _, _ in spans(raw)] == ["一、重大项目", "（一）城市排洪工程", "（二）河道治理工程"]


def test_a_level_2_marker_that_lost_its_opening_bracket_is_the_next_item_only():
    """GUIDE: a garbled marker still starts a heading. `三)` for `(三)` (a scanned notice), at a line start or glued
    after a `。`, is a level-2 heading when it is the exact next item under its parent; never a first item, never a
    skip, never after a digit or an opening bracket."""
    raw = (
        "二、加强建设\n(一)把握重点。要厘清关系。(二)赋予权限。要同步更新。三)科学设置阈值。要综合考虑。\n"
        "三、工作要求\n(一)加强领导。要统筹。\n三)夯实数据基础。要规范。\n四、附则\n五)不是标题。一)也不是。\n"
    )
    got = spans(raw)
    assert ("三)科学设置阈值", 2, 3) in got  # glued after `。`, the next item after (二)
    assert ("三)夯实数据基础", 2, 3) not in got  # under 三、 only (一) came before: a skip, not the next item
    assert not any(text.startswith(("五)", "一)")) for text, _, _ in got)  # a first item or a skip
    raw_next = "三、工作要求\n(一)加强领导。要统筹。\n(二)健全机制。\n三)夯实数据基础。要规范。\n"
    assert ("三)夯实数据基础", 2, 3) in spans(raw_next)


def test_a_part_heading_glued_after_a_comma_is_the_exact_next_part_alone_on_its_line_end():
    """A lost line break may glue the next part's `三、` after a `，` (a scanned notice): a heading when it is the exact
    next 一、 number and its title is the short rest of the line; `其中，一、二、三产…` and a skip are not."""
    raw = (
        "二、加强建设\n（一）把握重点。要厘清关系，提升智能化水平，三、优化审核和监控流程\n（一）划分流程。内容。\n"
        "其中，一、二、三产增加值分别增长4.5%。\n要做好工作，五、完善机制\n"
    )
    got = spans(raw)
    assert ("三、优化审核和监控流程", 1, 3) in got
    assert not any(text.startswith(("一、二", "五、")) for text, _, _ in got)
    running = "二、加强建设\n（一）把握重点。要厘清关系，三、优化审核和监控流程，并持续推进相关工作。\n"
    assert not any(text.startswith("三、") for text, _, _ in spans(running))  # not the rest of the line


def test_flat_text_items_run_on_and_item_lists_after_a_colon():
    """One-line text (LY1's layout table): a `1.` item runs on from the previous parent's items (`（二）…3.…`);
    `（1）` items follow a colon, a `。` or a `；` and a second list under the same parent restarts at 1."""
    body = "推进车载高精度传感器研发，提升系统集成能力。" * 30
    raw = (
        "现提出以下意见。一、主要任务（一）构建技术创新体系1.突破关键基础技术。" + body + "2.完善测试评价技术。"
        "（二）构建产业生态体系3.增强产业核心竞争力。"
        + body
        + "4.培育新型市场主体。"
        + body
        + "（三）联合电力公司是独立核算的企业，其职责是：（1）直接管理骨干电厂。（2）负责电网安全稳定运行；"
        "省电力公司的职责是：（1）负责本省电力建设。（2）服从统一调度。" + body
    )
    got = [(t[:8], level, n) for t, level, n in spans(raw)]
    assert got[4:7] == [("（二）构建产业生", 2, 2), ("3.增强产业核心", 3, 3), ("4.培育新型市场", 3, 4)]
    assert [(level, n) for _, level, n in got[7:]] == [(2, 3), (4, 1), (4, 2), (4, 1), (4, 2)]
    # an enumeration glued to a word, and a reference, stay prose (in a text with line breaks; as one line a
    # `（1）` glued to a word is the exact next item, `1.产品准入试点（1）测试与安全评估`)
    prose = "现提出以下意见。一、主要任务（一）目标包括（1）甲和（2）乙，依照第（1）项执行。\n" + body
    assert [level for _, level, _ in spans(prose)] == [1, 2]


def test_flat_text_box_label_after_a_sentence_numbers_its_items_on_their_own():
    body = "研究数据驱动与知识引导相结合的人工智能新方法。" * 30
    raw = (
        "现印发给你们。一、重点任务（一）构建科技创新体系1.建立基础理论体系。"
        + body
        + "专栏1\u3000基础理论1.大数据智能理论。"
        + body
        + "2.跨媒体感知计算理论。"
        + body
        + "\u3000\u30002.建立关键共性技术体系。"
        + body
    )
    got = [(t[:6], level, n) for t, level, n in spans(raw)]
    assert got[2:] == [("1.建立基础", 3, 1), ("1.大数据智", 3, 1), ("2.跨媒体感", 3, 2), ("2.建立关键", 3, 2)]


def test_a_level_2_item_glued_to_the_last_word_of_the_paragraph_before():
    """A lost line break glues `（八）` to the last word before it (`…的可控性（八）明确…`): a heading when it is
    the exact next item under its parent; `第（八）项` and an unexpected number stay prose."""
    raw = "一、总体要求\n（七）加强安全管理\n企业应当保持驾驶员对系统的可控性（八）明确系统边界和安全响应。企业明确能力。\n"
    assert spans(raw)[-1] == ("（八）明确系统边界和安全响应", 2, 8)
    for prose in ("企业应当保持驾驶员对系统的可控性（五）明确边界。\n", "依照本办法第（八）项执行。\n"):
        assert spans("一、总体要求\n（七）加强安全管理\n" + prose)[-1][1:] == (2, 7)


def test_flat_text_items_after_a_pause_mark_articles_after_a_comma_and_restarted_lists():
    """One-line text (LY5, layout_diff): a `3.` item glued after a `、` that ended its paragraph is the exact
    next item; `。第十七条，…` is an article whose comma stands for its space; a `（一）` list restarts after a
    sentence's end in a part without a numbered heading (a work report's 工作安排); `（一）、（二）` stays a reference."""
    body = "推进数字技术与制造业深度融合，提升产业链协同水平。" * 30
    raw = (
        "现提出以下意见。（一）加快关键环节转型1.研发设计数字化。" + body + "2.生产制造数字化。缩短装配流程和周期、"
        "3.质量管理数字化。"
        + body
        + "，4.供应链管理数字化。"
        + body
        + "重点抓好以下工作。（一）坚定不移推动经济稳中有进。"
        + body
        + "（二）坚定不移扩大开放。"
        + body
    )
    got = [(t[:5], level, n) for t, level, n in spans(raw)]
    assert got == [
        ("（一）加快", 2, 1),
        ("1.研发设", 3, 1),
        ("2.生产制", 3, 2),
        ("3.质量管", 3, 3),
        ("4.供应链", 3, 4),
        ("（一）坚定", 2, 1),
        ("（二）坚定", 2, 2),
    ]
    articles = (
        "第一条为了规范培训管理，制定本办法。"
        + body
        + "第二条培训机构应当依法开展培训。立行立改。第三条，培训机构不得跨地区开展培训。"
        + body
    )
    assert [n for _, _, n in spans(articles)] == [1, 2, 3]
    reference = (
        "第一条为了规范培训管理，制定本办法。" + body + "第二条培训机构应当依法开展培训。依照第二条，执行。" + body
    )
    assert [n for _, _, n in spans(reference)] == [1, 2]


def test_flat_text_circled_items_after_a_colon_or_a_clause():
    """One-line text (LY5): `①` items follow a colon or a `；`; a `①` glued to a word is a note's mark, and
    after a `。` a paragraph's own enumeration (`…完成。①新增…。②…`, one line in the raw text too)."""
    body = "申请人应当如实提交材料，经审核后按规定发放补贴。" * 30
    raw = (
        "现将有关事项通知如下。1、一次性创业资助补贴条件：（1）初创企业的法定代表人符合以下条件之一：①普通高等学校学生；"
        "②军转干部、退役军人；③登记失业人员。（2）初创企业登记注册满6个月。"
        + body
        + "依照有关规定①执行。民生实事完成。①新增床位。②新增托位。"
        + body
    )
    got = [(t[:4], level, n) for t, level, n in spans(raw)]
    assert got == [
        ("1、一次", 3, 1),
        ("（1）初", 4, 1),
        ("①普通高", 5, 1),
        ("②军转干", 5, 2),
        ("③登记失", 5, 3),
        ("（2）初", 4, 2),
    ]


def test_an_items_two_digits_spaced_out_by_a_pdf_inside_a_line():
    """A PDF's character spacing inside a line (LY5): `9.金 1 0.银` is the item 10 when 10 is the next item, and
    `。3 5.强化` (a page number before the item 5, as one line) the item 5."""
    body = "加强矿产资源勘查开采管理，规范开采秩序。" * 60
    items = "".join(f"{n}.矿种{name}" for n, name in enumerate("甲乙丙丁戊己庚辛壬", 1))
    flat = "现将目录印发给你们。" + body + "实行保护性开采的矿种：" + items + " 1 0.银 1 1.铂。" + body
    assert [n for _, _, n in spans(flat)][-3:] == [9, 10, 11]
    page = (
        "现提出以下意见。"
        + body
        + "1.深化应用。"
        + body
        + "2.拓展场景。"
        + body
        + "积极参与改造。3 3.强化创新能力。"
        + body
    )
    assert [(t[:4], n) for t, _, n in spans(page)][-1] == ("3.强化", 3)
    glued = (
        "一、主要任务\n"
        + "".join(f"{n}.加强工作{n}。\n" for n in range(1, 10))
        + "落实责任。（责任单位：市科技局）1 0．大力培育平台。\n"
    )
    assert spans(glued)[-1][1:] == (3, 10)


def test_flat_text_item_after_a_page_number_run_into_it():
    """One-line text of a PDF (LY5): the page number runs into the next item (`…架构 2⏎1. 生命周期` → `架构21. 生命周期`);
    the number's last digits are the item when they are the exact next one, the whole number when it is."""
    body = "智能制造系统架构从生命周期、系统层级和智能特征三个维度进行描述。" * 30
    raw = (
        "现印发给你们。一、智能制造系统架构如图1所示。图1智能制造系统架构21. 生命周期"
        + body
        + "2. 系统层级"
        + body
        + "二、基础共性标准子体系101. 通用标准"
        + body
        + "2. 安全标准"
        + body
    )
    assert [(t[:5], n) for t, _, n in spans(raw)] == [
        ("一、智能制", 1),
        ("1. 生命", 1),
        ("2. 系统", 2),
        ("二、基础共", 2),
        ("1. 通用", 1),
        ("2. 安全", 2),
    ]


def test_a_short_text_on_one_line_is_flat():
    """A short standard scraped into one line (600 characters, LY5: 0200, 0202, 0204 as one line) is read as a flat
    text: its items glued after a word or a `；` are the exact next ones."""
    raw = (
        "贫困村退出标准如下：（一）贫困户脱贫标准1.家庭年人均纯收入稳定超过国家扶贫标准；2.实现不愁吃、不愁穿；"
        "（二）贫困村退出标准1.贫困发生率下降到3%以下；2.村级集体经济累计达3万元以上；3.要有1-2个主导产业。"
        + "各地要严格按照标准开展退出工作，确保退出质量。"
        * 20
    )
    assert is_flat(raw) and not is_flat("各地要严格按照标准开展退出工作。" * 20)
    assert [(t[:5], n) for t, _, n in spans(raw)] == [
        ("（一）贫困", 1),
        ("1.家庭年", 1),
        ("2.实现不", 2),
        ("（二）贫困", 2),
        ("1.贫困发", 1),
        ("2.村级集", 2),
        ("3.要有1", 3),
    ]


def test_flat_text_attachment_after_a_page_number_restarts_numbering():
    """One-line text of a PDF (LY5): `…篡改。17附件4名词解释一、…`: the last page's number, then the attachment's own
    label and title, which open a page: an appendix, whose `一、` restart the numbering."""
    body = "车辆应当满足相关标准要求，确保数据安全。" * 40
    raw = (
        "现印发给你们。一、总体要求" + body + "二、主要任务" + body + "不能被篡改。17附件4名词解释一、智能网联汽车："
        "搭载先进的车载传感器。二、驾驶自动化系统：由硬件和软件组成。" + body
    )
    got = [(t[:4], level, n) for t, level, n in spans(raw)]
    assert got == [("一、总体", 1, 1), ("二、主要", 1, 2), ("一、智能", 1, 1), ("二、驾驶", 1, 2)]
    prose = "现印发给你们。一、总体要求" + body + "二、主要任务。详见附件4名词解释一、二。" + body
    assert [n for _, _, n in spans(prose)] == [1, 2]
