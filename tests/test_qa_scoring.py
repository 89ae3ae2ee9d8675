"""GUIDE scoring on small hand-built cases with known P/R/F1."""

import pytest

from pipeline.qa.model import AnnotatedDoc, Span
from pipeline.qa.ruby import RubySnapper
from pipeline.qa.scoring import match_document, prf, score

RUBY_TEXT = "一、发展(fa)(fa)目标\n到2025年(nian)，产业集(ji)(ji)群达到100个。\n（省工业和信息化厅(ting)负责）"


def doc(spans, text=RUBY_TEXT, meta=None):
    return AnnotatedDoc("d.txt", "x", meta or {}, spans, raw_text=text)


def span(label, text, attrs, occurrence=0, body=RUBY_TEXT, cut=(0, 0)):
    start = (
        body.index(text) if occurrence == 0 else [i for i in range(len(body)) if body.startswith(text, i)][occurrence]
    )
    s, e = start + cut[0], start + len(text) + cut[1]
    return Span(label, s, e, body[s:e], attrs)


def test_ruby_snap_moves_boundaries_out_of_annotations():
    snapper = RubySnapper(RUBY_TEXT)
    year_end = RUBY_TEXT.index("年(nian)") + 1  # just after 年
    assert snapper.snap(year_end - 6, year_end + 6) == (year_end - 6, year_end)  # end after (nian)
    assert snapper.snap(year_end - 6, year_end + 3) == (year_end - 6, year_end)  # end inside (nian)
    ji = RUBY_TEXT.index("集(ji)")
    assert snapper.snap(ji + 1, ji + 12) == (ji + 9, ji + 12)  # start at the annotation moves past it
    assert snapper.snap(ji, ji + 10) == (ji, ji + 10)  # 集(ji)(ji)群 stays whole
    assert snapper.snap(0, 2) == (0, 2)


def test_ruby_regex_ignores_non_pinyin_parentheses():
    text = "比重(GDP)达到(1)项(约)"
    assert RubySnapper(text).run_starts.size == 0


def test_strict_match_after_ruby_snap_and_attribute_check():
    gold_unit = span("responsible_unit", "省工业和信息化厅", {"role": "responsible"})
    # predicted span swallows the trailing (ting) annotation: still the same span
    pred_unit = span("responsible_unit", "省工业和信息化厅(ting)", {"role": "responsible"})
    gold_head = span("heading", "一、发展(fa)(fa)目标", {"level": 1, "number": 1})
    pred_head = Span("heading", gold_head.start, gold_head.end, gold_head.text, {"level": 2, "number": 1})
    result = match_document(doc([gold_unit, gold_head]), doc([pred_unit, pred_head]))
    report = score([result])
    assert report["labels"]["responsible_unit"] == pytest.approx(
        {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 1, "pred": 1, "matched": 1, "correct": 1}
    )
    head = report["labels"]["heading"]
    assert (head["matched"], head["correct"], head["p"], head["r"], head["f1"]) == (1, 0, 0.0, 0.0, 0.0)
    assert report["attr_errors"] == {"heading.level": 1}


def test_strict_labels_need_identical_boundaries():
    gold = span("responsible_unit", "省工业和信息化厅", {"role": "responsible"})
    pred = span("responsible_unit", "工业和信息化厅", {"role": "responsible"})
    report = score([match_document(doc([gold]), doc([pred]))])
    assert report["labels"]["responsible_unit"]["matched"] == 0
    assert report["labels"]["responsible_unit"]["f1"] == 0.0


