"""Genre, status, and the metadata readers for where real documents put it (pipeline.structure)."""

from __future__ import annotations

import pytest

from pipeline.structure import meta_sources as ms
from pipeline.structure.doc_genre import (
    conventions_genre,
    genre_family,
    genre_label,
    genre_of_preamble,
    genre_of_title,
    genre_word,
    status_of,
)
from pipeline.structure.doc_meta import complete_meta, lines_of


@pytest.mark.parametrize(
    "title, genre",
    [
        ("国务院办公厅转发国家发展改革委关于“十三五”期间实施新一轮农村电网改造升级工程意见的通知", "意见"),
        ("国务院批转国家计委关于发行一九八七年电力建设债券报告的通知", "报告"),
        ("智能网联汽车道路测试与示范应用管理规范（试行）", "管理规范"),
        ("新一代人工智能伦理规范", "规范"),
        ("加快数字化高质量发展打造数字先锋城市推进方案", "方案"),
        ("关于加快“科创济南”建设全面提升科技创新能力的若干政策措施", "若干措施"),
        ("广州市人力资源和社会保障局 广州市公安局关于印发广州市引进人才入户管理办法实施细则的通知", "实施细则"),
        ("厦门市2024年政府工作报告", "政府工作报告"),  # the title's own compound
        ("全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案", "任务分工方案"),
        ("国务院批转国家能源委员会关于地方国营煤矿若干经济政策问题请示的通知", "通知"),  # a 请示 is put in no force
        ("商务部关于公布首批全国示范智慧商圈、全国示范智慧商店名单的通知", "通知"),  # 公布 announces a list
        ("国务院批转发展改革委关于坚决制止电站项目无序建设意见的紧急通知", "意见"),
        ("国务院办公厅关于转发国土资源部等部门找矿突破战略行动纲要（2011—2020年）的通知", "纲要"),
        ("广州市高校毕业生一次性创业补贴（政务指引）", "指引"),  # the type in a bracketed note
        ("关于印发XX市数字经济发展实施方案（征求意见稿）的通知", "实施方案"),
        ("XX市人才公寓管理规定", "管理规定"),
        ("广州市地下空间开发利用管理办法", "管理办法"),
        ("济南市国家新一代人工智能创新发展试验区建设若干政策", "若干政策"),
        ("山东省服务业数字化转型行动方案（2021—2023）", "行动方案"),
        ("国务院关于同意深化煤炭资源有偿使用制度改革试点实施方案的批复", "批复"),  # its own word; genre_label: the plan
        ("国务院关于同意建立全国油气田及输油气管道安全保护工作部际联席会议制度的批复", "批复"),  # an arrangement
        ("重庆市物业管理条例", "条例"),
        ("一段不是标题的话", None),
    ],
)
def test_genre_of_title(title, genre):
    assert genre_of_title(title) == genre


def test_a_reply_approving_a_plan_is_catalogued_as_the_plan_but_keeps_its_own_word():
    """CONVENTIONS gives the attached type to 印发/转发/批转 notices only: a 批复 issues nothing, its word is 批复;
    the catalogue (corpus-real's MANIFEST, 0025) files the 批复 of a plan under the plan."""
    approving = "国务院关于同意深化煤炭资源有偿使用制度改革试点实施方案的批复"
    assert genre_label(genre_of_title(approving), approving) == "实施方案"
    assert genre_label("批复", "关于同意XX市国土空间总体规划（2021—2035年）的批复") == "规划"
    arrangement = "国务院关于同意建立全国油气田及输油气管道安全保护工作部际联席会议制度的批复"
    assert genre_label(genre_of_title(arrangement), arrangement) == "批复"
    done = complete_meta(f"{approving}\n国函〔2006〕102号\n财政部：\n你部请示收悉。", "", None, None, None, None)
    assert (done.genre_word, done.genre, done.genre_family) == ("批复", "实施方案", "方案")


def test_genre_words_canonical_form():
    assert genre_word("管理办法") == "管理办法" and genre_word("政府工作报告") == "政府工作报告"
    assert genre_word("若干政策") == "若干政策" and genre_word("任务分工方案") == "任务分工方案"
    assert (
        genre_word("分工方案") == "分工方案"
        and genre_word("推进方案") == "方案"
        and genre_word("发展规划") == "规划"
        and genre_word("工作报告") == "工作报告"
    )
    assert genre_word("政策") == "若干政策" and genre_word("支持措施") == "若干措施"


def test_genre_of_preamble():
    assert genre_of_preamble("为……，特制定本实施方案。") == "实施方案"
    assert genre_of_preamble("经国务院同意，现提出以下意见：") == "意见"
    assert genre_of_preamble("为……，制订本行动计划。") == "行动计划"
    assert genre_of_preamble("现制定如下分工方案。一、把实施") == "分工方案"
    assert genre_of_preamble("《关于报送…的函》收悉。经研究，主要意见回复如下：") == "意见"  # a 复函
    assert genre_of_preamble("本措施自2024年1月1日起实施。") == "若干措施"
    assert genre_of_preamble("一、总体要求") is None
    # a text that calls itself both ways is its full name; a longer name of another type is not
    assert genre_of_preamble("为……，制定本计划。\n一、本行动计划实施期为2018—2020年") == "行动计划"
    assert genre_of_preamble("特制定本方案。本实施意见所称…") == "方案"


