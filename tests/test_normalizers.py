"""Normalisation steps on real cases from the seed documents, plus the issue's acceptance checks."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import opencc
import pytest

import normalizers
from normalizers import boilerplate, chinese_script, edits, linebreaks, newlines, ruby, spacing, width
from normalizers.pipeline import ORDER
from pipeline.core.offsets import Edit, apply_edits

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
from paths import GOLD  # noqa: E402

SEEDS = sorted(CORPUS.glob("*.txt"))
T2S = opencc.OpenCC("t2s")


def read_raw(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:  # no newline translation, as the gold offsets
        return f.read()


def seed(prefix: str) -> str:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return read_raw(path)


def run(step, text: str) -> str:
    new, offsets = step(text)
    assert offsets.source_len == len(text) and offsets.target_len == len(new)
    return new


# ---------------------------------------------------------------- registry
def test_steps_run_in_the_documented_order():
    assert ORDER == [
        "newlines",
        "ideographs",
        "ruby",
        "t2s",
        "boilerplate",
        "pdf_wraps",
        "text_wraps",
        "linebreaks",
        "width",
        "spacing",
    ]
    assert list(normalizers.STEPS) == ORDER
    # pdf_wraps reads a PDF's line geometry; text_wraps the same joins where a text file's lines show a column
    assert normalizers.step_order(paged=True) == [name for name in ORDER if name != "text_wraps"]
    assert normalizers.step_order(paged=False) == [name for name in ORDER if name != "pdf_wraps"]


def test_a_hard_wrapped_text_file_is_unwrapped_and_its_headings_keep_their_line_end():
    """A .txt extracted from a PDF breaks every line at the column's width (mid-sentence, mid-number);
    its wraps are joined, and a heading still ends at its raw line end (GUIDE)."""
    from pipeline.structure.sections import build_sections

    # a heading line with no `。` yet, cut at the column's width (linebreaks never joins after a heading alone)
    paragraph = "对上一年度营业收入五十亿元以上的企业，补贴上限为每年两百万元，按季度拨付到位。" * 4
    wrapped = "\n".join(paragraph[i : i + 28] for i in range(0, len(paragraph), 28))
    item = "（三）本细则自2022年12月24日起正式施行，有效期至2025年\n12月23日。"
    raw = "为支持企业发展，制定本细则。\n一、支持标准\n" + wrapped + "\n" + item + "\n二、申报程序\n" + wrapped + "\n"
    norm = normalizers.normalize(raw)
    assert "有效期至2025年12月23日" in norm.text
    titles = [norm.text[s.norm_start : s.norm_end] for s in build_sections(norm)]
    assert titles == ["一、支持标准", "（三）本细则自2022年12月24日起正式施行，有效期至2025年", "二、申报程序"]


# ---------------------------------------------------------------- map helpers
@pytest.mark.parametrize("trial", range(30))
def test_deleted_builds_the_same_map_as_apply_edits(trial):
    rng = random.Random(trial)
    text = "".join(rng.choice("ab集(ji)\n 　２") for _ in range(rng.randint(0, 60)))
    cuts = sorted(rng.sample(range(len(text) + 1), k=min(len(text) + 1, 2 * rng.randint(0, 6))))
    spans = list(zip(cuts[::2], cuts[1::2]))
    new, offsets = edits.deleted(text, spans)
    expected_text, expected = apply_edits(text, [Edit(s, e, "") for s, e in spans])
    assert new == expected_text
    assert np.array_equal(offsets.src_start, expected.src_start)
    assert np.array_equal(offsets.src_end, expected.src_end)


def test_one_for_one_map_equals_apply_edits():
    new, offsets = edits.replaced_one_for_one("２０２５年", "2025年")
    _, expected = apply_edits("２０２５年", [Edit(0, 5, "2025年")])
    assert new == "2025年" and np.array_equal(offsets.src_start, expected.src_start)
    with pytest.raises(ValueError):
        edits.replaced_one_for_one("ab", "abc")


# ---------------------------------------------------------------- newlines
def test_crlf_and_lone_cr_and_form_feed_become_lf():
    assert run(newlines.unify_newlines, "一、总体要求\r\n（一）\r二\f三") == "一、总体要求\n（一）\n二\n三"


# ---------------------------------------------------------------- ruby (corpus/001)
@pytest.mark.parametrize(
    "raw, expected",
    [
        ("濱(bin)政辦字〔2024〕18號", "濱政辦字〔2024〕18號"),
        ("優質企業集(ji)(ji)群", "優質企業集群"),
        ("建設(she)高(gao)(gao)(gao)水平", "建設高水平"),
        ("(五(wu))營造(zao)優良", "(五)營造優良"),  # annotation inside a heading marker
        ("首臺(套(tao))裝備", "首臺(套)裝備"),  # a real bracket around an annotated char
        ("各(ge)(ge)縣(市(shi)、區(qu)(qu))人(ren)民政府", "各縣(市、區)人民政府"),
        ("市(shi)(shi)建(jia\n設", "市建\n設"),  # cut off at the line end
        ("2024年(nian)5月31日", "2024年5月31日"),
        ("綠(lv)色", "綠色"),  # ü written v
    ],
)
def test_ruby_annotations_are_deleted(raw, expected):
    assert run(ruby.remove_ruby, raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "(一)指导思想",
        "区域全面经济伙伴关系协定(RCEP)",
        "(含)以上",
        "办法(试行)",
        "行动计划(2021-2023年)",
        "措施(e)",
        "项目(an)",
        "建(jiax\n",
    ],
)
def test_brackets_that_are_not_ruby_survive(raw):
    assert run(ruby.remove_ruby, raw) == raw


# A PDF of a ruby page wraps lines anywhere: inside an annotation, before one, at a page end.
@pytest.mark.parametrize(
    "raw, expected",
    [
        ("聚力推動工(\ngong)業(ye)經", "聚力推動工業經"),  # after "(": the line is joined there
        ("市(shi)建(jia\nn)設", "市建設"),
        ("建(jia \nn)設", "建設"),  # a blank before the break goes with it
        ("字(zi)\n(zi)後", "字\n後"),  # between annotations: the break stays (linebreaks decides)
        ("進制\n(zhi)造", "進制\n造"),  # before the first annotation: the break stays
        ("構建新(xin)(\n— 1 —\n山东省人民政府公报\nxin)發展", "構建新發展"),  # a page end between halves
        ("建(\n某某公报　第3期\n- 2 -\n某某公报\njian)設", "建設"),  # footer, page number, header
    ],
)
def test_ruby_annotations_broken_by_a_pdf_line_wrap_are_deleted(raw, expected):
    assert run(ruby.remove_ruby, raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "市(shi)建(jia\n設施",  # a cut annotation whose rest is gone: only the cut part goes (above)
        "辦法(試行)\n(一)總則",
        "措施\n(e)",  # not a reading of 施
        "州(zh\ni)市",  # zhi is no reading of 州
        "集(ji)群(\n— 3 —\n（一）总体要求\nqun)",  # a bracketed line is body text, not a header
        "abc\nde) x",
    ],
)
def test_line_breaks_that_are_not_inside_an_annotation_stay(raw):
    expected = "市建\n設施" if raw.startswith("市(shi)") else raw.replace("集(ji)群", "集群")
    assert run(ruby.remove_ruby, raw) == expected


def test_misplaced_annotation_deleted_only_in_a_ruby_document():
    misplaced = "創新設(jian)計"  # the reading of 建 after 設
    assert run(ruby.remove_ruby, misplaced) == misplaced  # one stray syllable: not ruby
    ruby_page = "集(ji)群(qun)發(fa)展(zhan)質(zhi)量(liang)" + misplaced
    assert run(ruby.remove_ruby, ruby_page) == "集群發展質量創新設計"


def test_ruby_map_keeps_spans_outside_annotations():
    raw = "集(ji)(ji)群年(nian)"
    norm = normalizers.normalize(raw, steps=["ruby"])
    assert norm.text == "集群年"
    assert norm.to_raw(0, 2) == (0, len("集(ji)(ji)群"))  # GUIDE: 集群 is the whole 集(ji)(ji)群
    assert norm.to_raw(2, 3) == (raw.index("年"), raw.index("年") + 1)  # ends after 年, before (nian)


# ---------------------------------------------------------------- traditional -> simplified
def test_traditional_document_is_converted():
    raw = "濱州市人民政府辦公室關于加快發展先進制造業集群的實施意見\n濱政辦字〔2024〕18號"
    assert (
        run(chinese_script.to_simplified, raw)
        == "滨州市人民政府办公室关于加快发展先进制造业集群的实施意见\n滨政办字〔2024〕18号"
    )


def test_simplified_document_with_a_few_variant_characters_is_left_alone():
    raw = "山东省人民政府办公厅关于加快发展先进制造业集群的实施意见，著力构建現代化产业体系"
    assert T2S.convert(raw) != raw  # t2s would touch it...
    assert run(chinese_script.to_simplified, raw) == raw  # ...but one character is no traditional document


def test_length_changing_conversion_falls_back_per_character(monkeypatch):
    class Stretching:  # a converter whose phrase table changes one line's length
        def convert(self, text):
            return T2S.convert(text).replace("发展", "发展了")

    monkeypatch.setattr(chinese_script, "converter", lambda: Stretching())
    chinese_script.simplified_char.cache_clear()
    try:
        out = chinese_script._one_for_one("加快發展\n實施意見")
    finally:
        chinese_script.simplified_char.cache_clear()
    assert out == "加快发展\n实施意见"


# ---------------------------------------------------------------- width and punctuation
@pytest.mark.parametrize(
    "raw, expected",
    [
        ("到２０２５年，ＧＤＰ增长", "到2025年，GDP增长"),
        ("10．加快数字产业发展", "10.加快数字产业发展"),  # corpus/003
        ("1﹒发展目标", "1.发展目标"),
        ("(一)指导思想", "（一）指导思想"),
        ("(1)加强", "（1）加强"),
        ("责任单位:市科技局;市财政局,各县市区", "责任单位：市科技局；市财政局，各县市区"),
        ("营业收入1,000亿元,增长1.5%", "营业收入1,000亿元，增长1.5%"),
        ("发布日期:2023-06-30 14:18", "发布日期：2023-06-30 14:18"),
        ("见http://www.gov.cn/a(1).htm", "见http://www.gov.cn/a(1).htm"),
        ("GDP(国内生产总值)", "GDP（国内生产总值）"),
        ("协定(RCEP)生效", "协定（RCEP）生效"),
        ("各县(市、区(含功能区))", "各县（市、区（含功能区））"),
        ("济发〔2020〕16号", "济发〔2020〕16号"),
        ("　　一、总体要求", "  一、总体要求"),
        ("互联网＋政务服务", "互联网+政务服务"),
        ("Hello, world: yes", "Hello, world: yes"),
        ("5G: 第五代移动通信", "5G: 第五代移动通信"),  # the space stays (ASCII before Chinese), so does `:`
        # spacing deletes these spaces, so the mark is judged by what follows them (idempotence)
        ("RCEP! ，", "RCEP！ ，"),
        ("加入RCEP! \n下一行", "加入RCEP！ \n下一行"),
    ],
)
def test_width_and_punctuation(raw, expected):
    assert run(width.unify_width, raw) == expected


# ---------------------------------------------------------------- boilerplate
def test_word_bookmarks_and_markdown_bold_go():
    raw = (
        "[bookmark: _Toc24069][bookmark: _Toc10722090]10.加快数字产业发展。\n牵头单位：市科技局；**责任单位：**市财政局"
    )
    assert run(boilerplate.remove_boilerplate, raw) == "10.加快数字产业发展。\n牵头单位：市科技局；责任单位：市财政局"


def test_chrome_line_without_date_goes_and_dated_one_keeps_its_metadata():
    raw = (
        "济南市加快建设工业强市三年行动计划（征求意见稿）\n"
        "发布日期：2023-06-30 14:18 信息来源：济南市工业和信息化局\n"
        "浏览次数： 字体：【 默认 超大\n"
        "来源：高新院 vwcr.cn 日期：2024-06-06 点击：次\n"
        "一、总体要求\n"
    )
    out = run(boilerplate.remove_boilerplate, raw)
    assert "浏览次数" not in out and "字体" not in out and "点击" not in out
    assert "发布日期：2023-06-30 14:18 信息来源：济南市工业和信息化局" in out
    assert "日期：2024-06-06" in out
    assert out.startswith("济南市加快建设工业强市三年行动计划（征求意见稿）\n") and out.endswith("\n一、总体要求\n")


def test_related_links_tail_goes_only_at_the_end():
    body = "（三）加强宣传引导。大力弘扬企业家精神。（责任单位：市委宣传部）\n" * 5
    out = run(boilerplate.remove_boilerplate, body + "\n热点推荐\n相关阅读\n某市关于印发某方案的通知\n")
    assert out.rstrip("\n") == body.rstrip("\n")
    early = "相关链接\n" + body
    assert run(boilerplate.remove_boilerplate, early) == early


def test_database_chrome_fields_go_metadata_fields_stay():
    raw = "【发布部门】山东省人民政府办公厅 【发文字号】鲁政办字〔2023〕185号 【时效性】现行有效 【效力级别】地方规范性文件\n正文"
    out = run(boilerplate.remove_boilerplate, raw)
    assert "【发文字号】鲁政办字〔2023〕185号" in out and "【发布部门】山东省人民政府办公厅" in out
    assert "现行有效" not in out and "效力级别" not in out


@pytest.mark.parametrize(
    "line",
    [
        "— 3 —",
        "- 12 -",
        "第3页 共10页",
        "共10页 第3页",
        "3/10",
        "　　— 7 —",
        "【打印本页】【关闭窗口】",
        "分享到：微信 微博",
        "首页 > 政务公开 > 政策文件",
    ],
)
def test_page_numbers_and_web_buttons_go(line):
    raw = f"加快推进\n{line}\n新型工业化。"
    assert run(boilerplate.remove_boilerplate, raw) == "加快推进\n\n新型工业化。"


# ---------------------------------------------------------------- PDF page furniture
# An invented bulletin: what a PDF export of a 公报 issue puts around every page break.
HEADER = "江南省人民政府公报　　　　　　　　2024年第11期"
INTRO = "各市人民政府，省政府各部门：\n现将有关事项通知如下。\n"


def paged(*pages: str, header: str | None = HEADER, number=lambda k: f"— {k} —") -> str:
    """Pages joined as a PDF export joins them: footer page number, then the next page's header."""
    furniture = (lambda k: f"\n\n{number(k)}\n{header}\n\n") if header else (lambda k: f"\n\n{number(k)}\n\n")
    return "".join(page + (furniture(k) if k < len(pages) else "") for k, page in enumerate(pages, 1))


