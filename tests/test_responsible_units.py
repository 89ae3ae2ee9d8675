"""Responsible units beyond the example corpus: the name lexicon, the table
reader (on norm text, and on the raw layout whose rows normalisation joins),
a round-trip property, and the score on the gold seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.org_lexicon import STRONG, WEAK, classify
from extractors.responsible_units import LEAD, RESPONSIBLE, SUPPORT, find_units
from normalizers import normalize

ROOT = Path(__file__).resolve().parents[1]
from paths import GOLD  # noqa: E402


@pytest.mark.parametrize(
    "name,kind",
    [
        ("省工业和信息化厅", STRONG),
        ("中国人民银行山东省分行", STRONG),
        ("制造强市建设汶上县指挥部", STRONG),
        ("各县（市、区）", STRONG),
        ("有关县市区", STRONG),
        ("街道", STRONG),
        ("人民银行", STRONG),
        ("白石镇", WEAK),
        ("济宁市", WEAK),
        ("产业布局", None),
        ("列第一位者为牵头单位", None),
        ("2021-2023年", None),
        ("试行", None),
        ("市", None),
        ("领导小组办公室设在市发展改革委", None),
        # 级以上 is a rank inside a name; 以上 elsewhere is a quantity qualifier
        ("各地级以上市人民政府", STRONG),
        ("县级以上地方人民政府", STRONG),
        ("规模以上工业企业", None),
        ("1000万元以上", None),
        # a place class with its sub-classes: the second half of 各市、县（市、区）
        ("县（市、区）", STRONG),
        ("镇（街道）", STRONG),
        ("各县〔市、区〕人民政府", STRONG),
        # organs ending in 会/联/协, and running text that ends the same way
        ("省贸促会", STRONG),
        ("市人大常委会", STRONG),
        ("省侨联", STRONG),
        ("全社会", None),
        ("推进大会", None),
        ("工作会议", None),
        ("发展机会", None),
    ],
)
def test_classify(name, kind):
    assert classify(name) == kind


def _units(text: str) -> list[tuple[str, str]]:
    return [(u.role, text[u.start : u.end]) for u in find_units(text)]


def test_tab_separated_table_columns_give_roles():
    # Norm text as an HTML table arrives when cell tabs survive normalisation.
    text = "序号\t重点任务\t牵头单位\t配合单位\n1\t建设创新平台\t省科技厅\t省财政厅、省教育厅\n2\t保障用地\t省自然资源厅\t各市人民政府\n\n后文（省科技厅）说明。\n"
    assert _units(text) == [
        (LEAD, "省科技厅"),
        (SUPPORT, "省财政厅"),
        (SUPPORT, "省教育厅"),
        (LEAD, "省自然资源厅"),
        (SUPPORT, "各市人民政府"),
    ]


def test_table_rows_joined_by_normalisation_are_read_from_the_raw_layout():
    # Rows end without punctuation, so the line joiner makes one paragraph of them;
    # the columns are still read from the raw lines and reported in norm offsets.
    raw = (
        "附件\n\n序号　　重点任务　　　　　　牵头单位　　　　配合单位\n"
        "１　　　建设创新平台　　　　　省科技厅　　　　省财政厅、省教育厅\n"
        "２　　　保障项目用地　　　　　省自然资源厅　　各市人民政府\n"
    )
    norm = normalize(raw)
    assert "省科技厅" in norm.text and norm.text.count("\n") < raw.count("\n")
    found = [(u.role, norm.text[u.start : u.end]) for u in find_units(norm.text, raw, norm.to_norm)]
    assert found == [
        (LEAD, "省科技厅"),
        (SUPPORT, "省财政厅"),
        (SUPPORT, "省教育厅"),
        (LEAD, "省自然资源厅"),
        (SUPPORT, "各市人民政府"),
    ]


def test_table_ends_at_a_line_without_cells():
    text = "序号\t任务\t责任单位\n1\t建设平台\t市科技局\n说明：以下任务由各地自行安排。\n2\t建设园区\t市商务局\n"
    assert _units(text) == [(RESPONSIBLE, "市科技局")]


def test_gap_row_with_a_missing_cell_aligns_by_column():
    text = (
        "序号  任务          牵头单位    配合单位\n"
        "1     建设平台      区科技局    区财政局\n"
        "2     推进招商                  区商务局\n"
    )
    assert _units(text) == [(LEAD, "区科技局"), (SUPPORT, "区财政局"), (SUPPORT, "区商务局")]


def test_time_limit_in_a_note_is_a_deadline_not_a_unit():
    from pipeline.core.document import RawDocument
    from pipeline.process import process_document

    raw = "加快建设公共充电设施。（责任单位：市发展改革委；完成时限：2024年底前）\n"
    out = process_document(RawDocument(doc_id="d", source_path="d.txt", sha256="-", raw_text=raw, encoding="utf-8"))
    assert [r["name"] for r in out["responsible_units"]] == ["市发展改革委"]
    assert [(r["text"], r["kind"], r["year"]) for r in out["deadlines"]] == [("2024年底前", "by", 2024)]


def test_first_listed_is_lead_only_where_no_lead_is_named():
    text = "（列第一位者为牵头单位，下同）\n任务一。（市商务局、市财政局）\n任务二。（牵头单位：市科技局；责任单位：市教育局、市财政局）\n"
    assert _units(text) == [
        (LEAD, "市商务局"),
        (RESPONSIBLE, "市财政局"),
        (LEAD, "市科技局"),
        (RESPONSIBLE, "市教育局"),
        (RESPONSIBLE, "市财政局"),
    ]


UNIT_NAMES = [
    "省发展改革委",
    "市财政局",
    "县大数据中心",
    "济宁海关",
    "各县（市、区）",
    "开元集团",
    "市委组织部",
    "各乡镇",
    "街道",
]


@settings(max_examples=60, deadline=None)
@given(
    lead=st.lists(st.sampled_from(UNIT_NAMES), min_size=1, max_size=3),
    resp=st.lists(st.sampled_from(UNIT_NAMES), min_size=1, max_size=5),
    seps=st.lists(st.sampled_from(["、", "，"]), min_size=5, max_size=5),
    deng=st.booleans(),
)
def test_labelled_note_round_trips(lead, resp, seps, deng):
    resp_text = "".join(name + seps[i] for i, name in enumerate(resp[:-1])) + resp[-1] + ("等" if deng else "")
    text = f"推进重点工作。（牵头单位：{'、'.join(lead)}；责任单位：{resp_text}）\n"
    assert _units(text) == [(LEAD, n) for n in lead] + [(RESPONSIBLE, n) for n in resp]


def _gold_files():
    return sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


@pytest.mark.skipif(not _gold_files(), reason="shared gold annotations not available")
def test_seed_gold_f1():
    tp = fp = fn = 0
    for path in _gold_files():
        gold_doc = json.loads(path.read_text(encoding="utf-8"))
        with open(ROOT / "corpus" / gold_doc["doc"], encoding="utf-8", newline="") as fh:
            raw = fh.read()
        norm = normalize(raw)
        predicted = {norm.to_raw(u.start, u.end): u.role for u in find_units(norm.text)}
        gold = {
            (s["start"], s["end"]): s["attrs"]["role"] for s in gold_doc["spans"] if s["label"] == "responsible_unit"
        }
        tp += sum(gold.get(k) == role for k, role in predicted.items())
        fp += sum(gold.get(k) != role for k, role in predicted.items())
        fn += sum(predicted.get(k) != role for k, role in gold.items())
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    assert f1 >= 0.9, (tp, fp, fn)