@pytest.mark.parametrize(
    "text, genre",
    [
        ("第一条 根据……，为推动……，制定本办法\n第二条 本办法适用于", "办法"),  # the name ends a line
        ("为加强……管理，提出以下意见。", "意见"),  # no 现
        ("为……，就有关事项通知如下：\n一、", "通知"),
        ("各有关单位：\n……请抓紧报送。\n特此通知。", "通知"),  # a notice's closing formula
        ("……结合山东大数据工作实际，制定如下措施 一、创新推进", "若干措施"),
        ("为进一步贯彻落实……，结合实际，制定济南市人工智能岛核心展示区建设运营补贴资金实施细则。\n一、", "实施细则"),
        (
            "为加快……发展，工业和信息化部日前印发了《车联网（智能网联汽车）产业发展行动计划》（以下简称《行动计划》）。",
            "行动计划",
        ),
        (
            "……市人民政府印发了《XX市加快数字化发展“十四五”规划（2021—2025年）》（以下简称《规划》），现解读如下。",
            "规划",
        ),
        # a 解读 that opens naming the policy by a short name it then speaks of (no 现解读如下, no self-name)
        (
            "为落实试验区建设，市政府印发《某市试验区建设若干政策》（以下简称《若干政策》），自2020年6月17日起实施。\n"
            "一、《若干政策》出台背景\n……\n二、《若干政策》主要内容\n……\n三、《若干政策》主要特点\n《若干政策》明确……",
            "若干政策",
        ),
        # the same naming in a text that speaks of that document only in passing: no type of its own
        ("为贯彻省政府印发《某省办法》（以下简称《办法》），按照《办法》要求开展检查。\n一、检查范围\n……", None),
        ("为贯彻落实《国务院关于……的意见》（以下简称《意见》），制定本方案。", "方案"),  # its own name first
        ("一、总体要求\n各市要结合实际，制定具体实施方案。", None),  # a task set for others: not its own name
        ("……在此之前应停止数据境外传输行为。同时按照本通知第三条要求，尽快申办测绘资质。", "通知"),  # cites itself
        ("第二条 本规范所称道路测试，是指……", "规范"),
        ("……请认真贯彻执行。本通知自印发之日起施行。", "通知"),  # any type's effective-date clause
        ("第二十九条 本规范自2018年5月1日起施行。", "规范"),
        # the opening self-name, not the closing `本政策` (realblind 0117)
        ("……结合我市实际，制定若干政策措施如下。\n一、……\n本政策自印发之日起施行。", "若干措施"),
        ("各地要依据本规定制定具体办法。", None),  # 本 + a type, but no part of itself cited
        ("……根据国务院《物流业发展中长期规划》，现提出智慧物流配送体系建设实施方案，请认真组织实施：", "实施方案"),
    ],
)
def test_genre_of_preamble_by_the_formulas_documents_use(text, genre):
    assert genre_of_preamble(text) == genre


@pytest.mark.parametrize(
    "word, label",
    [
        ("若干意见", "意见"), ("方案", "实施方案"), ("分工方案", "任务分工方案"), ("计划", "行动计划"),
        ("办法", "管理办法"), ("细则", "实施细则"), ("规定", "管理规定"), ("管理规范", "管理规定"), ("规范", "指南"),
        ("指引", "指南"), ("纲要", "规划"), ("工作报告", "报告"), ("流程", "工作流程"), ("摘编", "政策汇编"),
        # the set has these words itself
        ("实施意见", "实施意见"), ("指导意见", "指导意见"), ("管理办法", "管理办法"), ("政府工作报告", "政府工作报告"),
        ("若干措施", "若干措施"), ("通知", "通知"), ("条例", "条例"), (None, None),
    ],
)  # fmt: skip
def test_genre_label_is_the_closed_set_public_catalogues_use(word, label):
    assert genre_label(word) == label


def test_a_notice_issuing_a_type_the_set_lacks_is_catalogued_as_the_notice():
    title = "国务院办公厅关于印发国家突发环境事件应急预案的通知"
    assert genre_of_title(title) == "预案" and genre_label("预案", title) == "通知"
    assert genre_label("条例", "重庆市物业管理条例") == "条例"  # no notice: the word as it is
    assert genre_label("办法", "关于印发XX市管理办法的通知") == "管理办法"  # the set has it


@pytest.mark.parametrize(
    "genre, family",
    [
        ("指导意见", "意见"), ("实施意见", "意见"), ("任务分工方案", "方案"), ("行动计划", "计划"),
        ("工作要点", "计划"), ("纲要", "规划"), ("若干政策", "措施"), ("若干措施", "措施"),
        ("实施细则", "办法"), ("管理办法", "办法"), ("条例", "规定"), ("管理规定", "规定"), ("规范", "指南"),
        ("管理规范", "规定"), ("分工方案", "方案"),
        ("指引", "指南"), ("政府工作报告", "报告"), ("通告", "公告"), ("答复", "批复"), ("会议纪要", "纪要"),
        ("名单", "其他"), ("汇编", "其他"), (None, None),
    ],
)  # fmt: skip
def test_genre_family_is_the_class_a_researcher_filters_by(genre, family):
    assert genre_family(genre) == family


def test_a_word_and_its_label_are_of_one_family():
    # genre_family filters what genre names: a 规范 catalogued as 指南 is of the 指南 family
    from pipeline.structure.doc_genre import GENRE_LABEL_OF_WORD

    assert {word: genre_family(word) for word in GENRE_LABEL_OF_WORD} == {
        word: genre_family(label) for word, label in GENRE_LABEL_OF_WORD.items()
    }


def test_every_type_word_has_a_family_or_is_named_other():
    from pipeline.structure.doc_genre import _COMPOUNDS, _TYPES, FAMILIES, OTHER_FAMILY

    classed = {genre for genres in FAMILIES.values() for genre in genres}
    assert len(classed) == sum(map(len, FAMILIES.values()))  # no type in two families
    unclassed = {word for word in (*_COMPOUNDS, *_TYPES) if genre_word(word) not in classed}
    assert unclassed == {"清单", "目录", "名单", "汇编", "摘编"}  # lists and compilations: no type of document
    assert {genre_family(word) for word in unclassed} == {OTHER_FAMILY}