def test_running_header_goes_and_the_word_it_cut_is_rejoined():
    raw = INTRO + paged(
        "（一）发展目标。到2026年，建成省级数字化示范园",
        "区20个，培育专精特新企业500家以上。\n（二）重点任务。推进产业链协同，带动上下",
        "游企业1000家上云。\n三、保障措施",
    )
    out = normalizers.normalize(raw).text
    assert "公报" not in out and "第11期" not in out
    assert "建成省级数字化示范园区20个，培育" in out
    assert "带动上下游企业1000家上云。\n三、保障措施" in out


@pytest.mark.parametrize(
    "number",
    [lambda k: f"- {k} -", lambda k: f"第{k}页 共9页", lambda k: f"{k}/9", lambda k: f"　　—{k}—"],
    ids=["dashes", "di-ye", "slash", "indented"],
)
def test_running_header_goes_with_any_page_number_style(number):
    raw = INTRO + paged("推进智能化改造，建设示范", "工厂30家。推进绿色化改造，建设绿色", "工厂50家。", number=number)
    assert (
        normalizers.normalize(raw).text
        == "各市人民政府，省政府各部门：\n现将有关事项通知如下。\n推进智能化改造，建设示范工厂30家。推进绿色化改造，建设绿色工厂50家。"
    )


