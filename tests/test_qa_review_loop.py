"""The reviewer's loop on a real document, as a reviewer runs it, through the `polex` CLI:

export polex's predictions for Label Studio (or doccano), correct them the way
the tool records corrections (Label Studio cannot drag a span boundary: the
reviewer deletes the region and draws it anew, which carries no meta; doccano
keeps only offsets), import, validate, eval.

The exported files are edited into the shape the tools export: Label Studio's
JSON export (task ``id``, ``annotations`` with ``completed_by``,
``was_cancelled``, ``lead_time``, ``result`` regions with ``origin``
``prediction``/``manual``, and the task's ``predictions`` kept beside them),
doccano's sequence-labelling JSONL export (``id``, ``text``, the example's
metadata keys flattened, ``label`` as ``[start, end, LABEL]``, ``Comments``).
"""

from __future__ import annotations

import copy
import json
import shutil
from xml.dom import minidom

import pytest
from paths import ROOT
from polex_cli import run_polex

from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import load_gold_dir, load_gold_file
from pipeline.qa.labels import REQUIRED_ATTRS
from pipeline.qa.model import Span
from pipeline.qa.scoring import match_document
from pipeline.qa.tables import load_out

REALDEV = ROOT / "tests" / "fixtures" / "realdev"
# The loop needs a document where polex and gold still disagree (a target boundary to move, a
# target polex missed; a unit it missed, else one the reviewer adds): the first realdev document
# that has them, in this order.
PREFERRED_DOCS = ("0116_Action_Plan_for_Digital_Shandong_2019.txt",)


def _disagreements(gold, out_dir):
    predicted = next(iter(load_out(out_dir).values()))
    result = match_document(gold, predicted)
    moved = next((p for p in result.pairs if p.gold.label == "target" and not p.same_bounds), None)  # a boundary to fix
    added = next((s for s in result.missed if s.label == "target"), None)  # a target polex missed
    if not (moved and added):
        return None
    added_unit = next((s for s in result.missed if s.label == "responsible_unit"), None) or _unit_polex_left(predicted)
    return moved, added, added_unit


@pytest.fixture(scope="module")
def loop(tmp_path_factory):
    """One real document in a corpus, polex's OUT for it, its gold, and where they disagree."""
    tmp = tmp_path_factory.mktemp("review")
    golds = {g.doc: g for g in load_gold_dir(REALDEV / "gold")}
    for doc in (*PREFERRED_DOCS, *sorted(golds)):
        corpus = tmp / doc[:4] / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        shutil.copy(REALDEV / "docs" / doc, corpus / doc)
        out = run_core(corpus, tmp / doc[:4] / "out")
        found = _disagreements(golds[doc], out)
        if found:
            moved, added, added_unit = found
            return {
                "tmp": tmp,
                "corpus": corpus,
                "out": out,
                "doc": doc,
                "moved": moved,
                "added": added,
                "added_unit": added_unit,
            }
    pytest.fail("no realdev document where polex and gold disagree on a target boundary and a target")


def _unit_polex_left(predicted):
    """A unit the reviewer draws where polex drew none: a predicted unit's name where it
    stands again outside every predicted span (polex reads all of this document's notes,
    so the reviewer's addition is a name in a sentence they judge a note)."""
    taken = {(s.start, s.end) for s in predicted.spans if s.label == "responsible_unit"}
    for span in predicted.spans:
        if span.label != "responsible_unit":
            continue
        at = predicted.raw_text.find(span.text)
        while at >= 0 and (at, at + len(span.text)) in taken:
            at = predicted.raw_text.find(span.text, at + 1)
        if at >= 0:
            return Span("responsible_unit", at, at + len(span.text), span.text, {"role": "responsible"})
    raise AssertionError("no unit name outside the predicted spans")


def export(loop, fmt, name):
    path = loop["tmp"] / name
    result = run_polex("gold", "export", "--out", str(loop["out"]), "--format", fmt, "--to", str(path))
    assert result.returncode == 0, result.stderr
    return path


def ls_region(span, region_id, origin="manual"):
    """A region as Label Studio writes one the reviewer drew: no meta, a generated id."""
    return {
        "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]},
        "id": region_id,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": origin,
    }


