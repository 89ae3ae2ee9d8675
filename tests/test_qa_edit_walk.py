"""A QA reviewer corrects gold by hand in Label Studio and in doccano, then scores a run with it.

The walk, through the CLI as the reviewer types it: `polex gold export --gold` (the gold to
correct), three edits in the shape each tool exports them — a span's label changed (a
deadline relabelled amount), a span moved (a heading drawn one character short: Label Studio
deletes the region and draws it anew, doccano moves its offsets), a span deleted (a target) —,
`polex gold import`, and `polex eval --json` of one run against the gold before and after.
Each edit must show in the scores exactly: one deadline fewer in gold (polex's turns spurious),
one amount more (needing its value, so `polex gold validate` names it), one heading missed and
one spurious, one target fewer in gold (polex's turns spurious).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from paths import CORPUS, GOLD
from polex_cli import run_polex

from pipeline.qa.fixtures import run_core

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("edit-walk")
    out = run_core(CORPUS, tmp / "out")
    before = _scores(GOLD, out)
    return tmp, out, before


def _scores(gold: Path, out: Path) -> dict:
    result = run_polex("eval", "--gold", str(gold), "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["labels"]


def _export(tmp: Path, fmt: str, name: str) -> Path:
    path = tmp / name
    result = run_polex(
        "gold", "export", "--gold", str(GOLD), "--corpus", str(CORPUS), "--format", fmt, "--to", str(path)
    )
    assert result.returncode == 0, result.stderr
    return path


def _import(tmp: Path, fmt: str, path: Path, name: str) -> Path:
    gold_dir = tmp / name
    result = run_polex("gold", "import", "--format", fmt, str(path), "--corpus", str(CORPUS), "--to", str(gold_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "amount" in result.stdout and "drawn or relabelled by hand" in result.stdout  # the relabelled span named
    return gold_dir


def _first(spans, label: str, key):
    return next(s for s in spans if key(s) == label)


def _check_the_edits_show(before: dict, after: dict) -> None:
    def delta(label: str, field: str) -> int:
        return after[label][field] - before[label][field]

    assert (delta("deadline", "gold"), delta("deadline", "pred"), delta("deadline", "correct")) == (-1, 0, -1)
    assert (delta("amount", "gold"), delta("amount", "pred"), delta("amount", "correct")) == (1, 0, 0)
    assert (delta("heading", "gold"), delta("heading", "matched"), delta("heading", "correct")) == (0, -1, -1)
    assert (delta("target", "gold"), delta("target", "pred"), delta("target", "correct")) == (-1, 0, -1)
    assert after["target"]["p"] < before["target"]["p"]
    assert after["responsible_unit"] == before["responsible_unit"]  # untouched labels score as before


def _validate_names_the_relabelled_span(gold_dir: Path) -> None:
    result = run_polex("gold", "validate", str(gold_dir), "--corpus", str(CORPUS))
    assert result.returncode == 1 and "needs attributes" in result.stdout and "value_cny" in result.stdout


def test_label_studio_edits_show_in_eval(walk):
    tmp, out, before = walk
    tasks = json.loads(_export(tmp, "labelstudio", "ls.json").read_text(encoding="utf-8"))
    for number, task in enumerate(tasks, 1):  # what Label Studio adds on export
        task["id"] = number
        task["annotations"][0].update({"id": 10 + number, "completed_by": 1, "was_cancelled": False})
    regions = tasks[0]["annotations"][0]["result"]
    labels = lambda r: r["value"]["labels"][0]  # noqa: E731
    relabelled = _first(regions, "deadline", labels)
    relabelled["value"]["labels"] = ["amount"]  # the reviewer picks another label; the region keeps its meta
    regions.remove(_first(regions, "target", labels))  # deleted
    heading = _first(regions, "heading", labels)
    regions.remove(heading)  # moved: deleted and drawn again one character short, with no meta
    start, end = heading["value"]["start"], heading["value"]["end"] - 1
    text = heading["value"]["text"][:-1]
    value = {"start": start, "end": end, "text": text, "labels": ["heading"]}
    regions.append({"id": "drawn1", "from_name": "label", "to_name": "text", "type": "labels", "value": value})
    edited = tmp / "ls_export.json"
    edited.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    gold_dir = _import(tmp, "labelstudio", edited, "gold_ls")
    _check_the_edits_show(before, _scores(gold_dir, out))
    _validate_names_the_relabelled_span(gold_dir)


def test_doccano_edits_show_in_eval(walk):
    tmp, out, before = walk
    examples = [json.loads(line) for line in _export(tmp, "doccano", "dc.jsonl").read_text().splitlines()]
    spans = examples[0]["label"]
    labels = lambda s: s[2]  # noqa: E731
    _first(spans, "deadline", labels)[2] = "amount"
    spans.remove(_first(spans, "target", labels))
    _first(spans, "heading", labels)[1] -= 1
    lines = [json.dumps({"id": n, **e, "Comments": []}, ensure_ascii=False) for n, e in enumerate(examples, 1)]
    edited = tmp / "dc_export.jsonl"
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold_dir = _import(tmp, "doccano", edited, "gold_dc")
    _check_the_edits_show(before, _scores(gold_dir, out))
    _validate_names_the_relabelled_span(gold_dir)