def test_header_sharing_its_line_with_the_page_number_goes():
    raw = INTRO + paged(
        "推进智能化改造，建设示范", "工厂30家。", header=None, number=lambda k: f"江南省人民政府公报　　— {k} —"
    )
    assert normalizers.normalize(raw).text.endswith("现将有关事项通知如下。\n推进智能化改造，建设示范工厂30家。")


def test_running_header_without_page_numbers_goes_when_it_recurs_a_page_apart():
    filler = "加快推进新型工业化，持续提升产业链供应链韧性和安全水平。" * 12  # about a page
    raw = INTRO + "".join(f"{filler}建设示范\n{HEADER}\n工厂{k}家。\n" for k in range(3))
    out = normalizers.normalize(raw).text
    assert "公报" not in out and out.count("建设示范工厂") == 3


def test_repeated_lines_that_are_content_stay():
    # Close repeats are table cells; labelled lines, heading markers and the 序号 row are content.
    cells = "序号 指标 2025年\n1\n数字化车间\n2\n数字化车间\n3\n数字化车间\n"
    out = run(boilerplate.remove_boilerplate, INTRO + cells)
    assert out.count("数字化车间") == 3
    page = "（一）实施改造。推动企业上云。\n责任单位\n（省经信厅负责）\n"
    raw = INTRO + paged(page, page, page, header="责任单位")
    out = run(boilerplate.remove_boilerplate, raw)
    # (the unit line ends two pages, but it also stands where no page ends: content)
    assert out.count("责任单位") == 5 and out.count("（省经信厅负责）") == 3
    raw = INTRO + paged("推进改造。", "推进改造。", "推进改造。", header="序号 指标 2025年")
    assert run(boilerplate.remove_boilerplate, raw).count("序号 指标 2025年") == 2


