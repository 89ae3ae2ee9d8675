"""A scraped government page's chrome (normalizers/site_chrome.py) through the real core path: the page information
table and the footer are no part of the document, and the document's own date and number win over the table's
(docs/layout-robustness-log.md, LY3 page_chrome)."""

from __future__ import annotations

from pathlib import Path

from normalizers.site_chrome import footer_spans, info_table_spans
from pipeline.process import process_document
from pipeline.reading.reader import read_document

BODY = (
    "临江市人民政府办公室关于印发临江市数字经济发展行动方案的通知\n"
    "临政办发〔2021〕12号\n"
    "各县（市、区）人民政府，市政府各部门：\n"
    "《临江市数字经济发展行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
    "一、发展目标\n"
    "到2025年，全市数字经济核心产业增加值达到300亿元，培育规模以上软件企业50家以上。\n"
    "二、保障措施\n"
    "（一）加强组织领导。建立数字经济工作专班。（责任单位：市工业和信息化局、市大数据局）\n"
    "临江市人民政府办公室\n"
    "2021年6月8日\n"
)
CHROME_HEAD = (
    "首页 > 政务公开 > 政策文件\n"
    "索引号：11371600MB2850571X/2023-00087\n"
    "主题分类：\n综合政务\n"
    "发文机关：\n临江市人民政府办公室\n"
    "成文日期：2023年05月12日\n"
    "文号：\n临政办发〔2023〕7号\n"
    "发布日期：2023-05-16\n"
)
CHROME_TAIL = (
    "【打印】【关闭】\n扫一扫在手机打开当前页\n"
    "主办单位：临江市人民政府办公室　　承办单位：临江市大数据中心\n"
    "网站标识码：3716000012　　鲁ICP备05012345号-1　　鲁公网安备 37160202000123号\n"
    "Copyright © 2023 All Rights Reserved\n"
)


def _rows(tmp_path: Path, text: str) -> dict[str, list[dict]]:
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    return process_document(read_document(tmp_path, "page.txt"))


def _plain(rows: dict[str, list[dict]], table: str, field: str) -> list:
    return sorted(str(row[field]) for row in rows[table])


def test_a_page_template_around_a_document_adds_no_row_and_takes_no_metadata(tmp_path):
    (tmp_path / "plain").mkdir()
    plain = _rows(tmp_path / "plain", BODY)
    paged = _rows(tmp_path, CHROME_HEAD + BODY + CHROME_TAIL)
    assert plain["deadlines"] and plain["targets"] and plain["responsible_units"]  # rows to keep, unchanged
    document = paged["documents"][0]
    assert document["title"] == "临江市人民政府办公室关于印发临江市数字经济发展行动方案的通知"
    assert str(document["issue_date"]) == "2021-06-08" and document["doc_number"] == "临政办发〔2021〕12号"
    assert "索引号" not in document["norm_text"] and "网站标识码" not in document["norm_text"]
    assert "主办单位" not in document["norm_text"]
    for table, field in (
        ("deadlines", "text"),
        ("targets", "text"),
        ("responsible_units", "name"),
        ("amounts", "text"),
    ):
        assert _plain(paged, table, field) == _plain(plain, table, field), table
    assert _plain(paged, "sections", "heading") == _plain(plain, "sections", "heading")


def test_without_a_date_of_its_own_the_document_takes_the_tables(tmp_path):
    undated = BODY.replace("2021年6月8日\n", "").replace("临政办发〔2021〕12号\n", "")
    document = _rows(tmp_path, CHROME_HEAD + undated + CHROME_TAIL)["documents"][0]
    assert str(document["issue_date"]) == "2023-05-12" and document["doc_number"] == "临政办发〔2023〕7号"


def test_a_documents_own_fields_are_no_table_and_an_organiser_in_the_text_no_footer():
    own_head = "关于举办2024年创新创业大赛的通知\n文号：临科发〔2024〕3号\n各有关单位：\n现将有关事项通知如下。\n"
    assert info_table_spans(own_head) == []  # one catalogue label: the document's own line
    notice = (
        "一、大赛安排\n" + "大赛面向全市企业。\n" * 20 + "主办单位：临江市科学技术局\n承办单位：临江市创业服务中心\n"
    )
    assert footer_spans(notice) == []  # no site registration mark: the notice's own organisers
    notice_then_more = notice + "网站标识码：3716000012\n" + "二、参赛要求\n" + "参赛企业应当依法登记。\n" * 40
    assert footer_spans(notice_then_more) == []  # text follows the mark: no page's footer


def test_a_registration_mark_inside_the_text_does_not_hide_the_pages_footer_below():
    body = "一、建设要求\n" + "网站建设应当符合规范。\n" * 60
    cited = "备案号格式示例：鲁ICP备05012345号\n"  # the text's own mention, in its second half, text after it
    page = body + cited + "二、保障措施\n" + "各单位应当加强管理。\n" * 40 + CHROME_TAIL
    assert page.index(cited) > len(page) // 2 and len(page) - page.index(cited) > 300
    (found,) = footer_spans(page)
    assert page[found[0] : found[1]].startswith("主办单位：临江市人民政府办公室")