def test_gold_vocabulary_names_three_compounds_more_coarsely():
    assert [conventions_genre(g) for g in ("政府工作报告", "任务分工方案", "分工方案", "管理规定", "管理规范", "管理办法", None)] == [
        "工作报告", "方案", "方案", "规定", "规范", "管理办法", None,
    ]  # fmt: skip


def test_status():
    assert status_of("关于…的管理办法（征求意见稿）") == "draft"
    assert status_of("智能网联汽车道路测试与示范应用管理规范（试行）") == "trial"
    assert status_of("市场监督管理投诉举报处理暂行办法") == "trial"
    assert status_of("某某实施方案", "", "第十五条 本规定自印发之日起执行，试行期一年。") == "trial"
    assert status_of("某某实施方案") == "final"
    # a text without its title says it is on trial in its own commencement clause (realblind10 0046)
    assert status_of(None, "", "第二十三条本办法自公布之日起试行，") == "trial"
    assert status_of(None, "", "本规定自2020年1月1日起暂行。") == "trial"
    assert status_of(None, "", "本办法自2020年1月1日起施行。《某某暂行办法》同时废止。") == "final"
    assert status_of(None, "", "各地可参照本办法，从2025年起试行相关制度。") == "final"  # no 自…起: not its own


JIANGXI_PAGE = """江西省人民政府 工作动态 江西省人民政府办公厅印发关于推进的通知
索 引 号:
014500343/2020-12345
发文机关:
江西省人民政府办公厅
成文日期:
2020-03-05
文    号:
赣府厅字〔2020〕14号
发布日期:
2020-03-06
各设区市人民政府，省政府各部门：
现将《方案》印发给你们，请认真贯彻执行。
"""


def test_info_table_values_on_the_next_line():
    table = ms.info_table(lines_of(JIANGXI_PAGE))
    assert table["doc_number"] == "赣府厅字〔2020〕14号"
    assert table["issuer"] == "江西省人民政府办公厅"
    assert table["written_date"] == "2020-03-05" and table["published_date"] == "2020-03-06"


def test_info_table_pairs_on_one_line():
    text = "索引号：000014349/2021-00032 主题分类：综合政务\n发文机关：国务院办公厅 成文日期：2021年03月12日\n发文字号：国办发〔2021〕8号"
    table = ms.info_table(lines_of(text))
    assert table == {
        "index_number": "000014349/2021-00032",
        "topic": "综合政务",
        "issuer": "国务院办公厅",
        "written_date": "2021-03-12",
        "doc_number": "国办发〔2021〕8号",
    }


def test_info_table_cell_ends_at_the_next_label_or_the_numbers_end():
    """A page's cells (`文　　号：` `X〔2024〕3号` `有 效 性：` `有效`): the 文号 ends at the next label;
    where the cells run together into one word, at its 号."""
    cells = "文　　号：某政文〔2024〕3号　有 效 性：有效\n某市人民政府关于印发某市若干措施的通知\n各县人民政府：\n现印发给你们。"
    assert ms.info_table(lines_of(cells))["doc_number"] == "某政文〔2024〕3号"
    run_together = cells.replace("　有 效 性", "有效性")
    assert ms.info_table(lines_of(run_together))["doc_number"] == "某政文〔2024〕3号有效性：有效"
    assert complete_meta(run_together, run_together, None, None, None, None).doc_number == "某政文〔2024〕3号"


def test_scraped_page_completes_to_the_issuer_region_and_date():
    done = complete_meta(
        JIANGXI_PAGE, JIANGXI_PAGE, "江西省人民政府 工作动态 江西省人民政府办公厅印发关于推进的通知", None, None, None
    )
    assert done.title == "江西省人民政府办公厅印发关于推进的通知"
    assert done.doc_number == "赣府厅字〔2020〕14号"
    assert done.issuer == "江西省人民政府办公厅" and done.issue_date == "2020-03-05"
    assert (done.province, done.admin_level, done.division_code) == ("江西省", "province", "360000")


def test_order_numbers():
    assert (
        ms.order_number(lines_of("广州市人民政府令\n第179号\n《广州市老年人优待办法》已经…通过"))
        == "广州市人民政府令第179号"
    )
    assert (
        ms.order_number(lines_of("某办法\n（2019年11月30日国家市场监督管理总局令第20号公布）"))
        == "国家市场监督管理总局令第20号"
    )
    assert ms.order_number(lines_of("根据国家市场监督管理总局令第20号，制定本办法。")) is None


# A 令 on a saved page (realblind 0170's shape, the chrome cut): more menu lines than a head holds, the
# page's 来源 an office, the 令 signed by a person, the regulation named only in the promulgation sentence.
ORDER_PAGE = "\n".join(
    [f"菜单{i}" for i in range(26)]
    + [
        "来源：广州市人民政府办公厅",
        "广州市人民政府令",
        "第179号",
        "《广州市老年人优待办法》已经2021年1月8日市政府第15届130次常务会议通过，现予公布，自2021年5月1日起施行。",
        "市长：温国辉",
        "2021年1月29日",
        "第一条 为保障老年人合法权益，制定本办法。",
    ]
)


def test_an_order_takes_its_title_from_the_promulgation_and_its_issuer_from_the_order():
    assert ms.promulgated_title(lines_of(ORDER_PAGE)) == "广州市老年人优待办法"
    assert ms.promulgated_title(lines_of("《某办法》已印发给你们，请遵照执行。")) is None  # no 现予公布
    done = complete_meta(ORDER_PAGE, ORDER_PAGE, None, None, "广州市人民政府办公厅", None)
    assert done.title == "广州市老年人优待办法" and done.doc_number == "广州市人民政府令第179号"
    assert done.issuer == "广州市人民政府" and done.issuers == ["广州市人民政府"]
    assert done.effective_date == "2021-05-01" and done.genre_word == "办法"