def test_line_next_to_a_page_number_stays_unless_it_repeats():
    # After the first page number comes the body's own title: once, so it is not page furniture.
    raw = INTRO + "（此件公开发布）\n\n— 1 —\n江南省数字化转型行动方案\n为加快转型，制定本方案。\n"
    assert "江南省数字化转型行动方案\n为加快转型" in normalizers.normalize(raw).text


def test_title_repeated_as_running_header_stays_where_it_is_the_title():
    title = "江南省数字化转型行动方案"
    raw = f"{title}\n" + INTRO + paged("推进改造，建设示范", "工厂30家。", "推进绿色化改造。", header=title)
    out = normalizers.normalize(raw).text
    assert out.startswith(title + "\n") and out.count(title) == 1 and "示范工厂30家" in out


def test_body_lines_that_mention_a_source_stay():
    raw = "资金来源：市财政统筹安排，各县市区按比例配套。\n"
    assert run(boilerplate.remove_boilerplate, raw) == raw


# ---------------------------------------------------------------- line breaks (corpus/000)
def test_page_break_inside_a_sentence_is_joined():
    raw = (
        "为认真贯彻落实中央关于建设制造强国的决策部署，提出如下意见。\n\n"
        "(一)指导思想。以习近平新时代中国特色社会主义思想为指导，积极融入以国内大循环为主体、国内国际双\n\n"
        "循环互相促进的新发展格局。\n\n"
        "牵头单位:市发展改革委;责任单位:市财政局、市自然资源和规划局、市\n\n"
        "税务局等,各县市区、功能区\n\n"
        "四、组织领导\n"
    )
    out = run(linebreaks.fix_linebreaks, raw)
    assert "国内国际双循环互相促进" in out
    assert "、市税务局等" in out
    assert out.endswith("功能区\n四、组织领导")  # never join to a heading