def test_overlap_labels_and_known_prf():
    text = RUBY_TEXT
    g_deadline = span("deadline", "到2025年", {"kind": "by", "year": 2025})
    g_target = span("target", "产业集(ji)(ji)群达到100个", {"value": 100, "unit": "个", "comparator": ">="})
    g_unit = span("responsible_unit", "省工业和信息化厅", {"role": "responsible"})
    # prediction: deadline ends inside (nian) and is right; target overlaps but has the wrong
    # comparator; one spurious amount; the unit is missed.
    p_deadline = Span(
        "deadline",
        g_deadline.start,
        g_deadline.end + 3,
        text[g_deadline.start : g_deadline.end + 3],
        {"kind": "by", "year": 2025.0},
    )
    p_target = span("target", "达到100个", {"value": 100.0000001, "unit": "个", "comparator": "="})
    p_amount = span("amount", "100", {"value_cny": 100})
    report = score([match_document(doc([g_deadline, g_target, g_unit]), doc([p_deadline, p_target, p_amount]))])
    labels = report["labels"]
    assert labels["deadline"]["f1"] == 1.0
    assert (labels["target"]["matched"], labels["target"]["correct"], labels["target"]["f1"]) == (1, 0, 0.0)
    assert labels["amount"] == pytest.approx(
        {"p": 0.0, "r": 1.0, "f1": 0.0, "gold": 0, "pred": 1, "matched": 0, "correct": 0}
    )
    assert labels["responsible_unit"]["r"] == 0.0
    # micro: 1 correct of 3 predicted and 3 gold -> P = R = F1 = 1/3
    assert report["micro_f1"] == pytest.approx(1 / 3)
    assert report["key_attr_errors"] == {"target.comparator": 1}
    assert report["attr_errors"]["target.boundary"] == 1


def test_one_to_one_matching_prefers_correct_pairs():
    text = "到2025年和到2026年"
    g1 = Span("deadline", 0, 6, "到2025年", {"kind": "by", "year": 2025})
    g2 = Span("deadline", 7, 13, "到2026年", {"kind": "by", "year": 2026})
    # one long prediction overlapping both, with 2026: pairs with g2 only
    p = Span("deadline", 0, 13, text, {"kind": "by", "year": 2026})
    report = score([match_document(doc([g1, g2], text), doc([p], text))])
    d = report["labels"]["deadline"]
    assert (d["matched"], d["correct"], d["gold"], d["pred"]) == (1, 1, 2, 1)
    assert d["p"] == 1.0 and d["r"] == 0.5 and d["f1"] == pytest.approx(2 / 3)


def test_missing_document_counts_all_missed_and_meta_accuracy():
    g = doc(
        [span("deadline", "到2025年", {"kind": "by", "year": 2025})],
        meta={"title": "T", "doc_number": None, "issuer": "I", "issue_date": "2023-01-02"},
    )
    p = doc([], meta={"title": "T", "doc_number": None, "issuer": "other", "issue_date": "2023-01-02"})
    found = match_document(g, p)
    missing = match_document(g, None)
    report = score([found, missing])
    assert report["missing_documents"] == ["d.txt"]
    assert report["labels"]["deadline"]["gold"] == 2 and report["labels"]["deadline"]["r"] == 0.0
    assert report["meta"]["right"] == 3 and report["meta"]["total"] == 8
    assert found.meta_wrong == ("issuer",)


def test_prf_edge_cases():
    assert prf(0, 0, 0) == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert prf(0, 5, 0)["f1"] == 0.0
    assert prf(2, 4, 2) == pytest.approx({"p": 1.0, "r": 0.5, "f1": 2 / 3})


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st


@given(st.integers(0, len(RUBY_TEXT)), st.integers(0, len(RUBY_TEXT)))
def test_snap_never_leaves_a_boundary_inside_an_annotation(a, b):
    start, end = min(a, b), max(a, b)
    snapper = RubySnapper(RUBY_TEXT)
    s, e = snapper.snap(start, end)
    assert snapper.snap(s, e) == (s, e)  # idempotent
    for run_start, run_end in zip(snapper.run_starts, snapper.run_ends):
        assert not run_start <= s < run_end or s == e  # a start never sits on an annotation
        assert not run_start < e <= run_end or s == e  # an end never closes one