def test_take_effect_on_printing_without_a_signature_date_is_the_printing_lines_date():
    text = "一、支持企业发展。\n本政策自印发之日起施行。\n抄送：市委各部门。\n济南市人民政府办公厅 2019年1月3日印发"
    assert ms.printed_line(lines_of(text)) == ("济南市人民政府办公厅", "2019-01-03")
    assert complete_meta(text, text, None, None, None, None).effective_date == "2019-01-03"
    signed = complete_meta(text, text, None, None, "济南市人民政府", "2018-12-29")  # a signature read by extract_meta
    assert signed.effective_date == "2018-12-29"  # the 成文日期 first


def test_regulation_adoption_line():
    text = "重庆市物业管理条例\n（2015年11月26日重庆市第四届人民代表大会常务委员会第二十一次会议通过）\n第一条 为了规范物业管理…"
    assert ms.adoption(text) == ("重庆市第四届人民代表大会常务委员会第二十一次", "2015-11-26")
    done = complete_meta(text, text, "重庆市物业管理条例", None, None, None)
    assert done.issuer == "重庆市人民代表大会常务委员会" and done.issue_date == "2015-11-26"
    assert (done.province, done.admin_level, done.genre) == ("重庆市", "province", "条例")


def test_effective_and_expiry_dates():
    assert ms.effective_date("本办法自2023年9月8日起施行，有效期3年。", None) == "2023-09-08"
    assert ms.effective_date("本细则自印发之日起实施。", "2022-07-07") == "2022-07-07"
    assert ms.effective_date("本细则自印发之日起实施。", None) is None
    # the day the document is sent out or signed is its issue date too (`自发出之日起`, `自签发之日起`)
    sent = "九、本通知自发出之日起施行。其他有关规定与本通知不符时，按本通知执行。"
    assert ms.effective_date(sent, "1991-01-15") == "1991-01-15"
    assert ms.effective_date("本决定自签发之日起施行。", "2020-05-06") == "2020-05-06"
    assert ms.expiry_date("自2023年2月22日施行，有效期至2026年2月21日。") == "2026-02-21"
    assert ms.expiry_date("本办法自2023年9月8日起施行，有效期3年。") is None  # a duration is not a date


@pytest.mark.parametrize(
    "sentence, effective",
    [
        ("第二十五条 本办法自2023年9月8日起施行。", "2023-09-08"),
        ("解释。第十七条本规定自一九八七年一月一日起实行。", "1987-01-01"),  # lost line break, Chinese numerals
        ("第二十八条  本细则为《某某通知》的配套文件，自2023年2月22日施行，有效期至2026年2月21日。", "2023-02-22"),
        ("《某市优待办法》已经2021年1月8日市政府常务会议通过，现予公布，自2021年5月1日起施行。", "2021-05-01"),
        ("负责解释。\n自2024年1月1日起施行。", "2024-01-01"),  # the clause alone is the document's
        ("请认真贯彻执行。《某市人才公寓管理办法》自2024年3月1日起施行。", "2024-03-01"),  # an 印发 notice's document
        ("7.3预案实施时间  本预案自2020年3月1日起实施。", "2020-03-01"),  # a flat text's heading before it
        # a 解读 page's opening names the document it presents and when it takes effect, then speaks of it by its
        # short name (the page is catalogued as that document, CONVENTIONS)
        (
            "为落实试验区建设，市政府印发《某市试验区建设若干政策》（以下简称《若干政策》），自2020年6月17日起施行。\n"
            "一、《若干政策》出台背景\n……\n二、《若干政策》主要内容\n……\n三、《若干政策》主要特点\n《若干政策》明确……",
            "2020-06-17",
        ),
        # the same opening in a text that does not go on to speak of that document: its date is the other's
        ("为贯彻省政府印发《某省办法》（以下简称《办法》），自2020年6月17日起施行。\n一、工作目标\n……", None),
        # a date the text sets for something else: a rule a 请示 asks a ministry to draw up
        ("建议煤炭部提出折旧办法，报经财政部批准后，从一九八五年一月一日起实行。", None),
        ("各地制定的细则，经省政府同意后，自2025年1月1日起执行。", None),
    ],
)
def test_effective_date_only_from_a_sentence_about_the_document(sentence, effective):
    assert ms.effective_date(sentence, None) == effective


@pytest.mark.parametrize(
    "title, issuers",
    [
        # a 批转 notice's issuer is the organ that 批转s, not the authors of the 请示 it forwards
        ("国务院批转国家经委、国家计委、财政部关于调整煤炭工业若干政策问题的请示的通知", ["国务院"]),
        ("国务院办公厅转发国家发展改革委、财政部关于某某工作意见的通知", ["国务院办公厅"]),
        # a 联合发文 names all its issuers before 关于 (or before 印发)
        ("广州市人力资源和社会保障局 广州市公安局关于印发广州市引进人才入户管理办法实施细则的通知",
         ["广州市人力资源和社会保障局", "广州市公安局"]),
        ("工业和信息化部、公安部、交通运输部印发《智能网联汽车道路测试管理规范》的通知",
         ["工业和信息化部", "公安部", "交通运输部"]),
        # a reply to a deputy's 建议 names its organ before 对
        ("民政部对“关于应对老龄社会，深化运用人工智能技术的建议”的答复", ["民政部"]),
        ("教育部对十三届全国人大三次会议第1234号建议的答复", ["教育部"]),
        # 对 after 关于 is the matter's (`关于对…的通知`), and outside a reply's title it ends no organ
        ("国务院关于对某某工作进行检查的通知", ["国务院"]),
        ("某某省对口支援办公室关于某某工作的通知", ["某某省对口支援办公室"]),
    ],
)  # fmt: skip
def test_issuers_of_forwarding_and_joint_titles(title, issuers):
    assert complete_meta(f"{title}\n各有关单位：\n正文。", "", title, None, None, None).issuers == issuers


