"""`target·indicator` in `polex eval` (GUIDE's Scoring), on the real-document gold (tests/fixtures/realdev)."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from paths import ROOT
from polex_cli import run_polex

from pipeline.qa.fixtures import write_out
from pipeline.qa.gold import load_gold_dir, read_document_text
from pipeline.qa.indicator import INDICATOR_F1_FLOOR, SUBLABEL, char_f1
from pipeline.qa.scoring import match_document, score

REALDEV = ROOT / "tests" / "fixtures" / "realdev"


def realdev_docs():
    docs = load_gold_dir(REALDEV / "gold")
    for doc in docs:
        doc.raw_text = read_document_text(REALDEV / "docs" / doc.doc)[0]
    return docs


def test_char_f1_definition():
    assert char_f1("规模以上企业", "规模以上企业") == 1.0
    assert char_f1("规模 以上\n企业", "规模以上企业") == 1.0  # whitespace ignored
    assert char_f1(None, None) == 1.0 and char_f1("", None) == 1.0
    assert char_f1("企业", None) == 0.0
    # 规模以上企业 (6) vs 规模以上企业数量 (8): 6 shared -> 12/14
    assert char_f1("规模以上企业", "规模以上企业数量") == pytest.approx(12 / 14)
    assert char_f1("企业", "专精特新企业") == pytest.approx(4 / 8)
    assert char_f1("企业", "专精特新企业") < INDICATOR_F1_FLOOR
    # a bag, not a set: repeated characters count as often as both have them
    assert char_f1("亿亿", "亿") == pytest.approx(2 / 3)


@given(st.text(max_size=12), st.text(max_size=12))
def test_char_f1_is_symmetric_bounded_and_blind_to_whitespace(a, b):
    f = char_f1(a, b)
    assert 0.0 <= f <= 1.0 and f == char_f1(b, a)
    assert char_f1(" ".join(a), b) == pytest.approx(f)
    assert char_f1(a, a) == 1.0


def corrupt_indicators(docs):
    """Every 3rd gold target gets an unrelated indicator, every 5th a near miss (one char dropped);
    returns the predictions and the expected target·indicator TP, computed from the edits."""
    predicted, expected_tp, n = [], 0, 0
    for doc in docs:
        doc = copy.deepcopy(doc)
        for span in doc.spans:
            if span.label != "target":
                continue
            indicator = span.attrs.get("indicator") or ""
            if n % 3 == 0:
                span.attrs["indicator"] = "无关指标"
                expected_tp += char_f1(indicator, "无关指标") >= INDICATOR_F1_FLOOR
            elif n % 5 == 0 and len(indicator) > 3:
                span.attrs["indicator"] = indicator[1:]
                expected_tp += 1  # (2*(L-1))/(2L-1) >= 0.6 for L > 3
            else:
                expected_tp += 1
            n += 1
        predicted.append(doc)
    return predicted, expected_tp


def test_wrong_indicators_lower_target_indicator_only():
    docs = realdev_docs()
    predicted, expected_tp = corrupt_indicators(docs)
    report = score([match_document(g, p) for g, p in zip(docs, predicted)])
    targets = report["labels"]["target"]
    assert targets["f1"] == 1.0  # key attributes all right: the label alone hides the indicators
    sub = report["sublabels"][SUBLABEL]
    assert sub["gold"] == sub["pred"] == targets["gold"] > 100
    assert sub["correct"] == expected_tp < targets["correct"]
    assert sub["p"] == pytest.approx(expected_tp / targets["pred"])
    assert sub["r"] == pytest.approx(expected_tp / targets["gold"])
    assert report["micro_f1"] == 1.0  # not in the micro average


def test_eval_json_reports_target_indicator(tmp_path):
    """The way an extraction engineer gates on it: `polex eval --json` on an OUT folder."""
    docs = realdev_docs()
    predicted, expected_tp = corrupt_indicators(docs)
    write_out(tmp_path / "out", predicted)
    result = run_polex("eval", "--gold", str(REALDEV / "gold"), "--out", str(tmp_path / "out"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["sublabels"][SUBLABEL]["correct"] == expected_tp
    assert report["labels"]["target"]["correct"] == report["labels"]["target"]["gold"]
    some_doc = next(iter(report["documents"].values()))
    assert SUBLABEL in some_doc["sublabels"]


def test_min_f1_gates_on_target_indicator(tmp_path):
    docs = realdev_docs()
    predicted, _ = corrupt_indicators(docs)
    write_out(tmp_path / "out", predicted)
    args = ["eval", "--gold", str(REALDEV / "gold"), "--out", str(tmp_path / "out")]
    assert run_polex(*args, "--min-f1", "target=0.99").returncode == 0  # the label alone passes
    gated = run_polex(*args, "--min-f1", "target·indicator=0.99")
    assert gated.returncode == 1 and "target·indicator F1" in gated.stderr
    assert run_polex(*args, "--min-f1", "target.indicator=0.99").returncode == 1  # typed without the dot
    assert "target·indicator" in run_polex(*args).stdout  # a row of the terminal table
