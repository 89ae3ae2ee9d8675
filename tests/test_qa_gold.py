"""Gold validation and the Label Studio / doccano / DocBin bridges."""

import json
from pathlib import Path

import pytest
from paths import CORPUS, GOLD, gold_docs  # noqa: E402
from polex_cli import run_subcommand

from pipeline.cli import gold as cli_gold
from pipeline.qa import doccano, labelstudio, spacy_bridge
from pipeline.qa.fixtures import write_out
from pipeline.qa.gold import validate_dir
from pipeline.qa.labels import EXTRA_META_FIELDS
from pipeline.qa.model import AnnotatedDoc, Span

needs_gold = pytest.mark.skipif(not any(GOLD.glob("*.json")), reason="gold files not available")


def as_json(docs, drop_nulls=False):
    """Gold JSON of ``docs``; ``drop_nulls`` forgets null attrs (OUT has a column for every attr,
    gold files may leave unused ones out)."""
    out = [d.to_gold_json() for d in docs]
    if drop_nulls:
        for d in out:
            for s in d["spans"]:
                s["attrs"] = {k: v for k, v in s["attrs"].items() if v is not None}
    return out


@needs_gold
def test_real_gold_is_valid(capsys):
    assert validate_dir(GOLD, CORPUS) == []
    assert run_subcommand(cli_gold, ["validate", str(GOLD), "--corpus", str(CORPUS)]) == 0
    assert "0 problems" in capsys.readouterr().out


@needs_gold
def test_validation_names_file_and_span(tmp_path, capsys):
    src = sorted(GOLD.glob("*.json"))[0]
    data = json.loads(src.read_text(encoding="utf-8"))
    data["spans"][0]["start"] += 1  # text no longer matches
    data["spans"][1]["label"] = "goal"
    data["spans"][2]["attrs"] = {}
    data["sha256"] = "0" * 64
    (tmp_path / src.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    errors = validate_dir(tmp_path, CORPUS)
    assert any("spans[1]" in e and "unknown label 'goal'" in e for e in errors)
    assert any("spans[2]" in e and "missing attr" in e for e in errors)
    assert all(e.startswith(str(tmp_path / src.name)) for e in errors)
    # shape errors stop the file before text checks; fix them and the text/sha errors show
    original = json.loads(src.read_text(encoding="utf-8"))["spans"]
    data["spans"][1]["label"] = original[1]["label"]
    data["spans"][2]["attrs"] = original[2]["attrs"]
    (tmp_path / src.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    errors = validate_dir(tmp_path, CORPUS)
    assert any("spans[0]" in e and "but the document has" in e for e in errors)
    assert any("sha256" in e for e in errors)
    assert run_subcommand(cli_gold, ["validate", str(tmp_path), "--corpus", str(CORPUS)]) == 1
    assert "problems" in capsys.readouterr().out


@needs_gold
@pytest.mark.parametrize("module", [labelstudio, doccano])
def test_tool_round_trip_preserves_every_span_and_attr(module):
    docs = gold_docs()
    back = module.loads(module.dumps(docs), "export")
    assert as_json(back) == as_json(docs)
    assert sum(len(d.spans) for d in back) == sum(len(d.spans) for d in docs) > 0


@needs_gold
def test_docbin_round_trip_and_span_extension():
    docs = gold_docs()
    back = spacy_bridge.from_docbin_bytes(spacy_bridge.to_docbin_bytes(docs))
    assert as_json(back) == as_json(docs)
    sdoc = spacy_bridge.to_spacy(docs[0])
    first = next(s for s in docs[0].spans if s.label == "target")
    span = next(s for s in sdoc.spans["target"] if s.start_char == first.start)
    assert span.text == first.text and span._.polex["value"] == first.attrs["value"]
    assert sdoc._.polex["doc"] == docs[0].doc


def test_labelstudio_converts_utf16_offsets_beyond_bmp():
    text = "𠀋市到2025年"  # the first character is outside the BMP: two UTF-16 units
    doc = AnnotatedDoc(
        "a.txt", "s", {}, [Span("deadline", 2, 8, "到2025年", {"kind": "by", "year": 2025})], raw_text=text
    )
    task = labelstudio.to_task(doc)
    assert task["annotations"][0]["result"][0]["value"]["start"] == 3
    assert labelstudio.from_task(task, "t").spans[0].text == "到2025年"


def test_doccano_entities_form_and_bad_label():
    line = {"text": "到2025年", "entities": [{"id": 1, "start_offset": 0, "end_offset": 6, "label": "deadline"}]}
    doc = doccano.from_line(line, "f:1")
    assert [(s.label, s.start, s.end, s.text) for s in doc.spans] == [("deadline", 0, 6, "到2025年")]
    with pytest.raises(labelstudio.ImportFormatError, match="f:1: span 0:6 has unknown label"):
        doccano.from_line({"text": "到2025年", "label": [[0, 6, "DATE"]]}, "f:1")


@needs_gold
@pytest.mark.parametrize("fmt,suffix", [("labelstudio", "json"), ("doccano", "jsonl"), ("docbin", "spacy")])
def test_cli_export_import_round_trip(tmp_path, capsys, fmt, suffix):
    export = tmp_path / f"gold.{suffix}"
    assert (
        run_subcommand(
            cli_gold, ["export", "--gold", str(GOLD), "--corpus", str(CORPUS), "--format", fmt, "--to", str(export)]
        )
        == 0
    )
    out_dir = tmp_path / "gold"
    assert (
        run_subcommand(
            cli_gold, ["import", "--format", fmt, str(export), "--corpus", str(CORPUS), "--to", str(out_dir)]
        )
        == 0
    )
    for src in GOLD.glob("*.json"):
        assert json.loads((out_dir / src.name).read_text(encoding="utf-8")) == json.loads(
            src.read_text(encoding="utf-8")
        )


@needs_gold
def test_import_finds_document_by_text_and_rejects_changed_text(tmp_path, capsys):
    docs = gold_docs()[:1]
    task = labelstudio.to_task(docs[0])
    del task["data"]["doc"]  # a task created from raw text: matched by its exact text
    (tmp_path / "ls.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    args = [
        "import",
        "--format",
        "labelstudio",
        str(tmp_path / "ls.json"),
        "--corpus",
        str(CORPUS),
        "--to",
        str(tmp_path / "g"),
    ]
    assert run_subcommand(cli_gold, args) == 0
    assert (tmp_path / "g" / (Path(docs[0].doc).stem + ".json")).exists()
    task["data"]["text"] = task["data"]["text"].replace("\n", "\r\n")
    task["data"]["doc"] = docs[0].doc
    (tmp_path / "ls.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    assert run_subcommand(cli_gold, args) == 2
    assert "text differs" in capsys.readouterr().out


@needs_gold
def test_export_out_as_predictions(tmp_path, capsys):
    write_out(tmp_path / "out", gold_docs())
    target = tmp_path / "pre.json"
    assert (
        run_subcommand(
            cli_gold, ["export", "--out", str(tmp_path / "out"), "--format", "labelstudio", "--to", str(target)]
        )
        == 0
    )
    tasks = json.loads(target.read_text(encoding="utf-8"))
    assert all("predictions" in t and t["predictions"][0]["result"] for t in tasks)
    back = labelstudio.loads(target.read_text(encoding="utf-8"), "pre")
    expected = sorted(as_json(gold_docs(), True), key=lambda d: d["doc"])
    for doc in expected:  # the OUT's researcher columns travel with the predictions (null here)
        doc["meta"].update(dict.fromkeys(EXTRA_META_FIELDS))
    assert sorted(as_json(back, True), key=lambda d: d["doc"]) == expected
