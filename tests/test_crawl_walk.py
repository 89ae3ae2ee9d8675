"""The data team's nightly walk over a crawl-like folder: HTML, PDF, Word and text (two
encodings) beside the bad files a crawl brings (empty, binary, wrong encoding, truncated PDF,
an unsupported type, an error page saved as HTML), then the next night's re-runs.

- first run: every good file a document, every bad one a quarantine row with its stage and
  reason, exit 1;
- the same folder again: nothing processed, the tables as they were;
- one text changed, one bad file fixed by a re-download, one bad file deleted: exactly those
  processed or removed; every other document's rows (PDF and Word included) as they were; the
  fixed file a document, its quarantine row gone, the deleted one's gone, the others kept.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from paths import ROOT
from polex_cli import SEEDS, assert_tables_equal, make_corpus, manifest, read_tables, rows_of, run_polex, run_summary

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api_url")]

MAKE_FORMATS = ROOT / "tests" / "fixtures" / "formats" / "make_formats.py"
BAD = {
    "bad/empty.txt": ("decode", "empty file"),
    "bad/binary.txt": ("decode", "binary file"),
    "bad/latin1.txt": ("decode", "unknown text encoding"),
    "bad/truncated.pdf": ("decode", "PDF is truncated"),
    "bad/table.xls": ("read", "unsupported file type .xls"),
    "html/404.html": ("decode", "HTML page is an error, login or redirect page"),
}


def _crawl(root):
    corpus = make_corpus(root)
    made = subprocess.run([sys.executable, str(MAKE_FORMATS), str(corpus / "office")], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    text = SEEDS[3].read_text(encoding="utf-8")
    (corpus / "gbk").mkdir()
    (corpus / "gbk" / "003.txt").write_bytes(text.encode("gb18030"))
    (corpus / "html").mkdir()
    (corpus / "html" / "page.html").write_text(
        "<html><body><h1>济南市人民政府关于推进数字经济的实施意见</h1><p>一、总体目标</p>"
        "<p>到2025年，全市数字经济核心产业增加值达到1000亿元。（责任单位：市发展改革委）</p></body></html>",
        encoding="utf-8",
    )
    (corpus / "html" / "404.html").write_text("<html><body><h1>404 Not Found</h1>nginx</body></html>")
    (corpus / "bad").mkdir()
    (corpus / "bad" / "empty.txt").write_bytes(b"")
    (corpus / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "bad" / "latin1.txt").write_bytes("Café politique à 2025".encode("latin-1"))
    pdf = (corpus / "office" / "reportlab.pdf").read_bytes()
    (corpus / "bad" / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (corpus / "bad" / "table.xls").write_bytes(b"\xd0\xcf\x11\xe0 not really a workbook")
    return corpus


def _run(corpus, out, expect: int):
    result = run_polex("run", str(corpus), "--out", str(out), "--no-progress")
    assert result.returncode == expect, result.stdout + result.stderr
    return result


def _quarantine(tables) -> dict[str, tuple[str, str]]:
    return {row.source_path: (row.stage, row.error) for row in tables["quarantine"].itertuples()}


def test_a_crawl_folder_night_after_night(tmp_path):
    corpus, out = _crawl(tmp_path / "crawl"), tmp_path / "out"
    first_run = _run(corpus, out, expect=1)
    first = read_tables(out)
    quarantined = _quarantine(first)
    assert set(quarantined) == set(BAD)
    for path, (stage, reason) in BAD.items():
        assert quarantined[path][0] == stage and quarantined[path][1].startswith(reason), (path, quarantined[path])
        assert f"QUARANTINED {path} [{stage}] {reason}" in first_run.stdout
    documents = set(first["documents"].doc_id)
    office = {d for d in documents if d.startswith("office/")}
    assert {"office/reportlab.pdf", "office/word.docx"} <= office
    assert {"gbk/003.txt", "html/page.html", *(s.name for s in SEEDS)} <= documents

    first_version = manifest(out)["run_id"]
    versions = sorted(p.name for p in (out / "versions").iterdir())
    second_night = run_summary(_run(corpus, out, expect=1).stderr)  # the next night, nothing new
    assert second_night["counts"]["processed"] == 0
    assert not second_night["published"] and second_night["run_id"] == first_version  # no copy of the same tables
    assert manifest(out)["run_id"] == first_version
    assert sorted(p.name for p in (out / "versions").iterdir()) == versions
    assert_tables_equal(read_tables(out), first)

    with open(corpus / SEEDS[0].name, "a", encoding="utf-8") as fh:
        fh.write("\n到2030年，全市新增就业岗位10万个。\n")
    (corpus / "bad" / "empty.txt").write_text(SEEDS[4].read_text(encoding="utf-8"), encoding="utf-8")  # re-fetched
    (corpus / "bad" / "table.xls").unlink()
    _run(corpus, out, expect=1)
    counts = manifest(out)["counts"]
    assert (counts["processed"], counts["changed"], counts["removed"]) == (2, 2, 1), counts
    third = read_tables(out)
    for doc_id in documents - {SEEDS[0].name}:
        assert_tables_equal(rows_of(third, doc_id), rows_of(first, doc_id))
    assert set(third["documents"].doc_id) == documents | {"bad/empty.txt"}
    assert set(_quarantine(third)) == set(BAD) - {"bad/empty.txt", "bad/table.xls"}
    changed = third["targets"][third["targets"].doc_id == SEEDS[0].name]
    added = changed[changed.text == "新增就业岗位10万个"]
    assert added.deadline_year.tolist() == [2030]

    # The reviewer's view of the night's change: the first night's version, kept in OUT, as the base.
    diffed = run_polex("diff", "--base", str(out / "versions" / first_version), "--out", str(out), "--json")
    assert diffed.returncode == 0, diffed.stderr
    differences = json.loads(diffed.stdout)["differences"]
    assert {d["doc"] for d in differences} == {SEEDS[0].name, "bad/empty.txt"}
    assert {"spurious"} == {d["kind"] for d in differences if d["doc"] == "bad/empty.txt"}
    assert any(d["kind"] == "spurious" and d["new"]["text"] == "新增就业岗位10万个" for d in differences)