@pytest.mark.parametrize(
    "a, b",
    [
        ("1.发展目标", "到2023年，规模以上企业达到650家，营业收入达到1200亿元。"),  # heading line
        ("（一）实施主导产业升级工程，构建高能级产业体系", "1.做强三大优势产业。高端装备产业重点发展汽车零部件。"),
        ("到2023年，规模以上企业达到650家，营业收入达到1200亿元", "（二）高端化工产业集群"),  # next is heading
        ("牵头单位：市工业和信息化局；责任单位：市科技局、教育局等，有关县市区、功能区", "(二) 高端化工产业集群"),
        ("山东省人民政府办公厅", "2023 年 11 月 11 日"),  # signature, then a date line
        ("汶上县人民政府", "关于推动制造业高质量发展的意见"),  # short line: a title, a table cell
        ("鼓励行业协会、商会等社会力量积极参与制造业发展，形成强大合力。", "三、保障措施"),
        (
            "加强产业链上下游协同，打造完整产业链条（责任单位：市工业和信息化局）",
            "加快推进重点项目建设，形成一批标志性成果。",
        ),
        ("吴家角港、南港河等河道清淤工程，2021-2022", "1500"),  # a table's numeric cells, one per line
        ("吴家角港、南港河等河道清淤工程，２０２１-２０２２", "１５００"),  # the same in full-width digits
    ],
)
def test_breaks_that_must_stay(a, b):
    raw = "为深入贯彻党的二十大精神，制定如下意见。\n" + a + "\n\n" + b
    assert run(linebreaks.fix_linebreaks, raw) == "为深入贯彻党的二十大精神，制定如下意见。\n" + a + "\n" + b


@pytest.mark.parametrize(
    "a, b",
    [
        # a site article's title, its date and source line, then the text (0169 of corpus-real)
        ("广州市困难残疾人生活补贴和重度残疾人护理补贴实施办法", "2022-11-16 来源: 广州市民政局"),
        (
            "2022-11-16 来源: 广州市民政局分享到微信朋友圈和微博",
            "为进一步完善和规范我市困难残疾人生活补贴制度，制定本办法。",
        ),
        (
            "广州市高校毕业生创业补贴政策解读和申领办理流程汇总",
            "发布日期：2025-04-08 11:24:11 文章来源：市人力资源社会保障局官网",
        ),
    ],
)
def test_an_article_date_or_source_line_stays_a_line_of_its_own(a, b):
    raw = "搜索热词：\n" + a + "\n" + b
    assert run(linebreaks.fix_linebreaks, raw) == raw