def test_signature_broken_over_lines_and_joint_signatures():
    broken = lines_of("正文完。\nXX市市\n场监管局\n2023年5月1日")
    assert ms.signature_organs(broken, 3) == ["XX市市场监管局"]
    joint = lines_of(
        "正文完。\n广州市天河区科技工业和信息化局\n广州市天河区人力资源和社会保障局\n中共广州市天河区委统战部\n2023年8月9日"
    )
    assert ms.signature_organs(joint, 4) == [
        "广州市天河区科技工业和信息化局",
        "广州市天河区人力资源和社会保障局",
        "中共广州市天河区委统战部",
    ]
    done = complete_meta("标题\n正文完。\nXX市市\n场监管局\n2023年5月1日", "", None, None, "场监管局", "2023-05-01")
    assert done.issuer == "XX市市场监管局"


def test_joint_signature_of_many_ministries_keeps_every_organ_and_the_first_as_issuer():
    """GB/T 9704 联合行文: a 3-character ministry (`财政部`) is an organ, not a fragment; 13 lines all sign."""
    four = lines_of("正文完。\n国家发展改革委\n国家数据局\n财政部\n自然资源部\n2024年5月14日")
    assert ms.signature_organs(four, 5) == ["国家发展改革委", "国家数据局", "财政部", "自然资源部"]
    assert ms.signature_organs(lines_of("正文完。\n山东省人民政府\n办公厅\n2023年5月1日"), 3) == [
        "山东省人民政府办公厅"
    ]
    organs = [f"中华人民共和国第{n}部" for n in "一二三四五六七八九十"] + [
        "国家税务总局",
        "国家铁路局",
        "中国民用航空局",
    ]
    text = "标题\n正文完。\n" + "\n".join(organs) + "\n2020年7月3日"
    assert ms.signature_organs(lines_of(text), len(organs) + 2) == organs
    done = complete_meta(text, "", None, None, " ".join(organs[-4:]), "2020-07-03")
    assert (done.issuer, done.issuers) == (organs[0], organs)


@pytest.mark.parametrize(
    "line, organs",
    [
        # GB/T 9704 联合行文 printed with the organs run together: two central organs, two local ones
        ("工业和信息化部市场监管总局", ["工业和信息化部", "市场监管总局"]),
        ("国家能源局国家矿山安全监察局", ["国家能源局", "国家矿山安全监察局"]),
        ("中共中央办公厅国务院办公厅", ["中共中央办公厅", "国务院办公厅"]),
        ("中共济宁市委济宁市人民政府", ["中共济宁市委", "济宁市人民政府"]),
        # one organ: its own office or department, a ministry's bureau, a central organ's local branch, a name
        # whose inner word ends like an organ (`…社会` + `保障部`), a commission's full name (`…委` + `员会`)
        ("国务院办公厅", ["国务院办公厅"]),
        ("中共济南市委宣传部", ["中共济南市委宣传部"]),
        ("公安部交通管理局", ["公安部交通管理局"]),
        ("国家税务总局山东省税务局", ["国家税务总局山东省税务局"]),
        ("中华人民共和国人力资源和社会保障部", ["中华人民共和国人力资源和社会保障部"]),
        ("国家发展和改革委员会", ["国家发展和改革委员会"]),
        ("国务院国有资产监督管理委员会", ["国务院国有资产监督管理委员会"]),
    ],
)
def test_a_signature_line_of_organs_run_together_is_split_between_organs(line, organs):
    assert ms.split_run_on_organs(line) == organs


def test_a_joint_signature_run_together_and_dated_blank_names_both_issuers():
    """realblind7 0051's form: `工业和信息化部市场监管总局` over `2024年月日` (the day not filled in): both organs
    sign, the first is the issuer, and the text has no 成文日期."""
    text = "各有关企业：\n现将有关事项通知如下。\n附件：1.某某指南\n工业和信息化部市场监管总局\n2024年月日\n附件 1\n某某指南"
    done = complete_meta(text, text, None, None, None, None)
    assert (done.issuer, done.issuers, done.issue_date) == ("工业和信息化部", ["工业和信息化部", "市场监管总局"], None)
    flat = "关于某某工作的通知各省发展改革委：现将有关事项通知如下：一、加强领导。各地要加强领导。国家发展改革委国家能源局2020年3月1日"
    done = complete_meta(flat, flat, None, None, None, None)  # a text whose line breaks were lost: the same organs
    assert (done.issuer, done.issuers, done.issue_date) == (
        "国家发展改革委",
        ["国家发展改革委", "国家能源局"],
        "2020-03-01",
    )
    blank_day = lines_of("正文完。\n某某省财政厅\n2024年3月 日")
    assert ms.signature_organs(blank_day, ms.signature_date_index(blank_day)) == ["某某省财政厅"]
    unsigned_form = lines_of("申请单位意见：\n申请单位（盖章）\n某某中心\n年   月   日")  # a form's blank, no year
    assert ms.signature_date_index(unsigned_form) is None


def test_joint_issuers_from_the_title():
    done = complete_meta(
        "",
        "",
        "中共上海市委、上海市人民政府关于提高我市自然灾害防治能力的意见",
        None,
        "中共上海市委、上海市人民政府",
        None,
    )
    assert done.issuer == "中共上海市委" and done.issuers == ["中共上海市委", "上海市人民政府"]
    assert (done.province, done.admin_level, done.genre) == ("上海市", "province", "意见")


