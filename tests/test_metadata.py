"""Document metadata: the seeds' gold meta, the seeds' layouts, and other
provinces' layouts (版头, joint issuers, notices with attachments, web pages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizers import normalize
from pipeline.structure.metadata import extract_meta

ROOT = Path(__file__).resolve().parents[1]
from paths import GOLD as GOLD_DIR  # noqa: E402

GOLD_FILES = sorted(GOLD_DIR.glob("*.json")) if GOLD_DIR.is_dir() else []
SCORED_FIELDS = ("title", "doc_number", "issuer", "issue_date")


def meta_of(raw: str):
    return extract_meta(normalize(raw))


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem[:3])
def test_gold_meta(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with open(ROOT / "corpus" / gold["doc"], encoding="utf-8", newline="") as f:
        meta = meta_of(f.read())
    got = {field: getattr(meta, field) for field in SCORED_FIELDS}
    assert got == {field: gold["meta"][field] for field in SCORED_FIELDS}


def test_masthead_joint_issuers_and_date_under_title():
    # 000's layout: 版头 `…文件`, joint issuers kept as written, date in brackets under the title.
    raw = (
        "\n\n中共济宁市委文件\n\n济发〔2020〕16号\n\n"
        "中共济宁市委 济宁市人民政府 关于加快先进制造业集群开放创新发展的意见\n\n(2020年8月15日)\n\n"
        "为认真贯彻落实中央关于建设制造强国的决策部署，现就加快先进制造业集群开放创新发展提出如下意见。\n\n一、总体要求\n"
    )
    meta = meta_of(raw)
    assert meta.title == "中共济宁市委 济宁市人民政府 关于加快先进制造业集群开放创新发展的意见"
    assert meta.doc_number == "济发〔2020〕16号"
    assert meta.issuer == "中共济宁市委 济宁市人民政府"
    assert meta.issue_date == "2020-08-15"
    assert meta.addressee is None and meta.cc is None


def test_issuer_line_and_title_line_are_joined():
    raw = (
        "\n山东省人民政府办公厅\n\n关于加快发展先进制造业集群的实施意见\n\n鲁政办字〔2023〕185号\n\n"
        "各市人民政府，省政府各部门：\n\n为深入贯彻党中央、国务院决策部署，制定如下实施意见。\n\n一、总体要求\n内容。\n\n"
        "山东省人民政府办公厅\n\n2023 年 11 月 11 日\n\n（此件公开发布）\n"
    )
    meta = meta_of(raw)
    assert meta.title == "山东省人民政府办公厅关于加快发展先进制造业集群的实施意见"
    assert meta.issuer == "山东省人民政府办公厅"
    assert meta.issue_date == "2023-11-11"
    assert meta.addressee == "各市人民政府，省政府各部门"


@pytest.mark.parametrize(
    "written",
    [
        "鲁政办字〔2023〕185号",
        "鲁政办字[2023]185号",
        "鲁政办字(2023)185号",
        "鲁政办字（2023）185号",
        "鲁政办字［2023］185号",
        "鲁政办字〔2023〕第185号",
        "鲁政办字 〔2023〕 185 号",
    ],
)
def test_doc_number_bracket_variants(written):
    raw = f"山东省人民政府办公厅关于印发某某方案的通知\n{written}\n各市人民政府：\n现将方案印发给你们。\n"
    assert meta_of(raw).doc_number == "鲁政办字〔2023〕185号"


def test_cited_doc_number_in_body_is_not_the_documents():
    raw = (
        "某县人民政府关于推动工业发展的意见\n\n各乡镇人民政府：\n"
        "为贯彻落实《山东省人民政府关于推动工业发展的意见》（鲁政发〔2021〕5号）精神，提出以下意见。\n一、总体要求\n"
    )
    meta = meta_of(raw)
    assert meta.doc_number is None
    assert meta.title == "某县人民政府关于推动工业发展的意见"


def test_notice_with_attachment_signature_chinese_date_and_cc():
    raw = (
        "浙江省人民政府办公厅关于印发浙江省制造业高质量发展\n行动方案的通知\n\n浙政办发〔2023〕18号\n\n"
        "各市、县（市、区）人民政府，省政府直属各单位：\n"
        "《浙江省制造业高质量发展行动方案》已经省政府同意，现印发给你们，请结合实际认真贯彻落实。\n\n"
        "附件：浙江省制造业高质量发展行动方案\n\n浙江省人民政府办公厅\n二〇二三年四月十七日\n\n"
        "附件\n\n浙江省制造业高质量发展行动方案\n\n一、总体要求\n到2025年，规上工业增加值达到3万亿元。\n\n"
        "抄送：省委各部门，省人大常委会办公厅，\n省政协办公厅，省法院，省检察院。\n浙江省人民政府办公厅 2023年4月18日印发\n"
    )
    meta = meta_of(raw)
    assert meta.title == "浙江省人民政府办公厅关于印发浙江省制造业高质量发展行动方案的通知"
    assert meta.doc_number == "浙政办发〔2023〕18号"
    assert meta.issuer == "浙江省人民政府办公厅"
    assert meta.issue_date == "2023-04-17"
    assert meta.addressee == "各市、县（市、区）人民政府，省政府直属各单位"
    assert meta.cc == "省委各部门，省人大常委会办公厅，省政协办公厅，省法院，省检察院"


def test_signature_gives_issuer_when_title_has_no_organ():
    raw = (
        "广州市促进工业投资若干措施\n\n一、加大项目招引力度\n（一）强化招商。内容。\n\n"
        "广州市工业和信息化局\n广州市发展和改革委员会\n2023年3月1日\n"
    )
    meta = meta_of(raw)
    assert meta.title == "广州市促进工业投资若干措施"
    assert meta.issuer == "广州市工业和信息化局 广州市发展和改革委员会"
    assert meta.issue_date == "2023-03-01"
    assert meta.doc_number is None


def test_web_page_date_and_source_are_not_the_documents():
    """A page's 发布日期/发表时间 says when the site posted it and its 信息来源 where it got it: neither is the
    成文日期 or the issuer (CONVENTIONS); the document's own signature is."""
    page_head = "发布日期:2023-06-30 14:18 信息来源:济南市工业和信息化局\n浏览次数: 字体:【 默认 超大\n"
    body = "\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导，推动高质量发展。\n"
    draft = meta_of("济南市加快建设工业强市三年行动计划(征求意见稿)\n\n" + page_head + body)
    assert draft.issue_date is None and draft.issuer is None
    assert draft.title.startswith("济南市加快建设工业强市三年行动计划")
    assert draft.title.endswith("征求意见稿）") or draft.title.endswith("征求意见稿)")
    assert draft.doc_number is None
    signed = meta_of(
        "济南市人民政府关于加快建设工业强市的意见\n\n" + page_head + body + "\n济南市人民政府\n2023年6月20日\n"
    )
    assert signed.issue_date == "2023-06-20"
    assert signed.issuer == "济南市人民政府"
    database = meta_of("某某管理办法\n成文日期：2021-03-12\n" + body)
    assert database.issue_date == "2021-03-12"  # a legal database's 成文日期 is the document's