def test_the_line_above_a_signature_ends_there():
    # GB/T 9704: 附件说明, then 发文机关署名 and 成文日期, each a line (devset f_shanghai_fangan, corpus-real 0118)
    raw = "请认真贯彻执行。\n附件：上海市低空经济产业高质量发展重点任务分工表\n上海市人民政府办公厅\n2024年7月2日"
    assert run(linebreaks.fix_linebreaks, raw) == raw
    # a sentence broken before a short line that no date follows is still joined
    raw = "请认真贯彻执行。\n申报材料加盖公章后，请于规定时间内报送至市工业和\n信息化局\n附件：申报表"
    assert (
        run(linebreaks.fix_linebreaks, raw)
        == "请认真贯彻执行。\n申报材料加盖公章后，请于规定时间内报送至市工业和信息化局\n附件：申报表"
    )


def test_header_block_is_never_joined():
    raw = "\n\n山东省人民政府办公厅\n\n关于加快发展先进制造业集群的实施意见\n\n鲁政办字〔2023〕185号\n\n各市人民政府：\n正文。\n\n\n"
    out = run(linebreaks.fix_linebreaks, raw)
    assert (
        out
        == "山东省人民政府办公厅\n关于加快发展先进制造业集群的实施意见\n鲁政办字〔2023〕185号\n各市人民政府：\n正文。"
    )


@pytest.mark.parametrize(
    "row_a, row_b",
    [
        ("1\t规模以上工业企业数字化改造覆盖率\t%\t80", "2\t关键工序数控化率\t%\t65"),
        ("推进企业数字化改造　　　省经信厅　　　2025年底", "建设工业互联网平台　　　省通信管理局　　　2024年底"),
        ("推进企业数字化改造，建设示范工厂　　省经信厅", "省财政厅、省发展改革委等按职责分工负责，持续推进"),
        ("推进企业数字化改造，推动规上企业全覆盖，建设示范工厂", "指标\t单位\t目标值"),
    ],
)
def test_table_rows_are_never_joined(row_a, row_b):
    raw = "为深入推进转型，制定如下措施。\n" + row_a + "\n" + row_b + "\n"
    assert run(linebreaks.fix_linebreaks, raw) == raw.rstrip("\n")
    norm = normalizers.normalize(raw).text
    assert norm.count("\n") == 2 and normalizers.normalize(norm).text == norm


def test_a_table_exported_one_cell_per_line_keeps_its_cells():
    # a 重点项目表 row whose cells became lines (Word → text): the 建设内容 cell is long and has a comma, the cells
    # after it (place, period, investment) are short lines one after another
    body = "为加快补齐短板，制定本规划。\n"
    cells = [
        "1",
        "雨水管网新建改造工程",
        "新建",
        "随道路建设，开展雨水管网建设和改造120公里",
        "各城区",
        "2021至二〇二五",
        "27500",
    ]
    raw = body + "\n\n".join(cells)
    assert run(linebreaks.fix_linebreaks, raw) == body + "\n".join(cells)


def test_a_task_table_exported_one_cell_per_line_keeps_its_unit_cells():
    # 重点任务分工表 (序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限): a 配合单位 cell lists units with 、
    body = "为加快数字经济发展，制定本方案。\n"
    cells = ["1", "建设工业互联网平台，培育平台服务商10家", "市工信局", "市财政局、市发展改革委", "2024年底前"]
    raw = body + "\n\n".join(cells)
    assert run(linebreaks.fix_linebreaks, raw) == body + "\n".join(cells)


@pytest.mark.parametrize(
    "a, b, c",
    [
        ("申报材料加盖公章后，请于规定时间内报送至市工业和", "信息化局。", "附件：申报表"),  # a tail with its stop
        (
            "加快推进基础设施建设、产业扶贫、易地扶贫搬迁、",
            "教育医疗住房保障",
            "二、重点任务",
        ),  # a list broken after 、
        ("申报材料加盖公章后，请于规定时间内报送至市工业和", "信息化局，由其审核后统一报送省厅备案管理。", "完毕"),
    ],
)
def test_a_paragraph_broken_before_a_short_line_is_still_joined(a, b, c):
    raw = "为深入推进转型，制定如下措施。\n" + a + "\n\n" + b + "\n\n" + c
    assert run(linebreaks.fix_linebreaks, raw) == "为深入推进转型，制定如下措施。\n" + a + b + "\n" + c


