"""`polex diff --base A --out B --json` on the real documents: an edit shows only what it changed."""

from __future__ import annotations

import json
import shutil

import pytest
from paths import ROOT
from polex_cli import run_polex

from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import load_gold_dir, read_document_text
from pipeline.qa.tables import load_out

REALDEV = ROOT / "tests" / "fixtures" / "realdev"
# A sentence a later version of a plan might add: a deadline, a target, an amount.
SENTENCE = "到2026年，新增规模以上工业企业120家以上，安排专项资金3亿元。"


def sentence_end_between_spans(text: str, spans) -> int:
    """A position just after a `。` (else a line break) in the second half, inside no gold span."""
    inside = {p for s in spans for p in range(s.start + 1, s.end)}
    for mark in ("。", "\n"):
        for pos in range(len(text) // 2, len(text)):
            if text[pos - 1] == mark and pos not in inside:
                return pos
    return len(text)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """OUT of the real documents, and OUT after one edit in every text document: a sentence
    inserted (odd documents) or a digit of a target polex found changed (even documents)."""
    tmp = tmp_path_factory.mktemp("diffbase")
    base_corpus, new_corpus = tmp / "a", tmp / "b"
    shutil.copytree(REALDEV / "docs", base_corpus)
    shutil.copytree(REALDEV / "docs", new_corpus)
    base = run_core(base_corpus, tmp / "out_a")
    predicted = {d.doc: d for d in load_out(base).values()}
    edits = {}
    for n, gold in enumerate(load_gold_dir(REALDEV / "gold")):
        path = new_corpus / gold.doc
        if path.suffix != ".txt":
            continue  # HTML: an edit of the markup is another matter; the text documents suffice
        text = read_document_text(path)[0]
        targets = [s for s in predicted[gold.doc].spans if s.label == "target" and any(c.isdigit() for c in s.text)]
        if n % 2 == 0 and targets:
            span = targets[len(targets) // 2]
            digit = next(i for i in range(span.start, span.end) if text[i].isdigit())
            text = text[:digit] + ("7" if text[digit] != "7" else "8") + text[digit + 1 :]
            edits[gold.doc] = ("number", digit, digit + 1)
        else:
            at = sentence_end_between_spans(text, gold.spans)
            text = text[:at] + SENTENCE + text[at:]
            edits[gold.doc] = ("sentence", at, at + len(SENTENCE))
        path.write_bytes(text.encode("utf-8"))
    return base, run_core(new_corpus, tmp / "out_b"), edits


def test_one_edit_per_document_gives_a_handful_of_differences(runs):
    base, new, edits = runs
    result = run_polex("diff", "--base", str(base), "--out", str(new), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    by_doc: dict[str, list] = {}
    for row in report["differences"]:
        assert set(row) >= {"doc", "label", "kind", "base", "new", "context"}
        by_doc.setdefault(row["doc"], []).append(row)
    assert set(by_doc) <= set(edits)
    assert len(edits) >= 20
    for doc, (what, start, end) in edits.items():
        rows = by_doc.get(doc, [])
        assert 1 <= len(rows) <= 6, (
            doc,
            what,
            [(r["kind"], r["label"], (r["new"] or r["base"])["text"]) for r in rows],
        )
        for row in rows:  # spans added or removed are at the edit, in the new text's offsets
            # (a `changed` one may be elsewhere: an inserted 到2026年 governs the targets after it)
            if row["kind"] == "spurious":
                assert row["new"]["start"] <= end + 20 and row["new"]["end"] >= start - 20, (doc, row)
    sentences = [doc for doc, (what, _, _) in edits.items() if what == "sentence"]
    # the inserted sentence's spans show as spurious (only in the new run)
    assert all(any(r["kind"] == "spurious" for r in by_doc.get(doc, [])) for doc in sentences)


def test_context_comes_from_each_side_own_text(runs):
    base, new, edits = runs
    report = json.loads(run_polex("diff", "--base", str(base), "--out", str(new), "--json").stdout)
    base_text = {p.name: read_document_text(p)[0] for p in (REALDEV / "docs").iterdir()}
    for row in report["differences"]:
        ctx = row["context"]
        if row["base"] is not None:  # a base span's context is the base text around it
            text, span = base_text[row["doc"]], row["base"]
            assert ctx["before"] == text[max(0, span["start"] - 20) : span["start"]]
            assert ctx["after"] == text[span["end"] : span["end"] + 20]


def test_unchanged_runs_show_nothing(runs):
    base, _new, _edits = runs
    report = json.loads(run_polex("diff", "--base", str(base), "--out", str(base), "--json").stdout)
    assert report == {"differences": [], "notes": []}
