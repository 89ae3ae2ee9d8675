"""`polex eval` end to end on OUT folders written from hand-made and gold annotations."""

import copy
import json

import pytest
from paths import GOLD, gold_docs  # noqa: E402
from polex_cli import run_subcommand

from pipeline.cli import eval as cli_eval
from pipeline.qa.fixtures import write_out
from pipeline.qa.labels import LABELS

needs_gold = pytest.mark.skipif(not any(GOLD.glob("*.json")), reason="gold files not available")


def eval_json(capsys, out, *extra):
    code = run_subcommand(cli_eval, ["--gold", str(GOLD), "--out", str(out), "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


@needs_gold
def test_gold_as_prediction_scores_one(tmp_path, capsys):
    write_out(tmp_path, gold_docs())
    code, report = eval_json(capsys, tmp_path)
    assert code == 0
    assert set(report["labels"]) == set(LABELS)
    for label, s in report["labels"].items():
        assert (s["p"], s["r"], s["f1"]) == (1.0, 1.0, 1.0), label
        assert s["gold"] == s["pred"] > 0
    assert report["micro_f1"] == 1.0 and report["meta"]["accuracy"] == 1.0


@needs_gold
def test_perturbed_prediction_agrees_with_guide_definition(tmp_path, capsys):
    """Drop every 4th span, give every 3rd remaining amount a wrong value, add a spurious
    deadline: the expected P/R/F1 is computed here independently from the perturbation."""
    docs = gold_docs()
    expected = {label: {"gold": 0, "pred": 0, "correct": 0} for label in LABELS}
    for d in docs:
        kept = []
        for i, s in enumerate(d.spans):
            expected[s.label]["gold"] += 1
            if i % 4 == 0:
                continue
            s = copy.deepcopy(s)
            wrong = s.label == "amount" and i % 3 == 0
            if wrong:
                s.attrs["value_cny"] = s.attrs["value_cny"] * 10
            expected[s.label]["pred"] += 1
            expected[s.label]["correct"] += not wrong
            kept.append(s)
        d.spans = kept
    docs[0].spans.append(type(docs[0].spans[0])("deadline", 0, 1, docs[0].raw_text[0], {"kind": "by", "year": 1999}))
    expected["deadline"]["pred"] += 1
    write_out(tmp_path, docs)
    _, report = eval_json(capsys, tmp_path)
    tot = {k: sum(e[k] for e in expected.values()) for k in ("gold", "pred", "correct")}
    for label, e in expected.items():
        p, r = e["correct"] / e["pred"], e["correct"] / e["gold"]
        got = report["labels"][label]
        assert (got["gold"], got["pred"]) == (e["gold"], e["pred"])
        assert got["p"] == pytest.approx(p, abs=0.01) and got["r"] == pytest.approx(r, abs=0.01)
        assert got["f1"] == pytest.approx(2 * p * r / (p + r), abs=0.01)
    micro_p, micro_r = tot["correct"] / tot["pred"], tot["correct"] / tot["gold"]
    assert report["micro_f1"] == pytest.approx(2 * micro_p * micro_r / (micro_p + micro_r), abs=0.01)


@needs_gold
def test_min_f1_floors_and_missing_documents(tmp_path, capsys):
    docs = gold_docs()
    write_out(tmp_path, docs[:1])  # the second gold document is missing from OUT
    code, report = eval_json(capsys, tmp_path, "--min-f1", "heading=0.5")
    assert code == 0
    assert report["missing_documents"] == [docs[1].doc]
    assert report["labels"]["heading"]["r"] == pytest.approx(
        sum(s.label == "heading" for s in docs[0].spans) / sum(s.label == "heading" for d in docs for s in d.spans)
    )
    code = run_subcommand(cli_eval, ["--gold", str(GOLD), "--out", str(tmp_path), "--min-f1", "micro=0.99"])
    captured = capsys.readouterr()
    assert code == 1 and "micro F1" in captured.err
    assert "heading" in captured.out and "meta accuracy" in captured.out and "missing from OUT" in captured.out


def test_bad_inputs_are_one_line_user_errors(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.json").write_text("{not json", encoding="utf-8")
    code = run_subcommand(cli_eval, ["--gold", str(tmp_path / "gold"), "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "x.json" in err and err.count("\n") == 1
    code = run_subcommand(cli_eval, ["--gold", str(tmp_path), "--out", str(tmp_path), "--min-f1", "foo=1"])
    assert code == 2 and "LABEL=X" in capsys.readouterr().err


def test_core_pipeline_output_is_readable(tmp_path, capsys):
    """Whatever the extractors emit today, eval reads process_document's tables."""
    from pipeline.qa.fixtures import run_core

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "山东省人民政府关于X的意见\n一、总体要求\n到2025年，规模以上企业达到800家。\n"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    import hashlib

    sha = hashlib.sha256(text.encode()).hexdigest()
    s = text.index("到2025年")
    (gold / "a.json").write_text(
        json.dumps(
            {
                "doc": "a.txt",
                "sha256": sha,
                "meta": {"title": None, "doc_number": None, "issuer": None, "issue_date": None},
                "spans": [
                    {
                        "label": "deadline",
                        "start": s,
                        "end": s + 6,
                        "text": "到2025年",
                        "attrs": {"kind": "by", "year": 2025},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    run_core(corpus, tmp_path / "out")
    code = run_subcommand(cli_eval, ["--gold", str(gold), "--out", str(tmp_path / "out"), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["labels"]["deadline"]["gold"] == 1 and report["missing_documents"] == []


@needs_gold
def test_per_doc_table_written_to_a_file_keeps_every_document_name(tmp_path):
    """`polex eval --per-doc > scores.txt`: the table is not cut to a terminal's 80 columns,
    so each row names its document in full (it read `002_d4a341c0…`)."""
    from polex_cli import run_polex

    write_out(tmp_path, gold_docs())
    result = run_polex("eval", "--gold", str(GOLD), "--out", str(tmp_path), "--per-doc", COLUMNS="")
    assert result.returncode == 0, result.stderr
    for doc in gold_docs():
        assert doc.doc in result.stdout, doc.doc
    assert "responsible_unit" in result.stdout and "…" not in result.stdout