def test_blank_runs_beside_punctuation_are_no_column_gap():
    # `spacing` deletes blanks beside punctuation, so they cannot mark a table (idempotence)
    raw = "为深入推进转型，制定如下措施。\n推进企业数字化改造，　　推动规上企业全面开展改造和\n数字化转型。"
    assert (
        run(linebreaks.fix_linebreaks, raw)
        == "为深入推进转型，制定如下措施。\n推进企业数字化改造，　　推动规上企业全面开展改造和数字化转型。"
    )


def test_line_ending_with_comma_is_joined_even_when_short():
    raw = "正文。\n抄送：县委各部门，县人武部，\n县法院，县检察院。"
    assert run(linebreaks.fix_linebreaks, raw) == "正文。\n抄送：县委各部门，县人武部，县法院，县检察院。"


# ---------------------------------------------------------------- spacing
@pytest.mark.parametrize(
    "raw, expected",
    [
        ("到 2025 年，企业达到 800 家", "到2025年，企业达到800家"),
        ("投资 200 万元以上，", "投资200万元以上，"),
        ("加快发展战略新 兴产业，", "加快发展战略新兴产业，"),
        ("提高 1.5 个百分点", "提高1.5个百分点"),
        ("达到 50 %以上", "达到50%以上"),
        ("（二） 高端化工产业集群", "（二）高端化工产业集群"),
        ("2. 主攻方向", "2.主攻方向"),
        ("2023 年 11 月 11 日", "2023年11月11日"),
        ("重点发展 LNG 燃料动力船舶、5G 智能化货运船舶", "重点发展 LNG 燃料动力船舶、5G 智能化货运船舶"),
        (
            "中共济宁市委 济宁市人民政府 关于加快先进制造业集群开放创新发展的意见",
            "中共济宁市委 济宁市人民政府 关于加快先进制造业集群开放创新发展的意见",
        ),
        ("Open Source Software", "Open Source Software"),
        ("集\u200b群\ufeff发展  ", "集群发展"),
        ("第一条 为了规范专项资金管理，制定本办法。", "第一条 为了规范专项资金管理，制定本办法。"),
        # an article opening its sentence or its indented paragraph in a text without line breaks (LY5)
        ("固定方式。第十九条 第三方机构负责受理，", "固定方式。第十九条 第三方机构负责受理，"),
        (
            "服务工作。第二章 认定条件  第五条 申报的单位需具备以下条件：",
            "服务工作。第二章 认定条件  第五条 申报的单位需具备以下条件：",
        ),
        ("依照本办法第十九条 规定执行，", "依照本办法第十九条规定执行，"),  # inside a sentence: a reference
        # a PDF's character spacing: single digits one space apart, framed by text (LY1)
        ("依照第 1 0 条规定，到 2 0 2 5 年增长 3 0 %", "依照第10条规定，到2025年增长30%"),
        ("发展。2 0 2 3 年底前，于每年 6 月、1 2 月报送", "发展。2023年底前，于每年6月、12月报送"),
        (
            "达到 9 9.8%，精度 0.0 0 5 度，不低于 2 0Mbps，补贴 5 0—2 0 0 万元",
            "达到99.8%，精度0.005度，不低于20Mbps，补贴50—200万元",
        ),
        ("2 0 2 2 年 3 月 3 0 日", "2022年3月30日"),
        # a signature's date right-aligned by blanks in a text without line breaks (BL17); after a number, two numbers
        (
            "国务院办公厅    2 0 1 4 年 1 2 月 2 9 日  （此件公开发布）",
            "国务院办公厅    2014年12月29日（此件公开发布）",
        ),
        ("2023 2 0 2 4 年", "2023 2 0 2 4年"),
        ("全面建设新型智慧城市。9 0%的市和 7 0%的县", "全面建设新型智慧城市。90%的市和70%的县"),
        ("  1 0．保留传统金融服务方式", "10．保留传统金融服务方式"),
        # a number after a code's letters, a number closing its clause (LY5)
        ("公共场所AED3 0 0 0 台；S1 0 1 户外探险", "公共场所AED3000台；S101户外探险"),
        ("融合指数达 4 7。深入实施", "融合指数达47。深入实施"),
        # two numbers stay two: a table row's cells, a number pair without frame
        ("1 1 信息技术 词汇", "1 1信息技术 词汇"),
        ("AA 通用1 1 信息技术", "AA 通用1 1信息技术"),
        ("2023 2024年", "2023 2024年"),
        ("积极参与改造。3 5.强化适老化", "积极参与改造。3 5.强化适老化"),  # a page number, then the item 5 (one line)
    ],
)
def test_spacing(raw, expected):
    assert run(spacing.remove_spaces, raw) == expected