def as_reviewed_in_label_studio(task, loop, keep_meta=True):
    """What Label Studio exports after a reviewer opened the task (predictions copied into a
    new annotation), deleted the region with the wrong boundary, drew it again at the right
    place, drew a missed target and a missed unit, and submitted."""
    moved = loop["moved"]
    prediction = task["predictions"][0]
    prediction.update({"id": 7, "created_ago": "2 hours", "score": None, "cluster": None, "task": 3, "project": 1})
    copied = []
    for region in copy.deepcopy(prediction["result"]):
        value = region["value"]
        if (value["start"], value["end"], value["labels"]) == (moved.pred.start, moved.pred.end, ["target"]):
            continue  # deleted by the reviewer
        region["origin"] = "prediction"
        if not keep_meta:
            region.pop("meta", None)
        copied.append(region)
    copied += [
        ls_region(moved.gold, "Qm3x9_LpZa"),
        ls_region(loop["added"], "Vb71kPq0sE"),
        ls_region(loop["added_unit"], "a9XkLm2Q0r"),
    ]
    task.update(
        {
            "id": 3,
            "meta": {},
            "created_at": "2026-11-30T08:01:12.512Z",
            "updated_at": "2026-11-30T09:15:40.003Z",
            "inner_id": 3,
            "total_annotations": 1,
            "cancelled_annotations": 0,
            "total_predictions": 1,
            "comment_count": 0,
            "unresolved_comment_count": 0,
            "last_comment_updated_at": None,
            "project": 1,
            "updated_by": 1,
            "file_upload": "pre.json",
            "comment_authors": [],
        }
    )
    task["annotations"] = [
        {
            "id": 11,
            "completed_by": 1,
            "result": copied,
            "was_cancelled": False,
            "ground_truth": False,
            "created_at": "2026-11-30T09:15:39.871Z",
            "updated_at": "2026-11-30T09:15:39.871Z",
            "draft_created_at": None,
            "lead_time": 412.734,
            "prediction": {},
            "result_count": 0,
            "unique_id": "5b1c2c5e-2f0b-4a0e-9a57-0d3c9d1e2b11",
            "import_id": None,
            "last_action": None,
            "task": 3,
            "project": 1,
            "updated_by": 1,
            "parent_prediction": 7,
            "parent_annotation": None,
            "last_created_by": None,
        }
    ]
    return task


def span_at(gold, span):
    return next((s for s in gold.spans if (s.label, s.start, s.end) == (span.label, span.start, span.end)), None)


def check_corrections_are_gold(loop, gold_dir):
    gold = load_gold_file(gold_dir / (loop["doc"][:-4] + ".json"))
    moved = span_at(gold, loop["moved"].gold)
    assert moved is not None, "the moved boundary is in the gold"
    assert not moved.needs_attrs
    for name in REQUIRED_ATTRS["target"]:  # the span's attributes kept (re-derived for its new text)
        assert moved.attrs.get(name) == loop["moved"].gold.attrs.get(name), name
    assert span_at(gold, loop["moved"].pred) is None, "the old boundary is gone"
    added = span_at(gold, loop["added"])
    assert added is not None, "the hand-added target is in the gold"
    assert added.needs_attrs or all(added.attrs.get(n) is not None for n in ("value", "comparator"))
    assert span_at(gold, loop["added_unit"]) is not None, "the hand-added unit is in the gold"
    return gold


