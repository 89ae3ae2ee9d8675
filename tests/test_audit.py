"""`polex audit OUT`: cues of the genre that no extraction covers, and coverage figures.

The cue rules run on their own examples; the audit of a hand-made document
is checked cue by cue against what a reader sees; then the real CLI audits
what a real `polex run` published.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from polex_cli import run_polex, run_subcommand

from normalizers import normalize
from pipeline.cli import audit as cli_audit
from pipeline.qa.audit import CONTEXT, KINDS, RULES, _Rows, audit_document, audit_out, coverage, find_cues
from pipeline.qa.fixtures import run_core


@pytest.mark.parametrize(
    "rule, text, found",
    [(rule, text, found) for rule in RULES for text, found in rule.examples],
    ids=lambda v: v.cue if hasattr(v, "cue") else (v[:12] if isinstance(v, str) else str(v)),
)
def test_cue_rule_examples(rule, text, found):
    text = normalize(text).text
    assert (next(find_cues(text, [rule]), None) is not None) == found


def test_every_rule_has_a_positive_and_kinds_are_covered():
    for rule in RULES:
        assert any(found for _, found in rule.examples), rule.cue
    assert {r.kind for r in RULES} == set(KINDS)


DOC = (
    "一、重点任务\n"
    "（一）加快项目建设。到2025年，建成项目10个。（省发展改革委牵头，省财政厅配合）\n"
    "（二）强化资金保障。安排资金5000万元。（责任单位：市财政局）\n"
    "（九）单位：万元\n"
    "年内完成招标。\n"
)


def _spans(text: str, *pieces: str) -> _Rows:
    return _Rows([(text.index(p), text.index(p) + len(p)) for p in pieces])


def test_audit_of_a_document_lists_exactly_the_uncovered_cues():
    text = DOC
    rows = {
        "responsibility": _spans(text, "省发展改革委"),  # the 责任单位 note has no unit row
        "amount": _spans(text, "5000万元"),  # `单位：万元` (a table's unit) has none
        "deadline": _spans(text, "到2025年"),  # `年内` has none
        "heading": _Rows(
            [
                (text.index("一、"), text.index("一、") + 6),
                (text.index("（一）"), text.index("（一）") + 9),
                (text.index("（二）"), text.index("（二）") + 9),
            ]
        ),
    }
    audit = audit_document("doc.txt", text, rows)
    got = [(c.kind, c.text) for c in audit.uncovered]
    assert got == [
        ("responsibility", "责任单位："),
        ("heading", "（九）"),
        ("amount", "万元"),
        ("deadline", "年内"),
    ]
    for c in audit.uncovered:
        assert text[c.norm_start : c.norm_end] == c.text
        assert c.before == text[max(0, c.norm_start - CONTEXT) : c.norm_start]
        assert c.after == text[c.norm_end : c.norm_end + CONTEXT]
    figures = coverage([audit])
    assert figures["responsibility"]["cues"] == 2 and figures["responsibility"]["covered"] == 1
    assert figures["amount"]["ratio"] == 0.5
    assert figures["deadline"]["by_cue"]["到20XX年"] == {"cues": 1, "covered": 1, "ratio": 1.0}
    assert figures["heading"]["cues"] == 4 and figures["heading"]["covered"] == 3


def test_a_unit_row_anywhere_in_the_note_covers_it_and_prose_is_no_cue():
    text = "由省发展改革委牵头制定方案。（省发展改革委、省财政厅等按职责分工负责）\n"
    assert [m.group("cue") for _, m in find_cues(text) if _.kind == "responsibility"] == [
        "省发展改革委、省财政厅等按职责分工负责"
    ]
    rows = {k: _Rows([]) for k in KINDS}
    rows["responsibility"] = _spans(text, "省财政厅")
    assert audit_document("d", text, rows).uncovered == []


def test_audit_of_core_output_gives_raw_offsets_and_consistent_figures(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    raw = "某市关于加快发展的实施意见\r\n一、主要目标\r\n到 2025 年，规上企业达到 800 家。\r\n预算表（单位：万元）\r\n"
    (corpus / "a.txt").write_text(raw, encoding="utf-8", newline="")
    out = run_core(corpus, tmp_path / "out")
    code = run_subcommand(cli_audit, [str(out), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    doc = report["documents"]["a.txt"]
    amounts = [c for c in doc["uncovered"] if c["kind"] == "amount"]
    assert [c["text"] for c in amounts] == ["万元"]
    assert raw[amounts[0]["raw_start"] : amounts[0]["raw_start"] + 2] == "万元"
    assert report["coverage"]["deadline"]["by_cue"]["到20XX年"] == {"cues": 1, "covered": 1, "ratio": 1.0}
    assert doc["cues"] - doc["covered"] == len(doc["uncovered"])
    # a floor the corpus misses: exit 1 and one line on stderr
    assert run_subcommand(cli_audit, [str(out), "--summary", "--min-coverage", "amount=0.9"]) == 1
    assert "below floor: amount 0.000" in capsys.readouterr().err


def test_bad_arguments_are_one_line_user_errors(tmp_path, capsys):
    assert run_subcommand(cli_audit, [str(tmp_path / "missing")]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert run_subcommand(cli_audit, [str(tmp_path), "--min-coverage", "units=0.9"]) == 2
    assert "KIND=X" in capsys.readouterr().err


@pytest.mark.usefixtures("prefect_api_url")
def test_polex_audit_after_polex_run_as_a_user_would(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(
        "某县人民政府关于推进项目建设的实施方案\n一、工作任务\n"
        "（一）建设产业园。到2025年建成产业园3个，每个给予100万元奖励。（县发展改革局牵头，县财政局配合）\n"
        "（二）编制投资计划。投资计划表（单位：万元）\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
    assert run.returncode == 0, run.stderr
    human = run_polex("audit", str(out))
    assert human.returncode == 0, human.stderr
    assert "coverage over 1 documents" in human.stdout and "万元" in human.stdout
    as_json = run_polex("audit", str(out), "--json", "--kind", "amount")
    report = json.loads(as_json.stdout)
    assert set(report["coverage"]) == {"amount"}
    assert report["coverage"]["amount"] == {
        "cues": 2,
        "covered": 1,
        "ratio": 0.5,
        "by_cue": {"万元/亿元": {"cues": 2, "covered": 1, "ratio": 0.5}},
    }
    (uncovered,) = report["documents"]["plan.txt"]["uncovered"]
    assert uncovered["before"].endswith("投资计划表（单位：")


def test_cross_references_and_attachment_lists_are_no_heading_cues():
    text = "按本规范第十条第（四）（六）（十）项规定办理。\n附件：1.申请表\n2.承诺书\n"
    assert [m.group("cue") for rule, m in find_cues(text) if rule.kind == "heading"] == []


VERDICTS = Path(__file__).resolve().parent / "fixtures" / "audit"


def test_uncovered_cues_of_the_verdict_documents_are_the_judged_ones(tmp_path):
    """A reader judged every uncovered cue of these real documents (fixtures/audit/README.md)."""
    judged = [json.loads(line) for line in (VERDICTS / "verdicts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert judged and all(v["verdict"].startswith("no ") and v["reason"] for v in judged)
    out = run_core(VERDICTS / "docs", tmp_path / "out")
    uncovered = {(a.doc, c.kind, c.raw_start, c.text) for a in audit_out(out) for c in a.uncovered}
    assert uncovered == {(v["doc"], v["kind"], v["raw_start"], v["text"]) for v in judged}