def test_run_on_text_without_line_breaks():
    text = (
        "国务院办公厅转发发展改革委关于加快推进煤矿企业兼并重组若干意见的通知国办发〔2010〕46号各省、自治区、直辖市人民政府，"
        "国务院各部委、各直属机构：发展改革委《关于加快推进煤矿企业兼并重组的若干意见》已经国务院同意，现转发给你们，"
        "请结合实际情况，认真贯彻执行。国务院办公厅二○一○年十月十六日关于加快推进煤矿企业兼并重组的若干意见"
    )
    done = complete_meta(text, text, None, None, None, None)
    assert done.title == "国务院办公厅转发发展改革委关于加快推进煤矿企业兼并重组若干意见的通知"
    assert done.doc_number == "国办发〔2010〕46号"
    assert done.issuer == "国务院办公厅" and done.issue_date == "2010-10-16"
    assert (done.admin_level, done.genre_word, done.genre) == ("national", "若干意见", "意见")


def test_strip_title_chrome():
    assert ms.strip_title_chrome("国务院关于X的通知 - 中国政府网") == "国务院关于X的通知"
    joint = "广州市天河区科技工业和信息化局 广州市公安局关于印发X的通知"
    assert ms.strip_title_chrome(joint) == joint


def test_first_line_title_may_quote_a_sentence():
    """A reply's title quotes the suggestion it answers, commas included; a sentence is still no title."""
    reply = "某部对“关于加快发展，提升服务水平的建议”的答复\n某函〔2021〕12号\n张三代表：\n你提出的建议收悉。现答复如下：\n一、总体情况"
    done = complete_meta(reply, reply, None, None, None, None)
    assert done.title == "某部对“关于加快发展，提升服务水平的建议”的答复"
    assert done.genre == "答复"
    sentence = "经研究，现将有关事项通知\n正文。"
    assert complete_meta(sentence, sentence, None, None, None, None).title is None


@pytest.mark.parametrize(
    "text, title",
    [
        # a compilation's part: its number, a space, its title (realblind8 0199), whatever the title's last word
        (
            "第二 我省对打赢深度贫困地区脱贫攻坚战的要求\n·2016年9月20日（省委确定极贫乡镇）\n",
            "我省对打赢深度贫困地区脱贫攻坚战的要求",
        ),
        ("第三部分　全市重点改革任务\n1.深化改革。\n", "全市重点改革任务"),
        ("第一章 总则\n第一条 为了规范…，制定本办法。\n", None),  # a chapter, no part number
        ("第一，加强组织领导。\n", None),  # an enumeration opening a sentence
    ],
)
def test_a_compilation_part_number_before_a_title(text, title):
    assert complete_meta(text, text, None, None, None, None).title == title


def test_a_joint_signature_alone_names_the_issuer():
    """No issuer in the head, a 联合发文's signature at the end: issuer is its first organ, as in issuers."""
    text = "各区工业和信息化主管部门：\n现将有关通知转发给你们。\n某某省工业和信息化厅\n某某省教育厅\n2019年4月11日"
    done = complete_meta(text, text, None, None, None, "2019-04-11")
    assert done.issuers == ["某某省工业和信息化厅", "某某省教育厅"]
    assert done.issuer == "某某省工业和信息化厅"


def test_run_on_head_with_its_bracketed_date_and_the_title_organ_as_issuer():
    """A 决定 whose line breaks were lost: title, 文号 and the 题注 date `（一九九五年三月八日）` in one run;
    its signature (`河北省人民政府` at the end) has no date, so the title's organ is the issuer."""
    text = (
        "河北省人民政府关于进一步加强水资源保护工作的决定冀政〔1995〕12号（一九九五年三月八日）　　水是生命之源。"
        "各级人民政府要切实加强领导。　　　　　　　　河北省人民政府"
    )
    done = complete_meta(text, text, None, None, None, None)
    assert done.title == "河北省人民政府关于进一步加强水资源保护工作的决定"
    assert (done.doc_number, done.issue_date) == ("冀政〔1995〕12号", "1995-03-08")
    assert done.issuer == "河北省人民政府" and done.issuers == ["河北省人民政府"]
    assert (done.province, done.admin_level, done.genre) == ("河北省", "province", "决定")
    arabic = text.replace("（一九九五年三月八日）", "（2003年5月6日）")
    assert complete_meta(arabic, arabic, None, None, None, None).issue_date == "2003-05-06"
    undated = text.replace("（一九九五年三月八日）", "")
    assert complete_meta(undated, undated, None, None, None, None).issue_date is None


@pytest.mark.parametrize(
    "title, organ",
    [
        ("国务院关于组建某集团公司有关问题的批复", "国务院"),
        ("国务院办公厅转发发展改革委关于加快推进煤矿企业兼并重组若干意见的通知", "国务院办公厅"),
        ("国务院批转地质部关于切实保障野外地质工作条件的报告", "国务院"),  # the issuer, not the reporting organ
        ("中共某市委 某市人民政府关于加快发展的意见", "中共某市委 某市人民政府"),
        ("中共某市委、某市人民政府关于加快发展的意见", "中共某市委、某市人民政府"),  # as written
        ("关于加强铁路沿线安全环境治理工作的意见", None),
        ("加快建设关于人才的若干措施", None),  # the words before 关于 are no organ
        (None, None),
    ],
)
def test_title_organ(title, organ):
    assert ms.title_organ(title) == organ