# ---------------------------------------------------------------- acceptance on the seeds
def test_001_is_clean_simplified_text_with_its_title_first():
    norm = normalizers.normalize(seed("001")).text
    assert norm.split("\n")[0] == "滨州市人民政府办公室关于加快发展先进制造业集群的实施意见"
    assert not ruby._CHAIN.search(norm)
    assert "(" not in norm  # every ASCII bracket was ruby or Chinese punctuation
    assert T2S.convert(norm) == norm  # no traditional character left
    assert norm.count("（一）") >= 3 and "（五）营造优良产业生态" in norm
    assert "滨政办字〔2024〕18号" in norm


def test_000_page_breaks_are_joined():
    norm = normalizers.normalize(seed("000")).text
    assert "国内国际双循环" in norm and "市税务局" in norm
    assert "\n\n" not in norm


def test_004_web_chrome_and_tail_are_gone():
    norm = normalizers.normalize(seed("004")).text
    assert "浏览次数" not in norm and "热点推荐" not in norm and "相关阅读" not in norm
    assert norm.endswith("（责任单位：市委宣传部、市工业和信息化局）")


def test_003_bookmarks_are_gone_and_headings_start_their_lines():
    norm = normalizers.normalize(seed("003")).text
    assert "bookmark" not in norm
    assert "\n10.加快数字产业发展。" in norm and "\n21.提升公共服务水平。" in norm


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_crlf_and_lf_give_the_same_norm_text(path):
    raw = read_raw(path).replace("\r\n", "\n")
    lf, crlf = normalizers.normalize(raw), normalizers.normalize(raw.replace("\n", "\r\n"))
    assert lf.text == crlf.text
    # and every norm char of the CRLF copy points at the same character
    crlf_raw = raw.replace("\n", "\r\n")
    picked = "".join(crlf_raw[i] for i in crlf.offsets.src_start)
    assert picked == "".join(raw[i] for i in lf.offsets.src_start)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_are_idempotent(path):
    once = normalizers.normalize(read_raw(path)).text
    assert normalizers.normalize(once).text == once


def _gold_files():
    return sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.name[:3])
def test_every_gold_span_maps_cleanly(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = read_raw(CORPUS / gold["doc"])
    norm = normalizers.normalize(raw)
    for span in gold["spans"]:
        a, b = norm.to_norm(span["start"], span["end"])
        assert norm.to_raw(a, b) == (span["start"], span["end"]), span


@pytest.mark.parametrize(
    "text, joined",
    [
        # a short line without punctuation of its own would stay (a title), but the next line
        # opens with a pause mark no line may start with (避头点): it is a wrapped line
        (
            "通知如下。\n加快建设现代化产业体系\n，推动高质量发展。\n",
            "通知如下。\n加快建设现代化产业体系，推动高质量发展。",
        ),
        ("通知如下。\n各市、县人民政府\n、省直各部门：\n", "通知如下。\n各市、县人民政府、省直各部门："),
        # a sentence that ended stays ended, whatever the next line opens with
        ("通知如下。\n推动高质量发展。\n）\n", "通知如下。\n推动高质量发展。\n）"),
    ],
)
def test_a_line_opening_with_a_pause_mark_continues_the_line_before(text, joined):
    out, offsets = linebreaks.fix_linebreaks(text)
    assert out == joined  # the text's trailing line break is a document-edge blank, deleted
    assert offsets.source_len == len(text)


def test_an_item_whose_number_a_pdf_spaced_out_still_starts_its_line():
    """``1 0.推动…`` (PDF character spacing) is a heading marker to linebreaks: its line is not joined to the
    title line above it, and spacing then makes it ``10.``."""
    raw = (
        "现提出以下意见。\n9.强化安全。加强数据安全防护，建立数据分类分级保护制度，提升数据安全保护能力和水平\n"
        "1 0.推动制造装备改造。加快制造装备更新改造。\n"
    )
    assert "水平\n10.推动制造装备改造" in normalizers.normalize(raw).text