@pytest.mark.parametrize(
    "head, title",
    [
        # GB/T 9704 titles wrap over lines: the text opens with the first line, without 关于 or an organ.
        ("智能制造企业及产品准入\n管理指南（试行）\n（征求意见稿）\n", "智能制造企业及产品准入管理指南（试行）"),
        # A plan's period or edition on the line under the title belongs to it (a PDF's spaces dropped).
        ("智慧养老产业发展行动计划\n（2021-2025 年）\n", "智慧养老产业发展行动计划（2021-2025年）"),
        ("某省数字经济发展规划\n（2021—2023）\n", "某省数字经济发展规划（2021—2023）"),
        ("国家标准体系建设指南\n（2021 版）\n", "国家标准体系建设指南（2021版）"),
        # Not a wrapped title: a short word above it (a menu, a heading), a status note under it.
        ("首页\n某市人才公寓管理办法\n", "某市人才公寓管理办法"),
        ("某市人才公寓管理办法\n（征求意见稿）\n", "某市人才公寓管理办法"),
        ("某市人才公寓管理办法\n（2023年）\n", "某市人才公寓管理办法"),  # a year alone is no period
    ],
)
def test_title_wrapped_or_with_its_period_under_it(head, title):
    body = "第一条 为规范管理，制定本办法。\n第二条 本办法适用于本市。\n"
    assert meta_of(head + body).title == title