def test_run_on_signature_after_an_attachment_line_and_letter_spaced():
    """Lost line breaks glue the 附件 line to the signature: `…印发。附件：…名单国 务 院一九九八年七月二十一日`."""
    glued = "原则同意。请按批复精神修改后印发。附件：某集团公司主要成员企业名单国 务 院一九九八年七月二十一日附件：某集团公司"
    assert ms.run_on_signature(glued) == ("国务院", "1998-07-21")
    numbered = "请认真贯彻执行。附件：1.项目申报表某省发展和改革委员会2020年3月1日附件1"
    assert ms.run_on_signature(numbered) == ("某省发展和改革委员会", "2020-03-01")
    plain = "请认真贯彻执行。国务院办公厅二○一○年十月十六日关于加快推进的若干意见"
    assert ms.run_on_signature(plain) == ("国务院办公厅", "2010-10-16")
    assert ms.run_on_signature("请认真贯彻执行。附件：某集团公司主要成员企业名单") == (None, None)
    # Printed letter-spaced with two spaces (a no-break space and a space), after the indent of a flat text.
    spaced = "重大情况向国务院报告。\xa0\u3000\u3000\u3000\xa0 \xa0国\xa0 务\xa0 院\xa0 二○一一年十月十七日"
    assert ms.run_on_signature(spaced) == ("国务院", "2011-10-17")
    # Three spaces are no letter spacing: two words, not one organ.
    assert ms.run_on_signature("执行。某   市政府2011年1月1日") == (None, None)
    done = complete_meta(
        "国务院关于组建某集团公司有关问题的批复国函〔1998〕58号国家经贸委：你委请示收悉。" + glued,
        "",
        None,
        None,
        None,
        None,
    )
    assert (done.issuer, done.issue_date, done.doc_number) == ("国务院", "1998-07-21", "国函〔1998〕58号")


@pytest.mark.parametrize(
    "title, kept",
    [
        ("II浙江省城市内涝治理“十四五”规划", "浙江省城市内涝治理“十四五”规划"),  # a PDF's roman page number
        ("Ⅲ某市数字经济发展规划", "某市数字经济发展规划"),
        ("22 中共上海市委关于提高我市自然灾害防治能力的意见", "中共上海市委关于提高我市自然灾害防治能力的意见"),
        ("Ⅱ型糖尿病防治指南", "Ⅱ型糖尿病防治指南"),  # the numeral names a type
        ("II类医疗器械管理办法", "II类医疗器械管理办法"),
    ],
)
def test_leading_page_number_before_a_title(title, kept):
    assert complete_meta("", "", title, None, None, None).title == kept


def test_site_article_title_above_its_date_or_source_line():
    """A scraped article: menus, the title, then its date/source line; the normaliser may join them into one line."""
    raw = (
        "首页\n走进某区\n政务公开\n某市困难残疾人生活补贴实施办法\n2022-11-16 来源: 某市民政局\n【字号: 大中小】\n"
        "为进一步完善补贴制度，结合我市实际，制定本实施办法。\n一、补贴对象\n"
    )
    norm = "首页\n走进某区\n政务公开\n某市困难残疾人生活补贴实施办法2022-11-16来源：某市民政局为进一步完善补贴制度。\n"
    done = complete_meta(norm, raw, None, None, None, None)
    assert done.title == "某市困难残疾人生活补贴实施办法"
    assert done.issuer is None and done.issue_date is None  # the page's source and date are not the document's
    assert ms.page_title(lines_of("某市社保费补缴相关政策指引\n发表时间： 2026-02-12 17:12 信息来源： 某局\n")) == (
        "某市社保费补缴相关政策指引"
    )
    sentence = "现将有关工作通知如下，请认真落实。\n2022-11-16 来源: 某市民政局\n"
    assert ms.page_title(lines_of(sentence)) is None
    assert ms.page_title(lines_of("政务公开\n2022-11-16 来源: 某市民政局\n")) is None  # no type word: a menu


def test_garbled_but_valid_expiry_is_kept_as_written():
    """CONVENTIONS: a garbled year that makes a valid date stays as written; an impossible date gives none."""
    text = "第四十条 本实施细则自3133年 6月81日起施行，有效期至3136年6月9日。"
    assert ms.expiry_date(text) == "3136-06-09"
    assert ms.effective_date(text, None) is None
    assert ms.expiry_date("有效期至3136年2月30日。") is None


def test_adoption_line_of_a_cited_law_below_the_first_heading_is_not_the_documents():
    cited = (
        "某市社会保险费补缴政策指引\n一、办理条件\n用人单位可以申请补缴。\n二、法律责任\n"
        "1.全国人大常委会关于《中华人民共和国刑法》第二百六十六条的解释（2014年4月24日第十二届全国人民代表大会"
        "常务委员会第八次会议通过）以欺诈手段骗取社会保险金的，属于诈骗。\n"
    )
    assert ms.adoption(cited) == (None, None)
    done = complete_meta(cited, cited, "某市社会保险费补缴政策指引", None, None, None)
    assert done.issuer is None and done.issue_date is None
    order = "某市物业管理办法\n《某市物业管理办法》已经2021年1月8日市政府第15届130次常务会议通过，现予公布。\n第一条 为规范…"
    assert ms.adoption(order) == ("市政府第15届130次", "2021-01-08")


def test_party_central_committee_is_an_issuer_of_a_joint_document():
    """中共中央 and 国务院 issue jointly (联合发文): both are issuers, 中共中央 the first."""
    for title in (
        "中共中央 国务院关于加快建设全国统一大市场的意见",
        "中共中央、国务院关于加快建设全国统一大市场的意见",
    ):
        text = f"{title}\n一、总体要求\n各地区各部门要认真贯彻落实。\n"
        done = complete_meta(text, text, title, None, title.split("关于")[0], None)
        assert done.issuer == "中共中央" and done.issuers == ["中共中央", "国务院"]
        assert done.admin_level == "national" and done.province is None


def test_every_mapped_label_is_in_the_closed_set():
    from pipeline.structure.doc_genre import GENRE_LABEL_OF_WORD, GENRE_LABELS

    assert set(GENRE_LABEL_OF_WORD.values()) <= GENRE_LABELS and len(GENRE_LABELS) == 28


def _page_meta(raw: str):
    from normalizers import normalize
    from pipeline.structure.doc_meta import document_meta

    return document_meta(normalize(raw))


