"""`polex eval --labels`: scoring a gold set that annotates only some labels (tests/fixtures/realdeadline)."""

import json

import pytest
from paths import GOLD, gold_docs
from polex_cli import run_polex, run_subcommand

from pipeline.cli import eval as cli_eval
from pipeline.qa.evaluate import parse_labels
from pipeline.qa.fixtures import write_out

needs_gold = pytest.mark.skipif(not any(GOLD.glob("*.json")), reason="gold files not available")


def _eval(capsys, out, *extra):
    code = run_subcommand(cli_eval, ["--gold", str(GOLD), "--out", str(out), "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def _deadlines_only(tmp_path):
    """OUT holding only the gold deadlines (and the documents): every other label is all missed."""
    docs = gold_docs()
    for d in docs:
        d.spans = [s for s in d.spans if s.label == "deadline"]
        d.meta = {}
    write_out(tmp_path, docs)
    return docs


@needs_gold
def test_labels_scores_only_those_labels_and_no_meta(tmp_path, capsys):
    docs = _deadlines_only(tmp_path)
    _, full = _eval(capsys, tmp_path)
    assert full["labels"]["heading"]["r"] == 0.0 and full["micro_f1"] < 1.0  # the other labels are all missed
    code, report = _eval(capsys, tmp_path, "--labels", "deadline")
    assert code == 0
    assert list(report["labels"]) == ["deadline"] and report["scored_labels"] == ["deadline"]
    gold_deadlines = sum(s.label == "deadline" for d in docs for s in d.spans)
    assert report["labels"]["deadline"]["gold"] == report["labels"]["deadline"]["correct"] == gold_deadlines > 0
    assert report["micro_f1"] == 1.0 and report["micro"]["gold"] == gold_deadlines
    assert report["sublabels"] == {}  # target·indicator belongs to target
    assert report["meta"]["total"] == 0  # meta not scored: OUT's meta is empty here
    for doc in report["documents"].values():
        assert list(doc["labels"]) == ["deadline"]


@needs_gold
def test_labels_floor_on_a_label_left_out_fails(tmp_path, capsys):
    _deadlines_only(tmp_path)
    code = run_subcommand(
        cli_eval, ["--gold", str(GOLD), "--out", str(tmp_path), "--labels", "deadline", "--min-f1", "heading=0.5"]
    )
    captured = capsys.readouterr()
    assert code == 1 and "heading: not scored (--labels)" in captured.err
    assert "scored labels: deadline" in captured.out and "meta accuracy" not in captured.out


@needs_gold
def test_labels_through_the_installed_cli(tmp_path):
    _deadlines_only(tmp_path)
    args = ("eval", "--gold", str(GOLD), "--out", str(tmp_path), "--labels", "deadline,amount", "--min-f1")
    assert run_polex(*args, "deadline=1").returncode == 0  # deadline holds its floor
    done = run_polex(*args, "deadline=1", "amount=0.5")
    assert done.returncode == 1 and "amount F1 0.000" in done.stderr and "deadline F1" not in done.stderr
    report = json.loads(
        run_polex("eval", "--gold", str(GOLD), "--out", str(tmp_path), "--labels", "amount,deadline", "--json").stdout
    )
    assert list(report["labels"]) == ["amount", "deadline"]  # GUIDE order, whatever the order typed
    assert report["labels"]["amount"]["r"] == 0.0 and report["labels"]["deadline"]["f1"] == 1.0
    bad = run_polex("eval", "--gold", str(GOLD), "--out", str(tmp_path), "--labels", "deadlines")
    assert bad.returncode == 2 and "--labels" in bad.stderr and bad.stderr.count("\n") == 1


def test_parse_labels():
    assert parse_labels("deadline") == ("deadline",)
    assert parse_labels(" responsible_unit , heading ") == ("heading", "responsible_unit")
    for bad in ("", "deadline,foo", ","):
        with pytest.raises(ValueError):
            parse_labels(bad)


@needs_gold
def test_labels_meta_scores_the_metadata_alone(tmp_path, capsys):
    """A meta-only gold set (tests/fixtures/realmeta): `--labels meta` scores meta and no span label."""
    docs = gold_docs()
    for d in docs:
        d.spans = []  # OUT without a span: every label would be all missed
    write_out(tmp_path, docs)
    code, report = _eval(capsys, tmp_path, "--labels", "meta", "--min-meta", "all=1")
    assert code == 0
    assert report["labels"] == {} and report["scored_labels"] == ["meta"] and report["sublabels"] == {}
    assert report["meta"]["total"] > 0 and report["meta"]["accuracy"] == 1.0
    code, report = _eval(capsys, tmp_path, "--labels", "deadline,meta")
    assert list(report["labels"]) == ["deadline"] and report["meta"]["total"] > 0
    assert report["labels"]["deadline"]["r"] == 0.0  # OUT holds no deadline
    code = run_subcommand(cli_eval, ["--gold", str(GOLD), "--out", str(tmp_path), "--labels", "meta"])
    human = capsys.readouterr().out
    assert code == 0 and "meta accuracy: 1.000" in human and "micro" not in human and "meta not scored" not in human


def test_parse_labels_meta():
    assert parse_labels("meta") == ("meta",)
    assert parse_labels("meta, deadline") == ("deadline", "meta")