def test_label_studio_loop(loop):
    ls_file = export(loop, "labelstudio", "pre.json")
    tasks = json.loads(ls_file.read_text(encoding="utf-8"))
    reviewed = [as_reviewed_in_label_studio(tasks[0], loop)]
    (loop["tmp"] / "ls_export.json").write_text(json.dumps(reviewed, ensure_ascii=False), encoding="utf-8")
    gold_dir = loop["tmp"] / "gold_ls"
    imported = run_polex(
        "gold",
        "import",
        "--format",
        "labelstudio",
        str(loop["tmp"] / "ls_export.json"),
        "--corpus",
        str(loop["corpus"]),
        "--to",
        str(gold_dir),
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "wrote 1 gold files" in imported.stdout
    gold = check_corrections_are_gold(loop, gold_dir)
    # a unit polex cannot read alone: kept, and named by validate until its role is written
    unit = span_at(gold, loop["added_unit"])
    validated = run_polex("gold", "validate", str(gold_dir), "--corpus", str(loop["corpus"]))
    if unit.needs_attrs:
        assert validated.returncode == 1 and "needs attributes" in validated.stdout and unit.text in validated.stdout
    else:
        assert validated.returncode == 0, validated.stdout
    # the corrected gold scores polex's run: the moved boundary counts as a boundary match
    scored = run_polex("eval", "--gold", str(gold_dir), "--out", str(loop["out"]), "--json")
    assert scored.returncode == 0, scored.stderr
    report = json.loads(scored.stdout)
    assert report["labels"]["target"]["gold"] == sum(s.label == "target" for s in gold.spans)
    assert report["missing_documents"] == []


def test_label_studio_regions_without_meta_keep_their_attributes(loop):
    """Should Label Studio drop the regions' meta when it copies predictions into an annotation,
    the attributes still come back, from the task data polex exported."""
    tasks = json.loads(export(loop, "labelstudio", "pre2.json").read_text(encoding="utf-8"))
    reviewed = [as_reviewed_in_label_studio(tasks[0], loop, keep_meta=False)]
    (loop["tmp"] / "ls_nometa.json").write_text(json.dumps(reviewed, ensure_ascii=False), encoding="utf-8")
    gold_dir = loop["tmp"] / "gold_nometa"
    imported = run_polex(
        "gold",
        "import",
        "--format",
        "labelstudio",
        str(loop["tmp"] / "ls_nometa.json"),
        "--corpus",
        str(loop["corpus"]),
        "--to",
        str(gold_dir),
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    gold = check_corrections_are_gold(loop, gold_dir)
    predicted = next(iter(load_out(loop["out"]).values()))
    untouched = [
        s
        for s in predicted.spans
        if (s.label, s.start, s.end) != (loop["moved"].pred.label, loop["moved"].pred.start, loop["moved"].pred.end)
    ]
    for span in untouched:
        assert span_at(gold, span).attrs == {k: v for k, v in span.attrs.items()}, span


def test_unreviewed_predictions_need_accept_predictions(loop):
    pre = export(loop, "labelstudio", "pre3.json")
    gold_dir = loop["tmp"] / "gold_unreviewed"
    args = [
        "gold",
        "import",
        "--format",
        "labelstudio",
        str(pre),
        "--corpus",
        str(loop["corpus"]),
        "--to",
        str(gold_dir),
    ]
    refused = run_polex(*args)
    assert refused.returncode == 2 and "--accept-predictions" in refused.stderr
    assert "nobody reviewed" in refused.stdout and not gold_dir.exists()
    accepted = run_polex(*args, "--accept-predictions")
    assert accepted.returncode == 0 and "wrote 1 gold files" in accepted.stdout


def test_doccano_loop(loop):
    """doccano: the reviewer drags the boundary (the span's offsets change, its span_attrs key
    no longer matches) and labels the missed target; doccano exports the example."""
    lines = export(loop, "doccano", "pre.jsonl").read_text(encoding="utf-8").splitlines()
    example = json.loads(lines[0])
    moved, added = loop["moved"], loop["added"]
    labels = [s for s in example.pop("label") if s != [moved.pred.start, moved.pred.end, "target"]]
    labels += [[moved.gold.start, moved.gold.end, "target"], [added.start, added.end, "target"]]
    exported = {"id": 42, "text": example.pop("text"), **example, "label": labels, "Comments": []}
    (loop["tmp"] / "doccano.jsonl").write_text(json.dumps(exported, ensure_ascii=False) + "\n", encoding="utf-8")
    gold_dir = loop["tmp"] / "gold_doccano"
    imported = run_polex(
        "gold",
        "import",
        "--format",
        "doccano",
        str(loop["tmp"] / "doccano.jsonl"),
        "--corpus",
        str(loop["corpus"]),
        "--to",
        str(gold_dir),
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    gold = load_gold_file(gold_dir / (loop["doc"][:-4] + ".json"))
    assert span_at(gold, moved.gold) is not None and span_at(gold, added) is not None
    assert span_at(gold, moved.gold).attrs["value"] == moved.gold.attrs["value"]
    # the example as exported, unchanged: only predictions, so it needs --accept-predictions
    (loop["tmp"] / "untouched.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    refused = run_polex(
        "gold",
        "import",
        "--format",
        "doccano",
        str(loop["tmp"] / "untouched.jsonl"),
        "--corpus",
        str(loop["corpus"]),
        "--to",
        str(loop["tmp"] / "gold_untouched"),
    )
    assert refused.returncode == 2 and "--accept-predictions" in refused.stderr


def test_label_studio_config_names_what_export_writes(loop):
    config = run_polex("gold", "config", "--format", "labelstudio")
    assert config.returncode == 0
    xml = config.stdout
    task = json.loads(export(loop, "labelstudio", "pre4.json").read_text(encoding="utf-8"))[0]
    region = task["predictions"][0]["result"][0]
    assert f'<Labels name="{region["from_name"]}" toName="{region["to_name"]}">' in xml
    assert f'<Text name="{region["to_name"]}" value="$text"' in xml and "text" in task["data"]
    assert '<Header value="$doc"/>' in xml and "doc" in task["data"]
    for label in REQUIRED_ATTRS:
        assert f'<Label value="{label}"' in xml
    minidom.parseString(xml)  # well-formed
    doccano = json.loads(run_polex("gold", "config", "--format", "doccano").stdout)
    assert sorted(d["text"] for d in doccano) == sorted(REQUIRED_ATTRS)