def test_a_site_article_keeps_its_title_apart_from_its_date_line_and_text():
    # corpus-real 0169's shape: a search label in the chrome, the title, its date and source line, the text
    raw = (
        "登录 |\n智能搜索\n搜索热词：\n社保\n医保\n首页\n广州市困难残疾人生活补贴和重度残疾人护理补贴实施办法\n"
        "2022-11-16 来源: 广州市民政局\n分享\n　　为进一步完善和规范我市困难残疾人生活补贴制度，结合我市实际，"
        "制定本实施办法。\n　　一、补贴对象\n　　（一）具有本市户籍的残疾人。\n"
    )
    done = _page_meta(raw)
    assert done.title == "广州市困难残疾人生活补贴和重度残疾人护理补贴实施办法"
    assert (done.city, done.admin_level, done.genre) == ("广州市", "city", "实施办法")
    assert done.addressee is None  # `搜索热词：` is the site's, no 主送


def test_a_headline_that_is_no_title_still_names_the_place():
    # corpus-real 0165's shape: a city's subsidy page on a district site, `本省脱贫人口` among the conditions
    raw = (
        "越秀区政府\n门户网站手机版\n所在的位置 >\n广州市高校毕业生创业补贴，请查收\n"
        "发布日期：2025-04-08 11:24:11 文章来源：市人力资源社会保障局官网\n1、一次性创业资助\n补贴条件：\n"
        "③登记失业人员、就业困难人员、本省脱贫人口；\n补贴标准：10000元。\n"
    )
    done = _page_meta(raw)
    assert done.title is None and done.genre is None  # a headline without a type word titles no document
    assert (done.province, done.city, done.admin_level) == ("广东省", "广州市", "city")


def test_a_forwarding_notice_is_signed_by_the_city_not_by_the_province_it_forwards():
    # corpus-real 0118's shape: the city's notice, its 附件 line, its signature; then the province's notice
    raw = (
        "各区、市工业和信息化主管部门：\n近日，省工业和信息化厅下发了《关于加快培育人工智能领军企业的通知》。"
        "现将有关通知转发给你们，请认真组织申报。\n附件：关于加快培育人工智能领军企业的通知\n"
        "青岛市工业和信息化局\n2019年4月17日\n附件\n关于加快培育人工智能领军企业的通知\n各市工业和信息化局：\n"
        "为落实省委省政府部署，有关事项通知如下：\n一、重点支持方向\n（一）行业领军企业。\n山东省工业和信息化厅\n"
        "山东省教育厅\n2019年4月11日\n"
    )
    done = _page_meta(raw)
    assert (done.issuer, done.issue_date, done.issuers) == (
        "青岛市工业和信息化局",
        "2019-04-17",
        ["青岛市工业和信息化局"],
    )
    assert (done.city, done.admin_level) == ("青岛市", "city")


@pytest.mark.parametrize(
    "title, word, genre, family",
    [
        ("国务院办公厅关于印发国家突发环境事件应急预案的通知", "预案", "通知", "通知"),  # catalogued as the notice
        ("北京市药品监督管理局关于印发2024年工作要点的通知", "工作要点", "通知", "通知"),
        ("新一代人工智能伦理规范", "规范", "指南", "指南"),
        ("智能网联汽车道路测试与示范应用管理规范（试行）", "管理规范", "管理规定", "规定"),
        ("山东省推动智能传感器产业发展行动计划（2021-2023年）", "行动计划", "行动计划", "计划"),
    ],
)
def test_genre_family_is_the_class_of_genre_so_the_two_columns_nest(title, word, genre, family):
    done = complete_meta("一、总体要求\n内容。", "", title, None, None, None)
    assert (done.genre_word, done.genre, done.genre_family) == (word, genre, family)


_RESTATED_BODY = "　　为做好某某工作，现就有关事项通知如下：\n　　一、总体要求\n　　请于6月底前报送。\n　　某省人民政府办公厅\n　　2023年5月6日\n"


@pytest.mark.parametrize(
    "text, title, doc_number",
    [
        # the file opens at the 主送 (its 版头 lost) and restates the notice under title, 文号 and the same 主送 (BL27)
        (
            "各市人民政府，省政府各部门：\n" + _RESTATED_BODY + "\n某省人民政府办公厅关于开展某某试点工作的通知\n"
            "（某政办发〔2023〕12号）\n各市人民政府，省政府各部门：\n" + _RESTATED_BODY,
            "某省人民政府办公厅关于开展某某试点工作的通知",
            "某政办发〔2023〕12号",
        ),
        # the title printed twice (run together) and no 文号 line: the line right above the repeated 主送
        (
            "各区县人民政府：\n" + _RESTATED_BODY + "某市人民政府关于做好某某工作的通知"
            "某市人民政府关于做好某某工作的通知\n各区县人民政府：\n" + _RESTATED_BODY,
            "某市人民政府关于做好某某工作的通知",
            None,
        ),
        # a forwarded notice's own head further down addresses others: not this text's title
        (
            "各区人民政府：\n　　现将国务院办公厅有关文件转发给你们，请认真贯彻执行。\n附件\n"
            "国务院办公厅关于某某的通知\n（国办发〔2023〕1号）\n各省、自治区、直辖市人民政府：\n　　为…，现通知如下：\n",
            None,
            None,
        ),
        # the 主送 line again under a sentence, not a title
        (
            "各市人民政府：\n" + _RESTATED_BODY + "以上请各地认真落实并报告进展情况的通知。\n各市人民政府：\n正文。\n",
            None,
            None,
        ),
    ],
)
def test_a_head_restated_under_the_body_gives_title_and_number(text, title, doc_number):
    done = complete_meta(text, text, None, None, None, None)
    assert (done.title, done.doc_number) == (title, doc_number)