def test_absent_fields_stay_null():
    meta = meta_of(
        "一、总体要求\n以习近平新时代中国特色社会主义思想为指导，推动制造业高质量发展。\n（一）发展目标。内容。\n"
    )
    assert (meta.title, meta.doc_number, meta.issuer, meta.issue_date, meta.addressee, meta.cc) == (None,) * 6


def test_breadcrumb_and_bulletin_lines_are_not_title():
    raw = (
        "首页 > 政务公开 > 政策文件\n某市人民政府公报\n2023年第5期\n"
        "某市人民政府关于印发\n某市数字经济发展\n三年行动方案的通知\n\n各区县人民政府：\n现将方案印发给你们。\n"
    )
    assert meta_of(raw).title == "某市人民政府关于印发某市数字经济发展三年行动方案的通知"


def _seed(prefix: str) -> str:
    path = next((ROOT / "corpus").glob(f"{prefix}_*.txt"))
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.mark.skipif(not (ROOT / "corpus").is_dir(), reason="seed corpus not present")
@pytest.mark.parametrize(
    "prefix,doc_number", [("000", "济发〔2020〕16号"), ("001", "滨政办字〔2024〕18号"), ("004", None)]
)
def test_seed_doc_numbers(prefix, doc_number):
    assert meta_of(_seed(prefix)).doc_number == doc_number


@pytest.mark.skipif(not (ROOT / "corpus").is_dir(), reason="seed corpus not present")
def test_seed_001_own_date_wins_over_web_date():
    meta = meta_of(_seed("001"))  # web chrome says 日期:2024-06-06; the signature says 2024年5月31日
    assert meta.issue_date == "2024-05-31"
    assert meta.title == "滨州市人民政府办公室关于加快发展先进制造业集群的实施意见"


def test_doc_number_on_the_title_line():
    raw = (
        "国务院关于推动制造业高质量发展的意见（国发〔2023〕5号）\n\n各省、自治区、直辖市人民政府：\n现提出以下意见。\n"
    )
    meta = meta_of(raw)
    assert meta.title == "国务院关于推动制造业高质量发展的意见"
    assert meta.doc_number == "国发〔2023〕5号"
    assert meta.issuer == "国务院"


def test_impossible_date_is_not_an_issue_date():
    meta = meta_of("某市人民政府关于推动工业发展的意见\n\n一、总体要求\n内容。\n\n某市人民政府\n2023年2月30日\n")
    assert meta.issue_date is None
    assert meta.issuer == "某市人民政府"


@pytest.mark.parametrize(
    "title, issuer",
    [
        ("国务院办公厅转发发展改革委关于加快推进煤矿企业兼并重组若干意见的通知", "国务院办公厅"),
        ("国务院批转地质部关于切实保障野外地质工作条件的报告", "国务院"),
        ("山东省人民政府办公厅关于印发某某方案的通知", "山东省人民政府办公厅"),
    ],
)
def test_a_forwarding_notice_is_issued_by_the_organ_before_its_verb(title, issuer):
    """No signature: the title's organ issues it, the organ before 转发/批转, not the one whose text it forwards."""
    text = f"{title}\n国办发〔2010〕46号\n各省、自治区、直辖市人民政府：\n现转发给你们，请认真贯彻执行。\n"
    assert meta_of(text).issuer == issuer


@pytest.mark.parametrize(
    "line, addressee",
    [
        (
            "各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局：",
            "各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局",
        ),
        ("有关汽车生产企业、行业组织和技术服务机构：", "有关汽车生产企业、行业组织和技术服务机构"),
        ("各位代表：", "各位代表"),
        ("北京工业大学：", "北京工业大学"),
        ("机关全体同志们：", "机关全体同志们"),
        ("全体党员：", "全体党员"),
        # GB/T 9704's 主送机关 names organs, units or people: a page's chrome label or a preamble is none
        ("搜索热词：", None),
        ("根据《天河区人才公寓建设和使用管理办法》的有关规定，现面向辖区企业受理申请。公告如下：", None),
        ("为贯彻落实党的十八大精神，经省政府同意，现就开展试点工作提出以下意见：", None),
    ],
)
def test_the_addressee_names_organs_units_or_people(line, addressee):
    raw = f"{line}\n为深入推进改革，现将有关事项通知如下。\n一、总体要求\n内容。\n"
    assert meta_of(raw).addressee == addressee
